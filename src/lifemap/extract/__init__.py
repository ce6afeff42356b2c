"""Events from any text: sentences that name a place become dated, located events.

The stages, each a module of this package returning typed records:

1. ``narrative``: sentences, paragraphs, headings and captions;
2. mentions: place names with offsets, resolved as of the narrative's date (``lifemap.toponyms``);
3. ``clauses``: where clauses meet and what leads them;
4. ``roles`` and ``kinds``: whether a mention locates something, where a move starts, what happened;
5. ``dating``: each sentence's dates, the narrative's date, each event's date (Old Style marked);
6. ``actors``: who it happened to — the subject of the text (``lifemap.subject``) or someone else;
7. ``attribution``: models trained on annotated texts drop an event they are sure is none, withdraw
   the subject's place where they are sure it is not theirs, and give them one the rules gave no one
   where they are sure it is; last, a model of kinds names what happened at each place.

Each distinct place of a sentence that locates something becomes one ``lifemap.events.Event`` with
its ``Evidence`` (the place and date as written, the sentence, a confidence); ``extract`` returns
them as the same GeoDataFrame ``lifemap.load_events`` gives, so it goes straight into ``between``,
``route``, ``render`` and ``export``. Rows the text gives no date for are kept for review (no
``first_day``); maps and routes leave them out. Thresholds and weights: ``ExtractOptions``.

**Confidence** multiplies the mention's (curated 0.9, GeoNames 0.5–0.6, less for ambiguous or
out-of-period names) by how the date was found and how sure the kind is.
"""
from __future__ import annotations

import bisect
import functools
import os
import re
import sys
import warnings
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterator

from ..dates import DateSpan
from ..events import Event, Evidence, Source, to_frame as events_frame
from ..gazetteer import Gazetteer, Place, fold
from ..route import km
from ..subject import Subject, called, find_subject, given_name, life_dates, titled_by
from ..files import open_regular, same_file
from ..text import LIST_ITEM, cut, read_pieces
from ..toponyms import Mention, find_places, learn_persons
from . import attribution, clauses, dating, kinds, narrative as narrative_stage, roles
from .actors import Actors
from .dating import DateChoice, How, old_style_period, old_style_periods
from .kinds import MOVES, Strength
from .options import DEFAULT, ExtractOptions
from .tagger import T, tag

__all__ = ["extract", "extract_pieces", "concat", "events_in", "write_csv", "ExtractOptions", "DateWarning",
           "DuplicateInput", "old_style_period", "old_style_periods"]


class DateWarning(UserWarning):
    """A text gives an impossible date (31 February, a range that ends before it starts)."""


class DuplicateInput(UserWarning):
    """The same file was given twice (also through a link): its events would count double."""


def _documents(paths_or_text, size: int) -> list[tuple[str, Callable[[], Iterator[tuple[int, str]]], int]]:
    """``[(source name, its pieces, length)]``: a path's text is read in pieces when it is analysed
    (``lifemap.text.read_pieces``: a long file is never whole in memory, and a device or a pipe is
    refused before anything is read); a string that is no existing file's name is the text itself.
    A file named twice is read once."""
    items = [paths_or_text] if isinstance(paths_or_text, (str, os.PathLike)) else list(paths_or_text)
    docs, paths = [], []
    for n, item in enumerate(items, 1):
        if isinstance(item, os.PathLike) or (isinstance(item, str) and "\n" not in item and len(item) < 1024
                                            and item.strip() and os.path.isfile(item)):
            if any(same_file(item, earlier) for earlier in paths):
                warnings.warn(f"{item} is given more than once; it is read once", DuplicateInput, stacklevel=3)
                continue
            with open_regular(item) as handle:
                length = os.fstat(handle.fileno()).st_size
            paths.append(item)
            docs.append((Path(item).name, functools.partial(read_pieces, item, size), length))
        else:
            text = str(item)
            docs.append(("<text>" if len(items) == 1 else f"<text {n}>", functools.partial(cut, [text], size),
                         len(text)))
    return docs


def extract(paths_or_text, *, gazetteer: Gazetteer | None = None, progress: bool | None = None,
            fallback=True, old_style: bool | None = None, subject: Subject | str | None = None,
            options: ExtractOptions = DEFAULT):
    """Events found in files (paths) or texts, as an events GeoDataFrame (``lifemap.events.to_frame``)
    with one row per event and place, in text order, each with its evidence.

    ``fallback``: True opens the GeoNames index (``lifemap.geonames``, built once in the user
    cache), False uses the curated gazetteer alone; or pass an open ``GeoNames``. ``progress``: a
    tqdm bar on stderr (None: only for inputs over 2 MB). ``old_style``: whether unmarked days
    before the Gregorian switch of a calendar region (``lifemap.calendars``) are Old Style (None:
    judged per text). ``subject``: whose life the texts tell: a ``Subject``, a name ("Kamenev": the known
    subject or the text's own person of that name, ``lifemap.subject.called``), or None (found in each text).
    The frame's ``attrs["subjects"]`` lists the subject of each text.
    """
    frames = list(extract_pieces(paths_or_text, gazetteer=gazetteer, progress=progress, fallback=fallback,
                                 old_style=old_style, subject=subject, options=options))
    return concat(frames)


