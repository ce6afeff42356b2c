"""Headless Chromium for the benchmarks: load a map page from disk, time it until it is ready,
and exercise the controls.

The browser is Debian's /usr/bin/chromium driven by Playwright, launched as the browser tests
launch it. Nothing is fetched from the internet: a page's requests for scripts and styles on the
usual CDNs are answered from local copies (Leaflet's release files from the ``django-js-lib-leaflet``
package when the version matches lifemap's, else the npm packages under ``.cache/npm``). A request
with no local copy is aborted and counted; ``Load.aborted`` lists them.

"Ready" is measured inside the page by a poller installed before any of the page's scripts run:
every ``POLL_MS`` it checks the condition and stores ``performance.now()`` (milliseconds since
the navigation started) the first time it holds:

- ``lifemap``: ``window.lifemap`` exists and at least the expected number of its items (one per
  place marker and per leg) have their layer on the map (``it.layer._map``). This holds for the
  SVG renderer (one path per item) and the canvas renderer (markers on the canvas, legs in one
  bundle path per kind) alike. On a canvas the drawing itself waits for the next animation
  frame: "first frame" (``painted``) includes it.
- ``leaflet``: every Leaflet map on the page has fired ``load`` (``map._loaded``) and the overlay
  and marker panes hold the expected number of paths and marker icons.
"""
from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NPM = Path(os.environ.get("LIFEMAP_NPM_DIR", ROOT / ".cache" / "npm" / "node_modules"))
CHROMIUM = os.environ.get("LIFEMAP_CHROMIUM", "/usr/bin/chromium")
POLL_MS = 10
# What the baselines reference, and the npm package that holds each file.
NPM_PACKAGES = ("leaflet@1.9.3", "bootstrap@5.2.2", "@fortawesome/fontawesome-free@6.2.0", "jquery@3.7.1",
                "jquery-ui-dist@1.12.1", "drmonty-leaflet-awesome-markers@2.0.2")
_JSDELIVR = re.compile(r"^https://cdn\.jsdelivr\.net/npm/(?P<pkg>(?:@[^/]+/)?[^@/]+)@(?P<ver>[^/]+)/(?P<path>[^?#]*)")
_JQUERY = re.compile(r"^https://code\.jquery\.com/jquery-(?P<ver>[\d.]+)(?P<min>\.min)?\.js")
_JQUERY_UI = re.compile(r"^https://code\.jquery\.com/ui/(?P<ver>[\d.]+)/jquery-ui(?P<min>\.min)?\.js")
_AWESOME = re.compile(r"^https://cdnjs\.cloudflare\.com/ajax/libs/Leaflet\.awesome-markers/(?P<ver>[\d.]+)/(?P<path>[^?#]+)")


def _npm_version(pkg: str) -> str | None:
    meta = NPM / pkg / "package.json"
    return json.loads(meta.read_text())["version"] if meta.is_file() else None


def missing_npm_packages() -> list[str]:
    return [spec for spec in NPM_PACKAGES if _npm_version(spec.rsplit("@", 1)[0]) != spec.rsplit("@", 1)[1]]


def install_npm_packages() -> None:
    """Install the baselines' scripts into .cache/npm with npm, the registry's own client."""
    import subprocess

    wanted = missing_npm_packages()
    if wanted:
        NPM.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(NPM.parent), "--no-audit", "--no-fund", "--silent",
                        *NPM_PACKAGES], check=True)


def _lifemap_leaflet(version: str, path: str) -> Path | None:
    """Leaflet's files as lifemap itself ships them (django-js-lib-leaflet), if the version matches."""
    try:
        from lifemap.assets import LEAFLET_VERSION, leaflet_dir
    except ImportError:
        return None
    if version != LEAFLET_VERSION:
        return None
    try:
        local = leaflet_dir() / path.removeprefix("dist/")
    except Exception:  # noqa: BLE001 - not installed: fall back to npm
        return None
    return local if local.is_file() else None


