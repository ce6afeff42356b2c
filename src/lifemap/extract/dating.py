"""Stage 5, dating: each sentence's dates, the date the narrative stands at, and each event's date.

**The narrative's date.** Sentence by sentence, the last date of a sentence that is not a look back
(a pluperfect clause, "the 1915 trial") or someone else's ("founded in", "until", in brackets) becomes
the narrative's date; a heading such as "1899–1904: …" sets it too, a caption does not. "After two
months", "the next day" and the outbreak of a named period ("When the First World War broke out")
move it on; "That month, …" keeps it, and so does a named period's whole span ("During the Civil
War"), which dates its own sentence only. The period that holds it ("the winter of 1916–17" for
"December") is its frame, and a year-less date takes the year of that period.

**An event's date.** The sentence's date expression nearest the place, one in the same clause first
(a date in brackets right after the place is the place's: "Germany (1918–1923)"). Without one: the
next sentence's, if it tells the same event ("He was born in Gori. His birth fell on 21 December
1879."); else the narrative's date, carried: as written within ``carry_sentences`` sentences of the
same paragraph (a day as its month, a birthday as its year: the day belongs to the event told on it;
as written after "that day"), else widened to the period that holds it or one step less
precise (a month becomes its year); none after ``stale_paragraphs`` paragraphs
without a date, or when it was a decade named in another paragraph. How long the stay lasted, told in
the place's clause or in the "where" clause after it, ends it: "until 1922", "where he was to live for
the next ten years".

**Ages.** In a text about someone whose birth it gives (the opening's lifespan, else the first sentence
that tells the birth with a date), a sentence without a date that gives their age ("at the age of
thirteen", "aged 15", "about seven or eight years old") is dated by it: the years from that birthday to
the next. Not where the age is someone else's ("his father, aged fifty"), and the narrative moves only
if it is not within those years already.

**Old Style.** Russia counted in the Julian calendar until 14 February 1918 (``lifemap.calendars``).
Texts that mark Old Style dates ("18 December [O.S. 6 December] 1878") give other dates in the
Gregorian calendar, except in 1917, which they date as Russians then did; texts that never mark them
count in the Old Style throughout. Which kind a text is shows in its dates of well-known moments
(``old_style_periods``). An Old Style day is converted; a month or a year keeps what the text wrote
and is marked ``julian`` (``lifemap.dates`` derives the Gregorian days it covers).
"""
from __future__ import annotations

import datetime as dt
import enum
import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..calendars import region_of, regions
from ..lexicon import sections, words as lexicon
from ..dates import PRECISIONS, DateSpan, julian_to_gregorian
from ..timex import NUMBER_WORDS, find_dates, scan_dates, years_holding
from . import clauses
from .narrative import Narrative, is_year_heading
from .options import ExtractOptions
from .tagger import T, tag


class How(enum.Enum):
    """How an event's date was found."""

    OWN = "own"            # in its own sentence
    NEXT = "next"          # the next sentence tells the same event and dates it
    CARRIED = "carried"    # the narrative's date
    NONE = "none"


@dataclass(frozen=True)
class NarrativeDate:
    """A date expression of the text, with where it stands and whose it is."""

    span: DateSpan
    text: str
    start: int
    end: int
    sentence: int
    paragraph: int
    carried: bool = False       # the year came from earlier in the text
    look_back: bool = False     # a pluperfect or attributive look back: its own clause only
    foreign: bool = False       # belongs to something else: brackets, "founded in", "until"

    @functools.cached_property
    def days(self) -> tuple[dt.date, dt.date]:
        return self.span.first_day, self.span.last_day


@dataclass(frozen=True)
class DateChoice:
    """An event's date: the expression it came from (or None), how it was found, and by how many steps
    to widen it (a day to its month, a month to its year)."""

    date: NarrativeDate | None
    how: How
    widen: int = 0


@dataclass
class Timeline:
    """The dates of every sentence and the narrative's date before each."""

    dates: list[list[NarrativeDate]] = field(default_factory=list)
    context: list[NarrativeDate | None] = field(default_factory=list)   # in force before each sentence
    frames: list[NarrativeDate | None] = field(default_factory=list)    # the period that holds it
    problems: list = field(default_factory=list)   # impossible dates: (start, end, text, reason)


_PLUPERFECT = re.compile(r"\bhad\s+(?:(?:already|just|been|never|not|once|previously|earlier|also|first|"
                         r"long)\s+)*\w+(?:ed|en|wn|ft|un|ne|ht|rn|lt|pt|st|de|id|ng|ok|ot|ve)\b", re.IGNORECASE)
_FOREIGN_BEFORE = re.compile(r"\b(?:(?:(?:founded|established|built|created|written|published|dating from|dated|"
                             r"until|till|due to end|due to expire)\s+(?:in\s+|on\s+)?|since\s+)(?:the\s+)?"
                             r"(?:(?<=until the )(?:[a-z]+\s+){1,2}of\s+)?"   # "until the peace of 1905"
                             r"|(?:after|before)\s+)$", re.IGNORECASE)
_FOREIGN_HINT = re.compile(r"founded|established|built|created|written|published|dat|since|until|till|due|after|"
                           r"before", re.IGNORECASE)
# A bound that opens the sentence dates the sentence's own event ("Until June 1941 he lived in Tokyo"), and an
# "until" there runs from the narrative's date ("Until May 1949 the allies flew food into Tempelhof")
_OPENING_BOUND = re.compile(r"(?:Until|Till|Before|Up\s+to)\s+(?:the\s+)?")
_UNTIL_OPENS = re.compile(r"(?:Until|Till|Up\s+to)\s+(?:the\s+)?")
_UNTIL_CLAUSE = re.compile(r"\b(?:until|till)\s[^,;:()]{0,60}$")   # "…, until he retired in |October 1988"
_NUMBERS = {"a": 1, "an": 1} | NUMBER_WORDS
_NUMBER = "(?:" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r"|\d{1,2})"   # ("thirty-one" before "thirty")
_SHIFT = re.compile(rf"\b(?:(?:after|within)\s+(?P<n1>{_NUMBER})\s+(?P<u1>days?|weeks?|months?)"
                    rf"|(?P<n2>{_NUMBER})\s+(?P<u2>days?|weeks?|months?)\s+later"
                    rf"|the\s+(?:next|following)\s+(?P<u3>day|morning|evening|week|month))\b", re.IGNORECASE)
_KIN = re.compile(r"\b(?:" + "|".join(sorted(lexicon("kin"), key=len, reverse=True)) + r")\b", re.IGNORECASE)
# "That day", "the same week", "the next month" (the word boundary is checked after the first letter: a
# pattern that opens with a letter lets the regex engine skip to it, and this runs on most sentences)
ANAPHORA = re.compile(r"[Tt](?<!\w[Tt])h(?:at|e same|e next|e following)\s+(?:day|week|month|night|morning|evening)\b")
# A sentence can hold a date only if it has a four-digit number, a month's name or a year counted
# from another (footnote and citation numbers alone do not count).
_DIGIT_OR_MONTH = re.compile(r"(?<!\d)\d{4}(?!\d)|January|February|March|April|May|June|July|August|September|October|"
                             r"November|December|(?i:(?:that|same|following|next|previous|preceding|one|a) year)|"
                             r"(?i:(?:that|same|following|next|the)\s+(?:spring|summer|autumn|fall|winter))|"
                             r"years (?:later|earlier|after)|(?i:after\s+(?:[a-z]+\s+){1,4}?years?\b)|"
                             r"(?i:the\s+year\s+(?:before|after))")
# ("A year later" opens a sentence too; so does "After two and a half years at …")
# The same test, quick (most sentences hold no date): four digits in a row and a month's name are looked
# for by patterns that open with them, so that the regex engine skips to them; the rest of the test only
# where its letters are ("E(?i:ar)": no other character matches "e" regardless of case).
_FOUR_DIGITS = re.compile(r"\d{4}(?<!\d{5})(?!\d)")
_MONTH_NAME = re.compile(r"January|February|March|April|May|June|July|August|September|October|November|December")
_YEAR_OR_SEASON = re.compile(r"e(?i:ar)|E(?i:ar)|p(?i:ring)|P(?i:ring)|u(?i:mmer|tumn)|U(?i:mmer|tumn)"
                             r"|f(?i:all)|F(?i:all)|i(?i:nter)|I(?i:nter)")


def may_hold_date(sentence: str) -> bool:
    """Whether ``_DIGIT_OR_MONTH`` finds something in ``sentence``."""
    return bool(_FOUR_DIGITS.search(sentence) or _MONTH_NAME.search(sentence)
                or (_YEAR_OR_SEASON.search(sentence) and _DIGIT_OR_MONTH.search(sentence)))


@functools.cache
def _work_title() -> re.Pattern:
    """A noun of a work right before a date: its title follows."""
    return re.compile(rf"\b(?i:{_works()})\s+(?:of\s+)?$")


@functools.cache
def _work_after() -> re.Pattern:
    """A noun of a work right after a year: the year is the work's."""
    return re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?(?i:{_works()})\b")


def _works() -> str:
    return "|".join(sorted(lexicon("works")))


def _of_a_work(sentence: str, end: int) -> bool:
    """A year right before a noun of a work dates the work, not the narrative: "Chernyshevsky's 1863
    pro-revolutionary novel", "the 1867 book by Karl Marx"."""
    return sentence[end:end + 1].isspace() and _work_after().match(sentence, end) is not None


def _titled(sentence: str, start: int) -> bool:
    """A date right after a noun of a work is its title: "the novel August 1914", "the opening chapters
    of August 1914" (``data/lexicon/works.txt``)."""
    return sentence[start - 1:start].isspace() and _work_title().search(sentence, max(0, start - 24), start) is not None


# A date spanning more years than this sums a life up ("He lived from 1883 to 1954"): it moves no narrative.
_LONGEST_NARRATIVE_YEARS = 25


