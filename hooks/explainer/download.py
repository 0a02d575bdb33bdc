"""The classroom zip on the published site: what a hand-written page says about it, read from the zip.

A page that holds `MARKER` gets, in its place, a download link with the zip's real size and what it
contains (`templates/download.md.j2`); in a build without the zip (`make site`, the classroom copy
itself) it says how the zip is made instead. Nothing is typed by hand, so the page cannot go stale.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import jinja2

MARKER = "<!-- classroom-download -->"
FOLDER = "downloads"  # where the zip goes in the published site
TEMPLATES = Path(__file__).parent / "templates"
_LINK_TEXT_SPECIAL = re.compile(r"([\\`*_\[\]{}<>])")


@dataclass(frozen=True)
class ZipSummary:
    name: str  # the zip's file name
    size: int  # in bytes
    files: int
    pages: int  # HTML pages, without the 404 page (reached only on a server)
    folder: str  # the one folder the zip unpacks to


def summarise(path: Path) -> ZipSummary:
    """Count what the zip holds; a file that is not a zip is refused with its path in the message."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if not n.endswith("/")]
    except (OSError, zipfile.BadZipFile) as err:
        raise ValueError(f"{path}: not a readable zip ({err}); build it again with `make offline`") from None
    folders = sorted({n.split("/", 1)[0] for n in names})
    pages = [n for n in names if n.endswith(".html") and posixpath.basename(n) != "404.html"]
    return ZipSummary(path.name, path.stat().st_size, len(names), len(pages), folders[0] if len(folders) == 1 else "")


def site_path(name: str) -> str:
    """The zip's docs-relative path in the published site."""
    return f"{FOLDER}/{name}"


def fragment(summary: ZipSummary | None, page_path: str, classroom: list[tuple[str, str]], texts: dict) -> str:
    """The Markdown that replaces `MARKER` on the page at docs path `page_path`.

    `classroom` lists the generated classroom pages as (title, docs path), to say what the copy holds;
    links are written relative to the page, as Markdown, so MkDocs checks and rewrites them. `texts` is
    the catalogue with the site's own wording (`Prepared.texts`), as the generated pages have it.
    """
    here = posixpath.dirname(page_path) or "."

    def link(path: str) -> str:
        return posixpath.relpath(path, here)

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                             autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["link_text"] = lambda text: _LINK_TEXT_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    return env.get_template("download.md.j2").render(t=texts, zip=summary, href=link(site_path(summary.name)) if summary else "",
                                                     classroom=[(t, link(p)) for t, p in classroom])
