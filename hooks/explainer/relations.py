"""Who backs whom, on a given day: the relationship matrix and its network diagram.

Relationships are declared on actor files with `since`/`until` dates. The views show them as they
stood on the article's `as_of` day and list what changed later, so a reader can tell what the
article's author could know from what came after.

The diagram is a static SVG made here, in Python, so the page needs no JavaScript and no download:
actors on a circle, sorted by kind (in the order of `kinds.yaml`) then name; one line per tie, its
kind shown by colour *and* by dash pattern and arrow, so it survives printing in black and white.
The matrix table on the same page is its text alternative.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass, field
from datetime import date

from . import model
from .validate import Explainer

# The tie kinds the matrix and the diagram show, in legend order; `part-of` and `split-from` are
# structure, not alliance, and are listed in text only.
MATRIX_TYPES = ("backs", "fights", "rival", "cooperates")
SYMMETRIC = frozenset({"fights", "rival", "cooperates"})
TYPE_LABELS = {"backs": "Backs", "fights": "Fights", "rival": "Rival of", "cooperates": "Cooperates with",
               "part-of": "Part of", "split-from": "Split from"}
# The same ties seen from the other end, for the actor page of the one backed, fought, included...
INCOMING_LABELS = {"backs": "Backed by", "fights": "Fought by", "rival": "Rival of", "cooperates": "Cooperates with",
                   "part-of": "Includes", "split-from": "Split off from it"}
# Ties as verb phrases, for sentences ("A backs B", "A is a rival of B").
TYPE_VERBS = {"backs": "backs", "fights": "fights", "rival": "is a rival of", "cooperates": "cooperates with",
              "part-of": "is part of", "split-from": "split off from"}
# Colour, dash pattern and arrow per kind: every kind differs in more than colour.
EDGE_STYLE = {
    "backs": ("#1b5e20", "", True),
    "fights": ("#b71c1c", "9 5", False),
    "rival": ("#6a1b9a", "2 4", False),
    "cooperates": ("#0d47a1", "14 4 3 4", False),
}
NODE_SHAPES = ("circle", "square", "diamond", "triangle")
# Beyond this many actors a grid or a circle of names is unreadable (and the page grows with the
# square of the data): the page then lists the ties in words only, and each actor page keeps its table.
GRID_LIMIT = 40


def period_bounds(value: str | None) -> tuple[date | None, date | None]:
    """First and last day of a partial date: "2015" is all of 2015, "2015-09" all of September."""
    if not value:
        return None, None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    day = date(*parts)
    return day, day


def readable_date(value: str) -> str:
    """"2015-09-30" -> "30 September 2015"; "2015-09" -> "September 2015"; "1944" -> "1944"."""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = calendar.month_name[int(parts[1])]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def state_on(rel: model.Relationship, day: date | None) -> str:
    """"current" on `day`, or "later" (began after it), or "earlier" (ended before it)."""
    if day is None:
        return "current"
    began, _ = period_bounds(rel.since)
    _, ended = period_bounds(rel.until)
    if began and began > day:
        return "later"
    if ended and ended < day:
        return "earlier"
    return "current"


@dataclass
class Tie:
    """One kind of tie between two actors as the matrix shows it (both declarations merged)."""

    type: str
    source: str  # actor id: the row ("backs" reads row -> column)
    target: str
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    since: str | None = None
    until: str | None = None


@dataclass
class Change:
    """A relationship that began after the day shown, ended before it, or ended later."""

    what: str  # "began later" | "ended later" | "ended earlier"
    actor: str
    rel: model.Relationship


@dataclass
class Matrix:
    day: date | None
    actors: list[model.Actor]
    ties: list[Tie]  # current on `day`, matrix kinds only
    changes: list[Change]
    other: list[tuple[model.Actor, model.Relationship]]  # part-of, split-from

    cells: dict[tuple[str, str], list[Tie]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Each tie under its (row, column), and a symmetric one under its mirror too: one pass, so
        # looking up a cell does not scan every tie.
        for tie in self.ties:
            self.cells.setdefault((tie.source, tie.target), []).append(tie)
            if tie.type in SYMMETRIC:
                self.cells.setdefault((tie.target, tie.source), []).append(tie)

    @property
    def shows_grid(self) -> bool:
        return len(self.actors) <= GRID_LIMIT

    def cell(self, row: str, col: str) -> list[Tie]:
        return self.cells.get((row, col), [])

    def sources(self) -> list[str]:
        """Every source the matrix cites, in order of first use: the page numbers its notes by this."""
        seen: dict[str, None] = {}
        order = {a.id: i for i, a in enumerate(self.actors)}
        for key in sorted(self.cells, key=lambda rc: (order[rc[0]], order[rc[1]])):
            for tie in self.cells[key]:
                seen.update(dict.fromkeys(tie.sources))
        for change in self.changes:
            seen.update(dict.fromkeys(change.rel.sources))
        for _, rel in self.other:
            seen.update(dict.fromkeys(rel.sources))
        return list(seen)


def ordered_actors(explainer: Explainer) -> list[model.Actor]:
    """Actors by kind (the order of kinds.yaml), then by name: the diagram's and the table's order."""
    rank = {k.id: i for i, k in enumerate(explainer.kinds)}
    return sorted(explainer.actors.values(), key=lambda a: (rank.get(a.kind, len(rank)), a.name.casefold(), a.id))


def build_matrix(explainer: Explainer, day: date | None) -> Matrix:
    actors = ordered_actors(explainer)
    ties: dict[tuple, Tie] = {}
    changes: list[Change] = []
    other = []
    for actor in actors:
        for rel in actor.relationships:
            if rel.target not in explainer.actors:
                continue
            kind = rel.type.value
            state = state_on(rel, day)
            if state == "later":
                changes.append(Change("began later", actor.id, rel))
            elif state == "earlier":
                changes.append(Change("ended earlier", actor.id, rel))
            elif rel.until:
                changes.append(Change("ended later", actor.id, rel))
            if kind not in MATRIX_TYPES:
                other.append((actor, rel))
                continue
            if state != "current":
                continue
            pair = (actor.id, rel.target)
            key = (kind, *sorted(pair)) if kind in SYMMETRIC else (kind, *pair)
            tie = ties.setdefault(key, Tie(kind, actor.id, rel.target, since=rel.since, until=rel.until))
            tie.notes.append(rel.note)
            tie.sources.extend(s for s in rel.sources if s not in tie.sources)
    order = {a.id: i for i, a in enumerate(actors)}
    changes.sort(key=lambda c: (c.rel.until if c.what != "began later" else c.rel.since or "", order[c.actor], c.rel.target))
    return Matrix(day, actors, sorted(ties.values(), key=lambda t: (order[t.source], order[t.target], t.type)),
                  changes, other)


@dataclass(frozen=True)
class Line:
    x1: str
    y1: str
    x2: str
    y2: str
    type: str
    colour: str
    dash: str
    arrow: bool
    label: str  # the tie as a sentence, the line's <title>


@dataclass(frozen=True)
class Node:
    shape: str  # circle | square | diamond | triangle
    x: float
    y: float
    actor: str = ""
    name: str = ""
    label_x: str = ""
    label_y: str = ""
    anchor: str = "middle"


@dataclass(frozen=True)
class Diagram:
    """The network diagram's geometry, worked out here; `templates/graph.svg.j2` draws it."""

    width: int
    height: int
    markers: list[tuple[str, str]]  # (tie kind, colour) of the kinds drawn with an arrow
    lines: list[Line]
    nodes: list[Node]
    legend: list[tuple[Line, str]]  # a sample line per tie kind, and its words
    kinds: list[tuple[Node, str]]  # a sample shape per actor kind, and its title