# The narrative's date -----------------------------------------------------------------------------
def timeline(narrative: Narrative, born: DateSpan | None = None, subject=None) -> Timeline:
    """Each sentence's dates, and the narrative date (and its period) in force before each one.

    With the subject (a ``lifemap.subject.Subject``) and when they were born (as the opening gives it,
    else the first sentence that tells their birth with a date), the subject's age dates its
    sentence: "at the age of thirteen he left school" is the year they turned thirteen or the next."""
    out = Timeline()
    text = narrative.text
    context: NarrativeDate | None = None
    dated: NarrativeDate | None = None               # the latest context that gives a year (no decade does)
    recent: list[NarrativeDate] = []
    frame, framed = None, (None, 0)
    war: NarrativeDate | None = None                 # a war a sentence was set in, of the last few
    summary = subject is not None and _opens_with_a_lifespan(narrative)
    for i, (a, b) in enumerate(narrative.spans):
        sentence = text[a:b]
        paragraph = narrative.paragraphs[i]
        if framed != (id(context), len(recent)):
            frame, framed = _frame(context, recent), (id(context), len(recent))
        out.context.append(context)
        out.frames.append(frame)
        found = []
        if may_hold_date(sentence):
            # "In 1919 … A legend cultivated in the 1930s … Oryol was retaken on 20 October": 1919's October
            year = int(dated.span.end[:4]) if dated else None
            mentions, problems = scan_dates(sentence, default_year=year, default_span=dated.span if dated else None)
            out.problems.extend((a + p.start, a + p.end, p.text, p.reason) for p in problems)
            for m in mentions:
                if _titled(sentence, m.start):
                    continue                           # "the novel August 1914": a work's title
                # (a year given earlier in the sentence is its own: "In the summer of 1941 …, and by September")
                span = _fit_year(m.span, dated, frame) if m.carried and not found else m.span
                foreign = (clauses.inside_brackets(sentence, m.start) and not _told_in_brackets(sentence, m, span)) \
                    or _of_a_work(sentence, m.end) or bool(
                    _FOREIGN_BEFORE.search(sentence[max(0, m.start - 30):m.start])
                    if _FOREIGN_HINT.search(sentence, max(0, m.start - 30), m.start) else False) and not (
                    _OPENING_BOUND.fullmatch(sentence, 0, m.start))   # "Until June 1941 he lived in Tokyo"
                # (against the sentence's own date before it too: "On 21 September 1820 he reached Kishinev,
                # which Russia had annexed in 1812")
                told_here = [d for d in found if not d.foreign and not d.look_back]
                look_back = not foreign and _looks_back(sentence, m.start, m.end, span,
                                                        told_here[-1] if told_here else context)
                found.append(NarrativeDate(span, m.text, a + m.start, a + m.end, i, paragraph, m.carried,
                                           look_back, foreign))
        found = _coordinated(found, text)
        shifted = _shifted(sentence, a, i, paragraph, found, context)
        if shifted is not None:
            found.append(shifted)
        if subject is not None:
            if born is None and found and _BORN.search(sentence) and _names_subject(sentence, subject):
                born = found[0].span
            # an age dates only a sentence without a date of its own, and moves the narrative only
            # where it is not there already (26 years old in 1919-20 when the story stands at 1920)
            aged = (_aged(sentence, a, i, paragraph, born, subject)
                    if born is not None and not any(not d.foreign for d in found) else None)
            if aged is not None and not (context is not None and aged.days[0] <= context.days[0] <= aged.days[1]):
                found.append(aged)
            elif aged is not None and aged.days[0] <= context.days[0] and context.days[1] <= aged.days[1]:
                # the age says the narrative's date still holds: "In June 1950 … Aged 19, he travelled to Moscow"
                # (not a broader one it only overlaps: "In the 1940s … Aged 20, she went to Kiev")
                found.append(replace(aged, span=context.span))
        # "During World War I, …" dates a sentence without a date of its own (1914–1918), but a period
        # that long does not move the narrative on
        named, began = _named_period(sentence, a, i, paragraph, context, war) if not found and _PERIOD_HINT.search(
            sentence) else ([], False)
        # (a war the sentence opens in: "During the First World War she …"; not one told in passing, "his son
        # would later die during the First World War")
        war = next((d for d in named if _WAR.search(d.text) and d.start - a <= _OPENS_WITHIN), war if war is None
                   or i - war.sentence < 3 else None)
        if began:
            found, named = named, []                   # "When the war broke out, …": its first year
        out.dates.append(found + named)
        if narrative.titles[i] and not is_year_heading(sentence):
            if summary and any(not t for t in narrative.titles[:i]):
                # the first heading after an opening that gives the lifespan, where it says the life is told again
                # from its start ("Early life", "Biography"), ends a summary of the whole life: the summary's last
                # date (a resignation in 1983) dates none of it ("After a year of school he …"; not "War")
                if _TOLD_AGAIN & {w.lower() for w in re.findall(r"[^\W\d_]+", sentence)}:
                    context, dated, recent, war = None, None, [], None
                summary = False
            continue                                   # a caption's date is not the narrative's
        # (a span of a lifetime, "He lived from 1883 to 1954", sums up: it moves no narrative)
        told = [d for d in found if not d.foreign and not d.look_back
                and int(d.span.end[:4]) - int(d.span.start[:4]) <= _LONGEST_NARRATIVE_YEARS]
        if told:
            context = told[-1]
            recent = (recent + told)[-8:]
            framed = (None, 0)
        elif context is not None and ANAPHORA.search(sentence):
            context = replace(context, sentence=i, paragraph=paragraph)   # "That month, …"
        if context is not None and context.span.precision != "decade":
            dated = context
    return out


def _opens_with_a_lifespan(narrative: Narrative) -> bool:
    """Whether the text's first sentence (after its title line, and no heading) gives a lifespan in brackets: a
    biography's opening, as an encyclopaedia writes it ("Sergei Diaghilev (1872 – 19 August 1929) was …")."""
    from ..subject import life_dates

    first = next((i for i, t in enumerate(narrative.titles) if not t), None)
    return first is not None and first <= 1 and any(life_dates(narrative.sentence(first)))


_TOLD_AGAIN = frozenset(sections("life_titles")["life_told_again"])


# not what something is about, before, for or against: "wrote about the end of …", "two years before the outbreak of
# …", "hoped for the end of …", "fearing the outbreak of …"
_NOT_ABOUT = r"(?<!\babout\s)(?<!\bof\s)(?<!\bbefore\s)(?<!\bfor\s)(?<!\bfearing\s)(?<!\bfeared\s)"


@functools.cache
def _named_periods() -> tuple[re.Pattern, dict[str, DateSpan]]:
    """The periods of ``data/lexicon/named_periods.txt``: a pattern for "during/in/throughout <name>"
    and each name's years."""
    spans: dict[str, DateSpan] = {}
    written: set[str] = set()
    for line in sorted(lexicon("named_periods")):
        years, *names = (part.strip() for part in line.split("|"))
        first, last = years.split()
        for name in names:   # years, or months where the period lay within a few weeks ("the July Days")
            spans[re.sub(r"^the\s+", "", name.lower())] = DateSpan.parse(first, last)
            written.add(re.sub(r"^the\s+", "", name))
    names = "|".join(re.escape(n) for n in sorted(spans, key=len, reverse=True))
    cased = "|".join(re.escape(n) for n in sorted(written, key=len, reverse=True))   # as the lexicon writes them
    # "during" or "throughout" it, or "In" it opening the sentence ("his behaviour in the war" is a topic);
    # or its outbreak: "When the First World War began, …" (group 2: its first year only); or what came
    # after it: "After the February Revolution, he …" (group 3: its last year only); or that "found" them
    # somewhere: "The February Revolution found him in Vladikavkaz" (group 4)
    pattern = re.compile(rf"(?:\b(?i:during|throughout)|^In)\s+(?:the\s+)?((?i:{names}))\b"
                         rf"|\b(?i:when|after|as|once|soon after)\s+(?:the\s+)?((?i:{names}))\s+"
                         rf"(?:began|broke\s+out|started|erupted)\b"
                         rf"|\b(?i:after|following)\s+(?:the\s+)?((?i:{names}))\b(?!['’])"
                         rf"|^(?:The\s+)?((?i:{names}))\s+found\s+(?:him|her|them|[A-Z]\w+)\b"
                         # its outbreak or its end (group 5: its first year; group 6: its last): "At the outbreak
                         # of the First World War …", "The end of the First World War was followed by …"; by the
                         # name as the lexicon writes it, and not as what something is about ("wrote about the end
                         # of the Civil War", "a memoir of the outbreak of the Great War", "the civil war in Spain")
                         rf"|{_NOT_ABOUT}\b[Tt]he\s+(?:outbreak|beginning|start)\s+of\s+(?:the\s+)?({cased})"
                         rf"\b(?!['’])"
                         rf"|{_NOT_ABOUT}\b[Tt]he\s+(?:end|close)\s+of\s+(?:the\s+)?({cased})\b(?!['’])")
    return pattern, spans


_WAR = re.compile(r"\b(?i:war)\b")
_OPENS_WITHIN = 3          # characters before a period's phrase that still opens its sentence ("(During …")
_AFTER_THE_WAR = re.compile(r"\b(?i:after|following)\s+the\s+war\b"
                            r"(?!\s+(?:of|in|against|with|between|began|broke|started|erupted|had|was)\b)")
# (each opens with a letter: quick)
_PERIOD_HINT = re.compile(r"War|war|urge|Terror|terror|lan\b|NEP|omor|chin|evolution|Days|ffair|utsch|ebellion|"
                          r"prising|utiny|evolt")


