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

from .chronology import Timing, chronology
from .dates import DateSpan
from .errors import DataError, DateError, LifemapError
from .gazetteer import Gazetteer
from .records import read_rows, whole_number

KINDS = ("birth", "education", "work", "arrest", "prison", "exile", "escape", "travel", "congress",
         "front", "battle", "summit", "annexation", "deportation", "massacre", "rename", "death", "other")
COLUMNS = ("id", "date_start", "date_end", "precision", "qualifier", "calendar", "kind", "actor",
           "place", "origin", "summary", "source", "start", "end", "after")
OPTIONAL = ("after",)  # files written before these columns existed still read

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
class Evidence:
    """How an event was read out of a text the user supplied: the place and date as written, the
    sentence, and how sure the reading is (``lifemap.extract``)."""

    name: str                  # the place as written
    name_start: int            # its character offsets in the document
    name_end: int
    date_text: str             # the date expression the date came from ("" when none)
    carried: bool              # the date came from the narrative or the next sentence, not the event's own words
    confidence: float
    place_source: str          # "curated", "geonames", "regions" (data/regions.csv), "nominatim" or "context" (a
    #                            building at its town)
    sentence: str


@dataclass(frozen=True)
class Event:
    id: str
    span: DateSpan | None      # None only for an extracted event its text gives no date for
    kind: str
    actor: str
    place: str
    summary: str
    source: Source
    origin: str = ""
    sentence: str = ""  # the supporting sentence, only for texts the user supplied at run time
    after: str = ""  # the id of the event this one follows, where the dates cannot tell (lifemap.chronology)
    evidence: Evidence | None = None


def default_events_path() -> Path:
    return Path(__file__).with_name("data") / "events.csv"


def read_events(path: str | os.PathLike | None = None, gazetteer: Gazetteer | None = None) -> list[Event]:
    """Read and check an events file; a bad row raises DataError naming the file, line and field.

    With a gazetteer, every place and origin id must be one of its places.
    """
    path = Path(path) if path else default_events_path()
    events, seen = [], {}
    for line, row in read_rows(path, tuple(c for c in COLUMNS if c not in OPTIONAL)):
        event = _event(row, path, line, seen, gazetteer)
        seen[event.id] = line
        events.append(event)
    for event in events:
        if event.after and (event.after not in seen or event.after == event.id):
            why = "an event cannot follow itself" if event.after == event.id else f"no event with id {event.after!r}"
            raise DataError(path, seen[event.id], "after", why)
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
                 Source(row["source"].strip(), start, end), (row["origin"] or "").strip(),
                 after=(row.get("after") or "").strip())


# The events frame: one schema for the curated data and for events read out of texts.
DERIVED = ("first_day", "last_day", "order_day", "date_label", "layer", "name_then", "name_now", "place_label",
           "place_kind", "country", "origin_label", "origin_lat", "origin_lon", "lat", "lon", "sentence",
           "source_label", "citation")
EVIDENCE = ("name", "name_start", "name_end", "date_text", "carried", "confidence", "place_source")
FRAME_COLUMNS = COLUMNS + DERIVED + EVIDENCE


def to_frame(events: Iterable[Event], gazetteer: Gazetteer, sources: dict | None = None, *, order: bool = True):
    """Events as a GeoDataFrame (``FRAME_COLUMNS``) in chronological order (``lifemap.chronology``): the
    CSV's columns plus the place's names then and now, the first and last possible days, the day the
    event stands at in the order (``order_day``), the date label, the map layer, the source's readable
    name and citation (``lifemap.sources``; by default the packaged sources table), the point, and for
    events read out of a text their evidence. Undated events (extracted only) have no days and come
    last. ``order=False`` keeps the given order (a text's), each event still with its ``order_day``."""
    import geopandas as gpd
    import pandas as pd

    from .sources import cite, label

    events = list(events)
    timed = [i for i, e in enumerate(events) if e.span is not None]
    ranked = chronology([Timing.of(events[i].id, events[i].span, events[i].source.document, events[i].source.start,
                                   events[i].after) for i in timed])
    days = {timed[k]: day for k, day in ranked}
    sequence = ([timed[k] for k, _ in ranked] + [i for i, e in enumerate(events) if e.span is None] if order
                else range(len(events)))
    rows = []
    for i in sequence:
        e = events[i]
        day = days.get(i)
        place = gazetteer[e.place]
        origin = gazetteer[e.origin] if e.origin else None
        span = e.span
        first = span.first_day if span else None
        ev = e.evidence
        rows.append({
            "id": e.id, "date_start": span.start if span else "", "date_end": span.end if span else "",
            "precision": span.precision if span else "", "qualifier": span.qualifier if span else "",
            "calendar": span.calendar if span else "",
            "kind": e.kind, "actor": e.actor, "place": e.place, "origin": e.origin,
            "summary": e.summary, "source": e.source.document, "start": e.source.start, "end": e.source.end,
            "after": e.after,
            "first_day": pd.Timestamp(first) if span else pd.NaT,
            "last_day": pd.Timestamp(span.last_day) if span else pd.NaT,
            "order_day": pd.Timestamp(day) if day else pd.NaT,
            "date_label": span.label() if span else "undated", "layer": LAYER_OF[e.kind],
            "name_then": place.name_at(first), "name_now": place.name,
            "place_label": place.label_at(first), "place_kind": place.kind, "country": place.country,
            "origin_label": origin.label_at(first) if origin else "",
            "origin_lat": origin.lat if origin else float("nan"),
            "origin_lon": origin.lon if origin else float("nan"),
            "lat": place.lat, "lon": place.lon, "sentence": e.sentence,
            "name": ev.name if ev else "", "name_start": ev.name_start if ev else -1,
            "name_end": ev.name_end if ev else -1, "date_text": ev.date_text if ev else "",
            "carried": ev.carried if ev else False, "confidence": ev.confidence if ev else 1.0,
            "place_source": ev.place_source if ev else "curated",
            "source_label": label(e.source.document, sources),
            "citation": cite(e.source.document, e.source.start, e.source.end, sources),
        })
    frame = pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
    for column in ("first_day", "last_day", "order_day"):
        frame[column] = pd.to_datetime(frame[column])
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame["lon"], frame["lat"]), crs="EPSG:4326")


