"""Synthetic events for the benchmarks: a made-up but plausible itinerary over Eurasia, 1878–1953.

Nothing here touches the repository's data. ``synthetic_frame(n)`` invents a gazetteer of places
(``lifemap.gazetteer.Place`` objects, some renamed under Soviet rule so popups show "then (now …)"
labels) and ``n`` events (``lifemap.events.Event`` objects), and turns them into the events
GeoDataFrame through ``lifemap.events.to_frame``, exactly as real data goes.

Shape of the data, chosen to resemble the curated default (265 events at 125 places, Moscow the
busiest with 14 % of them, 45 % Stalin, a quarter with an origin) but with a longer route:

- places: about 0.4 per event (4,000 at 10,000 events), clustered in Eurasian regions (Caucasus,
  Moscow, Petrograd, Ukraine, the Volga, the Urals, Siberia, Central Asia, Poland and the Baltic,
  Central Europe, the Far East, ...); within a region a few towns are much busier than the rest
  (Zipf weights), so hub places collect hundreds of events at 10,000;
- actors: ~60 % "Stalin", whose events form a walk through time (often the same town again, often
  a neighbour in the same region, sometimes a jump across the continent), so his route has
  thousands of legs; the rest are other actors (armies, governments, peoples...), ~60 % of them
  with an origin so they are drawn as moves;
- kinds: a mix covering every map layer; dates with day, month, season and year precision, some
  with early/mid/late qualifiers, Old Style (Julian) before 1918 for part of the day dates.

The generator is deterministic for a given ``n`` and ``seed``.
"""
from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random

from lifemap.dates import DateSpan
from lifemap.events import Event, Source, to_frame
from lifemap.gazetteer import Gazetteer, Name, Place

# (region, centre lat, centre lon, spread in degrees, weight, country code)
REGIONS = (
    ("caucasus", 42.0, 44.5, 1.6, 12, "GE"),
    ("moscow", 55.7, 37.6, 2.2, 14, "RU"),
    ("petrograd", 59.9, 30.3, 2.0, 8, "RU"),
    ("ukraine", 49.0, 32.0, 3.0, 10, "UA"),
    ("volga", 52.0, 46.0, 3.0, 7, "RU"),
    ("urals", 57.0, 60.0, 3.0, 5, "RU"),
    ("west-siberia", 56.0, 80.0, 5.0, 6, "RU"),
    ("yenisei", 63.0, 92.0, 6.0, 7, "RU"),
    ("far-east", 48.0, 132.0, 5.0, 3, "RU"),
    ("central-asia", 41.0, 66.0, 5.0, 6, "UZ"),
    ("baltic-poland", 53.5, 22.0, 3.0, 7, "PL"),
    ("central-europe", 50.0, 13.0, 4.0, 5, "DE"),
    ("persia-anatolia", 37.5, 45.0, 4.0, 3, "IR"),
    ("white-sea", 65.5, 45.0, 5.0, 3, "RU"),
    ("mongolia-china", 45.0, 110.0, 5.0, 2, "MN"),
)
ZIPF = 1.2  # within a region, the k-th place is drawn with weight k ** -ZIPF
PLACE_KINDS = (("city", 55), ("village", 12), ("site", 15), ("region", 11), ("country", 7))

STALIN_KINDS = (("other", 30), ("travel", 20), ("congress", 12), ("work", 6), ("exile", 6),
                ("escape", 5), ("arrest", 5), ("prison", 3), ("front", 5), ("battle", 3), ("summit", 5))
OTHER_KINDS = (("battle", 18), ("annexation", 12), ("deportation", 14), ("massacre", 8), ("congress", 8),
               ("other", 20), ("travel", 8), ("front", 6), ("death", 3), ("rename", 3))
OTHER_ACTORS = ("Red Army", "Soviet government", "Lenin", "Trotsky", "Wehrmacht", "peasants", "NKVD",
                "Comintern", "White Army", "Kirov", "Molotov", "Bukharin", "Chechens", "Volga Germans",
                "Crimean Tatars", "Polish officers", "kulaks", "Communist Party")

