"""The real article's claim checks, loaded words, relationships and classroom pack, as built."""

from __future__ import annotations

import json

from site_pages import content, page

LOADED = ["war-mongering partners", "the dictator Assad", "Kurdish freedom fighters", "throw them under the bus",
          "political correctness", "flailing war", "czar"]


def test_all_34_claims_render_with_their_verdicts(real_build, explainer):
    assert len(explainer.claims) == 34
    verdicts = [c.verdict.value for c in explainer.claims.values()]
    assert {v: verdicts.count(v) for v in set(verdicts)} == {
        "supported": 12, "partly-supported": 10, "unsupported": 1, "disputed": 2, "opinion": 9}
    # An opinion is never given a truth verdict; four rest on a fact that is checked instead.
    assert all(c.verdict.value == "opinion" for c in explainer.claims.values() if c.type.value == "opinion")
    assert sorted(c.id for c in explainer.claims.values() if c.premise) == ["c07", "c08", "c11", "c14"]
    claims = content(page(real_build.site, "claims/"))
    entries = claims.select(".xp-claim-entry")
    assert [e["id"] for e in entries] == [f"c{n:02d}" for n in range(1, 35)]
    assert all(e.select_one(".xp-badge") for e in entries)
    article = page(real_build.site, "articles/alliance-vs-isis/")
    assert len(article.select("aside.xp-notes .xp-notecard-claim")) == 34
    assert {s["data-claim"] for s in article.select("span.xp-claim")} == set(explainer.claims)


def test_claim_review_json_ld(real_build, explainer):
    (script,) = page(real_build.site, "claims/").select('script[type="application/ld+json"]')
    reviews = json.loads(script.string)["@graph"]
    checkable = [c for c in explainer.claims.values() if c.verdict.value != "opinion" or c.premise]
    assert len(reviews) == len(checkable) == 29
    by_url = {r["url"]: r for r in reviews}
    assert by_url["#c07"]["claimReviewed"] == explainer.claims["c07"].premise.statement  # the premise is rated
    assert "#c28" not in by_url  # an opinion with nothing to check is not
    for review in reviews:
        assert review["claimReviewed"] and review["url"].startswith("#c")
        assert review["reviewRating"]["alternateName"]
        assert review["itemReviewed"]["appearance"]["headline"] == "Alliance vs ISIS?"


def test_every_loaded_phrase_is_marked(real_build, explainer):
    article = page(real_build.site, "articles/alliance-vs-isis/")
    marked = [s.get_text() for s in article.select("span.xp-loaded[id]")]
    for phrase in LOADED:
        assert any(phrase in words for words in marked), phrase
    wording = content(page(real_build.site, "wording/"))
    assert len(wording.select("h2[id]")) == len(explainer.loaded) >= len(LOADED)


def test_relationships_are_sourced_and_the_graph_matches_the_table(real_build):
    soup = content(page(real_build.site, "relationships/"))
    cells = soup.select("table.xp-matrix td.xp-tie")
    assert len(cells) > 20
    assert all(cell.select("a.xp-cite") for cell in cells)
    headers = [th.get_text() for th in soup.select("table.xp-matrix thead th")][1:]
    drawings = soup.select("svg.xp-graph-wide, svg.xp-graph-narrow")  # the circle, and the column for phones
    assert len(drawings) == 2
    for svg in drawings:
        assert [t.get_text() for t in svg.select("g.xp-graph-actors text")] == headers
    assert "1 October 2015" in soup.h1.find_next("p").get_text()


def test_timeline_and_classroom_pages_exist(real_build, explainer):
    timeline = content(page(real_build.site, "timeline/"))
    ids = [e["id"] for e in timeline.select(".xp-event-entry")]
    assert ids.index("the-article-alliance-vs-isis") > ids.index("russian-strikes-begin")
    assert ids[0] == "soviet-syrian-relations" and len(ids) == len(explainer.events) + 1
    lesson = content(page(real_build.site, "classroom/alliance-vs-isis/"))
    assert "Total: 45 minutes." in lesson.get_text()
    assert content(page(real_build.site, "classroom/alliance-vs-isis-handout/")).select(".xp-questions li")
