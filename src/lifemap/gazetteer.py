"""The gazetteer: places with every name they have had, and the name a place bore at a date.

``places.csv`` (the curated layer) comes first; further layers (the opt-in Nominatim client) are
asked only for names the curated places do not know. Names fold case, diacritics, apostrophes and
common transliteration variants, so ``Krakow``, ``Kraków`` and ``Cracow`` meet in one place.
"""
from __future__ import annotations

import datetime as dt
import functools
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Protocol

from .dates import parse_partial
from .errors import DataError, DateError, UnknownPlace
from .records import decimal, read_rows

KINDS = ("city", "village", "site", "region", "country")
COLUMNS = ("id", "name", "kind", "country", "lat", "lon", "parent", "coord_source", "names", "note")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATED = re.compile(r"^(?P<name>[^\[\]]+?)\s*\[(?P<lo>[^\].]*)\.\.(?P<hi>[^\].]*)\]$")


# Folding --------------------------------------------------------------------------------------
# Letters NFKD does not decompose into a base letter and a mark.
_LETTERS = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "ß": "ss", "æ": "ae",
                          "œ": "oe", "ı": "i", "ʹ": "", "ʺ": "", "'": "", "’": "", "‘": "",
                          "`": "", "´": "", "-": " ", "‐": " ", "–": " ", ".": " "})
_UMLAUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


@functools.lru_cache(maxsize=65_536)
def fold(name: str) -> str:
    """The key names are compared by: no case, no diacritics, no apostrophes or hyphens.

    >>> fold("Sol'vychegodsk") == fold("Solvychegodsk")
    True
    >>> fold("Mogilëv"), fold("Kraków"), fold("Szklarska  Poręba")
    ('mogilev', 'krakow', 'szklarska poreba')
    """
    text = name
    for _ in range(2):  # twice: casefolding can yield letters that decompose, and the reverse
        text = unicodedata.normalize("NFKD", text.casefold())
        text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.translate(_LETTERS).split())


def fold_variants(name: str) -> set[str]:
    """All keys a name is filed under: German umlauts are also spelt out (Königsberg, Koenigsberg)."""
    keys = {fold(name), fold(name.translate(_UMLAUT))}
    return {k for k in keys if k}


