"""Turn a checked `Explainer` into Markdown pages through Jinja2 templates.

Returns plain `{path: markdown}`: the MkDocs hook turns those into generated files, a benchmark
or a test can write them to disk. Everything is sorted so the same data gives the same bytes.
"""

from __future__ import annotations

import functools
import posixpath
import re
from pathlib import Path

import jinja2
import markupsafe

from . import article_view, briefing, catalogue, classroom, critical, dates, levels, maps, page_kinds, relations, timeline
from .glossary_marker import GlossaryIndex
from .markup import level_block, level_inline, md_escape, one_line, pieces, plain_text, simple_of
from .pages import PageOut, Pages
from .aggregate import Explainer

TEMPLATES = Path(__file__).parent / "templates"
READ_OTHER_PAGES = ("glossary", "home")  # rendered after every other page: the terms they use, their titles


def page_paths(explainer: Explainer, home_page: bool = False) -> dict[str, str]:
    """Where each generated page lives, by its key (see `page_kinds`), in the table's order. The home
    page is generated only for a site whose own pages have none (`home_page`)."""
    return {key: page.path for key, page in page_kinds.site_pages(explainer, home_page).items()}


def page_url(path: str, directory_urls: bool) -> str:
    """The URL MkDocs gives the page at docs path `path` ("actors/x.md" -> "actors/x/" or "actors/x.html")."""
    stem, name = posixpath.split(path[: -len(".md")])
    if name == "index":
        return (stem + "/" if stem else "") if directory_urls else posixpath.join(stem, "index.html")
    return posixpath.join(stem, name) + ("/" if directory_urls else ".html")


def relative_url(url: str, other: str) -> str:
    """`url` relative to the page at URL `other`, as MkDocs writes links between pages."""
    folder, name = posixpath.split(other)
    base = folder if "." in name else other  # "a/b.html" is a file in "a"; "a/b/" is a folder
    relative = posixpath.relpath("/" + url, "/" + base)
    return relative + "/" if url.endswith("/") else relative


def _fail(message: str):
    raise ValueError(f"template: {message}")


