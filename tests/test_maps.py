"""The maps: places data and its messages, label placement (never overlapping), and the built pages
(every marker is also in the text alternative; nothing on the map comes from outside the site)."""

from __future__ import annotations

import random
import re
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import REAL_DATA, ROOT, build_site
from helpers import edit, line_of, problems_of
from site_pages import page

sys.path.insert(0, str(ROOT / "hooks"))
from explainer import maps  # noqa: E402
from explainer.model import Place, PlaceKind  # noqa: E402
from explainer.validate import load_explainer  # noqa: E402

PLACES = """frame:
  west: 30.0
  east: 40.0
  south: 30.0
  north: 36.0
places:
  - id: north-town
    name: North Town
    variants: [Nordby]
    kind: town
    lat: 34.5
    lon: 33.2
    country: Valleyland
    sources: [almanac]
  - id: river-port
    name: River Port
    kind: city
    lat: 31.2
    lon: 37.8
    country: Valleyland
    sources: [gazette-2020]
"""

ACTOR_PLACES = """places:
  - place: north-town
    tie: held
    since: 2019-01
    sources: [almanac]
  - place: river-port
    tie: struck
    since: 2020-05-01
    until: 2020-06
    sources: [gazette-2020]
sources: [gazette-2020, almanac]
"""


@pytest.fixture
def mapped(mini_data: Path) -> Path:
    """The mini data with a places file and an actor's places."""
    (mini_data / "places.yaml").write_text(PLACES, encoding="utf-8")
    edit(mini_data / "actors/north-council.yaml", "sources: [gazette-2020, almanac]\n", ACTOR_PLACES)
    return mini_data


def only(messages: list[str]) -> str:
    assert len(messages) == 1, messages
    return messages[0]


# --- bad input: one message, file and line, what to do ---------------------------------------------


def test_mapped_mini_data_is_valid(mapped: Path):
    assert problems_of(mapped) == []


def test_unknown_place_on_an_actor(mapped: Path):
    path = mapped / "actors/north-council.yaml"
    edit(path, "  - place: north-town", "  - place: north-twon")
    assert only(problems_of(mapped)) == (
        f"data/actors/north-council.yaml:{line_of(path, 'north-twon')}: places[0].place: "
        "unknown place 'north-twon' (did you mean 'north-town'?)")


def test_unknown_place_on_an_event(mapped: Path):
    path = mapped / "events.yaml"
    text = path.read_text(encoding="utf-8")
    first_sources = re.search(r"\n(\s+)sources:", text)
    indent = first_sources.group(1)
    path.write_text(text.replace(first_sources.group(0), f"\n{indent}places: [atlantis]" + first_sources.group(0), 1),
                    encoding="utf-8")
    message = only(problems_of(mapped))
    assert message.startswith(f"data/events.yaml:{line_of(path, 'atlantis')}: events[0].places[0]: unknown place 'atlantis'")
    assert "data/places.yaml" in message


def test_impossible_latitude(mapped: Path):
    path = mapped / "places.yaml"
    edit(path, "lat: 34.5", "lat: 144.5")
    assert only(problems_of(mapped)) == (
        f"data/places.yaml:{line_of(path, 'lat: 144.5')}: places[0].lat: 144.5 is no latitude: it runs from -90 "
        "(south pole) to 90 (north pole); are latitude and longitude swapped?")


def test_impossible_longitude(mapped: Path):
    path = mapped / "places.yaml"
    edit(path, "lon: 37.8", "lon: 187.8")
    message = only(problems_of(mapped))
    assert message.startswith(f"data/places.yaml:{line_of(path, 'lon: 187.8')}: places[1].lon: 187.8 is no longitude")


def test_place_outside_the_frame(mapped: Path):
    path = mapped / "places.yaml"
    edit(path, "lon: 37.8", "lon: 47.8")
    assert only(problems_of(mapped)) == (
        f"data/places.yaml:{line_of(path, 'id: river-port')}: places[1]: 'river-port' (31.2, 47.8) lies outside the "
        "map's frame (latitude 30.0 to 36.0, longitude 30.0 to 40.0); check the coordinates, or widen `frame:`")


def test_frame_beyond_the_shipped_outlines(mapped: Path):
    path = mapped / "places.yaml"
    edit(path, "west: 30.0", "west: -120.0")
    message = only(problems_of(mapped))
    assert message.startswith(f"data/places.yaml:{line_of(path, 'frame:')}: frame: the frame reaches beyond the country outlines")
    assert "scripts/map_outlines.py" in message


