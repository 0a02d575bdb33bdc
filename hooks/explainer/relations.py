"""Who backs whom, on a given day: the relationship matrix and the drawings of its ties.

Relationships are declared on actor files with `since`/`until` dates. The views show them as they
stood on the article's `as_of` day and list what changed later, so a reader can tell what the
article's author could know from what came after.

The drawings are static SVG laid out here, in Python, and drawn by `templates/graph.svg.j2`, so a
page needs no download and shows everything without JavaScript. One line per tie, its kind shown by
colour *and* dash pattern (and an arrow for "backs"), so it survives black-and-white print. Labels
are sized in viewBox units for the narrowest box each drawing is shown in, so they render at 12 CSS
px or more: the relationship page has a circle of actors (`wide_diagram`, for boxes 640 px wide and
more) and a column with arcs (`narrow_diagram`, for phones), and each actor page a drawing of its
own ties (`ego_diagram`). The table, the cards and the lists on the same pages are their text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from . import dates, model
from .aggregate import Explainer
from .catalogue import TEXTS

# The tie kinds the matrix and the diagram show, in legend order; `part-of` and `split-from` are
# structure, not alliance, and are listed in text only.
MATRIX_TYPES = ("backs", "fights", "rival", "cooperates")
SYMMETRIC = frozenset({"fights", "rival", "cooperates"})
# The words for ties (texts/en.yaml, `ties:`): labels ("Backs"), the same ties seen from the other end
# ("Backed by"), verb phrases for sentences ("A backs B"). render.py passes the site's own.
WORDS = TEXTS["ties"]
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


# The one reading and writing of dates (dates.py), under the names the templates and tests know.
period_bounds = dates.bounds
readable_date = dates.readable


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
    words: dict = field(default_factory=lambda: WORDS)  # the words for ties (`ties:` in the catalogue)

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

    def ties_of(self, actor_id: str) -> list[tuple[str, Tie, str]]:
        """An actor's ties, both directions, in the table's order: (other actor, tie, the tie in words
        from this actor's side: "Backs", "Backed by", "Fights"...)."""
        order = {a.id: i for i, a in enumerate(self.actors)}
        labels, incoming = self.words["labels"], self.words["incoming"]
        found = []
        for tie in self.ties:
            if tie.source == actor_id:
                found.append((tie.target, tie, labels[tie.type]))
            elif tie.target == actor_id:  # "Backed by"; a symmetric tie reads the same from both ends
                found.append((tie.source, tie, labels[tie.type] if tie.type in SYMMETRIC else incoming[tie.type]))
        return sorted(found, key=lambda f: (order[f[0]], MATRIX_TYPES.index(f[1].type)))

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


def build_matrix(explainer: Explainer, day: date | None, words: dict = WORDS) -> Matrix:
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
                  changes, other, words=words)


@dataclass(frozen=True)
class Line:
    d: str  # SVG path data: a straight line or an arc
    type: str
    colour: str
    dash: str
    arrow: bool
    label: str  # the tie as a sentence, the line's <title>
    source: str = ""  # actor ids at the two ends: the script highlights an actor's ties by them
    target: str = ""


@dataclass(frozen=True)
class Node:
    shape: str  # circle | square | diamond | triangle
    x: float
    y: float
    actor: str = ""
    name: str = ""
    label: tuple[tuple[str, str, str], ...] = ()  # (x, y, words) per line of the label
    anchor: str = "middle"
    hit: tuple[str, str, str, str] = ("0", "0", "0", "0")  # x, y, width, height: the shape and its label
    bold: bool = False  # the actor an ego diagram is about


@dataclass(frozen=True)
class Diagram:
    """One drawing of ties between actors, worked out here; `templates/graph.svg.j2` draws it."""

    width: int
    height: int
    font: int  # label size in viewBox units, chosen so it renders at 12 CSS px or more where shown
    markers: list[tuple[str, str]]  # (tie kind, colour) of the kinds drawn with an arrow
    lines: list[Line]
    nodes: list[Node]
    layout: str  # "wide" (a circle), "narrow" (a column with arcs) or "ego" (one actor and its partners)
    description: str = ""  # every tie drawn, as sentences (the ego drawing's <desc>)
    kinds: list[tuple[Node, str]] = field(default_factory=list)  # the ego drawing's key to its shapes