def concat(frames: list):
    """One events frame of the frames ``extract_pieces`` gives, with the subjects of all their texts."""
    import pandas as pd

    if not frames:
        return events_frame([], Gazetteer([]))
    subjects = list(dict.fromkeys(s for f in frames for s in f.attrs.get("subjects", ())))
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    frame.attrs["subjects"] = subjects
    return frame


def extract_pieces(paths_or_text, *, gazetteer: Gazetteer | None = None, progress: bool | None = None,
                   fallback=True, old_style: bool | None = None, subject: Subject | str | None = None,
                   options: ExtractOptions = DEFAULT, readings: list | None = None):
    """``extract``'s events one piece of text (``options.chunk`` characters) at a time, each an events
    frame with its text's subject in ``attrs``: what is written out as it comes (``lifemap extract``)
    needs memory for one piece only, however long the input and however many events it holds.
    ``readings``: as ``events_in`` takes it, one per row in the frames' order."""
    from tqdm import tqdm

    if isinstance(subject, str):
        subject = given_name(subject)                  # (a blank name: found in each text, as with None)
    docs = _documents(paths_or_text, options.chunk)
    gazetteer = gazetteer or Gazetteer.load()
    if fallback is True:
        from ..geonames import GeoNames

        fallback = GeoNames.open()
    total = sum(length for _, _, length in docs)
    show = progress if progress is not None else total > 2_000_000
    ids: Counter = Counter()
    with tqdm(total=total, unit="char", unit_scale=True, disable=not show, file=sys.stderr,
              desc="extracting") as bar:
        for name, pieces, _ in docs:
            who = subject if isinstance(subject, Subject) else None
            for offset, piece in pieces():
                who = who or _subject_of(piece, subject)   # the first piece holds the title and the opening
                events: list[Event] = []
                places: dict[str, Place] = {}
                for event, used in events_in(piece, name, gazetteer, fallback or None, subject=who,
                                             old_style=old_style, bar=bar, offset=offset, options=options,
                                             readings=readings):
                    events.append(event)
                    for place in used:
                        if place.id not in gazetteer:
                            places.setdefault(place.id, place)
                known = gazetteer.extended(places.values()) if places else gazetteer
                frame = events_frame(_with_ids(events, ids), known, order=False)
                frame.attrs["subjects"] = [who]
                yield frame


def _subject_of(text: str, name: str | None = None) -> Subject:
    """The text's subject (the person ``name`` calls, if given); one not known as data gets the periods the
    text's own headings date."""

    from ..periods import from_headings

    who = called(name, text) if name else find_subject(text) or Subject("unknown")
    if who.periods:
        return who
    lines = [line.strip() for line in text.splitlines() if 0 < len(line.strip()) < 120]
    # (a chronology's line is no heading: "1934: graduated from the academy")
    return replace(who, periods=tuple(from_headings([line for line in lines
                                                     if line[-1] not in ".!?" and not LIST_ITEM.match(line)])))


def _with_ids(events: list[Event], seen: Counter) -> list[Event]:
    """Ids ``<year>-<kind>-<place>`` (``undated-…`` without a date), numbered where they repeat in the
    whole extraction (``seen`` counts across pieces)."""

    return [replace(e, id=numbered(f"{e.span.start[:4] if e.span else 'undated'}-{e.kind}-{e.place}", seen))
            for e in events]


def numbered(base: str, seen: Counter) -> str:
    """``base`` the first time ``seen`` counts it, then ``base-2``, ``base-3``…"""
    seen[base] += 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


def write_csv(frames, path: str | os.PathLike) -> Path:
    """Write events (a frame, or frames one after the other as ``extract_pieces`` gives them; their
    columns but the geometry) as UTF-8 CSV, atomically: no reader sees half a file. Written as they
    come, row by row; text a spreadsheet would run as a formula gets a leading apostrophe
    (``records.spreadsheet_safe``)."""
    import itertools

    import pandas as pd

    from ..events import FRAME_COLUMNS
    from ..files import write_atomically
    from ..records import write_rows

    frames = iter([frames] if isinstance(frames, pd.DataFrame) else frames)
    first = next(frames, None)
    columns = [c for c in (FRAME_COLUMNS if first is None else first.columns) if c != "geometry"]

    def cell(value):  # as pandas writes them: a missing value is an empty cell
        return "" if value is None or value is pd.NA or value is pd.NaT or value != value else value

    def rows():
        for frame in itertools.chain([] if first is None else [first], frames):
            # a column at a time into Python values: iterating the rows of Arrow-backed strings was
            # most of the time a corpus took to merge
            for row in zip(*(frame[c].tolist() for c in columns)):
                yield [cell(v) for v in row]

    return write_atomically(path, lambda tmp: write_rows(tmp, columns, rows()))


