"""The article page's reading view, worked out before the template lays it out.

A reader meets the text first: each body paragraph gets the number every other page cites, and the
explained words are grouped into *passages* (runs of the text whose notes overlap), each with one
cue and one group of notes. The template only places them; nothing here knows about HTML.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from . import model
from .markup import Piece, pieces
from .aggregate import Explainer, Span
from .catalogue import TEXTS

# The order of a passage's notes when they start at the same word: who, then what is claimed, the
# wording, and the date.
NOTE_ORDER = {"actor": 0, "claim": 1, "loaded": 2, "event": 3}
WORDS_PER_MINUTE = 200  # an unhurried adult reading pace; the page rounds up


@dataclass(frozen=True)
class Passage:
    """Words of a paragraph that one or more notes explain; nested as the outermost span."""

    id: str  # element id of the words, `w-<paragraph>-<n>`
    notes_id: str  # element id of the passage's notes, `n-<paragraph>-<n>`
    number: int  # 1, 2... within the paragraph: the cue's label and the note list's number
    start: int
    end: int
    spans: tuple[Span, ...]  # the notes, in reading order
    words: str  # the passage's words, for the heading of its notes
    kind: str = "passage"

    @property
    def kinds(self) -> set[str]:
        return {s.kind for s in self.spans}


@dataclass(frozen=True)
class ParagraphView:
    paragraph: model.Paragraph
    number: int | None  # None for captions and headings
    parts: list[Piece]
    passages: list[Passage]


def paragraph_label(paragraph: model.Paragraph, number: int | None, texts: dict = TEXTS) -> str:
    """How every page names a paragraph: "paragraph 3" (the number in the article's margin), or "the
    image caption" / "the heading", which are not counted. `texts` is the site's merged catalogue."""
    words = texts["paragraph"]
    if number:
        return words["number"].format(number=number)
    if paragraph.id == model.HEADLINE:
        return words["headline"]
    return words["caption"] if paragraph.kind == model.ParagraphKind.caption else words["heading"]


def for_form(texts: dict[str, str], article: model.Article) -> str:
    """A text that depends on what kind of text the article is (its `form:`): the catalogue gives one
    per form and a neutral `default` for an article without one."""
    return texts[article.form.value if article.form else "default"]


def passages(paragraph_id: str, spans: list[Span], text: str) -> list[Passage]:
    """Spans grouped by overlap: a passage ends where no note's words go on."""
    groups: list[list[Span]] = []
    end = -1
    for span in sorted(spans, key=lambda s: (s.start, -s.end, NOTE_ORDER.get(s.kind, 9), s.id)):
        if groups and span.start < end:
            groups[-1].append(span)
            end = max(end, span.end)
        else:
            groups.append([span])
            end = span.end
    out = []
    for n, group in enumerate(groups, start=1):
        start, stop = min(s.start for s in group), max(s.end for s in group)
        out.append(Passage(f"w-{paragraph_id}-{n}", f"n-{paragraph_id}-{n}", n, start, stop, tuple(group),
                           text[start:stop]))
    return out


def reading_view(explainer: Explainer, article: model.Article) -> list[ParagraphView]:
    views = []
    for paragraph in article.paragraphs:
        spans = explainer.spans_in(article.id, paragraph.id)
        found = passages(paragraph.id, spans, paragraph.text)
        views.append(ParagraphView(paragraph, explainer.paragraph_number(article.id, paragraph.id),
                                   pieces(paragraph.text, [*found, *spans], outer={p.id for p in found}), found))
    return views


def headline_parts(explainer: Explainer, article: model.Article) -> list[Piece]:
    """The headline with the quoted words in it wrapped, so links from explainers land on them."""
    return pieces(article.title, explainer.spans_in(article.id, model.HEADLINE))


def reading_minutes(article: model.Article) -> int:
    words = sum(len(p.text.split()) for p in article.paragraphs)
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


# A sentence ends at . ! or ? followed by a space and a capital, unless the word before is an
# initial or a title ("U.S.", "Mr.").
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)[.!?](?=\s+[A-Z“\"‘'(])")


def first_sentence(text: str) -> str:
    """The first sentence of plain text: the one-line reason a note card shows before its link."""
    match = _SENTENCE_END.search(text)
    return text[: match.end()] if match else text


def excerpt(words: str, limit: int = 8) -> str:
    """The first words of a passage, to name it in its list of notes."""
    parts = words.split()
    return words if len(parts) <= limit else " ".join(parts[:limit]) + " …"
