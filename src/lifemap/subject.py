"""The subject: whose life a text tells, as data.

A ``Subject`` holds the name events use for the person (their actor), the other names that mean
them, the pronoun texts use for them, the named periods of the life and the calendar region their
dates were counted in. The embedded default life ships its subject as ``data/subjects/stalin.toml``;
for any other text ``find_subject`` reads the subject out of the text itself (its title, its first
sentence, the person it names most), and the life's periods come from the text's own headings.
"""
from __future__ import annotations

import difflib
import functools
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, replace
from importlib import resources

from .dates import DateSpan
from .gazetteer import fold
from .lexicon import sections, words
from .periods import Period
from .text import matches_not_after, sentences


_NAME_CHAR = re.compile(r"[\w-]")     # what may not stand right before a name
_FIRST_NAME_BEFORE = re.compile(r"\b([A-Z][\w'’-]+)\s+$")


@dataclass(frozen=True)
class Subject:
    """A person whose life is mapped.

    >>> s = default_subject()
    >>> s.name, s.is_named("Koba and Kamenev"), s.is_named("Stalin's mother")
    ('Stalin', True, False)
    """

    name: str                          # the actor events of the subject carry ("Stalin", "Sergei Kirov")
    full_name: str = ""
    aliases: tuple[str, ...] = ()      # names that mean the subject in any text (surname, nicknames)
    given: tuple[str, ...] = ()        # first names that mean the subject only in a text about them
    pronoun: str = "he"                # "he" or "she": what the text calls the subject
    periods: tuple[Period, ...] = ()
    calendar: str = ""                 # a region of data/calendars.toml, or empty
    groups: tuple[str, ...] = ()       # names of groups the subject belongs to ("Big Three")
    born: DateSpan | None = None       # as the text (or the data) gives them
    died: DateSpan | None = None

    def __deepcopy__(self, memo) -> "Subject":
        return self             # immutable: pandas copies a frame's attrs on every operation, and need not copy this

    @functools.cached_property
    def _names(self) -> re.Pattern:
        names = sorted({self.name, self.full_name, *self.aliases, *self.given} - {""}, key=len, reverse=True)
        possessed = "|".join(sorted(words("possessed")))
        # (no letter, digit or hyphen before a name: checked in ``mentions``)
        return re.compile(r"(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])"
                          + rf"(?!['’]s\s+(?:{possessed})\b)")

    def mentions(self, text: str, *, own_text: bool = True) -> list[re.Match]:
        """Where ``text`` names the subject; first names count only in a text about them."""
        found = [m for m in matches_not_after(self._names, _NAME_CHAR, text) if not self._anothers(text, m)]
        if own_text:
            return found
        given = set(self.given)
        return [m for m in found if m.group() not in given]

    def _anothers(self, text: str, m: re.Match) -> bool:
        """The surname after someone else's first name is another of the family: "Nadezhda Alliluyeva" in
        Svetlana Alliluyeva's life, "Vasily Stalin" in Stalin's."""
        if " " in m.group():
            return False
        before = _FIRST_NAME_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before is None or before.group(1).lower() not in _first_names():
            return False
        return not any(_same_first_name(before.group(1), w) for w in self.own_words)

    @functools.cached_property
    def own_words(self) -> frozenset[str]:
        """Every word of every name of theirs ("Joseph", "Soso", "Jughashvili" …)."""
        return frozenset(w for n in (self.name, self.full_name, *self.aliases, *self.given) for w in n.split())

    def is_named(self, text: str, *, own_text: bool = True) -> bool:
        return bool(self.mentions(text, own_text=own_text))

    @property
    def surname(self) -> str:
        return (self.full_name or self.name).split()[-1]


# Known subjects ---------------------------------------------------------------------------------
def _read(name: str) -> Subject:
    raw = tomllib.loads(resources.files("lifemap").joinpath("data", "subjects", name).read_text(encoding="utf-8"))
    periods = tuple(Period(p["key"], p["label"], DateSpan(p["start"], p["end"], "month"))
                    for p in raw.get("periods", ()))
    life = {k: DateSpan.parse(raw[k], calendar="julian" if raw.get(f"{k}_old_style") else "gregorian")
            for k in ("born", "died") if raw.get(k)}
    return Subject(raw["name"], raw.get("full_name", ""), tuple(raw.get("aliases", ())), tuple(raw.get("given", ())),
                   raw.get("pronoun", "he"), periods, raw.get("calendar", ""), tuple(raw.get("groups", ())),
                   life.get("born"), life.get("died"))


@functools.cache
def known_subjects() -> tuple[Subject, ...]:
    """The subjects shipped as data (``data/subjects/*.toml``), the default first."""
    folder = resources.files("lifemap").joinpath("data", "subjects")
    names = sorted((f.name for f in folder.iterdir() if f.name.endswith(".toml")),
                   key=lambda n: (n != "stalin.toml", n))
    return tuple(_read(n) for n in names)


