"""The data format, in one place: these pydantic models are the schema of every file in `data/`.

Field descriptions are written for contributors: they end up in the JSON Schema their editor shows.
Cross-file checks (unknown ids, quotes the article does not contain) live in `validate.py`; this
module only says what one file may hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator,
                      model_validator)

from .safety import HTML_TAG, markdown_problem
from .text_policy import Strictness, refusal

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
PARTIAL_DATE = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"
SOURCE_DATE = r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|undated)$"



def _check_markdown(text: str) -> str:
    """Refuse raw HTML, attribute lists and non-http(s) links, so no script or frame can come from data."""
    problem = markdown_problem(text)
    if problem:
        raise ValueError(problem)
    return text


def _check_plain(text: str) -> str:
    """Plain-text fields (names, titles) hold no markup at all."""
    if HTML_TAG.search(text):
        raise ValueError("raw HTML is not allowed here; write plain text")
    return text


def _check_url(url: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", url):
        raise ValueError("a URL must start with http:// or https:// and contain no spaces")
    try:
        urlsplit(url)
    except ValueError:
        raise ValueError("not a valid URL; check the address and its brackets") from None
    return url


def _real_date(value: str) -> str:
    """`2015-13` or `1958-02-30` have the right shape but are no dates: say so before a page shows them."""
    if value == "undated":
        return value
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise ValueError(f"'{value}' is not a real date; check the month (01-12) and the day") from None
    return value


def _short_enough(limit: int):
    def check(text: str) -> str:
        words = len(text.split())
        if words > limit:
            raise ValueError(f"has {words} words; keep it to {limit} words or fewer")
        return text

    return check


Markdown = Annotated[str, Field(min_length=1), AfterValidator(_check_markdown)]
PlainText = Annotated[str, Field(min_length=1), AfterValidator(_check_plain)]


def _one_line(text: str) -> str:
    if "\n" in text or "\r" in text:
        raise ValueError("must be on one line (it becomes a heading or a name in running text)")
    refused = refusal(text, Strictness.EXACT)  # the loader checks first; models built in code meet it here
    if refused:
        raise ValueError(refused[1])
    return text


# Names that become headings, link text or glossary matches: one line of plain text.
OneLine = Annotated[str, Field(min_length=1), AfterValidator(_check_plain), AfterValidator(_one_line)]
# A written form the glossary marks in running text: a name, not a sentence.
TermForm = Annotated[str, Field(min_length=1, max_length=80), AfterValidator(_check_plain), AfterValidator(_one_line)]
Slug = Annotated[str, Field(pattern=SLUG, description="Lower-case words joined by hyphens, e.g. `city-council`.")]
Url = Annotated[str, AfterValidator(_check_url)]
PartialDate = Annotated[str, Field(pattern=PARTIAL_DATE), AfterValidator(_real_date)]
SourceDate = Annotated[str, Field(pattern=SOURCE_DATE), AfterValidator(_real_date)]


class Strict(BaseModel):
    """Unknown fields are errors: a typo in a key must not be silently ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


def _simplifies(standard: dict, simple: BaseModel | None) -> BaseModel | None:
    """A simple version stands beside a standard text: one for a text that is not there simplifies
    nothing, and a list (aims) is simplified item by item, so the two levels show the same points.
    `standard` is the owner's fields checked so far (a field that failed its own check is not there,
    and has its own message)."""
    if simple is None:
        return simple
    for name in sorted(simple.model_fields_set):
        mine = getattr(simple, name)
        if mine is None or name not in standard:
            continue
        theirs = standard[name]
        if not theirs:
            raise ValueError(f"`simple.{name}` has no standard `{name}` beside it to simplify; "
                             f"add `{name}:` or remove `simple.{name}`")
        if isinstance(theirs, list) and len(mine) != len(theirs):
            raise ValueError(f"`simple.{name}` has {len(mine)} items and `{name}` has {len(theirs)}: "
                             "write one simple item for each standard one, in the same order")
    return simple


SIMPLE_HELP = ("The same text in simpler words, for the site's simple reading level (Flesch-Kincaid grade 6 "
               "or below: short sentences, everyday words). The same facts, no new ones; opinions "
               "attributed as in the standard text.")


# --- Sources -------------------------------------------------------------------------------------


class Source(Strict):
    id: Slug = Field(description="How other files cite this source: a short slug such as `agency-2015-09-27-talks`.")
    publisher: PlainText = Field(description="Who published it: agency, newspaper, government, publisher.")
    title: PlainText = Field(description="The title as published.")
    date: SourceDate = Field(
        description="Publication date: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when only that is known, "
        "or `undated` for a page that shows no date (say in `note` when you consulted it)."
    )
    url: Url | None = Field(None, description="Only a URL you are certain is real. Never guess one.")
    note: PlainText | None = Field(None, description="Anything a reader should know about this source.")


class SourcesFile(Strict):
    sources: list[Source] = Field(min_length=1, description="Every source cited anywhere in the data, one entry each.")


