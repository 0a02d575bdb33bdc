"""Search treats typographic variants alike, in both builds (file:// classroom copy and served).

Straight and curly apostrophes, and the hyphen, the non-breaking hyphen and the en and em dashes,
give the same results: the search plugin's `separator` splits words at all of them, and
hooks/explainer/theme/javascripts/search-variants.js writes what the reader types with plain characters.
"""

from __future__ import annotations

import pytest

from test_browser import _open, browser, offline_site, served_site, site, tab  # noqa: F401

pytestmark = pytest.mark.browser


def _results(tab, site, query: str) -> list[str]:
    """The result links for `query`, typed key by key into a fresh page's search box, once the list has
    stopped changing (each keystroke starts a search), without the highlight part of each link."""
    _open(tab, site.url("home"))
    tab.locator("input.md-search__input").click()
    tab.keyboard.type(query)  # Material searches on key events; fill() would not trigger it
    meta = tab.locator(".md-search-result__meta")
    tab.wait_for_function("e => /matching|No matching/.test(e.textContent)", arg=meta.element_handle())
    links = tab.locator(".md-search-result__item > a")
    found, previous = None, []
    for _ in range(20):
        tab.wait_for_timeout(250)
        found = (meta.text_content(), links.evaluate_all("links => links.map(a => a.getAttribute('href'))"))
        if found == previous:
            break
        previous = found
    return [found[0]] + [href.split("?")[0] + ("#" + href.split("#", 1)[1] if "#" in href else "") for href in found[1]]


@pytest.mark.parametrize("variants", [
    ("Da'esh", "Da\u2019esh"),  # straight and curly apostrophe
    ("al-Assad", "al\u2011Assad", "al\u2013Assad", "al\u2014Assad"),  # hyphen, non-breaking hyphen, en, em dash
    ("Moscow's", "Moscow\u2019s"),
], ids=["apostrophes", "dashes", "possessive"])
def test_typographic_variants_give_the_same_results(tab, site, variants):
    lists = {query: _results(tab, site, query) for query in variants}
    first = lists[variants[0]]
    assert len(first) > 1 and all(found == first for found in lists.values()), lists


def test_the_box_keeps_what_was_typed_in_plain_characters(tab, site):
    _results(tab, site, "al\u2011Assad and Da\u2019esh")
    assert tab.locator("input.md-search__input").input_value() == "al-Assad and Da'esh"


def test_daesh_still_finds_the_group_page_first(tab, site):
    meta, *found = _results(tab, site, "Daesh")
    assert found and found[0].split("#")[0] == site.url("actor"), found
    assert len(_results(tab, site, "al-Assad")) > 1, "a hyphenated name finds pages"
