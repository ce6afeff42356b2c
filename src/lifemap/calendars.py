"""Calendar regions: where dates before a switch were counted in the Julian calendar (Old Style).

Data in ``data/calendars.toml``: for each region the countries it covered (today's ISO codes), the
first day of the Gregorian calendar there, and well-known moments whose Old Style and New Style days
show which calendar a text counts in.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Anchor:
    """A moment texts date in either calendar: its words, year, and (month, day) in each."""

    words: re.Pattern
    year: int
    old: tuple[int, int]
    new: tuple[int, int]


@dataclass(frozen=True)
class Region:
    key: str
    label: str
    countries: frozenset[str]
    gregorian_from: dt.date
    anchors: tuple[Anchor, ...]


@functools.cache
def regions() -> tuple[Region, ...]:
    """The calendar regions.

    >>> r = regions()[0]
    >>> r.key, r.gregorian_from.isoformat(), "GE" in r.countries
    ('russia', '1918-02-14', True)
    """
    raw = tomllib.loads(resources.files("lifemap").joinpath("data", "calendars.toml").read_text(encoding="utf-8"))
    return tuple(Region(key, r["label"], frozenset(r["countries"]), r["gregorian_from"],
                        tuple(Anchor(re.compile(a["words"]), a["year"], tuple(a["old"]), tuple(a["new"]))
                              for a in r.get("anchors", ())))
                 for key, r in raw.items())


def region_of(country: str) -> Region | None:
    """The region whose Old Style rules apply at a place in ``country``."""
    return next((r for r in regions() if country in r.countries), None)
