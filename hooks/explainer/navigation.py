"""Where generated pages go in the navigation: after the first entry (the home page) of mkdocs.yml."""

from __future__ import annotations

from .render import PageOut, page_paths
from .validate import Explainer


def generated_nav(nav: list | None, explainer: Explainer, pages: list[PageOut]) -> list:
    """The site's nav with sections for the articles, the actors by kind, and the glossary."""
    paths = page_paths(explainer)
    titles = {p.path: p.title for p in pages}
    articles = [{titles[paths[f"article:{a}"]]: paths[f"article:{a}"]} for a in explainer.articles]
    article_section = {"Articles": [paths["articles-index"], *articles]}
    actor_sections = []
    for kind in explainer.kinds:
        members = explainer.actors_of_kind(kind.id)
        if members:
            actor_sections.append({kind.title: [{a.name: paths[f"actor:{a.id}"]} for a in members]})
    generated = [article_section, {"Actors": [paths["actors-index"], *actor_sections]}, {"Glossary": paths["glossary"]}]
    nav = list(nav or [])
    return nav[:1] + generated + nav[1:]
