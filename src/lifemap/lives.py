"""Several lives on one map: whose lives a frame tells, each person's colour, and one frame of them all.

A frame read out of several texts (``lifemap.extract``) has one subject per text
(``attrs["subjects"]``); each subject is a life. ``render(events, actors=[...])`` draws each life's
route in its own colour, as a layer of its own; the events of everyone else keep the layers of
their kind. ``combine`` puts frames from different sources (texts, the embedded default) together.
"""
from __future__ import annotations

from dataclasses import dataclass

from .errors import LifemapError

# Okabe and Ito's colours for colour-blind readers (yellow left out: it vanishes on the basemap),
# then a few more; a life past them takes the first again.
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#8c564b")
UNKNOWN = "unknown"   # the actor extract gives events whose subject it could not find


@dataclass(frozen=True)
class Life:
    """One person drawn on a map of several lives."""

    name: str       # their actor in the events
    key: str        # their map layer
    color: str


def pale(color: str, strength: float = 0.45) -> str:
    """A layer's colour mixed with white, for what is not one of the lives on their map.

    >>> pale("#c0392b")
    '#e3a6a0'
    """
    rgb = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * strength):02x}" for c in rgb)


def subjects_of(events) -> list[str]:
    """The people whose lives the frame tells: the subject of each text it was read from (in order,
    once each, "unknown" only when there is no other), else its main actor."""
    from .events import main_actor

    names = list(dict.fromkeys(s.name for s in (events.attrs.get("subjects") or [])))
    known = [n for n in names if n != UNKNOWN]
    return known or names[:1] or [main_actor(events)]


def all_actors(events) -> list[str]:
    """Everyone with a route: the subjects, then every other actor the events place at two places
    at least (by number of stops), never "unknown"."""
    from .route import stops

    names = subjects_of(events)
    dated = events[events["first_day"].notna() & (events["actor"] != UNKNOWN)]
    counts = dated.drop_duplicates(["actor", "place"])["actor"].value_counts()
    for actor, n in counts.items():
        if n >= 2 and actor not in names and len(stops(events, str(actor)).drop_duplicates("place")) >= 2:
            names.append(str(actor))
    return names


def chosen(events, actor: str | None = None, actors=None) -> list[str]:
    """The lives a map of ``events`` draws: ``actor`` alone, ``actors`` (a list, or ``"all"``:
    ``all_actors``), else the subjects of the frame."""
    if actor and actors:
        raise LifemapError("give actor or actors, not both")
    if actor:
        return [actor]
    if actors is None:
        return subjects_of(events)
    if isinstance(actors, str):
        if actors != "all":
            raise LifemapError(f"actors must be a list of names or 'all', not {actors!r}")
        return all_actors(events)
    names = list(dict.fromkeys(actors))
    if not names:
        raise LifemapError("no actors given")
    return names


def lives_of(names: list[str]) -> list[Life]:
    return [Life(n, f"life-{i + 1}", PALETTE[i % len(PALETTE)]) for i, n in enumerate(names)]


