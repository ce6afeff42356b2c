"""Map controls written as folium elements: the legend and the time slider with its period menu.

Both take plain data from Python and embed it as escaped JSON (never pasted into HTML or a JS
string literal), and build their DOM with ``textContent`` so no text from the data is parsed
as HTML. The slider is handed the GeoJson layers it drives and reads each feature's dates from
its properties, so every layer stays a plain ``L.GeoJSON`` that the layer control toggles.
"""
from __future__ import annotations

from branca.element import MacroElement
from folium.template import Template

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
        var rows = {{ this.rows|tojson }};
        var legend = L.control({position: "bottomleft"});
        legend.onAdd = function () {
            var box = L.DomUtil.create("div", "lm-box lm-legend");
            var h = L.DomUtil.create("h4", "", box);
            h.textContent = {{ this.title|tojson }};
            rows.forEach(function (r) {
                var row = L.DomUtil.create("div", "", box);
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
        self.rows, self.title = rows, title


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
    </style>
    {% endmacro %}
    {% macro script(this, kwargs) %}
    (function () {
        var map = {{ this._parent.get_name() }};
        var steps = {{ this.steps|tojson }};
        var periods = {{ this.periods|tojson }};
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
        var box, range, when, what, play, menu;
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
        super().__init__()
        self._name = "TimeSlider"
        self.groups, self.steps, self.periods, self.interval_ms = groups, steps, periods, interval_ms
