"""The documents events cite, and how a citation reads.

``data/sources.csv`` names each seed text the embedded events cite: title, author or publisher,
date, edition, licence and link, so a popup says "Wikipedia, ‘Joseph Stalin’ (plain text) —
sentence at characters 17613–17758" rather than a hashed file name. A document the table does
not know (a text the user supplied) is cited by its file name.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import DataError
from .records import read_rows

COLUMNS = ("file", "title", "author", "publisher", "date", "edition", "licence", "url")


@dataclass(frozen=True)
class Document:
    """One cited text: where it comes from and under what licence."""

    file: str
    title: str
    author: str = ""
    publisher: str = ""
    date: str = ""  # as precise as known; empty when the copy does not say (a wiki revision)
    edition: str = ""  # which copy or part, where one title has several (two copies of one article)
    licence: str = ""
    url: str = ""

    @property
    def label(self) -> str:
        """``Wikipedia, ‘Joseph Stalin’ (plain text)``: who, what, and which copy."""
        who = self.author or self.publisher
        text = f"{who}, ‘{self.title}’" if who else f"‘{self.title}’"
        return f"{text} ({self.edition})" if self.edition else text


def default_sources_path() -> Path:
    return Path(__file__).with_name("data") / "sources.csv"


def read_sources(path: str | os.PathLike | None = None) -> dict[str, Document]:
    """The sources table by file name; a bad row raises DataError naming the file, line and field."""
    path = Path(path) if path else default_sources_path()
    out: dict[str, Document] = {}
    for line, row in read_rows(path, COLUMNS):
        doc = Document(*((row[c] or "").strip() for c in COLUMNS))
        if not doc.file or not doc.title:
            raise DataError(path, line, "file" if not doc.file else "title", "empty")
        if doc.file in out:
            raise DataError(path, line, "file", f"{doc.file!r} is listed twice")
        if doc.url and not re.match(r"https?://", doc.url):
            raise DataError(path, line, "url", f"not a web address: {doc.url!r}")
        out[doc.file] = doc
    return out


@lru_cache(maxsize=1)
def _default() -> dict[str, Document]:
    return read_sources()


def label(document: str, sources: dict[str, Document] | None = None) -> str:
    """How a cited document is named: its label in the sources table, else its file name."""
    if sources is None:
        return _default_label(document)
    known = sources.get(Path(document).name)
    return known.label if known else Path(document).name


@lru_cache(maxsize=4096)
def _default_label(document: str) -> str:
    """``label`` by the packaged table, once per document (every event of a text asks)."""
    known = _default().get(Path(document).name)
    return known.label if known else Path(document).name


def cite(document: str, start: int, end: int, sources: dict[str, Document] | None = None) -> str:
    """A readable citation of one sentence (the page writes the same words from its model).

    >>> cite("001_09dcfff65826fb95.txt", 17613, 17758)
    'Wikipedia, ‘Joseph Stalin’ (plain text) — sentence at characters 17613–17758'
    >>> cite("texts/chapter.txt", 10, 52)
    'chapter.txt — sentence at characters 10–52'
    """
    return f"{label(document, sources)} — sentence at characters {start}–{end}"


def cited(documents, sources: dict[str, Document] | None = None) -> list[Document]:
    """The table's entries for the documents given, each once, in the order first cited."""
    table = sources if sources is not None else _default()
    names = dict.fromkeys(Path(d).name for d in documents)
    return [table[n] for n in names if n in table]