@functools.lru_cache(maxsize=4)
def _environment(bytecode_dir: Path | None = None) -> jinja2.Environment:
    """One environment per process (and bytecode folder): Jinja keeps each compiled template and
    recompiles it only when its file changes, so `serve` rebuilds do not compile them again; with a
    bytecode folder, neither does the next build after a data change."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # templates write Markdown; plain text goes through the `md` filter
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(bytecode_dir)) if bytecode_dir else None,
    )
    env.globals["fail"] = _fail  # a closed set met a value no branch knows: stop the build, never print nothing
    env.filters["md"] = md_escape
    env.filters["one_line"] = one_line
    # Text in raw HTML: on one line (a blank line would end the HTML block and let Markdown read the
    # rest, `{: onclick=... }` included) and escaped.
    env.filters["html_line"] = lambda text: str(markupsafe.escape(one_line(str(text))))
    env.filters["plain"] = plain_text
    env.filters["title_text"] = lambda text: plain_text(text).replace('"', "'")
    env.filters["readable_date"] = dates.readable  # the one way pages write a date (a day, month or year)
    # A source's date, which may be `undated` (a page that shows none): the catalogue's word for that.
    env.globals["source_date"] = lambda value, t: t["source_list"]["undated"] if value == "undated" else dates.readable(value)
    env.filters["format_quoted"] = lambda text: f"“{text}”"  # a title quoted in running text
    env.filters["first_sentence"] = article_view.first_sentence
    env.filters["excerpt"] = article_view.excerpt
    # Words from the page's merged catalogue (`t`, which a site may override), not the module's.
    env.globals["paragraph_label"] = jinja2.pass_context(
        lambda ctx, paragraph, number: article_view.paragraph_label(paragraph, number, ctx["t"]))
    env.filters["for_form"] = article_view.for_form  # `t.x.y | for_form(article)`: the text for its `form:`
    # Reading levels: a text's simple version beside the standard one (see levels.py, levels.js).
    env.globals["simple_of"] = simple_of
    env.globals["level_block"] = level_block
    env.globals["level_inline"] = level_inline
    env.globals["number"] = relations.number
    env.globals["after_article"] = timeline.is_after
    env.filters["has_simple_texts"] = levels.has_simple  # the lesson plan mentions the level switch only then
    env.filters["claim_label"] = critical.claim_label
    env.filters["verdict_text"] = jinja2.pass_context(lambda ctx, claim: critical.verdict_text(claim, ctx["t"]))
    env.filters["verdict_key"] = critical.verdict_key  # claims page: filter values, counts, premise help
    env.globals["verdict_counts"] = jinja2.pass_context(lambda ctx, claims: critical.verdict_counts(claims, ctx["t"]))
    env.globals["verdict_icons"] = critical.VERDICT_ICONS
    return env


def render_pages(explainer: Explainer, *, site_name: str | None = None, site_url: str | None = None,
                 directory_urls: bool = True, paths: dict[str, str] | None = None,
                 glossary: GlossaryIndex | None = None, bytecode_dir: Path | None = None, home_page: bool = False) -> Pages:
    """Every generated page of the site, in a stable order.

    `site_name`, `site_url` and `directory_urls` come from the site's config; only the claims page's
    structured data (ClaimReview) uses them, to name the reviewer and spell out URLs. `paths` and
    `glossary`, when the caller already has them for this explainer, are used rather than built again;
    the result carries the ones used (`Pages.paths`, `Pages.glossary`). `bytecode_dir` keeps the
    compiled templates between processes.
    """
    site = page_kinds.site_pages(explainer, home_page)
    paths = {key: page.path for key, page in site.items()} if paths is None else paths
    if explainer.unit:
        site_name = explainer.unit.title
    env = _environment(Path(bytecode_dir) if bytecode_dir else None)
    texts = catalogue.of_unit(explainer.unit)
    claim_words = critical.claim_words(texts)  # claim types, verdicts and their help, for every page that shows claims
    if glossary is None:
        glossary = _glossary_index(explainer, paths, texts["map"])
    pages: list[PageOut] = []
    # Relative URLs by (folder of the linking page, target key): a few folders link to the same pages,
    # and `relpath` (two `abspath` calls) for every link was about half of the rendering time.
    relative: dict[tuple[str, str], str] = {}

    def where(span) -> str:
        """Where a span's words are, as the article page numbers them: "paragraph 3", "the image caption"."""
        return article_view.paragraph_label(explainer.paragraph(span.article, span.paragraph),
                                            explainer.paragraph_number(span.article, span.paragraph), texts)

    def title_of(key: str) -> str:
        return site[key].title(texts, explainer, site_name)

    def render(key: str, **context) -> None:
        """The page `key`, from its kind's template (see `page_kinds`), with `context` for it."""
        path, title = paths[key], title_of(key)
        start = posixpath.dirname(path) or "."

        def link(target_key: str, fragment: str = "") -> str:
            target = relative.get((start, target_key))
            if target is None:
                target = relative[(start, target_key)] = posixpath.relpath(paths[target_key], start)
            return target + (f"#{fragment}" if fragment else "")

        here = page_url(path, directory_urls)

        def asset(target_key: str) -> str:
            """A static file's URL (not a page's), relative to this page, for raw HTML."""
            return relative_url(paths[target_key], here)

        def url(target_key: str, fragment: str = "") -> str:
            """A link for raw HTML, which MkDocs does not rewrite: the target page's URL, relative to this one."""
            target = relative_url(page_url(paths[target_key], directory_urls), here)
            return target + (f"#{fragment}" if fragment else "")

        text = env.get_template(site[key].kind.template).render(ex=explainer, title=title, link=link, url=url, asset=asset, paths=paths,
                                                 where=where, t=texts, **claim_words, **context)
        pages.append(PageOut(path, title, text))

    incoming = _incoming_relationships(explainer)
    kinds = {k.id: k for k in explainer.kinds}
    ego_day, egos = relations.ego_diagrams(explainer, texts["ties"])
    ego_legend = relations.legend(words=texts["ties"])
    map_key = first_map_key(explainer)
    for actor in explainer.actors.values():
        theirs = incoming.get(actor.id, [])
        render(f"actor:{actor.id}", actor=actor, kind=kinds.get(actor.kind),
               place_map=_actor_map(explainer, actor, texts["map"]), map_key=map_key,
               ego=egos.get(actor.id), ego_day=ego_day, ego_legend=ego_legend,
               spans=explainer.spans_of(actor.id), incoming=theirs, source_ids=(cited := _cited_on_page(actor, theirs)),
               source_numbers={source_id: n for n, source_id in enumerate(cited, start=1)},
               questions=explainer.actor_questions.get(actor.id, []), **_in_each_article(explainer, actor))
    for article in explainer.articles.values():
        render(f"article:{article.id}", article=article,
               views=article_view.reading_view(explainer, article), minutes=article_view.reading_minutes(article),
               headline=article_view.headline_parts(explainer, article))
        if f"retelling:{article.id}" in paths:
            numbered = [(p, explainer.paragraph_number(article.id, p.id)) for p in article.paragraphs]
            render(f"retelling:{article.id}", article=article, paragraphs=numbered)
    _render_critical(explainer, render, paths, texts, site_name=site_name, site_url=site_url, directory_urls=directory_urls)
    closer_pages: list[PageOut] = []
    _render_maps(explainer, render, paths, env, closer_pages, texts["pages"]["map"], texts["map"], title_of)
    if "map-base" in paths:
        pages.append(PageOut(paths["map-base"], title_of("map-base"), _map_base(explainer, env, texts["map"])))
    pages += closer_pages
    # Every other kind needs nothing but its template: a new kind of page is its template and its
    # entry in `page_kinds`. The glossary and the home page come last: they read the other pages.
    rendered = {page.path for page in pages}
    for key, page in site.items():
        if page.kind.template and page.path not in rendered and page.kind.name not in READ_OTHER_PAGES:
            render(key)
    usage = _term_usage(explainer, glossary, pages)
    render("glossary", usage=usage)
    if "home" in paths:
        key_of = {path: key for key, path in paths.items()}
        titles = {key_of[page.path]: page.title for page in pages if page.path in key_of}
        render("home", page_titles=titles)
    return Pages(sorted(pages, key=lambda p: p.path), paths, glossary, catalogue.script(texts), texts, site)


