"""From a data folder to what a build needs: the pages, the glossary index and the nav sections.

The one entry point the MkDocs hook (and the benchmark) call. With a cache folder, unchanged data
comes back from the cache without loading the checker and renderer at all (pydantic, templates);
anything else is loaded, checked and rendered, and stored for the next build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import cache
from .glossary_marker import GlossaryIndex
from .pages import PageOut


@dataclass(frozen=True)
class Prepared:
    pages: list[PageOut]
    glossary: GlossaryIndex
    sections: list  # nav entries for the generated pages (`navigation.site_nav` places them)
    cached: bool = False  # came from the cache, not from the data

    def state(self) -> dict:
        return {"pages": [[p.path, p.title, p.markdown] for p in self.pages],
                "glossary": self.glossary.state(), "sections": self.sections}

    @classmethod
    def from_state(cls, state: dict) -> Prepared:
        return cls([PageOut(*page) for page in state["pages"]], GlossaryIndex.from_state(state["glossary"]),
                   state["sections"], cached=True)


def prepare(data_dir: Path, *, cache_dir: Path | None = None, site_name: str | None = None,
            site_url: str | None = None, directory_urls: bool = True) -> Prepared:
    """The generated site for `data_dir`; raises `DataError` with every problem when the data has any."""
    settings = {"site_name": site_name, "site_url": site_url, "directory_urls": directory_urls}
    key = cache.fingerprint(data_dir, settings) if cache_dir is not None else None
    state = cache.load(cache_dir, key) if key else None
    if state is not None:
        return Prepared.from_state(state)
    # Imported here: a cache hit needs none of these (pydantic and the models are most of their cost).
    from .navigation import generated_sections
    from .render import render_pages
    from .validate import load_explainer

    explainer = load_explainer(data_dir)
    pages = render_pages(explainer, **settings, bytecode_dir=cache.templates_dir(cache_dir) if cache_dir else None)
    prepared = Prepared(list(pages), pages.glossary, generated_sections(explainer, pages))
    if key:
        cache.store(cache_dir, key, prepared.state())
    return prepared
