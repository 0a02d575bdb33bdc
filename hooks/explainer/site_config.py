"""A site's settings, read the same way by the MkDocs hook and by the scripts that run without a build.

A site is a config file (`mkdocs.yml`) whose `extra.explainer` names its data folder; `make validate`,
`make new-actor` and `make offline` find the data from the config a contributor points them at
(`CONFIG=`), as the build does. The settings are typed: a misspelt key is a message, not ignored.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Settings:
    """`extra.explainer` in mkdocs.yml. Checked by hand, not by pydantic: a build whose data is
    unchanged loads its pages from the cache without importing pydantic at all (pipeline.py)."""

    data: str = "data"  # the data folder, relative to the config file
    cache: bool | str = True  # folder for the rendered pages of the last good builds (true: .cache/explainer); false: off


_TYPES = {"data": (str,), "cache": (bool, str)}


class SettingsError(ValueError):
    """The settings are wrong; the message says where and what to write instead."""


def settings_from(extra: dict | None, config_file: Path | str) -> Settings:
    raw = (extra or {}).get("explainer") or {}
    if not isinstance(raw, dict):
        raise SettingsError(f"{config_file}: `extra.explainer` must be a mapping of settings ({', '.join(_TYPES)})")
    messages = []
    for key, value in raw.items():
        if key not in _TYPES:
            near = difflib.get_close_matches(str(key), list(_TYPES), n=1)
            hint = f" (did you mean `{near[0]}`?)" if near else ""
            messages.append(f"unknown setting `extra.explainer.{key}`{hint}; known settings: {', '.join(_TYPES)}")
        elif not isinstance(value, _TYPES[key]) or value == "":
            wanted = " or ".join("true/false" if kind is bool else "a folder name" for kind in _TYPES[key])
            messages.append(f"`extra.explainer.{key}` must be {wanted}, not {value!r}")
    if messages:
        raise SettingsError(f"{config_file}: " + "; ".join(messages))
    return Settings(**raw)


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: its tags (`!ENV`, `!relative`) are not needed for these settings."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _read(config_file: Path) -> dict:
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    if "INHERIT" in config:
        parent = _read((config_file.parent / config["INHERIT"]).resolve())
        extra = {**(parent.get("extra") or {}), **(config.get("extra") or {})}
        config = {**parent, **config, "extra": extra}
    return config


@dataclass(frozen=True)
class Site:
    config_file: Path
    settings: Settings
    site_name: str

    @property
    def data_dir(self) -> Path:
        return (self.config_file.parent / self.settings.data).resolve()


def read_site(config_file: Path | str) -> Site:
    """The site a config file describes; raises `SettingsError` (with the file) when it cannot be read."""
    config_file = Path(config_file).absolute()
    if not config_file.is_file():
        raise SettingsError(f"{config_file}: no such config file; point CONFIG= at a site's mkdocs.yml")
    try:
        config = _read(config_file)
    except (OSError, yaml.YAMLError) as err:
        raise SettingsError(f"{config_file}: cannot be read as YAML ({err})") from None
    return Site(config_file, settings_from(config.get("extra"), config_file), str(config.get("site_name") or "site"))