# --- Articles ------------------------------------------------------------------------------------


class ParagraphKind(str, Enum):
    paragraph = "paragraph"
    caption = "caption"
    heading = "heading"


def _one_paragraph(text: str) -> str:
    if "\n" in text or "\r" in text:
        raise ValueError("holds a line break: one entry is one paragraph; split it into two paragraphs, "
                         "each with its own id (a folded `>-` block joins lines with spaces)")
    return text


class Paragraph(Strict):
    id: Slug = Field(description="Stable id of the paragraph: a slug, never a number, so insertions shift nothing.")
    text: Annotated[str, AfterValidator(_one_paragraph)] = Field(
        min_length=1, description="The words exactly as the article prints them, curly quotes kept."
    )
    kind: ParagraphKind = Field(
        ParagraphKind.paragraph,
        description="`paragraph`, or `caption` for an image caption, or `heading` for a sub-heading.",
    )
    retelling: Annotated[PlainText, AfterValidator(_one_paragraph)] | None = Field(
        None,
        description="This paragraph retold in plain words (Flesch-Kincaid grade 7 or below), in the site's voice "
        "with the author's views attributed (\"The author says...\"): the article's *In plain words* page shows "
        "it under the paragraph's number. Never the author's words; no facts the paragraph does not give.",
    )


class ArticleSimple(Strict):
    summary: Markdown | None = Field(None, description="The `summary` in simpler words.")


HEADLINE = "headline"  # the paragraph id quotes use for the article's headline


class ArticleForm(str, Enum):
    """What kind of text an article is, which decides how the site speaks of it."""

    opinion = "opinion"
    news = "news"
    statement = "statement"
    analysis = "analysis"


class Article(Strict):
    id: Slug = Field(description="Must match the file name: `data/articles/<id>.yaml`.")
    title: PlainText = Field(description="The headline, exactly as published.")
    author: PlainText | None = Field(None, description="Who wrote it, as the byline gives it.")
    published: PlainText | None = Field(None, description="When it was published, as precisely as known.")
    provenance: Markdown = Field(description="Where this text comes from and how it was copied.")
    genre: PlainText | None = Field(None, description="For example: opinion piece, news report.")
    form: ArticleForm | None = Field(
        None,
        description="What kind of text it is, which decides how the site speaks of it: an `opinion` piece "
        "*argues*, a `news` report *reports*, a `statement` *states*, an `analysis` explains and argues. "
        "Without it the site speaks of \"the article\" in neutral words.",
    )
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] | None = Field(
        None,
        description="The language the article is written in, as a language tag (`ru`, `ar`, `pt-BR`), when it is not "
        "the site's: screen readers then read it with the right voice.",
    )
    publication: PlainText | None = Field(None, description="Where it was published (newspaper, site), if known.")
    summary: Markdown | None = Field(
        None,
        description="The article's argument, or what a report or statement says, in two or three plain sentences, "
        "in the site's own voice and attributed (\"The author argues...\", \"The council says...\"): shown above the "
        "text, under a heading that fits its `form`.",
    )
    paragraphs: list[Paragraph] = Field(min_length=1, description="The article's paragraphs, in order, each with a stable id.")
    as_of: date | None = Field(
        None,
        description="The day the article describes the world on, `YYYY-MM-DD`: the who-backs-whom views show "
        "relationships as they stood that day and list later changes.",
    )
    simple: ArticleSimple | None = Field(None, description=SIMPLE_HELP)

    @field_validator("simple")
    @classmethod
    def _simple_beside_standard(cls, simple, info: ValidationInfo):
        return _simplifies(info.data, simple)

    @property
    def headline(self) -> Paragraph:
        """The headline as a paragraph quotes can point at (`paragraph: headline`)."""
        # Not validated again: the title was checked as a title (which may run over lines), not as a paragraph.
        return Paragraph.model_construct(id=HEADLINE, text=self.title, kind=ParagraphKind.heading)


# --- Quote anchors --------------------------------------------------------------------------------


class TextQuote(Strict):
    """Words of an article, found by quoting them (like a TextQuoteSelector); claims and events use it too."""

    article: Slug | None = Field(None, description="Article id; may be left out when there is only one article.")
    paragraph: Slug = Field(description="Id of the paragraph that contains the quote.")
    quote: str = Field(
        min_length=3,
        description="The exact words, copied from the article. Straight or curly quotes, any dash "
        "and extra spaces are forgiven.",
    )
    prefix: str | None = Field(None, description="Words just before the quote, when it occurs more than once.")
    suffix: str | None = Field(None, description="Words just after the quote, when it occurs more than once.")


class AnchorSimple(Strict):
    comment: Markdown | None = Field(None, description="The `comment` in simpler words.")
    correction: Markdown | None = Field(None, description="The `correction` in simpler words.")


