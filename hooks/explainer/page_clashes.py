"""Ids against page paths: a page made from data must not land where another page already is.

Run by `make validate` and by the build alike (both call `load_explainer`), so the two never disagree.
Pages are compared by the URL they get, in both URL styles: the published site (`glossary/`) and the
classroom copy (`glossary.html`), so `docs/glossary/index.md` clashes with the generated glossary.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .problems import Problem

if TYPE_CHECKING:  # a build served from the cache lists hand-written pages without loading the models
    from .loader import RawData

# What a reader calls the generated pages that come from no single id (the messages name them).
_SITE_PAGES = {"home": "the home page", "actors-index": "the actors index", "glossary": "the glossary page",
               "articles-index": "the articles index", "claims": "the claims page", "wording": "the wording page",
               "relationships": "the relationships page", "timeline": "the timeline page"}


def _owner(key: str, raw: RawData) -> tuple[str, int, str, str] | None:
    """(file, line, where, what) of the data that names the page `key`; None for the site's own pages."""
    kind, _, ident = key.partition(":")
    if kind in ("actor", "article"):
        entry = next((e for e in (raw.actors if kind == "actor" else raw.articles) if e.value.id == ident), None)
        if entry is not None:
            return entry.doc.file, entry.line("id"), "id", f"the page of {kind} '{ident}'"
    if kind in ("lesson", "handout") and raw.classroom is not None:
        what = "lesson" if kind == "lesson" else "handout"
        return (raw.classroom.doc.file, raw.classroom.line("articles", ident), f"articles.{ident}",
                f"the classroom {what} of article '{ident}'")
    return None


def _described(key: str, raw: RawData) -> str:
    owner = _owner(key, raw)
    if owner is None and key.startswith("relationships:"):
        return f"the relationships page of {key.partition(':')[2]}"
    if owner is None:
        return _SITE_PAGES.get(key, f"the generated page '{key}'")
    file, line, _, what = owner
    return f"{what} ({file}:{line})"


def urls(path: str) -> tuple[str, str]:
    """The URL of the page at docs path `path` on the published site and in the classroom copy."""
    from .render import page_url  # the one place URLs of generated pages are decided

    return page_url(path, True), page_url(path, False)


def hand_written_pages(docs_dir: Path | None) -> list[str]:
    """The Markdown pages under `docs_dir` (docs-relative, sorted), hidden folders left out."""
    if docs_dir is None or not Path(docs_dir).is_dir():
        return []
    return sorted(p.relative_to(docs_dir).as_posix() for p in Path(docs_dir).rglob("*.md")
                  if not any(part.startswith(".") for part in p.relative_to(docs_dir).parts))


def page_clashes(paths: dict[str, str], raw: RawData, hand_written: list[str], docs_name: str = "docs") -> list[Problem]:
    """A problem for every generated page whose URL another generated or hand-written page has."""
    problems: list[Problem] = []
    taken: dict[str, str] = {}  # URL -> key of the generated page that has it
    for key, path in paths.items():  # the site's own pages come first in `paths`: ids yield to them
        for url in dict.fromkeys(urls(path)):
            other = taken.setdefault(url, key)
            if other == key:
                continue
            owner = _owner(key, raw) or _owner(other, raw)
            mine, theirs = (key, other) if _owner(key, raw) else (other, key)
            file, line, where, _ = owner or (f"{raw.folder}", 1, "", "")
            problems.append(Problem(file, line, where,
                                    f"{_described(mine, raw).split(' (')[0]} would be at {path}, the place of "
                                    f"{_described(theirs, raw)}; choose another id"))
            break
    by_url = {url: key for key, path in paths.items() for url in urls(path)}
    for page in hand_written:
        clash = next((by_url[url] for url in urls(page) if url in by_url), None)
        if clash is not None:
            fix = "rename or move the page" + (" (or change the id)" if _owner(clash, raw) else "")
            problems.append(Problem(f"{docs_name}/{page}", 1, "",
                                    f"this hand-written page is at the place of {_described(clash, raw)}, which "
                                    f"the site generates; {fix}"))
    return sorted(set(problems))