# One text -----------------------------------------------------------------------------------------
def events_in(text: str, source: str, gazetteer: Gazetteer, fallback=None, *, subject: Subject | None = None,
              old_style: bool | None = None, bar=None, offset: int = 0,
              options: ExtractOptions = DEFAULT, readings: list | None = None) -> list[tuple[Event, tuple[Place, ...]]]:
    """The events of one text and the places each uses (offsets into the text plus ``offset``).
    ``readings``: a list given to receive each event's ``attribution.Reading`` (what the attribution
    model is shown, before it has its say), in the order of the events (``bench/train_attribution.py``)."""
    story = narrative_stage.read(text)
    if not story.spans:
        return []
    subject = subject or find_subject(text) or Subject("unknown")
    starts = [a for a, _ in story.spans]
    if old_style is None:
        periods = old_style_periods(text)
    else:
        periods = dating.all_old_style() if old_style else {}
    # the text tells the subject's life: it keeps naming them, or it opens with their lifespan
    about = len(subject.mentions(text)) >= options.subject_mentions or (
        subject.is_named(text[:400]) and any(life_dates(text))) or titled_by(subject, text)
    line = dating.timeline(story, subject.born, subject if about else None)
    for start, end, written, reason in line.problems:  # reported, never guessed
        warnings.warn(f"{source}: characters {offset + start}–{offset + end}: {written!r} is not a date: {reason}",
                      DateWarning, stacklevel=2)
    # (the subject's own names too: "In Yan'an Mao wrote …" is no place "Yan'an Mao")
    names = (subject.name, subject.full_name, *subject.aliases, *subject.given)
    persons = learn_persons(text) | {fold(w) for n in names for w in n.split() if w[:1].isupper()}

    def when(pos: int):
        i = max(0, bisect.bisect_right(starts, pos) - 1)
        own = [d for d in line.dates[i] if not d.foreign]
        span = own[0].span if own else (line.context[i].span if line.context[i] else None)
        return span.first_day if span else None

    by_sentence: dict[int, list[Mention]] = {}
    for m in find_places(text, gazetteer, fallback=fallback, when=when, persons=persons):
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0 and m.end <= story.spans[i][1]:
            by_sentence.setdefault(i, []).append(m)

    def places_of(j: int) -> list[tuple[int, int, bool]]:
        a = story.spans[j][0]
        return [(m.start - a, m.end - a, roles.is_big(m)) for m in by_sentence.get(j, ())]

    actors = Actors(story, subject, about, persons, places_of)
    prose = 2 * sum(story.titles) < len(story.titles)   # most lines are sentences: the others are captions
    out: list[tuple[Event, tuple[Place, ...]]] = []
    kinds_of: dict[int, set[str]] = {}
    hung: list[clauses.Link] = []                      # how each event's place hangs on its clause
    done = 0
    for i in sorted(by_sentence):
        a, b = story.spans[i]
        if narrative_stage.is_heading(text[a:b]) or (prose and story.is_caption(i)):
            continue                                   # a heading or a caption tells no event
        j = i - 1
        while j >= 0 and story.titles[j]:
            j -= 1
        kinds_of[i] = set()
        for event, used, link in _sentence_events(story, line, periods, i, by_sentence[i], gazetteer, actors,
                                                  places_of(i), kinds_of.get(j, set()), source, offset, options,
                                                  by_sentence.get(i + 1, ())):
            kinds_of[i].add(event.kind)
            out.append((event, used))
            hung.append(link)
        if bar is not None and b - done > 200_000:
            bar.update(b - done)
            done = b
    if bar is not None:
        bar.update(len(text) - done)
    shown = attribution.readings(out, hung) if about or readings is not None else []
    if readings is not None:
        readings.extend(shown)
    by_name = {e.evidence.name_start: r for (e, _), r in zip(out, shown) if r is not None}
    said: dict[int, list[str]] = {}                    # each reading's features, read once for both models
    if about:
        out = attribution.attribute(out, shown, subject, options, said)
    out = _to_the_end(_one_death(_one_birth(_within_the_life(out, subject), subject), subject, options), subject)
    out = _same_stay(out)
    if about:
        out = attribution.relabel(out, by_name, subject, options, said)
    # (last: the summaries the passes above compare are the plain ones)
    return [(_in_english(e, used), used) for e, used in out]


def _in_english(e: Event, used: tuple[Place, ...]) -> Event:
    ev = e.evidence
    if ev is None or not used:
        return e
    return replace(e, summary=kinds.as_english(e.summary, ev.name, used[0].kind, ev.sentence,
                                               ev.name_start - e.source.start, ev.name_end - e.source.start))


