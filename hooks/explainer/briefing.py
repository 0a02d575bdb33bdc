"""The teacher briefing: what changed between an article's date and the data's last review.

Drawn from the timeline (events after the article) and the actor pages (the actors the article's
words are explained by, and when they were last reviewed), so a teacher is not caught out by a
student's question about what happened since. Pure: the same data gives the same briefing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import model
from .timeline import is_after
from .validate import Explainer, Span


@dataclass(frozen=True)
class Hindsight:
    """Words of the article and the later events the timeline says bear on them."""

    span: Span
    events: tuple[model.Event, ...]


@dataclass(frozen=True)
class Standing:
    """An actor of the article and the latest event after the article that involves it."""

    actor: model.Actor
    event: model.Event


@dataclass(frozen=True)
class Briefing:
    as_of: date
    reviewed: date | None  # the latest `reviewed:` among the article's actors
    events: tuple[model.Event, ...]  # after the article, in date order
    hindsight: tuple[Hindsight, ...]  # in the order of the article
    standings: tuple[Standing, ...]  # by actor name
    quiet: tuple[model.Actor, ...]  # the article's actors no later event involves, by actor name


def article_actors(explainer: Explainer, article_id: str) -> list[model.Actor]:
    """The actors whose pages explain words of this article, by name."""
    ids = {s.owner for s in explainer.spans if s.kind == "actor" and s.article == article_id}
    return sorted((explainer.actors[i] for i in ids), key=lambda a: a.name.casefold())


def briefing(explainer: Explainer, article: model.Article) -> Briefing | None:
    """The briefing for one article, or None when it has no date or nothing in the timeline came after it.

    An event counts for the article when it involves one of the article's actors, explains words of
    the article, or names no actor at all (general context): a unit of several articles sharing one
    timeline gets a briefing per article, each with the events that concern it.
    """
    if article.as_of is None:
        return None
    actors = article_actors(explainer, article.id)
    ids = {a.id for a in actors}
    explained = {s.owner for s in explainer.spans if s.kind == "event" and s.article == article.id}
    events = tuple(e for e in explainer.events if is_after(e.date, article.as_of)
                   and (not e.actors or ids.intersection(e.actors) or e.id in explained))
    if not events:
        return None
    later = {e.id for e in events}
    spans = [s for s in explainer.spans if s.kind == "event" and s.article == article.id and s.owner in later]
    by_words: dict[tuple[str, int], list[Span]] = {}
    for span in spans:
        by_words.setdefault((span.paragraph, span.start), []).append(span)
    order = {p.id: n for n, p in enumerate(article.paragraphs)}
    hindsight = tuple(
        Hindsight(group[0], tuple(sorted((explainer.event(s.owner) for s in group), key=lambda e: e.date)))
        for _, group in sorted(by_words.items(), key=lambda item: (order[item[0][0]], item[0][1])))
    latest = {}
    for event in events:  # in date order: the last one seen is the latest
        for actor_id in event.actors:
            if actor_id in ids:
                latest[actor_id] = event
    standings = tuple(Standing(a, latest[a.id]) for a in actors if a.id in latest)
    quiet = tuple(a for a in actors if a.id not in latest)
    reviewed = max((a.reviewed for a in actors), default=None)
    return Briefing(article.as_of, reviewed, events, hindsight, standings, quiet)
