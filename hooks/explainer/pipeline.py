"""From a data folder to what a build needs: the pages, the glossary index and the nav sections.

The one entry point the MkDocs hook (and the benchmark) call. With a cache folder, unchanged data
comes back from the cache without loading the checker and renderer at all (pydantic, templates);
anything else is loaded, checked and rendered, and stored for the next build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import cache
from .glossary_marker import GlossaryIndex
from .pages import PageOut


@dataclass(frozen=True)
class Prepared:
    pages: list[PageOut]
    glossary: GlossaryIndex
    sections: list  # nav entries for the generated pages (`navigation.site_nav` places them)
    site_name: str | None = None  # the unit's title, when the data gives one: it names the site
    site_description: str | None = None
    texts_script: str = ""  # javascripts/texts.js
    texts: dict = field(default_factory=dict)  # the catalogue with the site's own wording (the download text uses it)
    cached: bool = False  # came from the cache, not from the data

    def state(self) -> dict:
        return {"pages": [[p.path, p.title, p.markdown] for p in self.pages],
                "glossary": self.glossary.state(), "sections": self.sections,
                "site": [self.site_name, self.site_description], "texts_script": self.texts_script,
                "texts": self.texts}

    @classmethod
    def from_state(cls, state: dict) -> Prepared | None:
        """The stored pages, or None for an entry not of this shape (then the data is built again)."""
        try:
            pages = [PageOut(*page) for page in state["pages"]]
            if not all(isinstance(value, str) for page in pages for value in (page.path, page.title, page.markdown)):
                return None
            site_name, site_description = state["site"]
            if not isinstance(state["texts"], dict):
                return None
            return cls(pages, GlossaryIndex.from_state(state["glossary"]), list(state["sections"]),
                       site_name, site_description, str(state["texts_script"]), state["texts"], cached=True)
        except (KeyError, TypeError, ValueError, re.error):
            return None


def prepare(data_dir: Path, *, cache_dir: Path | None = None, site_name: str | None = None,
            site_url: str | None = None, directory_urls: bool = True, home_page: bool = False,
            docs_dir: Path | None = None) -> Prepared:
    """The generated site for `data_dir`; raises `DataError` with every problem when the data has any
    (a hand-written page of `docs_dir` where a generated one goes is one).
    `home_page`: the site has no home page of its own, so one is generated."""
    from .page_clashes import hand_written_pages

    settings = {"site_name": site_name, "site_url": site_url, "directory_urls": directory_urls, "home_page": home_page}
    hand_written = hand_written_pages(docs_dir)
    # The list of hand-written pages is part of the key (not a setting the renderer reads): adding one
    # at a generated page's place must reach the check.
    key_settings = {**settings, "hand_written": hand_written}
    key = cache.fingerprint(data_dir, key_settings) if cache_dir is not None else None
    state = cache.load(cache_dir, key) if key else None
    cached = Prepared.from_state(state) if state is not None else None
    if cached is not None:
        return cached
    # Imported here: a cache hit needs none of these (pydantic and the models are most of their cost).
    from .markup import plain_text
    from .navigation import generated_sections
    from .render import render_pages
    from .validate import load_explainer

    explainer = load_explainer(data_dir, docs_dir, home_page)
    pages = render_pages(explainer, **settings, bytecode_dir=cache.templates_dir(cache_dir) if cache_dir else None)
    unit = explainer.unit
    prepared = Prepared(list(pages), pages.glossary, generated_sections(explainer, pages),
                        unit.title if unit else None, plain_text(unit.description) if unit else None, pages.texts_script,
                        pages.texts)
    # Stored only if nothing changed while it was built: a file saved meanwhile would otherwise put
    # these pages under the key of data (or code) they were not made from.
    if key and cache.fingerprint(data_dir, key_settings) == key:
        cache.store(cache_dir, key, prepared.state())
    return prepared
