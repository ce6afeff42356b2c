"""Stage 4b, kinds: what happened at a place, from the event words of its sentence.

The event words are data (``data/lexicon/event_words.txt``, by kind). For a place, the nearest word
wins: a word before the place counts for more than one after it, a word in another clause for much
less (and not at all when far), a word of movement (went, arrived…) gives way to a nearby event word
(arrested, exile…). An arrival right after a sentence about an exile, a deportation or an escape
continues it. No word: a prison site is "prison", else "other".
"""
from __future__ import annotations

import enum
import functools
import re
from dataclasses import dataclass

from ..lexicon import sections
from . import clauses
from .options import ExtractOptions

MOVES = ("travel", "escape", "exile", "deportation")

# How a summary says each kind before the place's name, as the text names it ("Exiled to Narym").
# Neutral where the place may be either end of a move, unless the move's origin is known.
SAYS = {"birth": "Born in", "education": "Studied in", "work": "Worked in", "arrest": "Arrested in",
        "prison": "Held in", "exile": "Exiled to", "escape": "Escape:", "travel": "Went to",
        "congress": "Congress in", "front": "At the front:", "battle": "Battle of", "summit": "Summit in",
        "annexation": "Invasion or annexation:", "deportation": "Deportation:", "massacre": "Killings at",
        "rename": "Renamed:", "death": "Died in", "other": "At"}
SAYS_FROM = {"escape": "Escaped to", "deportation": "Deported to"}
SAYS_LEFT = {"escape": "Escaped from", "deportation": "Deported from", "exile": "Expelled from", "travel": "Left"}


def summary(kind: str, place: str, actor: str, subject: str, origin: str = "", left: bool = False,
            buried: bool = False) -> str:
    """A readable line for an extracted event, naming the actor when it is not the subject; ``left``:
    the place is where the move started ("expelled from France"), with no destination named; ``buried``:
    a death's event that is the burial.

    >>> summary("escape", "Tiflis", "Stalin", "Stalin", origin="Novaya Uda")
    'Escaped to Tiflis from Novaya Uda'
    >>> summary("exile", "Narym", "Sverdlov", "Stalin")
    'Exiled to Narym (Sverdlov)'
    >>> summary("exile", "France", "Litvinov", "Litvinov", left=True)
    'Expelled from France'
    """
    if buried:
        said = f"Buried in {place}"
    elif left and kind in SAYS_LEFT:
        said = f"{SAYS_LEFT[kind]} {place}"
    elif origin:
        said = f"{SAYS_FROM.get(kind, SAYS[kind])} {place} from {origin}"
    else:
        said = f"{SAYS[kind]} {place}"
    return with_actor(said, actor, subject)


def as_english(said: str, name: str, place_kind: str, sentence: str, start: int, end: int) -> str:
    """The line as English has it: "In Germany", not "At Germany" (one is at a town but in a country; rivers
    and fronts, filed as regions too, keep "At"); and the name with the article the text gives it, where the
    name ends its phrase ("Went to the Soviet Union", "At the Kremlin"; not "the Tiflis seminary", "the Kiev
    Military District"). ``start``, ``end``: the name in ``sentence``.

    >>> as_english("At United States (sons)", "United States", "country", "They moved to the United States.", 18, 31)
    'In the United States (sons)'
    >>> as_english("Studied in Tiflis", "Tiflis", "city", "He entered the Tiflis seminary.", 15, 21)
    'Studied in Tiflis'
    >>> as_english("At Moscow", "Moscow", "city", "He worked on the Moscow–Volga Canal.", 17, 23)
    'At Moscow'
    >>> as_english("Worked in Stuttgart", "Stuttgart", "city", "He ran the Stuttgart and Munich regions.", 11, 20)
    'Worked in Stuttgart'
    >>> as_english("Went to United States", "United States", "country", "He toured the United States and Canada "
    ...            "lecturing.", 14, 27)
    'Went to the United States'
    >>> as_english("Went to Kremlin", "Kremlin", "site", "He visited the Kremlin and Lubyanka buildings.", 15, 22)
    'Went to the Kremlin'
    """
    if place_kind == "country" and said.startswith("At "):
        said = "In " + said[3:]
    if f" {name}" in said and f"the {name}" not in said and _THE_BEFORE.search(sentence, max(0, start - 4), start) \
            and not sentence.startswith(("-", "–", "—"), end):        # ("the Moscow–Volga Canal")
        after = _WORD_AFTER.match(sentence, end)
        if after is None or after.group(1) in _ends_a_phrase() and not _shares_a_noun(sentence, end, place_kind):
            said = said.replace(f" {name}", f" the {name}", 1)
    return said