def default_subject() -> Subject:
    """The subject of the embedded default life."""
    return known_subjects()[0]


# Finding the subject of a text ------------------------------------------------------------------
# Latin capitals and small letters, Central European ones too ("Józef Piłsudski", "Łukasz Żeleński")
_CAPS = "A-ZÀ-ÖØ-ÞĄĆČĎĐĘĚĹĽŁŃŇŐŒŔŘŚŠŞŢŤŮŰŹŻŽ"
_SMALL = "a-zß-öø-ÿąćčďđęěĺľłńňőœŕřśšşţťůűźżž'’"
_NAME = rf"[{_CAPS}][{_SMALL}]+(?:-[{_CAPS}]?[{_SMALL}]+)*"    # Antonov-Ovseenko, Bonch-Bruevich
_FULL = re.compile(rf"(?<![\w.])({_NAME}(?:[ \t]+(?:[A-Z]\.[ \t]*)?{_NAME}){{1,4}})")
_NOT_NAME = frozenset("""The A An In On At By Of And But Or For To From With As If When While This That These
    Those His Her Their It He She They We Early Life Lives Biography Biographies Memoirs Chapter Part Death
    Legacy Introduction Notes Contents Revolution War Party Army Soviet Union Empire Republic Saint St Did Does
    Was Were Is Why How What Who Whether Born""".split())
_ADJECTIVE = re.compile(r"(?:ian|ean|ese|ish|ic|ist|ism)$")


PATRONYMIC = re.compile(r"(?:ich|ovna|evna|ichna)$")   # "Ilyich", "Alekseyevich", "Petrovna"
_INVERTED = re.compile(rf"^(?P<surname>{_NAME}),[ \t]+(?P<given>{_NAME}(?:[ \t]+{_NAME}){{0,2}})(?=[ \t]*(?:\(|$))")


def _title(text: str) -> str:
    """The first line, when it is a title (short, no sentence), in title case if it was in capitals."""
    line = next((l.strip() for l in text.splitlines() if l.strip()), "")
    if len(line.split()) > 10 or re.search(r"[.!?]\s+\S", line):
        return ""
    line = line.title() if line.isupper() else line
    # an index's order, surname first: "Gagarin, Yuri Alekseyevich (1934–1968)" is Yuri Alekseyevich Gagarin
    return _INVERTED.sub(r"\g<given> \g<surname>", line, count=1)


def titled_by(subject: Subject, text: str) -> bool:
    """The text's title is the subject's name alone ("Vladimir Antonov-Ovseenko"): a text about them, however
    seldom it names them after (a chapter that says "he")."""
    return _title(text) in {subject.name, subject.full_name} - {""}


# small words of a name: "Antanas de Poška"
_PARTICLES = frozenset("de da di del la le von van der den ibn bin".split())


def _same_first_name(a: str, b: str) -> bool:
    """One first name written two ways or shortened: Berta and Bertha, Hanna and Hannah, Grete for Margarete."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and (long.endswith(short) or difflib.SequenceMatcher(None, a, b).ratio() >= 0.85)


def _person(tokens: list[str], *, spanned: bool = False) -> list[str]:
    """The name in a run of capitalised words, without title-page words and adjectives (a name the
    opening gives a lifespan may look like one: "Valerian Kuibyshev (6 June 1888 – …)")."""
    if any(t.endswith(("'s", "’s")) for t in tokens[:-1]):
        return []                                  # "Stalin's Baku years": an owner and his thing, not one name
    tokens = [t.rstrip("'’").removesuffix("'s").removesuffix("’s") for t in tokens]
    while tokens and tokens[0] in _NOT_NAME:
        tokens.pop(0)
    given = words("given_names")
    if tokens and tokens[-1].lower() in _place_nouns():
        return []                                  # "the Great Kremlin Palace", "Red Square": a place, no one
    if tokens and tokens[-1].lower() in words("posts") | words("gatherings"):
        return []                                  # "General Secretary", "Eleventh Congress": a post, a gathering
    if len(tokens) < 2 or any(t in _NOT_NAME or (_ADJECTIVE.search(t) and not spanned and t.lower() not in given
                                                 and not (k == len(tokens) - 1 and tokens[0].lower() in given))
                              for k, t in enumerate(tokens)):
        return []                                  # (a surname after a first name: "Stepan Shaumian"; a first
        #                                            name that ends like an adjective: "Valerian Kuibyshev")
    return tokens


@functools.cache
def _place_nouns() -> frozenset[str]:
    """Nouns that end the name of a building, a site or a feature, never a person's."""
    return words("site_nouns") | words("generic_names") | words("feature_nouns") | {"square", "street", "hall"}