def _render_critical(explainer: Explainer, render, paths: dict[str, str], texts: dict, **site) -> None:
    """The pages that teach critical reading, and the classroom pack; each only when its data exists
    (`texts`: the site's merged catalogue)."""
    words = texts["pages"]
    quotes = {s.owner: s.words for s in explainer.spans if s.kind in ("claim", "loaded")}
    quotes_by_span = {s.id: s.words for s in explainer.spans}
    if "claims" in paths:
        counts = {v: sum(1 for c in explainer.claims.values() if c.verdict.value == v) for v in critical.VERDICT_LABELS}
        type_counts = {t: sum(1 for c in explainer.claims.values() if c.type.value == t) for t in critical.TYPE_LABELS}
        cited = list(dict.fromkeys(s for c in explainer.claims.values() for s in c.sources))
        jsonld = critical.claim_review_jsonld(explainer, paths, quotes, texts=texts, **site)
        render("claims", quotes=quotes, counts=counts, type_counts=type_counts,
               cited=cited, jsonld=jsonld)
    if "wording" in paths:
        render("wording", quotes=quotes)
    if "relationships" in paths:
        days = relations.article_days(explainer) or [None]
        keys = ["relationships"] + [f"relationships:{d.isoformat()}" for d in days[1:]]
        kind_titles = {k.id: k.title for k in explainer.kinds}
        for day, key in zip(days, keys):
            matrix = relations.build_matrix(explainer, day, texts["ties"])
            title = words["relationships"]["title_on"].format(day=dates.readable(day)) if day else words["relationships"]["title"]
            described = [a for a in explainer.articles_by_date() if a.as_of == day] if len(days) > 1 else []
            render(key, matrix=matrix, day=day,
                   diagrams=relations.diagram(matrix, kind_titles) if matrix.shows_grid else None,
                   graph_title=title, graph_description=relations.describe(matrix), sid="xp-graph",
                   switch=list(zip(days, keys)) if len(days) > 1 else [], this_key=key, described=described)
    if "timeline" in paths:
        many = len(explainer.articles) > 1
        headings = {"background": words["timeline"]["background"],
                    "around": words["timeline"]["around_unit" if many else "around"], "after": words["timeline"]["after"]}
        days = relations.article_days(explainer)
        as_of = days[0] if days else None  # "after the article": after the first article was written
        periods, previous = [], None
        for key, heading in headings.items():
            items = [(e.date, "event", e) for e in explainer.events if e.period.value == key]
            if key == "around":  # the article itself, on its date, among the events of those days
                items += [(a.as_of.isoformat(), "article", a) for a in explainer.articles.values() if a.as_of]
            entries = []
            for when, what, item in sorted(items, key=lambda i: (i[0], i[1] == "event")):
                entries.append((what, item, timeline.gap_words(previous, when, words["timeline"]) if previous else None))
                previous = when
            if entries:
                periods.append((heading, entries))
        cited = list(dict.fromkeys(s for e in explainer.events for s in e.sources))
        dated = [a for a in explainer.articles_by_date() if a.as_of]

        def latest_before(event_date: str):
            """The last article the event happened after, for its "After “…”" tag in a unit of several."""
            return next((a for a in reversed(dated) if timeline.is_after(event_date, a.as_of)), None)

        render("timeline", quotes_by_span=quotes_by_span, periods=periods, cited=cited,
               latest_before=latest_before, map_key=first_map_key(explainer),
               event_maps={e.id: m for e in explainer.events if (m := event_map(explainer, e, texts["map"]))},
               axis=timeline.overview(explainer.events, as_of, words["timeline"]), as_of=as_of)
    for article_id, lesson in explainer.lessons.items():
        _render_classroom(explainer, render, paths, article_id, lesson, quotes)
    for article in explainer.articles.values():
        if f"briefing:{article.id}" in paths:
            render(f"briefing:{article.id}", article=article,
                   b=briefing.briefing(explainer, article))


