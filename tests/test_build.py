"""Build the site from the small invented data set and check the HTML as a reader's browser gets it."""

from __future__ import annotations

import filecmp
import shutil

from conftest import MINI, ROOT, build_site
from helpers import edit
from site_pages import content, html_files, note_links, page, resolve, words_of


def test_article_is_verbatim_and_paragraphs_are_addressable(mini_build):
    soup = page(mini_build.site, "articles/river-dispute/")
    assert words_of(soup.select_one("#p-opening")) == "The North Council signed the Guild's Pact on Sunday – a “historic” day, says the NC. It is a deal."
    assert "xp-caption" in soup.select_one("#p-caption-gate .xp-paragraph")["class"]


def test_quote_links_go_to_the_words_and_back(mini_build):
    site = mini_build.site
    actor_file = site / "actors/north-council/index.html"
    links = content(page(site, "actors/north-council/")).select(".xp-cover blockquote a")
    assert len(links) == 3
    for link in links:
        target_file, fragment = resolve(site, actor_file, link["href"])
        span = page(site, str(target_file.relative_to(site))).find(id=fragment)
        assert span is not None and "xp-quote" in span["class"], link["href"]
        assert link.get_text()[1:-1] == words_of(span)
        back = note_links(page(site, str(target_file.relative_to(site))), "about-" + fragment)
        assert len(back) == 1
        # The card is about these words, and sits with the paragraph that holds them.
        assert back[0].find_parent(class_="xp-notecard")["data-span"] == fragment
        assert back[0].find_parent(class_="xp-para") is span.find_parent(class_="xp-para")
        back_file, back_fragment = resolve(site, target_file, back[0]["href"])
        assert back_file == actor_file and page(site, "actors/north-council/").find(id=back_fragment) is not None


def test_correction_is_on_the_explainer_and_at_the_words(mini_build):
    actor = page(mini_build.site, "actors/north-council/")
    cover = actor.find(id="about-q-north-council--signed-the-guild-s-pact-on-sunda")
    assert "It was signed on a Monday" in cover.select_one(".admonition.warning").get_text()
    article = page(mini_build.site, "articles/river-dispute/")
    (card,) = article.select(".xp-notecard-correction")
    assert card["data-span"] == "q-north-council--signed-the-guild-s-pact-on-sunda"
    assert card.select_one(".xp-correction").get_text().startswith("Correction: It was signed on a Monday")


def test_crossing_and_nested_quotes_keep_text_order(mini_build):
    paragraph = page(mini_build.site, "articles/river-dispute/").select_one("#p-sluices")
    quotes = paragraph.select("span.xp-quote")
    assert [q.get("id") for q in quotes] == ["q-river-guild--the-river-guild-controls-the-slu", "q-north-council--the-sluices"]
    assert quotes[1].find_parent("span", class_="xp-quote") is quotes[0]


def test_glossary_marks_on_every_page_but_never_in_headings_code_links_or_nav(mini_build):
    site = mini_build.site
    for file in html_files(site):
        soup = page(site, str(file.relative_to(site)))
        bad = soup.select("h1 abbr.xp-term, h2 abbr.xp-term, h3 abbr.xp-term, a abbr.xp-term, code abbr.xp-term, "
                          ".md-nav abbr.xp-term, .md-header abbr.xp-term, title abbr")
        assert bad == [], file
    article = content(page(site, "articles/river-dispute/"))
    marked = [(a.get_text(), a["data-term"]) for a in article.select("abbr.xp-term")]
    assert ("NC", "north-council") in marked and ("Irrigation Service", "is-acronym") in marked
    assert [m for m in marked if m[1] == "sluice"] == [("sluice", "sluice"), ("Sluices", "sluice"), ("sluices", "sluice"), ("sluices", "sluice"), ("sluices", "sluice")]
    assert not [m for m in marked if m[0].casefold() == "is"], "the verb 'is' must never be marked"
    actor = content(page(site, "actors/north-council/"))
    assert [a.get_text() for a in actor.select("abbr.xp-term")].count("North Council") == 1


def test_index_and_glossary_pages(mini_build):
    index = content(page(mini_build.site, "actors/"))
    assert [h.get_text().strip("¶ ") for h in index.select("h2")] == ["Councils", "Guilds"]
    assert "not named in the article" in index.get_text()
    glossary = content(page(mini_build.site, "glossary/"))
    assert [h["id"] for h in glossary.select("h2")] == ["guild-pact", "is-acronym", "north-council", "sluice"]
    entry = glossary.find(id="north-council").find_next("p")
    assert "Nørth Council (the old spelling)" in entry.get_text()
    assert "governs the northern valley" in entry.find_next("p").get_text()  # the definition is its own paragraph


