"""The static maps: which places an actor held, was based at, fought in or struck on a day, and the
geometry the map templates draw (`templates/map_base.svg.j2`, `templates/map.svg.j2`).

The country outlines come from Natural Earth through the npm package `world-atlas`, cut once to a
region by `scripts/map_outlines.py` and kept in `geo/outlines.json` (licence and checksum in
`geo/SOURCE.txt`): nothing is fetched at build or read time. Everything here is pure: the same
data gives the same numbers, hence byte-identical pages.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .catalogue import TEXTS
from .dates import bounds as period_bounds
from .dates import readable as readable_date
from .relations import number

OUTLINES = Path(__file__).parent / "geo" / "outlines.json"

# Interface words: the catalogue's (texts/en.yaml, `map:`); render.py passes the site's own.
WORDS = TEXTS["map"]

# Shapes stand for actor kinds, in the order of `data/kinds.yaml`; fills stand for ties. Both read in
# black and white: meaning never rests on colour.
SHAPES = ("circle", "square", "triangle", "diamond", "hexagon")
EVENT_SHAPE = "ring"  # a place where an event happened, with no actor's tie
OTHER_SHAPE = "dot"  # a place named on the site, shown for orientation

WIDTH = 360  # drawn at a phone's width: 12-unit labels stay 12 CSS px at 390 px
FONT = 12
COUNTRY_FONT = 11
GLYPH = 5.0  # half the size of a marker
STEP = 11.0  # distance between the markers of one place
PER_ROW = 4
NOTE_HEIGHT = 16  # room at the foot of the map for the borders note
NUMBERED_MAX = 30
PAD = 1.5  # room around a label's text
NAME_REACH = 14.0  # a name goes no further than this from its marker; beyond, a number is clearer
LEADER_GAP = 9.0  # how far a label at the end of a leader line keeps from every other place
NEAREST_MARGIN = 4.0  # how much nearer its own place than any other a label must be


@functools.lru_cache(maxsize=1)
def _outlines() -> dict:
    return json.loads(OUTLINES.read_text(encoding="utf-8"))


def outline_box() -> tuple[float, float, float, float]:
    """West, south, east, north of the outlines the generator ships: a frame must lie inside."""
    return tuple(_outlines()["box"])


@dataclass(frozen=True)
class Projection:
    """Longitude and latitude to the picture: equirectangular, longitudes narrowed by the cosine of
    the frame's middle latitude, so shapes look right for a region this size."""

    west: float
    east: float
    south: float
    north: float
    width: float = WIDTH

    @property
    def scale(self) -> float:
        return self.width / ((self.east - self.west) * self._squeeze)

    @property
    def _squeeze(self) -> float:
        return math.cos(math.radians((self.north + self.south) / 2))

    @property
    def map_height(self) -> float:
        return round((self.north - self.south) * self.scale, 1)

    @property
    def height(self) -> float:
        return self.map_height + NOTE_HEIGHT

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return ((lon - self.west) * self._squeeze * self.scale, (self.north - lat) * self.scale)


def projection(frame) -> Projection:
    return Projection(frame.west, frame.east, frame.south, frame.north)


@dataclass(frozen=True)
class Country:
    name: str
    path: str  # SVG path data


@functools.lru_cache(maxsize=8)
def countries(proj: Projection) -> tuple[Country, ...]:
    """The outlines as SVG paths in the picture's units, cut to the frame (computed once a build)."""
    box = (proj.west, proj.south, proj.east, proj.north)
    found = []
    for country in _outlines()["countries"]:
        parts = []
        for ring in country["rings"]:
            cut = clip(ring, box)
            if len(cut) < 3:
                continue
            points = [proj.xy(lat, lon) for lon, lat in cut]
            parts.append("M" + " ".join(f"{number(x)},{number(y)}" for x, y in _thin(points)) + "Z")
        if parts:
            found.append(Country(country["name"], "".join(parts)))
    return tuple(found)


