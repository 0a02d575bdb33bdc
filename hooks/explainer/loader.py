"""Read the data folder into models, turning every problem into a `file:line: where: what` message.

This module only reads and checks one file at a time against its model; `validate.py` checks what
files say about each other. Neither knows MkDocs exists.
"""

from __future__ import annotations

import difflib
import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import model
from .problems import Problem
from .yaml_source import YamlDoc, dotted, read_yaml


@dataclass
class Entry:
    """A model read from a file, with the file's line marks kept for later messages."""

    value: BaseModel
    doc: YamlDoc

    def line(self, *path) -> int:
        return self.doc.line_of(tuple(path))

    def problem(self, path: tuple, message: str) -> Problem:
        return Problem(self.doc.file, self.doc.line_of(path), dotted(path), message)


@dataclass
class RawData:
    """Every file that parsed and fitted its model, by kind; problems of the others are collected."""

    articles: list[Entry] = field(default_factory=list)
    actors: list[Entry] = field(default_factory=list)
    unit: Entry | None = None
    sources: Entry | None = None
    kinds: Entry | None = None
    glossary: Entry | None = None
    # Optional files: the critical-reading pages (claims, timeline) and the classroom pack.
    claims: Entry | None = None
    events: Entry | None = None
    classroom: Entry | None = None
    problems: list[Problem] = field(default_factory=list)
    folder: str = "data"  # the data folder's name, as messages show it
    # Ids of article and actor files that exist but did not load: references to them are not
    # reported again, so one broken file gives its own messages and no echo elsewhere.
    unreadable: set[str] = field(default_factory=set)


_KIND_OF_PATTERN = {f.pattern: f.slot for f in model.DATA_FILES}


def shown_path(path: Path) -> str:
    """A path as a contributor would type it from where they stand: relative to the working folder
    when it lies below it (`data/actors/x.yaml`), else absolute (`/home/me/unit/data/actors/x.yaml`)."""
    path = Path(path).absolute()
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path.as_posix()
    return path.as_posix() if relative == ".." or relative.startswith("../") else Path(relative).as_posix()


def read_data(data_dir: Path) -> RawData:
    """Read every file of `data_dir`; a missing or broken file is a problem, never an exception."""
    data_dir = Path(data_dir)
    raw = RawData(folder=shown_path(data_dir))
    if not data_dir.is_dir():
        raw.problems.append(Problem(str(data_dir), 1, "", "data folder not found; check `extra.explainer.data` in mkdocs.yml"))
        return raw
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(data_dir).as_posix()
        shown = f"{raw.folder}/{rel}"
        if any(part.startswith(".") for part in path.relative_to(data_dir).parts):
            continue
        pattern = next((p for p in _KIND_OF_PATTERN if fnmatch.fnmatch(rel, p) and rel.count("/") == p.count("/")), None)
        if pattern is None:
            raw.problems.append(Problem(shown, 1, "", _stray_file_message(rel)))
            continue
        slot = _KIND_OF_PATTERN[pattern]
        doc, problems = read_yaml(path, shown)
        raw.problems += problems
        entry = _fit(doc, model.FILE_MODELS[pattern], raw.problems) if doc else None
        if entry is None:
            raw.unreadable.add(f"{slot}:{path.stem}" if slot in ("articles", "actors") else slot)
            continue
        if slot in ("articles", "actors"):  # one item per file
            getattr(raw, slot).append(entry)
        else:
            setattr(raw, slot, entry)
    for name in (f.pattern for f in model.DATA_FILES if f.required):
        if not (data_dir / name).is_file():
            raw.problems.append(Problem(f"{raw.folder}/{name}", 1, "", "required file is missing; create it"))
    if not any(data_dir.glob("articles/*.yaml")):
        raw.problems.append(Problem(f"{raw.folder}/articles", 1, "", f"no article found; add {raw.folder}/articles/<id>.yaml"))
    return raw


def _stray_file_message(rel: str) -> str:
    if rel.endswith(".yml"):
        return "data files end in .yaml, not .yml; rename the file"
    if not rel.endswith(".yaml"):
        return "not a data file: only .yaml files belong in the data folder; move it elsewhere"
    expected = ", ".join(_KIND_OF_PATTERN)
    return f"unexpected data file; data files are: {expected}"


