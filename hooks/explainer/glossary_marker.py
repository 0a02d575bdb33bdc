"""Mark glossary terms in rendered pages so Material shows their short definition as a tooltip.

A Python-Markdown tree processor, modelled on `markdown.extensions.abbr`: one regular expression of
every written form (longest first), a walk of the element tree that leaves code, headings and link
text alone, and an `<abbr title tabindex>` around each hit so mouse and keyboard users both get the
tooltip. Unlike `abbr`, it knows variants, plurals and a case rule per term, forgives curly versus
straight quotes and dash variants, and marks the first hit of each written form per page (every
hit on the article page).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .anchors import fold
from .model import Term

# Text inside these is never marked: code, headings (and so the TOC), links, existing marks.
SKIP_TAGS = frozenset({"code", "pre", "kbd", "samp", "a", "abbr", "h1", "h2", "h3", "h4", "h5", "h6",
                       "script", "style", "svg", "button", "dfn", "title"})
SKIP_CLASS = "xp-nomark"

_QUOTE_CLASS = "['\u2018\u2019\u201b\u2032`\u00b4]"
_DASH_CLASS = "[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]"


def _key(text: str) -> str:
    return fold(text)[0]


def _form_atoms(form: str, insensitive: bool) -> list[str]:
    """A form as regex pieces, one per character, forgiving quote style, dash style and spacing."""
    atoms = []
    for ch in fold(form)[0]:
        if ch == "'":
            atoms.append(_QUOTE_CLASS)
        elif ch == "-":
            atoms.append(_DASH_CLASS)
        elif ch == " ":
            atoms.append(r"\s+")
        elif insensitive and ch.lower() != ch.upper():
            atoms.append(f"(?i:{re.escape(ch)})")
        else:
            atoms.append(re.escape(ch))
    return atoms


def _trie_pattern(forms: list[list[str]]) -> str:
    """One regex of all forms, as a trie: `ab(?:c|d)` instead of `abc|abd`.

    A flat alternation makes the regex try every form at every word start, so marking grows with
    pages x terms; the trie tries one branch per character. Longer forms are still preferred: at
    each step the branch holding the longest form comes first, and ending a form is tried last.
    """
    root: dict = {}
    for atoms in forms:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[None] = {}

    def emit(node: dict) -> tuple[str, int]:
        """The node's pattern, and the length of the longest form below it."""
        branches = sorted(((key, *emit(child)) for key, child in node.items() if key is not None),
                          key=lambda b: (-b[2], b[0]))
        if not branches:
            return "", 0
        alternatives = [key + pattern for key, pattern, _ in branches]
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return (f"(?:{body})?" if None in node else body), 1 + branches[0][2]

    return emit(root)[0]


class GlossaryIndex:
    """Every written form of every term, compiled once per build into one regex."""

    def __init__(self, terms: list[Term]):
        self.terms = {t.id: t for t in terms}
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        alternatives = []
        for term in terms:
            for form in term.forms():
                insensitive = term.case == "insensitive"
                if insensitive:
                    self._folded[_key(form).casefold()] = term.id
                else:
                    self._exact[_key(form)] = term.id
                alternatives.append(_form_atoms(form, insensitive))
        body = _trie_pattern(alternatives) or r"(?!x)x"
        self.regex = re.compile(rf"(?<![\w\u0100-\u024f])(?:{body})(?![\w\u0100-\u024f])")

    def term_of(self, matched: str) -> Term | None:
        key = _key(matched)
        term_id = self._exact.get(key) or self._folded.get(key.casefold())
        return self.terms.get(term_id) if term_id else None

    def terms_in(self, text: str) -> set[str]:
        """Ids of the terms that `text` uses, for the glossary's "used in" lists."""
        found = set()
        for match in self.regex.finditer(text):
            term = self.term_of(match.group(0))
            if term:
                found.add(term.id)
        return found


class GlossaryTreeprocessor(Treeprocessor):
    def __init__(self, md, extension: "GlossaryExtension"):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        index = self.extension.index
        if index is None:
            return
        self.index = index
        self.every = self.extension.every
        self.seen: set[str] = set()
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        skip = element.tag in SKIP_TAGS or SKIP_CLASS in (element.get("class") or "").split()
        if skip:
            return
        # The children as they were: the marks made here are not walked again, and the new list of
        # children is built in one pass (an insert at a searched position per child is O(children²)).
        children = list(element)
        marked: list[etree.Element] = []
        if element.text and not isinstance(element.text, AtomicString):
            element.text, marked = self._mark(element.text)
        changed = bool(marked)
        for child in children:
            self._walk(child)
            marked.append(child)
            if child.tail and not isinstance(child.tail, AtomicString):
                child.tail, inserted = self._mark(child.tail)
                if inserted:
                    marked += inserted
                    changed = True
        if changed:
            element[:] = marked

    def _mark(self, text: str) -> tuple[str, list[etree.Element]]:
        """Split `text` into leading text and `<abbr>` elements whose tails carry the rest."""
        nodes: list[etree.Element] = []
        head = text
        last = 0
        for match in self.index.regex.finditer(text):
            term = self.index.term_of(match.group(0))
            # The first use of each written form: a variant further down a page that used the headword is
            # still explained.
            form = _key(match.group(0)).casefold()
            if term is None or (not self.every and form in self.seen):
                continue
            self.seen.add(form)
            node = etree.Element("abbr", {"class": "xp-term", "data-term": term.id, "tabindex": "0",
                                          "title": term.short})
            node.text = AtomicString(match.group(0))
            if nodes:
                nodes[-1].tail = text[last : match.start()]
            else:
                head = text[: match.start()]
            nodes.append(node)
            last = match.end()
        if nodes:
            nodes[-1].tail = text[last:]
        return head, nodes


class GlossaryExtension(Extension):
    """Holds the current build's glossary; the hook swaps `index` each build and sets `every` per page."""

    def __init__(self, **kwargs):
        self.index: GlossaryIndex | None = None
        self.every = False
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        # After inline parsing (20) so links and code exist as elements; before toc (5).
        md.treeprocessors.register(GlossaryTreeprocessor(md, self), "explainer_glossary", 7)