def _named_period(sentence: str, a: int, i: int, paragraph: int, context: NarrativeDate | None = None,
                  war: NarrativeDate | None = None) -> tuple[list[NarrativeDate], bool]:
    """The named period a sentence is set in, and whether the narrative moves with it (to its outbreak,
    its first year, or past its end, its last year). "After the war" is after the shortest war of
    the lexicon the narrative stands in (1942: the Great Patriotic War, 1945), else after ``war``, one a
    sentence just before was set in ("In 1911 … During the First World War she … After the war she …": 1918)."""
    pattern, spans = _named_periods()
    m = pattern.search(sentence)
    if m is None:
        after = _AFTER_THE_WAR.search(sentence) if context is not None else None
        if after is None:
            return [], False
        year = int(context.span.end[:4])
        wars = [span for name, span in spans.items()
                if "war" in name and int(span.start[:4]) <= year <= int(span.end[:4])]
        if not wars and war is not None and war.span.first_day > context.span.last_day:
            wars = [war.span]
        if not wars:
            return [], False
        end = min(wars, key=lambda span: span.last_day - span.first_day).end[:4]
        return [NarrativeDate(DateSpan(end, end, "year"), after.group(), a + after.start(), a + after.end(), i,
                              paragraph)], True
    span = spans[next(g for g in m.groups() if g).lower()]
    if m.group(2) or m.group(5):
        span = DateSpan(span.start, span.start, span.precision)
    elif m.group(3) or m.group(6):
        span = DateSpan(span.end, span.end, span.precision)
    # a period before the date the narrative stands at is a look back: it dates its sentence only ("In
    # 1935 … He had joined the party after the October Revolution.")
    back = context is not None and int(span.end[:4]) < int(context.span.start[:4])
    return [NarrativeDate(span, m.group(), a + m.start(), a + m.end(), i, paragraph)], bool(
        m.group(2) or m.group(3) or m.group(5) or m.group(6)) and not back


_AND = re.compile(r"\s*(?:and|&)\s*(?:again\s+(?:in\s+)?)?")


def _coordinated(found: list[NarrativeDate], text: str) -> list[NarrativeDate]:
    """"in 1936 and 1937": two dates joined by "and", the second after the first, are one span."""
    out: list[NarrativeDate] = []
    for d in found:
        prev = out[-1] if out else None
        if (prev is not None and not prev.foreign and not d.foreign and _AND.fullmatch(text[prev.end:d.start])
                and d.span.first_day > prev.span.last_day):
            precision = max(prev.span.precision, d.span.precision, key=PRECISIONS.index)
            if precision == "season":
                precision = "month"
            span = DateSpan(prev.span.start, d.span.end, precision, "", prev.span.calendar)
            out[-1] = replace(prev, span=span, text=text[prev.start:d.end], end=d.end)
            continue
        out.append(d)
    return out


def _frame(context: NarrativeDate | None, recent: list[NarrativeDate]) -> NarrativeDate | None:
    """The latest named period (a season, a year or longer) that holds the narrative date: "the
    winter of 1916–17" for "December"."""
    if context is None:
        return None
    first, last = context.days
    for d in reversed(recent):
        if d is context:
            continue
        f, l = d.days
        coarse = d.span.precision in ("season", "year", "decade") or (l - f).days > 80
        if coarse and f <= first and last <= l and (f, l) != (first, last):
            return d
    return None


def _fit_year(span: DateSpan, context: NarrativeDate | None, frame: NarrativeDate | None) -> DateSpan:
    """A year-less date takes the year of the period that holds its month: "in December" after
    "the winter of 1916–17" is December 1916, not 1917; after a date of a few months it is in the next
    year if its month lies more than half a year before theirs ("December 1492 … on 6 January")."""
    if len(span.start) < 7 or span.start[:4] != span.end[:4]:
        return span
    if (context is not None and context.span.start[:4] == context.span.end[:4] == span.start[:4]
            and len(context.span.start) >= 7 and int(context.span.end[5:7]) - int(context.span.start[5:7]) < 3
            and int(context.span.start[5:7]) - int(span.start[5:7]) > 6):
        year = int(span.start[:4]) + 1             # "… in December 1492. … on 6 January": 1493
        return replace(span, start=f"{year}{span.start[4:]}", end=f"{year}{span.end[4:]}")
    holder = context if context is not None and context.span.start[:4] != context.span.end[:4] else frame
    if holder is None:
        return span
    y0, y1 = int(holder.span.start[:4]), int(holder.span.end[:4])
    if y0 == y1 or (holder is frame and frame.span.precision not in ("season", "month")):
        return span                                # a frame of years ("1918–1921") leaves the narrative's year
    month = int(span.start[5:7])
    fits = years_holding(holder.span, month)
    if holder is frame and len(fits) != 1:
        return span                                # a month the frame holds in more than one year ("from January
        #                                            1937 until March 1947"): the narrative's year
    first_month = int(holder.span.start[5:7] or 1)
    year = fits[0] if len(fits) == 1 else y0 if month >= first_month else y1
    if year == int(span.start[:4]):
        return span
    return replace(span, start=f"{year}{span.start[4:]}", end=f"{year}{span.end[4:]}")


def _looks_back(sentence: str, start: int, end: int, span: DateSpan, context: NarrativeDate | None) -> bool:
    """A date earlier than the narrative in a pluperfect clause or before a noun ("the 1915 trial")."""
    if context is None or span.last_day >= context.days[0]:
        return False
    lo, hi = clauses.clause_around(sentence, start)
    if _PLUPERFECT.search(sentence[lo:hi]):
        return True
    if _NOUN_OF.search(sentence, max(0, start - 40), start):
        return True                                # "General Raevsky, the hero of 1812, …"
    # (not a season: "In the summer of 1918 he …" is no look back)
    return not _SEASON_WORD.match(sentence, start) and bool(_NOUN_NEXT.match(sentence, end)) \
        and bool(_DETERMINER_BEFORE.search(sentence, max(0, start - 8), start))


_SEASON_WORD = re.compile(r"(?i:winter|spring|summer|autumn|fall)\b")
_NOUN_NEXT = re.compile(r"\s+[a-z]+")
# A noun that the year qualifies, not a part of the year ("the end of 1905", "the summer of 1918")
_NOUN_OF = re.compile(r"\b(?:the|a|an|his|her|their)\s+(?:[a-z]+\s+){0,2}(?!(?:end|beginning|start|middle|course|"
                      r"turn|close|spring|summer|autumn|fall|winter|part|half|rest|months?|years?|days?|weeks?|"
                      r"night|morning|evening|afternoon|eve|dawn)\s)[a-z]+\s+of\s+$")   # ("the night of 8–9 November")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their)\s+$")


def _shifted(sentence, a, i, paragraph, found, context) -> NarrativeDate | None:
    """"After two months", "four weeks later", "the next day": the narrative date moved on by that much
    (a day only from a day)."""
    if "week" not in sentence and "month" not in sentence and "day" not in sentence \
            and "following" not in sentence and "next" not in sentence:
        return None
    m = _SHIFT.search(sentence)
    if m is None:
        return None
    base = [d for d in found if d.start - a < m.start() and not d.foreign and not d.look_back]
    base_date = base[-1] if base else context
    if base_date is None or base_date.span.precision not in ("day", "month"):
        return None
    n = m.group("n1") or m.group("n2") or "1"
    n = int(n) if n.isdigit() else _NUMBERS[n.lower()]
    unit = (m.group("u1") or m.group("u2") or m.group("u3")).lower()
    first, last = base_date.span.first_day, base_date.span.last_day
    if unit.startswith(("day", "morning", "evening")):
        if base_date.span.precision != "day" or first != last:
            return None                            # "the next day" after a month is no day
        day = first + dt.timedelta(days=n)
        span = DateSpan(day.isoformat(), day.isoformat(), "day", "", base_date.span.calendar)
        return NarrativeDate(span, m.group(), a + m.start(), a + m.end(), i, paragraph, True)
    if unit.startswith("week"):
        first, last = first + dt.timedelta(days=7 * n), last + dt.timedelta(days=7 * n)
    else:
        first, last = _add_months(first, n), _add_months(last, n)
    start, end = f"{first.year:04d}-{first.month:02d}", f"{last.year:04d}-{last.month:02d}"
    span = DateSpan(start, end, "month", "", base_date.span.calendar)
    return NarrativeDate(span, m.group(), a + m.start(), a + m.end(), i, paragraph, True)


_BORN = re.compile(r"\b(?:was|were)\s+born\b")
_A_BIRTH = re.compile(r"\b(?i:born|birth)\b")   # ("Stalin, born in Gori on 18 December 1878, …", "his birth fell on")
_AGE_NUMBERS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_AGE_NUMBERS.update({w: 10 * n for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)})
# A cardinal number, in digits or words, up to 999 (also how many people are together: ``actors``)
CARDINAL = (r"(?:\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|"
            r"six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            r"(?:thir|four|fif|six|seven|eigh|nine)teen)")
_ABOUT = r"(?:(?:about|around|nearly|almost|only|just|barely|some)\s+)?"
_AGE = re.compile(
    rf"\b(?:at\s+(?:the\s+)?age\s+of\s+{_ABOUT}(?P<n1>{CARDINAL})(?:\s+(?:or|to)\s+(?P<m1>{CARDINAL}))?"
    rf"|at\s+age\s+(?P<n2>{CARDINAL})|[Aa]ged\s+{_ABOUT}(?P<n3>{CARDINAL})"
    rf"|{_ABOUT}(?P<n4>{CARDINAL})(?:\s+(?:or|to)\s+(?P<m4>{CARDINAL}))?\s+years?\s+(?:old|of\s+age))\b",
    re.IGNORECASE)
# "when he was eleven": the bare number ends the clause (not "when he was one of the leaders", "was 20 km")
_WHEN_AGED = re.compile(rf"\b[Ww]hen\s+(?:he|she)\s+was\s+{_ABOUT}(?P<n6>{CARDINAL})(?=\s*[,.;)]|\s+and\b)")


