"""Stage 6, actors: who the event at a place happened to.

The subject of the place's clause (after a leading "In June 1911," or "Held in …,"): "he" is the last
person named as a subject in the sentences before (in a text about the subject, the subject when none
is, or when that person only acted on "him": "Stalin sent him to Leningrad. … he"), "she" a woman or
the subject if she is one, "they" the last plural subject of the last few sentences, "Kamenev and
Stalin" is the subject; else the named subject (Lenin, Germany, the Red Army, government troops), or
"unknown". A companion ("With Vasilevsky he …"), an agent ("Sent by Stalin …") or a relative's
possessive ("After her father's death she …") is never the subject; whom an event noun names owns it
("the murder of Kirov in Leningrad", "the return of Lenin to Petrograd").
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Callable

from ..gazetteer import fold
from ..lexicon import inflected, sections, verb_forms, words as lexicon
from ..subject import PATRONYMIC, Subject
from ..text import CAPITAL_ITEM, LIST_ITEM
from ..timex import FROM_BEFORE
from .clauses import Link
from .dating import CARDINAL
from .tagger import T, tag, verbs
from ..toponyms import EVENTS_OF, GIVEN_NAMES, PLACE_SURNAMES, POSSESSIVE as _POSSESSIVE, SURNAMES, TITLES
from . import clauses, kinds, roles
from .narrative import Narrative

_PRONOUN = {"he": "sg", "his": "sg", "she": "sg-f", "her": "sg-f", "they": "pl", "their": "pl", "we": "pl"}
_GROUPS = "|".join(re.escape(g) for g in sorted(lexicon("groups"), key=len, reverse=True))
# A few people together: "the three leaders", "the trio", "both men", "the three reached …"
_A_FEW = r"(?:two|three|four|five|six)"
_FEW = (rf"[Tt]he\s+{_A_FEW}\s+(?:of\s+them|men|leaders|delegates|allies|sisters|brothers)|"
        rf"[Tt]he\s+{_A_FEW}(?=\s+(?:[a-z]+ed|went|came|set|made|met|left|fled|were|had|took|spent|began|held|"
        rf"saw|kept|sat|wrote|spoke|stood|led|became|flew|drove|rode|found)\b)|"
        r"[Tt]he\s+trio|"
        r"[Tt]he\s+pair|[Bb]oth\s+(?:men|leaders)|[Tt]he\s+(?:Soviet|Allied|Western|Big\s+Three)\s+leaders")
# The subject as a child or youth, as a biography's opening calls them: "The boy was sent to Tiflis"
_CHILD = r"[Tt]he\s+(?:boy|girl|youth|young\s+man|young\s+woman|young\s+(?:" + "|".join(sorted(lexicon("trades"))) + \
    r")\b(?!\s+[A-Z]))"
# ("the young sailor", "the young officer": the life's subject, by a trade of data/lexicon/trades.txt; not "the young
# writer Mikhail Bulgakov", whom the name after it says)
_CHILD_PRONOUN = {"boy": "sg", "youth": "sg", "young man": "sg", "girl": "sg-f", "young woman": "sg-f"}
# Plural nouns for people who share the subject's lot ("the prisoners", "the crew"): data/lexicon/fellows.txt
_FELLOW_WORDS = "|".join(sorted(lexicon("fellows")))
_SUBJECT = re.compile(
    # (how many: "the sixteen defendants", "all eight")
    r"(?P<fellows>\b(?:[Tt]he|[Aa]ll(?:\s+the)?)\s+(?:" + CARDINAL + r"\s+)?(?:" + _FELLOW_WORDS + r")\b)"
    r"|(?P<group>\b(?:" + _GROUPS + r")\b)"
    r"|(?P<pron>\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|[Hh]is|[Hh]er|[Tt]heir|" + _CHILD + r"|"
    rf"[Tt]he\s+{_A_FEW}\s+women|" + _FEW + r")\b)"
    r"|(?P<name>\b[A-Z][\w'’-]+(?:(?:\s+|,\s+|\s+and\s+|,\s+and\s+|\s+[\"“][A-Z][\w'’-]+[\"”]\s+)[A-Z][\w'’-]+)*)")
# (a nickname in quotes inside a name: 'Harold Adrian Russell "Kim" Philby')
_GROUP_WORDS = lexicon("groups")
# The subject named in a list of people: "Chkalov, Baidukov and Belyakov", "Stalin and two friends"
_WITH_OTHERS_AFTER = re.compile(rf"(?:,\s+|\s+and\s+)(?:[A-Z]|(?:{_A_FEW}|his|her)\s)")
_WITH_OTHERS_BEFORE = re.compile(r"[A-Z][\w'’-]+(?:,\s+|,?\s+and\s+)$")
# The subject's fellows as a mover or an object: "the crew", "the three airmen"
_FELLOWS = re.compile(r"(?:[Tt]he\s+)?(?:" + CARDINAL + r"\s+)?(?:" + _FELLOW_WORDS + r")\b")
# A group after "his" or "Lenin's", over words that are no preposition or article: "his regime", not "orders to
# troops", "his command the army".
_GROUP_AFTER = re.compile(r"\s+(?:(?!(?:to|of|in|at|for|with|from|on|by|into|against|the|a|an)\b)[\w-]+\s+){0,2}?(?:"
                          + _GROUPS + r")\b")
# A work of theirs ("his debut book", "her first novel"; the nouns of ``works``, ending the noun phrase) where it
# appears ("came out", "was staged"; not "was written in Tiflis", where its author was, nor "his painting trip")
_WORK_AFTER = re.compile(r"\s+(?:[a-z-]+\s+){0,2}?(?:" + "|".join(sorted(lexicon("works"), key=len, reverse=True))
                         + r")\b(?![-\w])(?!\s+of\b)(?!\s+[a-z]+(?:s|ing)?\s+(?:in|at|to)\b)[^.;]{0,80}?\b(?:"
                         + "|".join(sorted(sections("clause_words")["work_appears"], key=len, reverse=True))
                         + r")\b")
# The words before a group noun that belong to it: "the Soviet Red Army", "government troops", "his gang".
_GROUP_MODIFIERS = re.compile(r"(?:(?:[Tt]he|[Hh]is|[Tt]heir|[Aa])\s+)?(?:(?:[A-Z][\w'’-]+|[a-z]+-[a-z]+|government|"
                              r"secret|local|armed|royal|imperial|exiled|other)\s+){0,2}$")
_NOT_NAMES = frozenset("""The A An In On At By After Before During Since From This That These Those There Then
    It Its His Her Their He She They We I Our My Your Yet But And Or So As If When While Although Though
    Even Only Also Instead Meanwhile Later Soon However Thus Such No Not One Some Many Most All Both Each
    Every Neither Either Until Despite Amid Having Once Under Over Back Still Eventually Shortly Initially
    Finally Among Like Unlike Within What Which Who Whom Whose Why How Where Here Now Next Indeed
    Moreover Furthermore According Because Nor Exactly Chief Whichever Whatever Whoever Wherever Whenever""".split())
_MAY_BE_SUBJECT = re.compile(r"[A-Z]|\b(?:he|she|they|we|his|their|troops|police|army|militia|authorities|"
                             r"government|soldiers|workers|peasants)\b")
_MONTH_WORDS = frozenset("January February March April May June July August September October November December".split())
_NOT_GROUP_WORDS = _NOT_NAMES | _MONTH_WORDS    # what opens a group's modifiers but is no part of it
_ASIDE = re.compile(r"\([^()]*\)|\[[^\]]*\]|\s[—–]\s[^—–]{1,120}?\s[—–]\s|—[^—]{1,120}?—|according to [^,;—]+[,;—]")

# A relative of someone's is not that someone: "his wife", "Solzhenitsyn's adopted son Dmitri Turin".
_KIN_AFTER = re.compile(r"\s+(?:[a-z-]+\s+){0,2}?(?:" + "|".join(sorted(lexicon("kin") | lexicon("ties"), key=len,
                                                                      reverse=True))
                        + r")\b(?:,?\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*))?")
# Who is with the subject is not the subject: "together with Kamenev", "along with his brother".
_COMITATIVE = re.compile(r"\b(?:[Ww]ith|[Aa]longside|[Bb]eside)\s+$")
# … or named after what they were: "Together with the actor Aleksandr Kosheverov he took over …"
_COMITATIVE_ROLE = re.compile(r"\b(?:[Ww]ith|[Aa]longside|[Bb]eside)\s+(?:the|his|her|their)\s+(?:[a-z-]+\s+){1,2}$")
_AND_PRONOUN = re.compile(r"\s+and\s+(he|she)\b")
_WITH_FIRST = re.compile(r"(?:With|Alongside|Beside|Together with)\s")   # "With Vasilevsky he planned …"
_AGENT = re.compile(r"\bby\s+$")
_NAMESAKE = re.compile(r"\b(?:named|renamed)\s+(?:after|for)\s+$|\bin\s+(?:honou?r|memory)\s+of\s+$")
# (a noun's agent after "of", a possessive or a leading preposition ("During the occupation by the Wehrmacht he"), not
# a passive's, whose agent acts there: "Japan was occupied by the Americans"; nor a subject's: "a bombardment by the
# Red Army destroyed Orel")
_GROUP_AGENT = re.compile(r"\b(?:of|its|his|her|their|[Dd]uring|[Dd]espite|[Ff]ollowing|[Aa]fter|[Bb]efore|[Ss]ince|"
                          r"[Uu]nder)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:[a-z]+(?:tion|ment|sal|val)|capture|defence|"
                          r"defense|seizure)\s+by\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,2}$")
_OF_THE_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")
# (but a share of a group is a subject: "when much of the government was evacuated to Kuibyshev"; not inside another
# phrase: "against the wishes of most of the Politburo", "with the help of part of the government")
_SHARE_AFTER = "of with by to for from against despite among without like under over about beyond".split()
_SHARE_OF = re.compile(r"\b" + "".join(rf"(?<!{p}\s)(?<!{p.capitalize()}\s)" for p in _SHARE_AFTER)
                       + r"(?:[Tt]he\s+)?(?:[Mm]uch|[Mm]ost|[Pp]art|[Ss]ome|[Mm]any|[Hh]alf|[Rr]est|[Rr]emnants)"
                         r"\s+of\s+(?:the\s+)?$")
_SHARE_INSIDE = re.compile(rf"\b(?:{'|'.join(_SHARE_AFTER)})\s+the\s+(?:rest|remnants)\s+of\s+(?:the\s+)?$",
                           re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\b(?:who|whom|whose|which|where)\s*$")   # a clause a relative word opened
_LIKE = re.compile(r"\b(?:[Ll]ike|[Uu]nlike)\s+(?:[a-z]+\s+){0,3}$")   # a comparison: "like many exiles"
# ", south-west of Moscow, where he", ", where Chapaev": who a "where" clause right after a place is about (an
# aside before it starts in small letters, and is no list's next member: not ", Simbirsk and Samara, where")
_WHERE_ONE = re.compile(r"(?:,\s+(?!(?:and|or|then)\b)[a-z][^,;]{0,60})?,\s+where\s+"
                        r"(?:(he|she)|((?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+)(?!['’]))\b")
# a time of its own in the "where" clause: "where Stalin had fought a year earlier", "where he was born in 1878"
_OWN_TIME = re.compile(r"\b(?:1\d{3}|earlier|before|once|years?\s+ago)\b")
_CLAUSE_END = re.compile(r"[,;.]")
# The opening's "… was a Soviet army general and statesman who …": the nouns before "and", "who", a comma
_WAS_A = re.compile(r"\bwas\s+an?\s+([^.,;()]{3,80}?)"
                    r"(?=\s+(?:who|whose|which|that|from|in|of|at|during|best|known)\b|[.,;(])")
_ROLE_NOUN = re.compile(r"\b([a-z]+)(?=\s+and\b|$)")
# A possessive that only dates the clause ("A month after his death …"), unless the place follows its
# noun ("after his death in Moscow"): the same words as lifemap.extract.kinds reads
_TIME_BEFORE = re.compile(kinds.TIME_PREP + "$")
_HAPPENED_AT = re.compile(r"\s+[a-z]+" + kinds.AT_THE_PLACE)
# Whose a possessive after "and" is: the one named before it ("the tsar and his family").
_OWNER_AND = re.compile(r"(?:\b[Tt]he\s+[a-z]+|\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+and\s+$")
# (each opens with a letter, not "\b", so that the regex engine skips to it: "h(?<!\wh)" is "\bh")
_OWNER_OPENS = re.compile(r"((?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+)['’]s?\s")   # "Sudoplatov's career …"
# A last clause led by someone's own: "…, and Kosygin's authority declined."
_OWNER_ENDS = re.compile(r",\s+(?:and|but|while)\s+((?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+)['’]s\s+[a-z]+\s+"
                         r"(?:[a-z]+\s+){0,3}?(?:was|were|had|grew|[a-z]+ed)\b[^,;]*\.?$")
_HIM = re.compile(r"h(?<!\wh)im\b")
_HER_OBJECT = re.compile(r"h(?<!\wh)er\b(?!\s+[a-z])")
_LIST_OF_NAMES = re.compile(r",|a(?<!\wa)nd\b")
Places = list[tuple[int, int, bool]]   # (start, end, is a region or country) in the sentence


class Actors:
    """Who a sentence is about; the subjects of earlier sentences are read only when a pronoun needs them."""

    def __init__(self, narrative: Narrative, subject: Subject, about_subject: bool, persons: set[str],
                 places_of: Callable[[int], Places]):
        self.narrative = narrative
        self.subject = subject
        self.about_subject = about_subject     # the text tells the subject's life
        # (folded, as the text's names come: "Bronisław" is "bronislaw")
        self.persons = {fold(p) for p in persons | SURNAMES | GIVEN_NAMES}
        self.places_of = places_of
        self._subjects: dict[int, list[tuple[str, str]]] = {}
        self._leads: dict[int, tuple[str, str] | None] = {}
        self._used: dict[str, int] = {}
        self._before: dict[tuple[int, bool], str] = {}
        self._theirs: dict[str, bool] = {}

    def subjects(self, j: int) -> list[tuple[str, str]]:
        """The subjects of sentence ``j``'s first clauses, in order (people and groups only)."""
        if j not in self._subjects:
            sentence, places = self.narrative.sentence(j), self.places_of(j)
            # (not one named as an example of a group: "With the help of local Esperantists, including N. A. Thooti,
            # he enrolled …" is led by "he")
            sentence = _EXAMPLES_BETWEEN_COMMAS.sub(lambda m: m.group() if self._among_examples(m.group()) else
                                                    " " * len(m.group()), sentence)
            cuts = [0] + [e for _, e in clauses.boundaries(sentence)][:2] + [len(sentence)]
            # a clause without a verb of its own has no subject ("…; known as "Andrei", …"; the phrase before
            # "she" in "After the split between Bolsheviks and Mensheviks she stayed …"), unless it is all there is
            found = [first_subject(sentence, lo, hi, places, self) for lo, hi in zip(cuts, cuts[1:])
                     if hi - lo > 3 and _MAY_BE_SUBJECT.search(sentence, lo, hi)
                     and (lo == 0 and hi == len(sentence) or clauses.VERB.search(sentence, lo, hi))]
            found = [x for x in found if x is not None] or [_inverted_subject(sentence, self)]
            self._leads[j] = found[0]
            self._subjects[j] = [x for x in found if x is not None and x[0] in ("name", "group")]
        return self._subjects[j]

    def _among_examples(self, words: str) -> bool:
        """Whether examples of a group name the subject, by name or as "himself" ("herself" in her life)."""
        own = "himself" if self.subject.pronoun == "he" else "herself"   # (not "her cousin Ivan Bunin")
        return bool(self.subject.mentions(words)) or re.search(rf"\b{own}\b", words) is not None

    def _pronoun_led(self, j: int) -> bool:
        """Sentence ``j``'s main clause has "he" (or "she", as the text calls its subject) for subject:
        the person it means is still the one talked about, whoever a later clause names ("He was in
        Ljubljana when King Alexander was assassinated")."""
        self.subjects(j)
        lead = self._leads.get(j)
        return lead is not None and lead[0] == "pron" and lead[1].split()[0].lower() == self.subject.pronoun

    def _opens_the_chain(self, i: int, name: str, pronoun: str) -> bool:
        """Whether ``name`` is named in sentence ``i`` or in one of the six before it, with no one ``pronoun`` may
        mean leading a sentence between, nor ``i`` ("The ship Anna sank; she was raised"): "Anna Petrova was born in
        Kiev. Her father was a doctor. In 1908 she moved to Kazan" (not "… His wife settled in Riga. In 1923 she went
        to Paris", "Maria Ivanova lived in Tver. Russia entered the war. In 1915 she lost Warsaw", "… the steamer
        Rossiya left Odessa. In 1915 she reached …")."""
        last = re.compile(rf"\b{re.escape(clean(name).split()[-1])}\b")
        for j in (i, *self._earlier(i, 6)):
            if last.search(self.narrative.sentence(j)):
                return True
            if _leads_as(self._lead(j), pronoun):
                return False
        return False

    def _in_passing(self, words: str) -> bool:
        """A person a text of some length (a few pages: ``_PAGES``) names at most twice: a passing figure of
        the subject's life (in a paragraph, twice is all anyone is named)."""
        return len(self.narrative.text) >= _PAGES and self._uses(clean(words).split()[-1]) <= 2

    def _uses(self, word: str) -> int:
        """How often the text writes ``word`` whole: counted once per word (the text may be a long book's piece,
        read again for each of its many mentions)."""
        if word not in self._used:
            self._used[word] = len(re.findall(rf"\b{re.escape(word)}\b", self.narrative.text))
        return self._used[word]

    def _named_lately(self, i: int) -> bool:
        """The subject is named in sentence ``i`` or one of the three before it."""
        return any(self.subject.is_named(self.narrative.sentence(j), own_text=True)
                   for j in [i, *self._earlier(i, 3)])

    def _subject_led(self, i: int) -> bool:
        """The sentence before ``i`` has the subject for its subject, by name or by pronoun."""
        j = next(self._earlier(i, 1), None)
        return j is not None and self._subject_leads(j)

    def _subject_leads(self, j: int, first: bool = False) -> bool:
        """Sentence ``j`` has the subject for its subject (``first``: of its first clause), by name or by pronoun."""
        subjects = self.subjects(j)[:1] if first else self.subjects(j)
        return self._pronoun_led(j) or any(kind == "name" and self.is_subject(words) for kind, words in subjects)

    def _earlier(self, i: int, limit: int):
        """The sentences before ``i`` that are not headings or captions, nearest first."""
        j, seen = i - 1, 0
        while j >= 0 and seen < limit:
            if not self.narrative.titles[j]:
                seen += 1
                yield j
            j -= 1

    def name(self, words: str) -> str:
        """The actor some words name: the subject when they name them (or their companions)."""
        if self.is_subject(words) or (self.about_subject and clean(words).lower() in lexicon("companions")):
            return self.subject.name                   # "Kamenev and Stalin", "the couple", "the family"
        return clean(words)

    def person_before(self, i: int, he: bool = True) -> str:
        """The last person named as a subject before sentence ``i`` (the subject, in a text about them);
        for "he", never a woman; for "she" (``he`` False), a woman, or the subject if she is one. Read once
        per sentence: each "he" of a sentence, and its possessives, ask again."""
        if (i, he) not in self._before:
            self._before[i, he] = self._person_before_chain(i, he)
        return self._before[i, he]

    def _person_before_chain(self, i: int, he: bool) -> str:
        hers = self.subject.pronoun == "she"
        found = self._person_before(i, he, hers)
        opening = i                                    # the sentence opening the chain of "he" that holds ``i``
        paragraphs = self.narrative.paragraphs
        while opening > 0 and paragraphs[opening - 1] == paragraphs[i] and self._pronoun_led(opening - 1):
            opening -= 1
        if found != self.subject.name and self.about_subject and he != hers and self._aside_before(opening, found):
            return self.subject.name   # "…where he lived. Stalin, too, was sent to Narym, though he escaped.¶
            #                            Released in 1912, he went back to underground work": the life's subject
        return found

    def _aside_before(self, i: int, name: str) -> bool:
        """Sentence ``i`` opens a paragraph, and the one named last in the paragraph before was named there
        in one sentence only, among sentences led by the subject's pronoun: an aside of the subject's story."""
        paragraphs = self.narrative.paragraphs
        if i == 0 or paragraphs[i] == paragraphs[i - 1] or name == "unknown":
            return False
        before = [j for j in range(i - 1, -1, -1) if paragraphs[j] == paragraphs[i - 1]]
        last = clean(name).split()[-1]
        named = sum(1 for j in before if re.search(rf"\b{re.escape(last)}\b", self.narrative.sentence(j)))
        return named == 1 and sum(1 for j in before if self._pronoun_led(j)) >= 2

    def _person_before(self, i: int, he: bool, hers: bool) -> str:
        """``person_before`` as the sentences before ``i`` alone tell it."""
        looked = chained = 0
        for distance, j in enumerate(self._earlier(i, 12)):
            if self._pronoun_led(j):
                chained += 1
                continue                               # the chain of "he" goes on to its antecedent
            if (looked >= 2 or chained >= 3) and self.about_subject and he != hers:
                return self.subject.name               # two sentences past anyone named, or past three led by
                #                                        "he", the life's subject is the one talked about ("Lenin
                #                                        seized on the quarrel. The purges came. … In 1934 he set
                #                                        out for Perm")
            looked += 1
            acted_on = (_HIM if he else _HER_OBJECT).search(self.narrative.sentence(j)) or (
                _done_to(self.narrative.sentence(j), he) and not self._kin_leads(j)) or (
                self.about_subject and looked == 1 and self._subject_as_object(j)
                and not _HIM_HERE.search(self.narrative.sentence(i)))
            named = [w for k, w in self.subjects(j) if k == "name" and not _LIST_OF_NAMES.search(w)]
            if self.about_subject and he != hers and (any(self.is_subject(w) for w in named) or (
                    (owner := _OWNER_OPENS.match(self.narrative.sentence(j))) and self.is_subject(owner.group(1))) or (
                    (last := _OWNER_ENDS.search(self.narrative.sentence(j))) and self.is_subject(last.group(1)))):
                return self.subject.name               # "Kamo was born in Gori, where Jughashvili had been born";
                #                                        "Sudoplatov's career was tied to Beria's, and when Beria
                #                                        was arrested … . He was arrested": whose the sentence is
            if self.about_subject and he != hers and self._acts_later(j):
                return self.subject.name               # "After a spell in Nizhny, where Korolenko took an interest
                #                                        in his writing, Gorky moved to Samara. … he": the
                #                                        subject's own main clause comes last
            for kind, words in reversed(self.subjects(j)):
                if kind != "name" or _LIST_OF_NAMES.search(words):
                    continue
                if self.about_subject and he != hers and self._subordinate_only(j, words):
                    continue                           # "After Lenin was shot …, the Cheka proclaimed the Red
                    #                                    Terror. In October he travelled to Switzerland": not Lenin
                if acted_on and self.about_subject and he != hers and not self.is_subject(words):
                    return self.subject.name           # "Stalin sent him to Leningrad. … he": still the subject
                if self.about_subject and he != hers and not self.is_subject(words) and _died_there(
                        self.narrative.sentence(j), words):
                    continue                           # "A few hours later Alliluyeva shot herself.¶ From 1927 she
                    #                                    was …": the dead do not act in the next sentences
                if self.about_subject and he != hers and (
                        (whose := _HIS_APPOSITION.search(self.narrative.sentence(j))) and whose.group(1) == words):
                    return self.subject.name           # "Tukhachevsky, his most powerful patron, had been shot. From
                    #                                    1937 he taught …": the one "his" means is talked about
                if not is_woman(words) if he else (is_woman(words) or hers and self.is_subject(words)):
                    if (distance or _ASIDE_IN_TIME.search(self.narrative.sentence(j))) and self.about_subject and \
                            he != hers and self._in_passing(words):
                        return self.subject.name   # "Adolf Hitler was living in Vienna at the same time. …
                        #                            He lived first at Kostino": one named in passing holds
                        #                            "he" for the next sentence only, and not even that when
                        #                            the sentence sets them beside the subject's story ("at the
                        #                            same time", "meanwhile")
                    return self.name(words)
            if self.about_subject and he != hers and self.subject.is_named(self.narrative.sentence(j), own_text=True):
                return self.subject.name               # "Stalin's answer was coercion. On 15 January he left …"
        return self.subject.name if self.about_subject and he != hers else "unknown"

    def _subject_as_object(self, j: int) -> bool:
        """Sentence ``j`` names the subject by name, alone, as the object of a verb that sends or appoints: "the
        committee elected Kalinin", "Stalin sent Kirov to Leningrad" (the one sent or chosen is still the one
        talked about; not the one met, succeeded, attacked or praised: "Stalin received Tito in Moscow. He …")."""
        sentence = self.narrative.sentence(j)
        for m in self.subject.mentions(sentence, own_text=True):
            before = tag(sentence, max(0, m.start() - 30), m.start())
            verb = before[-1] if before else None
            if verb is not None and verb.tag is T.VERB and verb.form == "past" and verb.end + 1 >= m.start() and (
                    verb.vclass == "sending" or verb.text.lower() in _APPOINTED) \
                    and not _NAME_GOES_ON.match(sentence, m.end()):
                return True
        return False

    def _acts_later(self, j: int) -> bool:
        """Sentence ``j`` names the subject, by name, as the subject of a verb after its first clause: "…, but
        Radek, who could not enter Russia, stayed in Stockholm"."""
        sentence = self.narrative.sentence(j)
        cuts = [e for _, e in clauses.boundaries(sentence)]
        if not cuts:
            return False
        return any(m.start() >= cuts[0] and clauses.finite_verb_at(sentence, _after_who(sentence, m.end()))
                   for m in self.subject.mentions(sentence, own_text=True))

    def _subordinate_only(self, j: int, words: str) -> bool:
        """``words`` are the subject of sentence ``j``'s leading subordinate clause only, the main clause having
        a subject of its own that is no person ("After Lenin was shot, the Cheka proclaimed …")."""
        sentence = self.narrative.sentence(j)
        m = clauses.SUBORDINATOR.match(sentence)
        if m is None or not sentence.startswith(words, m.end()):
            return False
        main = [(k, w) for k, w in self.subjects(j) if w != words]
        return bool(main) and all(k == "group" for k, _ in main)

    def plural_before(self, i: int) -> str:
        """The last group or list of people named as a subject in the few sentences before ``i``."""
        for j in self._earlier(i, 4):
            for kind, words in reversed(self.subjects(j)):
                if kind == "pron" and _LEADERS.match(words) and self.about_subject and self._named_lately(j):
                    return self.subject.name           # "In November the pair set out … They arrived in Delhi"
                if kind == "group" or _LIST_OF_NAMES.search(words):
                    return self.name(words)
        return ""

    def _lead(self, j: int) -> tuple[str, str]:
        """The subject of sentence ``j``'s first clause, ``(kind, words)``, of any kind (pronouns too)."""
        self.subjects(j)
        return self._leads.get(j) or ("", "")

    def _kin_leads(self, i: int) -> bool:
        """A relative of the subject's leads sentence ``i`` or the one before ("His father was a priest. In 1905 the
        bishop ordered his transfer to Kazan": "his" may be the father's)."""
        return any(self._lead(j)[0] == "kin" for j in (i - 1, i) if j >= 0)

    def _subject_opens(self, i: int) -> bool:
        """Sentence ``i``'s first clause has the subject, by name, for its subject (not "He hid in the
        flat, where Stalin shaved off his beard, and then escaped to Razliv": "he" leads)."""
        kind, words = self._lead(i)
        return kind == "name" and self.is_subject(words)

    def _plural_here(self, i: int, sentence: str, lo: int) -> str:
        """"They" in a later clause means the people the sentence's first clause has for subject: "On 8
        March Stalin, Kamenev and Muranov boarded a train, and on 12 March they arrived in Petrograd";
        "The two men never went to Perm; they worked from Vyatka"."""
        kind, words = self._lead(i)
        if lo == 0 or not kind or sentence.find(words) >= lo:
            return ""
        if kind == "pron" and _LEADERS.match(words):
            return self.subject.name if self.about_subject and self._named_lately(i) else ""
        if kind == "pron" and words.lower() in ("he", "she") and re.search(
                rf"\b{words}\s+and\s+(?:[A-Z]|(?:the|his|her|their|other|several|some|two|three|four)\s)", sentence):
            return self.person_before(i, he=words.lower() == "he")   # "she and Mur left Paris …, and … they",
            #                                        "he and the other Bolshevik deputies were arrested …; … they"
        return self.name(words) if kind == "group" or kind == "name" and _LIST_OF_NAMES.search(words) else ""

    def actor(self, i: int, sentence: str, pos: int, places: Places) -> str:
        """Who the event at ``pos`` (an offset into sentence ``i``) happened to."""
        item = LIST_ITEM.match(sentence) or (CAPITAL_ITEM.match(sentence) if not self.narrative.titles[i] else None)
        if item is not None and self.about_subject and _OWN_SUBJECT.match(sentence, item.end()) is None and not (
                self.is_person([sentence[item.end():].split(" ", 1)[0]])):
            return self.subject.name                   # a chronology's line: "1919 – fought at Omsk"
        #                                                (not "1920 – his wife died in Kharkov", "1922 – Lenin …")
        lo, hi = clauses.clause_around(sentence, pos)
        if clauses.is_lead(sentence, pos):
            lo, hi = clauses.participle_lead(sentence).end(), len(sentence)
            pos = hi
        if self.about_subject and self._role_leads(sentence, lo, pos):
            return self.subject.name                   # "early in March the wounded general was moved to Kiev"
        own = self._leading_clauses_own(sentence, pos, places)
        if own:
            return own
        # (read without the relative clauses and the appositions between commas, unless the place is in one:
        # "Solomon Mikhoels, whom she knew well, was murdered in Minsk" is his death, not hers; "Trofim Lysenko, an
        # agronomist, ran an institute in Kiev" his. Before a name an apposition keeps its last comma, so that no
        # name runs on over it: "By Christmas, the worst of the winter, Zhukov …" is Zhukov's)
        asides = [m.span() for m in _RELATIVES_BETWEEN_COMMAS.finditer(sentence)] + [
            m.span() for m in _EXAMPLES_BETWEEN_COMMAS.finditer(sentence) if not self._among_examples(m.group())] + [
            (m.start(1), m.end(1) - 1 if sentence[m.end(1):].lstrip()[:1].isupper() else m.end(1))
            for m in _NOUN_BETWEEN_COMMAS.finditer(sentence)
            if clauses.VERB.search(sentence, m.start(1), m.end(1)) is None]   # (not a clause: "the front fell apart")
        blanked = sentence
        for a, b in asides:
            blanked = blanked[:a] + " " * (b - a) + blanked[b:]
        plain = sentence if any(a <= pos < b for a, b in asides) else blanked
        # (not over a colon or a semicolon to a clause with a verb of its own: "his position collapsed: Polina was
        # arrested …" is hers; but "Kamenev travelled widely; in 1921 to Baku" is his)
        own_clause = sentence.endswith((":", ";"), 0, len(sentence[:lo].rstrip())) and clauses.VERB.search(
            sentence, lo, hi) is not None
        subject = (first_subject(plain, lo, hi, places, self, stop=pos)
                   or first_subject(plain, lo, hi, places, self)
                   or self._clause_before(sentence, lo, places)
                   or (None if own_clause else first_subject(blanked, 0, len(sentence), places, self))
                   or self._unknown_name(plain, lo, places)
                   or first_subject(sentence, 0, len(sentence), places, self, anywhere=True))
        if subject is None:
            return "unknown"
        kind, words = subject
        if kind == "work":
            return "unknown"                           # (a book appears, is staged, is published: no one is there)
        if kind == "kin" and self.about_subject and (self._kin_of_kin(i, sentence, lo, words)
                                                     or self._taken_along(sentence, lo, hi, words)):
            return self.subject.name                   # "His daughter was born in Paris, while her father was in
            #                                            Moscow"; "While he was still small, his parents moved …"
        if kind == "place" or (kind == "kin" and not words[:1].isupper()):
            return words
        if kind == "kin" and words[:1].isupper() and not any(p in words for p in _POSSESSIVE) and \
                self._anothers_name(words):
            return clean(words)                        # "His father, Tikhon Shalamov, had spent …": a relative who
            #                                            bears the family's name is not the subject (but "his
            #                                            younger brother Vladimir", "her son, Iosif Dzhugashvili",
            #                                            "Stalin's protégé, Marshal Zhukov" are the subject)
        if kind == "fellows":                          # "the prisoners reached Tobolsk" after the subject's arrest
            return self.subject.name if self._ours(i) else clean(words)
        if kind == "pron":
            young = " ".join(words.lower().split()[1:])
            if young.startswith("young ") and (named := self._named_by(i, young)):
                return self.name(named)                # "met the painter Pavel Orlov … The young painter": Orlov
            child = _CHILD_PRONOUN.get(young) or (("sg" if self.subject.pronoun == "he" else "sg-f")
                                                  if young.startswith("young ") else None)
            number = child or _PRONOUN.get(words.split()[0].lower(), "pl")
            if number == "pl" and _LEADERS.match(words) and self.about_subject and (
                    self._named_lately(i) or self._subject_led(i)):
                return self.subject.name               # "The three leaders met again at Yalta" after Stalin's talks;
                #                                        "with his brother he went on to Tiflis. … the two brothers"
            if number == "pl" and self.about_subject and _THEY_MARRIED.search(sentence, lo, hi):
                return self.subject.name               # "They were married in Moscow": the subject and their spouse
            if number == "pl":
                # (else the person talked about: "he" in a man's life, "she" in a woman's)
                return self._plural_here(i, sentence, lo) or self.plural_before(i) or self.person_before(
                    i, he=self.subject.pronoun != "she")
            mine = "sg" if self.subject.pronoun == "he" else "sg-f"
            if number == mine and lo > 0 and self.about_subject and self._subject_opens(i) and not self._other_named(
                    sentence, 1, lo):
                return self.subject.name               # "Stalin was appointed …, and early in October he arrived"
                #                                        (no one else named between)
            here = self._singular_here(i, sentence, lo, he=number == "sg") if number in ("sg", "sg-f") else ""
            if here:
                return here
            if number == mine:
                return self.person_before(i, he=number == "sg")
            if number in ("sg", "sg-f") and not self.about_subject:
                # (a text with no subject found: the one named where the chain of "she", or "he", opens)
                named = self.person_before(i, he=number == "sg")
                return named if named != "unknown" and self._opens_the_chain(i, named, words.split()[0].lower()) \
                    else "unknown"
            return "unknown"
        if kind == "group" and self._own_forces(i, sentence, lo, hi, words):
            return self.subject.name                   # "In July his armies took Lviv": the commander's, as his
        return self.name(words)

    def _anothers_name(self, words: str) -> bool:
        """Whether a name a kin noun puts in apposition holds a word, besides titles and patronymics, that is
        none of the subject's names: "Tikhon Shalamov" in Varlam Shalamov's life, "Mao Anying" in Mao Zedong's;
        not "Soso Jughashvili" in Stalin's, "Marshal Zhukov" in Zhukov's, "Vladimir Ilyich" in Lenin's."""
        parts = [w for w in clean(words).split() if w.lower() not in lexicon("titles") and not PATRONYMIC.search(w)]
        return any(p not in self.subject.own_words for p in parts)

    def _own_forces(self, i: int, sentence: str, lo: int, hi: int, words: str) -> bool:
        """Whether ``words``, the subject of the clause ``sentence[lo:hi]``, are armed men the subject led, in a
        life of a commander ("his armies", "her detachments"), told of as acting: the one "his" means is the
        subject (no one else named before it in the sentence, nor leading the sentence before), and the subject is
        not told of elsewhere in the sentence ("while he was in Moscow, his armies took Lviv"). Not what was done to
        the men ("his soldiers were buried at Rzhev", "were destroyed near Kharkov"), nor forces once theirs ("his
        former corps")."""
        own = _OWN_FORCES.fullmatch(words)
        if own is None or not self.about_subject or bool(own.group(1)) != (self.subject.pronoun == "he") or \
                _FORMER.search(words) or not self._commands:
            return False
        at = sentence.find(words, lo)
        clause = sentence[at + len(words):hi]
        if clause.startswith(" of ") or _DONE_TO_THEM.match(clause) or any(
                k in _SUFFERED for k, _, _ in kinds.kind_words(clause)):
            return False                               # ("his corps of diplomats", "were buried at", "died in")
        if _ELSEWHERE.search(sentence) or self._other_named(sentence, 0, at):
            return False
        before = self.narrative.sentence(i - 1) if i > 0 else ""
        kind, lead = self._lead(i - 1) if i > 0 else ("", "")
        if not kind and (named := _NAME_LEADS.match(before)) is not None:
            kind, lead = "name", named.group(1)          # (a verb the tagger does not know: "Denikin regrouped")
        if kind == "name" and not self.is_subject(lead):
            return False                               # "Denikin regrouped in the south. In July his armies took …"
        he = self.subject.pronoun == "he"
        return (self._singular_here(i, sentence, lo, he=he) or self.person_before(i, he=he)) == self.subject.name

    @functools.cached_property
    def _commands(self) -> bool:
        """The text tells that the subject commanded armed men: a sentence the subject leads, by name or as "he",
        says they commanded an army, a front, a division… ("In 1919 he took command of the 45th Rifle Division";
        not "Zhukov commanded the Western Front" in Stalin's life)."""
        return self._tells_command(_COMMANDED)

    @functools.cached_property
    def _commands_a_formation(self) -> bool:
        """``_commands``, of a formation of its own (an army, a front, a division…), not "the armed forces" a head of
        state takes command of, who orders from afar."""
        return self._tells_command(_COMMANDED_FORMATION)

    def _tells_command(self, pattern: re.Pattern) -> bool:
        text = self.narrative.text
        return any(pattern.search(text, a, b) and self._subject_leads(j, first=True)
                   for j, (a, b) in enumerate(self.narrative.spans))

    def _leading_clauses_own(self, sentence: str, pos: int, places: Places) -> str:
        """Who a leading subordinate clause that holds ``pos`` names for the subject of the predicate at ``pos``,
        when that is someone else, by name, or a group, and the subject is in that clause neither by name nor as
        "him": "After Felix Dzerzhinsky collapsed and died in Moscow, Kuibyshev succeeded him" (not "When Churchill
        dined with Stalin in the Kremlin, Svetlana came in": Stalin was there; not "When the Germans invaded and
        Minsk fell, he was in the city": the predicate's own subject, Minsk, is no one)."""
        end = clauses.leading_clause(sentence)
        if end is None or pos >= end or _HIM_HERE.search(sentence, 0, end) or any(
                self.is_subject(w) for w in _CAPITALISED.findall(sentence, 0, end)):
            return ""
        at = next((p for p in places if p[0] == pos), None)
        if at is not None and clauses.VERB.match(sentence, at[1] + 1 + clauses.adverb_after(sentence, at[1] + 1)):
            return ""                                   # the place acts ("and Minsk fell"): read as before
        lo = clauses.clause_around(sentence, pos)[0]      # the predicate's own clause, else the lead's first
        found = first_subject(sentence, lo, end, places, self, stop=pos) or (
            first_subject(sentence, 0, end, places, self, stop=pos) if lo > 0 else None)
        if found is None or found[0] not in ("name", "group") or self.is_subject(found[1]):
            return ""
        return self.name(found[1])

    def _singular_here(self, i: int, sentence: str, lo: int, he: bool) -> str:
        """"He" or "she" in a later clause means the one person the sentence's first clause has for subject,
        when that one may be called so: "Kamenev reached Baku, after he left Tiflis" (not where the first
        clause acts on "him" or "her": "Lenin sent him to Tsaritsyn, where he …" is the one sent; nor where it
        names someone else after them: "Lenin summoned Stalin to Moscow, and in June he was sent …")."""
        kind, words = self._lead(i)
        at = sentence.find(words)
        if kind == "kin" and words[:1].isupper() and lo > 0 and 0 <= at < lo and not (
                _HIM if he else _HER_OBJECT).search(sentence, 0, lo) and not (
                _KIN_GONE.match(sentence, at + len(words)) and he == (self.subject.pronoun == "he")):
            # "Gorbachev's father had joined the Red Army …; he was wrongly declared dead and fought in the Battle of
            # Kursk": the father, a kin of a name's whose sex fits. (After "his father" a "he" is as likely the one
            # "his" means: "His father died when he was a small child, and … he grew up in Tarnów"; so after a kin
            # who died or only is something, where the pronoun may be the subject: "Zhukov's father was a shoemaker,
            # and he was apprenticed …")
            noun = words.split()[-1].lower()
            return clean(words) if noun in (_MEN if he else _WOMEN) else ""
        if lo > 0 and (kind in ("", "group")
                       or kind == "pron" and not re.search(rf"\b{re.escape(words)}\b", sentence[:lo])):
            return self._object_before(i, sentence, lo, he)
        if lo == 0 or kind != "name" or _LIST_OF_NAMES.search(words) or at >= lo:
            return ""
        if (_HIM if he else _HER_OBJECT).search(sentence, 0, lo) or not self.is_person([clean(words)]):
            return ""
        after = at + len(words)
        if any(self.is_person([w]) and w not in words for w in _CAPITALISED.findall(sentence, after, lo)):
            return ""
        return self.name(words) if is_woman(words) != he else ""

    def _object_before(self, i: int, sentence: str, lo: int, he: bool) -> str:
        """"He" or "she" in a later clause, when no one leads the first: the one person the first clause names, as
        the object of its main verb ("On 14 June the National Assembly elected Gottwald president, and he moved into
        Prague Castle", "sent General Vatutin to Kursk, and he"). Not a name inside a subordinate or relative clause
        ("after the Cheka arrested Kamenev, he went", "the troops that followed Budyonny"), nor one that is a clause's
        subject ("announced Stalin had died, and he"), one of several, a street's ("crossed Kamenev Street"), a
        town's after a verb of war ("surrounded Kalinin"), one killed or what one became; nor after "while", which
        sets another against him."""
        if (_HIM if he else _HER_OBJECT).search(sentence, 0, lo) or _CONTRAST.match(sentence, lo) \
                or _CONTRAST_BEFORE.search(sentence, max(0, lo - 12), lo) or (
                _THOUGH_BEFORE.search(sentence, max(0, lo - 12), lo) and _HIMSELF.match(sentence, lo)):
            return ""
        places = self.places_of(i)
        runs = [run for run in _NAME_RUN.finditer(sentence, 0, lo)
                if any(self.is_person([w]) for w in run.group().split())
                and not any(p[0] < run.end() and run.start() < p[1] for p in places)]
        if len(runs) != 1:
            return ""
        run = runs[0]
        words = run.group().split()
        while len(words) > 1 and words[0].lower() in TITLES:
            words = words[1:]                          # "General Vatutin", "Comrade Kamenev"
        name = " ".join(words)
        verb = _WORD_BEFORE.search(sentence, 0, run.start())
        if name.endswith(_POSSESSIVE) or not all(self.is_person([w]) for w in words) \
                or verb is None or _a_towns(name, verb.group(1)) or _within_a_subordinate(sentence, run.start(), lo) \
                or not clauses.finite_verb_at(sentence, verb.start()) or verb.group(1) in _BECAME \
                or _DETERMINER_BEFORE.search(sentence, 0, verb.start()) \
                or any(k in _KILLING_KINDS for k, _, _ in kinds.kind_words(" " + verb.group(1) + " ")) \
                or _LIST_GOES_ON.match(sentence, run.end()) or clauses.finite_verb_at(sentence, run.end() + 1):
            return ""
        found = self.name(name)
        return found if is_woman(found) != he else ""

    def _unknown_name(self, sentence: str, lo: int, places: Places):
        """``_unknown_name``, unless the word is a common noun the text also writes in small letters
        ("Lectures resumed in Ashgabat": the lectures, no one)."""
        found = _unknown_name(sentence, lo, places)
        if found is not None and " " not in found[1] and found[1].lower() in self._small_words:
            return None
        return found

    @functools.cached_property
    def _small_words(self) -> frozenset[str]:
        """The words the text writes in small letters (read once: the text may be long)."""
        return frozenset(re.findall(r"\b[a-z][a-z'’-]*\b", self.narrative.text))

    def _clause_before(self, sentence: str, lo: int, places: Places):
        """The subject of the nearest clause before ``lo`` that has one, when it is a pronoun ("…, and the boy was
        sent to a church school and, in 1915, to the seminary in Nizhny Novgorod": the boy, not the father of the
        first clause)."""
        starts = [0] + [e for _, e in clauses.boundaries(sentence) if e < lo]
        for a, b in reversed(list(zip(starts, [*starts[1:], lo]))):
            if b - a > 3 and not _RELATIVE_BEFORE.search(sentence, max(0, a - 12), a + 1) and (
                    found := first_subject(sentence, a, b, places, self)) is not None:
                # (a subject pronoun only, "he", "they", "the boy": a name is read as before, from the sentence —
                # unless the name is all that part holds, cut from its verb by an aside: "while Makhno, still
                # unable to ride, stayed behind in Huliaipole")
                if found[0] == "name" and clauses.VERB.search(sentence, a, b) is None and b == lo and \
                        _NAME_ALONE.fullmatch(sentence, a, b):
                    return found
                return found if found[0] == "pron" and found[1].split()[0].lower() in ("he", "she", "they", "the") \
                    else None
        return None

    @functools.cached_property
    def _role(self) -> re.Pattern | None:
        """What the opening says the subject was ("… was a Soviet army general who …"), as the subject of a
        clause: "the general", "the wounded general"."""
        m = _WAS_A.search(self.narrative.text, 0, 1500)
        roles = sorted(set(_ROLE_NOUN.findall(m.group(1)))) if m else []
        return re.compile(rf"\b[Tt]he\s+(?:[a-z-]+\s+){{0,2}}?(?:{'|'.join(roles)})\s+") if roles else None

    def _role_leads(self, sentence: str, lo: int, pos: int) -> bool:
        """The clause before ``pos`` has the subject's role for subject, no one named before it."""
        if self._role is None:
            return False
        begin = lo + clauses.lead_end(sentence[lo:pos])
        m = self._role.search(sentence, begin, pos)
        return m is not None and clauses.VERB.match(sentence, m.end() + clauses.adverb_after(sentence, m.end())) \
            is not None and not any(w not in _MONTH_WORDS for w in _CAPITALISED.findall(sentence, begin, m.start()))

    def _other_named(self, sentence: str, lo: int, hi: int) -> bool:
        """Someone other than the subject is named, by a capitalised word, in ``sentence[lo:hi]``."""
        return any(self.is_person([w]) and not self.is_subject(w) for w in _CAPITALISED.findall(sentence, lo, hi))

    def is_subject(self, words: str) -> bool:
        """The subject is among ``words``: by a name only they bore, (in a text about them) by a first
        name, or as one of a group they belong to ("the Big Three"). Read once per words: the same few
        names are asked about again and again."""
        if words not in self._theirs:
            self._theirs[words] = self.subject.is_named(words, own_text=self.about_subject) or any(
                g in words for g in self.subject.groups) or self._family(words)
        return self._theirs[words]

    def _family(self, words: str) -> bool:
        """The subject's family by their surname in the plural: "The Armands owned a mill at Pushkino" in
        Inessa Armand's life (a household she lived in)."""
        name = clean(words)
        return self.about_subject and " " not in name and name.endswith("s") and len(name) > 4 and \
            self.subject.name.split()[-1] == name[:-1]

    # Whose event, given how the place hangs on its clause -----------------------------------------
    def actor_at(self, i: int, sentence: str, pos: int, places: Places, tokens: list, link: Link,
                 big: bool) -> str:
        """Who the event at ``pos`` happened to: the clause's subject where the clause puts them at the
        place; the one a verb of motion moves ("Lenin sent him to Tsaritsyn"); the people an event noun
        names ("the deportation of the Chechens"); the text's subject when the clause has someone meet
        them there ("Churchill flew to Moscow to visit Stalin")."""
        owner = _possessor(sentence, pos)
        if owner in ("his", "her"):
            return self.person_before(i, he=owner == "his") if self.about_subject else self.actor(
                i, sentence, pos, places)              # "his grain tour of Siberia": the one "his" means
        if owner is not None and self.is_person([owner]):
            return self.name(owner)                    # "three days before Lenin's arrival in Petrograd"
        if self.about_subject and (done := _DONE_TO_BEFORE.search(sentence, max(0, pos - 60), pos)) is not None \
                and ((done.group(1) or done.group(2)).lower() == "his") == (self.subject.pronoun == "he") \
                and not self._kin_leads(i):
            return self.person_before(i, he=self.subject.pronoun == "he")   # "Stalin ordered his transfer to
            #                                            Leningrad": the one transferred, not the one who ordered it
        if self.about_subject and (craft := _OWN_CRAFT_BEFORE.search(sentence, max(0, pos - 40), pos)) is not None \
                and (craft.group(1).lower() == "his") == (self.subject.pronoun == "he") and not self._kin_leads(i) \
                and self.person_before(i, he=self.subject.pronoun == "he") == self.subject.name \
                and _is_a_people(self.actor(i, sentence, pos, places)):
            return self.subject.name                   # "the Czechoslovaks halted his trains at Nizhneudinsk": he
            #                                            was on them (not "Nicholas II abdicated aboard his train",
            #                                            "Mekhlis ordered his train to Kerch", "he sent his trains …")
        home = _HOME_OF.match(sentence, _place_end(places, pos) or pos)
        if home is not None and (home.group("own") or self.is_person(home.group("owner").split())):
            # "During the 1920s Paris was his home", "Tokyo remained Sorge's home"
            return self.name(home.group("owner")) if home.group("owner") else (
                self.person_before(i, he=home.group("own") == "his") if self.about_subject else "unknown")
        if anothers_birthplace(sentence, pos, self.subject):
            return "unknown"                           # "met a woman born in Riga", "identified as a Turkish Jew
            #                                            born in Constantinople": someone's birthplace, not his
        done_to = _participle_of(tokens, sentence, pos, link)
        if done_to is not None:
            return self._mover(i, done_to, sentence, places)   # "tales of revolutionaries exiled in Siberia", "met
            #                                                    peasants deported to Kazakhstan": theirs
        named = _EVENT_OF_HERE.search(sentence, max(0, pos - 80), pos)
        if named is not None:
            return self.name(named.group(1))           # "after the murder of Kirov in Leningrad": Kirov's
        made = None
        for made in _MADE_TO.finditer(sentence, max(0, pos - 100), pos):
            pass
        if made is not None and link.vclass not in _NOT_DONE_THERE and made.group("verb") in verbs() and (
                made.group("who") in _MOVERS or self.is_person(made.group("who").split())):
            return self._mover(i, made.group("who"), sentence, places)   # "the police forced him to move to Omsk"
        had = _HAD_DONE.search(sentence, max(0, pos - 100), pos)
        if had is not None and link.vclass in ("motion", "stay", "sending", "meeting", "detention", ""):
            return self._mover(i, had.group("who"), sentence, places)    # "had him enrolled at the Gori church
            #                                                              school": the one it was done to is there
        chosen = _CHOSEN_DELEGATE.search(sentence, max(0, pos - 120), pos)
        if chosen is not None and link.vclass not in ("motion", "sending"):
            return self._mover(i, chosen.group("who"), sentence, places)   # "elected Stalin as one of their
            #                                                delegates to a conference in Saint Petersburg"
        if link.noun.lower() in _MOVES_OF and link.prep in ("to", "into", "from", "for"):
            moved = _noun_argument(sentence, link, pos)
            if moved:
                return self.name(moved)                # "the escape of the executive committee to Vienna"
        # a relative clause is about the name before it: "Tukhachevsky's forces that were attacking Warsaw"
        who = self._antecedent(sentence, pos, places) or self.actor(i, sentence, pos, places)
        mine = self.subject.name
        if self.left_behind(i, sentence, pos, places, link):
            return mine                                # "leaving Anton in Taganrog": he stayed there
        if link.mover.lower() in _REFLEXIVES or link.verb in _LEAVING or link.verb in lexicon("passing_verbs"):
            link = replace(link, mover="")             # "Tomsky shot himself at his dacha": the one who did it;
            #   "crossed the Dniester into Romania", "left Warsaw for Berlin": a way or a start, not someone
            #   moved (unlike "bringing Georgia into the Soviet Union")
        if link.vclass in ("sending", "motion") and _is_mover(link.mover) and not link.passive and present(
                link, big, moved=True):
            return self._mover(i, link.mover, sentence, places)
        if link.vclass == "detention" and _is_mover(link.mover) and not link.passive and present(link, big) and not (
                link.verb in ("lock", "shut") and _OUT_OF.search(sentence, max(0, pos - 12), pos)) and not (
                who == mine and self.about_subject and not _CAUSED.search(sentence, max(0, pos - 120), pos)):
            return self._mover(i, link.mover, sentence, places)   # "the police arrested him in Baku"; but "he
            #     personally arrested Beria in the Kremlin": the life's subject was there too (not "had him arrested")
        appointee = link.mover.split(" ", 1)[0] if link.verb in _APPOINTING and not link.passive else ""
        if appointee and _is_mover(appointee) and link.prep in ("in", "at", "to", "for") and \
                link.noun.lower() in lexicon("posts") and link.noun in sentence[max(0, pos - 40):pos]:
            # "Lenin appointed him commissar in Baku" (not "named him head …, tasked with activities in Russia")
            return self._mover(i, appointee, sentence, places)
        if who == mine and link.vclass in ("", "rule", "stay") and _post_chain().search(sentence, max(0, pos - 90), pos):
            return mine                                # "became head of the combat troops in Tambov Governorate"
        if who == mine and link.vclass in ("", "rule", "stay", "rename") and _post_of().search(
                sentence, max(0, pos - 60), pos) and (end := _place_end(places, pos)) is not None and \
                (body := _BODY_AFTER.match(sentence, end)) and not _IN_ANOTHER.match(sentence, body.end()):
            return mine                                # "appointed First Secretary of the Stavropol Regional
            #                                            Committee", "named Second Secretary of the Stavropol Kraikom"
        if who == mine and not present(link, big) and not (
                link.vclass == "combat" and not link.irrealis and not link.negated
                and _IN_A_NAMED_BATTLE.search(sentence, max(0, pos - 40), pos)
                and not _FROM_AFTER.match(sentence, _place_end(places, pos) or pos)) and not (
                link.vclass == "combat" and link.prep == "" and not link.passive and not link.irrealis
                and not link.negated and self.about_subject and self._commands_a_formation
                and link.verb not in _FROM_AFAR and not _FROM_AFTER.match(sentence, _place_end(places, pos) or pos)
                and not _REPORTED_BEFORE.search(sentence, 0, pos)
                and not _in_a_leading_subordinate(sentence, pos)):
            return _noun_argument(sentence, link, pos) or "unknown"   # (a commander's own fight: "he first cleared
            #                                                           Pomerania", not Stalin's "attacked Finland")
        if who != mine and ((self.meets_subject(tokens, link, i, sentence, pos, places)
                             and link.prep not in _ON_THE_WAY)
                            or self._went_along(i, sentence, pos, link) or self._among_them(i, link)):
            return mine
        if who != mine and self.about_subject and _CAME_TO.search(sentence, max(0, pos - 30), pos) \
                and self.is_person(who.split()) and self._receives(sentence, pos, places):
            return mine                                # "Kim Il-sung came to Moscow, and Stalin agreed to his
            #                                            plan": one comes to where the life's subject is
        if who != mine and self.about_subject and self._lives_there(i, sentence, pos, places, who):
            return mine                                # "the government gave him a house in Ostankino, where he
            #                                            lived with his second wife"
        if who != mine and self.about_subject and self._met_there(i, sentence, pos, places):
            return mine                                # "Nixon came to Moscow, where the two leaders signed …"
        if who != mine and self.about_subject and link.vclass == "meeting" and self._hosts(i, sentence, pos):
            return mine                                # "The Stavka met in Stalin's office in the Kremlin"
        return who

    def _hosts(self, i: int, sentence: str, pos: int) -> bool:
        """The place is where the subject's own room or house stands, right before it: "in Stalin's office in the
        Kremlin", "at his dacha at Kuntsevo" (a meeting there has its host)."""
        m = _OWN_ROOM_AT.search(sentence, max(0, pos - 60), pos)
        if m is None:
            return False
        owner = m.group("owner")
        if owner.lower() in ("his", "her"):
            hers = owner.lower() == "her"
            # (not over another of that sex named before it: "Molotov and Beria met at his dacha")
            return owner.lower() == {"he": "his", "she": "her"}.get(self.subject.pronoun) and not any(
                self.is_person([w]) and not self.is_subject(w) and is_woman(w) == hers
                for w in _CAPITALISED.findall(sentence, 0, m.start())) and self.person_before(
                i, he=not hers) == self.subject.name
        return self.is_subject(_bare(owner))

    def _receives(self, sentence: str, pos: int, places: Places) -> bool:
        """Whether the rest of the sentence, after a visitor came to the place at ``pos``, has the subject act there:
        named next as a clause's subject or a verb's object ("…, and Stalin agreed", "obtained Stalin's consent"),
        with no other place, no date and no look back or ahead between ("…, and in 1926 Petrov arrived there",
        "…, and Petrov later denounced him", "the communists whom Petrov had advised", "…, but Petrov was on leave
        in Sochi")."""
        end = _place_end(places, pos) or pos
        named = next(iter(self.subject.mentions(sentence[end:])), None)
        if named is None:
            return False
        at, after = end + named.start(), end + named.end()
        stop = sentence.find(";", after)
        if any(pos < s < (len(sentence) if stop < 0 else stop) for s, _, _ in places):
            return False                               # (another place in the subject's clause: he was there)
        before = sentence[end:at]
        if _DATE_OPENS.search(before) or _ASIDE_OF_ANOTHER.search(before) or _LATER_ON.match(sentence, after):
            return False
        return not sentence.startswith(("'s", "’s"), after) or _VERB_BEFORE.search(before) is not None

    def _met_there(self, i: int, sentence: str, pos: int, places: Places) -> bool:
        """A "where" clause right after the place has a few leaders meet there, and the subject is named
        lately: "In May 1972 Richard Nixon came to Moscow, where the two leaders signed the treaty"."""
        end = _place_end(places, pos)
        return end is not None and _WHERE_FEW.match(sentence, end) is not None and (
            self._named_lately(i) or self._subject_led(i))

    def _lives_there(self, i: int, sentence: str, pos: int, places: Places, who: str) -> bool:
        """A "where" clause right after the place puts the subject there, at the main clause's time: "…, where he
        lived", "took Lbishchensk, where Chapaev set up his headquarters". Not where the main clause names someone
        else, whom the "where" clause may well be about ("Trotsky was exiled to Alma-Ata, where Stalin had him
        watched"); not a modal, a wish or a denial ("where he hoped to …", "where he did not stay"); not a time of
        its own ("where Stalin had organised strikes in 1902", "where he was born")."""
        end = _place_end(places, pos)
        m = _WHERE_ONE.match(sentence, end) if end is not None else None
        if m is None:
            return False
        if m.group(2) is not None:
            if not self.is_subject(m.group(2)):
                return False
        elif m.group(1).lower() != self.subject.pronoun:
            return False
        elif _one_person(who) and _may_be(who, m.group(1).lower()) and not self.subject.mentions(
                sentence[pos:m.start(1)]):
            return False                               # the one the main clause names, if the pronoun fits them:
            #                                            "Gorkić was summoned to Moscow, where he was arrested" (not
            #                                            "came to the Crimea, on Stalin's ground, where he lodged",
            #                                            "Oleg was sent to Omsk, where she worked", "the Red Army took
            #                                            Tsaritsyn, where he set up his headquarters")
        verb = None
        for t in tag(sentence, m.end(), min(len(sentence), m.end() + 40)):
            if t.tag in (T.NEG, T.MODAL) or t.tag is T.AUX and t.text.lower() == "had":
                return False                           # (a pluperfect is an earlier time)
            if t.tag is T.VERB:
                verb = t
                break
        if verb is None or verb.vclass in ("abstract", "") or verb.lemma == "bear":
            return False
        stop = _CLAUSE_END.search(sentence, verb.end)
        if _OWN_TIME.search(sentence, verb.end, stop.start() if stop else len(sentence)):
            return False
        if self._other_named(sentence, 0, pos):
            return False                               # ("gave Molotov a dacha at Kuntsevo, where he lived": his)
        return m.group(2) is not None or self.person_before(i, he=m.group(1).lower() == "he") == self.subject.name

    def _among_them(self, i: int, link: Link) -> bool:
        """The sentence names the subject among its group ("The travellers, Krupskaya among them, left Zurich"),
        or the next one names the subject among the group that moved: "the Bolsheviks in Achinsk made
        their way to Moscow. Chief among them were Kamenev, Stalin and Muranov." """
        here = _AMONG_THEM_HERE.search(self.narrative.sentence(i))
        if here is not None and self.is_subject(here.group(1)):
            return True                                # "the political prisoners of Butyrka, Dzerzhinsky among
            #                                            them, were set free"
        if link.vclass not in ("motion", "sending") or i + 1 >= len(self.narrative.spans):
            return False
        after = _AMONG_THEM.match(self.narrative.sentence(i + 1))
        return after is not None and self.subject.is_named(self.narrative.sentence(i + 1)[after.end():],
                                                            own_text=self.about_subject)

    def _named_by(self, i: int, young: str) -> str:
        """Someone the sentence before calls by the trade of "the young …" ("met the painter Pavel Orlov in Kiev.
        The young painter soon moved to Paris": Orlov), or ""."""
        trade = young.split()[-1]
        m = re.search(rf"(?<!under )(?<!like )(?<!with )\b[Tt]he\s+{trade}\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)",
                      self.narrative.sentence(i - 1)) if i > 0 else None
        if m is None and i > 0:                        # "met Kirov, a young communist from Urzhum"
            m = re.search(rf"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*),\s+an?\s+(?:[a-z]+\s+)?{trade}\b",
                          self.narrative.sentence(i - 1))
        if m is None or not self.is_person(m.group(1).split()) or self.is_subject(m.group(1)):
            return ""
        return m.group(1)

    def _taken_along(self, sentence: str, lo: int, hi: int, words: str) -> bool:
        """The subject's parents, or mother, moving while the subject was a child, or with their children: the child
        went with them ("While he was still small, his parents moved to Nizhny Novgorod", "his mother moved with her
        three children to Moscow"; not "When he was small, his father died in Kiev", nor "his mother was evacuated
        with her other children to Tashkent, while he fought at Moscow", "…, and he stayed with his grandmother")."""
        his = "[Hh]is" if self.subject.pronoun == "he" else "[Hh]er"
        child = _WITH_THE_CHILD.search(sentence)
        if words.lower() not in _PARENTS or child is None or _MOVED.search(sentence, lo, hi) is None \
                or not re.search(rf"\b{his}\s+(?:[a-z]+\s+)?{words}\b", sentence):
            return False
        if child.group("small") and words.lower() == "father":
            return False                               # (a father alone may leave the family behind)
        # (not where the subject is set apart somewhere else: "…, while he fought at Moscow")
        pronoun = "he" if self.subject.pronoun == "he" else "she"
        return re.search(rf"\b(?:while|whereas)\s+{pronoun}\b|\b{pronoun}\s+(?:[a-z]+\s+){{0,2}}?"
                         rf"(?:stayed|remained|lived|was\s+(?:raised|left|brought\s+up))\b", sentence) is None

    def _kin_of_kin(self, i: int, sentence: str, lo: int, words: str) -> bool:
        """``words`` ("her father", "her son", "his wife") name the subject through a relative of theirs the text has
        just named: "His daughter Nathalie was born in Paris, while her father was in Moscow", "His mother lived in
        Tiflis. … her son came to see her", "his wife Anna went back to Cambridge, while her husband remained"."""
        his = "his" if self.subject.pronoun == "he" else "her"
        owner = re.compile(rf"\b([Hh]is|[Hh]er)\s+(?:[a-z]+\s+)?{re.escape(words)}\b").search(sentence, lo)
        if owner is None or owner.group(1).lower() == his:
            return False
        inverse = (_INVERSE_OF_HIS if his == "his" else _INVERSE_OF_HERS).get(words.lower())
        if inverse is None:
            return False
        before = (self.narrative.sentence(i - 1) + " " if i > 0 else "") + sentence[:lo]
        told = list(re.finditer(rf"\b{his}\s+(?:[a-z]+\s+)?({_KIN_NOUNS})\b(?![-'’])"
                                rf"(?:,?\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*,?)?", before, re.IGNORECASE))
        pronoun = "he" if his == "his" else "she"
        if not told or told[-1].group(1).lower() != inverse or _ANOTHER_MATCH.search(before) or re.search(
                rf"\b{pronoun}\s+died\b", before):
            return False                               # (not "his mother-in-law", "his wife, the widow of a general";
            #                                            not after the subject's death)
        last = told[-1]
        # whose the "his" was (no one else named before it in its sentence), and no one else named since
        opens = max(before.rfind(". ", 0, last.start()) + 1, 0)
        return not self._other_named(before, opens, last.start()) and not self._other_named(before, last.end(), len(
            before)) and not self._other_named(sentence, lo, owner.start())

    def _went_along(self, i: int, sentence: str, pos: int, link: Link) -> bool:
        """A later clause has the subject go with the movers: "the Politburo travelled to Brno, and Tito
        accompanied them"."""
        if link.vclass not in ("motion", "sending"):
            return False
        m = _WENT_ALONG.search(sentence, pos) or _TOGETHER_AFTER.search(sentence, pos)
        if m is None:
            return False
        who = m.group("who")
        if who.lower() in ("he", "she"):
            return self.about_subject and self.person_before(i, he=who.lower() == "he") == self.subject.name
        return self.subject.is_named(who, own_text=self.about_subject)

    def _antecedent(self, sentence: str, pos: int, places: Places = ()) -> str | None:
        """The person or group a relative clause holding ``pos`` is about: "Lenin, who was living in
        Zurich", "Tukhachevsky's forces that were attacking Warsaw"."""
        group = _GROUP_RELATIVE.search(sentence, max(0, pos - 120), pos)
        if group is not None and not _PRONOUN_INSIDE.search(group.group("rest")) and clauses.VERB.search(
                group.group("rest")):
            return clean(group.group("who"))            # "the kulaks, many of whom were deported to the Urals"
        shot = _PARTICIPLE_AFTER_NAME.search(sentence, max(0, pos - 80), pos)
        if shot is not None and not _PRONOUN_INSIDE.search(shot.group("rest")):
            names = [t for t in _bare(shot.group("who")).split() if t not in _NOT_NAMES]
            if names and self.is_person(names) and tag(shot.group("verb"))[0].tag is T.VERB:
                return self.name(" ".join(names))      # "Sergei Kirov, shot in the Smolny in Leningrad"
        m = _RELATIVE.search(sentence, max(0, pos - 120), pos)
        if m is None or _PRONOUN_INSIDE.search(m.group("rest")) or not clauses.VERB.search(m.group("rest")):
            return None
        words = m.group("who")
        if words.split()[-1] in _GROUP_WORDS:
            return clean(words)
        if m.group("rel") != "who":
            return None                                # "told Lenin that Kamenev was …": what he was told
        names = [t for t in _bare(words).split() if t not in _NOT_NAMES]
        if names and self.is_person(names):
            return self.name(" ".join(names))
        # ("who" says it is a person, whatever the lists know: "worked with Niels Holm, who travelled between …"; not a
        # place's people, "the workers of Baku, who went on strike", nor what the clause does for the subject,
        # "Okropir Tsereteli, who arranged his escape to Batumi")
        if not names or not all(n[:1].isupper() for n in names) or _HIS_EVENT_BEFORE.search(m.group("rest")):
            return None
        if any(lo < m.end("who") and m.start("who") < hi for lo, hi, _ in places):
            # (the man before the place: "Peter Brown of Boston, who moved to Chicago")
            owner = _NAME_OF_BEFORE.search(sentence, max(0, m.start("who") - 60), m.start("who"))
            return self.name(owner.group(1)) if owner is not None else None
        return self.name(" ".join(names))

    def _ours(self, i: int) -> bool:
        """The subject's fellows ("the prisoners", "the crew") in sentence ``i`` are a group the subject is
        in: right after a sentence about the subject, in a sentence that names the subject too ("when the
        crew reached Odessa, Eisenstein decided …"), where the subject was lately named with others, or
        where fellows were the subject's so earlier in the text ("Chkalov, Baidukov and Belyakov … The
        crew took off from Moscow … Early in August the crew flew on to Khabarovsk")."""
        if not self.about_subject:
            return False
        if self._fellows_here(i):
            return True
        return any(self._lead(j)[0] == "fellows" and self._fellows_here(j) for j in self._earlier(i, 30))

    def _fellows_here(self, i: int) -> bool:
        """Sentence ``i`` makes its fellows the subject's by itself (see ``_ours``)."""
        return self._subject_led(i) or self._named_with_others(i) or self.subject.is_named(
            self.narrative.sentence(i), own_text=True)

    def _named_with_others(self, i: int) -> bool:
        """Sentence ``i`` or one of the three before it names the subject together with others: "Chkalov,
        Baidukov and Belyakov", "Stalin and two friends" (a group the subject is in)."""
        for j in [i, *self._earlier(i, 3)]:
            sentence = self.narrative.sentence(j)
            for m in self.subject.mentions(sentence, own_text=True):
                if _WITH_OTHERS_AFTER.match(sentence, m.end()) or _WITH_OTHERS_BEFORE.search(
                        sentence, max(0, m.start() - 40), m.start()):
                    return True
        return False

    def left_behind(self, i: int, sentence: str, pos: int, places: Places, link: Link) -> bool:
        """Whether the place at ``pos`` is where a verb of leaving left the subject behind: "the family followed
        him, leaving Anton in Taganrog" (the one who left was there too, and keeps the place: "he left his son with
        her family in Tiflis"; not "left Paris for the village of Mimizan in the Landes")."""
        if link.verb not in _LEAVING or link.prep not in _LEFT_IN or link.passive or not link.mover:
            return False
        left = re.search(re.escape(link.mover) + r"\s+(?:in|at)\s+(?:the\s+)?$", sentence[max(0, pos - 80):pos])
        return left is not None and self._mover(i, link.mover, sentence, places) == self.subject.name

    def _mover(self, i: int, words: str, sentence: str, places: Places) -> str:
        if any(words.endswith(sentence[a:b]) for a, b, _ in places):
            return "unknown"                           # "left Rzhev for Smolensk": a place is no one moved
        if _FELLOWS.fullmatch(words) and self._ours(i):
            return self.subject.name                   # "took the three airmen into his own house there"
        low = words.lower()
        if low in ("him", "her", "himself", "herself"):
            return self.person_before(i, he=low in ("him", "himself"))
        if low in ("them", "themselves"):
            return self.plural_before(i) or "unknown"
        return self.name(words)

    def _met_elsewhere(self, tokens: list, link: Link, sentence: str, a: int, b: int, pos: int, places: Places) -> bool:
        """Whether the relative clause between commas at ``a``..``b`` tells of the subject at another time or place than
        the main clause's, so that meeting them there does not put them at ``pos``: the main clause moves its subject
        away ("Validov, who had pleaded his case with Stalin, slipped away to Turkestan"), or the relative clause looks
        back ("who had met Stalin …") or names a place of its own ("who had met Stalin in Tiflis, went to Baku") and
        is no journey made together that the main clause ends ("Osip, who had come with her from Moscow, arrived in
        Voronezh"). Not "Truman, who met Stalin for the first time, arrived in Potsdam": the same meeting; nor an aside
        that says who the name is ("Peshkov, who wrote as Maxim Gorky, was born …")."""
        names = self.subject.mentions(sentence[a:b], own_text=self.about_subject)
        if any(sentence.startswith("as ", a + m.start() - 3) for m in names):
            return False
        if _AWAY.search(sentence, b, pos) or any(t.tag is T.VERB and t.lemma in _GONE for t in tokens
                                                 if b <= t.start < pos):
            return True
        together = link.vclass == "motion" and any(a <= t.start < b and t.tag is T.VERB and (
            t.vclass in ("motion", "sending") or t.lemma in _WENT_WITH) for t in tokens)
        own_place = any(a <= p[0] < b and not FROM_BEFORE.search(sentence, max(0, p[0] - 10), p[0])
                        for p in places)
        return (_LOOKS_BACK.search(sentence, a, b) is not None or own_place) and not together

    def meets_subject(self, tokens: list, link: Link, i: int, sentence: str, pos: int, places: Places) -> bool:
        """The subject is there with the clause's subject: the object of a verb of meeting, staying or
        holding ("visited Stalin", "married Dostoevsky", "arrested Stalin", "received by Stalin"), of
        telling to one's face ("mentioned to him"), after "with" or "beside" ("moved with Dostoevsky to
        Barnaul"), in whose presence it was done, or met at the end of the journey ("arrived in Moscow,
        and met Stalin"); not in a relative clause between commas that tells of another time or place
        (``_met_elsewhere``; ``pos``: the place, ``places``: the sentence's)."""
        lo, hi = link.clause
        inside = [t for t in tokens if lo <= t.start and t.end <= hi]
        asides = [m.span() for m in _RELATIVES_BETWEEN_COMMAS.finditer(sentence, lo, hi)
                  if not m.start() <= pos < m.end() and self._met_elsewhere(tokens, link, sentence, *m.span(), pos,
                                                                            places)]
        inside = [t for t in inside if not any(a <= t.start < b for a, b in asides)]
        then = _AND_THEN.match(sentence, hi) if link.vclass == "motion" else None
        if then is not None:
            # "Mao arrived in Moscow …, and met Stalin in the Kremlin": the meeting that ends the journey
            # (a predicate of its own after "and", with no subject of its own)
            after = tag(sentence, then.end(), len(sentence))
            if after and after[0].tag is T.VERB:
                own = next((t.start for t in after[1:] if t.text in (",", ";", "and")), len(sentence))
                inside = inside + [t for t in after if t.start < own]
        for k, t in enumerate(inside):
            if t.tag is T.PREP and t.text.lower() == "in":
                words = " ".join(x.text for x in inside[k + 1:k + 10])
                present_at = _PRESENCE.match(words)
                if present_at and self.subject.is_named(present_at.group("who") or present_at.group("own"),
                                                         own_text=self.about_subject):
                    return True                        # "signed in the Kremlin in Stalin's presence"
            met = t.tag is T.VERB and (t.vclass in ("meeting", "stay", "detention") or t.lemma in _TOLD_IN_PERSON
                                       or t.lemma in _WENT_WITH)   # "Mandelstam followed her back to Moscow"
            if met or (
                    t.tag is T.PREP and t.text.lower() in ("with", "alongside", "beside") and link.vclass in _ALONG):
                # the subject as the object, not as the owner of it ("grew alarmed at Stalin's conduct")
                words = inside[k + 1:k + 5]
                if t.tag is T.VERB and words and words[0].text.lower() == "to":
                    words = words[1:]                  # "mentioned to him", "explained to Stalin"
                after = " ".join(x.text for x in words[:3] if not x.text.endswith(_POSSESSIVE))
                if self.subject.is_named(after, own_text=self.about_subject):
                    return True
                if _FELLOWS.match(after) and self._ours(i):
                    return True                        # "Roosevelt received the crew at the White House"
                # "In 1945 Stalin received him in the Kremlin": him, the subject of the sentences before
                him = after.split(" ", 1)[0].lower() if after else ""
                if him in ("him", "her") and self.about_subject and \
                        self.person_before(i, he=him == "him") == self.subject.name:
                    return True
        return False

    def is_person(self, tokens: list[str]) -> bool:
        return any(fold(_bare(t)) in self.persons or self.is_subject(_bare(t)) for t in tokens)


