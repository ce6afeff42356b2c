"""Exports round-trip on the fixture data: what is written reads back as the same events."""
import json
import math
import re
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

import importlib

ex = importlib.import_module("lifemap.export")  # the module (lifemap.export is the function)
from lifemap.errors import LifemapError, UnknownPlace
from lifemap.events import LAYERS, load_events, read_events
from lifemap.gazetteer import Gazetteer
from lifemap.route import moves, route

KML = "{http://www.opengis.net/kml/2.2}"
HOSTILE = "<script>alert('x')</script> & <b>bold</b>"


@pytest.fixture
def mini(mini_events, mini_gazetteer):
    return load_events(mini_events, mini_gazetteer)


@pytest.fixture
def hostile(mini):
    frame = mini.copy()
    frame.loc[frame["actor"] == "Stalin", "summary"] = HOSTILE
    return frame


def iso_days(values) -> list[str]:
    return [pd.Timestamp(v).date().isoformat() for v in values]


def only_files(directory) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def json_strings(node):
    """Every string in a JSON document (keys excluded)."""
    if isinstance(node, dict):
        for value in node.values():
            yield from json_strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from json_strings(value)
    elif isinstance(node, str):
        yield node


# The entry point ------------------------------------------------------------------------------
def test_an_unknown_format_raises_and_lists_the_formats(mini, tmp_path):
    with pytest.raises(LifemapError) as err:
        ex.export(mini, "shapefile", tmp_path / "x.shp")
    assert all(fmt in str(err.value) for fmt in ex.FORMATS)
    assert not list(tmp_path.iterdir())


def test_an_unknown_option_raises(mini, tmp_path):
    with pytest.raises(LifemapError, match="base"):
        ex.export(mini, "csv", tmp_path / "x.csv", base="https://example.org/")


def test_every_format_writes_one_file_and_nothing_else(mini, mini_gazetteer, tmp_path):
    for fmt in ex.FORMATS:
        out = ex.export(mini, fmt.upper(), tmp_path / f"out{ex.SUFFIXES[fmt]}", gazetteer=mini_gazetteer)
        assert out.stat().st_size > 0
    assert only_files(tmp_path) == sorted(f"out{ex.SUFFIXES[f]}" for f in ex.FORMATS)


def test_a_list_of_events_is_exported_like_the_frame(mini_events, mini_gazetteer, tmp_path):
    events = read_events(mini_events, mini_gazetteer)
    a = ex.export(events, "csv", tmp_path / "a.csv", gazetteer=mini_gazetteer)
    b = ex.export(load_events(mini_events, mini_gazetteer), "csv", tmp_path / "b.csv")
    assert a.read_bytes() == b.read_bytes()


# GeoJSON and GeoPackage -----------------------------------------------------------------------
def assert_same_events(back, mini):
    assert list(back["id"]) == list(mini["id"])
    for (x1, y1), (x2, y2) in zip(zip(back.geometry.x, back.geometry.y), zip(mini.geometry.x, mini.geometry.y)):
        assert math.isclose(x1, x2, abs_tol=1e-9) and math.isclose(y1, y2, abs_tol=1e-9)
    for col in ("date_start", "date_end", "precision", "qualifier", "calendar", "kind", "actor", "place",
                "origin", "summary", "date_label", "name_then", "name_now"):
        assert list(back[col].fillna("")) == list(mini[col]), col
    assert list(back["start"]) == list(mini["start"]) and list(back["end"]) == list(mini["end"])
    for col in ("first_day", "last_day"):
        assert iso_days(back[col]) == iso_days(mini[col]), col


def test_geojson_round_trip(mini, tmp_path):
    import geopandas as gpd

    out = ex.export(mini, "geojson", tmp_path / "events.geojson")
    assert_same_events(gpd.read_file(out), mini)
    raw = json.loads(out.read_text(encoding="utf-8"))
    assert raw["type"] == "FeatureCollection" and len(raw["features"]) == len(mini)
    first = raw["features"][0]["properties"]
    assert first["first_day"] == "1878-12-18" and first["date_start"] == "1878-12-18"
    assert raw["features"][1]["properties"]["date_start"] == "1894-08"  # no invented day


