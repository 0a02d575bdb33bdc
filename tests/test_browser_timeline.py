"""The timeline (and the claims page) as a reader sees them, in both builds: the scaled overview with
its year axis and the article's marker, the "After the article" tag on every later event, labels that
stay readable on a phone, no sideways scrolling, and no axe-core violations up to WCAG 2.2 AA."""

from __future__ import annotations

import pytest

from explainer.timeline import WORDS, is_after
from test_browser import _axe, _open, browser, offline_site, served_site, site, tab  # noqa: F401

pytestmark = pytest.mark.browser

WIDTHS = [390, 768, 1280]


def test_overview_has_an_axis_and_marks_the_article(tab, site, explainer):
    _open(tab, site.url("timeline"))
    svg = tab.locator("svg.xp-timeline-axis")
    assert svg.is_visible()
    assert svg.get_attribute("role") == "img"
    assert "drawn to scale" in tab.locator("svg.xp-timeline-axis desc").text_content()
    ticks = svg.locator("text").all_text_contents()
    assert {"1940", "1960", "1980", "2000", "2020"} <= set(ticks)  # a year axis with ticks
    assert svg.locator(".xp-tl-article").count() == 2  # on the years strip and on the weeks strip
    assert "the article, 1 October 2015" in " ".join(ticks)
    drawn = svg.locator("[data-event]").evaluate_all("gs => gs.map(g => g.dataset.event)")
    assert sorted(drawn) == sorted(e.id for e in explainer.events)
    assert tab.locator(".xp-event-article").count() == 1


def test_every_event_after_the_article_is_tagged_in_words(tab, site, explainer):
    _open(tab, site.url("timeline"))
    (article,) = explainer.articles.values()
    for event in explainer.events:
        entry = tab.locator(f"[id='{event.id}']")
        tag = entry.locator(".xp-event-head .xp-after-tag")
        if is_after(event.date, article.as_of):
            assert tag.is_visible() and tag.inner_text() == WORDS["after_tag"], event.id
            assert tab.locator(f"svg [data-event='{event.id}']").get_attribute("class").endswith("xp-tl-after")
        else:
            assert tag.count() == 0, event.id
    later = [e for e in explainer.events if is_after(e.date, article.as_of)]
    assert len(later) == 13 and tab.locator(".xp-after-tag").count() == len(later)
    gaps = tab.locator(".xp-event-gap").all_inner_texts()
    assert "13 years later" in gaps and all(g.endswith("later") for g in gaps)


@pytest.mark.parametrize("kind", ["timeline", "claims"])
def test_no_sideways_scroll_and_no_violations_at_any_width(tab, site, kind):
    for width in WIDTHS:
        tab.set_viewport_size({"width": width, "height": 900})
        _open(tab, site.url(kind))
        scroll, inner = tab.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert scroll == inner, f"{kind} scrolls sideways at {width} px: {scroll} > {inner}"
        if kind == "timeline":
            px = tab.evaluate("""() => { const s = document.querySelector('svg.xp-timeline-axis');
                return s.getBoundingClientRect().width / s.viewBox.baseVal.width * 13; }""")
            assert px >= 12, f"overview labels are {px:.1f} px at {width} px"
        if width in (390, 1280):
            violations = _axe(tab)
            assert violations == [], f"{kind} at {width} px: {violations}"