def _shares_a_noun(sentence: str, end: int, place_kind: str) -> bool:
    """Whether the name ending at ``end`` shares a noun with the next, which its article belongs to: a town's ("the
    Moscow and Leningrad party organisations"), a land's only for its parts ("the Stuttgart and Munich regions")."""
    shared = _SHARED_NOUN.match(sentence, end)
    return shared is not None and shared.group(1) not in _ends_a_phrase() and (
        place_kind in ("city", "village") or _PARTS_OF_A_LAND.fullmatch(shared.group(1)) is not None)


_THE_BEFORE = re.compile(r"(?<![\w-])[Tt]he\s+$")
# a noun two names share: "the Stuttgart and Munich regions", "the Moscow and Leningrad party organisations" (a town
# takes no article); a land's name keeps it unless the noun names its parts (not "the United States and Canada
# lecturing", "the Kuril Islands and Korea north of …", "the Crimea and Odessa in 1920")
_SHARED_NOUN = re.compile(r"\s+(?:and|or)\s+(?:[A-Z][\w'’-]*\s+){1,3}([a-z]+)")
_PARTS_OF_A_LAND = re.compile(r"regions|districts|provinces|governorates|oblasts|republics|areas|counties|territories|"
                              r"fronts")
# the next word, if the name runs on into one (a word of any case, or a digit); None after punctuation
_WORD_AFTER = re.compile(r"(?:\s+|(?=\w))(\w+)")


@functools.cache
def _ends_a_phrase() -> frozenset[str]:
    """Small words that open what follows a name, not a noun it qualifies: "the Kremlin in 1937"."""
    closed = sections("function_words")
    return frozenset(w for part in ("prep", "conj", "sub", "aux", "modal", "adv") for w in closed.get(part, ()))


def with_actor(said: str, actor: str, subject: str) -> str:
    """A line of the life as said of ``actor``: as it is for the subject, else with their name after it ("someone
    else" for one the text does not tell: "In France (someone else)", not "(unknown)")."""
    return said if actor == subject else f"{said} ({_called(actor)})"


def without_actor(said: str, actor: str, subject: str) -> str:
    """``said`` without the name ``with_actor`` put after it."""
    return said if actor == subject else said.removesuffix(f" ({_called(actor)})")


def _called(actor: str) -> str:
    return "someone else" if actor == "unknown" else actor


class Strength(enum.Enum):
    """How sure a kind is."""

    STRONG = "strong"      # an event word
    WEAK = "weak"          # a word of movement
    NONE = "none"          # no word: the default kind


@dataclass(frozen=True)
class KindGuess:
    kind: str
    strength: Strength


@dataclass(frozen=True)
class EventWord:
    kind: str
    start: int          # offsets into the text
    end: int


