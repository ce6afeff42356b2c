"""Events from any text: sentences that name a place become dated, located events.

For each sentence (``lifemap.text``) the place mentions (``lifemap.toponyms``) and the date
expressions (``lifemap.timex``) are found, and each distinct place of the sentence becomes one
event (one row per event and place). The rules, all of them plain and local:

**Which places.** Cities, villages and sites always locate what the sentence says. Regions and
countries do so only in a locative role: after a cue ("in", "to", "from", "across"…), after
"annexed", "invasion of"…, or in a list that follows one ("annexed the Baltic states and
Bessarabia"); "a pact with Nazi Germany" puts nothing in Germany. Not events: a reference point
("a hundred miles west of Krasnoyarsk"), a place where something did not happen ("never went to
Beloostrov"), headings.

**Moves.** For travel, exile, escape and deportation the destination is the event's place: a place
after "from", "left", "fled"… or the place of the group that moves ("the Bolsheviks in Achinsk
made their way to Moscow") is the ``origin`` of the places after it, not an event of its own.

**Kind.** The event words of the sentence (``KIND_WORDS``): the nearest to the place wins, a
word before the place counting for more than one after it, a word in another clause for much less
(and not at all when far), a word of movement (went, arrived…) giving way to a nearby event word
(arrested, exile…). An arrival right after a sentence about an exile, a deportation or an escape
continues it. No word: a prison site is "prison", else "other".

**Date.** The sentence's date expression nearest the place, one in the same clause first. A date
that belongs to something else (in brackets, after "founded", "until"…) is skipped, unless the
brackets follow the place ("Germany (1918–1923)"); a look back (a pluperfect clause, "the 1915
trial") counts only for its own clause and does not move the narrative on. Without a date: the
next sentence's, if it tells the same event ("He was born in Gori. His birth fell on 21 December
1879."); else the narrative's date, carried (``carried`` true): as written within two sentences of
the same paragraph (or after "that month"), else widened to the period that holds it (the winter
that holds "December") or one step less precise (a day becomes its month, a month its year); none
after six paragraphs without a date, or when it was a decade named in another paragraph. "After
two months" moves the narrative on. Captions do not set the narrative's date; a heading such as
"1899–1904: …" does. Old Style: see ``old_style_period``.

**Actor.** The subject of the place's clause (after a leading "In June 1911," or "Held in …,"):
"he" is the last person named as a subject in the sentences before (in a text about Stalin, Stalin
when none is), "they" the last plural subject of the last few sentences, "Kamenev and Stalin" is
Stalin; else the named subject (Lenin, Germany, the Red Army, government troops), or "unknown".

**Confidence** multiplies the mention's (curated 0.9, GeoNames 0.5–0.6, less for ambiguous or
out-of-period names) by how the date was found (1 own, 0.8 carried or borrowed) and the kind
(1 event word, 0.95 movement, 0.85 none).
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import os
import re
import sys
import warnings
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator

from .dates import DateSpan, julian_to_gregorian
from .gazetteer import Gazetteer
from .files import open_regular, same_file
from .text import cut, read_pieces, sentences
from .timex import find_dates, scan_dates
from .toponyms import GIVEN_NAMES, SURNAMES, Mention, find_places, learn_persons

COLUMNS = ["source", "start", "end", "place", "name", "country", "lat", "lon", "date_start", "date_end", "precision",
           "qualifier", "calendar", "date_text", "carried", "kind", "actor", "origin", "confidence",
           "place_source", "name_start", "name_end", "sentence"]

# Event words ------------------------------------------------------------------------------------
KIND_WORDS = {
    "birth": r"born|birth|birthplace",
    "death": r"died|dies|death|deathbed",
    "arrest": r"arrested|arrest|arrests|re-arrested|detained|apprehended|rounded up",
    "prison": r"prison|prisons|jail|jailed|gaol|imprisoned|imprisonment|interned|incarcerated|penitentiary",
    "exile": r"exile|exiled|exiles to|exiles in|banished|banishment|sentenced|sent back",
    "escape": r"escaped|escape|escapes|escaping|fled|flee|fleeing|absconded",
    "summit": r"summit|Big Three|Roosevelt|Churchill|Truman|Attlee",
    "congress": r"congress|congresses|conference|conferences|plenum",
    "front": r"front|fronts|offensive|counter-offensive|counteroffensive",
    "battle": r"battle|battles|siege|besieged|fighting|fought|captured|recaptured|stormed|defen[cs]e of|"
              r"bombed|bombing|shelled|shelling|bombarded|opened fire|fired on|encircled|encirclement|assault",
    "deportation": r"deported|deportation|deportations|deport|deporting|resettled|resettlement",
    "annexation": r"annexed|annexation|annex|annexing|occupied|occupation|occupying|invaded|invasion|"
                  r"invading|invade|incorporated|conquered|conquest",
    "massacre": r"massacre|massacred|massacres|shot|executed|execution|executions|killed|slaughtered|"
                r"murdered|pogrom|pogroms",
    "rename": r"renamed|rename|renaming",
    "education": r"studied|study|studies|studying|seminary|school|schools|enrolled|pupil|student|students|"
                 r"university|education|educated|schooling|gimnazia",
    "work": r"worked|work|working|edited|editor|editing|employment|employed|job|meteorologist|wrote",
    "travel": r"travelled|traveled|travelling|traveling|travel|went|go|going|returned|returning|return|"
              r"arrived|arriving|arrival|move|moved|moving|journey|journeyed|trip|visited|visit|visiting|"
              r"left|leaving|set off|departed|departure|reached|reaching|made (?:it|his way|her way|their way)|"
              r"came back|came to(?! be)|hurried|hurrying|sailed|flew|relocated|settled|stepped off|back to",
}
_KINDS = re.compile("|".join(f"(?P<{kind}>(?<![\\w-])(?:{words.lower()})(?![\\w]))"
                            for kind, words in KIND_WORDS.items()))
MOVES = ("travel", "escape", "exile", "deportation")
_FAR = 150                                          # an event word further than this is not the place's
_STALE = 6                                          # paragraphs after which the narrative's date is lost
_ARRIVAL = re.compile(r"(?i)arriv\w*|made (?:it|his way|her way|their way)|reach\w*")
_ANAPHORA = re.compile(r"\b(?:[Tt]hat|[Tt]he same|[Tt]he next|[Tt]he following)\s+(?:day|week|month|night|morning|evening)\b")
# Words that give a region or country a locative role besides the cues of lifemap.toponyms.
_ROLE = re.compile(r"(?i:annexed|annexing|invaded|invading|invasion of|occupied|occupying|occupation of|"
                   r"conquest of|conquered|liberated|liberation of|entered|attacked|partition of|deported|"
                   r"evacuated|overran|seized|crossed into|campaign in|war in)\s+(?:the\s+)?(?:[\w-]+\s+)?$")
_ORIGIN = re.compile(r"(?i:\bfrom|\bleft|\bleaving|\bleave|\bfled|\bescaped from|\bout of|\bdeported from)\s+"
                     r"(?:the\s+)?(?:(?!(?:to|and|into|towards?|for|via)\b)[a-z]+\s+){0,2}$")
_REFERENCE = re.compile(r"(?i:miles?|kilomet(?:re|er)s?|km|versts?|north|south|east|west|north-east|"
                        r"north-west|south-east|south-west|northeast|northwest|southeast|southwest)\s+"
                        r"(?:of|from)\s+(?:the\s+)?$")
# A place named for what was decided there, not where something happens: "the line of the
# Zimmerwald Conference", "on the basis of Zimmerwald and Kienthal".
_ABSTRACT = re.compile(r"(?i:\bline|\bbasis|\bspirit|\bprinciples?|\bplatform|\bprogramm?e)\s+of\s+(?:the\s+)?$")
_NEGATED = re.compile(r"\b(?:not|never|n['’]t)\s+(?:\w+\s+){0,3}$")
_LIST_GAP = re.compile(r"^(?:['’]s)?(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+or\s+)(?:the\s+)?$")

# Clauses and narrative dates --------------------------------------------------------------------
_CLAUSE = re.compile(r"[;—]|\s–\s|\(|\)|,(?:\[\w{1,4}\])*\s+(?:and|but|while|where|when|which|who|whom|whose|"
                     r"before|after|although|though|as|because|since|until|so|whereas)\b|\bwhere\b|\bwhile\b|"
                     r"\bwhen\b")
_SUBORDINATE = re.compile(r",(?:\[\w{1,4}\])*\s+(?:while|when|although|though|as|because|since|until|whereas|"
                          r"before|after)\b[^,;]*,")
_ASIDE_SPAN = re.compile(r"\s[—–]\s[^—–;]{1,120}?\s[—–]\s|—[^—;]{1,120}?—|\([^()]{0,200}\)")
_PARTICIPLE_LEAD = re.compile(r"^(?:Born|Held|Having|Based|Hurrying|Hurtling|Feeling|Leaving|Arriving|"
                              r"Returning|Exiled|Sentenced|Released|Concerned|[A-Z][a-z]+(?:ed|ing))\b[^;]{0,200}?,"
                              r"(?:\[\w{1,4}\])*\s")
_PLUPERFECT = re.compile(r"\bhad\s+(?:(?:already|just|been|never|not|once|previously|earlier|also|first|"
                         r"long)\s+)*\w+(?:ed|en|wn|ft|un|ne|ht|rn|lt|pt|st|de|id|ng|ok|ot|ve)\b", re.IGNORECASE)
_FOREIGN_BEFORE = re.compile(r"\b(?:(?:founded|established|built|created|written|published|dating from|dated|"
                             r"since|until|till|due to end|due to expire)\s+(?:in\s+|on\s+)?(?:the\s+)?"
                             r"|(?:after|before)\s+)$", re.IGNORECASE)
_FOREIGN_HINT = re.compile(r"founded|established|built|created|written|published|dat|since|until|till|due|after|"
                           r"before", re.IGNORECASE)
_NUMBER = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
_SHIFT = re.compile(rf"\b(?:(?:after|within)\s+(?P<n1>{_NUMBER})\s+(?P<u1>weeks?|months?)"
                    rf"|(?P<n2>{_NUMBER})\s+(?P<u2>weeks?|months?)\s+later)\b", re.IGNORECASE)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

# Old Style --------------------------------------------------------------------------------------
# Moments of 1917 that texts date in one calendar or the other: (words, Old Style, New Style).
_ANCHORS = (
    (r"abdicat", (3, 2), (3, 15)),
    (r"October Revolution|Winter Palace|seiz\w+ power|coup|insurrection|rising", (10, 25), (11, 7)),
    (r"Finland Station|Beloostrov|Lenin\W+s arrival|April Theses", (4, 3), (4, 16)),
    (r"Duma", (2, 26), (3, 11)),
    (r"February Revolution|International Women\W+s Day", (2, 23), (3, 8)),
)
_EMPIRE = frozenset("RU GE UA BY AZ AM FI PL LT LV EE MD KZ UZ TM TJ KG".split())
_GREGORIAN_FROM = dt.date(1918, 2, 14)


@dataclass(frozen=True)
class _Date:
    span: DateSpan
    text: str
    start: int
    end: int
    sentence: int
    paragraph: int
    carried: bool = False
    look_back: bool = False     # a pluperfect or attributive look back: its own clause only
    foreign: bool = False       # belongs to something else: brackets, "founded in", "until"

    @functools.cached_property
    def days(self) -> tuple[dt.date, dt.date]:
        return self.span.first_day, self.span.last_day


# Reading the input ------------------------------------------------------------------------------
class DateWarning(UserWarning):
    """A text gives an impossible date (31 February, a range that ends before it starts)."""


class DuplicateInput(UserWarning):
    """The same file was given twice (also through a link): its events would count double."""


def _documents(paths_or_text) -> list[tuple[str, Callable[[], Iterator[tuple[int, str]]], int]]:
    """``[(source name, its pieces, size)]``: a path's text is read in pieces when it is analysed
    (``lifemap.text.read_pieces``: a long file is never whole in memory, and a device or a pipe is
    refused before anything is read); a string that is no existing file's name is the text itself.
    A file named twice is read once."""
    items = [paths_or_text] if isinstance(paths_or_text, (str, os.PathLike)) else list(paths_or_text)
    docs, paths = [], []
    for n, item in enumerate(items, 1):
        if isinstance(item, os.PathLike) or (isinstance(item, str) and "\n" not in item and len(item) < 1024
                                            and item.strip() and os.path.isfile(item)):
            if any(same_file(item, earlier) for earlier in paths):
                warnings.warn(f"{item} is given more than once; it is read once", DuplicateInput, stacklevel=3)
                continue
            with open_regular(item) as handle:
                size = os.fstat(handle.fileno()).st_size
            paths.append(item)
            docs.append((Path(item).name, functools.partial(read_pieces, item, CHUNK), size))
        else:
            text = str(item)
            docs.append(("<text>" if len(items) == 1 else f"<text {n}>", functools.partial(_chunks, text, CHUNK),
                         len(text)))
    return docs


def extract(paths_or_text, *, gazetteer: Gazetteer | None = None, progress: bool | None = None,
            fallback=True, old_style: bool | None = None):
    """Events found in files (paths) or texts, as a GeoDataFrame with one row per event and place.

    ``fallback``: True opens the GeoNames index (``lifemap.geonames``, built once in the user
    cache), False uses the curated gazetteer alone; or pass an open ``GeoNames``. ``progress``: a
    tqdm bar on stderr (None: only for inputs over 2 MB). ``old_style``: whether unmarked days
    before 14 February 1918 in the Russian Empire are Old Style (None: judged per text, see
    ``old_style_period``).
    """
    import pandas as pd

    frames = list(extract_pieces(paths_or_text, gazetteer=gazetteer, progress=progress, fallback=fallback,
                                 old_style=old_style))
    return to_frame(pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0] if frames else [])


def extract_pieces(paths_or_text, *, gazetteer: Gazetteer | None = None, progress: bool | None = None,
                   fallback=True, old_style: bool | None = None):
    """``extract``'s rows (a DataFrame without the points) one piece of text (``CHUNK``) at a time:
    what is written out as it comes (``lifemap extract``) needs memory for one piece only, however
    long the input and however many events it holds."""
    import pandas as pd
    from tqdm import tqdm

    docs = _documents(paths_or_text)
    gazetteer = gazetteer or Gazetteer.load()
    if fallback is True:
        from .geonames import GeoNames

        fallback = GeoNames.open()
    total = sum(size for _, _, size in docs)
    show = progress if progress is not None else total > 2_000_000
    with tqdm(total=total, unit="char", unit_scale=True, disable=not show, file=sys.stderr,
              desc="extracting") as bar:
        for name, pieces, _ in docs:
            for offset, piece in pieces():
                found = events_in(piece, name, gazetteer, fallback or None, old_style=old_style, bar=bar,
                                  offset=offset)
                for row in found:
                    for key in ("start", "end", "name_start", "name_end"):
                        row[key] += offset
                # as columns at once: as dicts, the rows of 5 MB of "Moscow. " held 1.4 GB
                yield pd.DataFrame(found, columns=COLUMNS)


# Characters of text analysed at once: bounds the working memory of a long book, and that of the
# rows of a text dense with events (at most about one event every eight characters)
CHUNK = 1_000_000


def _chunks(text: str, size: int):
    """``(offset, piece)`` of a long text cut at paragraph breaks (or, failing that, at a line
    break or a sentence end) near every ``size`` characters; a short text is one piece."""
    return cut([text], size)


def to_frame(rows):
    """Event rows (dicts, or a frame of them) as a GeoDataFrame with a point per row."""
    import geopandas as gpd
    import pandas as pd

    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows, columns=COLUMNS)
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame["lon"], frame["lat"]), crs="EPSG:4326")


def as_events(frame, gazetteer: Gazetteer | None = None):
    """The extracted rows as ``lifemap.events.Event`` objects, with a gazetteer that also holds the
    GeoNames places they use, ready for ``lifemap.events.to_frame`` and the map. Rows without a
    date are left out (a map needs one).
    """
    from .dates import DateSpan as Span
    from .events import Event, Source
    from .gazetteer import Place

    gazetteer = gazetteer or Gazetteer.load()
    extra: dict[str, Place] = {}
    events, ids = [], Counter()
    for r in frame.to_dict("records"):
        if not r["date_start"]:
            continue
        if r["place"] not in gazetteer and r["place"] not in extra:
            extra[r["place"]] = Place(r["place"], r["name"], "city", r["country"] or "XX", round(r["lat"], 4),
                                      round(r["lon"], 4),
                                      coord_source=_coord_source(r["place"]),
                                      note="not curated: found by the fallback gazetteer")
        base = f"{r['date_start'][:4]}-{r['kind']}-{r['place']}"
        ids[base] += 1
        summary = f"{r['actor']}: {r['kind']} at {r['name']} (found in {r['source']}, {r['date_text'] or 'undated'})"
        events.append(Event(base if ids[base] == 1 else f"{base}-{ids[base]}",
                            Span(r["date_start"], r["date_end"], r["precision"], r["qualifier"], r["calendar"]),
                            r["kind"], r["actor"], r["place"], summary,
                            Source(r["source"], int(r["start"]), int(r["end"])), r["origin"] or "",
                            r.get("sentence") or ""))
    if extra:
        gazetteer = Gazetteer(list(gazetteer) + list(extra.values()), layers=gazetteer.layers, path=gazetteer.path)
    return events, gazetteer


def _coord_source(place_id: str) -> str:
    """``geonames-615532`` → ``geonames:615532``; ``osm-node-2`` → ``nominatim:node/2``."""
    if place_id.startswith("osm-"):
        _, osm_type, osm_id = place_id.split("-", 2)
        return f"nominatim:{osm_type}/{osm_id}"
    return f"geonames:{place_id.split('-', 1)[-1]}"


def write_csv(frames, path: str | os.PathLike) -> Path:
    """Write events (a frame, or frames one after the other as ``extract_pieces`` gives them;
    their columns but the geometry) as UTF-8 CSV, atomically: no reader sees half a file. Written
    as they come, row by row; text a spreadsheet would run as a formula gets a leading apostrophe
    (``records.spreadsheet_safe``)."""
    import itertools

    import pandas as pd

    from .files import write_atomically
    from .records import write_rows

    frames = iter([frames] if isinstance(frames, pd.DataFrame) else frames)
    first = next(frames, None)
    columns = [c for c in (COLUMNS if first is None else first.columns) if c != "geometry"]

    def cell(value):  # as pandas writes them: a missing value is an empty cell
        return "" if value is None or value is pd.NA or value is pd.NaT or value != value else value

    def rows():
        for frame in itertools.chain([] if first is None else [first], frames):
            for row in frame[columns].itertuples(index=False, name=None):
                yield [cell(v) for v in row]

    return write_atomically(path, lambda tmp: write_rows(tmp, columns, rows()))


# One document -----------------------------------------------------------------------------------
@dataclass
class _Doc:
    text: str
    spans: list[tuple[int, int]]
    paragraphs: list[int]
    titles: list[bool]             # headings and captions: lines without a closing stop
    dates: list[list[_Date]]
    context: list[_Date | None]    # the narrative date in force before each sentence
    frames: list[_Date | None]     # the period that holds it, if the text named one
    period: tuple[dt.date, dt.date] | None
    problems: list = field(default_factory=list)  # impossible dates: (start, end, text, reason)


def events_in(text: str, source: str, gazetteer: Gazetteer, fallback=None, *, old_style: bool | None = None,
              bar=None, offset: int = 0) -> list[dict]:
    """The event rows of one text (the rules are in the module's docstring)."""
    spans = sentences(text)
    if not spans:
        return []
    starts = [a for a, _ in spans]
    if old_style is None:
        period = old_style_period(text)
    else:
        period = (dt.date(1, 1, 1), _GREGORIAN_FROM) if old_style else None
    paragraphs = _paragraphs(text, spans)
    titles = [_title_line(text[a:b]) for a, b in spans]
    doc = _Doc(text, spans, paragraphs, titles, [], [], [], period)
    _date_pass(doc)
    for start, end, written, reason in doc.problems:  # reported, never guessed
        warnings.warn(f"{source}: characters {offset + start}–{offset + end}: {written!r} is not a date: {reason}",
                      DateWarning,
                      stacklevel=2)
    persons = learn_persons(text)

    def when(offset: int) -> dt.date | None:
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        own = [d for d in doc.dates[i] if not d.foreign]
        span = own[0].span if own else (doc.context[i].span if doc.context[i] else None)
        return span.first_day if span else None

    by_sentence: dict[int, list[Mention]] = {}
    for m in find_places(text, gazetteer, fallback=fallback, when=when, persons=persons):
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0 and m.end <= spans[i][1]:
            by_sentence.setdefault(i, []).append(m)

    def places_of(j: int) -> list[tuple[int, int, bool]]:
        a = spans[j][0]
        return [(m.start - a, m.end - a, _is_big(m)) for m in by_sentence.get(j, ())]

    actors = _Actors(doc, len(STALIN.findall(text)) >= 3, persons, places_of)
    rows: list[dict] = []
    kinds_of: dict[int, set[str]] = {}
    done = 0
    for i in sorted(by_sentence):
        a, b = spans[i]
        sentence = text[a:b]
        if _heading(sentence):
            continue
        j = i - 1
        while j >= 0 and titles[j]:
            j -= 1
        kinds_of[i] = set()
        for row in _sentence_events(doc, i, by_sentence[i], gazetteer, actors, places_of(i), kinds_of.get(j, set())):
            row["source"] = source
            kinds_of[i].add(row["kind"])
            rows.append(row)
        if bar is not None and b - done > 200_000:
            bar.update(b - done)
            done = b
    if bar is not None:
        bar.update(len(text) - done)
    return rows


def _paragraphs(text: str, spans: list[tuple[int, int]]) -> list[int]:
    out, n = [], 0
    for i, (a, _) in enumerate(spans):
        if i and "\n" in text[spans[i - 1][1]:a]:
            n += 1
        out.append(n)
    return out


def _title_line(sentence: str) -> bool:
    """A heading or a caption: no closing stop."""
    return not (sentence.rstrip()[-1:] in ".!?\"”’)]:;" or re.search(r"[.!?][\"”’)]*(?:\[\w{1,4}\])+\d*$|\.\d{1,3}$",
                                                                        sentence))


def _heading(sentence: str) -> bool:
    """A title line: every longer word capitalised, or "1917–1918: …", or "11. RETURN …"."""
    if not _title_line(sentence):
        return False
    if re.match(r"^\d{4}(?:\s*[–-]\s*\d{2,4})?\s*:", sentence) or re.match(r"^\d+\.\s", sentence):
        return True
    words = re.findall(r"[^\W\d_]{4,}", sentence)
    return bool(words) and all(w[0].isupper() for w in words)


def _year_heading(sentence: str) -> bool:
    """A section heading that dates what follows: "1899–1904: …" or "…: 1917–1918"."""
    return bool(re.match(r"^\d{4}(?:\s*[–-]\s*\d{2,4})?\s*:", sentence)
                or re.search(r":\s*\d{4}(?:\s*[–-]\s*\d{2,4})?$", sentence))


# Clauses ----------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=256)
def _boundaries(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where clauses meet: conjunctions after a comma, semicolons, dashes, brackets, the comma that
    closes a subordinate clause (", while Stalin was in exile, …") and the one closing a leading
    participle ("Held first in Batumi Prison, …")."""
    out = [(m.start(), m.end()) for m in _CLAUSE.finditer(sentence)]
    out += [(m.end() - 1, m.end()) for m in _SUBORDINATE.finditer(sentence)]
    lead = _PARTICIPLE_LEAD.match(sentence)
    if lead:
        out.append((lead.end() - 2, lead.end()))
    return tuple(sorted(out))


@functools.lru_cache(maxsize=256)
def _asides(sentence: str) -> tuple[tuple[int, int], ...]:
    """Asides in dashes or brackets: crossing one whole is no change of clause."""
    return tuple((m.start(), m.end()) for m in _ASIDE_SPAN.finditer(sentence))


def _clause_around(sentence: str, pos: int) -> tuple[int, int]:
    lo, hi = 0, len(sentence)
    for s, e in _boundaries(sentence):
        if e <= pos:
            lo = e
        elif s >= pos:
            hi = s
            break
    return lo, hi


def _split(sentence: str, a: int, b: int) -> bool:
    """Whether a clause boundary lies between offsets ``a`` and ``b`` (asides crossed whole do not count)."""
    lo, hi = min(a, b), max(a, b)
    skipped = [(s, e) for s, e in _asides(sentence) if lo <= s and e <= hi]
    return any(lo <= s and e <= hi and not any(x <= s and e <= y for x, y in skipped)
               for s, e in _boundaries(sentence))


def _aside_length(sentence: str, a: int, b: int) -> int:
    lo, hi = min(a, b), max(a, b)
    return sum(e - s for s, e in _asides(sentence) if lo <= s and e <= hi)


def _inside_brackets(sentence: str, pos: int) -> bool:
    return sentence.count("(", 0, pos) > sentence.count(")", 0, pos)


def _bracket_after(text: str, m: Mention, d: _Date) -> bool:
    """A date in brackets right after the place is the place's: "Germany (1918–1923)"."""
    return d.start > m.end and re.fullmatch(r"\s*\(\s*", text[m.end:d.start]) is not None


def _is_lead(sentence: str, pos: int) -> bool:
    lead = _PARTICIPLE_LEAD.match(sentence)
    return lead is not None and pos < lead.end()


# Dates ------------------------------------------------------------------------------------------
def _date_pass(doc: _Doc) -> None:
    """Each sentence's dates, and the narrative date (and its period) in force before each one."""
    context: _Date | None = None
    recent: list[_Date] = []
    frame, framed = None, (None, 0)
    for i, (a, b) in enumerate(doc.spans):
        sentence = doc.text[a:b]
        if framed != (id(context), len(recent)):
            frame, framed = _frame(context, recent), (id(context), len(recent))
        doc.context.append(context)
        doc.frames.append(frame)
        found = []
        if _DIGIT_OR_MONTH.search(sentence):
            year = int(context.span.end[:4]) if context else None
            mentions, problems = scan_dates(sentence, default_year=year)
            doc.problems.extend((a + p.start, a + p.end, p.text, p.reason) for p in problems)
            for m in mentions:
                span = _fit_year(m.span, context, frame) if m.carried else m.span
                foreign = _inside_brackets(sentence, m.start) or bool(
                    _FOREIGN_BEFORE.search(sentence[max(0, m.start - 30):m.start])
                    if _FOREIGN_HINT.search(sentence, max(0, m.start - 30), m.start) else False)
                look_back = not foreign and _looks_back(sentence, m.start, m.end, span, context)
                found.append(_Date(span, m.text, a + m.start, a + m.end, i, doc.paragraphs[i], m.carried,
                                   look_back, foreign))
        shifted = _shifted(sentence, a, i, doc.paragraphs[i], found, context)
        if shifted is not None:
            found.append(shifted)
        doc.dates.append(found)
        if doc.titles[i] and not _year_heading(sentence):
            continue                                   # a caption's date is not the narrative's
        narrative = [d for d in found if not d.foreign and not d.look_back]
        if narrative:
            context = narrative[-1]
            recent = (recent + narrative)[-8:]
            framed = (None, 0)
        elif context is not None and _ANAPHORA.search(sentence):
            context = replace(context, sentence=i, paragraph=doc.paragraphs[i])   # "That month, …"


# A sentence can hold a date only if it has a four-digit number, a month's name or a year counted
# from another (footnote and citation numbers alone do not count).
_DIGIT_OR_MONTH = re.compile(r"(?<!\d)\d{4}(?!\d)|January|February|March|April|May|June|July|August|September|October|"
                             r"November|December|(?:that|same|following|next|previous|preceding|one|a) year|"
                             r"years (?:later|earlier)")


def _frame(context: _Date | None, recent: list[_Date]) -> _Date | None:
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


def _fit_year(span: DateSpan, context: _Date | None, frame: _Date | None) -> DateSpan:
    """A year-less date takes the year of the period that holds its month: "in December" after
    "the winter of 1916–17" is December 1916, not 1917."""
    holder = context if context is not None and context.span.start[:4] != context.span.end[:4] else frame
    if holder is None or len(span.start) < 7 or span.start[:4] != span.end[:4]:
        return span
    y0, y1 = int(holder.span.start[:4]), int(holder.span.end[:4])
    if y0 == y1:
        return span
    first_month = int(holder.span.start[5:7]) if len(holder.span.start) >= 7 else 1
    year = y0 if int(span.start[5:7]) >= first_month else y1
    if year == int(span.start[:4]):
        return span
    return replace(span, start=f"{year}{span.start[4:]}", end=f"{year}{span.end[4:]}")


def _looks_back(sentence: str, start: int, end: int, span: DateSpan, context: _Date | None) -> bool:
    """A date earlier than the narrative in a pluperfect clause or before a noun ("the 1915 trial")."""
    if context is None or span.last_day >= context.days[0]:
        return False
    lo, hi = _clause_around(sentence, start)
    if _PLUPERFECT.search(sentence[lo:hi]):
        return True
    return bool(re.match(r"^\s+[a-z]+", sentence[end:end + 20])) and bool(
        re.search(r"\b(?:the|a|an|his|her|their)\s+$", sentence[max(0, start - 8):start]))


def _shifted(sentence, a, i, paragraph, found, context) -> _Date | None:
    """"After two months", "four weeks later": the narrative date moved on by that much."""
    if "week" not in sentence and "month" not in sentence:
        return None
    m = _SHIFT.search(sentence)
    if m is None:
        return None
    base = [d for d in found if d.start - a < m.start() and not d.foreign and not d.look_back]
    base_date = base[-1] if base else context
    if base_date is None or base_date.span.precision not in ("day", "month"):
        return None
    n = m.group("n1") or m.group("n2")
    n = int(n) if n.isdigit() else _NUMBERS[n.lower()]
    unit = (m.group("u1") or m.group("u2")).lower()
    first, last = base_date.span.first_day, base_date.span.last_day
    if unit.startswith("week"):
        first, last = first + dt.timedelta(days=7 * n), last + dt.timedelta(days=7 * n)
    else:
        first, last = _add_months(first, n), _add_months(last, n)
    start, end = f"{first.year:04d}-{first.month:02d}", f"{last.year:04d}-{last.month:02d}"
    span = DateSpan(start, end, "month", "", base_date.span.calendar)
    return _Date(span, m.group(), a + m.start(), a + m.end(), i, paragraph, True)


def _add_months(day: dt.date, n: int) -> dt.date:
    month = day.month - 1 + n
    return dt.date(day.year + month // 12, month % 12 + 1, 1)


def _widen(span: DateSpan) -> DateSpan:
    """One step less precise: a day becomes its month, a month or season its year(s)."""
    if span.precision == "day":
        return DateSpan(span.start[:7], span.end[:7], "month", "", span.calendar)
    if span.precision in ("month", "season"):
        return DateSpan(span.start[:4], span.end[:4], "year", "", span.calendar)
    return span


def old_style_period(text: str) -> tuple[dt.date, dt.date] | None:
    """The days a text gives in the Old Style without saying so, or None.

    Russia counted in the Julian calendar until 14 February 1918 (Gregorian). English texts that
    mark Old Style dates ("18 December [O.S. 6 December] 1878") give other dates in the Gregorian
    calendar, except in 1917, which they date as Russians then did (the October Revolution on 25
    October); texts that never mark them count in the Old Style throughout. Which kind a text is
    shows in its dates of well-known moments of 1917: the abdication on 2 March, Lenin's return on
    3 April, the rising on 25 October are Old Style; 15 March, 16 April, 7 November are not.
    """
    votes = Counter()
    for words, old, new in _ANCHORS:
        for m in list(re.finditer(words, text))[:40]:
            window = text[max(0, m.start() - 250):m.end() + 250]
            for d in find_dates(window, default_year=1917):
                parts = d.span.start.split("-")
                if d.span.precision != "day" or parts[0] != "1917" or d.span.calendar == "julian":
                    continue
                votes["old"] += (int(parts[1]), int(parts[2])) == old
                votes["new"] += (int(parts[1]), int(parts[2])) == new
    if votes["old"] <= votes["new"]:
        return None
    marks = re.search(r"\b[ON]\.\s?S\.|\b(?:Old|New) Style\b", text)
    return (dt.date(1917, 1, 1), _GREGORIAN_FROM) if marks else (dt.date(1, 1, 1), _GREGORIAN_FROM)


def _gregorian(span: DateSpan, period, country: str) -> DateSpan:
    """The Gregorian form of a date the text gave in the Old Style (days move; months stay)."""
    if period is None or span.calendar == "julian" or country not in _EMPIRE:
        return span
    if not (period[0] <= span.first_day < period[1]):
        return span

    def convert(iso: str) -> str:
        parts = iso.split("-")
        if len(parts) < 3:
            return iso
        return julian_to_gregorian(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()

    return DateSpan(convert(span.start), convert(span.end), span.precision, span.qualifier, "julian")


# Events of one sentence -------------------------------------------------------------------------
def _sentence_events(doc: _Doc, i: int, mentions: list[Mention], gazetteer, tracker, places,
                     previous_kinds) -> list[dict]:
    text = doc.text
    a, b = doc.spans[i]
    sentence = text[a:b]
    keywords = _keywords(sentence, a)
    kept = _located(text, sentence, a, _distinct(mentions))
    kinds = {id(m): _kind_for(m, keywords, sentence, a, previous_kinds) for m in kept}
    origins = [m for m in kept if _is_origin(text, sentence, a, m)]
    rows = []
    for m in kept:
        kind, strength = kinds[id(m)]
        later = [t for t in kept if t.start > m.start and t not in origins and kinds[id(t)][0] in MOVES]
        if m in origins and later:
            continue                                   # where a move starts, not an event of its own
        origin = ""
        if kind in MOVES:
            before = [o for o in origins if o.start < m.start and o.place != m.place]
            origin = before[-1].place if before else ""
        place = m.location or gazetteer[m.place]
        date, how, widen = _date_for(doc, i, m, keywords)
        span = None
        if date is not None:
            span = _gregorian(date.span, doc.period, place.country)
            if widen:
                span = _widen(span)
        actor = tracker.actor(i, sentence, m.start - a, places)
        confidence = m.confidence * ({"own": 1.0, "next": 0.8, "carried": 0.8}[how] if date else 0.6)
        confidence *= {"strong": 1.0, "weak": 0.95}.get(strength, 0.85)
        rows.append({
            "start": a, "end": b, "place": m.place, "name": m.text, "country": place.country,
            "lat": place.lat, "lon": place.lon,
            "date_start": span.start if span else "", "date_end": span.end if span else "",
            "precision": span.precision if span else "", "qualifier": span.qualifier if span else "",
            "calendar": span.calendar if span else "", "date_text": date.text if date else "",
            "carried": date is not None and (how != "own" or date.carried), "kind": kind, "actor": actor,
            "origin": origin, "confidence": round(confidence, 2), "place_source": m.source,
            "name_start": m.start, "name_end": m.end, "sentence": sentence,
        })
    return rows


def _distinct(mentions: list[Mention]) -> list[Mention]:
    seen, out = set(), []
    for m in mentions:
        if m.place not in seen:
            seen.add(m.place)
            out.append(m)
    return out


def _is_big(m: Mention) -> bool:
    return m.location is not None and m.location.kind in ("region", "country")


def _located(text: str, sentence: str, a: int, mentions: list[Mention]) -> list[Mention]:
    """The mentions that place something: see "Which places" in the module's docstring."""
    kept: list[Mention] = []
    previous: Mention | None = None
    abstract = False
    for m in mentions:
        before = text[max(a, m.start - 40):m.start]
        lo, _ = _clause_around(sentence, m.start - a)
        own_clause = text[a + lo:m.start]
        abstract = bool(_ABSTRACT.search(before)) or (
            abstract and previous is not None and bool(_LIST_GAP.match(text[previous.end:m.start])))
        located = not (_REFERENCE.search(before) or abstract or _NEGATED.search(own_clause[-40:]))
        if located and _is_big(m) and not (m.cued or _ROLE.search(before)):
            located = previous is not None and previous in kept and bool(_LIST_GAP.match(text[previous.end:m.start]))
        if located:
            kept.append(m)
        previous = m
    return kept


def _is_origin(text: str, sentence: str, a: int, m: Mention) -> bool:
    """After "from", "left"…, or the place of the subject ("the Bolsheviks in Achinsk made…")."""
    if _ORIGIN.search(text[max(a, m.start - 40):m.start]):
        return True
    if not re.search(r"\b(?:in|at)\s+$", text[max(a, m.start - 6):m.start]):
        return False
    pos = m.start - a
    begin = _lead_end(sentence)
    if pos < begin or re.match(r"(?:In|At)\s", sentence[begin:begin + 3]):
        return False
    verb = _VERB.search(sentence, begin)
    return verb is not None and pos < verb.start()


_ONE_WORD = {w.lower(): kind for kind, words in KIND_WORDS.items() for w in words.split("|")
             if re.fullmatch(r"[A-Za-z]+", w)}
_MANY_WORDS = re.compile("|".join(
    f"(?P<{kind}>(?<![\\w-])(?:{'|'.join(w.lower() for w in words.split('|') if not re.fullmatch(r'[A-Za-z]+', w))})(?![\\w]))"
    for kind, words in KIND_WORDS.items() if any(not re.fullmatch(r"[A-Za-z]+", w) for w in words.split("|"))))
_LOW_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")
_NAME_PART = re.compile(r"\s+[A-Z]")


def _kind_words(sentence: str) -> list[tuple[str, int, int]]:
    """The event words of a sentence: ``[(kind, start, end)]`` in order (offsets in the sentence)."""
    low = sentence.lower()
    if len(low) != len(sentence):
        return [(m.lastgroup, m.start(), m.end()) for m in _KINDS.finditer(low)]
    out = [(_ONE_WORD[m.group()], m.start(), m.end()) for m in _LOW_WORD.finditer(low) if m.group() in _ONE_WORD]
    out += [(m.lastgroup, m.start(), m.end()) for m in _MANY_WORDS.finditer(low)]
    out.sort(key=lambda k: k[1])
    return out


def _keywords(sentence: str, a: int) -> list[tuple[str, int, int]]:
    out = []
    for kind, s, e in _kind_words(sentence):
        if sentence[s].isupper() and kind != "summit" and s > 0 and _NAME_PART.match(sentence, e):
            continue                                   # part of a name: "Battle Squad"
        out.append((kind, s + a, e + a))
    if any(k == "summit" for k, _, _ in out):
        out = [("summit" if k == "congress" else k, s, e) for k, s, e in out]
    return out


def _kind_for(m: Mention, keywords, sentence: str, a: int, previous_kinds: set[str]) -> tuple[str, str]:
    """The kind of the event at ``m`` and how sure: "strong" (an event word), "weak" (a word of
    movement) or "none"; see "Kind" in the module's docstring."""
    best = None
    for kind, s, e in keywords:
        if s < m.end and m.start < e:
            cost = 0
        elif e <= m.start:
            cost = m.start - e
        else:
            cost = 2 * (s - m.end) + 20
        if cost:
            cost -= _aside_length(sentence, min(e, m.end) - a, max(s, m.start) - a)
            if _split(sentence, min(e, m.end) - a, max(s, m.start) - a):
                cost += 100
        if kind == "travel":
            cost += 40
        if cost <= _FAR + (40 if kind == "travel" else 0) and (best is None or cost < best[0]):
            best = (cost, kind, s, e)
    if best is not None:
        kind = best[1]
        if kind != "travel":
            return kind, "strong"
        if _ARRIVAL.fullmatch(sentence[best[2] - a:best[3] - a]):
            for carried in ("exile", "deportation", "escape"):
                if carried in previous_kinds:
                    return carried, "weak"
        return kind, "weak"
    if m.location is not None and "prison" in m.location.name.lower():
        return "prison", "strong"
    return "other", "none"


def _date_for(doc: _Doc, i: int, m: Mention, keywords) -> tuple[_Date | None, str, bool]:
    """The date of the event at ``m``, how it was found ("own", "next", "carried") and whether to
    widen it; see "Date" in the module's docstring."""
    a, b = doc.spans[i]
    sentence = doc.text[a:b]
    pos = m.start - a

    def same_clause(d: _Date) -> bool:
        return not _split(sentence, d.start - a, pos)

    own = [d for d in doc.dates[i] if (not d.foreign or _bracket_after(doc.text, m, d))
           and (not d.look_back or same_clause(d))]
    if own:
        def cost(d: _Date) -> float:
            gap = d.start - m.end if d.start >= m.end else m.start - d.end
            return max(gap, 0) + (0 if same_clause(d) else 120)

        best = min(own, key=cost)
        context = doc.context[i]
        if (not same_clause(best) and context is not None and context.paragraph == doc.paragraphs[i]
                and i - context.sentence <= 1 and _is_lead(sentence, pos)):
            return context, "carried", False           # "Held in Batumi Prison, in 1903 he was sentenced"
        return best, "own", False
    nxt = _lookahead(doc, i, keywords)
    if nxt is not None:
        return nxt, "next", False
    context = doc.context[i]
    if context is None or doc.paragraphs[i] - context.paragraph > _STALE or (
            context.span.precision == "decade" and context.paragraph != doc.paragraphs[i]):
        return (doc.dates[i][0], "own", False) if doc.dates[i] else (None, "none", False)
    if (context.paragraph == doc.paragraphs[i] and i - context.sentence <= 2) or _ANAPHORA.search(sentence):
        return context, "carried", False
    frame = doc.frames[i]
    if frame is not None:
        return frame, "carried", False
    return context, "carried", True


def _lookahead(doc: _Doc, i: int, keywords) -> _Date | None:
    """"He was born in Gori. He was born on 18 December 1878.": the next sentence of the paragraph,
    if it repeats an event word of this one and gives a date."""
    if i + 1 >= len(doc.spans) or doc.paragraphs[i + 1] != doc.paragraphs[i]:
        return None
    dates = [d for d in doc.dates[i + 1] if not d.foreign]
    if not dates:
        return None
    a, b = doc.spans[i + 1]
    here = {k for k, _, _ in keywords if k != "travel"}
    there = {k for k, _, _ in _kind_words(doc.text[a:b])}
    return dates[0] if here & there else None


# Actors -----------------------------------------------------------------------------------------
STALIN = re.compile(r"\b(?:Stalin|Koba|Soso|Dzhugashvili|Jughashvili|Djugashvili|Dzugashvili|Ioseb|Iosif|Joseph)\b"
                    r"(?!['’]s\s+(?:death|mother|father|wife|son|daughter|body|funeral|regime|government))")
_PRONOUN = {"he": "sg", "his": "sg", "she": "sg-f", "her": "sg-f", "they": "pl", "their": "pl", "we": "pl"}
_LEAD = re.compile(r"(?:(?P<prep>(?:In|On|At|By|During|From|Following|Amid|Despite|Upon|With|Without|Under|Over|"
                   r"Back|Still|There|Then|Later|Soon|Eventually|Meanwhile|Shortly|Initially|Finally|Thus|However|"
                   r"Yet|But|And|Even|Only|Also|Instead|Unlike|Like|Among|Amongst|Within|Throughout|Towards?|"
                   r"Near|Around|Across|Along|Unbeknown|According|Now|Here|Next|Indeed|Moreover|Furthermore|"
                   r"Evidently)\b[^,;]{0,100})"
                   r"|(?:After|Before|Since|Until|Once|When|While|Although|Though|As|Because|If)\b[^,;]{0,150}"
                   r"|(?:Born|Held|Having|Based|Hurrying|Hurtling|Feeling|Leaving|Arriving|Returning|Exiled|"
                   r"Sentenced|Released|Concerned|[A-Z][a-z]+(?:ed|ing))\b[^,;]{0,200}),(?:\[\w{1,4}\])*\s*")
# A leading prepositional phrase holds no subject or verb of its own ("In Baku he had …, the Outfit").
_CLAUSE_INSIDE = re.compile(r"\b(?:he|she|they|we|was|were|had|has|is|are)\b")
_GROUPS = (r"troops|police|army|Army|militia|authorities|government|Government|soldiers|workers|peasants|"
           r"strikers|crowds|delegates|Bolsheviks|Mensheviks|Soviets|Germans|Nazis|Allies|Wehrmacht|Cheka|"
           r"NKVD|OGPU|Okhrana|Politburo|Bureau|Committee|Chechens|Ingush|Tatars|Kalmyks|Balkars|Karachays|"
           r"Poles|Finns|Japanese|Americans|British|Luftwaffe|kulaks|revolutionaries|exiles|conscripts|"
           r"socialists|Socialist-Revolutionaries|Anarchists|Kadets|Reds|Whites|partisans|rebels|"
           r"demonstrators|protesters|marchers|mob|gang|Outfit|regime|forces|Forces|Navy|Fleet|"
           r"Romanovs|dynasty|Kamenevs|Alliluevs|family|group|faction|leaders|uprisings|unrest|strikes")
_VERB = re.compile(r"\b(?:was|were|is|are|had|has|have|did|does|could|would|should|might|must|will|can|shall|"
                   r"became|went|made|took|met|saw|came|began|wrote|found|held|fled|spent|sent|got|gave|knew|"
                   r"thought|told|brought|stood|kept|ran|sang|spoke|won|lost|paid|built|fell|grew|heard|felt|"
                   r"sat|chose|bore|rode|left|led|set|broke|spread|said|says|put|let|meant|lay|read|understood|"
                   r"drew|rose|drove|bought|wore|sought|threw|caught|dealt|forgot|shook|hid|fought|taught|ate|"
                   r"hung|struck|swore|became|[a-z]{2,}ed)\b")
_SUBJECT = re.compile(
    r"(?P<group>\b(?:" + _GROUPS + r")\b)"
    r"|(?P<pron>\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|[Hh]is|[Tt]heir|[Tt]he\s+(?:two|three|four|five|six)\s+of\s+them)\b)"
    r"|(?P<name>\b[A-Z][\w'’-]+(?:(?:\s+|,\s+|\s+and\s+|,\s+and\s+)[A-Z][\w'’-]+)*)")
_GROUP_WORDS = frozenset(_GROUPS.split("|"))
_GROUP_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:" + _GROUPS + r")\b")
# The words before a group noun that belong to it: "the Soviet Red Army", "government troops", "his gang".
_GROUP_MODIFIERS = re.compile(r"(?:(?:[Tt]he|[Hh]is|[Tt]heir|[Aa])\s+)?(?:(?:[A-Z][\w'’-]+|[a-z]+-[a-z]+|government|"
                              r"secret|local|armed|royal|imperial|exiled|other)\s+){0,2}$")
_NOT_NAMES = frozenset("""The A An In On At By After Before During Since From This That These Those There Then
    It Its His Her Their He She They We I Our My Your Yet But And Or So As If When While Although Though
    Even Only Also Instead Meanwhile Later Soon However Thus Such No Not One Some Many Most All Both Each
    Every Neither Either Until Despite Amid Having Once Under Over Back Still Eventually Shortly Initially
    Finally Among Like Unlike Within What Which Who Whom Whose Why How Where Here Now Next Indeed
    Moreover Furthermore According Because Nor Exactly Chief""".split())
_MAY_BE_SUBJECT = re.compile(r"[A-Z]|\b(?:he|she|they|we|his|their|troops|police|army|militia|authorities|"
                             r"government|soldiers|workers|peasants)\b")
_MONTH_WORDS = frozenset("January February March April May June July August September October November December".split())
_ASIDE = re.compile(r"\([^()]*\)|\[[^\]]*\]|\s[—–]\s[^—–]{1,120}?\s[—–]\s|—[^—]{1,120}?—|according to [^,;—]+[,;—]")


class _Actors:
    """Who a sentence is about; see "Actor" in the module's docstring. The subjects of earlier
    sentences are read only when a pronoun needs them."""

    def __init__(self, doc: _Doc, stalin_text: bool, persons: set[str], places_of):
        self.doc = doc
        self.stalin_text = stalin_text
        self.persons = {p.lower() for p in persons} | {n.lower() for n in SURNAMES | GIVEN_NAMES}
        self.places_of = places_of
        self._subjects: dict[int, list[tuple[str, str]]] = {}

    def subjects(self, j: int) -> list[tuple[str, str]]:
        """The subjects of sentence ``j``'s first clauses, in order (people and groups only)."""
        if j not in self._subjects:
            a, b = self.doc.spans[j]
            sentence, places = self.doc.text[a:b], self.places_of(j)
            cuts = [0] + [e for _, e in _boundaries(sentence)][:2] + [len(sentence)]
            found = [_first_subject(sentence, lo, hi, places, self) for lo, hi in zip(cuts, cuts[1:])
                     if hi - lo > 3 and _MAY_BE_SUBJECT.search(sentence, lo, hi)]
            found = [x for x in found if x is not None] or [_inverted_subject(sentence, self)]
            self._subjects[j] = [x for x in found if x is not None and x[0] in ("name", "group")]
        return self._subjects[j]

    def _earlier(self, i: int, limit: int):
        """The sentences before ``i`` that are not headings or captions, nearest first."""
        j, seen = i - 1, 0
        while j >= 0 and seen < limit:
            if not self.doc.titles[j]:
                seen += 1
                yield j
            j -= 1

    def person_before(self, i: int) -> str:
        """The last person named as a subject before sentence ``i`` (Stalin in a text about him)."""
        for j in self._earlier(i, 12):
            for kind, words in reversed(self.subjects(j)):
                if kind == "name" and not re.search(r",|\band\b", words):
                    return "Stalin" if self.is_stalin(words) else _clean_actor(words)
        return "Stalin" if self.stalin_text else "unknown"

    def plural_before(self, i: int) -> str:
        """The last group or list of people named as a subject in the few sentences before ``i``."""
        for j in self._earlier(i, 4):
            for kind, words in reversed(self.subjects(j)):
                if kind == "group" or re.search(r",|\band\b", words):
                    return "Stalin" if self.is_stalin(words) else _clean_actor(words)
        return ""

    def actor(self, i: int, sentence: str, pos: int, places) -> str:
        lo, hi = _clause_around(sentence, pos)
        if _is_lead(sentence, pos):
            lo, hi = _PARTICIPLE_LEAD.match(sentence).end(), len(sentence)
            pos = hi
        subject = (_first_subject(sentence, lo, hi, places, self, stop=pos)
                   or _first_subject(sentence, lo, hi, places, self)
                   or _first_subject(sentence, 0, len(sentence), places, self)
                   or _first_subject(sentence, 0, len(sentence), places, self, anywhere=True))
        if subject is None:
            return "unknown"
        kind, words = subject
        if kind == "place":
            return words
        if kind == "pron":
            number = _PRONOUN.get(words.split()[0].lower(), "pl")
            if number == "pl":
                return self.plural_before(i) or self.person_before(i)
            return self.person_before(i) if number == "sg" else "unknown"
        if self.is_stalin(words):
            return "Stalin"
        return _clean_actor(words)

    def is_stalin(self, words: str) -> bool:
        """Stalin is among ``words``: by a name only he bore, or (in a text about him) by his first name."""
        m = STALIN.search(words)
        return m is not None and (self.stalin_text or m.group() not in ("Joseph", "Soso", "Ioseb", "Iosif"))

    def is_person(self, tokens: list[str]) -> bool:
        return any(t.lower().rstrip("’'s") in self.persons or STALIN.fullmatch(t.rstrip("’'s")) for t in tokens)


def _lead_end(sentence: str) -> int:
    """Where the leading adverbials end ("In June 1911, "), if what follows still has a verb."""
    end = 0
    while True:
        lead = _LEAD.match(sentence, end)
        if lead is None or (lead.group("prep") and _CLAUSE_INSIDE.search(lead.group("prep"))):
            break
        end = lead.end()
    if end and _VERB.search(sentence, end) is None:
        return 0
    return end


def _first_subject(sentence: str, lo: int, hi: int, places, actors: _Actors, stop: int | None = None,
                   anywhere: bool = False):
    """The subject of ``sentence[lo:hi]``: its first group, pronoun or person before its first verb
    (or before ``stop``), after a leading adverbial and without asides in dashes or brackets."""
    part = sentence[lo:hi]
    if "(" in part or "[" in part or "—" in part or "–" in part or "according" in part:
        part = _ASIDE.sub(lambda m: " " * len(m.group()), part)
    begin = _lead_end(part)
    verb = None if anywhere else _VERB.search(part, begin)
    end = verb.start() if verb else len(part)
    if stop is not None:
        end = min(end, stop - lo)
    for m in _SUBJECT.finditer(part, begin, max(begin, end)):
        kind = m.lastgroup
        words = m.group(kind).strip()
        s = lo + m.start(kind)
        if kind == "group":
            mods = _GROUP_MODIFIERS.search(part, max(begin, m.start() - 60), m.start())
            if mods is not None and mods.start() < m.start():
                words = part[mods.start():m.end()].strip()
                s = lo + mods.start()
        place = next((p for p in places if p[0] <= s < p[1] or s <= p[0] < s + len(words)), None)
        if kind == "pron" and words in ("his", "His", "their", "Their"):
            group = _GROUP_AFTER.match(part, m.end())
            if group is not None:
                return "group", part[m.start():group.end()]          # "his regime"
        if anywhere and kind == "name" and not actors.is_stalin(words):
            continue                                   # after the verb only Stalin or a group will do
        if kind == "name":
            if place is not None:
                if place[2] and place[0] == s and _VERB.match(sentence, place[1] + 1 + _adverb(sentence, place[1] + 1)):
                    return "place", sentence[place[0]:place[1]]    # a country acts: "Germany ended…"
                continue
            tokens = [t for t in re.split(r"(?:,\s*|\s+)", words) if t and t != "and"]
            while tokens and (tokens[0] in _NOT_NAMES or tokens[0].rstrip("’'s") in _MONTH_WORDS):
                tokens.pop(0)
            if len(tokens) > 6:
                continue                                              # a title, not a name
            if tokens and tokens[-1] in _GROUP_WORDS:
                return "group", " ".join(tokens)                      # "the Soviet Red Army"
            if not tokens or not actors.is_person(tokens):
                continue
            words = words[words.index(tokens[0]):]
        return kind, words
    return None


def _adverb(sentence: str, pos: int) -> int:
    m = re.match(r"\w+ly\s+", sentence[pos:pos + 20])
    return m.end() if m else 0


def _inverted_subject(sentence: str, actors: _Actors):
    """"Chief among them were Kamenev, Stalin and Muranov": people named right after the verb."""
    m = re.match(r"^[A-Z][^,;]{0,40}?\b(?:were|was)\s+((?:[A-Z][\w'’-]+(?:\s+|,\s*|\s+and\s+))+)", sentence + " ")
    if not m:
        return None
    tokens = [t for t in re.split(r"(?:,\s*|\s+)", m.group(1)) if t and t != "and"]
    if not actors.is_person(tokens):
        return None
    return "name", m.group(1).strip() + (" and" if len(tokens) > 1 else "")


def _clean_actor(words: str) -> str:
    words = re.sub(r"^(?:[Tt]he|[Hh]is|[Tt]heir|[Aa])\s+", "", words)
    words = re.sub(r"['’]s$", "", words)
    return words.strip(" ,")
