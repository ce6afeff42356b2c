"""The order of events: by what is known of when each happened, and no more.

A date is an interval (``DateSpan.first_day`` to ``last_day``). Sorting by the first day puts a
bare year on 1 January, ahead of everything else that year: an exile drawn before its arrest.
The chronology orders by what is known instead:

1. A comes before B when A ends before B can begin. Nothing overrides this.
2. An event can name the event it follows (``after``): the curator's word for what dates cannot say,
   which also overrides the source's order of the two.
3. Two events of one source whose beginnings overlap keep the order the source tells them in
   (character offsets): where its dates say no more, a biography narrates in order. Beginnings
   that do not overlap are ordered by the dates, so a thematic chapter that looks back (a dacha
   used from 1924, told after 1932) does not drag an event out of its years.
4. Otherwise an event stands at the middle of when it can have begun: a stay (a span from one date
   to another) at the middle of its opening, so a term of exile comes before what happens during
   it; a single date at the middle of its interval. Ties keep the input order.

Evidence that contradicts itself (a cycle of rules 2 and 3) gives way to the dates: the event that
the dates allow next and that stands earliest goes first.

Each event also gets a day to stand at (``order_day``): a day inside its interval, never earlier
than that of the event before it. The slider, the story and the page place events by it.
"""
from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass
from typing import Iterable, Sequence

from .dates import DateSpan


@dataclass(frozen=True)
class Timing:
    """What ordering knows about one event: its interval, when it can have begun, and its place in
    its source's narrative."""

    id: str
    first: dt.date
    last: dt.date
    begins: tuple[dt.date, dt.date]
    source: str = ""
    offset: int = -1
    after: str = ""

    @classmethod
    def of(cls, eid: str, span: DateSpan, source: str = "", offset: int = -1, after: str = "") -> "Timing":
        return cls(eid, span.first_day, span.last_day, span.opens, source, offset, after)

    @property
    def point(self) -> dt.date:
        """Where the event stands when nothing else is known: the middle of its beginning."""
        lo, hi = self.begins
        return lo + (hi - lo) // 2


def chronology(timings: Sequence[Timing]) -> list[tuple[int, dt.date]]:
    """The events in order, as ``(index into timings, day it stands at)``.

    >>> from lifemap.dates import DateSpan as S
    >>> year = Timing.of("tiflis", S("1912", "1912", "year"), "bio.txt", 500)
    >>> escape = Timing.of("escape", S("1912-09", "1912-09", "month"), "bio.txt", 400)
    >>> vologda = Timing.of("vologda", S("1911-12", "1912-02", "month"), "bio.txt", 100)
    >>> [(timings[i].id, str(day)) for timings in [[year, escape, vologda]] for i, day in chronology(timings)]
    [('vologda', '1911-12-16'), ('escape', '1912-09-15'), ('tiflis', '1912-09-15')]
    """
    n = len(timings)
    succ: list[list[int]] = [[] for _ in range(n)]
    indegree = [0] * n
    for a, b in _evidence(timings):
        succ[a].append(b)
        indegree[b] += 1
    key = [(t.point, t.first, t.last, i) for i, t in enumerate(timings)]
    placed = [False] * n
    ends = [(t.last, i) for i, t in enumerate(timings)]  # the unplaced event that ends first bounds what may come next
    heapq.heapify(ends)
    waiting = [(t.first, i) for i, t in enumerate(timings) if indegree[i] == 0]
    heapq.heapify(waiting)
    by_first = sorted(range(n), key=lambda i: timings[i].first, reverse=True)
    allowed: list[tuple] = []  # what the dates alone allow next, evidence aside
    ready: list[tuple] = []
    out: list[int] = []
    while len(out) < n:
        while ends and placed[ends[0][1]]:
            heapq.heappop(ends)
        frontier = ends[0][0]
        while waiting and waiting[0][0] <= frontier:
            i = heapq.heappop(waiting)[1]
            if not placed[i]:
                heapq.heappush(ready, key[i])
        while by_first and timings[by_first[-1]].first <= frontier:
            heapq.heappush(allowed, key[by_first.pop()])
        while ready and placed[ready[0][-1]]:
            heapq.heappop(ready)
        if ready:
            i = heapq.heappop(ready)[-1]
        else:  # the evidence runs in a circle: the dates decide
            while placed[allowed[0][-1]]:
                heapq.heappop(allowed)
            i = heapq.heappop(allowed)[-1]
        placed[i] = True
        out.append(i)
        for j in succ[i]:
            indegree[j] -= 1
            if indegree[j] == 0 and not placed[j]:
                heapq.heappush(waiting, (timings[j].first, j))
    return list(zip(out, _days([timings[i] for i in out])))


