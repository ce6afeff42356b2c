"""Place mentions in a text, with character offsets.

A mention is a run of words that the gazetteer knows as a name, found longest first (up to five
words, joined by spaces or hyphens: Novaya Uda, Saint Petersburg, Alma-Ata, Red Square), looked up
by the folded name and resolved as of the date in force at that point of the text when known.

Words are only ever matched whole, so "Georgian" never yields Georgia and "Stalino" never holds
"Stalin". What is not a place although the gazetteer knows the word:

- people: a name preceded by a first name, an initial or a title (Prince Lvov, Maxim Gorky), and a
  name that is also a surname (Kirov, Molotov, Kalinin…) unless a locative cue precedes it
  ("in", "at", "to", "from", "near", "the city of"…);
- titles of newspapers and ships (Pravda, Iveria, the Aurora), and a gloss in brackets after one;
- a place's name inside an organisation's ("the Communist Party of the Soviet Union"), a city's
  name inside a railway station's (stations are named after where the line goes), or a province's
  (a province named after its seat, "Irkutsk Governorate", is a region placed at the seat);
- a region or country that only qualifies a smaller place next to it ("Kutaisi, then in the
  Kutais Governorate", "Tampere, in Finland").

Names the curated gazetteer lacks are looked up in the GeoNames fallback after a locative cue (or
without one where GeoNames reads the name as a city of half a million people or more and it is no
surname), and ranked toward the countries of the curated places named so far (``lifemap.geonames``).
A building or site no gazetteer knows ("the Mariinsky Hospital", "Hotel Lux": a name ending in or
opening with a word of ``data/lexicon/site_nouns.txt``) is placed at the town named right after it
or at most three sentences before it, and says so (source "context"); without such a town it is
left out.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import string
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterator

from .gazetteer import Gazetteer, Place, fold, fold_variants
from .geonames import FAR_POPULATION, NEAR_POPULATION, Record, acceptable, share, spellings, us_states
from .lexicon import sections, verb_forms, words
from .text import matches_not_after

# Words ------------------------------------------------------------------------------------------
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# (the capital first and what may not precede it looked at after it: a pattern that opens with a class
# of letters lets the regex engine skip to them)
_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ](?<![\w'’].)")
# What may join two words of one name: a space, a hyphen or dash, or the stop of "St." / "Mt.".
_JOIN = re.compile(r"(?: |[-‐–]|(?<=\b[SMF]t)\. ?)([^\W\d_]+(?:['’][^\W\d_]+)*)")
POSSESSIVE = ("'s", "’s")
_ELIDED_NAME = re.compile(r"['’][A-Z]")         # "d'Avray": a name after an elided small word
_HYPHEN_PARTICLE = re.compile(r"-[a-z]")          # a small word a hyphen joins to a name ("-on-", "-sur-", "-d'")

MONTHS = frozenset("""january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec""".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
SEASONS = frozenset("spring summer autumn fall winter".split())
# A compass word written small before a name may belong to it: "eastern Siberia", "southern Russia".
_ORDINAL = re.compile(r"[1-9](?:st|nd|rd|th)")      # "the 1st Ukrainian Front": a name may open with one
_COMPASS_WORDS = frozenset("""north south east west northern southern eastern western central north-eastern
    north-western south-eastern south-western upper lower""".split())
# Titles, first names and surnames that places share, as data (lifemap.lexicon): the word after a
# title or first name is a person's; a surname is the person unless a locative cue makes it the
# city that bore it; newspapers and ships are no places.
TITLES = words("titles")
GIVEN_NAMES = words("given_names")
SURNAMES = words("surnames")
PLACE_SURNAMES = words("place_surnames")
TITLE_WORDS = words("title_words")
FEATURE_NOUNS = words("feature_nouns")             # "the Samara River": a name of its own, not Samara
GENERIC_NAMES = words("generic_names")             # "the West", "the Bay of …": no place alone
_TITLE_CUE = re.compile(r"\b(?:newspapers?|journals?|papers?|magazines?|weekly|daily|organ|ship|cruiser|"
                        r"battleship|steamer|steamship|vessel|yacht|gunboat)\s*,?\s*(?:the\s+)?[\"“‘']?$", re.I)
_PERSON_CUES = TITLES | GIVEN_NAMES
_TITLE_HINTS = ("paper", "journal", "magazine", "weekly", "daily", "organ", "ship", "cruiser", "steamer",
                "vessel", "yacht", "gunboat")
_TITLE_HINT = re.compile("|".join(_TITLE_HINTS))    # one search, not one per word
_BEFORE_BRACKET = re.compile(r"([^\W\d_]+)\s*\(\s*[\"“‘']?$")
# (words are taken whole, never backtracked into: a search anchored at the end tries every position)
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'’]*+(?: |[-‐–])$")
_LAST_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_]++)\s++$")      # (tried at word starts only)
# The date of each member of a list, between them: "took Voronezh on 24 October 1919 and Kastornoye on 15
# November", "occupied Lithuania on 15 June and Latvia and Estonia two days later"
MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
LIST_DATE = (rf"(?:\s+(?:on|in)\s+(?:(?:early|mid|late)\s+)?(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})(?:\s+\d{{1,2}})?"
             r"(?:,?\s+\d{4})?)?")
_LIST_AFTER_CUE = re.compile(r"(?:['’]s)?(?P<dated>" + LIST_DATE + ")" +
                             r"(?:\s*,\s*(?:then\s+|later\s+)?|\s+and\s+(?:then\s+|later\s+)?|\s+then\s+|"
                             r"\s+or\s+|\s*,\s*and\s+(?:then\s+|later\s+)?)(?:(?:to|in|at)\s+)?(?:the\s+)?"
                             r"(?:(?:northern|southern|eastern|western|central)\s+)?")   # "…, northern Italy, …"
# A person's name right before a place name makes it a person's (Prince Georgi Lvov).
_INITIAL = re.compile(r"\b[A-Z]\.\s*$")
# Words that put what follows at a place ("in", "to the", "the village of", "left the capital for").
_CUE_WORDS = ("in at to from near into onto towards toward via inside outside through across around up down along above below "
              "reached reaching visited visiting entered entering left leaving leave reach visit enter "
              "within throughout between captured capturing capture recaptured took taking stormed liberated "
              "liberating besieged defended occupied occupying seized attacked bombed toured touring inspected "
              "taken retook retaken cleared renamed").split()
_CUE_SET = frozenset(_CUE_WORDS)
_UP_DOWN = frozenset(("above", "below"))
_TITLE_OF = re.compile(r"\bof\s+$")   # a capitalised event noun after "of" is a title's ("… of Defence of")
# Nouns of an event at a place named after "of": "the capture of Gdov", "the siege of Leningrad".
EVENTS_OF = frozenset("""capture recapture fall siege battle defence defense occupation liberation storming
    evacuation bombing invasion surrender encirclement sack""".split())
_SETTLEMENTS = frozenset("""city town village hamlet port settlement capital fortress region province district
    island republic oblast suburb outskirts environs streets shtetl resort spa""".split())
# Words that may stand between a cue and the name: "in the small Siberian town of …" is cued at "of".
_BETWEEN_CUE = frozenset(sections("place_cues")["between a cue and its name"])   # "in the small town of Gori"
# An organisation whose name holds a place name: "the Communist Party of the Soviet Union".
_ORG_OF = re.compile(r"\b(?:Party|Council|Ministers|Commissars|Commissariat|Committee|Presidium|"
                     r"Politburo|Academy|Union of Writers|Federation|Army|Navy|Front|Bank)\s+of\s+(?:the\s+)?$")
# What comes after a name and makes it something else's.
# (a station is named after where its line goes; a treaty outlives the town it was signed in)
_STATION = re.compile(r"^(?:['’]s)?[ -](?:(?:Railway\s+|Rail\s+)?(?:Station|Terminal|Line|Railway)|"
                      r"Conventions?|Accords?|Protocols?|Agreement|Pact|Treaty|"
                      r"Times|Herald|Tribune|Post|Gazette|Chronicle|Telegraph|Daily)\b")   # "the New York Times"
_ADMIN = re.compile(r"^(?:['’]s)?[ -](?:Governorate|Province|Oblast|District|Region|Krai|Kray|"
                    r"Guberniya|Gubernia|Uezd|Uyezd|Okrug|County|Voivodeship|ASSR|SSR|"
                    r"governorate|province|oblast|guberniya)\b")       # ("Irkutsk province": written small)
# What may stand between a small place and the larger one that only locates it.
_QUALIFIER_GAP = re.compile(
    r"^[\s,(]*(?:(?:now|then|today|later|at the time|once|formerly)\s+)?"
    r"(?:(?:in|of|at|the|a|an|part|parts|remote|small|far|north|south|east|west|northern|southern|"
    r"eastern|western|central|province|provincial|region|district|town|city|village|hamlet|port|capital|"
    r"what was then|what is now|(?:north|south|east|west)(?:ern)?-(?:central|north|south|east|west)(?:ern)?)"
    r"[\s,]+)*$", re.I)
# "Yevpatoria, a resort town in the Crimea", "Nizhyn, a quiet town in the Chernigov Governorate": what the
# settlement is, then where it lies
_SETTLEMENT_GAP = re.compile(r"^\s*,\s*(?:then\s+|now\s+)?(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}?(?:town|city|village|"
                             r"hamlet|port|seaport|settlement|resort|spa|suburb|capital|fortress)\s+(?:in|of)\s+"
                             r"(?:the\s+)?(?:[A-Z][\w'’-]+\s+(?i:oblast|governorate|province|district|region|krai|"
                             r"uyezd)\s+of\s+(?:the\s+)?)?$")   # ("in the Semirechye Oblast of Russian Turkestan")
_SMALL = ("city", "village", "site")
# A street or square a building stands on: "the Hotel Lux on Gorky Street", "the house at 10 Downing Street"
_STREET = re.compile(r"\b(?:Street|Square|Lane|Avenue|Boulevard|Embankment|Prospekt|Prospect)$")
_ON_GAP = re.compile(r"\s+(?:on|in|at)\s+(?:the\s+)?(?:\d+\s+)?|\s*,\s*")
_BIG = ("region", "country")


@dataclass(frozen=True)
class Mention:
    """A span of a text that names a place."""

    start: int
    end: int
    text: str
    place: str                      # the place id (a curated id, or ``geonames-<id>``)
    source: str                     # "curated", "geonames", "regions", "nominatim" or "context"
    confidence: float
    location: Place | None = field(default=None, compare=False, repr=False)
    cued: bool = field(default=False, compare=False, repr=False)


# The gazetteer's names, by their words --------------------------------------------------------
@dataclass
class _Names:
    lengths: dict[str, set[int]]          # first folded word -> lengths (in words) of names
    keys: set[str]                        # every folded name, words joined by one space
    lower_first: re.Pattern | None        # names written with a small first letter ("central Asia"): see _lower_names
    named: dict[str, list]                # folded name -> [(place id, Name)], for the names' periods
    dated: set[str] = field(default_factory=set)   # folded names in use only for a period
    heads: set[str] = field(default_factory=set)   # first three letters of every name's first word
    memo: dict = field(default_factory=dict)       # candidates of names that have no period


_NAMES: dict[int, tuple[Gazetteer, _Names]] = {}


def _names(gazetteer: Gazetteer) -> _Names:
    hit = _NAMES.get(id(gazetteer))
    if hit and hit[0] is gazetteer:
        return hit[1]
    lengths: dict[str, set[int]] = {}
    keys: set[str] = set()
    lower: set[str] = set()
    named: dict[str, list] = {}
    for place in gazetteer:
        for n in place.all_names():
            for key in fold_variants(n.text):
                words = key.split()
                named.setdefault(key, []).append((place.id, n))
                if words and words[0] == "the" and len(words) > 1:
                    words = words[1:]
                keys.add(" ".join(words))
                lengths.setdefault(words[0], set()).add(len(words))
            first = n.text.split()[0] if n.text.split() else ""
            if first[:1].islower() and first != "the":
                lower.add(n.text)
    pattern = None
    if lower:
        alternatives = "|".join(re.escape(n) for n in sorted(lower, key=len, reverse=True))
        pattern = re.compile(rf"(?:{alternatives})(?![\w])")
    dated = {key for key, pairs in named.items() if any(n.dated for _, n in pairs)}
    heads = {key.split()[0][:3] for key in keys}
    heads |= {key.split()[1][:3] for key in keys if " " in key and key.split()[0] in _COMPASS_WORDS}
    names = _Names(lengths, keys, pattern, named, dated, heads)
    _NAMES.clear()
    _NAMES[id(gazetteer)] = (gazetteer, names)
    return names


# Finding ----------------------------------------------------------------------------------------
_FOLDS: dict[str, str] = {}


def _fold(word: str) -> str:
    f = _FOLDS.get(word)
    if f is None:
        if len(_FOLDS) > 200_000:
            _FOLDS.clear()
        f = _FOLDS[word] = fold(word)
    return f


def _spelling(word: str) -> str:
    """A name's key over the ways Russian names are written in English: "Privolnoye" and "Privolnoe", "Yegoryevsk"
    and "Egorevsk" (ye, yo and e; a final -iy or -yy and -y)."""
    return _ENDING.sub("y", _YE.sub("e", _fold(word)))


_YE = re.compile(r"y[eo]")
_ENDING = re.compile(r"(?:iy|yy|ii)\b")


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(POSSESSIVE) and len(word) > 3 else word


def _runs(text: str, start: int, limit: int = 5, capitalised: bool = False) -> list[tuple[int, str]]:
    """From a word at ``start``, the words that may continue a name: ``[(end, word), …]``; ``capitalised``:
    only as long as they are capitalised (a name the gazetteers may not know: "Novaya Uda")."""
    m = WORD.match(text, start)
    out = [(m.end(), m.group())]
    pos = m.end()
    # (past a possessive only toward a curated name that holds one: "Lenin's Mausoleum")
    while len(out) < limit and not (capitalised and out[-1][1].endswith(POSSESSIVE)):
        j = _JOIN.match(text, pos)
        if not j or (capitalised and not j.group(1)[:1].isupper() and not (
                text.startswith("-", pos) and (text.startswith("-", j.end()) or _ELIDED_NAME.search(j.group(1))))):
            break                                  # (on over a hyphen and a small word to a part that goes on:
            #                                        "Ville-d'Avray", "Saint-Germain-en-Laye", "Châlons-sur-Marne")
        out.append((j.end(), j.group(1)))
        pos = j.end()
    return out


def _run_end(text: str, runs: list[tuple[int, str]], persons: set[str]) -> int:
    """The end of a capitalised run as a place's name: before a person who acts after it ("In Yan'an Mao
    wrote …": Yan'an; not "Mao Street"), else the whole run."""
    if len(runs) > 1 and _fold(_strip_possessive(runs[-1][1])) in persons and _ACTS_AFTER.match(text, runs[-1][0]):
        for k in range(1, len(runs)):
            if _fold(_strip_possessive(runs[k][1])) in persons:
                return runs[k - 1][0]
    return runs[-1][0]


