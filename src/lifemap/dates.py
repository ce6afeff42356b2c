"""Date spans as texts give them: partial ISO dates with a precision, never more than the text says.

A span stores what the source gave (``1903-11`` with qualifier ``late``), not an invented day.
The first and last possible days are derived for ordering, filtering and the slider.
Russia kept the Julian (Old Style) calendar until 14 February 1918, and ``calendar == "julian"``
records that the source counted in Old Style. A day is then stored converted to the Gregorian
calendar (6 December 1878 O.S. as ``1878-12-18``); a month, season or year is stored as the source
wrote it, and its first and last days are the Gregorian days it covers: late November 1903 (O.S.)
is ``1903-11`` ``late``, 4–13 December 1903. Converting a month to a month would be wrong by up to
thirteen days either way.
"""
from __future__ import annotations

import calendar as _calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from functools import cached_property

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


@functools.lru_cache(maxsize=65_536)
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


def _month_days(year: int, month: int, julian: bool) -> int:
    """Days in a month of the Gregorian calendar, or of the Julian one (every fourth February has 29)."""
    if julian and month == 2:
        return 29 if year % 4 == 0 else 28
    return _calendar.monthrange(year, month)[1]


def _day(year: int, month: int, day: int, julian: bool) -> dt.date:
    return julian_to_gregorian(year, month, day) if julian else dt.date(year, month, day)


# The part of a month, a year or a decade each qualifier means (days, months, years).
_OF_MONTH = {"": (1, None), "early": (1, 10), "mid": (11, 20), "late": (21, None)}
_OF_YEAR = {"": ((1, 1), (12, 31)), "early": ((1, 1), (4, 30)), "mid": ((5, 1), (8, 31)), "late": ((9, 1), (12, 31))}
_OF_DECADE = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}


@functools.lru_cache(maxsize=65_536)     # a pure function of four short strings, asked again and again
def _bounds(iso: str, precision: str, qualifier: str, calendar: str) -> tuple[dt.date, dt.date]:
    """The first and last Gregorian day one written date can mean.

    A day is stored in the Gregorian calendar already. A month, season or year the source counted
    in the Old Style is kept as written, so its days are counted in the Julian calendar and then
    converted: late November 1903 (O.S.) is 21–30 November O.S., 4–13 December 1903.
    """
    y, m, d = parse_partial(iso)
    if d is not None:
        day = dt.date(y, m, d)
        return day, day
    julian = calendar == "julian"
    if precision == "decade" and qualifier:
        decade = y // 10 * 10
        lo, hi = _OF_DECADE[qualifier]
        return _day(decade + lo, 1, 1, julian), _day(decade + hi, 12, 31, julian)
    if m is not None:
        lo, hi = _OF_MONTH[qualifier]
        return _day(y, m, lo, julian), _day(y, m, hi or _month_days(y, m, julian), julian)
    lo, hi = _OF_YEAR[qualifier]
    return _day(y, *lo, julian), _day(y, *hi, julian)


@dataclass(frozen=True, order=False)
class DateSpan:
    """An inclusive span of dates, as precise as its source; ``first_day`` and ``last_day`` are
    the Gregorian days it can mean.

    >>> DateSpan("1903-11", "1903-11", "month", "late").label()
    'late Nov 1903'
    >>> old = DateSpan("1903-11", "1903-11", "month", "late", "julian")
    >>> old.label(), str(old.first_day), str(old.last_day)
    ('late Nov 1903 (O.S.)', '1903-12-04', '1903-12-13')
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
        s = parse_partial(self.start)
        parse_partial(self.end)  # both ends must read before anything else is judged
        if self.precision not in PRECISIONS:
            raise DateError(f"precision must be one of {', '.join(PRECISIONS)}: {self.precision!r}")
        if self.qualifier not in QUALIFIERS:
            raise DateError(f"qualifier must be early, mid, late or empty: {self.qualifier!r}")
        if self.calendar not in CALENDARS:
            raise DateError(f"calendar must be gregorian or julian: {self.calendar!r}")
        lo = _bounds(self.start, self.precision, "", self.calendar)[0]
        if _bounds(self.end, self.precision, "", self.calendar)[1] < lo:
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
        """The earliest Gregorian day the span can mean (a qualifier narrows a month or a year)."""
        return self.opens[0]

    @property
    def last_day(self) -> dt.date:
        """The latest Gregorian day the span can mean."""
        return self.closes[1]

    @cached_property  # read for every ordering and filter: worked out once per span
    def opens(self) -> tuple[dt.date, dt.date]:
        """The first and last day the span can have begun: its start as written.

        >>> [str(d) for d in DateSpan("1903-11", "1904-01", "month", "late", "julian").opens]
        ['1903-12-04', '1903-12-13']
        """
        return _bounds(self.start, self.precision, self._qualifies("mid", "late"), self.calendar)

    @cached_property
    def closes(self) -> tuple[dt.date, dt.date]:
        """The first and last day the span can have ended: its end as written."""
        return _bounds(self.end, self.precision, self._qualifies("early", "mid"), self.calendar)

    def _qualifies(self, *which: str) -> str:
        """The qualifier of one end: a single date has it whole; in a span from one date to another
        "late" tells when it began, "early" when it ended, and "mid" both."""
        return self.qualifier if self.start == self.end or self.qualifier in which else ""

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        """Whether the span can mean a day from ``first`` to ``last``."""
        return self.first_day <= last and first <= self.last_day

    # Display ----------------------------------------------------------------------------------
    def label(self) -> str:
        """The date as precise as known, e.g. ``late Nov 1903`` or ``1918–1921``."""
        s, e = parse_partial(self.start), parse_partial(self.end)
        q = f"{self.qualifier} " if self.qualifier else ""
        if self.precision == "decade":
            return f"{q}{s[0]}s" if s[0] // 10 == e[0] // 10 else f"{q}{s[0]}s–{e[0]}s"
        if self.precision == "season":
            text = f"{q}{SEASONS[s[1]]} {s[0]}" + (f"–{str(e[0])[-2:]}" if e[0] != s[0] else "")
            return text + (" (O.S.)" if self.calendar == "julian" else "")
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
