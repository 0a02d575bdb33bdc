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
import shutil
import sys
import tempfile
from importlib import metadata
from pathlib import Path

import yaml

from .data_folder import data_files
from .yaml_source import MAX_BYTES

FORMAT = 1
CODE = Path(__file__).parent
LIBRARIES = ("pydantic", "pydantic-core", "Jinja2", "MarkupSafe", "PyYAML", "Markdown")
KEEP = 3  # entries kept: a preview that flips between two versions of a file hits both


def _files(root: Path, suffix: str | None = None) -> list[Path]:
    """The files under `root` a build reads: hidden files and byte-code left out, in a stable order."""
    if not root.is_dir():
        return []
    found = []
    for path in root.rglob("*"):
        parts = path.relative_to(root).parts
        if (path.is_file() and not any(p.startswith(".") or p == "__pycache__" for p in parts)
                and (suffix is None or path.suffix == suffix)):
            found.append(path)
    return sorted(found)


def _digest(digest, label: str, root: Path, files: list[Path]):
    for path in files:
        try:
            content = path.read_bytes()
        except OSError:  # the loader reports it; here it only has to make the key differ
            content = b"\0unreadable"
        digest.update(f"\0{label}/{path.relative_to(root).as_posix()}\0{len(content)}\0".encode())
        digest.update(content)
    return digest


def _digest_data(digest, data_dir: Path):
    """The data folder's part of the key, reading only what the loader would read: a link, a folder, a
    pipe or a file over the size cap adds its name, kind and size, never its content (the loader
    refuses it, and data with problems is never stored, so these keys are never looked up twice)."""
    for path, kind in data_files(data_dir):
        rel = path.relative_to(data_dir).as_posix()
        try:
            size = path.lstat().st_size
        except OSError:
            kind, size = "unreadable", 0
        if kind == "file" and size <= MAX_BYTES:
            _digest(digest, "data", data_dir, [path])
        else:
            digest.update(f"\0data/{rel}\0{kind}\0{size}\0".encode())
    return digest


def _python_code() -> str:
    return _digest(hashlib.sha256(), "code", CODE, _files(CODE, ".py")).hexdigest()


# The package's Python code as this process imported it. A long-running `serve` keeps the modules it
# loaded; should their files change on disk, its pages are not those of the new code, and must not
# be stored (or looked up) under the new code's key. Templates are re-read by Jinja when they change.
IMPORTED_CODE = _python_code()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def fingerprint(data_dir: Path, settings: dict) -> str | None:
    """A hash that changes whenever the pages rendered from `data_dir` with `settings` could; None when
    this process runs older code than the files on disk (then nothing is looked up or stored)."""
    python_code = _python_code()
    if python_code != IMPORTED_CODE:
        return None
    digest = hashlib.sha256()
    header = {"format": FORMAT, "python": sys.version, "settings": settings, "code": python_code,
              "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
              "libraries": {name: _version(name) for name in LIBRARIES}}
    digest.update(json.dumps(header, sort_keys=True).encode())
    _digest(digest, "templates", CODE, [p for p in _files(CODE) if p.suffix != ".py"])
    return _digest_data(digest, Path(data_dir)).hexdigest()


def templates_dir(cache_dir: Path) -> Path | None:
    """Where Jinja keeps compiled templates. Its keys are the template's name and source only, but the
    compiled code also depends on the environment's options in `render.py`: one folder per version
    of the code, older ones removed."""
    folder = Path(cache_dir) / f"templates-{IMPORTED_CODE[:16]}"
    try:
        for old in Path(cache_dir).glob("templates-*"):
            if old != folder:
                shutil.rmtree(old, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def load(cache_dir: Path, key: str) -> dict | None:
    """The stored state for `key`, or None when there is none (or it cannot be read: then it is rebuilt)."""
    path = Path(cache_dir) / f"{key}.json"
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        os.utime(path)  # recently used: evicted last
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) and state.get("format") == FORMAT else None


def store(cache_dir: Path, key: str, state: dict) -> None:
    """Write an entry atomically and drop the least recently used beyond `KEEP`; a cache that cannot be
    written is skipped."""
    cache_dir = Path(cache_dir)
    temporary = None
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({**state, "format": FORMAT}, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, cache_dir / f"{key}.json")
        temporary = None
        entries = sorted(cache_dir.glob("*.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
