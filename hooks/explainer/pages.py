"""What rendering produces: the generated pages as plain values, which a build cache can store as they are."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .glossary_marker import GlossaryIndex


@dataclass(frozen=True)
class PageOut:
    path: str  # docs-relative, e.g. "actors/<id>.md"
    title: str
    markdown: str


class Pages(list):
    """The pages `render_pages` returns (a plain list of `PageOut`), carrying what it built on the way:
    `paths` (from `page_paths`) and `glossary` (the `GlossaryIndex`), so a caller need not build them again;
    `texts`, the catalogue with the site's own wording, for what the hook writes outside these pages; and
    `site`, the page table (`page_kinds.site_pages`) the paths come from, for the navigation."""

    def __init__(self, pages, paths: dict[str, str], glossary: GlossaryIndex, texts_script: str = "",
                 texts: dict | None = None, site: dict | None = None):
        super().__init__(pages)
        self.paths = paths
        self.glossary = glossary
        self.texts_script = texts_script  # javascripts/texts.js: the catalogue's words for the scripts
        self.texts = texts or {}
        self.site = site or {}
