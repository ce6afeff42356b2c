"""The elements of a map page, written as folium elements: the model and its layers, the legend,
the time slider with its period menu, story mode and the table of events.

The data reaches the page once, as the JSON model of ``lifemap.model`` (escaped by
``script_json``); ``static/lifemap.js`` builds the layers, popups, steps, story and table from it
and puts every text into the DOM with ``textContent``, so nothing from the data is parsed as HTML.
Each data layer stays a plain ``L.GeoJSON`` that folium's layer control toggles.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from branca.element import Element, MacroElement
from folium.map import Layer
from folium.template import Template

from .assets import html_text, script_json

SCRIPT = Path(__file__).with_name("static") / "lifemap.js"


@lru_cache(maxsize=1)
def page_script() -> str:
    """lifemap's page code. branca compiles scripts as Jinja once more: it must hold no template
    syntax, and a test checks it holds none."""
    return SCRIPT.read_text(encoding="utf-8")


class PageData(MacroElement):
    """A JSON block in the page, handed to one function of the page script (``static/lifemap.js``,
    put into the page once however many maps it holds); what the function returns is the
    element's JavaScript variable."""

    _template = Template("""
    {% macro html(this, kwargs) %}
    <script type="application/json" id="{{ this.get_name() }}">{{ this.data_json }}</script>
    {% endmacro %}
    {% macro script(this, kwargs) %}
    var {{ this.get_name() }} = lifemapPage[{{ this.function|tojson }}]({{ this._parent.get_name() }},
        JSON.parse(document.getElementById({{ this.get_name()|tojson }}).textContent), {{ this.options_json }});
    {% endmacro %}
    """)

    def __init__(self, function: str, data, options: dict, name: str):
        super().__init__()
        self._name = name
        self.function = function
        self.data_json, self.options_json = script_json(data), script_json(options)

    def render(self, **kwargs):
        self.get_root().header.add_child(Element("<script>" + page_script() + "</script>"), name="lifemap_js")
        super().render(**kwargs)


class MapData(PageData):
    """The model, and the call that builds the layers, slider data and popups from it.

    ``window.lifemap`` is the page's state (layers, items, steps), for tests and notebooks."""

    def __init__(self, model: dict, options: dict):
        super().__init__("build", model, options, name="lifemap_data")
        self.model = model


class Basemap(PageData):
    """Country outlines drawn under the map when it has no tiles (``lifemap.model.basemap_model``),
    in a pane of their own below the overlays."""

    def __init__(self, model: dict, *, pane: str, attribution: str):
        super().__init__("basemap", model, {"pane": pane, "attribution": attribution}, name="lifemap_basemap")


