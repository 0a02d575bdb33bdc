"""Every kind of page the generator writes, in one table: where it goes, its template, its title,
its place in the navigation and when it exists.

A new kind of page is a template and one entry here: `render.page_paths` lays the paths out from
this table, `render_pages` takes each page's template and title from it, and `navigation` puts each
page where its entry says. Nothing about a kind is repeated anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any, Callable

from . import briefing, dates, relations

if TYPE_CHECKING:
    from .aggregate import Explainer


class Each(Enum):
    """What one page of a kind is about: the whole site, or one article, actor or article day."""

    site = "site"
    article = "article"
    actor = "actor"
    day = "day"  # a day an article describes, after the first one (the first has the site-wide page)


class NavPlace(Enum):
    """Where a kind's pages are listed in the navigation, in the order the sections come."""

    none = "none"  # not listed: the home page leads the nav by itself; drawings are not pages
    articles = "articles"  # each article by date, its retelling right after it
    maps = "maps"  # one map per article, by date
    actors = "actors"  # the index, then the actors grouped by kind
    glossary = "glossary"  # one page, listed under the section's own name
    reading = "reading"  # the critical-reading pages, in table order
    classroom = "classroom"  # each article's pack, by date


# (texts, explainer, item, site name) -> the page's title; the site's name is the home page's title
Title = Callable[[dict, "Explainer", Any, "str | None"], str]


@dataclass(frozen=True)
class PageKind:
    """One kind of generated page. `path` is docs-relative with `{id}` for the item's id; a page's
    key in `page_paths` is the kind's name, followed by `:<id>` for a kind with one page per item."""

    name: str
    each: Each
    path: str
    template: str | None  # None: not a Markdown page (a drawing the map pages share), written by render
    title: Title
    nav: NavPlace
    exists: Callable[["Explainer", Any], bool] = lambda explainer, item: True

    def key(self, item) -> str:
        return self.name if self.each is Each.site else f"{self.name}:{item_id(item)}"


def item_id(item) -> str:
    return item.isoformat() if isinstance(item, date) else item.id


def _words(*keys: str, **fields: Callable[[Any], str]) -> Title:
    """A title from the catalogue (`pages.<keys>`), its placeholders filled from the item."""

    def title(texts: dict, explainer, item, site_name) -> str:
        text = texts["pages"]
        for key in keys:
            text = text[key]
        return text.format(**{name: value(item) for name, value in fields.items()}) if fields else text

    return title


def _of_article(key: str) -> Title:
    return _words(key, "title", title=lambda article: article.title)


def _map_title(texts: dict, explainer, article, site_name) -> str:
    words = texts["pages"]["map"]
    on = words["on_day"].format(date=dates.readable(article.as_of)) if article.as_of else ""
    return (words["title"] if len(explainer.articles) == 1 else words["title_unit"]).format(on=on, article=article.title)


def _relationships_title(texts: dict, explainer, day: date, site_name) -> str:
    return texts["pages"]["relationships"]["title_on"].format(day=dates.readable(day))


def _home_title(texts: dict, explainer, item, site_name) -> str:
    return site_name or texts["pages"]["home"]["title"]


def _has_lesson(explainer, article) -> bool:
    return article.id in explainer.lessons


def _has_ties(explainer, item) -> bool:
    return any(a.relationships for a in explainer.actors.values())


def _has_map(explainer, item) -> bool:
    return explainer.frame is not None


def _words_of(group: str, key: str) -> Title:
    """A drawing's title, from the catalogue's `<group>.<key>`."""
    return lambda texts, explainer, item, site_name: texts[group][key]


MAP_BASE = "maps/outlines.svg"  # not a page: a static file the map pages show under their marks

