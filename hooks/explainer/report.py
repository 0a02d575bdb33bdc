"""The one-screen summary `make validate` ends with: what the data holds and what it still lacks."""

from __future__ import annotations

from dataclasses import dataclass, field


from . import levels
from .critical import verdict_key
from .markup import plain_text
from .glossary_marker import GlossaryIndex
from .aggregate import Explainer

@dataclass
class Summary:
    counts: dict[str, int]
    covered: int
    paragraphs: int
    uncovered: list[str]
    uncited_sources: list[str]
    unused_terms: list[str]
    thin_actors: list[str]  # fewer than two sources
    reading: list[str] = field(default_factory=list)  # reading levels: per level the grades and what misses
    pack: str = ""  # claims, loaded words, events, lessons: one line, empty when there are none

    def lines(self) -> list[str]:
        c = self.counts
        pct = 100 * self.covered / self.paragraphs if self.paragraphs else 0
        out = [
            f"articles {c['articles']} · paragraphs {self.paragraphs} · actors {c['actors']} · "
            f"glossary terms {c['terms']} ({c['forms']} written forms) · sources {c['sources']} · "
            f"quote anchors {c['anchors']} ({c['corrections']} with corrections)",
            f"paragraphs covered by an explainer: {self.covered}/{self.paragraphs} ({pct:.0f}%)",
        ]
        if self.uncovered:
            out.append("  not yet explained: " + ", ".join(self.uncovered))
        out.append("sources never cited: " + (", ".join(self.uncited_sources) or "none"))
        out.append("glossary terms no page uses: " + (", ".join(self.unused_terms) or "none"))
        out.append("actors with fewer than 2 sources: " + (", ".join(self.thin_actors) or "none"))
        if self.pack:
            out.append(self.pack)
        return out + self.reading


def actor_prose(actor) -> str:
    parts = [actor.description, *actor.aims, actor.article_role or "", actor.record or "", actor.aftermath or ""]
    parts += [rel.note for rel in actor.relationships]
    parts += [a.comment or "" for a in actor.covers] + [a.correction or "" for a in actor.covers]
    return " ".join(plain_text(p).rstrip(".") + "." for p in parts if p.strip())


def _site_prose(explainer: Explainer):
    """Every text a reader meets on the generated pages, bar the glossary itself: a term none of
    them uses is defined for nothing."""
    for article in explainer.articles.values():
        yield from (p.text for p in article.paragraphs)
    for actor in explainer.actors.values():
        yield actor.name
        yield actor_prose(actor)
    for claim in explainer.claims.values():
        yield claim.explanation
    for phrase in explainer.loaded.values():
        yield f"{phrase.neutral} {phrase.note}"
    for event in explainer.events:
        yield f"{event.title} {event.text or ''}"


def summarise(explainer: Explainer) -> Summary:
    spans = [s for s in explainer.spans if s.kind == "actor"]  # claim and event anchors are counted apart
    covered_keys = {(s.article, s.paragraph) for s in spans}
    all_paragraphs = [(a.id, p.id) for a in explainer.articles.values() for p in a.paragraphs]
    cited = set()
    for actor in explainer.actors.values():
        cited.update(actor.sources)
        for rel in actor.relationships:
            cited.update(rel.sources)
        for spot in actor.places:
            cited.update(spot.sources)
    for place in explainer.places.values():
        cited.update(place.sources)
    for term in explainer.terms:
        cited.update(term.sources)
    for item in [*explainer.claims.values(), *explainer.events]:
        cited.update(item.sources)
    index = GlossaryIndex(explainer.terms)
    used_terms = set()
    for text in _site_prose(explainer):
        used_terms |= index.terms_in(text)
    return Summary(
        counts={
            "articles": len(explainer.articles),
            "actors": len(explainer.actors),
            "terms": len(explainer.terms),
            "forms": sum(len(t.forms()) for t in explainer.terms),
            "sources": len(explainer.sources),
            "anchors": len(spans),
            "corrections": sum(1 for s in spans if s.anchor.correction),
        },
        covered=len(covered_keys),
        paragraphs=len(all_paragraphs),
        uncovered=[f"{a}#{p}" for a, p in all_paragraphs if (a, p) not in covered_keys],
        uncited_sources=sorted(set(explainer.sources) - cited),
        unused_terms=sorted(t.id for t in explainer.terms if t.id not in used_terms),
        thin_actors=sorted(a.id for a in explainer.actors.values() if len(set(a.sources)) < 2),
        reading=levels.summary_lines(levels.measure(explainer), levels.missing(explainer),
                                     levels.article_grades(explainer)),
        pack=_pack_line(explainer),
    )


def _pack_line(explainer: Explainer) -> str:
    """Claims by verdict, loaded phrases, timeline events and classroom questions, on one line."""
    if not (explainer.claims or explainer.events or explainer.lessons):
        return ""
    verdicts: dict[str, int] = {}
    for claim in explainer.claims.values():
        key = verdict_key(claim)  # an opinion whose premise was checked counts under that label
        verdicts[key] = verdicts.get(key, 0) + 1
    by_verdict = ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items()))
    questions = sum(len(lesson.questions) for lesson in explainer.lessons.values())
    questions += sum(len(q) for q in explainer.actor_questions.values())
    return (f"claims {len(explainer.claims)}" + (f" ({by_verdict})" if by_verdict else "")
            + f" · loaded phrases {len(explainer.loaded)} · timeline events {len(explainer.events)}"
            + f" · lessons {len(explainer.lessons)} · discussion questions {questions}")