@functools.cache
def _first_names() -> frozenset[str]:
    return words("given_names") | words("female_names")


def _pronoun(text: str) -> str:
    counts = Counter(w.lower() for w in re.findall(r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Ss]he|[Hh]er|[Hh]ers)\b", text))
    male = counts["he"] + counts["his"] + counts["him"]
    female = counts["she"] + counts["her"] + counts["hers"]
    return "she" if female > male else "he"


def _count(word: str, text: str) -> int:
    return sum(1 for _ in matches_not_after(re.compile(rf"{re.escape(word)}(?![\w-])"), _NAME_CHAR, text))


def find_subject(text: str, *, known: tuple[Subject, ...] | None = None) -> Subject | None:
    """The person a text is about: the person its title or opening names, if the text keeps naming them
    (three times at least) or the opening gives their lifespan; a known subject (``known_subjects``)
    when the text names them more; None if the text names nobody.

    >>> find_subject("Sergei Kirov was born in Urzhum. Kirov studied in Kazan. In 1934 Kirov was shot.").aliases
    ('Kirov',)
    >>> find_subject("Stalin went to Baku. Then Stalin went to Batum. Kamenev stayed.").name
    'Stalin'
    >>> find_subject("Georgy Zhukov (1 December 1896 – 18 June 1974) was a marshal. He died in Moscow.").name
    'Georgy Zhukov'
    >>> find_subject("Nadezhda Alliluyeva (1901 – 1932) was Stalin's wife. Stalin met her. Stalin wed her.").name
    'Nadezhda Alliluyeva'
    >>> find_subject("Valerian Kuibyshev (6 June 1888 – 25 January 1935) was a commissar. He died in Moscow.").name
    'Valerian Kuibyshev'
    >>> find_subject("Vladimir Antonov-Ovseenko (9 March 1883 – 10 February 1938) was a commander. He led.").name
    'Vladimir Antonov-Ovseenko'
    >>> find_subject("Stepan Shaumian led the Baku Commune. Shaumian was shot. Shaumian is remembered.").name
    'Stepan Shaumian'
    >>> find_subject('Ivan Petrov (pseudonyms "Boris" and "Max") was born in Tver. Petrov read. Petrov wrote.').aliases
    ('Petrov', 'Boris', 'Max')
    >>> find_subject("Sergei Kirov (born Kostrikov; 1886 – 1934) was a Bolshevik. Kirov led Leningrad.").aliases
    ('Kirov', 'Kostrikov')
    >>> find_subject("Józef Piłsudski was born at Zułów. Piłsudski studied at Kharkov. Piłsudski led.").name
    'Józef Piłsudski'
    >>> find_subject("Nadezhda Alliluyeva was born in Baku. Stalin met Nadezhda. Nadezhda wed him. Nadezhda died.").aliases
    ('Alliluyeva', 'Nadezhda')
    >>> s = find_subject("Gagarin, Yuri Alekseyevich (1934–1968)\\n\\nYuri Alekseyevich Gagarin was a pilot. He flew.")
    >>> s.name, s.full_name
    ('Yuri Gagarin', 'Yuri Alekseyevich Gagarin')
    >>> find_subject("Zoya Petrova\\n\\nZoya Petrova was born in Tula. Ivan Klubkov met her. Klubkov fled. Klubkov was "
    ...              "shot. Zoya died.").aliases
    ('Petrova', 'Zoya')
    """
    known = known_subjects() if known is None else known
    found, count, opened, by_title, named_end = None, 0, False, False, 0
    title_line = _title(text)
    start = title_line + "\n" + text[:3000]
    body = text[text.find("\n") + 1:][:400] if title_line else ""
    for m in _FULL.finditer(start):
        if (went_by := _better_known(start, m)) is not None:
            # "Lev Davidovich Bronstein (7 November [O.S. 26 October] 1879 – 1940), better known as Leon Trotsky,
            # was …": the name they went by opens the life as a lifespan does
            found, opened, named_end = went_by[0], True, went_by[1]
            count = max(_count(found[-1], text), 1)
            break
        # a name the opening gives a lifespan ("Georgy Zhukov (1 December 1896 – 18 June 1974) was …") is
        # the subject however short the text; so is a title that is only a name the opening repeats ("Zoya
        # Kosmodemyanskaya", over a man her chapter names three times); any other must be named three times
        bracket = _BRACKET_NEXT.match(start, m.end())
        spanned = m.start() < 400 and bracket is not None and _LIFESPAN.match(start, bracket.end() - 1) is not None
        # "Lev Davidovich Bronstein, better known as Leon Trotsky, was born …": the name the opening says they
        # went by opens the life as a lifespan does
        spanned = spanned or (m.start() < 200 and any(k.end() == m.start() for k in _KNOWN_BETTER_AS.finditer(
            start, max(0, m.start() - 80), m.start())) and "." not in start[:m.start()].split("\n")[-1])
        tokens = _person(m.group(1).split(), spanned=spanned)
        named = bool(tokens) and m.start() == 0 and m.group(1) == title_line.strip() and any(
            _count(part, body) > 0 for part in (tokens[-1], *tokens[-1].split("-")))   # ("Vladimir Antonov-Ovseenko"
        #                                            over "Vladimir Aleksandrovich Ovseenko, who later joined …")
        # (named by the surname or by a first name known as one, or given as one by the title: "Nadezhda"
        # seven times, "Alliluyeva" twice)
        first = _count(tokens[0], text) if tokens and (named or tokens[0].lower() in _first_names()) else 0
        if tokens and ((n := max(_count(tokens[-1], text), first)) >= 3 or (spanned or named) and n >= 1):
            found, count, opened, by_title, named_end = tokens, n, spanned or named, named, m.end()
            break
    called = _title_name(text) if found is None else None
    if called is not None:                         # "Kamo: The Bandit …" over "Simon Ter-Petrosian was born …"
        found, count, called = called
    if found is not None and not by_title and (titled := _named_by_title(title_line, text, count)) is not None:
        found, count, opened, by_title = titled, _count(titled[-1], text), True, True
    mentions = {s: len(s.mentions(text, own_text=False)) for s in known}
    title = set(_title_words(title_line))
    for s, n in sorted(mentions.items(), key=lambda kv: -kv[1]):
        # a known subject named more often takes over, unless the opening gives the other their lifespan
        # (Nadezhda Alliluyeva's life names Stalin more often than her) or the title names the other
        # and not them ("Vyacheslav Molotov: The Iron Bottom" names Stalin twice as often as Molotov)
        titled = found is not None and found[-1] in title and not title & _all_names(s)
        theirs = bool(title & _all_names(s)) and (found is None or found[-1] not in title) and not (
            found is not None and _someone_of(title_line, s))     # ("Stalin's Daughter" is hers)
        # the known subject's family name with another first name is a relative's: "Yakov Dzhugashvili"
        kin = found is not None and len(found) > 1 and found[0].lower() in _first_names() and found[0] not in s.given
        if kin:
            titled = titled or found[-1] in title
            theirs = theirs and found[-1] not in title
        if n and (found is None or (found[-1] in _all_names(s) and not kin) or theirs
                  or n >= 1.5 * count and not opened and not titled):
            return _with_aliases_told(s, text)         # (a title that names them and not the other: "The Last
            #                                            Winter and the Long Afterlife of Stalin")
    if found is None:
        return None
    titled = title_line.split()
    if len(found) > 2 and len(titled) == 2 and (titled[0], titled[-1]) == (found[0], found[-1]):
        found = titled                             # "Valerian Kuibyshev", as the title says, without the patronymic
    # Other names the text calls them by: a middle name it uses alone ("Broz" in "Josip Broz Tito"),
    # a name it says they were known by ("commonly known as Tito").
    others = [t for t in found[1:-1] if _count(t, text) >= 3]
    if (by_title or found[0].lower() in _first_names()) and _count(found[0], text) >= 3 and _count(found[-1], text) < 3:
        others.append(found[0])                    # a life that calls her "Nadezhda" more than "Alliluyeva"
    others += [m.group(1) for m in _KNOWN_AS.finditer(text[:3000]) if _count(m.group(1), text) >= 3]
    # a name the opening attaches to theirs is theirs however rarely used: "Grigoriy Petrov (1880–1940),
    # known as Sergo, was …" (else a later "Sergo" is another man, and "he" goes to him)
    if named_end and (m := _ALSO_KNOWN_AS.match(start, named_end)) is not None:
        others.append(m.group(1))
        title, _, rest = m.group(1).partition(" ")
        if rest and title.lower() in words("titles"):
            others.append(rest)                    # "commonly known as Marshal Tito": "Tito" alone is theirs too
    # the pseudonyms the opening lists are theirs even if used once: "known under pseudonyms
    # "Andrei", "Max"…" (read as a subject of its own, "Andrei" took over the pronouns after it)
    opening = text[:1500]
    for m in _PSEUDONYMS.finditer(opening):
        others += _quoted_names(opening, m.end())
    others += _birth_names(opening)
    if called is not None:
        others.append(called)
    full = " ".join(found)
    # a patronymic is in the full name only: "Yuri Alekseyevich Gagarin" is Yuri Gagarin
    name = full
    if len(found) == 3 and PATRONYMIC.search(found[1]):
        name = f"{found[0]} {found[-1]}"
        others = [o for o in others if o != found[1]]
    if called is not None:
        name = called                              # the name the title and the text go by: "Kamo", not "Simon
        #                                            Ter-Petrosian", named once
        others.append(full)
    # the name they were born with, when the opening says which they were better known by: "Lev Davidovich
    # Bronstein, better known as Leon Trotsky" is Bronstein too
    others += [a for m in _KNOWN_BETTER_AS.finditer(opening[:400]) if opening.startswith(full, m.end())
               for a in _surname_and_short(m.group(1).split())]
    short = (f"{found[0]} {found[-1]}",) if len(found) > 1 else ()
    # a family name a known subject bears is theirs alone: "Stalin" in Vasily Stalin's life is his father
    shared = len(found) > 1 and any(found[-1] in _all_names(k) for k in known)
    aliases = tuple(dict.fromkeys(a for a in (found[-1], *others, *short)
                                  if a != name and not (shared and a == found[-1])))
    born, died = life_dates(text)
    return Subject(name, full, aliases, (found[0],), _pronoun(text), born=born, died=died)


