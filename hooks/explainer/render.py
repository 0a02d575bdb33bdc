"""Turn a checked `Explainer` into Markdown pages through Jinja2 templates.

Returns plain `{path: markdown}`: the MkDocs hook turns those into generated files, a benchmark
or a test can write them to disk. Everything is sorted so the same data gives the same bytes.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .glossary_marker import GlossaryIndex
from .markup import md_escape, one_line, pieces
from .validate import Explainer

TEMPLATES = Path(__file__).parent / "templates"

RELATION_LABELS = {
    # (type, seen from the actor that declares it, seen from the target)
    "backs": ("Backs", "Backed by"),
    "fights": ("Fights", "Fought by"),
    "rival": ("Rival of", "Rival of"),
    "cooperates": ("Cooperates with", "Cooperates with"),
    "part-of": ("Part of", "Includes"),
    "split-from": ("Split from", "Split off from it"),
}


@dataclass(frozen=True)
class PageOut:
    path: str  # docs-relative, e.g. "actors/<id>.md"
    title: str
    markdown: str


def page_paths(explainer: Explainer) -> dict[str, str]:
    """Where each generated page lives; the one place URLs of generated pages are decided."""
    paths = {"actors-index": "actors/index.md", "glossary": "glossary.md", "articles-index": "articles/index.md"}
    paths.update({f"article:{a}": f"articles/{a}.md" for a in explainer.articles})
    paths.update({f"actor:{a}": f"actors/{a}.md" for a in explainer.actors})
    return paths


def _environment(paths: dict[str, str]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # templates write Markdown; plain text goes through the `md` filter
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["one_line"] = one_line
    env.globals["relation_labels"] = RELATION_LABELS
    return env


def render_pages(explainer: Explainer) -> list[PageOut]:
    """Every generated page of the site, in a stable order."""
    paths = page_paths(explainer)
    env = _environment(paths)
    glossary = GlossaryIndex(explainer.terms)
    pages: list[PageOut] = []

    def link(from_path: str, key: str, fragment: str = "") -> str:
        target = posixpath.relpath(paths[key], posixpath.dirname(from_path) or ".")
        return target + (f"#{fragment}" if fragment else "")

    def render(key: str, template: str, title: str, **context) -> None:
        path = paths[key]
        text = env.get_template(template).render(
            ex=explainer, title=title, link=lambda k, f="": link(path, k, f), **context
        )
        pages.append(PageOut(path, title, text))

    incoming = _incoming_relationships(explainer)
    kinds = {k.id: k for k in explainer.kinds}
    for actor in explainer.actors.values():
        theirs = incoming.get(actor.id, [])
        render(f"actor:{actor.id}", "actor.md.j2", actor.name, actor=actor, kind=kinds.get(actor.kind),
               spans=explainer.spans_of(actor.id), incoming=theirs, source_ids=_cited_on_page(actor, theirs))
    for article in explainer.articles.values():
        paragraphs = [(p, pieces(p.text, explainer.spans_in(article.id, p.id))) for p in article.paragraphs]
        render(f"article:{article.id}", "article.md.j2", article.title, article=article, paragraphs=paragraphs)
    render("articles-index", "articles_index.md.j2", "Articles")
    render("actors-index", "actors_index.md.j2", "Actors")
    usage = _term_usage(explainer, glossary, pages)
    render("glossary", "glossary.md.j2", "Glossary", usage=usage)
    return sorted(pages, key=lambda p: p.path)


def _cited_on_page(actor, incoming: list) -> list[str]:
    """The page's own sources first, then those its relationship rows cite, each once."""
    rows = [rel for rel in actor.relationships] + [rel for _, rel in incoming]
    extra = sorted({s for rel in rows for s in rel.sources} - set(actor.sources))
    return list(dict.fromkeys(actor.sources)) + extra


def _incoming_relationships(explainer: Explainer) -> dict[str, list]:
    """Relationships other actors declare towards each actor, so each page shows both directions."""
    incoming: dict[str, list] = {}
    for actor in explainer.actors.values():
        for rel in actor.relationships:
            incoming.setdefault(rel.target, []).append((actor, rel))
    return incoming


def _term_usage(explainer: Explainer, glossary: GlossaryIndex, pages: list[PageOut]) -> dict[str, dict]:
    """For each term: the article paragraphs and actor pages that use one of its forms."""
    usage: dict[str, dict] = {t.id: {"paragraphs": [], "actors": []} for t in explainer.terms}
    for article in explainer.articles.values():
        for number, paragraph in enumerate(article.paragraphs, start=1):
            for term_id in sorted(glossary.terms_in(paragraph.text)):
                usage[term_id]["paragraphs"].append((article, paragraph, number))
    by_path = {p.path: p for p in pages}
    for actor in explainer.actors.values():
        page = by_path.get(f"actors/{actor.id}.md")
        for term_id in sorted(glossary.terms_in(page.markdown if page else "")):
            usage[term_id]["actors"].append(actor)
    return usage