class QuoteAnchor(TextQuote):
    """Words of an article this page explains, found by quoting them (like a TextQuoteSelector)."""

    comment: Markdown | None = Field(None, description="What the explainer says about these words.")
    correction: Markdown | None = Field(
        None,
        description="What the record shows where these words are wrong. Shown on the explainer and at "
        "the words in the article.",
    )
    simple: AnchorSimple | None = Field(None, description=SIMPLE_HELP)

    @field_validator("simple")
    @classmethod
    def _simple_beside_standard(cls, simple, info: ValidationInfo):
        return _simplifies(info.data, simple)


# --- Actors --------------------------------------------------------------------------------------


class RelationType(str, Enum):
    backs = "backs"
    fights = "fights"
    rival = "rival"
    cooperates = "cooperates"
    part_of = "part-of"
    split_from = "split-from"


def _in_order(value):
    """A `since`..`until` range must not end before it begins."""
    # Compared as text: partial ISO dates sort like the days they stand for ("2015" < "2015-09").
    if value.since and value.until and value.until < value.since[: len(value.until)]:
        raise ValueError(f"`until` ({value.until}) is before `since` ({value.since}); swap or correct them")
    return value


class NoteSimple(Strict):
    note: Markdown | None = Field(None, description="The `note` in simpler words.")


class Relationship(Strict):
    target: Slug = Field(description="The other actor's id (its file name in `data/actors/`).")
    type: RelationType = Field(
        description="`backs` (gives arms, money, troops or air support), `fights`, `rival`, "
        "`cooperates`, `part-of`, `split-from`."
    )
    since: PartialDate | None = Field(
        None, description="When it began: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (in quotes for a year alone: `\"2014\"`)."
    )
    until: PartialDate | None = Field(
        None, description="When it ended, written like `since`; leave out while it lasts."
    )
    note: Markdown = Field(description="One or two sourced sentences on what this relationship was.")
    sources: list[Slug] = Field(min_length=1, description="Ids from `data/sources.yaml` that back the note.")
    simple: NoteSimple | None = Field(None, description=SIMPLE_HELP)

    @field_validator("simple")
    @classmethod
    def _simple_beside_standard(cls, simple, info: ValidationInfo):
        return _simplifies(info.data, simple)

    @model_validator(mode="after")
    def _begins_before_it_ends(self):
        return _in_order(self)


class PlaceTie(str, Enum):
    """How an actor was at a place; the map draws each differently (never by colour alone)."""

    held = "held"
    based = "based"
    fought = "fought"
    struck = "struck"


class ActorPlace(Strict):
    place: Slug = Field(description="The place's id in `data/places.yaml`.")
    tie: PlaceTie = Field(
        description="`held` (controlled it), `based` (had forces or a base there), `fought` (fought there) "
        "or `struck` (bombed it from the air or from afar)."
    )
    since: PartialDate | None = Field(None, description="When it began: `YYYY-MM-DD`, `YYYY-MM` or `\"YYYY\"`.")
    until: PartialDate | None = Field(None, description="When it ended, written like `since`; leave out while it lasts.")
    note: Markdown | None = Field(None, description="One plain sentence, if the tie needs one.")
    sources: list[Slug] = Field(min_length=1, description="Ids from `data/sources.yaml` that back this tie and its dates.")

    @model_validator(mode="after")
    def _begins_before_it_ends(self):
        return _in_order(self)


class Alias(Strict):
    name: OneLine = Field(description="The other name, written as it appears.")
    note: PlainText | None = Field(None, description="Who uses this name, and why.")


def _name_or_object(schema: dict) -> None:
    """In the JSON Schema, list items may be a plain name or an object (see `_names_to_objects`)."""
    schema["items"] = {"anyOf": [{"type": "string", "minLength": 1}, schema["items"]]}


def _names_to_objects(value, field: str):
    """Aliases and variants may be written as plain strings; they become `{name: ...}`."""
    if isinstance(value, dict) and isinstance(value.get(field), list):
        value = {**value, field: [{"name": v} if isinstance(v, str) else v for v in value[field]]}
    return value


class ActorSimple(Strict):
    summary: Annotated[PlainText, AfterValidator(_short_enough(30))] | None = Field(
        None, description="The `summary` in simpler words, 30 words at most.")
    description: Markdown | None = Field(None, description="The `description` in simpler words.")
    aims: list[Markdown] | None = Field(None, description="The `aims` in simpler words: one item for each, in order.")
    article_role: Markdown | None = Field(None, description="The `article_role` in simpler words.")
    record: Markdown | None = Field(None, description="The `record` in simpler words.")
    aftermath: Markdown | None = Field(None, description="The `aftermath` in simpler words.")


class InArticleSimple(Strict):
    role: Markdown | None = Field(None, description="The `role` in simpler words.")
    record: Markdown | None = Field(None, description="The `record` in simpler words.")