def _within_the_life(found: list[tuple[Event, tuple[Place, ...]]], subject: Subject):
    """The subject's events that end before they were born are someone else's (a parent's studies, an
    ancestor's move): they keep their place and date, and lose the subject. The birth the text gives
    counts only if most of the subject's dated events come after it (a garbled opening can give the
    death for the birth)."""
    mine = [e for e, _ in found if e.actor == subject.name and e.span is not None]
    outside: set[int] = set()
    if subject.born is not None:
        first = subject.born.first_day
        before = {id(e) for e in mine if e.kind != "birth" and e.span.last_day < first}
        if 2 * len(before) < len(mine):
            outside |= before
    if subject.died is not None and (subject.born is None or subject.born.first_day < subject.died.first_day):
        # what only the living do, begun after the death (a burial, a memorial are the dead's)
        last = subject.died.last_day
        after = {id(e) for e in mine if e.kind not in _AFTER_DEATH and e.span.first_day > last}
        if 2 * len(after) < len(mine):
            outside |= after
    if not outside:
        return found
    return [(replace(e, actor="unknown", summary=kinds.with_actor(e.summary, "unknown", subject.name))
             if id(e) in outside else e, used) for e, used in found]


def _one_birth(found: list[tuple[Event, tuple[Place, ...]]], subject: Subject):
    """A life has one birth: the first place the text gives the subject's birth at is it; a birth told
    again elsewhere in another sentence ("Soviet biographies later moved his birthplace to Velikiye
    Luki", "his birthplace Simbirsk became Ulyanovsk") is something said of that place, kind "other"."""
    births = [e for e, _ in found if e.kind == "birth" and e.actor == subject.name]
    if len({e.place for e in births}) < 2:
        return found
    first = births[0]
    later = {id(e) for e in births if e.place != first.place and e.source.start != first.source.start}
    if not later:
        return found
    return [(replace(e, kind="other", summary=kinds.summary("other", e.evidence.name if e.evidence else e.place,
                                                            e.actor, subject.name))
             if id(e) in later else e, used) for e, used in found]


def _one_death(found: list[tuple[Event, tuple[Place, ...]]], subject: Subject, options: ExtractOptions):
    """A life has one death: where the text tells the subject's with the date its opening gives
    (``attribution.agreed``), a death of theirs read in another sentence, far from it and without a
    date of its own that holds that day, is someone else's or a figure of speech (the victim "raped to
    death in East Prussia" in a poem he learnt by heart): it keeps its place and any date of its own, and
    loses the subject (and the opening's date, where that was all it had)."""
    told = [(e.source.start, used[0]) for e, used in found if e.kind == "death" and attribution.agreed(
        e.kind, e.actor, e.span, attribution.own_date(e), subject)]
    if not told:
        return found
    died = subject.died

    def not_theirs(e: Event, place: Place) -> bool:
        if e.kind != "death" or e.actor != subject.name or e.evidence is None or any(
                e.source.start == start for start, _ in told):
            return False
        retold = (attribution.own_date(e) and e.span is not None
                  and e.span.first_day <= died.first_day and died.last_day <= e.span.last_day)
        return not retold and all(km(place.lat, place.lon, p.lat, p.lon) > options.same_death_km for _, p in told)

    return [(replace(e, actor="unknown", span=e.span if attribution.own_date(e) else None,
                     summary=kinds.with_actor(e.summary, "unknown", subject.name))
             if not_theirs(e, used[0]) else e, used) for e, used in found]


# A camp one is held in, named with the place: after it ("the Pechora labor camps") or before it ("a labour camp at
# Vorkuta", "Labour Camp III at Yavas")
_CAMP = r"(?:[Ll]abou?r|[Pp]rison|[Cc]oncentration|[Ii]nternment|[Pp]enal|[Cc]orrective\s+[Ll]abou?r)\s+[Cc]amps?"
_CAMP_AFTER = re.compile(rf"\s+{_CAMP}\b")
_CAMP_BEFORE = re.compile(rf"\b{_CAMP}(?:\s+[IVX]+|\s+No\.\s*\d+)?\s+(?:at|in|near)\s+(?:the\s+)?$")
_ONE_OFF = frozenset(("birth", "death", "arrest", "escape", "exile", "deportation", "battle", "congress", "summit"))
# Kinds of event that are over when they happen: no length told after them is theirs
_INSTANT = frozenset(("birth", "death", "rename"))
_AFTER_DEATH = frozenset(("death", "other"))   # a burial, a memorial, a reburial are "other"


