"""Find the date expressions of English prose and read each one as a :class:`DateSpan`.

The grammar is a handful of regular expressions built once at import. Each alternative reads one
form ("5 March 1953", "late November 1903", "the winter of 1916–17", "1918–21", "the 1930s"…); at
each place the longest alternative that reads as a date wins, and the text is scanned left to right
without overlaps. A mention's offsets cover the expression itself: a leading preposition or "the"
("in", "on", "by the") is left out, while the words that make a range ("from … to", "between … and")
belong to it.

Rules that keep the output honest:

* precision is what the words give: no day or month is ever made up;
* a year-less expression ("in June", "on 9 March") takes the most recent year written earlier in
  the same text (or ``default_year``) and is marked ``carried``; without one it is skipped;
* a date the source marks Old Style is converted to the Gregorian calendar and flagged ``julian``;
* an impossible date ("31 February 1917", "1999–1899") becomes a :class:`DateProblem`, not a mention.

>>> [(m.text, m.span.start, m.span.end, m.span.precision) for m in find_dates("Born 18 December 1878, died in 1953.")]
[('18 December 1878', '1878-12-18', '1878-12-18', 'day'), ('1953', '1953', '1953', 'year')]
"""
from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import re._constants as sre          # the parsed grammar, read for the characters each form opens with
import re._parser as sre_parse
from dataclasses import dataclass

from .dates import PRECISIONS, DateSpan, julian_to_gregorian
from .errors import DateError

__all__ = ["DateMention", "DateProblem", "find_dates", "scan_dates"]


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    span: DateSpan
    carried: bool = False  # the year came from earlier in the text, not from this expression


@dataclass(frozen=True)
class DateProblem:
    """An expression that reads as a date but cannot be one (no such day, a range that runs backwards)."""

    start: int
    end: int
    text: str
    reason: str


def find_dates(text: str, *, default_year: int | None = None) -> list[DateMention]:
    """The date mentions of ``text`` in text order (see :func:`scan_dates`)."""
    return scan_dates(text, default_year=default_year)[0]


# Grammar pieces ------------------------------------------------------------------------------------
# Every capture gets a unique name "<key>_<n>" so that pieces can be reused freely in one pattern;
# the reader looks fields up by key.
_ids = itertools.count()


def _g(key: str, pattern: str) -> str:
    return f"(?P<{key}_{next(_ids)}>{pattern})"


_FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
_MONTH_NUMBER = {name.lower(): i for i, name in enumerate(_FULL_MONTHS, 1)}
_MONTH_NUMBER.update(jan=1, feb=2, mar=3, apr=4, jun=6, jul=7, aug=8, sep=9, sept=9, oct=10, nov=11, dec=12)

# Month names only with a capital: "may" and "march" are common English words.
_MF = "(?:" + "|".join(_FULL_MONTHS) + r")(?!\w)"
# Abbreviations are allowed only next to a number, where "Mar" or "Dec" cannot be a word.
_MA = "(?:" + "|".join(_FULL_MONTHS) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![\w])"
_DAY = r"(?<![0-9.,])(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?!\w)"
_YEAR = r"(?<![0-9])(?:1[0-9]{3}|20[0-9]{2}|2100)(?!\w)"  # 1000..2100
_YY = r"[0-9]{2}(?!\w)"
_DECADE = r"(?<![0-9])(?:1[0-9]{2}0|20[0-9]0)'?s(?!\w)"
_DASH = r"\s*[-–—‒]\s*"
_SEP = rf"(?:{_DASH}|\s+(?:to|until|till|through)\s+)"
# Capitalised words that turn a month into a name ("the October Revolution", "the July Days").
_NAMED = r"(?!\s+(?:Revolution|Days?|Theses|Manifesto|Uprising|Crisis|Offensive|Plenum|Putsch|Coup|Street|Square|Avenue)\b)"
_NO_NUMBER_AFTER = r"(?!\.?,?\s*[0-9])"  # a year-less form must not be a dated one cut short


def _d(key):
    return _g(key, _DAY)


def _m(key, abbr=True):
    return _g(key, _MA if abbr else _MF)


def _y(key):
    return _g(key, _YEAR)


def _cal():
    """An Old Style / New Style marker: "(O.S.)", "[O.S.]", " O.S.", "(Old Style)", ", by the Old Style
    calendar" (or "reckoning")."""
    mark = r"[ON]\.\s?S\.|(?:Old|New)\s+Style"
    told = (rf",?\s+(?:by|in|according\s+to)\s+the\s+{_g('cal', '(?:Old|New)')}\s+Style"
            r"(?:\s+(?:calendar|reckoning))?(?!\w)")
    return rf"(?:\s*[\[(]\s*{_g('cal', mark)}\s*[\])]|\s+{_g('cal', mark)}(?!\w)|{told})?"


# "the end of", "the first days of", "the last week of": the part of a month or a year
_PART_WORDS = r"(?i:beginning|start|middle|end|(?:first|opening|last|closing|final)\s+(?:days|weeks?))"


def _qual():
    """"late ", "mid-", "early ", or "the end of (the) " / "the middle of " / "the beginning of "."""
    return (rf"(?:{_g('q', '(?i:early|mid|late)')}(?:\s*-\s*|\s+(?:in\s+(?:the\s+)?)?)"   # "late in 1916"
            rf"|{_g('qw', _PART_WORDS)}\s+of\s+(?:the\s+)?)")


_CUE_WORDS = (r"(?i:in|on|by|during|since|until|till|before|after|from|of|at|around|about"
              r"|circa|c\.|ca\.|throughout|through|that)")


def _cue():
    """Words that introduce a date but are not part of it; lazy, so a body that can start here does."""
    return rf"(?:{_g('cue', _CUE_WORDS)}\s+(?:(?i:the)\s+)?|(?i:the)\s+)??"