class DataLayer(Layer):
    """One of the model's layers (built in the page), as a folium layer the layer control lists."""

    _template = Template("""
    {% macro script(this, kwargs) %}
    var {{ this.get_name() }} = {{ this.data.get_name() }}.layers[{{ this.key|tojson }}];
    {% endmacro %}
    """)

    def __init__(self, data: MapData, key: str, name: str):
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "DataLayer"
        self.data, self.key = data, key
        self.layer_key = key


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
      .lm-popup .leaflet-popup-content { font: 13px/1.4 system-ui, sans-serif; overflow-wrap: anywhere; }
      .leaflet-tooltip { max-width: min(380px, 90vw); white-space: normal; overflow-wrap: anywhere; }
      .lm-popup h4 { margin: 0 0 4px; font-size: 14px; }
      .lm-popup ul { margin: 0; padding-left: 16px; max-height: 260px; overflow-y: auto; }
      .lm-popup li { margin-bottom: 5px; }
      .lm-popup .lm-src { color: #666; font-size: 11px; }
    </style>
    {% endmacro %}
    {% macro html(this, kwargs) %}
    <script type="application/json" id="{{ this.get_name() }}">{{ this.data_json }}</script>
    {% endmacro %}
    {% macro script(this, kwargs) %}
    (function () {
        // the title is data, read as text: a URL in it is never a resource the page loads
        var data = JSON.parse(document.getElementById({{ this.get_name()|tojson }}).textContent), rows = data.rows;
        var legend = L.control({position: "topright"});
        legend.onAdd = function () {
            var box = L.DomUtil.create("div", "lm-box lm-legend");
            var h = L.DomUtil.create("h4", "", box);
            var toggle = L.DomUtil.create("button", "lm-toggle", h);
            toggle.type = "button";
            toggle.textContent = data.title;
            var body = L.DomUtil.create("div", "lm-body", box);
            lifemapPage.foldable(toggle, body);
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
        self.data_json = script_json({"rows": rows, "title": title})


class TimeSlider(MacroElement):
    """A slider that plays the life by date, and a menu of named periods.

    The page makes one step per distinct event date (days since 1970, negative before it:
    Leaflet's own time plugins sort times as strings and start at 1970, which hides this whole
    life), or per month, quarter or year past ``lifemap.model.MAX_STEPS`` dates. At a step every feature
    dated on or before it shows; the period menu narrows both the features and the steps.

    Under the slider each named period is a band as wide as its share of the steps; a label too
    long for its band gives way to its first word, then to its first letters ("Col."), and the
    full label shows on hover and, over the bands, on focus (a shortened band takes the focus).
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
      .lm-slider .lm-now, .lm-slider .lm-what { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
      .lm-bands { display: flex; gap: 2px; margin: 3px 0 2px 40px; position: relative; }
      .lm-band { flex: 1 1 0; min-width: 2.5em; overflow: hidden; white-space: nowrap; text-overflow: ellipsis;
                 font-size: 10px; text-align: center; background: #e8e8e8; color: #555; border-radius: 2px; }
      .lm-band.lm-active, .lm-band:focus::after { background: #1f6fb4; color: #fff; }
      .lm-band:focus::after { content: attr(title); position: absolute; inset: 0; }
      @media (max-width: 640px) {
        .lm-slider { width: calc(100vw - 20px); box-sizing: border-box; }
        .lm-slider select { max-width: 7em; }
        .lm-bands { margin-left: 0; }
      }
    </style>
    {% endmacro %}
    {% macro script(this, kwargs) %}
    lifemapPage.slider({{ this._parent.get_name() }}, {{ this.data.get_name() }}, {{ this.periods_json }}, {{ this.interval_ms|tojson }});
    {% endmacro %}
    """)

    def __init__(self, data, periods: list[dict], interval_ms: int = 700):
        """``data``: the map's MapData; ``periods``: dicts with key, label, short (a band's text),
        first and last (days since 1970)."""
        super().__init__()
        self._name = "TimeSlider"
        self.data, self.interval_ms = data, interval_ms
        self.periods_json = script_json(periods)


class EventTable(MacroElement):
    """Every event as a plain HTML table after the map: the text alternative to the map, and under
    it the works the events cite.

    The rows are filled from the map's model when the table is first opened (or by
    ``window.lifemap.table()``), a page of 500 at a time, so a large map does not pay for them
    while it loads. Opened without the network, a page that links Leaflet from the CDN has no map:
    it then says so where the map would be and opens the table, which needs no Leaflet."""

    _template = Template("""
    {% macro header(this, kwargs) %}
    <style>
      .lm-pager { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 6px 0; }
      .lm-pager .lm-count { margin-right: 6px; }
      .lm-offline { position: absolute; inset: 0; z-index: 1000; padding: 24px; background: #f4f1ea;
                    font: 15px/1.5 system-ui, sans-serif; }
    </style>
    {% endmacro %}
    {% macro html(this, kwargs) %}
    <details id="lm-table" class="lm-table"><summary>All events as a table</summary>
    <table><caption>{{ this.caption }}</caption>
    <thead><tr>{% for h in this.headers %}<th scope="col">{{ h }}</th>{% endfor %}</tr></thead>
    <tbody></tbody>
    </table>
    {% if this.sources %}<h3>Sources</h3><ul class="lm-sources">{% for text, url in this.sources %}
    <li>{{ text }}{% if url %}: <a href="{{ url }}">{{ url }}</a>{% endif %}</li>{% endfor %}</ul>{% endif %}
    </details>
    <script>
    window.addEventListener("load", function () {
        if (!window.L) {
            lifemapPage.offline(JSON.parse(document.getElementById({{ this.data.get_name()|tojson }}).textContent),
                                document.getElementById("lm-table"), document.getElementById({{ this._parent.get_name()|tojson }}));
        }
    });
    </script>
    {% endmacro %}
    {% macro script(this, kwargs) %}
    lifemapPage.table({{ this.data.get_name() }}, document.getElementById("lm-table"));
    {% endmacro %}
    """)

    def __init__(self, data, headers: list[str], caption: str, sources=()):
        super().__init__()
        self._name = "EventTable"
        self.data = data
        self.headers = [html_text(h) for h in headers]
        self.caption = html_text(caption)
        # the cited works (lifemap.sources.Document) with their licence and a link a reader may follow
        self.sources = [(html_text(", ".join(filter(None, (d.label, d.date, d.licence)))), html_text(d.url))
                        for d in sources]


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
      .lm-story li { cursor: pointer; padding: 2px 4px; border-radius: 3px; overflow-wrap: anywhere; }
      .lm-story li:hover { background: #eef3fa; }
      .lm-story li[aria-current=step] { background: #1f6fb4; color: #fff; }
      .lm-story li small { display: block; opacity: .85; }
      .lm-story a { font-size: 12px; }
      .lm-table { max-width: 100vw; box-sizing: border-box; overflow-x: auto; padding: 8px 12px;
                  font: 13px/1.4 system-ui, sans-serif; }
      .lm-table table { border-collapse: collapse; width: 100%; }
      .lm-table th, .lm-table td { border-bottom: 1px solid #ddd; padding: 3px 6px; text-align: left;
                                   vertical-align: top; overflow-wrap: anywhere; }
    </style>
    {% endmacro %}
    {% macro script(this, kwargs) %}
    lifemapPage.story({{ this._parent.get_name() }}, {{ this.data.get_name() }});
    {% endmacro %}
    """)

    def __init__(self, data):
        super().__init__()
        self._name = "Story"
        self.data = data


class SmallScreens(MacroElement):
    """The panels on a phone or in a lesson page's frame (at most 640 px wide or 700 px high:
    ``small()`` in ``static/lifemap.js``), where the map comes first.

    The story, the legend and the layer list start folded to a line or an icon, in one column at
    the top right (the story leaves the left, where on a phone it met the legend), and the slider
    sits at the bottom left, above the scale bar instead of across it. Opening the story or the
    legend folds the others of the column, and their lists scroll within 30% of the height, so
    that opened panels push each other down and stay clear of the slider.
    """

    _template = Template("""
    {% macro header(this, kwargs) %}
    <style>
      @media (max-width: 640px), (max-height: 700px) {
        .lm-story ol, .lm-legend .lm-body { max-height: 30vh; overflow-y: auto; }
        .lm-story ol[hidden] ~ a { display: none; }
      }
    </style>
    {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "SmallScreens"


# Several lives on one map (``lifemap.lives``): their script is put into those pages only -----------
LIVES_SCRIPT = Path(__file__).with_name("static") / "lives.js"


@lru_cache(maxsize=1)
def lives_script() -> str:
    """The page code of maps of several lives; like ``page_script``, free of template syntax."""
    return LIVES_SCRIPT.read_text(encoding="utf-8")


def _add_lives_script(element) -> None:
    root = element.get_root()
    root.header.add_child(Element("<script>" + lives_script() + "</script>"), name="lifemap_lives_js")
    root.header.add_child(Element("""<style>
      .lm-people { display: flex; gap: 4px; align-items: center; margin-top: 4px; }
      .lm-people select { flex: 1; min-width: 0; }
      .lm-who { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 4px; }
      .lm-encounters { width: min(300px, calc(100vw - 80px)); box-sizing: border-box; }
      .lm-encounters ul { margin: 6px 0 0; padding: 0; list-style: none; max-height: 30vh; overflow-y: auto; }
      .lm-encounters li { cursor: pointer; padding: 2px 4px; border-radius: 3px; }
      .lm-encounters li:hover { background: #eef3fa; }
      .lm-encounters li small { display: block; color: #555; }
      .lm-met { font-weight: 600; }
      .lm-lives .lm-story ol { max-height: 32vh; }
      .lm-lives .lm-encounters ul { max-height: 22vh; }
    </style>"""), name="lifemap_lives_css")


class EncounterLayer(Layer):
    """The marks of the encounters of several lives, as a layer the layer control lists (built in
    the page from the model's ``encounters``; the slider shows each from its first day)."""

    _template = Template("""
    {% macro script(this, kwargs) %}
    var {{ this.get_name() }} = lifemapPage.encounters({{ this._parent.get_name() }}, {{ this.data.get_name() }},
        {{ this.lives_json }}, {{ this.encounters_json }});
    {% endmacro %}
    """)

    def __init__(self, data: MapData, key: str, name: str, lives: list[dict], encounters: list[dict]):
        """``lives``: name, key and colour of each; ``encounters``: as ``lifemap.render.lives_data``."""
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "EncounterLayer"
        self.data, self.layer_key = data, key
        self.lives_json, self.encounters_json = script_json(lives), script_json(encounters)

    def render(self, **kwargs):
        _add_lives_script(self)
        super().render(**kwargs)


class Lives(MacroElement):
    """What a map of several lives adds to the story and the slider: a person menu over the story
    (one person's stops, or everyone's by date), one ring per person where they were at the slider's
    date, and the panel of encounters. Must be added after the Story."""

    _template = Template("""
    {% macro script(this, kwargs) %}
    lifemapPage.lives({{ this._parent.get_name() }}, {{ this.data.get_name() }}, {{ this.lives_json }});
    {% endmacro %}
    """)

    def __init__(self, data: MapData, lives: list[dict]):
        super().__init__()
        self._name = "Lives"
        self.data = data
        self.lives_json = script_json(lives)

    def render(self, **kwargs):
        _add_lives_script(self)
        super().render(**kwargs)