def _sentence_events(story, line, periods, i: int, mentions: list[Mention], gazetteer, actors: Actors, places,
                     previous_kinds: set[str], source: str, offset: int, options: ExtractOptions,
                     next_mentions: list[Mention] = ()):
    text = story.text
    a, b = story.spans[i]
    sentence = text[a:b]
    tokens = [t for lo, hi in _spans(clauses.clause_around(sentence, m.start - a) for m in mentions)
              for t in tag(sentence, lo, hi)]             # only the clauses that hold a place
    # every mention is read, a place named twice too (one event per place is kept at the end)
    links: dict[int, clauses.Link] = {}
    own = _gapped_subjects(text, a, mentions, actors)   # places whose clause has a subject and no verb
    heads: dict[int, Mention] = {}                      # a list's members: its first place
    movers: dict[int, Mention] = {}                     # a trailing participle's places: the place before it
    for n, m in enumerate(mentions):
        previous = mentions[n - 1] if n else None
        if previous is not None and id(m) not in own and roles.continues_list(text, previous, m):
            links[id(m)] = links[id(previous)]          # a list shares its head's link
            heads[id(m)] = heads.get(id(previous), previous)
        else:
            links[id(m)] = clauses.link(tokens, sentence, m.start - a, m.end - a)
            if previous is not None and not links[id(m)].verb and roles.gapped(text, previous, m):
                # "led him to Algeria, and to Greece": the verb left out is the one before, as is who went
                before = links[id(previous)]
                links[id(m)] = replace(links[id(m)], verb=before.verb, vclass=before.vclass, passive=before.passive,
                                       mover=before.mover, irrealis=before.irrealis, negated=before.negated,
                                       # (the object of the verb left out: "visited Belgium and in 1973 Germany")
                                       prep=before.prep if links[id(m)].prep == "subject" else links[id(m)].prep)
                heads[id(m)] = heads.get(id(previous), previous)
            elif previous is not None and id(heads.get(id(previous), previous)) in own and roles.gapped(
                    text, previous, m):
                heads[id(m)] = heads.get(id(previous), previous)   # "and Kamenev to Perm and then to Kaluga"
            elif previous is not None and _trailing_participle(sentence, m.start - a, previous.end - a) and \
                    not actors.left_behind(i, sentence, m.start - a, places, links[id(m)]):
                # (not "the family followed him, leaving Anton in Taganrog": he stayed)
                # "a convoy set out with him for Turukhansk, moving through Orenburg": who moves is who set out
                movers[id(m)] = heads.get(id(previous), previous)
    role = roles.roles(text, sentence, a, mentions, links)
    # a plan carried out in the same sentence: "decided to send him to Moscow, and in February he
    # arrived there": the place is real, its subject the one who arrived
    realised: dict[int, tuple[int, list, clauses.Link]] = {}
    for m in mentions:
        # only where the plan was to go: "to report on the situation in Yugoslavia" stays a topic
        if role[id(m)] is roles.Role.IRREALIS and links[id(m)].vclass in ("motion", "sending") and (
                links[id(m)].prep in ("to", "into", "for", "towards", "toward")):
            there = clauses.fulfilled_there(sentence, m.end - a)
            if there is not None:
                role[id(m)] = roles.Role.LOCATES
                realised[id(m)] = there
    kept = [m for m in mentions if role[id(m)] is roles.Role.LOCATES]
    if not kept:
        return                                     # no place is located: no event (nor event words to read)
    words = kinds.event_words(sentence, a)

    def prison_site(m: Mention) -> bool:
        return m.location is not None and "prison" in m.location.name.lower()

    def camp(m: Mention) -> bool:
        # (a place the sentence names as a camp's: "the Pechora labour camps", "Labour Camp III at Yavas")
        return bool(_CAMP_AFTER.match(text, m.end) or _CAMP_BEFORE.search(text, max(a, m.start - 40), m.start))

    guesses = {id(m): kinds.kind_for(m.start, m.end, words, sentence, a, previous_kinds, prison_site(m), options,
                                     camp=camp(m))
               for m in kept}
    spans = tuple((m.start, m.end) for m in kept)   # where the events' places stand (``dating.date_for``)
    origins: list[Mention] = []
    for n, m in enumerate(kept):
        # (a list after "from" is of origins: "from Sevastopol, Yalta and Kerch to Constantinople")
        if roles.is_origin(text, sentence, a, m) or (
                n and origins and origins[-1] is kept[n - 1] and roles.continues_list(text, kept[n - 1], m)):
            origins.append(m)

    def same_event_next(k: int) -> bool:
        # one-off events only: two sentences of studies or work may tell two of them
        here = {w.kind for w in words if w.kind in _ONE_OFF}
        there = {kind for kind, _, _ in kinds.kind_words(story.sentence(k + 1))}
        return bool(here & there) and not _elsewhere(mentions, next_mentions, text, story.spans[k + 1], gazetteer,
                                                     options)

    found: dict[str, list] = {}
    actor_of: dict[int, str] = {}
    for m in kept:
        guess = guesses[id(m)]
        # (the destination may come first, with no other verb between: "advanced towards Moscow from
        # Ukraine", not "visited Moscow and met Stalin walking out of the Kremlin")
        later = [t for t in kept if t is not m and t not in origins and (
            t.start > m.start or clauses.VERB.search(sentence, t.end - a, m.start - a) is None) and (
            guesses[id(t)].kind in MOVES or links[id(t)].vclass in ("motion", "sending"))]   # "withdrew from … to …"
        if m in origins and later:
            continue                                   # where a move starts, not an event of its own
        origin = None
        if guess.kind in MOVES:
            before = [o for o in origins if o.start < m.start and o.place != m.place]
            origin = before[-1] if before else None
        place = m.location or gazetteer[m.place]
        choice = dating.date_for(story, line, i, m.start, m.end, same_event_next, options,
                                 lasting=guess.kind not in _INSTANT, places=spans)
        span = None
        if choice.date is not None:
            span = dating.gregorian(choice.date.span, periods, place.country)
            for _ in range(choice.widen):
                span = dating.widen(span)
        head = heads.get(id(m))       # "between Zagreb, Ljubljana and Vienna": the one who went to Zagreb
        if id(m) in own:
            actor = actors.name(own[id(m)])            # "…were scattered: Radek to Tobolsk, Rakovsky to Astrakhan"
        elif id(m) in realised:
            at, there_tokens, there_link = realised[id(m)]
            actor = actors.actor_at(i, sentence, at, places, there_tokens, there_link, roles.is_big(m))
        elif head is not None and id(head) in actor_of:
            actor = actor_of[id(head)]
        elif id(m) in movers and actor_of.get(id(movers[id(m)]), "unknown") != "unknown":
            actor = actor_of[id(movers[id(m)])]
        else:
            # (a front is where its men are, as a town is: "propaganda among the soldiers of the Southwestern Front")
            actor = actors.actor_at(i, sentence, m.start - a, places, tokens, links[id(m)],
                                    roles.is_big(m) and not roles.is_theatre(text, m))
        actor_of[id(m)] = actor
        if guess.kind in ("birth", "death") and actor == actors.subject.name and _anothers(
                guess.kind, words, text, actors.subject):
            guess = replace(guess, kind="other")       # "nursed Lenin at Gorki until his death there"
        if actor == actors.subject.name and _named_for_the_subject(sentence, m.end - a, actors.subject):
            actor = "unknown"                          # "Pishpek was renamed Frunze in his honour": not his stay
        lived = _life_date(span, choice, guess.kind, actor, actors.subject, sentence, a, m)
        confidence = m.confidence * _date_weight(choice, options) * {
            Strength.STRONG: options.kind_weight_strong, Strength.WEAK: options.kind_weight_weak,
            Strength.NONE: options.kind_weight_none}[guess.strength]
        # (a birth or death dated by the life's dates says so, not the words of another date: "Kruglov was born
        # in Ustye" after an opening that ends "… from 1946 to 1956")
        said = lived.label() if lived is not span else choice.date.text if choice.date else ""
        evidence = Evidence(m.text, offset + m.start, offset + m.end, said,
                            lived is not span and choice.date is None    # (lent by the opening: not its own words)
                            or choice.date is not None and (choice.how is not How.OWN or choice.date.carried),
                            round(confidence, 2), m.source, sentence)
        span = lived
        summary = kinds.summary(guess.kind, m.text, actor, actors.subject.name, origin.text if origin else "",
                                left=m in origins)
        used = (place,) if origin is None else (place, origin.location or gazetteer[origin.place])
        found.setdefault(m.place, []).append((Event(
            "", span, guess.kind, actor, m.place, summary, Source(source, offset + a, offset + b),
            origin.place if origin else "", sentence, evidence=evidence), used, links[id(m)]))
    # One event per place and sentence: the reading that puts the subject there, else the first.
    for candidates in found.values():
        yield next((r for r in candidates if r[0].actor == actors.subject.name), candidates[0])