# A relative clause between commas: the main clause's subject is not inside it ("In Tiflis, where Kamenev
# lived, he joined the underground")
# (or after a noun that says who the name was: "Solomon Mikhoels, the actor who chaired the committee and whom she
# knew well, was murdered in Minsk"; not "the month in which Golda Meir arrived": a time)
_RELATIVES_BETWEEN_COMMAS = re.compile(r",\s+(?:(?:an?|the|his|her|their)\s+(?:[a-z'’-]+\s+){0,4}(?=who))?"
                                       r"(?:where|who|whom|whose|which)\b[^,;]*,")
# Examples of a group between commas: "With the help of local Esperantists, including N. A. Thooti, he …" (he is not
# Thooti)
# (each example a name or people, never a clause)
_EXAMPLE = r"(?:[A-Z]|(?:his|her|their|the)\s)[^,;]*,"
_EXAMPLES_BETWEEN_COMMAS = re.compile(rf",\s+(?:including|such\s+as|notably)\s+(?:{_EXAMPLE}\s+)*{_EXAMPLE}")
# One's own room or house right before the place it stands in: "in Stalin's office in the Kremlin"
_OWN_ROOM_AT = re.compile(r"\b(?:in|at)\s+(?P<owner>[Hh]is|[Hh]er|[A-Z][\w-]+['’]s?)\s+(?:[a-z-]+\s+)?"
                          r"(?:office|study|dacha|flat|apartment|home|house|villa|residence|quarters)\s+"
                          r"(?:in|at|on)\s+(?:the\s+)?$")
