"""Reading a built site with a real HTML parser."""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


@lru_cache(maxsize=None)
def _parse(path: str) -> BeautifulSoup:
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def page(site: Path, url_path: str) -> BeautifulSoup:
    """The page at `url_path` (directory URLs allowed), e.g. "actors/russia/"."""
    target = site / url_path
    if target.is_dir() or url_path.endswith("/"):
        target = target / "index.html"
    assert target.is_file(), f"no page at {url_path}"
    return _parse(str(target))


def words_of(element) -> str:
    """The article's own words inside `element`: without the paragraph number, cues, notes and labels we add."""
    element = copy.copy(element)  # pages are cached: never change the parsed page itself
    for extra in element.select("sup.xp-refs, .xp-label, .xp-pnum, a.xp-cue, aside.xp-notes"):
        extra.decompose()
    return element.get_text().strip()


def note_links(soup: BeautifulSoup, fragment: str) -> list:
    """Links in the article's note cards that lead to `#fragment` (an explainer's `about-...` box)."""
    return [a for a in soup.select("aside.xp-notes .xp-notecard a") if a["href"].endswith(f"#{fragment}")]


def content(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner")


def resolve(site: Path, from_file: Path, href: str) -> tuple[Path, str]:
    """The file and fragment a relative link in `from_file` points to."""
    parts = urlsplit(href)
    target = (from_file.parent / unquote(parts.path)).resolve() if parts.path else from_file
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")
