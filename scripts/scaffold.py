#!/usr/bin/env python3
"""Start a new data entry from a commented skeleton that the validator checks like any other file.

    python scripts/scaffold.py actor <id>   # writes data/actors/<id>.yaml
    python scripts/scaffold.py term <id>    # appends a term to data/glossary.yaml

The skeleton is written from the model (hooks/explainer/model.py), so its comments are the same
field descriptions the editor shows. Every value to write holds the placeholder TODO: until each one
is replaced, `make validate` names the file, the line and what belongs there.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
import types
import typing
from pathlib import Path

from pydantic import BaseModel

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from explainer import model  # noqa: E402
from explainer.loader import PLACEHOLDER, _inner_model, shown_path  # noqa: E402
from explainer.site_config import SettingsError, read_site  # noqa: E402
from explainer.yaml_source import read_yaml  # noqa: E402
from schemas import header_for  # noqa: E402

WIDTH = 100


def _is_list(annotation) -> bool:
    return typing.get_origin(annotation) is list


def _is_date(annotation) -> bool:
    from datetime import date

    return annotation is date


def _optional(annotation) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in typing.get_args(annotation)


def _comment(text: str, indent: str) -> list[str]:
    return [indent + "# " + line for line in textwrap.wrap(text, WIDTH - len(indent) - 2)] if text else []


def _example(schema: type[BaseModel], indent: str) -> list[str]:
    """A commented-out list item of `schema` with its required fields, to copy when needed."""
    lines = []
    for n, (name, info) in enumerate((k, f) for k, f in schema.model_fields.items() if f.is_required()):
        lead = "- " if n == 0 else "  "
        value = "[]" if _is_list(info.annotation) else "..."
        lines.append(f"{indent}#   {lead}{name}: {value}")
    return lines


def skeleton(schema: type[BaseModel], entry_id: str, indent: str = "", notes: dict[str, str] | None = None) -> list[str]:
    """YAML lines for a new entry: required fields hold TODO, optional ones are shown commented out."""
    notes = notes or {}
    out: list[str] = []
    for name, info in schema.model_fields.items():
        ann = info.annotation
        help_text = " ".join(filter(None, [info.description, notes.get(name)]))
        if name == "id":
            out += [f"{indent}id: {entry_id}"]
            continue
        out += _comment(help_text, indent)
        inner = _inner_model(ann)
        if info.is_required():
            if _is_list(ann) and inner is None:
                out += [f"{indent}{name}:", f"{indent}  - {PLACEHOLDER}"]
            elif inner is not None:
                out += [f"{indent}{name}:"] + skeleton(inner, PLACEHOLDER, indent + "  ")
            else:
                out += [f"{indent}{name}: {PLACEHOLDER}"]
        elif _is_list(ann) and inner is not None:
            out += [f"{indent}{name}: []  # to add one, replace [] by items like:"] + _example(inner, indent)
        elif _is_list(ann):
            out += [f"{indent}# {name}:", f"{indent}#   - ..."]
        else:
            default = info.get_default(call_default_factory=True)
            shown = "..." if default is None else (str(default).lower() if isinstance(default, bool) else getattr(default, "value", default))
            out += [f"{indent}# {name}: {shown}"]
    return out


def _kinds(data_dir: Path) -> list[str]:
    doc, _ = read_yaml(data_dir / "kinds.yaml", "kinds.yaml") if (data_dir / "kinds.yaml").is_file() else (None, [])
    if doc is None or not isinstance(doc.data, dict):
        return []
    return [k.get("id") for k in doc.data.get("kinds") or [] if isinstance(k, dict) and k.get("id")]


def _refuse(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def new_actor(data_dir: Path, actor_id: str) -> int:
    actors = model.data_file("actors")
    path = actors.path(data_dir, actor_id)
    if path.exists():
        return _refuse(f"{shown_path(path)} already exists; edit it, or pick another ID")
    kinds = _kinds(data_dir)
    lines = [
        header_for(path, data_dir),
        f"# Actor page: {actor_id}. Replace every {PLACEHOLDER} below, then run `make validate`;",
        "# CONTRIBUTING.md explains each field, and VS Code shows the same help when you hover a field.",
        *skeleton(actors.model, actor_id, notes={"kind": f"One of: {', '.join(kinds)}." if kinds else ""}),
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {shown_path(path)}: replace each {PLACEHOLDER}, then run `make validate`" + _config_hint(data_dir))
    return 0


def new_term(data_dir: Path, term_id: str) -> int:
    path = model.data_file("glossary").path(data_dir)
    shown = shown_path(path)
    if not path.is_file():
        return _refuse(f"{shown} does not exist yet")
    doc, problems = read_yaml(path, str(shown))
    if doc is None:
        return _refuse(f"{shown} has problems to fix first:\n" + "\n".join(str(p) for p in problems))
    terms = doc.data.get("terms") if isinstance(doc.data, dict) else None
    if not isinstance(terms, list) or list(doc.data)[-1] != "terms":
        return _refuse(f"{shown} must end with its `terms:` list for a term to be appended; add the term by hand")
    if any(isinstance(t, dict) and t.get("id") == term_id for t in terms):
        return _refuse(f"a term with id '{term_id}' is already in {shown}; edit that one, or pick another ID")
    text = path.read_text(encoding="utf-8")
    item = skeleton(model.Term, term_id, indent="    ")
    item[0] = "  - " + item[0].lstrip()
    block = [f"  # New term: replace every {PLACEHOLDER}, then run `make validate`.", *item]
    path.write_text(text.rstrip("\n") + "\n" + "\n".join(block) + "\n", encoding="utf-8")
    print(f"appended term '{term_id}' to {shown} (line {text.rstrip(chr(10)).count(chr(10)) + 3}): "
          f"replace each {PLACEHOLDER}, then run `make validate`" + _config_hint(data_dir))
    return 0


def _config_hint(data_dir: Path) -> str:
    """` CONFIG=...` when the data is not this repository's own, so the suggested command checks it."""
    config = data_dir.parent / "mkdocs.yml"
    return "" if data_dir == ROOT / "data" or not config.is_file() else f" CONFIG={shown_path(config)}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Start a new actor page or glossary term.")
    parser.add_argument("what", choices=["actor", "term"])
    parser.add_argument("id", nargs="?", default="", help="lower-case words joined by hyphens, e.g. city-council")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--config-file", default=str(ROOT / "mkdocs.yml"), help="the site's config (default: mkdocs.yml)")
    where.add_argument("--data", help="the data folder itself, instead of the config's")
    args = parser.parse_args(argv[1:])
    if not args.id:
        return _refuse(f"give the new {args.what}'s id, e.g. `make new-{args.what} ID=city-council`")
    if not re.fullmatch(model.SLUG, args.id):
        return _refuse(f"'{args.id}' is not a valid id: use lower-case letters, digits and single hyphens, e.g. city-council")
    if args.data:
        data_dir = Path(args.data).resolve()
    else:
        try:
            data_dir = read_site(args.config_file).data_dir
        except SettingsError as err:
            return _refuse(str(err))
    return (new_actor if args.what == "actor" else new_term)(data_dir, args.id)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
