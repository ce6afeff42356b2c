"""`lifemap build TEXT --nominatim` against a local stand-in Nominatim that answers one name and
fails another: the build finishes, maps what it found and reports what stayed unresolved."""
import subprocess
import sys

import pytest

from test_nominatim import PLACES, StandIn


@pytest.fixture
def server(monkeypatch):
    monkeypatch.setitem(PLACES, "zzyzxville", {
        "osm_type": "node", "osm_id": 77, "lat": "61.2500", "lon": "73.4167", "class": "place", "type": "village",
        "display_name": "Zzyzxville, Khanty-Mansi Autonomous Okrug, Russia"})
    s = StandIn()
    yield s
    s.close()


def test_the_build_finishes_and_reports_unresolved_names(tmp_path, server):
    text = tmp_path / "chapter.txt"
    text.write_text("In July 1912 Stalin travelled to Zzyzxville. In March 1913 he went on to Qwertygrad. "
                    "In May 1913 he was back in Tiflis.\n", encoding="utf-8")
    server.plan = [("answer",), ("status", 400, {})]  # the first name is found, the second refused
    out = tmp_path / "map.html"
    cmd = [sys.executable, "-m", "lifemap.cli", "build", str(text), "--nominatim", "--no-geonames",
           "--nominatim-server", f"http://{server.domain}", "--cache", str(tmp_path / "cache.sqlite"),
           "--tiles", "none", "-o", str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "unresolved place name 'Qwertygrad'" in done.stderr
    assert "Zzyzxville" not in done.stderr.split("unresolved")[-1]
    page = out.read_text(encoding="utf-8")
    assert "Zzyzxville" in page and "Tiflis" in page
    assert [s.params.get("q") for s in server.seen] == ["Zzyzxville", "Qwertygrad"]
    assert all("lifemap/" in s.headers.get("User-Agent", "") for s in server.seen)
    # a second build asks the server only for the name it could not resolve (answers are cached)
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and [s.params.get("q") for s in server.seen][2:] == ["Qwertygrad"]
