"""The generated map in a real headless Chromium, with Leaflet served from local npm files."""

import pytest

from lifemap.events import load_events
from lifemap.render import render, save

COUNT_SHOWN = """() => {
    const s = window.lifemap, byKind = {};
    s.items.forEach(it => { if (it.group.hasLayer(it.layer)) { byKind[it.layer_key] = (byKind[it.layer_key] || 0) + 1; } });
    return byKind;
}"""


def features(events, actor="Stalin"):
    """What the browser must draw, counted from the events themselves: per layer, one marker per
    place and one arc per leg of the actor's route or move of another actor."""
    from lifemap.route import moves, route

    out = {}
    for layer, place in set(zip(events["layer"], events["place"])):
        out.setdefault(layer, {"points": 0, "legs": 0})["points"] += 1
    for legs in (route(events, actor)[1], moves(events, actor)):
        for layer in legs["layer"]:
            out.setdefault(layer, {"points": 0, "legs": 0})["legs"] += 1
    return out


def per_layer(counts):
    return {k: v["points"] + v["legs"] for k, v in counts.items()}


@pytest.fixture
def mini_map(tmp_path, mini_events, mini_gazetteer):
    events = load_events(mini_events, mini_gazetteer)
    return events, save(render(events, tiles="none"), tmp_path / "mini.html")


def test_the_map_loads_without_errors_or_outside_requests(map_page, mini_map):
    events, path = mini_map
    map_page.open(path)
    assert map_page.errors == [] and map_page.outside == []
    expected = features(events)
    points = sum(v["points"] for v in expected.values())
    lines = sum(v["legs"] for v in expected.values())
    # Leaflet draws each circle marker and each leg as one interactive SVG path.
    assert map_page.page.locator("path.leaflet-interactive").count() == points + lines == 17
    assert map_page.js(COUNT_SHOWN) == per_layer(expected)
    assert map_page.page.locator(".lm-legend").inner_text().startswith("The life of Stalin")


def test_a_layer_toggle_hides_its_markers(map_page, mini_map):
    map_page.open(mini_map[1])
    paths = map_page.page.locator("path.leaflet-interactive")
    before = paths.count()
    exiles = map_page.page.locator(".leaflet-control-layers-overlays label", has_text="Exiles")
    exiles.locator("input").uncheck()
    assert paths.count() == before - 2  # Novaya Uda and the leg into exile
    assert map_page.page.locator("path.leaflet-interactive[stroke='#c0392b']").count() == 0
    exiles.locator("input").check()
    assert paths.count() == before


def test_the_slider_plays_the_life_by_date(map_page, mini_map):
    map_page.open(mini_map[1])
    page = map_page.page
    steps = map_page.js("window.lifemap.steps.map(s => s.label)")
    assert steps[0].startswith("18 Dec 1878") and len(steps) == 9
    slider = page.locator("input.lm-range")
    slider.fill("3")  # late November 1903: arrival in exile
    assert page.locator(".lm-now").inner_text() == "late Nov 1903 (O.S.) · Novaya Uda"
    shown = map_page.js(COUNT_SHOWN)
    # Gori, the seminary and the two journeys; Batumi; Novaya Uda and the leg into exile
    assert shown == {"life": 4, "arrests": 1, "exiles": 2}
    slider.fill("0")
    assert map_page.js(COUNT_SHOWN) == {"life": 1}
    assert page.locator("path.leaflet-interactive").count() == 1  # Gori alone (the cursor ring is not interactive)
    page.locator("select.lm-period").select_option("war")
    assert map_page.js(COUNT_SHOWN) == {"deportations": 2}  # the Chechens' destination and their arrow
    assert page.locator(".lm-now").inner_text().startswith("23 Feb – Mar 1944")


HOSTILE = ['<img src=x onerror="window.pwned=1">', "${window.pwned=2}", "</script><script>window.pwned=3</script>",
           "\\u0022 `x` '); window.pwned=4; ('", "\" onmouseover=\"window.pwned=5",
           "{{ 7*7 }} {% if true %}T{% endif %} {# c #} {% raw %}"]  # template syntax must stay text