# what a name is, between commas: "Trofim Lysenko, an agronomist, ran an institute in Kiev"
_NOUN_BETWEEN_COMMAS = re.compile(r"[A-Z][\w'’-]*(,\s+(?:an?|the)\s+(?:[a-z'’-]+\s+){0,5}[a-z'’-]+,)")
# a main clause that moves its subject away (its adverb, or a verb of leaving or going back)
_AWAY = re.compile(r"\b(?:back|home|away)\b")
_GONE = frozenset(("leave", "depart", "return", "flee", "escape"))
_LOOKS_BACK = re.compile(r"\bhad\b")              # (a pluperfect: "who had met Stalin …")


# "come" moves toward where the narrative stands, in a life where its subject is (not "came back", one's return)
_CAME_TO = re.compile(r"\b(?:came|come|comes|coming)\s+(?:again\s+)?to\s+(?:the\s+)?$")
# a date that opens a later clause: "…, and in 1926 Petrov arrived there" (not the visit's: "came to Moscow in April
# 1950 and obtained Stalin's consent")
_DATE_OPENS = re.compile(r"(?:,|\band\b|\bbut\b)[^,]*?\b(?:1[0-9]{3}|20[0-9]{2}|"
                         + "|".join(sorted(_MONTH_WORDS)) + r")\b")