def _render_classroom(explainer: Explainer, render, paths: dict[str, str], article_id: str, lesson,
                      quotes) -> None:
    """One article's classroom pack: the lesson plan, the student handout, the teacher key, the quiz and
    the vocabulary exercise (the last two when the lesson has them)."""
    article = explainer.articles[article_id]
    claims = explainer.claims_of(article_id)
    loaded = [p for p in explainer.loaded.values()
              if (s := explainer.span_of("loaded", p.id)) and s.article == article_id]
    terms = [explainer.term(t) for t in lesson.vocabulary]
    order = classroom.matching(article_id, lesson.vocabulary)
    common = dict(article=article, lesson=lesson, cr=classroom)
    render(f"lesson:{article_id}", claims=claims, **common)
    render(f"handout:{article_id}", terms=terms, **common)
    render(f"key:{article_id}", claims=claims, loaded=loaded,
           quotes=quotes, terms=terms, order=order, **common)
    if f"quiz:{article_id}" in paths:
        render(f"quiz:{article_id}", **common)
    if f"vocabulary:{article_id}" in paths:
        render(f"vocabulary:{article_id}", terms=terms,
               order=order, **common)


def _glossary_index(explainer: Explainer, paths: dict[str, str], words: dict) -> GlossaryIndex:
    """Every term's forms, and every place's: a term leads to its actor's page, else to its place on
    the map, else to the glossary; a place no term names is marked with a tooltip of its own (in the
    catalogue's `map` texts, `words`)."""
    first_map = _first_map(explainer, paths)

    def target(term) -> str:
        if term.actor:
            return paths[f"actor:{term.actor}"]
        if term.place and first_map:
            return f"{first_map}#place-{term.place}"
        return f"{paths['glossary']}#{term.id}"

    targets = {t.id: target(t) for t in explainer.terms}
    named = {t.place for t in explainer.terms if t.place}
    place_terms = []
    if first_map:
        from .model import Term  # only when there are places: a cached build never gets here

        for place in explainer.places.values():
            if place.id in named:
                continue
            term_id = f"place-{place.id}"
            what = words["kinds"][place.kind.value].format(country=place.country)
            short = words["place_short"].format(what=what[0].upper() + what[1:])
            place_terms.append(Term(id=term_id, term=place.name, variants=[v.name for v in place.variants],
                                    short=short, definition=short))
            targets[term_id] = f"{first_map}#place-{place.id}"
    return GlossaryIndex([*explainer.terms, *place_terms], targets)


