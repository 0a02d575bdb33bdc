"""The interface strings, in one place: `texts/en.yaml`, read once.

Every page title, heading, label and fixed sentence the generator writes comes from there, so a
second interface language is a second file, and a site can replace a text whose wording depends on
its topic or on the genre of its articles (`texts:` in `data/unit.yaml`). Templates get the merged
texts as `t`; a key that is not in the catalogue fails the render, it never prints as nothing.
"""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path

import yaml

FOLDER = Path(__file__).parent / "texts"
LANGUAGE = "en"


@functools.lru_cache(maxsize=4)
def _read(language: str) -> dict:
    return yaml.safe_load((FOLDER / f"{language}.yaml").read_text(encoding="utf-8"))


TEXTS: dict = _read(LANGUAGE)


def keys(texts: dict | None = None, prefix: str = "") -> list[str]:
    """Every text's dotted key (`pages.actors.intro`), for checking a site's replacements."""
    texts = TEXTS if texts is None else texts
    found = []
    for key, value in texts.items():
        if isinstance(value, dict):
            found += keys(value, f"{prefix}{key}.")
        else:
            found.append(f"{prefix}{key}")
    return found


def with_replacements(replacements: dict[str, str] | None) -> dict:
    """The catalogue with a site's own wording for some of its keys (already checked against `keys()`)."""
    if not replacements:
        return TEXTS
    merged = copy.deepcopy(TEXTS)
    for dotted, text in sorted(replacements.items()):
        *groups, last = dotted.split(".")
        node = merged
        for group in groups:
            node = node[group]
        node[last] = text
    return merged


def of_unit(unit) -> dict:
    """The texts a site's pages use: the catalogue with its unit's `texts:` (a `model.Unit` or None)."""
    return with_replacements(unit.texts if unit else None)


def script(texts: dict) -> str:
    """`javascripts/texts.js`: the words the pages' scripts write, as `window.xpTexts`."""
    return "window.xpTexts = " + json.dumps(texts["scripts"], ensure_ascii=False, sort_keys=True) + ";\n"
