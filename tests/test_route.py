import math

import pandas as pd
import pytest
from pyproj import Geod

from lifemap.events import load_events
from lifemap.route import arc, moves, route


@pytest.fixture
def mini(mini_events, mini_gazetteer):
    return load_events(mini_events, mini_gazetteer)


def test_stops_are_the_actors_events_in_date_order(mini):
    stops, legs = route(mini)
    assert list(stops["place"]) == ["gori", "tiflis-seminary", "batumi", "novaya-uda", "tbilisi",
                                    "saint-petersburg", "volgograd", "moscow"]
    assert (stops["actor"] == "Stalin").all() and stops["order_day"].is_monotonic_increasing
    assert "chechnya" not in set(legs["from_place"]) | set(legs["to_place"])


def test_a_stay_told_again_is_one_stop(mini):
    # (a Wikipedia life tells the birth in its lead and again in "Early life": one stop on the story, two events)
    again = pd.concat([mini.iloc[:1], mini], ignore_index=True)
    stops, _ = route(again)
    assert list(stops["place"]) == list(route(mini)[0]["place"]) and list(stops["stop"]) == list(
        range(1, len(stops) + 1))
    assert len(again) == len(mini) + 1


def test_what_the_next_sentence_tells_of_the_same_stay_is_no_new_stop(mini):
    # (a Wikipedia life: "Held in Ekibastuz", then "At Ekibastuz" for what he wrote there): the same place and days,
    # of its kind or of none, is no new stop
    exile = mini[mini["kind"] == "exile"].iloc[:1]
    before = list(route(mini)[0]["place"])
    at = exile.assign(kind="other", summary="At " + exile["place_label"])    # (told after it: the same order day)
    for again in (at, exile.assign(id="again")):
        stops, _ = route(pd.concat([mini, again], ignore_index=True))
        assert list(stops["place"]) == before
    # nor one that says only where, told first (a fourth reader's case): the line that says more stands
    stops, _ = route(pd.concat([mini[mini["kind"] != "exile"], at, exile], ignore_index=True).sort_values(
        "order_day", kind="stable"))
    assert list(stops["place"]) == before and exile["id"].iloc[0] in set(stops["id"])
    # but a dated moment within the stay, a stop of its own kind, one nearby, a line of its own is a stop (a second
    # reader's cases: the show trial in Moscow in a longer stay there, the burial after the death, the army's board)
    day = pd.Timedelta(days=1)
    within = exile.assign(kind="other", first_day=exile["first_day"] + day, last_day=exile["first_day"] + 2 * day)
    for other in (within.assign(summary=at["summary"]), exile.assign(kind="escape"), at.assign(
            place="novaya-uda--house", lat=exile["lat"] + 0.05), exile.assign(kind="other", summary="A board met")):
        stops, _ = route(pd.concat([mini, other], ignore_index=True))
        assert len(stops) == len(before) + 1
    # and a life with no stop left has an empty story, not a fault
    stops, legs = route(mini[mini["place_kind"] == "country"])
    assert stops.empty and "id" in stops.columns and legs.empty


def test_legs_are_typed_by_the_arrival(mini):
    _, legs = route(mini)
    kinds = dict(zip(legs["to_place"], legs["kind"]))
    assert kinds["novaya-uda"] == "exile"
    assert kinds["tbilisi"] == "escape"
    assert kinds["volgograd"] == "posting"
    assert kinds["saint-petersburg"] == "journey"
    assert set(legs["layer"]) <= {"life", "exiles", "escapes", "fronts"}


def test_ties_without_evidence_keep_the_file_order(mini_gazetteer, tmp_path, mini_events):
    header, *rows = mini_events.read_text(encoding="utf-8").splitlines()
    a = next(r for r in rows if r.startswith("1902-arrest-batumi"))
    # same dates, another source: nothing tells the two apart but the file
    b = next(r for r in rows if r.startswith("1904-escape-tbilisi")).replace("1904-01,1904-01", "1902-04,1902-04") \
        .replace("fixture.txt", "other.txt")
    for order in ([a, b], [b, a]):
        path = tmp_path / "events.csv"
        path.write_text("\n".join([header, *order]) + "\n", encoding="utf-8")
        stops, _ = route(load_events(path, mini_gazetteer))
        assert list(stops["id"]) == [r.split(",")[0] for r in order]


def test_one_sources_order_beats_the_file_order(mini_gazetteer, tmp_path, mini_events):
    header, *rows = mini_events.read_text(encoding="utf-8").splitlines()
    a = next(r for r in rows if r.startswith("1902-arrest-batumi"))  # characters 20-30 of fixture.txt
    b = next(r for r in rows if r.startswith("1904-escape-tbilisi")).replace("1904-01,1904-01", "1902-04,1902-04")
    for order in ([a, b], [b, a]):
        path = tmp_path / "events.csv"
        path.write_text("\n".join([header, *order]) + "\n", encoding="utf-8")
        stops, _ = route(load_events(path, mini_gazetteer))
        assert list(stops["id"]) == ["1902-arrest-batumi", "1904-escape-tbilisi"]


def test_other_actors_moves_come_from_their_origin(mini):
    arrows = moves(mini)
    assert list(zip(arrows["from_place"], arrows["to_place"], arrows["kind"])) == [
        ("chechnya", "kazakhstan", "deportation")]


def test_legs_are_geodesic_arcs_not_mercator_lines():
    geod = Geod(ellps="WGS84")
    # Batumi to Novaya Uda: a long east-west leg whose great circle bulges towards the pole.
    line, km = arc(41.6339, 41.6423, 103.25, 54.16)
    assert km == pytest.approx(geod.inv(41.6339, 41.6423, 103.25, 54.16)[2] / 1000)
    assert geod.geometry_length(line) / 1000 == pytest.approx(km, rel=1e-4)
    assert len(line.coords) > 30  # a vertex every 100 km
    mid_lon, mid_lat = line.interpolate(0.5, normalized=True).coords[0]
    # The straight Mercator segment at that longitude lies further south than the great circle.
    merc = lambda lat: math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    f = (mid_lon - 41.6339) / (103.25 - 41.6339)
    straight = math.degrees(2 * math.atan(math.exp(merc(41.6423) + f * (merc(54.16) - merc(41.6423)))) - math.pi / 2)
    assert mid_lat > straight + 2


def test_arcs_across_the_antimeridian_stay_continuous():
    line, _ = arc(170.0, 60.0, -170.0, 62.0)
    lons = [x for x, _ in line.coords]
    assert all(abs(b - a) < 5 for a, b in zip(lons, lons[1:]))
    assert lons[-1] == pytest.approx(190.0)


def test_an_arc_to_a_pole_runs_along_the_meridian_of_its_other_end():
    # the gazetteer puts the poles at longitude 0; an arc from Cape Evans ran along the map's bottom edge to it
    line, km = arc(166.4, -77.63, 0.0, -90.0)
    assert {x for x, _ in line.coords} == {166.4} and line.coords[-1][1] == -90.0
    assert km == pytest.approx(1381, abs=5)
    line, _ = arc(0.0, 90.0, 37.6, 55.75)              # (and from one)
    assert {x for x, _ in line.coords} == {37.6}