class ActorInArticle(Strict):
    """What one article of a unit does with an actor: for a site of several articles."""

    named: bool | None = Field(
        None, description="Whether this article names them; left out: named when the page quotes this article."
    )
    role: Markdown | None = Field(None, description="What this article says about them, in a few words.")
    record: Markdown | None = Field(None, description="What the record shows where this article is wrong or one-sided.")
    simple: InArticleSimple | None = Field(None, description=SIMPLE_HELP)

    @field_validator("simple")
    @classmethod
    def _simple_beside_standard(cls, simple, info: ValidationInfo):
        return _simplifies(info.data, simple)


class Actor(Strict):
    id: Slug = Field(description="Must match the file name: `data/actors/<id>.yaml`.")
    name: OneLine = Field(description="The name the site uses, in neutral wording.")
    aliases: list[Alias] = Field(
        default_factory=list,
        description="Other names: a plain name (`- Old Name`) or `- name: ...` with a `note:` on who uses it.",
        json_schema_extra=_name_or_object,
    )
    kind: Slug = Field(description="One of the kinds listed in `data/kinds.yaml`.")
    summary: Annotated[PlainText, AfterValidator(_short_enough(30))] = Field(
        description="One sentence for index pages, 30 words at most."
    )
    description: Markdown = Field(description="Who they are, in 2 to 4 plain sentences.")
    aims: list[Markdown] = Field(default_factory=list, description="What they wanted at the time of the article.")
    relationships: list[Relationship] = Field(
        default_factory=list, description="Other actors this one backs, fights, rivals or belongs to, each sourced."
    )
    named_in_article: bool = Field(
        True, description="`false` for context actors the article does not name; the page says so."
    )
    article_role: Markdown | None = Field(None, description="What the article says about them, in a few words.")
    articles: dict[Slug, ActorInArticle] = Field(
        default_factory=dict,
        description="In a unit of several articles, by article id: whether and how each names them. "
        "`named_in_article`, `article_role` and `record` are for the articles this page quotes (or the first).",
    )
    record: Markdown | None = Field(
        None, description="What the record shows where the article is wrong or one-sided."
    )
    aftermath: Markdown | None = Field(None, description="What happened next, briefly.")
    covers: list[QuoteAnchor] = Field(default_factory=list, description="The article's words this page explains.")
    places: list[ActorPlace] = Field(
        default_factory=list,
        description="Where this actor held ground, was based, fought or struck, each dated and sourced (ids from `data/places.yaml`).",
    )
    sources: list[Slug] = Field(min_length=1, description="Ids from `data/sources.yaml`.")
    reviewed: date = Field(description="When the page was last checked against its sources: `YYYY-MM-DD`.")
    simple: ActorSimple | None = Field(None, description=SIMPLE_HELP)

    @model_validator(mode="before")
    @classmethod
    def _plain_aliases(cls, value):
        return _names_to_objects(value, "aliases")

    @field_validator("simple")
    @classmethod
    def _simple_beside_standard(cls, simple, info: ValidationInfo):
        return _simplifies(info.data, simple)



class Kind(Strict):
    id: Slug = Field(description="What actor files write in `kind:`.")
    title: OneLine = Field(description="Heading of this group on the actors index and in the navigation.")
    description: Markdown | None = Field(None, description="A sentence shown under the heading.")


class KindsFile(Strict):
    kinds: list[Kind] = Field(min_length=1, description="The groups actor pages are sorted into, in the order shown.")


# --- Glossary -------------------------------------------------------------------------------------


class Variant(Strict):
    name: TermForm = Field(description="The other spelling or name, exactly as written.")
    note: PlainText | None = Field(None, description="Who uses this form, and why (e.g. which governments).")


class TermSimple(Strict):
    definition: Markdown | None = Field(None, description="The `definition` in simpler words.")


class Term(Strict):
    id: Slug = Field(description="Stable id of the term; the glossary page links to `#<id>`.")
    term: TermForm = Field(description="The headword, as the glossary lists it (80 characters at most).")
    variants: list[Variant] = Field(
        default_factory=list,
        description="Every other spelling or name that should show the tooltip: a plain name, or `- name: ...` "
        "with a `note:`.",
        json_schema_extra=_name_or_object,
    )
    case: Literal["sensitive", "insensitive"] = Field(
        "sensitive",
        description="`sensitive` (the default) marks only the exact capitalisation, so `IS` never marks "
        "the verb 'is'; `insensitive` marks any capitalisation.",
    )
    plurals: list[TermForm] = Field(default_factory=list, description="Plural forms to mark as well, e.g. `gates` for `gate`.")
    short: Annotated[PlainText, AfterValidator(_short_enough(25))] = Field(
        description="The tooltip: one line, 25 words at most."
    )
    definition: Markdown = Field(description="The longer explanation on the glossary page.")
    actor: Slug | None = Field(None, description="Id of the actor this term names, if any.")
    place: Slug | None = Field(
        None, description="Id of the place (in `data/places.yaml`) this term names: its preview then leads to the map."
    )
    sources: list[Slug] = Field(default_factory=list, description="Ids from `data/sources.yaml` that back the definition.")
    simple: TermSimple | None = Field(None, description=SIMPLE_HELP)

    @model_validator(mode="before")
    @classmethod
    def _plain_variants(cls, value):
        return _names_to_objects(value, "variants")

    @field_validator("simple")
    @classmethod
    def _simple_beside_standard(cls, simple, info: ValidationInfo):
        return _simplifies(info.data, simple)

    def forms(self) -> list[str]:
        """Every written form that gets the tooltip: headword, variants, plurals."""
        return [self.term, *(v.name for v in self.variants), *self.plurals]


