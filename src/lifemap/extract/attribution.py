"""Whose event a found place is, and what happened there: a second opinion on the rules, learnt from annotated texts.

The rules (``actors``, ``roles``) name one actor for every located place. On the dev texts they give
the subject about one event in seven that the annotators give someone else or no one, and give
someone else or no one about one in ten of the subject's own. A logistic model reads the rules'
answer together with how the place hangs on its clause (the preposition, the verb's class and voice,
an object moved), the words before it (names only as "a name"), where the sentence names the
subject, whose pronouns come before the place, the event's kind, how sure the place and the date
are and how many places the sentence holds, and overturns the answer only where it is sure
(``ExtractOptions.demote_below`` / ``promote_above``): a place it doubts is the subject's becomes no
one's ("unknown"), and one the rules gave no one becomes the subject's. It never takes a place from
an actor the rules named: they read who did it, which the model cannot ("Stalin sent Molotov to
Berlin"). A second model over the same features, trained on whether the annotators have an event
at the place at all, drops the events it is sure are none (``drop_below``): two or three of the
rules' extras for each true event lost, on the dev texts cross-validated.

The weights are data (``data/attribution.json``), written by ``bench/train_attribution.py`` from a
table of the rules' readings of the dev part of ``bench/gold`` only (it prints the figure
cross-validated over the dev texts); the held-out part decides whether a model stays. The table is
read anew from the texts only on purpose (``--refresh``): a change to the rules is judged with the
models as shipped, and refitting them, which moves decisions the change never touched, is judged by
itself. A test fails while the shipped weights are not what the table gives.

A third, multinomial model reads the same and the kinds of the sentence's event words, and names what
happened at the place by the annotators' kinds (``relabel``, run after the rules' last passes): the
rules' kind was right for about half the dev events, the model's for about two in three,
cross-validated. The subject's birth and death stay the rules'.
"""
from __future__ import annotations

import functools
import json
import math
import operator
import re
from collections import Counter
from dataclasses import dataclass, replace
from importlib import resources

from ..dates import DateSpan
from ..events import Event
from ..gazetteer import Place
from ..lexicon import sections
from ..route import NOT_A_STOP
from ..subject import Subject
from . import kinds
from .actors import anothers_birthplace
from .clauses import Link
from .options import ExtractOptions

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_CAPITAL_INSIDE = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+")     # a capitalised word that opens no sentence
_PRONOUNS = {"he": frozenset(("he", "him", "his", "himself")), "she": frozenset(("she", "her", "hers", "herself"))}
_THEY = frozenset(("they", "them", "their"))
# the sentence's first word, kept where it says who or when the sentence is about
_OPENERS = frozenset(("he", "she", "they", "his", "her", "in", "on", "at", "after", "the", "when", "from"))
_MOVED_PRONOUNS = frozenset(("him", "her", "them", "himself", "herself", "themselves"))
_WINDOW = 6          # words before the place read as a bag


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float

    def probability(self, features: list[str]) -> float:
        """How likely the answer is yes, by the annotators' lights, for an event with these features."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1 / (1 + math.exp(-z))


@dataclass(frozen=True)
class KindModel:
    """A multinomial logistic model: for each kind a bias, and each feature's weight for each kind."""

    kinds: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]
    biases: tuple[float, ...]

    def probabilities(self, features: list[str]) -> dict[str, float]:
        z = list(self.biases)
        for w in map(self.weights.get, features):
            if w is not None:                  # (the same sums in the same order, added in C: twice as fast)
                z = list(map(operator.add, z, w))
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return {k: v / total for k, v in zip(self.kinds, e)}


@dataclass(frozen=True)
class Models:
    whose: Model        # the place is the subject's own (the annotators give it to the subject)
    located: Model      # the place is an event at all (the annotators have an event there)
    kind: KindModel     # what happened there, by the annotators' kinds


@functools.cache
def models() -> Models:
    data = json.loads(resources.files("lifemap").joinpath("data", "attribution.json").read_text(encoding="utf-8"))
    k = data["kind"]
    return Models(*(Model(data[q]["weights"], data[q]["bias"]) for q in ("whose", "located")),
                  KindModel(tuple(k["kinds"]), {f: tuple(w) for f, w in k["weights"].items()}, tuple(k["biases"])))


