"""The live preview (`mkdocs serve`) while the data has problems: the last good pages, and the problems.

A failed build makes MkDocs' server hold every request until a build succeeds, so while serving the
hook does not fail: it keeps the pages of the last good data (from this process, else the newest entry
of the build cache), prints the problems in the terminal and shows them on every page in a banner.
The next good edit builds as usual and the banner goes. `mkdocs build` and `make site` still fail.

MkDocs loads the hook module afresh for every rebuild; this module is imported once, so the state
lives here.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import jinja2

from . import catalogue
from .pipeline import Prepared
from .problems import DataError

_state: dict = {"serving": False, "last_good": None}
SHOWN = 5  # problems listed on the page (a phone shows them in a screen or two); the terminal has every one


def started(command: str) -> None:
    """Called at start-up with MkDocs' command: "serve" or "build" (also `serve --clean`, which builds)."""
    _state["serving"] = command == "serve"
    _state["last_good"] = None


def serving() -> bool:
    return _state["serving"]


def remember(prepared: Prepared) -> None:
    _state["last_good"] = prepared


def last_good(cache_dir: Path | None) -> Prepared | None:
    """The pages of the last good data: this process's, else the newest the build cache holds."""
    if _state["last_good"] is not None:
        return _state["last_good"]
    if cache_dir is None:
        return None
    entries = sorted(Path(cache_dir).glob("*.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for entry in entries:
        try:
            prepared = Prepared.from_state(json.loads(entry.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
        if prepared is not None:
            return prepared
    return None


@functools.cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return env.get_template("preview_problems.html.j2")


def banner(error: DataError) -> str:
    """The HTML shown at the top of every page of the preview while the data has problems."""
    # Each as its place (file:line, to open) and what is wrong, both as `str(Problem)` writes them.
    problems = [str(p).split(": ", 1) for p in error.problems]
    return _template().render(problems=problems, shown=SHOWN, t=catalogue.TEXTS)