def _range(start: str, end: str) -> str:
    """``start``–``end``, "from start to end" or "between start and end"."""
    btw = f"btw_{next(_ids)}"
    opener = rf"(?:(?P<{btw}>(?i:between))\s+|{_g('frm', '(?i:from)')}\s+)?"
    return rf"{opener}{start}(?({btw})\s+and\s+|{_SEP}){end}"


def _osk():
    return _g("osk", r"[ON]\.\s?S\.|(?:Old|New)\s+Style")


def _bracket_date():
    return _d("bd") + r"\s+(?:of\s+)?" + _m("bm") + rf"(?:,?\s+{_y('by')})?"


def _bracket_date_us():
    return _m("bm") + r"\s+" + _d("bd") + rf"(?:,?\s+{_y('by')})?"


def _year_or_not(key):
    """A year, or none and no number after (and then not a name such as "the October Revolution")."""
    return rf"(?:,?\s+{_y(key)}|{_NO_NUMBER_AFTER}{_NAMED})"


# The alternatives, in order of preference when two match the same stretch of text.
_BODIES = [
    # "18 December [O.S. 6 December] 1878", "7 November 1917 [O.S. 25 October]", and the form
    # DateSpan.label() writes, "18 Dec 1878 (6 Dec O.S.)"
    ("os_pair", _d("gd") + r"\s+(?:of\s+)?" + _m("gm") + rf"(?:,?\s+{_y('gy')})?" + r"\s*[\[(]\s*"
     + rf"(?:{_osk()}[:,]?\s*{_bracket_date()}|{_bracket_date()}\s+{_osk()})"
     + r"\s*[\])]" + rf"(?:,?\s*{_y('gy2')})?"),
    # "October 24 [O.S. October 12] 1886", "March 8, 1917 [O.S. February 23]"
    ("os_pair", _m("gm") + r"\s+" + _d("gd") + rf"(?:,?\s+{_y('gy')})?" + r"\s*[\[(]\s*"
     + rf"(?:{_osk()}[:,]?\s*{_bracket_date_us()}|{_bracket_date_us()}\s+{_osk()})"
     + r"\s*[\])]" + rf"(?:,?\s*{_y('gy2')})?"),
    ("iso", _y("y") + "-" + _g("mn", "0[1-9]|1[0-2]") + "-" + _g("dn", "0[1-9]|[12][0-9]|3[01]") + r"(?![\w-])"),
    # "23–24 February 1944", "28 November – 1 December 1943", "23 August 1942 – 2 February 1943"
    ("days", _range(_d("sd") + rf"(?:\s+(?:of\s+)?{_m('sm')}(?:,?\s+{_y('sy')})?)?",
                    _d("ed") + r"\s+(?:of\s+)?" + _m("em") + _cal() + _year_or_not("ey") + _cal())),
    # "February 23–24, 1944", "November 28 – December 1, 1943"
    ("days_us", _range(_m("sm") + r"\s+" + _d("sd") + rf"(?:(?:,\s*|\s+){_y('sy')})?",
                       rf"(?:{_m('em')}\s+)?" + _d("ed") + rf"(?:(?:,\s*|\s+){_y('ey')}|{_NO_NUMBER_AFTER})" + _cal())),
    # "January–March 1919", "from June to November 1918", "between January 1939 and June 1941"
    ("months", _range(_m("sm") + rf"(?:,?\s+{_y('sy')})?", _m("em") + _year_or_not("ey"))),
    # "April and May 1940", "the March, April, and May 1913 issues": a list, not a range
    ("month_list", _g("mlist", rf"{_MF}(?:\s*,\s*{_MF}){{0,11}}") + r",?\s+(?:and|or|&)\s+(?:then\s+|also\s+)?"
     + _m("em") + rf",?\s+{_y('ey')}"),
    ("years", _range(_y("sy"), _y("ey"))),
    # "1918–21", "1930-33": the short end takes the start's century
    ("years", _y("sy") + _DASH + _g("eyy", _YY) + rf"(?![-–—‒/.,]?[0-9])(?!\s+{_MA})"),
    ("decades", _range(_g("sdec", _DECADE), _g("edec", _DECADE))),
    # "the winter of 1916–17", "winter 1916/17", "summer of 1907", "autumn 1941", "fall of 1941"
    ("season", rf"(?:{_qual()})?" + _g("season", "(?i:winter|spring|summer|autumn|fall)") + r"\s+(?:of\s+)?" + _y("sy")
     + rf"(?:(?:{_DASH}|\s*/\s*)(?:{_y('ey')}|{_g('eyy', _YY)}))?"),
    # "the winter of 1919 to 1920": a winter's two years joined by "to"
    ("season", rf"(?:{_qual()})?" + _g("season", "(?i:winter)") + r"\s+(?:of\s+)?" + _y("sy") + r"\s+to\s+" + _y("ety")
     + r"(?![-–—‒/.]?[0-9])"),
    # "that summer", "the following spring", "in the autumn": the season of the year in force (or the next)
    ("season_rel", _g("srel", r"(?i:that|the\s+following|the\s+next|the\s+same|in\s+the|during\s+the)") + r"\s+"
     + rf"(?:{_qual()})?" + _g("season", "(?i:spring|summer|autumn|fall|winter)") + r"(?!\w)(?!\s+of\s)(?![\s,]*\d)"),
    # "in late summer": without "the" only with a qualifier ("in summer" is any summer)
    ("season_rel", _g("srel", r"(?i:in|during)") + r"\s+" + _g("q", "(?i:early|mid|late)") + r"(?:\s*-\s*|\s+)"
     + _g("season", "(?i:spring|summer|autumn|fall|winter)") + r"(?!\w)(?!\s+of\s)(?![\s,]*\d)"),
    # "the autumn of that year", "late in the spring of the following year": that season of the year in force
    ("season_of_rel", rf"(?:{_qual()})?" + _g("season", "(?i:spring|summer|autumn|fall|winter)") + r"\s+of\s+"
     + _g("orel", r"(?i:that|the\s+same|the\s+following|the\s+next|the\s+previous)") + r"\s+year\b"),
    ("decade", rf"(?:{_qual()})?" + _g("dec", _DECADE)),
    # "5 March 1953", "the 5th of March", "25 October (O.S.) 1917", "9 March"
    ("point", _d("d") + r"\s+(?:of\s+)?" + _m("m") + _cal() + _year_or_not("y") + _cal()),
    # "March 5, 1953"; year-less "March 5" only after a preposition
    ("point_us", _m("m") + r"\s+" + _d("d") + rf"(?:(?:,\s*|\s+){_y('y')}|{_NO_NUMBER_AFTER})" + _cal()),
    # "December 1878", "late November 1903", "mid-August 1920"
    ("point", rf"(?:{_qual()})?" + _m("m") + _cal() + rf",?\s+{_y('y')}" + _cal()),
    # "May of that year", "in March of the following year": that month of the year in force (or the next)
    ("month_of_rel", _m("m", abbr=False) + r"\s+of\s+" + _g("orel", r"(?i:that|the\s+same|the\s+following|the\s+next|"
                                                              r"the\s+previous)") + r"\s+year\b"),
    # "the next January", "the following March": that month's first coming after the date in force
    ("month_rel", _g("mrel", r"(?i:the\s+(?:following|next))") + r"\s+" + _m("m", abbr=False) + _NO_NUMBER_AFTER
     + _NAMED),
    # "in June", "by late November": needs a preposition or a qualifier
    ("month_only", rf"(?:{_qual()})?" + _m("m", abbr=False) + _NO_NUMBER_AFTER + _NAMED),
    ("relative", _g("rel", r"(?i:the\s+(?:following|next|previous|preceding|same)\s+year"
                           r"|that\s+(?:same\s+)?year|(?:a|one)\s+year\s+(?:later|earlier|afterwards?|after\s+that)"
                           # "whom he had met in St Petersburg the year before" (not "the year before his death")
                           r"|(?<!than\s)the\s+year\s+(?:before|after)(?=\s*(?:[,;.:)]|$)|\s+(?:and|but|when|while)\b)"
                           r"|(?<![\w-])(?:(?:twenty|thirty|forty|fifty)"
                           r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
                           r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
                           r"|two|three|four|five|six|seven|eight|nine|ten|[2-9]|[1-5][0-9])\s+years\s+"
                           r"(?:later|earlier|afterwards?|after\s+that)"
                           # "after two and a half years at Lepoglava, …": as many years on (a half rounds up)
                           r"|[Aa]fter\s+(?:a|one|two|three|four|five|six|seven|eight|nine|ten|[2-9])"
                           r"(?:\s+and\s+a\s+half)?\s+years?)")
     + r"(?!\w)(?!\s+(?:than|ago)\b)(?!'s)"),
    # "late in the year", "the end of that year": a part of the year in force (a qualifier needed)
    ("year_part", _qual() + r"(?:(?i:that|the\s+same)\s+)?year\b(?!\s*[0-9])(?!'s)"),
    # "at the end of that month", "early in the same month": a part of the month in force
    ("month_part", _qual() + r"(?i:that|the\s+same)\s+month\b"),
    # "1894", "early 1912", "the middle of 1907", "early in 1918"
    ("year", rf"(?:{_qual()})?" + r"(?:(?i:the\s+)?year\s+)?" + _y("y")),   # "the end of the year 1774"
]


