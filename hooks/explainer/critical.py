"""Words and structured data for the critical-reading pages: claim labels and ClaimReview JSON-LD."""

from __future__ import annotations

import json
import posixpath

from . import model
from .markup import plain_text
from .aggregate import Explainer
from .catalogue import TEXTS

# The closed sets' keys, in the catalogue's order; their words come from the site's merged texts.
TYPE_LABELS = TEXTS["claim_types"]
VERDICT_LABELS = TEXTS["verdicts"]
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
# The schema.org type of the text a claim appears in, by the article's form (a statement has none of its own).
APPEARANCE_TYPES = {model.ArticleForm.opinion: "OpinionNewsArticle", model.ArticleForm.news: "NewsArticle",
                    model.ArticleForm.analysis: "AnalysisNewsArticle", model.ArticleForm.statement: "CreativeWork"}


def appearance_type(article) -> str:
    """An article without a form is an opinion piece when its genre says so, else a creative work."""
    if article.form is not None:
        return APPEARANCE_TYPES[article.form]
    return "OpinionNewsArticle" if "opinion" in (article.genre or "").casefold() else "CreativeWork"


def claim_words(texts: dict) -> dict:
    """What templates call the claim types and verdicts, from the site's merged texts. An opinion is
    never judged right or wrong; when it rests on a checkable fact (its `premise:`), that fact's verdict
    is shown beside it (`premise_legend`)."""
    premise = texts["premise"]
    return {"claim_types": texts["claim_types"], "claim_type_help": texts["claim_type_help"],
            "verdicts": texts["verdicts"], "verdict_help": texts["verdict_help"],
            "premise_legend": {"badge": premise["text"].format(verdict="…"), "name": premise["name"], "help": premise["help"]}}


def _premise_text(verdict: str, texts: dict) -> str:
    return texts["premise"]["text"].format(verdict=texts["verdicts"][verdict].lower())


def verdict_text(claim, texts: dict = TEXTS) -> str:
    """The one label every page shows for a claim's verdict: "Supported", "Not checkable: opinion",
    or, for an opinion whose premise was checked, "Opinion; its premise: disputed"."""
    premise = getattr(claim, "premise", None)
    if premise is not None:
        return _premise_text(premise.verdict.value, texts)
    return texts["verdicts"][claim.verdict.value]


def verdict_key(claim) -> str:
    """A stable key for the label, for filters and CSS: "disputed", "opinion", "opinion-premise-disputed"."""
    premise = getattr(claim, "premise", None)
    return f"opinion-premise-{premise.verdict.value}" if premise is not None else claim.verdict.value


def verdict_counts(claims, texts: dict = TEXTS) -> list[tuple[str, str, str, int]]:
    """(key, label, icon, how many) for each label in use: the verdicts' order, each opinion-with-premise
    label after plain opinions."""
    order = []
    for v in VERDICT_LABELS:
        order.append((v, texts["verdicts"][v], VERDICT_ICONS[v]))
        if v == "opinion":
            order += [(f"opinion-premise-{p}", _premise_text(p, texts), VERDICT_ICONS[v])
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
                        site_url: str | None, site_name: str | None, directory_urls: bool, texts: dict = TEXTS) -> str:
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
                "alternateName": texts["verdicts"][judged.verdict.value],
            },
            "itemReviewed": {
                "@type": "Claim",
                "appearance": {
                    "@type": appearance_type(article),
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
