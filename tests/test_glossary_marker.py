"""Glossary marking on Markdown, without MkDocs: variants, case rules, plurals and the places left alone."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from pydantic import ValidationError

from explainer.glossary_marker import GlossaryExtension, GlossaryIndex
from explainer.model import Term

TERMS = [
    Term(id="isis", term="ISIS", variants=["ISIL", "IS", "Islamic State", {"name": "Daesh", "note": "opponents"}],
         short="A jihadist group.", definition="Long text."),
    Term(id="peshmerga", term="Peshmerga", variants=["Peshmergha"], case="insensitive",
         short="Kurdish forces of northern Iraq.", definition="Long text."),
    Term(id="sortie", term="sortie", case="insensitive", plurals=["sorties"], short="One flight by one aircraft.",
         definition="Long text."),
    Term(id="cnpc", term="CNPC", variants=["China’s National Petroleum Corporation"], short="A Chinese state oil company.",
         definition="Long text."),
]


def render(text: str, every: bool = False) -> BeautifulSoup:
    extension = GlossaryExtension()
    extension.index = GlossaryIndex(TERMS)
    extension.every = every
    html = markdown.markdown(text, extensions=[extension, "attr_list", "toc"])
    return BeautifulSoup(html, "html.parser")


def marked(soup: BeautifulSoup) -> list[tuple[str, str]]:
    return [(a.get_text(), a["data-term"]) for a in soup.select("abbr.xp-term")]


def test_every_variant_is_marked_with_tooltip_and_focus():
    soup = render("Daesh, also ISIL and the Islamic State; the Peshmergha fly sorties.", every=True)
    assert marked(soup) == [("Daesh", "isis"), ("ISIL", "isis"), ("Islamic State", "isis"),
                            ("Peshmergha", "peshmerga"), ("sorties", "sortie")]
    first = soup.select_one("abbr.xp-term")
    assert first["title"] == "A jihadist group." and first["tabindex"] == "0"


def test_case_rule_keeps_the_verb_is_unmarked():
    soup = render("This is what IS is. Is it? THE PESHMERGA is here.", every=True)
    assert marked(soup) == [("IS", "isis"), ("PESHMERGA", "peshmerga")]


def test_only_whole_words():
    assert marked(render("ISISLAND and DaeshX and sortied", every=True)) == []


def test_first_occurrence_of_each_form_by_default():
    soup = render("ISIS and ISIL, then ISIS again and ISIL. Sorties, sorties and a sortie.")
    assert marked(soup) == [("ISIS", "isis"), ("ISIL", "isis"), ("Sorties", "sortie"), ("sortie", "sortie")]


def test_curly_apostrophe_forgiven():
    soup = render("China's National Petroleum Corporation (NPC)")
    assert marked(soup) == [("China's National Petroleum Corporation", "cnpc")]


def test_code_headings_and_links_are_left_alone():
    soup = render("# ISIS in a heading\n\n`ISIS` in code and [ISIS in a link](x.md)\n\n    ISIS in a block\n\nDaesh here.")
    assert marked(soup) == [("Daesh", "isis")]
    assert soup.h1.find("abbr") is None and soup.code.find("abbr") is None


def test_text_around_marks_is_kept_in_order():
    soup = render("Before ISIS middle *Daesh* after.", every=True)
    assert soup.p.get_text() == "Before ISIS middle Daesh after."


def _index_of(*terms: Term) -> GlossaryExtension:
    extension = GlossaryExtension()
    extension.index = GlossaryIndex(list(terms))
    extension.every = True
    return extension


def test_an_insensitive_first_letter_matches_in_every_case_the_regex_engine_knows():
    terms = [Term(id="site", term="site", case="insensitive", short="s.", definition="d."),
             Term(id="dz", term="ǆemal", case="insensitive", short="d.", definition="d."),
             Term(id="micro", term="µg", case="insensitive", short="m.", definition="d.")]
    html = markdown.markdown("site, Site, SITE, ſite; ǆemal, ǅemal, Ǆemal; µg, μg.", extensions=[_index_of(*terms)])
    found = [a.get_text() for a in BeautifulSoup(html, "html.parser").select("abbr.xp-term")]
    assert found == ["site", "Site", "SITE", "ſite", "ǆemal", "ǅemal", "Ǆemal", "µg", "μg"]


def test_the_longest_form_wins_whatever_the_case_of_its_first_letter():
    gate = Term(id="gate", term="gate", variants=["Gate's Pass"], case="insensitive", short="g.", definition="d.")
    html = markdown.markdown("Over GATE'S PASS, then the gate.", extensions=[_index_of(gate)])
    assert [a.get_text() for a in BeautifulSoup(html, "html.parser").select("abbr.xp-term")] == ["GATE'S PASS", "gate"]


def test_a_form_cannot_hold_a_control_character():
    """The marker joins a page's texts with NUL: no form may contain one (a YAML "\\0" escape could)."""
    with pytest.raises(ValidationError, match=r"control character \(0x00"):
        Term(id="odd", term="North\0Council", short="o.", definition="d.")


