"""Check what the files say about each other, and assemble the one `Explainer` the renderer uses.

Every cross-reference (actor, kind, source, article, paragraph, quoted words) is resolved here,
so templates never meet a dangling id, and all problems of a run are reported together.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import model
from .anchors import Ambiguous, Match, NotFound, find_quote
from .loader import Entry, RawData, read_data
from .problems import DataError, Problem


@dataclass(frozen=True)
class Span:
    """Words of an article explained by one actor page, located in the paragraph's text."""

    id: str  # the element id of the words on the article page, stable across edits elsewhere
    owner: str  # actor id
    article: str
    paragraph: str
    start: int
    end: int
    anchor: model.QuoteAnchor


@dataclass
class Explainer:
    """Everything a site is built from, cross-checked: ids resolve and every quote was found."""

    articles: dict[str, model.Article]
    actors: dict[str, model.Actor]
    kinds: list[model.Kind]
    terms: list[model.Term]
    sources: dict[str, model.Source]
    spans: list[Span] = field(default_factory=list)
    # Lookups built once per set of spans: a scan of every span on every page makes rendering O(pages²).
    _index: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def spans_of(self, actor_id: str) -> list[Span]:
        return list(self._spans_by("owner").get(actor_id, ()))

    def spans_in(self, article_id: str, paragraph_id: str) -> list[Span]:
        return list(self._spans_by("place").get((article_id, paragraph_id), ()))

    def _spans_by(self, key: str) -> dict:
        """Spans by owner ("owner") or by (article, paragraph) ("place"), in the order of `spans`."""
        cached = self._index.get(key)
        if cached is None or cached[0] != self.spans:  # rebuilt when the spans change
            groups: dict = {}
            for s in self.spans:
                groups.setdefault(s.owner if key == "owner" else (s.article, s.paragraph), []).append(s)
            cached = self._index[key] = (list(self.spans), groups)
        return cached[1]

    def paragraph(self, article_id: str, paragraph_id: str) -> model.Paragraph:
        """A paragraph by its ids, for templates (a filter over the article per quote is O(N²))."""
        cached = self._index.get("paragraphs")
        if cached is None or cached[0] is not self.articles:
            paragraphs = {(a, p.id): p for a, article in self.articles.items() for p in article.paragraphs}
            cached = self._index["paragraphs"] = (self.articles, paragraphs)
        return cached[1][(article_id, paragraph_id)]

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
    )
    for entry in articles.values():
        _check_paragraph_ids(entry, problems)
    for actor_id, entry in actors.items():
        actor: model.Actor = entry.value
        if "kinds" not in raw.unreadable and actor.kind not in kinds:
            problems.append(entry.problem(("kind",), _unknown("kind", actor.kind, kinds, "data/kinds.yaml")))
        for i, rel in enumerate(actor.relationships):
            if rel.target not in actors and f"actors:{rel.target}" not in raw.unreadable:
                problems.append(entry.problem(("relationships", i, "target"), _unknown("actor", rel.target, actors)))
            elif rel.target == actor_id:
                problems.append(entry.problem(("relationships", i, "target"), "an actor cannot have a relationship with itself"))
            _check_sources(entry, ("relationships", i, "sources"), rel.sources, sources, raw, problems)
        _check_sources(entry, ("sources",), actor.sources, sources, raw, problems)
        explainer.spans += _locate(entry, explainer.articles, raw, problems)
    if raw.glossary:
        _check_glossary(raw.glossary, actors, sources, raw, problems)
    position = {(a.id, p.id): i for a in explainer.articles.values() for i, p in enumerate(a.paragraphs)}
    explainer.spans.sort(key=lambda s: (s.article, position[(s.article, s.paragraph)], s.start, -s.end, s.owner))
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
        if paragraph.id in seen:
            problems.append(entry.problem(("paragraphs", i, "id"), f"paragraph id '{paragraph.id}' is used twice"))
        seen.add(paragraph.id)


def _check_sources(entry: Entry, path: tuple, ids: list[str], sources: dict, raw: RawData, problems: list[Problem]):
    if "sources" in raw.unreadable or raw.sources is None:
        return  # sources.yaml itself is broken; its own problems were reported
    for i, source_id in enumerate(ids):
        if source_id not in sources:
            problems.append(entry.problem(path + (i,), _unknown("source", source_id, sources, "data/sources.yaml")))


def _unknown(what: str, value: str, known, where: str | None = None) -> str:
    near = difflib.get_close_matches(value, list(known), n=1, cutoff=0.5)
    hint = f" (did you mean '{near[0]}'?)" if near else (f"; add it to {where}" if where else "")
    return f"unknown {what} '{value}'{hint}"


def _locate(entry: Entry, articles: dict[str, model.Article], raw: RawData, problems: list[Problem]) -> list[Span]:
    """Find each `covers:` quote in its paragraph; every miss says what the article has instead."""
    actor: model.Actor = entry.value
    spans: list[Span] = []
    used_ids: set[str] = set()
    for i, anchor in enumerate(actor.covers):
        here = ("covers", i)
        if any(key.startswith("articles:") for key in raw.unreadable):
            continue  # an article did not load: its own problems say why; anchors wait for it
        article_id = anchor.article or (next(iter(articles)) if len(articles) == 1 else None)
        if article_id is None:
            problems.append(entry.problem(here, "there are several articles; say which with `article:`"))
            continue
        article = articles.get(article_id)
        if article is None:
            if articles:
                problems.append(entry.problem(here + ("article",), _unknown("article", article_id, articles)))
            continue
        paragraphs = {p.id: p for p in article.paragraphs}
        paragraph = paragraphs.get(anchor.paragraph)
        if paragraph is None:
            problems.append(entry.problem(here + ("paragraph",), _unknown(f"paragraph of '{article_id}'", anchor.paragraph, paragraphs)))
            continue
        found = find_quote(paragraph.text, anchor.quote, anchor.prefix, anchor.suffix)
        if isinstance(found, NotFound):
            problems.append(entry.problem(here + ("quote",),
                f"quote not found in paragraph '{paragraph.id}'; nearest text is \"{found.nearest}\" ({found.diff})"))
            continue
        if isinstance(found, Ambiguous):
            what = "occurs more than once" if found.count > 1 else "matches no occurrence with that prefix/suffix"
            problems.append(entry.problem(here + ("quote",),
                f"quote {what} in paragraph '{paragraph.id}'; add `prefix:` or `suffix:` with the words next to the one you mean"))
            continue
        span_id = _span_id(actor.id, paragraph.text[found.start:found.end], used_ids)
        spans.append(Span(span_id, actor.id, article_id, paragraph.id, found.start, found.end, anchor))
    return spans


def _span_id(owner: str, words: str, used: set[str]) -> str:
    """`q-<actor>-<first words>`: stable when other quotes are added, unique on the page."""
    slug = "-".join(re.findall(r"[a-z0-9]+", words.casefold().encode("ascii", "ignore").decode()))[:32].strip("-")
    base = f"q-{owner}-{slug or 'quote'}"
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