_ASIDE_OF_ANOTHER = re.compile(r"\b(?:who|whom|whose|which|that|although|though|while|whereas)\b")
_LATER_ON = re.compile(r"(?:['’]s)?\s+(?:later|afterwards|had|would|was\s+then|was\s+still)\b")
_VERB_BEFORE = re.compile(r"\b[a-z]+ed\s+$")


_CAPITALISED_RUN = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]+)\s+"
                              r"(?:(?:also|then|later|again|soon|first)\s+)?(?=[a-z])")


_INSIDE_A_PHRASE = re.compile(r"\b(?:of|the|a|an|by|for|from|with|to|in|at|on)\s+$", re.IGNORECASE)


def _unknown_name(sentence: str, lo: int, places: Places) -> tuple[str, str] | None:
    """A name no list knows right before the clause's first verb ("In August 1942 Churchill flew to
    Moscow"): someone, whom the subject found after the verb ("to tell Stalin") must not replace."""
    begin = lo + clauses.lead_end(sentence[lo:])
    verb = clauses.VERB.search(sentence, begin)
    for m in _CAPITALISED_RUN.finditer(sentence, begin, verb.end() if verb else len(sentence)):
        words = [w for w in m.group(1).split() if w not in _NOT_NAMES and _bare(w) not in _MONTH_WORDS
                 and w.lower() not in lexicon("function_words") and not w.endswith("ly")]   # not "Already"
        if not words or any(a <= m.start(1) < b or a < m.end(1) <= b for a, b, _ in places) or \
                _INSIDE_A_PHRASE.search(sentence, max(0, m.start() - 6), m.start()):
            continue                                   # not "The Trial of the Sixteen opened"
        gap = _TIME_BETWEEN.match(sentence, m.end())
        if clauses.finite_verb_at(sentence, gap.end() if gap else m.end()):
            return "name", " ".join(words)
    return None


