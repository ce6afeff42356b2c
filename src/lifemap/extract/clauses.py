"""Stage 3, clauses: where the clauses of a sentence meet, and what leads a clause.

Clauses meet at conjunctions after a comma, semicolons, dashes, brackets, the comma that closes a
subordinate clause (", while Stalin was in exile, …") and the one that closes a leading participle
("Held first in Batumi Prison, …"). An aside in dashes or brackets crossed whole is no change of
clause. Offsets are into the sentence.
"""
from __future__ import annotations

import bisect
import functools
import operator
import re
from dataclasses import dataclass

from ..lexicon import sections, words
from ..toponyms import EVENTS_OF, MONTH_NAMES

# (Patterns here open with a character or a class, never "\b": the regex engine then skips to where
# they can match. "w(?<!\ww)" is "\bw": no letter before the w.)
# ", in which", ", during which": a clause of its own ("the war, in which Russia was fighting, …")
_PREP_WHICH = r"(?:in|during|of|for|by|with|under|after|through|from|at|to|on)\s+which"
# An adverb or a length of time may stand between the comma and the word that opens the clause: ", just as the
# Japanese attacked", ", shortly after he arrived", ", even though", ", about an hour before Stalin died"
_DEGREE = (r"(?:(?:just|even|only|shortly|soon|long|right|immediately|not\s+long|(?:about\s+|some\s+|barely\s+)?"
           r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|\d+)\s+"
           r"(?:minutes?|hours?|days?|weeks?|months?|years?))\s+)?")
_CLAUSE = re.compile(r"[;—]|\s–\s|\(|\)|,(?:\[\w{1,4}\])*\s+(?:and|but|while|where|when|which|who|whom|whose|"
                     + _PREP_WHICH + r"|"
                     r"before|after|although|though|as|because|since|until|so|whereas)\b"
                     r"|,(?:\[\w{1,4}\])*\s+" + _DEGREE.removesuffix("?") + r"(?:before|after|as|though|when|while)\b"
                     r"|w(?<!\ww)h(?:ere|ile|en)\b")
# A colon, then a clause with a subject of its own: "Malenkov took no part in the summits: Stalin met Roosevelt
# and Churchill at Yalta" (not a list: "three cities: Kiev, Minsk and Riga")
_COLON = re.compile(r":\s+")
_COLON_SUBJECT = re.compile(r"(?:(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+)?(?:[A-Z][\w'’-]+\s+(?:and\s+)?){1,3}"
                            r"|(?:he|she|they)\s+")
# (", and although …, " too; not ", but after a month he escaped to Irkutsk, Tomsk and Tiflis")
_SUBORDINATE = re.compile(r",(?:\[\w{1,4}\])*\s+(?:" + _DEGREE + r"(?:while|when|although|though|as|because|since|"
                          r"until|whereas|before|after|" + _PREP_WHICH + r")"
                          r"|(?:and|but)\s+(?:while|when|although|though|because|whereas))\b[^,;]*,")
_ASIDE_SPAN = re.compile(r"\s[—–]\s[^—–;]{1,120}?\s[—–]\s|—[^—;]{1,120}?—|\([^()]{0,200}\)")
# Prepositions shaped like participles: "During the war he was held in Turukhansk, Siberia" opens with
# no clause of its own, so the comma after the place ends nothing.
_PREPOSITIONS_LIKE_PARTICIPLES = (r"(?:During|Notwithstanding|Regarding|Concerning|Including|Excluding|According|"
                                  r"Pending|Considering|Barring|Excepting)")
# Past participles not in -ed that open a sentence as a leading clause: "Sent by Stalin to the United
# States in 1936, he toured …"
_IRREGULAR_PARTICIPLES = (r"Sent|Taken|Brought|Driven|Given|Caught|Kept|Chosen|Shot|Beaten|Thrown|Seen|Sworn|"
                          r"Bound|Known|Made|Found|Left|Withdrawn|Overthrown|Forbidden|Hidden|Stricken|Torn|Held|Born|"
                          r"Drawn")
# An adjective with its complement (not "Certain Bolsheviks") leading the sentence, or after another lead: "Afraid
# of arrest, he fled to Baku", "In November 1919, unable to feed them, she placed …", "Sure that …": a wish, a want
# or a belief of its own, not the clause's (as "having learned that …" after another lead is)
_ADJECTIVE_LEAD = (r"(?i:afraid|unable|eager|anxious|keen|reluctant|unwilling|willing|determined|desperate|"
                   r"fearful|impatient|ready|unaware|aware|convinced|sure|certain|confident|hopeful)"
                   r"(?=\s+(?:that|of|to|about|for|enough)\b)")
PARTICIPLE_LEAD = re.compile(r"^(?:(?:Not|Never)\s+[a-z]+ing|(?:After|Before|While|On|Upon|When)\s+[a-z]+ing|"
                             + _IRREGULAR_PARTICIPLES + r"|Having|Based|Hurrying|Hurtling|Feeling|Leaving|Arriving|"
                             r"Returning|Exiled|Sentenced|Released|Concerned|"
                             r"(?!" + _PREPOSITIONS_LIKE_PARTICIPLES + r"\b)[A-Z][a-z]+(?:ed|ing))\b[^;]{0,200}?,"
                             r"(?:\[\w{1,4}\])*\s")
# ... running on over a place's apposition and a phrase of its own to the comma before the main clause's subject
# and verb: "Born in Kovno, Russian Empire (now Kaunas, Lithuania), to a Jewish family, Goldman emigrated …"
_SEGMENT = r"(?:[^;,()]|\([^()]*\))"
PARTICIPLE_LEAD_OVER = re.compile(
    PARTICIPLE_LEAD.pattern.split(r"\b[^;]{0,200}?,")[0] + r"\b" + _SEGMENT + r"{0,200}?"
    + r"(?:,\s*(?:[A-Z]|(?:to|in|at|of|near|on|from|into)\b)" + _SEGMENT + r"{0,120}?)+,(?:\[\w{1,4}\])*\s"
    + r"(?=(?:[Hh]e|[Ss]he|[Tt]hey|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})\s+(?:was|were|had|[a-z]+ed)\b)")
# A cause that leads a sentence ("Due to the arrest of his brother in Kiev, he fled …")
_CAUSES = r"Due\s+to|Owing\s+to|Thanks\s+to"
CAUSE_LEAD = re.compile(rf"(?:{_CAUSES}|Because\s+of)\b")
# A subordinate clause opening the sentence: "While Tito was avoiding arrest in Moscow, Germany …".
_SUBORDINATE_LEAD = re.compile(r"^(?:While|When|Although|Though|After|Before|Because|Since|Until|Once|As|If)\s"
                               r"[^,;]{3,150}?,(?:\[\w{1,4}\])*\s")