def given_name(name: str | None) -> str | None:
    """A subject's name as a user typed it, its spaces tidied; None for none or a blank one.

    >>> given_name("  Lev   Kamenev "), given_name("  ")
    ('Lev Kamenev', None)
    """
    return " ".join((name or "").split()) or None


def called(name: str, text: str) -> Subject:
    """The subject a user names for a text ("Stalin", "Lev Kamenev"): the known subject (``known_subjects``)
    or the text's own (``find_subject``) if the name is one of theirs, else a person of that name (the last
    word their surname, the first their given name) with the pronoun the text uses and the lifespan its
    opening gives, if the opening names them.

    >>> called("Koba", "Koba went to Baku.").name
    'Stalin'
    >>> s = called("Lev Kamenev", "Lev Kamenev (18 July 1883 – 25 August 1936) was a Bolshevik. He led Moscow.")
    >>> s.aliases, s.died.start
    (('Kamenev',), '1936-08-25')
    >>> called("Pavel Sidorov", "Ivan Petrov (1870 – 1930) was a doctor. His friend Pavel Sidorov wrote.").born is None
    True
    """
    name = given_name(name)
    if name is None:
        raise ValueError("a subject needs a name")

    def theirs(s: Subject) -> bool:
        return name.lower() in {n.lower() for n in (*_all_names(s), s.full_name)}

    for s in known_subjects():
        if theirs(s):
            return _with_aliases_told(s, text)
    found = find_subject(text, known=())
    if found is not None and theirs(found):
        return found
    parts = name.split()
    who = Subject(name, name, (parts[-1],) if len(parts) > 1 else (), (parts[0],) if len(parts) > 1 else (),
                  _pronoun(text))
    # the opening's lifespan is theirs only if they are who it opens with ("Ivan Petrov (1870 – 1930) …")
    bracket = text.find("(", 0, 400)
    born, died = life_dates(text) if bracket > 0 and who.is_named(text[:bracket]) else (None, None)
    return replace(who, born=born, died=died)


