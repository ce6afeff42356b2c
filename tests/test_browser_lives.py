"""Two lives read out of texts beside the embedded one, on one map in a real headless Chromium."""
from __future__ import annotations

from pathlib import Path

import pytest

from lifemap.encounters import encounters
from lifemap.events import dated, load_events
from lifemap.extract import extract
from lifemap.lives import combine
from lifemap.model import days
from lifemap.render import render, save
from lifemap.route import route, stops

TEXTS = Path(__file__).with_name("data") / "texts"
PEOPLE = ["Stalin", "Alexander Kerensky", "Kliment Voroshilov"]

SHOWN = """() => {
    const out = {};
    window.lifemap.items.forEach(it => { if (it.group.hasLayer(it.layer) && window.lifemap.map.hasLayer(it.group)) {
        out[it.layer_key] = (out[it.layer_key] || 0) + 1; } });
    return out;
}"""
SHOWN_ENCOUNTERS = """() => window.lifemap.items.filter(it => it.kind === "encounter" && it.group.hasLayer(it.layer)
    && window.lifemap.map.hasLayer(it.group)).map(it => it.feature.properties.encounter)"""
RINGS = """() => window.lifemap.rings.map(r => window.lifemap.map.hasLayer(r)
    ? [r.stop.actor, +r.getLatLng().lat.toFixed(4), +r.getLatLng().lng.toFixed(4)] : null)"""


@pytest.fixture(scope="module")
def lives(tmp_path_factory):
    events = dated(combine(load_events(), extract([TEXTS / "kerensky-wp.txt", TEXTS / "voroshilov-wp.txt"],
                                                  progress=False)))
    path = save(render(events, tiles="none"), tmp_path_factory.mktemp("lives") / "lives.html")
    return events, path


def colours(map_page) -> dict[str, str]:
    return {s["label"]: s["color"] for s in map_page.js("window.lifemap.model.layers")}


def test_each_life_is_a_route_in_its_own_colour(map_page, lives):
    events, path = lives
    map_page.open(path)
    page = map_page.page
    assert map_page.errors == [] and map_page.outside == []
    colour = colours(map_page)
    assert len({colour[p] for p in PEOPLE}) == 3
    shown = map_page.js(SHOWN)
    for n, person in enumerate(PEOPLE, 1):
        s, legs = route(events, person)
        assert shown[f"life-{n}"] == s["place"].nunique() + len(legs) and len(legs) > 3
        # each leg an SVG path stroked in the person's colour, each place a marker filled with it
        assert page.locator(f"path.leaflet-interactive[stroke='{colour[person]}']").count() == len(legs)
        assert page.locator(f"path.leaflet-interactive[fill='{colour[person]}']").count() == s["place"].nunique()
    # the people come first in the legend and in the layer control, each in their colour
    legend = page.locator(".lm-legend .lm-body > div")
    assert [legend.nth(i).inner_text().split(" ", 1)[0] for i in range(3)] == ["Stalin", "Alexander", "Kliment"]
    assert legend.nth(1).locator("i").evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(213, 94, 0)"
    labels = page.locator(".leaflet-control-layers-overlays label")
    assert [labels.nth(i).inner_text().strip("● ") for i in range(3)] == PEOPLE
    labels.nth(1).locator("input").uncheck()
    assert page.locator(f"path.leaflet-interactive[stroke='{colour['Alexander Kerensky']}']").count() == 0
    assert page.locator(f"path.leaflet-interactive[stroke='{colour['Stalin']}']").count() > 0
    labels.nth(1).locator("input").check()
    assert page.locator(f"path.leaflet-interactive[stroke='{colour['Alexander Kerensky']}']").count() > 0


def test_the_story_lists_one_person_or_everyone_by_date(map_page, lives):
    events, path = lives
    map_page.open(path)
    page = map_page.page
    everyone = sum(len(stops(events, p)) for p in PEOPLE)
    toggle = page.locator(".lm-story .lm-toggle")
    assert toggle.inner_text() == f"Story ({everyone} stops)"
    times = map_page.js("window.lifemap.model.stops.map(s => s.t)")
    assert times == sorted(times) and len(times) == everyone
    first = page.locator(".lm-story li").first
    earliest = min(PEOPLE, key=lambda p: min(days(d) for d in stops(events, p)["order_day"]))
    assert first.locator(".lm-who").get_attribute("title") == earliest     # whoever's first stop is earliest
    page.locator("select.lm-person").select_option("Kliment Voroshilov")
    his = stops(events, "Kliment Voroshilov")
    assert toggle.inner_text() == f"Story ({len(his)} stops)"
    items = page.locator(".lm-story li")
    assert items.count() == len(his)
    assert {items.nth(i).locator(".lm-who").get_attribute("title") for i in range(items.count())} == {"Kliment Voroshilov"}
    items.nth(2).click()       # his third stop: the slider goes to its date (the start of a span)
    assert page.locator(".lm-now").inner_text().startswith(his["date_label"].iloc[2].split("–")[0])
    assert page.locator(".lm-story li[aria-current=step]").inner_text() == items.nth(2).inner_text()
    page.locator("select.lm-person").select_option("")
    assert toggle.inner_text() == f"Story ({everyone} stops)"
    assert map_page.errors == []