def local_copy(url: str) -> Path | None:
    """The local file that answers a CDN request, or None."""
    m = _JSDELIVR.match(url)
    if m:
        if m["pkg"] == "leaflet":
            found = _lifemap_leaflet(m["ver"], m["path"])
            if found:
                return found
        if _npm_version(m["pkg"]) == m["ver"]:
            local = NPM / m["pkg"] / m["path"]
            return local if local.is_file() else None
        return None
    m = _JQUERY.match(url)
    if m and _npm_version("jquery") == m["ver"]:
        return NPM / "jquery" / "dist" / f"jquery{m['min'] or ''}.js"
    m = _JQUERY_UI.match(url)
    if m and _npm_version("jquery-ui-dist") == m["ver"]:
        return NPM / "jquery-ui-dist" / f"jquery-ui{m['min'] or ''}.js"
    m = _AWESOME.match(url)
    if m and _npm_version("drmonty-leaflet-awesome-markers") == m["ver"]:
        path = m["path"]
        sub = "js" if path.endswith(".js") else "css"
        local = NPM / "drmonty-leaflet-awesome-markers" / sub / path
        return local if local.is_file() else None
    return None


_POLLER = """
(() => {
  const mode = %(mode)s, expected = %(expected)d;
  const count = () => document.querySelectorAll(
      ".leaflet-overlay-pane path, .leaflet-marker-pane .leaflet-marker-icon").length;
  const maps = () => {
    if (!window.L || !L.Map) return [];
    const found = [];
    for (const k of Object.keys(window)) {
      if (k.startsWith("map_")) { try { if (window[k] instanceof L.Map) found.push(window[k]); } catch (e) {} }
    }
    return found;
  };
  // lifemap: the items (markers and legs) whose layer is on the map, SVG or canvas
  const onMap = () => window.lifemap.items.filter(it => it.layer._map).length;
  const ok = () => {
    if (mode === "lifemap") {
      if (window.lifemap === undefined || !window.lifemap.items) return false;
      return onMap() >= expected;
    }
    const ms = maps(); if (!ms.length || !ms.every(m => m._loaded)) return false;
    return count() >= expected;
  };
  const tick = () => {
    if (window.__bench_ready === undefined && ok()) {
      window.__bench_ready = performance.now();
      window.__bench_count = mode === "lifemap" ? onMap() : count();
      requestAnimationFrame(() => setTimeout(() => { window.__bench_painted = performance.now(); }, 0));
      return;
    }
    setTimeout(tick, %(poll)d);
  };
  setTimeout(tick, 0);
})();
"""


@dataclass
class Load:
    """One page load: times in ms since navigation start (None when the time box ran out)."""

    ready_ms: float | None = None
    painted_ms: float | None = None
    dom_content_loaded_ms: float | None = None
    elements: int = 0
    expected: int = 0
    heap_mb: float | None = None
    served: int = 0
    aborted: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    timed_out: bool = False
    checks: dict = field(default_factory=dict)


