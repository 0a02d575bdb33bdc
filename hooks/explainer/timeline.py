"""Time on the timeline page: which events came after the article, how far apart events are, and
the geometry of the scaled overview drawn at build time (`templates/timeline.svg.j2`).

Event dates may be partial ("2014", "2014-06"): each stands for its whole range of days.
Everything here is pure: the same events give the same numbers, hence byte-identical pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

# Partial dates are read and written as everywhere else on the site.
from .catalogue import TEXTS
from .dates import bounds as date_range
from .dates import month_name
from .dates import readable as readable_date

# Interface words: the catalogue's (texts/en.yaml, `pages.timeline`); render.py passes the site's own.
WORDS = TEXTS["pages"]["timeline"]
# Gaps shorter than this many days between two neighbouring entries are not spelled out.
GAP_MIN_DAYS = 60


def is_after(event_date: str, as_of: date) -> bool:
    """True when the event happened after the article's date: for a partial date, only when its whole
    range is after (an event of "2015-10" is not after an article of 1 October 2015: it may be earlier)."""
    first, _ = date_range(event_date)
    return first > as_of


def gap_words(earlier: str, later: str, words: dict = WORDS) -> str | None:
    """"11 years later", "10 months later", or None when the two dates are close (or may overlap).

    Counted from the last day the earlier date can mean to the first day of the later one, so the
    words never overstate the gap; whole years or months, rounded down.
    """
    _, end = date_range(earlier)
    start, _ = date_range(later)
    if (start - end).days < GAP_MIN_DAYS:
        return None
    months = (start.year - end.year) * 12 + start.month - end.month - (start.day < end.day)
    gap = words["gap"]
    if months >= 12:
        years = months // 12
        return gap["years_one" if years == 1 else "years_other"].format(count=years)
    return gap["months_one" if months == 1 else "months_other"].format(count=months)


def year_fraction(day: date) -> float:
    """The date as a decimal year, for placing it on a year axis."""
    start = date(day.year, 1, 1)
    length = (date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


# --- the overview: two scaled strips, every year and then the weeks around the article -----------

WIDTH = 360  # drawn at about a phone's width: 13-unit labels stay 12 CSS px or more at 390 px
LEFT, RIGHT = 16, 344
DOT_STEP = 11  # vertical distance between stacked dots
BAR_MIN = 4  # a month or year narrower than this is drawn as a dot


@dataclass(frozen=True)
class Mark:
    """An event: a dot at (x, y), or a bar from x to x2 when its date is a month or a year."""

    id: str
    x: float
    x2: float
    y: float
    after: bool
    label: str  # the dot's tooltip: date and title


@dataclass(frozen=True)
class Tick:
    x: float
    label: str  # empty for a minor tick


@dataclass(frozen=True)
class Band:
    x: float
    x2: float
    period: str  # background, around, after
    label: str
    label_x: float


@dataclass
class Strip:
    title: str
    title_y: float
    top: float  # top of the bands
    y: float  # the axis line
    ticks: list[Tick] = field(default_factory=list)
    bands: list[Band] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    article_x: float | None = None
    article_label: Label | None = None


@dataclass
class Overview:
    width: int
    height: int
    strips: list[Strip]
    description: str
    zoom: tuple[float, float, float, float] | None = None  # x, x2 on the first axis; y from, y to


def text_width(text: str, bold: bool = False) -> float:
    """About how wide a 13-unit sans-serif label is: enough to keep labels inside the picture."""
    return len(text) * (7.8 if bold else 7.0)


def _centred(x: float, text: str) -> float:
    """A centre for `text` near x that keeps it inside the picture."""
    half = text_width(text) / 2
    return round(min(max(x, 4 + half), WIDTH - 4 - half), 1)


@dataclass(frozen=True)
class Label:
    """A label beside the article's line: on the side where it fits."""

    x: float
    y: float
    anchor: str  # start or end
    text: str


