"""Map controls written as folium elements: the legend and the time slider with its period menu.

Both take plain data from Python and embed it as escaped JSON (never pasted into HTML or a JS
string literal), and build their DOM with ``textContent`` so no text from the data is parsed
as HTML. The slider is handed the GeoJson layers it drives and reads each feature's dates from
its properties, so every layer stays a plain ``L.GeoJSON`` that the layer control toggles.
"""
from __future__ import annotations

from branca.element import MacroElement
from folium.template import Template

from .assets import html_text, script_json

# Called for every GeoJSON feature: bind its popup and tooltip (both HTML-escaped in Python).
BIND_JS = """
function (feature, layer) {
    var p = feature.properties;
    if (p.popup) { layer.bindPopup(p.popup, {maxWidth: 380, className: "lm-popup"}); }
    if (p.tooltip) { layer.bindTooltip(p.tooltip, {sticky: true}); }
}
"""


class Legend(MacroElement):
    """A legend control: one swatch per layer, with the number of places and moves drawn."""

    _template = Template("""
    {% macro header(this, kwargs) %}
    <style>
      .lm-box { background: rgba(255,255,255,.93); padding: 6px 10px; border-radius: 6px;
                box-shadow: 0 1px 5px rgba(0,0,0,.35); font: 13px/1.35 system-ui, sans-serif; }
      .lm-legend h4 { margin: 0 0 4px; font-size: 13px; }
      .lm-legend div { white-space: nowrap; }
      .lm-toggle { all: unset; cursor: pointer; font-weight: 600; }
      .lm-toggle::after { content: " ▾"; font-weight: 400; }
      .lm-toggle[aria-expanded=false]::after { content: " ▸"; }
      .lm-legend i { display: inline-block; width: 11px; height: 11px; border-radius: 50%;
                     margin-right: 6px; vertical-align: -1px; }
      .lm-legend s { display: inline-block; width: 22px; margin-right: 6px; vertical-align: 3px;
                     border-top: 3px solid; text-decoration: none; }
      .lm-legend small { color: #555; }
      .lm-popup .leaflet-popup-content { font: 13px/1.4 system-ui, sans-serif; }
      .lm-popup h4 { margin: 0 0 4px; font-size: 14px; }
      .lm-popup ul { margin: 0; padding-left: 16px; max-height: 260px; overflow-y: auto; }
      .lm-popup li { margin-bottom: 5px; }
      .lm-popup .lm-src { color: #666; font-size: 11px; }
    </style>
    {% endmacro %}
    {% macro script(this, kwargs) %}
    (function () {
        var rows = {{ this.rows_json }};
        var legend = L.control({position: "topright"});
        legend.onAdd = function () {
            var box = L.DomUtil.create("div", "lm-box lm-legend");
            var h = L.DomUtil.create("h4", "", box);
            var toggle = L.DomUtil.create("button", "lm-toggle", h);
            toggle.type = "button";
            toggle.textContent = {{ this.title_json }};
            var body = L.DomUtil.create("div", "lm-body", box);
            // on a phone the legend starts folded: the map comes first
            var folded = window.matchMedia("(max-width: 640px)").matches;
            function fold(on) { folded = on; body.hidden = on; toggle.setAttribute("aria-expanded", String(!on)); }
            toggle.addEventListener("click", function () { fold(!folded); });
            fold(folded);
            rows.forEach(function (r) {
                var row = L.DomUtil.create("div", "", body);
                var mark = L.DomUtil.create(r.line ? "s" : "i", "", row);
                if (r.line) { mark.style.borderTopColor = r.color; mark.style.borderTopStyle = r.dash ? "dashed" : "solid"; }
                else { mark.style.background = r.color; }
                row.appendChild(document.createTextNode(r.label + " "));
                var n = L.DomUtil.create("small", "", row);
                n.textContent = r.count;
            });
            L.DomEvent.disableClickPropagation(box);
            return box;
        };
        legend.addTo({{ this._parent.get_name() }});
    })();
    {% endmacro %}
    """)

    def __init__(self, rows: list[dict], title: str = "Legend"):
        super().__init__()
        self._name = "Legend"
        self.rows_json, self.title_json = script_json(rows), script_json(title)