def _thin(points: list[tuple[float, float]], gap: float = 0.6) -> list[tuple[float, float]]:
    """Points closer than `gap` to the last one kept are dropped: nobody sees a tenth of a pixel."""
    kept = [points[0]]
    for x, y in points[1:]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= gap:
            kept.append((x, y))
    return kept


def clip(points, box: tuple[float, float, float, float]) -> list[tuple[float, float]]:
    """The part of a ring of (lon, lat) inside the box (west, south, east, north): Sutherland-Hodgman."""
    west, south, east, north = box
    points = [tuple(p) for p in points]
    sides = ((0, west, 1), (0, east, -1), (1, south, 1), (1, north, -1))
    for axis, edge, sign in sides:
        if not points:
            break
        result = []
        previous = points[-1]
        for point in points:
            here_in = (point[axis] - edge) * sign >= 0
            before_in = (previous[axis] - edge) * sign >= 0
            if here_in != before_in:
                t = (edge - previous[axis]) / (point[axis] - previous[axis])
                other = 1 - axis
                crossing = [0.0, 0.0]
                crossing[axis] = edge
                crossing[other] = previous[other] + t * (point[other] - previous[other])
                result.append(tuple(crossing))
            if here_in:
                result.append(point)
            previous = point
        points = result
    return points


@dataclass(frozen=True)
class Frame:
    """A part of the map's frame, in degrees (like `model.Frame`): the closer view of a crowded area."""

    west: float
    east: float
    south: float
    north: float

    def holds(self, place, inset: float = 0.0) -> bool:
        """Whether the place lies inside, `inset` degrees or more from the edges."""
        return (self.south + inset <= place.lat <= self.north - inset
                and self.west + inset <= place.lon <= self.east - inset)


DETAIL_MARGIN = 0.25  # degrees around the crowded places in a closer view
DETAIL_SPAN = 1.6  # degrees of longitude a closer view shows at least
DETAIL_ASPECT = 0.62  # height / width of a closer view
DETAIL_MAX_SHARE = 0.5  # a closer view wider than this share of the map is no closer


def crowded_frame(mapped: MapView, frame) -> Frame | None:
    """The part of `frame` where places found no room for their names, for a closer view; None when
    every place has its name, or when the crowded places are too spread for a closer view to help."""
    crowded = [m.place for m in mapped.markers if m.label is None or m.label.text != m.place.name]
    if not crowded:
        return None
    west, east = min(p.lon for p in crowded) - DETAIL_MARGIN, max(p.lon for p in crowded) + DETAIL_MARGIN
    south, north = min(p.lat for p in crowded) - DETAIL_MARGIN, max(p.lat for p in crowded) + DETAIL_MARGIN
    if east - west < DETAIL_SPAN:
        middle = (east + west) / 2
        west, east = middle - DETAIL_SPAN / 2, middle + DETAIL_SPAN / 2
    if north - south < DETAIL_SPAN * 0.6:
        middle = (north + south) / 2
        south, north = middle - DETAIL_SPAN * 0.3, middle + DETAIL_SPAN * 0.3
    squeeze = math.cos(math.radians((north + south) / 2))
    wanted = (north - south) / (DETAIL_ASPECT * squeeze)  # as wide as the map is, for its height
    if east - west < wanted:
        middle = (east + west) / 2
        west, east = middle - wanted / 2, middle + wanted / 2
    if west < frame.west:
        west, east = frame.west, east + frame.west - west
    if east > frame.east:
        west, east = west - (east - frame.east), frame.east
    west, east = max(west, frame.west), min(east, frame.east)
    south, north = max(south, frame.south), min(north, frame.north)
    if (east - west) > DETAIL_MAX_SHARE * (frame.east - frame.west):
        return None
    return Frame(round(west, 2), round(east, 2), round(south, 2), round(north, 2))