class _Alt:
    """One alternative compiled on its own, so every form can be tried at a place."""

    __slots__ = ("kind", "regex", "keys", "opens")

    def __init__(self, kind: str, body: str):
        self.kind = kind
        self.regex = re.compile(r"(?<!\w)" + _cue() + _g("body", body))
        self.opens = _first_characters(body)
        self.keys: dict[str, list[str]] = {}
        for name in self.regex.groupindex:
            self.keys.setdefault(name.rsplit("_", 1)[0], []).append(name)


def _first_characters(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can open with (ASCII letters in both cases where case is
    ignored), or None when that cannot be told: it may open with any (a class such as ``\\w``, an empty
    match), with a space (a lead-in's spaces are not read), or with a letter folded by case outside ASCII."""
    chars, empty = _opening(sre_parse.parse(pattern).data, False)
    if chars is None or empty or any(c.isspace() for c in chars):
        return None
    return frozenset(chars)


def _opening(items, ignore: bool) -> tuple[set[str] | None, bool]:
    """``_first_characters`` of a parsed sequence: (the characters or None, whether it can match nothing)."""
    out: set[str] = set()
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue                                   # takes no character
        if op is sre.LITERAL or op is sre.IN:
            chars = _characters([(op, av)] if op is sre.LITERAL else av, ignore)
            return (None if chars is None else out | chars), False
        if op is sre.SUBPATTERN or op is sre.ATOMIC_GROUP:
            flags = av[1:3] if op is sre.SUBPATTERN else (0, 0)
            inner = (ignore or bool(flags[0] & re.IGNORECASE)) and not flags[1] & re.IGNORECASE
            parts = [_opening((av[-1] if op is sre.SUBPATTERN else av).data, inner)]
        elif op is sre.BRANCH:
            parts = [_opening(branch.data, ignore) for branch in av[1]]
        elif op is sre.GROUPREF_EXISTS:
            parts = [_opening(av[1].data, ignore), _opening(av[2].data, ignore) if av[2] else (set(), True)]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            chars, empty = _opening(av[2].data, ignore)
            parts = [(chars, empty or av[0] == 0)]
        else:
            return None, False
        if any(chars is None for chars, _ in parts):
            return None, False
        out |= set().union(*(chars for chars, _ in parts))
        if not any(empty for _, empty in parts):
            return out, False
    return out, True


def _characters(items, ignore: bool) -> set[str] | None:
    """The characters of a parsed class (or literal); None for a category or a negated class."""
    out: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            out.add(chr(av))
        elif op is sre.RANGE:
            out.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
    if ignore:
        if not all(c.isascii() for c in out):
            return None
        out |= {c.swapcase() for c in out}
    return out


_ALTS = [_Alt(kind, body) for kind, body in _BODIES]
# Where a form's body may open at a place: there, or after a lead-in (a cue word, "the", or both).
_CUE_LEAD = re.compile(_CUE_WORDS + r"\s+")
_THE_LEAD = re.compile(r"(?i:the)\s+")


def _body_openings(text: str, at: int) -> str:
    """The characters where the body of a date may open at ``at``: its own, and those after a lead-in."""
    out = text[at]
    cue = _CUE_LEAD.match(text, at)
    for lead in (cue, _THE_LEAD.match(text, cue.end()) if cue else None, _THE_LEAD.match(text, at)):
        if lead is not None:
            out += text[lead.end():lead.end() + 1]
    return out


@functools.lru_cache(maxsize=1024)
def _forms_opening(chars: str) -> tuple[_Alt, ...]:
    """The forms whose body can open with one of ``chars`` (all of them for a character outside ASCII,
    which case folding may tie to another)."""
    if not chars.isascii():
        return tuple(_ALTS)
    return tuple(alt for alt in _ALTS if alt.opens is None or not alt.opens.isdisjoint(chars))
# Tells at once whether any alternative starts at a place. It captures nothing (but the openers of
# ranges, which a conditional reads): a hundred groups to keep made every attempt more than twice as slow.
_ANY = re.compile(re.sub(r"\(\?P<(?!btw_)\w+>", "(?:",
                         r"(?<!\w)" + _cue() + "(?:" + "|".join(body for _, body in _BODIES) + ")"))
# Every date expression contains a number, a month name or the word "year"; "[12]" is a citation.
_TRIGGER = re.compile(r"\[[0-9]+\]|[0-9]+|(?:" + "|".join(_FULL_MONTHS) + r"|years?|month|spring|summer|autumn|winter)(?!\w)")
_LOOKBACK = 48  # "throughout the beginning of the 1930s": the longest lead-in before a trigger
# The word starts where a date (its lead-in included) may open: a number, a month, or a word that opens a
# lead-in, a range, a qualifier, a season or a relative year. Most words before a trigger are none of these,
# and finding them so is far cheaper than trying the grammar at each (tests/test_timex.py checks that
# every place _ANY matches is one).
_OPENER = re.compile(r"(?<!\w)(?:[0-9]|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
                     r"|(?i:in|on|by|during|since|until|till|before|after|from|of|at|around|about|circa|ca?"
                     r"|throughout|through|the|between|early|mid|late|beginning|start|middle|end|first|opening|last"
                     r"|closing|final|year"
                     r"|winter|spring|summer|autumn|fall|that|an?|one|two|three|four|five|six|seven|eight|nine"
                     r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
                     r"|thirty|forty|fifty)(?!\w))")
_OPENER_LENGTH = 10  # its longest word ("throughout"): how far past a word start it reads


class _Fields:
    __slots__ = ("m", "keys")

    def __init__(self, m: re.Match, keys: dict[str, list[str]]):
        self.m, self.keys = m, keys

    def __getitem__(self, key: str) -> str | None:
        for name in self.keys.get(key, ()):
            value = self.m.group(name)
            if value is not None:
                return value
        return None

    def span(self, key: str) -> tuple[int, int]:
        for name in self.keys.get(key, ()):
            if self.m.group(name) is not None:
                return self.m.span(name)
        raise KeyError(key)

    def int(self, key: str) -> int | None:
        value = self[key]
        return int(value) if value is not None else None

    def month(self, key: str) -> int | None:
        value = self[key]
        return _MONTH_NUMBER[value.rstrip(".").lower()] if value is not None else None

    def day(self, key: str) -> int | None:
        value = self[key]
        return int(value.rstrip("stndrh")) if value is not None else None

    def qualifier(self) -> str:
        q = self["q"]
        if q:
            return q.lower()
        words = (self["qw"] or "").lower().split()     # "end", "the first days", "the last week"
        return {"beginning": "early", "start": "early", "first": "early", "opening": "early", "middle": "mid",
                "end": "late", "last": "late", "closing": "late", "final": "late"}.get(words[0] if words else "", "")

    def julian(self) -> bool:
        return (self["cal"] or "").startswith("O")


# Reading a match ----------------------------------------------------------------------------------
# What a year-less expression reads its year from: the latest year written and the span it came
# with; (None, None) after a decade.
_Context = tuple[int | None, DateSpan | None]


class _Reject(Exception):
    """The text matched the grammar but is not a date here (a page number, no year known)."""


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    return f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if d else "")


def _old_style(y: int, m: int, d: int) -> tuple[int, int, int]:
    """The Gregorian (year, month, day) of an Old Style day; DateError when there is none."""
    try:
        g = julian_to_gregorian(y, m, d)
    except DateError:
        raise
    except ValueError:  # beyond the years a datetime.date holds (year 1 or 9999 O.S.)
        raise DateError(f"no Gregorian day for Old Style {_iso(y, m, d)}") from None
    return g.year, g.month, g.day


def _winter_after(year: int, last: DateSpan | None, step: int) -> DateSpan:
    """"That winter" (``step`` 0) or "the following winter" (1) after a date of ``year`` (``last``, if
    known): December to February, the winter that holds the date's month or the one after it.

    >>> _winter_after(1917, DateSpan("1917", "1917", "year"), 0).label()
    'winter 1917–18'
    >>> _winter_after(1918, DateSpan("1918-01", "1918-01", "month"), 0).label()
    'winter 1917–18'
    >>> _winter_after(1918, DateSpan("1918-06", "1918-08", "season"), 1).label()
    'winter 1918–19'
    """
    month = int(last.end[5:7]) if last is not None and len(last.end) >= 7 and last.end[:4] == str(year) else None
    if step == 0:
        first = year - 1 if month is not None and month <= 2 else year     # the December it opens with
    else:
        first = year + 1 if month == 12 else year
    return DateSpan(_iso(first, 12), _iso(first + 1, 2), "season")


def _season_span(year: int, season: str, qualifier: str = "") -> DateSpan:
    """Spring, summer or autumn (fall) of ``year``: its three months ("late summer" keeps its "late")."""
    first = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}[season]
    return DateSpan(_iso(year, first), _iso(year, first + 2), "season", qualifier)