class TimeSlider(MacroElement):
    """A slider that plays the life by date, and a menu of named periods.

    ``steps`` are the distinct event dates (days since 1970, negative before it: Leaflet's own
    time plugins sort times as strings and start at 1970, which hides this whole life). At step i
    every feature dated on or before it shows; the period menu narrows both the features and the
    steps. The state is exposed as ``window.lifemap`` for tests and notebooks.
    """

    _template = Template("""
    {% macro header(this, kwargs) %}
    <style>
      .lm-slider { width: min(560px, 86vw); }
      .lm-slider .lm-row { display: flex; gap: 6px; align-items: center; }
      .lm-slider input[type=range] { flex: 1; min-width: 120px; }
      .lm-slider select { max-width: 11em; }
      .lm-slider button { font-size: 14px; min-width: 34px; cursor: pointer; }
      .lm-slider .lm-now { font-weight: 600; min-height: 1.3em; }
      .lm-slider .lm-what { color: #333; min-height: 1.3em; }
      .lm-bands { display: flex; gap: 2px; margin: 3px 0 2px 40px; }
      .lm-band { flex: 1 1 0; min-width: 0; overflow: hidden; white-space: nowrap; text-overflow: ellipsis;
                 font-size: 10px; text-align: center; background: #e8e8e8; color: #555; border-radius: 2px; }
      .lm-band.lm-active { background: #1f6fb4; color: #fff; font-weight: 600; }
      @media (max-width: 640px) {
        .lm-slider { width: calc(100vw - 32px); box-sizing: border-box; }
        .lm-slider select { max-width: 7em; }
        .lm-bands { margin-left: 0; }
      }
    </style>
    {% endmacro %}
    {% macro script(this, kwargs) %}
    (function () {
        var map = {{ this._parent.get_name() }};
        var steps = {{ this.steps_json }};
        var periods = {{ this.periods_json }};
        var items = [];
        [{% for g in this.groups %}{{ g.get_name() }}{{ "," if not loop.last }}{% endfor %}].forEach(function (group) {
            group.eachLayer(function (layer) {
                var p = layer.feature.properties;
                items.push({layer: layer, group: group, t: p.t, t_end: p.t_end, kind: p.kind, layer_key: p.layer});
            });
        });
        var state = {items: items, steps: steps, lo: 0, hi: steps.length - 1, index: steps.length - 1,
                     period: "", playing: null};
        window.lifemap = state;

        function inPeriod(item) {
            if (!state.period) { return true; }
            var per = periods.find(function (x) { return x.key === state.period; });
            return item.t <= per.last && item.t_end >= per.first;
        }
        function show(index) {
            state.index = index;
            var now = steps[index];
            var shown = 0;
            items.forEach(function (it) {
                var on = it.t <= now.t && inPeriod(it);
                if (on && !it.group.hasLayer(it.layer)) { it.group.addLayer(it.layer); }
                if (!on && it.group.hasLayer(it.layer)) { it.group.removeLayer(it.layer); }
                if (on) { shown += 1; }
            });
            state.shown = shown;
            range.value = index;
            when.textContent = now.label;
            what.textContent = now.what;
            if (now.lat !== null) {
                cursor.setLatLng([now.lat, now.lon]);
                if (!map.hasLayer(cursor)) { cursor.addTo(map); }
            } else if (map.hasLayer(cursor)) { map.removeLayer(cursor); }
            bands.forEach(function (b) {
                var on = now.t >= b.period.first && now.t <= b.period.last;
                b.el.classList.toggle("lm-active", on);
                if (on) { b.el.setAttribute("aria-current", "true"); } else { b.el.removeAttribute("aria-current"); }
            });
            map.fire("lifemap:step", {index: index, t: now.t});
        }
        function setPeriod(key) {
            state.period = key;
            var per = periods.find(function (x) { return x.key === key; });
            var lo = 0, hi = steps.length - 1;
            if (per) {
                lo = steps.findIndex(function (s) { return s.t >= per.first; });
                hi = steps.length - 1 - steps.slice().reverse().findIndex(function (s) { return s.t <= per.last; });
                if (lo < 0 || hi < lo) { lo = 0; hi = -1; }
            }
            state.lo = lo; state.hi = hi;
            range.min = lo; range.max = Math.max(hi, lo);
            if (hi >= lo) { show(hi); } else { items.forEach(function (it) { it.group.removeLayer(it.layer); }); when.textContent = "no events"; what.textContent = ""; }
        }
        function stop() { if (state.playing) { clearInterval(state.playing); state.playing = null; play.textContent = "▶"; } }
        function start() {
            if (state.hi < state.lo) { return; }
            if (state.index >= state.hi) { show(state.lo); }
            play.textContent = "❚❚";
            state.playing = setInterval(function () {
                if (state.index >= state.hi) { stop(); return; }
                show(state.index + 1);
            }, {{ this.interval_ms|tojson }});
        }

        var cursor = L.circleMarker([0, 0], {radius: 13, color: "#111", weight: 2, fill: false, interactive: false});
        var control = L.control({position: "bottomright"});
        var box, range, when, what, play, menu, bands = [];
        control.onAdd = function () {
            box = L.DomUtil.create("div", "lm-box lm-slider");
            var row = L.DomUtil.create("div", "lm-row", box);
            play = L.DomUtil.create("button", "lm-play", row);
            play.type = "button"; play.textContent = "▶"; play.title = "Play the life by date";
            range = L.DomUtil.create("input", "lm-range", row);
            range.type = "range"; range.min = 0; range.max = steps.length - 1; range.step = 1;
            range.setAttribute("aria-label", "Date");
            menu = L.DomUtil.create("select", "lm-period", row);
            menu.setAttribute("aria-label", "Period");
            [{key: "", label: "All periods"}].concat(periods).forEach(function (p) {
                var o = document.createElement("option"); o.value = p.key; o.textContent = p.label; menu.appendChild(o);
            });
            // the named periods as bands under the slider, as wide as their share of the steps
            var strip = L.DomUtil.create("div", "lm-bands", box);
            periods.forEach(function (p) {
                var n = steps.filter(function (s) { return s.t >= p.first && s.t <= p.last; }).length;
                if (!n) { return; }
                var el = L.DomUtil.create("span", "lm-band", strip);
                el.style.flexGrow = n; el.title = p.label; el.textContent = p.short;
                bands.push({el: el, period: p});
            });
            when = L.DomUtil.create("div", "lm-now", box);
            what = L.DomUtil.create("div", "lm-what", box);
            L.DomEvent.disableClickPropagation(box);
            L.DomEvent.disableScrollPropagation(box);
            range.addEventListener("input", function () { stop(); show(+range.value); });
            play.addEventListener("click", function () { if (state.playing) { stop(); } else { start(); } });
            menu.addEventListener("change", function () { stop(); setPeriod(menu.value); });
            return box;
        };
        control.addTo(map);
        state.show = show; state.setPeriod = setPeriod; state.play = start; state.stop = stop;
        if (steps.length) { show(steps.length - 1); map.removeLayer(cursor); }
    })();
    {% endmacro %}
    """)

    def __init__(self, groups: list, steps: list[dict], periods: list[dict], interval_ms: int = 700):
        """``periods``: dicts with key, label, short (a band's text), first and last (days since 1970)."""
        super().__init__()
        self._name = "TimeSlider"
        self.groups, self.interval_ms = groups, interval_ms
        self.steps_json, self.periods_json = script_json(steps), script_json(periods)


