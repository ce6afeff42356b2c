"""Words and their parts of speech, as much as clauses need: the tagger of the extractor.

A token is a word, a number or a mark, with its offsets in the sentence. Its tag comes from the
closed classes (``data/lexicon/function_words.txt``), the verb lexicon (``data/lexicon/verbs.txt``:
every verb with its class, its regular forms made here) and a few rules of context: a verb's base
form is a verb only after a subject, a modal, an auxiliary or "to" ("he would return", not "his
return"); a capitalised word is a name; "to" before a verb marks an infinitive. No statistical
model: what the rules do not know stays a plain word.

>>> [(t.text, t.tag.value) for t in tag("He was sent to Narym to serve his exile.")][:7]
[('He', 'pron'), ('was', 'aux'), ('sent', 'verb'), ('to', 'prep'), ('Narym', 'name'), ('to', 'to'), ('serve', 'verb')]
"""
from __future__ import annotations

import enum
import functools
import re
from typing import NamedTuple

from ..lexicon import inflected, sections


class Tag(enum.Enum):
    WORD = "word"       # a noun, an adjective, anything the rules do not place
    NAME = "name"       # a capitalised word
    VERB = "verb"
    AUX = "aux"         # be, have, do
    MODAL = "modal"
    NEG = "neg"
    DET = "det"
    PRON = "pron"
    PREP = "prep"
    CONJ = "conj"
    SUB = "sub"         # a subordinating conjunction or a relative
    TO = "to"           # "to" before a verb
    ADV = "adv"
    NUM = "num"
    PUNCT = "punct"


class T:
    """The tags as plain class attributes (``T.VERB is Tag.VERB``): Python 3.11 finds an Enum's members
    through ``EnumType.__getattr__``, four times as slow, and the loops over tokens compare tags often."""

    WORD = Tag.WORD
    NAME = Tag.NAME
    VERB = Tag.VERB
    AUX = Tag.AUX
    MODAL = Tag.MODAL
    NEG = Tag.NEG
    DET = Tag.DET
    PRON = Tag.PRON
    PREP = Tag.PREP
    CONJ = Tag.CONJ
    SUB = Tag.SUB
    TO = Tag.TO
    ADV = Tag.ADV
    NUM = Tag.NUM
    PUNCT = Tag.PUNCT


class Token(NamedTuple):
    """A word, a number or a mark of a sentence (a tuple: there are tens of thousands to a megabyte of text,
    and a tuple is made three times as fast as a frozen dataclass)."""

    text: str
    start: int
    end: int
    tag: Tag
    lemma: str = ""     # a verb's lemma
    vclass: str = ""    # a verb's class (motion, stay, detention, meeting, combat, rule, rename, abstract)
    form: str = ""      # a verb's form: base, s, past (past or participle), ing