# Leading adverbials that hold no subject: "In June 1911, ", "After the heist, ", "Held in Batumi, ",
# "To meet Lenin, ".
_LEAD = re.compile(r"(?:(?P<prep>(?:In|On|At|By|During|From|Following|Amid|Despite|Upon|With|Without|Under|Over|"
                   r"Back|Still|There|Then|Later|Soon|Eventually|Meanwhile|Shortly|Initially|Finally|Thus|However|"
                   r"Yet|But|And|Even|Only|Also|Instead|Unlike|Like|Among|Amongst|Within|Throughout|Towards?|"
                   r"Near|Around|Across|Along|Unbeknown|According|Now|Here|Next|Indeed|Moreover|Furthermore|"
                   r"Evidently|" + _CAUSES + r")\b[^,;]{0,100})"
                   r"|(?:After|Before|Since|Until|Once|When|While|Although|Though|As|Because|If|To\s+[a-z]+|"
                   r"In\s+order\s+to)\b[^,;]{0,150}"
                   r"|(?:" + _ADJECTIVE_LEAD + r"|having\b)[^,;]{0,150}"
                   r"|(?:" + _IRREGULAR_PARTICIPLES + r"|Having|Based|Hurrying|Hurtling|Feeling|Leaving|Arriving|Returning|Exiled|"
                   r"Sentenced|Released|Concerned|[A-Z][a-z]+(?:ed|ing)|[A-Z][a-z]+(?=\s+(?:in|at)\s(?![^,;]*\b(?:was|were|had|has|is|are|went|[a-z]{2,}ed)\b))|(?:His|Her|Their)\s+[a-z]+\s+[a-z]+ing)\b[^,;]{0,200}),"
                   r"(?:\[\w{1,4}\])*\s*")
# A second leading phrase, after a first: "In the autumn of 1922, during a quarrel in Tiflis, he struck …" (not
# "with": "In 1941, with the Germans at Kiev, he …" has the Germans at Kiev)
_LEAD_NEXT = re.compile(r"(?P<prep>(?:during|amid|despite|following|throughout|in|on|at|under|upon|after|before)\b"
                        r"[^,;]{0,100}),(?:\[\w{1,4}\])*\s*")
# A leading prepositional phrase holds no subject or verb of its own ("In Baku he had …, the Outfit").
_CLAUSE_INSIDE = re.compile(r"\b(?:he|she|they|we|was|were|had|has|is|are)\b"
                            r"|\b(?:his|her|their|its)\s+[a-z]+\s+[a-z]{3,}ed\b(?!\s+by\b)")   # "his forces invaded"
# What goes on the predicate before the comma, so that no leading phrase ended there.
_COORDINATED = re.compile(r"(?:but|and|or|yet|then)\s+(?:later\s+|soon\s+|then\s+)?[a-z]+\b(?<!\bhe)(?<!\bshe)"
                          r"(?<!\bthey)(?<!\bthe)")
# A name after the date of a leading phrase opens the clause's subject: "In 1918 Stalin, Trotsky and …".
# a name right after a date or a time noun opens the clause: "In 1911 Stalin, …", "Later that month Mayakovsky,
# Burliuk and Kamensky set out", "In January 1942 the Southwestern and Southern fronts, in an offensive he had
# planned, took Barvenkovo"; so does a relative right after a date, "In 1876 his father, a grocer, fled to Moscow"
# (the comma after the name is a list's or an aside's, not the lead's; not after a time noun, which a relative
# clause may follow: "In the year his father died, …")
_NAME_AFTER_DATE = re.compile(rf"(?:\d|\b(?:{MONTH_NAMES}|day|days|week|weeks|month|months|year|years|summer|"
                              r"winter|spring|autumn|morning|evening|night|time))\s+(?:(?:the|his|her|their)\s+)?[A-Z]"
                              rf"|(?:\d|\b(?:{MONTH_NAMES}))\s+(?:his|her|their)\s+(?:"
                              + "|".join(sorted(words("kin"), key=len, reverse=True)) + r")\b")
VERB = re.compile(r"\b(?:was|were|is|are|had|has|have|did|does|could|would|should|might|must|will|can|shall|"
                  r"became|went|made|took|met|saw|came|began|wrote|found|held|fled|spent|sent|got|gave|knew|"
                  r"thought|told|brought|stood|kept|ran|sang|spoke|won|lost|paid|built|fell|grew|heard|felt|"
                  r"sat|chose|bore|rode|left|led|set|broke|spread|said|says|put|let|meant|lay|read|understood|"
                  r"drew|rose|drove|bought|wore|sought|threw|caught|dealt|forgot|shook|hid|fought|taught|ate|"
                  r"hung|struck|swore|flew|withdrew|overran|undertook|swept|shot|sank|froze|[a-z]{2,}ed)\b")


