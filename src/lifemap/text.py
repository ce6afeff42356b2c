"""Input texts: reading them safely, and cutting them into sentences with character offsets.

Offsets are Python ``str`` indices of the text as read (UTF-8, newlines normalised to ``\\n``
as ``Path.read_text`` does), so a span cited as ``start``, ``end`` gives back the same sentence
to anyone who reads the file the same way.

>>> text = "He went to St. Petersburg in 1905. J. V. Stalin was there [O.S. dates].[3] Then home."
>>> [text[a:b] for a, b in sentences(text)]
['He went to St. Petersburg in 1905.', 'J. V. Stalin was there [O.S. dates].[3]', 'Then home.']
"""
from __future__ import annotations

import codecs
import os
import re
import warnings
from pathlib import Path
from typing import Iterable, Iterator

from .errors import DataError


class NotUTF8Warning(UserWarning):
    """A text was not UTF-8 and was decoded as cp1252 (or latin-1); accents may be wrong."""


PIECE = 1_000_000   # characters of a text handed on at once: bounds the memory of a long book
_BLOCK = 1 << 20    # bytes read from a file at once
# Byte-order marks of the encodings read by theirs alone (UTF-32's first: it starts like UTF-16's).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
         (b"\xfe\xff", "utf-16"))


def read_text(path: str | os.PathLike) -> str:
    """The text of a file: UTF-8, UTF-16 or UTF-32 with a byte-order mark, else cp1252/latin-1 with a
    warning; binary and empty files, devices, pipes and directories refused.

    Newlines are normalised (``\\r\\n`` and ``\\r`` become ``\\n``) exactly as ``Path.read_text`` does.
    """
    return "".join(piece for _, piece in read_pieces(path))


def read_pieces(path: str | os.PathLike, size: int = PIECE) -> Iterator[tuple[int, str]]:
    """The text of a file (as ``read_text`` reads it) in ``(offset, piece)`` pieces of at most
    ``size`` characters, cut as ``cut`` cuts: the file is read in blocks, so memory stays bounded
    however large it is. A fault found late (a NUL byte) raises after the pieces before it."""
    return cut(_decoded(Path(path)), size)


