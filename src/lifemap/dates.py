"""Date spans as texts give them: partial ISO dates with a precision, never more than the text says.

A span stores what the source gave (``1903-11`` with qualifier ``late``), not an invented day.
The first and last possible days are derived for sorting, filtering and the slider.
Russia kept the Julian (Old Style) calendar until 14 February 1918; spans are always stored in
the Gregorian calendar, and ``calendar == "julian"`` records that the source counted in Old Style.
"""
from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from dataclasses import dataclass

from .errors import DateError

PRECISIONS = ("day", "month", "season", "year", "decade")
QUALIFIERS = ("", "early", "mid", "late")
CALENDARS = ("gregorian", "julian")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# The season a span's first month opens (winter is December to February).
SEASONS = {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring",
           6: "summer", 7: "summer", 8: "summer", 9: "autumn", 10: "autumn", 11: "autumn"}
# The first day of the Gregorian calendar in Soviet Russia (1 February O.S. became 14 February).
SOVIET_GREGORIAN_START = dt.date(1918, 2, 14)

_ISO = re.compile(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial(text: str) -> tuple[int, int | None, int | None]:
    """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; refuse impossible dates such as 31 February.

    >>> parse_partial("1903-11")
    (1903, 11, None)
    >>> parse_partial("1900-02-29")
    Traceback (most recent call last):
    ...
    lifemap.errors.DateError: no such day: 1900-02-29
    """
    m = _ISO.match(text.strip()) if isinstance(text, str) else None
    if not m:
        raise DateError(f"not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {text!r}")
    year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    if year < 1:
        raise DateError(f"no year before 1 AD here: {text}")
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"no such month: {text}")
    if day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            raise DateError(f"no such day: {text}") from None
    return year, month or None, day or None


def _first(year: int, month: int | None, day: int | None) -> dt.date:
    return dt.date(year, month or 1, day or 1)


def _last(year: int, month: int | None, day: int | None) -> dt.date:
    if day:
        return dt.date(year, month, day)
    if month:
        return dt.date(year, month, _calendar.monthrange(year, month)[1])
    return dt.date(year, 12, 31)


