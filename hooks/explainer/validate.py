"""Check what the files say about each other, and assemble the one `Explainer` the renderer uses.

Every cross-reference (actor, kind, source, article, paragraph, quoted words) is resolved here,
so templates never meet a dangling id, and all problems of a run are reported together.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import model
from .anchors import Ambiguous, Match, NotFound, find_quote
from .loader import Entry, RawData, read_data
from .problems import DataError, Problem


@dataclass(frozen=True)
class Span:
    """Words of an article explained by one actor page, claim, loaded phrase or event, located in the text."""

    id: str  # the element id of the words on the article page, stable across edits elsewhere
    owner: str  # id of the actor (or claim, loaded phrase, event) that explains the words
    article: str
    paragraph: str
    start: int
    end: int
    anchor: model.TextQuote
    kind: str = "actor"  # "actor" | "claim" | "loaded" | "event"
    words: str = ""  # the article's words, `paragraph.text[start:end]`, taken once when the quote is found


def paragraph_numbers(article: model.Article) -> dict[str, int]:
    """Paragraph id -> the number a reader sees in the margin: body paragraphs only, counted from 1,
    so that every page that cites "paragraph 3" means the same words."""
    body = [p for p in article.paragraphs if p.kind == model.ParagraphKind.paragraph]
    return {p.id: n for n, p in enumerate(body, start=1)}


@dataclass
class Explainer:
    """Everything a site is built from, cross-checked: ids resolve and every quote was found."""

    articles: dict[str, model.Article]
    actors: dict[str, model.Actor]
    kinds: list[model.Kind]
    terms: list[model.Term]
    sources: dict[str, model.Source]
    spans: list[Span] = field(default_factory=list)
    # Lookups by id, built by `index()` once the spans are final: a scan of every span (or paragraph,
    # event, term) on every page makes rendering O(pages²).
    _index: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    claims: dict[str, model.Claim] = field(default_factory=dict)  # in the order of the data file
    loaded: dict[str, model.LoadedPhrase] = field(default_factory=dict)
    events: list[model.Event] = field(default_factory=list)  # by date
    lessons: dict[str, model.ArticleLesson] = field(default_factory=dict)  # by article id
    unit: model.Unit | None = None  # the site's own title and description, when the data gives them
    actor_questions: dict[str, list[model.Question]] = field(default_factory=dict)  # by actor id

    def __post_init__(self) -> None:
        self.index()

    def index(self) -> None:
        """Build the lookups from the data as it stands; `_assemble` calls it once the spans are final."""
        by_owner: dict[tuple[str, str], list[Span]] = {}
        by_place: dict[tuple[str, str], list[Span]] = {}
        for s in self.spans:
            by_owner.setdefault((s.owner, s.kind), []).append(s)
            by_place.setdefault((s.article, s.paragraph), []).append(s)
        self._index = {
            "owner": by_owner,
            "place": by_place,
            "paragraphs": {(a, p.id): p for a, article in self.articles.items() for p in (article.headline, *article.paragraphs)},
            "events": {e.id: e for e in self.events},
            "terms": {t.id: t for t in self.terms},
            "numbers": {(a, p_id): n for a, article in self.articles.items()
                        for p_id, n in paragraph_numbers(article).items()},
        }

    def spans_of(self, owner: str, kind: str = "actor") -> list[Span]:
        """The spans an actor (or claim, loaded phrase, event) explains, in the order of `spans`."""
        return list(self._index["owner"].get((owner, kind), ()))

    def spans_in(self, article_id: str, paragraph_id: str, kinds: tuple[str, ...] | None = None) -> list[Span]:
        return [s for s in self._index["place"].get((article_id, paragraph_id), ())
                if kinds is None or s.kind in kinds]

    def span_of(self, kind: str, owner: str) -> Span | None:
        """The one span of a claim or loaded phrase."""
        spans = self._index["owner"].get((owner, kind))
        return spans[0] if spans else None

    def claims_of(self, article_id: str) -> list[model.Claim]:
        return [c for c in self.claims.values() if (s := self.span_of("claim", c.id)) and s.article == article_id]

    def paragraph(self, article_id: str, paragraph_id: str) -> model.Paragraph:
        """A paragraph by its ids, for templates (a filter over the article per quote is O(N²))."""
        return self._index["paragraphs"][(article_id, paragraph_id)]

    def paragraph_number(self, article_id: str, paragraph_id: str) -> int | None:
        """The number the article page shows beside a paragraph; captions and headings have none."""
        return self._index["numbers"].get((article_id, paragraph_id))

    def find_paragraph(self, article_id: str, paragraph_id: str) -> model.Paragraph | None:
        return self._index["paragraphs"].get((article_id, paragraph_id))

    def event(self, event_id: str) -> model.Event:
        return self._index["events"][event_id]

    def term(self, term_id: str) -> model.Term:
        return self._index["terms"][term_id]

    def articles_by_date(self) -> list[model.Article]:
        """The articles in the order a unit is read: by the day each describes, undated ones last."""
        return sorted(self.articles.values(), key=lambda a: (a.as_of is None, a.as_of or "", a.title.casefold(), a.id))

    def in_article(self, actor: model.Actor, article_id: str) -> model.ActorInArticle:
        """Whether and how an article names an actor: its `articles:` entry, else the page's own
        fields for the articles it quotes (or the first article, when it quotes none)."""
        entry = actor.articles.get(article_id) or model.ActorInArticle()
        quoted = {s.article for s in self.spans_of(actor.id)}
        if len(self.articles) == 1:
            named = actor.named_in_article
        else:
            named = bool(quoted) if not actor.named_in_article or article_id in quoted else False
        own = len(self.articles) == 1 or article_id in quoted or (not quoted and article_id == self.articles_by_date()[0].id)
        page, mine = actor.simple, entry.simple  # the simple versions travel with the texts they simplify
        role = entry.role or (actor.article_role if own else None)
        record = entry.record or (actor.record if own else None)
        simple_role = (mine and mine.role) if entry.role else (page and page.article_role if own else None)
        simple_record = (mine and mine.record) if entry.record else (page and page.record if own else None)
        return model.ActorInArticle(
            named=entry.named if entry.named is not None else named, role=role, record=record,
            simple=model.InArticleSimple(role=simple_role or None, record=simple_record or None)
            if (simple_role or simple_record) else None,
        )

    def names_actor_anywhere(self, actor: model.Actor) -> bool:
        return any(self.in_article(actor, article_id).named for article_id in self.articles)

    def actors_of_kind(self, kind: str) -> list[model.Actor]:
        return sorted((a for a in self.actors.values() if a.kind == kind), key=lambda a: a.name.casefold())


def load_explainer(data_dir: Path) -> Explainer:
    """Read and check `data_dir`; raise DataError listing every problem if anything is wrong."""
    raw = read_data(Path(data_dir))
    problems = list(raw.problems)
    explainer = _assemble(raw, problems)
    if problems:
        raise DataError(problems)
    return explainer


def _assemble(raw: RawData, problems: list[Problem]) -> Explainer:
    sources = _unique(raw.sources, "sources", problems)
    kinds = _unique(raw.kinds, "kinds", problems)
    terms = _unique(raw.glossary, "terms", problems)
    articles = _by_file_name(raw.articles, problems)
    actors = _by_file_name(raw.actors, problems)
    explainer = Explainer(
        articles={k: e.value for k, e in sorted(articles.items())},
        actors={k: e.value for k, e in sorted(actors.items())},
        kinds=[e for e in kinds.values()],
        terms=sorted(terms.values(), key=lambda t: t.term.casefold()),
        sources=dict(sorted(sources.items())),
        unit=raw.unit.value if raw.unit else None,
    )
    for entry in articles.values():
        _check_paragraph_ids(entry, problems)
    for actor_id, entry in actors.items():
        actor: model.Actor = entry.value
        if "kinds" not in raw.unreadable and actor.kind not in kinds:
            problems.append(entry.problem(("kind",), _unknown("kind", actor.kind, kinds, f"{raw.folder}/kinds.yaml")))
        for i, rel in enumerate(actor.relationships):
            if rel.target not in actors and f"actors:{rel.target}" not in raw.unreadable:
                problems.append(entry.problem(("relationships", i, "target"), _unknown("actor", rel.target, actors)))
            elif rel.target == actor_id:
                problems.append(entry.problem(("relationships", i, "target"), "an actor cannot have a relationship with itself"))
            _check_sources(entry, ("relationships", i, "sources"), rel.sources, sources, raw, problems)
        _check_sources(entry, ("sources",), actor.sources, sources, raw, problems)
        if not any(key.startswith("articles:") for key in raw.unreadable):
            for article_id in actor.articles:
                if article_id not in explainer.articles:
                    problems.append(entry.problem(("articles", article_id), _unknown("article", article_id, explainer.articles)))
        explainer.spans += _locate(entry, explainer, raw, problems)
    if raw.glossary:
        _check_glossary(raw.glossary, actors, sources, raw, problems)
    if raw.claims:
        _check_claims(raw.claims, explainer, sources, raw, problems)
    if raw.events:
        _check_events(raw.events, explainer, actors, sources, raw, problems)
    if raw.classroom:
        _check_classroom(raw.classroom, explainer, actors, terms, raw, problems)
    position = {(a.id, p.id): i for a in explainer.articles.values() for i, p in enumerate((a.headline, *a.paragraphs))}
    explainer.spans.sort(key=lambda s: (s.article, position[(s.article, s.paragraph)], s.start, -s.end, s.kind, s.owner))
    explainer.index()  # the spans, events and terms are final from here on
    return explainer


def _unique(entry: Entry | None, key: str, problems: list[Problem]) -> dict:
    """Items of a list file by id; a repeated id is a problem at its second place."""
    found: dict = {}
    if entry is None:
        return found
    for i, item in enumerate(getattr(entry.value, key)):
        if item.id in found:
            problems.append(entry.problem((key, i, "id"), f"id '{item.id}' is used twice; ids must be unique"))
        else:
            found[item.id] = item
    return found


def _by_file_name(entries: list[Entry], problems: list[Problem]) -> dict[str, Entry]:
    found = {}
    for entry in entries:
        stem = Path(entry.doc.file).stem
        if entry.value.id != stem:
            problems.append(entry.problem(("id",), f"id '{entry.value.id}' must match the file name '{stem}'; rename one of them"))
        found[entry.value.id] = entry
    return found


def _check_paragraph_ids(entry: Entry, problems: list[Problem]) -> None:
    seen = set()
    for i, paragraph in enumerate(entry.value.paragraphs):
        if paragraph.id == model.HEADLINE:
            problems.append(entry.problem(("paragraphs", i, "id"), f"the id '{model.HEADLINE}' is kept for quoting the "
                                                                   "article's headline; give this paragraph another id"))
        if paragraph.id in seen:
            problems.append(entry.problem(("paragraphs", i, "id"), f"paragraph id '{paragraph.id}' is used twice"))
        seen.add(paragraph.id)


def _check_sources(entry: Entry, path: tuple, ids: list[str], sources: dict, raw: RawData, problems: list[Problem]):
    if "sources" in raw.unreadable or raw.sources is None:
        return  # sources.yaml itself is broken; its own problems were reported
    for i, source_id in enumerate(ids):
        if source_id not in sources:
            problems.append(entry.problem(path + (i,), _unknown("source", source_id, sources, f"{raw.folder}/sources.yaml")))


def suggest(value: str, known) -> str | None:
    """The id a contributor most likely meant: same start first (`eastern-regional-govt` means
    `eastern-regional-government`, not another id that merely ends alike), then plain similarity."""
    known = sorted(known)
    head = value.split("-")[0]
    same_start = [k for k in known if k.split("-")[0] == head]
    near = difflib.get_close_matches(value, same_start, n=1, cutoff=0.4)
    near = near or difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    if not near:  # a misspelt first word alone: `capitol` for `capital-government`
        heads = {}
        for k in known:
            heads.setdefault(k.split("-")[0], k)
        near = [heads[h] for h in difflib.get_close_matches(value, list(heads), n=1, cutoff=0.75)]
    return near[0] if near else None


def _unknown(what: str, value: str, known, where: str | None = None) -> str:
    near = suggest(value, known)
    hint = f" (did you mean '{near}'?)" if near else (f"; add it to {where}" if where else "")
    return f"unknown {what} '{value}'{hint}"


def _locate(entry: Entry, ex: Explainer, raw: RawData, problems: list[Problem]) -> list[Span]:
    """Find each `covers:` quote in its paragraph; every miss says what the article has instead."""
    actor: model.Actor = entry.value
    spans: list[Span] = []
    used_ids: set[str] = set()
    for i, anchor in enumerate(actor.covers):
        found = _find_anchor(entry, ("covers", i), anchor, ex, raw, problems)
        if found is None:
            continue
        article_id, paragraph, match = found
        words = paragraph.text[match.start:match.end]
        span_id = _span_id(actor.id, words, used_ids)
        spans.append(Span(span_id, actor.id, article_id, paragraph.id, match.start, match.end, anchor, words=words))
    return spans


def _find_anchor(entry: Entry, here: tuple, anchor: model.TextQuote, ex: Explainer,
                 raw: RawData, problems: list[Problem]):
    """`(article id, paragraph, Match)` for one quote anchor, or None after reporting why not."""
    if any(key.startswith("articles:") for key in raw.unreadable):
        return None  # an article did not load: its own problems say why; anchors wait for it
    articles = ex.articles
    article_id = anchor.article or (next(iter(articles)) if len(articles) == 1 else _article_with(anchor, ex))
    if article_id is None:
        problems.append(entry.problem(here, "these words are in more than one article; say which with `article:` "
                                            f"(one of: {', '.join(sorted(articles))})"))
        return None
    article = articles.get(article_id)
    if article is None:
        if articles:
            problems.append(entry.problem(here + ("article",), _unknown("article", article_id, articles)))
        return None
    # From the explainer's index, built once: a dict of the article's paragraphs per quote is O(N²) in all.
    paragraph = ex.find_paragraph(article_id, anchor.paragraph)
    if paragraph is None:
        paragraphs = dict.fromkeys(p.id for p in article.paragraphs)
        problems.append(entry.problem(here + ("paragraph",), _unknown(f"paragraph of '{article_id}'", anchor.paragraph, paragraphs)))
        return None
    found = find_quote(paragraph.text, anchor.quote, anchor.prefix, anchor.suffix)
    if isinstance(found, NotFound):
        problems.append(entry.problem(here + ("quote",),
            f"quote not found in paragraph '{paragraph.id}'; nearest text is \"{found.nearest}\" ({found.diff})"))
        return None
    if isinstance(found, Ambiguous):
        what = "occurs more than once" if found.count > 1 else "matches no occurrence with that prefix/suffix"
        problems.append(entry.problem(here + ("quote",),
            f"quote {what} in paragraph '{paragraph.id}'; add `prefix:` or `suffix:` with the words next to the one you mean"))
        return None
    return article_id, paragraph, found


def _article_with(anchor: model.TextQuote, ex: Explainer) -> str | None:
    """The one article whose paragraph `anchor.paragraph` holds the quote, so that adding an article
    to a unit needs no `article:` in the quotes already written; None when several do. When none
    does, the first article with that paragraph id (or the first article), for its message."""
    having = [a for a in ex.articles if ex.find_paragraph(a, anchor.paragraph) is not None]
    found = [a for a in having if isinstance(find_quote(ex.find_paragraph(a, anchor.paragraph).text, anchor.quote,
                                                        anchor.prefix, anchor.suffix), Match)]
    if len(found) > 1:
        return None
    return (found or having or list(ex.articles))[0]


def _check_claims(entry: Entry, ex: Explainer, sources: dict, raw: RawData, problems: list[Problem]) -> None:
    """Claims and loaded phrases: unique ids, known sources and claims, quotes found in the article."""
    claims_file: model.ClaimsFile = entry.value
    ex.claims = _unique(entry, "claims", problems)
    ex.loaded = _unique(entry, "loaded", problems)
    for i, claim in enumerate(claims_file.claims):
        _check_sources(entry, ("claims", i, "sources"), claim.sources, sources, raw, problems)
        found = _find_anchor(entry, ("claims", i), claim, ex, raw, problems)
        if found and ex.claims.get(claim.id) is claim:
            article_id, paragraph, match = found
            ex.spans.append(Span(f"claim-{claim.id}", claim.id, article_id, paragraph.id, match.start, match.end, claim, "claim",
                                 paragraph.text[match.start:match.end]))
    for i, phrase in enumerate(claims_file.loaded):
        if phrase.claim and phrase.claim not in ex.claims:
            problems.append(entry.problem(("loaded", i, "claim"), _unknown("claim", phrase.claim, ex.claims)))
        found = _find_anchor(entry, ("loaded", i), phrase, ex, raw, problems)
        if found and ex.loaded.get(phrase.id) is phrase:
            article_id, paragraph, match = found
            ex.spans.append(Span(f"loaded-{phrase.id}", phrase.id, article_id, paragraph.id, match.start, match.end, phrase, "loaded",
                                 paragraph.text[match.start:match.end]))


def _check_events(entry: Entry, ex: Explainer, actors: dict, sources: dict, raw: RawData, problems: list[Problem]) -> None:
    """Events: unique ids, known actors and sources, quoted words found in the article."""
    events = _unique(entry, "events", problems)
    for i, event in enumerate(entry.value.events):
        for j, actor_id in enumerate(event.actors):
            if actor_id not in actors and f"actors:{actor_id}" not in raw.unreadable:
                problems.append(entry.problem(("events", i, "actors", j), _unknown("actor", actor_id, actors)))
        _check_sources(entry, ("events", i, "sources"), event.sources, sources, raw, problems)
        for j, anchor in enumerate(event.explains):
            found = _find_anchor(entry, ("events", i, "explains", j), anchor, ex, raw, problems)
            if found and events.get(event.id) is event:
                article_id, paragraph, match = found
                span_id = f"event-{event.id}" + (f"--{j + 1}" if j else "")  # `--`: no id holds it
                ex.spans.append(Span(span_id, event.id, article_id, paragraph.id, match.start, match.end, anchor, "event",
                                     paragraph.text[match.start:match.end]))
    ex.events = sorted(events.values(), key=lambda e: (e.date, e.id))


def _check_classroom(entry: Entry, ex: Explainer, actors: dict, terms: dict, raw: RawData, problems: list[Problem]) -> None:
    """Questions and lessons: keyed by known articles and actors, naming known terms and claims."""
    classroom: model.ClassroomFile = entry.value
    articles_ok = not any(key.startswith("articles:") for key in raw.unreadable)
    for article_id, lesson in classroom.articles.items():
        if article_id not in ex.articles:
            if articles_ok:
                problems.append(entry.problem(("articles", article_id), _unknown("article", article_id, ex.articles)))
            continue
        ex.lessons[article_id] = lesson
        if "glossary" not in raw.unreadable:
            for j, term_id in enumerate(lesson.vocabulary):
                if term_id not in terms:
                    problems.append(entry.problem(("articles", article_id, "vocabulary", j),
                                                  _unknown("glossary term", term_id, terms, f"{raw.folder}/glossary.yaml")))
        _check_question_claims(entry, ("articles", article_id, "questions"), lesson.questions, ex, raw, problems)
    for actor_id, questions in classroom.actors.items():
        if actor_id not in actors:
            if f"actors:{actor_id}" not in raw.unreadable:
                problems.append(entry.problem(("actors", actor_id), _unknown("actor", actor_id, actors)))
            continue
        ex.actor_questions[actor_id] = questions
        _check_question_claims(entry, ("actors", actor_id), questions, ex, raw, problems)


def _check_question_claims(entry: Entry, path: tuple, questions: list, ex: Explainer, raw: RawData, problems: list[Problem]) -> None:
    if "claims" in raw.unreadable:
        return
    for i, question in enumerate(questions):
        for j, claim_id in enumerate(question.claims):
            if claim_id not in ex.claims:
                where = f"{raw.folder}/claims.yaml" + ("" if ex.claims else " (the file is missing)")
                problems.append(entry.problem(path + (i, "claims", j), _unknown("claim", claim_id, ex.claims, where)))


def _id_letters(words: str) -> str:
    """The words as id text in any script: Latin letters lose their accents (`Islāmic` -> `islamic`),
    other letters and digits stay as they are, lower-cased (`Гавань` -> `гавань`); punctuation
    outside ASCII is dropped and ASCII punctuation separates words, as ids have always been made."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", words.casefold()):
        category = unicodedata.category(char)
        if char.isascii() or category[0] in "LN":
            kept.append(char)
        elif category == "Mn" and kept and not kept[-1].isascii():
            kept.append(char)  # a mark on a letter of another script (Cyrillic й) stays with it
    return unicodedata.normalize("NFC", "".join(kept))