def _title_name(text: str) -> tuple[list[str], int, str] | None:
    """A life titled by the one name it goes by ("Kamo: The Bandit Who Served the Revolution"), used at
    least three times, whose opening sentence gives the full name ("Simon Ter-Petrosian was born …"): the
    full name, how often the title's name is used, and that name. A title that names someone among other words
    ("Trotsky's Last Years", "The Making of Beria") names them so when the text uses that name five times
    or more and it is no place's."""
    title = _title(text)
    head = title.split(":")[0].strip()
    if not re.fullmatch(_NAME, head):
        named = [(_count(w, text), w) for w in dict.fromkeys(_title_words(title))
                 if re.fullmatch(_NAME, w) and w.lower() not in _TITLE_COMMON]
        n, head = max(named, default=(0, ""))
        if n < 5:
            return None
    if (n := _count(head, text)) < 3 or (fold(head) in _place_names() and head.lower() not in words("surnames")):
        return None                                # ("Moscow" over a chapter on the city; not "Kirov")
    body = text[text.find("\n") + 1:].lstrip()
    first = body[:body.find(".") + 1 if "." in body else 300][:300]
    m = _FULL.match(first)
    tokens = _person(m.group(1).split()) if m is not None else []
    if not tokens:                                 # "… that figure was Simon Ter-Petrosian, known … as Kamo"
        m = re.search(rf"({_NAME}(?:[ \t]+{_NAME}){{1,3}}),[^.]{{0,40}}?\b(?:known|called|nicknamed)\b[^.]{{0,30}}?"
                      rf"\bas\s+{re.escape(head)}\b", body[:1500])
        tokens = _person(m.group(1).split()) if m is not None else []
    if not tokens:                                 # the name alone, used throughout, or all the title says
        tokens = [head] if n >= 5 or head == title.strip() else []
    if tokens and head in tokens and tokens != [head]:
        return (tokens, n, " ".join(tokens)) if tokens[-1] == head else None   # "Leon Trotsky in Exile"
    return (tokens, n, head) if tokens else None


