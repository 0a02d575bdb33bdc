"""The self-check quiz in the classroom copy, opened from file:// with the network cut: answered with
the keyboard, feedback in a status line a screen reader announces, nothing stored or sent; without
JavaScript every answer and reason still shows."""

from __future__ import annotations

import pytest

from test_browser import _assert_no_violations, _open, _watched_tab, browser, offline_site  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser

QUIZ = "quiz"


@pytest.fixture(scope="module")
def quiz(explainer):
    return explainer.lessons["alliance-vs-isis"].quiz


def _storage(page) -> dict:
    return page.evaluate("""() => ({local: localStorage.length, session: sessionStorage.length,
        cookie: document.cookie})""")


def test_quiz_answered_with_the_keyboard_offline(browser, offline_site, quiz):
    with _watched_tab(browser, offline_site) as page:
        _open(page, offline_site.url(QUIZ))
        first = page.locator("fieldset.xp-quiz-q").first
        radios = first.get_by_role("radio")
        assert radios.count() == len(quiz[0].options)
        assert page.locator(".xp-quiz-howto").is_visible()
        # Tab into the first question's options, move with the arrow keys, Tab to Check, press Enter.
        radios.first.focus()
        page.keyboard.press("Space")
        assert radios.first.is_checked()
        wrong = next(i for i, o in enumerate(quiz[0].options) if not o.correct)
        right = next(i for i, o in enumerate(quiz[0].options) if o.correct)
        radios.nth(wrong).focus()
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Check"
        page.keyboard.press("Enter")
        status = first.locator(".xp-quiz-feedback")
        assert status.get_attribute("role") == "status"  # a polite live region: read out when it changes
        assert status.inner_text().startswith(f"{'ABCDE'[wrong]}: wrong.")
        assert " ".join(quiz[0].options[wrong].feedback.split()) in " ".join(status.inner_text().split())
        assert first.get_attribute("data-result") == "wrong"
        radios.nth(right).check()
        assert status.inner_text() == ""  # a new choice clears the old feedback
        first.get_by_role("button", name="Check").click()
        assert status.inner_text().startswith(f"{'ABCDE'[right]}: right.")
        # The feedback leads to the passage, on the article page of the copy.
        link = status.get_by_role("link")
        assert link.inner_text().startswith("Read paragraph")
        link.click()
        page.wait_for_load_state("load")
        assert page.url.startswith("file://") and page.url.endswith(f"#p-{quiz[0].paragraph}")
        assert page.locator(f"#p-{quiz[0].paragraph}").is_visible()
        assert _storage(page) == {"local": 0, "session": 0, "cookie": ""}  # nothing kept


def test_checking_with_no_choice_says_so_and_every_question_works(browser, offline_site, quiz):
    with _watched_tab(browser, offline_site) as page:
        _open(page, offline_site.url(QUIZ))
        questions = page.locator("fieldset.xp-quiz-q")
        assert questions.count() == len(quiz)
        questions.first.get_by_role("button", name="Check").click()
        assert questions.first.locator("[role=status]").inner_text() == "Choose an answer first."
        for n, question in enumerate(quiz):
            fieldset = questions.nth(n)
            right = next(i for i, o in enumerate(question.options) if o.correct)
            fieldset.get_by_role("radio").nth(right).check()
            fieldset.get_by_role("button", name="Check").click()
            assert fieldset.get_attribute("data-result") == "right", n
        assert _storage(page) == {"local": 0, "session": 0, "cookie": ""}
        _assert_no_violations(page)


def test_quiz_without_javascript_shows_questions_and_answers(browser, offline_site, quiz):
    with _watched_tab(browser, offline_site, java_script_enabled=False) as page:
        _open(page, offline_site.url(QUIZ))
        questions = page.locator("fieldset.xp-quiz-q")
        assert questions.count() == len(quiz)
        assert page.get_by_role("radio").count() == 0 and not page.locator(".xp-quiz-howto").is_visible()
        for n, question in enumerate(quiz):
            fieldset = questions.nth(n)
            assert fieldset.locator(".xp-quiz-options li").count() == len(question.options)
            fieldset.locator("summary").click()  # <details> opens without script
            reasons = fieldset.locator(".xp-quiz-reasons li")
            assert reasons.count() == len(question.options)
            for i, option in enumerate(question.options):
                verdict = "right" if option.correct else "wrong"
                assert reasons.nth(i).inner_text().startswith(f"{'ABCDE'[i]}: {verdict}.")
            assert fieldset.locator(".xp-quiz-passage a").is_visible()
