"""The data format, in one place: these pydantic models are the schema of every file in `data/`.

Field descriptions are written for contributors: they end up in the JSON Schema their editor shows.
Cross-file checks (unknown ids, quotes the article does not contain) live in `validate.py`; this
module only says what one file may hold.
"""

from __future__ import annotations

import re
from datetime import date
from enum import Enum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PARTIAL_DATE = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"
SOURCE_DATE = r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|undated)$"

# Raw HTML and script-bearing links never come from data: prose is Markdown, rendered by the site.
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
_MD_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def _check_markdown(text: str) -> str:
    """Refuse raw HTML and non-http(s) links, so no script or frame can come from a data file."""
    if _HTML_TAG.search(text):
        raise ValueError(
            "raw HTML is not allowed in data files; write Markdown instead "
            "(for example **bold** or [text](https://example.org))"
        )
    for target in _MD_LINK_TARGET.findall(text) + _AUTOLINK.findall(text):
        scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", target)
        if scheme and not target.lower().startswith(_SAFE_SCHEMES):
            raise ValueError(
                f"link '{target[:40]}' is not allowed: links must start with http:// or https://"
            )
    return text


def _check_plain(text: str) -> str:
    """Plain-text fields (names, titles) hold no markup at all."""
    if _HTML_TAG.search(text):
        raise ValueError("raw HTML is not allowed here; write plain text")
    return text


