"""Lesson pages: the self-contained file, the iframe snippet, story mode and the phone layout,
checked in headless Chromium."""
import subprocess
import sys

import pytest

from lifemap.assets import ExternalReference, check_self_contained, external_references
from lifemap.events import load_events
from lifemap.render import render, save


def build(tmp_path, *args, name="lifemap.html"):
    out = tmp_path / name
    done = subprocess.run([sys.executable, "-m", "lifemap.cli", "build", "-o", str(out), *args],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return out, done


def lesson_page(folder, snippet):
    """A plain lesson page with the iframe snippet in it, beside the map."""
    lesson = folder / "lesson.html"
    lesson.write_text("<!DOCTYPE html><html><head><meta name='viewport' content='width=device-width'>"
                      "<title>Lesson</title></head><body><h1>The exiles</h1><p>Look at the map.</p>"
                      f"{snippet}<p>Questions follow.</p></body></html>", encoding="utf-8")
    return lesson


def requests_of(page):
    seen = []
    page.on("request", lambda r: seen.append(r.url))
    return seen


def test_a_self_contained_page_fetches_nothing(tmp_path, map_page):
    out, _ = build(tmp_path, "--self-contained", "--tiles", "none")
    html = out.read_text(encoding="utf-8")
    assert external_references(html) == []
    seen = requests_of(map_page.page)
    map_page.open(out)
    assert [u for u in seen if not u.startswith(("file:", "data:"))] == []
    assert map_page.errors == [] and map_page.outside == []
    # the offline basemap drew the countries, and Leaflet's own images are inline
    assert map_page.page.locator("path:not(.leaflet-interactive)").count() > 100
    assert map_page.js("getComputedStyle(document.querySelector('.leaflet-control-layers-toggle')).backgroundImage").startswith('url("data:image/png')


def test_with_tiles_only_the_tile_server_is_outside(tmp_path):
    out, _ = build(tmp_path, "--self-contained")
    assert external_references(out.read_text(encoding="utf-8"), allow=("https://tile.openstreetmap.org/",)) == []
    assert "https://tile.openstreetmap.org/" in " ".join(external_references(out.read_text(encoding="utf-8")))


def test_the_build_fails_loudly_if_anything_outside_is_left(tmp_path, mini_events, mini_gazetteer):
    import folium.plugins

    m = render(load_events(mini_events, mini_gazetteer), tiles="none", assets="inline")
    folium.plugins.Fullscreen().add_to(m)  # a plugin that links its own script from a CDN
    target = tmp_path / "map.html"
    with pytest.raises(ExternalReference, match="Control.FullScreen"):
        save(m, target, self_contained=True)
    assert not target.exists()
    with pytest.raises(ExternalReference):
        check_self_contained('<img src="//example.org/x.png">')
    check_self_contained('<a href="https://example.org/about">about</a><svg xmlns="http://www.w3.org/2000/svg"></svg>')


def test_the_iframe_snippet_works_in_a_plain_lesson_page_on_a_phone(tmp_path, browser):
    out, done = build(tmp_path, "--self-contained", "--tiles", "none", "--embed", "--width", "800", "--height", "500")
    snippet = (tmp_path / "lifemap.embed.html").read_text(encoding="utf-8")
    assert done.stdout == snippet and 'title="The life of Stalin"' in snippet and "aspect-ratio:800/500" in snippet
    lesson = lesson_page(tmp_path, snippet)
    context = browser.new_context(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(lesson.as_uri())
    frame = page.frame_locator("iframe")
    frame.locator(".lm-slider").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    box = page.locator("iframe").bounding_box()
    assert box["width"] <= 375 and abs(box["width"] / box["height"] - 800 / 500) < 0.02
    inner = page.frames[1]
    assert inner.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_the_map_fits_a_phone(tmp_path, browser):
    out, _ = build(tmp_path, "--self-contained", "--tiles", "none")
    context = browser.new_context(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(out.as_uri())
    page.wait_for_function("window.lifemap !== undefined")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # on a phone the panels start folded so the map stays visible
    assert page.locator(".lm-legend .lm-body").is_hidden() and page.locator(".lm-story ol").is_hidden()
    assert page.locator(".leaflet-control-layers-list").is_hidden()
    for sel in (".lm-slider", ".lm-story", ".lm-legend"):
        b = page.locator(sel).bounding_box()
        assert b["x"] >= 0 and b["x"] + b["width"] <= 375, sel
    page.locator(".lm-story .lm-toggle").tap()
    assert page.locator(".lm-story ol").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_story_mode_moves_the_map_and_steps_with_the_keyboard(tmp_path, map_page):
    out, _ = build(tmp_path, "--self-contained", "--tiles", "none")
    map_page.open(out)
    page = map_page.page
    stops = map_page.js("window.lifemap.steps.length")
    entries = page.locator(".lm-story li")
    assert entries.count() > 100 and stops > 100
    kureika = page.locator(".lm-story li", has_text="Kureika").first
    kureika.click()
    page.wait_for_selector(".leaflet-popup-content")
    assert "Kureika" in page.locator(".leaflet-popup-content").inner_text()
    # the map flew there: Kureika is in view at a closer zoom than the whole life
    view = map_page.js("(() => { const m = window.lifemap.items[0].group._map;"
                       " return [m.getBounds().contains([66.4669, 87.1711]), m.getZoom()]; })()")
    assert view[0] and view[1] >= 5
    at = map_page.js("window.lifemap.story")
    assert kureika.get_attribute("aria-current") == "step"
    assert "Kureika" in page.locator(".lm-now").inner_text()
    assert page.locator(".lm-band.lm-active").get_attribute("title").startswith("Underground")
    page.locator("body").press("ArrowRight")
    page.wait_for_function(f"window.lifemap.story === {at + 1}")
    page.keyboard.press("ArrowLeft")
    page.wait_for_function(f"window.lifemap.story === {at}")
    page.keyboard.press("End")
    page.wait_for_function(f"window.lifemap.story === {entries.count() - 1}")
    assert page.locator(".lm-band.lm-active").get_attribute("title").startswith("After his death")  # the 1961 reburial
    # moving the slider marks the stop of that date in the story
    page.locator("input.lm-range").fill("0")
    assert page.locator(".lm-story li").first.get_attribute("aria-current") == "step"
    assert map_page.errors == []


def test_the_text_alternative_is_a_table_of_every_event(tmp_path, map_page):
    out, _ = build(tmp_path, "--self-contained", "--tiles", "none")
    map_page.open(out)
    page = map_page.page
    assert page.locator("#lm-table table").is_hidden()
    page.locator(".lm-story a", has_text="table").click()
    assert page.locator("#lm-table table").is_visible()
    # the rows are filled from the model when the table first opens
    page.wait_for_function(f"document.querySelectorAll('#lm-table tbody tr').length === {len(load_events())}")
    cells = page.locator("#lm-table tbody tr").first.locator("td").all_inner_texts()
    assert cells[:3] == ["18 Dec 1878 (6 Dec O.S.)", "Gori", "birth"] and cells[5] == load_events().iloc[0]["citation"]
    assert page.locator("#lm-table th").all_inner_texts()[:3] == ["Date", "Place", "Kind"]


def test_the_first_view_shows_the_whole_route_between_the_panels(tmp_path, map_page):
    """On a wide screen the route is fitted between the story and the legend; in a lesson page's
    frame (960 x 600) the route takes the width and the legend starts folded, clear of the slider."""
    out, _ = build(tmp_path, "--tiles", "none")
    map_page.open(out)
    page = map_page.page
    spread = map_page.js("""() => {
        const st = window.lifemap, map = st.map, box = map.getContainer().getBoundingClientRect();
        const xs = st.model.stops.map(s => map.latLngToContainerPoint([s.at.lat, s.at.lon]).x + box.left);
        const story = document.querySelector('.lm-story').getBoundingClientRect();
        const legend = document.querySelector('.lm-legend').getBoundingClientRect();
        return {min: Math.min(...xs), max: Math.max(...xs), storyRight: story.right, legendLeft: legend.left}; }""")
    assert spread["min"] >= spread["storyRight"] and spread["max"] <= spread["legendLeft"], spread
    page.set_viewport_size({"width": 960, "height": 600})
    map_page.open(out)
    assert page.locator(".lm-legend .lm-body").is_hidden()
    legend = page.locator(".lm-legend").bounding_box()
    slider = page.locator(".lm-slider").bounding_box()
    assert legend["y"] + legend["height"] <= slider["y"]
    assert map_page.errors == []


def test_a_url_the_page_only_shows_is_no_outside_resource(tmp_path, map_page):
    """A source sentence (or a title) may quote a URL: it is text, never fetched, and must not stop
    a self-contained page; what the page would load still does."""
    text = tmp_path / "chapter.txt"
    text.write_text("In 1907 Stalin moved to Baku (see https://www.example.org/archive/baku.html).\n"
                    "In 1908 he was arrested in Baku; //cdn.example.net/x.js is a path he never saw.\n", encoding="utf-8")
    out, done = build(tmp_path, str(text), "--self-contained", "--tiles", "none", "--no-geonames",
                      "--title", "Notes from https://www.example.org/notes")
    html = out.read_text(encoding="utf-8")
    assert "https://www.example.org/archive/baku.html" in html and external_references(html) == []
    map_page.open(out)
    assert map_page.outside == [] and map_page.errors == []
    for loads in ('<script src="https://cdn.example.net/a.js"></script>', '<link rel="stylesheet" href="//f.example/x.css">',
                  '<style>@import url(https://f.example/a.css);</style>', '<img srcset="https://i.example/a.png 2x">',
                  '<div style="background:url(https://i.example/b.png)"></div>', '<script>fetch("https://api.example/x")</script>'):
        assert external_references(html.replace("</body>", loads + "</body>")), loads
    shown = ('<p>https://a.example/b</p><a href="https://a.example/c">c</a><title>https://t.example</title>'
             '<script type="application/json">{"s": "https://d.example/e"}</script>')
    assert external_references(shown) == []


# Small screens and lesson frames ------------------------------------------------------------------
# What lies over the map: the panels, and Leaflet's zoom buttons, scale bar and attribution.
CONTROLS = {"story": ".lm-story", "legend": ".lm-legend", "layers": ".leaflet-control-layers", "slider": ".lm-slider",
            "zoom": ".leaflet-control-zoom", "scale": ".leaflet-control-scale", "attribution": ".leaflet-control-attribution"}
BOXES = """(controls) => {
    const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    const out = {map: box(document.querySelector('.leaflet-container'))};
    for (const [key, sel] of Object.entries(controls)) {
        const e = document.querySelector(sel);
        if (e && e.offsetWidth) { out[key] = box(e); }
    }
    return out;
}"""


def layout(frame):
    """The share of the map's area that no control's box covers, and the pairs of controls whose boxes
    overlap (edges may touch)."""
    boxes = frame.evaluate(BOXES, CONTROLS)
    m = boxes.pop("map")
    inside = [(max(b[0], m[0]), max(b[1], m[1]), min(b[2], m[2]), min(b[3], m[3])) for b in boxes.values()]
    inside = [b for b in inside if b[0] < b[2] and b[1] < b[3]]
    # the union's area, cell by cell of the grid that the boxes' edges draw
    xs = sorted({m[0], m[2], *(b[0] for b in inside), *(b[2] for b in inside)})
    ys = sorted({m[1], m[3], *(b[1] for b in inside), *(b[3] for b in inside)})
    covered = sum((x1 - x0) * (y1 - y0) for x0, x1 in zip(xs, xs[1:]) for y0, y1 in zip(ys, ys[1:])
                  if any(b[0] <= x0 and x1 <= b[2] and b[1] <= y0 and y1 <= b[3] for b in inside))
    names = list(boxes)
    overlaps = [(a, b) for i, a in enumerate(names) for b in names[i + 1:]
                if boxes[a][0] < boxes[b][2] and boxes[b][0] < boxes[a][2]
                and boxes[a][1] < boxes[b][3] and boxes[b][1] < boxes[a][3]]
    return 1 - covered / ((m[2] - m[0]) * (m[3] - m[1])), overlaps


@pytest.fixture(scope="module")
def lesson(tmp_path_factory):
    """The default map as `lifemap build --self-contained --tiles none --embed` writes it, and a
    lesson page holding its iframe."""
    folder = tmp_path_factory.mktemp("lesson")
    out, done = build(folder, "--self-contained", "--tiles", "none", "--embed")
    return out, lesson_page(folder, done.stdout)


# the map's share that must stay visible with every panel folded (before this layout: 57% in the
# frame, where the story, the layer list and the slider opened together)
SIZES = {"phone": 0.75, "frame": 0.80}


@pytest.fixture(params=list(SIZES))
def small(request, browser, lesson):
    """The map on a phone (390 x 844, opened as a page) or in its 960 x 600 iframe in a lesson page
    on a wide screen: (size, the frame the map is in)."""
    out, page_with_iframe = lesson
    if request.param == "phone":
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.goto(out.as_uri())
        frame = page.main_frame
    else:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(page_with_iframe.as_uri())
        box = page.locator("iframe").bounding_box()
        assert (box["width"], box["height"]) == (960, 600)
        frame = page.locator("iframe").element_handle().content_frame()
    frame.wait_for_function("window.lifemap !== undefined")
    yield request.param, frame
    context.close()


def test_on_a_phone_or_in_a_frame_the_map_comes_first(small):
    size, frame = small
    visible, overlaps = layout(frame)
    assert overlaps == []  # on a phone the story met the legend, and the slider the scale bar
    assert visible >= SIZES[size], visible
    # every panel is folded to a line or an icon
    assert frame.locator(".lm-story ol").is_hidden() and frame.locator(".lm-story a").is_hidden()
    assert frame.locator(".lm-legend .lm-body").is_hidden()
    assert frame.locator(".leaflet-control-layers-list").is_hidden()
    assert frame.locator(".leaflet-control-layers-toggle").is_visible()
    for panel in (".lm-story", ".lm-legend"):
        assert frame.locator(panel).bounding_box()["height"] < 40, panel


@pytest.mark.parametrize("how", ["pointer", "keyboard"])
def test_folded_panels_open_on_demand_one_at_a_time(small, how):
    size, frame = small

    def use(selector):
        control = frame.locator(selector)
        if how == "keyboard":
            control.focus()
            control.press("Enter")
        elif selector.startswith(".leaflet"):   # Leaflet opens the layer list on a tap, or under the pointer
            control.tap() if size == "phone" else frame.locator(".leaflet-control-layers").hover()
        else:
            control.click()

    use(".lm-story .lm-toggle")
    assert frame.locator(".lm-story ol").is_visible() and frame.locator(".lm-story a").is_visible()
    assert layout(frame)[1] == []
    use(".lm-legend .lm-toggle")
    assert frame.locator(".lm-legend .lm-body").is_visible()
    assert frame.locator(".lm-story ol").is_hidden()  # one panel open at a time, so they never pile up
    assert layout(frame)[1] == []
    use(".leaflet-control-layers-toggle")
    assert frame.locator(".leaflet-control-layers-list").is_visible()
    assert frame.locator(".leaflet-control-layers-overlays input:not(:checked)").count() == 0  # nothing toggled by the way
    assert layout(frame)[1] == []  # the layer list pushes the open legend down, clear of the slider
    use(".lm-legend .lm-toggle")
    assert frame.locator(".lm-legend .lm-body").is_hidden()


def test_the_period_bands_stay_readable(small):
    """Every band shows its label or a shortened one (never cut off mid-word), and the full
    label on hover (its title) and on focus."""
    _, frame = small
    bands = frame.evaluate("""() => [...document.querySelectorAll('.lm-band')].map(b => ({
        text: b.textContent, title: b.title, fits: b.scrollWidth <= b.clientWidth, shortened: b.tabIndex === 0}))""")
    assert len(bands) == 8 and all(b["fits"] for b in bands), bands
    for b in bands:   # the label's opening words, or a word's first letters ("Col."), not "C…"
        assert len(b["text"]) >= 3 and b["title"].startswith(b["text"].rstrip(".")), b
    assert any(b["shortened"] for b in bands), "all the default life's labels fit a small screen at full length?"
    band = frame.locator(".lm-band[tabindex='0']").first   # a shortened band takes the focus, to show its label
    band.focus()
    assert band.evaluate("b => getComputedStyle(b, '::after').content") == f'"{band.get_attribute("title")}"'


def test_a_wide_screen_keeps_every_panel_open(tmp_path, browser):
    out, _ = build(tmp_path, "--self-contained", "--tiles", "none")
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(out.as_uri())
    page.wait_for_function("window.lifemap !== undefined")
    for shown in (".lm-story ol", ".lm-story a", ".lm-legend .lm-body", ".leaflet-control-layers-list"):
        assert page.locator(shown).is_visible(), shown
    story, slider = page.locator(".lm-story").bounding_box(), page.locator(".lm-slider").bounding_box()
    assert story["x"] < 100 and slider["x"] + slider["width"] > 1200  # the story at the left, the slider at the right
    assert layout(page.main_frame)[1] == []
    page.locator(".lm-legend .lm-toggle").click()
    page.locator(".lm-legend .lm-toggle").click()
    assert page.locator(".lm-story ol").is_visible()  # panels open together here
    context.close()