class Browser:
    def __init__(self):
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        self.browser = self._pw.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--js-flags=--max-old-space-size=8192"])
        self.version = self.browser.version

    def close(self):
        self.browser.close()
        self._pw.stop()

    def load(self, html: Path, *, mode: str, expected: int, timeout_s: float = 60.0, interact=None) -> Load:
        """Open ``html`` in a fresh context and wait until it is ready (or the time box ends).

        ``interact(page, load)`` runs after a successful load, for checks of the controls.
        """
        result = Load(expected=expected)
        context = self.browser.new_context(viewport={"width": 1280, "height": 860})
        page = context.new_page()
        page.on("console", lambda m: result.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: result.errors.append(str(e)))

        def route(r):
            url = r.request.url
            if url.startswith(("file:", "data:", "about:", "blob:")):
                return r.continue_()
            local = local_copy(url)
            if local is not None:
                result.served += 1
                return r.fulfill(path=str(local))
            result.aborted.append(url)
            return r.abort()

        page.route("**/*", route)
        page.add_init_script(_POLLER % {"mode": json.dumps(mode), "expected": expected, "poll": POLL_MS})
        try:
            page.goto(html.resolve().as_uri(), wait_until="commit", timeout=timeout_s * 1000)
            deadline = time.monotonic() + timeout_s
            page.wait_for_function("window.__bench_ready !== undefined", timeout=timeout_s * 1000, polling=50)
            got = page.evaluate("""() => ({ready: window.__bench_ready, count: window.__bench_count,
                dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd})""")
            result.ready_ms, result.elements, result.dom_content_loaded_ms = got["ready"], got["count"], got["dcl"]
            left = max(1.0, deadline - time.monotonic())
            page.wait_for_function("window.__bench_painted !== undefined", timeout=left * 1000, polling=50)
            result.painted_ms = page.evaluate("() => window.__bench_painted")
            try:
                cdp = context.new_cdp_session(page)
                cdp.send("Performance.enable")
                metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
                result.heap_mb = metrics.get("JSHeapUsedSize", 0) / 1e6
            except Exception:  # noqa: BLE001 - a metric, not a requirement
                pass
            if interact is not None:
                interact(page, result)
        except Exception as exc:  # noqa: BLE001 - a time box or a crash is a result too
            name = type(exc).__name__
            result.timed_out = "Timeout" in name
            if not result.timed_out:
                result.errors.append(f"{name}: {str(exc).splitlines()[0][:200]}")
        finally:
            context.close()
        return result


    def profile(self, html: Path, *, timeout_s: float = 90.0) -> dict:
        """Where the page's main thread spends its time until lifemap is ready and painted: a
        sampling CPU profile (Chrome DevTools Protocol), summed by kind of work, in ms."""
        context = self.browser.new_context(viewport={"width": 1280, "height": 860})
        page = context.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "about:"))
                   else (r.fulfill(path=str(local_copy(r.request.url))) if local_copy(r.request.url) else r.abort()))
        try:
            cdp = context.new_cdp_session(page)
            cdp.send("Profiler.enable")
            cdp.send("Profiler.setSamplingInterval", {"interval": 500})
            cdp.send("Profiler.start")
            page.goto(html.resolve().as_uri(), wait_until="commit", timeout=timeout_s * 1000)
            page.wait_for_function("window.lifemap !== undefined", timeout=timeout_s * 1000, polling=50)
            page.evaluate(_FRAME)
            profile = cdp.send("Profiler.stop")["profile"]
        finally:
            context.close()
        nodes = {n["id"]: n["callFrame"] for n in profile["nodes"]}
        kinds: dict[str, float] = {}
        for sample, delta in zip(profile["samples"], profile["timeDeltas"]):
            frame = nodes[sample]
            name, url = frame["functionName"], frame["url"]
            if name == "(program)":
                kind = "parsing, layout, paint (native, outside JS functions)"
            elif name == "(garbage collector)":
                kind = "garbage collection"
            elif name == "(idle)":
                kind = "idle"
            elif "leaflet" in url:
                kind = "Leaflet's JS (layers, renderer, events)"
            elif url.startswith("file:"):
                kind = "the page's own scripts"
            else:
                kind = "other JS / browser built-ins"
            kinds[kind] = kinds.get(kind, 0.0) + delta / 1000
        return dict(sorted(kinds.items(), key=lambda kv: -kv[1]))


# Checks of lifemap's controls, run in the page ------------------------------------------------
_FRAME = "() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))"


def _timed(page, expression: str, arg=None) -> tuple[float, object]:
    """Run ``expression`` (a function of arg) in the page and wait for the next frame; ms and its value."""
    return page.evaluate("""async ([src, arg]) => {
        const fn = eval(src);
        const t0 = performance.now();
        const value = fn(arg);
        await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
        return [performance.now() - t0, value === undefined ? null : value];
    }""", [expression, arg])