# The model ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Name:
    """A name of a place, in use from ``start`` (inclusive) to ``end`` (exclusive) when dated."""

    text: str
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def holds(self, day: dt.date) -> bool:
        return self.dated and (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def __str__(self) -> str:
        if not self.dated:
            return self.text
        lo = self.start.isoformat() if self.start else ""
        hi = self.end.isoformat() if self.end else ""
        return f"{self.text} [{_short(lo)}..{_short(hi)}]"


def _short(iso: str) -> str:
    return iso[:4] if iso.endswith("-01-01") else iso


@dataclass(frozen=True)
class Place:
    """A point on the earth with every name it has had."""

    id: str
    name: str
    kind: str
    country: str
    lat: float
    lon: float
    parent: str = ""
    coord_source: str = ""
    names: tuple[Name, ...] = ()
    note: str = ""

    def name_at(self, day: dt.date | None) -> str:
        """The name in use at ``day``: Tsaritsyn in 1918, Stalingrad in 1942, Volgograd today."""
        if day is not None:
            for n in self.names:
                if n.holds(day):
                    return n.text
        return self.name

    def label_at(self, day: dt.date | None) -> str:
        """``Tsaritsyn (now Volgograd)``, or just the name when it has not changed."""
        then = self.name_at(day)
        return then if fold(then) == fold(self.name) else f"{then} (now {self.name})"

    def all_names(self) -> Iterator[Name]:
        """Every name; the modern name counts as always valid unless the place dates it too
        (Turukhansk only since 1930: before, the name meant the district)."""
        if not any(n.dated and fold(n.text) == fold(self.name) for n in self.names):
            yield Name(self.name)
        yield from self.names


class Layer(Protocol):
    """A further source of places, asked only for names the curated gazetteer lacks."""

    def find(self, name: str) -> Place | None: ...


@dataclass
class Gazetteer:
    """Places by id and by every folded name.

    >>> g = Gazetteer([Place("volgograd", "Volgograd", "city", "RU", 48.708, 44.5133,
    ...                      names=parse_names("Tsaritsyn [..1925]; Stalingrad [1925..1961]"))])
    >>> g.resolve("Stalingrad").id, g.resolve("tsaritsyn").name_at(dt.date(1918, 6, 1))
    ('volgograd', 'Tsaritsyn')
    """

    places: Iterable[Place]
    layers: list[Layer] = field(default_factory=list)
    path: str | None = None

    def __post_init__(self):
        self._by_id: dict[str, Place] = {}
        self._by_name: dict[str, list[tuple[Place, Name]]] = {}
        self._add(self.places)

    def _add(self, places: Iterable[Place]) -> None:
        for place in places:
            self._by_id[place.id] = place
            for n in place.all_names():
                for key in fold_variants(n.text):
                    bucket = self._by_name.setdefault(key, [])
                    if not any(p.id == place.id and m == n for p, m in bucket):
                        bucket.append((place, n))
        self.places = list(self._by_id.values())

    def extended(self, places: Iterable[Place]) -> "Gazetteer":
        """A gazetteer with ``places`` added (e.g. those a text's fallback found), without folding the
        names this one holds again; this one is left as it was.

        >>> g = Gazetteer([Place("gori", "Gori", "city", "GE", 41.98, 44.11)])
        >>> h = g.extended([Place("geonames-1", "Kumrovec", "city", "HR", 46.08, 15.68)])
        >>> h.resolve("Kumrovec").id, "geonames-1" in g, len(h)
        ('geonames-1', False, 2)
        """
        out = object.__new__(Gazetteer)
        out.layers, out.path = self.layers, self.path
        out._by_id = dict(self._by_id)
        out._by_name = {k: list(v) for k, v in self._by_name.items()}
        out.places = list(self.places)
        out._add(places)
        return out

    @classmethod
    def load(cls, path: str | os.PathLike | None = None, layers: Iterable[Layer] = ()) -> "Gazetteer":
        """Read ``places.csv`` (by default the curated one) into a gazetteer."""
        path = Path(path) if path else default_places_path()
        return cls(read_places(path), layers=list(layers), path=str(path))

    # Lookup ------------------------------------------------------------------------------------
    def __getitem__(self, place_id: str) -> Place:
        try:
            return self._by_id[place_id]
        except KeyError:
            raise UnknownPlace(f"no place with id {place_id!r}") from None

    def __contains__(self, place_id: str) -> bool:
        return place_id in self._by_id

    def __iter__(self) -> Iterator[Place]:
        return iter(self.places)

    def __len__(self) -> int:
        return len(self.places)

    def candidates(self, name: str, when: dt.date | None = None) -> list[Place]:
        """Every curated place a name can mean, best first.

        The rule for ambiguous names: a name in use at ``when`` beats a spelling that is always
        valid, which beats a name used only at another time; then cities before villages, sites,
        regions and countries; then the order of ``places.csv``.
        """
        hits = self._by_name.get(fold(name), [])
        ranked: dict[str, tuple[tuple[int, int], Place]] = {}
        for order, (place, n) in enumerate(hits):
            if n.dated:
                fit = 0 if when is not None and n.holds(when) else (1 if when is None else 2)
            else:
                fit = 1
            key = (fit, KINDS.index(place.kind))
            if place.id not in ranked or key < ranked[place.id][0]:
                ranked[place.id] = (key, place)
        return [p for _, p in sorted(ranked.values(), key=lambda kp: kp[0])]

    def resolve(self, name: str, when: dt.date | None = None) -> Place:
        """The place a name means at a date; curated places first, then each layer in turn."""
        found = self.candidates(name, when)
        if found:
            return found[0]
        for layer in self.layers:
            place = layer.find(name)
            if place is not None:
                return place
        raise UnknownPlace(f"no place called {name!r}")

    def to_frame(self):
        """The places as a GeoDataFrame (one row per place, names joined as in places.csv)."""
        import geopandas as gpd

        rows = [{"id": p.id, "name": p.name, "kind": p.kind, "country": p.country, "lat": p.lat,
                 "lon": p.lon, "parent": p.parent, "coord_source": p.coord_source,
                 "names": "; ".join(map(str, p.names)), "note": p.note} for p in self.places]
        frame = gpd.GeoDataFrame(rows, columns=list(COLUMNS))
        return frame.set_geometry(gpd.points_from_xy(frame["lon"], frame["lat"]), crs="EPSG:4326")


# Reading places.csv ---------------------------------------------------------------------------
def default_places_path() -> Path:
    """``$LIFEMAP_PLACES``, else the copy packaged in a wheel, else the repository's own file."""
    if os.environ.get("LIFEMAP_PLACES"):
        return Path(os.environ["LIFEMAP_PLACES"])
    packaged = Path(__file__).with_name("data") / "places.csv"
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parents[2] / "places.csv"


def _bound(text: str) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    y, m, d = parse_partial(text)
    return dt.date(y, m or 1, d or 1)


def parse_names(text: str) -> tuple[Name, ...]:
    """``Tsaritsyn [..1925]; Stalingrad [1925..1961]; Batum`` into names; periods must not overlap."""
    names = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        m = _DATED.match(part)
        if m:
            lo, hi = _bound(m["lo"]), _bound(m["hi"])
            if lo is None and hi is None:
                raise DateError(f"{m['name']}: a dated name needs at least one bound")
            if lo and hi and hi <= lo:
                raise DateError(f"{m['name']}: period ends before it starts")
            names.append(Name(m["name"].strip(), lo, hi))
        elif "[" in part or "]" in part:
            raise DateError(f"cannot read the period of {part!r} (write Name [1925..1961])")
        else:
            names.append(Name(part))
    dated = sorted((n for n in names if n.dated), key=lambda n: n.start or dt.date.min)
    for a, b in zip(dated, dated[1:]):
        if a.end is None or (b.start is not None and b.start < a.end) or b.start is None:
            raise DateError(f"periods of {a.text!r} and {b.text!r} overlap")
    return tuple(names)


def read_places(path: str | os.PathLike) -> list[Place]:
    """Read and check a places file; a bad row raises DataError naming the file, line and field."""
    path = Path(path)
    places: list[Place] = []
    lines: dict[str, int] = {}
    for line, row in read_rows(path, COLUMNS):
        places.append(_place(row, path, line, lines))
        lines[places[-1].id] = line
    for p in places:
        if p.parent and p.parent not in lines:
            raise DataError(path, lines[p.id], "parent", f"unknown place id {p.parent!r}")
    return places


def _place(row: dict, path: Path, line: int, seen: dict[str, int]) -> Place:
    def bad(col, msg):
        return DataError(path, line, col, msg)

    pid = (row["id"] or "").strip()
    if not _ID.match(pid):
        raise bad("id", f"{pid!r} is not a lowercase id of letters, digits and hyphens")
    if pid in seen:
        raise bad("id", f"duplicate id {pid!r} (first on line {seen[pid]})")
    if not (row["name"] or "").strip():
        raise bad("name", "empty")
    if row["kind"] not in KINDS:
        raise bad("kind", f"{row['kind']!r} is not one of {', '.join(KINDS)}")
    country = (row["country"] or "").strip()
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise bad("country", f"{country!r} is not an ISO 3166 two-letter code")
    coords = []
    for col, limit in (("lat", 90), ("lon", 180)):
        value = decimal(row[col])
        if value is None:
            raise bad(col, f"{row[col]!r} is not a number")
        if not -limit <= value <= limit or value != value:
            raise bad(col, f"{value} is outside -{limit}..{limit}")
        coords.append(value)
    if row["kind"] == "site" and not (row["parent"] or "").strip():
        raise bad("parent", "a site needs the id of the place it lies in")
    try:
        names = parse_names(row["names"] or "")
    except DateError as exc:
        raise bad("names", str(exc)) from None
    return Place(pid, row["name"].strip(), row["kind"], country, coords[0], coords[1],
                 (row["parent"] or "").strip(), (row["coord_source"] or "").strip(), names,
                 (row["note"] or "").strip())


class NominatimPlaces:
    """A gazetteer layer over the opt-in Nominatim client (``lifemap.nominatim.NominatimLayer``)."""

    def __init__(self, client):
        self.client = client

    def find(self, name: str) -> Place | None:
        hit = self.client.lookup(name)
        return None if hit is None else self.place(hit)

    @staticmethod
    def place(hit) -> Place:
        """The place a ``NominatimHit`` stands for (country unknown: Nominatim is asked without details)."""
        kind = hit.kind if hit.kind in KINDS else "site"
        return Place(f"osm-{hit.osm_type}-{hit.osm_id}", hit.name.split(",")[0].strip() or hit.query, kind,
                     "XX", hit.lat, hit.lon, coord_source=hit.source, note=hit.name)