def _elsewhere(mentions: list[Mention], later: list[Mention], text: str, span: tuple[int, int], gazetteer: Gazetteer,
               options: ExtractOptions) -> bool:
    """Whether the later sentence (at ``span`` of ``text``, its places ``later``) is told at another place than
    ``mentions``: it names a town or site farther than ``options.same_event_km`` from all of them, or a country or
    region of another country than theirs (a realm holds its lands), and none of them, nor "there" before its own
    ("moved between Kiev, Baku and Tiflis … In January 1912 he was in Prague …, and there he was elected", "fought in
    the Battle of Kursk. After Germany was defeated …"; not "arrested in Baku. … taken to the Bailov prison in Baku",
    nor "exiled there …, travelling via Vologda"); or it tells its event "again"."""
    here = {m.place for m in mentions}
    spots = [m.location or gazetteer[m.place] for m in mentions]
    if _AGAIN.search(text, *span):
        return bool(later)                         # "arrested in Tula. … arrested again in Kaluga": another time
    there = _THERE.search(text, *span)
    if any(n.place in here for n in later) or there is not None and not any(
            n.start < there.start() and not roles.is_big(n) for n in later):
        return False

    def far(n: Mention) -> bool:
        p = n.location or gazetteer[n.place]
        if roles.is_big(n):                        # (a realm holds its lands: "born on 18 December 1878, in the
            #                                        Russian Empire", "the Soviet Union"; not Berlin or Paris)
            return all(p.country != q.country and not (_REALM.search(n.text) and _one_realm(p.country, q.country))
                       for q in spots)
        return all(km(p.lat, p.lon, q.lat, q.lon) > options.same_event_km for q in spots)

    return any(far(n) for n in later)