def _first_map(explainer: Explainer, paths: dict[str, str]) -> str | None:
    """The map a place's mark leads to: that of the earliest article (by its date, then its id)."""
    key = first_map_key(explainer)
    return paths[key] if key else None


def first_map_key(explainer: Explainer) -> str | None:
    if explainer.frame is None or not explainer.articles:
        return None
    first = min(explainer.articles.values(), key=lambda a: (a.as_of is None, a.as_of.isoformat() if a.as_of else "", a.id))
    return f"map:{first.id}"


def _map_context(explainer: Explainer, view, sid: str, title: str, words: dict) -> dict:
    """What the map templates draw a map with; `words` are the catalogue's `map` texts."""
    return {"view": view, "sid": sid, "map_title": title, "borders_note": words["borders"], "base": "map-base",
            "kind_titles": {k.id: k.title for k in explainer.kinds}, "tie_words": words["ties"],
            "tie_legend": words["legend"], "place_kinds": words["kinds"],
            "dates_text": functools.partial(maps.dates_text, words=words)}


def _closer_view(explainer: Explainer, article, view, presences: list, on: str, title: str, words: dict) -> dict | None:
    """A closer view of the part of an article's map where names found no room, or None."""
    part = maps.crowded_frame(view, explainer.frame)
    if part is None:
        return None
    inside = [p for p in presences if part.holds(p.place, inset=0.1)]  # no marker cut by the edge
    closer = maps.view(explainer, inside, subject=words["subjects"]["closer"].format(on=on), plain_shape=maps.OTHER_SHAPE,
                       frame=part, words=words)
    return _map_context(explainer, closer, "xp-map-closer", title, words) | {
        "base": f"map-closer:{article.id}", "view_frame": part, "plain": None, "plain_shape": None}


def _render_maps(explainer: Explainer, render, paths: dict[str, str], env: jinja2.Environment,
                 closer_pages: list, words: dict, map_words: dict, title_of) -> None:
    """One map per article: every actor's ties to places on the article's date, and the other places;
    and a closer view of where it is crowded (its outlines one more image, in `closer_pages`). `words`
    are the catalogue's texts of the map page (`pages.map`), `map_words` those of the drawing (`map`)."""
    if explainer.frame is None:
        return
    for article in explainer.articles.values():
        day = article.as_of
        presences = maps.presences_of(explainer, explainer.actors.values(), day)
        shown = {p.place.id for p in presences}
        presences += [maps.Presence(place) for place in explainer.places.values() if place.id not in shown]
        on = words["on_day"].format(date=dates.readable(day)) if day else ""
        view = maps.view(explainer, presences, subject=map_words["subjects"]["actors"].format(on=on),
                         plain_shape=maps.OTHER_SHAPE, words=map_words)
        title = title_of(f"map:{article.id}")
        cited = list(dict.fromkeys(s for p in presences for s in p.sources))
        mp = _map_context(explainer, view, "xp-map", title, map_words) | {
            "caption": words["caption"].format(on=on), "plain": words["other"], "plain_shape": maps.OTHER_SHAPE}
        closer = _closer_view(explainer, article, view, presences, on, words["closer"].format(on=on), map_words)
        if closer:
            view.detail_box = maps.box_of(closer["view_frame"], explainer.frame)
            closer_pages.append(PageOut(paths[closer["base"]], title_of(closer["base"]),
                                        _map_base(explainer, env, map_words, closer["view_frame"])))
        render(f"map:{article.id}", article=article, cited=cited, mp=mp, closer=closer)