def lifemap_checks(page, load: Load) -> None:
    """Popup, slider and layer control of a lifemap page, timed; results go to ``load.checks``.

    Each check runs on its own: one that fails is recorded in ``checks["failed"]`` and the others
    still run. Works for the SVG and the canvas renderer alike.
    """
    checks = load.checks
    started = time.perf_counter()
    page.evaluate("() => { window.__bench_map = window.lifemap.map || window.lifemap.items[0].group._map; }")
    for check in (_check_info, _check_slider, _check_click_popup, _check_largest_popup, _check_layer_control):
        try:
            check(page, checks)
        except Exception as exc:  # noqa: BLE001 - a broken control is a result
            checks.setdefault("failed", []).append(f"{check.__name__}: {str(exc).splitlines()[0][:160]}")
    checks["all_checks_s"] = time.perf_counter() - started


# Items shown on the map: a marker or an SVG leg whose layer is on the map, or a canvas marker or
# leg whose bundle is on the map and which the slider left on.
_SHOWN = """() => window.lifemap.items.filter(it => it.layer._map && (!(it.leg || it.point) || (it.leg || it.point).on)).length"""


def _check_info(page, checks):
    """What the page built: renderer, items, slider steps and their unit."""
    info = page.evaluate("""() => { const st = window.lifemap;
        return {canvas: !!st.canvas, items: st.items.length, steps: st.steps.length, unit: st.stepUnit,
                legs: st.items.filter(it => it.feature.properties.leg).length,
                svg_paths: document.querySelectorAll('.leaflet-overlay-pane svg path.leaflet-interactive').length,
                canvases: document.querySelectorAll('.leaflet-overlay-pane canvas').length}; }""")
    checks["renderer"] = "canvas" if info["canvas"] else "svg"
    checks["items"], checks["steps"], checks["step_unit"] = info["items"], info["steps"], info["unit"]
    checks["leg_items"], checks["svg_paths"], checks["canvases"] = info["legs"], info["svg_paths"], info["canvases"]


def _check_slider(page, checks):
    """Jump to the first step (nearly everything hidden) and back to the last (all shown); one step."""
    n_steps = page.evaluate("() => window.lifemap.steps.length")
    checks["steps"] = n_steps
    ms, shown = _timed(page, """() => { const r = document.querySelector('.lm-range');
        r.value = r.min; r.dispatchEvent(new Event('input')); return window.lifemap.shown; }""")
    checks["slider_to_start_ms"], checks["shown_at_start"] = ms, shown
    ms, shown = _timed(page, """() => { const r = document.querySelector('.lm-range');
        r.value = r.max; r.dispatchEvent(new Event('input')); return window.lifemap.shown; }""")
    checks["slider_to_end_ms"], checks["shown_at_end"] = ms, shown
    # the story list catches up with the jump in later tasks: let it, then time the steps ▶ makes
    page.wait_for_timeout(1000)
    ms, _ = _timed(page, "() => window.lifemap.show(window.lifemap.steps.length - 2)")
    ms2, _ = _timed(page, "() => window.lifemap.show(window.lifemap.steps.length - 1)")
    checks["slider_one_step_ms"] = (ms + ms2) / 2
    checks["shown_on_map_at_end"] = page.evaluate(_SHOWN)
    checks["slider_moves"] = (checks["shown_at_start"] < checks["shown_at_end"]
                              and page.evaluate("() => window.lifemap.index") == n_steps - 1
                              and checks["shown_on_map_at_end"] == checks["shown_at_end"])


