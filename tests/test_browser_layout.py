"""Layout at phone, tablet and desktop widths, in Chromium, on both builds (the classroom copy from
file:// with the network cut, and the published build served on 127.0.0.1).

Every page but the article's (rebuilt separately, checked by its own tests) must not scroll sideways;
the network diagram's labels render at 12 CSS px or more; picking an actor by keyboard, pointer or tap
fades the others and shows its ties; each actor page's own drawing is readable; axe-core finds no
WCAG 2.2 A/AA violation on the relationship page and an actor page.
"""

from __future__ import annotations

import pytest

from test_browser import (  # noqa: F401  (fixtures)
    _assert_no_violations, _open, _watched_tab, browser, offline_site, served_site, site,
)

pytestmark = pytest.mark.browser

WIDTHS = [390, 768, 1280]
MIN_LABEL_PX = 12


def _tab(browser, site, width: int, touch: bool = False):
    """A watched tab `width` CSS px wide (with touch if asked) and no motion."""
    return _watched_tab(browser, site, width, has_touch=touch, reduced_motion="reduce")


def _every_page(site) -> list[str]:
    """URLs of every page of the build, as a reader reaches them (directory URLs when served)."""
    urls = []
    for path in sorted(site.folder.rglob("*.html")):
        relative = path.relative_to(site.folder).as_posix()
        if relative.startswith(("assets/", "404")):  # 404.html is only ever reached on a server
            continue
        if site.kind == "served":
            relative = relative[: -len("index.html")] if relative.endswith("index.html") else relative
        urls.append(site.base + relative)
    return urls


def _scroll(page) -> tuple[int, int]:
    return page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


def _smallest_label(page, selector: str) -> float:
    """The smallest rendered size, in CSS px, of the text in the visible drawings matching `selector`."""
    return page.evaluate("""(selector) => {
        const sizes = [];
        for (const svg of document.querySelectorAll(selector)) {
            if (!svg.getBoundingClientRect().width) continue;  // the drawing for other widths
            const scale = svg.getScreenCTM().a;
            for (const text of svg.querySelectorAll('text'))
                sizes.push(parseFloat(getComputedStyle(text).fontSize) * scale);
        }
        return sizes.length ? Math.min(...sizes) : 0; }""", selector)


def _visible_graph(page) -> str:
    """The selector of the network drawing shown at this width (a circle, or a column on a phone)."""
    return page.evaluate("""() => document.querySelector('svg.xp-graph-wide').getBoundingClientRect().width
        ? 'svg.xp-graph-wide' : 'svg.xp-graph-narrow'""")


def _state(page, svg: str) -> dict:
    return page.evaluate("""(svg) => { const s = document.querySelector(svg);
        const opacity = (e) => parseFloat(getComputedStyle(e).opacity);
        const nodes = [...s.querySelectorAll('.xp-node')], lines = [...s.querySelectorAll('.xp-tie-line')];
        return {focus: s.classList.contains('xp-focus'),
                on: nodes.filter(n => n.classList.contains('xp-on')).map(n => n.dataset.actor),
                faded: nodes.filter(n => opacity(n) < 0.5).map(n => n.dataset.actor),
                lines_on: lines.filter(l => l.classList.contains('xp-on')).map(l => [l.dataset.from, l.dataset.to, opacity(l)]),
                lines_faded: lines.filter(l => opacity(l) < 0.5).length, lines: lines.length,
                pressed: nodes.filter(n => n.getAttribute('aria-pressed') === 'true').map(n => n.dataset.actor),
                status: document.querySelector('.xp-graph-status').textContent}; }""", svg)


# -- no page scrolls sideways -----------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways(browser, site, width):
    wide = []
    with _tab(browser, site, width) as page:
        urls = _every_page(site)
        assert len(urls) > 20
        for url in urls:
            _open(page, url)
            scroll_width, inner = _scroll(page)
            if scroll_width != inner:
                wide.append(f"{url[len(site.base):]}: {scroll_width} px in a {inner} px window")
    assert wide == []


# -- the network diagram --------------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_network_labels_are_readable_at_every_width(browser, site, width):
    with _tab(browser, site, width) as page:
        _open(page, site.url("relationships"))
        svg = _visible_graph(page)
        assert svg == ("svg.xp-graph-narrow" if width == 390 else "svg.xp-graph-wide")
        assert _smallest_label(page, svg) >= MIN_LABEL_PX
        help_line = page.locator(".xp-graph-help")
        assert help_line.is_visible() and "Tab" in help_line.inner_text()
        for box in page.locator(f"{svg} .xp-hit").evaluate_all("els => els.map(e => e.getBoundingClientRect())"):
            assert box["width"] >= 24 and box["height"] >= 24  # each actor is a target of 24 x 24 px or more