# An age as a sentence's opening, in words, before its subject: "At sixteen he left home" (not "At 10 he …",
# an hour, nor "At one point")
_AT_AGE = re.compile(r"At\s+(?P<n5>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty)(?:-(?:one|two|three|four|"
                     r"five|six|seven|eight|nine))?|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty|forty|fifty|sixty|seventy|eighty)"
                     r",?\s+(?=he\b|she\b|[A-Z])")


# What every match of _AGE holds, "age" or "old" opening a word (or "ald", "oge": it is only a first
# look), looked for first: most sentences with "age" or "old" have "village" or "told", no age. (The
# letter first and the word boundary after it lets the regex engine skip to the letter.)
_AGE_WORD = re.compile(r"[aAoO](?<!\w.)(?i:ge|ld)")


def _age_number(word: str) -> int:
    word = word.lower().replace(" ", "-")
    if word.isdigit():
        return int(word)
    tens, _, unit = word.partition("-")
    return _AGE_NUMBERS[tens] + (_AGE_NUMBERS[unit] if unit else 0)


def _names_subject(sentence: str, subject) -> bool:
    return bool(re.search(rf"\b{subject.pronoun}\b", sentence, re.IGNORECASE)) or subject.is_named(sentence)


def _aged(sentence: str, a: int, i: int, paragraph: int, born: DateSpan, subject) -> NarrativeDate | None:
    """The subject's age as a date: the years they were that old ("at the age of thirteen": from the
    thirteenth birthday to the day before the fourteenth), where the age is theirs: their clause, no
    one of their kin named before it ("his father, aged fifty")."""
    m = _AGE.search(sentence) if ("age" in sentence or "old" in sentence or sentence.startswith("Aged")) and \
        _AGE_WORD.search(sentence) else None                 # ("Aged 19, he travelled by train to Moscow")
    if m is None:
        m = _AT_AGE.match(sentence)                # "At sixteen he went to Kazan"
    if m is None and "hen " in sentence:
        m = _WHEN_AGED.search(sentence)            # "… moved to Penza when he was eleven"
    if m is None:
        return None
    lo, hi = clauses.clause_around(sentence, m.start())
    if m.start() == 0 and sentence.startswith(",", m.end()):
        # "Aged 19, he travelled …": the clause it leads, if the subject leads it (not "Aged 19, Zhukov's nephew …")
        if _ANOTHERS_LEAD.match(sentence, m.end()):
            return None                                # ("Aged 19, Zhukov's nephew …", "Aged 19, his brother …")
        hi = clauses.clause_around(sentence, m.end() + 2)[1]
    if not _names_subject(sentence[lo:hi], subject) or _KIN.search(sentence, lo, m.start()):
        return None
    groups = m.groupdict()
    n = _age_number(next(g for g in groups.values() if g))
    more = groups.get("m1") or groups.get("m4")
    last = max(n, _age_number(more)) if more else n
    if not 0 < n <= last < 120:
        return None
    year = born.first_day.year
    span = DateSpan(str(year + n), str(year + last + 1), "year")
    return NarrativeDate(span, m.group(), a + m.start(), a + m.end(), i, paragraph, True)


# The one a leading age is said of, when not the subject: someone's kin ("Aged 19, Zhukov's nephew …")
_ANOTHERS_LEAD = re.compile(r",\s+(?:[A-Z][\w-]*['’]s|(?:his|her|their)\s+(?:[a-z]+\s+)?(?:" +
                            "|".join(sorted(lexicon("kin"))) + r"))\b")


