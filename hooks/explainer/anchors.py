"""Find quoted words in a paragraph, forgiving what contributors cannot see or type.

Curly and straight quotes, dash variants, non-breaking spaces and runs of white space all compare
equal; the match is reported as offsets into the original text, so the article keeps its own
characters.
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from dataclasses import dataclass

_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " ", "\n": " ", "\r": " ",
    }
)


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> tuple[str, list[int]]:
    """The comparable form of `text`, and for each of its characters the offset it came from.

    Cached: every quote anchored in a paragraph folds that paragraph again. Callers must not change
    the returned list.
    """
    if text.isascii() and "  " not in text and not any(c in text for c in "`\t\n\r"):
        return text, list(range(len(text)))  # nothing to fold: the common case, kept fast
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFC", ch).translate(_FOLD):
            if c == " " and out and out[-1] == " ":
                continue
            out.append(c)
            origin.append(i)
    return "".join(out), origin


@dataclass(frozen=True)
class Match:
    start: int
    end: int


@dataclass(frozen=True)
class NotFound:
    nearest: str  # the closest words in the paragraph, as printed there
    diff: str  # a short account of how the quote differs from them


@dataclass(frozen=True)
class Ambiguous:
    count: int


def find_quote(text: str, quote: str, prefix: str | None = None, suffix: str | None = None):
    """Locate `quote` in `text`: a Match, or NotFound with the nearest words, or Ambiguous."""
    folded, origin = fold(text)
    needle = fold(quote.strip())[0]
    hits = []
    start = folded.find(needle)
    while start != -1 and needle:
        hits.append(start)
        start = folded.find(needle, start + 1)
    if not hits:
        return _nearest(text, folded, origin, needle)
    if prefix:
        want = fold(prefix.strip())[0]
        hits = [h for h in hits if folded[:h].rstrip().endswith(want)]
    if suffix:
        want = fold(suffix.strip())[0]
        hits = [h for h in hits if folded[h + len(needle):].lstrip().startswith(want)]
    if len(hits) != 1:
        return Ambiguous(len(hits))
    first = hits[0]
    last = first + len(needle) - 1
    return Match(origin[first], origin[last] + 1)


def _nearest(text: str, folded: str, origin: list[int], needle: str) -> NotFound:
    """The window of the paragraph most like the quote, to show the contributor what differs."""
    size = len(needle)
    best, best_at = -1.0, 0
    step = max(1, size // 8)
    for at in range(0, max(1, len(folded) - size + 1), step):
        ratio = difflib.SequenceMatcher(None, needle, folded[at : at + size], autojunk=False).ratio()
        if ratio > best:
            best, best_at = ratio, at
    for at in range(max(0, best_at - step), min(len(folded) - size, best_at + step) + 1):
        ratio = difflib.SequenceMatcher(None, needle, folded[at : at + size], autojunk=False).ratio()
        if ratio > best:
            best, best_at = ratio, at
    if not origin:
        return NotFound("", "the paragraph is empty")
    start, stop = best_at, min(best_at + size, len(folded))
    # Widen to whole words, so the contributor sees words they can copy.
    while start > 0 and folded[start - 1].isalnum() and folded[start].isalnum():
        start -= 1
    while stop < len(folded) and folded[stop - 1].isalnum() and folded[stop].isalnum():
        stop += 1
    nearest = text[origin[start] : origin[stop - 1] + 1]
    return NotFound(nearest, _describe_difference(needle, folded[start:stop]))


def _describe_difference(quote: str, found: str) -> str:
    parts = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, quote, found, autojunk=False).get_opcodes():
        if op == "replace":
            parts.append(f"'{quote[a1:a2]}' where the article has '{found[b1:b2]}'")
        elif op == "delete":
            parts.append(f"'{quote[a1:a2]}' is not in the article")
        elif op == "insert":
            parts.append(f"the article has '{found[b1:b2]}' here")
    return "; ".join(parts[:3]) or "the words differ"