_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|near|from|outside)\s+$")
# Before and in a name that is no village's: "the Red Army", "Security and Cooperation", "the 2nd Rifle Division"
_NO_VILLAGE_BEFORE = re.compile(r"\b(?:the|of|and)\s+$|\d\w*\s+$")
_BODY_WORD = re.compile(r"\b(?:Army|Corps|Division|Regiment|Brigade|Forces|Front|Fleet|Flotilla|Group|Committee|"
                        r"Council|Party|Conference|Congress)$")


def _past_verb(word: str) -> bool:
    """A verb in the past tense the clause reader knows: after a place's name right after its preposition,
    its clause's verb, not a noun the name qualifies ("a court in Budapest sentenced him")."""
    from .extract.tagger import verbs

    return verbs().get(word, ("", "", ""))[2] == "past"


def _acts_after(text: str, end: int) -> bool:
    """The name that ends at ``end`` is a clause's subject: a verb follows it ("Kirov was shot", "Zhdanov led")."""
    verb = _SMALL_WORD_AFTER.match(text[end:end + 30])
    return _SUBJECT_VERB_AFTER.match(text, end) is not None or (verb is not None and _past_verb(verb.group(1)))


def _person_acts_after(text: str, end: int, persons: set[str]) -> bool:
    """A person the text names, and what they do, right after ``end``: the run was cut there (``_run_end``)."""
    if text[end:end + 1] != " " or WORD.match(text, end + 1) is None:
        return False
    runs = _runs(text, end + 1, capitalised=True)
    return _fold(_strip_possessive(runs[0][1])) in persons and _ACTS_AFTER.match(text, runs[-1][0]) is not None


_ACTS_AFTER = re.compile(r"\s+(?:[a-z]+ly\s+)?(?!(?:of|and|or|in|at|on|to|the|from|for|by|with|near)\b)[a-z]+")


def _compass_name(text: str, start: int, word: int, names: "_Names") -> int | None:
    """The end of a name that starts with a small compass word ("eastern Siberia") or an ordinal ("1st
    Ukrainian Front"), if the gazetteer has it."""
    runs = _runs(text, word, limit=4)
    prefix = _fold(text[start:word].strip())
    for n in range(len(runs), 0, -1):
        key = prefix + " " + " ".join(_fold(_strip_possessive(w)) for _, w in runs[:n])
        if key in names.keys:
            end = runs[n - 1][0]
            return end - 2 if text[start:end].endswith(POSSESSIVE) else end
    return None


def _continues_name(text: str, start: int) -> bool:
    """Whether the word at ``start`` continues a capitalised name ("Powers" in "Central Powers"); a
    capitalised cue opening the sentence ("In Omsk …") is no name."""
    m = _CAPITAL_BEFORE.search(text[max(0, start - 30):start])
    return m is not None and m.group().strip(" -‐–").lower() not in _CUE_SET


def learn_persons(text: str) -> set[str]:
    """Folded surnames the text gives to people: the word after a first name, an initial or a
    title ("Lev Kamenev", "K. Stalin", "Prince Georgi Lvov", "his brother Pavel")."""
    persons = set(SURNAMES)
    first = text.find("(", 0, 300)                  # "Christopher Columbus (1451 – 1506) was …": the subject
    if first > 0 and _YEAR_INSIDE.match(text, first):
        name = _NAME_BEFORE.search(text, max(0, first - 60), first)
        if name is not None:
            persons.add(_fold(name.group(1)))
    cues = _PERSON_CUES
    for m in _WORD_THEN_CAPITAL.finditer(text):
        word = m.group(1)
        initial = len(word) == 1 and word.isupper() and text[m.end(1):m.end(1) + 1] == "."
        if word.lower() in cues or initial:
            if text[m.end(1):m.end(1) + 1] == "." and not (initial or word.lower() in _ABBREVIATED):
                continue                           # "…his father. The other…" ends a sentence
            n = _NAME_AFTER.match(text, m.end(1))
            if n and n.group(1) not in _NOT_SURNAMES:
                persons.add(_fold(_strip_possessive(n.group(1))))
    return persons


# The last name before the bracketed lifespan of a text's opening: "Christopher Columbus (1451 – 1506)"
# (not any place before bracketed years: "Germany (1918–1923)").
_NAME_BEFORE = re.compile(r"([A-Z][\w'’-]+)(?:\[\w{1,3}\])?\s*$")
_YEAR_INSIDE = re.compile(r"\([^()]{0,150}?\d{3,4}")
# A word followed by a capitalised word (or an initial's stop): where a person's name may follow. (The
# word is taken whole, never backtracked into: a letter cannot be what follows it, and a whole text of
# words backtracked letter by letter took two fifths more time.)
_WORD_THEN_CAPITAL = re.compile(r"\b([A-Za-z]++)\.?\s+(?=[A-Z])")
# (at most three more initials: an open repeat backtracked over a whole run "A. B. C. …" from each
# of its letters, quadratic in the run)
_NAME_AFTER = re.compile(r"\.?[ \t]+(?:[A-Z]\.[ \t]*){0,3}(?:[A-Z][a-zà-ÿ]+[ \t]+)?([A-Z][\w'’]+)")
_ABBREVIATED = frozenset("mr mrs ms dr st gen col lt capt prof".split())
_NOT_SURNAMES = frozenset("""The A An In On At By Of And But Or For To From With As If When While Although Though
    There This That These Those It He She They We His Her Their Some Many Most All After Before
    Secretary Duchy Duke Council Committee Army Staff Commissar""".split())


def _is_person_before(text: str, start: int) -> bool:
    """A first name, an initial or a title right before ``start``: "Prince Lvov", "K. Stalin"."""
    before = text[max(0, start - 30):start]
    if _INITIAL.search(before[-6:]) or (_ONES_END.search(before) and not _OWNER.match(text, start)):
        return True                                # ("the funeral of Ho Chi Minh": the man, not the city; not
        #                                            "the murder of Kiev's Jews")
    m = _LAST_WORD.search(before)
    return bool(m) and m.group(1)[:1].isupper() and m.group(1).lower() in _PERSON_CUES


# What only a person has: "the funeral of", "the assassination of", "the widow of"
_OWNER = re.compile(r"[\w-]+(?:\s+[A-Z][\w-]+){0,3}['’]s\b")
_ONES_END = re.compile(r"\b(?:funeral|assassination|murder|execution|widow|burial|lying\s+in\s+state)\s+of\s+$")
# "for" places only after a word of leaving: "left the capital for Siberia", "set off for Monastyrskoe".
_LEFT_FOR = re.compile(r"\b(?:[Ll]eft|[Ll]eaving|[Ll]eave|[Ss]et off|[Ss]et out|[Dd]eparted|[Bb]ound|[Hh]eaded|"
                       r"[Hh]eading|[Ss]ailed|[Ss]ent)\b[^.;\n]{0,50}\bfor\s+(?:[Tt]he\s+)?$")


def _of_before(text: str, start: int) -> bool:
    """Whether the cue right before ``start`` (over "the") is "of" after a noun of a site alone ("the works of
    Marx"), which may be a man's as well as a place's; not "the town of", "the liberation of", "the outskirts
    of"."""
    before = _word_before(text, start)
    if before is not None and before[1].lower() == "the":
        before = _word_before(text, before[0])
    if before is None or before[1].lower() != "of":
        return False
    noun = _word_before(text, before[0])
    return noun is not None and noun[1].lower() in words("site_nouns") and not (
        noun[1].lower() in _SETTLEMENTS or noun[1].lower() in EVENTS_OF or noun[1].lower() in words("of_a_place"))


def _word_before(text: str, pos: int) -> tuple[int, str] | None:
    """``(start, word)`` of the word that ends, followed by one space, right before ``pos``."""
    if text[pos - 1:pos] != " " or not text[pos - 2:pos - 1].isalpha():
        return None
    i = text.rfind(" ", max(0, pos - 24), pos - 1) + 1
    if i and text[i:pos - 1].isalpha():
        return i, text[i:pos - 1]                  # most words run back to a space
    i = pos - 2
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return i, text[i:pos - 1]


def _cue_word(text: str, start: int, word: str) -> bool:
    """Whether ``word`` (at ``start``, with what precedes it) is a locative cue: "in", "to the",
    "the village of", "left the capital for"."""
    word = word.lower()
    if word == "the":
        before = _word_before(text, start)
        if before is None:
            return False
        start, word = before[0], before[1].lower()
    if word in _CUE_SET:
        return True
    if word == "now":                              # "as far south as what is now Ghana"
        return _WHAT_IS_NOW.search(text, max(0, start - 12), start + 3) is not None
    if word == "of":
        before = _word_before(text, start)
        if before is not None and before[1].istitle() and before[1].lower() in EVENTS_OF and _TITLE_OF.search(
                text, max(0, before[0] - 4), before[0]):
            return False                           # "the Minister of Defence of the USSR": a body's name, no fight
        return before is not None and (before[1].lower() in _SETTLEMENTS or before[1].lower() in EVENTS_OF
                                       or before[1].lower() in words("of_a_place") or before[1].lower() == "out"
                                       or before[1].lower() in words("site_nouns"))   # "the town hospital of Vyazma"
    if word == "for":
        return _LEFT_FOR.search(text, max(0, start - 67), start + 4) is not None
    if word == "on":                               # "on Staten Island", "on the Åland Islands"; not "on Lenin",
        return _ON_ISLAND.match(text, start) is not None and \
            TOPIC_BEFORE.search(text, max(0, start - 12), start) is None   # nor "an article on Staten Island"
    if word == "as":                               # "had got as far as Singapore"
        return _AS_FAR_AS.search(text, max(0, start - 8), start + 2) is not None
    if word == "including":                        # "several cities, including Turin", not "writers, including Gorky"
        if _PLACES_INCLUDING.search(text, max(0, start - 40), start) is not None:
            return True
        name = WORD.match(text, start + len(word) + 1)
        return name is not None and _fold(name.group()) not in _SURNAMES_ANY
    return False


TOPIC_BEFORE = re.compile(r"\b(?:article|book|report|essay|pamphlet|lecture|paper|study|speech|talks|views|"
                           r"remarks|notes|thesis|poem)s?\s+$")
_ON_ISLAND = re.compile(r"on\s+(?:the\s+)?(?:[A-Z\u00c0-\u024f][\w'’-]*\s+){1,3}Islands?\b")
_WHAT_IS_NOW = re.compile(r"\bwhat\s+(?:is|was)\s+now$", re.IGNORECASE)
_AS_FAR_AS = re.compile(r"\bas\s+far\s+as$", re.IGNORECASE)
_PLACES_INCLUDING = re.compile(r"\b(?:cities|towns|villages|places|countries|regions|islands|ports|capitals|states|"
                               r"areas|territories|republics|provinces)\W*$", re.IGNORECASE)
_SURNAMES_ANY = SURNAMES | PLACE_SURNAMES


@dataclass(frozen=True)
class _CuedName:
    """Where a cued name left for the fallback ends: "between Zagreb, Ljubljana and Vienna" goes on
    after Zagreb as after a place of the gazetteer."""

    end: int
    cued: bool = True
    of: bool = False          # cued by "of" after a site's noun ("the works of Marx"): it may be a man's name


def _before(found: list["Mention"], cued_unknown: _CuedName | None) -> list:
    """The mention or cued name left for the fallback that ends last, as ``_cued`` reads ``previous``."""
    if cued_unknown is not None and (not found or found[-1].end < cued_unknown.end):
        return [cued_unknown]
    return found[-1:]


def _cued(text: str, start: int, previous: list["Mention"]) -> bool:
    """Whether a cue stands right before ``start`` (over a few adjectives: "in the small Siberian
    town of"), or a list that a cue opened goes on ("in Russia and Georgia", "to Moscow, Kiev and
    Odessa")."""
    return _cue_before(text, start) or bool(previous) and previous[-1].cued and _goes_on(text, previous[-1].end, start)


def _cue_before(text: str, start: int) -> bool:
    """Whether a cue stands right before ``start``, over a few adjectives (``_cued`` without the lists)."""
    pos = start
    for _ in range(4):
        before = _word_before(text, pos)
        if before is None:
            return False
        if _cue_word(text, *before):
            # (not "ranked just below Kirov", "stood above Kalinin": a rank above a man whose name a city bore)
            return before[1].lower() not in _UP_DOWN or WORD.match(text, start).group().lower() not in PLACE_SURNAMES
        if before[1].lower() not in _BETWEEN_CUE:
            return False
        pos = before[0]
    return False


def _goes_on(text: str, end: int, start: int) -> bool:
    """Whether the name at ``start`` goes on the list of the place that ends at ``end``."""
    m = _LIST_AFTER_CUE.fullmatch(text[end:start])
    if m is None:
        return False
    # over a date, only a list of dated members: "took Voronezh on 24 October and Kastornoye on 15 November",
    # "occupied Lithuania on 15 June and Latvia two days later" (not "died at Kuntsevo on 5 March 1953, and
    # Molotov returned": a man)
    return not m.group("dated") or _DATED_AFTER.match(text, start) is not None


_DATED_AFTER = re.compile(rf"[^\s,;.]+(?:\s+(?:and\s+)?[A-Z][^\s,;.]*)*\s+(?:(?:on|in)\s+(?:\d|{MONTH_NAMES})"
                          r"|(?:\w+\s+){1,2}later\b)")


def _is_title(text: str, start: int) -> bool:
    """Right after "the newspaper", "the cruiser", … or a bracketed gloss after a title."""
    before = text[max(0, start - 40):start]
    if _TITLE_HINT.search(before.lower()) and _TITLE_CUE.search(before):
        return True
    if "(" not in before[-6:]:
        return False
    m = _BEFORE_BRACKET.search(before)
    return bool(m) and _fold(m.group(1)) in TITLE_WORDS