def _add_months(day: dt.date, n: int) -> dt.date:
    month = day.month - 1 + n
    return dt.date(day.year + month // 12, month % 12 + 1, 1)


def widen(span: DateSpan) -> DateSpan:
    """One step less precise: a day becomes its month, a month or season its year(s)."""
    if span.precision == "day":
        return DateSpan(span.start[:7], span.end[:7], "month", "", span.calendar)
    if span.precision in ("month", "season"):
        return DateSpan(span.start[:4], span.end[:4], "year", "", span.calendar)
    return span


# An event's date ----------------------------------------------------------------------------------
def date_for(narrative: Narrative, line: Timeline, i: int, start: int, end: int, same_event_next,
             options: ExtractOptions, lasting: bool = True, places: tuple[tuple[int, int], ...] = ()) -> DateChoice:
    """The date of the event named at ``start``..``end`` of sentence ``i`` (text offsets);
    ``same_event_next(i)`` says whether sentence ``i + 1`` tells the same event. An "until" date later
    in its clause ends it: "worked in Tiflis and Moscow until 1908" runs from its date to 1908. An event
    that is over when it happens (not ``lasting``: a birth, a death, a renaming) keeps its own date: "In
    1926 Pishpek was renamed Frunze, a name the city kept until 1991" is 1926. ``places``: where the sentence's
    places kept as events stand, (start, end) in the text (this one's among them)."""
    choice = _date_for(narrative, line, i, start, end, same_event_next, options, places)
    if choice.date is None or not lasting:
        return choice
    context = line.context[i]
    if (context is not None and choice.date.start < start and _AFTER_YEARS.match(choice.date.text)
            and _YEARS_AT.fullmatch(narrative.text, choice.date.end, start)
            and context.span.start < choice.date.span.start):
        # "After two and a half years at Lepoglava, he …": he was there from the narrative's date for those years
        span = DateSpan(context.span.start[:4], choice.date.span.end, "year", "", choice.date.span.calendar)
        return replace(choice, date=replace(choice.date, span=span))
    a, b = narrative.spans[i]
    sentence = narrative.text[a:b]
    if context is not None and context.span.first_day < choice.date.span.first_day and (
            choice.date.start < start and _UNTIL_OPENS.fullmatch(sentence, 0, choice.date.start - a)
            or choice.date.start >= end and _UNTIL_CLAUSE.search(narrative.text, end, choice.date.start)):
        # "Until May 1949 the Western allies kept the city alive by air": from the narrative's date to then; so
        # is a stay whose only date is its end's: "lived in Ufa, where she taught, until she was released in 1901"
        precision = max(context.span.precision, choice.date.span.precision, key=PRECISIONS.index)
        span = DateSpan(context.span.start, choice.date.span.end, "month" if precision == "season" else precision,
                        "", choice.date.span.calendar)
        return replace(choice, date=replace(choice.date, span=span))
    if choice.how is How.OWN and choice.date.end <= start and choice.date.span.start[:4] != choice.date.span.end[:4] \
            and _then_moves(sentence, choice.date.end - a, start - a):
        # "lived in Paris from late 1880 to 1881, and then went back to Switzerland": the next step, at the span's end
        return replace(choice, date=replace(choice.date, span=_last_year(choice.date.span)))
    others = _others(places, start, a)
    # (a later clause's length, only for a stay not told by its day: "made her first jump there on 21 May 1959,
    # and over the next two years she …" was one day)
    lo, hi = stay_clause(sentence, start - a, end - a, others, lengths=choice.date.span.precision != "day")
    lasted = _lasted(sentence, lo, hi, start - a, choice.date, a)
    if lasted is not None:
        return replace(choice, date=replace(choice.date, span=lasted))
    until = next((d for d in line.dates[i] if d.foreign and end <= d.start < a + hi and _UNTIL.search(
        narrative.text, max(a, d.start - 30), d.start) and not _ANOTHERS_HOLD.search(narrative.text, end, d.start)),
                 None) or _completed(narrative, line, i, end, hi) \
        or _there_until(narrative, line, i, end, others, choice.date.span) or _until_before(narrative, line, i, start)
    if until is None or until.span.last_day < choice.date.span.first_day or until is choice.date:
        return choice
    precision = max(choice.date.span.precision, until.span.precision, key=PRECISIONS.index)
    span = DateSpan(choice.date.span.start, until.span.end, "month" if precision == "season" else precision,
                    "", choice.date.span.calendar)
    return replace(choice, date=replace(choice.date, span=span))


# What the place is, and someone else's clause about it: "…at Legnica in Lower Silesia, a town the Soviet army was to
# keep until 1993" (its "until" is the army's; not "a town he was to call home until 1950")
_ANOTHERS_HOLD = re.compile(r",\s+(?:a|an|the)\s+(?:[a-z-]+\s+)?(?:town|city|village|port|fortress|base|region)\s+"
                            r"(?:that\s+|which\s+)?(?!(?:he|she|they)\b)(?:the\s+)?[A-Za-z][\w-]*\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:was|were|had|would|kept|held|ruled|occupied)\b")


def _until_before(narrative: Narrative, line: Timeline, i: int, start: int) -> NarrativeDate | None:
    """An "until" date before the place at ``start`` that ends it: what the sentence says lasted until it, for a
    place in the participle phrase after it ("… a tour of the provinces that lasted until the end of March 1914,
    appearing in Kharkov, Simferopol …"); or one that opens the place's clause, after the sentence's first
    ("…, and until 1907 the children were shuttled between Baku and Tiflis"; one that opens the sentence is the
    narrative's own, ``_UNTIL_OPENS``)."""
    a, b = narrative.spans[i]
    sentence = narrative.text[a:b]
    pos, before = start - a, [d for d in line.dates[i] if d.end <= start]
    for d in before:
        lo, hi = d.start - a, d.end - a
        if _LASTED_UNTIL.search(sentence, max(0, lo - 40), lo) and _PHRASE_AFTER.match(sentence, hi) \
                and not _ANOTHER_CLAUSE.search(sentence, hi, pos):
            return d
    return next((d for d in before if _UNTIL_OPENS_LATER.search(sentence, 0, d.start - a)
                 and not clauses.split(sentence, d.end - a, pos)), None)


_UNTIL_OPENS_LATER = re.compile(r",\s+(?:and|but)\s+(?:until|till)\s+(?:the\s+)?$")
_LASTED_UNTIL = re.compile(r"\b(?:(?:lasted|went\s+on|continued)\s+|(?:stayed|remained)\s+[^,;.]{0,40}?)"
                           r"(?:until|till)\s+(?:the\s+)?$")
_PHRASE_AFTER = re.compile(r",\s+(?:first\s+|later\s+|then\s+)?[a-z]{3,}ing\b")   # ", appearing", ", first commanding"
_ANOTHER_CLAUSE = re.compile(r"[;.]|,\s+(?:and|but)\s")   # (the phrase goes on to the place: no clause between)


def _completed(narrative: Narrative, line: Timeline, i: int, end: int, hi: int) -> NarrativeDate | None:
    """The date a course at the place was completed, told after it in its clause, its "where" clause or a
    "which" clause on it: "transferred to Moscow University, where he studied chemistry and graduated in
    1929", "sent to the infantry school at Poltava, from which he graduated in 1922"."""
    a, b = narrative.spans[i]
    after = _NAME_TAIL.match(narrative.text, end).end()   # (the rest of the site's name: "Moscow| University")
    if _WHICH_AFTER.match(narrative.text, after) or _WHERE_AFTER.match(narrative.text, after):
        hi = b - a                                 # (the relative clause's predicates run on: "where he studied
        #                                            chemistry … and graduated in 1929")
    return next((d for d in line.dates[i] if end <= d.start < a + hi and _COMPLETED.search(
        narrative.text, max(end, d.start - 100), d.start)
        and not _OTHER_SUBJECT.search(narrative.text, end, d.start)), None)


# A course's end: "graduated in 1929", "completed a diploma project, the SK-4, in 1929"
_COMPLETED = re.compile(r"\b(?:graduat|complet|finish)(?:ed|ing)\b[^;.]{0,80}?\b(?:in|on)\s+(?:the\s+[a-z]+\s+of\s+)?$")
# A "which" clause on the place: ", which he completed in 1908", ", from which he graduated"
_WHICH_AFTER = re.compile(r",\s+(?:from\s+)?which\s+(?:he|she)\b")
_NAME_TAIL = re.compile(r"(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]*)*")
_OTHER_SUBJECT = re.compile(r";|,\s+(?:and|but|while)\s+(?!(?:he|she|then|later)\b)")


def _there_later(narrative: Narrative, line: Timeline, i: int, end: int,
                 others: tuple[int, ...]) -> NarrativeDate | None:
    """The latest date of a later clause of the sentence that has its subject still at the place ("there", "from
    the same city"), no other place named before it: "he was sent to China in 1926 …, and from 1927 to 1929 he
    worked there" stays to 1929, "sent in 1925 to London …, and he was still there in May 1927" to May 1927
    (not "…, and in 1930 he returned there", a stay of its own, nor "…, and in 1925 his son was born there")."""
    a, b = narrative.spans[i]
    sentence = narrative.text[a:b]
    if "there" not in sentence and "same" not in sentence:
        return None                                # (most sentences: the pattern's scan is the cost)
    later = _THERE_LATER.match(sentence, end - a)
    if later is None or any(end - a <= o < later.end() for o in others):
        return None
    hi = clauses.clause_around(sentence, later.end() - 1)[1]
    if _BACK_THERE.search(sentence, later.start("clause"), hi):
        return None                                # (also after "there": "he served there again")
    dates = [d for d in line.dates[i] if a + later.start("clause") <= d.start < a + hi]
    return max(dates, key=lambda d: d.span.last_day, default=None)


def _there_until(narrative: Narrative, line: Timeline, i: int, end: int, others: tuple[int, ...],
                 since: DateSpan) -> NarrativeDate | None:
    """``_there_later`` for a stay dated ``since``: only a stay told at one date (not "from 1914 to 1919"), and only
    a later date that ends after it."""
    if since.start[:4] != since.end[:4]:
        return None
    later = _there_later(narrative, line, i, end, others)
    if later is None or not since.last_day < later.span.last_day or \
            later.span.last_day.year - since.last_day.year > _THERE_YEARS:
        return None                                # (years on, "and in 1941 he commanded the defence there" is a
    return later                                   # return, not the same stay)


_THERE_YEARS = 5     # how many years on a later clause "there" may still tell the same stay


# A later clause of the sentence, of the same subject, that is still at the place: ", and from 1927 to 1929 he worked
# there", ", and he was still there in May 1927", ", and spent 1919 and much of 1920 there"
_THERE_LATER = re.compile(r"[^.;:()]{0,120}?,?\s+(?P<clause>and\s+(?:(?:then\s+|later\s+)?(?:in|from|by|during|on)\s+"
                          r"(?:(?:early|late|the\s+[a-z]+\s+of)\s+)?(?:\d{1,2}\s+)?"
                          r"(?:(?:" + _MONTH_NAME.pattern + r")\s+)?"
                          r"\d{4}(?:\s+(?:to|until)\s+\d{4})?,?\s+)?(?:(?:he|she)\s+(?:[a-z]+ly\s+)?)?"
                          r"(?:was\s+still|were\s+still|remained|stayed|lived|worked|served|taught|studied|led|headed|"
                          r"ran|spent|met|organi[sz]ed|edited|commanded|directed|managed|was\s+kept|was\s+held)\b"
                          r"[^.;:()]{0,120}?\b(?:there|(?:from|in|at)\s+the\s+same\s+(?:city|town|place)))\b")
# (the clause's own subject, or none, and a verb of staying or working there: not "the famine raged there", "a
# street there was named after him", "he described his life there", "he was sent there again")
_BACK_THERE = re.compile(r"\b(?:again|never|not|no\s+longer|once\s+more)\b|n['’]t\b")


# How long a stay lasted: "where he was to live for the next ten years", "spent five years with a regiment
# stationed in Baku", "served four years of exile in Omsk", "over the next four years", "for more than a year"
_LASTED = re.compile(rf"\b(?:(?:for|over|spent|served)\s+(?:(?:most|much)\s+of\s+)?(?:the\s+)?"
                     rf"|the\s+(?={_NUMBER}\s+(?:years?|months?)\s+(?:that\s+)?(?:he|she|they)\s+spent\s+there\b"
                     rf"(?!\s+as\s+an?\s)))"   # (not "the two years he spent there as a boy": a look back)
                     rf"(?:(?P<next>next|following)\s+|(?:another|nearly|almost|about|some|more\s+than|over)\s+)?"
                     rf"(?:(?P<n>{_NUMBER})(?:\s+and\s+a\s+half)?\s+(?P<unit>years?|months?|decades?)"
                     rf"|(?:(?<=next\s)|(?<=following\s))(?P<one>year|month))\b(?!['’])",
                     re.IGNORECASE)   # (a year with no number: "for the next year"; not "the next year's congress")
_STAYING = ("stay", "detention")     # "lived there for ten years", "was held for a year"
_HEADING = frozenset("head command govern lead run direct administer".split())   # "headed the army there for two years"
_CAPITAL_WORD = re.compile(r"\b[A-Z]")
_POST_HELD = re.compile(r",\s+(?:a|an|the)\s+(?:[a-z-]+\s+)?(?:post|position|office|command)\s+(?:that\s+|which\s+)?"
                        r"(?:he|she)\s+(?:[a-z]+ly\s+)?$")


def _opens_its_stay(sentence: str, pos: int, verb: int, length_end: int) -> bool:
    """Whether the place at ``pos`` opens the sentence and the verb at ``verb`` (the length's) is its clause's first
    after it, with no name after the length in that clause: "In Kiev he organised shoemakers over the next four
    years" (not "In Moscow he was arrested and spent four years in prison", nor "At Kazan he studied law and then
    worked for three years in Samara": a second reader's cases)."""
    return _PLACE_OPENS.fullmatch(sentence, 0, pos) is not None and not any(
        t.tag is T.VERB and t.start < verb for t in tag(sentence, pos, verb)) and not _CAPITAL_WORD.search(
        sentence, length_end, clauses.clause_around(sentence, pos)[1])


# the place opens the sentence: the verb after it is the main clause's, whose time the length tells
_PLACE_OPENS = re.compile(r"(?:In|At)\s+(?:the\s+)?")


def _post_held(sentence: str, pos: int, held: int, length: int) -> bool:
    """Whether the verb at ``held`` tells how long (``length``: where it is told) a post named right after the place
    at ``pos`` was held ("back in Kharkov as commander of the district, a post he held for ten years"), a post held
    there: no verb between (not "in Kharkov and was then named commander in Moscow, a post …", "arrived in Odessa
    to lead the army, a post …"), nor another place after it ("a post he held in Kiev for ten years"), not a place
    left ("returned from Kharkov") nor one visited or passed through ("visited Kiev as deputy commissar, a
    post …")."""
    if _CAPITAL_WORD.search(sentence, held, length):
        return False
    post = _POST_HELD.search(sentence, max(pos, held - 60), held)
    if post is None or any(t.tag in (T.VERB, T.TO) for t in tag(sentence, pos, post.start())):
        return False
    before = [t for t in tag(sentence, max(0, pos - 60), pos) if t.tag in (T.VERB, T.PREP)]
    if before and before[-1].tag is T.PREP and before[-1].text.lower() == "from":
        return False
    verb = next((t for t in reversed(before) if t.tag is T.VERB), None)
    return verb is None or not (verb.vclass == "meeting" or verb.lemma in lexicon("passing_verbs"))


_FROM_THEN = re.compile(r"\s+(?:from|since)\s+")   # the length, then the date it counts from
_OPENS_CLAUSE = re.compile(r"[\s,]*(?:(?i:and|but|then),?\s+)?")   # what may stand before a length told first
# The clause that tells what happened at the place: "Butyrka prison in Moscow, where he …", "Nikolina Gora,
# on the Moscow River west of the capital, where he …" (where it lies, said between)
_WHERE_AFTER = re.compile(r"(?:\s+(?:in|at|near)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
                          r"|,\s+(?:in|on|at|near|by|outside)\s+[^,;()]{1,60}"
                          r"|,\s+(?:the|a|an)\s+[^,;()]{1,60}"
                          r"|,\s+(?:(?:just|some|\d+\s+(?:km|kilometres|miles))\s+)?(?:north|south|east|west)"
                          r"(?:-?(?:east|west))?(?:ern)?\s+of\s+[^,;()]{1,40}"
                          r"|\s+(?:in|on)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4})?,?\s+"
                          r"(?:where|which\s+(?:remained|was\s+to\s+remain)\s+(?:his|her|their))\b")
# (and the place's date between: "enrolled at the Gori church school in 1888, where he remained until 1894"; what
# the place is: "moved to Kaunas, the capital of independent Lithuania, where he stayed until 1930"; a home: "moved
# to Paris, which remained his base until 1923"; where it lies: "bought an estate at Melikhovo, south of Moscow, where
# he lived until 1899")


# A later clause of the sentence that keeps its subject at the place: ", and she remained there"
_THERE_AFTER = re.compile(r"[^.;:]{0,120}?,?\s+and\s+(?:(?:he|she|they)\s+(?:[a-z]+ly\s+)?"
                          r"(?:remained|stayed|lived|worked|settled|served)\s+(?:[a-z]+\s+){0,3}?there"
                          rf"|(?P<spent>the\s+{_NUMBER}\s+(?:years?|months?)\s+(?:that\s+)?(?:he|she|they)\s+spent\s+"
                          r"there))\b")
# (", and the four years he spent there were …": the length of the stay, if "there" is no place named between;
# "…; she stayed for thirty-one years": staying on is staying there)
# (the length alone ends its clause: not "stayed for two years in Berlin", "remained for ten years abroad", "with her
# aunt", "a member of the party"; and the place is not one left: "fled from Odessa; he remained for ten years")
_STAYED_ON_AFTER = re.compile(rf"[^.;:]{{0,120}}?(?:;|,?\s+and)\s+(?:he|she|they)\s+(?:stayed|remained)\s+(?:on\s+)?"
                              rf"for\s+(?:(?:nearly|almost|about|some|another|over|more\s+than)\s+)?{_NUMBER}"
                              r"(?:\s+and\s+a\s+half)?\s+(?:years?|months?)(?=\s*(?:[.;]|$))")
_LEFT_BEFORE = re.compile(r"\b(?i:from|left|leaving|fled|escaped|out\s+of)\s+(?:the\s+)?$")
# A later clause of the sentence that opens with how long its subject went on: ", and for six years he presided"
_LENGTH_AFTER = re.compile(rf"[^.;:]{{0,120}}?,?\s+and\s+(?:for|over)\s+(?:the\s+next\s+)?{_NUMBER}\s+"
                           r"(?:years?|months?)\s+(?:he|she|they)\b")


def stay_clause(sentence: str, pos: int, end: int, others: tuple[int, ...] = (),
                 lengths: bool = False) -> tuple[int, int]:
    """The clause of the place at ``pos``..``end``, through the "where" clause after it if there is one:
    what it says of how long the stay lasted ("Turkestan, where he worked … until 1922") is the place's,
    and through a later clause that keeps its subject "there" (the years spent there, if no other place,
    ``others`` the starts of the sentence's other places, is named before it: "moved to Kiev, then to
    Odessa, and the three years he spent there")."""
    lo, hi = clauses.clause_around(sentence, pos)
    end = _NAME_TAIL.match(sentence, end).end()    # (the rest of the site's name: "Vladivostok| Commercial School")
    where = _WHERE_AFTER.match(sentence, end)
    if where is not None:
        hi = max(hi, clauses.clause_around(sentence, where.end() - 1)[1])
    there = _THERE_AFTER.match(sentence, end)
    if there is not None and not (there.group("spent") and any(end <= o < there.end() for o in others)):
        hi = max(hi, clauses.clause_around(sentence, there.end() - 1)[1])   # "…, and she remained there until 1930"
    stayed = _STAYED_ON_AFTER.match(sentence, end)
    if stayed is not None and not any(end <= o < stayed.end() for o in others) and not _LEFT_BEFORE.search(
            sentence, max(0, pos - 20), pos):
        hi = max(hi, clauses.clause_around(sentence, stayed.end() - 1)[1])  # "went to Berlin …; she stayed for"
    length = _LENGTH_AFTER.match(sentence, end) if lengths else None
    stop = clauses.clause_around(sentence, length.end() - 1)[1] if length is not None else 0
    if length is not None and not any(end <= o < stop for o in others):
        hi = max(hi, stop)                         # "…, and for six years he presided …" (not "…, and for six
        #                                            years he taught in Kiev": that clause's own place)
    return lo, hi


def _lasted(sentence: str, lo: int, hi: int, pos: int, date: NarrativeDate, a: int) -> DateSpan | None:
    """The span of a stay said to last so long, from the start of its date: "In 1930 she … lived in
    Stockholm for the next fifteen years" is 1930–1945. The length must be the stay's: in the place's
    clause or in the "where" clause after it, with a verb of staying ("spent", "lived", not the term of
    a sentence: "banished to Simbirsk for two years"), told after the date it counts from ("For the next
    nine years … to Paris at the end of 1908" is no stay from 1908), and of a date of one year, season,
    month or day."""
    span = date.span
    if span.start[:4] != span.end[:4] and span.precision != "season":
        return None
    m = _LASTED.search(sentence, lo, hi)
    if m is None or date.start - a >= m.start() and not _FROM_THEN.fullmatch(sentence, m.end(), date.start - a):
        return None                                # (but "spent five years from 1891": from its date)
    # its verb: "spent", "served" itself, else the nearest before it in its clause, else the next
    clause = clauses.clause_around(sentence, m.start())
    tokens = [t for t in tag(sentence, *clause) if t.tag is T.VERB]
    verb = next((t for t in reversed(tokens) if t.start <= m.start()), None) or next(
        (t for t in tokens if t.start >= m.end()), None)
    # ("the next nine years" is the story's own time, whatever was done in it: "worked under Chicherin in
    # Moscow for the next nine years"; so is a length told first: "For six years he travelled the territory")
    fronted = _OPENS_CLAUSE.fullmatch(sentence, clause[0], m.start()) is not None
    if verb is None or (verb.vclass not in _STAYING and verb.lemma not in _HEADING and not m.group("next")
                        and not fronted) or (
            pos < verb.start < clauses.clause_around(sentence, pos)[1]
            and not _post_held(sentence, pos, verb.start, m.start())
            and not _opens_its_stay(sentence, pos, verb.start, m.end())):
        return None                                # (not "arrested in Moscow and spent four months in prison"; but
        #                                            "back in Kharkov as commander of the district, a post he held
        #                                            for ten years": the post is the stay)
    n = 1 if m.group("n") is None else _NUMBERS.get(m.group("n").lower()) or int(m.group("n"))
    unit = (m.group("unit") or m.group("one")).lower()
    first = span.first_day
    if unit.startswith(("year", "decade")):
        n *= 10 if unit.startswith("decade") else 1     # "for almost a decade"
        return DateSpan(str(first.year), str(first.year + n), "year", "", span.calendar)
    if span.precision in ("year", "decade"):
        return None                                # (months from a year: no end to tell)
    last = _add_months(first, n)
    return DateSpan(first.isoformat()[:7], last.isoformat()[:7], "month", "", span.calendar)


_UNTIL = re.compile(r"\b(?:until|till)\s+(?:the\s+(?:(?:[a-z]+\s+){1,2}of\s+)?)?$")
_AFTER_YEARS = re.compile(r"(?i:after)\s")
_YEARS_AT = re.compile(r"\s+(?:(?:of\s+\w+|there|together)\s+)?(?:in|at)\s+(?:the\s+)?")
_PARTICIPLE = re.compile(r",\s+(?:later\s+|then\s+|eventually\s+)?"
                         r"(?!(?:arriving|reaching|landing|returning|settling|staying|remaining)\b)[a-z]{3,}ing\b")
_ABOUT_THE_PLACE = re.compile(r",?\s+(?:where|which|whither)\b")
# What stands between a date and a place whose own phrase it does not date: "in 1914 and in Lithuania …"
_CLOSES_BEFORE = re.compile(r",?\s+and\s+(?:in|at|on|near)\s+(?:the\s+)?")
# Characters from a place to a date still of its phrase ("in East Prussia near the Masurian Lakes and the fortress of
# Lyck in 1915"; not one of a long apposition's: "…, the scene of the strike of 1905")
_OWN_PHRASE = 80
# What stands between a place and a date that opens the next predicate: "…, and in 1924", "and then, in 1915, "
_OPENS_NEXT = re.compile(r"\b(?:and|but)(?:,?\s+(?:then|later|soon|afterwards))?,?\s+(?:(?:in|on|from|by|during)\s+)?$")
# ("slipped abroad to Germany, and he was back in the Caucasus early in 1907": a predicate with its own subject)
_OWN_SUBJECT_NEXT = re.compile(r"\b(?:and|but)\s+(?:then\s+|later\s+)?(?:he|she|they)\s+[a-z]")
# A step on before the place: "He later returned to Moscow" is after the narrative's date
_STEP_ON = re.compile(r"\b(?:[Ll]ater|[Aa]fter|[Aa]fterwards|[Tt]hen|[Ss]ubsequently|[Ee]ventually|[Ff]inally|"
                      r"[Ss]oon)\b")


def _date_for(narrative: Narrative, line: Timeline, i: int, start: int, end: int, same_event_next,
              options: ExtractOptions, places: tuple[tuple[int, int], ...] = ()) -> DateChoice:
    a, b = narrative.spans[i]
    sentence = narrative.text[a:b]
    pos = start - a

    lead = clauses.participle_lead(sentence)
    if lead is not None and (lead.end() > pos or clauses.split(sentence, lead.end(), pos) or any(
            d.start - a >= lead.end() and not clauses.split(sentence, d.start - a, pos) for d in line.dates[i])):
        lead = None                                # (the main clause dates itself: "…, settled in Baku in 1907")

    def same_clause(d: NarrativeDate) -> bool:
        if lead is not None and d.start - a < lead.end():
            return True                            # "Arrested in January 1903, he was taken to Kiev, and …"
        return not clauses.split(sentence, d.start - a, pos)

    own = [d for d in line.dates[i] if (not d.foreign or _bracket_after(narrative.text, end, d)
                                        or _when_after(narrative.text, start, d))
           and (not d.look_back or same_clause(d) or _when_after(narrative.text, start, d)
                or _where_after(narrative.text, end, d))]
    # ("the memory of 1918–1920, when British troops had landed at Arkhangelsk": the look back's own "when")
    if own:
        def cost(d: NarrativeDate) -> float:
            if d.start >= end and (told := _DATE_OF_THE_PLACE.match(narrative.text, end)) and told.end() == d.start:
                return -1.0                            # "the Yalta Conference in February 1945, …", "the Potsdam
                #                                        Conference that summer"
            gap = d.start - end if d.start >= end else start - d.end
            step = _LATER.search(narrative.text, end, d.start) if d.start >= end else None
            # (not "settled in Baku, later an oil capital, in 1907": an apposition of the place)
            later = step is not None and not _APPOSITION_GAP.fullmatch(narrative.text, end, step.start())
            # "sent to Kazakhstan and later expelled in 1929": the date is the later step's, not the exile's
            # "went back to Bern, then came home again in 1906": a date after another verb is its step's
            # (not after "where" or "which", what happened at the place: "Kiev, where he was arrested
            # again in 1900"; nor after an arrival: "sent to Tsaritsyn, arriving in June")
            verb = d.start >= end and _ABOUT_THE_PLACE.match(narrative.text, end) is None and (
                clauses.VERB.search(narrative.text, end, d.start) is not None
                or _PARTICIPLE.search(narrative.text, end, d.start) is not None)
            return max(gap, 0) + (0 if same_clause(d) else options.date_other_clause_cost) + (
                options.date_later_cost if later or opens_next(d) else 0) + (
                options.date_other_clause_cost if closes_before(d) else 0) + (
                options.date_other_verb_cost if verb else 0)

        def closes_before(d: NarrativeDate) -> bool:
            # "in the autumn of 1914 and in Lithuania and Courland in 1915 and 1916": a date before "and in" ends the
            # phrase it closes, when the place's own phrase has a date after it, no verb between (not "in 1921, and
            # in Kiev worked as a teacher until his arrest in 1937")
            return d.end <= start and _CLOSES_BEFORE.fullmatch(narrative.text, d.end, start) is not None and any(
                o.start >= end and o.start - end <= _OWN_PHRASE and same_clause(o)
                and clauses.VERB.search(narrative.text, end, o.start) is None
                and _PARTICIPLE.search(narrative.text, end, o.start) is None for o in own)

        def opens_next(d: NarrativeDate) -> bool:
            # "taught in Baku and then, in 1915, moved to Moscow", "lived first at Kostino, and in March 1914 he
            # was moved north": a date that opens the next predicate is its own, not what came before it
            return d.start >= end and (_OPENS_NEXT.search(narrative.text, max(end, d.start - 24), d.start) is not None
                                       or _OWN_SUBJECT_NEXT.search(narrative.text, end, d.start) is not None)

        context = line.context[i]
        # "That month, he went to Helsinki, …, in December": the nearer "that month" is the narrative's date
        # (the date it means is the sentence's own before it, if any: "On 29 August 1938 … sentenced him, and
        # he was shot the same day")
        said = {}
        for m in ANAPHORA.finditer(sentence):
            meant = next((d for d in reversed(own) if d.end <= a + m.start() and not d.look_back), context)
            if _SAME.match(m.group()) and meant is not None:
                here = replace(meant, start=a + m.start(), end=a + m.end())
                said[id(here)] = (here, meant)
        best = min(own + [d for d, _ in said.values()], key=cost)
        if id(best) in said:
            return DateChoice(said[id(best)][1], How.CARRIED)
        if (context is not None and not same_clause(best) and best.start > end
                and _LATER.search(narrative.text, best.start, best.end)):
            return _carried(narrative, context)         # "went to Sochi; a year later he returned": before it
        if context is not None and opens_next(best) and _STEP_ON.search(sentence, 0, pos) is None and (
                context.paragraph == narrative.paragraphs[i] and i - context.sentence <= 1
                and any(lo > best.end for lo, _ in places)
                or _lasts_from(narrative, i, pos, end - a, context, best, _others(places, start, a))):
            # the next predicate's date, with a place of its own ("taught in Baku and then, in 1915, moved to
            # Moscow"): the paragraph's date before it; not where the next predicate happens there too ("went to
            # Tammerfors, and in December 1905 he met Lenin there"), nor from further back, nor over a step on
            # ("He later returned to Moscow, and in 1922 he …": after the date before, nearer the one after); nor
            # where the place's clause tells how long the stay lasted, counted from the narrative's date ("For two
            # years he lived quietly in Moscow, and in February 1941 he was expelled")
            return _carried(narrative, context)
        if (not same_clause(best) and context is not None and context.paragraph == narrative.paragraphs[i]
                and i - context.sentence <= 1 and clauses.is_lead(sentence, pos)):
            return _carried(narrative, context)         # "Held in Batumi Prison, in 1903 he was sentenced"
        return DateChoice(best, How.OWN)
    nxt = _next_sentence_date(narrative, line, i, same_event_next)
    if nxt is not None:
        return DateChoice(nxt, How.NEXT)
    context = line.context[i]
    if context is None or narrative.paragraphs[i] - context.paragraph > options.stale_paragraphs or (
            context.span.precision == "decade" and context.paragraph != narrative.paragraphs[i]):
        told = [d for d in line.dates[i] if not d.foreign]   # not the lifespan in the opening's brackets
        return DateChoice(told[0], How.OWN) if told else DateChoice(None, How.NONE)
    if ANAPHORA.search(sentence):
        return DateChoice(context, How.CARRIED)          # "that day", "the same month"
    if context.paragraph == narrative.paragraphs[i] and i - context.sentence <= options.carry_sentences:
        if context.span.start[:4] != context.span.end[:4] and i - context.sentence == 1 and _moves_on(sentence, pos):
            # "From 1927 to 1931 he commanded in Smolensk. Then he returned to Moscow": the step after its end
            # (two sentences on, the range may be a frame the steps fall in: "From 1920 to 1922 he worked in the
            # Rhineland. In Aachen he taught … He then edited a newspaper in Solingen")
            return DateChoice(replace(context, span=_last_year(context.span)), How.CARRIED)
        return _carried(narrative, context)
    frame = line.frames[i]
    if frame is not None and not _told_since_heading(narrative, context, frame):
        return DateChoice(frame, How.CARRIED)
    # (a heading's years frame a section, but a date told since is nearer: "University: 1950–1955 … In June 1950 …
    # In the city, he resided …")
    return _carried(narrative, context, steps=1)


def _told_since_heading(narrative: Narrative, context: NarrativeDate, frame: NarrativeDate) -> bool:
    """Whether the narrative's date was told after the heading whose years frame the section, a month or coarser
    and no birthday (a day belongs to its event, a birth to the life's start: "Early life: 1931–1950 … born on 2
    March 1931 … went to school in Molotovskoye" is the heading's)."""
    return narrative.titles[frame.sentence] and not narrative.titles[context.sentence] \
        and context.sentence > frame.sentence and context.span.precision != "day" \
        and not _A_BIRTH.search(narrative.sentence(context.sentence))


def _others(places: tuple[tuple[int, int], ...], start: int, a: int) -> tuple[int, ...]:
    """Where the sentence's other places start, in the sentence (it starts at text offset ``a``)."""
    return tuple(lo - a for lo, _ in places if lo != start)


def _lasts_from(narrative: Narrative, i: int, pos: int, end: int, context: NarrativeDate, best: NarrativeDate,
                others: tuple[int, ...]) -> bool:
    """Whether the stay at ``pos``..``end`` of sentence ``i`` is told to last so long from the narrative's date,
    told at most two sentences before (not a birth's), and the date after it opens a predicate that happens
    elsewhere: "In 1907 he was sentenced. He spent the next three years in prison in Kishinev, and in 1910 he
    was sent to Nerchinsk" (not "…, and in 1950 he died there")."""
    a, b = narrative.spans[i]
    sentence = narrative.text[a:b]
    if not 0 < i - context.sentence <= 2 or _A_BIRTH.search(narrative.sentence(context.sentence)) or _THERE.search(
            sentence, best.end - a):
        return False
    return _lasted(sentence, *stay_clause(sentence, pos, end, others), pos, context, a) is not None


_THERE = re.compile(r"\bthere\b")
# A sentence that tells the next step: "Then he …", "He later …", "After that, …"
_THEN_OPENS = re.compile(r"(?:Then|Later|Afterwards|After\s+that|Subsequently|Thereafter)\b"
                         r"|(?:He|She|They)\s+(?:then|later|afterwards|subsequently)\b")
_STILL = frozenset(("while", "still", "also", "meanwhile"))
_AND_THEN_STEP = re.compile(r",?\s+and\s+(?:he\s+|she\s+|they\s+)?(?:then|later|afterwards)\s+")


def _then_moves(sentence: str, lo: int, pos: int) -> bool:
    """Whether ``sentence[lo:pos]`` (after a span, up to the place) opens the next step with a verb of motion: ", and
    then went back to Switzerland"."""
    m = _AND_THEN_STEP.search(sentence, lo, pos)
    return m is not None and _moving(sentence, m.end(), pos)


def _moves_on(sentence: str, pos: int) -> bool:
    """Whether the sentence opens on the next step and moves the subject on, before the place at ``pos``: "Then he
    returned to Moscow", "He later moved to Kiev" (not "Later he led it at Moscow", "Then he fought at Orel", nor
    "Later, while still a student, he visited Leningrad": within the span told before)."""
    m = _THEN_OPENS.match(sentence)
    return m is not None and _moving(sentence, m.end(), pos)


def _last_year(span: DateSpan) -> DateSpan:
    """The last year of a span of years: where the step told after it comes."""
    return DateSpan(span.end[:4], span.end[:4], "year", "", span.calendar)


def _moving(sentence: str, lo: int, pos: int) -> bool:
    """Whether the first verb of ``sentence[lo:pos]`` is one of motion or sending, with no "while", "still"…"""
    tokens = tag(sentence, lo, pos)
    verb = next((t for t in tokens if t.tag is T.VERB), None)
    return verb is not None and verb.vclass in ("motion", "sending") and not any(
        t.text.lower() in _STILL for t in tokens)


def _carried(narrative: Narrative, context: NarrativeDate, steps: int = 0) -> DateChoice:
    """The narrative's date for an event of a later sentence, ``steps`` less precise; a day only as its
    month (however far it was carried): it belongs to the event told on it, and the next one may fall days
    or weeks later (the annotated texts date them by the month); a birthday only as its year ("born in Gori
    on 18 December 1878. He went to the church school in Gori": not that December). "That day" and "the
    same month" keep it (see ``ANAPHORA``)."""
    if context.span.precision != "day":
        return DateChoice(context, How.CARRIED, widen=steps)
    born = _A_BIRTH.search(narrative.sentence(context.sentence)) is not None
    return DateChoice(context, How.CARRIED, widen=2 if born else 1)


# A date right after the place, over the rest of its name: "the Yalta Conference in February 1945" is
# Yalta's, whatever date stands nearer before it ("…in 1943, the Yalta Conference…").
_DATE_OF_THE_PLACE = re.compile(r"(?:[ -][A-Z][\w'’-]*){0,3}\s+(?:(?:in|on)\s+"
                                r"|(?=(?i:that|the\s+same)\s+(?:spring|summer|autumn|winter|year|month|day)\b))")
# "that month", "the same day" (not "the next day", which is a step on)
_SAME = re.compile(r"(?i:that|the same)\s")
# A date told as a step on from the narrative's: what comes before it in the sentence is not at it.
_APPOSITION_GAP = re.compile(r"\s*,\s*")
_LATER = re.compile(r"(?:l(?<!\wl)ater|a(?<!\wa)fter(?:wards?|\s+that))\b")   # opens with a letter: quick
_BRACKET_AFTER = re.compile(r"(?:\s+(?![A-Z])[\w'’-]+){0,4}\s*\(\s*(?:(?:around|about|approximately|c\.|ca\.|circa)\s*)?")


# (over a list: "took him to Paris, London"; over an aside to its own subject: "when, after the revolution, he")
_WHEN = re.compile(r",?\s+when(?:\s*,)?\s+(?:[^.;,]|,\s*(?:and\s+)?(?=[A-Z]|$|(?:he|she|they)\s))*")



# The clause on the place that a look back's date is in: "Only Gori, where he had been born in December 1878,
# kept …", "Batum was also the town where Stalin had been arrested in April 1902"
# (a pluperfect there: not "went to Oviedo, where she asked that the men held for the 1934 rising be released")
_WHERE_LOOKS_BACK = re.compile(r"(?:\s+(?:was|is)\s+(?:also\s+|still\s+)?(?:the|a)\s+(?:[a-z]+\s+)?"
                               r"(?:town|city|village|place|port|capital))?,?\s+where\s+[^.;:,]*\bhad\s[^.;:,]*$")


def _where_after(text: str, end: int, d: NarrativeDate) -> bool:
    """A look back's date in the "where" clause right after the place is the place's: what the place is
    named for in that sentence happened there then."""
    return d.start >= end and _WHERE_LOOKS_BACK.fullmatch(text, _NAME_TAIL.match(text, end).end(), d.start) is not None


def _when_after(text: str, start: int, d: NarrativeDate) -> bool:
    """A place in the clause that "when" opens right after someone else's date is at that date: "he
    commanded it until 1931, when he returned to Moscow"."""
    return d.end <= start and _WHEN.fullmatch(text, d.end, start) is not None


# A bracket that holds a date alone, after a lowercase word: an encyclopedia's way of dating what it tells
# ("He was arrested (21 October 1937)", "from which he graduated (1908)"); not a person's or a work's years
# ("Yezhov (1895–1940)", "So Began the War (1971)", a heading's "Childhood (1821–1835)")
_DATE_BRACKET = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*,?\s*\(\s*(?:(?:around|about|c\.|circa)\s+)?$")


def _told_in_brackets(sentence: str, m, span: DateSpan) -> bool:
    """Whether the date ``m`` in brackets dates the clause it ends: after a lowercase word (see
    ``_DATE_BRACKET``), or of a day, a month or a season within a year, whatever stands before it ("flown
    to Berlin, Paris and Warsaw (summer 1929)"; a lifespan of days runs over years)."""
    opening = sentence.rfind("(", 0, m.start)
    closing = sentence.find(")", m.end)
    if opening < 0 or closing < 0 or sentence[m.end:closing].strip() or clauses.VERB.search(sentence) is None:
        return False                               # (a line without a verb is a heading: "Siberian exile (1849–1854)")
    if _SPAN_HALF_BEFORE.search(sentence, opening, m.start):
        return False                               # the end of a span read in two halves: "(1872 – 19 August 1929)"
    short = span.precision in ("day", "month", "season") and span.start[:4] == span.end[:4]
    return short or _DATE_BRACKET.search(sentence, max(0, opening - 30), m.start) is not None


_SPAN_HALF_BEFORE = re.compile(r"[0-9]\S*\s*[–—‒-]\s*$")


def _bracket_after(text: str, end: int, d: NarrativeDate) -> bool:
    """A date in brackets after the place, or a few words after it, is the place's: "Germany
    (1918–1923)", "stayed in Tehran for a while (around 1909)"."""
    return d.start > end and _BRACKET_AFTER.fullmatch(text, end, d.start) is not None


def _next_sentence_date(narrative: Narrative, line: Timeline, i: int, same_event_next) -> NarrativeDate | None:
    """"He was born in Gori. He was born on 18 December 1878.": the next sentence of the paragraph,
    if it tells the same event and gives a date."""
    if i + 1 >= len(narrative.spans) or narrative.paragraphs[i + 1] != narrative.paragraphs[i]:
        return None
    dates = [d for d in line.dates[i + 1] if not d.foreign]
    if not dates or not same_event_next(i):
        return None
    return dates[0]


# Old Style ----------------------------------------------------------------------------------------
def old_style_periods(text: str) -> dict[str, tuple[dt.date, dt.date]]:
    """The days a text gives in the Old Style, by calendar region: all of them where the text says so once
    ("All dates in this essay follow the Old Style calendar"), else as its dates of well-known moments show
    (see the module)."""
    if _DECLARED_OLD_STYLE.search(text[:5000]):
        return all_old_style()
    out = {}
    for region in regions():
        votes = Counter()
        for anchor in region.anchors:
            for m in itertools.islice(anchor.words.finditer(text), 40):   # (not the rest of a long text)
                window = text[max(0, m.start() - 250):m.end() + 250]
                for d in find_dates(window, default_year=anchor.year):
                    parts = d.span.start.split("-")
                    if d.span.precision != "day" or parts[0] != str(anchor.year) or d.span.calendar == "julian":
                        continue
                    votes["old"] += (int(parts[1]), int(parts[2])) == anchor.old
                    votes["new"] += (int(parts[1]), int(parts[2])) == anchor.new
        if votes["old"] <= votes["new"]:
            continue
        marks = re.search(r"\b[ON]\.\s?S\.|\b(?:Old|New) Style\b", text)
        first = dt.date(min(a.year for a in region.anchors), 1, 1) if marks else dt.date(1, 1, 1)
        out[region.key] = (first, region.gregorian_from)
    return out


# A text's word on its calendar: "All dates in this essay follow the Old Style calendar", "dates before
# February 1918 are given in the Old Style", "Old Style dates are used throughout"
# "Dates inside Russia before the calendar reform of February 1918 are given here in the Old Style"
_DECLARED_OLD_STYLE = re.compile(r"\bdates\b[^.;]{0,60}?\b(?:follows?|are\s+(?:(?:given|written|kept)\s+)?"
                                 r"(?:(?:here|throughout)\s+)?in|given\s+in|according\s+to|"
                                 r"use|in)\s+the\s+(?:Old\s+Style|Julian)\b"
                                 r"|\b(?:Old\s+Style|Julian)\s+(?:calendar\s+)?dates\s+(?:are|have\s+been)\s+used\b",
                                 re.IGNORECASE)


def old_style_period(text: str) -> tuple[dt.date, dt.date] | None:
    """The days of the first calendar region (the Russian Empire's) a text gives in the Old Style, or None."""
    return old_style_periods(text).get(regions()[0].key)


def all_old_style() -> dict[str, tuple[dt.date, dt.date]]:
    """Every region's days before its switch (``extract(old_style=True)``)."""
    return {r.key: (dt.date(1, 1, 1), r.gregorian_from) for r in regions()}


def gregorian(span: DateSpan, periods: dict[str, tuple[dt.date, dt.date]], country: str) -> DateSpan:
    """The Gregorian form of a date the text gave in the Old Style at a place in ``country``: a day
    is converted, a month or a year keeps what was written and is marked ``julian``."""
    region = region_of(country)
    period = periods.get(region.key) if region else None
    if period is None or span.calendar == "julian":
        return span
    if not (period[0] <= span.first_day < period[1]):
        return span

    def convert(iso: str) -> str:
        parts = iso.split("-")
        if len(parts) < 3:
            return iso
        return julian_to_gregorian(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()

    return DateSpan(convert(span.start), convert(span.end), span.precision, span.qualifier, "julian")
