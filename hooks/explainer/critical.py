"""Words and structured data for the critical-reading pages: claim labels and ClaimReview JSON-LD."""

from __future__ import annotations

import json
import posixpath

from .markup import plain_text
from .aggregate import Explainer

TYPE_LABELS = {
    "reported-fact": "Reported fact",
    "opinion": "Opinion",
    "prediction": "Prediction",
    "loaded-language": "Loaded language",
    "mixed": "Mixed",
}
TYPE_HELP = {
    "reported-fact": "Tells what happened or what someone said: it can be checked against other reports.",
    "opinion": "The author's view or judgement: it can be discussed, not proved right or wrong.",
    "prediction": "Says what will happen: it can only be checked later.",
    "loaded-language": "Wording that pushes a view through the words chosen, not through evidence.",
    "mixed": "A fact and an opinion (or prediction) in one sentence: check each part separately.",
}
VERDICT_LABELS = {
    "supported": "Supported",
    "partly-supported": "Partly supported",
    "unsupported": "Unsupported",
    "disputed": "Disputed",
    "opinion": "Not checkable: opinion",
    "not-verified": "Not verified",
}
VERDICT_HELP = {
    "supported": "Reliable sources agree with it.",
    "partly-supported": "Some of it is right, some is wrong, exaggerated or missing context.",
    "unsupported": "The sources found say otherwise, or nothing backs it.",
    "disputed": "Informed sources disagree, or it states an unconfirmed report as certain.",
    "opinion": "A view, not a fact: there is nothing to check, but you can weigh it.",
    "not-verified": "Not checked yet: no source was found either way.",
}
# A symbol next to each verdict's words, so the label never relies on colour (also in black and white).
VERDICT_ICONS = {
    "supported": "✓",
    "partly-supported": "◐",
    "unsupported": "✗",
    "disputed": "⇄",
    "opinion": "◇",
    "not-verified": "?",
}
# For ClaimReview's reviewRating: a 1-5 scale, best 5; opinions and unchecked claims get no rating
# (an opinion's checked premise does, as a review of that premise).
RATING_VALUES = {"supported": 5, "partly-supported": 3, "disputed": 2, "unsupported": 1}


# An opinion is never judged right or wrong; when it rests on a checkable fact (its `premise:`), that
# fact's verdict is shown beside it, in these words.
PREMISE_TEXT = "Opinion; its premise: {verdict}"
PREMISE_LEGEND = {
    "badge": PREMISE_TEXT.format(verdict="…"),
    "name": "Opinion, its premise checked",
    "help": "An opinion that rests on a fact: the opinion itself is not judged, but the fact it takes for "
            "granted is checked and gets its own verdict (one of those above).",
}


def verdict_text(claim) -> str:
    """The one label every page shows for a claim's verdict: "Supported", "Not checkable: opinion",
    or, for an opinion whose premise was checked, "Opinion; its premise: disputed"."""
    premise = getattr(claim, "premise", None)
    if premise is not None:
        return PREMISE_TEXT.format(verdict=VERDICT_LABELS[premise.verdict.value].lower())
    return VERDICT_LABELS[claim.verdict.value]


def verdict_key(claim) -> str:
    """A stable key for the label, for filters and CSS: "disputed", "opinion", "opinion-premise-disputed"."""
    premise = getattr(claim, "premise", None)
    return f"opinion-premise-{premise.verdict.value}" if premise is not None else claim.verdict.value


def verdict_counts(claims) -> list[tuple[str, str, str, int]]:
    """(key, label, icon, how many) for each label in use: the verdicts' order, each opinion-with-premise
    label after plain opinions."""
    order = []
    for v in VERDICT_LABELS:
        order.append((v, VERDICT_LABELS[v], VERDICT_ICONS[v]))
        if v == "opinion":
            order += [(f"opinion-premise-{p}", PREMISE_TEXT.format(verdict=VERDICT_LABELS[p].lower()), VERDICT_ICONS[v])
                      for p in VERDICT_LABELS if p != "opinion"]
    keys = [verdict_key(c) for c in claims]
    return [(key, label, icon, keys.count(key)) for key, label, icon in order if key in keys]


def claim_label(claim_id: str) -> str:
    return claim_id.upper()


def page_url(path: str, directory_urls: bool) -> str:
    """The URL path MkDocs gives a docs-relative page path ("claims.md" -> "claims/" or "claims.html")."""
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/" if directory_urls else f"{stem}.html"


def claim_review_jsonld(explainer: Explainer, paths: dict[str, str], quotes: dict[str, str], *,
                        site_url: str | None, site_name: str | None, directory_urls: bool) -> str:
    """schema.org ClaimReview for every checkable claim, as the text of a `<script type=application/ld+json>`.

    URLs are absolute when the site has a `site_url`, otherwise relative to the claims page (valid
    JSON-LD: relative IRIs resolve against the page). `</` is escaped so the data cannot close the
    script element.
    """
    claims_url = page_url(paths["claims"], directory_urls)

    def url(key: str, fragment: str = "") -> str:
        target = page_url(paths[key], directory_urls)
        if site_url:
            full = site_url.rstrip("/") + "/" + target
        elif target == claims_url:
            full = ""
        else:
            here = claims_url if claims_url.endswith("/") else posixpath.dirname(claims_url)
            full = posixpath.relpath(target.rstrip("/") or ".", here.rstrip("/") or ".")
            full += "/" if target.endswith("/") else ""
        return full + (f"#{fragment}" if fragment else "")

    graph = []
    for claim in explainer.claims.values():
        # An opinion is not rated; when its premise was checked, the review is of that premise, in our words.
        judged = claim.premise if claim.premise is not None else claim
        if judged.verdict.value not in RATING_VALUES:
            continue
        span = explainer.span_of("claim", claim.id)
        if span is None:
            continue
        article = explainer.articles[span.article]
        review = {
            "@type": "ClaimReview",
            "url": url("claims", claim.id),
            "claimReviewed": claim.premise.statement if claim.premise is not None else quotes[claim.id],
            "reviewBody": plain_text(claim.explanation),
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": RATING_VALUES[judged.verdict.value],
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": VERDICT_LABELS[judged.verdict.value],
            },
            "itemReviewed": {
                "@type": "Claim",
                "appearance": {
                    "@type": "OpinionNewsArticle" if "opinion" in (article.genre or "").casefold() else "CreativeWork",
                    "headline": article.title,
                    "url": url(f"article:{article.id}", f"claim-{claim.id}"),
                    **({"author": {"@type": "Person", "name": article.author}} if article.author else {}),
                },
            },
        }
        if site_name:
            review["author"] = {"@type": "Organization", "name": site_name}
        graph.append(review)
    text = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False, indent=1, sort_keys=True)
    return text.replace("</", "<\\/")