def number(x: float) -> str:
    """Coordinates with one decimal at most, no trailing zeros: small, stable SVG."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def diagram(matrix: Matrix, kind_titles: dict[str, str] | None = None) -> Diagram:
    """Actors on a circle in the table's order; a line per tie, parallel ties side by side."""
    width, height = 960, 700
    cx, cy, radius = width / 2, 300, 210
    kinds: list[str] = []
    for actor in matrix.actors:
        if actor.kind not in kinds:
            kinds.append(actor.kind)
    n = max(1, len(matrix.actors))
    at: dict[str, tuple[float, float, float]] = {}
    for i, actor in enumerate(matrix.actors):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        at[actor.id] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle), angle)
    names = {a.id: a.name for a in matrix.actors}

    by_pair: dict[tuple[str, str], list[Tie]] = {}
    for tie in matrix.ties:
        by_pair.setdefault(tuple(sorted((tie.source, tie.target))), []).append(tie)
    position = {actor_id: i for i, actor_id in enumerate(at)}
    lines = []
    for pair in sorted(by_pair, key=lambda p: (position[p[0]], position[p[1]])):
        group = by_pair[pair]
        for k, tie in enumerate(group):
            (x1, y1, _), (x2, y2, _) = at[tie.source], at[tie.target]
            length = math.hypot(x2 - x1, y2 - y1) or 1
            ux, uy = (x2 - x1) / length, (y2 - y1) / length
            offset = (k - (len(group) - 1) / 2) * 7
            ox, oy = -uy * offset, ux * offset
            gap = 14  # stop short of the shapes
            colour, dash, arrow = EDGE_STYLE[tie.type]
            lines.append(Line(number(x1 + ux * gap + ox), number(y1 + uy * gap + oy), number(x2 - ux * gap + ox),
                              number(y2 - uy * gap + oy), tie.type, colour, dash, arrow,
                              f"{names[tie.source]} {TYPE_VERBS[tie.type]} {names[tie.target]}"))
    nodes = []
    for actor in matrix.actors:
        x, y, angle = at[actor.id]
        cos = math.cos(angle)
        lx, ly = cx + (radius + 22) * cos, cy + (radius + 22) * math.sin(angle)
        ly += 5 if abs(cos) > 0.2 else (16 if math.sin(angle) > 0 else -6)
        anchor = "start" if cos > 0.2 else "end" if cos < -0.2 else "middle"
        nodes.append(Node(NODE_SHAPES[kinds.index(actor.kind) % len(NODE_SHAPES)], x, y, actor.id, actor.name,
                          number(lx), number(ly), anchor))
    legend = []
    for i, kind in enumerate(MATRIX_TYPES):
        colour, dash, arrow = EDGE_STYLE[kind]
        y = str(18 + i * 24)
        text = TYPE_LABELS[kind] + (" (arrow points at the one backed)" if kind == "backs" else "")
        legend.append((Line("0", y, "56", y, kind, colour, dash, arrow, ""), text))
    keys = [(Node(NODE_SHAPES[i % len(NODE_SHAPES)], 8, 18 + i * 24), (kind_titles or {}).get(kind, kind))
            for i, kind in enumerate(kinds)]
    markers = [(kind, colour) for kind, (colour, _, arrow) in EDGE_STYLE.items() if arrow]
    return Diagram(width, height, markers, lines, nodes, legend, keys)


def describe(matrix: Matrix) -> str:
    """The diagram's text description: every tie as a sentence."""
    names = {a.id: a.name for a in matrix.actors}
    sentences = [f"{names[t.source]} {TYPE_VERBS[t.type]} {names[t.target]}." for t in matrix.ties]
    return " ".join(sentences) or "No relationships are recorded."
