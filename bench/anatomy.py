"""What a lifemap page is made of: bytes by part, and the counts that drive them.

The page is measured as written (folium writes every large JSON value on one line), so this
keeps working when render.py adds or drops a part: lines are classified by how they start, and
the GeoJSON layers are split further from the map object's own data, serialised the way folium's
templates serialise it (Jinja's ``tojson``: sorted keys, ``<>&'`` escaped as ``\\u003c`` etc.).
"""
from __future__ import annotations

import re
from collections import Counter

from jinja2.utils import htmlsafe_json_dumps

BIG_LINE = 20_000
_LABELS = (
    (re.compile(r"^\s*geo_json_\w+(_add\(|\.addData\()"), "GeoJSON data"),
    (re.compile(r"^\s*(case \S+: )+"), "folium style switch (one case per feature id)"),
    (re.compile(r"^\s*var steps = "), "slider steps"),
    (re.compile(r"^\s*var stops = "), "story stops"),
    (re.compile(r"^\s*<tbody>"), "event table (HTML)"),
)


def _json_len(value) -> int:
    return len(htmlsafe_json_dumps(value, sort_keys=True).encode("utf-8"))


def _label(line: str) -> str:
    for pattern, label in _LABELS:
        if pattern.match(line):
            return label
    head = re.sub(r"\s+", " ", line.strip())[:40]
    return f"other: {head}"


def anatomy(html: str, m=None) -> dict:
    """Bytes of the page by part (``parts``), and counts (``counts``)."""
    total = len(html.encode("utf-8"))
    parts: Counter = Counter()
    for line in html.split("\n"):
        size = len(line.encode("utf-8")) + 1
        label = _label(line)
        if not label.startswith("other: ") or size >= BIG_LINE:
            parts[label] += size
    counts: dict = {}
    if m is not None:
        data_parts, counts = _layers(m)
        if "GeoJSON data" in parts:
            parts.pop("GeoJSON data")
            parts.update(data_parts)
    parts["everything else (Leaflet links, controls, CSS, small lines)"] = total - sum(parts.values())
    return {"total": total, "parts": dict(parts.most_common()), "counts": counts}


def _layers(m):
    import folium

    parts: Counter = Counter()
    counts = Counter()
    largest_popup = 0
    for child in m._children.values():
        if not isinstance(child, folium.GeoJson):
            continue
        features = child.data.get("features", [])
        whole = _json_len(child.data)
        if not getattr(child, "layer_key", None) and not any("popup" in (f.get("properties") or {}) for f in features):
            parts["GeoJSON: basemap (country outlines)"] += whole
            counts["basemap features"] += len(features)
            continue
        accounted = 0
        for f in features:
            p = f.get("properties") or {}
            geometry = _json_len(f["geometry"])
            accounted += geometry
            if p.get("leg"):
                counts["legs"] += 1
                counts["leg vertices"] += sum(len(line) for line in f["geometry"]["coordinates"])
                parts["GeoJSON: leg coordinates"] += geometry
            else:
                counts["place markers"] += 1
                parts["GeoJSON: marker coordinates"] += geometry
            for key, label in (("popup", "GeoJSON: popup HTML"), ("tooltip", "GeoJSON: tooltip HTML")):
                if key in p:
                    size = _json_len(p[key])
                    parts[label] += size
                    accounted += size
            if "popup" in p and not p.get("leg"):
                largest_popup = max(largest_popup, _json_len(p["popup"]))
        parts["GeoJSON: ids, other properties, structure"] += whole - accounted
    counts["largest place popup (bytes)"] = largest_popup
    return parts, dict(counts)