# Between a name and its verb: the blanks of an aside, a time ("Trofim Lysenko, an agronomist whom Vavilov had
# encouraged, by the mid-1930s ran an institute in Odessa"), an adverb of time
_TIME_BETWEEN = re.compile(r"\s*(?:(?:by|in|from|after|before|during)\s+(?:the\s+)?(?:(?:early|mid|late)-?\s*)?"
                           r"\d{4}s?,?\s+|(?:later|soon|then|also|again|eventually|finally|meanwhile)\s+)?")


# A name opening the clause and what it is, between commas: "Gomel, the town of his schooldays, …"
_PLACE_APPOSITION = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},\s+(?:the|a|an)\s+[^,;()]{1,80}?,")


def first_subject(sentence: str, lo: int, hi: int, places: Places, actors: Actors, stop: int | None = None,
                  anywhere: bool = False):
    """The subject of ``sentence[lo:hi]``: its first group, pronoun or person before its first verb
    (or before ``stop``), after a leading adverbial and without asides in dashes or brackets;
    ``(kind, words)`` with kind "group", "pron", "name" or "place" (a country acting), or None."""
    part = sentence[lo:hi]
    if "(" in part or "[" in part or "—" in part or "–" in part or "according" in part:
        part = _ASIDE.sub(lambda m: " " * len(m.group()), part)
    begin = clauses.lead_end(part)
    if stop is not None and stop - lo < begin and clauses.CAUSE_LEAD.match(part):
        begin = 0                                  # a place inside a cause that leads the sentence is the cause's:
        #                                            "Due to the arrest of his brother in Kiev, he fled …"
    verb = None if anywhere else clauses.VERB.search(part, begin)
    end = verb.start() if verb else len(part)
    if stop is not None:
        end = min(end, stop - lo)
    skip_to = 0
    aside = _PLACE_APPOSITION.match(part, begin)
    if aside is not None and any(p[0] == lo + begin for p in places):
        skip_to = aside.end()                          # "Gomel, the town of his schooldays, fell to the Germans":
        #                                                the town's, not the one "his" means
    for m in _SUBJECT.finditer(part, begin, max(begin, end)):
        if m.start() < skip_to:
            continue
        kind = m.lastgroup
        found = m.group(kind).strip()
        s = lo + m.start(kind)
        if kind == "group" and _COMITATIVE.search(part, max(0, m.start() - 20), m.start()):
            continue                                   # "With his cavalry he raided Tambov": not the cavalry
        if kind == "group" and _GROUP_AGENT.search(part, max(0, m.start() - 60), m.start()):
            continue                                   # "the anniversary of its liberation by the Red Army": the agent
        if kind in ("group", "name") and _LIKE.search(part, max(0, m.start() - 40), m.start()):
            continue                                   # "like so many returning exiles, he reached Petrograd"
        if kind == "group" and _IN_A_PHRASE.search(part, max(0, m.start() - 40), m.start()) and (
                _PHRASE_GOES_ON.match(part, m.end()) or _modifies_a_noun(part, m.end())):
            continue                                   # "During the unrest of 1905 his company was sent …",
            #                                            "while still under police watch in Vologda"
        if kind == "group" and (_A_BEFORE.search(part, max(0, m.start() - 4), m.start()) or _NOUN_THEN_NAME.match(
                part, m.end())) and _modifies_a_noun(part, m.end()):
            continue                                   # "at a government dacha in Sochi, he": a dacha's kind;
            #                                            "the British journalist Phillip Knightley": the man
        if kind == "group":
            mods = _GROUP_MODIFIERS.search(part, max(begin, m.start() - 60), m.start())
            if mods is not None and mods.start() < m.start():
                found = part[mods.start():m.end()].strip()
                s = lo + mods.start()
                while found.split(" ", 1)[0] in _NOT_GROUP_WORDS and " " in found:
                    found = found.split(" ", 1)[1]      # "When German troops cut off Leningrad": the troops
                    #                                     ("On 30 November Soviet troops attacked": no month)
            if _OF_THE_BEFORE.search(part, max(0, s - lo - 8), s - lo) and not (
                    _SHARE_OF.search(part, max(0, s - lo - 40), s - lo)
                    and not _SHARE_INSIDE.search(part, max(0, s - lo - 40), s - lo)):
                continue                               # "At the plenum of the Central Committee in 1937 he and
                #                                        Bukharin were accused": inside a phrase, no subject
        place = next((p for p in places if p[0] <= s < p[1] or s <= p[0] < s + len(found)), None)
        if kind == "pron" and found in ("his", "their", "her") and _TIME_BEFORE.search(
                part, max(0, m.start() - 25), m.start()) and not (
                stop is not None and _HAPPENED_AT.fullmatch(part, m.end(), stop - lo)):
            continue                                   # "A month after his death Königsberg was renamed": a time;
            #                                            not "after his death in Moscow" for Moscow
        if (kind == "pron" and found in ("his", "His", "their", "Their", "her", "Her")) or (
                kind == "name" and found.endswith(_POSSESSIVE)):
            group = _GROUP_AFTER.match(part, m.end())
            if group is not None and _COMITATIVE.search(part, max(0, m.start() - 20), m.start()):
                skip_to = group.end()
                continue                               # "With his cavalry he raided Tambov": not the cavalry
            if group is not None:
                owner = _OWNER_AND.search(part, max(begin, m.start() - 40), m.start()) if kind == "pron" else None
                if owner is not None:                  # "the tsar and his family": the tsar's, not the subject's
                    return "group", part[owner.start():group.end()]
                found = part[m.start():group.end()]
                while found.split(" ", 1)[0] in _NOT_GROUP_WORDS and " " in found:
                    found = found.split(" ", 1)[1]      # "In April Piłsudski's army": no month
                return "group", found                  # "his regime", "Lenin's government"
        if kind == "pron" and found.lower() in ("his", "her", "their") and (
                work := _WORK_AFTER.match(part, m.end())) is not None:
            return "work", clean(part[m.start():work.end()])   # "His debut book came out in Cherkessk": where the
            #                                                    book appeared, not where its author was
        # ("his late father", "Tito's son"; not "he used a comrade's passport")
        owns = kind == "pron" and part.startswith(_POSSESSIVE, m.end())   # "the boy's mother": "the boy" owns
        kin = _KIN_AFTER.match(part, m.end() + 2 * owns) if (kind == "pron" and found.lower() in ("his", "her", "their")
                                                           or owns or found.endswith(_POSSESSIVE)) else None
        if owns and kin is None:
            continue                                   # "the boy's school": the boy owns it, and is no subject
        if kin is not None and _COMITATIVE.search(part, max(0, m.start() - 20), m.start()):
            skip_to = kin.end()
            continue                                   # "In Bulgaria, with his wife Muza, he …": not Muza
        if kin is not None and part.startswith((*_POSSESSIVE, "' ", "’ "), kin.end()):
            continue                                   # "After her father's death she …", "at his friends' homes"
        if kin is not None and (kind == "name" or kind == "pron" and (owns or found.lower() in ("his", "her", "their"))):
            if (joined := _AND_PRONOUN.match(part, kin.end())) is not None:
                return "pron", joined.group(1)         # "his wife and he went": he is among them
            return "kin", kin.group("name") or clean(part[m.end() + 2 if owns else m.start():kin.end()])   # "his
            #                                            wife", "Tito's son Žarko", "the boy's mother": the mother
        if kind == "name" and found.endswith(_POSSESSIVE) and (_BODY.match(part, m.end()) or (
                _OWN_FELLOWS.match(part, m.end()) and actors.is_subject(_bare(found)))):
            return "name", _bare(found)                # "Stalin's body was moved to …": he is where it goes;
            #                                            "Mao's column reached Wuqi": the subject went with it
        if kind == "name" and found.endswith(_POSSESSIVE) and re.match(r"\s+[a-z]", part[m.end():m.end() + 3]):
            continue                                   # "After Stalin's death he …": whose death, not who
        if anywhere and kind == "name" and not actors.is_subject(found):
            continue                                   # after the verb only the subject or a group will do
        if kind == "name" and (_COMITATIVE.search(part, max(0, m.start() - 20), m.start())
                               or _COMITATIVE_ROLE.search(part, max(0, m.start() - 50), m.start())
                               or _WITH_FIRST.match(found)):
            continue                                   # "Together with Kamenev he returned": not Kamenev
        if kind == "name" and _AGENT.search(part, max(0, m.start() - 4), m.start()):
            continue                                   # "Sent by Stalin to …, he": the agent, not the subject
        if kind == "name" and _NAMESAKE.search(part, max(0, m.start() - 24), m.start()):
            continue                                   # "a street named after Petrov was laid out": no one acts
        if kind == "name" and _OF_THE_BEFORE.search(part, max(0, m.start() - 8), m.start()) and \
                _bare(found.split()[0]) not in _MONTH_WORDS:
            continue                                   # "After the murder of Kirov in 1934 he …": inside a phrase
            #                                            (not "At the end of September Dimitrov and Kolarov …")
        if kind == "name" and (joined := _AND_PRONOUN.match(part, m.end())) is not None:
            return "pron", joined.group(1)             # "Kamenev and he returned": he is among them
        if kind == "name":
            if place is not None:
                if place[2] and place[0] == s and (verb := clauses.VERB.match(
                        sentence, place[1] + 1 + clauses.adverb_after(sentence, place[1] + 1))) is not None \
                        and not _PASSIVE_AFTER.match(sentence, verb.start()) \
                        and not _PREP_BEFORE.search(sentence, max(0, s - 12), s):
                    return "place", sentence[place[0]:place[1]]    # a country acts: "Germany ended…" (not
                    #   "Lithuania was annexed", "the fighting in Karelia went badly")
                rest = re.match(r"(?:,\s*|\s+and\s+|\s+)+([A-Z].*)", sentence[place[1]:s + len(found)])
                if rest is None:
                    continue
                found = rest.group(1)                  # "Western Georgia, Ordzhonikidze became": the man
            tokens = [t for t in re.split(r"(?:,\s*|\s+)", found) if t and t != "and"]
            while tokens and (tokens[0] in _NOT_NAMES or _bare(tokens[0]) in _MONTH_WORDS):
                tokens.pop(0)
            if len(tokens) > 6:
                continue                                              # a title, not a name
            if tokens and tokens[-1] in _GROUP_WORDS:
                if _IN_A_PHRASE.search(part, max(0, m.start() - 40), m.start()) and (
                        _PHRASE_GOES_ON.match(part, m.end()) or _modifies_a_noun(part, m.end())) \
                        or _GROUP_AGENT.search(part, max(0, m.start() - 60), m.start()):
                    continue                                          # "at the Central Committee plenum in Moscow",
                    #                                                   "its liberation by the Red Army"
                return "group", " ".join(tokens)                      # "the Soviet Red Army"
            if len(tokens) == 1 and _is_a_people(tokens[0]) and (the := _THE_END.search(part, 0, s - lo)) \
                    and not _RELATIVE_END.search(part, 0, the.start()) \
                    and clauses.finite_verb_at(part, m.end() + 1):
                return "group", tokens[0]              # a people or a party by its name: "the Czechs took Simbirsk"
                #                                        (not "the Olympics", "the Andes"; not in a relative clause:
                #                                        "a meeting that the Yugoslavs declined to attend")
            if not tokens or not (actors.is_person(tokens) or actors.is_subject(" ".join(tokens))):
                continue
            found = found[found.index(tokens[0]):]
        return kind, found
    return None


