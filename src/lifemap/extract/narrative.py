"""Stage 1, the narrative: a text's sentences, paragraphs, headings and captions.

Sentences come from ``lifemap.text.sentences`` (character offsets into the text). A line without a
closing stop is a title line: a heading (every longer word capitalised, "1917–1918: …", "11. …") or
a caption; neither tells an event, and a caption's date does not move the narrative on. A text ends
at the heading of its back matter ("References", "Notes", "Further reading").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import CAPITAL_ITEM, LIST_ITEM, sentences


@dataclass(frozen=True)
class Narrative:
    text: str
    spans: list[tuple[int, int]]     # each sentence's (start, end)
    paragraphs: list[int]            # each sentence's paragraph number
    titles: list[bool]               # headings and captions: lines without a closing stop

    def sentence(self, i: int) -> str:
        a, b = self.spans[i]
        return self.text[a:b]

    def is_caption(self, i: int) -> bool:
        """A title line that the next line does not finish: "…held him in the Bailov" before "Prison." is
        a sentence broken across lines, not a caption."""
        if not self.titles[i]:
            return False
        if i + 1 >= len(self.spans) or "\n\n" in self.text[self.spans[i][1]:self.spans[i + 1][0]]:
            return True                            # a blank line after it: nothing goes on from it
        after = self.sentence(i + 1)
        return not (after[:1].islower() or (not self.titles[i + 1] and len(after.split()) <= 3))

    def headings(self) -> list[str]:
        """The text's headings (those that date a section too), in order."""
        return [s for i, t in enumerate(self.titles) if t and (is_heading(s := self.sentence(i)) or is_year_heading(s))]


# The headings of a text's back matter: what follows them lists sources, not a life ("References",
# "Notes", "Further reading"), and its towns are places of publication.
_BACK_MATTER = re.compile(r"(?i:references|notes|bibliography|further\s+reading|sources|literature|footnotes|"
                          r"citations|external\s+links|see\s+also|works\s+cited|selected\s+works|works|publications)"
                          r"\s*:?\s*$")


def read(text: str) -> Narrative:
    spans = sentences(text)
    end = _back_matter(text, spans)
    if end is not None:
        spans = spans[:end]                        # the back matter tells no event
    titles = [is_title(text[a:b]) for a, b in spans]
    # among a chronology's lines, one whose step opens with a capital is a line too ("1944 – Operation
    # Bagration; trapped German divisions at Bobruisk" between "1943 – fought at Kursk" and the next)
    listed = [LIST_ITEM.match(text, a) is not None for a, _ in spans]
    for order in (range(len(spans)), range(len(spans) - 1, -1, -1)):     # runs of them, either way
        for i in order:
            if not listed[i] and CAPITAL_ITEM.match(text, spans[i][0]) and (
                    i and listed[i - 1] or i + 1 < len(spans) and listed[i + 1]):
                listed[i], titles[i] = True, False
    return Narrative(text, spans, _paragraphs(text, spans), titles)


def _back_matter(text: str, spans: list[tuple[int, int]]) -> int | None:
    """The number of the sentence that heads the text's back matter, or None."""
    return next((k for k, (a, b) in enumerate(spans) if k and _BACK_MATTER.match(text, a, b)
                 and _alone_on_its_line(text, a, b)), None)


def body(text: str) -> str:
    """The text without its back matter (what ``read`` reads of it)."""
    spans = sentences(text)
    end = _back_matter(text, spans)
    return text if end is None else text[:spans[end][0]]


def _alone_on_its_line(text: str, a: int, b: int) -> bool:
    return (a == 0 or text[a - 1] == "\n") and (b == len(text) or text[b:b + 1] == "\n")


def _paragraphs(text: str, spans: list[tuple[int, int]]) -> list[int]:
    out, n = [], 0
    for i, (a, _) in enumerate(spans):
        if i and "\n" in text[spans[i - 1][1]:a]:
            n += 1
        out.append(n)
    return out


def is_title(sentence: str) -> bool:
    """A heading or a caption: no closing stop (a line of a chronology is neither: "1919 – fought at Omsk")."""
    return not (sentence.rstrip()[-1:] in ".!?\"”’)]:;" or re.search(r"[.!?][\"”’)]*(?:\[\w{1,4}\])+\d*$|\.\d{1,3}$",
                                                                       sentence) or LIST_ITEM.match(sentence))


def is_heading(sentence: str) -> bool:
    """A title line: every longer word capitalised, or "1917–1918: …", or "11. RETURN …"."""
    if not is_title(sentence):
        return False
    if re.match(r"^\d{4}(?:\s*[–-]\s*\d{2,4})?\s*:", sentence) or re.match(r"^\d+\.\s", sentence):
        return True
    words = re.findall(r"[^\W\d_]{4,}", sentence)
    return bool(words) and all(w[0].isupper() for w in words)


def is_year_heading(sentence: str) -> bool:
    """A section heading that dates what follows: "1899–1904: …" or "…: 1917–1918"."""
    return bool(re.match(r"^\d{4}(?:\s*[–-]\s*\d{2,4})?\s*:", sentence)
                or re.search(r":\s*\d{4}(?:\s*[–-]\s*\d{2,4})?$", sentence))