def box_of(part: Frame, frame) -> tuple[float, float, float, float]:
    """Where `part` lies on the map of `frame`, in the picture's units: x, y, x2, y2."""
    proj = projection(frame)
    x, y = proj.xy(part.north, part.west)
    x2, y2 = proj.xy(part.south, part.east)
    return (round(x, 1), round(y, 1), round(x2, 1), round(y2, 1))


# --- what a map shows -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Presence:
    """One actor at one place (or one event's place, with no actor): what a marker stands for."""

    place: object  # model.Place
    actor: object | None = None  # model.Actor
    tie: str | None = None  # a PlaceTie value
    since: str | None = None
    until: str | None = None
    sources: tuple[str, ...] = ()
    note: str | None = None


def present_on(spot, day: date | None) -> bool:
    """True when an actor's tie to a place covers `day` (no day: every tie counts)."""
    if day is None:
        return True
    began, _ = period_bounds(spot.since)
    _, ended = period_bounds(spot.until)
    return not (began and began > day) and not (ended and ended < day)


def presences_of(explainer, actors, day: date | None) -> list[Presence]:
    """Every tie of `actors` to a place that holds on `day`, in a stable order."""
    found = []
    for actor in actors:
        for spot in actor.places:
            if present_on(spot, day):
                found.append(Presence(explainer.places[spot.place], actor, spot.tie.value, spot.since, spot.until,
                                      tuple(spot.sources), spot.note))
    return found


def dates_text(since: str | None, until: str | None, words: dict = WORDS) -> str:
    if since and until:
        return words["dates"]["from_to"].format(since=readable_date(since), until=readable_date(until))
    if since:
        return words["dates"]["from"].format(since=readable_date(since))
    return words["dates"]["until"].format(until=readable_date(until)) if until else ""


@dataclass(frozen=True)
class Glyph:
    x: float
    y: float
    shape: str
    tie: str | None
    title: str


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    x2: float
    y2: float

    def meets(self, other: Box) -> bool:
        return self.x < other.x2 and other.x < self.x2 and self.y < other.y2 and other.y < self.y2


@dataclass(frozen=True)
class Label:
    x: float
    y: float  # the baseline
    anchor: str  # start, middle or end
    text: str
    box: Box
    leader: tuple[float, float, float, float] | None = None
    country: bool = False
    place: str = ""  # the id of the place it names


@dataclass
class Marker:
    place: object
    x: float
    y: float
    glyphs: list[Glyph]
    box: Box
    label: Label | None = None
    entries: list[Presence] = field(default_factory=list)


@dataclass
class MapView:
    width: float
    height: float
    map_height: float
    markers: list[Marker]
    labels: list[Label]
    description: str
    shapes: dict[str, str]  # kind id -> shape, for the legend
    ties: list[str]  # ties shown, in legend order
    detail_box: tuple[float, float, float, float] | None = None  # where a closer view of it lies

    @property
    def numbered(self) -> list[tuple[str, str]]:
        """(number, place name) of the places marked by a number for lack of room for their name."""
        found = [(m.label.text, m.place.name) for m in self.markers if m.label and m.label.text != m.place.name]
        return sorted(found, key=lambda item: int(item[0]))


# Widths of letters in a common sans-serif (Arial, Helvetica, Liberation Sans), in ems, a little
# generous: a box that fits the words closely keeps a label beside its own marker.
_NARROW, _WIDE = set("iljtfrI.,;:'!|() "), set("mwMW")


def text_width(text: str, font: float = FONT) -> float:
    ems = 0.0
    for ch in text:
        if ch in _NARROW:
            ems += 0.32
        elif ch in _WIDE:
            ems += 0.88
        elif ch.isupper() or ch.isdigit():
            ems += 0.68 if ch.isupper() else 0.58
        else:
            ems += 0.56
    return ems * font