def _actor_map(explainer: Explainer, actor, words: dict) -> dict | None:
    """The small map on an actor's page: every place it was tied to, at any date (the list gives the dates)."""
    if explainer.frame is None or not actor.places:
        return None
    presences = maps.presences_of(explainer, [actor], None)
    title = words["actor_title"].format(name=actor.name)
    view = maps.view(explainer, presences, subject=words["subjects"]["actor"].format(name=actor.name),
                     countries_named=True, words=words)
    return _map_context(explainer, view, "xp-map-actor", title, words) | {"entries": presences, "plain": None,
                                                                          "plain_shape": None}


def event_map(explainer: Explainer, event, words: dict) -> dict | None:
    """The small map of a timeline event that names its places; `words` are the catalogue's `map` texts."""
    if explainer.frame is None or not event.places:
        return None
    presences = [maps.Presence(explainer.places[p]) for p in event.places]
    title = words["event_title"].format(title=event.title)
    subject = words["subjects"]["event"].format(event=event.title[:1].lower() + event.title[1:])
    view = maps.view(explainer, presences, subject=subject, words=words)
    return _map_context(explainer, view, f"xp-map-{event.id}", title, words) | {"plain": words["event_plain"],
                                                                                "plain_shape": maps.EVENT_SHAPE}


def _map_base(explainer: Explainer, env: jinja2.Environment, words: dict, frame=None) -> str:
    proj = maps.projection(frame or explainer.frame)
    return env.get_template("map_base.svg.j2").render(
        width=proj.width, height=proj.height, map_height=proj.map_height, countries=maps.countries(proj),
        title=words["outlines"], number=relations.number)


def _in_each_article(explainer: Explainer, actor) -> dict:
    """For a unit of several articles: which name the actor, and what each says and gets wrong."""
    said, records, named = [], [], []
    for article in explainer.articles_by_date():
        view = explainer.in_article(actor, article.id)
        mine = [s for s in explainer.spans_of(actor.id) if s.article == article.id]
        if mine or view.role:
            said.append((article, view, mine))  # the view carries the simple versions too
        if view.record:
            records.append((article, view))
        if view.named:
            named.append(article)
    return {"unit_said": said, "unit_records": records, "unit_named": named}


def _cited_on_page(actor, incoming: list) -> list[str]:
    """The page's own sources first, then those its relationship rows and places cite, each once."""
    rows = [rel for rel in actor.relationships] + [rel for _, rel in incoming] + list(actor.places)
    extra = sorted({s for rel in rows for s in rel.sources} - set(actor.sources))
    return list(dict.fromkeys(actor.sources)) + extra


def _incoming_relationships(explainer: Explainer) -> dict[str, list]:
    """Relationships other actors declare towards each actor, so each page shows both directions."""
    incoming: dict[str, list] = {}
    for actor in explainer.actors.values():
        for rel in actor.relationships:
            incoming.setdefault(rel.target, []).append((actor, rel))
    return incoming


_DRAWING = re.compile(r"<svg\b.*?</svg>", re.S)


def _term_usage(explainer: Explainer, glossary: GlossaryIndex, pages: list[PageOut]) -> dict[str, dict]:
    """For each term: the article paragraphs and actor pages that use one of its forms."""
    usage: dict[str, dict] = {t.id: {"paragraphs": [], "actors": [], "by_article": []} for t in explainer.terms}
    for article in explainer.articles_by_date():
        for paragraph in article.paragraphs:
            number = explainer.paragraph_number(article.id, paragraph.id)
            for term_id in sorted(glossary.terms_in(paragraph.text)):
                if term_id not in usage:  # a place's own mark has no glossary entry
                    continue
                use = (article, paragraph, number)
                usage[term_id]["paragraphs"].append(use)
                groups = usage[term_id]["by_article"]
                if not groups or groups[-1][0] is not article:
                    groups.append((article, []))
                groups[-1][1].append(use)
    by_path = {p.path: p for p in pages}
    for actor in explainer.actors.values():
        page = by_path.get(f"actors/{actor.id}.md")
        # Drawings are not read for terms (the marker skips them too): a map's labels are no use of a term.
        text = _DRAWING.sub("", page.markdown) if page else ""
        for term_id in sorted(glossary.terms_in(text)):
            if term_id in usage:
                usage[term_id]["actors"].append(actor)
    return usage
