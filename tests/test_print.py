"""Handouts printed to PDF by Chromium (clean pages, labels and questions in, the chrome out), and the claims filter.

Skipped without Chromium (Debian's /usr/bin/chromium, driven by Playwright), except with CI=true,
where a missing browser fails the run.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from conftest import MINI, build_site

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _pdf_pages(site: Path, url_path: str) -> list[str]:
    """Print a page of the built site to A4 PDF and return each page's text."""
    if not CHROMIUM.is_file():
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"no Chromium at {CHROMIUM}: the print tests cannot be skipped on CI", pytrace=False)
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page()
            page.goto((site / url_path / "index.html").as_uri())
            pdf = page.pdf(format="A4")
        finally:
            browser.close()
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def real_site(real_build) -> Path:
    """The published build, made once for the whole run (conftest)."""
    return real_build.site


def test_article_handout_prints_as_a_few_clean_pages(real_site: Path):
    pages = _pdf_pages(real_site, "classroom/alliance-vs-isis-handout")
    assert 3 <= len(pages) <= 7, len(pages)
    text = _flat(" ".join(pages))
    assert text.startswith("Handout: Alliance vs ISIS?")
    for label in ("C01 · Mixed · Partly supported", "C15 · Reported fact · Unsupported", "C34 · Loaded language"):
        assert label in text, label
    assert "Loaded words" in text and "Key terms" in text
    # The questions start a page of their own; the answers are for the teacher only.
    first = next(i for i, p in enumerate(pages) if _flat(p).startswith("Questions"))
    assert first >= 1 and "Find one sentence in the article" in _flat(pages[first])
    assert "Answer:" not in text
    # No navigation, search box, header or footer on paper.
    for chrome in ("Search", "Reading critically", "Lesson plan", "Made with", "Previous", "Next"):
        assert chrome not in text, chrome


def test_actor_page_prints_with_questions_and_spelled_out_urls(real_site: Path):
    pages = _pdf_pages(real_site, "actors/russia")
    text = _flat(" ".join(pages))
    assert text.startswith("Russia")
    assert any(_flat(p).startswith("Questions to discuss") for p in pages)
    assert "(https://" in text or "(http://" in text  # web addresses spelled out after links
    assert "Search" not in text


def test_mini_handout_prints(tmp_path: Path):
    build = build_site(tmp_path, MINI)
    assert build.returncode == 0, build.output
    pages = _pdf_pages(build.site, "classroom/river-dispute-handout")
    text = _flat(" ".join(pages))
    assert len(pages) == 2  # the article and key terms, then the questions on a page of their own
    assert "C03 · Mixed · Disputed" in text and _flat(pages[1]).startswith("Questions")


def test_claims_filter_works_offline_and_shows_all_without_script(real_site: Path):
    if not CHROMIUM.is_file():
        _pdf_pages(real_site, "claims")  # skipped without Chromium, failed on CI
    from playwright.sync_api import sync_playwright

    url = (real_site / "claims" / "index.html").as_uri()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page()
            page.goto(url)
            assert page.locator(".xp-claim-entry:visible").count() == 34
            page.select_option("#xp-filter-verdict", "disputed")
            assert page.locator(".xp-claim-entry:visible").count() == 2
            page.select_option("#xp-filter-verdict", "opinion-premise-disputed")
            page.select_option("#xp-filter-type", "opinion")
            assert page.locator(".xp-filter-status").inner_text() == "Showing 3 of 34 claims."
            plain = browser.new_page(java_script_enabled=False)
            plain.goto(url)
            assert plain.locator(".xp-claim-entry:visible").count() == 34
            assert plain.locator("#xp-claim-filter").is_hidden()
        finally:
            browser.close()
