"""A large map in the browser: drawn on one canvas, legs bundled per kind, and still usable.

The default data is rendered with the canvas threshold lowered, so the big-map path runs on real
events in seconds; what a reader does with it (hover, click, slider, layer control, story) is
done with the mouse and checked in the page.
"""
import importlib

import pytest

from lifemap.events import load_events
from lifemap.render import render, save

from test_browser import features

render_module = importlib.import_module("lifemap.render")


@pytest.fixture
def big_map(tmp_path, monkeypatch):
    events = load_events()
    monkeypatch.setattr(render_module, "CANVAS_ABOVE", 50)  # what "auto" picks for a big map
    return events, save(render(events, tiles="none"), tmp_path / "big.html")


def test_the_renderer_can_be_chosen(tmp_path):
    import subprocess
    import sys

    events = load_events()
    assert '"canvas":false' in render(events, tiles="none").get_root().render()
    assert '"canvas":true' in render(events, tiles="none", renderer="canvas").get_root().render()
    from lifemap.errors import LifemapError

    with pytest.raises(LifemapError, match="renderer must be one of auto, svg, canvas"):
        render(events, renderer="webgl")
    out = tmp_path / "c.html"
    done = subprocess.run([sys.executable, "-m", "lifemap.cli", "build", "--renderer", "canvas", "--tiles", "none",
                           "-o", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert '"canvas":true' in out.read_text(encoding="utf-8")


SHOWN_LEGS = "() => window.lifemap.items.filter(it => it.leg && it.leg.on).length"


def test_a_big_map_draws_every_feature_on_a_canvas(map_page, big_map):
    events, path = big_map
    map_page.open(path)
    page = map_page.page
    assert map_page.errors == [] and map_page.outside == []
    assert map_page.js("window.lifemap.canvas") is True
    assert page.locator(".leaflet-overlay-pane canvas").count() == 1
    assert page.locator("path.leaflet-interactive").count() == 0  # no SVG element per feature
    expected = features(events)
    items = map_page.js("""() => { const out = {};
        window.lifemap.items.forEach(it => { const k = it.layer_key, e = out[k] || (out[k] = {points: 0, legs: 0});
            e[it.leg ? "legs" : "points"] += 1; });
        return out; }""")
    assert items == expected
    # one bundle per layer and kind of leg, not one path per leg
    from lifemap.route import moves, route

    kinds = {(layer, kind) for legs in (route(events)[1], moves(events)) for layer, kind in zip(legs["layer"], legs["kind"])}
    bundles = map_page.js("new Set(window.lifemap.items.filter(it => it.leg).map(it => it.layer)).size")
    assert bundles == len(kinds) < sum(v["legs"] for v in expected.values())
    assert map_page.js(SHOWN_LEGS) == sum(v["legs"] for v in expected.values())


def marker_pixel_and_colour(map_page):
    """The biggest place marker inside the view that no other marker overlaps: its centre on the
    screen and its fill."""
    return map_page.js("""() => {
        const st = window.lifemap, map = st.map, box = map.getContainer().getBoundingClientRect();
        const points = st.items.filter(it => it.point).map(it => [it, map.latLngToContainerPoint([it.point.lat, it.point.lon])]);
        const alone = points.filter(([it, p]) => p.x > 340 && p.x < 960 && p.y > 40 && p.y < 700 &&
            points.every(([o, q]) => o === it || Math.hypot(p.x - q.x, p.y - q.y) > it.point.r + o.point.r + 2));
        alone.sort((a, b) => b[0].point.r - a[0].point.r);
        const [it, p] = alone[0];
        return {x: box.left + p.x, y: box.top + p.y, fill: it.layer.options.fillColor, place: it.point.properties.place,
                label: it.point.evs[0].label, then: it.point.evs[0].then};
    }""")


def rgb(hex_colour):
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def test_the_canvas_is_drawn_above_the_basemap(map_page, big_map):
    """Leaflet's CSS stacks SVG over canvas in a pane: the basemap needs a pane of its own."""
    map_page.open(big_map[1])
    page = map_page.page
    target = marker_pixel_and_colour(map_page)
    page.wait_for_timeout(100)  # the canvas redraws on the next frame
    from PIL import Image  # matplotlib's dependency
    import io

    def pixel():
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        shot = Image.open(io.BytesIO(page.screenshot(clip={"x": target["x"] - 1, "y": target["y"] - 1,
                                                             "width": 3, "height": 3}))).convert("RGB")
        return shot.getpixel((1, 1))

    fill, land = rgb(target["fill"]), rgb("#f4f1ea")
    distance = lambda a, b: sum((x - y) ** 2 for x, y in zip(a, b)) ** 0.5
    got = pixel()
    assert distance(got, fill) < 40 < distance(got, land), (got, target)
    # the slider repaints only the region that changed: the marker goes, and comes back
    page.locator("input.lm-range").fill("0")
    if target["place"] != "gori":
        assert distance(pixel(), fill) > 40
    page.locator("input.lm-range").fill(str(map_page.js("window.lifemap.steps.length - 1")))
    assert distance(pixel(), fill) < 40


def test_hovering_and_clicking_a_place_drawn_on_the_canvas(map_page, big_map):
    map_page.open(big_map[1])
    page = map_page.page
    target = marker_pixel_and_colour(map_page)
    page.mouse.move(target["x"], target["y"])
    tip = page.locator(".leaflet-tooltip")
    tip.wait_for()
    assert tip.inner_text().startswith(target["label"] + ":")
    page.mouse.click(target["x"], target["y"])
    page.wait_for_selector(".leaflet-popup-content h4")
    assert page.locator(".leaflet-popup-content h4").inner_text().startswith(target["then"])
    # the slider hides the place before its first event, and a click there opens nothing
    map_page.js("window.lifemap.map.closePopup()")
    page.locator("input.lm-range").fill("0")
    page.mouse.click(target["x"], target["y"])
    page.wait_for_timeout(200)
    assert page.locator(".leaflet-popup-content").count() == 0 or target["place"] == "gori"
    assert map_page.errors == []


def test_hovering_and_clicking_a_leg_of_a_bundle(map_page, big_map):
    map_page.open(big_map[1])
    page = map_page.page
    # a point on one leg, at least 8 px from every other leg and every marker, away from the controls
    spot = map_page.js("""() => {
        const st = window.lifemap, map = st.map, box = map.getContainer().getBoundingClientRect();
        const legs = st.items.filter(it => it.leg).map(it => it.leg);
        const markers = st.items.filter(it => it.point).map(it => map.latLngToLayerPoint([it.point.lat, it.point.lon]));
        const dist = (x, y, px, parts) => { let best = Infinity;
            for (let q = 0; q + 1 < parts.length; q++) for (let i = parts[q]; i + 1 < parts[q + 1]; i++) {
                const x1 = px[2*i], y1 = px[2*i+1], dx = px[2*i+2] - x1, dy = px[2*i+3] - y1, l = dx*dx + dy*dy;
                const f = l ? Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / l)) : 0;
                best = Math.min(best, Math.hypot(x1 + f * dx - x, y1 + f * dy - y)); }
            return best; };
        for (const g of legs) {
            const mid = Math.floor(g.v.parts[1] / 2), x = g.px[2 * mid], y = g.px[2 * mid + 1];
            const c = map.layerPointToContainerPoint([x, y]);
            if (c.x < 340 || c.x > 960 || c.y < 40 || c.y > 700) continue;
            if (legs.some(o => o !== g && dist(x, y, o.px, o.v.parts) < 8)) continue;
            if (markers.some(m => Math.hypot(m.x - x, m.y - y) < 20)) continue;
            return {x: box.left + c.x, y: box.top + c.y, what: g.from_label + " → " + g.to_label};
        }
        return null; }""")
    assert spot, "no leg stands alone anywhere in the view"
    page.mouse.move(spot["x"], spot["y"])
    tip = page.locator(".leaflet-tooltip")
    tip.wait_for()
    assert tip.inner_text().startswith(spot["what"])
    page.mouse.click(spot["x"], spot["y"])
    page.wait_for_selector(".leaflet-popup-content h4")
    assert page.locator(".leaflet-popup-content h4").inner_text() == spot["what"]
    assert " km (" in page.locator(".leaflet-popup-content").inner_text()
    assert map_page.errors == []


def test_slider_periods_layers_and_story_on_a_big_map(map_page, big_map):
    events, path = big_map
    map_page.open(path)
    page = map_page.page
    all_legs = map_page.js(SHOWN_LEGS)
    page.locator("input.lm-range").fill("0")
    assert map_page.js(SHOWN_LEGS) == 0 and map_page.js("window.lifemap.shown") == 1
    page.locator("select.lm-period").select_option("war")
    shown = map_page.js("""() => window.lifemap.items.filter(it => it.leg && it.leg.on).map(it => it.kind)""")
    assert shown and set(shown) <= {"deportation", "posting", "journey", "return"}
    page.locator("select.lm-period").select_option("")
    assert map_page.js(SHOWN_LEGS) == all_legs
    # the layer control takes a whole layer, bundles included, off the map and back
    deportations = page.locator(".leaflet-control-layers-overlays label", has_text="Deportations").locator("input")
    on_map = "() => window.lifemap.items.filter(it => it.layer_key === 'deportations' && it.layer._map).length"
    n = map_page.js(on_map)
    deportations.uncheck()
    assert n > 0 and map_page.js(on_map) == 0
    deportations.check()
    assert map_page.js(on_map) == n
    # story mode opens the stop's popup
    page.locator(".lm-story li", has_text="Kureika").first.click()
    page.wait_for_selector(".leaflet-popup-content")
    assert "Kureika" in page.locator(".leaflet-popup-content").inner_text()
    assert map_page.errors == []


def test_arcs_drawn_in_the_page_follow_the_geodesics(map_page, big_map):
    """The page draws great circles on the sphere; lifemap.route computes WGS84 geodesics. They
    must agree to well under a pixel at the zoom a life is seen at, vertex for vertex, and the fast
    Mercator path of the bundles must give the same pixels as Leaflet's own projection."""
    import math

    from lifemap.route import arc, moves, route

    events, path = big_map
    map_page.open(path)
    legs = [(r["from_place"], r["to_place"]) for legs in (route(events)[1], moves(events)) for r in legs.to_dict("records")]
    where = {r["place"]: (r["lat"], r["lon"]) for r in events.to_dict("records")}
    where.update({r["origin"]: (r["origin_lat"], r["origin_lon"]) for r in events.to_dict("records") if r["origin"]})
    pairs = [(where[a], where[b]) for a, b in legs]
    worst_km = 0.0
    for (a, b) in pairs:
        line, km = arc(a[1], a[0], b[1], b[0])
        page_pts = map_page.js("([a, b, km]) => lifemapPage.arc(a, b, km)", [list(a), list(b), km])
        assert len(page_pts) == len(line.coords)
        for (lon, lat), (plat, plon) in zip(line.coords, page_pts):
            dy = (plat - lat) * 111.2
            dx = (plon - lon) * 111.2 * math.cos(math.radians(lat))
            worst_km = max(worst_km, math.hypot(dx, dy))
    # a pixel at zoom 4 is about 10 km at these latitudes
    assert worst_km < 3.0, worst_km
    gap = map_page.js("""(pairs) => { let worst = 0;
        const crs = {latLngToPoint: (ll, z) => L.CRS.EPSG3857.latLngToPoint(ll, z)};
        for (const [a, b] of pairs) {
            const km = L.latLng(a).distanceTo(L.latLng(b)) / 1000, g = {a: {lat: a[0], lon: a[1]}, b: {lat: b[0], lon: b[1]}, km: km};
            const fast = lifemapPage.legVertices(L.CRS.EPSG3857, g), slow = lifemapPage.projected(crs, lifemapPage.arc(a, b, km), km);
            if (fast.xy.length !== slow.xy.length) { return Infinity; }
            fast.xy.forEach((v, i) => { worst = Math.max(worst, Math.abs(v - slow.xy[i])); });
        }
        return worst; }""", [[list(a), list(b)] for a, b in pairs])
    assert gap * 2 ** 18 < 0.01  # under a hundredth of a pixel at zoom 18


@pytest.mark.parametrize("unit", ["month", "quarter", "year"])
def test_a_long_life_plays_by_month_quarter_or_year(tmp_path, map_page, monkeypatch, unit):
    """Past MAX_STEPS dates the slider steps by month, then quarter, then year, so ▶ plays a life
    in minutes; story mode then moves the slider to the step that holds the stop's date."""
    events = load_events()
    days = sorted({d.date() for d in events["order_day"]})
    months = {(d.year, d.month) for d in days}
    quarters = {(d.year, (d.month - 1) // 3) for d in days}
    years = {d.year for d in days}
    limit = {"month": len(months), "quarter": len(quarters), "year": len(years)}[unit]
    assert len(days) > len(months) > len(quarters) > len(years)
    monkeypatch.setattr(render_module, "MAX_STEPS", limit)
    map_page.open(save(render(events, tiles="none"), tmp_path / f"{unit}.html"))
    page = map_page.page
    assert map_page.js("window.lifemap.stepUnit") == unit
    steps = map_page.js("window.lifemap.steps.map(s => [s.t, s.label])")
    assert len(steps) == limit
    first = steps[0][1]
    assert first.startswith({"month": "Dec 1878 · Gori", "quarter": "Oct–Dec 1878 · Gori", "year": "1878 · Gori"}[unit]), first
    # each step is the last day of its bucket, in order
    assert [t for t, _ in steps] == sorted(t for t, _ in steps)
    page.locator(".lm-story li", has_text="Kureika").first.click()
    page.wait_for_selector(".leaflet-popup-content")
    at = map_page.js("window.lifemap.index")
    stop_t = map_page.js("window.lifemap.model.stops[window.lifemap.story].t")
    assert steps[at][0] >= stop_t and (at == 0 or steps[at - 1][0] < stop_t)
    assert "Kureika" in page.locator(".lm-now").inner_text() or "other date" in page.locator(".lm-now").inner_text()
    page.locator("input.lm-range").fill("0")
    page.locator("button.lm-play").click()
    page.wait_for_function("window.lifemap.index >= 2", timeout=5000)
    page.locator("button.lm-play").click()
    assert map_page.errors == []


def test_a_hub_popup_lists_sixty_events_then_the_rest_on_demand(tmp_path, map_page):
    import pandas as pd

    events = load_events()
    moscow = events[events["place"] == "moscow"]
    extra = pd.concat([moscow.iloc[:1]] * 70, ignore_index=True)
    extra["id"] = [f"extra-{i}" for i in range(len(extra))]
    extra["summary"] = [f"Extra meeting number {i}" for i in range(len(extra))]
    more = pd.concat([events, extra], ignore_index=True).sort_values("order_day", kind="stable").reset_index(drop=True)
    n = int(((more["place"] == "moscow") & (more["layer"] == moscow["layer"].iloc[0])).sum())
    map_page.open(save(render(more, tiles="none"), tmp_path / "hub.html"))
    page = map_page.page
    map_page.js("""() => { const st = window.lifemap;
        const it = st.items.find(i => i.feature.evs && i.feature.properties.place === "moscow" && i.feature.evs.length > 60);
        st.openPopup(it); }""")
    items = page.locator(".leaflet-popup-content li:not(.lm-more)")
    assert items.count() == 60
    page.locator(".leaflet-popup-content .lm-more button").click()
    assert items.count() == n and page.locator(".leaflet-popup-content").is_visible()
    assert "Extra meeting number 69" in page.locator(".leaflet-popup-content").inner_text()
    assert map_page.errors == []


@pytest.mark.parametrize("scale", [1, 2])
def test_bundled_legs_are_one_device_pixel_wide(browser, big_map, scale):
    """The canvas strokes lines of one device pixel on a fast path; on a screen of two device pixels
    per pixel Leaflet doubles the canvas, so the legs are half a pixel there."""
    from conftest import MapPage

    context = browser.new_context(viewport={"width": 1280, "height": 860}, device_scale_factor=scale)
    page = MapPage(context.new_page()).open(big_map[1])
    widths = page.js("[...new Set(window.lifemap.items.filter(it => it.leg).map(it => it.layer.options.weight))]")
    assert widths == [1 / scale]
    assert page.js("window.lifemap.renderer._ctx.getTransform().a") == scale
    assert page.errors == []
    context.close()
