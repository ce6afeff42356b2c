"""Word lists kept as data: ``data/lexicon/<name>.txt``, read once.

A list is one entry per line; ``#`` starts a comment. A file may be cut into sections by lines
``[name]``: ``sections()`` returns them in file order (the order matters where the first match wins).
Lists are data so that adding a word never means editing the code that uses it.
"""
from __future__ import annotations

import functools
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
