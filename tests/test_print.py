"""Handouts printed to PDF by Chromium (clean pages, labels and questions in, the chrome out), and the claims filter.

Skipped without Chromium (Debian's /usr/bin/chromium, driven by Playwright), except with CI=true,
where a missing browser fails the run.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
from pathlib import Path

import pytest

from conftest import MINI, build_site
from explainer.critical import TYPE_LABELS, VERDICT_LABELS

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
    # NFKC: a font's ligatures ("ﬁ") come out of the PDF as one character; a reader sees two letters.
    return [unicodedata.normalize("NFKC", p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def real_site(real_build) -> Path:
    """The published build, made once for the whole run (conftest)."""
    return real_build.site


def _words(text: str) -> str:
    """Letters and digits only, lower case: a PDF's text breaks lines and may swap quote marks."""
    return re.sub(r"[^0-9a-z]+", " ", text.casefold()).strip()


@pytest.fixture(scope="module")
def real_explainer(explainer):
    """The real data, checked once for the run (conftest)."""
    return explainer


def test_student_handout_prints_on_three_pages_without_answers(real_site: Path, real_explainer):
    pages = _pdf_pages(real_site, "classroom/alliance-vs-isis-handout")
    assert len(pages) <= 3, len(pages)
    text = _flat(" ".join(pages))
    assert text.startswith("Student handout: Alliance vs ISIS?")
    lesson = real_explainer.lessons["alliance-vs-isis"]
    article = real_explainer.articles["alliance-vs-isis"]
    words = _words(text)
    # The article whole, with the site's paragraph numbers, then the terms and every question with its facts.
    for paragraph in article.paragraphs:
        assert _words(paragraph.text) in words, paragraph.id
    numbers = [n for n in (real_explainer.paragraph_number(article.id, p.id) for p in article.paragraphs) if n]
    assert re.findall(r"(?m)^(\d+) ", "\n".join(pages)) [: len(numbers)] == [str(n) for n in numbers]
    for term_id in lesson.vocabulary:
        assert _words(real_explainer.term(term_id).short) in words, term_id
    for question in lesson.questions:
        assert _words(question.ask) in words
        for fact in question.facts:
            assert _words(fact) in words, fact
    # No verdict, no claim label, no type label, no loaded-word mark, no answer.
    for label in list(VERDICT_LABELS.values()) + list(TYPE_LABELS.values()) + ["Loaded words", "Answer"]:
        assert not re.search(rf"\b{re.escape(label)}\b", text), label  # as the labels write them: capitalised
    assert not re.search(r"\bC\d\d\b", text)
    for question in lesson.questions:
        assert _words(question.answer)[:60] not in words
    for chrome in ("Search", "Reading critically", "Lesson plan", "Made with", "Previous", "Next"):
        assert chrome not in text, chrome


def test_teacher_key_prints_every_answer_label_and_rewording(real_site: Path, real_explainer):
    pages = _pdf_pages(real_site, "classroom/alliance-vs-isis-key")
    text = _flat(" ".join(pages))
    words = _words(text)
    assert text.startswith("Teacher key: Alliance vs ISIS?")
    lesson = real_explainer.lessons["alliance-vs-isis"]
    for question in lesson.questions:
        assert _words(question.answer) in words, question.ask
    for claim in real_explainer.claims_of("alliance-vs-isis"):
        assert claim.id.upper() in text, claim.id
    for phrase in real_explainer.loaded.values():
        assert _words(phrase.neutral) in words, phrase.id
    for i, question in enumerate(lesson.quiz, start=1):
        right = next(n for n, o in enumerate(question.options) if o.correct)
        assert f"{_words(question.ask)} {'abcde'[right]} {_words(question.options[right].text)}" in words, i
    assert "Not checkable: opinion" in text and "Partly supported" in text
    assert len(pages) <= 6, len(pages)


def test_vocabulary_exercise_prints_on_one_page(real_site: Path, real_explainer):
    pages = _pdf_pages(real_site, "classroom/alliance-vs-isis-vocabulary")
    assert len(pages) == 1
    text = _flat(pages[0])
    for term_id in real_explainer.lessons["alliance-vs-isis"].vocabulary:
        assert real_explainer.term(term_id).term in text
    assert "czar" not in text.split("Definitions", 1)[1].casefold()  # no definition names its own word


def test_lesson_plan_prints(real_site: Path):
    pages = _pdf_pages(real_site, "classroom/alliance-vs-isis")
    text = _flat(" ".join(pages))
    assert text.startswith("Lesson plan: Alliance vs ISIS?")
    for heading in ("Learning objectives", "Standards", "Materials and devices", "One period (45 minutes)",
                    "Two periods (95 minutes)", "Exit ticket", "Extension: lateral reading",
                    "Students whose families come from the region"):
        assert heading in text, heading
    assert len(pages) <= 7, len(pages)


def test_actor_page_prints_with_questions_and_spelled_out_urls(real_site: Path):
    pages = _pdf_pages(real_site, "actors/russia")
    text = _flat(" ".join(pages))
    # The print-only line "Reading level: Standard" sits under the kind; the PDF's text layer gives its
    # label first.
    assert text.removeprefix("Reading level: ").startswith("Russia") and "Reading level:" in text
    assert any(_flat(p).startswith("Questions to discuss") for p in pages)
    assert "(https://" in text or "(http://" in text  # web addresses spelled out after links
    assert "Search" not in text


def test_teacher_briefing_prints_on_one_sheet(real_site: Path):
    pages = _pdf_pages(real_site, "classroom/alliance-vs-isis-briefing")
    assert len(pages) == 1, len(pages)
    text = _flat(pages[0])
    assert text.startswith("Teacher briefing: Alliance vs ISIS?")
    # The first and the last event after the article, the article's words, and the last change per side.
    for words in ("14 October 2015", "8 July 2025: The United States removes HTS", "in for the long haul",
                  "YPG (People's Protection Units), 10 March 2025"):
        assert words in text, words
    for chrome in ("Search", "Reading critically", "Made with", "Previous", "Next"):
        assert chrome not in text, chrome


def test_mini_handout_prints(tmp_path: Path):
    build = build_site(tmp_path, MINI)
    assert build.returncode == 0, build.output
    pages = _pdf_pages(build.site, "classroom/river-dispute-handout")
    text = _flat(" ".join(pages))
    assert len(pages) == 1  # the article, the key terms and the question on one sheet
    assert "On which day was the pact signed?" in text and "C01" not in text and "Disputed" not in text


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