_ONSETS = ("b", "v", "g", "d", "z", "k", "l", "m", "n", "p", "r", "s", "t", "kh", "ch", "sh", "ts", "zh")
_VOWELS = ("a", "o", "e", "i", "u", "ya", "yu")
_PREFIXES = ("", "", "", "", "Novo", "Staro", "Verkhne", "Nizhne", "Ust-", "Bolshoye ", "Krasno")
_SUFFIXES = ("sk", "ovo", "ino", "grad", "burg", "pol", "abad", "kent", "i", "evka", "insk", "ov", "yar")
_SOVIET = ("Stalino", "Kirovsk", "Leninsk", "Molotovsk", "Sverdlovsk", "Ordzhonikidze", "Kuibyshevo",
           "Voroshilovsk", "Krasnoarmeisk", "Oktyabrsk")

_WHAT = {
    "other": ("Meets local party workers in {p}", "Writes articles for the underground press in {p}",
              "Spends several weeks in {p} organising a strike committee", "Receives reports from {p}"),
    "travel": ("Travels to {p} by rail", "Arrives in {p} on party business", "Visits {p} with a small escort"),
    "congress": ("Attends a party congress held in {p}", "Addresses a regional conference in {p}"),
    "summit": ("Negotiates with Allied leaders in {p}",),
    "work": ("Works as a clerk at the observatory in {p}", "Edits a newspaper printed in {p}"),
    "exile": ("Exiled by administrative order to {p}", "Sent under police escort to {p}"),
    "escape": ("Escapes from exile and makes his way to {p}",),
    "arrest": ("Arrested by the gendarmes in {p}",),
    "prison": ("Held in the prison at {p}",),
    "front": ("Sent to the front near {p} as political commissar",),
    "battle": ("Fighting around {p} leaves heavy losses on both sides",),
    "annexation": ("Troops occupy {p} and the territory is annexed",),
    "deportation": ("Thousands are deported in freight wagons to {p}",),
    "massacre": ("Mass shootings of prisoners take place near {p}",),
    "death": ("Dies in {p}",),
    "rename": ("The town of {p} is renamed in honour of a party leader",),
}


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs)
    return rng.choices(values, weights=weights)[0]


def _name(rng: random.Random) -> str:
    root = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(rng.randint(1, 3)))
    prefix = rng.choice(_PREFIXES)
    if prefix.endswith((" ", "-")):
        root = root.capitalize()
    text = prefix + root + rng.choice(_SUFFIXES)
    return text[0].upper() + text[1:]


class Pool:
    """Places with weights, drawn from in O(log n) by bisecting the cumulative weights."""

    def __init__(self, weighted: list[tuple[Place, float]]):
        self.places = [p for p, _ in weighted]
        self.cum = list(itertools.accumulate(w for _, w in weighted))

    def draw(self, rng: random.Random) -> Place:
        return self.places[bisect.bisect_right(self.cum, rng.random() * self.cum[-1])]


def make_places(n_places: int, rng: random.Random) -> tuple[list[Place], dict[str, list[tuple[Place, float]]]]:
    """Places clustered by region; each region's places carry Zipf weights (a few busy hubs)."""
    places: list[Place] = []
    by_region: dict[str, list[tuple[Place, float]]] = {r[0]: [] for r in REGIONS}
    region_weights = [r[4] for r in REGIONS]
    for i in range(n_places):
        region, lat0, lon0, spread, _, country = rng.choices(REGIONS, weights=region_weights)[0]
        kind = _weighted(rng, PLACE_KINDS)
        lat = max(30.0, min(75.0, rng.gauss(lat0, spread)))
        lon = max(-10.0, min(179.0, rng.gauss(lon0, spread * 1.6)))
        modern = _name(rng)
        names: tuple[Name, ...] = ()
        if kind == "city" and rng.random() < 0.2:  # renamed: old name, a Soviet name, today's name
            old = _name(rng)
            soviet_from = dt.date(rng.randint(1920, 1935), 1, 1)
            names = (Name(old, None, soviet_from), Name(rng.choice(_SOVIET), soviet_from, dt.date(1961, 11, 10)))
        place = Place(f"syn-{region}-{i:05d}", modern, kind, country, round(lat, 4), round(lon, 4),
                      coord_source="synthetic", names=names)
        places.append(place)
        rank = len(by_region[region]) + 1
        by_region[region].append((place, rank ** -ZIPF))
    return places, by_region


