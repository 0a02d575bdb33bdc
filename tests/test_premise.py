"""An opinion is not judged right or wrong; the checkable fact it rests on (its premise) is.

The rule in the data, the messages that enforce it, the one label every page shows, and the
ClaimReview structured data, which rates the premise and never the opinion.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from conftest import build_site
from explainer.critical import verdict_key, verdict_text
from explainer.model import Verdict
from helpers import edit, line_of, problems_of
from site_pages import content, page

CLAIMS = "data/claims.yaml"
# c02 of the invented data is an opinion; here it rests on a fact the almanac disputes.
WITH_PREMISE = """    type: opinion
    verdict: opinion
    premise:
      statement: The pact changed who controls the river.
      verdict: disputed
    explanation: Whether a day is historic is a judgement, not a fact.
    sources: [almanac]
"""
PLAIN_OPINION = """    type: opinion
    verdict: opinion
    explanation: Whether a day is historic is a judgement, not a fact.
"""


def _claim(verdict: str, premise: str | None = None):
    return SimpleNamespace(verdict=Verdict(verdict),
                           premise=SimpleNamespace(verdict=Verdict(premise)) if premise else None)


def test_verdict_text_is_the_one_label():
    assert verdict_text(_claim("supported")) == "Supported"
    assert verdict_text(_claim("partly-supported")) == "Partly supported"
    assert verdict_text(_claim("opinion")) == "Not checkable: opinion"
    assert verdict_text(_claim("opinion", "disputed")) == "Opinion; its premise: disputed"
    assert verdict_text(_claim("opinion", "partly-supported")) == "Opinion; its premise: partly supported"
    assert verdict_key(_claim("opinion", "disputed")) == "opinion-premise-disputed"
    assert verdict_key(_claim("disputed")) == "disputed"


def test_an_opinion_with_a_truth_verdict_is_refused(mini_data: Path):
    path = mini_data / "claims.yaml"
    edit(path, PLAIN_OPINION, PLAIN_OPINION.replace("verdict: opinion", "verdict: disputed") + "    sources: [almanac]\n")
    assert problems_of(mini_data) == [
        f"{CLAIMS}:{line_of(path, 'verdict: disputed')}: claims[1].verdict: a claim of type `opinion` is not judged "
        "right or wrong: write `verdict: opinion`, and put `disputed` under `premise:` (with a `statement:` of the "
        "fact the opinion rests on)"]


def test_only_an_opinion_has_a_premise_and_a_premise_is_judged(mini_data: Path):
    path = mini_data / "claims.yaml"
    edit(path, "    verdict: partly-supported\n", "    verdict: partly-supported\n    premise:\n"
         "      statement: The pact was signed.\n      verdict: supported\n")
    edit(path, PLAIN_OPINION, WITH_PREMISE.replace("verdict: disputed", "verdict: opinion"))
    premise_line = line_of(path, "premise:")
    assert problems_of(mini_data) == [
        f"{CLAIMS}:{premise_line}: claims[0].premise: only an opinion (`verdict: opinion`) has a premise; this "
        "claim's own verdict (`partly-supported`) already judges it: remove `premise:`",
        f"{CLAIMS}:{line_of(path, 'statement: The pact changed') + 1}: claims[1].premise.verdict: a premise is a "
        "fact, so it is judged: use `supported`, `partly-supported`, `unsupported`, `disputed` or `not-verified`; "
        "if nothing in it can be checked, remove `premise:`",
    ]


def test_a_checked_premise_needs_sources(mini_data: Path):
    path = mini_data / "claims.yaml"
    edit(path, PLAIN_OPINION, WITH_PREMISE.replace("    sources: [almanac]\n", ""))
    assert problems_of(mini_data) == [
        f"{CLAIMS}:{line_of(path, '- id: c02')}: claims[1]: a claim whose premise is checked needs `sources:` for that check"]


def test_the_premise_is_shown_and_rated_never_the_opinion(mini_data: Path, tmp_path: Path):
    edit(mini_data / "claims.yaml", PLAIN_OPINION, WITH_PREMISE)
    build = build_site(tmp_path, mini_data)
    assert build.returncode == 0, build.output
    claims = page(build.site, "claims/")
    entry = content(claims).find(id="c02")
    assert entry["data-verdict"] == "opinion-premise-disputed"
    assert entry["data-verdict-label"] == "Opinion; its premise: disputed"
    assert entry.select_one(".xp-badge").get_text(" ", strip=True) == "◇ Opinion; its premise: disputed"
    premise = entry.select_one(".xp-premise")
    assert "The pact changed who controls the river." in premise.get_text() and "Disputed" in premise.get_text()
    # No page says "Opinion" and a truth verdict of the opinion itself.
    assert "Opinion · Disputed" not in claims.get_text()
    counts = {row.select("td")[0].get_text(" ", strip=True): row.select("td")[1].get_text()
              for row in content(claims).select("table")[0].select("tbody tr")}
    assert counts["◇ Opinion; its premise: disputed"] == "1"
    legend = content(claims).select_one(".xp-legend").get_text()
    assert "Opinion; its premise: …" in legend
    (script,) = claims.select('script[type="application/ld+json"]')
    reviews = {r["url"]: r for r in json.loads(script.string)["@graph"]}
    assert sorted(reviews) == ["#c01", "#c02", "#c03"]
    review = reviews["#c02"]
    assert review["claimReviewed"] == "The pact changed who controls the river."  # the premise, in our words
    assert review["reviewRating"]["alternateName"] == "Disputed"
    assert review["itemReviewed"]["@type"] == "Claim"
