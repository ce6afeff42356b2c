"""The map page at its limits, in headless Chromium (issue 12): a table of 50,000 events, a page
opened without the network, the story stepped faster than it flies, and a place name of 10 KB."""
from __future__ import annotations

import pandas as pd
import pytest

from lifemap.events import load_events
from lifemap.render import render, save


@pytest.fixture(scope="module")
def big_page(tmp_path_factory):
    events = load_events()
    big = pd.concat([events] * 200, ignore_index=True)           # 200 copies of the default life
    big["id"] = [f"event-{i}" for i in range(len(big))]
    big["summary"] = [f"{s} (copy {i // len(events)})" for i, s in enumerate(big["summary"])]
    big = big.sort_values("order_day", kind="stable").reset_index(drop=True)
    return big, save(render(big, tiles="none"), tmp_path_factory.mktemp("big") / "big.html")


def test_the_table_of_a_big_map_is_shown_a_page_at_a_time(map_page, big_page):
    events, path = big_page
    map_page.open(path)
    page = map_page.page
    page.locator("#lm-table summary").click()
    rows = page.locator("#lm-table tbody tr")
    rows.first.wait_for()          # the table fills on its toggle event, which comes after the click returns
    assert rows.count() == 500                                    # not every row laid out at once
    count = page.locator(".lm-pager .lm-count").first
    assert count.inner_text() == f"Events 1–500 of {len(events):,} (page 1 of {-(-len(events) // 500)})"
    first = rows.first.locator("td").all_inner_texts()
    assert first[0] == events["date_label"].iloc[0] and first[4] == events["summary"].iloc[0]
    page.locator(".lm-pager button", has_text="Next").first.click()
    assert count.inner_text().startswith("Events 501–1,000 of")
    assert rows.first.locator("td").nth(4).inner_text() == events["summary"].iloc[500]
    page.locator(".lm-pager button", has_text="Last").last.click()
    assert rows.count() == len(events) - (-(-len(events) // 500) - 1) * 500
    assert rows.last.locator("td").nth(4).inner_text() == events["summary"].iloc[-1]
    assert page.locator(".lm-pager button", has_text="Next").first.is_disabled()
    assert map_page.js("window.lifemap.table(0)") == 500 and count.inner_text().startswith("Events 1–500")
    assert map_page.errors == []


def test_a_small_table_has_no_pager(map_page, tmp_path):
    map_page.open(save(render(load_events(), tiles="none"), tmp_path / "map.html"))
    map_page.page.locator("#lm-table summary").click()
    map_page.page.locator("#lm-table tbody tr").first.wait_for()    # filled on the toggle event, after the click
    assert map_page.page.locator("#lm-table tbody tr").count() == len(load_events())
    assert map_page.page.locator(".lm-pager").count() == 0


def test_without_the_network_the_page_says_so_and_still_lists_every_event(browser, tmp_path):
    """A default page links Leaflet from the CDN: opened offline it used to be blank, with an empty table."""
    path = save(render(load_events(), tiles="none"), tmp_path / "map.html")
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.goto(path.as_uri())
    page.wait_for_function("window.lifemap !== undefined")
    note = page.locator(".lm-offline")
    assert note.is_visible() and "needs the network" in note.inner_text() and "--self-contained" in note.inner_text()
    assert page.locator("#lm-table").evaluate("d => d.open") is True
    assert page.locator("#lm-table tbody tr").count() == len(load_events())
    context.close()


def test_the_cdn_tags_carry_integrity_hashes_of_leaflets_files():
    import base64
    import hashlib
    import re

    from lifemap.assets import LEAFLET_INTEGRITY, leaflet_dir

    for name, integrity in LEAFLET_INTEGRITY.items():
        digest = hashlib.sha256((leaflet_dir() / name).read_bytes()).digest()
        assert integrity == "sha256-" + base64.b64encode(digest).decode()
    page = render(load_events(), tiles="none").get_root().render()
    tags = re.findall(r"<(?:script|link)\b[^>]*cdn\.jsdelivr[^>]*>", page)
    assert len(tags) == 2 and all('integrity="sha256-' in t and 'crossorigin="anonymous"' in t for t in tags)


def test_stepping_the_story_faster_than_it_flies_raises_nothing(map_page, tmp_path):
    map_page.open(save(render(load_events(), tiles="none"), tmp_path / "map.html"))
    page = map_page.page
    for _ in range(25):                                          # each step starts a 0.6 s flight
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(40)
    page.wait_for_function("window.lifemap.story === 24")
    page.wait_for_selector(".leaflet-popup-content")
    page.wait_for_timeout(800)                                   # the last flight lands
    assert map_page.errors == []
    assert page.locator(".leaflet-popup").count() == 1           # the last stop's popup alone
    stop = map_page.js("window.lifemap.model.stops[24].then")
    assert stop in page.locator(".leaflet-popup-content h4").inner_text()


def test_a_very_long_place_name_stays_inside_popup_story_and_slider(map_page, tmp_path, mini_places, mini_events):
    from lifemap.gazetteer import Gazetteer

    long_name = "Novaya" + "uda" * 3400                            # 10 KB, and no space to break at
    places = mini_places.read_text(encoding="utf-8").replace("Novaya Uda", long_name)
    (tmp_path / "places.csv").write_text(places, encoding="utf-8")
    events = load_events(mini_events, Gazetteer.load(tmp_path / "places.csv"))
    map_page.open(save(render(events, tiles="none"), tmp_path / "long.html"))
    page = map_page.page
    page.locator(".lm-story li", has_text="Novaya").first.click()
    page.wait_for_selector(".leaflet-popup-content")
    page.wait_for_timeout(800)
    # every box stays in the window, and nothing inside it runs past its edge
    boxes = map_page.js("""() => [".leaflet-popup-content", ".lm-story", ".lm-story li[aria-current=step]", ".lm-slider",
                                  ".lm-slider .lm-now"].map(sel => {
        const el = document.querySelector(sel), r = el.getBoundingClientRect();
        const clipped = getComputedStyle(el).overflowX === "hidden";   // cut with an ellipsis: inside
        return {sel, left: r.left, right: r.right, height: r.height, overflow: clipped ? 0 : el.scrollWidth - el.clientWidth};
    })""")
    for box in boxes:
        assert box["left"] >= -1 and box["right"] <= 1281 and box["height"] <= 860 and box["overflow"] <= 1, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert long_name[:40] in page.locator(".leaflet-popup-content h4").inner_text()
    assert map_page.errors == []
