#!/usr/bin/env python3
"""Write the editor schemas of the data files, and point each data file at its schema.

    python scripts/schemas.py                # regenerate schemas/*.schema.json from the model
    python scripts/schemas.py --headers      # ... and add the `$schema` line to data files lacking it
    python scripts/schemas.py --check        # exit 1 if schemas/ is stale (used by the tests)

The schemas come from `model.FILE_MODELS`, the one definition of the format, so they cannot drift
from what the validator accepts (the validator adds the cross-file checks a schema cannot make).
VS Code's YAML extension reads the first-line comment

    # yaml-language-server: $schema=../../schemas/actors.schema.json

and then completes field names, shows their descriptions and flags mistakes while typing.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from explainer import model  # noqa: E402

SCHEMA_DIR = ROOT / "schemas"
HEADER_PREFIX = "# yaml-language-server: $schema="


def schema_name(pattern: str) -> str:
    """`actors/*.yaml` -> `actors.schema.json`, `glossary.yaml` -> `glossary.schema.json`."""
    return pattern.split("/")[0].removesuffix(".yaml") + ".schema.json"


def _for_editors(node):
    """Descriptions are Markdown: VS Code shows `markdownDescription` formatted."""
    if isinstance(node, dict):
        if isinstance(node.get("description"), str):
            node["markdownDescription"] = node["description"]
        for value in node.values():
            _for_editors(value)
    elif isinstance(node, list):
        for value in node:
            _for_editors(value)
    return node


def build_schemas() -> dict[str, str]:
    """File name -> text of every schema, deterministic (sorted keys, fixed indentation)."""
    out = {}
    for pattern, file_model in model.FILE_MODELS.items():
        schema = file_model.model_json_schema()
        where = f"data/{pattern}"
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"{where} ({file_model.__name__})",
            **{k: v for k, v in schema.items() if k != "title"},
        }
        schema.setdefault(
            "description",
            f"The format of {where}. Generated from hooks/explainer/model.py by `make schemas`; do not edit.",
        )
        out[schema_name(pattern)] = json.dumps(_for_editors(schema), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return out


def stale(schemas: dict[str, str]) -> list[str]:
    """Schema files that differ from what the model gives (or are missing, or left over)."""
    have = {p.name for p in SCHEMA_DIR.glob("*.schema.json")} if SCHEMA_DIR.is_dir() else set()
    wrong = [name for name, text in schemas.items() if not (SCHEMA_DIR / name).is_file()
             or (SCHEMA_DIR / name).read_text(encoding="utf-8") != text]
    return sorted(wrong + sorted(have - set(schemas)))


def header_for(data_file: Path, data_dir: Path) -> str | None:
    """The `# yaml-language-server` line for `data_file`, with a path relative to it; None if no model fits."""
    rel = data_file.relative_to(data_dir).as_posix()
    for pattern in model.FILE_MODELS:
        if fnmatch.fnmatch(rel, pattern) and rel.count("/") == pattern.count("/"):
            target = os.path.relpath(SCHEMA_DIR / schema_name(pattern), data_file.parent)
            return HEADER_PREFIX + Path(target).as_posix()
    return None


def with_header(text: str, header: str) -> str:
    """`text` starting with `header`; an existing, different `$schema` line is replaced, not doubled."""
    lines = text.splitlines(keepends=True)
    kept = [ln for ln in lines if not ln.startswith(HEADER_PREFIX)]
    return header + "\n" + "".join(kept)


def add_headers(data_dir: Path) -> list[Path]:
    """Give every data file its schema line (idempotent); returns the files changed."""
    changed = []
    for path in sorted(data_dir.rglob("*.yaml")):
        header = header_for(path, data_dir)
        if header is None:
            continue
        text = path.read_text(encoding="utf-8")
        new = with_header(text, header)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only report whether schemas/ is up to date")
    parser.add_argument("--headers", action="store_true", help="also add the $schema line to every data file")
    parser.add_argument("--data", default=str(ROOT / "data"), help="data folder for --headers (default: data/)")
    args = parser.parse_args(argv[1:])
    schemas = build_schemas()
    if args.check:
        wrong = stale(schemas)
        for name in wrong:
            print(f"schemas/{name}: out of date with hooks/explainer/model.py; run `make schemas`", file=sys.stderr)
        return 1 if wrong else 0
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name in stale(schemas):
        if name in schemas:
            (SCHEMA_DIR / name).write_text(schemas[name], encoding="utf-8")
        else:
            (SCHEMA_DIR / name).unlink()
        print(f"wrote schemas/{name}")
    if args.headers:
        for path in add_headers(Path(args.data)):
            print(f"added the $schema line to {path.relative_to(Path(args.data).parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
