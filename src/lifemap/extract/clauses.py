"""Stage 3, clauses: where the clauses of a sentence meet, and what leads a clause.

Clauses meet at conjunctions after a comma, semicolons, dashes, brackets, the comma that closes a
subordinate clause (", while Stalin was in exile, …") and the one that closes a leading participle
("Held first in Batumi Prison, …"). An aside in dashes or brackets crossed whole is no change of
clause. Offsets are into the sentence.
"""
from __future__ import annotations

import functools
import re

_CLAUSE = re.compile(r"[;—]|\s–\s|\(|\)|,(?:\[\w{1,4}\])*\s+(?:and|but|while|where|when|which|who|whom|whose|"
                     r"before|after|although|though|as|because|since|until|so|whereas)\b|\bwhere\b|\bwhile\b|"
                     r"\bwhen\b")
_SUBORDINATE = re.compile(r",(?:\[\w{1,4}\])*\s+(?:while|when|although|though|as|because|since|until|whereas|"
                          r"before|after)\b[^,;]*,")
_ASIDE_SPAN = re.compile(r"\s[—–]\s[^—–;]{1,120}?\s[—–]\s|—[^—;]{1,120}?—|\([^()]{0,200}\)")
PARTICIPLE_LEAD = re.compile(r"^(?:Born|Held|Having|Based|Hurrying|Hurtling|Feeling|Leaving|Arriving|"
                             r"Returning|Exiled|Sentenced|Released|Concerned|[A-Z][a-z]+(?:ed|ing))\b[^;]{0,200}?,"
                             r"(?:\[\w{1,4}\])*\s")
# Leading adverbials that hold no subject: "In June 1911, ", "After the heist, ", "Held in Batumi, ".
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
VERB = re.compile(r"\b(?:was|were|is|are|had|has|have|did|does|could|would|should|might|must|will|can|shall|"
                  r"became|went|made|took|met|saw|came|began|wrote|found|held|fled|spent|sent|got|gave|knew|"
                  r"thought|told|brought|stood|kept|ran|sang|spoke|won|lost|paid|built|fell|grew|heard|felt|"
                  r"sat|chose|bore|rode|left|led|set|broke|spread|said|says|put|let|meant|lay|read|understood|"
                  r"drew|rose|drove|bought|wore|sought|threw|caught|dealt|forgot|shook|hid|fought|taught|ate|"
                  r"hung|struck|swore|became|[a-z]{2,}ed)\b")


@functools.lru_cache(maxsize=256)
def boundaries(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where clauses meet, as (start, end) of each boundary, in order."""
    out = [(m.start(), m.end()) for m in _CLAUSE.finditer(sentence)]
    out += [(m.end() - 1, m.end()) for m in _SUBORDINATE.finditer(sentence)]
    lead = PARTICIPLE_LEAD.match(sentence)
    if lead:
        out.append((lead.end() - 2, lead.end()))
    return tuple(sorted(out))


@functools.lru_cache(maxsize=256)
def asides(sentence: str) -> tuple[tuple[int, int], ...]:
    """Asides in dashes or brackets: crossing one whole is no change of clause."""
    return tuple((m.start(), m.end()) for m in _ASIDE_SPAN.finditer(sentence))


def clause_around(sentence: str, pos: int) -> tuple[int, int]:
    """The (start, end) of the clause that holds ``pos``."""
    lo, hi = 0, len(sentence)
    for s, e in boundaries(sentence):
        if e <= pos:
            lo = e
        elif s >= pos:
            hi = s
            break
    return lo, hi


def split(sentence: str, a: int, b: int) -> bool:
    """Whether a clause boundary lies between offsets ``a`` and ``b`` (asides crossed whole do not count)."""
    lo, hi = min(a, b), max(a, b)
    skipped = [(s, e) for s, e in asides(sentence) if lo <= s and e <= hi]
    return any(lo <= s and e <= hi and not any(x <= s and e <= y for x, y in skipped)
               for s, e in boundaries(sentence))


def aside_length(sentence: str, a: int, b: int) -> int:
    """How much of the stretch between ``a`` and ``b`` is asides."""
    lo, hi = min(a, b), max(a, b)
    return sum(e - s for s, e in asides(sentence) if lo <= s and e <= hi)


def inside_brackets(sentence: str, pos: int) -> bool:
    return sentence.count("(", 0, pos) > sentence.count(")", 0, pos)


def is_lead(sentence: str, pos: int) -> bool:
    """Whether ``pos`` lies in a leading participle clause ("Held first in Batumi Prison, …")."""
    lead = PARTICIPLE_LEAD.match(sentence)
    return lead is not None and pos < lead.end()


def lead_end(sentence: str) -> int:
    """Where the leading adverbials end ("In June 1911, "), if what follows still has a verb."""
    end = 0
    while True:
        lead = _LEAD.match(sentence, end)
        if lead is None or (lead.group("prep") and _CLAUSE_INSIDE.search(lead.group("prep"))):
            break
        end = lead.end()
    if end and VERB.search(sentence, end) is None:
        return 0
    return end


def adverb_after(sentence: str, pos: int) -> int:
    """The length of an adverb in -ly (and its space) at ``pos``, or 0."""
    m = re.match(r"\w+ly\s+", sentence[pos:pos + 20])
    return m.end() if m else 0