def view(explainer, presences: list[Presence], *, subject: str, plain_shape: str = EVENT_SHAPE,
         countries_named: bool = True, frame=None, words: dict = WORDS) -> MapView:
    """Markers for `presences`, grouped by place, each place labelled where a label fits without
    touching another label or any marker; a place with no room keeps its marker, and the list
    under the map names it like every other."""
    proj = projection(frame or explainer.frame)
    kind_order = {k.id: i for i, k in enumerate(explainer.kinds)}
    shapes = {k: SHAPES[i % len(SHAPES)] for k, i in kind_order.items()}
    by_place: dict[str, list[Presence]] = {}
    for p in presences:
        by_place.setdefault(p.place.id, []).append(p)
    markers = []
    for place_id in sorted(by_place, key=lambda pid: (by_place[pid][0].place.lat * -1, by_place[pid][0].place.lon, pid)):
        entries = sorted(by_place[place_id], key=lambda p: (kind_order.get(p.actor.kind, 99) if p.actor else -1,
                                                            p.actor.name.casefold() if p.actor else "", p.tie or ""))
        place = entries[0].place
        x, y = proj.xy(place.lat, place.lon)
        glyphs = _glyphs(x, y, entries, shapes, plain_shape, words)
        xs, ys = [g.x for g in glyphs], [g.y for g in glyphs]
        box = Box(min(xs) - GLYPH, min(ys) - GLYPH, max(xs) + GLYPH, max(ys) + GLYPH)
        markers.append(Marker(place, round(x, 1), round(y, 1), glyphs, box, entries=entries))
    labels = _place_labels(markers, proj)
    if countries_named:
        labels += _country_labels(proj, markers, labels)
    ties = [t for t in words["legend"] if any(p.tie == t for p in presences)]
    used = {p.actor.kind for p in presences if p.actor}
    described = _describe(markers, subject, words)
    return MapView(proj.width, proj.height, proj.map_height, markers, labels, described,
                   {k: s for k, s in shapes.items() if k in used}, ties)


def _glyphs(x: float, y: float, entries: list[Presence], shapes: dict[str, str], plain_shape: str,
            words: dict) -> list[Glyph]:
    """A place's markers in rows of `PER_ROW`, centred on the place."""
    glyphs = []
    rows = math.ceil(len(entries) / PER_ROW)
    for i, p in enumerate(entries):
        row, col = divmod(i, PER_ROW)
        in_row = min(PER_ROW, len(entries) - row * PER_ROW)
        gx = x + (col - (in_row - 1) / 2) * STEP
        gy = y + (row - (rows - 1) / 2) * STEP
        if p.actor is None:
            glyphs.append(Glyph(round(gx, 1), round(gy, 1), plain_shape, None, p.place.name))
        else:
            title = words["marker"].format(place=p.place.name, actor=p.actor.name, tie=words["ties"][p.tie])
            glyphs.append(Glyph(round(gx, 1), round(gy, 1), shapes.get(p.actor.kind, SHAPES[0]), p.tie, title))
    return glyphs