def test_hostile_text_is_shown_as_text_and_never_runs(tmp_path, map_page, mini_places, mini_events):
    from lifemap.gazetteer import Gazetteer

    places = mini_places.read_text(encoding="utf-8").replace(
        "gori,Gori,city,GE,", "gori,\"Gori " + HOSTILE[4].replace('"', '""') + '",city,GE,')
    (tmp_path / "places.csv").write_text(places, encoding="utf-8")
    header, *rows = mini_events.read_text(encoding="utf-8").splitlines()
    rows[0] = rows[0].replace("Born to a cobbler's family", '"' + " ".join(HOSTILE).replace('"', '""') + '"')
    (tmp_path / "events.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    gazetteer = Gazetteer.load(tmp_path / "places.csv")
    path = save(render(load_events(tmp_path / "events.csv", gazetteer), tiles="none", title=HOSTILE[0]),
                tmp_path / "hostile.html")
    map_page.open(path)
    page = map_page.page
    page.locator("input.lm-range").fill("0")
    page.locator("path.leaflet-interactive").first.hover()
    page.locator("path.leaflet-interactive").first.click(force=True)
    popup = page.locator(".leaflet-popup-content")
    assert HOSTILE[0] in popup.inner_text() and HOSTILE[2] in popup.inner_text()
    assert HOSTILE[5] in popup.inner_text() and HOSTILE[5] in page.locator(".lm-what").inner_text()
    assert "Gori " + HOSTILE[4] in popup.inner_text()
    assert HOSTILE[0] in page.title()
    # the same text in the story list, the slider, the table and the tooltips stays text
    story = page.locator(".lm-story li").first.inner_text()
    assert HOSTILE[0] in story and HOSTILE[4] in story
    assert HOSTILE[0] in page.locator(".lm-what").inner_text()
    page.locator("#lm-table").evaluate("d => d.open = true")
    cells = page.locator("#lm-table tbody tr").first.inner_text()
    assert HOSTILE[2] in cells and "Gori " + HOSTILE[4] in cells
    page.locator("path.leaflet-interactive").first.hover()
    assert "Gori " + HOSTILE[4] in page.locator(".leaflet-tooltip").inner_text()
    assert page.locator("img, iframe, script[src]:not([src$='/leaflet.js'])").count() == 0
    assert map_page.js("window.pwned") is None
    assert map_page.errors == [] and map_page.outside == []


def test_the_default_map_in_the_browser(tmp_path, map_page):
    """The map `lifemap build` writes, opened as a user would: every layer toggles, the slider plays."""
    import subprocess
    import sys

    out = tmp_path / "lifemap.html"
    done = subprocess.run([sys.executable, "-m", "lifemap.cli", "build", "-o", str(out), "--tiles", "none"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    expected = per_layer(features(load_events()))
    map_page.open(out)
    page = map_page.page
    assert map_page.errors == [] and map_page.outside == []
    assert map_page.js(COUNT_SHOWN) == expected
    assert page.locator("path.leaflet-interactive").count() == sum(expected.values())
    labels = page.locator(".leaflet-control-layers-overlays label")
    assert labels.count() == len(expected) >= 7
    for i in range(labels.count()):
        box = labels.nth(i).locator("input")
        before = page.locator("path.leaflet-interactive").count()
        box.uncheck()
        hidden = before - page.locator("path.leaflet-interactive").count()
        box.check()
        assert hidden > 0 and page.locator("path.leaflet-interactive").count() == before
    # Steps follow the dates, from the birth to the last event, and playing advances them.
    steps = map_page.js("window.lifemap.steps.map(s => s.t)")
    assert steps == sorted(steps) and len(steps) > 100
    last = load_events().iloc[-1]
    assert page.locator(".lm-now").inner_text().startswith(f"{last['date_label']} · {last['place_label']}")
    page.locator("input.lm-range").fill("0")
    assert "1878" in page.locator(".lm-now").inner_text()
    page.locator("button.lm-play").click()
    page.wait_for_function("window.lifemap.index >= 2", timeout=5000)
    page.locator("button.lm-play").click()
    assert map_page.js("window.lifemap.playing") is None
    assert sum(map_page.js(COUNT_SHOWN).values()) < sum(expected.values())
    assert map_page.errors == []


def test_a_map_of_one_place_opens_on_it(tmp_path, map_page):
    """The bounds of a single place have no size: the view must still be a real one."""
    events = load_events()
    path = save(render(events.iloc[:1], tiles="none"), tmp_path / "one.html")
    map_page.open(path)
    assert map_page.errors == []
    view = map_page.js("([lat, lon]) => { const m = window.lifemap.map; return [m.getZoom(), m.getBounds().contains([lat, lon])]; }",
                       [float(events["lat"].iloc[0]), float(events["lon"].iloc[0])])
    assert 5 <= view[0] <= 12 and view[1]
    assert map_page.page.locator("path.leaflet-interactive").count() == 1


def test_the_story_and_the_slider_follow_one_chronology(tmp_path, map_page):
    """A year-only stop stands where its source tells it, in the story and on the slider alike: the
    Tiflis trip of 1912 comes after the escape from Narym that September, not on 1 January."""
    from lifemap.route import stops

    events = load_events()
    map_page.open(save(render(events, tiles="none"), tmp_path / "m.html"))
    page = map_page.page
    story = map_page.js("window.lifemap.model.stops.map(s => [s.i, s.t])")
    ids = list(events["id"])
    assert [ids[i] for i, _ in story] == list(stops(events)["id"])
    assert [t for _, t in story] == sorted(t for _, t in story)
    order = [ids[i] for i, _ in story]
    assert order.index("1912-escape-saint-petersburg-narym") < order.index("1912-other-tbilisi")
    escape_t = dict((ids[i], t) for i, t in story)["1912-escape-saint-petersburg-narym"]
    page.locator(".lm-story li", has_text="late 1912 (O.S.) Tiflis").first.click()
    page.wait_for_selector(".leaflet-popup-content")
    assert map_page.js("window.lifemap.steps[window.lifemap.index].t") >= escape_t
    assert page.locator(".lm-now").inner_text().startswith("late 1912 (O.S.) · Tiflis")
    assert map_page.errors == []


def test_a_period_shows_what_its_dates_can_overlap(tmp_path, map_page, mini_events, mini_gazetteer):
    """A bare 1917 stands in mid-1917 on the slider, after the 'underground' period ends in February;
    it may have happened in January, so that period shows it (at its last step)."""
    path = tmp_path / "events.csv"
    path.write_text(mini_events.read_text(encoding="utf-8")
                    + "1917-other-tbilisi,1917,1917,year,,gregorian,other,Stalin,tbilisi,,A visit home,other.txt,0,9\n",
                    encoding="utf-8")
    events = load_events(path, mini_gazetteer)
    row = events.set_index("id").loc["1917-other-tbilisi"]
    assert str(row["order_day"].date()) > "1917-02-28" >= str(row["first_day"].date())
    map_page.open(save(render(events, tiles="none"), tmp_path / "p.html"))
    page = map_page.page
    page.locator("select.lm-period").select_option("underground")
    tiflis = """() => window.lifemap.items.some(it => !it.leg && it.feature.properties.place === "tbilisi"
        && it.feature.evs.some(e => e.date === "1917") && it.group.hasLayer(it.layer))"""
    assert map_page.js(tiflis)  # the period opens on its last step
    page.locator("input.lm-range").fill(str(map_page.js("window.lifemap.lo")))
    assert not map_page.js(tiflis)
    assert map_page.errors == []


def test_popups_and_the_table_cite_sources_by_name(tmp_path, map_page):
    events = load_events()
    map_page.open(save(render(events, tiles="none"), tmp_path / "m.html"))
    page = map_page.page
    kureika = events.set_index("id").loc["1914-exile-kureika", "citation"]
    page.locator(".lm-story li", has_text="Kureika").first.click()
    page.wait_for_selector(".leaflet-popup-content")
    assert f"Source: {kureika}" in page.locator(".leaflet-popup-content").inner_text()
    page.locator("#lm-table summary").click()
    page.wait_for_function(f"document.querySelectorAll('#lm-table tbody tr').length === {len(events)}")
    cells = map_page.js("[...document.querySelectorAll('#lm-table tbody tr')].map(r => r.cells[5].textContent)")
    assert cells == list(events["citation"])
    assert not any(".txt" in c for c in cells)  # every default source is in the table
    links = page.locator("#lm-table .lm-sources a")
    assert links.count() >= 2 and links.first.get_attribute("href").startswith("https://")
    assert "CC BY-SA 4.0" in page.locator("#lm-table .lm-sources").inner_text()
    assert map_page.errors == []


def test_an_arrowhead_is_never_longer_than_a_third_of_its_leg(tmp_path, map_page):
    """The barbs are a share of the leg, at least a few kilometres, but a short leg (Moscow to the Kuntsevo
    dacha) gets barbs shorter than itself."""
    events = load_events()
    map_page.open(save(render(events, tiles="none", renderer="canvas"), tmp_path / "m.html"))
    ratios = map_page.js("""() => window.lifemap.items.filter(it => it.leg && it.leg.v).map(it => {
        const xy = it.leg.v.xy, parts = it.leg.v.parts;
        const len = (a, b) => { let s = 0; for (let i = a + 1; i < b; i++) {
            s += Math.hypot(xy[2 * i] - xy[2 * i - 2], xy[2 * i + 1] - xy[2 * i - 1]); } return s; };
        return [len(parts[1], parts[2]) / len(parts[0], parts[1]), it.leg.km];
    })""")
    assert len(ratios) > 10 and any(km < 30 for _, km in ratios)
    assert max(r for r, _ in ratios) <= 0.34, sorted(ratios)[-5:]
    # a long leg keeps barbs of about 120 km (8 % of it, at most 120 km)
    assert all(r * km > 80 for r, km in ratios if km > 1500)
    assert map_page.errors == []


def test_whose_a_line_is_shows_once_and_one_no_one_names_is_someone_else(tmp_path, map_page):
    from lifemap.extract import extract

    text = ("Ivan Petrov\n\nIvan Petrov (1890 – 1950) was a Russian engineer. Petrov was born in Tula in 1890. In 1920 "
            "Petrov moved to Moscow. In 1921 Churchill went to Kiev. Once in France, the volunteers simply crossed into "
            "Spain in 1922. Petrov died in Moscow in 1950.")
    events = extract(text, progress=False)
    assert set(events["actor"]) == {"Ivan Petrov", "Churchill", "unknown"}   # (the fixture this test stands on)
    map_page.open(save(render(events, tiles="none"), tmp_path / "m.html"))
    page = map_page.page
    shown = {}
    for place in ("tula", "kyiv", "spain"):
        shown[place] = map_page.js(f"""(() => {{ const it = window.lifemap.items.find(i => !i.leg
            && i.feature.properties.place === "{place}"); window.lifemap.openPopup(it);
            return [...document.querySelectorAll(".leaflet-popup-content")].pop().innerText; }})()""")
    assert "(Ivan Petrov)" in shown["tula"] and shown["kyiv"].count("(Churchill)") == 1
    assert shown["spain"].count("(someone else)") == 1 and "unknown" not in shown["spain"]
    page.locator("#lm-table summary").click()
    page.wait_for_function(f"document.querySelectorAll('#lm-table tbody tr').length === {len(events)}")
    rows = map_page.js("[...document.querySelectorAll('#lm-table tbody tr')].map(r => r.cells[3].textContent)")
    assert "someone else" in rows and "unknown" not in rows
    assert map_page.errors == []