def _span_id(owner: str, words: str, used: set[str]) -> str:
    """`q-<actor>--<first words>`: stable when other quotes are added, unique on the page. The double
    hyphen, which no id contains, keeps `q-a--b-c` (actor `a`) apart from `q-a-b--c` (actor `a-b`)."""
    slug = "-".join(re.findall(r"[^\W_]+", _id_letters(words)))[:32].strip("-")
    base = f"q-{owner}--{slug or 'quote'}"
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate


def _check_glossary(entry: Entry, actors: dict, sources: dict, raw: RawData, problems: list[Problem]) -> None:
    claimed: dict[str, tuple[str, int]] = {}
    for i, term in enumerate(entry.value.terms):
        if term.actor and term.actor not in actors and f"actors:{term.actor}" not in raw.unreadable:
            problems.append(entry.problem(("terms", i, "actor"), _unknown("actor", term.actor, actors)))
        _check_sources(entry, ("terms", i, "sources"), term.sources, sources, raw, problems)
        for form in term.forms():
            key = form.casefold()
            if key in claimed and claimed[key][0] != term.id:
                other, line = claimed[key]
                problems.append(entry.problem(("terms", i),
                    f"'{form}' is claimed by term '{term.id}' and by term '{other}' (line {line}); keep it in one"))
            claimed.setdefault(key, (term.id, entry.line("terms", i)))