class GlossaryFile(Strict):
    terms: list[Term] = Field(min_length=1, description="Every term, each with its variants, tooltip and definition.")


# --- Claims and loaded wording ---------------------------------------------------------------------


class ClaimType(str, Enum):
    reported_fact = "reported-fact"
    opinion = "opinion"
    prediction = "prediction"
    loaded_language = "loaded-language"
    mixed = "mixed"


class Verdict(str, Enum):
    supported = "supported"
    partly_supported = "partly-supported"
    unsupported = "unsupported"
    disputed = "disputed"
    opinion = "opinion"  # not checkable: an opinion
    not_verified = "not-verified"


class Premise(Strict):
    """The checkable fact an opinion takes for granted: the opinion is not judged, this fact is."""

    statement: Annotated[OneLine, AfterValidator(_short_enough(30))] = Field(
        description="The fact the opinion rests on, in the site's own plain words (not the article's), "
        "30 words at most, e.g. `The council's vote was not counted.`"
    )
    verdict: Verdict = Field(
        description="The verdict on that fact: `supported`, `partly-supported`, `unsupported`, `disputed` or "
        "`not-verified`. The claim's `explanation:` and `sources:` say why."
    )

    @field_validator("verdict")
    @classmethod
    def _a_fact(cls, verdict: Verdict) -> Verdict:
        if verdict == Verdict.opinion:
            raise ValueError("a premise is a fact, so it is judged: use `supported`, `partly-supported`, "
                             "`unsupported`, `disputed` or `not-verified`; if nothing in it can be checked, remove `premise:`")
        return verdict


class ClaimSimple(Strict):
    explanation: Annotated[Markdown, AfterValidator(_short_enough(90))] | None = Field(
        None, description="The `explanation` in simpler words, 90 words at most.")
    premise: Annotated[OneLine, AfterValidator(_short_enough(30))] | None = Field(
        None, description="The premise's `statement` in simpler words (the verdict stays the premise's own).")


class Claim(TextQuote):
    """One checkable statement of an article, anchored by quoting it, typed and given a verdict."""

    id: Slug = Field(description="Stable id, e.g. `c01`: the claims page links to `#c01`.")
    type: ClaimType = Field(
        description="`reported-fact`, `opinion`, `prediction`, `loaded-language`, or `mixed` (several at once)."
    )
    verdict: Verdict = Field(
        description="`supported`, `partly-supported`, `unsupported`, `disputed`, `opinion` (not checkable: an "
        "opinion) or `not-verified` (not checked yet: say so, never fill the gap). A claim of type `opinion` "
        "always has `verdict: opinion`; the fact it rests on gets its verdict under `premise:`."
    )
    premise: Premise | None = Field(
        None,
        description="Only with `verdict: opinion`: the fact the opinion rests on, with its own verdict "
        "(pages show \"Opinion; its premise: disputed\"). Needs `sources:`.",
    )
    explanation: Annotated[Markdown, AfterValidator(_short_enough(90))] = Field(
        description="Why this verdict, for students: 90 words at most, in plain words."
    )
    sources: list[Slug] = Field(
        default_factory=list, description="Ids from `data/sources.yaml`; may be empty only for opinions without a premise."
    )
    simple: ClaimSimple | None = Field(None, description=SIMPLE_HELP)

    @field_validator("simple")
    @classmethod
    def _simple_beside_standard(cls, simple, info: ValidationInfo):
        return _simplifies(info.data, simple)

    @field_validator("verdict")
    @classmethod
    def _opinions_are_not_judged(cls, verdict: Verdict, info: ValidationInfo) -> Verdict:
        if info.data.get("type") == ClaimType.opinion and verdict != Verdict.opinion:
            raise ValueError(
                f"a claim of type `opinion` is not judged right or wrong: write `verdict: opinion`, and put "
                f"`{verdict.value}` under `premise:` (with a `statement:` of the fact the opinion rests on)")
        return verdict

    @field_validator("premise")
    @classmethod
    def _premise_of_an_opinion(cls, premise: Premise | None, info: ValidationInfo) -> Premise | None:
        verdict = info.data.get("verdict")
        if premise is not None and verdict is not None and verdict != Verdict.opinion:
            raise ValueError(f"only an opinion (`verdict: opinion`) has a premise; this claim's own verdict "
                             f"(`{verdict.value}`) already judges it: remove `premise:`")
        return premise

    @model_validator(mode="after")
    def _sourced(self):
        if not self.sources and self.premise is not None:
            raise ValueError("a claim whose premise is checked needs `sources:` for that check")
        if not self.sources and self.verdict != Verdict.opinion:
            raise ValueError("a claim with a verdict needs `sources:` (only `verdict: opinion` may have none)")
        return self


