"""MkDocs wiring for the explainer: each event hands over to the loader or the renderer, nothing more.

The loading, checking and rendering code lives in the `explainer` package and never imports MkDocs,
so another engine that runs MkDocs hooks (ProperDocs) needs no change here, and scripts and tests
use the same code without a build.
"""

from __future__ import annotations

import html as html_text
import json
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

# Imported at module level: MkDocs puts this folder on sys.path only while the hook module loads.
from explainer import download
from explainer import preview
from explainer.glossary_marker import GlossaryExtension, terms_marked
from explainer import parts
from explainer.navigation import site_nav
from explainer.pipeline import prepare
from explainer.problems import DataError
from explainer.safety import html_problems, outline_problems
from explainer.site_config import SettingsError, settings_from

class _Build:
    """What the hook keeps between the events of a build (and between `serve` rebuilds): the pages the
    data gave, and the one Markdown extension that marks glossary terms, handed each build's index."""

    def __init__(self) -> None:
        self.prepared = None
        self.glossary = GlossaryExtension()
        self.download = None  # what the classroom zip published in this build holds (`download.ZipSummary`)
        self.classroom = []  # the classroom pages, (title, docs path) in nav order
        self.banner = ""  # while serving data with problems: the box of problems above every page


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


def _classroom_zip(config) -> Path | None:
    # `classroom_zip` (CLASSROOM_ZIP, set by `make publish`): the zip to publish inside the site.
    setting = _settings(config).classroom_zip
    if not setting:
        return None
    path = (Path(config.config_file_path).parent / str(setting)).resolve()
    if not path.is_file():
        raise PluginError(f"extra.explainer.classroom_zip (CLASSROOM_ZIP): there is no file at {path}. "
                          "Run `make publish`, which makes the zip first, or leave the setting empty; nothing was built.")
    return path


def on_startup(command, dirty):
    preview.started(command)


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
    # with the contributor's messages before anything is written to the site folder. While serving,
    # a failed build would make the server hold every request: the preview keeps the last good pages
    # and shows the problems on them instead.
    BUILD.banner = ""
    try:
        prepared = prepare(_data_dir(config), cache_dir=_cache_dir(config), site_name=config.site_name,
                           site_url=config.site_url, directory_urls=config.use_directory_urls,
                           home_page=not _has_home_page(config), docs_dir=Path(config.docs_dir))
        preview.remember(prepared)
    except DataError as err:
        prepared = preview.last_good(_cache_dir(config)) if preview.serving() else None
        if prepared is None:
            raise PluginError("The data has problems:\n" + err.report()) from None
        # Printed, not logged: with --strict an error in the log would fail the build it keeps alive.
        print("The data has problems; the preview keeps the last good pages until they are fixed:\n"
              + err.report().rsplit("\n", 1)[0], file=sys.stderr, flush=True)
        BUILD.banner = preview.banner(err)
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
        if files.get_file_from_path(page.path) is not None:  # a file of another plugin: the data check saw docs/ only
            raise PluginError(f"{page.path}: another file is where the generated page '{page.title}' goes; "
                              "rename or remove it")
        files.append(File.generated(config, page.path, content=page.markdown))
    files.append(File.generated(config, parts.TEXTS_SCRIPT, content=prepared.texts_script))
    hand_written = [f.src_uri for f in files.documentation_pages() if f.generated_by is None]
    home_title = None
    if any(page.path == "index.md" for page in prepared.pages):  # the generated home page leads the nav
        hand_written.insert(0, "index.md")
        home_title = prepared.texts["pages"]["home"]["title"]
    config.nav = site_nav(config.nav, prepared.sections, hand_written, home_title)
    # The classroom zip, when this build publishes it: copied into the site as it is, and described
    # (size, contents) on the page that holds the download marker.
    zip_path = _classroom_zip(config)
    BUILD.download = None
    if zip_path is not None:
        try:
            BUILD.download = download.summarise(zip_path)
        except ValueError as err:
            raise PluginError(f"extra.explainer.classroom_zip (CLASSROOM_ZIP): {err}") from None
        files.append(File.generated(config, download.site_path(zip_path.name), abs_src_path=str(zip_path)))
    titles = {p.path: p.title for p in prepared.pages}
    BUILD.classroom = [(titles[path], path) for path in _nav_paths(prepared.sections) if path.startswith("classroom/")]
    return files


def _nav_paths(entries) -> list[str]:
    # The docs paths of nav entries, in nav order (the classroom pages as the menu lists them).
    if isinstance(entries, str):
        return [entries]
    if isinstance(entries, dict):
        return [p for value in entries.values() for p in _nav_paths(value)]
    return [p for entry in entries for p in _nav_paths(entry)]


def on_page_markdown(markdown, page, config, files):
    # The article page marks every use of a term; other pages mark the first one only.
    BUILD.glossary.every = page.meta.get("glossary") == "every"
    if download.MARKER in markdown:
        markdown = markdown.replace(download.MARKER, download.fragment(BUILD.download, page.file.src_uri, BUILD.classroom,
                                                                       BUILD.prepared.texts))
    return markdown


def on_page_content(html, page, config, files):
    # Second line of defence: the validator already refuses scripts and unsafe links in data; should
    # one get through into a generated page anyway, fail the build rather than publish it.
    if page.file.generated_by is not None:
        found = html_problems(html) or outline_problems(html)
        if found:
            raise PluginError(f"{page.file.src_uri}: generated page would contain {found[0]}; nothing was built")
    return BUILD.banner + html + _preview_links(html, page, files)


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