_THE_END = re.compile(r"\b[Tt]he\s+$")
_RELATIVE_END = re.compile(r"\b(?:that|which|whom|where)\s+$")


def _within_a_subordinate(sentence: str, pos: int, lo: int) -> bool:
    """``pos`` lies in a subordinate clause that opens the sentence (after its leading adverbials), which a bare comma
    closes before the clause from ``lo`` ("In 1920, after the Cheka arrested Kamenev and searched his flat, he went";
    not "After the war the government sent Kamenev to Odessa, and he moved", "as the purge widened, the Politburo
    exiled Kamenev"), or after a relative word ("the troops that followed Budyonny")."""
    if _RELATIVE_WORD.search(sentence, 0, pos):
        return True
    comma = sentence.find(",", pos, lo + 1)            # (what closes the clause the name is in)
    if comma >= 0:
        opened = _AND_BEFORE_CLAUSE.search(sentence, comma, lo + 1) is not None
    else:                                              # "… and soon he moved" (not "… and the purges began he")
        opened = any(clauses.VERB.search(m.group("between")) is None for m in _AND_HE.finditer(sentence, pos, lo + 8))
    return not opened and _in_a_leading_subordinate(sentence, pos)


def _in_a_leading_subordinate(sentence: str, pos: int) -> bool:
    """``pos`` lies in a subordinate clause that opens the sentence, after its leading adverbials, before any comma
    ("After Hitler attacked Yugoslavia, he was sent to Kiev")."""
    return any(_SUBORDINATE.match(sentence, begin) is not None and "," not in sentence[begin:pos]
               for begin in {0, clauses.lead_end(sentence)})


def _a_towns(name: str, verb: str) -> bool:
    """A man's name a town bore, after a verb of war, or one the tagger does not know ("surrounded Kalinin",
    "approached Kalinin"; not "appointed Kirov first secretary", "sent Kirov to Leningrad")."""
    known = verbs().get(verb)
    return fold(name.split()[-1]) in PLACE_SURNAMES and (known is None or known[1] == "combat")


def _is_a_people(word: str) -> bool:
    """A people, a party or a body of men by its name ("Czechs", "Bolsheviks", "Whites"): data/lexicon/peoples.txt,
    nations.txt and groups.txt."""
    return word in lexicon("peoples") or word in lexicon("nations") or word in lexicon("groups")


_NEXT_WORD = re.compile(r"['’]? ([a-z]+)\b")   # ("a workers' district": the plural's possessive too)
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")
# Who "her son", "her husband" … is, when the subject is a man whose mother, wife … the text has just named (and the
# other way round in a woman's life)
_INVERSE_OF_HIS = {"son": "mother", "husband": "wife", "father": "daughter", "brother": "sister"}
_INVERSE_OF_HERS = {"wife": "husband", "daughter": "father", "mother": "son", "sister": "brother"}
_KIN_NOUNS = "mother|wife|daughter|sister|father|husband|son|brother"
# (another marriage: "the widow of a general", "later remarried")
_ANOTHER_MATCH = re.compile(r"\b(?:remarried|widow\s+of|married\s+before|former\s+(?:husband|wife)|late\s+"
                            r"(?:husband|wife))\b")
# A child the parents took with them: "while he was still small, his parents moved …", "his mother moved with her
# three children to Moscow"
_PARENTS = frozenset(("mother", "father", "parents"))
_WITH_THE_CHILD = re.compile(r"\b(?P<small>(?:[Ww]hile|[Ww]hen)\s+(?:he|she)\s+was\s+(?:still\s+)?(?:small|little|"
                             r"young|a\s+child|a\s+boy|a\s+girl|an\s+infant|a\s+baby|a\s+toddler))\b"
                             r"|\bwith\s+(?:her|his|their)\s+(?:\w+\s+)?children\b")
_MOVED = re.compile(r"\b(?:moved|settled|returned|relocated|migrated|emigrated|fled|went|travelled|traveled|"
                    r"(?:was|were)\s+evacuated|took\s+(?:him|her|the\s+family))\b")
# A town said to be someone's home: "Paris was his home", "Tokyo remained Sorge's home for eight years" (not a "power
# base", nor a "home town" told later)
_HOME_OF = re.compile(r"\s+(?:was|remained|became|had\s+become|would\s+remain)\s+(?:(?P<own>his|her)|"
                      r"(?P<owner>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)['’]s)\s+"
                      r"(?:(?:real|true|only|chief|new|main)\s+)?(?:home|residence)\b"
                      r"(?!\s+(?:town|village|city|republic|region|country|province|port))")
_NAME_RUN = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")
_WORD_BEFORE = re.compile(r"\b([a-z]+)\s+$")
# What makes a first clause no main clause of its own, or a later one set against it (``_object_before``)
_SUBORDINATE = re.compile(rf"(?:(?i:{clauses.SUBORDINATING})|[Ww]hereas)\s")
_RELATIVE_WORD = re.compile(r"\b(?:that|which|who|whom|whose)\b")
_CONTRAST = re.compile(r"[\s,]*(?:while|whereas)\b|[\s,]*(?:though|although)\s+(?:he|she)\s+(?:himself|herself)\b")
_CONTRAST_BEFORE = re.compile(r"\b(?:while|whereas)\s*$")
_THOUGH_BEFORE = re.compile(r"\b(?:though|although)\s*$")
_HIMSELF = re.compile(r"\s*(?:he|she)\s+(?:himself|herself)\b")   # "although he himself stayed in Baku": another
_AND_BEFORE_CLAUSE = re.compile(r"\b(?:and|but)\b")
_AND_HE = re.compile(r"\b(?:and|but)\s+(?P<between>(?:[\w-]+\s+){0,4}?)(?:he|she)\b")   # (no comma: "…and soon he")
_BECAME = frozenset(("became", "become", "becomes", "remained", "buried"))   # what one became; one buried
_KILLING_KINDS = frozenset(("massacre", "death"))
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their|its)\s+$")   # "the disgraced Bukharin"
_LIST_GOES_ON = re.compile(r"\s*(?:,|\s(?:and|or|with)\s)\s*[A-Z]")
_PASSIVE_AFTER = re.compile(r"(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn|ken)\b")
_PREP_BEFORE = re.compile(r"\b(?:in|at|of|from|to|on|near|across|through|into|for|throughout)\s+(?:the\s+)?$")
# A group word as the object of a leading preposition, the phrase going on after it: no subject
_IN_A_PHRASE = re.compile(r"\b(?:[Dd]uring|[Aa]fter|[Bb]efore|[Ii]n|[Aa]mid|[Dd]espite|[Ss]ince|[Tt]hroughout|[Uu]nder|"
                          r"[Ww]ithin|[Aa]mong|[Ff]or|[Aa]gainst)\s+(?:the\s+|an?\s+)?(?:[a-z-]+\s+){0,2}$"
                          r"|\b[Aa]t\s+the\s+$")                # (not "At last the Red Army …", "At dawn the …")
_PHRASE_GOES_ON = re.compile(r"\s+(?:of|in|at|on|against)\b|\s*[,;]")
_BODY = re.compile(r"\s+(?:embalmed\s+)?(?:body|remains|ashes|coffin|corpse)\b")
# One's own fellows or vehicle, after a possessive: "Mao's column", "Stalin's train", "Lenin's party of émigrés"
_OWN_FELLOWS = re.compile(r"\s+(?:[a-z]+\s+)?(?:" + _FELLOW_WORDS + r")\b")
_A_BEFORE = re.compile(r"\b[Aa]n?\s+$")
_NOUN_THEN_NAME = re.compile(r"\s+[a-z]+\s+[A-Z][\w'’-]+\s+[A-Z]")   # "… journalist Phillip Knightley"
# words after a group that leave it a noun of its own: "the army was", "the police who", "troops and"
_AFTER_A_GROUP = frozenset("""was were is are had has have would could did and or of in at to on from for with by
    who which that whom whose then also soon later still now again there here themselves itself under near into
    against towards toward across through over behind beyond along around""".split())


def _modifies_a_noun(part: str, end: int) -> bool:
    """A group word (after "a" or "an") right before a noun only says what kind of thing that is: "a
    government dacha", "an army hospital" (not "an army marched", "a government was formed")."""
    m = _NEXT_WORD.match(part, end)
    if m is None:
        return False
    word = m.group(1)
    return word not in _AFTER_A_GROUP and word not in verbs() and clauses.VERB.fullmatch(word) is None \
        and not word.endswith("ly") and word not in _GROUP_WORDS


def _inverted_subject(sentence: str, actors: Actors):
    """"Chief among them were Kamenev, Stalin and Muranov": people named right after the verb."""
    m = re.match(r"^[A-Z][^,;]{0,40}?\b(?:were|was)\s+((?:[A-Z][\w'’-]+(?:\s+|,\s*|\s+and\s+))+)", sentence + " ")
    if not m:
        return None
    tokens = [t for t in re.split(r"(?:,\s*|\s+)", m.group(1)) if t and t != "and"]
    if not actors.is_person(tokens):
        return None
    return "name", m.group(1).strip() + (" and" if len(tokens) > 1 else "")


def _one_person(who: str) -> bool:
    """Whether an actor's name is one person's ("Gorkić", "Nicholas II"), not a body of people ("the Red Army",
    "Soviet troops", "Central Committee", "Czechs") nor a few ("Molotov and Beria")."""
    words = who.split()
    return bool(words) and who[:1].isupper() and " and " not in who and not any(
        _is_a_people(w) or w.lower() in lexicon("groups") for w in words)


def _may_be(who: str, pronoun: str) -> bool:
    """Whether "he" or "she" may mean the person named: "he" any name but a woman's, "she" a woman's only (not
    "Oleg", nor "Andrea Costa": a first name in -a says nothing sure)."""
    return not is_woman(who) if pronoun == "he" else is_woman(who)


# A kin's clause that tells a death or what the kin was: no act of theirs a later "he" goes on with
_KIN_GONE = re.compile(r"\s+(?:(?:was|were)\s+(?:\w+\s+)?(?:a|an|the)\b|(?:had\s+)?died\b"
                       r"|(?:was|had\s+been)\s+killed\b)")
# Kin of one sex, who may be "he" or "she"
_MEN = frozenset("father husband son brother uncle grandfather grandson nephew stepfather cousin".split())
_WOMEN = frozenset("mother wife daughter sister aunt grandmother granddaughter niece stepmother cousin".split())
_WOMAN_SURNAME = re.compile(r"(?:ova|eva|yova|ina|aya)$")


