"""The reading-level switch in a real browser, on the classroom copy from file:// with the network cut
and on the published build: it shows one level, by mouse or keyboard, is remembered from page to page
(localStorage), prints the level shown and says which, and passes axe (WCAG 2.2 AA). Without
JavaScript the standard texts show and no switch is offered.
"""

from __future__ import annotations

import pytest

from test_browser import _assert_no_violations, _open, _watched_tab, browser, offline_site, served_site, site  # noqa: F401

pytestmark = pytest.mark.browser

STANDARD = "article .xp-level-standard"
SIMPLE = "article .xp-level-simple"


def _url(site, path: str) -> str:
    """`path` as the offline copy names it ("actors/ypg.html"), in either build."""
    if site.kind == "offline":
        return site.base + path
    return site.base + path.removesuffix(".html") + "/"


def _shown(tab, selector: str) -> list[bool]:
    return tab.evaluate("s => [...document.querySelectorAll(s)].map(e => e.getClientRects().length > 0)", selector)


def _level_shown(tab) -> str:
    standard, simple = _shown(tab, STANDARD), _shown(tab, SIMPLE)
    assert standard and simple
    if all(standard) and not any(simple):
        return "standard"
    if all(simple) and not any(standard):
        return "simple"
    raise AssertionError(f"both levels or neither shown: standard {standard}, simple {simple}")


@pytest.mark.parametrize("width", [390, 1280])
def test_the_switch_shows_one_level_by_keyboard_and_is_remembered(browser, site, width):
    with _watched_tab(browser, site, width) as tab:
        _open(tab, _url(site, "actors/ypg.html"))
        switch = tab.get_by_role("group", name="Reading level")
        assert switch.is_visible()
        standard, simple = switch.get_by_role("radio", name="Standard"), switch.get_by_role("radio", name="Simple")
        assert standard.is_checked() and not simple.is_checked()
        assert _level_shown(tab) == "standard"
        # Keyboard: Tab reaches the checked radio, an arrow key chooses the other one.
        tab.evaluate("""() => { const all = [...document.querySelectorAll('a[href], button, input, [tabindex]')]
            .filter(e => e.tabIndex >= 0 && e.getClientRects().length > 0);
            all[all.indexOf(document.querySelector('.xp-level-switch input:checked')) - 1].focus(); }""")
        tab.keyboard.press("Tab")
        assert standard.evaluate("e => e === document.activeElement")
        tab.keyboard.press("ArrowRight")
        assert simple.is_checked() and _level_shown(tab) == "simple"
        assert tab.evaluate("() => localStorage.getItem('xp-reading-level')") == "simple"
        # Another page opens at the simple level, set before its scripts run.
        _open(tab, _url(site, "glossary.html"))
        assert tab.evaluate("() => document.documentElement.dataset.xpLevel") == "simple"
        assert _level_shown(tab) == "simple"
        assert tab.get_by_role("radio", name="Simple").is_checked()
        # A click on the label goes back.
        tab.locator(".xp-level-switch label", has_text="Standard").click()
        assert _level_shown(tab) == "standard"
        _open(tab, _url(site, "timeline.html"))
        assert _level_shown(tab) == "standard"


def test_printing_prints_the_level_shown_and_names_it(browser, site):
    with _watched_tab(browser, site) as tab:
        _open(tab, _url(site, "claims.html"))
        tab.get_by_role("radio", name="Simple").check()
        tab.emulate_media(media="print")
        assert _level_shown(tab) == "simple"
        switch = tab.locator(".xp-level-switch")
        assert switch.is_visible()
        # On paper it reads "Reading level: Simple" (the colon is the legend's ::after): the choice, no buttons.
        assert " ".join(switch.inner_text().split()) == "Reading level Simple"
        assert tab.evaluate("() => getComputedStyle(document.querySelector('.xp-level-switch legend'), '::after').content") == '":"'
        assert not tab.locator(".xp-level-switch input").first.is_visible()
        pdf = tab.pdf(format="A4")
        assert pdf.startswith(b"%PDF")


def test_without_javascript_the_standard_texts_show(browser, site):
    with _watched_tab(browser, site, java_script_enabled=False) as tab:
        _open(tab, _url(site, "actors/ypg.html"))
        assert tab.locator(".xp-level-switch").count() == 0
        assert _level_shown(tab) == "standard"


@pytest.mark.parametrize("path", ["actors/ypg.html", "articles/alliance-vs-isis.html"])
def test_accessibility_at_the_simple_level(browser, site, path):
    with _watched_tab(browser, site) as tab:
        _open(tab, _url(site, path))
        tab.get_by_role("radio", name="Simple").check()
        _assert_no_violations(tab)


def test_the_retelling_is_labelled_and_linked_both_ways(browser, site):
    with _watched_tab(browser, site) as tab:
        _open(tab, _url(site, "articles/alliance-vs-isis.html"))
        tab.locator(".xp-retelling-link a").click()
        tab.wait_for_url(lambda url: "in-plain-words" in url)
        assert "not the author's words" in tab.locator(".xp-retelling-note").inner_text()
        tab.get_by_role("link", name="read paragraph 4 in the article").click()
        tab.wait_for_url(lambda url: url.endswith("#p-russia-protects-assad"))
        assert tab.evaluate("() => document.querySelector(':target').id") == "p-russia-protects-assad"