# Prepositions that make a bare month name a date ("in June", "by October"); "of" and "on" do not
# ("Lessons of October"). A day number needs none ("on 9 March", "hours of 25 October").
_THE_BEFORE = re.compile(r"\b(?i:the)\s+$")
_MONTH_CUES = frozenset("in by during since until till before after from around about circa c. ca. throughout through "
                        "that".split())   # "That June he went…": June of the year in force (a capital only)


def _year_for(f: _Fields, ctx: _Context | None, *, cues: frozenset | None = None, month: int | None = None) -> int:
    """The year of a year-less expression, from the latest dated one before it.

    Rejects the expression when it lacks the lead-in ``cues`` it needs or no year is known. When
    that date spans a year end ("the winter of 1916–17") and only one of its years holds ``month``,
    that year is the one ("In December" is 1916).
    """
    if cues is not None and not (f["q"] or f["qw"] or f["btw"] or f["frm"]):
        cue = (f["cue"] or "").lower()
        at = f.span("body")[0]
        if cue not in cues or _THE_BEFORE.search(f.m.string, max(0, at - 5), at) or (
                f["cue"] == "that" and not _CLAUSE_GOES_ON.match(f.m.string, f.span("body")[1])):
            raise _Reject  # "the December uprising" names an event, not a date; "said that March was …" (not
            #                "fell to the Germans that August, and …": a month the clause happened in)
    if ctx is None or ctx[0] is None:
        raise _Reject
    year, span = ctx
    if month is not None and span is not None and span.start[:4] != span.end[:4]:
        fits = years_holding(span, month)
        if len(fits) == 1:
            return fits[0]
    return year