def _leads_as(lead: tuple[str, str], pronoun: str) -> bool:
    """Whether the subject a sentence leads with (``Actors.subjects``' kind and words) may be the one ``pronoun``
    means later: one of that sex by name or kin, or for "she" a country or a ship ("Russia entered the war", "the
    steamer Rossiya"); not "her father" for "she", nor "the family" or "the war"."""
    kind, words = lead
    said = [w.lower() for w in words.split()]
    she = pronoun == "she"
    if kind == "pron":
        return False                               # (the chain of "she" itself, or another's pronoun)
    if kind == "name":
        return _may_be(words, pronoun)
    if kind == "kin":                              # (by name if named: "her sister Olga"; not "her father")
        return _may_be(words, pronoun) if words[:1].isupper() else any(w in (_WOMEN if she else _MEN) for w in said)
    return she and (kind == "place" or any(w in _VESSELS for w in said))


_VESSELS = frozenset("ship steamer vessel cruiser boat liner icebreaker yacht battleship frigate".split())


def is_woman(words: str) -> bool:
    """A woman's name: a woman's first name ("Maria Isaeva") or, alone, a Russian woman's surname
    ("Krupskaya", "Alliluyeva")."""
    parts = clean(words).split()
    if not parts:
        return False
    first = _bare(parts[0]).lower()
    if first in lexicon("female_names"):
        return True
    return len(parts) == 1 and first not in lexicon("given_names") and bool(_WOMAN_SURNAME.search(first))


_POSSESSIVE_END = re.compile(r"['’]s?$")
_ARTICLE = re.compile(r"^(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Aa])\s+")
_POSSESSIVE_S = re.compile(r"['’]s$")


def _bare(word: str) -> str:
    """A word without its possessive ending: "Stalin's" -> "Stalin" (and "Columbus" stays whole)."""
    return _POSSESSIVE_END.sub("", word)


def clean(words: str) -> str:
    """An actor's name without a leading article or possessive ending."""
    words = _ARTICLE.sub("", words)
    words = _POSSESSIVE_S.sub("", words)
    return words.strip(" ,")


# Whether a clause puts its subject at a place ------------------------------------------------------
_ALONG = frozenset("motion sending stay detention meeting".split())
_TO = frozenset("to into onto for towards toward via through across at in between among around down up along".split())
# A journey named by a noun is made by the clause's subject: "began a honeymoon in Germany".
_TRAVEL_NOUNS = frozenset(w.lower() for w in sections("event_words")["travel"])
_MOVERS = frozenset("him her them himself herself themselves".split())
# a line of a chronology that names its own subject: "his wife died …", "the Bolsheviks seized …"
_OWN_SUBJECT = re.compile(r"(?:his|her|their|its|the|a|an|he|she|they|it|there|this|these)\b")
_REFLEXIVES = frozenset("himself herself themselves".split())
# verbs of sending whose subject stays where it is (unlike "took his family to Sochi")
_SENT_AWAY = frozenset("send dispatch deport exile banish expel evacuate redeploy resettle".split())
# what is sent, when no one is: "military aid", "grain" (not "the next day", nor a person)
_THING = re.compile(r"(?:[a-z-]+\s+)*(?!(?:day|week|month|year|morning|evening|night|time)\b)[a-z-]+")
# One chosen to go somewhere for others: "elected Stalin as one of their delegates to a conference in …"
_CHOSEN_DELEGATE = re.compile(r"\b(?P<who>him|her|[A-Z][\w'’-]+)\s+as\s+(?:one\s+of\s+)?"
                              r"(?:(?:his|her|their|its|the|a|an)\s+)?(?:[a-z]+\s+)?"
                              r"(?:delegates?|representatives?|envoys?)\s+(?:to|at)\b")
_PAGES = 3000   # characters of a text long enough that a name used twice is a passing one
# The places one passes on the way to meet the subject are not where they met: "flew to Moscow by way of
# Cairo and Tehran to tell Stalin"
_ON_THE_WAY = frozenset(("via", "through", "of", "by", "across", "over"))
# A few leaders or men together, whom the text's subject may be one of ("the three leaders", "the trio")
_LEADERS = re.compile(rf"(?:{_FEW})$")
# A name, then what it was to the one talked about: "Marshal Mikhail Tukhachevsky, his most powerful patron,"
_HIS_APPOSITION = re.compile(r"((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+),\s+(?:his|her)\s+(?:[a-z-]+\s+){0,3}[a-z]+,")
# A relative clause between commas after a name, before its verb: "Radek, who could not enter Russia, stayed"
_WHO_BETWEEN_COMMAS = re.compile(r",\s+who\b[^,;]*,\s*")
# A name's own death, right after it (over an aside between commas): "… shot herself", ", his patron, had been shot"
_KILLED = r"(?:killed|shot|executed|murdered|hanged|assassinated)"
_DIED = re.compile(rf"(?:,[^,;]{{1,80}},)?\s+(?:(?:had\s+)?(?:died|was\s+{_KILLED}|been\s+{_KILLED})"
                   r"|(?:shot|hanged|killed|drowned)\s+(?:himself|herself)|committed\s+suicide)\b")
_THEY_MARRIED = re.compile(r"[Tt]hey\s+(?:were\s+|had\s+been\s+|got\s+)?married\b")
_WHERE_FEW = re.compile(rf",\s+where\s+(?:{_FEW})\b")
_AMONG_THEM_HERE = re.compile(r"[,(—]\s*((?:[A-Z][\w'’-]+\s+){1,3})among\s+them\b")
_AMONG_THEM = re.compile(r"(?:(?:Chief|Foremost|First|Prominent)\s+)?(?:[Aa]mong|[Oo]f)\s+them\s+(?:was|were)\s+")


@functools.cache
def _post_chain() -> re.Pattern:
    """A post held over something at the place, the place ending it: "head of the combat troops in",
    "inspector of cavalry of the Red Banner"."""
    posts = "|".join(sorted(lexicon("posts")))
    return re.compile(rf"\b(?:{posts})\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{1,4}}?(?:of|in|at)\s+(?:the\s+)?"
                      rf"(?:[A-Z][\w-]*\s+){{0,3}}$")


@functools.cache
def _post_of() -> re.Pattern:
    """A post right before the place, over "of the" and a rank: "First Secretary of the", "the chairman of the"."""
    posts = "|".join(sorted(lexicon("posts")))
    return re.compile(rf"\b(?i:{posts})\s+of\s+(?:the\s+)?$")


# Another place the post is held in, after its body: "the representative of the Moscow Bureau in Paris"
_IN_ANOTHER = re.compile(r"[^,.;]{0,40}?\b(?:in|at)\s+(?:the\s+)?[A-Z]")
# A body a post is held in, named after its place: "the Stavropol Regional Committee", "the Stavropol Kraikom"
_BODY_AFTER = re.compile(r"\s+(?:(?:City|Regional|Provincial|District|Party|Communist|Komsomol)\s+){0,3}"
                         r"(?:Committee|Kraikom|Obkom|Gorkom|Raikom|Soviet|Organisation|Organization|Bureau)\b")


# "…, and Tito accompanied them", "and he went with them"
_WENT_ALONG = re.compile(r",?\s+and\s+(?P<who>he|she|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(?:also\s+)?"
                         r"(?:accompanied|joined|followed|(?:went|moved|travelled|traveled|left)\s+with)\s+"
                         r"(?:them|him|her|it)\b")   # "the government left for Moscow, and Stalin moved with it"
# "Ribbentrop flew to Moscow, and that night he and Molotov signed a treaty": the subject did it with the mover
_TOGETHER_AFTER = re.compile(r",?\s+and\s+(?:(?:that|the\s+same|the\s+next)\s+[a-z]+\s+|then\s+|there\s+)?"
                             r"(?:he|she|they)\s+and\s+(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+[a-z]+")
# A predicate of its own after "and": "arrived in Moscow, and met Stalin"
_AND_THEN = re.compile(r"\s*,?\s*and\s+(?:then\s+|later\s+)?")
# "in Stalin's presence", "in the presence of Stalin", "… of Stalin and Mao" (words of tokens, joined by spaces)
_PRESENT_ONE = r"[A-Z][\w-]*+(?:\s+[A-Z][\w-]*+)?+(?!\s*['’])"      # (not "Petrov's wife", nor "Lavrenty" of
#                                                                  "Lavrenty Beria's son")
_PRESENCE = re.compile(rf"(?:the\s+presence\s+of\s+(?P<who>{_PRESENT_ONE}(?:(?:\s*,\s+{_PRESENT_ONE})*,?\s+and\s+"
                       rf"{_PRESENT_ONE})?)"
                       r"|(?P<own>[A-Z][\w'’-]*)\s*['’]s?\s+presence)")
# verbs of telling done face to face: "flew to Moscow to tell him …" puts him there (not "wrote")
_TOLD_IN_PERSON = frozenset("tell inform brief warn persuade convince assure ask urge mention explain confide".split())
_WENT_WITH = frozenset(("accompany", "follow"))  # verbs whose object went there too
# "Stalin named Zhukov his deputy. He sent him to Stalingrad", "He himself remained at Sviyazhsk": "he" is the other
_HIM_HERE = re.compile(r"\b(?:him|himself|her|herself)\b")
# "Kirov's speech", "Kirov, Mikoyan and Ordzhonikidze": not the subject alone
_NAME_GOES_ON = re.compile(r"['’]s\b|,\s+[A-Z]|\s+and\s+[A-Z]")
_OUT_OF = re.compile(r"\bout\s+of\s+(?:the\s+)?$")   # "locked the Reds out of Tsaritsyn": kept from it
_LEAVING = frozenset("leave quit depart abandon".split())     # verbs whose object is where one went from...
_LEFT_IN = frozenset(("in", "at"))                              # ...or one left behind there
# verbs that give their object a post where the place is: "appointed him commissar in Baku"
_APPOINTING_VERBS = ("appoint", "make made", "name", "elect", "promote", "nominate")   # (as the lexicon writes them)
_APPOINTING = frozenset(line.split()[0] for line in _APPOINTING_VERBS)
# their past forms, and choosing's, as written (the tagger knows "elected" only as a form in -ed)
_APPOINTED = frozenset(form for line in (*_APPOINTING_VERBS, "choose chose", "select")
                       for form, kind in inflected(line).items() if kind == "past")


def _after_who(sentence: str, end: int) -> int:
    """Where the verb of a name ending at ``end`` may stand: after a relative clause between commas ("Radek, who
    could not enter Russia, stayed in Stockholm")."""
    m = _WHO_BETWEEN_COMMAS.match(sentence, end)
    return m.end() if m is not None else end + 1


def _died_there(sentence: str, name: str) -> bool:
    """``name`` dies in ``sentence``: "Alliluyeva shot herself", "Tukhachevsky had been shot in Moscow"."""
    at = sentence.find(name)
    return at >= 0 and _DIED.match(sentence, at + len(name)) is not None


def _is_mover(words: str) -> bool:
    """Whether the object of a verb of sending is someone: a name, a pronoun, a group ("the kulaks")."""
    if not words:
        return False
    last = words.split()[-1]
    return last[0].isupper() or last.lower() in _MOVERS or last in _GROUP_WORDS
_AT = frozenset("in at near inside within on outside of beside around above below".split())


def present(link: Link, big: bool, *, moved: bool = False) -> bool:
    """Whether the clause puts its subject (or, ``moved``, the object its verb moves) at the place: a verb
    of motion towards it, of staying, being held or meeting there, of fighting at a town; not an order,
    a decree, a thought, a wish or a negation, nor a country or region acted on from afar."""
    if link.irrealis or link.negated:
        return False
    v = link.vclass
    if link.noun.lower() in _JOURNEYS and link.prep in _TO and not link.passive or roles.boarded(link):
        return True                                    # "led a delegation on a journey through the United States",
        #                                                "was put on a ship to Norway"
    if link.verb in lexicon("passing_verbs") and (link.prep == "" and not link.noun or link.prep == "of" and (
            not big or link.noun.lower() in lexicon("parts"))):
        return True                                    # "toured the Donbass", "inspected the defences of Kursk",
        #                                                "explored the coast of Cuba"
    if big and link.verb in ("publish", "print"):
        return False                                   # "allowed to publish one work in the Soviet Union": the book's
        #                                                place, not his (a paper published in Baku is his town's)
    if v in ("", "rule", "stay") and link.noun.lower() in lexicon("posts") and (big or link.prep == "of"):
        return link.prep in _AT or link.prep in ("to", "for")   # "military attaché in Germany", "appointed
        #                                                ambassador to Britain", "commissar for the Ukraine"
    if link.verb == "take" and link.noun.lower() in lexicon("posts") and link.prep == "of":
        return True                                    # "took command of the Moscow Military District"
    if link.verb == "take" and link.noun and link.prep in ("in", "at", "on") and not link.passive:
        return True                                    # "took the salute at the parade on Red Square"
    if link.verb == "take" and link.prep == "over" and not link.passive:
        return True                                    # "took over the Western Front"
    if v == "report" and link.prep == "from" and not link.passive:
        return True                                    # "telegraphed from Sochi that …": one reports from where one is
    if link.lead and v not in ("rule", "rename") and (not big or link.prep in ("along", "on")):
        return True                                    # "In Baku, he organised strikes", "In Moscow, he decided
        #                                                to …", "Along the Southwest Front, he became determined …"
    if link.prep == "of" and not big and v not in ("rule", "abstract", "rename") and link.noun.lower() in EVENTS_OF:
        return True                                    # "took part in the capture of Kazan": one fights there
    if link.prep in ("for", "on", "around") and not big and (v in ("combat", "motion") or link.verb == "serve") and \
            link.noun.lower() in clauses.BATTLES and clauses.fight_for(link.noun, link.prep):
        return True                                    # "served beside Zhukov through the battle for Moscow" (not
        #                                                "wrote an account of the battle for Stalingrad")
    if v in ("sending", "motion"):
        if _is_mover(link.mover) and not link.passive and not moved:
            return False                               # "sent Molotov to Berlin", "moved Stalin to Kureika"
        if v == "sending" and link.verb in _SENT_AWAY and _THING.fullmatch(link.mover) and not link.passive \
                and not moved:
            return False                               # "sent military aid to Spain": the sender stays
        # "entered the law faculty of Moscow University", "transferred to the headquarters of the Kiev
        # Military District": into a thing of the place
        return link.prep in _TO or link.prep in ("", "near") or (link.prep == "of" and bool(link.noun)) or (
            link.prep == "on" and link.verb in _ARRIVING)   # "landed on the Solovetsky Islands" (not "marched on
        #                                                     Moscow", towards it)
    if v in ("stay", "detention", "meeting"):
        # "graduated from Moscow University": a verb of staying names where it was even after "from"
        return link.prep in _AT or link.prep in ("", "subject", "to") or (
            v == "stay" and link.prep in ("from", "between", "among")) or (
            link.prep == "by" and not big) or (        # "buried by the Kremlin Wall": beside it, no agent
            link.prep == "from" and link.verb in ("release", "free"))   # "released from the Lubyanka": held there
    if v in ("combat", "create"):
        # "defended Tsaritsyn", "fought in Galicia"; not "invaded Poland", "attacked Finland"
        return not big or (v == "combat" and link.prep in ("in", "on", "at", "throughout", "across", "along", "around"))
    if v == "rule" and link.passive and link.prep == "" and link.verb in ("give", "entrust", "assign") and not big:
        return True                                    # "he was given the Bryansk Front": he commands it there
    if v == "rule":
        # "gave lectures at Sverdlov University", "signed it in Brest-Litovsk", "governed from Baku"; not "decreed
        # collectivisation in Ukraine"
        return not big and (link.prep in ("at", "in") or link.prep == "from" and link.verb in _GOVERNING)
    if v in ("abstract", "rename"):
        return False
    if big:
        if not v and link.prep in ("on", "in", "at", "against") and (link.noun.lower() in _OPERATIONS or any(
                kind == "battle" for kind, _, _ in kinds.kind_words(link.noun.lower()))):
            return True                                # "his assault on the Seelow Heights", "launched an
            #                                            offensive in Belarus"
        if link.noun.lower() in _TRAVEL_NOUNS:
            return link.prep in _TO                    # "voyages between Spain and the Americas"
        if link.noun.lower() in lexicon("sojourns"):
            return link.prep in _AT                    # "his service in Finland", "during his stay in Germany"
        return bool(link.verb) and link.prep in ("to", "into", "in", "on", "across", "through") and not link.noun
    return link.prep != "from"


_JOURNEYS = frozenset(sections("function_words")["journeys"])
_ARRIVING = frozenset("land disembark".split())   # (not "arrived on the Moscow train")
# Verbs of rule whose "from" is where the ruler sits ("governed from Baku"; not "purged them from Leningrad")
_GOVERNING = frozenset("govern rule run control administer direct command lead".split())
_OPERATIONS = frozenset("""offensive counter-offensive counteroffensive counterattack counter-attack campaign operation
    operations""".split())