def _beside(x: float, y: float, before: str, after: str) -> Label:
    """`before` ends just left of x ("the article ▶"); where that would leave the picture, `after`
    starts just right of it ("◀ the article")."""
    if x - 4 - text_width(before, bold=True) >= 2:
        return Label(round(x - 4, 1), y, "end", before)
    return Label(round(x + 4, 1), y, "start", after)


def _levels(spans: list[tuple[float, float]], gap: float = 10.0) -> list[int]:
    """A level for each span, in order, so that no two on one level come closer than `gap`."""
    ends: list[float] = []
    levels = []
    for x, x2 in spans:
        for level, end in enumerate(ends):
            if x - end >= gap:
                ends[level] = x2
                break
        else:
            level = len(ends)
            ends.append(x2)
        levels.append(level)
    return levels


def _spans(events, scale) -> tuple[list, list[tuple[float, float]], int]:
    items = sorted(events, key=lambda e: (date_range(e.date)[0], e.id))
    spans = []
    for e in items:
        first, last = date_range(e.date)
        x, x2 = scale(first), scale(last)
        spans.append((x, x2) if x2 - x >= BAR_MIN else ((x + x2) / 2, (x + x2) / 2))
    levels = _levels(spans)
    return items, spans, levels


def _place(items, spans, levels, axis_y: float, as_of: date | None) -> list[Mark]:
    return [Mark(e.id, round(x, 1), round(x2, 1), round(axis_y - 10 - level * DOT_STEP, 1),
                 bool(as_of) and is_after(e.date, as_of), f"{readable_date(e.date)}: {e.title}")
            for e, (x, x2), level in zip(items, spans, levels)]