class _Grid:
    """Boxes by cell, so that a new label is tested against its neighbours only (2,000 places stay fast)."""

    CELL = 16.0

    def __init__(self):
        self.cells: dict[tuple[int, int], list[Box]] = {}

    def _keys(self, box: Box):
        for i in range(int(box.x // self.CELL), int(box.x2 // self.CELL) + 1):
            for j in range(int(box.y // self.CELL), int(box.y2 // self.CELL) + 1):
                yield i, j

    def add(self, box: Box) -> None:
        for key in self._keys(box):
            self.cells.setdefault(key, []).append(box)

    def free(self, box: Box) -> bool:
        return not any(box.meets(other) for key in self._keys(box) for other in self.cells.get(key, ()))


# Where a label may go, tried in order: beside the marker, then a little further with a leader line.
_OFFSETS = [(dx * distance, dy * distance, lead) for lead, distance, directions in (
    (False, 3.0, ((1, 0), (-1, 0), (0, -1), (0, 1))),
    (True, 14.0, ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (-1, -1), (1, 1), (-1, 1))),
    (True, 26.0, ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (-1, -1), (1, 1), (-1, 1))),
    (True, 40.0, ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (-1, -1), (1, 1), (-1, 1))),
) for dx, dy in directions]


def _place_labels(markers: list[Marker], proj: Projection) -> list[Label]:
    grid = _Grid()
    centres = _Grid()
    for m in markers:
        grid.add(m.box)
        centres.add(Box(m.x, m.y, m.x, m.y))
    labels = []
    bounds = Box(1, 1, proj.width - 1, proj.map_height - 1)
    # Places with more ties first; places shown only for orientation last.
    crowded = []
    for m in sorted(markers, key=lambda m: (all(p.actor is None for p in m.entries), -len(m.entries), m.place.id)):
        label = _fit(m, m.place.name, grid, bounds, centres, reach=NAME_REACH)
        if label:
            m.label = label
            grid.add(label.box)
            labels.append(label)
        else:
            crowded.append(m)
    # Where a name finds no room, a number does (the key under the map names it), west to east.
    n = 1
    for tried, m in enumerate(sorted(crowded, key=lambda m: (m.x, m.y, m.place.id))):
        if n > NUMBERED_MAX or tried >= 3 * NUMBERED_MAX:  # a longer key is no help to a reader
            break
        label = _fit(m, str(n), grid, bounds, centres)
        if label:
            m.label = label
            grid.add(label.box)
            labels.append(label)
            n += 1
    return labels


def _distance(x: float, y: float, box: Box) -> float:
    dx = max(box.x - x, 0, x - box.x2)
    dy = max(box.y - y, 0, y - box.y2)
    return math.hypot(dx, dy)


def _nearest_is_own(m: Marker, box: Box, centres: _Grid, margin: float) -> bool:
    """A label must be nearer its own place than any other place, or a reader pairs it wrongly."""
    return _clear_of_others(m, box, centres, _distance(m.x, m.y, box) + margin)


def _clear_of_others(m: Marker, box: Box, centres: _Grid, gap: float) -> bool:
    """No other place's marker within `gap` of the label: a label at the end of a leader line must
    not sit beside another place."""
    around = Box(box.x - gap, box.y - gap, box.x2 + gap, box.y2 + gap)
    for key in centres._keys(around):
        for other in centres.cells.get(key, ()):
            if (other.x, other.y) != (m.x, m.y) and _distance(other.x, other.y, box) < gap:
                return False
    return True


def _candidates(m: Marker, width: float, height: float, bounds: Box, reach: float):
    """(x, y, leader?) of a label's top-left corner, best first: beside the marker, then a little
    further off with a leader line."""
    for dx, dy, lead in _OFFSETS:
        if max(abs(dx), abs(dy)) > reach:
            continue
        x0 = m.box.x2 + dx if dx > 0 else m.box.x + dx - width if dx < 0 else m.x - width / 2
        y0 = m.box.y2 + dy if dy > 0 else m.box.y + dy - height if dy < 0 else m.y - height / 2
        yield x0, y0, lead


def _fit(m: Marker, text: str, grid: _Grid, bounds: Box, centres: _Grid, reach: float = 40.0) -> Label | None:
    """The first place for `text` that is free, inside the map and plainly this marker's; leader
    lines no longer than `reach` from the marker."""
    width, height = text_width(text), FONT
    for x0, y0, lead in _candidates(m, width, height, bounds, reach):
        # The box as a browser lays the text out (ascent above, descent below), with a little room.
        box = Box(round(x0 - PAD, 1), round(y0 - PAD, 1), round(x0 + width + PAD, 1), round(y0 + height + PAD, 1))
        inside = bounds.x <= box.x and box.x2 <= bounds.x2 and bounds.y <= box.y and box.y2 <= bounds.y2
        if not (inside and grid.free(box)):
            continue
        if not (_nearest_is_own(m, box, centres, 0.0 if lead else NEAREST_MARGIN)
                and (not lead or _clear_of_others(m, box, centres, LEADER_GAP))):
            continue
        leader = None
        if lead:
            ex = min(max(m.x, box.x), box.x2)
            ey = min(max(m.y, box.y), box.y2)
            leader = (m.x, m.y, round(ex, 1), round(ey, 1))
        return Label(round(x0, 1), round(y0 + height * 0.8, 1), "start", text, box, leader, place=m.place.id)
    return None


@functools.lru_cache(maxsize=8)
def _country_anchors(proj: Projection) -> tuple[tuple[str, float, float, tuple], ...]:
    """Where each country's name would go (the middle of its largest part inside the frame), and that
    part in the picture's units, to keep a moved name inside its country (once a build)."""
    anchors = []
    for country in _outlines()["countries"]:
        rings = [clip(r, (proj.west, proj.south, proj.east, proj.north)) for r in country["rings"]]
        rings = [r for r in rings if len(r) >= 3]
        if not rings:
            continue
        ring = max(rings, key=_area)
        if _area(ring) * proj.scale ** 2 < 1500:  # too small a piece to carry a name
            continue
        lon, lat = _centroid(ring)
        x, y = proj.xy(lat, lon)
        anchors.append((country["name"].upper(), x, y, tuple(proj.xy(b, a) for a, b in ring)))
    return tuple(anchors)


def _inside(x: float, y: float, ring) -> bool:
    """Even-odd rule: is the point inside the polygon?"""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


# Where a country's name may go, from the middle of its part of the frame outwards.
_COUNTRY_MOVES = [(0, 0), (0, -20), (0, 20), (-30, 0), (30, 0), (-60, 0), (60, 0), (0, -40), (0, 40), (-90, 0), (90, 0)]


def _country_labels(proj: Projection, markers: list[Marker], placed: list[Label]) -> list[Label]:
    """Country names, near the middle of their part of the frame and inside it, touching nothing else."""
    grid = _Grid()
    for m in markers:
        grid.add(m.box)
    for label in placed:
        grid.add(label.box)
    bounds = Box(1, 1, proj.width - 1, proj.map_height - 1)
    labels = []
    for text, x, y, ring in _country_anchors(proj):
        width = text_width(text, COUNTRY_FONT)
        for ddx, ddy in _COUNTRY_MOVES:
            cx, cy = x + ddx, y + ddy
            box = Box(round(cx - width / 2 - PAD, 1), round(cy - 6 - PAD, 1), round(cx + width / 2 + PAD, 1),
                      round(cy + 6 + PAD, 1))
            inside = bounds.x <= box.x and box.x2 <= bounds.x2 and bounds.y <= box.y and box.y2 <= bounds.y2
            if inside and _inside(cx, cy, list(ring)) and grid.free(box):
                grid.add(box)
                labels.append(Label(round(cx, 1), round(cy + 4, 1), "middle", text, box, country=True))
                break
    return labels


def _area(ring) -> float:
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1]))) / 2


def _centroid(ring) -> tuple[float, float]:
    cross = [a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1])]
    total = sum(cross) or 1e-9
    cx = sum((a[0] + b[0]) * c for (a, b), c in zip(zip(ring, ring[1:] + ring[:1]), cross)) / (3 * total)
    cy = sum((a[1] + b[1]) * c for (a, b), c in zip(zip(ring, ring[1:] + ring[:1]), cross)) / (3 * total)
    return cx, cy


def _describe(markers: list[Marker], subject: str, words: dict) -> str:
    n = len(markers)
    unlabelled = sum(1 for m in markers if m.label is None)
    unnamed = words["unnamed"].format(count=unlabelled) if unlabelled else ""
    return words["description_one" if n == 1 else "description_other"].format(subject=subject, count=n, unnamed=unnamed)
