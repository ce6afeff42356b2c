"""The opt-in Nominatim layer, driven through the real geopy client against a local stand-in.

The stand-in is a stdlib HTTP server on 127.0.0.1 (an ephemeral port) that answers ``/search``
the way Nominatim does and records every request it sees, so the tests check what actually went
over the wire: parameters, User-Agent, spacing, and that a cached name never reaches it.
"""
from __future__ import annotations

import importlib.metadata
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

import lifemap
from lifemap.errors import DataError, GeocodingError, LifemapError, UnknownPlace
from lifemap.nominatim import DEFAULT_USER_AGENT, NominatimHit, NominatimLayer

PLACES = {
    "gori": {"place_id": 1, "osm_type": "relation", "osm_id": 123, "lat": "41.9842", "lon": "44.1158",
             "class": "place", "type": "town", "addresstype": "town", "place_rank": 18,
             "display_name": "Gori, Shida Kartli, Georgia"},
    "batumi": {"osm_type": "relation", "osm_id": 456, "lat": "41.6509", "lon": "41.6361",
               "class": "boundary", "type": "administrative", "place_rank": 16,
               "display_name": "Batumi, Adjara, Georgia"},
    "kutaisi": {"osm_type": "node", "osm_id": 789, "lat": "42.2715", "lon": "42.7060",
                "class": "place", "type": "city", "display_name": "Kutaisi, Imereti, Georgia"},
    "tbilisi": {"osm_type": "relation", "osm_id": 1, "lat": "41.6934", "lon": "44.8015",
                "class": "place", "type": "city", "display_name": "Tbilisi, Georgia"},
    "kureika": {"osm_type": "node", "osm_id": 2, "lat": "66.4667", "lon": "87.2333",
                "class": "place", "type": "hamlet", "display_name": "Kureika, Krasnoyarsk Krai, Russia"},
    "metekhi castle": {"osm_type": "way", "osm_id": 3, "lat": "41.6905", "lon": "44.8110",
                       "class": "historic", "type": "castle", "display_name": "Metekhi, Tbilisi, Georgia"},
}


@dataclass
class Seen:
    path: str
    params: dict
    headers: dict
    at: float  # time.monotonic() on arrival


class StandIn:
    """A Nominatim look-alike. ``plan`` holds special answers for the next requests, in order."""

    def __init__(self):
        self.seen: list[Seen] = []
        self.plan: list[tuple] = []
        self.release = threading.Event()  # wakes handlers that play a slow server
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as the real service

            def log_message(self, *args):
                pass

            def do_GET(self):
                url = urlsplit(self.path)
                params = dict(parse_qsl(url.query, keep_blank_values=True))
                stand_in.seen.append(Seen(url.path, params, dict(self.headers.items()), time.monotonic()))
                step = stand_in.plan.pop(0) if stand_in.plan else ("answer",)
                status, body, headers = 200, None, {}
                if url.path != "/search":
                    status, body = 404, b"not here"
                elif step[0] == "status":  # ("status", code, {header: value})
                    status, headers = step[1], step[2]
                    body = json.dumps({"error": {"code": status, "message": "stand-in error"}}).encode()
                elif step[0] == "garbage":
                    body, headers = b"<html><body>Bad gateway, sort of</body></html>", {"Content-Type": "text/html"}
                elif step[0] == "json":
                    body = json.dumps(step[1]).encode()
                elif step[0] == "sleep":  # longer than the client waits
                    stand_in.release.wait(step[1])
                if body is None:
                    hit = PLACES.get(" ".join(params.get("q", "").casefold().split()))
                    body = json.dumps([hit] if hit else []).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", headers.pop("Content-Type", "application/json"))
                    self.send_header("Content-Length", str(len(body)))
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client timed out and left

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)
        self.thread.start()

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.httpd.server_address[1]}"

    def close(self):
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = StandIn()
    yield s
    s.close()


@pytest.fixture
def cache_path(tmp_path):
    return tmp_path / "cache" / "nominatim.sqlite"


@pytest.fixture
def make(server, cache_path):
    """NominatimLayer pointed at the stand-in; fast settings unless a test says otherwise."""
    made = []

    def build(**kw):
        kw = {"domain": server.domain, "scheme": "http", "min_delay_seconds": 0.0, "timeout": 3,
              "max_retries": 0, **kw}
        kw.setdefault("error_wait_seconds", max(0.1, kw["min_delay_seconds"]))
        layer = NominatimLayer(kw.pop("cache_path", cache_path), **kw)
        made.append(layer)
        return layer

    yield build
    for layer in made:
        layer.close()


