"""Static pictures with matplotlib: a timeline of events and the route for printed worksheets."""
from __future__ import annotations

import os
from pathlib import Path

from .events import LAYERS

_COLOUR = {key: colour for key, _, colour, _ in LAYERS}
_LABEL = {key: label for key, label, _, _ in LAYERS}


def timeline(events, ax=None, *, title: str | None = None):
    """A timeline: one row per map layer, a bar per event spanning its dates (a dot for one day).

    >>> from lifemap.events import load_events, between
    >>> ax = timeline(between(load_events(), "1917", "1922"))
    >>> [t.get_text() for t in ax.get_yticklabels()][:2]
    ['Life and work', 'Exiles']
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(10, 3.2), layout="constrained")
    keys = [k for k, *_ in LAYERS if (events["layer"] == k).any()]
    for row, key in enumerate(keys):
        chosen = events[events["layer"] == key]
        first = mdates.date2num(chosen["first_day"])
        width = mdates.date2num(chosen["last_day"]) - first + 1
        ax.barh([row] * len(chosen), width, left=first, height=0.6, color=_COLOUR[key], alpha=0.75)
        ax.plot(first, [row] * len(chosen), "|", color=_COLOUR[key], markersize=10)
    ax.set_yticks(range(len(keys)), [_LABEL[k] for k in keys])
    ax.invert_yaxis()
    ax.xaxis_date()
    ax.grid(axis="x", alpha=0.3)
    if title:
        ax.set_title(title)
    return ax


def route_figure(events, *, actor: str | None = None, title: str | None = None, labels: int = 18):
    """The actor's route on country outlines: legs coloured by kind, stops as dots, the most
    visited places labelled. Returns the matplotlib Figure."""
    import geopandas as gpd
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    from .route import LEG_LAYER, route

    from .events import main_actor

    actor = actor or main_actor(events)
    stops, legs = route(events, actor)
    world = gpd.read_file(Path(__file__).with_name("data") / "countries.geojson")
    fig, ax = plt.subplots(figsize=(11, 7), layout="constrained")
    frame = stops if len(stops) else events
    x0, y0, x1, y1 = frame.total_bounds
    pad_x, pad_y = max(2.0, (x1 - x0) * 0.08), max(2.0, (y1 - y0) * 0.08)
    world.plot(ax=ax, color="#f4f1ea", edgecolor="#9aa0a6", linewidth=0.5)
    handles = []
    for kind in ("journey", "return", "posting", "exile", "escape"):
        chosen = legs[legs["kind"] == kind]
        if chosen.empty:
            continue
        colour = _COLOUR[LEG_LAYER[kind]]
        style = {"exile": "--", "escape": ":", "return": "-."}.get(kind, "-")
        chosen.plot(ax=ax, color=colour, linewidth=1.4, linestyle=style, alpha=0.85)
        handles.append(Line2D([], [], color=colour, linestyle=style, label=f"{kind} ({len(chosen)})"))
    if len(stops):
        ax.scatter(stops["lon"], stops["lat"], s=14, color="#222", zorder=3)
        # label towns, not the sites inside them (the Smolny Institute sits on Saint Petersburg's dot): the most
        # visited, and of those visited as often the longest stayed in (Kureika's three years of exile)
        towns = stops[stops["place_kind"] != "site"]
        towns = towns.assign(days=(towns["last_day"] - towns["first_day"]).dt.days + 1)
        visits = towns.groupby("place").agg(n=("id", "size"), days=("days", "sum"), lon=("lon", "first"),
                                            lat=("lat", "first"), name=("name_now", "first"))
        for _, row in visits.sort_values(["n", "days"], ascending=False).head(labels).iterrows():
            ax.annotate(row["name"], (row["lon"], row["lat"]), xytext=(4, 3), textcoords="offset points",
                        fontsize=8, bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
    ax.set_xlim(x0 - pad_x, x1 + pad_x)
    ax.set_ylim(y0 - pad_y, y1 + pad_y)
    ax.set_axis_off()
    ax.legend(handles=handles, loc="lower left", title="legs", fontsize=8)
    ax.set_title(title or f"The route of {actor}")
    ax.text(1, 0, "Countries: Natural Earth", transform=ax.transAxes, ha="right", va="bottom", fontsize=7, color="#666")
    return fig


def save_figure(fig, path: str | os.PathLike) -> Path:
    """Write a figure atomically; the format follows the suffix (png, svg, pdf, or another that
    matplotlib writes); a suffix it cannot write is a LifemapError, raised before anything is."""
    import matplotlib

    from .errors import LifemapError
    from .files import write_atomically

    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in fig.canvas.get_supported_filetypes():
        raise LifemapError(f"cannot write {path}: its suffix chooses the format; use .png, .svg or .pdf")

    def write(tmp: Path) -> None:
        # no timestamps and no random ids in the file, so the same data gives the same bytes
        with matplotlib.rc_context({"svg.hashsalt": "lifemap"}):
            fig.savefig(tmp, dpi=150, metadata={"Date": None} if Path(path).suffix.lower() in (".svg", ".pdf") else None)

    return write_atomically(path, write)
