"""Check what the files say about each other, and make the one `Explainer` the renderer uses.

Every cross-reference (actor, kind, source, article, paragraph, quoted words) is resolved here,
so templates never meet a dangling id, and all problems of a run are reported together. The checks
read a first `Explainer` of the files that loaded (its lookups find paragraphs for the quotes) and
collect what they find; the `Explainer` returned is made once from both, and frozen.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import catalogue, model
from .aggregate import Explainer, Span, SpanKind  # noqa: F401  (Explainer and Span: callers import them from here too)
from .anchors import Ambiguous, Match, NotFound, find_quote
from .glossary_marker import GlossaryIndex
from .loader import Entry, RawData, read_data
from .problems import DataError, Problem


def load_explainer(data_dir: Path, docs_dir: Path | None = None, home_page: bool = False) -> Explainer:
    """Read and check `data_dir`; raise DataError listing every problem if anything is wrong. With
    `docs_dir`, the hand-written pages there are checked against the generated ones, too (`home_page`:
    the site generates its home page)."""
    from .page_clashes import hand_written_pages, page_clashes
    from .render import page_paths  # render imports this module: imported when first needed

    raw = read_data(Path(data_dir))
    problems = list(raw.problems)
    explainer = _Checks(raw, problems).run()
    docs_name = Path(docs_dir).name if docs_dir is not None else "docs"
    problems += page_clashes(page_paths(explainer, home_page), raw, hand_written_pages(docs_dir), docs_name)
    if problems:
        raise DataError(problems)
    return explainer


@dataclass
class _Checks:
    """One run of the cross-file checks: what loaded, the problems so far, and what the checks found."""

    raw: RawData
    problems: list[Problem]
    spans: list[Span] = field(default_factory=list)
    claims: dict = field(default_factory=dict)
    loaded: dict = field(default_factory=dict)
    events: list = field(default_factory=list)
    lessons: dict = field(default_factory=dict)
    actor_questions: dict = field(default_factory=dict)
    places: dict = field(default_factory=dict)
    frame: model.Frame | None = None

    def run(self) -> Explainer:
        raw, problems = self.raw, self.problems
        self.sources = _unique(raw.sources, "sources", problems)
        self.kinds = _unique(raw.kinds, "kinds", problems)
        self.terms = _unique(raw.glossary, "terms", problems)
        self.article_entries = _by_file_name(raw.articles, problems)
        self.actor_entries = _by_file_name(raw.actors, problems)
        self.base = Explainer(
            articles={k: e.value for k, e in sorted(self.article_entries.items())},
            actors={k: e.value for k, e in sorted(self.actor_entries.items())},
            kinds=list(self.kinds.values()),
            terms=sorted(self.terms.values(), key=lambda t: t.term.casefold()),
            sources=dict(sorted(self.sources.items())),
            unit=raw.unit.value if raw.unit else None,
        )
        self.articles_ok = not any(key.startswith("articles:") for key in raw.unreadable)
        if raw.unit:
            self.unit_texts(raw.unit)
        if raw.places:
            self.places_and_frame(raw.places)
        for entry in self.article_entries.values():
            self.paragraph_ids(entry)
        for actor_id, entry in self.actor_entries.items():
            self.actor(actor_id, entry)
        if raw.glossary:
            self.glossary(raw.glossary)
        if raw.claims:
            self.claims_and_wording(raw.claims)
        if raw.events:
            self.timeline(raw.events)
        if raw.classroom:
            self.classroom(raw.classroom)
        articles = self.base.articles.values()
        position = {(a.id, p.id): i for a in articles for i, p in enumerate((a.headline, *a.paragraphs))}
        self.spans.sort(key=lambda s: (s.article, position[(s.article, s.paragraph)], s.start, -s.end, s.kind, s.owner))
        return dataclasses.replace(self.base, spans=tuple(self.spans), claims=self.claims, loaded=self.loaded,
                                   events=self.events, lessons=self.lessons, actor_questions=self.actor_questions,
                                   places=self.places, frame=self.frame)

    # --- each file ---------------------------------------------------------------------------------

    def paragraph_ids(self, entry: Entry) -> None:
        seen = set()
        for i, paragraph in enumerate(entry.value.paragraphs):
            if paragraph.id == model.HEADLINE:
                self.problems.append(entry.problem(("paragraphs", i, "id"), f"the id '{model.HEADLINE}' is kept for quoting "
                                                                            "the article's headline; give this paragraph another id"))
            if paragraph.id in seen:
                self.problems.append(entry.problem(("paragraphs", i, "id"), f"paragraph id '{paragraph.id}' is used twice"))
            seen.add(paragraph.id)

    def unit_texts(self, entry: Entry) -> None:
        """A site's own wording replaces texts of the catalogue: each key must be one of them."""
        known = catalogue.keys()
        for key in entry.value.texts:
            if key not in known:
                near = difflib.get_close_matches(key, known, n=1)
                hint = f" (did you mean '{near[0]}'?)" if near else "; the keys are in hooks/explainer/texts/en.yaml"
                self.problems.append(entry.problem(("texts", key), f"unknown text '{key}'{hint}"))

    def actor(self, actor_id: str, entry: Entry) -> None:
        raw, problems, actors = self.raw, self.problems, self.actor_entries
        actor: model.Actor = entry.value
        if "kinds" not in raw.unreadable and actor.kind not in self.kinds:
            problems.append(entry.problem(("kind",), _unknown("kind", actor.kind, self.kinds, f"{raw.folder}/kinds.yaml")))
        for i, rel in enumerate(actor.relationships):
            if rel.target not in actors and f"actors:{rel.target}" not in raw.unreadable:
                problems.append(entry.problem(("relationships", i, "target"), _unknown("actor", rel.target, actors)))
            elif rel.target == actor_id:
                problems.append(entry.problem(("relationships", i, "target"), "an actor cannot have a relationship with itself"))
            self.cited(entry, ("relationships", i, "sources"), rel.sources)
        self.cited(entry, ("sources",), actor.sources)
        for i, spot in enumerate(actor.places):
            self.known_place(entry, ("places", i, "place"), spot.place)
            self.cited(entry, ("places", i, "sources"), spot.sources)
        if self.articles_ok:
            for article_id in actor.articles:
                if article_id not in self.base.articles:
                    problems.append(entry.problem(("articles", article_id), _unknown("article", article_id, self.base.articles)))
        used_ids: set[str] = set()
        for i, anchor in enumerate(actor.covers):
            found = self.quote(entry, ("covers", i), anchor)
            if found is not None:
                article_id, paragraph, match = found
                words = paragraph.text[match.start:match.end]
                self.spans.append(Span(_span_id(actor.id, words, used_ids), actor.id, article_id, paragraph.id,
                                       match.start, match.end, anchor, words=words))

    def places_and_frame(self, entry: Entry) -> None:
        """Places: unique ids, known sources, and every place inside the frame the maps show."""
        places_file: model.PlacesFile = entry.value
        self.places = _unique(entry, "places", self.problems)
        self.frame = frame = places_file.frame
        from .maps import outline_box  # the outlines the generator ships cover this box only

        west, south, east, north = outline_box()
        if frame.west < west or frame.east > east or frame.south < south or frame.north > north:
            self.problems.append(entry.problem(("frame",), f"the frame reaches beyond the country outlines the generator "
                                                           f"ships (west {west}, south {south}, east {east}, north {north}); "
                                                           "keep it inside, or make new outlines with scripts/map_outlines.py"))
        for i, place in enumerate(places_file.places):
            self.cited(entry, ("places", i, "sources"), place.sources)
            if not (frame.south <= place.lat <= frame.north and frame.west <= place.lon <= frame.east):
                self.problems.append(entry.problem(("places", i), f"'{place.id}' ({place.lat}, {place.lon}) lies outside the "
                                                                  f"map's frame (latitude {frame.south} to {frame.north}, "
                                                                  f"longitude {frame.west} to {frame.east}); check the "
                                                                  "coordinates, or widen `frame:`"))

    def known_place(self, entry: Entry, path: tuple, place_id: str) -> None:
        """A place id that `places.yaml` lists (unless that file is itself broken)."""
        if "places" not in self.raw.unreadable and place_id not in self.places:
            self.problems.append(entry.problem(path, _unknown("place", place_id, self.places, f"{self.raw.folder}/places.yaml")))

    def glossary(self, entry: Entry) -> None:
        claimed: dict[str, tuple[str, int]] = {}
        actors, raw = self.actor_entries, self.raw
        place_forms = {form.casefold(): p.id for p in self.places.values() for form in p.forms()}
        for i, term in enumerate(entry.value.terms):
            if term.actor and term.actor not in actors and f"actors:{term.actor}" not in raw.unreadable:
                self.problems.append(entry.problem(("terms", i, "actor"), _unknown("actor", term.actor, actors)))
            if term.place:
                self.known_place(entry, ("terms", i, "place"), term.place)
            for form in term.forms():
                owner = place_forms.get(form.casefold())
                if owner and owner != term.place:
                    self.problems.append(entry.problem(("terms", i), f"'{form}' is also the name of place '{owner}' in "
                                                                     f"{raw.folder}/places.yaml: add `place: {owner}` to this term"))
                    break
            self.cited(entry, ("terms", i, "sources"), term.sources)
            for form in term.forms():
                key = form.casefold()
                if key in claimed and claimed[key][0] != term.id:
                    other, line = claimed[key]
                    self.problems.append(entry.problem(("terms", i),
                        f"'{form}' is claimed by term '{term.id}' and by term '{other}' (line {line}); keep it in one"))
                claimed.setdefault(key, (term.id, entry.line("terms", i)))

    def claims_and_wording(self, entry: Entry) -> None:
        """Claims and loaded phrases: unique ids, known sources and claims, quotes found in the article."""
        claims_file: model.ClaimsFile = entry.value
        self.claims = _unique(entry, "claims", self.problems)
        self.loaded = _unique(entry, "loaded", self.problems)
        for i, claim in enumerate(claims_file.claims):
            self.cited(entry, ("claims", i, "sources"), claim.sources)
            found = self.quote(entry, ("claims", i), claim)
            if found and self.claims.get(claim.id) is claim:
                self.span(f"claim-{claim.id}", claim.id, found, claim, SpanKind.claim)
        for i, phrase in enumerate(claims_file.loaded):
            if phrase.claim and phrase.claim not in self.claims:
                self.problems.append(entry.problem(("loaded", i, "claim"), _unknown("claim", phrase.claim, self.claims)))
            found = self.quote(entry, ("loaded", i), phrase)
            if found and self.loaded.get(phrase.id) is phrase:
                self.span(f"loaded-{phrase.id}", phrase.id, found, phrase, SpanKind.loaded)

    def timeline(self, entry: Entry) -> None:
        """Events: unique ids, known actors and sources, quoted words found in the article."""
        events = _unique(entry, "events", self.problems)
        actors, raw = self.actor_entries, self.raw
        for i, event in enumerate(entry.value.events):
            for j, actor_id in enumerate(event.actors):
                if actor_id not in actors and f"actors:{actor_id}" not in raw.unreadable:
                    self.problems.append(entry.problem(("events", i, "actors", j), _unknown("actor", actor_id, actors)))
            self.cited(entry, ("events", i, "sources"), event.sources)
            for j, place_id in enumerate(event.places):
                self.known_place(entry, ("events", i, "places", j), place_id)
            for j, anchor in enumerate(event.explains):
                found = self.quote(entry, ("events", i, "explains", j), anchor)
                if found and events.get(event.id) is event:
                    span_id = f"event-{event.id}" + (f"--{j + 1}" if j else "")  # `--`: no id holds it
                    self.span(span_id, event.id, found, anchor, SpanKind.event)
        self.events = sorted(events.values(), key=lambda e: (e.date, e.id))

    def classroom(self, entry: Entry) -> None:
        """Questions and lessons: keyed by known articles and actors, naming known terms and claims."""
        classroom: model.ClassroomFile = entry.value
        raw, articles = self.raw, self.base.articles
        for article_id, lesson in classroom.articles.items():
            if article_id not in articles:
                if self.articles_ok:
                    self.problems.append(entry.problem(("articles", article_id), _unknown("article", article_id, articles)))
                continue
            self.lessons[article_id] = lesson
            if "glossary" not in raw.unreadable:
                for j, term_id in enumerate(lesson.vocabulary):
                    if term_id not in self.terms:
                        self.problems.append(entry.problem(("articles", article_id, "vocabulary", j),
                            _unknown("glossary term", term_id, self.terms, f"{raw.folder}/glossary.yaml")))
            self.question_claims(entry, ("articles", article_id, "questions"), lesson.questions)
            self.lesson(entry, article_id, lesson)
        for actor_id, questions in classroom.actors.items():
            if actor_id not in self.actor_entries:
                if f"actors:{actor_id}" not in raw.unreadable:
                    self.problems.append(entry.problem(("actors", actor_id), _unknown("actor", actor_id, self.actor_entries)))
                continue
            self.actor_questions[actor_id] = questions
            self.question_claims(entry, ("actors", actor_id), questions)

    def lesson(self, entry: Entry, article_id: str, lesson: model.ArticleLesson) -> None:
        """A lesson's quiz names paragraphs of its article, its vocabulary is words the article uses (the
        handout and the matching exercise print them beside the text), and its steps use pages that exist."""
        raw, article = self.raw, self.base.articles[article_id]
        for i, question in enumerate(lesson.quiz):
            if self.base.find_paragraph(article_id, question.paragraph) is None:
                self.problems.append(entry.problem(("articles", article_id, "quiz", i, "paragraph"), _unknown(
                    "paragraph", question.paragraph, [p.id for p in article.paragraphs], f"the article '{article_id}'")))
        if "glossary" not in raw.unreadable:
            index = GlossaryIndex([self.terms[t] for t in lesson.vocabulary if t in self.terms])
            used = set().union(*(index.terms_in(p.text) for p in article.paragraphs))
            for j, term_id in enumerate(lesson.vocabulary):
                if term_id in self.terms and term_id not in used:
                    self.problems.append(entry.problem(("articles", article_id, "vocabulary", j),
                        f"the article '{article_id}' does not use the term '{term_id}' in any of its forms; the handout "
                        f"lists only words of the article: remove it, or add the article's spelling to its `variants:` "
                        f"in {raw.folder}/glossary.yaml"))
        available = {model.SitePage.claims: bool(self.claims) or "claims" in raw.unreadable,
                     model.SitePage.wording: bool(self.loaded) or "claims" in raw.unreadable,
                     model.SitePage.relationships: any(a.relationships for a in self.base.actors.values()),
                     model.SitePage.timeline: bool(raw.events) or "events" in raw.unreadable,
                     model.SitePage.quiz: bool(lesson.quiz), model.SitePage.vocabulary: bool(lesson.vocabulary)}
        steps = [(("warm_up",), lesson.warm_up)] + [(("versions", length.value, i), step)
                                                    for length, version in lesson.versions.items()
                                                    for i, step in enumerate(version)]
        for where, step in steps:
            for j, page in enumerate(step.uses):
                if not available.get(page, True):
                    self.problems.append(entry.problem(("articles", article_id) + where + ("uses", j),
                        f"the step uses the `{page.value}` page, which this site does not have (its data is missing "
                        f"or empty): name another page, or add the data it needs"))

    # --- what several files share ---------------------------------------------------------------

    def cited(self, entry: Entry, path: tuple, ids: list[str]) -> None:
        """Every source id at `path` is in sources.yaml (unless that file is itself broken)."""
        if "sources" in self.raw.unreadable or self.raw.sources is None:
            return  # sources.yaml itself is broken; its own problems were reported
        for i, source_id in enumerate(ids):
            if source_id not in self.sources:
                self.problems.append(entry.problem(path + (i,), _unknown("source", source_id, self.sources,
                                                                         f"{self.raw.folder}/sources.yaml")))

    def question_claims(self, entry: Entry, path: tuple, questions: list) -> None:
        if "claims" in self.raw.unreadable:
            return
        for i, question in enumerate(questions):
            for j, claim_id in enumerate(question.claims):
                if claim_id not in self.claims:
                    where = f"{self.raw.folder}/claims.yaml" + ("" if self.claims else " (the file is missing)")
                    self.problems.append(entry.problem(path + (i, "claims", j), _unknown("claim", claim_id, self.claims, where)))

    def span(self, span_id: str, owner: str, found: tuple, anchor: model.TextQuote, kind: SpanKind) -> None:
        article_id, paragraph, match = found
        self.spans.append(Span(span_id, owner, article_id, paragraph.id, match.start, match.end, anchor, kind,
                               paragraph.text[match.start:match.end]))

    def quote(self, entry: Entry, here: tuple, anchor: model.TextQuote):
        """`(article id, paragraph, Match)` for one quote anchor, or None after reporting why not."""
        if not self.articles_ok:
            return None  # an article did not load: its own problems say why; anchors wait for it
        ex, problems = self.base, self.problems
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
            problems.append(entry.problem(here + ("paragraph",),
                                          _unknown(f"paragraph of '{article_id}'", anchor.paragraph, paragraphs)))
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
    having = {a: p for a in ex.articles if (p := ex.find_paragraph(a, anchor.paragraph)) is not None}
    found = [a for a, p in having.items() if isinstance(find_quote(p.text, anchor.quote, anchor.prefix, anchor.suffix), Match)]
    if len(found) > 1:
        return None
    return (found or list(having) or list(ex.articles))[0]


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