def _span(rng: random.Random, day: dt.date) -> DateSpan:
    precision = _weighted(rng, (("day", 45), ("month", 30), ("year", 18), ("season", 7)))
    if precision == "day":
        calendar = "julian" if day < dt.date(1918, 2, 14) and rng.random() < 0.5 else "gregorian"
        iso = day.isoformat()
        return DateSpan(iso, iso, "day", "", calendar)
    if precision == "month":
        iso = day.strftime("%Y-%m")
        return DateSpan(iso, iso, "month", rng.choice(("", "", "", "early", "mid", "late")))
    if precision == "season":
        start = dt.date(day.year, day.month, 1)
        end_month = start.month + 2
        end = dt.date(start.year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
        return DateSpan(start.strftime("%Y-%m"), end.strftime("%Y-%m"), "season")
    year = str(day.year)
    if rng.random() < 0.25 and day.year < 1953:  # a range of years
        return DateSpan(year, str(day.year + 1), "year")
    return DateSpan(year, year, "year", rng.choice(("", "", "", "", "early", "late")))


def _pick(rng: random.Random, pool: Pool, stops_only: bool) -> Place:
    for _ in range(20):
        place = pool.draw(rng)
        if not stops_only or place.kind != "country":
            return place
    return place


def make_events(n: int, seed: int = 1878) -> tuple[list[Event], Gazetteer]:
    """``n`` synthetic events and the synthetic gazetteer they refer to."""
    rng = random.Random(seed * 1_000_003 + n)
    places, by_region = make_places(max(40, int(n * 0.4)), rng)
    pools = {r: Pool(pool) for r, pool in by_region.items() if pool}
    everywhere = Pool([pw for pool in by_region.values() for pw in pool])
    region_of = {p.id: r for r, pool in by_region.items() for p, _ in pool}
    first, last = dt.date(1878, 12, 18), dt.date(1953, 3, 5)
    span_days = (last - first).days
    n_stalin = round(n * 0.6)

    events: list[Event] = []
    days = sorted(first + dt.timedelta(days=rng.randrange(span_days)) for _ in range(n_stalin))
    here = _pick(rng, pools["caucasus"], True)
    for i, day in enumerate(days):
        roll = rng.random()
        if roll < 0.3:
            pass  # still there: no leg
        elif roll < 0.7:
            here = _pick(rng, pools[region_of[here.id]], True)
        else:
            here = _pick(rng, everywhere, True)
        kind = _weighted(rng, STALIN_KINDS)
        events.append(_event(rng, f"syn-s{i:05d}", day, kind, "Stalin", here, None))
    for i in range(n - n_stalin):
        day = dt.date(1900, 1, 1) + dt.timedelta(days=rng.randrange((last - dt.date(1900, 1, 1)).days))
        kind = _weighted(rng, OTHER_KINDS)
        place = _pick(rng, everywhere, False)
        origin = None
        if kind == "deportation" or rng.random() < 0.55:
            origin = _pick(rng, everywhere, False)
            if origin.id == place.id:
                origin = None
        events.append(_event(rng, f"syn-o{i:05d}", day, kind, rng.choice(OTHER_ACTORS), place, origin))
    return events, Gazetteer(places, path="<synthetic>")


def _event(rng: random.Random, eid: str, day: dt.date, kind: str, actor: str, place: Place,
           origin: Place | None) -> Event:
    span = _span(rng, day)
    what = rng.choice(_WHAT[kind]).format(p=place.name_at(span.first_day))
    start = rng.randrange(0, 90_000)
    source = Source(f"synthetic_{rng.randrange(40):03d}.txt", start, start + rng.randint(60, 400))
    return Event(eid, span, kind, actor, place.id, what, source, origin.id if origin else "")


def synthetic_frame(n: int, seed: int = 1878):
    """The events GeoDataFrame of ``n`` synthetic events (built by ``lifemap.events.to_frame``)."""
    events, gazetteer = make_events(n, seed)
    return to_frame(events, gazetteer)


if __name__ == "__main__":  # a quick look: python bench/synthetic.py 1000
    import sys

    frame = synthetic_frame(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
    print(frame[["date_label", "kind", "actor", "place_label", "summary"]].head(12).to_string())
    print(f"{len(frame)} events, {frame['place'].nunique()} places, "
          f"{(frame['actor'] == 'Stalin').mean():.0%} Stalin, {(frame['origin'] != '').mean():.0%} with an origin")
    print(frame["layer"].value_counts().to_dict())