@dataclass(frozen=True)
class Reading:
    """What the model is shown of one event: the rules' answer, how the place hangs on its clause,
    and the sentence around it."""

    actor: str
    kind: str
    place_source: str       # "curated", "geonames", "regions", "context"…
    place_kind: str         # the gazetteer's kind: city, country, region…
    carried: bool           # the date came from elsewhere than the event's own words
    confidence: float
    precision: str          # the date's ("" when undated)
    sentence: str
    name_start: int         # the place's offsets in the sentence
    name_end: int
    places_in_sentence: int
    link: Link              # the preposition, the verb's class and voice, a noun or an object moved

    @classmethod
    def of_event(cls, e: Event, place: Place | None, places_in_sentence: int, link: Link) -> "Reading":
        ev = e.evidence
        return cls(e.actor, e.kind, ev.place_source, place.kind if place is not None else "", ev.carried,
                   ev.confidence, e.span.precision if e.span is not None else "", ev.sentence,
                   ev.name_start - e.source.start, ev.name_end - e.source.start, places_in_sentence, link)


def features(r: Reading, subject: Subject) -> list[str]:
    """The reading as named binary features."""
    lo = max(0, r.name_start)
    # (a name says who or where, which the features below say better: it only stands for "a name")
    before = [_word(w) for w in _WORD.findall(r.sentence[:lo])]
    after = [_word(w) for w in _WORD.findall(r.sentence[r.name_end:])]
    act = "subj" if r.actor == subject.name else "unk" if r.actor == "unknown" else "other"
    named = [m.start() for m in subject.mentions(r.sentence)]
    own = _PRONOUNS.get(subject.pronoun, _PRONOUNS["he"])
    other = _PRONOUNS["she" if own is _PRONOUNS["he"] else "he"]
    words = set(before)
    return [
        f"act={act}",
        f"kind={r.kind}",
        f"src={r.place_source}",
        f"pk={r.place_kind}",
        f"carried={r.carried}",
        f"conf={r.confidence:.1f}",
        f"prec={r.precision if not r.carried else ''}",
        "w1=" + (before[-1] if before else "^"),
        "w2=" + ("_".join(before[-2:]) if len(before) > 1 else "^"),
        "a1=" + (after[0] if after else "$"),
        *sorted(f"bw={w}" for w in set(before[-_WINDOW:])),
        "subj=" + ("none" if not named else "before" if min(named) < lo else "after"),
        "first=" + (before[0] if before and before[0] in _OPENERS else "x"),
        f"caps={min(len(_CAPITAL_INSIDE.findall(r.sentence[:lo])), 3)}",
        f"np={min(r.places_in_sentence, 4)}",
        f"pos={min(int(4 * lo / max(1, len(r.sentence))), 3)}",
        f"ownp={int(bool(words & own))}",
        f"othp={int(bool(words & other))}",
        f"they={int(bool(words & _THEY))}",
        f"prep={r.link.prep}",
        f"vclass={r.link.vclass}",
        f"passive={r.link.passive}",
        f"lead={r.link.lead}",
        f"noun={bool(r.link.noun)}",
        "mover=" + ("" if not r.link.mover else "pronoun" if r.link.mover.lower() in _MOVED_PRONOUNS else "name"),
    ]


def kind_features(r: Reading, subject: Subject, said: list[str] | None = None) -> list[str]:
    """What the model of kinds reads: what the others read (``said``, if already read), the kinds of the
    sentence's event words (``kinds.kind_words``: all of them, the nearest before the place and the nearest
    after it), and the verb and the noun the place hangs on."""
    words = kinds.kind_words(r.sentence)
    before = [k for k, _, end in words if end <= r.name_start]
    after = [k for k, start, _ in words if start >= r.name_end]
    return [*(features(r, subject) if said is None else said), *sorted({f"kw={k}" for k, _, _ in words}),
            *([f"kwb={before[-1]}"] if before else []), *([f"kwa={after[0]}"] if after else []),
            f"verb={r.link.verb}", f"noun={r.link.noun.lower()}"]


# Kinds the model of kinds leaves to the rules in the subject's life: a birth and a death are read from their
# own words, and a stop it called one of the kinds no route stops at would leave the subject's route
_RULES_KINDS = frozenset(("birth", "death"))
_NO_STOP = frozenset(NOT_A_STOP)


