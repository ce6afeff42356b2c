"""Several lives on one map, and their encounters (the page itself: test_browser_lives.py)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from lifemap.encounters import encounters
from lifemap.errors import LifemapError
from lifemap.events import load_events
from lifemap.lives import all_actors, chosen, combine, subjects_of
from lifemap.render import render

TROTSKY = """\
1917-travel-saint-petersburg,1917-03,1917-03,month,,gregorian,travel,Trotsky,saint-petersburg,,Back in the capital,t.txt,0,10
1918-front-volgograd,1918,1918,year,,gregorian,front,Trotsky,volgograd,,His train passes the front,t.txt,10,20
1920-work-moscow,1920,1920,year,,gregorian,work,Trotsky,moscow,,War commissar,t.txt,20,30
1944-travel-kazakhstan,1944,1944,year,,gregorian,travel,Trotsky,kazakhstan,,Somewhere in the country,t.txt,30,40
1904-travel-tiflis-seminary,1904-01-20,1904-01-20,day,,gregorian,travel,Trotsky,tiflis-seminary,,Visits the seminary,t.txt,40,50
"""


@pytest.fixture
def two(tmp_path, mini_events, mini_gazetteer):
    """The mini life of Stalin and four stays of Trotsky's (ids shared with Stalin's on purpose)."""
    path = tmp_path / "events.csv"
    path.write_text(mini_events.read_text(encoding="utf-8") + TROTSKY, encoding="utf-8")
    with pytest.raises(LifemapError, match="duplicate id"):
        load_events(path, mini_gazetteer)
    trotsky = tmp_path / "trotsky.csv"
    trotsky.write_text(mini_events.read_text(encoding="utf-8").splitlines()[0] + "\n" + TROTSKY, encoding="utf-8")
    return combine(load_events(mini_events, mini_gazetteer), load_events(trotsky, mini_gazetteer))


def test_combine_keeps_the_first_frames_ids_and_every_subject(two):
    assert two["id"].is_unique and len(two) == 9 + 5
    assert "1917-travel-saint-petersburg" in set(two.loc[two["actor"] == "Stalin", "id"])
    assert "1917-travel-saint-petersburg-b" in set(two.loc[two["actor"] == "Trotsky", "id"])
    assert subjects_of(two) == ["Stalin"]                  # Trotsky is no known subject: no attrs for him
    assert chosen(two, actors=["Stalin", "Trotsky"]) == ["Stalin", "Trotsky"]
    assert all_actors(two) == ["Stalin", "Trotsky"]       # the Chechens' deportation is no route
    assert chosen(two, actors=["Stalin", "Bukharin", "Stalin"]) == ["Stalin", "Bukharin"]   # his route stays empty


def test_encounters_say_met_only_when_both_dates_are_that_precise(two, mini_gazetteer):
    found = encounters(two, ["Stalin", "Trotsky"], gazetteer=mini_gazetteer)
    # not Moscow (years apart), not a country; a site is in its town
    assert list(found["place"]) == ["tbilisi", "saint-petersburg", "volgograd"]
    tiflis, spb, tsaritsyn = found.iloc[0], found.iloc[1], found.iloc[2]
    assert (tiflis["place_label"], tiflis["date_label"], tiflis["status"]) == ("Tiflis (now Tbilisi)", "20 Jan 1904", "met")
    # Stalin's day inside Trotsky's month: both precise enough
    assert (spb["status"], spb["date_label"], spb["person_a"], spb["person_b"]) == ("met", "25 Mar 1917", "Stalin", "Trotsky")
    assert spb["event_b"] == "1917-travel-saint-petersburg-b" and spb["source_b"] == "t.txt, characters 0–10"
    # a year against months: they may have crossed, no more
    assert (tsaritsyn["status"], tsaritsyn["date_label"]) == ("possibly", "Jun–Nov 1918")
    assert found.crs.to_epsg() == 4326 and found.geometry.iloc[1].y == pytest.approx(59.94, abs=0.1)
    assert encounters(two).empty                          # one subject: nobody to meet


def test_one_life_makes_the_page_it_made_before(mini_events, mini_gazetteer):
    """A map of one life carries none of the code or data of several."""
    from lifemap.controls import lives_script

    page = render(load_events(mini_events, mini_gazetteer), tiles="none").get_root().render()
    assert lives_script() not in page and "lifemapPage.lives" not in page and "life-1" not in page
    data = next(c for c in render(load_events(mini_events, mini_gazetteer), tiles="none")._children.values()
                if type(c).__name__ == "MapData")
    assert "layer" not in data.model["legs"] and [s["key"] for s in data.model["layers"]][0] == "life"


def test_several_lives_get_a_layer_and_a_colour_each(two):
    m = render(two, actors=["Stalin", "Trotsky"], tiles="none")
    data = next(c for c in m._children.values() if type(c).__name__ == "MapData")
    layers = data.model["layers"]
    assert [(s["key"], s["label"]) for s in layers[:2]] == [("life-1", "Stalin"), ("life-2", "Trotsky")]
    assert layers[0]["color"] != layers[1]["color"] and layers[2]["color"] != "#1f6fb4"   # others paler
    assert m.lifemap_title == "The lives of Stalin and Trotsky"
    page = m.get_root().render()
    assert "lifemapPage.lives" in page and "lifemapPage.encounters" in page
    with pytest.raises(LifemapError, match="not both"):
        render(two, actor="Stalin", actors=["Trotsky"])


def test_cli_builds_two_texts_beside_the_default(tmp_path):
    from tests.conftest import ROOT

    texts = ROOT / "tests" / "data" / "texts"
    out = tmp_path / "two.html"
    done = subprocess.run([sys.executable, "-m", "lifemap.cli", "build", str(texts / "kerensky-wp.txt"),
                           str(texts / "voroshilov-wp.txt"), "--with-default", "--tiles", "none", "-o", str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    assert "<title>The lives of Stalin, Alexander Kerensky and Kliment Voroshilov</title>" in page
    done = subprocess.run([sys.executable, "-m", "lifemap.cli", "build", "--with-default", "-o", str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "give the texts" in done.stderr