def _fit(doc: YamlDoc, schema: type[BaseModel], problems: list[Problem]) -> Entry | None:
    if not isinstance(doc.data, dict):
        problems.append(Problem(doc.file, 1, "", f"expected a mapping of fields ({_field_list(schema)}) at the top level"))
        return None
    placeholders = _placeholders(doc.data, ())
    for loc in placeholders:
        hint = _description_at(schema, loc)
        problems.append(Problem(doc.file, doc.line_of(loc), dotted(loc),
                                f"replace the placeholder {PLACEHOLDER}" + (f": {hint}" if hint else "")))
    try:
        entry = Entry(schema.model_validate(doc.data), doc)
    except ValidationError as err:
        for error in err.errors():
            if not any(tuple(error["loc"])[: len(loc)] == loc for loc in placeholders):  # said once, above
                problems.append(_explain(error, doc, schema))
        return None
    return None if placeholders else entry


# What `make new-actor` / `make new-term` leave where a contributor has to write something.
PLACEHOLDER = "TODO"
_PLACEHOLDER_WORD = re.compile(rf"\b{PLACEHOLDER}\b")


def _placeholders(data, loc: tuple) -> list[tuple]:
    """Key paths of every text value that still holds the scaffold's placeholder."""
    if isinstance(data, dict):
        return [found for key, value in data.items() for found in _placeholders(value, loc + (key,))]
    if isinstance(data, list):
        return [found for i, value in enumerate(data) for found in _placeholders(value, loc + (i,))]
    return [loc] if isinstance(data, str) and PLACEHOLDER in data and _PLACEHOLDER_WORD.search(data) else []


def _description_at(schema: type[BaseModel], loc: tuple) -> str:
    """The field description (written for contributors) of the field at `loc`, list indices skipped."""
    current: type[BaseModel] | None = schema
    description = ""
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(str(part)) if current else None
        if info is None:
            return description
        description = info.description or ""
        current = _inner_model(info.annotation)
    return description


def _explain(error: dict, doc: YamlDoc, schema: type[BaseModel]) -> Problem:
    """A pydantic error in a contributor's words: which field, and what to do about it."""
    loc = tuple(error["loc"])
    kind = error["type"]
    here = doc.line_of(loc)
    parent_fields = _fields_at(schema, loc[:-1])
    if kind == "missing":
        name = loc[-1]
        given = _keys_at(doc.data, loc[:-1])
        near = difflib.get_close_matches(str(name), [k for k in given if k not in parent_fields], n=1)
        hint = f" ('{near[0]}' looks like a misspelling of it)" if near else f"; add `{name}:`"
        return Problem(doc.file, here, dotted(loc[:-1]), f"missing required field '{name}'{hint}")
    if kind == "extra_forbidden":
        name = str(loc[-1])
        near = difflib.get_close_matches(name, parent_fields, n=1)
        hint = f" (did you mean '{near[0]}'?)" if near else f"; known fields: {', '.join(parent_fields)}"
        return Problem(doc.file, here, dotted(loc), f"unknown field '{name}'{hint}")
    message = error["msg"].removeprefix("Value error, ")
    if kind == "string_pattern_mismatch" and "SLUG" not in message:
        pattern = error.get("ctx", {}).get("pattern", "")
        if pattern == model.SLUG:
            message = "must be lower-case words joined by hyphens, like `city-council`"
        elif pattern in (model.PARTIAL_DATE, model.SOURCE_DATE):
            message = "must be a date written YYYY-MM-DD (or YYYY-MM, or YYYY)"
    if kind in ("string_type", "list_type", "dict_type", "model_type", "bool_type", "int_type"):
        message += f" (got {type(error.get('input')).__name__ if error.get('input') is not None else 'nothing'})"
    return Problem(doc.file, here, dotted(loc), message)


def _fields_at(schema: type[BaseModel], loc: tuple) -> list[str]:
    """Field names of the model found at `loc` inside `schema` (list indices skipped)."""
    current: type[BaseModel] | None = schema
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(str(part))
        current = _inner_model(info.annotation) if info else None
    return sorted(current.model_fields) if current else []


def _inner_model(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found:
            return found
    return None


def _keys_at(data, loc: tuple) -> list[str]:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return []
    return [str(k) for k in data] if isinstance(data, dict) else []


def _field_list(schema: type[BaseModel]) -> str:
    return ", ".join(name for name, f in schema.model_fields.items() if f.is_required())
