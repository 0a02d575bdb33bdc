"""What is in the data folder, without reading any of it: the loader and the build cache share this view.

Links are listed, never followed, so nothing outside the folder is read or published; pipes and
devices are listed, never opened, as reading one could block a build for ever.
"""

from __future__ import annotations

import os
from pathlib import Path


def data_files(data_dir: Path) -> list[tuple[Path, str]]:
    """Every entry under `data_dir` a build would look at, in a stable order, each with what it is:
    "file" (regular), "folder", "link" (never followed, so nothing outside the folder is read) or
    "other" (a pipe or device, never opened: reading one could block). Hidden entries are left out."""
    found: list[tuple[Path, str]] = []
    pending = [Path(data_dir)]
    while pending:  # not recursive, and not following links: a loop of folders cannot trap it
        folder = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_symlink():
                found.append((path, "link"))
            elif entry.is_dir(follow_symlinks=False):
                found.append((path, "folder"))
                pending.append(path)
            elif entry.is_file(follow_symlinks=False):
                found.append((path, "file"))
            else:
                found.append((path, "other"))
    return sorted(found)