def years_holding(span: DateSpan, month: int) -> list[int]:
    """The years in which ``span`` holds ``month`` (the winter of 1916–17 holds December in 1916 only)."""
    first = (int(span.start[:4]), int(span.start[5:7] or 1))
    last = (int(span.end[:4]), int(span.end[5:7] or 12))
    return [y for y in range(first[0], last[0] + 1) if first <= (y, month) <= last]


# What may follow "that" and a month for the month to be a time, not a clause's subject: a stop, or a new
# subject ("… that August, and", "… that August he left").
# (or an infinitive, a subordinator: "gathered in Moscow that December to hear his report"; a month that is the
# clause's subject has its verb next: "said that March was cold", "knew that May to September was the season")
_CLAUSE_GOES_ON = re.compile(r"\s*(?:[,;.:)]|$)|\s+(?:he|she|they|we|it|[A-Z])"
                             r"|\s+to\s+[a-z]|\s+(?:when|while|after|before)\s")


# A year written right before a relative one, which only counts the way to it: "In 1934, fifteen years later"
_YEAR_RIGHT_BEFORE = re.compile(r"(?<!\d)\d{4}\s*[,(–—]\s*$")
_ASIDE_CLOSES = re.compile(r"\s*[,)–—]")
# Numbers written in words, one to ninety-nine ("fifteen years later", "twenty-five"; lifemap.extract.dating counts
# days and months with them too)
NUMBER_WORDS = {w: n for n, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen".split(), 1)}
NUMBER_WORDS |= {f"{tens}-{unit}" if unit else tens: 10 * t + u
                 for t, tens in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
                 for u, unit in enumerate(("", *"one two three four five six seven eight nine".split()))}
_RELATIVE = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "same": 0} | NUMBER_WORDS
_STRONG_CUES = {"in", "since", "until", "till", "during", "before", "after"}
# Words before a number that make it a reference, not a year: "p. 1905", "No. 1917", "ISBN 1917".
_REFERENCE_BEFORE = re.compile(r"(?:(?<!\w)(?:pp?|pages?|nos?|vols?|ch|chap|art|sec|para|fol|col|line|isbn|issn)\.?"
                               r"|[#§¶$£€¥₽])\s*$", re.IGNORECASE)
# Words after a number that make it a quantity: "1500 men", "1917 km".
_QUANTITY_AFTER = re.compile(r"\s*(?:%|(?:per\s*cent|percent|km|kilomet(?:re|er)s?|miles?|m|metres?|meters?|ft|feet"
                             r"|kg|tons?|tonnes?|hectares?|ha|people|persons?|men|women|children|soldiers|troops"
                             r"|officers|prisoners|deaths|dead|killed|wounded|casualties|households|families"
                             r"|villages|delegates|members|workers|peasants|roubles|rubles|dollars|pounds|copies"
                             r"|pages|hours|aircraft|planes|tanks|guns|ships|victims|followers|supporters|inhabitants"
                             r"|residents|votes|deportees|refugees|kulaks)(?!\w))", re.IGNORECASE)
# Words after a number that make it an address: "1825 Main Street" is a house, not a year.
_ADDRESS_AFTER = re.compile(r"\s+(?:[A-Z][a-z]+\s+){1,2}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Lane|Boulevard|Place|Drive)\b")


_BEFORE_CHRIST = re.compile(r"\s*(?:BCE?|B\.C\.)")
_DIGIT_STOP = re.compile(r"[0-9][.,]$")
_STOP_DIGIT = re.compile(r"[.,][0-9]")
# (not a date after the dash: "(1872 – 19 August 1929)" is a lifespan)
_DASH_DIGIT = re.compile(r"\s*[-–—‒]\s*(?![0-9]{1,2}\s+" + _MA + r")[0-9]")


