"""Where generated pages go in the navigation: after the first entry (the home page) of mkdocs.yml.

The nav is nested so that no section holds more than about `GROUP_SIZE` pages: Material renders
the navigation into every page, and with `navigation.prune` only the sections on the way to the
current page are written out. Flat, the nav makes every page O(pages) bytes and the build O(pages²);
nested, a page carries a few dozen links however large the data grows.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .page_kinds import Each, NavPlace

if TYPE_CHECKING:
    from .pages import Pages
    from .aggregate import Explainer


def site_nav(nav: list | None, sections: list, hand_written: list[str] = (), home_title: str | None = None) -> list:
    """The site's nav: the generated sections after its first entry (the home page).

    Without a `nav:` in the config, the hand-written pages stand around them: the home page first,
    the others after, in file order (as MkDocs would list them). `home_title` names a generated home
    page in the menu ("Home"), which its heading (the site's name, shown above the menu) would not.
    """
    if nav is None:
        nav = sorted(hand_written, key=lambda path: (path != "index.md", path))
        if home_title and nav[:1] == ["index.md"]:
            nav[0] = {home_title: "index.md"}
    nav = list(nav)
    return nav[:1] + sections + nav[1:]


def generated_sections(explainer: Explainer, pages: Pages) -> list:
    """Nav sections for the generated pages, each where its kind's entry in `page_kinds` puts it."""
    paths = pages.paths
    titles = {p.path: p.title for p in pages}
    listed = [page for key, page in pages.site.items() if key in paths]
    by_place: dict[NavPlace, list] = {place: [p for p in listed if p.kind.nav is place] for place in NavPlace}
    names = pages.texts["nav"]

    def entry(page) -> dict:
        title = titles[page.path]
        if page.kind.name == "article" and page.item.genre:  # what kind of text it is, beside its title
            title = names["article"].format(title=title, genre=page.item.genre)
        return {title: page.path}

    def by_article(place: NavPlace) -> list:
        """The site-wide pages first, then each article's, by date, in the table's order of kinds."""
        mine = by_place[place]
        order = {a.id: n for n, a in enumerate(explainer.articles_by_date())}
        per_article = sorted((p for p in mine if p.kind.each is Each.article), key=lambda p: order[p.item.id])
        return [entry(p) for p in mine if p.kind.each is Each.site] + [entry(p) for p in per_article]

    sections = [{names["articles"]: by_article(NavPlace.articles)}]
    if by_place[NavPlace.maps]:
        sections.append({names["maps"]: by_article(NavPlace.maps)})
    actor_sections = []
    for kind in explainer.kinds:
        members = explainer.actors_of_kind(kind.id)
        if members:
            actor_sections.append({kind.title: _grouped(members, paths)})
    index = [p.path for p in by_place[NavPlace.actors] if p.kind.each is Each.site]
    sections.append({names["actors"]: [*index, *actor_sections]})
    sections += [{names["glossary"]: p.path} for p in by_place[NavPlace.glossary]]
    if by_place[NavPlace.reading]:
        sections.append({names["reading"]: [entry(p) for p in by_place[NavPlace.reading]]})
    if by_place[NavPlace.classroom]:
        sections.append({names["classroom"]: by_article(NavPlace.classroom)})
    return sections


GROUP_SIZE = 30  # actors of one kind beyond this are split into alphabetical groups


def _grouped(members: list, paths: dict[str, str]) -> list:
    """A kind's actors, split into alphabetical groups like "Ab–Ca" when there are many of them."""
    entries = [{a.name: paths[f"actor:{a.id}"]} for a in members]
    if len(members) <= GROUP_SIZE:
        return entries
    count = math.ceil(len(members) / GROUP_SIZE)
    size = math.ceil(len(members) / count)
    chunks = [list(range(start, min(start + size, len(members)))) for start in range(0, len(members), size)]
    groups = []
    for k, chunk in enumerate(chunks):
        before = members[chunk[0] - 1].name if k else ""
        after = members[chunk[-1] + 1].name if k + 1 < len(chunks) else ""
        first, last = _guide(members[chunk[0]].name, before), _guide(members[chunk[-1]].name, after)
        groups.append({first if first == last else f"{first}–{last}": [entries[i] for i in chunk]})
    return groups


def _guide(name: str, neighbour: str) -> str:
    """The shortest start of `name` that tells it from the neighbouring group's name (guide words)."""
    a, b = name.casefold(), neighbour.casefold()
    same = 0
    while same < min(len(a), len(b)) and a[same] == b[same]:
        same += 1
    return name[: same + 1].strip() or name