def test_keyboard_focus_fades_the_others_and_shows_the_ties(browser, site):
    with _tab(browser, site, 1280) as page:
        _open(page, site.url("relationships"))
        svg = "svg.xp-graph-wide"
        page.locator(f'{svg} .xp-node[data-actor="iran"]').focus()
        page.keyboard.press("Tab")  # the keyboard moves on to the next actor: Russia
        assert page.evaluate("document.activeElement.dataset.actor") == "russia"
        state = _state(page, svg)
        assert state["focus"] and state["pressed"] == ["russia"]
        assert state["lines_on"] and all("russia" in (a, b) and opacity == 1 for a, b, opacity in state["lines_on"])
        assert state["lines_faded"] == state["lines"] - len(state["lines_on"])
        assert "assad-government" in state["on"] and "al-qaeda" in state["faded"] and "russia" not in state["faded"]
        assert "Russia backs Syrian government (Assad)" in state["status"]
        ring = page.evaluate("""() => { const s = getComputedStyle(document.activeElement.querySelector('.xp-hit'));
            return [s.stroke, s.strokeWidth]; }""")
        assert ring[0] != "none" and ring[1] == "3px"  # a visible focus ring
        page.keyboard.press("Enter")  # Enter lets go of it, and again takes it
        assert _state(page, svg)["pressed"] == [] and not _state(page, svg)["focus"]
        page.keyboard.press("Enter")
        assert _state(page, svg)["pressed"] == ["russia"]
        page.keyboard.press("Escape")
        assert not _state(page, svg)["focus"] and _state(page, svg)["faded"] == []


def test_pointer_hover_shows_ties_and_leaving_shows_all(browser, site):
    with _tab(browser, site, 1280) as page:
        _open(page, site.url("relationships"))
        svg = "svg.xp-graph-wide"
        page.locator(f'{svg} .xp-node[data-actor="hezbollah"] .xp-shape').hover()
        state = _state(page, svg)
        assert state["focus"] and set(state["on"]) >= {"hezbollah", "assad-government", "iran"}
        page.mouse.move(2, 2)
        assert not _state(page, svg)["focus"]


@pytest.mark.parametrize("width", [390, 768])
def test_tapping_an_actor_shows_its_ties_and_tapping_again_shows_all(browser, site, width):
    with _tab(browser, site, width, touch=True) as page:
        _open(page, site.url("relationships"))
        svg = _visible_graph(page)
        node = page.locator(f'{svg} .xp-node[data-actor="isis"]')
        node.tap()
        state = _state(page, svg)
        assert state["focus"] and state["pressed"] == ["isis"] and "isis" not in state["faded"]
        assert "china" in state["faded"] and all("isis" in (a, b) for a, b, _ in state["lines_on"])
        node.tap()
        assert not _state(page, svg)["focus"]


def test_without_script_the_diagram_shows_every_tie(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    _open(page, served_site.url("relationships"))
    assert page.locator("svg.xp-graph-narrow").is_visible()
    assert not page.locator(".xp-graph-help").is_visible() and not page.locator(".xp-graph-status").is_visible()
    assert page.locator("svg.xp-graph-narrow .xp-node[tabindex]").count() == 0
    assert page.locator(".xp-by-actor").is_visible() and not page.locator(".xp-matrix-box").is_visible()
    context.close()


# -- each actor's own drawing ---------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_actor_page_draws_its_ties_readably(browser, site, width):
    with _tab(browser, site, width) as page:
        _open(page, site.url("actor"))
        assert page.locator("svg.xp-graph-ego").is_visible()
        assert _smallest_label(page, "svg.xp-graph-ego") >= MIN_LABEL_PX
        assert _scroll(page)[0] == width
        table = page.locator("table.xp-rel-table")
        # On a phone each relationship is a card whose cells name their column.
        shown = table.locator("td").first.evaluate("td => getComputedStyle(td).display")
        assert shown == ("block" if width == 390 else "table-cell")


# -- accessibility --------------------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", ["relationships", "actor"])
def test_accessibility_wcag22_aa(browser, site, kind, width):
    with _tab(browser, site, width) as page:
        _open(page, site.url(kind))
        _assert_no_violations(page)


def test_accessibility_with_an_actor_picked(browser, site):
    with _tab(browser, site, 1280) as page:
        _open(page, site.url("relationships"))
        page.locator('svg.xp-graph-wide .xp-node[data-actor="russia"]').focus()
        _assert_no_violations(page)