def test_range_that_ends_before_it_begins(mapped: Path):
    path = mapped / "actors/north-council.yaml"
    edit(path, "    until: 2020-06", "    until: 2020-04")
    assert only(problems_of(mapped)) == (
        f"data/actors/north-council.yaml:{line_of(path, 'place: river-port')}: places[1]: `until` (2020-04) is before "
        "`since` (2020-05-01); swap or correct them")


def test_unknown_source_on_a_place(mapped: Path):
    path = mapped / "places.yaml"
    edit(path, "sources: [almanac]", "sources: [almanack]")
    message = only(problems_of(mapped))
    assert message.startswith(f"data/places.yaml:{line_of(path, 'almanack')}: places[0].sources[0]: unknown source 'almanack'")


def test_glossary_form_that_is_a_place_name_must_say_so(mapped: Path):
    glossary = mapped / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    first_term = re.search(r"\n  - id: ([a-z-]+)\n    term: ([^\n]+)\n", text)
    edit(mapped / "places.yaml", "variants: [Nordby]", f"variants: [{first_term.group(2).strip(chr(34))}]")
    message = only(problems_of(mapped))
    assert message.startswith(f"data/glossary.yaml:{line_of(glossary, 'id: ' + first_term.group(1))}: terms[")
    assert message.endswith("add `place: north-town` to this term")


# --- geometry ---------------------------------------------------------------------------------------


def _assert_no_overlaps(view: maps.MapView) -> None:
    boxes = [label.box for label in view.labels]
    for i, a in enumerate(boxes):
        assert 0 <= a.x and a.x2 <= view.width and 0 <= a.y and a.y2 <= view.map_height, (view.labels[i], view.width)
        for j in range(i + 1, len(boxes)):
            assert not a.meets(boxes[j]), (view.labels[i], view.labels[j])
        for m in view.markers:
            assert not a.meets(m.box), (view.labels[i], m.place.id)


def _real_views():
    ex = load_explainer(REAL_DATA)
    views = []
    for article in ex.articles.values():
        presences = maps.presences_of(ex, ex.actors.values(), article.as_of)
        views.append(maps.view(ex, presences, subject="test", plain_shape=maps.OTHER_SHAPE))
    for actor in ex.actors.values():
        if actor.places:
            views.append(maps.view(ex, maps.presences_of(ex, [actor], None), subject=actor.name))
    for event in ex.events:
        if event.places:
            views.append(maps.view(ex, [maps.Presence(ex.places[p]) for p in event.places], subject=event.id))
    return ex, views


def test_labels_never_overlap_on_the_real_maps():
    ex, views = _real_views()
    assert len(views) > 10
    for view in views:
        _assert_no_overlaps(view)
    # The article's map names or numbers nearly every place: crowding leaves out two at most.
    article_map = views[0]
    assert sum(1 for m in article_map.markers if m.label is None) <= 2


def test_each_label_is_nearest_its_own_place():
    _, views = _real_views()
    for view in views:
        for m in view.markers:
            if m.label is None or m.label.leader:
                continue
            own = maps._distance(m.x, m.y, m.label.box)
            for other in view.markers:
                if other is not m:
                    assert maps._distance(other.x, other.y, m.label.box) > own, (m.place.id, other.place.id)


def test_two_thousand_places_label_without_overlap_and_quickly():
    ex = load_explainer(REAL_DATA)
    rng = random.Random(7)
    frame = ex.frame
    places = [Place(id=f"p{i}", name=f"Place {i}", kind=PlaceKind.town, country="Nowhere",
                    lat=round(rng.uniform(frame.south, frame.north), 2), lon=round(rng.uniform(frame.west, frame.east), 2),
                    sources=["wikipedia-place-coordinates"]) for i in range(2000)]
    started = time.perf_counter()
    view = maps.view(ex, [maps.Presence(p) for p in places], subject="many places", plain_shape=maps.OTHER_SHAPE)
    elapsed = time.perf_counter() - started
    _assert_no_overlaps(view)
    assert len(view.markers) == 2000 and len(view.labels) < 2000
    assert "have no name on the map for lack of room" in view.description
    assert elapsed < 5, elapsed
    # Fewer places, more names; still none over another.
    some = maps.view(ex, [maps.Presence(p) for p in places[:60]], subject="some places", plain_shape=maps.OTHER_SHAPE)
    _assert_no_overlaps(some)
    assert len([label for label in some.labels if not label.country]) >= 20