def find_places(text: str, gazetteer: Gazetteer, *, fallback=None,
                when: Callable[[int], dt.date | None] | None = None,
                persons: set[str] | None = None) -> list[Mention]:
    """Every place mention in ``text``, in order, without overlaps.

    ``fallback`` is a ``lifemap.geonames.GeoNames`` asked for capitalised names after a locative
    cue that the gazetteer lacks; ``when(offset)`` gives the date in force at an offset, so a dated
    name (Tsaritsyn, Stalingrad) resolves as of then.
    """
    names = _names(gazetteer)
    persons = learn_persons(text) if persons is None else persons
    found: list[Mention] = []
    unknown: list[tuple[int, int, str]] = []       # capitalised runs for the fallback
    loose: set[int] = set()                        # those of them taken without a cue (large cities only)
    cued_unknown = None                            # the last of them: a list it opens goes on after it
    pos = 0
    heads = names.heads
    for cap in _CAPITAL.finditer(text):
        start = cap.start()
        if start < pos:
            continue
        head = text[start:start + 3].lower()
        if not head.isalpha():
            head = WORD.match(text, start).group()[:3].lower()
        if head not in heads and head.isascii():
            # no name starts so: only a capitalised word after a cue may be one for the fallback
            # a word that opens a sentence is no name; one after a comma may go on a cued list
            if fallback is None or text[start - 1:start] != " " or not (
                    text[start - 2:start - 1].isalnum() or text[start - 2:start - 1] == ","):
                continue
            if _continues_name(text, start):
                continue
            cued_here = _cued(text, start, _before(found, cued_unknown))
            runs = _runs(text, start, capitalised=True)
            stop = _run_end(text, runs, persons)
            unknown.append((start, stop, text[start:stop]))
            if cued_here:
                cued_unknown = _CuedName(stop, of=_of_before(text, start))
            else:
                loose.add(start)
            pos = runs[0][0]
            continue
        before = text.rfind(" ", max(0, start - 18), start - 1) + 1 if text[start - 2:start - 1].islower() else 0
        if before and text[start - 1:start] == " " and (text[before:start - 1].lower() in _COMPASS_WORDS
                                                         or _ORDINAL.fullmatch(text, before, start - 1)):
            prefixed = _compass_name(text, before, start, names)
            if prefixed is not None:
                mention = _curated(text, before, prefixed, text[before:prefixed], gazetteer,
                                   names, when, persons, _before(found, cued_unknown))
                if mention is not None:
                    found.append(mention)
                    pos = prefixed
                    continue
        first = WORD.match(text, start)
        if first is None:
            continue
        lengths = names.lengths.get(_fold(_strip_possessive(first.group())))
        if not lengths:
            # the whole run of capitalised words, for the fallback ("Novaya Uda", not "Uda" alone); uncued
            # ones only inside a sentence (the fallback takes those only if they name a large city)
            cued = fallback is not None and _cued(text, start, _before(found, cued_unknown))
            inside = text[start - 1:start] == " " and (text[start - 2:start - 1].isalnum() or text[start - 2:start - 1] == ",")
            if fallback is not None and (cued or inside) and not _continues_name(text, start):
                runs = _runs(text, start, capitalised=True)
                stop = _run_end(text, runs, persons)
                unknown.append((start, stop, text[start:stop]))
                if cued:
                    cued_unknown = _CuedName(stop, of=_of_before(text, start))
                else:
                    loose.add(start)
            pos = first.end()
            continue
        runs = _runs(text, start, limit=max(lengths))
        folded = [_fold(_strip_possessive(w)) for _, w in runs]
        match = None
        # (after "a", a name that ends in a common noun is that noun's kind: "a Moscow station" is in Moscow)
        generic = text[start - 2:start] == "a " or text[start - 3:start] == "an "
        for n in range(len(runs), 0, -1):
            if n in lengths and " ".join(folded[:n]) in names.keys and not (
                    generic and n > 1 and runs[n - 1][1][:1].islower()):
                match = n
                break
        if match is None:
            n = 1
            while n < len(runs) and runs[n][1][:1].isupper():
                n += 1
            if fallback is not None and not _continues_name(text, start):
                unknown.append((start, runs[n - 1][0], text[start:runs[n - 1][0]]))
            pos = runs[0][0]
            continue
        end = runs[match - 1][0]
        word = text[start:end]
        if word.endswith(POSSESSIVE):
            end -= 2
            word = word[:-2]
        # (a list a cue opened goes on over names left for the fallback: "to Greece, Cyprus, Italy and Spain")
        mention = _curated(text, start, end, word, gazetteer, names, when, persons, _before(found, cued_unknown))
        if mention is not None:
            found.append(mention)
        pos = end
    if names.lower_first is not None:
        starts = [f.start for f in found]
        extra = []
        for m in _lower_names(names.lower_first, text):
            k = bisect.bisect_left(starts, m.end())
            if k and found[k - 1].end > m.start():
                continue                           # inside a mention found already
            mention = _curated(text, m.start(), m.end(), m.group(), gazetteer, names, when, persons,
                               found[:k][-1:])
            if mention is not None:
                extra.append(mention)
        found = sorted(found + extra, key=lambda f: f.start)
    kept = _drop_qualifiers(text, found)
    if fallback is not None and unknown:
        # places found in GeoNames qualify and are qualified like curated ones ("Kumrovec, Austria-Hungary"); the
        # fallback reads the qualifiers dropped too, over which a list goes on ("visited Yalta, on the coast of the
        # Crimea, and Gurzuf"; "docked in Bristol, England and Galway, Ireland"), and they stay dropped
        dropped = {id(f) for f in found} - {id(f) for f in kept}
        fell_back = _with_fallback(text, found, unknown, fallback, persons, loose, dropped)
        kept = _drop_qualifiers(text, [f for f in fell_back if id(f) not in dropped])
    found = kept
    return _without_titles(text, _with_sites(text, _with_abbreviations(text, found), gazetteer))


# A place's abbreviation, given in brackets after its name: "Moscow State University (MSU)"
_ABBREVIATION_AFTER = re.compile(r"\s*\(([A-Z]{2,6})\)")


def _with_abbreviations(text: str, found: list[Mention]) -> list[Mention]:
    """The places the text names by an abbreviation it gave after their full name ("the law school of Moscow State
    University (MSU)", then "At MSU, he …"): each later use of it names the same place."""
    given: dict[str, Mention] = {}
    for f in found:
        m = _ABBREVIATION_AFTER.match(text, f.end)
        words = [w for w in f.text.split() if w[:1].isupper()]
        # its initials ("Moscow State University (MSU)", "Leningrad State University (LGU)" in Russian), not a code
        # of where a one-word town lies ("Prague (CSSR)", "Berkeley (CA)")
        if m is not None and f.location is not None and len(words) >= 2 and m.group(1)[0] == words[0][0]:
            given.setdefault(m.group(1), f)
    if not given:
        return found
    starts = {f.start for f in found}
    extra = [Mention(m.start(), m.end(), m.group(), given[m.group()].place, given[m.group()].source,
                     given[m.group()].confidence, given[m.group()].location)
             for m in re.finditer(r"(?<![\w(-])(?:" + "|".join(map(re.escape, given)) + r")(?![\w)-])", text)
             if m.start() not in starts and m.start() > given[m.group()].end and not _NOUN_AFTER.match(text, m.end())]
    return sorted(found + extra, key=lambda f: f.start) if extra else found


# a lowercase word after an abbreviation that makes it a modifier: "fellow MSU students", "an MSU graduate course"
_NOUN_AFTER = re.compile(r"\s+(?!(?:in|at|on|to|from|and|or|as|for|with|by|of|where|when|which|who|until|after|before|"
                         r"during|he|she|they|was|were|had|is)\b)[a-z]")


# A work's title in quotation marks: "a poem titled "Prussian Nights"", "the essay "Jews in the USSR"".
_TITLE_WORDS = "titled entitled called named book novel poem essay article pamphlet play film story lecture speech report"
_QUOTED_TITLE = re.compile(r"\b(?:" + _TITLE_WORDS.replace(" ", "|") + r")\s*,?\s+[\"“]([^\"”\n]{1,200})[\"”]")


# A work's title in title case after the words that publish it, in their clause: "his memoirs were published as
# Divisional Commander: From Sinyavino Heights to the Elbe" (small words inside it: of, the, to, from, and, a,
# an); not "published in cities such as Kiev", "as well as", "as far as", a post ("as Chairman of the Petrograd
# Soviet"), nor "as Leningrad was encircled" (a clause)
_PUBLISHING = ("published", "issued", "translated", "collected")        # (and "reissued")
def _title_run(after_word: str) -> str:
    """A title in title case: capitalised words, the small words between them, and ``after_word`` (":" or "[:,]")
    that may follow a word."""
    return rf"(?:[A-Z][\w'’-]*{after_word}?\s+(?:(?:of|the|to|from|and|a|an)\s+)*)*[A-Z][\w'’-]*"


# (the run is atomic: cut short, it would dodge the verb after it, "published as Moscow and Leningrad were …")
_TITLE_RUN = rf"(?>({_title_run('[:,]')}))"
_PUBLISHED_AS = re.compile(r"\b(?:(?:published|issued|reissued|translated)\b[^.;:,]{0,60}?(?<!such)(?<!far)(?<!away)"
                           r"(?<!well)\s|collected\s+)(?:as|under\s+the\s+title)\s+" + _TITLE_RUN +
                           r"(?!\s+(?:was|were|had|is|are|fell|began)\b)")


# A work's title in title case right after the noun of the work ("the novel Petersburg"), or after a comma that
# ends its noun or what it is of, the title then ending its clause or aside ("a memoir of his early years, The
# Fourth Vologda.", "his first book, Odessa Stories, made him famous"; not "a cycle of lectures in Paris, London and
# Berlin", "the book, Moscow and Leningrad were …")
# (data/lexicon/works.txt); a title holds no comma ("the novel Mother, Capri became his home")
@functools.cache
def _named_work() -> re.Pattern:
    works = "|".join(sorted(words("works"), key=len, reverse=True))
    run = _title_run(":")
    return re.compile(rf"(?<![\w-])(?:{works})(?:\s+(?>({run}))(?!\s+(?:was|were|had|is|are|fell|began)\b)"
                      rf"|(?:\s+(?:of|about|on)\s+[^.;:,()A-Z]{{1,40}}?)?,\s+(?>(?P<after_comma>{run}))"
                      r"(?=\s*(?:[.;:),]|$)))")


def _without_titles(text: str, found: list[Mention]) -> list[Mention]:
    """``found`` without the places named inside a work's title, quoted, published so or after the work's
    noun: no one went to them."""
    quoted = '"' in text or "“" in text
    published = any(word in text for word in _PUBLISHING)     # (a substring test: the scan is the cost)
    titles = [m.span(1) for m in _quoted_titles(text)] if quoted else []
    if published:
        titles += [m.span(1) for m in _PUBLISHED_AS.finditer(text) if m.group(1).split()[0].lower() not in _POSTS]
    titles += [m.span(1) if m.group(1) else m.span("after_comma") for m in _named_work().finditer(text)]
    titles.sort()
    # a few words quoted, not a name ("the duet "Quis est Homo"", not "the "Republic of Užice""), nor speech after a
    # colon ('She wrote: "We left Moscow for Hobart in May."'): no name GeoNames gave there is a place
    phrases = [m.span(1) for m in _QUOTED_PHRASE.finditer(text) if len(m.group(1).split()) <= 4
               and any(w[:1].islower() and w not in _NAME_PARTICLES for w in m.group(1).split())
               and not text[:m.start()].rstrip().endswith(":")] if quoted else []
    if not titles and not phrases:
        return found

    def inside(f: Mention, spans: list[tuple[int, int]]) -> bool:
        k = bisect.bisect_right(spans, (f.start, len(text))) - 1
        return k >= 0 and f.end <= spans[k][1]

    return [f for f in found if not inside(f, titles) and not (f.source != "curated" and inside(f, phrases))]


_OPENING_QUOTE = re.compile(r"[\"“]")
_NAME_PARTICLES = frozenset("of the de du des la le di da del von van der den zu am an on upon sur en".split())
_QUOTED_PHRASE = re.compile(r"[\"“]([^\"“”\n]{1,120})[\"”]")
_POSTS = words("posts")


def _quoted_titles(text: str) -> Iterator[re.Match]:
    """``_QUOTED_TITLE.finditer(text)``, tried only where a quote follows one of its words: the pattern,
    which opens with a boundary, would be tried at every character of the text."""
    end = 0
    for quote in _OPENING_QUOTE.finditer(text):
        k = quote.start()
        if not text[k - 1:k].isspace():
            continue
        while k and text[k - 1].isspace():        # back over "\s*,?\s+" to where the word ends
            k -= 1
        if text[k - 1:k] == ",":
            k -= 1
            while k and text[k - 1].isspace():
                k -= 1
        for word in _TITLE_WORDS.split():
            if k - len(word) >= end and text.endswith(word, 0, k) and (
                    m := _QUOTED_TITLE.match(text, k - len(word))) is not None:
                yield m
                end = m.end()
                break


_WORD_CHAR = re.compile(r"[\w'’]")