_ARRIVAL = re.compile(r"(?i)arriv\w*|(?:made|making) (?:it|his way|her way|their way)|reach\w*")
_NAME_PART = re.compile(r"\s+[A-Z]")
_FROM = re.compile(r"\bfrom\s")
_WHERE = re.compile(r",?\s+where\s+(?:he|she|they|[A-Z][\w'’-]+)\s+(?:[a-z]+\s+)?")
# A birth or death that only dates the clause ("after his death", "before Lenin's death"), unless the
# place is where it happened ("after his death in Moscow"); "lived in Moscow until his death" died there
TIME_PREP = r"\b(?i:after|before|since|following|upon)\s+(?:[a-z]+\s+)?"    # also read by lifemap.extract.actors
AT_THE_PLACE = r"\s+(?:in|at|near)\s+(?:the\s+)?"
_AS_A_TIME = re.compile(TIME_PREP + r"(?:his|her|their|[A-Z][\w-]+['’]s)\s+$")
_OF_THE_TIME = re.compile(AT_THE_PLACE)


@functools.cache
def _lexicon() -> dict[str, list[tuple[str, int, str]]]:
    """The event words by their first word: ``{first: [(phrase, words in it, kind), …]}``, longest first."""
    out: dict[str, list[tuple[str, int, str]]] = {}
    for kind, phrases in sections("event_words").items():
        for p in phrases:
            low = p.lower()
            pieces = _PIECE.findall(low)
            out.setdefault(pieces[0], []).append((low, len(pieces), kind))
    for candidates in out.values():
        candidates.sort(key=lambda c: -c[1])
    return out


_PIECE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@functools.lru_cache(maxsize=256)
def kind_words(sentence: str) -> tuple[tuple[str, int, int], ...]:
    """The event words of a sentence: ``((kind, start, end), …)`` in order (offsets in the sentence), each
    matched whole and longest first; phrases of the ``none`` section hide what they hold ("came to be").
    Cached: a sentence's words are read for its events, for the sentence before and by the model of kinds."""
    lexicon = _lexicon()
    low = sentence.lower()
    pieces = [(m.group(), m.start(), m.end()) for m in _PIECE.finditer(low)]
    out = []
    i = 0
    while i < len(pieces):
        word, start, _ = pieces[i]
        step = 1
        if word in lexicon and (start == 0 or low[start - 1] != "-"):
            for phrase, n, kind in lexicon[word]:
                if i + n <= len(pieces) and low[start:pieces[i + n - 1][2]] == phrase:
                    if kind != "none":
                        out.append((kind, start, pieces[i + n - 1][2]))
                    step = n
                    break
        i += step
    return tuple(out)


# the passive of a move: one is moved ("was sent to", "were taken to")
_SENT = re.compile(r"\b(?:was|were|been|being)\s+(?:[a-z]+ly\s+)?[a-z]+$")
_SENT_TO = re.compile(r"\b(?:was|were|been|being)\s+(?:[a-z]+ly\s+)?[a-z]+\s+(?:to|into|in|at)\s+(?:the\s+|an?\s+)?"
                      r"(?:[\w-]+\s+){0,4}?$")
# One person killed: a singular passive before the word, over other participles ("was arrested, tried and
# shot"), not "were shot", "had them shot".
_ONE_KILLED = re.compile(r"\bwas\s+(?:[a-z]+ed|tried|taken|held|brought|sentenced\s+to\s+death)"
                         r"(?:\s*,\s*(?:sentenced\s+to\s+death|[a-z]+(?:ed)?)|\s+(?:in|on|at)\s+[^,;]{1,25}?)*"
                         r"\s*,?\s+and\s+$")


# Where a shot that did not kill struck ("shot in the shoulder", "shot through the leg")
_WOUNDED = re.compile(r"\s+(?:in|through)\s+the\s+(?:shoulder|arm|leg|hand|chest|stomach|foot|knee|thigh|side"
                      r"|jaw|face|hip|lung|elbow|wrist|ankle)s?\b")