@dataclass(frozen=True)
class Diagrams:
    """The relationship page's two drawings of the same ties: CSS shows the one that fits."""

    wide: Diagram
    narrow: Diagram
    legend: list[tuple[Line, str]]  # a sample line per tie kind, and its words
    kinds: list[tuple[Node, str]]  # a sample shape per actor kind, and its title


def number(x: float) -> str:
    """Coordinates with one decimal at most, no trailing zeros: small, stable SVG."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


# Average width of a sans-serif letter, in ems: enough to keep labels apart and size their hit boxes.
LETTER_EM = 0.58


def wrap(words: str, chars: int) -> list[str]:
    """A label in lines of about `chars` letters, broken at spaces (a long word keeps its own line)."""
    lines: list[str] = []
    for word in words.split():
        if lines and len(lines[-1]) + 1 + len(word) <= chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    # Each line but the last ends with a space, so the label's text reads as the name with its spaces.
    return [line + " " for line in lines[:-1]] + lines[-1:]


def _label(lines: list[str], x: float, top: float, font: int) -> tuple[tuple[str, str, str], ...]:
    """Baselines of a label's lines, the first line's top at `top`."""
    step = font * 1.2
    return tuple((number(x), number(top + font * 0.9 + i * step), line) for i, line in enumerate(lines))


def _hit(x: float, y: float, lines: list[str], label_x: float, top: float, anchor: str, font: int,
         minimum: float = 28):
    """The box a pointer or a finger can hit: the shape and its whole label, and at least `minimum`
    units each way (24 CSS px at the smallest size the drawing is shown at)."""
    width = max((len(line.strip()) for line in lines), default=0) * font * LETTER_EM
    left = {"start": label_x, "end": label_x - width, "middle": label_x - width / 2}[anchor]
    x0, x1 = min(left, x - 12) - 2, max(left + width, x + 12) + 2
    y0, y1 = min(top, y - 12) - 2, max(top + len(lines) * font * 1.2, y + 12) + 2
    grow = max(0.0, minimum - (y1 - y0)) / 2
    return (number(x0), number(y0 - grow), number(x1 - x0), number(y1 - y0 + 2 * grow))


def _shapes(matrix: Matrix) -> dict[str, str]:
    kinds: list[str] = list(dict.fromkeys(a.kind for a in matrix.actors))
    return {a.id: NODE_SHAPES[kinds.index(a.kind) % len(NODE_SHAPES)] for a in matrix.actors}


def _pairs(ties: list[Tie], position: dict[str, int]) -> list[list[Tie]]:
    """Ties grouped by the two actors they join, in drawing order: parallel ties are drawn side by side."""
    by_pair: dict[tuple[str, str], list[Tie]] = {}
    for tie in ties:
        by_pair.setdefault(tuple(sorted((tie.source, tie.target), key=position.get)), []).append(tie)
    return [by_pair[p] for p in sorted(by_pair, key=lambda p: (position[p[0]], position[p[1]]))]


def _line(d: str, tie: Tie, names: dict[str, str], words: dict) -> Line:
    colour, dash, arrow = EDGE_STYLE[tie.type]
    label = words["phrase"].format(source=names[tie.source], verb=words["verbs"][tie.type], target=names[tie.target])
    return Line(d, tie.type, colour, dash, arrow, label, tie.source, tie.target)


def _straight(a: tuple[float, float], b: tuple[float, float], offset: float, gap: float = 14) -> str:
    """A line from a to b, stopping short of both shapes, moved sideways by `offset`."""
    (x1, y1), (x2, y2) = a, b
    length = math.hypot(x2 - x1, y2 - y1) or 1
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    ox, oy = -uy * offset, ux * offset
    return (f"M{number(x1 + ux * gap + ox)},{number(y1 + uy * gap + oy)} "
            f"L{number(x2 - ux * gap + ox)},{number(y2 - uy * gap + oy)}")


def wide_diagram(matrix: Matrix) -> Diagram:
    """Actors on a circle in the table's order, names outside it; for screens 640 px wide and more."""
    width, font, radius = 960, 19, 230
    chars = 17
    names = {a.id: a.name for a in matrix.actors}
    wrapped = {a.id: wrap(a.name, chars) for a in matrix.actors}
    top_room = (len(wrapped[matrix.actors[0].id]) if matrix.actors else 1) * font * 1.2 + 34  # the top label
    cx, cy = width / 2, top_room + radius
    n = max(1, len(matrix.actors))
    at: dict[str, tuple[float, float, float]] = {}
    for i, actor in enumerate(matrix.actors):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        at[actor.id] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle), angle)
    position = {actor_id: i for i, actor_id in enumerate(at)}
    lines = []
    for group in _pairs(matrix.ties, position):
        for k, tie in enumerate(group):
            offset = (k - (len(group) - 1) / 2) * 7
            lines.append(_line(_straight(at[tie.source][:2], at[tie.target][:2], offset), tie, names, matrix.words))
    shapes = _shapes(matrix)
    nodes = []
    for actor in matrix.actors:
        x, y, angle = at[actor.id]
        cos, sin = math.cos(angle), math.sin(angle)
        label = wrapped[actor.id]
        height = len(label) * font * 1.2
        lx, ly = cx + (radius + 22) * cos, cy + (radius + 22) * sin
        anchor = "start" if cos > 0.2 else "end" if cos < -0.2 else "middle"
        if anchor == "middle":
            top = ly - height if sin < 0 else ly
        else:  # beside the shape, leaning away from the circle's top and bottom
            top = ly - height / 2 + sin * height / 3
        nodes.append(Node(shapes[actor.id], x, y, actor.id, actor.name, _label(label, lx, top, font), anchor,
                          _hit(x, y, label, lx, top, anchor, font, minimum=38)))  # shown at 2/3 size or more
    bottom = max((float(n.hit[1]) + float(n.hit[3]) for n in nodes), default=cy + radius)
    return Diagram(width, math.ceil(bottom + 10), font, _markers(), lines, nodes, "wide")


