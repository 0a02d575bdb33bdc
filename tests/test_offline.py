"""The classroom copy as files: the zip `make offline` makes, and what its pages would load.

The browser checks of the same copy (opened from file:// with the network cut) are in test_browser.py.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from classroom import AXE, AXE_SHA256, SHIM, SHIM_SHA256, make_zip, sha256
from conftest import REAL_DATA, ROOT
from helpers import edit

MAX_ZIP_BYTES = 3_000_000
ZIP_NAME = "reading-alliance-vs-isis-classroom-test.zip"  # from site_name in mkdocs.yml, and --version test


@pytest.fixture(scope="module")
def classroom(real_classroom):
    """The zip and its unzipped folder, made once for the whole run (conftest)."""
    zip_path, folder = real_classroom
    assert zip_path.name == ZIP_NAME
    return zip_path, folder


def _local(url: str) -> bool:
    """A URL that stays inside the copied folder: relative, no scheme, no leading slash."""
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and not parts.path.startswith("/")


def _pages(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.html") if p.name != "404.html")  # 404 is only reached on a server


def test_vendored_files_are_the_pinned_versions():
    assert sha256(SHIM) == SHIM_SHA256
    assert sha256(AXE) == AXE_SHA256
    for folder, file, checksum in [(SHIM.parent, SHIM, SHIM_SHA256), (AXE.parent, AXE, AXE_SHA256)]:
        assert (folder / "LICENSE").is_file()
        source = (folder / "SOURCE.txt").read_text(encoding="utf-8")
        assert f"{file.name} sha256: {checksum}" in source


def test_zip_name_size_and_layout(classroom, capsys):
    zip_path, folder = classroom
    size = zip_path.stat().st_size
    with capsys.disabled():  # shown in every run, not only with -s
        print(f"\nclassroom zip: {zip_path.name}: {size:,} bytes ({size / 1e6:.2f} MB), {len(_pages(folder))} pages",
              end=" ")
    assert size < MAX_ZIP_BYTES
    assert folder.name == ZIP_NAME.removesuffix(".zip")
    assert (folder / "index.html").is_file() and (folder / "search" / "search_index.js").is_file()
    assert (folder / "teachers.html").is_file() and (folder / "actors" / "isis.html").is_file()
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
    assert names == sorted(names) and not [n for n in names if n.endswith(".map")]  # source maps left out


def test_zip_is_deterministic(classroom, tmp_path):
    zip_path, _ = classroom
    again = make_zip(tmp_path / "build", REAL_DATA, tmp_path / "dist")
    assert again.returncode == 0, again.output
    assert (tmp_path / "dist" / ZIP_NAME).read_bytes() == zip_path.read_bytes()
    with zipfile.ZipFile(zip_path) as archive:
        infos = archive.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names)
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o100644}


def test_offline_pages_load_nothing_from_outside(classroom):
    _, folder = classroom
    pages = _pages(folder)
    assert len(pages) > 20
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        loaded = [t["src"] for t in soup.select("script[src], img[src], iframe[src]")]
        loaded += [t["href"] for t in soup.select("link[href]") if t.get("rel") != ["canonical"]]
        outside = [url for url in loaded if not _local(url)]
        assert outside == [], path
        polyfills = [t["src"] for t in soup.select("script[src]") if "iframe-worker" in t["src"]]
        assert len(polyfills) == 1 and polyfills[0].endswith("assets/vendor/iframe-worker/shim.js"), path
        assert (path.parent / polyfills[0]).resolve() == (folder / "assets/vendor/iframe-worker/shim.js").resolve()
        # Directory URLs need a server: every link inside the copy names an .html file.
        for link in soup.select("a[href]"):
            parts = urlsplit(link["href"])
            if _local(link["href"]) and parts.path:
                assert parts.path.endswith(".html") or "." in parts.path.rsplit("/", 1)[-1], (path, link["href"])
        # Material loads Mermaid from a CDN when a page has a `.mermaid` element.
        assert soup.select(".mermaid") == [], path
        assert "unpkg.com" not in str(soup), path


def test_no_instant_navigation_offline(classroom):
    """Instant navigation fetches pages with XMLHttpRequest, which file:// refuses."""
    _, folder = classroom
    soup = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    features = json.loads(soup.select_one("script#__config").string)["features"]
    assert "content.tooltips" in features and not [f for f in features if f.startswith("navigation.instant")]


def test_theme_javascript_fetches_only_what_these_pages_never_trigger(classroom):
    """Every address the theme's scripts may fetch, and why none of them is reached here.

    A Material upgrade that adds one fails this test, so it is looked at before it ships.
    """
    _, folder = classroom
    found = set()
    scripts = folder / "assets" / "javascripts"
    # The bundle and the search worker; lunr's language files only load for other languages than English.
    for script in [*scripts.glob("bundle.*.min.js"), *scripts.glob("workers/*.js")]:
        found |= set(re.findall(r"https?://[\w.-]+[\w./@${}-]*", script.read_text(encoding="utf-8")))
    known = {
        "https://unpkg.com/mermaid@11/dist/mermaid.min.js",  # only for `.mermaid` elements: checked above
        "https://unpkg.com/resize-observer-polyfill",  # only where ResizeObserver is missing (not in any current browser)
        "https://api.github.com/repos/${e}/${t}", "https://api.github.com/users/${e}",  # only with repo_url
        "https://${e}/api/v4/projects/${encodeURIComponent",  # GitLab, only with repo_url
        "https://clipboardjs.com/", "https://bit.ly/2s3ChXG",  # licence and error-message comments
        "http://lunrjs.com", "http://tartarus.org/",  # the search worker's licence comments
    }
    assert found - known == set()
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="source"' not in index  # no repo_url, so no repository facts are fetched


def test_published_build_keeps_clean_urls(real_build):
    site = real_build.site
    assert (site / "actors" / "isis" / "index.html").is_file()
    assert not (site / "search" / "search_index.js").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="actors/"' in home and "unpkg.com" not in home


def test_failed_build_keeps_the_previous_zip(mini_data, tmp_path):
    dist = tmp_path / "dist"
    dist.mkdir()
    previous = dist / ZIP_NAME
    previous.write_bytes(b"the previous good copy")
    edit(mini_data / "actors/river-guild.yaml", "quote: Guild's Pact", "quote: Guild's Pakt")
    run = make_zip(tmp_path / "build", mini_data, dist)
    assert run.returncode != 0
    assert "covers[0].quote: quote not found" in run.output and "previous zip" in run.output
    assert previous.read_bytes() == b"the previous good copy"
    assert [p.name for p in dist.iterdir()] == [ZIP_NAME]


def test_make_offline_is_documented():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^offline:.*\n\t\$\(BIN\)/python scripts/classroom_copy.py --config-file \$\(CONFIG\)$", makefile, re.M)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`make offline`" in readme
