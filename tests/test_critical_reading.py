"""Claims, loaded words, who backs whom, the timeline and the classroom pack, on the invented data set."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from explainer.relations import period_bounds, readable_date
from helpers import edit, line_of, problems_of
from site_pages import content, page, resolve

CLAIMS = "data/claims.yaml"
# The heads of the mini article's claim cards: number, type, then the verdict's symbol and words.
CLAIM_HEADS = ["C01 · Reported fact ◐ Partly supported", "C02 · Opinion ◇ Not checkable: opinion", "C03 · Mixed ⇄ Disputed"]


def only(messages: list[str]) -> str:
    assert len(messages) == 1, messages
    return messages[0]


# --- the pages -----------------------------------------------------------------------------------


def test_claims_page_lists_every_claim_with_its_verdict(mini_build):
    claims = content(page(mini_build.site, "claims/"))
    entries = claims.select(".xp-claim-entry")
    assert [e["id"] for e in entries] == ["c01", "c02", "c03"]
    assert [(e["data-type"], e["data-verdict"]) for e in entries] == [
        ("reported-fact", "partly-supported"), ("opinion", "opinion"), ("mixed", "disputed")]
    assert "Partly supported" in entries[0].select_one(".xp-badge").get_text()
    assert "No source" in entries[1].get_text()
    # The filter is built by the script; without it the page simply shows every claim.
    assert claims.select_one("#xp-claim-filter").has_attr("hidden")


def test_article_marks_claims_with_words_not_colour_alone(mini_build):
    site = mini_build.site
    article_file = site / "articles/river-dispute/index.html"
    article = page(site, "articles/river-dispute/")
    span = article.find(id="claim-c01")
    assert "xp-type-reported-fact" in span["class"]  # the underline's style in Check claims mode
    # Each claim's card beside its words: number, type and verdict in words (and a symbol), the reason.
    cards = article.select("aside.xp-notes .xp-notecard-claim")
    assert [c.select_one(".xp-notecard-head").get_text(" ", strip=True) for c in cards] == CLAIM_HEADS
    assert [c["data-span"] for c in cards] == ["claim-c01", "claim-c02", "claim-c03"]
    assert cards[0].select("p")[1].get_text().startswith("The pact was signed, but on a Monday")
    target, fragment = resolve(site, article_file, cards[0].select_one(".xp-notecard-more a")["href"])
    assert target == site / "claims/index.html" and fragment == "c01"
    # Claim, actor and loaded spans overlap and still nest properly; the legend explains the marks.
    assert article.find(id="loaded-historic").find_parent(class_="xp-claim")["data-claim"] == "c02"
    assert article.select(".xp-legend .xp-badge")


def test_claim_review_json_ld_has_the_required_fields(mini_build):
    claims = page(mini_build.site, "claims/")
    (script,) = claims.select('script[type="application/ld+json"]')
    assert "</" not in script.string
    data = json.loads(script.string)
    reviews = data["@graph"]
    assert data["@context"] == "https://schema.org"
    assert [r["url"] for r in reviews] == ["#c01", "#c03"]  # opinions are not rated
    for review in reviews:
        assert review["@type"] == "ClaimReview"
        assert review["claimReviewed"]
        assert review["reviewRating"]["alternateName"] in ("Partly supported", "Disputed")
        assert 1 <= review["reviewRating"]["ratingValue"] <= 5
        appearance = review["itemReviewed"]["appearance"]
        assert appearance["headline"] == "The River Dispute"
        assert appearance["url"].startswith("../articles/river-dispute/#claim-")
    assert reviews[0]["claimReviewed"] == "The North Council signed the Guild's Pact on Sunday – a “historic” day"


def test_loaded_words_page_gives_neutral_wording_and_links_back(mini_build):
    site = mini_build.site
    wording = content(page(site, "wording/"))
    heading = wording.find(id="historic")
    assert heading.get_text().strip("¶ ") == "“historic”"
    text = heading.find_next("ul").get_text()
    assert "Neutral wording: important" in text and "claim C02" in text


def test_every_relationship_cell_has_a_source(mini_build):
    soup = content(page(mini_build.site, "relationships/"))
    cells = soup.select("table.xp-matrix td.xp-tie")
    assert len(cells) == 2 and len(cells[0].select("span")) == 2  # cooperates and rival, both ways round
    sources = {li.find(id=True)["id"] for li in soup.find(id="sources").find_next(["ol", "ul"]).find_all("li")}
    for cell in cells:
        cites = cell.select("a.xp-cite")
        assert cites, cell
        assert {a["href"].lstrip("#") for a in cites} <= sources
    assert "Rival of (until 2020)" in soup.get_text()


def test_graph_is_accessible_svg_whose_names_match_the_table(mini_build):
    soup = content(page(mini_build.site, "relationships/"))
    svg = soup.select_one("svg.xp-graph")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find(id=title_id).name == "title" and svg.find(id=desc_id).name == "desc"
    assert "North Council cooperates with River Guild" in svg.find(id=desc_id).get_text()
    names = [t.get_text() for t in svg.select("g.xp-graph-actors text")]
    headers = [th.get_text() for th in soup.select("table.xp-matrix thead th")][1:]
    rows = [th.get_text() for th in soup.select("table.xp-matrix tbody th")]
    assert names == headers == rows == ["North Council", "River Guild"]
    assert not soup.select("svg script, svg foreignObject")


def test_timeline_orders_events_and_links_the_article_words(mini_build):
    site = mini_build.site
    soup = content(page(site, "timeline/"))
    assert [e["id"] for e in soup.select(".xp-event-entry")] == [
        "guild-founded", "pact-signed", "the-article-river-dispute", "first-flood"]
    link = soup.find(id="pact-signed").find("a", string="“Guild's Pact”")
    target, fragment = resolve(site, site / "timeline/index.html", link["href"])
    assert page(site, str(target.relative_to(site))).find(id=fragment).get_text().startswith("Guild's Pact")
    article = page(site, "articles/river-dispute/")
    back = [a for a in article.select(".xp-notecard-event a") if a["href"].endswith("#pact-signed")]
    assert len(back) == 1 and back[0].get_text() == "4 May 2020 on the timeline"


def test_lesson_plan_and_key_have_answers_and_handout_has_none(mini_build):
    lesson = content(page(mini_build.site, "classroom/river-dispute/"))
    text = lesson.get_text()
    assert "students aged 14–17" in text and "One period: 50 minutes; Two periods: 95 minutes." in text
    assert "Who elects the North Council?" in text and "every four years" in text
    assert "RH.9-10.8" in text and "Printed sheets only (no devices)" in text
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in lesson.select("table")[1].select("tbody tr")]
    assert [r[0] for r in rows] == ["0–5", "5–15", "15–45", "45–50"]
    assert rows[2][2] == "Read the verdicts aloud from the teacher key." and rows[1][2] == "The same."
    assert rows[2][3] == "Claims checked" and rows[-1][1].startswith("Exit ticket")
    handout = content(page(mini_build.site, "classroom/river-dispute-handout/"))
    text = handout.get_text()
    assert "On which day was the pact signed?" in text and "The pact was signed on a Monday." in text
    assert "On a Monday, not on a Sunday" not in text
    assert not handout.select(".xp-refs, .xp-claim, .xp-loaded, abbr")  # no labels, no marks, no tooltips
    assert [n.get_text() for n in handout.select(".xp-sheet-num")] == ["Paragraph 1", "", "Paragraph 2"]
    assert "A gate that controls the flow of water." in text
    key = content(page(mini_build.site, "classroom/river-dispute-key/"))
    text = key.get_text(" ")
    assert "On a Monday, not on a Sunday." in text and "C01" in text
    assert "B : The North Council" in " ".join(text.split())
    actor = content(page(mini_build.site, "actors/north-council/"))
    assert actor.select_one(".xp-questions li").get_text().strip() == "Who elects the North Council?"


def test_partial_dates():
    assert period_bounds("2015") == (date(2015, 1, 1), date(2015, 12, 31))
    assert period_bounds("2016-02") == (date(2016, 2, 1), date(2016, 2, 29))
    assert readable_date("2015-09-30") == "30 September 2015" and readable_date("1944-07") == "July 1944"


# --- bad input: one message naming the file, the line and the fix -----------------------------------


def test_claim_quote_not_found(mini_data: Path):
    path = mini_data / "claims.yaml"
    edit(path, "quote: The river guild controls the sluices", "quote: The river guild owns the sluices")
    message = only(problems_of(mini_data))
    assert message.startswith(f"{CLAIMS}:{line_of(path, 'owns the sluices')}: claims[2].quote: quote not found in paragraph 'sluices'")


def test_loaded_phrase_names_unknown_claim(mini_data: Path):
    path = mini_data / "claims.yaml"
    edit(path, "claim: c02", "claim: c-two")
    assert only(problems_of(mini_data)) == (
        f"{CLAIMS}:{line_of(path, 'claim: c-two')}: loaded[0].claim: unknown claim 'c-two'")


def test_claim_with_verdict_needs_sources(mini_data: Path):
    path = mini_data / "claims.yaml"
    edit(path, "    sources: [almanac]\n", "")
    message = only(problems_of(mini_data))
    assert message.startswith(f"{CLAIMS}:{line_of(path, '- id: c03')}: claims[2]: a claim with a verdict needs `sources:`")


def test_unknown_verdict_and_duplicate_claim_id(mini_data: Path):
    path = mini_data / "claims.yaml"
    edit(path, "verdict: disputed", "verdict: false")
    messages = problems_of(mini_data)
    assert any(m.startswith(f"{CLAIMS}:{line_of(path, 'verdict: false')}: claims[2].verdict: Input should be 'supported'")
               for m in messages), messages
    edit(path, "verdict: false", "verdict: disputed")
    edit(path, "  - id: c03", "  - id: c01")
    assert only(problems_of(mini_data)) == (
        f"{CLAIMS}:{line_of(path, 'quote: The river guild')}: claims[2].id: id 'c01' is used twice; ids must be unique"
        .replace(f":{line_of(path, 'quote: The river guild')}:", f":{line_of(path, 'quote: The river guild') - 2}:"))


def test_event_with_unknown_actor_and_source(mini_data: Path):
    path = mini_data / "events.yaml"
    edit(path, "actors: [river-guild]", "actors: [river-gild]")
    edit(path, "    sources: [almanac]\n  - id: first-flood", "    sources: [almanak]\n  - id: first-flood")
    assert problems_of(mini_data) == [
        f"data/events.yaml:{line_of(path, 'river-gild')}: events[1].actors[0]: unknown actor 'river-gild' (did you mean 'river-guild'?)",
        f"data/events.yaml:{line_of(path, 'almanak')}: events[1].sources[0]: unknown source 'almanak' (did you mean 'almanac'?)",
    ]


def test_classroom_keys_terms_and_claims_are_checked(mini_data: Path):
    path = mini_data / "classroom.yaml"
    edit(path, "  north-council:", "  north-councel:")
    edit(path, "vocabulary: [sluice, guild-pact]", "vocabulary: [sluices, guild-pact]")
    edit(path, "claims: [c01]", "claims: [c1]")
    assert problems_of(mini_data) == [
        f"data/classroom.yaml:{line_of(path, 'vocabulary:')}: articles.river-dispute.vocabulary[0]: "
        "unknown glossary term 'sluices' (did you mean 'sluice'?)",
        f"data/classroom.yaml:{line_of(path, 'claims: [c1]')}: articles.river-dispute.questions[0].claims[0]: "
        "unknown claim 'c1' (did you mean 'c01'?)",
        f"data/classroom.yaml:{line_of(path, 'north-councel:')}: actors.north-councel: "
        "unknown actor 'north-councel' (did you mean 'north-council'?)",
    ]


def test_files_of_the_pack_are_optional(mini_data: Path):
    for name in ("claims.yaml", "events.yaml", "classroom.yaml"):
        (mini_data / name).unlink()
    assert problems_of(mini_data) == []
