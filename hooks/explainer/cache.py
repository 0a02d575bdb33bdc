"""The rendered pages of the last good builds, kept on disk and keyed by everything that made them.

The key is a hash of the data files, this package's code and templates, the versions of the
libraries that read and render the data, and the site settings the pages depend on. Same key, same
pages: a rebuild with unchanged data (a `serve` reload after a theme or page edit, a second
`make site`, CI with a restored cache) skips loading, checking and rendering. Only good builds are
stored, so data with problems always goes through the checks and reports them. Jinja keeps its
compiled templates beside the entries (`templates_dir`). The folder is trusted like the code it
came from: it is never committed (.gitignore, and a test fails if one is).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from importlib import metadata
from pathlib import Path

FORMAT = 1
CODE = Path(__file__).parent
LIBRARIES = ("pydantic", "pydantic-core", "Jinja2", "PyYAML", "Markdown")
KEEP = 3  # entries kept: a preview that flips between two versions of a file hits both


def _files(root: Path) -> list[Path]:
    """The files under `root` a build reads: hidden files and byte-code left out, in a stable order."""
    if not root.is_dir():
        return []
    found = []
    for path in root.rglob("*"):
        parts = path.relative_to(root).parts
        if path.is_file() and not any(p.startswith(".") or p == "__pycache__" for p in parts):
            found.append(path)
    return sorted(found)


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def fingerprint(data_dir: Path, settings: dict) -> str:
    """A hash that changes whenever the pages rendered from `data_dir` with `settings` could."""
    digest = hashlib.sha256()
    header = {"format": FORMAT, "python": sys.version, "settings": settings,
              "libraries": {name: _version(name) for name in LIBRARIES}}
    digest.update(json.dumps(header, sort_keys=True).encode())
    for label, root in (("code", CODE), ("data", Path(data_dir))):
        for path in _files(root):
            content = path.read_bytes()
            digest.update(f"\0{label}/{path.relative_to(root).as_posix()}\0{len(content)}\0".encode())
            digest.update(content)
    return digest.hexdigest()


def templates_dir(cache_dir: Path) -> Path | None:
    """Where Jinja keeps compiled templates (its own keys: template name and source checksum)."""
    folder = Path(cache_dir) / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def load(cache_dir: Path, key: str) -> dict | None:
    """The stored state for `key`, or None when there is none (or it cannot be read: then it is rebuilt)."""
    try:
        state = json.loads((Path(cache_dir) / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) and state.get("format") == FORMAT else None


def store(cache_dir: Path, key: str, state: dict) -> None:
    """Write an entry atomically and drop the oldest beyond `KEEP`; a cache that cannot be written is skipped."""
    cache_dir = Path(cache_dir)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({**state, "format": FORMAT}, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, cache_dir / f"{key}.json")
        entries = sorted(cache_dir.glob("*.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