def test_two_builds_are_byte_identical(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = build_site(tmp_path / "a", MINI), build_site(tmp_path / "b", MINI)
    assert first.returncode == 0 and second.returncode == 0
    compared = filecmp.dircmp(first.site, second.site)

    def differences(cmp) -> list[str]:
        out = [f"{cmp.left}/{name}" for name in cmp.diff_files + cmp.left_only + cmp.right_only]
        for sub in cmp.subdirs.values():
            out += differences(sub)
        return out

    files = [p for p in first.site.rglob("*") if p.is_file()]
    assert len(files) > 20
    for path in files:
        assert path.read_bytes() == (second.site / path.relative_to(first.site)).read_bytes(), path
    assert differences(compared) == []


def test_bad_data_stops_the_build_with_file_and_line_and_keeps_the_old_site(mini_data, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous good build", encoding="utf-8")
    edit(mini_data / "actors/river-guild.yaml", "quote: Guild's Pact", "quote: Guild's Pakt")
    build = build_site(tmp_path, mini_data, site_dir=site)
    assert build.returncode != 0
    assert "data/actors/river-guild.yaml:" in build.output and "covers[0].quote: quote not found" in build.output
    assert "Traceback" not in build.output
    assert (site / "index.html").read_text(encoding="utf-8") == "previous good build"
    assert [p.name for p in site.iterdir()] == ["index.html"]


def test_strict_build_checks_anchors_into_generated_pages(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "links.md").write_text(
        "[good](articles/river-dispute.md#q-river-guild--guild-s-pact) [bad](articles/river-dispute.md#q-no-such-quote)\n",
        encoding="utf-8")
    build = build_site(tmp_path, MINI, extra_config={"docs_dir": str(docs)})
    assert build.returncode != 0
    assert "q-no-such-quote" in build.output and "q-river-guild--guild-s-pact" not in build.output


def test_without_a_nav_the_hand_written_pages_stay(tmp_path):
    build = build_site(tmp_path, MINI, extra_config={"nav": None})
    assert build.returncode == 0, build.output
    top = page(build.site, "").select("nav.md-nav--primary > ul > li > a")
    links = [a.get_text().strip() for a in top]
    assert top[0]["href"] in (".", "./") and "About this site" in links and "For teachers" in links


def test_source_links_with_brackets_and_markdown_in_correction_tooltips(mini_data, tmp_path):
    edit(mini_data / "sources.yaml", "url: https://example.org/gazette/water-pact", "url: https://example.org/wiki/Pact_(2020")
    edit(mini_data / "actors/north-council.yaml", "correction: It was signed on a Monday, according to the Gazette.",
         "correction: It was signed on a Monday, according to [the Gazette](https://example.org/g).")
    build = build_site(tmp_path, mini_data)
    assert build.returncode == 0, build.output
    actor = page(build.site, "actors/north-council/")
    assert [a["href"] for a in actor.select("#source-gazette-2020 ~ a, li:has(> #source-gazette-2020) a")] == [
        "https://example.org/wiki/Pact_%282020"]
    (card,) = page(build.site, "articles/river-dispute/").select(".xp-notecard-correction .xp-correction")
    assert card.get_text() == "Correction: It was signed on a Monday, according to the Gazette."


SECOND_ARTICLE = """id: second-look
title: "A Second Look"
genre: news report
provenance: Invented for the tests.
paragraphs:
  - id: lead
    text: The River Guild and the North Council met again on Friday.
"""


def test_a_second_article_is_a_data_file_not_a_code_change(mini_data, tmp_path):
    """Adding an article to a one-article data folder needs no edit of the files already there: each
    quote without `article:` is found in the one article that has its words."""
    from helpers import problems_of

    (mini_data / "articles/second-look.yaml").write_text(SECOND_ARTICLE, encoding="utf-8")
    assert problems_of(mini_data) == []
    edit(mini_data / "actors/river-guild.yaml", "covers:\n",
         "covers:\n  - paragraph: lead\n    quote: met again on Friday\n")
    # Words both articles hold need `article:`, and the message says so.
    second = mini_data / "articles/second-look.yaml"
    second.write_text(SECOND_ARTICLE + "  - id: opening\n    text: Both signed the Guild's Pact, again.\n", encoding="utf-8")
    assert any("in more than one article; say which with `article:` (one of: river-dispute, second-look)" in m
               for m in problems_of(mini_data))
    second.write_text(SECOND_ARTICLE, encoding="utf-8")
    build = build_site(tmp_path, mini_data)
    assert build.returncode == 0, build.output
    index = content(page(build.site, "articles/"))
    assert [a.get_text() for a in index.select("li a")] == ["The River Dispute", "A Second Look"]
    guild = content(page(build.site, "actors/river-guild/"))
    targets = [a["href"].split("#")[0] for a in guild.select(".xp-cover blockquote a")]
    assert "../../articles/second-look/" in targets and "../../articles/river-dispute/" in targets
    second = page(build.site, "articles/second-look/")
    assert second.find(id="q-river-guild--met-again-on-friday").get_text() == "met again on Friday"


def test_search_indexes_the_words_of_glossary_marks_as_plain_text(mini_build):
    """Search reads the pages with their marks: the index holds the marked words, never the markup."""
    import json

    index = json.loads((mini_build.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(doc["text"] for doc in index["docs"])
    assert "North Council" in texts and "xp-term" not in texts and "<abbr" not in texts
