"""What text from data files may hold: the one policy for every string the loader reads (CONTRIBUTING.md).

Text is normalised to Unicode NFC, so one word is one sequence of code points however it was typed.
Refused, because a reader cannot see them and they change what a page says or whether it matches:

- control characters (C0, DEL and C1) other than newline and tab;
- bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069), which reorder text;
- zero-width and other invisible format characters (U+200B, U+2060, U+FEFF, soft hyphen, ...) and the
  line and paragraph separators. In prose, the zero-width non-joiner and joiner (U+200C, U+200D) are
  kept between two letters of Arabic-script or Indic text, where spelling needs them; never in ids,
  names, variants and quotes, which must be exactly the characters a reader sees.

Every refusal names the character by its code point and name, never by the character itself.
"""

from __future__ import annotations

import unicodedata
from enum import Enum

# Unicode has no `name` for control characters; these are their standard names (NameAliases.txt).
_C0 = ("NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY",
       "ACKNOWLEDGE", "BELL", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION",
       "FORM FEED", "CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE", "DEVICE CONTROL ONE",
       "DEVICE CONTROL TWO", "DEVICE CONTROL THREE", "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE",
       "SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK", "CANCEL", "END OF MEDIUM", "SUBSTITUTE", "ESCAPE",
       "FILE SEPARATOR", "GROUP SEPARATOR", "RECORD SEPARATOR", "UNIT SEPARATOR")
_CONTROL_NAMES = {**{i: name for i, name in enumerate(_C0)}, 0x7F: "DELETE", 0x85: "NEXT LINE"}

BIDI_CONTROLS = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
JOINERS = frozenset({"\u200c", "\u200d"})  # ZERO WIDTH NON-JOINER, ZERO WIDTH JOINER
# Scripts whose spelling uses the joiners: Arabic (Persian, Urdu, ...) and the Indic scripts.
_JOINING_SCRIPTS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFC),
                    (0x0900, 0x0DFF))
ALLOWED_CONTROLS = frozenset("\n\t")


class Strictness(str, Enum):
    """Which rule a field follows: prose (Markdown, titles, notes) or exact text (ids, names, quotes)."""

    PROSE = "prose"
    EXACT = "exact"


# Fields whose text must be exactly what a reader sees: matched, linked or compared character by character.
EXACT_FIELDS = frozenset({"id", "name", "term", "plurals", "variants", "aliases", "quote", "prefix", "suffix",
                          "paragraph", "article", "actor", "target", "kind", "claim"})


def code_point(char: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`: how a message names a character it must not print."""
    number = ord(char)
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(number) or (
        "CONTROL CHARACTER" if unicodedata.category(char) == "Cc" else "UNNAMED CHARACTER")
    return f"U+{number:04X} {name}"


def _invisible(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")


def visible(text: str) -> str:
    """`text` with every invisible character written as `<U+XXXX NAME>`: safe to print in a message."""
    if not any(_invisible(c) for c in text):
        return text
    return "".join(f"<{code_point(c)}>" if _invisible(c) else c for c in text)


def _in_joining_script(char: str) -> bool:
    number = ord(char)
    return unicodedata.category(char)[0] in "LM" and any(lo <= number <= hi for lo, hi in _JOINING_SCRIPTS)


def _joiner_needed(text: str, at: int) -> bool:
    return 0 < at < len(text) - 1 and _in_joining_script(text[at - 1]) and _in_joining_script(text[at + 1])


def refusal(text: str, strictness: str = Strictness.PROSE) -> tuple[int, str] | None:
    """(offset, message) for the first character the policy refuses in `text`, or None when it has none."""
    for at, char in enumerate(text):
        if char in ALLOWED_CONTROLS or not _invisible(char):
            continue
        named = code_point(char)
        category = unicodedata.category(char)
        if category == "Cc":
            hint = "; write a line break as a new line" if char in "\r\x0b\x0c\x85" else ""
            return at, f"holds the control character {named}, which a reader cannot see; delete it{hint}"
        if char in BIDI_CONTROLS:
            return at, (f"holds {named}, which silently reorders the text a reader sees; delete it "
                        "(right-to-left words display correctly without it)")
        if char in JOINERS and strictness == Strictness.PROSE and _joiner_needed(text, at):
            continue
        where = ("ids, names, variants and quotes must hold only the characters a reader sees"
                 if strictness == Strictness.EXACT else
                 "it is kept only as a joiner between two letters of Arabic-script or Indic text")
        return at, f"holds {named}, an invisible character ({where}); delete it"
    return None


def normalise(text: str) -> str:
    """NFC: `é` typed as one code point or as `e` plus a combining accent is the same text afterwards."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def strictness_of(path: tuple) -> str:
    """The rule for the value at key path `path`: the last named key decides (list indices skipped)."""
    for part in reversed(path):
        if isinstance(part, str):
            return Strictness.EXACT if part in EXACT_FIELDS else Strictness.PROSE
    return Strictness.PROSE