def rows(path):
    with sqlite3.connect(path) as db:
        return db.execute("SELECT query, countries, answer FROM nominatim ORDER BY query").fetchall()


# Hits, parameters, User-Agent ------------------------------------------------------------------
def test_a_hit_comes_back_with_its_coordinates_and_source(make, server):
    hit = make().lookup("Gori")
    assert hit == NominatimHit(query="Gori", name="Gori, Shida Kartli, Georgia", lat=41.9842, lon=44.1158,
                               osm_type="relation", osm_id=123, kind="city", source="nominatim:relation/123")
    with pytest.raises(AttributeError):
        hit.lat = 0  # frozen


def test_the_request_is_geopys_with_lifemaps_user_agent(make, server):
    make().lookup("Gori")
    [req] = server.seen
    assert req.path == "/search"
    assert req.params == {"q": "Gori", "format": "json", "limit": "1", "accept-language": "en"}
    assert req.headers["User-Agent"] == DEFAULT_USER_AGENT
    try:
        version = importlib.metadata.version("lifemap")
    except importlib.metadata.PackageNotFoundError:
        version = "0"
    assert DEFAULT_USER_AGENT == f"lifemap/{version} (+https://pypi.org/project/lifemap/)"


def test_country_codes_are_sent_and_are_part_of_the_cache_key(make, server):
    assert make(country_codes=["GE"]).lookup("Gori").osm_id == 123
    assert server.seen[0].params["countrycodes"] == "ge"
    assert make().lookup("Gori").osm_id == 123  # same name, no filter: a different question
    assert len(server.seen) == 2 and "countrycodes" not in server.seen[1].params
    assert make(country_codes="ge").lookup("gori").osm_id == 123  # answered from the cache
    assert len(server.seen) == 2


@pytest.mark.parametrize("name, kind", [("Gori", "city"), ("Batumi", "city"), ("Kutaisi", "city"),
                                        ("Kureika", "village"), ("Metekhi Castle", "site")])
def test_kinds_are_mapped_loosely(make, name, kind):
    assert make().lookup(name).kind == kind


# The cache ------------------------------------------------------------------------------------
def test_a_name_and_its_case_and_space_variants_are_asked_once(make, server, cache_path):
    layer = make()
    first = layer.lookup("Gori")
    again = layer.lookup("  gORI \t")
    assert (again.lat, again.lon, again.source) == (first.lat, first.lon, first.source)
    assert again.query == "  gORI \t"  # the hit names the spelling the caller asked for
    out = layer.lookup_many(["GORI", "Gori", "gori"])
    assert [h.query for h in out.values()] == ["GORI", "Gori", "gori"]
    assert len(server.seen) == 1
    layer.close()

    reopened = make()  # a new process would see the same: the cache is on disk
    assert reopened.lookup("Gori") == first
    assert len(server.seen) == 1
    assert [(q, c) for q, c, _ in rows(cache_path)] == [("gori", "")]


def test_not_found_is_a_definite_answer_and_is_cached(make, server, cache_path):
    layer = make()
    assert layer.lookup("Atlantis") is None
    assert layer.failures == {}
    assert layer.lookup("atlantis") is None
    assert make().lookup("ATLANTIS") is None
    assert len(server.seen) == 1
    assert rows(cache_path) == [("atlantis", "", None)]  # NULL: looked up, nothing there


def test_lookup_many_returns_every_name(make, server):
    out = make().lookup_many(["Gori", "Atlantis", "Kutaisi", "gori"])
    assert list(out) == ["Gori", "Atlantis", "Kutaisi", "gori"]
    assert out["Atlantis"] is None and out["Kutaisi"].osm_id == 789 and out["gori"].osm_id == 123
    assert len(server.seen) == 3


# Rate limit and the real-service guard ----------------------------------------------------------
def test_requests_are_spaced_by_min_delay(make, server):
    delay = 0.25
    layer = make(min_delay_seconds=delay)
    layer.lookup_many(["Gori", "Batumi", "Kutaisi", "Tbilisi"])
    layer.lookup("Gori")  # cached: no request
    times = [r.at for r in server.seen]
    assert len(times) == 4
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert min(gaps) >= delay - 0.05, gaps  # a lower bound, less a margin for arrival jitter


@pytest.mark.parametrize("kw", [
    {},  # the public service by default
    {"domain": "nominatim.openstreetmap.org"},
    {"domain": "nominatim.example.org:8080"},
    {"domain": "10.0.0.5"},
])
def test_a_delay_under_one_second_is_refused_for_a_real_service(cache_path, kw):
    with pytest.raises(GeocodingError, match="one request a second") as err:
        NominatimLayer(cache_path, min_delay_seconds=0.5, **kw)
    assert isinstance(err.value, LifemapError)
    assert not cache_path.exists()  # refused before anything was created


