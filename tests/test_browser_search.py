"""Search treats typographic variants alike, in both builds (file:// classroom copy and served).

Straight and curly apostrophes, and the hyphen, the non-breaking hyphen and the en and em dashes,
give the same results: the search plugin's `separator` splits words at all of them, and
docs/javascripts/search-variants.js writes what the reader types with plain characters.
"""

from __future__ import annotations

import pytest

from test_browser import _open, browser, offline_site, served_site, site, tab  # noqa: F401

pytestmark = pytest.mark.browser


def _results(tab, query: str) -> list[str]:
    """The result links for `query`, typed key by key into the search box, without the highlight part."""
    box = tab.locator("input.md-search__input")
    box.click()
    box.press("Control+a")
    box.press("Backspace")
    tab.keyboard.type(query)  # Material searches on key events; fill() would not trigger it
    meta = tab.locator(".md-search-result__meta")
    tab.wait_for_function("e => /matching|No matching/.test(e.textContent)", arg=meta.element_handle())
    tab.wait_for_timeout(300)  # the last keystroke's search is the one shown
    hrefs = tab.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return [href.split("?")[0] + ("#" + href.split("#", 1)[1] if "#" in href else "") for href in hrefs]


@pytest.mark.parametrize("variants", [
    ("Da'esh", "Da\u2019esh"),  # straight and curly apostrophe
    ("al-Assad", "al\u2011Assad", "al\u2013Assad", "al\u2014Assad"),  # hyphen, non-breaking hyphen, en, em dash
    ("Moscow's", "Moscow\u2019s"),
], ids=["apostrophes", "dashes", "possessive"])
def test_typographic_variants_give_the_same_results(tab, site, variants):
    _open(tab, site.url("home"))
    lists = {query: _results(tab, query) for query in variants}
    first = lists[variants[0]]
    assert first and all(found == first for found in lists.values()), lists


def test_the_box_keeps_what_was_typed_in_plain_characters(tab, site):
    _open(tab, site.url("home"))
    _results(tab, "al\u2011Assad and Da\u2019esh")
    assert tab.locator("input.md-search__input").input_value() == "al-Assad and Da'esh"


def test_daesh_still_finds_the_group_page_first(tab, site):
    _open(tab, site.url("home"))
    found = _results(tab, "Daesh")
    assert found and found[0].split("#")[0] == site.url("actor"), found
    assert _results(tab, "al-Assad"), "a hyphenated name finds pages"
