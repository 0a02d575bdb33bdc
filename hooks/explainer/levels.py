"""Reading levels: which texts the site shows at each level, and how hard each one reads.

Every explainer text has a standard version (about Flesch-Kincaid grade 7) and may have a simple one
(grade 6 or below) beside it in the data (`simple:`); an article's paragraphs may be retold in plain
words (`retelling:`, grade 7 or below). Here the texts are gathered per level, unit by unit as a reader
meets them (an actor page, a glossary entry, an event, a claim, a loaded phrase, a retold paragraph),
measured with textstat's Flesch-Kincaid grade, and compared with the level's target, so `make validate`
can say what misses. Nothing here knows about pages or HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from statistics import mean
from typing import Iterator

from .markup import plain_text
from .aggregate import Explainer


class Level(str, Enum):
    standard = "standard"
    simple = "simple"
    retelling = "retelling"  # an article retold in plain words, paragraph by paragraph


# The highest Flesch-Kincaid grade a text of each level may have. Standard prose aims at about grade 7;
# one above 9 is far above it and is listed.
TARGETS = {Level.standard: 9.0, Level.simple: 6.0, Level.retelling: 7.0}


@dataclass(frozen=True)
class Text:
    """One unit of prose at one level: `key` names where it lives (`actor:<id>`, `term:<id>`, ...)."""

    key: str
    level: Level
    text: str


@dataclass(frozen=True)
class Grade:
    key: str
    level: Level
    grade: float

    @property
    def misses(self) -> bool:
        return self.grade > TARGETS[self.level]


def _join(parts) -> str:
    """Prose pieces as one plain text, each ending as a sentence (a title or a list item has no full stop)."""
    return " ".join(plain_text(p).rstrip(".") + "." for p in parts if p and p.strip())


def _pairs(explainer: Explainer) -> Iterator[tuple[str, list[tuple[str, str | None, str | None]]]]:
    """Each unit as (key, [(field, standard, simple)]): what a reader of the unit's page meets at either level."""
    for article in explainer.articles.values():
        if article.summary:
            yield f"article:{article.id}", [("summary", article.summary, article.simple and article.simple.summary)]
    for actor in explainer.actors.values():
        s = actor.simple
        fields = [("summary", actor.summary, s and s.summary), ("description", actor.description, s and s.description)]
        simple_aims = (s.aims if s and s.aims else None) or [None] * len(actor.aims)
        fields += [(f"aims {n}", aim, simple) for n, (aim, simple) in enumerate(zip(actor.aims, simple_aims), start=1)]
        for name in ("article_role", "record", "aftermath"):
            fields.append((name, getattr(actor, name), s and getattr(s, name)))
        for article_id, entry in sorted(actor.articles.items()):  # a unit of several articles: each one's own
            e = entry.simple
            fields.append((f"articles {article_id} role", entry.role, e and e.role))
            fields.append((f"articles {article_id} record", entry.record, e and e.record))
        for n, rel in enumerate(actor.relationships, start=1):
            fields.append((f"relationships {n} ({rel.target}) note", rel.note, rel.simple and rel.simple.note))
        for n, anchor in enumerate(actor.covers, start=1):
            a = anchor.simple
            fields.append((f"covers {n} comment", anchor.comment, a and a.comment))
            fields.append((f"covers {n} correction", anchor.correction, a and a.correction))
        yield f"actor:{actor.id}", [f for f in fields if f[1]]
    for term in explainer.terms:
        yield f"term:{term.id}", [("definition", term.definition, term.simple and term.simple.definition)]
    for event in explainer.events:
        s = event.simple
        yield f"event:{event.id}", [f for f in [("title", event.title, s and s.title), ("text", event.text, s and s.text)] if f[1]]
    for claim in explainer.claims.values():
        s = claim.simple
        fields = [("explanation", claim.explanation, s and s.explanation)]
        if claim.premise:
            fields.insert(0, ("premise", claim.premise.statement, s and s.premise))
        yield f"claim:{claim.id}", fields
    for phrase in explainer.loaded.values():
        s = phrase.simple
        yield f"loaded:{phrase.id}", [("neutral", phrase.neutral, s and s.neutral), ("note", phrase.note, s and s.note)]


def has_simple(explainer: Explainer) -> bool:
    """Whether any text of the site has a simple version: only then do its pages show the level switch."""
    return any(simple for _, fields in _pairs(explainer) for _, _, simple in fields)


def texts(explainer: Explainer) -> Iterator[Text]:
    """Every unit's prose at each level it has: standard always; simple as far as it is written
    (`missing` lists the rest); the retelling of each paragraph that has one."""
    for key, fields in _pairs(explainer):
        yield Text(key, Level.standard, _join(std for _, std, _ in fields))
        if any(simple for _, _, simple in fields):
            yield Text(key, Level.simple, _join(simple for _, _, simple in fields))
    for article in explainer.articles.values():
        for paragraph in article.paragraphs:
            if paragraph.retelling:
                number = explainer.paragraph_number(article.id, paragraph.id)
                yield Text(f"retelling:{article.id}#{number or paragraph.id}", Level.retelling, paragraph.retelling)


def missing(explainer: Explainer) -> list[str]:
    """What has no simple version yet, field by field (`actor:<id> record`), and paragraphs not retold."""
    out = [f"{key} {name}" for key, fields in _pairs(explainer) for name, _, simple in fields if not simple]
    for article in explainer.articles.values():
        for paragraph in article.paragraphs:
            if paragraph.kind.value == "paragraph" and not paragraph.retelling:
                out.append(f"retelling:{article.id}#{explainer.paragraph_number(article.id, paragraph.id)}")
    return out


def grade(text: str) -> float:
    """Flesch-Kincaid grade, as textstat (pinned) computes it."""
    import textstat  # imported here: it is slow to load, and only the reading-level summary needs it

    return float(textstat.flesch_kincaid_grade(text))


def measure(explainer: Explainer) -> list[Grade]:
    return [Grade(t.key, t.level, grade(t.text)) for t in texts(explainer)]


def summary_lines(grades: list[Grade], gaps: list[str], article_grades: dict[str, float]) -> list[str]:
    """The reading-level part of `make validate`'s summary: per level the mean, the highest, what misses."""
    out = []
    for level in Level:
        mine = [g for g in grades if g.level == level]
        if not mine:
            out.append(f"reading level {level.value}: no texts (target: grade {TARGETS[level]:g} or below)")
            continue
        top = max(mine, key=lambda g: g.grade)
        misses = [g for g in mine if g.misses]
        out.append(f"reading level {level.value} (Flesch-Kincaid grade, target {TARGETS[level]:g} or below): "
                   f"{len(mine)} texts, mean {mean(g.grade for g in mine):.1f}, highest {top.grade:.1f} ({top.key}); "
                   f"{len(misses)} miss" + ("" if len(misses) == 1 else "es"))
        if misses:
            out.append("  above target: " + ", ".join(f"{g.key} ({g.grade:.1f})" for g in misses))
    for article_id, value in article_grades.items():
        out.append(f"the article {article_id} itself (the author's words, not ours to change): grade {value:.1f}")
    out.append(f"texts with no simple version yet: {len(gaps)}" + (": " + ", ".join(gaps[:12]) if gaps else ""))
    if len(gaps) > 12:
        out.append(f"  and {len(gaps) - 12} more")
    return out


def article_grades(explainer: Explainer) -> dict[str, float]:
    return {a.id: grade(" ".join(p.text for p in a.paragraphs)) for a in explainer.articles.values()}
