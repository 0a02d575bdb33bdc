"""Small helpers for tests that edit a data file and read the messages it causes."""

from __future__ import annotations

import contextlib
from pathlib import Path

from explainer.problems import DataError
from explainer.validate import load_explainer


def problems_of(data_dir: Path) -> list[str]:
    """The messages `load_explainer` reports for `data_dir` (an empty list when it is valid), as a
    contributor standing beside the data folder reads them (`data/actors/x.yaml:3: ...`)."""
    try:
        with contextlib.chdir(Path(data_dir).parent):
            load_explainer(data_dir)
    except DataError as err:
        return [str(p) for p in err.problems]
    return []


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
