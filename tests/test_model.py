"""The compact model a map page ships: every event once, and nothing the page cannot rebuild."""
from pathlib import Path

import pytest

from lifemap.events import load_events
from lifemap.model import expand, feature_counts, page_model
from lifemap.route import moves, route


@pytest.fixture(scope="module")
def events():
    return load_events()


@pytest.fixture(scope="module")
def model(events):
    import pandas as pd

    stops, legs = route(events)
    return page_model(events, stops, pd.concat([legs, moves(events)], ignore_index=True))


def test_every_event_is_in_the_model_once_and_rebuilds(events, model):
    ev = model["events"]
    places = model["places"]
    t, rows = 0, []
    for i in range(len(events)):
        t += ev["dt"][i]
        rows.append({"t": t, "t_first": t - ev["early"][i], "t_end": t + ev["days"][i],
                     "place": places["id"][ev["place"][i]], "end": ev["start"][i] + ev["length"][i]})
    from lifemap.model import days

    assert [r["t"] for r in rows] == [days(d) for d in events["order_day"]]
    assert [r["t_first"] for r in rows] == [days(d) for d in events["first_day"]]
    assert [r["t_end"] for r in rows] == [days(d) for d in events["last_day"]]
    assert [r["place"] for r in rows] == list(events["place"])
    assert [r["end"] for r in rows] == list(events["end"])
    for column in ("date", "kind", "actor", "summary", "source"):
        assert expand(ev[column]) == list(events[{"date": "date_label", "source": "source_label"}.get(column, column)])
    # the page writes the frame's citation from the source's name and the span
    assert [f"{s} — sentence at characters {a}–{a + n}" for s, a, n in
            zip(expand(ev["source"]), ev["start"], ev["length"])] == list(events["citation"])
    # the page takes the name then from the label: the label must end in the modern name when it differs
    for label, then, now in zip(expand(ev["label"]), events["name_then"], events["name_now"]):
        assert label in (then, f"{then} (now {now})")


def test_legs_point_at_their_events(events, model):
    stops, legs = route(events)
    others = moves(events)
    ids = list(events["id"])
    assert len(model["legs"]["event"]) == len(legs) + len(others)
    assert [ids[i] for i in model["legs"]["event"][:len(legs)]] == list(legs["to_event"])
    assert [ids[i] for i in model["legs"]["from_event"][:len(legs)]] == list(legs["from_event"])
    assert model["legs"]["from_event"][len(legs):] == [-1] * len(others)  # a move leaves its event's origin
    assert [ids[i] for i in model["stops"]] == list(stops["id"])


def test_feature_counts_match_the_layers(events, model):
    counts = feature_counts(model)
    for layer, c in counts.items():
        assert c["points"] == events.loc[events["layer"] == layer, "place"].nunique()


def test_repeated_event_ids_are_refused(events):
    import pandas as pd

    from lifemap.errors import LifemapError

    twice = pd.concat([events.iloc[:3], events.iloc[:1]], ignore_index=True)
    stops, legs = route(twice)
    with pytest.raises(LifemapError, match="each event id once"):
        page_model(twice, stops, legs)


def test_a_large_model_is_small(events, model):
    from lifemap.assets import script_json

    size = len(script_json(model))
    # the model of the default life: under 200 bytes per event, summaries included
    assert size / len(events) < 200, size


def test_the_offline_basemap_keeps_the_outlines_to_a_hundredth_of_a_degree():
    import json

    from lifemap.model import basemap_model

    source = json.loads((Path(__file__).parents[1] / "src/lifemap/data/countries.geojson").read_text(encoding="utf-8"))
    model = basemap_model()
    assert len(model["countries"]) == len(source["features"])
    k = 1 / model["units"]
    worst, points = 0.0, 0
    for feature, polygons in zip(source["features"], model["countries"]):
        g = feature["geometry"]
        parts = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        rings = [r for polygon in parts for r in polygon]
        decoded = []
        for polygon in polygons:
            for ring in polygon:
                x = y = 0
                out = []
                for i in range(0, len(ring), 2):
                    x += ring[i]
                    y += ring[i + 1]
                    out.append((x * k, y * k))
                decoded.append(out)
        assert len(decoded) <= len(rings)
        for ring in decoded:  # every decoded point is a source point, rounded
            near = min(rings, key=lambda r: min(abs(r[0][0] - ring[0][0]) + abs(r[0][1] - ring[0][1]), 1e9))
            for px, py in ring:
                d = min(max(abs(px - sx), abs(py - sy)) for sx, sy in near)
                worst = max(worst, d)
                points += 1
    assert worst <= 0.005 + 1e-9 and points > 8000