def overview(events, as_of: date | None, words: dict = WORDS) -> Overview:
    """Two strips drawn to scale: every year from the first event to the last (a tick each ten
    years), then the weeks around the article, day by day: the days crowded into one point of the
    first strip get room in the second."""
    axis = words["axis"]
    firsts = [date_range(e.date)[0] for e in events]
    lasts = [date_range(e.date)[1] for e in events]
    span = max(lasts).year + 1 - min(firsts).year
    step = next((s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500) if span / s <= 12), 1000)
    start_year = min(firsts).year // step * step
    end_year = (max(lasts).year // step + 1) * step
    label_every = 2 if (end_year - start_year) / step > 6 else 1

    def years_x(day: date) -> float:
        return LEFT + (year_fraction(day) - start_year) / (end_year - start_year) * (RIGHT - LEFT)

    around = [e for e in events if e.period.value == "around"]
    outside = [e for e in events if e.period.value != "around"] if around else list(events)

    items, spans, levels = _spans(outside, years_x)
    every = axis["every"].get(str(step)) or axis["every_other"].format(count=step)
    years = Strip(axis["years"].format(start=start_year, end=end_year, every=every), title_y=14, top=40, y=0)
    years.y = years.top + 16 + DOT_STEP * (max(levels, default=0) + 1)
    years.marks = _place(items, spans, levels, years.y, as_of)
    years.ticks = [Tick(round(years_x(date(y, 1, 1)), 1), str(y) if (y - start_year) % (step * label_every) == 0 else "")
                   for y in range(start_year, end_year + 1, step)]
    years.bands = _bands(events, years_x, axis["bands"])
    if as_of:
        years.article_x = round(years_x(as_of), 1)
        name = axis["article_dated"].format(date=readable_date(as_of.isoformat()))
        years.article_label = _beside(years.article_x + 8, years.y + 37, name, name)
    strips = [years]
    zoom = None
    bottom = years.y + 40
    if around:
        a0 = min(date_range(e.date)[0] for e in around)
        a1 = max(date_range(e.date)[1] for e in around)
        first = date(a0.year, a0.month, 1)
        last = date_range(f"{a1.year}-{a1.month:02d}")[1]
        days = (last - first).days + 1

        def days_x(day: date) -> float:
            return LEFT + (day - first).days / days * (RIGHT - LEFT)

        items, spans, levels = _spans(around, days_x)
        top = years.y + 100
        weeks = Strip(axis["weeks"].format(months=_months(first, last, axis["months"])), title_y=top - 24, top=top, y=0)
        weeks.y = weeks.top + 16 + DOT_STEP * (max(levels, default=0) + 1)
        weeks.marks = _place(items, spans, levels, weeks.y, as_of)
        weeks.ticks = _week_ticks(first, last, days_x)
        if as_of and first <= as_of <= last:
            weeks.article_x = round(days_x(as_of), 1)
            after = axis["after_band"]
            weeks.bands = [Band(weeks.article_x, RIGHT, "after", after, _centred(RIGHT - text_width(after) / 2, after))]
            weeks.article_label = _beside(weeks.article_x, weeks.top - 5, axis["article_before"], axis["article_after"])
        strips.append(weeks)
        zx, zx2 = years_x(first), years_x(last)
        zoom = (round(zx, 1), round(max(zx2, zx + 1), 1), round(years.y + 44, 1), round(weeks.title_y - 16, 1))
        bottom = weeks.y + 22
    return Overview(WIDTH, int(bottom + 6), strips, _describe(events, as_of, axis), zoom)


def _week_ticks(first: date, last: date, scale) -> list[Tick]:
    """A tick on the 1st, 8th, 15th, 22nd and 29th of each month; the month's name on the 1st, the
    day on the 8th, 15th and 22nd (the 29th is too close to the next month's name to carry one)."""
    ticks = []
    day = first
    while day <= last:
        if day.day in (1, 8, 15, 22, 29):
            name = month_name(day)
            ticks.append(Tick(round(scale(day), 1), name if day.day == 1 else "" if day.day == 29 else str(day.day)))
        day += timedelta(days=1)
    return ticks


def _months(first: date, last: date, span: str) -> str:
    """"Sep to Oct 2015", "Dec 2014 to Jan 2015": short, so that the strip's title fits at 390 px
    (`span` joins the first and the last month)."""
    until = readable_date(last.strftime("%Y-%m"), short=True)
    if first.year == last.year:
        if first.month == last.month:
            return until
        return span.format(first=month_name(first), last=until)
    return span.format(first=readable_date(first.strftime("%Y-%m"), short=True), last=until)


def _bands(events, scale, labels: dict[str, str]) -> list[Band]:
    """A shaded stretch behind the first strip for each period that has events."""
    ranges: dict[str, list[tuple[date, date]]] = {}
    for e in events:
        ranges.setdefault(e.period.value, []).append(date_range(e.date))
    bands = []
    for period in ("background", "around", "after"):
        if period in ranges:
            x, x2 = scale(min(f for f, _ in ranges[period])), scale(max(t for _, t in ranges[period]))
            if x2 - x < BAR_MIN:
                x, x2 = (x + x2) / 2 - BAR_MIN / 2, (x + x2) / 2 + BAR_MIN / 2
            label = labels[period]
            bands.append(Band(round(x, 1), round(x2, 1), period, label, _centred((x + x2) / 2, label)))
    return bands


def _describe(events, as_of: date | None, axis: dict) -> str:
    """The picture in words; the list below it gives every event."""
    parts = []
    for period in ("background", "around", "after"):
        group = sorted((e for e in events if e.period.value == period), key=lambda e: date_range(e.date)[0])
        if not group:
            continue
        name, first, last = axis["periods"][period], readable_date(group[0].date), readable_date(group[-1].date)
        if len(group) == 1:
            parts.append(axis["period_one"].format(period=name, count=1, date=first))
        else:
            parts.append(axis["period_other"].format(period=name, count=len(group), first=first, last=last))
    written = ""
    if as_of:
        later = sum(1 for e in events if is_after(e.date, as_of))
        written = axis["written_one" if later == 1 else "written_other"].format(
            date=readable_date(as_of.isoformat()), count=later)
    return axis["description"].format(periods=axis["period_separator"].join(parts), written=written)