def test_gpkg_has_events_and_legs(mini, tmp_path):
    import geopandas as gpd
    import pyogrio

    out = ex.export(mini, "gpkg", tmp_path / "lifemap.gpkg")
    layers = dict(pyogrio.list_layers(out))
    assert layers == {"events": "Point", "legs": "LineString"}
    assert_same_events(gpd.read_file(out, layer="events"), mini)
    legs = gpd.read_file(out, layer="legs")
    _, stalin = route(mini)
    others = moves(mini)
    assert len(legs) == len(stalin) + len(others)
    assert list(legs["from_place"][: len(stalin)]) == list(stalin["from_place"])
    assert "deportation" in set(legs["kind"])
    assert list(legs["first_day"][: len(stalin)]) == iso_days(stalin["first_day"])
    assert only_files(tmp_path) == ["lifemap.gpkg"]


def test_gpkg_without_legs(mini, tmp_path):
    import pyogrio

    out = ex.export(mini, "gpkg", tmp_path / "x.gpkg", legs=False)
    assert [name for name, _ in pyogrio.list_layers(out)] == ["events"]


# CSV ------------------------------------------------------------------------------------------
def test_csv_reads_back_as_the_same_events(mini, mini_events, mini_gazetteer, tmp_path):
    out = ex.export(mini, "csv", tmp_path / "events.csv")
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert tuple(header) == ex.CSV_COLUMNS
    assert header[-6:] == ["lat", "lon", "name_then", "name_now", "date_label", "citation"]
    source = {e.id: e for e in read_events(mini_events, mini_gazetteer)}
    back = {e.id: e for e in read_events(out, mini_gazetteer)}
    assert back == source
    frame = pd.read_csv(out, keep_default_na=False)
    assert list(frame["lat"]) == list(mini["lat"]) and list(frame["name_then"]) == list(mini["name_then"])
    assert frame["citation"][0] == "fixture.txt — sentence at characters 0–10"  # a text the table does not know


def test_exports_cite_the_source_by_its_name_not_its_file(tmp_path):
    """The default data cites the seed texts; readers see a title, the file name stays in 'source'."""
    from lifemap.events import load_events

    ev = load_events()
    kureika = ev.set_index("id").loc["1914-exile-kureika"]
    expected = "Wikipedia, ‘Joseph Stalin’ (plain text) — sentence at characters 17613–17758"
    assert kureika["citation"] == expected and kureika["source"] == "001_09dcfff65826fb95.txt"
    kml = ex.export(ev, "kml", tmp_path / "e.kml").read_text(encoding="utf-8")
    assert expected in kml and "Source: 001_" not in kml
    rows = pd.read_csv(ex.export(ev, "csv", tmp_path / "e.csv"), keep_default_na=False).set_index("id")
    assert rows.loc["1914-exile-kureika", "citation"] == expected
    timeline = ex.export(ev, "timelinejs", tmp_path / "e.json").read_text(encoding="utf-8")
    assert "Wikipedia, ‘Joseph Stalin’ (plain text) — sentence at characters 17613–17758" in timeline


# KML ------------------------------------------------------------------------------------------
def test_kml_has_a_timed_placemark_per_event(mini, tmp_path):
    out = ex.export(mini, "kml", tmp_path / "events.kml", title="Stalin")
    root = ET.parse(out).getroot()
    assert root.tag == f"{KML}kml"
    marks = root.findall(f"{KML}Document/{KML}Placemark")
    assert len(marks) == len(mini)
    for mark, row in zip(marks, mini.to_dict("records")):
        assert mark.findtext(f"{KML}TimeSpan/{KML}begin") == row["date_start"]
        assert mark.findtext(f"{KML}TimeSpan/{KML}end") == row["date_end"]
        lon, lat = map(float, mark.findtext(f"{KML}Point/{KML}coordinates").split(","))
        assert math.isclose(lon, row["lon"], abs_tol=1e-9) and math.isclose(lat, row["lat"], abs_tol=1e-9)
        data = {d.get("name"): d.findtext(f"{KML}value") for d in mark.iter(f"{KML}Data")}
        assert data["id"] == row["id"] and data["kind"] == row["kind"]
        assert mark.findtext(f"{KML}styleUrl") == f"#layer-{row['layer']}"
        assert root.find(f".//{KML}Style[@id='layer-{row['layer']}']") is not None
    # KML dates are as precise as the source: gYearMonth for a month
    assert marks[1].findtext(f"{KML}TimeSpan/{KML}begin") == "1894-08"