# The event words of kind "other" are those of a burial (data/lexicon/event_words.txt); the annotators
# file a burial place under the death, and the model of kinds learns to
_BURIAL = "kw=other"


def buried(kind: str, features: list[str]) -> bool:
    """Whether an event the rules call ``kind`` is a burial: "other", with a word of burial in its sentence."""
    return kind == "other" and _BURIAL in features


def kind_of(m: KindModel, features: list[str], kind: str, actor: str, subject: str) -> str:
    """The event's kind after the model of kinds has had its say: its likeliest, but for the subject's own
    event never a birth or a death (theirs are the rules', read from their own words; a burial may be the
    death's) nor a kind that is no stop; a birth or a death the rules read stands."""
    if kind in _RULES_KINDS:
        return kind
    barred = (_RULES_KINDS | _NO_STOP) if actor == subject else frozenset()
    if actor == subject and buried(kind, features):
        barred = barred - {"death"}
    p = m.probabilities(features)
    return max((k for k in p if k not in barred), key=p.get, default=kind)


def _word(w: str) -> str:
    """A word as the model reads it: lowercased, a capitalised one (but a sentence's opener) "Name"."""
    return "Name" if w[0].isupper() and w.lower() not in _OPENERS else w.lower()


def readings(found: list[tuple[Event, tuple[Place, ...]]], links: list[Link]) -> list[Reading | None]:
    """The reading of each of a text's events, in order, with how each place hangs on its clause
    (None for an event without evidence)."""
    per_sentence = Counter(e.source.start for e, _ in found)
    return [Reading.of_event(e, next((p for p in used if p.id == e.place), None), per_sentence[e.source.start], link)
            if e.evidence is not None else None for (e, used), link in zip(found, links)]


def attribute(found: list[tuple[Event, tuple[Place, ...]]], shown: list[Reading | None], subject: Subject,
              options: ExtractOptions,
              said: dict[int, list[str]] | None = None) -> list[tuple[Event, tuple[Place, ...]]]:
    """The events with the models' second opinion (``shown``: their readings): those the model of events
    is sure are none dropped, the others with the actor ``decide`` gives them. ``said``: the readings'
    features by ``id`` (``features_once``), kept for ``relabel``."""
    if not options.attribution or not found or subject.name == "unknown":
        return found
    m = models()
    out = []
    for (e, used), r in zip(found, shown):
        if r is None or agreed(e.kind, e.actor, e.span, own_date(e), subject):
            out.append((e, used))
            continue
        actor = judge(m, features_once(r, subject, said), e.actor, subject.name, options)
        if actor is None:
            continue
        if actor == subject.name and never_theirs(r, subject):
            actor = e.actor
        if e.actor == subject.name and actor == "unknown" and e.summary.startswith(_LEFT):
            continue                           # a place the subject left, which the model doubts is theirs (the
            #                                    annotators give a departure no row) is no one else's either: no
            #                                    event, not "Left Lisbon (someone else)"
        if e.actor == subject.name and actor != e.actor and e.kind in ("birth", "death") and not own_date(e):
            e = replace(e, span=None)          # a birth or death taken from them keeps no date lent by theirs or
            #                                    by the next sentence (as lifemap.extract's _one_death drops it)
        out.append((e if actor == e.actor else _with_actor(e, actor, subject), used))
    return out


_LEFT = tuple(f"{says} " for says in kinds.SAYS_LEFT.values())


def agreed(kind: str, actor: str, span: DateSpan | None, own: bool, subject: Subject) -> bool:
    """Whether an event is the subject's birth or death as the rules read it, dated by its own words
    (``own``: not by the narrative's date, nor by the opening's for want of one) on the day the opening
    gives ("Solzhenitsyn died near Moscow on 3 August 2008" in the life of "(11 December 1918 – 3 August
    2008)"): two parts of the text agree, and the models do not doubt it."""
    life = {"birth": subject.born, "death": subject.died}.get(kind)
    if life is None or actor != subject.name or span is None or not own:
        return False
    return span.precision != "decade" and span.first_day <= life.first_day and life.last_day <= span.last_day