class LoadedSimple(Strict):
    neutral: PlainText | None = Field(None, description="The `neutral` wording in simpler words.")
    note: Annotated[Markdown, AfterValidator(_short_enough(60))] | None = Field(
        None, description="The `note` in simpler words, 60 words at most.")


class LoadedPhrase(TextQuote):
    """Value-laden wording: what neutral words would say, and what the chosen words do."""

    id: Slug = Field(description="Stable id, e.g. `war-mongering`: the wording page links to `#<id>`.")
    neutral: PlainText = Field(description="A neutral way to say the same thing.")
    note: Annotated[Markdown, AfterValidator(_short_enough(60))] = Field(
        description="What the wording does to the reader, 60 words at most."
    )
    claim: Slug | None = Field(None, description="Id of the claim these words belong to, if any.")
    simple: LoadedSimple | None = Field(None, description=SIMPLE_HELP)

    @field_validator("simple")
    @classmethod
    def _simple_beside_standard(cls, simple, info: ValidationInfo):
        return _simplifies(info.data, simple)


class ClaimsFile(Strict):
    claims: list[Claim] = Field(min_length=1, description="The checkable claims, in the order of the article.")
    loaded: list[LoadedPhrase] = Field(default_factory=list, description="Loaded or value-laden wording.")


# --- Timeline -------------------------------------------------------------------------------------


class Period(str, Enum):
    background = "background"
    around = "around"  # the days around the article
    after = "after"


class EventSimple(Strict):
    title: PlainText | None = Field(None, description="The `title` in simpler words.")
    text: Markdown | None = Field(None, description="The `text` in simpler words.")


class Event(Strict):
    id: Slug = Field(description="Stable id; the timeline page links to `#<id>`.")
    date: PartialDate = Field(
        description="When it happened: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` (a year alone in quotes: `\"1944\"`)."
    )
    period: Period = Field(
        description="`background` (before the article's story), `around` (the days around the article) or `after`."
    )
    title: PlainText = Field(description="What happened, in a few words.")
    text: Markdown | None = Field(None, description="One to three plain sentences.")
    actors: list[Slug] = Field(default_factory=list, description="Ids of the actors involved.")
    explains: list[TextQuote] = Field(
        default_factory=list, description="Words of the article this event explains, quoted."
    )
    places: list[Slug] = Field(
        default_factory=list, description="Ids from `data/places.yaml` of where it happened (dated by `date`, sourced by `sources`)."
    )
    sources: list[Slug] = Field(min_length=1, description="Ids from `data/sources.yaml`.")
    simple: EventSimple | None = Field(None, description=SIMPLE_HELP)

    @field_validator("simple")
    @classmethod
    def _simple_beside_standard(cls, simple, info: ValidationInfo):
        return _simplifies(info.data, simple)


class EventsFile(Strict):
    events: list[Event] = Field(min_length=1, description="Events in date order.")


# --- Places ---------------------------------------------------------------------------------------


class PlaceKind(str, Enum):
    city = "city"
    town = "town"
    base = "base"  # an air or naval base
    province = "province"  # marked at about its middle


def _latitude(value: float) -> float:
    if not -90 <= value <= 90:
        raise ValueError(f"{value} is no latitude: it runs from -90 (south pole) to 90 (north pole); "
                         "are latitude and longitude swapped?")
    return value


def _longitude(value: float) -> float:
    if not -180 <= value <= 180:
        raise ValueError(f"{value} is no longitude: it runs from -180 to 180 (east of Greenwich is positive)")
    return value


Latitude = Annotated[float, AfterValidator(_latitude)]
Longitude = Annotated[float, AfterValidator(_longitude)]


class Frame(Strict):
    """The part of the world every map of the site shows, in degrees."""

    west: Longitude = Field(description="Longitude of the left edge.")
    east: Longitude = Field(description="Longitude of the right edge.")
    south: Latitude = Field(description="Latitude of the bottom edge.")
    north: Latitude = Field(description="Latitude of the top edge.")

    @model_validator(mode="after")
    def _not_empty(self):
        if self.east <= self.west or self.north <= self.south:
            raise ValueError("the frame is empty: `east` must be more than `west`, and `north` more than `south`")
        return self


