"""Encounters: two people at the same place at overlapping dates, only as far as the data says.

A person's stays are their stops (``lifemap.route.stops``) at a town, village or site: a region or
a country is too wide to meet in. A site counts as its town (the gazetteer's ``parent``: the
Smolny Institute is in Petrograd), so two people meet in a town whatever building each source
names. Two stays meet where their towns are the same and their date spans (the first and last day
each can mean) overlap. The overlap is only as good as the coarser
of the two dates: both dated to the month or the day, the two people **met** there, as far as the
sources go; a season, a year or a decade on either side makes it **possibly** (Stalin's month in
Vienna against someone's year there says they may have crossed, not that they did).

Pairs of stays of the same two people at one place whose overlaps overlap are one encounter,
shown by its best-supported pair (met before possibly, then the shortest overlap).
"""
from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import asdict, dataclass

RANK = {"day": 0, "month": 1, "season": 2, "year": 3, "decade": 4}
MET_AT = "month"                      # the coarsest precision both stays may have for "met"
WIDE = ("region", "country")          # place kinds too wide to meet in


@dataclass(frozen=True)
class Encounter:
    person_a: str
    person_b: str
    place: str
    place_label: str
    lat: float
    lon: float
    first_day: dt.date                # the overlap of the two stays
    last_day: dt.date
    date_label: str
    status: str                       # "met" or "possibly"
    pairs: int                        # pairs of stays behind it
    event_a: str
    date_a: str
    source_a: str                     # "file, characters 120–260"
    event_b: str
    date_b: str
    source_b: str


COLUMNS = tuple(Encounter.__dataclass_fields__)


def find(events, actors: list[str], gazetteer=None) -> list[Encounter]:
    """The encounters of every two of ``actors`` in ``events``, by pair of people, then date.
    ``gazetteer``: where sites find their towns (default: the curated one)."""
    from .gazetteer import Gazetteer
    from .route import stops

    gazetteer = gazetteer or Gazetteer.load()
    stays = {}
    for name in dict.fromkeys(actors):
        s = stops(events, name)
        stays[name] = [dict(r, town=_town(r, gazetteer)) for r in s[~s["place_kind"].isin(WIDE)].to_dict("records")]
    out: list[Encounter] = []
    at: dict[str, dict[str, list]] = {}          # person → town → stays: only stays in one town are compared
    for name, rows in stays.items():
        for r in rows:
            at.setdefault(name, {}).setdefault(r["town"], []).append(r)
    for a, b in itertools.combinations(stays, 2):
        by_place: dict[str, list] = {}
        for x in stays[a]:
            for y in at.get(b, {}).get(x["town"], ()):
                lo, hi = max(x["first_day"], y["first_day"]), min(x["last_day"], y["last_day"])
                if lo <= hi:
                    by_place.setdefault(x["town"], []).append((lo.date(), hi.date(), x, y))
        for place, pairs in by_place.items():
            out += [_encounter(a, b, group, gazetteer) for group in _groups(sorted(pairs, key=lambda p: (p[0], p[1])))]
    return sorted(out, key=lambda e: (actors.index(e.person_a), actors.index(e.person_b), e.first_day, e.place))


def _groups(pairs: list) -> list[list]:
    """Pairs (sorted by start) whose overlaps overlap, together."""
    groups: list[list] = []
    end = None
    for p in pairs:
        if groups and p[0] <= end:
            groups[-1].append(p)
            end = max(end, p[1])
        else:
            groups.append([p])
            end = p[1]
    return groups


def status(precision_a: str, precision_b: str) -> str:
    """ "met" when both dates are at least as precise as ``MET_AT``, else "possibly".

    >>> status("day", "month"), status("day", "year")
    ('met', 'possibly')
    """
    coarser = max(RANK.get(precision_a, 9), RANK.get(precision_b, 9))
    return "met" if coarser <= RANK[MET_AT] else "possibly"


def _encounter(a: str, b: str, group: list, gazetteer) -> Encounter:
    def quality(p):
        lo, hi, x, y = p
        return (status(x["precision"], y["precision"]) != "met", (hi - lo).days, lo)

    lo, hi, x, y = min(group, key=quality)
    # a stay's own place as its row has it; a site's town as the gazetteer names it then
    town = next((r for r in (x, y) if r["place"] == r["town"]), None)
    if town is not None:
        where = (town["place"], town["place_label"], float(town["lat"]), float(town["lon"]))
    else:
        t = gazetteer[x["town"]]
        where = (t.id, t.label_at(lo), float(t.lat), float(t.lon))
    return Encounter(a, b, *where, lo, hi, label(lo, hi),
                     status(x["precision"], y["precision"]), len(group), x["id"], x["date_label"], _source(x),
                     y["id"], y["date_label"], _source(y))


def _town(row: dict, gazetteer) -> str:
    """The place a stay counts at: a site's town (its parent in the gazetteer, up to a place that
    is no site), else the place itself."""
    place = row["place"]
    while place in gazetteer and gazetteer[place].kind == "site" and gazetteer[place].parent in gazetteer:
        place = gazetteer[place].parent
    return place


def _source(r) -> str:
    return f"{r['source']}, characters {int(r['start'])}–{int(r['end'])}"


def label(first: dt.date, last: dt.date) -> str:
    """An overlap as its dates say it: whole years, whole months, or days.

    >>> label(dt.date(1913, 1, 1), dt.date(1913, 2, 28)), label(dt.date(1917, 1, 1), dt.date(1917, 12, 31))
    ('Jan–Feb 1913', '1917')
    >>> label(dt.date(1917, 3, 8), dt.date(1917, 3, 12))
    '8–12 Mar 1917'
    """
    from .dates import DateSpan

    whole_months = first.day == 1 and (last + dt.timedelta(days=1)).day == 1
    if whole_months and first.month == 1 and last.month == 12:
        return DateSpan(str(first.year), str(last.year), "year").label()
    if whole_months:
        return DateSpan(f"{first:%Y-%m}", f"{last:%Y-%m}", "month").label()
    return DateSpan(first.isoformat(), last.isoformat(), "day").label()


def encounters(events, actors: list[str] | None = None, *, gazetteer=None):
    """Where two people's stays overlap in time, as a GeoDataFrame (``COLUMNS``, a point each):
    who, where, the overlap and its label, "met" or "possibly", and both events with their sources.
    ``actors``: whose stays (default: the subjects of the texts the events come from); ``gazetteer``:
    where sites find their towns (default: the curated one).

    >>> from lifemap.events import load_events
    >>> found = encounters(load_events(), ["Stalin", "Lenin"])
    >>> found[["place_label", "date_label", "status", "date_b"]].iloc[0].tolist()
    ['Petrograd (now Saint Petersburg)', '17 Apr 1917', 'met', '17 Apr 1917 (4 Apr O.S.)']
    """
    import geopandas as gpd
    import pandas as pd

    from .lives import subjects_of

    found = find(events, list(actors) if actors is not None else subjects_of(events), gazetteer)
    frame = pd.DataFrame([asdict(e) for e in found], columns=list(COLUMNS))
    for c in ("first_day", "last_day"):
        frame[c] = pd.to_datetime(frame[c])
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame["lon"], frame["lat"]), crs="EPSG:4326")