def test_projection_keeps_places_inside_the_picture():
    ex = load_explainer(REAL_DATA)
    proj = maps.projection(ex.frame)
    for place in ex.places.values():
        x, y = proj.xy(place.lat, place.lon)
        assert 0 <= x <= proj.width and 0 <= y <= proj.map_height, place.id
    assert proj.xy(ex.frame.north, ex.frame.west) == (0, 0)


def test_ties_follow_the_date():
    ex = load_explainer(REAL_DATA)
    russia = ex.actors["russia"]
    on_article_day = {p.place.id for p in maps.presences_of(ex, [russia], date(2015, 10, 1))}
    assert {"homs-province", "hama-province", "latakia-province", "hmeimim", "tartus"} <= on_article_day
    assert "raqqa" not in on_article_day  # struck from 17 November 2015 only
    assert "raqqa" in {p.place.id for p in maps.presences_of(ex, [russia], date(2015, 12, 1))}


def test_outlines_are_small_and_checked_in():
    outlines = ROOT / "hooks" / "explainer" / "geo" / "outlines.json"
    assert outlines.stat().st_size < 100_000
    source = (ROOT / "hooks" / "explainer" / "geo" / "SOURCE.txt").read_text(encoding="utf-8")
    assert "Natural Earth" in source and "public domain" in source and "ISC" in source
    assert "de facto" in source


# --- the built site ------------------------------------------------------------------------------------


def _map_page(real_build):
    return page(real_build.site, "maps/alliance-vs-isis/")


def test_every_marker_is_in_the_text_alternative(real_build):
    soup = _map_page(real_build)
    whole, *closer = soup.select("svg.xp-map-marks")
    markers = [g["data-place"] for g in whole.select("g.xp-map-marker")]
    listed = [div["id"].removeprefix("place-") for div in soup.select("div.xp-map-place")]
    assert markers and sorted(markers) == sorted(listed)
    for view in closer:  # the closer view shows places of the whole map only
        assert {g["data-place"] for g in view.select("g.xp-map-marker")} <= set(markers)
    for g in soup.select("svg.xp-map-marks g.xp-map-marker"):
        entry = soup.select_one(f"div#place-{g['data-place']}")
        # The marker's tooltip and the list say the same: each actor named in one is named in the other.
        for part in g.title.get_text().split(": ", 1)[1:]:
            for claim in part.split("; "):
                actor_name = claim.rsplit(" ", 2)[0] if claim.endswith((" held it", " struck it")) else claim.split(" had ")[0].split(" fought ")[0]
                assert actor_name.split(": ")[-1] in entry.get_text(), (g["data-place"], claim)
    # Labels name places that are marked; numbered places are named under the map.
    for text in soup.select("svg.xp-map-marks text.xp-map-label"):
        assert text["data-place"] in markers
    numbers = soup.select_one("p.xp-map-numbers")
    numbered = [t for t in soup.select("text.xp-map-label") if t.get_text().isdigit()]
    assert (numbers is not None) == bool(numbered)


def test_a_crowded_map_gets_a_closer_view_where_every_place_is_named(real_build):
    soup = _map_page(real_build)
    whole, closer = soup.select("svg.xp-map-marks")
    assert whole.select_one("rect.xp-map-detail") is not None
    marked = {g["data-place"] for g in closer.select("g.xp-map-marker")}
    named = {t["data-place"] for t in closer.select("text.xp-map-label") if not t.get_text().isdigit()}
    assert {"hmeimim", "latakia", "tartus", "hama"} <= marked and marked == named
    img = closer.find_previous("img")
    assert img["src"] == "../alliance-vs-isis-closer.svg"
    assert (real_build.site / "maps" / "alliance-vs-isis-closer.svg").is_file()


def test_map_says_borders_are_de_facto_and_has_a_legend(real_build):
    soup = _map_page(real_build)
    svg = soup.select_one("svg.xp-map-marks")
    assert "de facto" in svg.select_one("text.xp-map-note").get_text()
    assert svg.get("role") == "img" and svg.title.get_text() and svg.desc.get_text()
    key = [li.get_text(" ", strip=True) for li in soup.select("ul.xp-map-key li")]
    assert "Governments in Syria and Iraq" in key and "struck it from the air or from afar" in key


