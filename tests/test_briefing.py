"""The teacher briefing: every later event that concerns the article, in date order, the article's
words later events bear on, each actor's latest change, and the review date; one page per article."""

from __future__ import annotations

from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from conftest import MINI, REAL_DATA
from explainer.briefing import article_actors, briefing
from explainer.timeline import is_after
from explainer.validate import load_explainer


def test_real_briefing_holds_every_later_event_and_the_review_date():
    ex = load_explainer(REAL_DATA)
    article = ex.articles["alliance-vs-isis"]
    b = briefing(ex, article)
    later = [e.id for e in ex.events if is_after(e.date, article.as_of)]
    assert [e.id for e in b.events] == later  # every event after the article concerns one of its actors
    assert {"coalition-mission-timeline", "hts-dissolved", "sdf-damascus-agreement", "hts-designation-revoked"} <= set(later)
    assert [e.date for e in b.events] == sorted(e.date for e in b.events)
    assert b.reviewed == max(a.reviewed for a in article_actors(ex, article.id))
    # Hindsight: the article's own words, each with the later events that explain them.
    text = {p.id: p.text for p in article.paragraphs}
    for h in b.hindsight:
        assert h.span.words in text[h.span.paragraph]
        assert all(is_after(e.date, article.as_of) for e in h.events)
    assert "in for the long haul" in " ".join(h.span.words for h in b.hindsight)
    # Each actor's latest change is the last later event that names it; the others are listed as quiet.
    for s in b.standings:
        assert s.event == [e for e in b.events if s.actor.id in e.actors][-1]
    assert {s.actor.id for s in b.standings} | {a.id for a in b.quiet} == {a.id for a in article_actors(ex, article.id)}
    assert {s.actor.id: s.event.id for s in b.standings}["ypg"] == "sdf-damascus-agreement"


def test_briefing_keeps_to_the_events_that_concern_its_article(mini_data: Path):
    # An event about an actor this article never mentions is left out; one naming no actor is kept.
    actor = yaml.safe_load((MINI / "actors" / "river-guild.yaml").read_text(encoding="utf-8"))
    actor.update(id="far-away-league", name="Far Away League", covers=[])
    (mini_data / "actors" / "far-away-league.yaml").write_text(yaml.safe_dump(actor, allow_unicode=True), encoding="utf-8")
    events = yaml.safe_load((mini_data / "events.yaml").read_text(encoding="utf-8"))
    events["events"].append({"id": "league-games", "date": "2022-06", "period": "after", "title": "The league holds games",
                             "actors": ["far-away-league"], "sources": ["almanac"]})
    (mini_data / "events.yaml").write_text(yaml.safe_dump(events, allow_unicode=True), encoding="utf-8")
    ex = load_explainer(mini_data)
    b = briefing(ex, next(iter(ex.articles.values())))
    assert [e.id for e in b.events] == ["first-flood"]
    assert "far-away-league" not in {a.id for a in b.quiet}


def test_no_briefing_without_a_date_or_a_later_event(mini_data: Path):
    path = next((mini_data / "articles").glob("*.yaml"))
    article = yaml.safe_load(path.read_text(encoding="utf-8"))
    article.pop("as_of")
    path.write_text(yaml.safe_dump(article, allow_unicode=True), encoding="utf-8")
    ex = load_explainer(mini_data)
    assert briefing(ex, next(iter(ex.articles.values()))) is None


def test_briefing_page_is_built_and_in_the_classroom_nav(real_build):
    html = (real_build.site / "classroom" / "alliance-vs-isis-briefing" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.h1.get_text(strip=True).startswith("Teacher briefing: Alliance vs ISIS?")
    items = soup.select(".xp-briefing-events li")
    assert len(items) == 13
    assert items[-1].get_text(" ", strip=True).startswith("8 July 2025")
    # Each date links to its entry on the timeline.
    assert all(li.a["href"].startswith("../../timeline/#") for li in items)
    nav = [a.get_text(strip=True) for a in soup.select(".md-nav a")]
    assert "Teacher briefing: Alliance vs ISIS?" in nav