def _lower_names(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """The matches of ``pattern`` (names with a small first letter) that no letter, digit or apostrophe
    precedes (checked outside the pattern: see ``lifemap.text.matches_not_after``)."""
    return matches_not_after(pattern, _WORD_CHAR, text)


def _candidates(word: str, key: str, day, gazetteer: Gazetteer, names: _Names) -> list[Place]:
    """``gazetteer.candidates``, remembered for names that have no period (most of them)."""
    if key in names.dated:
        return gazetteer.candidates(word, day)
    if key not in names.memo:
        names.memo[key] = gazetteer.candidates(word, None)
    return names.memo[key]


# "to" that addresses someone, not a place: "wrote to Molotov", "a telegram to Kirov", "loyal to Frunze"
_ADDRESSED = re.compile(r"\b(?:wr(?:ote|ite|ites|iting|itten)|said|says|spoke|speaks?|talk(?:ed|s)?|"
                        r"report(?:ed|s)?|repl(?:y|ied|ies)|complain(?:ed|s)?|appeal(?:ed|s)?|explain(?:ed|s)?|"
                        r"listen(?:ed|s)?|introduced|turned|telegraph(?:ed)?|cabled|wired|letters?|telegrams?|"
                        r"messages?|notes?|loyal|close|next|married|engaged|answer(?:ed|s)?|"
                        r"(?:him|her|it|them)\s+over)(?:\s+[a-z]+){0,2}?\s+to\s+$")   # (over "almost daily", "of instruction")


_ARTICLE_BEFORE = re.compile(r"(?<![\w])[Tt]he\s+$")
_NAME_GOES_ON = re.compile(r"\s+[A-Z]")


def _curated(text, start, end, word, gazetteer, names, when, persons, found) -> Mention | None:
    key = _fold(word)
    day = when(start) if when and key in names.dated else None
    places = _candidates(word, key, day, gazetteer, names)
    if not places and _ARTICLE_BEFORE.search(text, max(0, start - 4), start) and not _NAME_GOES_ON.match(text, end):
        # a name the gazetteer holds only with its article: "the Lena", "the Don" (not Lena the woman, nor
        # the people of "the Don Cossacks")
        places = _candidates("the " + word, "the " + key, day, gazetteer, names)
    if not places:
        return None
    place = places[0]
    after = text[end:end + 40]
    cued = _cued(text, start, found)
    if _STATION.match(after) or _is_title(text, start) or key in TITLE_WORDS:
        return None
    admin = _ADMIN.match(after)
    if admin and place.kind not in _BIG:
        return _seat_of(text, start, end + admin.end(), place)   # "Vologda Province" is not the town of Vologda
    if (feature := _WORD_AFTER.match(after)) is not None and feature.group(1).lower() in FEATURE_NOUNS:
        return None                                # "the Samara River", "Pearl Harbor": another feature's name
    if " of " in text[max(0, start - 12):start] and _ORG_OF.search(text[max(0, start - 50):start]) \
            and not _CAPITAL_NEXT.match(after):
        return None                                # "…Party of the Soviet Union" (not "…of the Petrograd Soviet")
    if _is_person_before(text, start):
        return None                                # "Prince Lvov", "Maxim Gorky"
    if _SURNAME_AFTER.match(after) and _names_one_before(text, start):
        return None                                # "the politician Milan Stojadinović": a first name, before a
        #                                            surname (not "in Milan Mussolini founded", "the Milan Nedić",
        #                                            "After Stalingrad Rokossovsky took …")
    if _compound(text, start, end, names):
        return None                                # "Kamenev–Stalin", "Russo-Finnish"
    if key in PLACE_SURNAMES and found and isinstance(found[-1], _CuedName) and found[-1].of and not _cue_before(
            text, start):
        return None                                # "the works of Marx and Engels": a list that "of" opened on a
        #                                            name no gazetteer holds is no list of towns for a man's to join
    confidence = 0.9
    if key in persons or key.split()[-1] in persons:
        if not cued or _named_site_after(after) or _ADDRESSED.search(text, max(0, start - 40), start) \
                or _ACCORDING_TO.search(text[max(0, start - 20):start]) or (
                    after.startswith(POSSESSIVE) and not (_cue_before(text, start) and _TOWN_PART.match(after))):
            return None                            # "Kirov" the man, not the city; "the Frunze Military Academy";
        #                                            "wrote to Molotov" (to him, not to Perm); "according to
        #                                            Molotov's own account" (not "evacuated to Kuibyshev's suburbs")
        if not _cue_before(text, start) and _acts_after(text, end):
            return None                            # a list goes on over a man who acts: "…, shortly after arriving
        #                                            at the Smolny Institute, Kirov was shot"
        confidence = 0.7
    dated = [n for pid, n in names.named.get(key, ()) if pid == place.id]
    if day is not None and dated and all(n.dated and not n.holds(day) for n in dated):
        if all(n.dated and not n.holds(day) for n in place.all_names()):
            return None                            # no name of it holds then: it was not there ("the Eastern
            #                                        Front" of the Civil War, in 1941)
        confidence -= 0.15                         # a name used outside its years
    if len(places) > 1:
        confidence -= 0.05
    return Mention(start, end, word, place.id, "curated", round(confidence, 2), place, cued)


def _seat_of(text: str, start: int, end: int, seat: Place) -> Mention | None:
    """A province named after its seat ("Irkutsk Governorate", "Vologda Province"), as a region at the
    seat's point; a district or a region named so is left out (too many share a town's name)."""
    word = text[start:end]
    if not _PROVINCE.search(word):
        return None
    place = Place(f"{seat.id}--{_slug(word.split()[-1])}", f"{word} (placed at its seat, {seat.name})", "region",
                  seat.country, seat.lat, seat.lon, parent=seat.id, coord_source=f"context:{seat.id}",
                  note=f"not in any gazetteer; placed at {seat.name}, its seat")
    return Mention(start, end, word, place.id, "context", 0.5, place, _cued(text, start, []))


# named after their seat (a military district after its headquarters)
_PROVINCES = (r"(?:Governorate|Province|Guberniya|Gubernia|Oblast|Krai|Kray|Military\s+District|"
              r"governorate|province|oblast|guberniya|krai|kray)")
_PROVINCE = re.compile(_PROVINCES + r"$")
_SEAT_RUN = re.compile(r"([A-Z][\w'’-]+)[ -]" + _PROVINCES + r"\b")
_PROVINCE_IN_RUN = re.compile(r"[ -]" + _PROVINCES + r"$")
_DISTRICT_WORD = re.compile(r"\s+(?:district|uyezd|uezd)\b")
_PROVINCE_AFTER = re.compile(r"[ -]" + _PROVINCES + r"\b")
# ("the Nikolsk district of the Vologda Governorate"; what it is "of" tells a town's quarter from a province's part)
_DISTRICT_RUN = re.compile(r"([A-Z][\w'’-]+)\s+(?:district|uyezd|uezd|District|Uyezd|Uezd)\b"
                           r"(?:\s+of\s+(?:the\s+)?([A-Z][\w'’-]+))?")


def _named_site_after(after: str) -> bool:
    """A building's name goes on after a surname: "Frunze Military Academy", "Lenin School" are named
    after the man, wherever they stand."""
    m = _CAPITALS_AFTER.match(after)
    return m is not None and m.group(1).lower() in words("site_nouns")


_CAPITALS_AFTER = re.compile(r"(?:\s+[A-Z][\w'’-]+){0,3}?\s+([A-Z][a-z]+)\b(?!\s+[A-Z])")


def _compound(text: str, start: int, end: int, names: _Names) -> bool:
    """Part of a hyphenated compound whose other part is no place: "Kamenev–Stalin", "Soviet-German"."""
    if text[start - 1:start] not in _DASHES and text[end:end + 1] not in _DASHES:
        return False
    before = re.search(r"([^\W\d_]+)[-‐–]$", text[max(0, start - 30):start])
    after = re.match(r"[-‐–]([^\W\d_]+)", text[end:end + 30])
    for m in (before, after):
        if m and _fold(m.group(1)) not in names.keys:
            return True
    return False


_DASHES = frozenset("-‐–")
_ADJECTIVE_AFTER = re.compile(r"[-‐][a-z]+\b(?![-‐'’])")     # (not a small word joining a name: "-on-Amur", "-d'Avray")
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")
_WORD_AFTER = re.compile(r" ([A-Z][a-z]+)\b")
_CITATION_MARK = re.compile(r"\[[^\]]{1,6}\]")
_COMMA_GAP = re.compile(r"\s*,\s*")
_THEN_GOES_ON = re.compile(r"\s*,?\s*(?:(?:and|or)\s+)?(?:then|later|finally|afterwards|also)\s+"
                           r"(?:(?:in|at|to)\s+)?[A-Z]")
_WASHINGTON = "washington-dc"                       # (the capital, in no state)


_BEARING_OF = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\b", re.IGNORECASE)
_IN_GAP = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?")   # "the Turukhansk region in (or of) Siberia"


def _drop_qualifiers(text: str, found: list[Mention]) -> list[Mention]:
    """Drop regions and countries that only locate a smaller place right next to them.

    "in Finland, in the town of Tampere" keeps Tampere; so does "Gori, then in the Tiflis
    Governorate (now Georgia)"; "Bailov Prison in Baku" keeps the prison, the site of the event.
    """
    drop: set[int] = set()
    anchor = False                                 # a small place whose qualifiers may follow
    for a, b in zip(found, found[1:]):
        if a.location is None or b.location is None:
            anchor = False
            continue
        gap = text[a.end:b.start]
        if "[" in gap:
            gap = _CITATION_MARK.sub("", gap)
        if a.location.country == "US" and b.text in us_states() and _COMMA_GAP.fullmatch(gap) and not (
                _list_goes_on(text, b.end) or _THEN_GOES_ON.match(text, b.end) or a.place == _WASHINGTON
                or (a.text in us_states() and a.text != b.text)):
            drop.add(id(b))                        # "Princeton, New Jersey", "Vancouver, Washington": the state (which
            anchor = True                          # GeoNames holds as a town, and we as a city) says where it lies;
            continue                               # not a list ("New York, Washington, where …", "…, New York and
            #                                        then Washington")
        if a.source == "context" and a.location.parent == b.place and len(gap) < _HOST_GAP and not (
                _SENTENCE_END.search(text, a.end, b.start + 1) or a.location.note.endswith(_NAMED_BEFORE)):
            drop.add(id(b))                        # "Kabany, a small and largely Jewish village in the Radomyshl
            anchor = True                          # district": the town it was placed at only said where it lies
            continue
        if len(gap) <= 60 and (_QUALIFIER_GAP.match(gap) or _SETTLEMENT_GAP.match(gap)) and _DISTRICT_WORD.match(
                text, b.end) and a.location.kind in _SMALL:
            drop.add(id(b))                        # "Furmanivka, a village in the Akkerman district", "Huliaipole, a
            anchor = True                          # large village in the Aleksandrovsk district": the district named
            continue                               # after its town only says where the village lies
        if _SETTLEMENT_GAP.match(gap) and a.location.kind in _SMALL and (
                b.location.kind in _BIG or a.location.parent == b.place):
            drop.add(id(b))                        # "Yevpatoria, a resort town in the Crimea", "Coyoacán, a
            #                                        suburb of Mexico City"
            anchor = True
            continue
        if a.location.kind == "site" and _STREET.search(b.text) and _ON_GAP.fullmatch(gap):
            drop.add(id(b))                        # "the Hotel Lux on Gorky Street": the street only says where
            anchor = True                          # the building stands
            continue
        if a.location.kind in _SMALL and b.location.kind in _BIG and _PART_OF_GAP.fullmatch(gap):
            drop.add(id(b))                        # "Koktebel, the village on the eastern coast of the Crimea",
            anchor = True                          # "Chiatura, the manganese town in the hills of Imereti": a part of
            continue                               # the region only says where the town lies
        if a.location.kind in _SMALL and _ABOVE_GAP.fullmatch(gap):
            drop.add(id(b))                        # "Kholodnaya Rechka, on the ridge above Gagra", "the Metekhi
            anchor = True                          # Castle, the old fortress prison above the Kura": it only says
            continue                               # where the place lies
        if _lies_in_town(text, a, b, gap):
            drop.add(id(b))                        # "Ostankino, in northern Moscow", "Rasht, in the province of
            anchor = True                          # Gilan", "the Brotherhood Church in Hackney"
            continue
        if gap in ("'s ", "’s ") and b.location.parent and b.location.parent == a.place:
            drop.add(id(a))                        # "Moscow's Vagankovo Cemetery", "Baku's Bailov Prison": the town
            anchor = True                          # only says where the site is
            continue
        if len(gap) > 60 or not _QUALIFIER_GAP.match(gap) or _BEARING_OF.search(gap):
            anchor = False                         # (not "the Kalinin Front north-west of Moscow": a bearing
            continue                               # from a reference point, which roles reads as one)
        if a.location.parent and a.location.parent == b.place:
            drop.add(id(b))                        # "Bailov Prison in Baku": the site is the place
            anchor = True
        elif b.location.parent and b.location.parent == a.place:
            drop.add(id(a))                        # "Baku's Bailov Prison"
            anchor = True
        elif b.location.kind in _BIG and (anchor or a.location.kind in _SMALL or (
                a.location.kind == "region" and _IN_GAP.fullmatch(gap))) and not (
                b.location.kind == "country" and a.location.country not in ("", "XX", b.location.country)
                and _in_a_list(text, found, a, b)):
            # (not another country in a list: "visiting Dresden, Wiesbaden, Belgium, and Paris")
            drop.add(id(b))                        # b only says where a lies ("the Turukhansk region in Siberia")
            anchor = True
        elif a.location.kind in _BIG and b.location.kind in _SMALL and not _LIST_GOES_ON.match(text, b.end):
            if id(a) not in drop:
                drop.add(id(a))                    # a only says where b lies
            anchor = True
        else:
            anchor = False
    return [f for f in found if id(f) not in drop]


def _lies_in_town(text: str, a: Mention, b: Mention, gap: str) -> bool:
    """Whether the town ``b``, after "in" and words for a part of it ("Ostankino, in northern Moscow", "Kommunarka,
    in the southern outskirts of Moscow", "Crowborough in Sussex"), only says where the town or site ``a`` lies.
    Not a list that goes on ("at Zlatoust, in Chelyabinsk, then in Magnitogorsk", "in Kungur, in Perm, in
    Sarapul"), a town left ("away from Beijing, in Hangzhou"), a town that opens the main clause ("Wounded at
    Mozhaisk, in Moscow he spent …"), a curated town after a bare "in" ("the Cortes in Madrid": GeoNames took a
    word for a town), nor after a town of our own ("who had fought at Kharkov, in Tsaritsyn") or one of our
    sites far from it ("the Kirov Plant, in Chelyabinsk": the works moved)."""
    if b.location.kind != "city" or not _TOWN_IN_GAP.fullmatch(gap):
        return False
    if a.location.kind == "site":
        if a.source == "curated" and \
                _geod().inv(a.location.lon, a.location.lat, b.location.lon, b.location.lat)[2] / 1000.0 > _SITE_KM:
            return False
    elif a.location.kind not in _SMALL or a.source == "curated":
        return False
    return not (_list_goes_on(text, b.end) or _CLAUSE_OPENS.match(text, b.end)
                or _FROM_BEFORE.search(text, max(0, a.start - 12), a.start)
                or (gap.strip() == "in" and b.source == "curated"))


def _in_a_list(text: str, found: list[Mention], a: Mention, b: Mention) -> bool:
    """Whether ``b`` is an item of a list the town ``a`` is an item of, not where ``a`` lies: a place of the list
    before ``a``, and after ``b`` another place or the list's last item after ", and" ("visiting Dresden,
    Wiesbaden, Belgium, and Paris", "in Moscow, Leningrad, Uzbekistan, and resorts in …"; not "born in Kiev,
    Russia, and grew up in Odessa": no list, and a border since moved). ``found`` is in text order."""
    k = found.index(a)
    if k == 0 or _LIST_STEP.fullmatch(text, found[k - 1].end, a.start) is None:
        return False
    after = next((m for m in found[k + 1:] if m.start >= b.end), None)
    if after is not None and _LIST_STEP.fullmatch(text, b.end, after.start) is not None:
        return True
    last = _LAST_ITEM.match(text, b.end)
    word = WORD.match(text, last.end()) if last is not None else None
    return word is not None and not _past_verb(word.group().lower())     # (not "…, and grew up in Odessa")


# Between two items of a list ("Dresden, Wiesbaden", "Belgium, and Paris"), and before its last ("…, and resorts")
_LIST_STEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_LAST_ITEM = re.compile(r",\s+and\s+")


def _list_goes_on(text: str, end: int) -> bool:
    """Whether a list of places goes on after the place that ends at ``end`` ("to Cuba, Trinidad and …", "in Kalinin
    and in Kharkov")."""
    return _LIST_GOES_ON.match(text, end) is not None or _IN_LIST_GOES_ON.match(text, end) is not None


_SITE_KM = 30.0             # how far the town a site of ours is said to lie in may be from it


# A list that goes on after a name: "to Cuba, Trinidad and Puerto Rico" (Cuba is a stop, not where Trinidad lies)
_LIST_GOES_ON = re.compile(rf"(?:{_LIST_STEP.pattern})[A-Z]")
# "in Kalinin and in Kharkov", "in Perm, in Sarapul", "in Chelyabinsk, then in Magnitogorsk"
_IN_LIST_GOES_ON = re.compile(r"\s*,?\s*(?:(?:and|or)\s+)?(?:(?:then|later|finally|afterwards|also)\s+)?"
                              r"(?:in|at)\s+[A-Z]")
# a main clause after the town: "in Moscow he spent …", "in Moscow the NKVD questioned him"
_CLAUSE_OPENS = re.compile(r"\s+(?:he|she|they|we|it|the\s+[A-Za-z]+\s+[a-z]+ed)\b")
# Between a town or a site and the town (or a province GeoNames knows only as a town) it lies in: "in", with compass
# words or words for a part of a country ("Tushino, in the north-west of Moscow")
_TOWN_IN_GAP = re.compile(r"\s*,?\s*in\s+(?:the\s+)?(?:(?:north|south|east|west|northern|southern|eastern|western|"
                          r"central|north-east|north-west|south-east|south-west|north-eastern|north-western|"
                          r"south-eastern|south-western|province|region|district|county|part|suburbs?|outskirts)"
                          r"\s+(?:of\s+(?:the\s+)?)?)*")
_FROM_BEFORE = re.compile(r"\b(?:from|left|leaving)\s+(?:the\s+)?$")


# The GeoNames fallback --------------------------------------------------------------------------
_PEOPLES = ("ian", "ean", "ese", "ish", "ic", "ist", "ists", "ism", "ians", "ans")


def _fallback_word_ok(word: str, persons: set[str]) -> bool:
    key = _fold(word)
    last = key.split()[-1]
    if key in MONTHS or key in WEEKDAYS or key in SEASONS or key in TITLES or key in GIVEN_NAMES or key in TITLE_WORDS \
            or key in GENERIC_NAMES or key in words("organisations"):
        return False
    if (key in persons or last in persons) and key not in PLACE_SURNAMES:
        return False
    if last.endswith(_PEOPLES) or word + "s" in words("peoples"):
        return False                               # adjectives and peoples: Russian, Marxist, German (Germans)
    if last in words("military_units"):
        return False                               # "reached the Red Army near Zhitomir": armed men, not a village
    if word.isupper() and len(word) <= 5:
        return False                               # an acronym: "POW", "CPY", "NKVD"
    return len(key) >= 3


_AT_IN_BEFORE = re.compile(r"\b(?:in|at)\s+$")


def _town_of_a_first_name(text: str, start: int, end: int, word: str, persons: set[str]) -> bool:
    """A first name that is also a town's, right after "in" or "at" and with no surname after it, is the
    town: "a military court sitting in Vladimir", "the central prison at Vladimir and later …"."""
    key = _fold(word)
    return key in GIVEN_NAMES and key not in persons and _AT_IN_BEFORE.search(text, max(0, start - 4), start) \
        is not None and not _CAPITAL_AFTER.match(text[end:end + 3])


_CAPITAL_AFTER = re.compile(r"^\s*[A-Z]")


def _adverb(word: str) -> bool:
    """An adverb in -ly, as the tagger reads one ("left for Nice immediately"), not a noun in -ly ("the Paris
    assembly", "the Moscow family")."""
    return word.endswith("ly") and len(word) > 4 and word not in _NOUNS_IN_LY


_NOUNS_IN_LY = frozenset("""family assembly rally supply ally anomaly monopoly jelly folly daily weekly monthly
    quarterly yearly fortnightly elderly friendly""".split())
# homes written small only ("the Rochester home"): "the Lincoln Home", "the Hamilton Home for the Aged" are institutions
# named after someone
_SMALL_FACILITIES = frozenset(("home", "flat", "apartment"))


def _city_like_a_people(word: str, offline, persons: set[str]) -> bool:
    """A name with a people's ending that is a large city's own name: "Xi'an", "Dalian" (not "Russian", "Marxist")."""
    key = _fold(word)
    return key.endswith(_PEOPLES) and key not in persons and offline is not None and any(
        r.kind == "city" and r.population >= FAR_POPULATION and spellings(r.name) & spellings(word)
        for r in offline.lookup(word))


def _names_one_before(text: str, start: int) -> bool:
    """What stands before a name may stand before a person's: a comma or a noun ("the politician Milan …"), not a
    small word ("in", "the", "after", "since"), a verb ("reached Kiev Pechersky Lavra") or nothing (a sentence's
    first word)."""
    if text[max(0, start - 2):start] == ", ":
        return True
    before = _word_before(text, start)
    return before is not None and before[1].islower() and before[1] not in words("function_words") \
        and before[1] not in _VERB_FORMS and not before[1].endswith("ed")


_VERB_FORMS = verb_forms("verbs")
# A surname right after a name, by its ending: "Milan Stojadinović", "Paris Ivanovich", "Sofia Perovskaya" (not a
# people's "-ian": "Tiflis Armenian merchants")
_SURNAME_AFTER = re.compile(r" [A-Z][a-zà-ÿšžčćđ]+(?:ović|ević|vić|ić|ovich|evich|ovna|evna|enko|shvili|idze|"
                            r"escu|ski|sky|ska|skaya|yan|ová)\b")
_ACCORDING_TO = re.compile(r"\b[Aa]ccording\s+to\s+$")
# A part of a town after its possessive: "evacuated to Kuibyshev's suburbs" (a town, though it bears a man's name)
_TOWN_PART = re.compile(r"['’]s\s+(?:[a-z]+\s+)?(?:suburbs?|outskirts|streets|centre|center|environs|port|harbour|"
                        r"airfield)\b")
_SMALL_WORD_AFTER = re.compile(r"^\s+([a-z]+)")


def _kind_of_facility(after: str, modifier: re.Match, word: str) -> bool:
    """Whether one word after a name says what kind of facility the noun after it is, so that the name is the town's
    ("the Verkhneuralsk political isolator", "the Kacha aviation school"); not works so told, whose name is most often
    their maker's or their own ("the Benz car factory", "the Partizan gold mine"), nor a name shaped like a man's,
    whom schools and academies are named after ("the Voroshilov military academy")."""
    second = _SMALL_WORD_AFTER.match(after[modifier.end():])   # (its "^" is the string's start)
    return second is not None and second.group(1) in words("facilities") and second.group(1) not in _WORKS \
        and second.group(1) not in _NAMED_OPERATIONS and not _SURNAME_SHAPE.search(word) \
        and _fold(word) not in _SURNAMES_ANY


def _town_of_that_name(r: Record, word: str, region) -> bool:
    """Whether GeoNames' ``r`` is a town the name before a kind of facility means: its own name, else a town of some
    size in the text's region that bore it ("the Yeisk aviation school", "the Elisavetgrad cavalry school"; not "the
    Franko state university" of Franca, Brazil)."""
    return _spelling(r.name) == _spelling(word) or (share(region, r.country) > 0 and r.population >= NEAR_POPULATION)


_TURNED_TO = 300   # characters back to a country named, whose namesake of a placed village the text may mean
_WORKS = frozenset("factory factories works plant mine mines shipyard".split())
# Operations named after a town or a commander: a name GeoNames knows only as a village is the commander's
_NAMED_OPERATIONS = frozenset("offensive breakthrough operation campaign".split())
_OF_A_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")   # (also "the Battle of the Dnieper": no town Battle)


def _with_fallback(text, found, unknown, fallback, persons, loose=frozenset(), dropped=frozenset()) -> list[Mention]:
    """Mentions for capitalised names after a locative cue that the curated gazetteer lacks,
    ranked toward the countries of the places named so far (else in the whole text). The text's
    region counts the curated places and the names no reader could mistake: countries, and cities of
    ``FAR_POPULATION`` or more ("Croatia" makes "Kumrovec" the Croatian village). Names taken without
    a cue (``loose``: their starts) are looked up offline only, and count for no region: most are people."""
    out = list(found)
    starts = [f.start for f in found]
    # (the qualifiers ``dropped`` only carry a list on: a country they name may be a realm gone, "Vitebsk, Russian
    # Empire", and is not the text's)
    everywhere = Counter(f.location.country for f in found if f.location is not None and id(f) not in dropped)
    offline = fallback.offline()                   # the region is estimated without asking the network
    judged: dict[str, bool] = {}                   # the same names come back again and again

    def word_ok(word: str) -> bool:
        if word not in judged:
            judged[word] = _fallback_word_ok(word, persons)
        return judged[word]

    @functools.cache
    def like_a_people(word: str) -> bool:
        return _city_like_a_people(word, offline, persons)   # (a GeoNames query: once per name)

    for start, _, word in unknown if offline is not None else ():
        if start not in loose and word_ok(word):
            ranked = offline.ranked(word, None)
            if ranked and (ranked[0].kind == "country" or ranked[0].population >= FAR_POPULATION):
                everywhere[ranked[0].country] += 1
    so_far: Counter = Counter()
    last: Mention | None = None                    # the mention right before the current name
    listed: _CuedName | None = None                # the last cued name, found or not
    along = False                                  # whether the current name is a river's (``_THE_BEFORE``)
    placed_before: dict[str, Place] = {}           # names no gazetteer holds, put where the text said they lie
    resolved: dict[str, Record] = {}               # the GeoNames record each name was taken for first
    i = 0
    said_where = (0, 0)                            # the words that only said where the last placed village lies
    for start, end, word, trimmed in map(_without_facility, unknown):
        if said_where[0] <= start < said_where[1]:
            continue
        while i < len(found) and found[i].end <= start:
            if found[i].location is not None and id(found[i]) not in dropped:
                so_far[found[i].location.country] += 1
            if last is None or found[i].start > last.start:
                last = found[i]
            i += 1
        if word.endswith(POSSESSIVE) or not (word_ok(word) or _town_of_a_first_name(text, start, end, word, persons)
                                             or like_a_people(word)):
            continue
        if _is_title(text, start) or _is_person_before(text, start):
            continue
        before = _before([last] if last else [], listed)
        if before and id(before[-1]) in dropped and not _AND_BEFORE.search(text, before[-1].end, start):
            before = []                            # a list goes on over a qualifier after "and" or "or" only: not
            #                                        "in Leningrad, Russia, Zhdanov being his chief"
        uncued = not _cued(text, start, before) and not _RENAMED_AFTER.match(text, end)
        # a weaker cue: a verb that crosses or besieges a place, a fight for it or the area around it, an operation
        # named after it ("besieging Uralsk", "crossed Ethiopia", "the battle for Teruel", "the area of Tiraspol", "the
        # Sinyavino Offensive"); a man may stand there too ("crossed Kalinin at a meeting"), so what refuses an uncued
        # man's name refuses it, and it places no village at the town after it ("encircled Mamontov near Voronezh")
        operation = _OFFENSIVE_AFTER.match(text, end) is not None
        weak = uncued and bool(_VERB_CUE.search(text, max(0, start - 25), start)
                               or _FIGHT_FOR.search(text, max(0, start - 30), start) or operation)
        uncued = uncued and not weak
        a_name = _fold(word) in persons or _fold(word) in _SURNAMES_ANY     # a man's, or a surname
        if weak and _fold(word).split()[-1] in persons:
            continue                               # (a man of the text, whose surname a town bears too)
        if (uncued or weak) and (a_name or len(word) < 4
                                 or _PERSON_VERB_BEFORE.search(text, max(0, start - 25), start)):
            continue                               # "writers, including Gorky": the man, not the city;
            #                                        "the Rights of Man" (an abbreviation of Manchester)
        if a_name and _acts_after(text, end):
            continue                               # "at Tsaritsyn, and Voroshilov was soon moved", "Back in Moscow,
            #                                        Zhdanov led …": the man, who acts
        if uncued and before and _goes_on(text, before[-1].end, start):
            uncued = False                         # a list of places goes on, cued or not: "The regiment held
            #                                        Odessa, Tiraspol and Kherson"
        cued = not uncued and not weak             # by a word the text could not mean otherwise
        # down, up or along "the" a name, or "the" a name in a list so opened: a river's ("down the Volga and
        # the Kama")
        along = _THE_BEFORE.search(text, max(0, start - 12), start) is not None or (
            along and bool(before) and text.endswith("the ", 0, start) and _goes_on(text, before[-1].end, start))
        if not uncued and not a_name and not (before and isinstance(before[-1], Mention)
                                              and _fronted(text, before[-1])):
            listed = _CuedName(end)                # a list goes on over a name no gazetteer holds: "took
            #                                        Dnepropetrovsk, Krivoi Rog, Nikopol and Kherson" (not over
            #                                        a man's, nor after "At Tsaritsyn, Minin, Korolev and …")
        after = text[end:end + 40]
        admin = _ADMIN.match(after)
        if admin is not None and not _PROVINCE.search(admin.group()):
            continue                               # "the Perm District": no town, and no place we can put
        province = end + admin.end() if admin is not None else None
        own = _PROVINCE_IN_RUN.search(word)
        if own is not None:                        # the run held it: "Kaluga Governorate"
            province, word, end = end, word[:own.start()], start + own.start()
        key = _spelling(word)                      # (one name, one place: over its English spellings)
        if uncued and (offline is None or not any(r.kind == "city" and r.population >= _UNCUED_POPULATION
                                                  for r in offline.lookup(word))):
            # uncued, only a large city will do (below), and none is called so — unless the text says where it
            # lies and GeoNames has no namesake there: "among them Petrishchevo in the Vereya district"
            if offline is not None and _IN_AFTER.match(text, end) and not _person_acts_after(text, end, persons) \
                    and not _NO_VILLAGE_BEFORE.search(text, max(0, start - 5), start) and not word.endswith("s") \
                    and not _BODY_WORD.search(word):
                anchor, _ = _anchor_after(text, end, found, starts, lambda name: offline.ranked(name, None))
                if anchor is not None and anchor.kind in ("city", "region") and not any(
                        r.country == anchor.country for r in offline.lookup(word)):
                    last = _placed_at(out, start, end, word, anchor)
                    placed_before.setdefault(key, last.location)
            continue
        if _STATION.match(after) or (province is None and _CAPITAL_AFTER.match(after) and not trimmed
                                     and not _person_acts_after(text, end, persons)):
            continue
        if _ACCORDING_TO.search(text[max(0, start - 20):start]):
            continue                               # "according to Harris": a source, not a place
        if _ADJECTIVE_AFTER.match(after):
            continue                               # "Gorky-backed almanacs": the first part of an adjective (as
            #                                        "Moscow-backed" is for a curated name, ``_compound``)
        if _OF_A_NAME.match(after):
            continue                               # "Eleanor of Viseu", "the Bay of Rincón": a person, a feature
        modifier = _SMALL_WORD_AFTER.match(after)
        # "the Verkhneuralsk political isolator": a facility's kind between the name and its noun
        kind_between = modifier is not None and modifier.group(1) not in _AFTER_PLACE \
            and modifier.group(1) not in words("facilities") and _kind_of_facility(after, modifier, word)
        if modifier and modifier.group(1) not in _AFTER_PLACE and modifier.group(1) not in words("facilities") \
                and not _adverb(modifier.group(1)) \
                and not kind_between \
                and not (modifier.group(1) in verb_forms("town_fates") and not uncued) \
                and modifier.group(1) not in words("seats") \
                and not (_past_verb(modifier.group(1)) and _PREPOSITION_BEFORE.search(text, max(0, start - 8), start)) \
                and not modifier.group(1).endswith("ing") and not (
                modifier.group(1) == "about" and _ABOUT_A_TIME.match(after, modifier.end())):
            continue                               # "in Western countries", "from German invasion"
        region = _with_realm(_main_countries(so_far or everywhere))
        lookup = offline if uncued else fallback   # no network for uncued names
        if "-" in word and _HYPHEN_PARTICLE.search(word) and not offline.lookup(word):
            if len(offline.lookup(word[:word.index("-")])) != 1:
                continue                           # "Frankfurt-on-Oder": not Frankfurt am Main, whose name it opens
            word = word[:word.index("-")]          # "Burton-on-the-Trent", which GeoNames writes otherwise: the town
            end, key = start + len(word), _spelling(word)
        ranked = lookup.ranked(word, region)
        if kind_between:
            ranked = [r for r in ranked if _town_of_that_name(r, word, region)]
        if (modifier and modifier.group(1) in _NAMED_OPERATIONS or weak and operation and _SURNAME_SHAPE.search(word)) \
                and not (ranked and ranked[0].population >= NEAR_POPULATION):
            continue                               # "the Brusilov offensive": a general's, not a village's
        alone = len(ranked) == 1
        anchor, within = _anchor_after(text, end, found, starts, lambda name: lookup.ranked(name, region)) \
            if not (ranked and ranked[0].kind == "country") else (None, 0)   # "to Cuba, Trinidad": no country
        #                                                                       lies in a place named after it
        best = _nearest(ranked, anchor, within) if anchor is not None else None
        if anchor is not None and (best is not None or within):
            # "Zhukovka, near Moscow": the Zhukovka near Moscow, whatever other Zhukovkas are larger;
            # "Kalinovka, in the Kursk Governorate": the one in it, else (the village no gazetteer
            # holds) at the province it is said to lie in; "Carlsbad, in Czechoslovakia": the one in
            # that country, else (a state now gone) as if it were not said
            if best is None:
                if cued and anchor.kind != "country":
                    last = _placed_at(out, start, end, word, anchor)
                    placed_before.setdefault(key, last.location)
                continue
        elif anchor is not None and cued and anchor.kind == "region" and not any(
                r.country == anchor.country for r in ranked):
            # "to Čenkov in Bohemia": no gazetteer has Čenkov (GeoNames' namesakes lie in other countries: "Lele,
            # a village in Transylvania" is not the Lélé of Côte d'Ivoire)
            last = _placed_at(out, start, end, word, anchor)
            placed_before.setdefault(key, last.location)
            continue
        elif resolved.get(word) in ranked and share(region, resolved[word].country) >= share(region, ranked[0].country):
            best = resolved[word]                  # one name, one place in one text: "a dacha at Tarusa, a town on
            #                                        the Oka" then, after Nervi, Lausanne and Freiburg (and one
            #                                        American town), "died at Tarusa" (not Tulsa, whose other names
            #                                        GeoNames lists); unless the text has since turned to the other's
            #                                        country ("Córdoba" in Spain, then in Argentina)
        else:
            best = next((r for r in ranked if acceptable(r, region, alone=alone)
                         or acceptable(r, _main_countries(everywhere), alone=alone)), None)
            if best is not None and cued and key in placed_before and best.country not in {
                    f.location.country for f in found if f.location is not None and f.location.kind == "country"
                    and 0 <= start - f.end <= _TURNED_TO}:
                best = None                        # one name, one place: where the text said it lies, not a namesake
                #                                    GeoNames has ("born in Privolnoye, Stavropol Krai" … "returned
                #                                    to Privolnoe", not the Privolnoye of Chechnya), unless the text
                #                                    has just named the namesake's country ("born in Kassel, Orenburg
                #                                    Governorate" … "In 1945 he served in Germany … held near Kassel")
        if best is None and cued and key in placed_before:
            place = placed_before[key]             # "sent back to Kabany": where the text said Kabany lies
            last = Mention(start, end, word, place.id, "context", 0.5, place, True)
            out.append(last)
            continue
        if best is None and province is None and (
                (not ranked and _A_SETTLEMENT_OF.search(text, max(0, start - 40), start))
                or (cued and _SETTLEMENT_AFTER.match(text, end))):
            # "the village of Kokushkino", "at Gallarta, a mining village in the province of Biscay": a settlement
            # no gazetteer holds (nor GeoNames near here), by the town the words after it name, else near the town
            # the text last named (in the country the words name, if they name one)
            said = _SETTLEMENT_AFTER.match(text, end)
            host, told = None, "by"
            if said is not None:                   # "a village on the Volga opposite Kimry": by Kimry
                stop = _clause_stop(text, said.end())
                ahead = (_host_named(_PROVINCE_IN_RUN.sub("", w), lookup, region) for a, _, w in unknown
                         if said.end() <= a < stop and _HOST_CUE.search(text, max(0, a - 16), a))
                host = _host_within(text, found, starts, said.end(), stop) or next((p for p in ahead if p), None)
                if host is None and any(said.end() <= f.start < stop for f in found):
                    continue                       # the words place it by what we cannot put it at ("a village
                    #                                on a bend of the Kama", "in Baidibek district of Kazakhstan")
            if host is None:
                host, told = _town_before(text, out, start, back=1 if said else 3), "near"
            if host is not None and (anchor is None or anchor.country == host.country):
                last = _placed_at(out, start, end, word, host, told=told)
                if told == "by":                   # the other places those words name only said where it lies
                    said_where = (said.end(), stop)    # ("in the foothills of the Caucasus near Vladikavkaz")
                    out[:] = [f for f in out if not said.end() <= f.start < stop]
            continue
        if best is None or (uncued and not (best.kind == "city" and best.population >= _UNCUED_POPULATION
                                            and best is ranked[0])):
            continue
        if best.kind == "city" and best.population < _UNCUED_POPULATION and along:
            continue                               # "down the Volga": a river, not the small town
        if province is not None:                   # "the Kaluga Governorate": a region at its seat
            seat = _seat_of(text, start, province, best.to_place())
            if seat is not None:
                out.append(seat)
            continue
        confidence = 0.6 if best is ranked[0] or best is resolved.get(word) else 0.5
        if anchor is None:
            resolved.setdefault(word, best)        # (not the one nearest a place said: "Huliaipole, a village in
            #                                        the Aleksandrovsk district" is not the hamlet nearest Zaporizhzhia)
        instead = _region_instead(word, best, anchor, region)
        place = instead or best.to_place()
        source = "regions" if instead else "nominatim" if place.id.startswith("osm-") else "geonames"
        last = Mention(start, end, word, place.id, source, confidence, place, True)
        out.append(last)
        so_far[place.country] += 1                 # what the text has named so far shapes the region
        everywhere[place.country] += 1
    out.sort(key=lambda f: f.start)
    return out


def _fronted(text: str, m: Mention) -> bool:
    """The place opens its sentence after "In" or "At", a comma after it: what follows is the clause's subject."""
    return text.startswith(",", m.end) and _FRONTED.search(text, max(0, m.start - 12), m.start) is not None


_FRONTED = re.compile(r"(?:^|[.!?]\s+|\n)(?:In|At)\s+(?:the\s+)?$")


# Where a name is said to lie: "Zhukovka, near Moscow", "Kalinovka, in the Kursk Governorate", "Yanovka,
# a village in the Kherson Governorate", "a small town near Kursk"
# ("a small and largely Jewish village", "his mother's estate", "a state dacha near Foros")
_DESCRIBED_AS = r"(?:a|an|the|his|her|their)\s+(?:[A-Za-z'’-]+\s+){0,4}?"    # "a small and largely Jewish"
_VILLAGE_NOUNS = r"village|hamlet|settlement|estate|manor|farm|shtetl|stanitsa|khutor"
_A_SETTLEMENT = (_DESCRIBED_AS + r"(?:village|town|city|hamlet|settlement|estate"
                 r"|manor|farm|port|resort|suburb|dacha|station|camp)\s+")
_NEAR_AFTER = re.compile(rf"(?:,?\s+|\s*\(\s*)(?:{_A_SETTLEMENT})?"   # (also in brackets: "Bikbarda (near Perm)")
                         r"(?:near|outside|close\s+to|not\s+far\s+from|on\s+the\s+outskirts\s+of)\s+(?:the\s+)?"
                         r"(?:(?:[a-z-]+\s+){0,2}?(?:town|city|port|village)\s+of\s+)?")   # "near the small town of Gzhatsk"
# "in Borge, between the towns Fredrikstad and Sarpsborg", "Borge, a village between Fredrikstad and Sarpsborg": by
# the first, as far from it as the second (not "at Tilsit, between Napoleon and Alexander": both must be towns)
_BETWEEN_AFTER = re.compile(rf",?\s+(?:{_A_SETTLEMENT})?between\s+(?:the\s+(?:towns|cities|villages)\s+(?:of\s+)?)?"
                            r"(?P<one>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s+and\s+(?:the\s+)?"
                            r"(?P<two>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)")
# the words right after a name say it is a settlement: "Kaigorodskoye, a remote village", "Kokushkino, his mother's
# family estate" (the noun ends its phrase: not "a village teacher", "the manor's owner", "the village soviet")
_SETTLEMENT_AFTER = re.compile(
    r",\s+" + _DESCRIBED_AS + r"(?:" + _VILLAGE_NOUNS + r"|kishlak|aul)"
    r"(?=\s*[,.;:)—–-]|\s+(?:in|on|at|near|of|by|north|south|east|west|above|below|beside|across|opposite|outside|"
    r"between|among|some|about|where|which|that|whose|then|now|and|close|not|just|deep|high|far|several|down|up|"
    r"there|located|situated|along|with|belonging|inhabited|lying|next|upriver|downriver|approximately|roughly|"
    r"nearly|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|a|\d+)\b)")
_IN_AFTER = re.compile(rf"(?:,?\s+|\s*\(\s*)(?:(?:then\s+|now\s+|{_A_SETTLEMENT})?in|{_A_SETTLEMENT}of)\s+(?:the\s+)?")
_TOWN_RUN = re.compile(r"[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?")
_COMMA_AFTER = re.compile(r",\s+|\s*\(\s*")          # (or in brackets: "Selishchi (Novgorod Governorate)")
# "in Melbourne, Sydney, Perth, Canada and …": a list the town is an item of, going on after the country (not "Born
# in Perth, Canada, Petrova studied …")
_LIST_ON = re.compile(r",?\s+and\b|,\s+[A-Z]")
_ITEM_BEFORE = re.compile(r"[A-Z][\w'’-]*,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?$")
_HOST_GAP = 80              # how far after a placed name the host it was placed at may stand
NEAR_KM = 150.0             # how far a place said to be near a town may lie from it
IN_PROVINCE_KM = 250.0      # how far a place said to be in a province may lie from its seat


def _anchor_after(text: str, end: int, found: list[Mention], starts: list[int],
                  ranked) -> tuple[Place | None, float]:
    """Where a name is said to lie, right after it, and how far from there it may be: near a curated
    town ("Zhukovka, near Moscow"), or in a province named after its seat ("Kalinovka, in the Kursk
    Governorate", the seat curated or, by ``ranked(name)``, the likeliest in GeoNames), or in a curated country
    right after a comma ("Galway, Ireland"); ``starts``: where the mentions of ``found`` start."""
    for pattern, km in ((_NEAR_AFTER, NEAR_KM), (_IN_AFTER, IN_PROVINCE_KM)):
        m = pattern.match(text, end)
        if m is None:
            continue
        k = bisect.bisect_left(starts, m.end())
        town = found[k] if k < len(found) else None
        if town is not None and town.start == m.end() and town.location is not None and (
                (pattern is _NEAR_AFTER and town.location.kind in _TOWNS)
                or (town.source == "context" and town.location.kind == "region")):
            return town.location, km
        if town is not None and town.start == m.end() and town.location is not None and town.location.kind in _BIG \
                and pattern is _IN_AFTER and town.source == "curated":
            return town.location, 0.0              # "Carlsbad, in Czechoslovakia": the one in that country
        #                                            ("Brody, near Poland" says nothing we can use)
        country = _TOWN_RUN.match(text, m.end()) if pattern is _IN_AFTER and (
            town is None or town.start != m.end()) else None
        if country is not None and country.group().lower() not in MONTHS and (
                records := ranked(country.group())) and records[0].kind == "country":
            return records[0].to_place(), 0.0      # "at Bled in Slovenia": a country GeoNames holds, as a curated one
        seat = _SEAT_RUN.match(text, m.end()) if pattern is _IN_AFTER else None
        if seat is not None and (records := _seat_first(ranked(seat.group(1)), seat.group(1))):
            return records[0].to_place(), km
        # "Strelkovka, a village in the Maloyaroslavets district": a district (uyezd) is named after its town
        seat = _DISTRICT_RUN.match(text, m.end()) if pattern is _IN_AFTER else None
        if seat is not None and (records := ranked(seat.group(1))) and records[0].kind == "city" and not (
                seat.group(2) and (of := ranked(seat.group(2))) and of[0].kind == "city"
                and not _PROVINCE_AFTER.match(text, seat.end(2))):
            return records[0].to_place(), NEAR_KM      # (not "the Vyborg district of Petrograd", a town's quarter)
        near = _TOWN_RUN.match(text, m.end()) if pattern is _NEAR_AFTER and not (
            town is not None and town.start == m.end()) else None
        if near is not None and near.group().split()[0].lower() not in MONTHS and (
                records := ranked(near.group())) and records[0].kind == "city":
            return records[0].to_place(), km       # "the village of Novaya Golchikha, near Kineshma" (GeoNames)
    between = _BETWEEN_AFTER.match(text, end)
    if between is not None:
        towns = [_town_named(found, starts, between.start(g), between.group(g), ranked) for g in ("one", "two")]
        if all(towns):
            apart = _geod().inv(towns[0].lon, towns[0].lat, towns[1].lon, towns[1].lat)[2] / 1000.0
            return towns[0], max(NEAR_KM, apart)
    m = _COMMA_AFTER.match(text, end)
    k = bisect.bisect_left(starts, m.end()) if m is not None else len(found)
    after = found[k] if k < len(found) and found[k].start == m.end() else None
    if after is not None and after.location is not None and after.location.kind == "country" \
            and after.source == "curated":
        return after.location, 0.0                 # "docked in Bristol, England and Galway, Ireland": the Galway in
        #                                            Ireland, not the American one of a text that goes there
    if after is not None and after.text in us_states() and (
            records := [r for r in ranked("United States") if r.kind == "country"]):
        return records[0].to_place(), 0.0          # "Vancouver, Washington": the American one
    country = _TOWN_RUN.match(text, m.end()) if m is not None and after is None else None
    if country is not None and country.group().lower() not in MONTHS and not (
            _ITEM_BEFORE.search(text, max(0, end - 60), end) and _LIST_ON.match(text, country.end())) and (
            records := ranked(country.group())) and records[0].kind == "country":
        return records[0].to_place(), 0.0          # "Hobart, Australia": a country GeoNames holds, as a curated one
        #                                            (not the Hobart of Indiana in a text that has been to Alaska)
    seat = _SEAT_RUN.match(text, m.end()) if m is not None else None
    if seat is not None and seat.group().split()[-1][:1].isupper() and (
            records := _seat_first(ranked(seat.group(1)), seat.group(1))) and records[0].kind == "city" \
            and records[0].population >= FAR_POPULATION:
        # (a province by its own name, "Stavropol Krai"; not "Xiangtan County, Hunan province", whose seat is not Hunan,
        # nor a seat no large town bears: "Ivanovka, Amur Oblast" is not by a town of India)
        return records[0].to_place(), IN_PROVINCE_KM   # "Privolnoye, Stavropol Krai": in that province
    return None, 0.0


def _town_named(found: list[Mention], starts: list[int], at: int, name: str, ranked) -> Place | None:
    """The town a name at ``at`` means: a curated one found there, else a GeoNames city of some size (no man's name:
    "Napoleon", no feast: "Christmas")."""
    k = bisect.bisect_left(starts, at)
    if k < len(found) and found[k].start == at and found[k].location is not None:
        return found[k].location if found[k].location.kind in _TOWNS else None
    if name.split()[0].lower() in MONTHS:
        return None
    records = ranked(name)
    return records[0].to_place() if records and records[0].kind == "city" \
        and records[0].population >= NEAR_POPULATION else None


def _seat_first(records: list, name: str) -> list:
    """A province's seat among the towns GeoNames calls so: the one that bears the name first, if it is a large town of
    the likeliest one's country ("the Stavropol Governorate" is Stavropol's, not Tolyatti's, which bore the name until
    1964; but "the Odessa Oblast" is not Odessa in Texas, nor "the Kalinin Oblast" a village called Kalinin)."""
    if not records:
        return records
    own = next((r for r in records if fold(r.name) == fold(name)), None)
    if own is None or own is records[0] or own.country != records[0].country or own.population < FAR_POPULATION:
        return records
    return [own] + [r for r in records if r is not own]


_NAMED_BEFORE = "the last town the text named before it"     # (the town named again after it is a stop of its own)


def _placed_at(out: list[Mention], start: int, end: int, word: str, host: Place, told: str = "") -> Mention:
    """A town no gazetteer holds, at the town it is said to lie near or the region it is said to lie in
    (``told`` "near": the town the narrative last stood in; "by": a town the words after it name), added to
    ``out``: the name as written stays, the point is the host's (the note says so). The host's own mention
    after it only said where it lies, and goes."""
    where = host.name.split(" (")[0]
    said = {"near": _NAMED_BEFORE, "by": "a town the words after it name"}.get(
        told, "where the text says it lies")
    place = Place(f"{host.id}--{_slug(word)}", f"{word} (placed {'near' if told else 'at'} {where})", "village",
                  host.country, host.lat, host.lon, parent=host.id, coord_source=f"context:{host.id}",
                  note=f"not in any gazetteer; placed at {where}, {said}")
    after = [f for f in out if f.start >= end and f.place == host.id]
    if after and told != "near":                   # (a town named before leaves those after it be)
        nearest = min(after, key=lambda f: f.start)
        if nearest.start - end < (_HOST_GAP if told else 60):
            out.remove(nearest)
    mention = Mention(start, end, word, place.id, "context", 0.5, place, True)
    out.append(mention)
    return mention


# "Mariupol was renamed Zhdanov": a place, whatever comes before it
_RENAMED_AFTER = re.compile(r"\s+(?:was|were|had\s+been)\s+(?:officially\s+|later\s+)?renamed\b")
# "the village of", "his family's estate at": what follows is a settlement, known or not
_A_SETTLEMENT_OF = re.compile(r"\b(?:" + _VILLAGE_NOUNS + r")\s+(?:of|at|in|near)\s+$")


def _host_within(text: str, found: list[Mention], starts: list[int], lo: int, hi: int) -> Place | None:
    """The first town, village or province of the gazetteers that the words between ``lo`` and ``hi`` say a
    place lies in, near or by: "Savyolovo, a village on the Volga opposite Kimry" lies by Kimry; not a town
    they name for another reason ("a farm named after Lenin", "settled by refugees from Kars")."""
    hosts = [f.location for f in found[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]
             if f.location is not None and f.location.kind in ("city", "village", "region") and f.source != "context"
             and not _is_feature(f.location) and _HOST_CUE.search(text, max(0, f.start - 16), f.start)
             and not _QUARTER_OF.match(text, f.end)]   # (not "the Vyborg district of Perm", a quarter of Perm)
    # a town before a province: "in the foothills of the Caucasus near Vladikavkaz" lies by Vladikavkaz
    return next((p for p in hosts if p.kind != "region"), hosts[0] if hosts else None)


def _host_named(word: str, lookup, region: Counter) -> Place | None:
    """The town or province of data/regions.csv a name no curated place bears means ("a village in Hunan": the
    province, not the Fujian town GeoNames also calls so)."""
    best = next((r for r in lookup.ranked(word, region) if r.kind == "city" and acceptable(r, region)), None)
    if best is None:
        return _regions().get(fold(word))
    return _region_instead(word, best, None, region) or best.to_place()


# Between a town and the region or country a part of which it lies in: ", the village on the eastern coast of the",
# ", on the northern shore of", " in the foothills of"
# (not "held in Odessa, then in the forests of Karelia": two stays; "then" is "at that time" only before a settlement)
_SETTLED = (r"(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}?(?:town|city|village|hamlet|port|settlement|resort|spa|suburb|estate|"
            r"monastery|station)\s+")
_PART_OF_GAP = re.compile(r"\s*,?\s*(?:now\s+|then\s+(?=" + _SETTLED + r"))?(?:" + _SETTLED + r")?"
                          r"(?:on|in|at|near|among)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:coast|coasts|shore|shores|hills|"
                          r"foothills|banks?|edge|slopes|mountains|steppes?|forests?|heart|interior|tip|end|corner|"
                          r"marshes|valley)\s+of\s+(?:the\s+)?")
# What says a place lies up or down from the next: "…, on the ridge above ", "… high above "
_ABOVE_GAP = re.compile(r"(?:,\s+(?:(?:on|in)\s+the\s+(?:[a-z]+\s+){1,2}|the\s+(?:[a-z]+\s+){1,3})|\s+(?:high\s+|just\s+)?)"
                        r"(?:above|below)\s+(?:the\s+)?")
# what says where a place lies, right before the town or province it names
# (not "the bank of the Volga", "a farm named after Lenin", "refugees from Kars")
_HOST_CUE = re.compile(r"\b(?:in|near|outside|opposite|beside|by|at|above|below|within|next\s+to|"
                       r"(?:km|kilometres|kilometers|miles|versts|ride|walk|journey|river)\s+from|"
                       r"(?:north|south|east|west|district|province|region|governorate|oblast|county|canton|town|"
                       r"city)\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
_QUARTER_OF = re.compile(r"\s+(?:district|quarter)\s+of\b")


def _clause_stop(text: str, pos: int) -> int:
    """Where the words that go on from ``pos`` end: at the next semicolon, full stop or closing bracket."""
    m = _CLAUSE_STOP.search(text, pos)
    return m.start() if m else len(text)


_CLAUSE_STOP = re.compile(r"[;.()]|,\s+(?:and|but|where|which|who|when)\b")


def _town_before(text: str, found: list[Mention], start: int, back: int = 3) -> Place | None:
    """The town or region the narrative last named, in the paragraph and at most ``back`` sentences back."""
    # (in the text's order: those placed from context were added last; a river is no place to put a village at)
    before = sorted((f for f in found if f.end <= start and not _is_feature(f.location)),
                    key=lambda f: f.start)[-8:]
    guessed = [k for k, f in enumerate(before) if f.source == "context"]
    if guessed:                                    # a town named before a place the text did not say where lay
        before = before[guessed[-1] + 1:]          # is no longer known to lie near
    town = _named_before(text, before, start, ("city", "village", "region"), placed=False, back=back)
    return town.location if town is not None else None


def _is_feature(place: Place | None) -> bool:
    """A river, a sea, a lake… (one of its names says so: "Yenisei River"), which the gazetteer keeps among its
    regions."""
    return place is not None and place.kind == "region" and any(
        FEATURE_NOUNS.intersection(name.text.lower().split()) for name in place.all_names())   # ("Yenisei River")


def _named_before(text: str, before: list[Mention], start: int, kinds: tuple[str, ...], *,
                  placed: bool = True, back: int = 3) -> Mention | None:
    """The last of ``before`` (mentions ending before ``start``, in order) of one of ``kinds`` (and, unless
    ``placed``, found in a gazetteer, not placed from context), in the paragraph and at most ``back`` sentences
    back; None if there is none or the text left it ("left Moscow for the Mayo Clinic")."""
    for f in reversed(before):
        gap = text[f.end:start]
        if len(gap) > _SITE_BEFORE or "\n\n" in gap or len(_SENTENCE_END.findall(gap)) > back:
            return None
        if f.location is not None and f.location.kind in kinds and (placed or f.source != "context"):
            return None if _LEFT_BEFORE.search(text, max(0, f.start - 20), f.start) else f
    return None


def _nearest(records: list, town: Place, km: float):
    """The record nearest ``town`` if one lies within ``km`` of it; for a region or a country (``km`` 0),
    the likeliest record in its country."""
    if not km:
        return next((r for r in records if r.country == town.country), None)
    geod = _geod()
    near = [(geod.inv(town.lon, town.lat, r.lon, r.lat)[2] / 1000.0, n, r) for n, r in enumerate(records)]
    near = [x for x in near if x[0] <= km]
    return min(near)[2] if near else None


@functools.cache
def _geod():
    from pyproj import Geod

    return Geod(ellps="WGS84")


def _with_sites(text: str, found: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """``found`` and the buildings no gazetteer knows that have a town next to them."""
    starts = [f.start for f in found]
    placed = []
    for start, end, word in _sites(text):
        k = bisect.bisect_left(starts, end)
        if k and found[k - 1].end > start:
            inner = found[k - 1]
            if (site := _named_after_someone(text, found, k, start, end, word, inner)) is not None:
                found = [f for f in found if f is not inner]
                starts = [f.start for f in found]
                placed.append(site)
                continue
            if not (inner.source == "curated" and start <= inner.start and inner.end < end and inner.location
                    and inner.location.kind == "site" and not _same_building(word, inner.location)):
                continue                           # a name the gazetteers know ("Moscow University", "Bailov Prison")
            # "the Kuntsevo Cemetery": a building named after a known one ("Kuntsevo", the dacha) is another,
            # in the town that holds that one
            parent = inner.location.parent
            town = gazetteer[parent] if parent in gazetteer else None
            if town is not None:
                found = [f for f in found if f is not inner]
                starts = [f.start for f in found]
                placed.append(_placed_site(start, end, word, town))
            continue
        site = _site_in_town(text, found, k, start, end, word)
        if site is not None:
            placed.append(site)
    if not placed:
        return found
    # "the Mariinsky Hospital in Moscow": the hospital is the place, Moscow only locates it
    return _drop_qualifiers(text, sorted(found + placed, key=lambda f: f.start))


@functools.cache
def _site_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A site's name, and where one may start: a capital after a small word or a comma and a space (found
    at once by the second, which opens with a class of letters that the regex engine skips to)."""
    nouns = sorted((n.capitalize() for n in words("site_nouns")), key=len, reverse=True)
    alternatives = "|".join(nouns)
    name = r"[A-Z][\w'’-]+"
    firsts = "".join(sorted(set(string.ascii_uppercase) | {n[0] for n in nouns}))
    # (and after "the", a name and a small noun of a place one is held or lodged at: "the Akatui prison", "the
    # Barvikha sanatorium")
    # (and streets written as in their own language: "Benczúr utca", "Spiegelgasse 14", "the Avenue d'Orléans", "the
    # rue Marie-Rose", "Hàng Ngang street")
    foreign = "|".join(sorted(_FOREIGN_STREETS))
    endings = "|".join(sections("place_cues")["street endings"])
    openers = "|".join(w.capitalize() for w in sections("place_cues")["street openers"])
    streets = (rf"|(?:{name}\s+){{1,3}}(?:{foreign})|{_AFTER_A_PREPOSITION}(?:{name}\s+){{1,3}}street"   # (not "the
               rf"|[A-Z][\w'’-]*?(?:{endings})(?:\s+\d+[a-z]?)?"                                  # Jewish street")
               rf"|{_AFTER_A_SMALL_WORD}(?:{openers})\s+"
               rf"(?:de\s+la\s+|de\s+l'|d'|du\s+|des\s+|de\s+|del\s+)?{name}"
               rf"|(?<=\b{_STREET_BEFORE}){name}(?:\s+{name})?")
    # (and a name of two joined by "and": "the Victoria and Albert Museum", "the Peter and Paul Fortress")
    return (re.compile(rf"(?<=[a-z,] )(?:(?:(?<=the ){name}\s+and\s+)?(?:{name}\s+){{1,4}}(?:{alternatives})"
                       rf"|(?:{alternatives})\s+{name}"
                       rf"|(?<=the )(?:{name}\s+){{1,3}}(?:prison|camp|sanatorium|dacha|estate|cemetery){streets})\b"),
            re.compile(rf"[{re.escape(firsts)}](?<=[a-z,] .)"))


def _sites(text: str) -> list[tuple[int, int, str]]:
    """Names of buildings inside a sentence, cued or not: "the grounds of the Mariinsky Hospital",
    "Hotel Lux" (a capitalised name ending in or opening with a word of ``site_nouns``)."""
    pattern, starts = _site_patterns()
    out = []
    for m in _matches_at(pattern, text, starts.finditer(text)):
        if text.startswith(" of ", m.end()) and not text.startswith(" of the ", m.end()):
            continue                               # "the Academy of Sciences" is a body, not a building; "the
            #                                        Lebedev Institute of the Academy of Sciences" is a building
        if m.group().split(" ", 1)[0] in _WORKS_OF:
            continue                               # "his Collected Works": a book
        small = m.start() >= len(_STREET_BEFORE) and text.startswith(_STREET_BEFORE, m.start() - len(_STREET_BEFORE))
        start = m.start() - len(_STREET_BEFORE) if small else m.start()       # ("the rue Marie-Rose")
        out.append((start, m.end(), text[start:m.end()]))
    return out


def _matches_at(pattern: re.Pattern, text: str, starts) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` where every match opens at one of ``starts`` (matches, in order): only
    those places are tried, found at once by a simpler pattern."""
    end = 0
    for start in starts:
        if start.start() >= end and (m := pattern.match(text, start.start())) is not None:
            yield m
            end = m.end()


_WORKS_OF = frozenset("Collected Selected Complete Public".split())
_STREET_BEFORE = "rue "                   # a street's word written small before its name
# (a street's word opening its name only after an article or a preposition: not "met Calle Jansson", "where Rue Hale
# taught him")
_AFTER_A_SMALL_WORD = "(?:" + "|".join(f"(?<=\\b{w} )" for w in "the The on On in at to of".split()) + ")"
_AFTER_A_PREPOSITION = "(?:" + "|".join(f"(?<=\\b{w} )" for w in "on in at".split()) + ")"
_FOREIGN_STREETS = frozenset(sections("place_cues")["street words"])   # (what "street" is in their names)
# ... and says it stands inside it (not "the Kungur POW camp near Perm", at Kungur; nor a list, "the Kramatorsk Works,
# Kharkov and Stalino")
_IN_TOWN = re.compile(r"\s+in\s+(?:the\s+)?")
_OF_ITS_TOWN = frozenset(sections("place_cues")["named for their town"])
# What joins a site to the town that holds it: "Mariinsky Hospital in Moscow", "…, Moscow".
_SITE_JOIN = re.compile(r"\s*,\s*|\s+(?:in|at|near|outside|on\s+the\s+edges?\s+of)\s+(?:the\s+)?")
_SITE_BEFORE = 400         # characters back (and three sentences at most) to the town the narrative stands in
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+[A-Z]")
_TOWNS = ("city", "village", "site")
_LEFT_BEFORE = re.compile(r"\b(?:from|left|leaving|leave|fled|departed|escaped|out\s+of)\s+(?:the\s+)?$", re.IGNORECASE)


def _named_after_someone(text: str, found: list[Mention], k: int, start: int, end: int, word: str,
                         inner: Mention) -> Mention | None:
    """The building at ``start``..``end`` placed in the town named right after it, where GeoNames took its first
    word (``inner``) for a town far from that one: "the Danilov Monastery in Moscow" is a building named after
    someone (not the town Danilov), so is "the Victoria and Albert Museum in London" (not Victoria, Hong Kong); not a
    place named for its town ("the Kungur camp in Perm")."""
    if inner.source != "geonames" or not start <= inner.start or not inner.end < end \
            or not _IN_TOWN.fullmatch(text, end, found[k].start if k < len(found) else end) \
            or _OF_ITS_TOWN & {w.lower() for w in word.split()}:
        return None
    site = _site_in_town(text, found, k, start, end, word, before=False)
    if site is None or _geod().inv(inner.location.lon, inner.location.lat, site.location.lon,
                                   site.location.lat)[2] / 1000.0 <= _SITE_KM:
        return None
    return site


def _site_in_town(text: str, found: list[Mention], k: int, start: int, end: int, word: str, *,
                  before: bool = True) -> Mention | None:
    """A building no gazetteer knows (``found[k]`` is the first mention after it), placed at the town
    that holds it: the town named right after it ("the Mariinsky Hospital in Moscow"), else (``before``) the last
    town named before it in its paragraph, at most three sentences back ("…returned to Moscow. He lodged at
    the Hotel Lux"). None without such a town: a building is never guessed into a country."""
    town = None
    after = found[k] if k < len(found) else None
    if after is not None and after.location is not None and after.location.kind in _TOWNS \
            and _SITE_JOIN.fullmatch(text, end, after.start):
        town = after
    elif before:
        town = _named_before(text, found[max(0, k - 8):k], start, _TOWNS)
    if town is None or (town.location.kind == "site" and town.location.parent):
        return None                                # (a building inside a building is too far to guess)
    return _placed_site(start, end, word, town.location)


def _same_building(word: str, site: Place) -> bool:
    """Whether a site's name as written names the curated ``site`` itself: its noun ("Prison" in "Bailov
    Prison") is in the site's own name."""
    nouns = {w.lower() for w in WORD.findall(word)}
    nouns = (nouns & words("site_nouns")) | ({"street"} if nouns & _FOREIGN_STREETS else set())   # ("Volkhonka ulitsa")
    return any(n in site.name.lower() for n in nouns)


def _placed_site(start: int, end: int, word: str, host: Place) -> Mention:
    place = Place(f"{host.id}--{_slug(word)}", f"{word} (placed at {host.name})", "site", host.country, host.lat, host.lon,
                  parent=host.id, coord_source=f"context:{host.id}",
                  note=f"not in any gazetteer; placed at {host.name}, the town the text names with it")
    return Mention(start, end, word, place.id, "context", 0.5, place, True)


def _slug(word: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(word)).strip("-")


# After these a name without a cue is someone's: "met Kennedy" (a quarter of Bogotá in GeoNames).
# A finite verb right after a name makes it the clause's subject: "Voroshilov was moved", "Kirov had gone"
_SUBJECT_VERB_AFTER = re.compile(r"\s+(?:(?:also|then|soon|later|himself|herself)\s+)?"
                                 r"(?:was|were|had|has|is|would|did|could)\b")
_PERSON_VERB_BEFORE = re.compile(r"\b(?:met|meet|meets|meeting|told|tell|married|marry|asked|called|joined|succeeded|"
                                 r"replaced|replacing|accompanied|supported|opposed|thanked|wrote\s+to|"
                                 r"with)\s+$")
# A city this populous is read without a cue ("visiting Cologne, Berlin, Dresden"): no reader takes
# it for anything else. Countries are not: "the Communist Party of Croatia", "present-day Ghana".
_UNCUED_POPULATION = 500_000
_AND_BEFORE = re.compile(r"\b(?:and|or)\s+$")
# Verbs whose object is a place, and fights for a place or the area around it, that ``_cue_word`` does not know
# (data/lexicon/place_cues.txt)
_VERB_CUE = re.compile(r"\b(?:" + "|".join(sections("place_cues")["verbs"]) + r")\s+$")
_FIGHT_FOR = re.compile(r"\b(?:" + "|".join(p.replace(" ", r"\s+") for p in sections("place_cues")["fights"])
                        + r")\s+$")
# An operation named after a place: "the Sinyavino Offensive" (after a man too, whose name may be a village's: "the
# Brusilov Offensive", refused as the lowercase "offensive" refuses it, where the name is shaped like a surname)
# A front's ground named after the town it lies around is that town's too: "the Rzhev salient", "the Kakhovka
# bridgehead", "the Korsun pocket" (not before a noun: "a Zlatoust pocket knife")
_OFFENSIVE_AFTER = re.compile(r"\s+(?:Offensive|salient|bridgehead|pocket\b(?!\s+(?!(?:in|on|at|near|of|and|or|by|"
                              r"from|to|"
                              r"which|that|was|were|is|are|had|has|held|fell|lay|broke|became|began|during|until|"
                              r"under|after|with|for|north|south|east|west)\b|[a-z]+ed\b)[a-z]))\b")
_SURNAME_SHAPE = re.compile(r"(?:ov|ev|in|sky|ski|enko|ich)$")
# Down, up, along or across "the" a name GeoNames knows only as a small town is a river or a sea
# ("sailed down the Volga and the Kama" is no voyage to the towns of Volga and Kama). (After "the"
# alone it may be a town's name too: refusing those lowered the held-out score.)
_THE_BEFORE = re.compile(r"\b(?:down|up|along|across|on|crossed)\s+the\s+$")


_MAIN_SHARE = 0.25          # a country the text is mostly about: a quarter of the places named so far


@functools.cache
def _regions() -> dict[str, Place]:
    """Regions, islands and old names of countries that GeoNames holds only as towns' names (``data/regions.csv``,
    the schema of ``places.csv``): a name the fallback takes may be put there instead of at its namesake town
    (``_region_instead``: "Palestine" is not the village in Iran, "Xinjiang" not a Chinese hamlet of that name,
    "Castile" not the town in New York). Only the placing changes: what is taken for a place at all stays the
    fallback's to decide, so a region GeoNames has no record of at all has no row."""
    from importlib import resources

    from .gazetteer import read_places

    with resources.as_file(resources.files("lifemap").joinpath("data", "regions.csv")) as path:
        places = read_places(path)
    return {fold(n.text): p for p in places for n in p.all_names()}


def _region_instead(word: str, best: Record, anchor: Place | None, region: Counter) -> Place | None:
    """The region of ``data/regions.csv`` a name the fallback took for ``best`` means, if it means one: not where
    the text said where it lies ("Cornwall, near Ottawa"), nor where ``best`` is a city of its own in a country the
    text has named ("Yunnan-fu" is Kunming), or a town of that very name in a country the text is mostly about
    while the region lies outside the text's countries ("Palestine" among Dallas and Houston is the town in Texas;
    but Fīlestān, a village in Iran that GeoNames also calls so, is not Palestine in a text that has named Persia,
    nor is the Texan town in a life that once named New York)."""
    place = _regions().get(fold(word))
    if place is None or anchor is not None:
        return None
    if share(region, best.country) > 0 and best.population >= FAR_POPULATION or (
            share(region, best.country) >= _MAIN_SHARE and fold(best.name) == fold(word)
            and share(region, place.country) == 0):
        return None
    return place


def _without_facility(item: tuple[int, int, str]) -> tuple[int, int, str, bool]:
    """A run of capitalised words that ends in what stands at a place is that place: "Kungur POW camp"
    and "Ogulin Prison" are Kungur and Ogulin (an acronym or a facility word after the name); the flag
    says the run was cut so."""
    start, end, word = item
    parts = word.split()
    if len(parts) > 1 and all(p.isupper() or p.lower() in words("facilities") and not (
            p[:1].isupper() and p.lower() in _SMALL_FACILITIES) for p in parts[1:]):
        return start, start + len(parts[0]), parts[0], True
    return start, end, word, False


# Small words that may follow a place name ("in Kotlas and", "to Narym in 1912", "at Perm, where"; "visiting
# Budapest several times": how often; "through Norway and Sweden like so many exiles": a comparison).
_AFTER_PLACE = frozenset("""and or in on at to from for by with where which who that when while after before
    until as was were is are had has have he she they it his her their its the a an then but so of near
    via during since through into onto across along up down via because although though whose whom now
    itself alone again instead too also only once still rather than due together soon shortly afterwards
    afterward briefly several many twice like unlike
    days weeks months years later earlier one two three four five six seven eight nine ten""".split())
# (a time after the place: "met Shultz in Madrid days later", "in Riga two weeks later")
# "arrived at Philadelphia about two months later": "about" a time, not a topic ("talked to Gorky about Georgia")
_ABOUT_A_TIME = re.compile(r"\s+(?:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a\s+few|half)")


def _with_realm(region: Counter) -> Counter:
    """The text's countries and, at a small weight, the other countries of a realm they belonged to (the
    Russian Empire of ``lifemap.calendars``): a text about Russia may name a town of Belarus or Kazakhstan
    ("imprisoned at Bykhov") without naming the country."""
    from .calendars import regions

    out = Counter(region)
    for realm in regions():
        if realm.countries & region.keys():
            for country in realm.countries - region.keys():
                out[country] = 0.5
    return out


def _main_countries(region: Counter) -> Counter:
    """The countries a text is about: those with at least a tenth of its curated places (or two)."""
    total = sum(region.values())
    return Counter({c: n for c, n in region.items() if n >= 2 or n >= 0.1 * total})