def test_map_base_is_local_and_shared(real_build):
    soup = _map_page(real_build)
    img = soup.select_one("div.xp-map img.xp-map-base")
    assert img["src"] == "../outlines.svg" and img["alt"] == ""
    base = real_build.site / "maps" / "outlines.svg"
    svg = BeautifulSoup(base.read_text(encoding="utf-8"), "html.parser")
    assert len(svg.select("path")) > 5
    assert not re.search(r"https?://", base.read_text(encoding="utf-8").replace("http://www.w3.org/2000/svg", ""))


def test_actor_pages_and_events_with_places_have_small_maps(real_build):
    russia = page(real_build.site, "actors/russia/")
    assert russia.select_one("h2#where-they-were") is not None
    marks = {g["data-place"] for g in russia.select("svg.xp-map-marks g.xp-map-marker")}
    assert {"tartus", "hmeimim", "raqqa"} <= marks
    heading = russia.select_one("h2#where-they-were")
    listed = heading.find_next("ul", class_=lambda c: c != "xp-map-key")
    assert len(listed.find_all("li", recursive=False)) == 6  # one item per tie, in words
    links = [a["href"] for a in russia.select("article a[href*='#place-']")]
    assert "../../maps/alliance-vs-isis/#place-tartus" in links
    china = page(real_build.site, "actors/china/")
    assert china.select_one("svg.xp-map-marks") is None  # no places, no map
    timeline = page(real_build.site, "timeline/")
    strikes = timeline.select_one("div#russian-strikes-begin")
    assert {g["data-place"] for g in strikes.select("g.xp-map-marker")} == {"homs-province", "hama-province", "latakia-province"}
    ids = [el["id"] for el in timeline.select("[id]")]
    assert len(ids) == len(set(ids))  # each event's map has ids of its own


def test_place_names_are_marked_and_lead_to_the_map(real_build):
    soup = page(real_build.site, "actors/russia/")
    marks = {abbr["data-term"] for abbr in soup.select("abbr.xp-term")}
    assert "tartus" in marks  # a glossary term that names a place
    links = soup.select_one("#xp-term-links")["data-links"]
    assert '"tartus": "../../maps/alliance-vs-isis/#place-tartus"' in links.replace("&quot;", '"')
    # A place with no glossary term gets a mark of its own.
    isis = page(real_build.site, "actors/peshmerga/")
    assert any(a["data-term"].startswith("place-") or a["data-term"] == "kobani" for a in isis.select("abbr.xp-term"))


def test_the_article_links_to_its_map(real_build):
    soup = page(real_build.site, "articles/alliance-vs-isis/")
    link = soup.select_one("p.xp-article-meta a.xp-map-link")
    assert link["href"] == "../../maps/alliance-vs-isis/"


def test_maps_are_in_the_navigation(real_build):
    soup = page(real_build.site, "")
    assert any(a.get_text(strip=True).startswith("Map: where it happened") for a in soup.select("nav.md-nav--primary a"))


def test_site_without_places_has_no_maps(mini_build):
    assert not (mini_build.site / "maps").exists()


def test_mini_site_with_places_builds_a_map(tmp_path: Path, mapped: Path):
    build = build_site(tmp_path, mapped)
    assert build.returncode == 0, build.output
    soup = page(build.site, "maps/river-dispute/")
    marks = {g["data-place"] for g in soup.select("g.xp-map-marker")}
    assert marks == {"north-town", "river-port"}  # the strike is on the article's date (5 May 2020)
    assert "North Town" in soup.select_one("div#place-north-town").get_text()


def test_a_place_name_too_long_for_a_glossary_mark_is_a_message(tmp_path):
    """Found by the fuzz round: a place name is marked like a glossary term, so it has a term's limit."""
    import shutil

    from conftest import REAL_DATA
    from helpers import line_of, problems_of

    data = tmp_path / "data"
    shutil.copytree(REAL_DATA, data)
    places = data / "places.yaml"
    text = places.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.strip().startswith("name:"))
    places.write_text(text.replace(first, first.split("name:")[0] + "name: " + "x" * 81, 1), encoding="utf-8")
    messages = problems_of(data)
    assert len(messages) == 1 and messages[0].startswith(f"data/places.yaml:{line_of(places, 'name: ' + 'x' * 81)}:"), messages
    assert "80 characters" in messages[0]
