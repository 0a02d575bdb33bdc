"""Small text helpers the templates need: Markdown escaping and the nesting of quoted spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .aggregate import Span

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}])")
_LINE_BREAK = re.compile(r"[ \t]*[\r\n]+[ \t]*")
_BLOCK_START = re.compile(r"^(\s*)([#>+-])")
_NUMBERED = re.compile(r"^(\s*\d+)\.")
# Anything md_escape would change; most names and titles have none, and are returned as they are.
_NEEDS_ESCAPE = re.compile(r"[\r\n&<>\\`*_\[\]{}]|^\s*(?:[#>+-]|\d+\.)")


def md_escape(text: str) -> str:
    """Plain text made safe to drop into Markdown: it renders as the same characters, nothing more."""
    if not _NEEDS_ESCAPE.search(text):
        return text
    text = _LINE_BREAK.sub(" ", text)  # one line: a line break in a list item or cell ends it
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _BLOCK_START.sub(r"\1\\\2", text)  # not a heading, quote or list item
    return _NUMBERED.sub(r"\1\\.", text)  # not a numbered list


def plain_text(markdown: str) -> str:
    """Markdown prose as plain text on one line: for `title` tooltips, JSON-LD and reading-level counts."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    return " ".join(text.split())


def one_line(text: str) -> str:
    """Folded prose on one line, for table cells and attribute-like places."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Piece:
    """One step of a paragraph's markup: open a span, some text, close a span."""

    kind: str  # "open" | "text" | "close"
    text: str = ""
    span: Span | None = None  # or the reading view's Passage
    first: bool = False  # the span's first fragment carries its id
    last: bool = False  # the span's last fragment is followed by the links to its explainers


def pieces(text: str, spans: list, outer: frozenset[str] | set[str] = frozenset()) -> list[Piece]:
    """Lay out overlapping quoted spans as properly nested elements.

    Nested quotes stay whole; a quote that crosses another is split into fragments, the first
    carrying the id. Outer spans (earlier start, later end) open first, and of two spans over the same
    words, one whose id is in `outer` (the reading view's passages) opens first. A span is anything with
    `id`, `start` and `end`.
    """
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    order = sorted(spans, key=lambda s: (s.start, -s.end, s.id not in outer, s.id))
    out: list[Piece] = []
    stack: list[Span] = []
    opened: set[str] = set()
    for left, right in zip(bounds, bounds[1:]):
        wanted = [s for s in order if s.start <= left and right <= s.end]
        keep = 0
        while keep < len(stack) and keep < len(wanted) and stack[keep] is wanted[keep]:
            keep += 1
        while len(stack) > keep:
            closing = stack.pop()
            out.append(Piece("close", span=closing, last=closing.end <= left))
        for span in wanted[keep:]:
            out.append(Piece("open", span=span, first=span.id not in opened))
            opened.add(span.id)
            stack.append(span)
        out.append(Piece("text", text=text[left:right]))
    while stack:
        closing = stack.pop()
        out.append(Piece("close", span=closing, last=True))
    return out


def simple_of(item, field: str):
    """The simple version of `item.<field>` (`item.simple.<field>`), or "" when it has none."""
    simple = getattr(item, "simple", None)
    return (getattr(simple, field, None) if simple is not None else None) or ""


def level_block(standard: str, simple: str) -> str:
    """Markdown at both reading levels, each in its own block; levels.js and levels.css show the one chosen
    (the standard one without JavaScript). Without a simple version the standard text stands alone."""
    if not simple:
        return standard
    return (f'<div class="xp-level xp-level-standard" markdown>\n\n{standard}\n\n</div>\n\n'
            f'<div class="xp-level xp-level-simple" markdown>\n\n{simple}\n\n</div>')


def level_inline(standard: str, simple: str) -> str:
    """Inline text (a table cell, a list item, a note card) at both reading levels, already escaped."""
    if not simple:
        return standard
    return (f'<span class="xp-level xp-level-standard">{standard}</span>'
            f'<span class="xp-level xp-level-simple">{simple}</span>')
