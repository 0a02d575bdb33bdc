"""The unit of three articles (tests/fixtures/unit), made with `make new-site` and `make offline`, in
a real browser from file:// with the network cut: the generator's own parts (styles, scripts, the
catalogue's words) reach a site that copied none of them, and its pages pass axe."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from classroom import unzip
from conftest import ROOT
from test_browser import Site, _assert_no_violations, _open, _watched_tab, browser  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser
UNIT = ROOT / "tests" / "fixtures" / "unit"
PAGES = ["index.html", "articles/harbour-ru.html", "actors/harbour-council.html", "relationships-2021-04-10.html",
         "timeline.html", "glossary.html"]


@pytest.fixture(scope="module")
def unit_offline(tmp_path_factory) -> Site:
    folder = tmp_path_factory.mktemp("unit-offline") / "harbour"
    run = subprocess.run([sys.executable, ROOT / "scripts" / "new_site.py", folder], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    shutil.rmtree(folder / "data")
    shutil.copytree(UNIT, folder / "data")
    made = subprocess.run(["make", "--no-print-directory", "offline", f"CONFIG={folder / 'mkdocs.yml'}"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert made.returncode == 0, made.stdout + made.stderr
    (zip_path,) = (folder / "dist").glob("*.zip")
    # Named by the unit's title, and versioned by the site's own data (it is in no git repository),
    # not by the generator's commit.
    assert re.fullmatch(r"reading-the-harbour-sale-classroom-data-[0-9a-f]{10}\.zip", zip_path.name)
    copy = unzip(zip_path, folder / "usb stick")
    return Site("offline", copy.as_uri() + "/", copy)


@pytest.mark.parametrize("path", PAGES)
def test_unit_pages_work_offline_and_pass_axe(browser, unit_offline, path):
    with _watched_tab(browser, unit_offline, width=390) as page:
        _open(page, unit_offline.base + path)
        # The generator's stylesheet reached the page (the date switch and notes are styled by it).
        assert page.evaluate("() => [...document.styleSheets].some(s => (s.href || '').endsWith('stylesheets/reading.css'))")
        assert page.evaluate("() => window.xpTexts && window.xpTexts.reading.close") == "Close"
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        _assert_no_violations(page)


def test_the_reading_view_runs_on_an_article_of_the_unit(browser, unit_offline):
    with _watched_tab(browser, unit_offline, width=1280) as page:
        _open(page, unit_offline.base + "articles/harbour-news.html")
        page.get_by_role("radio", name="All notes").check()
        assert page.locator("#xp-reader").get_attribute("data-mode") == "all"
