"""What the classroom pages compute from a lesson: which page a step uses, each version's minutes, and
the order of the matching exercise. The layouts are in the templates (lesson, handout, key, quiz,
vocabulary), their words in the catalogue's `classroom` group."""

from __future__ import annotations

import hashlib

from . import model
from .glossary_marker import GlossaryIndex
from .markup import plain_text

# The pages a step can use, by the key `render.page_paths` gives them; per-article pages end in `:`.
PAGE_KEYS = {
    model.SitePage.article: "article:", model.SitePage.handout: "handout:", model.SitePage.key: "key:",
    model.SitePage.quiz: "quiz:", model.SitePage.vocabulary: "vocabulary:", model.SitePage.claims: "claims",
    model.SitePage.wording: "wording", model.SitePage.relationships: "relationships",
    model.SitePage.timeline: "timeline", model.SitePage.glossary: "glossary", model.SitePage.actors: "actors-index",
}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def page_key(page: model.SitePage, article_id: str) -> str:
    """The `page_paths` key of a page a step uses: per-article pages are this article's."""
    key = PAGE_KEYS[page]
    return key + article_id if key.endswith(":") else key


def minutes(lesson: model.ArticleLesson, length: model.LessonLength) -> int:
    """A version's class time: the warm-up, its steps and the exit ticket."""
    return lesson.warm_up.minutes + sum(s.minutes for s in lesson.versions[length]) + lesson.exit_ticket.minutes


def matching(article_id: str, term_ids: list[str]) -> list[int]:
    """The order in which the matching exercise lists the definitions (indexes into `term_ids`).

    Shuffled by a hash, so the same data prints the same sheet; then any definition that landed beside
    its own word swaps places with the next one, so none does (from two words up).
    """
    order = sorted(range(len(term_ids)),
                   key=lambda i: hashlib.sha256(f"{article_id}/{term_ids[i]}".encode()).hexdigest())
    for row in range(len(order) if len(order) > 1 else 0):
        if order[row] == row:
            other = (row + 1) % len(order)
            order[row], order[other] = order[other], order[row]
    return order


def letter(position: int) -> str:
    return LETTERS[position]


def clue_free(term: model.Term) -> str:
    """The term's short definition as plain text with its own name blanked ("a … controls the water"), so
    the matching exercise does not give the answer away."""
    index = GlossaryIndex([term])
    return index.regex.sub(lambda m: "…" if index.term_of(m.group(0)) else m.group(0), plain_text(term.short))