def event_words(sentence: str, a: int) -> list[EventWord]:
    """The event words of the sentence starting at text offset ``a``, as text offsets; a word that
    is part of a name ("Battle Squad") is none; with a summit word, a conference is the summit."""
    out = []
    for kind, s, e in kind_words(sentence):
        if sentence[s].isupper() and kind != "summit" and s > 0 and _NAME_PART.match(sentence, e):
            continue
        if kind == "death" and _WOUNDED.match(sentence, e):
            continue                                   # "he was shot in the shoulder": a wound, no death
        if kind == "massacre" and _ONE_KILLED.search(sentence, max(0, s - 80), s):
            kind = "death"                             # "he was arrested and shot in Moscow": one man's death
        out.append(EventWord(kind, s + a, e + a))
    if any(w.kind == "summit" for w in out):
        out = [EventWord("summit", w.start, w.end) if w.kind == "congress" else w for w in out]
    return out


def kind_for(start: int, end: int, words: list[EventWord], sentence: str, a: int, previous_kinds: set[str],
             prison_site: bool, options: ExtractOptions, camp: bool = False) -> KindGuess:
    """The kind of the event at the mention ``start``..``end`` (text offsets); ``prison_site``: a prison of the
    gazetteer's, ``camp``: a place the sentence names as a camp's ("the Pechora labour camps"), which only one sent
    there is held at."""
    best = None
    lead = clauses.lead_end(sentence) if any(w.kind in ("birth", "death") for w in words) else 0
    for w in words:
        if w.kind in ("birth", "death") and w.end - a <= lead <= start - a:
            continue                                   # "Born in Gori in 1878, he grew up in Tiflis": Gori's
        if w.start < end and start < w.end:
            cost = 0
        elif w.end <= start:
            cost = start - w.end
        else:
            cost = options.after_factor * (w.start - end) + options.after_cost
        if cost:
            cost -= clauses.aside_length(sentence, min(w.end, end) - a, max(w.start, start) - a)
            if clauses.split(sentence, min(w.end, end) - a, max(w.start, start) - a):
                if w.start >= end and w.kind in ("birth", "death") and not _WHERE.fullmatch(sentence, end - a, w.start - a):
                    continue                           # "lived in Zubalova and died in Moscow": Moscow's death;
                    #                                    not "her last years in Rome, where she died"
                cost += options.other_clause_cost
        if w.kind in ("birth", "death") and _AS_A_TIME.search(sentence, max(0, w.start - a - 40), w.start - a) \
                and not _OF_THE_TIME.fullmatch(sentence, w.end - a, start - a):
            continue                                   # "A month after his death Königsberg was renamed": a time
        if w.kind == "travel":
            cost += options.travel_cost
        limit = options.far + (options.travel_cost if w.kind == "travel" else 0)
        if cost <= limit and (best is None or cost < best[0]):
            best = (cost, w)
    if best is not None:
        w = best[1]
        if w.kind != "travel":
            return KindGuess(w.kind, Strength.STRONG)
        if _ARRIVAL.fullmatch(sentence[w.start - a:w.end - a]):
            if any(x.kind == "escape" for x in words):
                return KindGuess("escape", Strength.WEAK)   # "Escaping from Mezen, she made her way to …"
            # (an arrival from somewhere is a journey of its own: "travelled from Siberia and arrived in
            # Petrograd" after the exile there is the way back)
            for carried in ("exile", "deportation", "escape") if not _FROM.search(sentence) else ():
                if carried in previous_kinds:
                    return KindGuess(carried, Strength.WEAK)
        if (prison_site or camp) and _SENT.search(sentence, max(0, w.start - a - 16), w.end - a):
            return KindGuess("prison", Strength.WEAK)   # "was sent to the Pechora labour camps": held there (not
            #                                             "travelled to the labour camp at Vorkuta to see his brother")
        return KindGuess(w.kind, Strength.WEAK)
    if camp and _SENT_TO.search(sentence, max(0, start - a - 60), start - a):
        return KindGuess("prison", Strength.WEAK)   # "was taken to a labour camp at Vorkuta" (not "was appointed
        #                                             commandant of a labour camp", "lived near a labour camp")
    if prison_site:
        return KindGuess("prison", Strength.STRONG)
    return KindGuess("other", Strength.NONE)
