"""Where generated pages go in the navigation: after the first entry (the home page) of mkdocs.yml.

The nav is nested so that no section holds more than about `GROUP_SIZE` pages: Material renders
the navigation into every page, and with `navigation.prune` only the sections on the way to the
current page are written out. Flat, the nav makes every page O(pages) bytes and the build O(pages²);
nested, a page carries a few dozen links however large the data grows.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .catalogue import TEXTS

if TYPE_CHECKING:
    from .pages import Pages
    from .aggregate import Explainer


def site_nav(nav: list | None, sections: list, hand_written: list[str] = ()) -> list:
    """The site's nav: the generated sections after its first entry (the home page).

    Without a `nav:` in the config, the hand-written pages stand around them: the home page first,
    the others after, in file order (as MkDocs would list them).
    """
    if nav is None:
        nav = sorted(hand_written, key=lambda path: (path != "index.md", path))
    nav = list(nav)
    return nav[:1] + sections + nav[1:]


def generated_sections(explainer: Explainer, pages: Pages) -> list:
    """Nav sections for the articles, the actors by kind, the glossary and the critical-reading pages."""
    paths = pages.paths
    titles = {p.path: p.title for p in pages}
    articles = []
    for a in explainer.articles_by_date():
        articles.append({titles[paths[f"article:{a.id}"]]: paths[f"article:{a.id}"]})
        if f"retelling:{a.id}" in paths:  # the plain-words retelling right after its article
            articles.append({titles[paths[f"retelling:{a.id}"]]: paths[f"retelling:{a.id}"]})
    names = TEXTS["nav"]
    article_section = {names["articles"]: [paths["articles-index"], *articles]}
    maps = [{titles[paths[f"map:{a.id}"]]: paths[f"map:{a.id}"]} for a in explainer.articles_by_date() if f"map:{a.id}" in paths]
    actor_sections = []
    for kind in explainer.kinds:
        members = explainer.actors_of_kind(kind.id)
        if members:
            actor_sections.append({kind.title: _grouped(members, paths)})
    generated = [article_section, *([{names["maps"]: maps}] if maps else []),
                 {names["actors"]: [paths["actors-index"], *actor_sections]}, {names["glossary"]: paths["glossary"]}]
    return generated + _critical_sections(explainer, paths, titles)


def _critical_sections(explainer: Explainer, paths: dict[str, str], titles: dict[str, str]) -> list:
    """"Reading critically" (claims, wording, relationships, timeline) and "Classroom" (per article: lesson plan, handout, key, quiz,
    vocabulary, teacher briefing)."""
    order = ("claims", "wording", "relationships", *sorted(k for k in paths if k.startswith("relationships:")), "timeline")
    reading = [{titles[paths[key]]: paths[key]} for key in order if key in paths]
    classroom = []
    for article_id in explainer.articles:
        classroom += [{titles[paths[f"{key}:{article_id}"]]: paths[f"{key}:{article_id}"]}
                      for key in ("lesson", "handout", "key", "quiz", "vocabulary", "briefing") if f"{key}:{article_id}" in paths]
    sections = [{TEXTS["nav"]["reading"]: reading}] if reading else []
    return sections + ([{TEXTS["nav"]["classroom"]: classroom}] if classroom else [])


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
