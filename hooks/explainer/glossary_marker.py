"""Mark glossary terms in rendered pages so Material shows their short definition as a tooltip.

A Python-Markdown tree processor, modelled on `markdown.extensions.abbr`: one regular expression of
every written form (longest first), a walk of the element tree that leaves code, headings and link
text alone, and an `<abbr title tabindex>` around each hit so mouse and keyboard users both get the
tooltip. Unlike `abbr`, it knows variants, plurals and a case rule per term, forgives curly versus
straight quotes and dash variants, and marks the first hit of each written form per page (every
hit on the article page).
"""

from __future__ import annotations

import bisect
import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING, Iterable

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .anchors import fold

if TYPE_CHECKING:  # the index is built from checked terms, but a cached one needs no model (nor pydantic)
    from .model import Term

# Text inside these is never marked: code, headings (and so the TOC), links, existing marks.
SKIP_TAGS = frozenset({"code", "pre", "kbd", "samp", "a", "abbr", "h1", "h2", "h3", "h4", "h5", "h6",
                       "script", "style", "svg", "button", "dfn", "title"})
SKIP_CLASS = "xp-nomark"

_QUOTES = "'\u2018\u2019\u201b\u2032`\u00b4"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_QUOTE_CLASS = "[" + "".join(map(re.escape, _QUOTES)) + "]"
_DASH_CLASS = "[" + "".join(map(re.escape, _DASHES)) + "]"
# After a form's first character: the character before it is no letter (a look-behind over both, so
# that the regex can start with a class of first characters; see `_trie_pattern`).
_WORD_START = r"(?<![\w\u0100-\u024f][\s\S])"
_WORD_END = r"(?![\w\u0100-\u024f])"


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


def _first_chars(form: str, insensitive: bool) -> set[str]:
    """The characters a form's first atom matches.

    For a case-insensitive letter: its lower, upper and title case and the extra pairs Python's regex
    engine knows (ſ/s, µ/μ, ς/σ...), each kept only if the engine would match it. Compatibility signs
    that merely lower-case to a letter (the Kelvin sign K) are not among them.
    """
    ch = fold(form)[0][0]
    if ch == "'":
        return set(_QUOTES)
    if ch == "-":
        return set(_DASHES)
    if not (insensitive and ch.lower() != ch.upper()):
        return {ch}
    extra = getattr(getattr(re, "_casefix", None), "_EXTRA_CASES", {})
    candidates = {ch, ch.lower(), ch.upper(), ch.title()}
    for known in list(candidates):
        if len(known) == 1:
            for code in extra.get(ord(known.lower()), ()):
                candidates |= {chr(code), chr(code).upper(), chr(code).title()}
    atom = _form_atoms(ch, insensitive)[0]
    return {c for c in candidates if len(c) == 1 and re.fullmatch(atom, c)}


def _trie_pattern(forms: list[list[str]], first_chars: set[str]) -> str:
    """One regex of all forms, as a trie: `ab(?:c|d)` instead of `abc|abd`.

    A flat alternation makes the regex try every form at every word start, so marking grows with
    pages x terms; the trie tries one branch per character. Longer forms are still preferred: at
    each step the branch holding the longest form comes first, and ending a form is tried last.

    The regex starts with a class of every possible first character (`first_chars`), then checks the
    word start behind it, then picks the branch whose first atom matches that character (a
    look-behind). Starting with a class, it is searched by a fast scan for those characters, where a
    leading look-behind would be tried at every position of the page: a third less time.
    """
    root: dict = {}
    for atoms in forms:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[None] = {}

    def emit(node: dict, first: bool = False) -> tuple[str, int]:
        """The node's pattern, and the length of the longest form below it."""
        branches = sorted(((key, *emit(child)) for key, child in node.items() if key is not None),
                          key=lambda b: (-b[2], b[0]))
        if not branches:
            return "", 0
        alternatives = [(f"(?<={key})" if first else key) + pattern for key, pattern, _ in branches]
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return (f"(?:{body})?" if None in node else body), 1 + branches[0][2]

    if not root:
        return r"(?!x)x"
    first_class = "[" + "".join(re.escape(c) for c in sorted(first_chars)) + "]"
    return f"{first_class}{_WORD_START}(?:{emit(root, first=True)[0]}){_WORD_END}"