def _someone_of(title: str, s: Subject) -> bool:
    """The title names someone by their tie to ``s``: "Stalin's Daughter", "Stalin's Executioner"."""
    return any(m.group(1) in _all_names(s) and (m.group(2).lower() in words("kin") or m.group(2).lower() in _TIES)
               for m in re.finditer(r"\b([\w-]+)['’]s\s+(?:[A-Za-z-]+\s+)?([A-Za-z]+)\b", title))


_TIES = frozenset(sections("life_titles")["ties"])


def _named_by_title(title: str, text: str, count: int) -> list[str] | None:
    """A title that is a name the text calls its subject by far more often than the one the opening seemed to
    be about: "Antanas Paškevičius – Poška" (a double name its dash split), whose "Poška" the text names twenty
    times, over "Rabindranath Tagore", named three times."""
    words = [w for w in title.split() if w not in ("–", "—", "-")]
    # (the name alone, which the opening starts with: not "Trotsky and Lenin", "Letters to Krupskaya", "Bunin: Memories
    # of Chekhov" over a life that opens with someone else's)
    body = text[text.find("\n") + 1:].lstrip()
    if ":" in title or any(not w[:1].isupper() and w not in _PARTICLES for w in words) \
            or not body.startswith(title.strip()):
        return None
    tokens = _person(words, spanned=True)
    if len(tokens) < 2 or fold(tokens[-1]) in _place_names():
        return None
    n = _count(tokens[-1], text)
    return tokens if n >= 5 and n >= 2 * count else None


def _title_words(title: str) -> list[str]:
    """The words of a title, without possessive endings ("Kamenev's road": Kamenev, road)."""
    return [w.removesuffix("'s").removesuffix("’s") for w in re.findall(r"[\w'’-]+", title)]


_TITLE_COMMON = frozenset(sections("life_titles")["title_common"])   # "The Making of Beria"


@functools.cache
def _place_names() -> frozenset[str]:
    """The folded names of the curated gazetteer's places."""
    from .gazetteer import Gazetteer

    return frozenset(fold(n.text) for p in Gazetteer.load() for n in p.all_names())


def _birth_names(opening: str) -> list[str]:
    """The surnames the opening gives the subject besides the one they are known by: the name its first
    sentence gives a lifespan ("Lev Davidovich Bronstein (1879 – 1940), better known as Leon Trotsky")
    and a name they were born with ("Victor Serge (born Victor Lvovich Kibalchich; 1890 – 1947)")."""
    for m in _FULL.finditer(opening, 0, 400):
        bracket = _BRACKET_NEXT.match(opening, m.end())
        lifespan = _LIFESPAN.match(opening, bracket.end() - 1) if bracket is not None else None
        if lifespan is None:
            continue
        names = [_person(m.group(1).split(), spanned=True)]
        # (a birth surname alone is theirs too: "Sergei Kirov (born Kostrikov; 1886–1934)")
        names += [_person(b.group(1).split(), spanned=True) or ([b.group(1)] if " " not in b.group(1) else [])
                  for b in _BORN_AS.finditer(lifespan.group(1))]
        # (and the first name with it: "Lev Samsonov" is no other Samsonov of the family)
        return [a for n in names if n for a in _surname_and_short(n)]
    return []


def _surname_and_short(tokens: list[str]) -> tuple[str, ...]:
    """A name's surname, and its first name with it ("Lev Alekseyevich Samsonov": "Samsonov", "Lev Samsonov")."""
    return (tokens[-1], f"{tokens[0]} {tokens[-1]}") if len(tokens) > 1 else (tokens[-1],)


_BORN_AS = re.compile(rf"\b(?:born|né|née)\s+({_NAME}(?:[ \t]+{_NAME}){{0,3}})")   # "(born Kostrikov; 1886–1934)"
_LIFESPAN = re.compile(r"\(([^()]{0,300}?\d{3,4}[^()]{0,120}?)\)")
_BRACKET_NEXT = re.compile(r"(?:\[\w{1,3}\])?\s*\(")