def never_theirs(r: Reading, subject: Subject) -> bool:
    """Whether the rules read the place as one the subject cannot be at: someone else moved there ("Stalin
    sent her to Moscow" in a man's life, "him" in a woman's), one a verb of refusing governs ("declined an
    invitation to a congress in Berlin"), or another's birthplace ("met a woman born in Riga"). The models,
    which see none of these, may not give it to the subject."""
    other = ("her", "herself") if subject.pronoun == "he" else ("him", "himself")
    return r.link.mover.lower() in other or r.link.verb in sections("function_words")["refusing"] or \
        anothers_birthplace(r.sentence, r.name_start, subject)


def own_date(e: Event) -> bool:
    """Whether the event's date is its own words' (not the narrative's, the next sentence's or none)."""
    return e.evidence is not None and bool(e.evidence.date_text) and not e.evidence.carried


def relabel(found: list[tuple[Event, tuple[Place, ...]]], shown: dict[int, Reading], subject: Subject,
            options: ExtractOptions,
            said: dict[int, list[str]] | None = None) -> list[tuple[Event, tuple[Place, ...]]]:
    """The events with the kind the model of kinds gives each (``kind_of``); ``shown``: the readings by
    the offset of the place's name. Run last: what the rules conclude from kinds (a birth is one, what
    only the living do ends with the death) reads the rules' kinds, which it was built on."""
    if not (options.attribution and options.learnt_kinds) or subject.name == "unknown":
        return found
    m = models().kind
    out = []
    for e, used in found:
        r = shown.get(e.evidence.name_start) if e.evidence is not None else None
        # (a kind a later rule gave stands: "Soviet books moved his birthplace to Kursk" is no second birth,
        # and no move either)
        if r is not None and r.kind == e.kind and said_plainly(e.summary, e.kind, e.evidence.name, e.actor,
                                                               subject.name):
            read = kind_features(r, subject, features_once(r, subject, said))
            kind = kind_of(m, read, e.kind, e.actor, subject.name)
            if kind != e.kind:
                e = replace(e, kind=kind, summary=kinds.summary(kind, e.evidence.name, e.actor, subject.name,
                                                                buried=kind == "death" and buried(e.kind, read)))
                if kind == "death" and e.actor == subject.name and subject.died is not None and e.span is not None \
                        and e.span.last_day < subject.died.first_day:
                    e = replace(e, span=subject.died)  # no burial before the death the opening gives: a burial the
                    #                                    narrative dated 1887, of a woman who died in 1894
        out.append((e, used))
    return out


def features_once(r: Reading, subject: Subject, said: dict[int, list[str]] | None) -> list[str]:
    """``features(r, subject)``, read once per reading where ``said`` (by the reading's ``id``, its readings
    alive while it is) keeps them: the models of events and of kinds read the same."""
    if said is None:
        return features(r, subject)
    if id(r) not in said:
        said[id(r)] = features(r, subject)
    return said[id(r)]


def judge(m: Models, features: list[str], actor: str, subject: str, options: ExtractOptions) -> str | None:
    """The event's actor after the models' say, or None where the model of events is sure there is none."""
    if m.located.probability(features) < options.drop_below:
        return None                        # read as no event where the annotators' reading has none
    return decide(actor, m.whose.probability(features), subject, options)


def decide(actor: str, p: float, subject: str, options: ExtractOptions) -> str:
    """The actor once the model has had its say, ``p`` its probability that the place is the
    subject's: the subject's place it doubts becomes no one's; one the rules gave no one becomes the
    subject's when it is sure. One the rules gave another by name stays theirs: the rules read who
    did it, which the model cannot."""
    if actor == subject and p < options.demote_below:
        return "unknown"
    if actor == "unknown" and p > options.promote_above:
        return subject
    return actor


def said_plainly(summary: str, kind: str, name: str, actor: str, subject: str) -> bool:
    """The summary says no more than the kind and the place: one that says where a move came from or
    that the place was left keeps the rules' kind."""
    return summary == kinds.summary(kind, name, actor, subject)


def _with_actor(e: Event, actor: str, subject: Subject) -> Event:
    said = kinds.without_actor(e.summary, e.actor, subject.name)
    return replace(e, actor=actor, summary=kinds.with_actor(said, actor, subject.name))