class Place(Strict):
    id: Slug = Field(description="How actors, events and glossary terms name this place, e.g. `north-town`.")
    name: TermForm = Field(description="The name the site uses, as English news usually spells it (80 characters at most: it is marked like a glossary term).")
    variants: list[Variant] = Field(
        default_factory=list, description="Other spellings and names: a plain name, or `- name: ...` with a `note:`.",
        json_schema_extra=_name_or_object,
    )
    kind: PlaceKind = Field(description="`city`, `town`, `base` (an air or naval base) or `province`.")
    lat: Latitude = Field(description="Latitude in decimal degrees, north positive (e.g. 35.95).")
    lon: Longitude = Field(description="Longitude in decimal degrees, east positive (e.g. 39.01).")
    country: OneLine = Field(description="The country it lies in.")
    sources: list[Slug] = Field(min_length=1, description="Ids from `data/sources.yaml` that name and locate it.")

    @model_validator(mode="before")
    @classmethod
    def _plain_variants(cls, value):
        return _names_to_objects(value, "variants")

    def forms(self) -> list[str]:
        return [self.name, *(v.name for v in self.variants)]


class PlacesFile(Strict):
    frame: Frame = Field(description="What every map shows: its edges in degrees (every place must lie inside).")
    places: list[Place] = Field(min_length=1, description="Every place an actor or event names, one entry each.")


# --- Classroom ------------------------------------------------------------------------------------


class SitePage(str, Enum):
    """The pages a lesson step can send a class to; each is generated per article or once for the site."""

    article = "article"
    handout = "handout"  # the student copy, printed
    key = "key"  # the teacher key, printed
    quiz = "quiz"
    vocabulary = "vocabulary"  # the matching exercise, printed
    claims = "claims"
    wording = "wording"
    relationships = "relationships"
    timeline = "timeline"
    glossary = "glossary"
    actors = "actors"


class LessonLength(str, Enum):
    """The versions of a lesson; each has the minutes it must fill (see `LESSON_MINUTES`)."""

    one_period = "one-period"
    two_periods = "two-periods"


# Warm-up, steps and exit ticket together fill a version's class time: one period of 45-50 minutes, or two.
LESSON_MINUTES: dict[LessonLength, tuple[int, int]] = {
    LessonLength.one_period: (45, 50),
    LessonLength.two_periods: (90, 100),
}


class Setup(str, Enum):
    """How a class works: from paper alone, or with the offline copy on computers or tablets."""

    print = "print"
    offline = "offline"


class Question(Strict):
    ask: Markdown = Field(description="The question, as students read it on the handout.")
    facts: list[Markdown] = Field(
        default_factory=list,
        description="What students need to know to answer from the handout alone, stated as plain facts "
        "(no verdicts, no answer). Printed under the question.",
    )
    answer: Markdown = Field(description="A model answer: on the teacher key only, never on the handout.")
    claims: list[Slug] = Field(default_factory=list, description="Ids of claims the question is about.")


class LessonStep(Strict):
    minutes: int = Field(ge=1, le=100, description="How long the step takes.")
    step: Markdown = Field(description="What the class does.")
    uses: list[SitePage] = Field(
        default_factory=list,
        description="The pages the step uses: `article`, `handout`, `key`, `quiz`, `vocabulary`, `claims`, "
        "`wording`, `relationships`, `timeline`, `glossary` or `actors`.",
    )
    on_paper: Markdown | None = Field(
        None, description="What to do instead when the class has only the printed sheets (no devices)."
    )


class Standard(Strict):
    code: PlainText = Field(description="The standard's code as its framework writes it, e.g. `RH.9-10.6`.")
    framework: PlainText = Field(description="Whose standard it is, e.g. `Common Core (Literacy in History/Social Studies)`.")
    text: Markdown = Field(description="What the standard asks of students, and how this lesson meets it.")


class Material(Strict):
    setup: Setup = Field(description="`print` (paper only) or `offline` (with the offline copy on devices).")
    needs: list[Markdown] = Field(min_length=1, description="What the teacher prepares for this setup.")


class RubricLevel(Strict):
    points: int = Field(ge=0, le=10, description="The points this level earns.")
    meets: Markdown = Field(description="What an answer at this level does.")


class ExitTicket(Strict):
    minutes: int = Field(ge=1, le=15, description="How long students have.")
    prompt: Markdown = Field(description="The task, as students read it.")
    rubric: list[RubricLevel] = Field(min_length=2, description="Short rubric, from the best level down.")


class Care(Strict):
    """Guidance for a class with students whose families come from the region the article is about."""

    intro: Markdown = Field(description="Why care is needed, in a sentence or two.")
    norms: list[Markdown] = Field(min_length=1, description="Discussion norms to agree on before the lesson.")
    avoid: list[Markdown] = Field(min_length=1, description="What the teacher avoids doing or asking.")


class QuizOption(Strict):
    text: Markdown = Field(description="The option, as students read it.")
    correct: bool = Field(False, description="`true` for the one right option of the question.")
    feedback: Markdown = Field(description="Why this option is right or wrong, in a sentence or two.")


def _one_correct(options: list[QuizOption]) -> list[QuizOption]:
    right = sum(1 for o in options if o.correct)
    if right != 1:
        raise ValueError(f"has {right} options marked `correct: true`; mark exactly one")
    return options