def test_kml_description_is_escaped_html(hostile, tmp_path):
    out = ex.export(hostile, "kml", tmp_path / "events.kml")
    text = out.read_text(encoding="utf-8")
    assert "<script" not in text and "<b>bold" not in text
    root = ET.parse(out).getroot()
    descriptions = [d.text for d in root.iter(f"{KML}description")][1:]
    assert all("<script" not in d for d in descriptions)
    assert any("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in d for d in descriptions)
    # the fixture's own markup in a summary is escaped too
    assert any("&lt;b&gt;east&lt;/b&gt; &amp; &quot;away&quot;" in d for d in descriptions)


# Linked Places Format -------------------------------------------------------------------------
FEATURE_KEYS = {"@id", "type", "properties", "geometry", "names", "types", "when", "relations", "links",
                "descriptions", "depictions"}
PARTIAL = re.compile(r"^-?\d{4}(-\d{2}(-\d{2})?)?$")


def check_when(when: dict) -> list[tuple[str, str | None]]:
    """Check an LPF ``when`` and give each timespan as (start, end); the start is required."""
    assert isinstance(when, dict) and when.get("timespans"), when
    spans = []
    for span in when["timespans"]:
        assert set(span) <= {"start", "end"} and "start" in span, span
        bounds = {}
        for side in ("start", "end"):
            if side not in span:
                continue
            value = span[side]
            assert value and set(value) <= {"in", "earliest", "latest"}, value
            assert all(PARTIAL.match(v) for v in value.values()), value
            bounds[side] = value.get("in") or value.get("earliest") or value.get("latest")
        if "end" in bounds:
            assert bounds["start"] <= bounds["end"], span
        spans.append((bounds["start"], bounds.get("end")))
    return spans


def check_lpf(doc: dict) -> None:
    """The structure of a Linked Places FeatureCollection, as its spec and WHG's schema want it."""
    assert doc["type"] == "FeatureCollection"
    assert doc["@context"] == "https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld"
    ids = [f["@id"] for f in doc["features"]]
    assert len(ids) == len(set(ids))
    for f in doc["features"]:
        assert set(f) <= FEATURE_KEYS, set(f) - FEATURE_KEYS
        assert f["type"] == "Feature" and re.match(r"^https?://\S+$", f["@id"])
        assert isinstance(f["properties"]["title"], str) and f["properties"]["title"]
        assert all(re.fullmatch(r"[A-Z]{2}", c) for c in f["properties"].get("ccodes", []))
        names = f["names"]
        assert names and all(isinstance(n["toponym"], str) and n["toponym"] for n in names)
        assert names[0]["citations"] and all(c["label"] for c in names[0]["citations"])
        dated = [check_when(n["when"]) for n in names if "when" in n]
        flat = [span for spans in dated for span in spans]
        for (s1, e1), (s2, _e2) in zip(flat, flat[1:]):  # dated names in order, not overlapping
            assert e1 is not None and e1 <= s2, (s1, e1, s2)
        geometry = f["geometry"]
        assert geometry["type"] == "GeometryCollection" and geometry["geometries"]
        for g in geometry["geometries"]:
            lon, lat = g["coordinates"]
            assert g["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
        for t in f.get("types", []):
            assert re.fullmatch(r"aat:3\d{8}", t["identifier"]) and t["label"]
        if "when" in f:
            check_when(f["when"])
        for link in f.get("links", []):
            assert link["type"] in {"closeMatch", "exactMatch", "primaryTopicOf", "subjectOf", "seeAlso"}
            assert link["identifier"].startswith("http")
        for rel in f.get("relations", []):
            assert {"relationType", "relationTo", "label"} <= set(rel)


def test_lpf_describes_the_places_the_events_use(mini, mini_gazetteer, tmp_path):
    out = ex.export(mini, "lpf", tmp_path / "places.lpf.json", gazetteer=mini_gazetteer,
                    base="https://example.org/gaz/")
    doc = json.loads(out.read_text(encoding="utf-8"))
    check_lpf(doc)
    used = set(mini["place"]) | set(mini["origin"]) - {""}
    by_id = {f["@id"].rsplit("/", 1)[1]: f for f in doc["features"]}
    assert set(by_id) == used and "krakow" not in by_id
    assert all(f["@id"] == f"https://example.org/gaz/{pid}" for pid, f in by_id.items())

    volgograd = by_id["volgograd"]
    assert volgograd["properties"] == {"title": "Volgograd", "ccodes": ["RU"]}
    assert [n["toponym"] for n in volgograd["names"]] == ["Tsaritsyn", "Stalingrad", "Volgograd"]
    assert volgograd["names"][1]["when"]["timespans"] == [{"start": {"in": "1925"}, "end": {"in": "1961"}}]
    assert volgograd["names"][2]["when"]["timespans"] == [{"start": {"in": "1961"}}]  # still in use
    assert volgograd["geometry"]["geometries"][0]["coordinates"] == [44.5018, 48.7194]
    assert volgograd["when"]["timespans"] == [{"start": {"in": "1918-06"}, "end": {"in": "1918-11"}}]
    assert volgograd["links"] == [{"type": "closeMatch", "identifier": "http://www.geonames.org/472757"}]

    petersburg = [n for n in by_id["saint-petersburg"]["names"]]
    assert [n["toponym"] for n in petersburg] == ["Saint Petersburg", "Petrograd", "Leningrad", "St Petersburg"]
    assert petersburg[1]["when"]["timespans"][0] == {"start": {"in": "1914-09-01"}, "end": {"in": "1924-01-26"}}
    assert "when" not in petersburg[3]  # an undated spelling
    moscow = by_id["moscow"]
    assert [n["toponym"] for n in moscow["names"]] == ["Moscow", "Moskva"]
    assert moscow["types"][0]["identifier"] == "aat:300008389"
    seminary = by_id["tiflis-seminary"]
    assert seminary["relations"][0]["relationTo"] == "https://example.org/gaz/tbilisi"


def test_lpf_needs_the_gazetteer_of_the_events(mini, tmp_path):
    with pytest.raises(UnknownPlace):
        ex.export(mini, "lpf", tmp_path / "p.json", gazetteer=Gazetteer([]))
    assert not list(tmp_path.iterdir())


# TimelineJS and StoryMapJS --------------------------------------------------------------------
def test_timelinejs_has_an_event_per_event_with_only_the_known_date_parts(mini, tmp_path):
    out = ex.export(mini, "timelinejs", tmp_path / "t.json", title="Stalin")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["title"]["text"]["headline"] == "Stalin"
    assert len(doc["events"]) == len(mini)
    labels = {label for _, label, _, _ in LAYERS}
    for slide, row in zip(doc["events"], mini.to_dict("records")):
        parts = [int(p) for p in row["date_start"].split("-")]
        assert list(slide["start_date"].values()) == parts
        assert list(slide["start_date"]) == ["year", "month", "day"][: len(parts)]
        if row["date_end"] != row["date_start"]:
            assert list(slide["end_date"].values()) == [int(p) for p in row["date_end"].split("-")]
        else:
            assert "end_date" not in slide
        assert slide["text"]["headline"] and slide["text"]["text"]
        assert slide["group"] in labels and slide["unique_id"] == row["id"]
        assert slide["display_date"] == row["date_label"]
    assert doc["events"][3]["start_date"] == {"year": 1903, "month": 11}  # late Nov 1903: no day invented
    assert doc["eras"] and all({"start_date", "end_date", "text"} <= set(e) for e in doc["eras"])


def test_storymapjs_has_an_overview_then_a_slide_per_stop(mini, tmp_path):
    out = ex.export(mini, "storymapjs", tmp_path / "s.json")
    doc = json.loads(out.read_text(encoding="utf-8"))
    story = doc["storymap"]
    assert {"language", "map_type", "map_as_image", "slides"} <= set(story)
    overview, *slides = story["slides"]
    assert overview["type"] == "overview" and overview["text"]["headline"]
    stops, _ = route(mini)
    assert len(slides) == len(stops)
    for slide, stop in zip(slides, stops.to_dict("records")):
        assert slide["location"] == {"lat": stop["lat"], "lon": stop["lon"], "line": True}
        assert slide["text"]["headline"] == stop["place_label"]
        assert slide["date"] == stop["date_label"]
        assert "type" not in slide
    assert "Chechens" not in json.dumps(slides)  # another actor's deportation is no stop


def test_storymapjs_follows_the_chosen_actor(mini, tmp_path):
    doc = json.loads(ex.export(mini, "storymapjs", tmp_path / "s.json", actor="Chechens").read_text())
    assert len(doc["storymap"]["slides"]) == 1  # a deportation is no stop on anyone's route


@pytest.mark.parametrize("fmt", ["timelinejs", "storymapjs"])
def test_hostile_text_is_escaped_in_json_for_html(hostile, tmp_path, fmt):
    doc = json.loads(ex.export(hostile, fmt, tmp_path / "x.json").read_text(encoding="utf-8"))
    texts = list(json_strings(doc))
    assert not any("<script" in t or "<b>bold" in t or "<b>east" in t for t in texts)
    assert any("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in t for t in texts)


# Atomic writes --------------------------------------------------------------------------------
def _partial_then(exc):
    def write(doc_or_frame, tmp, *args, **kwargs):
        tmp.write_text("half a file", encoding="utf-8")
        raise exc
    return write


@pytest.mark.parametrize("fmt,writer,exc,raised", [
    ("timelinejs", "_write_json", RuntimeError("boom"), RuntimeError),
    ("lpf", "_write_json", KeyboardInterrupt(), KeyboardInterrupt),
    ("kml", "_write_xml", OSError(28, "No space left on device"), LifemapError),
    ("geojson", "_to_file", OSError(28, "No space left on device"), LifemapError),
    ("gpkg", "_to_file", RuntimeError("boom"), RuntimeError),
])
def test_a_failed_export_keeps_the_old_file(mini, mini_gazetteer, tmp_path, monkeypatch, fmt, writer, exc, raised):
    target = tmp_path / f"out{ex.SUFFIXES[fmt]}"
    target.write_text("old export", encoding="utf-8")
    monkeypatch.setattr(ex, writer, _partial_then(exc))
    with pytest.raises(raised):
        ex.export(mini, fmt, target, gazetteer=mini_gazetteer)
    assert target.read_text(encoding="utf-8") == "old export"
    assert only_files(tmp_path) == [target.name]


def test_a_failed_csv_export_keeps_the_old_file(mini, tmp_path, monkeypatch):
    target = tmp_path / "events.csv"
    target.write_text("old export", encoding="utf-8")

    class Broken:
        def __init__(self, fh, **kwargs):
            self.fh = fh

        def writerow(self, row):
            self.fh.write("id,date_start\n")

        def writerows(self, rows):
            raise OSError(5, "Input/output error")

    import csv

    monkeypatch.setattr(csv, "writer", Broken)
    with pytest.raises(LifemapError, match="Input/output error"):
        ex.export(mini, "csv", target)
    assert target.read_text(encoding="utf-8") == "old export"
    assert only_files(tmp_path) == ["events.csv"]


def test_an_export_replaces_the_old_file_and_makes_folders(mini, tmp_path):
    target = tmp_path / "new" / "dir" / "events.geojson"
    ex.export(mini, "geojson", target)
    ex.export(mini.iloc[:2], "geojson", target)
    assert len(json.loads(target.read_text(encoding="utf-8"))["features"]) == 2
    assert only_files(target.parent) == ["events.geojson"]


@pytest.mark.parametrize("fmt", ["geojson", "csv", "kml", "lpf", "timelinejs", "storymapjs"])
def test_the_same_events_export_to_the_same_bytes(tmp_path, mini, mini_gazetteer, fmt):
    a = ex.export(mini, fmt, tmp_path / f"a.{fmt}", gazetteer=mini_gazetteer)
    b = ex.export(mini, fmt, tmp_path / f"b.{fmt}", gazetteer=mini_gazetteer)
    assert a.read_bytes() == b.read_bytes()
