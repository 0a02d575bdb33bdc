"""The timeline's arithmetic: which events are after the article, the gaps spelled out, the overview."""

from __future__ import annotations

from datetime import date

import pytest

from explainer.timeline import date_range, gap_words, is_after, overview
from explainer.validate import load_explainer

from conftest import REAL_DATA

AS_OF = date(2015, 10, 1)


@pytest.mark.parametrize(("when", "after"), [
    ("2015-10-02", True), ("2015-10-01", False), ("2015-09-30", False),
    ("2015-10", False),  # October 2015 may be the 1st: not wholly after
    ("2015-11", True), ("2015", False), ("2016", True), ("1944-07", False),
])
def test_is_after_counts_a_partial_date_only_when_its_whole_range_is_later(when, after):
    assert is_after(when, AS_OF) is after


def test_date_range_of_partial_dates():
    assert date_range("2016-02") == (date(2016, 2, 1), date(2016, 2, 29))
    assert date_range("1979") == (date(1979, 1, 1), date(1979, 12, 31))


@pytest.mark.parametrize(("earlier", "later", "words"), [
    ("1944-07", "1958-02-01", "13 years later"),
    ("2014-10-30", "2015-09-15", "10 months later"),
    ("2015-09-30", "2015-10-14", None),  # close: no words
    ("2015-10-23", "2015-11-17", None),
    ("2015-11-17", "2016-08", "8 months later"),
    ("2016-01-01", "2017-01-01", "1 year later"),
    ("1979", "2011-07", "31 years later"),  # from the end of 1979, never overstated
])
def test_gap_words(earlier, later, words):
    assert gap_words(earlier, later) == words


def test_overview_of_the_real_events_is_to_scale_and_marks_the_later_ones():
    ex = load_explainer(REAL_DATA)
    axis = overview(ex.events, AS_OF)
    years, weeks = axis.strips
    xs = {m.id: m.x for m in years.marks}
    # To scale: 14 years between 1944 and 1958 take more room than 3 between 2011 and 2014.
    assert xs["united-arab-republic"] - xs["soviet-syrian-relations"] > 3 * (xs["caliphate-declared"] - xs["free-syrian-army-founded"])
    assert years.article_x is not None and weeks.article_x is not None
    later = {m.id for s in axis.strips for m in s.marks if m.after}
    assert later == {e.id for e in ex.events if is_after(e.date, AS_OF)}
    assert {"china-denies-plans", "mcgurk-appointed", "assad-falls"} <= later and "carter-gasoline" not in later
    # Every event is drawn once, and the picture fits its box.
    assert sorted(m.id for s in axis.strips for m in s.marks) == sorted(e.id for e in ex.events)
    assert all(0 <= m.x <= m.x2 <= axis.width and 0 < m.y < axis.height for s in axis.strips for m in s.marks)
    count = len(later)
    assert count == 13 and f"{count} events came after it" in axis.description
    assert overview(ex.events, AS_OF) == axis  # deterministic


@pytest.mark.parametrize("data", ["real", "mini"])
def test_overview_labels_stay_inside_the_picture_whatever_the_dates(data):
    from conftest import MINI
    from explainer.timeline import text_width

    ex = load_explainer(REAL_DATA if data == "real" else MINI)
    (article,) = ex.articles.values()
    axis = overview(ex.events, article.as_of)
    for strip in axis.strips:
        labels = [t for t in strip.ticks if t.label]
        assert 2 <= len(labels) <= 8, [t.label for t in labels]  # an axis with room between its labels
        for band in strip.bands:
            half = text_width(band.label) / 2
            assert 0 <= band.label_x - half and band.label_x + half <= axis.width, band
        label = strip.article_label
        width = text_width(label.text, bold=True)
        left = label.x - width if label.anchor == "end" else label.x
        assert 0 <= left and left + width <= axis.width, label