def test_the_slider_rings_where_each_person_was(map_page, lives):
    events, path = lives
    map_page.open(path)
    page = map_page.page
    assert map_page.js(RINGS) == [None, None, None]          # the whole map at first, no date
    at = days(events.loc[events["id"] == "1918-front-volgograd", "order_day"].iloc[0])   # Stalin at Tsaritsyn
    index = map_page.js("t => window.lifemap.stepOf(t)", at)
    page.locator("input.lm-range").fill(str(index))
    t = map_page.js("i => window.lifemap.steps[i].t", index)
    expected = []
    for person in PEOPLE:
        s = stops(events, person)
        s = s[[days(d) <= t for d in s["order_day"]]]   # the page places events at their order_day
        last = s.iloc[-1]
        expected.append([person, round(float(last["lat"]), 4), round(float(last["lon"]), 4)])
    assert map_page.js(RINGS) == expected
    # the date of the earliest stop of anyone: only that person's ring has come
    first = min(days(d) for p in PEOPLE for d in stops(events, p)["order_day"])
    index = map_page.js("t => window.lifemap.stepOf(t)", first)
    page.locator("input.lm-range").fill(str(index))
    t = map_page.js("i => window.lifemap.steps[i].t", index)
    come = [p if any(days(d) <= t for d in stops(events, p)["order_day"]) else None for p in PEOPLE]
    assert [r and r[0] for r in map_page.js(RINGS)] == come and len(set(come) - {None}) == 1
    assert map_page.errors == []


def test_the_encounters_panel_and_marks(map_page, lives):
    events, path = lives
    found = encounters(events, PEOPLE)
    assert set(found["status"]) <= {"met", "possibly"} and len(found) >= 3
    map_page.open(path)
    page = map_page.page
    assert page.locator(".lm-encounters .lm-toggle").inner_text() == f"Encounters ({len(found)})"
    assert map_page.js(SHOWN)["encounters"] == len(found)
    rows = page.locator(".lm-encounters li")
    assert rows.count() == len(found)
    tsaritsyn = found.index[(found["place"] == "volgograd") & (found["person_b"] == "Kliment Voroshilov")][0]
    row = rows.nth(int(tsaritsyn))
    assert row.inner_text().startswith("Stalin and Kliment Voroshilov · Tsaritsyn (now Volgograd)")
    row.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "Stalin and Kliment Voroshilov" in text and found.loc[tsaritsyn, "source_b"] in text
    e = found.loc[tsaritsyn]
    assert f"{e['place_label']}, {e['date_label']}: {'met' if e['status'] == 'met' else 'possibly met'} there" in text
    # the slider stands where both events have come (each at its day in its life's order), and so do the rings
    t = map_page.js("window.lifemap.steps[window.lifemap.index].t")
    both = events.set_index("id").loc[[e["event_a"], e["event_b"]], "order_day"]
    assert t == days(both.max())
    rings = map_page.js(RINGS)
    assert rings[0][1:] == rings[2][1:] == [round(found.loc[tsaritsyn, "lat"], 4), round(found.loc[tsaritsyn, "lon"], 4)]
    # a "possibly" is drawn dashed, a "met" solid (the marks of the encounters the slider has reached)
    marks = page.locator(".leaflet-lm-encounters-pane path")
    dashed = [marks.nth(i).get_attribute("stroke-dasharray") for i in range(marks.count())]
    shown = map_page.js(SHOWN_ENCOUNTERS)
    assert len(dashed) == len(shown) and dashed.count("3 3") == sum(found.loc[i, "status"] == "possibly" for i in shown)
    # in a period (the decades of these lives) the encounters its dates can hold stay marked (Tsaritsyn, 1918)
    page.locator("select.lm-period").select_option("1910s")
    page.locator("input.lm-range").fill(str(map_page.js("t => window.lifemap.stepOf(t)", t)))
    assert map_page.js(SHOWN).get("encounters", 0) >= 1
    assert map_page.errors == [] and map_page.outside == []