_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*|\d[\d,.]*|n['’]t|[^\w\s]")
_BE = frozenset("was were is are be been being am".split())


@functools.cache
def verbs() -> dict[str, tuple[str, str, str]]:
    """Every known verb form: ``{form: (lemma, class, form kind)}``; the first class listed wins."""
    out: dict[str, tuple[str, str, str]] = {}
    for vclass, lines in sections("verbs").items():
        for line in lines:
            lemma = line.split(None, 1)[0]
            for form, kind in inflected(line).items():
                out.setdefault(form, (lemma, vclass, kind))
    return out


@functools.cache
def _closed() -> dict[str, Tag]:
    out: dict[str, Tag] = {}
    for name, words in sections("function_words").items():
        if name not in Tag._value2member_map_:
            continue                               # not a part of speech (the irrealis nouns)
        for w in words:
            out.setdefault(w, Tag(name))
    return out


# Words in -ed that are no verb's form: "fifteen hundred enterprises", "a sacred duty"
_NOT_VERBS_IN_ED = frozenset(sections("clause_words")["not_verbs_in_ed"])
_NOT_VERBS_IN_ING = frozenset(sections("clause_words")["not_verbs_in_ing"])
_PARTICIPLE_OPENERS = frozenset(sections("clause_words")["participle_openers"])
_AUX = frozenset("had has have having did does do".split())
# Verbs whose base form after "helped" is what was done there: "helped arrest Beria in the Kremlin"
# (not "helped establish governments throughout Eastern Europe", done from afar)
_HELPED = frozenset(("detention", "motion", "sending", "meeting", "combat"))
_SUBJECT_TAGS = (T.PRON, T.MODAL, T.TO, T.NEG, T.AUX)
_AFTER_SUBJECT = (T.NAME, T.PRON, T.WORD, T.AUX, T.ADV, T.NEG)
_OPENERS = "\"“‘'("
# A chronology's line: after its date and a dash, a verb with no subject ("1906 – Moves to Geneva"; not a title
# after a dash in prose, "the Balkans – Travels in Serbia")
_ITEM_DASH = re.compile(r"\d\s*[–—]\s*$")
# A capitalised adjective of a people or a state: "Soviet forces", "German attacks" are nouns after it
ADJECTIVE_NAME = re.compile(r"(?:ian|ean|can|man|ese|ish|ic|Soviet|Red|White|Allied|Nazi|Bolshevik|Czech|Greek|Tatar)$")


def tag(sentence: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of a sentence (or of its part ``start``..``end``) with their tags; offsets are into
    the sentence."""
    closed, known = _closed(), verbs()
    found = list(_TOKEN.finditer(sentence, start, len(sentence) if end is None else end))
    out: list[Token] = []
    append = out.append
    prev: Token | None = None
    her = False                                    # the token before is "her" as a determiner
    for i, m in enumerate(found):
        text = m.group()
        start, end = m.span()
        c = text[0]
        if not c.isalnum():
            prev = Token(text, start, end, T.PUNCT)
        elif c.isdigit():
            prev = Token(text, start, end, T.NUM)
        else:
            low = text.lower()
            # (the first word of a chronology's line, after "1906 –": at the part's start or after the dash)
            item = (prev is None or prev.text in "–—") and _ITEM_DASH.search(sentence, max(0, start - 12), start)
            if low in ("n't", "n’t") or low == "no" and i + 1 < len(found) and found[i + 1].group() == "longer":
                prev = Token(text, start, end, T.NEG)  # ("no longer": "was no longer invited to Kuntsevo")
            elif c.isupper() and not ((prev is None or prev.tag is T.PUNCT and (prev.text in _OPENERS or item))
                                      and (low in closed or low in known)):
                prev = Token(text, start, end, T.NAME)
            elif low == "to":
                nxt = found[i + 1].group().lower() if i + 1 < len(found) else ""
                is_inf = nxt not in closed and known.get(nxt, ("", "", ""))[2] == "base"
                prev = Token(text, start, end, T.TO if is_inf else T.PREP)
            elif low in _BE or low in _AUX:
                prev = Token(text, start, end, T.AUX, lemma="be" if low in _BE else low)
            elif low in closed:
                prev = Token(text, start, end, closed[low])
            elif low in known and ((form := known[low][2]) in ("past", "ing") or (prev is not None and (
                    prev.tag in _SUBJECT_TAGS
                    or (prev.tag is T.NAME and form == "s" and not ADJECTIVE_NAME.search(prev.text))
                    or (prev.tag is T.VERB and prev.lemma == "help" and known[low][1] in _HELPED)))
                    or (item and form == "s")):                                            # "1906 – Moves to"
                lemma, vclass, form = known[low]
                prev = Token(text, start, end, T.VERB, lemma, vclass, form)
            elif low.endswith("ed") and len(low) > 4 and prev is not None and (
                    prev.tag in _AFTER_SUBJECT or (prev.text.lower() == "then" and len(out) > 1
                                                   and out[-2].tag in (T.NAME, T.PRON, T.WORD))) \
                    and low not in _NOT_VERBS_IN_ED:     # (also "the Red Army then poured into the Crimea")
                # a verb the lexicon does not know, by its form after a subject: "conflict recurred"
                prev = Token(text, start, end, T.VERB, low, "", "past")
            elif low.endswith("ing") and len(low) > 5 and prev is not None and (
                    prev.tag is T.AUX and prev.lemma == "be" or prev.text.lower() in _PARTICIPLE_OPENERS) \
                    and low not in _NOT_VERBS_IN_ING:
                # a verb the lexicon does not know, by its form after "be" ("while he was hunting in Kazakhstan")
                # or after a word that opens a participle phrase ("while collecting plants in the foothills")
                prev = Token(text, start, end, T.VERB, low, "", "ing")
            else:
                prev = Token(text, start, end, T.ADV if low.endswith("ly") and len(low) > 4 else T.WORD)
        if her and prev.tag not in _NOUN_PHRASE:
            out[-1] = _object_her(out[-1])
        append(prev)
        her = prev.tag is T.DET and text.lower() == "her"
    if her:
        out[-1] = _object_her(out[-1])
    return out


# "her" before no noun is the object pronoun: "Lenin sent her to the Crimea", not "her husband"
_NOUN_PHRASE = (T.WORD, T.NAME, T.NUM, T.ADV)


def _object_her(t: Token) -> Token:
    return Token(t.text, t.start, t.end, T.PRON)


def is_passive(tokens: list[Token], i: int) -> bool:
    """Whether the verb at ``i`` is a past participle after a form of "be" ("was exiled", "were not sent")."""
    if tokens[i].form != "past":
        return False
    j = i - 1
    while j >= 0 and tokens[j].tag in (T.ADV, T.NEG):
        j -= 1
    return j >= 0 and tokens[j].tag is T.AUX and tokens[j].lemma == "be"