def narrow_diagram(matrix: Matrix) -> Diagram:
    """Actors in a column, names to the right, ties as arcs on the left: for phones, where a circle of
    names would have to shrink its text below reading size."""
    width, font, x = 360, 14, 150
    chars = 24
    names = {a.id: a.name for a in matrix.actors}
    step = 2 * font * 1.2 + 8
    at = {a.id: (x, 24 + i * step) for i, a in enumerate(matrix.actors)}
    position = {actor_id: i for i, actor_id in enumerate(at)}
    n = max(2, len(matrix.actors))
    lines = []
    for group in _pairs(matrix.ties, position):
        for k, tie in enumerate(group):
            (_, y1), (_, y2) = at[tie.source], at[tie.target]
            rows = abs(position[tie.source] - position[tie.target])
            bulge = 14 + (x - 30) * (rows - 1) / (n - 2 if n > 2 else 1) + k * 7
            bulge = min(bulge + 0.0, x - 12)
            c = number(x - 12 - bulge * 4 / 3)
            lines.append(_line(f"M{number(x - 12)},{number(y1)} C{c},{number(y1)} {c},{number(y2)} "
                               f"{number(x - 12)},{number(y2)}", tie, names, matrix.words))
    shapes = _shapes(matrix)
    nodes = []
    for actor in matrix.actors:
        _, y = at[actor.id]
        label = wrap(actor.name, chars)
        top = y - len(label) * font * 1.2 / 2
        nodes.append(Node(shapes[actor.id], x, y, actor.id, actor.name, _label(label, x + 16, top, font), "start",
                          _hit(x, y, label, x + 16, top, "start", font)))
    height = math.ceil(24 + (len(matrix.actors) - 1) * step + step / 2 + 4)
    return Diagram(width, height, font, _markers(), lines, nodes, "narrow")


def _markers() -> list[tuple[str, str]]:
    return [(kind, colour) for kind, (colour, _, arrow) in EDGE_STYLE.items() if arrow]


def legend(types=MATRIX_TYPES, words: dict = WORDS) -> list[tuple[Line, str]]:
    """A sample line per tie kind, with its words: the legend is HTML next to the drawing."""
    out = []
    for kind in types:
        colour, dash, arrow = EDGE_STYLE[kind]
        text = words["labels"][kind]
        if kind == "backs":
            text = words["arrow_note"].format(label=text)
        out.append((Line("M2,8 L52,8", kind, colour, dash, arrow, ""), text))
    return out


def diagram(matrix: Matrix, kind_titles: dict[str, str] | None = None) -> Diagrams:
    """Both drawings of the relationship page, and their legend."""
    kinds = list(dict.fromkeys(a.kind for a in matrix.actors))
    keys = [(Node(NODE_SHAPES[i % len(NODE_SHAPES)], 11, 11), (kind_titles or {}).get(kind, kind))
            for i, kind in enumerate(kinds)]
    return Diagrams(wide_diagram(matrix), narrow_diagram(matrix), legend(words=matrix.words), keys)