@pytest.mark.parametrize("domain", ["localhost:8080", "127.0.0.1:5000", "[::1]:8080", "127.0.0.2"])
def test_a_local_server_may_be_asked_faster(cache_path, domain):
    NominatimLayer(cache_path, domain=domain, scheme="http", min_delay_seconds=0).close()


def test_the_default_settings_are_accepted_without_touching_the_network(cache_path):
    with NominatimLayer(cache_path) as layer:  # building it sends nothing
        assert layer.min_delay_seconds >= 1.0 and layer.domain == "nominatim.openstreetmap.org"


@pytest.mark.parametrize("kw", [{"min_delay_seconds": -1, "domain": "localhost"}, {"max_retries": -1},
                                {"timeout": 0}, {"user_agent": " "},
                                {"min_delay_seconds": 2.0, "error_wait_seconds": 1.0}])
def test_nonsense_settings_are_misuse(cache_path, kw):
    with pytest.raises(GeocodingError):
        NominatimLayer(cache_path, **kw)


def test_a_closed_layer_refuses_lookups(make):
    layer = make()
    with layer:
        pass
    with pytest.raises(GeocodingError, match="closed"):
        layer.lookup("Gori")
    layer.close()  # idempotent


# Failures: reported, not cached, asked again later -----------------------------------------------
@pytest.mark.parametrize("step, reason", [
    (("status", 429, {"Retry-After": "1"}), r"rate limited \(HTTP 429\).*Retry-After 1 s"),
    (("status", 500, {}), r"service error: .*500"),
    (("status", 503, {}), r"timed out: .*503"),  # geopy maps 503 to GeocoderTimedOut
    (("garbage",), r"unparsable answer"),
    (("json", [{"display_name": "Gori", "osm_type": "node", "osm_id": 5}]), r"unparsable answer: no usable lat/lon"),
    (("json", {"error": "Nominatim is confused"}), r"query rejected: Nominatim is confused"),
    (("sleep", 3.0), r"timed out"),
], ids=["429", "500", "503", "not-json", "no-coordinates", "error-object", "timeout"])
def test_a_failure_is_reported_and_not_cached(make, server, cache_path, step, reason):
    layer = make(timeout=0.4)
    server.plan.append(step)
    assert layer.lookup("Gori") is None
    assert re.search(reason, layer.failures["Gori"]), layer.failures
    assert rows(cache_path) == []
    assert len(server.seen) == 1

    hit = layer.lookup("Gori")  # the server has recovered
    assert hit is not None and hit.osm_id == 123
    assert layer.failures == {}
    assert len(server.seen) == 2
    assert [q for q, _, _ in rows(cache_path)] == ["gori"]
    if step[0] == "status" and step[1] == 429:  # Retry-After was honoured before asking again
        assert server.seen[1].at - server.seen[0].at >= 0.9


def test_a_transient_error_is_retried_after_a_pause(make, server):
    layer = make(max_retries=2, min_delay_seconds=0.05, error_wait_seconds=0.25)
    server.plan += [("status", 500, {}), ("garbage",)]
    assert layer.lookup("Gori").osm_id == 123
    assert layer.failures == {}
    times = [r.at for r in server.seen]
    assert len(times) == 3 and min(b - a for a, b in zip(times, times[1:])) >= 0.25 - 0.05


def test_retries_give_up_after_max_retries(make, server):
    layer = make(max_retries=1, error_wait_seconds=0.05)
    server.plan += [("status", 502, {})] * 3
    assert layer.lookup("Gori") is None
    assert len(server.seen) == 2 and "502" in layer.failures["Gori"]


def test_a_429_retry_waits_for_retry_after(make, server):
    layer = make(max_retries=1, error_wait_seconds=0.05)
    server.plan.append(("status", 429, {"Retry-After": "1"}))
    assert layer.lookup("Gori").osm_id == 123
    assert server.seen[1].at - server.seen[0].at >= 0.9


def test_a_long_retry_after_fails_fast_instead_of_hanging(make, server):
    layer = make(max_retries=2, error_wait_seconds=0.05)
    server.plan.append(("status", 429, {"Retry-After": "3600"}))
    started = time.monotonic()
    assert layer.lookup_many(["Gori", "Batumi"]) == {"Gori": None, "Batumi": None}
    assert time.monotonic() - started < 5
    assert len(server.seen) == 1  # the server asked for quiet, and got it
    assert "3600" in layer.failures["Gori"] and "quiet" in layer.failures["Batumi"]