_REALM = re.compile(r"\b(?:Empire|Union|USSR)\b")
_AGAIN = re.compile(r"\bagain\b")
# "there" as a place, not as "there was a wave of arrests in Kiev"
_THERE = re.compile(r"\b[Tt]here\b(?!\s+(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\b)")


def _one_realm(a: str, b: str) -> bool:
    """Whether two countries lay in one realm of ``lifemap.calendars`` (the Russian Empire and Soviet Russia)."""
    from ..calendars import regions
    return any(a in r.countries and b in r.countries for r in regions())


def _gapped_subjects(text: str, a: int, mentions: list[Mention], actors: Actors) -> dict[int, str]:
    """The subjects of clauses without a verb before places of one sentence (``roles.gapped_subject``), by
    ``id(mention)``: never a place ("by rail: Tiflis to Baku"); a person known as such, or any name when the
    sentence holds two or more such clauses ("Radek to Tobolsk, Rakovsky to Astrakhan"; not "the verdict:
    Exile to Siberia")."""
    found: dict[int, str] = {}
    for n, m in enumerate(mentions):
        who = roles.gapped_subject(text, a, mentions[n - 1] if n else None, m)
        if who is not None and not any(p.start <= who[1] < p.end for p in mentions):
            found[id(m)] = who[0]
    if len(found) < 2:
        found = {k: who for k, who in found.items() if actors.is_person([who])}
    return found


def _spans(ranges) -> list[tuple[int, int]]:
    """Ranges merged where they overlap or touch, in order."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(set(ranges)):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


_OWNER = re.compile(r"\b(his|her|their|[A-Z][\w-]+['’]s|[a-z]+['’]s)\s+(?:[a-z-]+\s+)?$")


_PRONOUN_BEFORE = re.compile(r"\b([Hh]e|[Ss]he)\s+(?:had\s+|was\s+|has\s+)?$")


_PARTICIPLE_BEFORE = re.compile(r",\s+(?:then\s+|later\s+|finally\s+)?([a-z]{2,}ing)\b[^,;()]*$")


def _trailing_participle(sentence: str, pos: int, after: int) -> bool:
    """The place at ``pos`` stands in a participle phrase after a comma, with no subject of its own, that
    opens after offset ``after`` (the place before it)."""
    m = _PARTICIPLE_BEFORE.search(sentence, after, pos)
    if m is None:
        return False
    word = tag(sentence, m.start(1), m.end(1))
    return bool(word) and word[0].tag is T.VERB and word[0].form == "ing"


# A town given or keeping the subject's name: "was renamed Frunze", "became Kirov", "in his honour", "kept his name"
_NAMED_FOR = re.compile(r"\b(?:renamed|became|took\s+the\s+name(?:\s+of)?)\s+"
                        r"(?:after\s+(?:him|her)\b|([A-Z][\w'’-]*))"
                        r"|\bin\s+(?:his|her)\s+honou?r\b|\bkept\s+(?:his|her)\s+name\b")


def _named_for_the_subject(sentence: str, pos: int, subject: Subject) -> bool:
    """The sentence, up to the end of the clause of the place at ``pos``, gives a town the subject's name (or
    one made from it: "Stalino"); not "Zhdanov was buried by the Kremlin Wall, and Mariupol was renamed Zhdanov"."""
    for m in _NAMED_FOR.finditer(sentence, 0, clauses.clause_around(sentence, pos)[1]):
        name = m.group(1)
        if name is None or subject.is_named(name) or any(
                name.startswith(alias) for alias in (subject.name.split()[-1], *subject.aliases) if len(alias) > 3):
            return True
    return False


def _anothers(kind: str, words, text: str, subject: Subject) -> bool:
    """Every word of the sentence that tells a birth or death (``kind``) is someone else's: "his
    death" in the life of a woman, "Lenin's death" in anyone's but Lenin's."""
    owners = []
    for w in words:
        if w.kind != kind:
            continue
        m = _OWNER.search(text, max(0, w.start - 30), w.start)
        owner = m.group(1).lower() if m else ""
        theirs = owner in ("his", "her") and owner != {"he": "his", "she": "her"}.get(subject.pronoun, "")
        named = owner.endswith(("'s", "’s")) and not subject.is_named(m.group(1)[:-2])   # "Lenin's", "father's"
        said = _PRONOUN_BEFORE.search(text, max(0, w.start - 20), w.start)
        # "the rooms in which she had died" in a man's life: hers
        other = said is not None and said.group(1).lower() != subject.pronoun
        owners.append(theirs or named or owner == "their" or other)
    return bool(owners) and all(owners)