# In the order `page_paths` lists them: the site's own pages before those named after an id, so that
# an id that takes a fixed page's place is the one reported (see `page_clashes`).
KINDS: tuple[PageKind, ...] = (
    PageKind("home", Each.site, "index.md", "home.md.j2", _home_title, NavPlace.none,
             exists=lambda explainer, item: False),  # only for a site without its own home page: see page_paths
    PageKind("actors-index", Each.site, "actors/index.md", "actors_index.md.j2", _words("actors", "title"), NavPlace.actors),
    PageKind("glossary", Each.site, "glossary.md", "glossary.md.j2", _words("glossary", "title"), NavPlace.glossary),
    PageKind("articles-index", Each.site, "articles/index.md", "articles_index.md.j2", _words("articles", "title"),
             NavPlace.articles),
    PageKind("article", Each.article, "articles/{id}.md", "article.md.j2", lambda texts, explainer, a, site_name: a.title,
             NavPlace.articles),
    # An article retold in plain words, paragraph by paragraph: only once some paragraph is retold.
    PageKind("retelling", Each.article, "articles/{id}-in-plain-words.md", "retelling.md.j2", _of_article("retelling"),
             NavPlace.articles, exists=lambda explainer, a: any(p.retelling for p in a.paragraphs)),
    PageKind("actor", Each.actor, "actors/{id}.md", "actor.md.j2", lambda texts, explainer, a, site_name: a.name, NavPlace.actors),
    # Reading critically: claims, loaded wording, who backs whom, the timeline.
    PageKind("claims", Each.site, "claims.md", "claims.md.j2", _words("claims", "title"), NavPlace.reading,
             exists=lambda explainer, item: bool(explainer.claims)),
    PageKind("wording", Each.site, "wording.md", "wording.md.j2", _words("wording", "title"), NavPlace.reading,
             exists=lambda explainer, item: bool(explainer.loaded)),
    # As of the first article's day; each later day has a page of its own.
    PageKind("relationships", Each.site, "relationships.md", "relationships.md.j2", _words("relationships", "title"),
             NavPlace.reading, exists=_has_ties),
    PageKind("relationships", Each.day, "relationships-{id}.md", "relationships.md.j2", _relationships_title,
             NavPlace.reading, exists=_has_ties),
    PageKind("timeline", Each.site, "timeline.md", "timeline.md.j2", _words("timeline", "title"), NavPlace.reading,
             exists=lambda explainer, item: bool(explainer.events)),
    # One map page per article, as of its date; the outlines under every map are one image file, and a
    # closer view of a map's crowded part has outlines of its own (written only where there is one).
    PageKind("map-base", Each.site, MAP_BASE, None, _words_of("map", "outlines_page"), NavPlace.none, exists=_has_map),
    PageKind("map", Each.article, "maps/{id}.md", "map.md.j2", _map_title, NavPlace.maps, exists=_has_map),
    PageKind("map-closer", Each.article, "maps/{id}-closer.svg", None, _words_of("map", "outlines_closer_page"),
             NavPlace.none, exists=_has_map),
    # The classroom pack, per article: plan, student copy, key, and the quiz and vocabulary when it has them.
    PageKind("lesson", Each.article, "classroom/{id}.md", "lesson.md.j2", _of_article("lesson"), NavPlace.classroom,
             exists=_has_lesson),
    PageKind("handout", Each.article, "classroom/{id}-handout.md", "handout.md.j2", _of_article("handout"),
             NavPlace.classroom, exists=_has_lesson),
    PageKind("key", Each.article, "classroom/{id}-key.md", "key.md.j2", _of_article("key"), NavPlace.classroom,
             exists=_has_lesson),
    PageKind("quiz", Each.article, "classroom/{id}-quiz.md", "quiz.md.j2", _of_article("quiz"), NavPlace.classroom,
             exists=lambda explainer, a: _has_lesson(explainer, a) and bool(explainer.lessons[a.id].quiz)),
    PageKind("vocabulary", Each.article, "classroom/{id}-vocabulary.md", "vocabulary.md.j2", _of_article("vocabulary"),
             NavPlace.classroom,
             exists=lambda explainer, a: _has_lesson(explainer, a) and bool(explainer.lessons[a.id].vocabulary)),
    # A teacher briefing for each dated article that the timeline has later events for.
    PageKind("briefing", Each.article, "classroom/{id}-briefing.md", "briefing.md.j2", _of_article("briefing"),
             NavPlace.classroom, exists=lambda explainer, a: briefing.briefing(explainer, a) is not None),
)


def items(explainer: Explainer, each: Each) -> list:
    """What a kind has one page for, in a stable order."""
    if each is Each.site:
        return [None]
    if each is Each.article:
        return list(explainer.articles.values())
    if each is Each.actor:
        return list(explainer.actors.values())
    return relations.article_days(explainer)[1:]


@dataclass(frozen=True)
class Page:
    """One page the site will have: its kind, what it is about and where it goes."""

    kind: PageKind
    item: Any
    key: str
    path: str

    def title(self, texts: dict, explainer: Explainer, site_name: str | None = None) -> str:
        return self.kind.title(texts, explainer, self.item, site_name)


def site_pages(explainer: Explainer, home_page: bool = False) -> dict[str, Page]:
    """Every page the site has, by key, in table order. The home page is generated only for a site
    whose own pages have none (`home_page`)."""
    pages: dict[str, Page] = {}
    for kind in KINDS:
        for item in items(explainer, kind.each):
            if kind.exists(explainer, item) or (kind.name == "home" and home_page):
                key = kind.key(item)
                pages[key] = Page(kind, item, key, kind.path.format(id=item_id(item)) if item is not None else kind.path)
    return pages