@functools.lru_cache(maxsize=256)
def boundaries(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where clauses meet, as (start, end) of each boundary, in order."""
    out = [(m.start(), m.end()) for m in _CLAUSE.finditer(sentence) if not _serial(sentence, m)
           and not _same_preposition(sentence, m)]
    out += [(m.end() - 1, m.end()) for m in _SUBORDINATE.finditer(sentence)]
    out += [(m.start(), m.end()) for m in _THAT.finditer(sentence) if _reported(sentence, m.start())]
    out += [(m.start(), m.start() + 4) for m in _AND_DATED.finditer(sentence)]
    out += [(m.start(), m.start() + 4) for m in _AND_DIED.finditer(sentence)]
    out += [(m.start(), m.end()) for m in _COLON.finditer(sentence)
            if (who := _COLON_SUBJECT.match(sentence, m.end())) and finite_verb_at(sentence, who.end())]
    lead = participle_lead(sentence) or _subordinate_lead(sentence)
    if lead:
        out.append((lead.end() - 2, lead.end()))
    out += _own_subjects(sentence, lead is not None)
    return tuple(sorted(out))


# A pronoun and its verb after a predicate: a clause with a subject of its own ("the Red Army occupied Kiev
# and he fled to Lisbon", "When the German army reached Paris he fled to Lisbon", no comma between).
_PRONOUN_VERB = re.compile(r"(?:a(?<!\wa)nd\s+|(?<=[a-z0-9] ))(?:he|she|they)\s+"
                           r"(?:(?:also|then|later|soon|again|finally|eventually|quickly|secretly)\s+)?(?=[a-z])")
SUBORDINATING = "When|While|After|Before|As|Once|Although|Though|Because|Since|Until|If"   # (words that open one)
SUBORDINATOR = re.compile(rf"(?:{SUBORDINATING})\s")


# A name (or "the" and a name) after "and", then a verb: "the Germans took Riga and Kornilov withdrew to
# Pskov", "the Romanian army collapsed and the Germans occupied Romania".
_NAME_VERB = re.compile(r"a(?<!\wa)nd\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?=[a-z])")


# A relative or a friend of someone's (data: the kin and ties lexicons) after "and", then a verb: "his mother
# had died and his father had moved to Jastrebarsko", "Broz came home and his father had moved to Zagreb".
_KIN_VERB = re.compile(r"a(?<!\wa)nd\s+(?:his|her|their)\s+(?:[a-z]+\s+)?(?:"
                       + "|".join(sorted(words("kin") | words("ties"), key=len, reverse=True)) + r")\s+(?=[a-z])")


_SEGMENT_OPENER = re.compile(r",|;|\b(?:when|while|after|before|because|since|until|that|who|which|as|where)\b")


def _segment_start(sentence: str, pos: int) -> int:
    """Where the stretch of ``sentence`` that ends at ``pos`` opens: after its last comma or subordinating
    word ("…, when Kamenev and Stalin returned": the verb before "and" must stand after "when")."""
    last = 0
    for m in _SEGMENT_OPENER.finditer(sentence, 0, pos):
        last = m.end()
    return last


def _own_subjects(sentence: str, led: bool) -> list[tuple[int, int]]:
    """Where a pronoun or a name opens a clause of its own after a predicate without a comma: after "and",
    or (a pronoun) after a leading subordinate clause ("When …"). The subject must be followed by a verb,
    and a verb must come before it ("Kamenev and he returned", "Kamenev and Stalin returned" are one
    subject)."""
    from .tagger import ADJECTIVE_NAME

    out = [(m.start(), m.start() + 3) for m in _NAME_VERB.finditer(sentence)
           if finite_verb_at(sentence, m.end()) and VERB.search(sentence, _segment_start(sentence, m.start()),
                                                                 m.start()) is not None
           and not ADJECTIVE_NAME.search(m.group().rstrip())]      # not "and Soviet forces"
    out += [(m.start(), m.start() + 3) for m in _KIN_VERB.finditer(sentence)
            if finite_verb_at(sentence, m.end()) and VERB.search(sentence, _segment_start(sentence, m.start()),
                                                                  m.start()) is not None]
    if "he " not in sentence and "they " not in sentence:
        return out
    subordinate = not led and SUBORDINATOR.match(sentence) is not None
    for m in _PRONOUN_VERB.finditer(sentence):
        anded = m.group().startswith("and")
        # "…, and when the German armies broke through at Vyazma he was evacuated": a subordinate clause
        # opened inside the sentence ends where its pronoun and verb begin, as one opening it does
        inner = not anded and not led and _opened_inside(sentence, m.start())
        if not anded and not (subordinate and not out) and not inner:
            continue
        if VERB.match(sentence, m.end()) is None or (VERB.search(sentence, 0, m.start()) is None and not (
                subordinate and not out and _PREPOSITION_OPENS.match(sentence))):
            continue                               # ("After the split between Bolsheviks and Mensheviks she
            #                                        stayed …": a preposition's object needs no verb)
        out.append((m.start(), m.start() + (3 if anded else 0)))
    return out


_PREPOSITION_OPENS = re.compile(r"(?:After|Before|Since|Until)\s")
_OPENED_INSIDE = re.compile(r"(?:[,;]\s+|\b(?:and|but)\s+)(?:when|while|after|before|once|because|until)\s[^,;]*$")


def _opened_inside(sentence: str, pos: int) -> bool:
    """A subordinate clause opens after a comma or an "and" before ``pos``, with no comma since."""
    return _OPENED_INSIDE.search(sentence, max(0, pos - 150), pos) is not None


_WORD = re.compile(r"[a-z]+")


def finite_verb_at(sentence: str, pos: int) -> bool:
    """A verb in the past or the present opens ``sentence[pos:]`` ("withdrew", not "withdrawing")."""
    from .tagger import verbs

    if VERB.match(sentence, pos) is not None:
        return True
    word = _WORD.match(sentence, pos)
    known = verbs().get(word.group()) if word else None
    return known is not None and known[2] in ("past", "s")


_PRONOUN_AFTER_A_NOUN = re.compile(r"^\S+\s+\S+.*?\s(?:he|she|they)\s+[a-z]")


def _subordinate_lead(sentence: str) -> re.Match | None:
    """A leading subordinate clause up to its comma ("After he returned to Moscow, "), unless its word
    opens a phrase and a subject of the main clause follows it before the comma ("After the war he
    commanded the Kiev district, the …": the comma is a list's)."""
    lead = _SUBORDINATE_LEAD.match(sentence)
    if lead is not None and _PRONOUN_AFTER_A_NOUN.match(lead.group()):
        return None
    return lead


def leading_clause(sentence: str) -> int | None:
    """Where a leading subordinate clause ends (at its comma): "After Dzerzhinsky died in Moscow, Kuibyshev …";
    None if there is none."""
    lead = _subordinate_lead(sentence)
    return lead.group().index(",") if lead is not None else None


# "and" opening a second predicate with a date of its own: "moved to Tiflis and in 1922 he returned to
# Moscow" — the date is the second's
_AND_DATED = re.compile(r"a(?<!\wa)nd,?\s+(?=(?:in|on|by|from)\s+(?:[A-Z][a-z]+\s+)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4}\b)")
# "and" opening a death after another predicate: "spent his retirement in Zubalova and died in Moscow"
_AND_DIED = re.compile(r"a(?<!\wa)nd\s+(?=died\b)")
# "told Lenin that Kamenev was in Helsinki": what is reported has its own subject (a thought or a wish
# keeps its clause, so that "learned that he would be sent to Narym" stays unreal)
_THAT = re.compile(r"t(?<!\wt)hat(?=\s+(?:[A-Z]|he\b|she\b|they\b))")
_WORD_BEFORE = re.compile(r"([a-z]+)\W+(?:[A-Z][\w'’-]*\s+){0,2}$")


def _reported(sentence: str, at: int) -> bool:
    """Whether a verb of saying stands right before "that" (over an indirect object: "told Lenin that")."""
    from .tagger import verbs

    m = _WORD_BEFORE.search(sentence, max(0, at - 40), at)
    # (not a noun of hearsay: "there was talk that Frunze would bring him to Moscow" is unreal, not said)
    return m is not None and verbs().get(m.group(1), ("", ""))[1] == "report" and m.group(1) not in _irrealis_nouns()


# The serial comma of a list of names: "Stalin, Trotsky, Sverdlov, and Lenin lived at the Kremlin".
_NAME = r"[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*"
_LIST_BEFORE = re.compile(_NAME + r",\s+" + _NAME + r"$")
_NAME_AFTER = re.compile(r"\s*(?:the\s+)?[A-Z]")


def _serial(sentence: str, m: re.Match) -> bool:
    """Whether the boundary ``m`` is the ", and" (", or") before the last of three or more names that
    open the sentence."""
    return (m.group().startswith(",") and m.group().rstrip().endswith((" and", " or"))
            and _NAME_AFTER.match(sentence, m.end()) is not None
            and _LIST_BEFORE.search(sentence, max(0, m.start() - 80), m.start()) is not None
            and VERB.search(sentence, 0, m.start()) is None)    # the list is a subject, not "to Tsaritsyn, Russia,"


def _same_preposition(sentence: str, m: re.Match) -> bool:
    """Whether the boundary ``m`` is the ", and" of a list of places that repeats its preposition, with no
    verb of its own: "reported from the Crimea, and from Murmansk"."""
    if not m.group().startswith(",") or not m.group().rstrip().endswith(" and"):
        return False
    after = _PREPOSITION_NAME.match(sentence, m.end())
    if after is None:
        return False
    before = re.search(rf"\b{after.group('p')}\s+(?:the\s+)?(?:[a-z-]+\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*$",
                       sentence[max(0, m.start() - 60):m.start()])
    rest = re.match(r"[^,;]*", sentence[after.end():]).group()
    return before is not None and VERB.search(rest) is None


_PREPOSITION_NAME = re.compile(r"\s+(?P<p>in|at|to|from|through|via|into)\s+(?:the\s+)?[A-Z]")


@functools.lru_cache(maxsize=256)
def asides(sentence: str) -> tuple[tuple[int, int], ...]:
    """Asides in dashes or brackets: crossing one whole is no change of clause."""
    return tuple((m.start(), m.end()) for m in _ASIDE_SPAN.finditer(sentence))


def clause_around(sentence: str, pos: int) -> tuple[int, int]:
    """The (start, end) of the clause that holds ``pos``. A relative clause between commas that ends
    before ``pos`` is an aside of the clause it interrupts: "Stalin exiled Trotsky, who refused to recant,
    to Alma-Ata" holds Alma-Ata in the clause of "exiled" (``link`` reads it without the aside)."""
    lo, hi = 0, len(sentence)
    crossed = relative_asides(sentence, pos)
    for s, e in boundaries(sentence):
        if e <= pos:
            if not any(x <= s and e <= y for x, y in crossed):
                lo = e
        elif s >= pos:
            hi = s
            break
    return lo, hi


# A relative clause between commas about a person: ", who refused to recant,", ", whom he trusted,"
_WHO_ASIDE = re.compile(r",\s+(?:who|whom|whose)\b[^,;()]*,")


def relative_asides(sentence: str, pos: int) -> list[tuple[int, int]]:
    """The relative clauses between commas (``_WHO_ASIDE``) that end before ``pos``, the clause they interrupt
    going on after them ("…, who refused to recant, to Alma-Ata"; not "After Stalin exiled Trotsky, who refused
    to recant, Kamenev went …", where a clause of its own begins)."""
    if "who" not in sentence:
        return []
    return [(m.start(), m.end()) for m in _WHO_ASIDE.finditer(sentence, 0, pos) if _GOES_ON.match(sentence, m.end())]


# What may follow an aside in the clause it interrupts: a word in small letters that opens no clause of its own
_GOES_ON = re.compile(r"\s*(?!(?:he|she|they|it|we|the|a|an|his|her|their|and|but|while|whereas|although|though)\b)"
                      r"[a-z]")


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


def participle_lead(sentence: str) -> re.Match | None:
    """The leading participle clause of ``sentence`` (``PARTICIPLE_LEAD``), if a verb is left after it: "After
    graduating he worked as a surveyor, first in Belorussia" is one main clause with its comma, not a lead
    ("Fearing they would arrest him, Bukharin fled to Paris" is one)."""
    lead = PARTICIPLE_LEAD.match(sentence)
    if lead is not None and not _SUBJECT_AND_VERB.match(sentence, lead.end()):
        lead = PARTICIPLE_LEAD_OVER.match(sentence) or lead
    if lead is None or VERB.search(sentence, lead.end()) is None or _own_subject_inside(sentence, lead.end()):
        return None
    return lead


_SUBJECT_AND_VERB = re.compile(r"(?:[Hh]e|[Ss]he|[Tt]hey|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})\s+[a-z]")


def _own_subject_inside(sentence: str, end: int) -> bool:
    """A subject pronoun in ``sentence[:end]`` that opens no reported clause: "After graduating he worked in Kiev,
    …" is a main clause, not a lead; "Fearing they would arrest him, …", "After learning that he was ill, …" are
    leads (the word before the pronoun a verb of thinking or telling, or "that", "whether", "if")."""
    from .tagger import verbs

    for m in _SUBJECT_PRONOUN.finditer(sentence, 0, end):
        before = _LAST_WORD.search(sentence, 0, m.start())
        word = before.group(1).lower() if before else ""
        if word in _REPORTING or word.endswith("ing") and (
                verbs().get(word, ("", "", ""))[1] in ("abstract", "report") or word in _PERCEIVING):
            continue
        return True
    return False


_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|they)\s")
_LAST_WORD = re.compile(r"([A-Za-z]+)\s+$")
_REPORTING = frozenset(("that", "whether", "if"))
_PERCEIVING = frozenset(("hearing", "seeing"))   # (no verbs of the lexicon's: "hearing she had been arrested")


def is_lead(sentence: str, pos: int) -> bool:
    """Whether ``pos`` lies in a leading participle clause ("Held first in Batumi Prison, …")."""
    lead = participle_lead(sentence)
    return lead is not None and pos < lead.end()


_PARTICIPLE_NEXT = re.compile(r"[a-z]+(?:ed|ing)\b")
_NOUN_AFTER_DATE = re.compile(r"(?<![\w-])(?:1\d{3}|20\d\d)\s+the\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s+(?=[a-z])")
_NAME_INSIDE = re.compile(r"(?<=[a-z] )[A-Z][\w'’-]+\s+(?=[a-z])")


def _name_and_verb_inside(sentence: str, span: tuple[int, int]) -> bool:
    """A name and its verb inside what looked like a leading phrase: "In little more than a week Makhno led
    his cavalry across the Dnieper, …" is the main clause, with no comma after its time; so is a noun and
    its verb after a date ("From 1980 to 1986 the couple lived in Gorky …, watched by the KGB")."""
    return any(finite_verb_at(sentence, m.end()) for m in _NAME_INSIDE.finditer(sentence, *span)) or any(
        finite_verb_at(sentence, m.end()) for m in _NOUN_AFTER_DATE.finditer(sentence, *span))


@functools.lru_cache(maxsize=256)
def lead_end(sentence: str) -> int:
    """Where the leading adverbials end ("In June 1911, "), if what follows still has a verb."""
    end = 0
    while True:
        lead = _LEAD.match(sentence, end) or (_LEAD_NEXT.match(sentence, end) if end else None)
        if lead is None or (lead.group("prep") and (_CLAUSE_INSIDE.search(lead.group("prep"))
                                                    or _NAME_AFTER_DATE.search(lead.group("prep"))
                                                    or _name_and_verb_inside(sentence, lead.span("prep")))):
            break
        if not lead.group("prep") and _PRONOUN_AFTER_A_NOUN.match(lead.group()) and _PARTICIPLE_NEXT.match(
                sentence, lead.end()):
            break                                  # "After the July Days he was arrested …, accused …": the main
            #                                        clause is inside (not "As soon as they could, the Bolsheviks …")
        if _COORDINATED.match(sentence, lead.end()):
            break                                  # "After the war he was tried, but escaped": no lead
        end = lead.end()
    if end and VERB.search(sentence, end) is None:
        return 0
    return end


def adverb_after(sentence: str, pos: int) -> int:
    """The length of an adverb in -ly (and its space) at ``pos``, or 0."""
    m = re.match(r"\w+ly\s+", sentence[pos:pos + 20])
    return m.end() if m else 0


# What links a place to its clause ----------------------------------------------------------------
_SETTLEMENT_NOUNS = frozenset("""city town village hamlet port settlement capital fortress region province district
    island republic kingdom empire oblast suburb outskirts environs streets camp prison""".split())
# what one divides between places: "divided his time between Moscow and Sochi", "the following months"
_SPANS_OF_TIME = frozenset("time life year years months weeks days summers winters".split())
_IRREALIS_MODALS = frozenset("could might may should must ought".split())
_LOCATIVE_PREPS = frozenset("in at near inside within on outside".split())
_NOT_TOO_MUCH = frozenset("late early soon".split())   # "arrived too late to see her": the arrival was made


@dataclass(frozen=True)
class Link:
    """How a place mention hangs on its clause.

    ``prep`` is the preposition before the place ("to", "in"…; "" when the place is the object of the
    verb, "subject" when it stands before it); ``verb`` the verb it hangs on (its lemma, class and voice,
    or empty), ``noun`` a noun it may hang on instead ("republics in Estonia"), ``mover`` the object a
    verb of motion moves ("sent Molotov to Berlin"), ``lead`` whether it stands in a leading phrase
    ("In Baku, he …"); ``irrealis`` a modal, a wish, a plan, a belief or an order governs it, ``negated``
    the verb is negated.
    """

    prep: str = ""
    verb: str = ""
    vclass: str = ""
    passive: bool = False
    noun: str = ""
    mover: str = ""
    lead: bool = False
    irrealis: bool = False
    negated: bool = False
    clause: tuple[int, int] = (0, 0)


_start, _end = operator.attrgetter("start"), operator.attrgetter("end")
# Adverbs of direction after a verb are no object it moves: "sent home to Baku", "went back to Tiflis"
_WHITHER = frozenset("home back away abroad overseas there here out off ahead north south east west northward "
                     "southward eastward westward northwards southwards eastwards westwards".split())


_YEAR = re.compile(r"1[0-9]{3}|20[0-9]{2}")


# where one may go that lies on an island, a river, a street: "the penal colony on Sakhalin", "a dacha on the Moskva"
_GOAL_NOUNS = _SETTLEMENT_NOUNS | frozenset(words("site_nouns")) | frozenset("colony dacha estate villa farm".split())


def _goal_before(tokens: list, j: int, first: int) -> bool:
    """Whether a phrase of a goal, "to" (or "into") and a site's noun, ends right before the preposition at
    ``j``."""
    from .tagger import T

    n = j - 1
    if n < first or tokens[n].tag is not T.WORD or tokens[n].text.lower() not in _GOAL_NOUNS:
        return False                               # (not "appointed to the commission on Kronstadt": a topic)
    while n >= first and j - n <= 4 and tokens[n].tag in (T.WORD, T.DET):
        n -= 1
    return n >= first and tokens[n].tag is T.PREP and tokens[n].text.lower() in ("to", "into")


def link(tokens: list, sentence: str, start: int, end: int) -> Link:
    """The link of the place at ``start``..``end`` (offsets into ``sentence``, tagged as ``tokens``)."""
    from .tagger import T, is_passive

    lo, hi = clause_around(sentence, start)
    crossed = [(x, y) for x, y in relative_asides(sentence, start) if lo <= x]
    if crossed:                                    # read without the asides it crosses
        tokens = [t for t in tokens if not any(x <= t.start < y for x, y in crossed)]
    # the tokens inside the clause (tokens are in text order: a run of them)
    first, after = bisect.bisect_left(tokens, lo, key=_start), bisect.bisect_right(tokens, hi, key=_end)
    if first >= after:
        return Link(clause=(lo, hi))
    last = after - 1
    k = min(bisect.bisect_left(tokens, start, first, after, key=_start), last)
    # The preposition: back over determiners, adjectives and "the small Siberian town of".
    prep, j, steps, year = "", k - 1, 0, False
    while j >= first and steps < 6:
        t = tokens[j]
        if t.text.lower() == "as" and j - 2 >= first and tokens[j - 1].text.lower() == "far" and \
                tokens[j - 2].text.lower() == "as":
            prep, j = "to", j - 2                  # "went by train as far as Baku": there, at the end
            break
        if t.tag is T.PREP:
            if t.text.lower() == "of" and j - 1 >= first and tokens[j - 1].text.lower() in _SETTLEMENT_NOUNS or (
                    t.text.lower() == "of" and j - 2 >= first and tokens[j - 1].text.lower() == "front"
                    and tokens[j - 2].text.lower() == "in"):
                j, steps = j - 2, steps + 1        # ("in front of the Kazan Cathedral": in)
                continue
            prep = t.text.lower()
            break
        if t.tag in (T.DET, T.WORD, T.NUM, T.ADV) or (t.tag is T.NAME and steps < 2):
            year = year or (t.tag is T.NUM and _YEAR.fullmatch(t.text) is not None)
            j, steps = j - 1, steps + 1
            continue
        if t.tag is T.VERB and t.form == "past" and j + 1 < len(tokens) and tokens[j + 1].tag is T.NAME and \
                j - 1 >= first and tokens[j - 1].tag in (T.PREP, T.DET):
            j, steps = j - 1, steps + 1            # a participle before the name: "reported from besieged Odessa"
            continue
        break
    if not prep and j - 1 >= first and tokens[j].text.lower() in ("and", "or", ",") and tokens[j - 1].tag is T.NAME:
        # a list whose first names no gazetteer holds: "to Bashkiria and the Urals" goes "to" the Urals too
        n = j - 1
        while n >= first and j - n <= 8 and (tokens[n].tag in (T.NAME, T.DET) or tokens[n].text.lower() in (
                "and", "or", ",")):
            n -= 1
        if n >= first and tokens[n].tag is T.PREP and tokens[n + 1].tag in (T.NAME, T.DET):
            prep, j = tokens[n].text.lower(), n
    if prep == "on" and _goal_before(tokens, j, first):
        prep = "at"                                # "set out to the penal colony on Sakhalin": where the goal is (not
        #                                            "marched on Moscow", towards it)
    if prep and year and j == first:
        prep = ""                                  # "In 1945 Moscow demanded …": the date's "In", the city leads
    if not prep:
        prep = "" if j >= first and tokens[j].tag is T.VERB else "subject"
    # The verb: the nearest before the preposition; what stands between them up to the first
    # preposition is its object ("deported the Chechens from Chechnya to Kazakhstan": the Chechens).
    verb_at = next((v for v in range(j, first - 1, -1) if tokens[v].tag is T.VERB
                    and not _attributive(tokens, v, first)), None)
    noun, mover = "", ""
    if verb_at is not None:
        obj = []
        for t in tokens[verb_at + 1:j + 1]:
            if t.tag in (T.PREP, T.TO, T.PUNCT, T.SUB, T.CONJ):
                break
            obj.append(t)
        nouns = [t for t in obj if t.tag in (T.WORD, T.NAME, T.PRON) and t.text.lower() not in _WHITHER]
        noun = next((t.text for t in reversed(nouns) if t.tag is T.WORD), "")
        mover = " ".join(t.text for t in nouns)
        if prep == "of" and j - 1 > verb_at and (tokens[j - 1].tag is T.WORD or tokens[j - 1].tag is T.NAME and (
                j - 2 > verb_at and tokens[j - 2].tag is T.DET and tokens[j - 1].text.lower() in words("site_nouns"))):
            noun = tokens[j - 1].text                  # "took part in the capture of Kazan": the capture; "was sent
            #                                            to the University of Edinburgh": the university (a building,
            #                                            not "the Duke of Edinburgh")
        elif prep in ("for", "on", "around") and j - 3 > verb_at and fight_for(tokens[j - 1].text, prep) \
                and tokens[j - 1].text.lower() in BATTLES and tokens[j - 2].tag is T.DET \
                and tokens[j - 3].text.lower() in ("in", "into", "through", "at"):
            noun = tokens[j - 1].text                  # "served beside Zhukov through the battle for Moscow" (not
            #                                            "during the battle for Kursk", "reports on the battle for
            #                                            Kiev")
        elif j - 1 > verb_at and tokens[j - 1].text.lower() in _closed_words("journeys"):
            noun = tokens[j - 1].text                  # "led a delegation on a journey through the United States"
    if verb_at is not None and not mover and tokens[verb_at].form == "past":
        mover = _causative_patient(tokens, verb_at) or ""
    lead = there = False
    if verb_at is None:
        after = next((v for v in range(k + 1, last + 1) if tokens[v].tag is T.VERB), None)
        opens = all(t.tag in (T.ADV, T.CONJ, T.PUNCT, T.NUM, T.SUB) for t in tokens[first:j])
        # "Once in the United States, he criticised …", "Back in Russia, …": being there is the point
        leads = _closed_words("presence_leads")
        there = opens and any(t.text.lower() in leads for t in tokens[first:j])
        if prep in ("", "subject"):
            if after is not None:
                verb_at, noun, mover = after, "", ""
        elif opens and after is not None:
            verb_at, lead, noun, mover = after, True, "", ""     # "In Baku, he organised strikes"
        elif j - 1 >= first and tokens[j - 1].tag is T.WORD:
            noun = tokens[j - 1].text                  # inside a noun phrase: "an attorney at Thetford"
            tried = _tried_by(tokens, j - 1, after) if after is not None else None
            if tried is not None:
                verb_at, mover = after, tried          # "a court in Budapest sentenced him": he stood trial there
    verb = tokens[verb_at] if verb_at is not None else None
    vclass = verb.vclass if verb else ""
    if (verb is None and j >= first and _copula(tokens, j, prep)) or there:
        vclass = "stay"                            # "he was then in Iceland"
    elif verb is not None and verb.lemma in ("accompany", "follow", "join") and mover:
        mover = ""                                 # "accompanied Lenin to Zimmerwald": both went, the subject too
    elif verb is not None and verb.lemma == "break" and (prep not in ("into", "through") or mover):
        vclass = ""                                # a move only in "broke into", "broke through": not "broke his
        #                                            promise to Poland", "broke the news to Britain"
    elif verb is not None and verb.lemma == "lead" and prep in ("to", "into"):
        vclass, mover = "motion", ""               # "led the Volunteer Army into Ekaterinodar": he went with it
    elif verb is not None and prep in ("to", "into") and (verb.lemma == "call" or (
            j - 1 >= first and tokens[j - 1].text.lower() == "back")):
        vclass = "sending"                         # "was called to Moscow", "was allowed back to Moscow"
    elif verb is not None and verb.lemma in ("find", "reach", "catch", "overtake") and mover and prep in ("in", "at") \
            and not verb.form.startswith("part") and tokens[verb_at + 1].tag in (T.PRON, T.NAME):
        vclass = "sending"                         # "The outbreak of war found her in Germany", "news reached them
        #                                            in Zurich": she is there (the one found, not the finder)
    elif verb is not None and verb.lemma == "call" and verb_at + 1 < len(tokens) and \
            tokens[verb_at + 1].text.lower() in ("on", "upon"):
        vclass, mover = "meeting", ""              # "called on Plekhanov in Geneva": a visit
    elif verb is not None and verb.lemma == "call" and verb_at + 1 < len(tokens) and tokens[verb_at + 1].tag is T.PREP:
        vclass = "sending"                         # "was called to Moscow for tests at the Central Aviation
        #                                            Hospital": called somewhere, not called something
    elif verb is not None and verb.lemma == "head" and mover:
        vclass, mover = "rule", ""                 # "headed the party in Kharkov" leads it; "headed for Kharkov" goes
    elif verb is not None and verb.lemma == "take" and noun.lower() == "part":
        vclass, mover = "meeting", ""              # "took part in the Battle of Kursk": one was there
    elif verb is not None and noun.lower() in _SPANS_OF_TIME and prep in ("between", "in", "at"):
        vclass = "stay"                            # "divided his time between his Kremlin apartment and …"
    elif verb is not None and (vclass in ("report", "") or verb.lemma in words("said_at")) and any(
            t.text.lower() in words("gatherings") for t in tokens[verb_at + 1:k]):
        vclass = "meeting"                         # "supported Khrushchev at the Twentieth Party Congress in Moscow"
    until = verb_at if verb_at is not None else k
    # A wish or a plan makes unreal only its own predicate: "accused of attempting to escape and was
    # transferred to Maribor" — the transfer happened.
    start_at = first
    at = bisect.bisect_left(tokens, start, first, after, key=_start)     # the place's first token
    for n in range(first, until):
        if tokens[n].tag is T.CONJ and n + 1 <= until:
            k = n + 1
            while k < until and tokens[k].tag is T.ADV:
                k += 1                             # "planned the minefields and personally led raids to Danzig"
            if tokens[k].tag in (T.AUX, T.VERB) or (
                    # "his plan failed and he moved to Kazan": a clause of its own, its own subject
                    tokens[k].tag in (T.PRON, T.NAME) and k + 1 <= until and tokens[k + 1].tag in (T.AUX, T.VERB)):
                start_at = n + 1
        elif tokens[n].text == "," and n + 2 <= until and tokens[n + 1].tag is T.PRON \
                and tokens[n + 1].text.lower() in ("he", "she", "they", "we") and tokens[n + 2].tag in (T.AUX, T.VERB) \
                and tokens[n + 2].vclass != "report" and not any(t.text == "," for t in tokens[n + 1:at]):
            start_at = n + 1                       # "Despite rumours that he was ill, he travelled to Yalta": the
            #                                        main clause after the phrase that leads it, running on to the
            #                                        place (not an aside: "He had hoped, he wrote, to settle in Paris")
        elif tokens[n].text == "," and n + 1 <= until and tokens[n + 1].tag is T.VERB and tokens[n + 1].form == "ing" \
                and not _participle_aside(tokens, n + 1, until):
            start_at = n + 1                       # "drew up the plan of the campaign, travelling … to Wuhan"
        elif tokens[n].text == "," and n + 1 <= until and tokens[n + 1].tag is T.VERB and tokens[n + 1].form == "past" \
                and not is_passive(tokens, n + 1) and any(t.tag is T.TO for t in tokens[first:n]) and not any(
                t.text == "," for t in tokens[first:n]):
            start_at = n + 1                       # "he refused to take up the post, lived alone … in Moscow": a
            #                                        predicate of its own after the wish's object
    # nor does a leading phrase make the main clause unreal: "His health failing, he went to Valdai"
    opened = lead_end(sentence) if start > 0 else 0
    if opened and start >= opened:
        start_at = max(start_at, next((n for n in range(first, until) if tokens[n].start >= opened), until))
    before = tokens[start_at:until]
    aside = _asides_between_commas(before)
    unreal_nouns, unreal_before = _irrealis_nouns(), _closed_words("unreal_before_infinitive")
    irrealis = any(n not in aside and (
                   (t.tag is T.MODAL and t.text.lower() in _IRREALIS_MODALS)
                   or (t.tag is T.MODAL and t.text.lower() == "would" and n + 1 < len(before)
                       and before[n + 1].text.lower() == "have")       # "would have required a move to Moscow"
                   or (t.tag is T.VERB and not _attributive(tokens, start_at + n, first)   # "the failed revolt"
                       and not _fulfilled(tokens, start_at + n) and not _purpose(tokens, start_at + n, first)
                       and (t.vclass == "abstract"
                            or t.lemma == "try" and n + 1 < len(before) and before[n + 1].tag is T.TO))
                   or (t.tag is T.AUX and t.lemma == "be" and n + 1 < len(before)
                       and before[n + 1].tag in (T.TO, T.PREP) and before[n + 1].text.lower() == "to"
                       and (before[n + 1].tag is T.TO or n + 2 < len(before)))   # "was to be sent to"; not
                   #                                     "his last journey was to Potsdam"
                   or (t.text.lower() in unreal_nouns and n + 1 < len(before)
                       and before[n + 1].text.lower() in ("to", "of", "that", "for"))
                   or (t.text.lower() in unreal_before and n + 1 < len(before) and before[n + 1].tag is T.TO)
                   or (t.text.lower() == "too" and n + 2 < len(before) and before[n + 2].tag is T.TO
                       and before[n + 1].tag is T.WORD and before[n + 1].text.lower() not in _NOT_TOO_MUCH))
                   #                                     "too ill to travel to Stockholm": not done (not "he too
                   #                                     came to live in Paris", "arrived too late to see")
                   for n, t in enumerate(before))
    if any(tokens[n].tag is T.VERB and tokens[n].lemma in ("speak", "talk") and n + 2 < len(tokens)
           and tokens[n + 1].text.lower() in ("of", "about") and tokens[n + 2].form == "ing"
           for n in range(start_at, until)):
        irrealis = True                            # "spoke of sending him to Siberia", "talked of moving to
        #                                            Kharkov": talk of a move, not one
    if (verb is not None and verb.lemma in _closed_words("where_one_is") and prep in ("", "in", "at")
            and verb_at > first and tokens[verb_at - 1].tag is T.TO
            and not any(t.text.lower() in unreal_nouns for t in before)):
        irrealis = False                           # "decided to remain in Moscow", "refused to leave Moscow";
        #                                            not "decided to leave for Vienna", "the plan to remain in"
    if verb is not None and verb.vclass == "abstract" and not lead and prep not in _LOCATIVE_PREPS:
        irrealis = True                            # "feared attack from Japan", "hoped for Paris"; not
        #                                            "said his goodbyes in Kureika", which happened there
    if irrealis and verb is not None and verb.lemma in _closed_words("judging") and noun.lower() in EVENTS_OF \
            and not any(t.tag is T.TO or t.form == "ing" for t in tokens[verb_at + 1:j]):
        irrealis = False                           # "criticised the invasion of Iraq": it happened
    negated = any(t.tag is T.NEG for t in tokens[max(start_at, until - 4):until])   # not across "and hid"
    if negated and NOT_UNTIL.match(sentence, end):
        negated = False                            # "he did not reach St Petersburg until November": he did, then
    return Link(prep, verb.lemma if verb else "", vclass,
                bool(verb) and is_passive(tokens, verb_at), noun if not lead else "",
                mover if verb and not lead else "", lead, irrealis, negated, (lo, hi))


# "not … until" says when it happened: a time follows
NOT_UNTIL = re.compile(r"[^,;.]{0,40}?\buntil\s+(?:the\s+)?(?:(?:early|mid|late|end|beginning|spring|summer|autumn|"
                        rf"winter|{MONTH_NAMES}|after|\d)\b|[a-z]+\s+(?:\d|later|after))")


_CAUSATIVE = frozenset("had has have having got get gets getting".split())


def _causative_patient(tokens: list, v: int) -> str | None:
    """Whom the participle at ``v`` happened to when someone had it done: "Stalin had Tukhachevsky
    arrested in Kuibyshev and shot in Moscow" (Tukhachevsky, for both participles), "the Crown had him
    removed as governor, arrested, and transported to Spain". The one who had it done was not there."""
    from .tagger import T

    for _ in range(4):                             # back over the participles of a coordination
        n = v - 1
        while n >= 0 and v - n <= 4 and tokens[n].tag in (T.NAME, T.PRON, T.DET, T.WORD):
            n -= 1
        patient = [t.text for t in tokens[n + 1:v] if t.tag in (T.NAME, T.PRON, T.WORD)]
        if patient and n >= 0 and tokens[n].text.lower() in _CAUSATIVE:
            return " ".join(patient)
        p = v - 1
        while p >= 0 and v - p <= 8 and tokens[p].tag in (T.PREP, T.NAME, T.DET, T.WORD, T.NUM,
                                                          T.PUNCT, T.CONJ, T.ADV):
            p -= 1
        if p < 0 or v - p > 8 or tokens[p].tag is not T.VERB or tokens[p].form != "past":
            return None
        v = p
    return None


def _purpose(tokens: list, v: int, first: int) -> bool:
    """A purpose set before the main verb: "In 1880, to avoid arrest, he left for Geneva" (he left)."""
    from .tagger import T

    return v >= 1 and tokens[v - 1].tag is T.TO and (v - 1 == first or tokens[v - 2].tag is T.PUNCT
                                                    or tokens[v - 2].text.endswith(",")     # "In 1880, to"
                                                    or tokens[v - 2].text.lower() == "order")


def _fulfilled(tokens: list, v: int) -> bool:
    """A wish granted: "successfully requested that he spend his last months in Achinsk" tells where; or a skill
    learnt: "learned to fly at the flying school in Borisoglebsk" (not "learned that …", "learned of …")."""
    if v > 0 and tokens[v - 1].text.lower() == "successfully":
        return True
    if tokens[v].lemma not in _closed_words("learning") or v + 2 >= len(tokens):
        return False
    after = tokens[v + 1].text
    if after == "to":                              # "learned to fly", not "learned to his dismay that …"
        return tokens[v + 2].text[:1].islower() and tokens[v + 2].text.lower() not in _NOT_A_VERB
    return _SKILL.fullmatch(" ".join(t.text for t in tokens[v + 1:v + 3])) is not None or \
        _SKILL.fullmatch(after) is not None


# What was learnt when a skill was, not news ("learned Chinese", "learned the trade of a machinist", "learned his
# letters"): a tongue, or a trade; any other word after "learn" may open news ("learned by telegram that …",
# "learned his brother had been killed")
_SKILL = re.compile(r"[A-Z][a-z]+(?:ish|ese|ian|ic)|French|Dutch|Czech|German|Greek|Latin|Hebrew|Esperanto"
                    r"|the\s+(?:trade|craft|art|rudiments|language|skills?)|(?:his|her)\s+(?:letters|trade|craft)")
# (a tongue by its name's ending or by name: not any capitalised word, "learned Stalin had died in Moscow")
_NOT_A_VERB = frozenset("his her their its the a an my our this that some".split())


_NAMING = frozenset(("name", "rename"))
BATTLES = frozenset(("battle", "battles", "fighting"))   # a fight one is in (of data/lexicon/place_cues.txt's)


def _attributive(tokens: list, v: int, first: int) -> bool:
    """A participle used as an adjective, after a determiner: "the newly established Kingdom"."""
    from .tagger import T

    if tokens[v].form not in ("past", "ing"):
        return False
    k = v - 1
    while k >= first and (tokens[k].tag is T.ADV or tokens[k].text.lower() == "so-called"):
        k -= 1
    if k >= first and tokens[k].tag is T.PREP and tokens[v].form == "past" and v + 1 < len(tokens):
        return tokens[v + 1].tag in (T.WORD, T.NAME)   # "a school for evacuated children"
    if k - 1 >= first and tokens[k].tag in (T.WORD, T.NAME) and tokens[k - 1].tag in (T.DET, T.WORD, T.NAME) \
            and tokens[v].form == "past" \
            and tokens[v].lemma in _NAMING and v + 1 < len(tokens) and tokens[v + 1].text.lower() == "after":
        return True                                    # "the aircraft plant named after Menzhinsky in Moscow": the
        #                                                plant's name, and its place
    return k >= first and tokens[k].tag is T.DET


def _copula(tokens: list, j: int, prep: str) -> bool:
    """A form of "be" right before the preposition at ``j`` (adverbs between: "was then in"), or before
    a phrase that says how ("was in internal exile in Turukhansk"; not "was in exile far from Georgia")."""
    from .tagger import T

    def be_before(k: int) -> bool:
        while k >= 0 and tokens[k].tag is T.ADV:
            k -= 1
        return k >= 0 and tokens[k].tag is T.AUX and tokens[k].lemma == "be"

    if be_before(j - 1):
        return True
    if prep == "from":
        return False
    k = j - 1
    while k >= 0 and j - k <= 4 and (tokens[k].tag in (T.WORD, T.DET, T.ADV) or (
            tokens[k].tag is T.VERB and _attributive(tokens, k, 0))):   # "was with the advancing troops in"
        k -= 1
    return k < j - 1 and k >= 0 and tokens[k].tag is T.PREP and be_before(k - 1)


def _tried_by(tokens: list, court: int, verb_at: int) -> str | None:
    """The one a court (at ``court``, a noun the place follows) tried, where its verb (at ``verb_at``) is one of
    holding or trying and takes them for object: "a court in Budapest sentenced him", "a military court
    sitting in Vladimir sentenced him to death"."""
    from .tagger import T

    verb = tokens[verb_at]
    if tokens[court].text.lower() not in _COURTS or verb.vclass != "detention" or verb.form == "ing":
        return None
    if any(t.tag in (T.VERB, T.PUNCT, T.CONJ, T.SUB) and t.form != "ing" for t in tokens[court + 1:verb_at]):
        return None                                # (the verb is the court's own, no other clause between)
    obj = tokens[verb_at + 1] if verb_at + 1 < len(tokens) else None
    return obj.text if obj is not None and obj.tag in (T.PRON, T.NAME) else None


_COURTS = frozenset(sections("clause_words")["courts"])


@functools.cache
def fight_for(noun: str, prep: str) -> bool:
    """A fight for a place, before its name ("battle for", "assault on": data/lexicon/place_cues.txt)."""
    return f"{noun.lower()} {prep}" in _fights()


@functools.cache
def _fights() -> frozenset[str]:
    return frozenset(sections("place_cues")["fights"])


def _closed_words(section: str) -> frozenset[str]:
    """A section of ``data/lexicon/function_words.txt`` that is no part of speech."""
    from ..lexicon import sections

    return frozenset(sections("function_words")[section])


def _asides_between_commas(tokens: list) -> set[int]:
    """Where in ``tokens`` an aside between commas has a subject of its own: "the fronts, in an offensive he
    had planned, took Barvenkovo" (his plan does not make the taking unreal)."""
    from .tagger import T

    commas = [n for n, t in enumerate(tokens) if t.text == ","]
    out: set[int] = set()
    for a, b in zip(commas, commas[1:]):
        inside = tokens[a + 1:b]
        if any(t.tag is T.PRON and t.text.lower() in ("he", "she", "they", "we") for t in inside) or not any(
                t.tag in (T.AUX, T.MODAL) or t.tag is T.VERB and t.form in ("past", "s") for t in inside) or (
                a and tokens[a - 1].tag is T.NAME and inside and inside[0].tag is T.VERB and inside[0].form == "past"):
            out.update(range(a, b + 1))            # (or no finite verb at all: "Makhno, still unable to ride,
            #                                        stayed behind in Huliaipole"; or a participle after a name:
            #                                        "Ordzhonikidze, known to all as Sergo, was born in Goresha")
    return out


def _participle_aside(tokens: list, n: int, until: int) -> bool:
    """The participle at ``n`` opens an aside that a comma closes before ``until``, the clause going on with
    its own verb: "officers who had registered, trusting in an amnesty, were shot in Simferopol" (their trust
    does not make the shooting unreal)."""
    from .tagger import T

    close = next((k for k in range(n + 1, until) if tokens[k].text == ","), None)
    return close is not None and close + 1 <= until and (
        tokens[close + 1].tag is T.AUX or tokens[close + 1].tag is T.VERB and tokens[close + 1].form in ("past", "s")
    ) and not any(t.text == "," for t in tokens[close + 1:until])   # (not "asking Lenin, exiled in Kraków, to …":
    #                                                                  a participle after the object, another aside)


def _irrealis_nouns() -> frozenset[str]:
    return _closed_words("irrealis")


_THERE = re.compile(r"\bthere\b")


def fulfilled_there(sentence: str, after: int):
    """Where a later clause of the sentence puts someone "there" with a verb of motion or staying, not
    unreal or negated itself ("…, and in February he arrived there"): ``(offset, tokens, link)`` of
    that "there", else None."""
    from .tagger import tag

    for m in _THERE.finditer(sentence, after):
        lo, hi = clause_around(sentence, m.start())
        if lo <= after:
            continue                                   # the plan's own clause: "to go there"
        tokens = tag(sentence, lo, hi)
        there = link(tokens, sentence, m.start(), m.end())
        if there.vclass in ("motion", "stay") and not there.irrealis and not there.negated:
            return m.start(), tokens, there
    return None
