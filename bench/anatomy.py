"""What a lifemap page is made of: bytes by part, and the counts that drive them.

A page carries the map's model once, as a ``<script type="application/json">`` block written by
``lifemap.controls.MapData``; its script (``static/lifemap.js``, inlined into the page) builds the
layers, popups, steps, story and table from it. The page is measured as written:

- the model block, split by its top-level parts: each events column on its own (``summary``,
  ``date``, ``label`` ...), ``places``, ``legs``, ``stops``, ``layers``; each part serialised as the
  page serialises it (``lifemap.assets.script_json``), and the rest of the block (keys, commas,
  braces, the tags) as "model: keys and structure";
- the page script, found in the page by its text (``lifemap.controls.page_script()``);
- the offline basemap (country outlines, when there are no tiles): its own JSON block, written by
  ``lifemap.controls.Basemap``;
- everything else (Leaflet links, folium's map and controls, CSS, the slider, legend and story).
"""
from __future__ import annotations

import re
from collections import Counter

_MODEL = re.compile(r'<script type="application/json" id="lifemap_data[^"]*">(?P<json>.*?)</script>', re.S)
_BASEMAP = re.compile(r'<script type="application/json" id="lifemap_basemap[^"]*">.*?</script>', re.S)


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _json_len(value) -> int:
    from lifemap.assets import script_json

    return _size(script_json(value))


def model_of(m):
    """The model dict of a map (the MapData child), or None."""
    for child in m._children.values():
        if type(child).__name__ == "MapData":
            return child.model
    return None


def distinct_dates(model: dict) -> int:
    """How many distinct first days the events have: the slider's steps before the page groups
    them by month, quarter or year (the steps themselves are read from the page)."""
    t, days = 0, set()
    for step in model["events"]["dt"]:
        t += step
        days.add(t)
    return len(days)


def anatomy(html: str, m=None) -> dict:
    """Bytes of the page by part (``parts``, largest first), the total, and counts (``counts``)."""
    total = _size(html)
    parts: Counter = Counter()
    counts: dict = {}

    found = _MODEL.search(html)
    model = model_of(m) if m is not None else None
    if found:
        block = _size(found.group(0))
        if model is None:
            import json

            model = json.loads(found.group("json"))
        accounted = 0
        for key, value in model.items():
            if key == "events":
                for col, values in value.items():
                    size = _json_len(values)
                    parts[f"model: events.{col}"] += size
                    accounted += size
            else:
                size = _json_len(value)
                parts[f"model: {key}"] += size
                accounted += size
        parts["model: keys and structure"] += block - accounted
        counts["model bytes"] = block
    if model is not None:
        from lifemap.model import expand, feature_counts

        ev = model["events"]
        counts["events"] = len(ev["dt"])
        counts["places"] = len(model["places"]["id"])
        counts["legs"] = len(model["legs"]["event"])
        counts["stops"] = len(model["stops"])
        fc = feature_counts(model)
        counts["features"] = sum(c["points"] + c["legs"] for c in fc.values())
        counts["place markers"] = sum(c["points"] for c in fc.values())
        counts["distinct dates"] = distinct_dates(model)
        per_place = Counter(zip(expand(ev["layer"]), ev["place"]))
        counts["largest place (events)"] = max(per_place.values(), default=0)

    try:
        from lifemap.controls import page_script

        script = page_script()
        if script and script in html:
            parts["page script (lifemap.js)"] += _size(script) * html.count(script)
    except ImportError:
        pass

    for block in _BASEMAP.finditer(html):
        parts["offline basemap (country outlines)"] += _size(block.group(0))

    parts["everything else (Leaflet links, folium map and controls, CSS, small scripts)"] = total - sum(parts.values())
    return {"total": total, "parts": dict(parts.most_common()), "counts": counts}