def test_a_rejected_query_is_not_retried(make, server):
    layer = make(max_retries=2, error_wait_seconds=0.05)
    server.plan.append(("status", 400, {}))
    assert layer.lookup("Gori") is None
    assert "query rejected" in layer.failures["Gori"] and len(server.seen) == 1


def test_after_a_403_the_layer_stops_asking(make, server):
    layer = make(max_retries=2, error_wait_seconds=0.05)
    server.plan.append(("status", 403, {}))
    out = layer.lookup_many(["Gori", "Batumi", "gori"])
    assert out == {"Gori": None, "Batumi": None, "gori": None}
    assert len(server.seen) == 1
    assert set(layer.failures) == {"Gori", "Batumi", "gori"}
    assert all("403" in why for why in layer.failures.values())
    assert rows(layer.cache.path) == []


def test_an_unreachable_server_is_a_failure(make, cache_path):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    layer = make(domain=f"127.0.0.1:{port}")
    assert layer.lookup("Gori") is None
    assert "Gori" in layer.failures and rows(cache_path) == []


# The cache file survives a crash ----------------------------------------------------------------
WRITER = r"""
import sys
from lifemap.errors import UnknownPlace
from lifemap.nominatim import ResultCache

cache = ResultCache(sys.argv[1])
pad = "x" * 3000  # several pages per entry, so a kill often lands inside a write
i = 0
while True:
    cache.put(f"Place {i}", None, {"display_name": f"Place {i} {pad}", "lat": "41.5", "lon": "44.5",
                                    "osm_type": "node", "osm_id": i, "class": "place", "type": "village"})
    i += 1
    if i % 20 == 0:
        print(i, flush=True)
"""


