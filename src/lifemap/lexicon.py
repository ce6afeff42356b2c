"""Word lists kept as data: ``data/lexicon/<name>.txt``, read once.

A list is one entry per line; ``#`` starts a comment. A file may be cut into sections by lines
``[name]``: ``sections()`` returns them in file order (the order matters where the first match wins).
Lists are data so that adding a word never means editing the code that uses it. Lists of verbs give a
lemma and its irregular forms; ``inflected`` and ``verb_forms`` make the rest.
"""
from __future__ import annotations

import functools
import re
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("lifemap").joinpath("data", "lexicon", f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@functools.cache
def words(name: str) -> frozenset[str]:
    """The entries of a list, as written.

    >>> "pravda" in words("title_words")
    True
    """
    return frozenset(_lines(name))


@functools.cache
def sections(name: str) -> dict[str, tuple[str, ...]]:
    """The entries of a sectioned list by section, both in file order."""
    out: dict[str, list[str]] = {}
    current = None
    for line in _lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            out.setdefault(current, [])
        elif current is None:
            raise ValueError(f"data/lexicon/{name}.txt: {line!r} comes before any [section]")
        else:
            out[current].append(line)
    return {k: tuple(v) for k, v in out.items()}


# Verbs as the lists write them: a lemma, then its irregular forms ("fly flew flown") --------------------
def inflected(line: str) -> dict[str, str]:
    """The forms of a verb as a lexicon writes it, its lemma then its irregular forms ("fly flew flown"):
    ``{form: "base" | "s" | "past" | "ing"}``."""
    lemma, *irregular = line.split()
    forms = _inflections(lemma)
    if irregular:                                  # "see saw seen": no "seed"
        forms = {f: kind for f, kind in forms.items() if kind != "past"}
    forms.update({f: "past" for f in irregular})
    return forms


def _inflections(lemma: str) -> dict[str, str]:
    """The regular forms of a verb: ``{form: "base" | "s" | "past" | "ing"}``."""
    out = {lemma: "base"}
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        out[lemma + "es"] = "s"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        out[lemma[:-1] + "ies"] = "s"
    else:
        out[lemma + "s"] = "s"
    if lemma.endswith("ie"):
        out[lemma + "d"], out[lemma[:-2] + "ying"] = "past", "ing"
    elif lemma.endswith("ee"):
        out[lemma + "d"], out[lemma + "ing"] = "past", "ing"      # agree: agreed, agreeing; see: seeing
    elif lemma.endswith("e"):
        out[lemma + "d"], out[lemma[:-1] + "ing"] = "past", "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        out[lemma[:-1] + "ied"], out[lemma + "ing"] = "past", "ing"
    else:
        out[lemma + "ed"], out[lemma + "ing"] = "past", "ing"
    if re.search(r"(?:^|[^aeiou])[aeiou][bdgklmnprt]$", lemma):       # stop -> stopped, travel -> travelled
        out[lemma + lemma[-1] + "ed"], out[lemma + lemma[-1] + "ing"] = "past", "ing"
    return out


@functools.cache
def verb_forms(name: str, section: str | None = None) -> frozenset[str]:
    """Every form of the verbs of a list (or of one ``section`` of it) written as ``inflected`` reads them ("fall
    fell fallen")."""
    lines = sections(name)[section] if section else _lines(name)
    return frozenset(form for line in lines for form in inflected(line))