def _life_date(span, choice: DateChoice, kind: str, actor: str, subject: Subject, sentence: str, a: int,
               m: Mention):
    """The subject's birth or death is dated by what the text says of their life ("(7 May 1892 – 4 May
    1980)") unless the clause that names the place dates it, or the next sentence tells it with its date."""
    life = {"birth": subject.born, "death": subject.died}.get(kind)
    if life is None or actor != subject.name:
        return span
    own = choice.date is not None and (choice.how is How.NEXT or choice.how is How.OWN and not clauses.split(
        sentence, choice.date.start - a, m.start - a))
    return span if own else life


# A stay to the end of the subject's life, in its clause: "until his death", "spent his last years in",
# "spent his remaining three decades in", "the last nine years of his life" ("for the rest of his life"
# does not count: the annotators date "moved to Moscow, which remained his home for the rest of his life"
# by the move alone)
_TO_THE_END = re.compile(r"\b(?:(?:until|till|up\s+to)\s+(his|her)\s+death\b(?!\s+(?:there\s+)?(?:on|in)\s+\d)"
                         r"|spent\s+(?:(?:most|much|all)\s+of\s+)?(his|her)\s+(?:last|final|remaining|declining)\s+"
                         r"(?:[a-z]+\s+)?(?:years|decades)\b"
                         r"|\bthe\s+(?:last|final)\s+[a-z]+\s+years\s+of\s+(his|her)\s+life\b)", re.IGNORECASE)


def _to_the_end(found: list[tuple[Event, tuple[Place, ...]]], subject: Subject):
    """The subject's stays that lasted to the end of their life (``_TO_THE_END`` in the place's clause)
    end with the death: the one the opening gives, else the first death of theirs the text tells with a
    date of its own. "From 1977 until her death she lived in Madrid … She died in Madrid on 12 November
    1989" is 1977–1989."""
    def lasting(e: Event) -> bool:
        if e.evidence is None or e.actor != subject.name or e.span is None:
            return False
        pos = e.evidence.name_start - e.source.start
        # (through the "where" clause on the place: "settled in Moscow, where he lived until his death")
        lo, hi = dating.stay_clause(e.sentence, pos, e.evidence.name_end - e.source.start)
        m = _TO_THE_END.search(e.sentence, lo, hi)
        owner = next((g for g in m.groups() if g), "") if m else ""
        return owner.lower() == {"she": "her"}.get(subject.pronoun, "his")   # (her husband's death is not hers)

    ending = [id(e) for e, _ in found if lasting(e)]
    if not ending:
        return found
    died = subject.died or next((e.span for e, _ in found if e.kind == "death" and e.actor == subject.name
                                 and e.span is not None and id(e) not in ending), None)
    if died is None:
        return found
    return [(replace(e, span=DateSpan(e.span.start[:4], died.end[:4], "year", "", e.span.calendar))
             if id(e) in ending and e.span.first_day <= died.last_day else e, used) for e, used in found]


def _same_stay(found: list[tuple[Event, tuple[Place, ...]]]) -> list[tuple[Event, tuple[Place, ...]]]:
    """A place named again in the next sentence that names a place, dated only by the narrative, is the same stay
    as the one told with its length right before (the last place of that sentence): "In 1958 he left for
    Tashkent, where he lived until 1960. In Tashkent he finished the novel" is 1958–1960 (the narrative's date is
    the stay's start, not all of it). Not across another place ("… moved to Moscow … In Tashkent the novel was
    reprinted"), nor for what is over when it happens (a death there)."""
    out = []
    previous: list[Event] = []                     # the events of the last sentence before this one that has any
    current: list[Event] = []
    for e, used in found:
        if current and e.source.start != current[-1].source.start:
            previous, current = current, []
        stay = previous[-1] if previous and previous[-1].place == e.place else None
        if (stay is not None and e.span is not None and stay.span is not None and e.evidence is not None
                and e.evidence.carried and e.kind not in _INSTANT
                and (stay.actor == e.actor or "unknown" in (stay.actor, e.actor))
                and stay.span.start == e.span.start and stay.span.last_day > e.span.last_day):
            e = replace(e, span=stay.span)
        current.append(e)
        out.append((e, used))
    return out


def _date_weight(choice: DateChoice, options: ExtractOptions) -> float:
    if choice.date is None:
        return options.date_weight_none
    return options.date_weight_own if choice.how is How.OWN else options.date_weight_borrowed
