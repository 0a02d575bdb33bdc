"""A site's settings, read the same way by the MkDocs hook and by the scripts that run without a build.

A site is a config file (`mkdocs.yml`) whose `extra.explainer` names its data folder; `make validate`,
`make new-actor` and `make offline` find the data from the config a contributor points them at
(`CONFIG=`), as the build does. The settings are typed: a misspelt key is a message, not ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError


class Settings(BaseModel):
    """`extra.explainer` in mkdocs.yml."""

    model_config = ConfigDict(extra="forbid")

    data: str = Field("data", description="The data folder, relative to the config file.")
    cache: bool | str = Field(
        True, description="Folder for the rendered pages of the last good builds (true: .cache/explainer); false: off."
    )


class SettingsError(ValueError):
    """The settings are wrong; the message says where and what to write instead."""


def settings_from(extra: dict | None, config_file: Path | str) -> Settings:
    raw = (extra or {}).get("explainer") or {}
    if not isinstance(raw, dict):
        raise SettingsError(f"{config_file}: `extra.explainer` must be a mapping of settings (data, cache)")
    try:
        return Settings.model_validate(raw)
    except ValidationError as err:
        messages = []
        for error in err.errors():
            key = ".".join(str(part) for part in error["loc"])
            if error["type"] == "extra_forbidden":
                messages.append(f"unknown setting `extra.explainer.{key}`; known settings: {', '.join(Settings.model_fields)}")
            else:
                messages.append(f"`extra.explainer.{key}`: {error['msg']}")
        raise SettingsError(f"{config_file}: " + "; ".join(messages)) from None


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
