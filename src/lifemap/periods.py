"""Named periods of a life, for filters in notebooks and the period menu on the map.

The embedded life's periods are data (``data/subjects/stalin.toml``). A text about anyone else
brings its own: the headings that date a part of it ("1899–1904: Russian Social-Democratic Labour
Party", "Military command: 1918–1921"), else the decades its events span.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import DateSpan
from .errors import LifemapError


@dataclass(frozen=True)
class Period:
    key: str
    label: str
    span: DateSpan


def periods(subject=None) -> list[Period]:
    """The named periods of a subject's life in order (by default the embedded life's).

    >>> [(p.key, p.span.label()) for p in periods()][:2]
    [('childhood', 'Dec 1878 – May 1899'), ('underground', 'Jun 1899 – Feb 1917')]
    """
    if subject is None:
        from .subject import default_subject

        subject = default_subject()
    return list(subject.periods)


def of_events(events) -> list[Period]:
    """The periods a map of ``events`` shows: those of the subject they tell (``attrs["subjects"]``),
    else one per decade they span. Never another life's.

    >>> from lifemap.events import load_events
    >>> [p.key for p in of_events(load_events())][-2:]
    ['post-war', 'legacy']
    """
    subjects = events.attrs.get("subjects") or []
    if subjects and subjects[0].periods:
        return list(subjects[0].periods)
    days = events["first_day"].dropna()
    if days.empty:
        return []
    return by_decades(days.min().date(), events["last_day"].dropna().max().date())


def period(key: str, subject=None) -> Period:
    for p in periods(subject):
        if p.key == key:
            return p
    raise LifemapError(f"no period {key!r}; the periods are: {', '.join(p.key for p in periods(subject)) or 'none'}")


_YEARS = r"(?P<a>1\d{3}|20\d{2})(?:\s*[–-]\s*(?P<b>\d{2,4}))?"
_LEADING = re.compile(rf"^\s*{_YEARS}\s*:\s*(?P<label>.+?)\s*$")
_TRAILING = re.compile(rf"^\s*(?P<label>.+?)\s*[:,(]\s*{_YEARS}\s*\)?\s*$")


def _span(a: str, b: str | None) -> tuple[int, int] | None:
    first = int(a)
    if not b:
        return first, first
    last = int(a[: 4 - len(b)] + b) if len(b) < 4 else int(b)
    return (first, last) if last >= first else None


def _key(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:40] or "period"


def from_headings(headings: list[str]) -> list[Period]:
    """Periods from headings that give years, in text order; overlapping or backward ones are dropped.

    >>> [(p.label, p.span.label()) for p in from_headings(["1899–1904: Party work", "Exile", "Civil war: 1918–1921"])]
    [('Party work', '1899–1904'), ('Civil war', '1918–1921')]
    """
    out: list[Period] = []
    for heading in headings:
        m = _LEADING.match(heading) or _TRAILING.match(heading)
        if not m:
            continue
        years = _span(m["a"], m["b"])
        if years is None or (out and years[0] < int(out[-1].span.end[:4])):
            continue
        label = m["label"].strip(" :–-")
        key, n = _key(label), 2
        while any(p.key == key for p in out):
            key, n = f"{_key(label)}-{n}", n + 1
        out.append(Period(key, label, DateSpan(str(years[0]), str(years[1]), "year")))
    return out


def by_decades(first: dt.date, last: dt.date) -> list[Period]:
    """One period per decade from ``first`` to ``last`` (a life that names no periods of its own).

    >>> [p.label for p in by_decades(dt.date(1917, 3, 1), dt.date(1934, 12, 1))]
    ['1910s', '1920s', '1930s']
    """
    return [Period(f"{d}s", f"{d}s", DateSpan(str(max(d, first.year)), str(min(d + 9, last.year)), "year"))
            for d in range(first.year // 10 * 10, last.year + 1, 10)]