def title(names: list[str]) -> str:
    """``The lives of A and B``, ``The lives of A, B and C``."""
    return "The lives of " + (", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0])


def combine(*frames):
    """Events frames from several sources as one, in the order of their days (``order_day``, each
    frame's own chronology): their subjects in order (each
    once), and an id that two frames share made unique in the later one (``-b``, ``-c``…)."""
    import geopandas as gpd
    import pandas as pd

    frames = [f for f in frames if f is not None]
    if not frames:
        raise LifemapError("nothing to combine")
    seen: set[str] = set()
    parts = []
    for frame in frames:
        ids = []
        for eid in frame["id"]:
            new, n = eid, 1
            while new in seen:
                n += 1
                new = f"{eid}-{chr(ord('a') + n - 1)}" if n <= 26 else f"{eid}-{n}"
            seen.add(new)
            ids.append(new)
        parts.append(frame.assign(id=ids))
    out = pd.concat(parts, ignore_index=True)
    out = out.sort_values("order_day", kind="stable", na_position="last").reset_index(drop=True)
    out = gpd.GeoDataFrame(out, geometry="geometry", crs="EPSG:4326")
    subjects = {}
    for frame in frames:
        for s in frame.attrs.get("subjects") or []:
            subjects.setdefault(s.name, s)
    out.attrs["subjects"] = list(subjects.values())
    return out


@dataclass(frozen=True)
class Plan:
    """What a map of several lives draws: the events (each life's stops in its layer), every life's
    stops interleaved by date, every leg, and the layer of each leg."""

    events: object        # the events frame, ``layer`` set to the life's key for its stops
    stops: object
    route_legs: object    # the lives' own legs
    legs: object          # those and the moves of everyone else
    leg_layers: list[str]
    lives: list[Life]


def plan(events, names: list[str]) -> Plan:
    """Each life's route (``lifemap.route``, its stop order untouched), the moves of everyone else,
    and the layer everything is drawn in."""
    import pandas as pd

    from .route import LEG_LAYER, NOT_A_STOP, moves, route

    people = lives_of(names)
    stop_frames, leg_frames, layers = [], [], []
    layer = events["layer"].copy()
    for life in people:
        s, g = route(events, life.name)
        stop_frames.append(s)
        leg_frames.append(g)
        layers += [life.key] * len(g)
        layer[events["id"].isin(s["id"])] = life.key
    # interleaved by the day each stands at in its life's chronology, which keeps each life's own order
    stops = pd.concat(stop_frames, ignore_index=True).sort_values("order_day", kind="stable")
    route_legs = pd.concat(leg_frames, ignore_index=True)
    # everyone else's moves: a life's own moves are its legs already
    others = moves(events[~events["actor"].isin(names[1:]) | events["kind"].isin(NOT_A_STOP)], names[0])
    legs = pd.concat([route_legs, others], ignore_index=True) if len(others) else route_legs
    layers += [LEG_LAYER[k] for k in others["kind"]]
    return Plan(events.assign(layer=layer), stops.reset_index(drop=True), route_legs, legs, layers, people)


def in_model(model: dict, plan: Plan) -> dict:
    """A page's model (``lifemap.model.page_model``) with the lives' layers first, in their colours,
    everyone else's paler as a background, and each leg's layer (a life's legs are in its own)."""
    model["layers"] = ([{"key": life.key, "label": life.name, "color": life.color} for life in plan.lives]
                       + [dict(spec, color=pale(spec["color"])) for spec in model["layers"]])
    model["legs"]["layer"] = list(plan.leg_layers)
    return model


def page_data(model: dict, plan: Plan, events) -> tuple[list[dict], list[dict]]:
    """The lives (name, layer, colour) and their encounters as the page's person menu, rings and
    encounter panel read them (``static/lives.js``)."""
    from .encounters import find
    from .model import EPOCH

    # the step to show an encounter at: when both its events have come (each life's own order)
    order = dict(zip(events["id"], events["order_day"]))
    people = [life.name for life in plan.lives]
    lives = [{"name": life.name, "key": life.key, "color": life.color} for life in plan.lives]
    return lives, [{
        "a": people.index(e.person_a), "b": people.index(e.person_b), "lat": round(e.lat, 5), "lon": round(e.lon, 5), "label": e.place_label,
        "t": (e.first_day - EPOCH).days, "t_end": (e.last_day - EPOCH).days, "date": e.date_label,
        "step": (max(order[e.event_a], order[e.event_b]).date() - EPOCH).days,
        "status": e.status, "date_a": e.date_a, "date_b": e.date_b, "source_a": e.source_a, "source_b": e.source_b,
    } for e in find(events, people)]


def periods_of(events, names: list[str]):
    """The periods of a map: one life's own; for several, the decades all of them span."""
    from .periods import by_decades, of_events

    if len(names) == 1:
        return of_events(events)
    days = events["first_day"].dropna()
    if days.empty:
        return []
    return by_decades(days.min().date(), events["last_day"].dropna().max().date())
