"""MkDocs wiring for the explainer: each event hands over to the loader or the renderer, nothing more.

The loading, checking and rendering code lives in the `explainer` package and never imports MkDocs,
so another engine that runs MkDocs hooks (ProperDocs) needs no change here, and scripts and tests
use the same code without a build.
"""

from __future__ import annotations

import html as html_text
import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

# Imported at module level: MkDocs puts this folder on sys.path only while the hook module loads.
from explainer.glossary_marker import GlossaryExtension, terms_marked
from explainer import parts
from explainer.navigation import site_nav
from explainer.pipeline import prepare
from explainer.problems import DataError
from explainer.safety import html_problems
from explainer.site_config import SettingsError, settings_from

class _Build:
    """What the hook keeps between the events of a build (and between `serve` rebuilds): the pages the
    data gave, and the one Markdown extension that marks glossary terms, handed each build's index."""

    def __init__(self) -> None:
        self.prepared = None
        self.glossary = GlossaryExtension()


BUILD = _Build()


def _settings(config):
    try:
        return settings_from(config.extra, config.config_file_path)
    except SettingsError as err:
        raise PluginError(str(err)) from None


def _data_dir(config) -> Path:
    return (Path(config.config_file_path).parent / _settings(config).data).resolve()


def _cache_dir(config) -> Path | None:
    setting = _settings(config).cache
    if not setting:
        return None
    folder = ".cache/explainer" if setting is True else str(setting)
    return (Path(config.config_file_path).parent / folder).resolve()


@event_priority(100)
def _generator_parts(config):
    # Before the plugins' own on_config (Material's offline plugin adds a CDN polyfill unless one is
    # set): the generator's theme folder, stylesheets, scripts, Markdown extensions and features.
    if str(parts.THEME_DIR) not in config.theme.dirs:  # a site's own custom_dir still comes first
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(parts.THEME_DIR))
    config.extra_css = parts.merged(parts.STYLESHEETS, config.extra_css)
    config.extra_javascript = parts.merged(parts.SCRIPTS, config.extra_javascript)
    config.extra["polyfills"] = parts.merged(parts.POLYFILLS, config.extra.get("polyfills"))
    for name, settings in parts.MARKDOWN_EXTENSIONS.items():
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
        config.mdx_configs[name] = {**settings, **config.mdx_configs.get(name, {})}
    config.theme["features"] = parts.merged(parts.THEME_FEATURES, config.theme.get("features"))
    return config


def _prepare(config):
    # Runs first in every build (and every `serve` rebuild): re-read the data so edits show, and stop
    # with the contributor's messages before anything is written to the site folder.
    try:
        prepared = prepare(_data_dir(config), cache_dir=_cache_dir(config), site_name=config.site_name,
                           site_url=config.site_url, directory_urls=config.use_directory_urls,
                           home_page=not _has_home_page(config))
    except DataError as err:
        raise PluginError("The data has problems:\n" + err.report()) from None
    BUILD.prepared = prepared
    # The unit's title and description (data) name the site; the config's are the fallback.
    config.site_name = prepared.site_name or config.site_name
    config.site_description = prepared.site_description or config.site_description
    BUILD.glossary.index = prepared.glossary  # the index the renderer built, not a second one
    config.markdown_extensions.append(BUILD.glossary)
    return config


on_config = CombinedEvent(_generator_parts, _prepare)


def _has_home_page(config) -> bool:
    docs = Path(config.docs_dir)
    return (docs / "index.md").is_file() or (docs / "README.md").is_file()


@event_priority(100)
def on_files(files, config):
    # Early, so plugins that take a snapshot of the files (search, offline) see the generated pages;
    # the nav is extended here, not in on_nav, so MkDocs builds previous/next links itself.
    prepared = BUILD.prepared
    for page in prepared.pages:
        if files.get_file_from_path(page.path) is not None:
            raise PluginError(f"docs/{page.path} clashes with a generated page; rename or remove it")
        files.append(File.generated(config, page.path, content=page.markdown))
    files.append(File.generated(config, parts.TEXTS_SCRIPT, content=prepared.texts_script))
    hand_written = [f.src_uri for f in files.documentation_pages() if f.generated_by is None]
    if any(page.path == "index.md" for page in prepared.pages):  # the generated home page leads the nav
        hand_written.insert(0, "index.md")
    config.nav = site_nav(config.nav, prepared.sections, hand_written)
    return files


def on_page_markdown(markdown, page, config, files):
    # The article page marks every use of a term; other pages mark the first one only.
    BUILD.glossary.every = page.meta.get("glossary") == "every"
    return markdown


def on_page_content(html, page, config, files):
    # Second line of defence: the validator already refuses scripts and unsafe links in data; should
    # one get through into a generated page anyway, fail the build rather than publish it.
    if page.file.generated_by is not None:
        found = html_problems(html)
        if found:
            raise PluginError(f"{page.file.src_uri}: generated page would contain {found[0]}; nothing was built")
    return html + _preview_links(html, page, files)


def _preview_links(html, page, files) -> str:
    # Where each term marked on this page leads from its preview ("More"), as URLs relative to the
    # page, so the preview script fetches nothing and works from file:// and under any base path.
    links = {}
    for term_id in terms_marked(html):
        path, _, fragment = BUILD.glossary.index.targets.get(term_id, "").partition("#")
        target = files.get_file_from_path(path) if path else None
        if target is not None:
            links[term_id] = get_relative_url(target.url, page.url) + (f"#{fragment}" if fragment else "")
    if not links:
        return ""
    data = html_text.escape(json.dumps(links, sort_keys=True, ensure_ascii=False))
    return f'\n<div id="xp-term-links" hidden data-links="{data}"></div>'


def on_serve(server, config, builder):
    # A data edit rebuilds the preview like a page edit does.
    server.watch(str(_data_dir(config)))
    server.watch(str(Path(__file__).parent / "explainer" / "templates"))
    server.watch(str(parts.THEME_DIR))
    return server