def test_a_writer_killed_mid_way_leaves_a_valid_cache(server, cache_path, make):
    src = Path(lifemap.__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(src), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(cache_path)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, text=True)
    watchdog = threading.Timer(10, proc.kill)  # never hang the suite
    watchdog.start()
    try:
        written = 0
        while written < 300:
            line = proc.stdout.readline()
            assert line, f"the writer stopped early: {proc.stderr.read()}"
            written = int(line)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        watchdog.cancel()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL

    with sqlite3.connect(cache_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    entries = rows(cache_path)
    assert len(entries) >= written
    for _, _, answer in entries:
        data = json.loads(answer)
        assert data["lat"] == "41.5" and data["display_name"].startswith("Place ")

    layer = make()  # opens the file (replaying the WAL) and answers from it alone
    hit = layer.lookup("place 7")
    assert hit.osm_id == 7 and hit.kind == "village" and hit.source == "nominatim:node/7"
    assert server.seen == []


def test_a_file_that_is_not_a_cache_is_a_data_error(tmp_path):
    bad = tmp_path / "cache.sqlite"
    bad.write_bytes(b"this is not a database, just some bytes " * 100)
    with pytest.raises(DataError, match="cache"):
        NominatimLayer(bad, domain="localhost", min_delay_seconds=0)


# The gazetteer layer ---------------------------------------------------------------------------
def test_the_gazetteer_asks_nominatim_only_for_names_it_lacks(make, server, mini_gazetteer):
    from lifemap.gazetteer import Gazetteer, NominatimPlaces

    g = Gazetteer(mini_gazetteer.places, layers=[NominatimPlaces(make())])
    assert g.resolve("Tiflis").id == "tbilisi" and server.seen == []
    kureika = g.resolve("Kureika")
    assert (kureika.id, kureika.name, kureika.kind) == ("osm-node-2", "Kureika", "village")
    assert (kureika.lat, kureika.lon, kureika.coord_source) == (66.4667, 87.2333, "nominatim:node/2")
    assert len(server.seen) == 1
    with pytest.raises(UnknownPlace):
        g.resolve("Nowhere At All")


# Offline: a few failures in a row stop the session, and so does the time budget ------------------
NAMES = ["Zzyzx", "Qwertygrad", "Plovsk", "Ukhtyr", "Brenk", "Omsu"]


def closed_port() -> int:
    import socket

    with socket.socket() as s:  # a port nobody listens on: every connection is refused
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_server_that_refuses_stops_the_session_after_a_few_failures(make):
    layer = make(domain=f"127.0.0.1:{closed_port()}", max_retries=2, error_wait_seconds=0.05)
    assert layer.lookup_many(NAMES) == {name: None for name in NAMES}
    assert "failed 3 times in a row" in layer.stopped and "down" in layer.stopped
    # the first name used the three attempts; no other name was asked at all
    assert "service unavailable" in layer.failures[NAMES[0]]
    assert all(layer.failures[name] == layer.stopped for name in NAMES[1:])


def test_a_server_that_never_answers_is_asked_three_times_in_all(make, server):
    layer = make(timeout=0.3, max_retries=1, error_wait_seconds=0.05)
    server.plan += [("sleep", 30)] * 10
    assert layer.lookup_many(NAMES) == {name: None for name in NAMES}
    assert len(server.seen) == 3 and [s.params["q"] for s in server.seen] == NAMES[:1] * 2 + NAMES[1:2]
    assert "timed out" in layer.stopped and all(name in layer.failures for name in NAMES)
    assert rows(layer.cache.path) == []  # nothing definite was learnt


def test_an_answer_between_failures_keeps_the_session_going(make, server):
    layer = make(max_retries=0)
    server.plan += [("status", 500, {}), ("status", 500, {}), ("answer",), ("status", 500, {}), ("status", 500, {})]
    assert layer.lookup_many(["Gori", "Batumi", "Kutaisi", "Tbilisi", "Kureika"])["Kutaisi"].osm_id == 789
    assert layer.stopped == "" and len(server.seen) == 5


def test_the_time_budget_stops_a_slow_session(make, server):
    layer = make(timeout=3, budget_seconds=1.0)
    server.plan += [("sleep", 0.4)] * 10          # each answer comes, but slowly
    out = layer.lookup_many(["Gori", "Batumi", "Kutaisi", "Tbilisi", "Kureika", "Metekhi Castle"])
    assert out["Gori"].osm_id == 123                # answered within the budget
    assert 2 <= len(server.seen) <= 4
    assert "time allowed for Nominatim (1 s) is spent" in layer.stopped
    assert out["Metekhi Castle"] is None and layer.failures["Metekhi Castle"] == layer.stopped


@pytest.mark.parametrize("kw", [{"budget_seconds": 0}, {"budget_seconds": -1}, {"down_after": 0}])
def test_nonsense_budgets_are_misuse(cache_path, kw):
    with pytest.raises(GeocodingError):
        NominatimLayer(cache_path, domain="localhost", min_delay_seconds=0, **kw)


def test_the_command_line_finishes_offline_and_says_the_network_is_down(tmp_path):
    text = tmp_path / "chapter.txt"
    text.write_text("In July 1912 Stalin travelled to Zzyzxville. In 1913 he went on to Qwertygrad and to Plovsk. "
                    "In May 1913 he was back in Tiflis.\n", encoding="utf-8")
    out = tmp_path / "map.html"
    done = subprocess.run([sys.executable, "-m", "lifemap.cli", "build", str(text), "--nominatim", "--no-geonames",
                           "--nominatim-server", f"http://127.0.0.1:{closed_port()}", "--cache",
                           str(tmp_path / "cache.sqlite"), "--tiles", "none", "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.strip().splitlines()
    assert all(line.startswith(("lifemap: warning: ", "wrote ")) for line in lines), done.stderr
    [down] = [line for line in lines if "down" in line]
    assert "3 place name(s) stayed unresolved (Plovsk, Qwertygrad, Zzyzxville)" in down
    assert "offline gazetteers" in down and not [line for line in lines if "unresolved place name" in line]
    assert "Tiflis" in out.read_text(encoding="utf-8")


def test_resolve_says_nominatim_could_not_be_asked_rather_than_no_such_place(tmp_path):
    done = subprocess.run([sys.executable, "-m", "lifemap.cli", "resolve", "Qwertygrad", "--nominatim",
                           "--nominatim-server", f"http://127.0.0.1:{closed_port()}", "--nominatim-budget", "1",
                           "--cache", str(tmp_path / "cache.sqlite")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("lifemap: error: no place called 'Qwertygrad' in the gazetteer, and Nominatim could not "
                           "be asked (service unavailable")


def test_only_names_after_a_cue_are_asked_of_the_network(make, server, mini_gazetteer):
    """Capitalised names read without a cue (most are people) are looked up offline only."""
    from lifemap.geonames import GeoNames
    from lifemap.nominatim import WithNominatim
    from lifemap.toponyms import find_places

    fallback = WithNominatim(GeoNames.open(), make())
    text = "In 1936 he read Anton Chekhov and Filipa Perestrelo with Domenico Colombo. In 1937 he went to Xyzzyville."
    find_places(text, mini_gazetteer, fallback=fallback)
    assert [r.params["q"] for r in server.seen] == ["Xyzzyville"]