@dataclass(frozen=True, order=False)
class DateSpan:
    """An inclusive span of Gregorian dates, as precise as its source.

    >>> DateSpan("1903-11", "1903-11", "month", "late").label()
    'late Nov 1903'
    >>> DateSpan("1878-12-18", "1878-12-18", "day", calendar="julian").label()
    '18 Dec 1878 (6 Dec O.S.)'
    >>> DateSpan("1916-12", "1917-02", "season").label()
    'winter 1916–17'
    """

    start: str
    end: str
    precision: str
    qualifier: str = ""
    calendar: str = "gregorian"

    def __post_init__(self):
        s, e = parse_partial(self.start), parse_partial(self.end)
        if self.precision not in PRECISIONS:
            raise DateError(f"precision must be one of {', '.join(PRECISIONS)}: {self.precision!r}")
        if self.qualifier not in QUALIFIERS:
            raise DateError(f"qualifier must be early, mid, late or empty: {self.qualifier!r}")
        if self.calendar not in CALENDARS:
            raise DateError(f"calendar must be gregorian or julian: {self.calendar!r}")
        if _last(*e) < _first(*s):
            raise DateError(f"span ends before it starts: {self.start} .. {self.end}")
        needs = {"day": 3, "month": 2, "season": 2}
        given = 1 + (s[1] is not None) + (s[2] is not None)
        if given < needs.get(self.precision, 1):
            raise DateError(f"{self.precision} precision needs a {'day' if needs[self.precision] == 3 else 'month'}: {self.start}")

    @classmethod
    def parse(cls, start: str, end: str | None = None, precision: str | None = None,
              qualifier: str = "", calendar: str = "gregorian") -> "DateSpan":
        """A span from ISO partials; the precision defaults to what ``start`` gives."""
        end = end or start
        if precision is None:
            y, m, d = parse_partial(start)
            precision = "day" if d else "month" if m else "year"
        return cls(start, end, precision, qualifier or "", calendar or "gregorian")

    # Derived days -----------------------------------------------------------------------------
    @property
    def first_day(self) -> dt.date:
        """The earliest day the span can mean (a qualifier narrows a month or a year)."""
        y, m, d = parse_partial(self.start)
        first = _first(y, m, d)
        if self.precision == "decade" and self.qualifier in ("mid", "late"):
            return dt.date(y // 10 * 10 + (4 if self.qualifier == "mid" else 7), 1, 1)
        if d is None and self.qualifier in ("mid", "late"):
            if m is not None:
                first = first.replace(day=11 if self.qualifier == "mid" else 21)
            else:
                first = first.replace(month=5 if self.qualifier == "mid" else 9)
        return first

    @property
    def last_day(self) -> dt.date:
        """The latest day the span can mean."""
        y, m, d = parse_partial(self.end)
        last = _last(y, m, d)
        if self.precision == "decade" and self.qualifier in ("early", "mid"):
            return dt.date(y // 10 * 10 + (3 if self.qualifier == "early" else 6), 12, 31)
        if d is None and self.qualifier in ("early", "mid"):
            if m is not None:
                last = last.replace(day=10 if self.qualifier == "early" else 20)
            else:
                last = last.replace(month=4 if self.qualifier == "early" else 8, day=30 if self.qualifier == "early" else 31)
        return last

    @property
    def sort_key(self) -> tuple[dt.date, dt.date]:
        return self.first_day, self.last_day

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        return self.first_day <= last and first <= self.last_day

    # Display ----------------------------------------------------------------------------------
    def label(self) -> str:
        """The date as precise as known, e.g. ``late Nov 1903`` or ``1918–1921``."""
        s, e = parse_partial(self.start), parse_partial(self.end)
        q = f"{self.qualifier} " if self.qualifier else ""
        if self.precision == "decade":
            return f"{q}{s[0]}s" if s[0] // 10 == e[0] // 10 else f"{q}{s[0]}s–{e[0]}s"
        if self.precision == "season":
            text = f"{q}{SEASONS[s[1]]} {s[0]}"
            return text + (f"–{str(e[0])[-2:]}" if e[0] != s[0] else "")
        text = q + _range(s, e)
        if self.calendar == "julian":
            text += f" ({_old_style(s, e)} O.S.)" if s[2] else " (O.S.)"
        return text


def _one(parts, with_year=True) -> str:
    y, m, d = parts
    out = [str(d)] if d else []
    if m:
        out.append(MONTHS[m - 1])
    if with_year:
        out.append(str(y))
    return " ".join(out)


def _range(s, e) -> str:
    """``13 Jan – 28 Feb 1904``, ``Mar–Jun 1919``, ``1918–1921``: say each part once."""
    if s == e:
        return _one(s)
    if s[0] != e[0] or (s[1] is None) != (e[1] is None):
        sep = "–" if s[1] is None and e[1] is None else " – "
        return f"{_one(s)}{sep}{_one(e)}"
    if s[2] is None and e[2] is None:
        return f"{MONTHS[s[1] - 1]}–{MONTHS[e[1] - 1]} {s[0]}"
    if s[1] == e[1] and s[2] and e[2]:
        return f"{s[2]}–{e[2]} {MONTHS[s[1] - 1]} {s[0]}"
    return f"{_one(s, False)} – {_one(e)}"


def _old_style(s, e) -> str:
    """The Old Style form of a Gregorian day range, without the year when it is the same."""
    js, je = _julian_parts(s), _julian_parts(e)
    text = _range(js, je)
    if js[0] == s[0] and je[0] == e[0] and text.endswith(f" {e[0]}"):
        text = text[: -len(f" {e[0]}")]
    return text


def _julian_parts(parts):
    y, m, d = parts
    if not d:
        return parts
    j = gregorian_to_julian(dt.date(y, m, d))
    return j if isinstance(j, tuple) else (j.year, j.month, j.day)


# Calendar conversion through the Julian day number (valid for the whole Common Era).
def julian_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """The Gregorian date of an Old Style date: 6 Dec 1878 O.S. is 18 Dec 1878.

    >>> julian_to_gregorian(1917, 10, 25)
    datetime.date(1917, 11, 7)
    """
    if not 1 <= month <= 12 or not 1 <= day <= (29 if month == 2 and year % 4 == 0 else _calendar.monthrange(2001, month)[1]):
        raise DateError(f"no such Old Style day: {year:04d}-{month:02d}-{day:02d}")
    a = (14 - month) // 12
    y, m = year + 4800 - a, month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    try:
        return dt.date.fromordinal(jdn - 1721425)
    except (ValueError, OverflowError):
        raise DateError(f"Old Style day outside the Gregorian range: {year:04d}-{month:02d}-{day:02d}") from None


def gregorian_to_julian(day: dt.date) -> dt.date | tuple[int, int, int]:
    """The Old Style date of a Gregorian day, as a ``date`` (a Julian 29 February comes back as a tuple
    only if it cannot be a ``date``).

    >>> gregorian_to_julian(dt.date(1878, 12, 18))
    datetime.date(1878, 12, 6)
    """
    c = day.toordinal() + 1721425 + 32082
    d = (4 * c + 3) // 1461
    e = c - (1461 * d) // 4
    m = (5 * e + 2) // 153
    dd, mm, yy = e - (153 * m + 2) // 5 + 1, m + 3 - 12 * (m // 10), d - 4800 + m // 10
    try:
        return dt.date(yy, mm, dd)
    except ValueError:  # 29 February in a Julian leap year that is not a Gregorian one (1900)
        return (yy, mm, dd)