def ego_diagram(matrix: Matrix, actor_id: str, kind_titles: dict[str, str] | None = None) -> Diagram | None:
    """One actor as a tall box on the left with its name in it, and every actor it has a tie with on
    the matrix's day in a column on the right, each labelled with the tie in words and its name; one
    short, nearly level line per tie, so a phone shows them apart. None when it has no such tie."""
    ties = matrix.ties_of(actor_id)
    if not ties:
        return None
    width, font, bar_right, x = 360, 14, 92, 186
    names = {a.id: a.name for a in matrix.actors}
    shapes = _shapes(matrix)
    partners = list(dict.fromkeys(other for other, _, _ in ties))
    nodes, lines, rows = [], [], []
    y = 8.0
    for other in partners:
        mine = [(tie, words) for o, tie, words in ties if o == other]
        label = ["; ".join(words for _, words in mine) + ": "] + wrap(names[other], 20)
        height = len(label) * font * 1.2
        rows.append((other, mine, label, y, y + height / 2))
        y += height + 14
    own = wrap(names[actor_id], 10)
    bar_height = max(y - 14 - 8, len(own) * font * 1.2 + 16)
    for other, mine, label, top, ny in rows:
        for k, (tie, _) in enumerate(mine):
            offset = (k - (len(mine) - 1) / 2) * 7
            near, far = (bar_right + 2, ny + offset), (x - 12, ny + offset)
            a, b = (far, near) if tie.source == other else (near, far)
            lines.append(_line(f"M{number(a[0])},{number(a[1])} L{number(b[0])},{number(b[1])}", tie, names, matrix.words))
        nodes.append(Node(shapes[other], x, ny, other, names[other], _label(label, x + 16, top, font), "start",
                          _hit(x, ny, label, x + 16, top, "start", font)))
    centre = Node("bar", 8 + (bar_right - 8) / 2, 8 + bar_height / 2, actor_id, names[actor_id],
                  _label(own, 8 + (bar_right - 8) / 2, 8 + bar_height / 2 - len(own) * font * 0.6, font), "middle",
                  ("8", "8", number(bar_right - 8), number(bar_height)), bold=True)
    kinds = list(dict.fromkeys(a.kind for a in matrix.actors))
    shown = [a.kind for a in matrix.actors if a.id in partners]
    keys = [(Node(NODE_SHAPES[i % len(NODE_SHAPES)], 11, 11), (kind_titles or {}).get(kind, kind))
            for i, kind in enumerate(kinds) if kind in shown]
    return Diagram(width, math.ceil(max(y - 14, bar_height + 8) + 8), font, _markers(), lines, [centre, *nodes],
                   "ego", describe(matrix, actor_id), keys)


def article_day(explainer: Explainer) -> date | None:
    """The day the ties are shown as of: the first article's `as_of`, or None (every tie current)."""
    days = sorted(a.as_of for a in explainer.articles.values() if a.as_of)
    return days[0] if days else None


def article_days(explainer: Explainer) -> list[date]:
    """The days the articles describe, each once, earliest first: one view of the ties per day."""
    return sorted({a.as_of for a in explainer.articles.values() if a.as_of})


def ego_diagrams(explainer: Explainer, words: dict = WORDS) -> tuple[date | None, dict[str, Diagram]]:
    """Each actor page's drawing of its own ties, as of the relationship page's day."""
    day = article_day(explainer)
    matrix = build_matrix(explainer, day, words)
    kind_titles = {k.id: k.title for k in explainer.kinds}
    drawings = {a.id: ego_diagram(matrix, a.id, kind_titles) for a in matrix.actors}
    return day, {actor_id: d for actor_id, d in drawings.items() if d is not None}


def describe(matrix: Matrix, actor_id: str | None = None) -> str:
    """The diagram's text description: every tie as a sentence."""
    names, words = {a.id: a.name for a in matrix.actors}, matrix.words
    ties = [t for t in matrix.ties if actor_id in (None, t.source, t.target)]
    sentences = [words["sentence"].format(source=names[t.source], verb=words["verbs"][t.type], target=names[t.target])
                 for t in ties]
    return " ".join(sentences) or words["none"]