def with_places_of(events, gazetteer: Gazetteer) -> Gazetteer:
    """``gazetteer`` plus the places of ``events`` it lacks (those read out of texts from GeoNames or
    Nominatim), rebuilt from the frame: id, name, kind, country and point, and where they came from."""
    from .gazetteer import Place

    extra = {}
    for r in events[~events["place"].isin([p.id for p in gazetteer])].to_dict("records"):
        extra.setdefault(r["place"], Place(r["place"], r["name_now"], r["place_kind"], r["country"] or "XX",
                                           r["lat"], r["lon"],
                                           coord_source=_coord_source(r["place"], r["place_source"]),
                                           note=_note(r["place"], r["place_source"])))
    if not extra:
        return gazetteer
    return gazetteer.extended(extra.values())


def _with_places_of_file(path: Path, gazetteer: Gazetteer) -> Gazetteer:
    """An events file saved from ``extract()`` names places found outside the curated gazetteer with
    their point and kind (``lifemap extract -o``, kept rows of a review): those become places too."""
    import pandas as pd

    needed = ("place", "name_now", "place_kind", "country", "lat", "lon", "place_source")
    try:
        head = pd.read_csv(path, nrows=0, encoding="utf-8").columns
    except (OSError, ValueError, UnicodeDecodeError):
        return gazetteer                      # read_events reports what is wrong with the file
    if not all(c in head for c in needed):
        return gazetteer
    rows = pd.read_csv(path, usecols=list(needed), dtype=str, keep_default_na=False, encoding="utf-8")
    rows = rows[~rows["place"].isin([p.id for p in gazetteer]) & (rows["place_source"] != "curated")]
    if rows.empty:
        return gazetteer
    rows = rows.assign(lat=pd.to_numeric(rows["lat"], errors="coerce"), lon=pd.to_numeric(rows["lon"], errors="coerce"))
    return with_places_of(rows.dropna(subset=["lat", "lon"]), gazetteer)


def _note(place_id: str, source: str) -> str:
    """Where a place read out of a text came from: "placed at moscow from the text's context" for a
    building or province put at its town, else "<source>, not curated"."""
    if "--" in place_id:
        return f"placed at {place_id.split('--', 1)[0]} from the text's context, not curated"
    if source == "regions":
        return "lifemap's list of regions GeoNames holds only as towns' names, not curated"
    return f"{source}, not curated"


def _coord_source(place_id: str, source: str) -> str:
    """``geonames-615532`` → ``geonames:615532``; ``osm-node-2`` → ``nominatim:node/2``;
    ``moscow--hotel-lux`` → ``context:moscow`` (a building placed at the town the text names with it);
    ``xinjiang`` from the regions list → ``regions:xinjiang``."""
    if source == "regions":
        return f"regions:{place_id}"
    if "--" in place_id:
        return f"context:{place_id.split('--', 1)[0]}"
    if place_id.startswith("osm-"):
        _, osm_type, osm_id = place_id.split("-", 2)
        return f"nominatim:{osm_type}/{osm_id}"
    return f"geonames:{place_id.split('-', 1)[-1]}"


def main_actor(events) -> str:
    """Whose life ``events`` tell: the subject of the (first) text they were read from or loaded with
    (``attrs["subjects"]``), else the actor with the most events.

    >>> main_actor(load_events())
    'Stalin'
    """
    subjects = events.attrs.get("subjects") if hasattr(events, "attrs") else None
    if subjects:
        return subjects[0].name
    counts = events["actor"].value_counts()
    return str(counts.index[0]) if len(counts) else ""


def dated(events):
    """The events a map or a route can place in time: those with a date."""
    return events[events["first_day"].notna()]


def as_frame(events, gazetteer: Gazetteer | None = None):
    """The events GeoDataFrame, whether given one or a list of ``Event`` (put through ``to_frame``
    with ``gazetteer``, by default the curated one)."""
    import pandas as pd

    if isinstance(events, pd.DataFrame):
        return events
    return to_frame(list(events), gazetteer if gazetteer is not None else Gazetteer.load())


def load_events(path: str | os.PathLike | None = None, gazetteer: Gazetteer | None = None):
    """The events as a GeoDataFrame: by default the embedded life of Stalin, checked against
    the curated gazetteer.

    >>> events = load_events()
    >>> events.loc[events["kind"] == "birth", ["place", "date_label"]].iloc[0].tolist()
    ['gori', '18 Dec 1878 (6 Dec O.S.)']
    """
    from .subject import known_subjects

    gazetteer = gazetteer or Gazetteer.load()
    if path is not None:
        gazetteer = _with_places_of_file(Path(path), gazetteer)
    frame = to_frame(read_events(path, gazetteer), gazetteer)
    # Whose life: the known subject (data/subjects) who is the main actor, so their periods apply.
    actor = main_actor(frame)
    frame.attrs["subjects"] = [s for s in known_subjects() if s.name == actor][:1]
    return frame


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