def cut(parts: Iterable[str], size: int = PIECE) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` of the text that ``parts`` make when joined, cut at paragraph breaks
    (or, failing that, at a line break or a sentence end) near every ``size`` characters; a short
    text is one piece.

    >>> [piece for _, piece in cut(["One. Two.\\n", "\\nThree."], 12)]
    ['One. Two.\\n\\n', 'Three.']
    """
    buffer, offset = "", 0
    for part in parts:
        buffer += part
        while len(buffer) > size:
            window = buffer[:size]
            at = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(". "))
            at = at + 1 if at > size // 2 else size
            yield offset, buffer[:at]
            buffer, offset = buffer[at:], offset + at
    yield offset, buffer


def _decoded(path: Path) -> Iterator[str]:
    """The text of a file block by block, decoded and with newlines normalised."""
    from .files import open_regular

    with open_regular(path) as handle:
        block = handle.read(_BLOCK)
        decoder, seen = _Decoder(path, block), False
        while True:
            last = not block
            text = decoder.decode(block, last)
            seen = seen or bool(text.strip())
            if last and not seen:
                raise DataError(path, 0, "", "empty file: there is no text to read")
            yield text
            if last:
                return
            block = handle.read(_BLOCK)


class _Decoder:
    """A file's bytes to text, block by block: UTF-16 or UTF-32 after its byte-order mark; else UTF-8 up to
    the first byte that is not, then cp1252 (latin-1 once cp1252 lacks a byte), with a warning
    at each change."""

    def __init__(self, path: Path, first: bytes):
        self.path = path
        self.codec = next((codec for bom, codec in _BOMS if first.startswith(bom)), "utf-8")
        self._incremental = codecs.getincrementaldecoder(self.codec)()
        self._carry = ""        # a \r at the end of a block: a \r\n may straddle two blocks

    def decode(self, block: bytes, last: bool) -> str:
        if self.codec not in ("utf-16", "utf-32") and b"\x00" in block:
            raise DataError(self.path, 0, "", _binary(block))
        if self.codec in ("utf-8", "utf-16", "utf-32"):
            try:
                text = self._incremental.decode(block, last)
            except UnicodeDecodeError as exc:
                if self.codec != "utf-8":
                    raise DataError(self.path, 0, "", f"not {self.codec.upper()} text, though it starts with "
                                                      "its byte-order mark") from None
                text = exc.object[:exc.start].decode("utf-8") + self._single_byte(exc.object[exc.start:])
        else:
            text = self._single_byte(block)
        if "\x00" in text:
            raise DataError(self.path, 0, "", "binary file (it holds NUL characters), not a text")
        text, self._carry = self._carry + text, ""
        if text.endswith("\r") and not last:
            text, self._carry = text[:-1], "\r"
        return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text

    def _single_byte(self, data: bytes) -> str:
        if self.codec != "latin-1":
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                self._switch("latin-1")
            else:
                if self.codec != "cp1252":
                    self._switch("cp1252")
                return text
        return data.decode("latin-1")

    def _switch(self, codec: str) -> None:
        self.codec = codec
        warnings.warn(f"{self.path}: not UTF-8; decoded as {codec} (check accented letters)", NotUTF8Warning,
                      stacklevel=2)


def _binary(block: bytes) -> str:
    """Why a block with NUL bytes is refused, with a hint when it looks like UTF-16 without its mark."""
    head = block[:4096]
    if head and max(head[0::2].count(0), head[1::2].count(0)) > len(head) // 4:
        return "binary file (it holds NUL bytes); if it is UTF-16 text without a byte-order mark, save it as UTF-8"
    return "binary file (it holds NUL bytes), not a text"


def decode(data: bytes, name: str = "<text>") -> str:
    """Bytes to text: UTF-8 (a byte-order mark is kept, as Python keeps it), else cp1252, else latin-1."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text, used = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, used = data.decode("latin-1"), "latin-1"
        warnings.warn(f"{name}: not UTF-8; decoded as {used} (check accented letters)", NotUTF8Warning,
                      stacklevel=3)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


# Sentences ------------------------------------------------------------------------------------
# A possible end: terminal punctuation, closing quotes or brackets, citation marks such as [63] or
# [g], a footnote number glued to the stop, then white space.
# (each alternative opens with its character, which lets the regex engine skip to them)
_END = re.compile(r"(?:\.(?:\s?\.\s?\.)?|…|!|\?)[\"'’”)\]]*(?:\[[^\]\n]{1,12}\])*"
                  r"(?:(?<=[.!?\"'’”)\]])\d{1,3})?(?=\s|$)")
_NEXT = re.compile(r"\s*([\"'‘“(\[]*)(\S)")
# (whole, and tried only where no word character precedes: searched for at every position before the stop,
# on the 40 characters there, cut out so that the look-behind sees none before them)
_WORD_BEFORE = re.compile(r"(?<![\w.])([\w.]*+)$")
_SPACE = re.compile(r"[\s\ufeff]*")
# The longest sentence: a longer run (a line without stops, a list of years or initials) is cut
# into sentences of at most this many characters. Everything done to a sentence looks at all of
# it, so this bounds the work per character whatever the shape of the text; no sentence of the
# seed texts comes near it (the longest has 500 characters).
MAX_SENTENCE = 1000
# Words that end with a full stop without ending a sentence.
ABBREVIATIONS = frozenset("""
    mr mrs ms dr st prof gen col lt capt maj sgt adm gov rev fr sr jr messrs mme mlle
    no nos vol vols p pp ch fig ed eds ca c cf vs viz approx dept est
    jan feb mar apr jun jul aug sep sept oct nov dec
    o.s n.s e.g i.e a.m p.m
""".split())
_FLOURISHED = re.compile(r"\s*(?:c\.\s*)?\d")
# Words that usually open a sentence: after an ambiguous stop (an acronym, "etc.") they decide it.
_OPENERS = frozenset("""
    the a an he she it they we i his her its their this that these those there then in on at
    after before during when while since by from with for but yet however although though as
    meanwhile later soon once following despite
""".split())


# A line of a list or a chronology, its own sentence however the text around it is wrapped: a bullet,
# or a date and a dash or a colon before a small word ("1919 – fought at Omsk", "June 1941: commander of
# the Western Front"; "1917–1918: Revolution" and "1917 – Revolution in Petrograd" are headings).
_MONTH_NAMES = ("January|February|March|April|May|June|July|August|September|October|November|December|"
                "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Spring|Summer|Autumn|Fall|Winter")
_ITEM_DATE = (rf"(?:(?:\d{{1,2}}[ \t]+)?(?:{_MONTH_NAMES})\.?[ \t]+)?\d{{4}}(?:[ \t]*[–—-][ \t]*\d{{2,4}})?")
_ITEM_DASH = r"(?:[ \t]*[–—][ \t]+|[ \t]+-[ \t]+)"
LIST_ITEM = re.compile(rf"[ \t]*(?:[-*•·][ \t]+|{_ITEM_DATE}(?:{_ITEM_DASH}|[ \t]*:[ \t]*)(?=[a-z]))")
# The same with a capital after the dash: a chronology's line among others ("1944 – Operation Bagration;
# trapped … at Bobruisk"), else a heading (lifemap.extract.narrative decides which)
CAPITAL_ITEM = re.compile(rf"[ \t]*{_ITEM_DATE}{_ITEM_DASH}(?=[A-Z])")


def _hard_wrapped(text: str) -> bool:
    """Lines wrapped at a fixed width (most lines short and not ending a sentence); the lines of a list
    or a chronology are no sign of it."""
    lines = [ln for ln in text[:200_000].split("\n") if ln.strip() and not LIST_ITEM.match(ln)]
    if len(lines) < 8:
        return False
    short = sum(len(ln) <= 100 for ln in lines)
    open_ended = sum(not ln.rstrip().endswith((".", "!", "?", ":", '"', "”", "’", ")")) for ln in lines)
    return short >= 0.8 * len(lines) and open_ended >= 0.5 * len(lines)


def _is_end(text: str, m: re.Match) -> bool:
    """Whether the stop matched at ``m`` ends a sentence."""
    nxt = _NEXT.match(text, m.end())
    if nxt is None:
        return True
    first = nxt.group(2)
    if first.islower():
        return False                        # "etc. and", "c. 1900" stays in its sentence
    stop = text[m.start()]
    if stop in "!?":
        return True
    if stop == "…" or text.startswith((". .", "..."), m.start()):
        return False                        # an ellipsis trails off inside a sentence
    if m.start() > 0 and text[m.start() - 1].isdigit() and text[m.start() + 1:m.start() + 2].isdigit():
        return False                        # a decimal: "1.6 million"
    word = _WORD_BEFORE.search(text[max(0, m.start() - 40):m.start()]).group(1)
    bare = word.strip(".").lower()
    if not bare:
        return True
    if bare.isdigit() and text.rfind("\n", 0, m.start()) + 1 == m.start() - len(word):
        return False                        # a numbered heading or list item: "11. RETURN"
    if len(bare) == 1 and word[-1:].isupper():
        return False                        # an initial: "J. V. Stalin"
    if bare in ABBREVIATIONS:
        return False                        # "St. Petersburg", "[O.S. 6 December]"
    if bare == "fl" and text[m.start() - 2:m.start()] == "fl" and _FLOURISHED.match(text, m.end()):
        return False                        # "(fl. 1900 – 1920)": when they worked (not "Tampa, Fl. In 1930")
    if "." in bare or bare == "etc":        # "U.S.S.R." or "etc.": ends only before a usual opener
        following = re.match(r"[A-Za-z]+", text[nxt.start(2):nxt.start(2) + 20])
        return bool(following) and following.group(0).lower() in _OPENERS
    return True


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)``; ``text[start:end]`` is one sentence without outer white space.

    A line break ends a sentence (headings, captions and paragraphs are lines) unless the text is
    wrapped at a fixed width, where only a blank line does. A run longer than ``MAX_SENTENCE``
    characters is cut at its last semicolon, comma or space before that length.
    """
    spans: list[tuple[int, int]] = []
    wrapped = _hard_wrapped(text)
    breaks = _WRAPPED_BREAK if wrapped else _LINE_BREAK
    pos = 0
    for para in breaks.finditer(text + "\n\n"):
        if wrapped and para.group() == "\n" and not _list_starts_here(text, para.start()):
            continue                                # a wrapped line that only begins with a year
        _split_paragraph(text, pos, min(para.start(), len(text)), spans)
        pos = para.end()
    return spans


def _list_starts_here(text: str, at: int) -> bool:
    """Whether a line of a list begins after the line break at ``at`` of a wrapped text: the line before
    ends a sentence or is a line of the list itself ("…spent the years from 1912 to\\n1917 - the darkest of
    his life - in exile" goes on)."""
    before = text.rfind("\n", 0, at) + 1
    line = text[before:at].rstrip()
    return not line or line[-1] in ".:;!?" or LIST_ITEM.match(line) is not None


_LINE_BREAK = re.compile(r"\n")
_WRAPPED_BREAK = re.compile(r"\n\s*\n|\n(?=" + LIST_ITEM.pattern + ")")   # a list's lines stay apart


def _split_paragraph(text: str, lo: int, hi: int, out: list[tuple[int, int]]) -> None:
    start = lo
    for m in _END.finditer(text, lo, hi):
        if _is_end(text, m) or m.end() >= hi:
            _add(text, start, m.end(), out)
            start = m.end()
    _add(text, start, hi, out)


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while True:
        start = _SPACE.match(text, start, end).end()
        stop = end if end - start <= MAX_SENTENCE else _cut(text, start)
        last = stop
        while last > start and text[last - 1].isspace():
            last -= 1
        if last > start:
            out.append((start, last))
        if stop >= end:
            return
        start = stop


def _cut(text: str, start: int) -> int:
    """Where to cut an overlong run of text into sentences: after the last semicolon or comma of
    its second half, else at its last space or line break, else at ``MAX_SENTENCE``."""
    lo, hi = start + MAX_SENTENCE // 2, start + MAX_SENTENCE
    for mark in (";", ","):
        at = text.rfind(mark + " ", lo, hi)
        if at >= 0:
            return at + 1
    at = max(text.rfind(" ", lo, hi), text.rfind("\n", lo, hi))
    return at if at >= 0 else hi


# Searching ----------------------------------------------------------------------------------------
def matches_not_after(pattern: re.Pattern, before: re.Pattern, text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` as if it opened with the look-behind ``(?<!before)`` (``before`` matching
    one character). Checked here, not in the pattern: a pattern that opens with its words (names) lets the
    regex engine skip to their first letters, where one that opens with a look-behind tries every position."""
    m = pattern.search(text)
    while m is not None:
        if m.start() and before.match(text, m.start() - 1):
            m = pattern.search(text, m.start() + 1)
        else:
            yield m
            m = pattern.search(text, m.end())