def life_dates(text: str) -> tuple[DateSpan | None, DateSpan | None]:
    """Birth and death as a biography's opening gives them: "(7 May 1892 – 4 May 1980)", "(born 1886)".

    >>> [d.label() for d in life_dates("Josip Broz (7 May 1892 – 4 May 1980) was a statesman.")]
    ['7 May 1892', '4 May 1980']
    >>> life_dates("Felix (born 11 September 1877) was a revolutionary.")[1] is None
    True
    >>> [d and d.label() for d in life_dates("August (Russian: Август; ? – 11 June 1937) was a commander.")]
    [None, '11 Jun 1937']
    >>> [d and d.label() for d in life_dates("Ivan (also Иван; 2 May 1938) was a general executed in 1938.")]
    [None, '2 May 1938']
    >>> [d.label() for d in life_dates("Yakov (Russian: Яков); known as Max 3 June 1885 – March 16 1919) was a leader.")]
    ['3 Jun 1885', '16 Mar 1919']
    >>> life_dates("Ivan (born 12 April 1921) was a poet whose father was executed in 1921.")[1] is None
    True
    >>> life_dates("Ivan (Russian: Иван) was a general. He led the army from 5 July 1943 – 23 August 1943.")
    (None, None)
    >>> [d.label() for d in life_dates("Fyodor ([1] 11 November 18219 February 1881[2]) was a novelist.")]
    ['11 Nov 1821', '9 Feb 1881']
    >>> [d.label() for d in life_dates("Lev (7 November 1879[a] 21 August 1940) was a revolutionary.")]
    ['7 Nov 1879', '21 Aug 1940']
    >>> [d.label() for d in life_dates("Ivan (born 1879 in Tula; died 21 August 1940) was a general.")]
    ['1879', '21 Aug 1940']
    >>> [d and d.label() for d in life_dates("Ivan (fl. 1905; died 21 August 1940) was a general.")]
    [None, '21 Aug 1940']
    >>> [d and d.label() for d in life_dates("Ivan (fl. 1905 — 21 August 1940) was a general.")]
    [None, '21 Aug 1940']
    """
    from .timex import find_dates

    opening = text[:1500]
    for m in _LIFESPAN.finditer(opening):
        # (a copy that dropped the Old Style dates and the dash between: "11 November 18219 February 1881",
        # "7 November 1879 21 August 1940")
        inside = _GLUED_DAY.sub(r"\1 – \2", m.group(1))
        dates = [d for d in find_dates(inside) if d.span.precision in ("day", "month", "year")]
        if not dates:
            continue
        # "before 31 October 1451", "c. 1451": only the year is sure
        dates = [d if not re.search(r"\b(?:before|after|c\.|ca\.|circa|about)\s*$", inside[:d.start])
                 else replace(d, span=DateSpan(d.span.start[:4], d.span.end[:4], "year")) for d in dates]
        # (a year they are known to have worked in is no birth: "fl. 1900 – 3 May 1920")
        flourished = re.search(r"\b(?:fl\.|floruit)\s*(?:c\.\s*)?$", inside[:dates[0].start]) is not None
        if len(dates) == 1 and dates[0].span.start != dates[0].span.end:     # "1881–1970" read as one range
            d = dates[0].span
            return (None if flourished else DateSpan(d.start, d.start, d.precision, calendar=d.calendar),
                    DateSpan(d.end, d.end, d.precision, calendar=d.calendar))
        if len(dates) >= 2 and re.search(r"[–—‒-]", inside[dates[0].end:dates[-1].start]):
            return (None if flourished else dates[0].span), dates[-1].span
        if len(dates) >= 2 and re.search(r"\b(?:died|d\.)\s*$", inside[:dates[-1].start]):
            # "born 1879 in Yanovka; died 21 August 1940" (not "fl. 1905; died …")
            born = re.search(r"\b(?:born|b\.)\s*$", inside[:dates[0].start])
            return (dates[0].span if born else None), dates[-1].span
        if len(dates) == 1 and re.search(r"(?:[–—-]|\b(?:died|d\.))\s*$", inside[:dates[0].start]):
            return None, dates[0].span             # "(? – 11 June 1937)", "(died 1937)": only the death
        if re.search(r"\b(?:born|b\.)\s", inside[:dates[0].start + 1]):
            return dates[0].span, None
        if len(dates) == 1 and _died_that_year(opening[m.end():], dates[0].span.start[:4]):
            return None, dates[0].span             # "(…; 11 June 1937) … was executed in 1937": the death
        if len(dates) == 1:
            return dates[0].span, None
    # a bracket left unopened ("…; known as "Max" 3 June 1885 – 16 March 1919) was …"): two days
    # joined by a dash and closed by the bracket, in the opening sentence
    for lo, hi in sentences(opening)[:2]:
        first = opening[lo:hi]
        days = [d for d in find_dates(first) if d.span.precision == "day"]
        for a, b in zip(days, days[1:]):
            if (re.fullmatch(r"\s*[–—-]\s*", first[a.end:b.start]) and re.match(r"\s*\)", first[b.end:])
                    and a.span.first_day < b.span.first_day):
                return a.span, b.span
    return None, None


_GLUED_DAY = re.compile(r"\b(1\d{3})(?:\[\w{1,3}\])?\s*(\d{1,2}\s+(?:January|February|March|April|May|June|July|"
                        r"August|September|October|November|December)\b)")


# The words of a death (the event words of deaths and killings, as data).
_DEATH_WORDS = re.compile(r"\b(?:" + "|".join(sorted(
    {w for k in ("death", "massacre") for w in sections("event_words")[k] if " " not in w}, key=len, reverse=True))
    + r")\b")


