"""Events: something that happened at a place in a date span, to an actor, with its source.

The embedded default (``data/events.csv``) is the curated life of Stalin and the Soviet events
around him; every row cites the seed text and the character span of the sentence behind it.
Events travel between steps as a GeoDataFrame, one row per event, with the place's coordinates.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .dates import DateSpan
from .errors import DataError, DateError, LifemapError
from .gazetteer import Gazetteer
from .records import read_rows, whole_number

KINDS = ("birth", "education", "work", "arrest", "prison", "exile", "escape", "travel", "congress",
         "front", "battle", "summit", "annexation", "deportation", "massacre", "rename", "death", "other")
COLUMNS = ("id", "date_start", "date_end", "precision", "qualifier", "calendar", "kind", "actor",
           "place", "origin", "summary", "source", "start", "end")

# Map layers, in the order the legend lists them: (key, label, colour, kinds).
LAYERS = (
    ("life", "Life and work", "#1f6fb4", ("birth", "education", "work", "travel", "rename", "death", "other")),
    ("arrests", "Arrests and prisons", "#6b4c9a", ("arrest", "prison")),
    ("exiles", "Exiles", "#c0392b", ("exile",)),
    ("escapes", "Escapes", "#e67e22", ("escape",)),
    ("fronts", "Fronts and battles", "#2e7d32", ("front", "battle")),
    ("congresses", "Congresses and summits", "#b8860b", ("congress", "summit")),
    ("annexations", "Invasions and annexations", "#5d6d7e", ("annexation",)),
    ("terror", "Massacres and terror", "#7b1f1f", ("massacre",)),
    ("deportations", "Deportations", "#8e44ad", ("deportation",)),
)
LAYER_OF = {kind: key for key, _, _, kinds in LAYERS for kind in kinds}


@dataclass(frozen=True)
class Source:
    """Where an event comes from: a document and the character span of the sentence behind it."""

    document: str
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    id: str
    span: DateSpan
    kind: str
    actor: str
    place: str
    summary: str
    source: Source
    origin: str = ""
    sentence: str = ""  # the supporting sentence, only for texts the user supplied at run time


def default_events_path() -> Path:
    return Path(__file__).with_name("data") / "events.csv"


def read_events(path: str | os.PathLike | None = None, gazetteer: Gazetteer | None = None) -> list[Event]:
    """Read and check an events file; a bad row raises DataError naming the file, line and field.

    With a gazetteer, every place and origin id must be one of its places.
    """
    path = Path(path) if path else default_events_path()
    events, seen = [], {}
    for line, row in read_rows(path, COLUMNS):
        event = _event(row, path, line, seen, gazetteer)
        seen[event.id] = line
        events.append(event)
    return events


def _event(row: dict, path: Path, line: int, seen: dict, gazetteer: Gazetteer | None) -> Event:
    def bad(col, msg):
        return DataError(path, line, col, msg)

    eid = (row["id"] or "").strip()
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", eid):
        raise bad("id", f"{eid!r} is not a lowercase id of letters, digits and hyphens")
    if eid in seen:
        raise bad("id", f"duplicate id {eid!r} (first on line {seen[eid]})")
    for col in ("date_start", "date_end"):
        if not (row[col] or "").isascii():
            raise bad(col, f"{row[col]!r} is not a date written in ASCII digits (YYYY, YYYY-MM or YYYY-MM-DD)")
    try:
        span = DateSpan(row["date_start"].strip(), (row["date_end"] or row["date_start"]).strip(),
                        row["precision"].strip(), (row["qualifier"] or "").strip(),
                        (row["calendar"] or "gregorian").strip())
    except DateError as exc:
        field = "date_end" if "ends before" in str(exc) else "date_start"
        raise bad(field, str(exc)) from None
    if row["kind"] not in KINDS:
        raise bad("kind", f"{row['kind']!r} is not one of {', '.join(KINDS)}")
    for col in ("actor", "place", "summary", "source"):
        if not (row[col] or "").strip():
            raise bad(col, "empty")
    for col in ("place", "origin"):
        pid = (row[col] or "").strip()
        if pid and gazetteer is not None and pid not in gazetteer:
            raise bad(col, f"unknown place id {pid!r}")
    start, end = whole_number(row["start"]), whole_number(row["end"])
    if start is None or end is None:
        raise bad("start" if start is None else "end",
                  f"character offsets must be whole numbers: {row['start']!r}, {row['end']!r}")
    if not 0 <= start < end:
        raise bad("end", f"offsets {start}..{end} are not a span")
    return Event(eid, span, row["kind"], row["actor"].strip(), row["place"].strip(), row["summary"].strip(),
                 Source(row["source"].strip(), start, end), (row["origin"] or "").strip())


def to_frame(events: Iterable[Event], gazetteer: Gazetteer):
    """Events as a GeoDataFrame: the CSV's columns plus the place's names then and now, the
    first and last possible days, the date label, the map layer and the point."""
    import geopandas as gpd
    import pandas as pd

    rows = []
    for e in events:
        place = gazetteer[e.place]
        origin = gazetteer[e.origin] if e.origin else None
        first = e.span.first_day
        rows.append({
            "id": e.id, "date_start": e.span.start, "date_end": e.span.end,
            "precision": e.span.precision, "qualifier": e.span.qualifier, "calendar": e.span.calendar,
            "kind": e.kind, "actor": e.actor, "place": e.place, "origin": e.origin,
            "summary": e.summary, "source": e.source.document, "start": e.source.start, "end": e.source.end,
            "first_day": pd.Timestamp(first), "last_day": pd.Timestamp(e.span.last_day),
            "date_label": e.span.label(), "layer": LAYER_OF[e.kind],
            "name_then": place.name_at(first), "name_now": place.name,
            "place_label": place.label_at(first), "place_kind": place.kind,
            "origin_label": origin.label_at(first) if origin else "",
            "origin_lat": origin.lat if origin else float("nan"),
            "origin_lon": origin.lon if origin else float("nan"),
            "lat": place.lat, "lon": place.lon, "sentence": e.sentence,
        })
    columns = list(COLUMNS) + ["first_day", "last_day", "date_label", "layer", "name_then", "name_now",
                               "place_label", "place_kind", "origin_label", "origin_lat", "origin_lon", "lat", "lon",
                               "sentence"]
    frame = pd.DataFrame(rows, columns=columns)
    frame = frame.sort_values(["first_day", "last_day"], kind="stable").reset_index(drop=True)
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame["lon"], frame["lat"]), crs="EPSG:4326")


def load_events(path: str | os.PathLike | None = None, gazetteer: Gazetteer | None = None):
    """The events as a GeoDataFrame: by default the embedded life of Stalin, checked against
    the curated gazetteer.

    >>> events = load_events()
    >>> events.loc[events["kind"] == "birth", ["place", "date_label"]].iloc[0].tolist()
    ['gori', '18 Dec 1878 (6 Dec O.S.)']
    """
    gazetteer = gazetteer or Gazetteer.load()
    return to_frame(read_events(path, gazetteer), gazetteer)


def between(events, start: str | None = None, end: str | None = None, *, period: str | None = None,
            contained: bool = False):
    """The events whose date span overlaps a period: ``start``..``end`` as ISO partial dates
    (``"1917"``, ``"1922-06"``; either end open) or a named ``period`` (see ``lifemap.periods()``).
    An event overlapping the period is in; ``contained=True`` keeps only those wholly inside it.

    >>> ev = load_events()
    >>> kureika = ev[ev["id"] == "1914-exile-kureika"]
    >>> len(between(kureika, "1915", "1915")), len(between(kureika, "1915", "1915", contained=True))
    (1, 0)
    >>> war = between(ev, period="war")
    >>> str(war["last_day"].min().date()) >= "1939-09-01", "1943-summit-tehran" in set(war["id"])
    (True, True)
    """
    import pandas as pd

    if period is not None:
        if start or end:
            raise LifemapError("give either a named period or start/end dates, not both")
        from .periods import period as named

        span = named(period).span
        lo, hi = pd.Timestamp(span.first_day), pd.Timestamp(span.last_day)
    else:
        lo = pd.Timestamp(DateSpan.parse(start).first_day) if start else pd.Timestamp.min
        hi = pd.Timestamp(DateSpan.parse(end).last_day) if end else pd.Timestamp.max
    if contained:
        mask = (events["first_day"] >= lo) & (events["last_day"] <= hi)
    else:
        mask = (events["last_day"] >= lo) & (events["first_day"] <= hi)
    return events[mask]


def select(events, *, kind=None, actor=None, layer=None, place=None):
    """The events of the given kinds, actors, map layers or places (each a value or a list).

    >>> ev = load_events()
    >>> sorted(set(select(ev, kind=["exile", "escape"], actor="Stalin")["layer"]))
    ['escapes', 'exiles']
    """
    mask = None
    for column, wanted in (("kind", kind), ("actor", actor), ("layer", layer), ("place", place)):
        if wanted is None:
            continue
        values = [wanted] if isinstance(wanted, str) else list(wanted)
        if column == "kind" and (unknown := set(values) - set(KINDS)):
            raise LifemapError(f"unknown kind(s) {', '.join(sorted(unknown))}; the kinds are: {', '.join(KINDS)}")
        hit = events[column].isin(values)
        mask = hit if mask is None else mask & hit
    return events if mask is None else events[mask]


def actor_named(events, name: str) -> str | None:
    """The actor of ``events`` that ``name`` means: the same spelling, else the one spelling that
    differs from it only in case ("stalin" → "Stalin"); None when no event has that actor.

    >>> ev = load_events()
    >>> actor_named(ev, "stalin"), actor_named(ev, "Nobody")
    ('Stalin', None)
    """
    actors = set(events["actor"])
    if name in actors:
        return name
    folded = [a for a in actors if a.casefold() == name.casefold()]
    return folded[0] if len(folded) == 1 else None
