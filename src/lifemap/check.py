"""The itinerary validator: is each actor's life possible, and does each event say what its source says?

Every rule reads one actor's stops in the order of ``lifemap.chronology`` (``lifemap.route.stops``)
and reports a :class:`Finding`: the rule, how bad it is, the events' ids and the reason. An
*error* is something that cannot have happened as the data has it; a *warning* is something that
looks wrong and needs a reader.

- ``overlap``: two stays (a posting, a job, a school, a prison term, an exile given from one date
  to another) at places more than ``NEAR_KM`` apart whose certain parts overlap: two places at once.
- ``detention``: a prison or exile that comes after a free stop with no arrest between (unless the
  actor is sent back where they were held before), or that must still be running when the actor
  is free somewhere else.
- ``speed``: a leg faster than anyone could travel in its year (``ERA_SPEEDS``).
- ``no-start``: an escape or journey with no stop it starts from, or one whose own origin is not
  where the route stands before it (the map would draw the leg from the wrong place).
- ``precision``: a date finer than any date in the sentence the event cites.
- ``name``: the sentence names the place by a name that was not in use at the event's date
  (a former or later name; today's name is always allowed).

The last two read the cited sentence: the event's own ``sentence`` (texts the user supplied), or
the cited document from ``texts``. Without either, they are not checked.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Iterable, Mapping

from .dates import DateSpan
from .route import km as _km

NEAR_KM = 50.0  # a city and its prisons, stations and dachas: moving between them takes no leg to check
STAY_KINDS = ("education", "work", "prison", "exile", "front")
DETENTION_KINDS = ("prison", "exile")
POINT_KINDS = ("city", "village", "site")  # a region's or country's point says nothing about where someone was

# The most ground a traveller could cover in a day, from the year given (km a day). Generous on
# purpose: a leg faster than this cannot have happened.
ERA_SPEEDS: tuple[tuple[int, int, str], ...] = (
    (1800, 1400, "by rail: the fastest expresses of the 1900s and 1910s averaged 50-60 km/h round the clock "
                 "(the Nord-Express, Paris to Saint Petersburg, about 2,700 km in two days; the Trans-Siberian "
                 "express of 1913, Moscow to Vladivostok, about 9,300 km in eight to nine days)"),
    (1920, 3500, "by air: the record flights between the wars (Chkalov's non-stop flight of June 1937 from "
                 "Moscow over the Pole to Vancouver, Washington: about 8,500 km in 63 hours)"),
    (1940, 9000, "by air: the four-engine transports of the Second World War (the Douglas C-54 cruised at "
                 "about 350 km/h, some 8,400 km a day with refuelling stops)"),
)


class Rule(str, Enum):
    OVERLAP = "overlap"
    DETENTION = "detention"
    SPEED = "speed"
    NO_START = "no-start"
    PRECISION = "precision"
    NAME = "name"


class Severity(str, Enum):
    ERROR = "error"  # cannot have happened as the data has it
    WARNING = "warning"  # looks wrong: a reader should look


@dataclass(frozen=True)
class Finding:
    rule: Rule
    severity: Severity
    events: tuple[str, ...]
    actor: str
    reason: str

    def __str__(self) -> str:
        return f"{self.severity.value}: {self.rule.value}: {', '.join(self.events)}: {self.reason}"


def speed_limit(year: int) -> tuple[int, str]:
    """The km a day possible in a year, and how.

    >>> speed_limit(1903)[0], speed_limit(1943)[0]
    (1400, 9000)
    """
    limit = ERA_SPEEDS[0]
    for row in ERA_SPEEDS:
        if year >= row[0]:
            limit = row
    return limit[1], limit[2]


def check(events, *, gazetteer=None, texts: Mapping[str, str] | str | os.PathLike | None = None,
          actors: Iterable[str] | None = None) -> list[Finding]:
    """Every finding about the events (the frame ``lifemap.load_events``, ``to_frame`` or
    ``lifemap.extract`` gives, or a list of ``Event``), actor by actor, in the order of each life.

    ``texts``: the documents the events cite, as a mapping of file name to text or a directory
    holding them; the sentence rules run on the events whose sentence can be read. ``gazetteer``:
    the places (for the names they had); by default the curated one.

    >>> import lifemap
    >>> [f.rule.value for f in check(lifemap.load_events())]
    []
    """
    from .events import as_frame, dated, with_places_of
    from .gazetteer import Gazetteer
    from .route import stops

    gazetteer = gazetteer if gazetteer is not None else Gazetteer.load()
    frame = as_frame(events, gazetteer)
    gazetteer = with_places_of(frame, gazetteer)        # places a text's fallback found keep their names
    frame = dated(frame)                                # an undated row of an extraction has no place in a life
    sentences = _Sentences(texts)
    findings: list[Finding] = []
    names = list(dict.fromkeys(frame["actor"])) if actors is None else list(actors)
    for actor in names:
        route = [_Stop.of(r) for r in stops(frame, actor).to_dict("records")]
        findings += _overlaps(actor, route)
        findings += _detentions(actor, route)
        findings += _speeds(actor, route)
        findings += _starts(actor, route)
    for row in frame.to_dict("records"):
        if actors is not None and row["actor"] not in names:
            continue
        sentence = row.get("sentence") or sentences.get(row["source"], int(row["start"]), int(row["end"]))
        if sentence:
            findings += _precision(row, sentence)
            findings += _names(row, sentence, gazetteer)
    return findings


# One actor's route --------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Stop:
    id: str
    kind: str
    place: str
    label: str
    point: bool
    lat: float
    lon: float
    origin: str
    origin_label: str
    origin_lat: float
    origin_lon: float
    span: DateSpan

    @classmethod
    def of(cls, r: dict) -> "_Stop":
        span = DateSpan(r["date_start"], r["date_end"] or r["date_start"], r["precision"], r["qualifier"] or "",
                        r["calendar"] or "gregorian")
        return cls(r["id"], r["kind"], r["place"], r["place_label"], r["place_kind"] in POINT_KINDS,
                   float(r["lat"]), float(r["lon"]), r["origin"] or "", r.get("origin_label") or "",
                   float(r["origin_lat"]), float(r["origin_lon"]), span)

    @property
    def when(self) -> str:
        return self.span.label()

    @property
    def certain(self) -> tuple[dt.date, dt.date] | None:
        """The days a stay given from one date to another surely covers: from the last day it can
        have begun to the first day it can have ended (None when those overlap)."""
        if self.span.start == self.span.end:
            return None
        lo, hi = self.span.opens[1], self.span.closes[0]
        return (lo, hi) if lo <= hi else None


def _near(a: _Stop, b: _Stop) -> bool:
    return a.place == b.place or _km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM


def _overlaps(actor: str, route: list[_Stop]) -> list[Finding]:
    stays = [s for s in route if s.kind in STAY_KINDS and s.point and s.certain]
    out = []
    for i, a in enumerate(stays):
        for b in stays[i + 1:]:
            (a0, a1), (b0, b1) = a.certain, b.certain
            if a0 < b1 and b0 < a1 and not _near(a, b):
                out.append(Finding(Rule.OVERLAP, Severity.ERROR, (a.id, b.id), actor,
                                   f"{actor} is at {a.label} ({a.when}) and at {b.label} ({b.when}) at once: "
                                   f"both stays surely cover {max(a0, b0)} to {min(a1, b1)}"))
    return out


def _detentions(actor: str, route: list[_Stop]) -> list[Finding]:
    out, held, previous, places_held = [], None, None, []
    for s in route:
        if s.kind == "arrest":
            held = s
        elif s.kind in DETENTION_KINDS:
            # sent back to where one was held before: the arrest is implied, whether or not the data has it
            returned = any(_near(s, p) for p in places_held)
            if held is None and previous is not None and not returned:
                out.append(Finding(Rule.DETENTION, Severity.ERROR, (previous.id, s.id), actor,
                                   f"{actor} is held at {s.label} ({s.when}) with no arrest before it: the stop "
                                   f"before is free, at {previous.label} ({previous.when})"))
            held = s
            places_held.append(s)
        elif s.kind == "escape":
            held = None
        elif held is not None and not _near(s, held):  # free elsewhere: the detention is over
            certain = held.certain
            if held.kind in DETENTION_KINDS and certain and s.span.last_day < certain[1]:
                out.append(Finding(Rule.DETENTION, Severity.ERROR, (held.id, s.id), actor,
                                   f"{held.kind} at {held.label} ({held.when}) runs until {certain[1]} at the "
                                   f"earliest, but {actor} is free at {s.label} by {s.span.last_day}"))
            held = None
        previous = s
    return out


def _speeds(actor: str, route: list[_Stop]) -> list[Finding]:
    out = []
    for a, b in zip(route, route[1:]):
        if not (a.point and b.point) or _near(a, b):
            continue
        km = _km(a.lat, a.lon, b.lat, b.lon)
        days = (b.span.last_day - a.span.first_day).days + 1  # the most time the leg can have taken
        limit, how = speed_limit(a.span.first_day.year)
        if km > limit * max(days, 1):
            out.append(Finding(Rule.SPEED, Severity.ERROR, (a.id, b.id), actor,
                               f"{a.label} ({a.when}) to {b.label} ({b.when}) is {km:,.0f} km in at most "
                               f"{days} day(s); in {a.span.first_day.year} the fastest was about {limit:,} km a "
                               f"day ({how})"))
    return out


def _starts(actor: str, route: list[_Stop]) -> list[Finding]:
    out = []
    for k, s in enumerate(route):
        previous = route[k - 1] if k else None
        if s.origin and previous is not None and previous.place != s.origin and \
                _km(previous.lat, previous.lon, s.origin_lat, s.origin_lon) > NEAR_KM:
            out.append(Finding(Rule.NO_START, Severity.WARNING, (previous.id, s.id), actor,
                               f"{s.kind} to {s.label} ({s.when}) starts at {s.origin_label} by its own data, but "
                               f"the route reaches it from {previous.label} ({previous.when})"))
        elif not s.origin and previous is None and s.kind in ("escape", "travel"):
            out.append(Finding(Rule.NO_START, Severity.WARNING, (s.id,), actor,
                               f"{s.kind} to {s.label} ({s.when}) has no stop it starts from and no origin"))
    return out


# What the cited sentence says ------------------------------------------------------------------
_RANK = {"decade": 0, "year": 1, "season": 2, "month": 3, "day": 4}


def _fineness(span: DateSpan) -> float:
    """How much of a date is given; a qualifier (late 1912) is half a step finer."""
    return _RANK[span.precision] + (0.5 if span.qualifier and span.precision != "day" else 0)


# Named days the date grammar does not read ("May Day 1900" gives the day).
_NAMED_DAYS = re.compile(r"\bMay Day\b")
# Words before a date that narrow it as a qualifier does, which the date grammar reads as the bare
# month ("the last week of February 1917", "the end of March").
_NARROWED = re.compile(r"\b(?:late|early|mid|middle of|end of|beginning of|start of|turn of|"
                       r"(?:first|last|final) (?:days?|weeks?|months?) of)(?: the)?\W*$", re.IGNORECASE)


def _precision(row: dict, sentence: str) -> list[Finding]:
    from .timex import find_dates

    span = DateSpan(row["date_start"], row["date_end"] or row["date_start"], row["precision"],
                    row["qualifier"] or "", row["calendar"] or "gregorian")
    given = find_dates(sentence, default_year=span.first_day.year)
    if not given:
        return []  # the date comes from elsewhere in the text: nothing here to hold it to
    fineness = {m: _fineness(m.span) + (0.5 if _NARROWED.search(sentence[max(0, m.start - 30):m.start])
                                        and not m.span.qualifier and m.span.precision != "day" else 0)
                for m in given}
    finest = max(given, key=fineness.get)
    if _fineness(span) <= fineness[finest] or _NAMED_DAYS.search(sentence):
        return []
    return [Finding(Rule.PRECISION, Severity.WARNING, (row["id"],), row["actor"],
                    f"dated {span.label()}, but the sentence it cites gives no more than {finest.text!r}")]


def _names(row: dict, sentence: str, gazetteer) -> list[Finding]:
    from .gazetteer import fold

    first, last = row["first_day"].date(), row["last_day"].date()
    text = fold(sentence)
    out = []
    for pid in filter(None, (row["place"], row["origin"])):
        if pid not in gazetteer:
            continue
        place = gazetteer[pid]
        said = [n for n in place.all_names() if re.search(rf"\b{re.escape(fold(n.text))}\b", text)]
        fits = [n for n in said if not n.dated or fold(n.text) == fold(place.name)
                or ((n.start is None or n.start <= last) and (n.end is None or first < n.end))]
        if said and not fits:
            n = said[0]
            period = f"from {n.start}" if n.end is None else f"until {n.end}" if n.start is None else \
                f"from {n.start} to {n.end}"
            out.append(Finding(Rule.NAME, Severity.WARNING, (row["id"],), row["actor"],
                               f"the sentence calls {place.name} {n.text!r}, a name in use {period}, "
                               f"not at {row['date_label']}"))
    return out


class _Sentences:
    """The cited documents, read once each, from a mapping or a directory."""

    def __init__(self, texts):
        self.texts = texts
        self.cache: dict[str, str | None] = {}

    def get(self, document: str, start: int, end: int) -> str:
        if self.texts is None:
            return ""
        if document not in self.cache:
            if isinstance(self.texts, Mapping):
                self.cache[document] = self.texts.get(document)
            else:
                from .text import read_text

                path = Path(self.texts) / Path(document).name
                self.cache[document] = read_text(path) if path.is_file() else None
        text = self.cache[document]
        return text[start:end] if text and 0 <= start < end <= len(text) else ""