def _died_that_year(rest: str, year: str) -> bool:
    """Whether the sentence after a lone date in the opening's brackets tells a death in its year."""
    sentence = re.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0]
    death = _DEATH_WORDS.search(sentence)
    return death is not None and year in sentence[death.start():]


def _better_known(start: str, m: re.Match) -> tuple[list[str], int] | None:
    """The name the opening says the one named at ``m`` (the opening's first name, in the opening's first
    sentence) was better known by, and where it ends: a person's name ("better known as Leon Trotsky", "known by
    his pen name Maxim Gorky"; not "as Marshal Tito", "as Comrade Koba", a title before a name that is no first
    name of theirs, nor a first name and a patronymic)."""
    if m.start() >= 200 or "." in start[:m.start()].split("\n")[-1]:
        return None
    after = _BETTER_KNOWN_AFTER.match(start, m.end())
    name = _FULL.match(start, after.end()) if after is not None else None
    tokens = _person(name.group(1).split(), spanned=True) if name is not None else []
    if not tokens or tokens[0].lower() in words("titles") or any(PATRONYMIC.search(t) for t in tokens[1:]):
        return None                                # ("known as Marshal Tito", "as Anastas Ivanovich to his friends")
    return tokens, name.end()


# (after the name the opening gives a lifespan, or none: "Lev Davidovich Bronstein (1879 – 1940), better known as",
# "Alexei Peshkov (1868 – 1936), known by his pen name")
_BETTER_KNOWN_AFTER = re.compile(r"(?:\s*(?:\[\w{1,3}\])?\s*\([^()]{0,300}\))?(?:\s*\[\w{1,3}\])?,\s+(?:"
                                 r"(?:better|commonly|widely|popularly|usually|mostly)\s+known\s+"
                                 r"(?:to\s+(?:history|the\s+world)\s+)?as"
                                 r"|(?:(?:better|commonly|widely|popularly|usually|mostly)\s+)?known\s+by\s+"
                                 r"(?:his|her|the)\s+(?:pen[\s-]name|pseudonym|nickname))\s+")
_KNOWN_BETTER_AS = re.compile(rf"({_NAME}(?:[ \t]+{_NAME}){{0,3}}),\s+(?:better|commonly|widely)\s+known\s+"
                              r"(?:to\s+(?:history|the\s+world)\s+)?as\s+")
# "…, known as Sergo,", "(1880–1940), nicknamed "Kamo"," right after the name that opens the life
_ALSO_KNOWN_AS = re.compile(rf"(?:\s*(?:\[\w{{1,3}}\])?\s*\([^()]{{0,200}}\))?,\s+(?:(?:also|better|commonly|widely|"
                            rf"popularly|often|usually)\s+)?(?:known\s+as|nicknamed|called)\s+[\"“]?"
                            rf"({_NAME}(?:[ \t]+{_NAME}){{0,2}})[\"”]?(?=\s*[,)]|\s+(?:was|is|by)\b)")
# (the whole name, all of it: "known as General Orlov" is no alias "General", "known as Red Napoleon" none "Red";
# and no owner's: "known as Stalin's eyes")
_KNOWN_AS = re.compile(rf"\b(?:known as|called|nicknamed|pseudonym|alias|under the name)\s+(?:the\s+)?({_NAME})")
# A name the text says the subject went by, in any text about them: "registered under the name Ivanovich"
# ("known as" and "called" are left out here: "Tsaritsyn, later known as Stalingrad")
_WENT_BY = re.compile(rf"\b(?:pseudonym|alias|under the name)\s+(?:of\s+)?[\"“]?({_NAME})")


def _with_aliases_told(s: Subject, text: str) -> Subject:
    """A known subject with the names this text says they went by and uses again (twice at least)."""
    told = [m.group(1) for m in _WENT_BY.finditer(text)]
    new = tuple(dict.fromkeys(n for n in told if n not in _all_names(s) and _count(n, text) >= 2))
    return replace(s, aliases=s.aliases + new) if new else s
_PSEUDONYMS = re.compile(r"\b(?:pseudonyms?|aliases|noms? de guerre|party names?)\b", re.IGNORECASE)
# Quoted names right after that word, one after another: '"Andrei", "Max" and "Smirnov"'.
_QUOTED_NAME = re.compile(rf"\s*(?:,|and|or)?\s*[\"“]({_NAME})[\"”]")


def _quoted_names(text: str, pos: int) -> list[str]:
    out = []
    while (m := _QUOTED_NAME.match(text, pos)) is not None:
        out.append(m.group(1))
        pos = m.end()
    return out


def _all_names(s: Subject) -> set[str]:
    return {s.name, s.surname, *s.aliases, *s.given}