def _check_url(url: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", url):
        raise ValueError("a URL must start with http:// or https:// and contain no spaces")
    return url


def _short_enough(limit: int):
    def check(text: str) -> str:
        words = len(text.split())
        if words > limit:
            raise ValueError(f"has {words} words; keep it to {limit} words or fewer")
        return text

    return check


Markdown = Annotated[str, Field(min_length=1), AfterValidator(_check_markdown)]
PlainText = Annotated[str, Field(min_length=1), AfterValidator(_check_plain)]
Slug = Annotated[str, Field(pattern=SLUG, description="Lower-case words joined by hyphens, e.g. `city-council`.")]
Url = Annotated[str, AfterValidator(_check_url)]


class Strict(BaseModel):
    """Unknown fields are errors: a typo in a key must not be silently ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


# --- Sources -------------------------------------------------------------------------------------


class Source(Strict):
    id: Slug = Field(description="How other files cite this source, e.g. `reuters-2015-09-27-intel`.")
    publisher: PlainText = Field(description="Who published it: agency, newspaper, government, publisher.")
    title: PlainText = Field(description="The title as published.")
    date: Annotated[str, Field(pattern=SOURCE_DATE)] = Field(
        description="Publication date: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when only that is known, "
        "or `undated` for a page that shows no date (say in `note` when you consulted it)."
    )
    url: Url | None = Field(None, description="Only a URL you are certain is real. Never guess one.")
    note: PlainText | None = Field(None, description="Anything a reader should know about this source.")


class SourcesFile(Strict):
    sources: list[Source] = Field(min_length=1)


# --- Articles ------------------------------------------------------------------------------------


class ParagraphKind(str, Enum):
    paragraph = "paragraph"
    caption = "caption"
    heading = "heading"


class Paragraph(Strict):
    id: Slug = Field(description="Stable id of the paragraph: a slug, never a number, so insertions shift nothing.")
    text: str = Field(min_length=1, description="The words exactly as the article prints them, curly quotes kept.")
    kind: ParagraphKind = Field(
        ParagraphKind.paragraph,
        description="`paragraph`, or `caption` for an image caption, or `heading` for a sub-heading.",
    )


class Article(Strict):
    id: Slug = Field(description="Must match the file name: `data/articles/<id>.yaml`.")
    title: PlainText
    author: PlainText | None = None
    published: PlainText | None = Field(None, description="When it was published, as precisely as known.")
    provenance: Markdown = Field(description="Where this text comes from and how it was copied.")
    genre: PlainText | None = Field(None, description="For example: opinion piece, news report.")
    paragraphs: list[Paragraph] = Field(min_length=1)


# --- Quote anchors --------------------------------------------------------------------------------


class QuoteAnchor(Strict):
    """Words of an article this page explains, found by quoting them (like a TextQuoteSelector)."""

    article: Slug | None = Field(None, description="Article id; may be left out when there is only one article.")
    paragraph: Slug = Field(description="Id of the paragraph that contains the quote.")
    quote: str = Field(
        min_length=3,
        description="The exact words, copied from the article. Straight or curly quotes, any dash "
        "and extra spaces are forgiven.",
    )
    prefix: str | None = Field(None, description="Words just before the quote, when it occurs more than once.")
    suffix: str | None = Field(None, description="Words just after the quote, when it occurs more than once.")
    comment: Markdown | None = Field(None, description="What the explainer says about these words.")
    correction: Markdown | None = Field(
        None,
        description="What the record shows where these words are wrong. Shown on the explainer and at "
        "the words in the article.",
    )


# --- Actors --------------------------------------------------------------------------------------


class RelationType(str, Enum):
    backs = "backs"
    fights = "fights"
    rival = "rival"
    cooperates = "cooperates"
    part_of = "part-of"
    split_from = "split-from"


class Relationship(Strict):
    target: Slug = Field(description="The other actor's id (its file name in `data/actors/`).")
    type: RelationType = Field(
        description="`backs` (gives arms, money, troops or air support), `fights`, `rival`, "
        "`cooperates`, `part-of`, `split-from`."
    )
    since: Annotated[str, Field(pattern=PARTIAL_DATE)] | None = None
    until: Annotated[str, Field(pattern=PARTIAL_DATE)] | None = None
    note: Markdown = Field(description="One or two sourced sentences on what this relationship was.")
    sources: list[Slug] = Field(min_length=1, description="Ids from `data/sources.yaml` that back the note.")


class Alias(Strict):
    name: PlainText
    note: PlainText | None = Field(None, description="Who uses this name, and why.")


def _names_to_objects(value, field: str):
    """Aliases and variants may be written as plain strings; they become `{name: ...}`."""
    if isinstance(value, dict) and isinstance(value.get(field), list):
        value = {**value, field: [{"name": v} if isinstance(v, str) else v for v in value[field]]}
    return value


class Actor(Strict):
    id: Slug = Field(description="Must match the file name: `data/actors/<id>.yaml`.")
    name: PlainText = Field(description="The name the site uses, in neutral wording.")
    aliases: list[Alias] = Field(default_factory=list, description="Other names, each with who uses it.")
    kind: Slug = Field(description="One of the kinds listed in `data/kinds.yaml`.")
    summary: Annotated[PlainText, AfterValidator(_short_enough(30))] = Field(
        description="One sentence for index pages, 30 words at most."
    )
    description: Markdown = Field(description="Who they are, in 2 to 4 plain sentences.")
    aims: list[Markdown] = Field(default_factory=list, description="What they wanted at the time of the article.")
    relationships: list[Relationship] = Field(default_factory=list)
    named_in_article: bool = Field(
        True, description="`false` for context actors the article does not name; the page says so."
    )
    article_role: Markdown | None = Field(None, description="What the article says about them, in a few words.")
    record: Markdown | None = Field(
        None, description="What the record shows where the article is wrong or one-sided."
    )
    aftermath: Markdown | None = Field(None, description="What happened next, briefly.")
    covers: list[QuoteAnchor] = Field(default_factory=list, description="The article's words this page explains.")
    sources: list[Slug] = Field(min_length=1, description="Ids from `data/sources.yaml`.")
    reviewed: date = Field(description="When the page was last checked against its sources: `YYYY-MM-DD`.")

    @model_validator(mode="before")
    @classmethod
    def _plain_aliases(cls, value):
        return _names_to_objects(value, "aliases")



class Kind(Strict):
    id: Slug
    title: PlainText = Field(description="Heading of this group on the actors index and in the navigation.")
    description: Markdown | None = None


class KindsFile(Strict):
    kinds: list[Kind] = Field(min_length=1)


# --- Glossary -------------------------------------------------------------------------------------


class Variant(Strict):
    name: PlainText
    note: PlainText | None = Field(None, description="Who uses this form, and why (e.g. which governments).")


class Term(Strict):
    id: Slug
    term: PlainText = Field(description="The headword, as the glossary lists it.")
    variants: list[Variant] = Field(
        default_factory=list, description="Every other spelling or name that should show the tooltip."
    )
    case: Literal["sensitive", "insensitive"] = Field(
        "sensitive",
        description="`sensitive` (the default) marks only the exact capitalisation, so `IS` never marks "
        "the verb 'is'; `insensitive` marks any capitalisation.",
    )
    plurals: list[PlainText] = Field(default_factory=list, description="Plural forms to mark as well, e.g. `gates` for `gate`.")
    short: Annotated[PlainText, AfterValidator(_short_enough(25))] = Field(
        description="The tooltip: one line, 25 words at most."
    )
    definition: Markdown = Field(description="The longer explanation on the glossary page.")
    actor: Slug | None = Field(None, description="Id of the actor this term names, if any.")
    sources: list[Slug] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _plain_variants(cls, value):
        return _names_to_objects(value, "variants")

    def forms(self) -> list[str]:
        """Every written form that gets the tooltip: headword, variants, plurals."""
        return [self.term, *(v.name for v in self.variants), *self.plurals]


class GlossaryFile(Strict):
    terms: list[Term] = Field(min_length=1)


# Which model checks which file, by its place in the data folder.
FILE_MODELS: dict[str, type[BaseModel]] = {
    "sources.yaml": SourcesFile,
    "kinds.yaml": KindsFile,
    "glossary.yaml": GlossaryFile,
    "articles/*.yaml": Article,
    "actors/*.yaml": Actor,
}