# One made or let to go somewhere goes there, not the one who made or let them: "the police forced him to
# move to Omsk", "the German government allowed Lenin to cross Germany" (a wish or an invitation may not be
# carried out, and is left to the clause).
# One made, let, sent or told to do something, there: the one who does it ("function_words" [controlling])
_MADE_TO = re.compile(r"\b(?:" + "|".join(sorted(verb_forms("function_words", "controlling"), key=len, reverse=True))
                      + r")\s+"
                      r"(?P<who>him|her|them|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+to\s+(?P<verb>[a-z]+)\b"
                      r"(?:(?!\band\s+(?:was|were|had|himself|herself)\b)[^,;:])*$")   # (not over "and was arrested")
# what one made to do there is done there ("appointed him to defend Tsaritsyn", "sent him to build a power station
# at Kashira"), save thinking or saying of a place
_NOT_DONE_THERE = frozenset(("abstract", "report", "rename", "aspect"))
# What one had done to another, right before the place: "had him enrolled at", "had Kamenev sent to"
# (a person, not an owner: "had Lenin's agreement in Petrograd"; a verb's participle, not "had Zinoviev present"; and
# only up to the next predicate: "had Zinoviev removed from Leningrad and settled in Moscow himself"; not a story's
# present: "a story has him put on a steamer to Trebizond")
_HAD_DONE = re.compile(r"\b(?:had|having|got)\s+(?P<who>him|her|[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?!['’])"
                       r"\s+(?:[a-z]{3,}ed|sent|taken|brought|driven|thrown|held|kept|shot|beaten|flown|sworn|"
                       r"given|chosen|caught|led|put)\b(?:(?!\b(?:and|while|but)\b)[^,;:])*$")
# "born in" after a noun phrase with its determiner: that one's birthplace ("met a woman born in ", "a Turkish Jew
# born in ", "his wife, born in "), not the subject's ("was actually born in"); unless a copula right before makes
# the noun the clause's subject ("he was the only child born in Kislovodsk that winter")
_BORN_AFTER_A_NOUN = re.compile(r"\b(?:a|an|the|his|her|their|one|some)\s+(?:[\w-]+\s+){0,2}?[A-Za-z][a-z]{2,},?"
                                r"\s+born\s+(?:[a-z]+\s+){0,2}?(?:in|at|near|on)\s+(?:the\s+)?(?:[a-z]+\s+)?$")
_COPULA_BEFORE = re.compile(r"\b(?:was|is|were|are|became|remained)\s+$")
# someone named, "a native of" a place in apposition (not "he was a native of Kunming", the subject's own)
_NATIVE_OF_A_NAME = re.compile(r"((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+),\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
                               r"native\s+of\s+(?:the\s+)?$")
# what a relative clause does for the subject, right before the place: "who arranged his escape to", "who paid for
# his schooling at" (not "who travelled with his wife to")
_HIS_EVENT_BEFORE = re.compile(r"\b(?:his|her)\s+(?:[a-z]+\s+)?(?:escape|journey|trip|travel|schooling|studies|"
                               r"education|release|transfer|return|flight|move|exile|arrest|passage)\s+"
                               r"(?:to|at|in|from|into)\s+(?:the\s+)?$")
_NAME_OF_BEFORE = re.compile(r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s+of\s+$")


# verbs whose object the subject was with: "accompanied her husband exiled to Siberia", "led the troops sent to …"
_ALONG_WITH = _WENT_WITH | frozenset(("join", "lead", "command", "head", "take", "bring"))
# the noun before a participle is the subject's own group: "he was one of the Bolsheviks exiled to Turukhansk"
_ONE_OF_THEM = re.compile(r"\b(?:was|were|is|are|became|remained)\s+(?:one\s+of|among|some\s+of|many\s+of)\s+"
                          r"(?:the\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}$")


def _participle_of(tokens: list, sentence: str, pos: int, link: Link) -> str | None:
    """The common noun a participle of sending says the place of, right after it with no object between
    ("revolutionaries exiled in Siberia", "peasants deported to Kazakhstan"): a reduced relative clause, about them
    and not the clause's subject. None when the verb has a subject or an object of its own ("the court exiled him to
    Siberia", "he was exiled") or the noun is a group the subject is said to be among. (Not holding: "a conference
    held in Mogilev" is no one held there.)"""
    if link.vclass != "sending" or link.passive or not link.verb:
        return None
    v = next((n for n in range(len(tokens) - 1, 0, -1) if tokens[n].start < pos and tokens[n].tag is T.VERB
              and tokens[n].lemma == link.verb), None)
    verb = v
    while v is not None and v >= 3 and tokens[v - 1].text.lower() in ("and", "or") and tokens[v - 2].tag is T.VERB \
            and tokens[v - 2].form == "past":
        v -= 2                                     # "revolutionaries killed or exiled in Siberia"
    if v is None or tokens[v].form != "past" or tokens[v - 1].tag is not T.WORD \
            or not tokens[v - 1].text[:1].islower() or tokens[v - 1].text.lower() in lexicon("function_words") \
            or v >= 2 and tokens[v - 2].tag is T.AUX:
        return None                                # (not "was twice exiled", "the family deported")
    after = next((t for t in tokens[verb + 1:] if t.tag is not T.ADV), None)
    if after is None or after.tag is not T.PREP:
        return None
    # the noun is an object (after a verb or a preposition: "met peasants", "tales of fellow revolutionaries"), not the
    # subject of a verb in the simple past that looks the same ("the front headquarters moved back to Kiev", "a cruise
    # that called at ports in England")
    n = v - 2
    while n >= 0 and v - n <= 4 and tokens[n].tag in (T.WORD, T.DET):
        n -= 1
    if n < 0 or tokens[n].tag not in (T.PREP, T.VERB) \
            or _ONE_OF_THEM.search(sentence, max(0, tokens[v - 1].start - 40), tokens[v - 1].start):
        return None
    # people (a group, kin), not a time ("spent three years exiled in Siberia") nor a place of work ("worked in the
    # hospital evacuated to Kazan"); and none the subject went along with or led ("accompanied her husband exiled to
    # Siberia", "lived with her parents exiled in Tobolsk", "led the troops sent to Tsaritsyn")
    noun = tokens[v - 1].text
    if not (noun in _GROUP_WORDS or noun.lower() in lexicon("kin")) or tokens[n].text.lower() == "with" \
            or tokens[n].tag is T.VERB and tokens[n].lemma in _ALONG_WITH:
        return None
    return noun


def anothers_birthplace(sentence: str, pos: int, subject: Subject | None = None) -> bool:
    """The place at ``pos`` is where the noun before "born" was born: "a woman born in Riga" (not "he was the
    only child born in Kislovodsk", where the noun is the clause's subject)."""
    born = _BORN_AFTER_A_NOUN.search(sentence, max(0, pos - 60), pos)
    if born is not None and not _COPULA_BEFORE.search(sentence, max(0, born.start() - 60), born.start()):
        return True
    native = _NATIVE_OF_A_NAME.search(sentence, max(0, pos - 80), pos)   # "married Lin Wei, a native of"
    return native is not None and not (subject is not None and subject.is_named(native.group(1)))   # (not "Young
    #                                                                                             Stalin, a native of")


# What happened to the person an event noun names, at the place right after: "the murder of Kirov in".
_EVENT_OF_HERE = re.compile(r"\b(?:murder|death|execution|arrest|assassination|funeral|burial|trial|killing)\s+of\s+"
                            r"((?:[A-Z][\w'’-]+\s+){1,3}?)(?:in|at|near)\s+(?:the\s+)?$")
# Nouns of a move whose "of" names who moves, whoever the clause's subject: "arranged the travel of
# volunteers to France".
_MOVES_OF = frozenset("""deportation deportations exile expulsion expulsions evacuation evacuations resettlement
    escape flight travel journey arrival return transfer""".split())
_EVENT_OF = re.compile(r"\b(?:deportations?|exile|expulsions?|evacuations?|resettlement|arrests?|executions?|"
                       r"murders?|imprisonment|massacres?|deaths?|flight|escape|travel|journey|arrival|return|"
                       r"transfer)\s+of\s+((?:the\s+)?[\w'’ -]+?)"
                       r"(?=\s+(?:from|to|in|at|into|and)\b|[,;.)]|$)")


# A group and a relative clause about some or all of them: "the kulaks, many of whom were deported to ".
_GROUP_RELATIVE = re.compile(r"(?P<who>\b(?:the\s+)?(?:[A-Za-z-]+\s+)?(?:" + _GROUPS + r"))\s*,\s+"
                             r"(?:(?:many|most|some|all|several|few|thousands|hundreds|half)\s+of\s+)?(?:whom|who)\s+"
                             r"(?P<rest>(?:[\w-]+\s+){1,5}?)(?:the\s+)?$")
# A relative clause right after a name or a group, up to the place: "Lenin, who was living in ".
_RELATIVE = re.compile(r"(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*(?:['’]s\s+[a-z]+)?)\s*,?\s+"
                       r"(?P<rel>who|that)\s+"
                       r"(?P<rest>(?:[\w-]+\s+){1,5}?)(?:the\s+)?$")
# A name and a past participle after a comma, up to the place: "Sergei Kirov, shot in the Smolny in "
_PARTICIPLE_AFTER_NAME = re.compile(r"(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*),\s+(?:[a-z]+ly\s+)?"
                                    r"(?P<verb>[a-z]+(?:ed|en|wn)|shot|held|kept|born|sent|brought|taken|led)\s+"
                                    r"(?P<rest>(?:[\w'’-]+\s+){0,6}?)(?:in|at|to|into|from|near|on)\s+(?:the\s+)?$")
_PRONOUN_INSIDE = re.compile(r"\b(?:he|she|they|we|I|it)\b")
# "Lenin's arrival in", "Lenin's long-awaited return to": adjectives between, never a clause ("Stalin's
# death he was arrested in").
_POSSESSED_EVENT = re.compile(r"(?:\b([A-Z][\w-]+)['’]s|\b([Hh]is|[Hh]er))\s+"
                              r"(?:(?!(?:he|she|they|it|was|were|had|has)\b)[a-z-]+\s+){0,2}?"
                              r"([a-z]+)\s+(?:in|at|to|into|from|for|of)\s+(?:the\s+)?$")


# A name alone between clause boundaries, after a subordinator or "and" at most: ", while Makhno,"
_NAME_ALONE = re.compile(r"[\s,]*(?:(?:while|when|and|but|as|though|although|whereas)\s+)?"
                         r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\s*,?\s*")
# A sentence that sets someone beside the story's own time: "Adolf Hitler was living in Vienna at the same time"
_ASIDE_IN_TIME = re.compile(r"\b(?:at\s+the\s+same\s+time|[Mm]eanwhile|in\s+the\s+meantime|by\s+coincidence)\b")
# One who has another arrested is not where the arrest is: "Stalin had him arrested in Baku".
_CAUSED = re.compile(r"\b(?:had|has|have|having|got|get|ordered)\s+(?:[\w'’-]+\s+){1,3}?(?:arrested|detained|seized|"
                     r"held|imprisoned|interned|jailed|shot|executed)\b")


def _place_end(places: Places, pos: int) -> int | None:
    """Where the place that starts at ``pos`` ends."""
    return next((e for s, e, _ in places if s == pos), None)


# The armed men someone leads ("his armies", "her partisan detachments"): what they took, the one who led them did
_OWN_FORCES = re.compile(r"(?:(his)|her)\s+(?:[a-z-]+\s+){0,2}?(?:" + "|".join(
    sorted(lexicon("military_units") | lexicon("formations"), key=len, reverse=True)) + r")", re.IGNORECASE)
_FORMER = re.compile(r"\b(?:old|former|late|onetime|one-time|ex)\b", re.IGNORECASE)
# done to them: a participle after "were" (not "were in Berlin by May", "were the first to reach the Oder")
_DONE_TO_THEM = re.compile(r"\s+(?:had\s+)?(?:were|was|been|being|got)\s+(?:[a-z]+ly\s+)?"
                           r"(?:[a-z]+(?:ed|en|wn|ght|ung)|shot|hit|slain|struck|held|cut|left|lost|put)\b")
_SUFFERED = frozenset(("death", "massacre", "arrest", "prison", "deportation", "exile"))
# a sentence a name opens, after a date: "In 1943 Erich von Manstein counterattacked."
_NAME_LEADS = re.compile(r"(?:(?:In|On|By|At|From)\s+[^,.;A-Z]*\d{4},?\s+)?"
                         r"((?!(?:He|She|They|His|Her|Their|The|In|On|By|At|From|After|Before|When|Then)\b)"
                         r"[A-Z][\w'’-]+(?:\s+(?:von\s+|de\s+|van\s+)?[A-Z][\w'’-]+)*)\s+[a-z]")
# the subject told of as elsewhere: "while he was in Moscow, his armies took Lviv", "he himself stayed at …"
_ELSEWHERE = re.compile(r"\b(?:while|when|as)\s+(?:he|she)\s+(?:was|stayed|remained)\b"
                        r"|\b(?:he|she)\s+(?:himself|herself)\b"
                        r"|\b(?:he|she)\s+(?:was|stayed|remained)\s+(?:still\s+)?(?:in|at)\b", re.IGNORECASE)
# commanded an army, a front…: "commanded the First Cavalry Army", "was given command of the Kalinin Front"
_COMMAND_OF = r"\b(?:commanded|command\s+of|commander\s+of|in\s+command\s+of)\s+(?:[\w'’-]+\s+){0,4}?"
_FORMATIONS = (r"[Aa]rm(?:y|ies)|[Ff]ronts?|[Dd]ivisions?|[Cc]orps|[Ff]leets?|[Bb]rigades?|[Rr]egiments?|[Dd]etachments?|"
               r"[Gg]roup")
_COMMANDED = re.compile(_COMMAND_OF + rf"(?:{_FORMATIONS}|[Ff]orces|[Tt]roops)\b")
_COMMANDED_FORMATION = re.compile(_COMMAND_OF + rf"(?:{_FORMATIONS})\b")   # (not "the armed forces")

# Fighting in a battle named after a land is fighting there: "fighting in the Battle of the Caucasus" (not one fought
# from afar: "fought in the Battle of Britain from bases in France")
_IN_A_NAMED_BATTLE = re.compile(r"\b(?:in|at)\s+the\s+(?:[Bb]attles?|[Ss]iege|[Dd]efen[cs]e)\s+(?:of|for)\s+"
                                r"(?:the\s+)?$")
# What a commander does from afar, or to a place the enemy or he came from, or says he did (not his battles)
_FROM_AFAR = frozenset(("annex", "bomb", "shell", "raid"))
_FROM_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}?from\b")
_REPORTED_BEFORE = re.compile(r"\b(?:wrote|said|claimed|boasted|recalled|told|reported|announced)\b[^.;]*\bthat\b")

_ORDERED = "|".join(sorted(sections("done_to")["verbs"], key=len, reverse=True))
_DONE_TO = "|".join(sorted(sections("done_to")["nouns"], key=len, reverse=True))
_DONE_TO_BEFORE = re.compile(rf"\b(?:{_ORDERED})\s+(?:(his)|(her))\s+(?:{_DONE_TO})\s+(?:to|in|at|from)\s+(?:the\s+)?$",
                             re.IGNORECASE)
# The subject's own craft right before the place: "halted his trains at Nizhneudinsk"
_OWN_CRAFT_BEFORE = re.compile(r"\b(his|her)\s+(?:[a-z]+\s+)?(?:" + "|".join(sections("function_words")["crafts"])
                               + r")\s+(?:at|in|near|to|into)\s+(?:the\s+)?$", re.IGNORECASE)
_HIS_DONE_TO = re.compile(rf"\b(?:{_ORDERED})\s+(?:his|(her))\s+(?:{_DONE_TO})\b")


def _done_to(sentence: str, he: bool) -> bool:
    """Whether the sentence tells what another ordered done to the one "his" ("her", not ``he``) means: "Stalin
    ordered his transfer to Leningrad. He never reached the city": "he" is still the one transferred."""
    return any(bool(m.group(1)) != he for m in _HIS_DONE_TO.finditer(sentence))


def _possessor(sentence: str, pos: int) -> str | None:
    """The person whose event noun the place at ``pos`` hangs on: "Lenin's arrival in Petrograd"."""
    m = _POSSESSED_EVENT.search(sentence, max(0, pos - 60), pos)
    if m is None or m.group(3).endswith("ed") or verbs().get(m.group(3), ("", "", "base"))[2] != "base" or (
            not kinds.kind_words(m.group(3)) and m.group(3) not in lexicon("sojourns")):
        return None                                    # a noun, not a verb: "arrival", not "arrested" or "went"
    if m.group(2) is not None and not sentence.endswith(("of ", "of the "), 0, m.end()):
        return None                                    # "his" only before "of": "his grain tour of Siberia"
    return m.group(1) or m.group(2).lower()            # (or time spent: "Lenin's years in Switzerland")


def _noun_argument(sentence: str, link: Link, pos: int) -> str:
    """The people an event noun of the clause names: "the deportation of the Chechens to Kazakhstan"."""
    lo, _ = link.clause
    m = None
    for m in _EVENT_OF.finditer(sentence, lo, pos):
        pass
    return clean(m.group(1)) if m else ""