class EventTable(MacroElement):
    """Every event as a plain HTML table after the map: the text alternative to the map.

    Cells are plain text, escaped here (``html_text``)."""

    _template = Template("""
    {% macro html(this, kwargs) %}
    <details id="lm-table" class="lm-table"><summary>All events as a table</summary>
    <table><caption>{{ this.caption }}</caption>
    <thead><tr>{% for h in this.headers %}<th scope="col">{{ h }}</th>{% endfor %}</tr></thead>
    <tbody>{% for row in this.rows %}<tr>{% for cell in row %}<td>{{ cell }}</td>{% endfor %}</tr>{% endfor %}</tbody>
    </table></details>
    {% endmacro %}
    """)

    def __init__(self, headers: list[str], rows: list[list[str]], caption: str):
        super().__init__()
        self._name = "EventTable"
        self.headers = [html_text(h) for h in headers]
        self.rows = [[html_text(c) for c in row] for row in rows]
        self.caption = html_text(caption)


class Story(MacroElement):
    """Story mode: the actor's stops as a list beside the map, synced with the slider.

    Choosing an entry moves the slider to its date, flies to the stop and opens its popup;
    the buttons and the keyboard (arrow keys, j/k, Home/End) step through the life; moving the
    slider marks the stop of that date. Must be added after the TimeSlider.
    """

    _template = Template("""
    {% macro header(this, kwargs) %}
    <style>
      .lm-story { width: min(300px, calc(100vw - 80px)); box-sizing: border-box; }
      .lm-story .lm-bar { display: flex; gap: 4px; align-items: center; }
      .lm-story .lm-bar .lm-toggle { flex: 1; }
      .lm-story ol { margin: 6px 0 0; padding: 0 0 0 34px; max-height: 55vh; overflow-y: auto; }
      .lm-story li { cursor: pointer; padding: 2px 4px; border-radius: 3px; }
      .lm-story li:hover { background: #eef3fa; }
      .lm-story li[aria-current=step] { background: #1f6fb4; color: #fff; }
      .lm-story li small { display: block; opacity: .85; }
      .lm-story a { font-size: 12px; }
      .lm-table { max-width: 100vw; box-sizing: border-box; overflow-x: auto; padding: 8px 12px;
                  font: 13px/1.4 system-ui, sans-serif; }
      .lm-table table { border-collapse: collapse; width: 100%; }
      .lm-table th, .lm-table td { border-bottom: 1px solid #ddd; padding: 3px 6px; text-align: left;
                                   vertical-align: top; overflow-wrap: anywhere; }
      @media (max-width: 640px) { .lm-story ol { max-height: 30vh; } }
    </style>
    {% endmacro %}
    {% macro script(this, kwargs) %}
    (function () {
        var map = {{ this._parent.get_name() }};
        var state = window.lifemap;
        var stops = {{ this.stops_json }};
        var current = -1, list, entries = [];
        var control = L.control({position: "topleft"});
        control.onAdd = function () {
            var box = L.DomUtil.create("nav", "lm-box lm-story");
            box.setAttribute("aria-label", "Story: the stops in order");
            var bar = L.DomUtil.create("div", "lm-bar", box);
            var toggle = L.DomUtil.create("button", "lm-toggle", bar);
            toggle.type = "button"; toggle.textContent = "Story (" + stops.length + " stops)";
            var prev = L.DomUtil.create("button", "lm-prev", bar);
            prev.type = "button"; prev.textContent = "◀"; prev.title = "Previous stop (←)";
            var next = L.DomUtil.create("button", "lm-next", bar);
            next.type = "button"; next.textContent = "▶"; next.title = "Next stop (→)";
            list = L.DomUtil.create("ol", "", box);
            stops.forEach(function (s, i) {
                var li = L.DomUtil.create("li", "", list);
                li.tabIndex = 0;
                var b = L.DomUtil.create("b", "", li); b.textContent = s.label;
                li.appendChild(document.createTextNode(" " + s.place));
                var small = L.DomUtil.create("small", "", li); small.textContent = s.what;
                li.addEventListener("click", function () { go(i, true); });
                li.addEventListener("keydown", function (e) { if (e.key === "Enter") { go(i, true); } });
                entries.push(li);
            });
            var link = L.DomUtil.create("a", "", box);
            link.href = "#lm-table"; link.textContent = "All events as a table";
            link.addEventListener("click", function () { document.getElementById("lm-table").open = true; });
            var folded = window.matchMedia("(max-width: 640px)").matches;
            function fold(on) { folded = on; list.hidden = on; toggle.setAttribute("aria-expanded", String(!on)); }
            toggle.addEventListener("click", function () { fold(!folded); });
            fold(folded);
            prev.addEventListener("click", function () { go(Math.max(0, current - 1), true); });
            next.addEventListener("click", function () { go(Math.min(stops.length - 1, current + 1), true); });
            L.DomEvent.disableClickPropagation(box);
            L.DomEvent.disableScrollPropagation(box);
            return box;
        };
        control.addTo(map);

        function mark(i) {
            if (current >= 0 && entries[current]) { entries[current].removeAttribute("aria-current"); }
            current = i;
            if (i >= 0) {
                entries[i].setAttribute("aria-current", "step");
                if (!list.hidden) { entries[i].scrollIntoView({block: "nearest"}); }
            }
        }
        function go(i, fly) {
            var s = stops[i];
            if (!s) { return; }
            if (state.period) { state.setPeriod(""); document.querySelector("select.lm-period").value = ""; }
            state.show(state.steps.findIndex(function (x) { return x.t === s.t; }));
            mark(i);
            var target = state.items.find(function (it) {
                var p = it.layer.feature.properties;
                return !p.leg && p.place === s.place_id && p.layer === s.layer;
            });
            state.story = i;
            if (!target) { return; }
            var open = function () { target.layer.openPopup(); };
            if (fly) {
                map.flyTo([s.lat, s.lon], Math.max(map.getZoom(), 5), {duration: 0.6});
                // listen only now: flyTo ends any move under way with a moveend of its own
                map.once("moveend", open);
            } else { open(); }
        }
        map.on("lifemap:step", function (e) {
            var i = -1;
            stops.forEach(function (s, k) { if (s.t <= e.t) { i = k; } });
            if (i !== current) { mark(i); }
        });
        document.addEventListener("keydown", function (e) {
            var tag = (e.target && e.target.tagName) || "";
            if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || e.altKey || e.ctrlKey || e.metaKey) { return; }
            var i = null;
            if (e.key === "ArrowRight" || e.key === "ArrowDown" || e.key === "j") { i = Math.min(stops.length - 1, current + 1); }
            if (e.key === "ArrowLeft" || e.key === "ArrowUp" || e.key === "k") { i = Math.max(0, current - 1); }
            if (e.key === "Home") { i = 0; }
            if (e.key === "End") { i = stops.length - 1; }
            if (i !== null) { e.preventDefault(); go(i, true); }
        });
        state.go = go;
    })();
    {% endmacro %}
    """)

    def __init__(self, stops: list[dict]):
        super().__init__()
        self._name = "Story"
        self.stops_json = script_json(stops)