def _is_a_number(text: str, start: int, end: int, cue: str, period: bool = False) -> bool:
    """Whether a year-only expression is really a count, a reference or part of a larger number
    (``period``: a span of a few years, never a count even before a count's word)."""
    before, after = text[max(0, start - 12):start], text[end:end + 24]
    if _DIGIT_STOP.search(before) or _STOP_DIGIT.match(after):
        return True  # "1,1917", "1917,000", "3.1917"
    if _DASH_DIGIT.match(after):
        return True  # the start of a range that is no span of years: "1500–2000 killed"
    if before.endswith("[") and after.startswith("]"):
        return True  # a citation mark "[1917]"
    if _REFERENCE_BEFORE.search(before):
        return True
    if _BEFORE_CHRIST.match(after):
        return True  # the grammar reads years of the Common Era only
    if _ADDRESS_AFTER.match(text, end):
        return True
    return not period and cue not in _STRONG_CUES and bool(_QUANTITY_AFTER.match(after))


def _read(kind: str, f: _Fields, text: str, ctx: _Context | None):
    """Spans for one match: ([(start, end, DateSpan, carried)], the context it sets, or None).

    Raises _Reject when the match is not a date, DateError when it is an impossible one.
    """
    body = f.span("body")
    julian = f.julian()
    cal = "julian" if julian else "gregorian"

    if kind in ("point", "point_us", "month_only", "iso", "year"):
        y, m, d = f.int("y"), f.month("m") or f.int("mn"), f.day("d") or f.int("dn")
        carried = y is None
        if carried:
            cues = None if kind == "point" else _MONTH_CUES | {"on"} if kind == "point_us" else _MONTH_CUES
            y = _year_for(f, ctx, cues=cues, month=m)
        elif kind == "year" and not f["q"] and not f["qw"] and _is_a_number(text, *body, (f["cue"] or "").lower()):
            raise _Reject
        written = y
        q = f.qualifier() if d is None else ""
        if julian and d:
            y, m, d = _old_style(y, m, d)  # an Old Style month is kept as written, flagged julian
        precision = "day" if d else "month" if m else "year"
        span = DateSpan(_iso(y, m, d), _iso(y, m, d), precision, q, cal)
        return [(*body, span, carried)], None if carried else (written, span)

    if kind == "year_part":
        y = _year_for(f, ctx)
        span = DateSpan(_iso(y), _iso(y), "year", f.qualifier())
        return [(*body, span, True)], (y, span)

    if kind == "month_part":
        if ctx is None or ctx[1] is None or ctx[1].precision not in ("day", "month"):
            raise _Reject                          # after a bare year or a season, which month is not said
        y, m = int(ctx[1].end[:4]), int(ctx[1].end[5:7])
        span = DateSpan(_iso(y, m), _iso(y, m), "month", f.qualifier(), ctx[1].calendar)
        return [(*body, span, True)], (y, span)

    if kind == "month_of_rel":
        m = f.month("m")
        y = _year_for(f, ctx) + _RELATIVE.get(f["orel"].lower().split()[-1], 0)
        if not 1 <= y <= 9999:
            raise _Reject
        span = DateSpan(_iso(y, m), _iso(y, m), "month", "", cal)
        return [(*body, span, True)], (y, span)

    if kind == "month_rel":
        m = f.month("m")
        if ctx is None or ctx[0] is None or ctx[1] is None or ctx[1].precision not in ("day", "month", "season"):
            raise _Reject                          # after a bare year, which March is meant is not said
        last = ctx[1]
        y, month = int(last.end[:4]), int(last.end[5:7])
        y = y + 1 if m <= month else y
        span = DateSpan(_iso(y, m), _iso(y, m), "month", "", cal)
        return [(*body, span, True)], (y, span)

    if kind == "os_pair":
        gd, gm, bd, bm = f.day("gd"), f.month("gm"), f.day("bd"), f.month("bm")
        gy, by = f.int("gy") or f.int("gy2"), f.int("by")
        bracket_old = f["osk"].startswith("O")
        carried = gy is None and by is None
        if gy is None:
            if by is not None:  # only the bracket gives the year
                gy = by + (1 if bracket_old and bm > gm else -1 if not bracket_old and bm < gm else 0)
            else:
                gy = _year_for(f, ctx, month=gm)
        if by is None:  # Old Style runs 10–13 days behind, so only a year end can separate the two
            by = gy - 1 if bracket_old and bm > gm else gy + 1 if not bracket_old and bm < gm else gy
        old, new = ((by, bm, bd), (gy, gm, gd)) if bracket_old else ((gy, gm, gd), (by, bm, bd))
        if not _valid(*new):
            raise DateError(f"no such day: {_iso(*new)}")
        if _old_style(*old) != new:
            raise DateError(f"Old Style {_iso(*old)} is {_iso(*_old_style(*old))}, not {_iso(*new)}")
        span = DateSpan(_iso(*new), _iso(*new), "day", "", "julian")
        return [(*body, span, carried)], None if carried else (gy if bracket_old else by, span)

    if kind in ("days", "days_us", "months"):
        sd, ed = f.day("sd"), f.day("ed")
        sm, em = f.month("sm"), f.month("em")
        sm, em = sm or em, em or sm  # "23–24 February" / "February 23–24"
        sy, ey = f.int("sy"), f.int("ey")
        carried = sy is None and ey is None
        if carried:
            ey = _year_for(f, ctx, cues=None if kind == "days" else _MONTH_CUES | {"on"}, month=em)
        ey = ey if ey is not None else sy
        if sy is None:  # "28 December – 3 January 1944", "from November to February 1919"
            sy = ey - 1 if sm > em else ey
            if sy < 1:
                raise DateError(f"no such year: {sy}")
        written = ey
        if julian and sd:
            (sy, sm, sd), (ey, em, ed) = _old_style(sy, sm, sd), _old_style(ey, em, ed)
        span = DateSpan(_iso(sy, sm, sd), _iso(ey, em, ed), "day" if sd else "month", "", cal)
        return [(*body, span, carried)], None if carried else (written, span)

    if kind == "month_list":
        y = f.int("ey")
        out = []
        start = f.span("mlist")[0]
        for mm in re.finditer(_MF, f["mlist"]):
            m = _MONTH_NUMBER[mm.group().lower()]
            out.append((start + mm.start(), start + mm.end(), DateSpan(_iso(y, m), _iso(y, m), "month"), True))
        m = f.month("em")
        out.append((f.span("em")[0], body[1], DateSpan(_iso(y, m), _iso(y, m), "month"), False))
        return out, (y, out[-1][2])

    if kind == "years":
        sy = f.int("sy")
        ey = f.int("ey") if f["ey"] else sy // 100 * 100 + int(f["eyy"])
        # a span of a few years is a period even before a count's word ("the famine of 1946–1947 killed a
        # million"); a wider one may be a count ("1500–2000 killed")
        if _is_a_number(text, *body, (f["cue"] or "").lower(), period=0 < ey - sy <= 30):
            raise _Reject
        span = DateSpan(_iso(sy), _iso(ey), "year")
        return [(*body, span, False)], (ey, span)

    if kind in ("decade", "decades"):
        sy = int((f["dec"] or f["sdec"])[:4])
        ey = int((f["dec"] or f["edec"])[:4]) + 9
        # A decade is no year to carry: a later "in June" could be any of ten.
        return [(*body, DateSpan(_iso(sy), _iso(ey), "decade", f.qualifier()), False)], (None, None)

    if kind == "season_rel":
        season = f["season"].lower()
        step = _RELATIVE.get(f["srel"].lower().split()[-1], 0)
        if season == "winter":
            if f["srel"].lower().startswith(("in", "during")):
                raise _Reject                      # "in the winter" may be any winter: only "that winter" dates
            span = _winter_after(_year_for(f, ctx), ctx[1], step)
            return [(*body, span, True)], (int(span.end[:4]), span)
        y = _year_for(f, ctx) + step
        span = _season_span(y, season, f.qualifier())
        return [(*body, span, True)], (y, span)

    if kind == "season_of_rel":
        season = f["season"].lower()
        y = _year_for(f, ctx) + _RELATIVE.get(f["orel"].lower().split()[-1], 0)
        if not 1 <= y <= 9999:
            raise _Reject
        # "the winter of that year", like "the winter of 1941", may be its January or its December
        span = (DateSpan(_iso(y, 1), _iso(y, 12), "season") if season == "winter"
                else _season_span(y, season, f.qualifier()))
        return [(*body, span, True)], (y, span)

    if kind == "season":
        season = f["season"].lower()
        y1 = f.int("sy")
        if f["ety"] and (season != "winter" or f.int("ety") != y1 + 1):
            raise _Reject                          # "the summer of 1919 to 1921": not one season
        y2 = f.int("ey") if f["ey"] else f.int("ety") if f["ety"] else (
            y1 // 100 * 100 + int(f["eyy"])) if f["eyy"] else None
        if season == "winter":
            if y2 is None:
                # "the winter of 1941" may be its January or its December: claim no more than the
                # year, still labelled "winter 1941".
                span = DateSpan(_iso(y1, 1), _iso(y1, 12), "season")
                return [(*body, span, False)], (y1, span)
            if y2 != y1 + 1:
                raise DateError(f"a winter spans two consecutive years, not {y1} and {y2}")
            span = DateSpan(_iso(y1, 12), _iso(y2, 2), "season")
            return [(*body, span, False)], (y2, span)
        if y2 is not None and y2 != y1:
            raise DateError(f"a {season} lies within one year, not {y1}–{y2}")
        span = _season_span(y1, season, f.qualifier())
        return [(*body, span, False)], (y1, span)

    if kind == "relative":
        at, stop = f.span("body")
        if _YEAR_RIGHT_BEFORE.search(f.m.string, max(0, at - 12), at) and _ASIDE_CLOSES.match(f.m.string, stop):
            raise _Reject                       # "In 1934, fifteen years later, he returned": the year said again
            #                                     (not "in 1919 – two years later she moved", counted from it)
        words = f["rel"].lower().split()
        if words[0] == "after":                 # "after two and a half years": as many years on, a half
            n = 1 if words[1] in ("a", "one") else int(words[1]) if words[1].isdigit() else _RELATIVE[words[1]]
            words = [str(n + ("half" in words)), "later"]        # counting as a year begun
        step = -1 if words[-1] == "earlier" else 1
        if words[0] in ("a", "one"):
            delta = step
        elif words[0].isdigit():
            delta = step * int(words[0])
        elif words[-1] in ("before", "after"):
            delta = -1 if words[-1] == "before" else 1      # "the year before"
        elif words[0] in ("the", "that"):
            delta = _RELATIVE.get(words[1], 0)  # "that year"
        else:
            delta = step * _RELATIVE[words[0]]
        y = _year_for(f, ctx) + delta
        if not 1 <= y <= 9999:
            raise DateError(f"no such year: {y}")
        span = DateSpan(_iso(y), _iso(y), "year")
        # The year it names is definite, so later year-less dates follow on from it.
        return [(*body, span, True)], (y, span)

    raise AssertionError(kind)  # pragma: no cover - every alternative has a reader


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _best_at(text: str, at: int, ctx: _Context | None):
    """The longest reading of the text at ``at``: (end, items, new_ctx), (end, DateProblem), or
    (furthest end, None) when something matched but none of it is a date here, or None."""
    best = None
    furthest = -1
    for alt in _forms_opening(_body_openings(text, at)):   # most forms cannot open here: not tried
        m = alt.regex.match(text, at)
        if m is None:
            continue
        furthest = max(furthest, m.end())
        if best is not None and m.end() <= best[0]:
            continue
        f = _Fields(m, alt.keys)
        try:
            items, new_ctx = _read(alt.kind, f, text, ctx)
        except _Reject:
            continue
        except DateError as exc:
            s, e = f.span("body")
            best = (m.end(), DateProblem(s, e, text[s:e], str(exc)))
            continue
        best = (m.end(), items, new_ctx)
    if best is None and furthest >= 0:
        return furthest, None
    return best


# A year in a list or a table of numbers ("… 1916 1917 1918 …"): no word before it that could
# lead into a longer form, and only a stop or a comma, spaces and a number (or the end) after it,
# so the grammar can only read it as a year. Read directly: trying every form at each number of
# 1 MB of bare years cost six times the time of 1 MB of prose (issue 12). tests/test_timex.py
# checks that it reads what the grammar reads.
_BARE_AFTER = re.compile(r"[.,;:]?(?:\s+(?=[0-9])|\s*\Z)")
_WORD_CHAR = re.compile(r"\w")


@functools.lru_cache(maxsize=None)
def _year_span(year: int) -> DateSpan:
    return DateSpan(_iso(year), _iso(year), "year")


def _bare_year(text: str, start: int, end: int, lo: int) -> DateSpan | None:
    """The span of the number at ``start``..``end`` if it is a bare year (see above), else None:
    the full grammar decides."""
    if end - start != 4 or not text[start].isdigit() or not _BARE_AFTER.match(text, end):
        return None
    if _WORD_CHAR.search(text, lo, start) or (start and _WORD_CHAR.match(text, start - 1)):
        return None                                   # a word that may lead into a longer form
    year = int(text[start:end])
    if not 1000 <= year <= 2100 or _is_a_number(text, start, end, ""):
        return None
    return _year_span(year)


def scan_dates(text: str, *, default_year: int | None = None,
               default_span: DateSpan | None = None) -> tuple[list[DateMention], list[DateProblem]]:
    """The date mentions of ``text`` and the expressions that cannot be dates, both in text order.

    Mentions do not overlap; where forms compete the longest wins. A year-less expression takes
    the latest year written before it (else ``default_year``, the year of ``default_span`` if
    given) and is skipped if there is none; a
    decade leaves no year to carry, and after a span across a year end ("the winter of 1916–17")
    a month goes to the year of the span that holds it. Judgement calls: "the winter of 1941"
    (one year) spans all of 1941, as it may mean its January or its December; "1916–17" is a
    winter only after a season word; a year-only number is dropped when it is part of a larger
    number, a citation mark ("[1917]"), a reference ("p. 1905") or a count ("1500 men", unless
    after "in", "since"…). Problems are expressions that read as dates but cannot be, such as
    "31 February 1917", "1999–1899" or an Old Style pair that does not agree.
    """
    if default_year is not None and not 1 <= default_year <= 9999:
        raise DateError(f"default_year must be a year from 1 to 9999: {default_year!r}")
    mentions: list[DateMention] = []
    problems: list[DateProblem] = []
    ctx = None if default_year is None else (default_year, default_span)
    pos = 0  # everything before has been read
    tried = 0  # word starts before this one matched nothing
    for trigger in _TRIGGER.finditer(text):
        t = trigger.start()
        if t < pos or trigger.group().startswith("["):
            continue  # inside a mention already, or a citation mark
        bare = _bare_year(text, t, trigger.end(), max(pos, tried, t - _LOOKBACK))
        if bare is not None:
            mentions.append(DateMention(t, trigger.end(), trigger.group(), bare))
            pos, ctx = trigger.end(), (int(trigger.group()), bare)
            continue
        # Every date holds a trigger and starts at most _LOOKBACK characters before it, so only
        # the word starts of that window need the full grammar.
        while True:
            found = None
            for word in _OPENER.finditer(text, max(pos, tried, t - _LOOKBACK), t + 1 + _OPENER_LENGTH):
                at = word.start()
                if at > t:
                    break
                if _ANY.match(text, at) is None:
                    continue
                found = _best_at(text, at, ctx)
                if found is not None:
                    break
            if found is None:
                tried = t + 1
                break
            pos = found[0]  # a non-date is skipped whole, so its tail is not read on its own
            if isinstance(found[1], DateProblem):
                problems.append(found[1])
            elif found[1] is not None:
                for s, e, span, carried in found[1]:
                    mentions.append(DateMention(s, e, text[s:e], span, carried))
                if found[2] is not None:
                    ctx = found[2]
            if pos > t:
                break
    return _from_until(text, mentions), problems


FROM_BEFORE = re.compile(r"(?i:from)\s+(?:the\s+)?$")   # also read by lifemap.extract.actors
_UNTIL_BETWEEN = re.compile(r"\s+(?:until|till|to)\s+(?:the\s+)?")


def _from_until(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """"From April 1901 until the summer of 1902": two dates the grammar reads apart are one span."""
    out: list[DateMention] = []
    for m in mentions:
        last = out[-1] if out else None
        if (last is not None and _UNTIL_BETWEEN.fullmatch(text, last.end, m.start)
                and FROM_BEFORE.search(text, max(0, last.start - 10), last.start)
                and "decade" not in (last.span.precision, m.span.precision)
                and last.span.first_day <= m.span.last_day and last.span.calendar == m.span.calendar):
            precision = max(last.span.precision, m.span.precision, key=PRECISIONS.index)
            precision = "month" if precision == "season" else precision     # (a season's ends are months)
            span = DateSpan(last.span.start, m.span.end, precision, "", m.span.calendar)
            out[-1] = DateMention(last.start, m.end, text[last.start:m.end], span, last.carried and m.carried)
            continue
        out.append(m)
    return out
