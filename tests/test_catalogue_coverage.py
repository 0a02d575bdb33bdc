"""Every word the generator writes comes from its catalogue (hooks/explainer/texts/en.yaml).

The real site is built with a unit that replaces every catalogue text by a pseudo-translation: the
same words with accented letters ("Ŵĥáť ťĥé áŕťíçĺé..."), as translators' tools test software before
a second language. Any plain-letter word left on a page is then either the site's own data (the
article, the actors, the glossary...) or a text written in code or a template, which a second
language could not reach: the test names each one and the page it is on.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from babel.dates import get_month_names
from bs4 import BeautifulSoup, Comment

from conftest import REAL_DATA, ROOT, build_site
from explainer.render import page_url

DOCS = ROOT / "docs"

PLAIN, PSEUDO = ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                 "áƀçďéƒĝĥíĵķĺɱńóƥɋŕšťúṽŵẋýžÁƁÇĎÉƑĜĤÍĴĶĹṀŃÓƤɊŔŠŤÚṼŴẊÝŽ")
ACCENTED = str.maketrans(PLAIN, PSEUDO)
# Kept as they are in a text: placeholders, Markdown link targets and HTML entities.
KEPT = re.compile(r"\{[^}]*\}|\]\([^)]*\)|&\w+;")
# The words of a page a reader meets as text: element text and these attributes.
READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "aria-description", "aria-roledescription")
LETTERS = re.compile(r"[A-Za-z]{2,}")


def pseudo(text: str) -> str:
    """`text` with every plain letter accented, its placeholders and link targets untouched."""
    out, last = [], 0
    for kept in KEPT.finditer(text):
        out += [text[last:kept.start()].translate(ACCENTED), kept.group()]
        last = kept.end()
    return "".join(out + [text[last:].translate(ACCENTED)])


def _leaves(texts: dict, prefix: str = ""):
    for key, value in texts.items():
        if isinstance(value, dict):
            yield from _leaves(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def _strings(value) -> list[str]:
    """Every string in a YAML document: the site's own words, which may stand on any page."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.fixture(scope="module")
def pseudo_site(tmp_path_factory):
    from explainer.catalogue import TEXTS

    tmp = tmp_path_factory.mktemp("pseudo")
    data = tmp / "data"
    shutil.copytree(REAL_DATA, data)
    unit = yaml.safe_load((data / "unit.yaml").read_text(encoding="utf-8"))
    replaced, kept = {}, []
    for key, value in _leaves(TEXTS):
        if not isinstance(value, str):
            continue
        if "<" in value:  # a text with HTML in it cannot come from data: it stays English here
            kept.append(value)
            continue
        replaced[key] = pseudo(" ".join(value.split()))  # a site's texts are one line each
    unit["texts"] = replaced
    (data / "unit.yaml").write_text(yaml.safe_dump(unit, allow_unicode=True, sort_keys=True), encoding="utf-8")
    build = build_site(tmp, data)
    assert build.returncode == 0, build.output
    own = [s for path in sorted(REAL_DATA.rglob("*.yaml")) for s in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))]
    months = [m for width in ("wide", "abbreviated") for m in get_month_names(width, locale="en").values()]
    return build.site, _normal("\x00".join(own + kept + months))


def _normal(text: str) -> str:
    """Text as a page shows it, to compare: one space for any run of them, no emphasis marks, any case."""
    return re.sub(r"[ \t\n]+", " ", text.replace("*", "")).casefold()


def _read_words(soup: BeautifulSoup) -> list[str]:
    """The texts of a page's content a reader meets: its words and the names of its controls."""
    content = soup.select_one("main .md-content")
    for hidden in content.select("script, style, code, a.headerlink"):
        hidden.decompose()
    texts = [str(s) for s in content.find_all(string=True) if not isinstance(s, Comment)]
    texts += [el[a] for el in content.find_all(True) for a in READ_ATTRIBUTES if el.get(a)]
    return texts


def test_every_word_the_generator_writes_comes_from_the_catalogue(pseudo_site):
    site, own = pseudo_site
    leaks: dict[str, set[str]] = {}
    # The site's hand-written pages (docs/) are its own content, like its data.
    own_pages = {page_url(p.relative_to(DOCS).as_posix(), True) + "index.html" for p in DOCS.rglob("*.md")}
    pages = [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).as_posix() not in own_pages]
    assert len(pages) > 30
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if soup.select_one("main .md-content") is None:
            continue
        for text in _read_words(soup):
            # The pseudo-translated words are the catalogue's; between them stands the data.
            # Data joined in code by punctuation ("name: note", "title (date)") counts as data.
            for piece in re.split(rf"[{PSEUDO}]+|[.,:;]\s|\s\(|\)\s?|…|\s[–—·]\s|\s“", text):
                piece = piece.strip(" \n\t.,:;!?()[]“”\"'‘’–—-·/|%+×#*0123456789")
                if LETTERS.search(piece) and _normal(piece) not in own:
                    leaks.setdefault(piece, set()).add(path.relative_to(site).as_posix())
    shown = "\n".join(f"  {piece!r} on {', '.join(sorted(where)[:3])}" + (f" and {len(where) - 3} more" if len(where) > 3 else "")
                      for piece, where in sorted(leaks.items()))
    assert not leaks, f"{len(leaks)} texts on the pages are not in the catalogue:\n{shown}"