def _check_click_popup(page, checks):
    """A real mouse click on the place marker nearest the middle of the map opens its popup."""
    target = page.evaluate("""() => {
        const st = window.lifemap, map = window.__bench_map;
        const size = map.getSize(), box = map.getContainer().getBoundingClientRect();
        // place markers on the map (SVG layers or members of a canvas bundle), nearest the middle
        // first; the first that no other marker overlaps is the one a reader can click
        const shown = st.items.filter(it => !it.feature.properties.leg && it.layer._map && (!it.point || it.point.on))
            .map(it => { const c = it.feature.geometry.coordinates;
                         return {it: it, p: map.latLngToContainerPoint([c[1], c[0]]),
                                 r: it.point ? it.point.r : it.layer.getRadius()}; });
        shown.sort((a, b) => Math.hypot(a.p.x - size.x / 2, a.p.y - size.y / 2) - Math.hypot(b.p.x - size.x / 2, b.p.y - size.y / 2));
        const best = shown.find(a => shown.every(b => b === a || Math.hypot(a.p.x - b.p.x, a.p.y - b.p.y) > a.r + b.r + 1));
        if (!best) return null;
        if (!best.it.point) { best.it.layer.bringToFront(); }   // over any leg crossing it
        return {x: box.left + best.p.x, y: box.top + best.p.y, place: best.it.feature.properties.place};
    }""")
    if target:
        page.evaluate(_FRAME)  # a canvas redraws the raised marker on the next frame
        t0 = time.perf_counter()
        page.mouse.click(target["x"], target["y"])
        try:
            page.wait_for_selector(".leaflet-popup-content", timeout=10000)
            checks["popup_click_ms"] = (time.perf_counter() - t0) * 1000
            opened = page.evaluate("""() => { const map = window.__bench_map;
                const src = map._popup && map._popup._source;
                const f = src && (src._members ? src._hit : src.feature), p = f && (f.properties || {leg: true});
                const c = map._popup && map._popup._contentNode, h = c && c.querySelector('h4');
                return {place: p ? p.place : null, leg: !!(p && p.leg), heading: h ? h.textContent : ''}; }""")
            checks["popup_opens"] = True
            checks["popup_is_the_place"] = opened["place"] == target["place"] and not opened["leg"]
            checks["popup_heading"] = opened["heading"][:80]
        except Exception:  # noqa: BLE001
            checks["popup_opens"] = False
        page.evaluate("() => { window.__bench_map.closePopup(); }")


def _check_largest_popup(page, checks):
    """The popup of the place with the most events (a hub with hundreds at 10,000 events), opened
    from code as story mode opens it: ms until the next frame, its text length and its events."""
    ms, got = _timed(page, """() => {
        let best = null, most = -1;
        for (const it of window.lifemap.items) {
            const f = it.feature;
            if (f.properties.leg || !f.evs) continue;
            if (f.evs.length > most) { most = f.evs.length; best = it; }
        }
        if (best) { window.lifemap.openPopup(best); }
        return {events: most, place: best ? best.feature.properties.place : null}; }""")
    # the popup on the map now (a closed one lingers in the DOM while it fades out)
    text = page.evaluate("""() => { const pop = window.__bench_map._popup;
        const c = pop && pop.isOpen() && pop._contentNode;
        return c ? {chars: c.textContent.length, items: c.querySelectorAll('li:not(.lm-more)').length,
                     more: !!c.querySelector('.lm-more')} : null; }""")
    checks["largest_popup_open_ms"], checks["largest_popup_events"] = ms, got["events"]
    checks["largest_popup_chars"] = text["chars"] if text else None
    checks["largest_popup_items_listed"] = text["items"] if text else None
    checks["largest_popup_has_more"] = text["more"] if text else None  # a "Show n more events" button
    checks["largest_popup_opens"] = text is not None and text["chars"] > 0
    page.evaluate("() => { window.__bench_map.closePopup(); }")


def _check_layer_control(page, checks):
    """Switch the first layer off and on again with the layer control, counting the items shown
    on the map (so it works for the SVG and the canvas renderer alike)."""
    boxes = page.locator(".leaflet-control-layers-overlays input[type=checkbox]")
    if boxes.count():
        before = page.evaluate(_SHOWN)
        t0 = time.perf_counter()
        boxes.first.click()
        page.evaluate(_FRAME)
        checks["layer_off_ms"] = (time.perf_counter() - t0) * 1000
        after = page.evaluate(_SHOWN)
        t0 = time.perf_counter()
        boxes.first.click()
        page.evaluate(_FRAME)
        checks["layer_on_ms"] = (time.perf_counter() - t0) * 1000
        again = page.evaluate(_SHOWN)
        checks["layer_items"] = [before, after, again]
        checks["layer_toggles"] = after < before and again == before