def _evidence(timings: Sequence[Timing]) -> Iterable[tuple[int, int]]:
    """Pairs (a, b): a comes before b by an ``after`` or by one source's narrative order."""
    by_id: dict[str, list[int]] = {}
    for i, t in enumerate(timings):
        by_id.setdefault(t.id, []).append(i)
    told: set[frozenset] = set()  # pairs an ``after`` orders: the source's order gives way there
    for b, t in enumerate(timings):
        for a in by_id.get(t.after, ()) if t.after else ():
            if a != b:
                told.add(frozenset((a, b)))
                yield a, b
    by_source: dict[str, list[int]] = {}
    for i, t in enumerate(timings):
        if t.source and t.offset >= 0:
            by_source.setdefault(t.source, []).append(i)
    for members in by_source.values():
        members.sort(key=lambda i: timings[i].begins[0])
        open_: list[tuple[dt.date, int]] = []  # earlier members whose beginning may still overlap
        for b in members:
            tb = timings[b]
            while open_ and open_[0][0] < tb.begins[0]:
                heapq.heappop(open_)
            for _, a in open_:
                ta = timings[a]
                if ta.offset != tb.offset and frozenset((a, b)) not in told:
                    yield (a, b) if ta.offset < tb.offset else (b, a)
            heapq.heappush(open_, (tb.begins[1], b))


def _days(ordered: Sequence[Timing]) -> list[dt.date]:
    """A day for each event in order: inside its interval, as near its point as the events before
    and after it allow, and never before the day of the event before it."""
    n = len(ordered)
    lo, hi = [dt.date.min] * n, [dt.date.max] * n
    for k, t in enumerate(ordered):  # no event after an event can stand before that event began
        lo[k] = max(t.first, lo[k - 1]) if k else t.first
    for k in range(n - 1, -1, -1):  # nor after the end of an event that comes later
        hi[k] = min(ordered[k].last, hi[k + 1]) if k < n - 1 else ordered[k].last
    days, previous = [], dt.date.min
    for k, t in enumerate(ordered):
        previous = max(previous, min(max(t.point, lo[k]), hi[k]))
        days.append(previous)
    return days


# Frames -------------------------------------------------------------------------------------
def _timings(frame) -> list[Timing]:
    after = frame["after"] if "after" in frame.columns else [""] * len(frame)
    out = []
    for row, then in zip(frame[["id", "date_start", "date_end", "precision", "qualifier", "calendar", "source",
                                "start"]].itertuples(index=False), after):
        span = DateSpan(row.date_start, row.date_end or row.date_start, row.precision, row.qualifier or "",
                        row.calendar or "gregorian")
        out.append(Timing.of(row.id, span, row.source or "", int(row.start), then or ""))
    return out


def order(frame):
    """The events frame in chronological order, with the day each event stands at (``order_day``)."""
    import pandas as pd

    ranked = chronology(_timings(frame))
    out = frame.iloc[[i for i, _ in ranked]].copy()
    out["order_day"] = pd.to_datetime([day for _, day in ranked])
    return out.reset_index(drop=True)


def in_order(frame):
    """The frame in chronological order: by its ``order_day`` when it has one (a frame
    ``lifemap.events.to_frame`` made, or any part of it), else ordered afresh with :func:`order`."""
    if "order_day" in frame.columns:
        return frame.sort_values("order_day", kind="stable").reset_index(drop=True)
    return order(frame)
