"""The extractor's thresholds and weights, in one frozen record (``extract(..., options=…)``).

Each figure was set on the development texts (bench/score.py --part dev) and kept only where the
held-out texts did not get worse; the comment says what it weighs.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractOptions:
    # Kinds: an event word further than ``far`` characters (after the costs below) is not the place's.
    far: int = 150
    travel_cost: int = 40            # a word of movement gives way to a nearby event word
    after_factor: int = 2            # a word after the place counts for less than one before it...
    after_cost: int = 20             # ...and this much less again
    other_clause_cost: int = 100     # a word in another clause counts for much less
    # Dates.
    stale_paragraphs: int = 6        # paragraphs after which the narrative's date is lost
    carry_sentences: int = 2         # within this many sentences of its paragraph a date carries as written
    date_other_clause_cost: int = 120
    date_later_cost: int = 400       # a date after "later" belongs to the step it tells, not to what came before
    date_other_verb_cost: int = 120  # a date after the place with another verb between is that verb's
    # Confidence: the mention's, times how the date was found, times how sure the kind is.
    date_weight_own: float = 1.0
    date_weight_borrowed: float = 0.8     # from the next sentence or the narrative
    date_weight_none: float = 0.6
    kind_weight_strong: float = 1.0
    kind_weight_weak: float = 0.95
    kind_weight_none: float = 0.85
    # The attribution models' second opinion (``attribution``): an event is dropped where the model
    # of events is this sure there is none, and the rules' actor overturned only where the model of
    # whose it is is this sure the place is not the subject's (below) or is (above).
    attribution: bool = True
    drop_below: float = 0.2
    demote_below: float = 0.3
    promote_above: float = 0.75
    # With ``attribution``, the model of kinds gives each event the kind it finds likeliest (but the
    # subject's birth and death, which the rules read from their own words, though their burial may be
    # the death's; and a birth or death the rules read).
    learnt_kinds: bool = True
    # A death of the subject's read this far from the one the text dates as its opening does is not theirs
    # (``_one_death``); nearer, it may be the same death told of its site ("shot in the Lubyanka cellars").
    same_death_km: float = 50.0
    # The next sentence tells the same event only if it names no town farther than this from the sentence's places
    # (a site in the town, the town again or "there" may tell it: "arrested in Baku. … taken to the Bailov prison";
    # not "the assault on the Seelow Heights … broke into Berlin on 21 April", 70 km on).
    same_event_km: float = 50.0
    # A known subject must be named this often for a text to be about them.
    subject_mentions: int = 3
    # Characters of text analysed at once: bounds the working memory of a long book, and that of the
    # rows of a text dense with events (at most about one event every eight characters).
    chunk: int = 1_000_000


DEFAULT = ExtractOptions()
