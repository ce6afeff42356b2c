"""The subject: whose life a text tells, as data.

A ``Subject`` holds the name events use for the person (their actor), the other names that mean
them, the pronoun texts use for them, the named periods of the life and the calendar region their
dates were counted in. The embedded default life ships its subject as ``data/subjects/stalin.toml``;
for any other text ``find_subject`` reads the subject out of the text itself (its title, its first
sentence, the person it names most), and the life's periods come from the text's own headings.
"""
from __future__ import annotations

import functools
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from importlib import resources

from .dates import DateSpan
from .lexicon import words
from .periods import Period


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

    @functools.cached_property
    def _names(self) -> re.Pattern:
        names = sorted({self.name, self.full_name, *self.aliases, *self.given} - {""}, key=len, reverse=True)
        possessed = "|".join(sorted(words("possessed")))
        return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])"
                          + rf"(?!['’]s\s+(?:{possessed})\b)")

    def mentions(self, text: str, *, own_text: bool = True) -> list[re.Match]:
        """Where ``text`` names the subject; first names count only in a text about them."""
        found = self._names.finditer(text)
        if own_text:
            return list(found)
        given = set(self.given)
        return [m for m in found if m.group() not in given]

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
    return Subject(raw["name"], raw.get("full_name", ""), tuple(raw.get("aliases", ())), tuple(raw.get("given", ())),
                   raw.get("pronoun", "he"), periods, raw.get("calendar", ""))


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
_NAME = r"[A-Z][a-zà-öø-ÿ'’-]+"
_FULL = re.compile(rf"(?<![\w.])({_NAME}(?:\s+(?:[A-Z]\.\s*)?{_NAME}){{1,3}})")
_NOT_NAME = frozenset("""The A An In On At By Of And But Or For To From With As If When While This That These
    Those His Her Their It He She They We Early Life Biography Biographies Memoirs Chapter Part Death Legacy
    Introduction Notes Contents""".split())


def _candidates(text: str) -> Counter:
    """Person names of the text and how often each surname is written."""
    from .toponyms import GIVEN_NAMES, TITLES

    surnames: Counter = Counter()
    for m in _FULL.finditer(text):
        tokens = m.group(1).split()
        if tokens[0] in _NOT_NAME or tokens[-1] in _NOT_NAME:
            continue
        first = tokens[0].lower()
        if first in GIVEN_NAMES or first in TITLES or len(tokens) >= 3:
            surnames[tokens[-1].rstrip("'’s")] += 1
    return surnames


def _pronoun(text: str) -> str:
    counts = Counter(w.lower() for w in re.findall(r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Ss]he|[Hh]er|[Hh]ers)\b", text))
    male = counts["he"] + counts["his"] + counts["him"]
    female = counts["she"] + counts["her"] + counts["hers"]
    return "she" if female > male else "he"


def find_subject(text: str, *, known: tuple[Subject, ...] | None = None) -> Subject | None:
    """The person a text is about: a known subject it names more than anyone else, else the person its
    title or first sentence names and it names most often; None if the text names nobody.

    >>> find_subject("Sergei Kirov was born in Urzhum. Kirov studied in Kazan. In 1934 Kirov was shot.").name
    'Sergei Kirov'
    """
    known = known_subjects() if known is None else known
    head = text[:2000]
    surnames = _candidates(text)
    counts = {s: len(s.mentions(text, own_text=False)) for s in known}
    for s, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        if n and all(n >= 1.5 * surnames.get(other, 0) for other in surnames if other not in _all_names(s)):
            return s
    if not surnames:
        return None
    # Prefer the name the title or the first sentence gives, if the text keeps naming that person.
    best = None
    for m in _FULL.finditer(head):
        tokens = m.group(1).split()
        if tokens[0] in _NOT_NAME:
            continue
        last = tokens[-1].rstrip("'’s")
        if surnames.get(last, 0) + text.count(last) >= 3:
            best = tokens
            break
    if best is None:
        last = surnames.most_common(1)[0][0]
        best = next((m.group(1).split() for m in _FULL.finditer(text) if m.group(1).split()[-1].rstrip("'’s") == last),
                    [last])
    last = best[-1].rstrip("'’s")
    name = f"{best[0]} {last}" if len(best) > 1 else last
    aliases = tuple(dict.fromkeys(a for a in (last, " ".join(best)) if a != name))
    return Subject(name, " ".join(best), aliases, (best[0],) if len(best) > 1 else (), _pronoun(text))


def _all_names(s: Subject) -> set[str]:
    return {s.name, s.surname, *s.aliases, *s.given}