class GlossaryIndex:
    """Every written form of every term, compiled once per build into one regex.

    Holds plain values only (the pattern, the lookup tables, each term's tooltip), so that `state()`
    can be stored with the rendered pages and `from_state()` brings it back without the data.
    """

    def __init__(self, terms: Iterable[Term] = (), targets: dict[str, str] | None = None):
        # Where a term's preview leads ("More"): a docs-relative page path with an optional fragment.
        self.targets: dict[str, str] = dict(targets or {})
        self.shorts: dict[str, str] = {}
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        alternatives: list[list[str]] = []
        first_chars: set[str] = set()
        for term in terms:
            self.shorts[term.id] = term.short
            for form in term.forms():
                insensitive = term.case == "insensitive"
                if insensitive:
                    self._folded[_key(form).casefold()] = term.id
                else:
                    self._exact[_key(form)] = term.id
                alternatives.append(_form_atoms(form, insensitive))
                first_chars |= _first_chars(form, insensitive)
        self.regex = re.compile(_trie_pattern(alternatives, first_chars))

    def state(self) -> dict:
        return {"pattern": self.regex.pattern, "exact": self._exact, "folded": self._folded, "shorts": self.shorts,
                "targets": self.targets}

    @classmethod
    def from_state(cls, state: dict) -> GlossaryIndex:
        index = cls()
        index.regex = re.compile(state["pattern"])
        index._exact, index._folded, index.shorts = state["exact"], state["folded"], state["shorts"]
        index.targets = dict(state["targets"])
        return index

    def term_of(self, matched: str) -> str | None:
        """The id of the term a matched text is a form of."""
        key = _key(matched)
        return self._exact.get(key) or self._folded.get(key.casefold())

    def terms_in(self, text: str) -> set[str]:
        """Ids of the terms that `text` uses, for the glossary's "used in" lists."""
        found = set()
        for match in self.regex.finditer(text):
            term_id = self.term_of(match.group(0))
            if term_id:
                found.add(term_id)
        return found


class GlossaryTreeprocessor(Treeprocessor):
    """Marks terms in one pass over the page's text.

    The markable texts (element texts and tails outside skipped elements) are joined in reading order
    and searched once; only the texts holding a hit are split, and each parent that gains marks gets
    its new list of children in one pass. (A search per text was most of the marking time, and an
    insert at a searched position per mark is O(children²).)
    """

    # No word character, so no hit starts or ends inside it, and no form contains it (the model refuses
    # control characters in names): a hit never spans two texts.
    SEPARATOR = "\0"

    def __init__(self, md, extension: "GlossaryExtension"):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        index = self.extension.index
        if index is None:
            return
        slots: list[tuple[etree.Element, etree.Element | None]] = []
        texts: list[str] = []
        _collect(root, slots, texts)
        starts, position = [], 0
        for text in texts:
            starts.append(position)
            position += len(text) + 1
        hits: dict[int, list[tuple[int, int, str]]] = {}
        seen: set[str] = set()
        for match in index.regex.finditer(self.SEPARATOR.join(texts)):
            term_id = index.term_of(match.group(0))
            # The first use of each written form: a variant further down a page that used the headword is
            # still explained.
            form = _key(match.group(0)).casefold()
            if term_id is None or (not self.extension.every and form in seen):
                continue
            seen.add(form)
            slot = bisect.bisect_right(starts, match.start()) - 1
            hits.setdefault(slot, []).append((match.start() - starts[slot], match.end() - starts[slot], term_id))
        inserts: dict[etree.Element, dict[etree.Element | None, list[etree.Element]]] = {}
        for slot, found in hits.items():
            element, parent = slots[slot]
            head, nodes = _split(texts[slot], found, index)
            if parent is None:  # the element's own text: the marks become its first children
                element.text = head
                inserts.setdefault(element, {})[None] = nodes
            else:  # a child's tail: the marks follow that child
                element.tail = head
                inserts.setdefault(parent, {})[element] = nodes
        for parent, placed in inserts.items():
            children = list(placed.get(None, ()))
            for child in list(parent):
                children.append(child)
                children += placed.get(child, ())
            parent[:] = children


def _collect(element: etree.Element, slots: list, texts: list[str]) -> None:
    """The markable texts under `element` in reading order, as (element, None) for a text and
    (child, parent) for a tail; code, headings, links, existing marks and `xp-nomark` are left out."""
    if element.tag in SKIP_TAGS:
        return
    classes = element.get("class")
    if classes and SKIP_CLASS in classes.split():
        return
    text = element.text
    if text and not isinstance(text, AtomicString):
        slots.append((element, None))
        texts.append(text)
    for child in element:
        _collect(child, slots, texts)
        tail = child.tail
        if tail and not isinstance(tail, AtomicString):
            slots.append((child, element))
            texts.append(tail)


def _split(text: str, found: list[tuple[int, int, str]], index: GlossaryIndex) -> tuple[str, list[etree.Element]]:
    """`text` as the part before the first hit and one `<abbr>` per hit, whose tails carry the rest."""
    nodes = []
    for k, (start, end, term_id) in enumerate(found):
        node = etree.Element("abbr", {"class": "xp-term", "data-term": term_id, "tabindex": "0",
                                      "title": index.shorts[term_id]})
        node.text = AtomicString(text[start:end])
        node.tail = text[end : found[k + 1][0] if k + 1 < len(found) else len(text)]
        nodes.append(node)
    return text[: found[0][0]], nodes


_TERM_IDS = re.compile(r'<abbr class="xp-term" data-term="([^"<>]*)"')


def terms_marked(html: str) -> list[str]:
    """Ids of the terms marked in a rendered page, each once, in a stable order."""
    return sorted(set(_TERM_IDS.findall(html))) if '<abbr class="xp-term" ' in html else []


class GlossaryExtension(Extension):
    """Holds the current build's glossary; the hook swaps `index` each build and sets `every` per page."""

    def __init__(self, **kwargs):
        self.index: GlossaryIndex | None = None
        self.every = False
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        # After inline parsing (20) so links and code exist as elements; before toc (5).
        md.treeprocessors.register(GlossaryTreeprocessor(md, self), "explainer_glossary", 7)
