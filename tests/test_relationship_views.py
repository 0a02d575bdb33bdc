"""Who backs whom, as built: the two drawings of the network, the cards that replace the grid on a phone,
and each actor page's own drawing of its ties (its nodes are the actor and its partners on the day)."""

from __future__ import annotations

from explainer import relations
from site_pages import content, page


def _partners(explainer, actor_id: str) -> set[str]:
    """The actors `actor_id` has a drawn tie with on the article's day, read from the data files."""
    day = relations.article_day(explainer)
    found = set()
    for actor in explainer.actors.values():
        for rel in actor.relationships:
            if rel.type.value in relations.MATRIX_TYPES and relations.state_on(rel, day) == "current":
                if actor.id == actor_id:
                    found.add(rel.target)
                elif rel.target == actor_id:
                    found.add(actor.id)
    return found


def _ego(site, actor_id: str):
    return content(page(site, f"actors/{actor_id}/")).select_one("svg.xp-graph-ego")


def test_each_actor_page_draws_the_actor_and_its_partners(real_build, explainer):
    for actor_id in explainer.actors:
        svg = _ego(real_build.site, actor_id)
        partners = _partners(explainer, actor_id)
        if not partners:
            assert svg is None, actor_id
            continue
        nodes = [g["data-actor"] for g in svg.select("g.xp-node")]
        assert nodes[0] == actor_id and "xp-node-self" in svg.select_one("g.xp-node")["class"]
        assert set(nodes[1:]) == partners and len(nodes) == len(partners) + 1, actor_id
        for line in svg.select("path.xp-tie-line"):  # every line joins the actor to one of its partners
            assert actor_id in (line["data-from"], line["data-to"])
            assert {line["data-from"], line["data-to"]} - {actor_id} <= partners


def test_russia_on_the_day_of_the_article(real_build):
    svg = _ego(real_build.site, "russia")
    assert {g["data-actor"] for g in svg.select("g.xp-node")} == {
        "russia", "iraq-government", "assad-government", "free-syrian-army", "isis", "china", "iran", "united-states"}
    backs = svg.select('path.xp-tie-line[data-type="backs"]')
    assert [(p["data-from"], p["data-to"]) for p in backs] == [("russia", "assad-government")]
    assert backs[0]["marker-end"] == "url(#xp-ego-arrow-backs)" and not backs[0].get("stroke-dasharray")
    labels = {g["data-actor"]: g.select_one("text").get_text() for g in svg.select("g.xp-node")}
    assert labels["assad-government"] == "Backs: Syrian government (Assad)"
    assert labels["isis"] == "Fights: Islamic State (ISIS)"


def test_ego_drawing_has_a_text_alternative_a_key_in_words_and_readable_labels(real_build):
    soup = content(page(real_build.site, "actors/isis/"))
    figure = soup.select_one("figure.xp-ego-box")
    svg = figure.select_one("svg.xp-graph-ego")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find(id=title_id).get_text() == "Ties of Islamic State (ISIS) on 1 October 2015"
    assert "Russia fights Islamic State (ISIS)." in svg.find(id=desc_id).get_text()
    assert "The table below gives every tie in words" in figure.figcaption.get_text()
    key = [li.get_text(" ", strip=True) for li in figure.select("ul.xp-graph-key li")]
    assert "Fights" in key and "Rival of" in key and "Backs (the arrow points at the one backed)" not in key
    # 14 units in a 360-unit drawing shown at most 480 px wide and at least the 358 px of a phone's column.
    assert svg["viewbox"].split()[2] == "360" and svg.select_one("g.xp-graph-actors")["font-size"] == "14"
    table = soup.select_one("table.xp-rel-table")
    assert [td["data-label"] for td in table.select("tbody tr")[0].select("td")] == [
        "Relationship", "With", "Dates", "What it was", "Sources"]  # the words each card shows on a phone


def test_mini_actor_pages_draw_their_tie_of_the_day(mini_build):
    # On 5 May 2020 the council and the guild cooperate (since May 2020); their rivalry ended in 2020,
    # which a partial date leaves current on that day, so both ties are drawn.
    svg = _ego(mini_build.site, "north-council")
    assert [g["data-actor"] for g in svg.select("g.xp-node")] == ["north-council", "river-guild"]
    assert sorted(p["data-type"] for p in svg.select("path.xp-tie-line")) == ["cooperates", "rival"]


def test_relationship_page_has_both_drawings_and_cards_for_every_actor(real_build, explainer):
    soup = content(page(real_build.site, "relationships/"))
    wide, narrow = soup.select("svg.xp-graph-wide"), soup.select("svg.xp-graph-narrow")
    assert len(wide) == len(narrow) == 1
    assert wide[0]["id"] != narrow[0]["id"]
    words = soup.select_one("h2[id^=every-tie]").find_next("ul")  # every tie, in words: one line each
    for svg in (wide[0], narrow[0]):
        assert {g["data-actor"] for g in svg.select("g.xp-node")} == set(explainer.actors)
        assert len(svg.select("path.xp-tie-line")) == len(words.find_all("li", recursive=False))
    cards = soup.select("ul.xp-cards > li.xp-card")
    assert len(cards) == len(explainer.actors)
    russia = next(c for c in cards if c.select_one(".xp-card-head").get_text() == "Russia")
    assert "Backs Syrian government (Assad) since 1956, until 8 December 2024" in russia.get_text(" ", strip=True)
    assert all(li.select("a.xp-cite") for li in russia.select("li"))
    help_line = soup.select_one(".xp-graph-box .xp-graph-help")
    assert help_line.has_attr("hidden")  # shown by the script, which makes the actors buttons