class QuizQuestion(Strict):
    ask: Markdown = Field(description="The question.")
    paragraph: Slug = Field(description="Id of the article paragraph the question is about; the feedback links to it.")
    options: Annotated[list[QuizOption], AfterValidator(_one_correct)] = Field(
        min_length=2, max_length=5, description="Two to five options, exactly one with `correct: true`."
    )


class ArticleLesson(Strict):
    ages: Annotated[str, Field(pattern=r"^\d{1,2}-\d{1,2}$")] = Field(
        description="The age band the lesson is written for, e.g. `14-17`."
    )
    objectives: list[Markdown] = Field(min_length=1, description="What students will be able to do afterwards.")
    standards: list[Standard] = Field(default_factory=list, description="Named standards the lesson meets.")
    materials: list[Material] = Field(min_length=1, description="What to prepare, per setup (`print`, `offline`).")
    warm_up: LessonStep = Field(description="The opening activity; counted in every version's minutes.")
    versions: dict[LessonLength, list[LessonStep]] = Field(
        min_length=1,
        description="The activity steps of each version, `one-period` and/or `two-periods`; with the warm-up "
        "and the exit ticket they fill 45-50 or 90-100 minutes.",
    )
    extension: Markdown | None = Field(None, description="Lateral reading or other work after the lesson.")
    exit_ticket: ExitTicket = Field(description="The last task of every version, with its rubric.")
    care: Care | None = Field(None, description="Guidance for classes with students from the region.")
    vocabulary: list[Slug] = Field(
        default_factory=list,
        description="Ids of glossary terms the article uses: printed on the handout and in the matching exercise.",
    )
    questions: list[Question] = Field(default_factory=list, description="Questions on the whole article.")
    quiz: list[QuizQuestion] = Field(default_factory=list, description="The self-check quiz: multiple choice.")

    @model_validator(mode="after")
    def _versions_fill_their_time(self):
        for length, steps in self.versions.items():
            low, high = LESSON_MINUTES[length]
            total = self.warm_up.minutes + sum(s.minutes for s in steps) + self.exit_ticket.minutes
            if not low <= total <= high:
                raise ValueError(
                    f"the `{length.value}` version takes {total} minutes (warm-up, steps and exit ticket); "
                    f"make it {low}-{high} minutes")
        return self


class ClassroomFile(Strict):
    articles: dict[Slug, ArticleLesson] = Field(
        default_factory=dict, description="By article id: the lesson plan, vocabulary, questions and quiz."
    )
    actors: dict[Slug, list[Question]] = Field(
        default_factory=dict, description="By actor id: questions shown on that actor's page."
    )


# --- The unit ------------------------------------------------------------------------------------


class Unit(Strict):
    """What the site as a whole is about: one article or a teacher's unit of several."""

    title: PlainText = Field(description="The site's name: the home page's heading, the browser tab, the classroom copy's file name.")
    description: Markdown = Field(
        description="What the unit is about and what the site helps a reader do, in one to four plain sentences: "
        "the home page opens with it."
    )
    texts: dict[str, OneLine] = Field(
        default_factory=dict,
        description="The site's own wording for some interface texts, by their key in the generator's catalogue "
        "(`hooks/explainer/texts/en.yaml`), for texts that depend on the topic or the genre: "
        "`pages.actors.intro: The councils and companies the reports name...`.",
    )


# --- The data files -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DataFile:
    """One kind of data file: where it lives in the data folder, which model checks it, and the slot
    the loader puts it in. The loader, the schema export and the scaffolds all read this one list."""

    pattern: str  # relative to the data folder; `*` stands for the id of one item per file
    model: type[BaseModel]
    slot: str
    required: bool = False

    @property
    def one_per_item(self) -> bool:
        return "*" in self.pattern

    def path(self, data_dir, item_id: str | None = None):
        """Where this file (or, one per item, the file of `item_id`) is in `data_dir`."""
        return data_dir / (self.pattern.replace("*", item_id) if item_id else self.pattern)


DATA_FILES: tuple[DataFile, ...] = (
    DataFile("unit.yaml", Unit, "unit"),
    DataFile("sources.yaml", SourcesFile, "sources", required=True),
    DataFile("kinds.yaml", KindsFile, "kinds", required=True),
    DataFile("glossary.yaml", GlossaryFile, "glossary", required=True),
    DataFile("claims.yaml", ClaimsFile, "claims"),
    DataFile("events.yaml", EventsFile, "events"),
    DataFile("classroom.yaml", ClassroomFile, "classroom"),
    DataFile("places.yaml", PlacesFile, "places"),
    DataFile("articles/*.yaml", Article, "articles"),
    DataFile("actors/*.yaml", Actor, "actors"),
)

def data_file(slot: str) -> DataFile:
    """The registry's entry for one kind of file: `data_file("actors")`."""
    return next(f for f in DATA_FILES if f.slot == slot)


# Which model checks which file, by its place in the data folder.
FILE_MODELS: dict[str, type[BaseModel]] = {f.pattern: f.model for f in DATA_FILES}
