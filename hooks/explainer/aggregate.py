"""The one checked `Explainer` a site is built from, and the `Span`s: the words of an article each
explainer, claim, loaded phrase or event covers.

`validate.load_explainer` makes it; everything after (rendering, the summary, the benchmark) only
reads it. Nothing here checks anything: by the time an `Explainer` exists, every id resolves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from . import model


class SpanKind(str, Enum):
    """What explains a span of words. Names and values are the same, so that a span's kind can be
    compared with its plain name in templates and used in keys alike."""

    actor = "actor"
    claim = "claim"
    loaded = "loaded"
    event = "event"


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
    kind: SpanKind = SpanKind.actor
    words: str = ""  # the article's words, `paragraph.text[start:end]`, taken once when the quote is found


def paragraph_numbers(article: model.Article) -> dict[str, int]:
    """Paragraph id -> the number a reader sees in the margin: body paragraphs only, counted from 1,
    so that every page that cites "paragraph 3" means the same words."""
    body = [p for p in article.paragraphs if p.kind == model.ParagraphKind.paragraph]
    return {p.id: n for n, p in enumerate(body, start=1)}


@dataclass(frozen=True)
class Explainer:
    """Everything a site is built from, cross-checked: ids resolve and every quote was found.

    Built once, by `validate.load_explainer`, from what the checks found; frozen from then on, so
    that its lookups, built as it is made, always match its data."""

    articles: dict[str, model.Article]
    actors: dict[str, model.Actor]
    kinds: list[model.Kind]
    terms: list[model.Term]
    sources: dict[str, model.Source]
    spans: tuple[Span, ...] = ()
    # Lookups by id, built as it is made: a scan of every span (or paragraph,
    # event, term) on every page makes rendering O(pages²).
    _index: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    claims: dict[str, model.Claim] = field(default_factory=dict)  # in the order of the data file
    loaded: dict[str, model.LoadedPhrase] = field(default_factory=dict)
    events: list[model.Event] = field(default_factory=list)  # by date
    lessons: dict[str, model.ArticleLesson] = field(default_factory=dict)  # by article id
    unit: model.Unit | None = None  # the site's own title and description, when the data gives them
    actor_questions: dict[str, list[model.Question]] = field(default_factory=dict)  # by actor id
    places: dict[str, model.Place] = field(default_factory=dict)  # by id, in the order of the data file
    frame: model.Frame | None = None  # what the maps show; None without `places.yaml`

    def __post_init__(self) -> None:
        object.__setattr__(self, "spans", tuple(self.spans))
        self._build_index()

    def _build_index(self) -> None:
        by_owner: dict[tuple[str, str], list[Span]] = {}
        by_place: dict[tuple[str, str], list[Span]] = {}
        for s in self.spans:
            by_owner.setdefault((s.owner, s.kind), []).append(s)
            by_place.setdefault((s.article, s.paragraph), []).append(s)
        object.__setattr__(self, "_index", {
            "owner": by_owner,
            "place": by_place,
            "paragraphs": {(a, p.id): p for a, article in self.articles.items() for p in (article.headline, *article.paragraphs)},
            "events": {e.id: e for e in self.events},
            "terms": {t.id: t for t in self.terms},
            "numbers": {(a, p_id): n for a, article in self.articles.items()
                        for p_id, n in paragraph_numbers(article).items()},
        })

    def spans_of(self, owner: str, kind: str = SpanKind.actor) -> list[Span]:
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

    def questions_for(self, article_id: str) -> list[tuple[model.Actor, list[model.Question]]]:
        """The actor questions a lesson on this article asks: those on the actors it names or quotes,
        so that each lesson of a unit has its own, not every actor's."""
        return [(actor, self.actor_questions[actor.id]) for actor in self.actors.values() if actor.id in self.actor_questions
                and (self.in_article(actor, article_id).named or any(s.article == article_id for s in self.spans_of(actor.id)))]

    def names_actor_anywhere(self, actor: model.Actor) -> bool:
        return any(self.in_article(actor, article_id).named for article_id in self.articles)

    def actors_of_kind(self, kind: str) -> list[model.Actor]:
        return sorted((a for a in self.actors.values() if a.kind == kind), key=lambda a: a.name.casefold())
