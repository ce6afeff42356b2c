#!/usr/bin/env python3
"""Score the text extractor against hand annotations: a dev part and a held-out part.

usage: python bench/score.py [--part dev|heldout|all] [--texts PATTERN] [--errors] [--check] [--json FILE]

``bench/texts.csv`` lists the annotated texts (a seed file, read from ``$LIFEMAP_SEEDS`` or
``../shared/seeds``, or a file under the repository), the part of each that was annotated, whose life
it tells and whether it is ``dev`` (look at its errors, tune on it) or ``heldout`` (only scored, to
decide whether a change stays). ``bench/gold/<id>.csv`` holds each text's rows: one per sentence and
place, facts and offsets only. ``bench/ANNOTATION.md`` says how they were annotated.

A predicted row matches a gold row of the same text when their sentences overlap and they name the
same place: the same curated id, the same name as written, or (last) points within 30 km. Pairs are
one to one. Printed for each part, and for each text with ``--by-text``:

- the subject's own place-events (actor = the text's subject in both): precision, recall, F1;
- all located events: precision, recall, F1;
- on matched events the text dates: year right (the years of start and end), date span exact
  (start, end and qualifier), and kind accuracy;
- on matched events the annotators placed: place right, the point within 50 km of theirs (500 km for a
  country or region, whose centre is a matter of choice), or the same curated id. Names are matched as
  written, so a place put at the wrong namesake (Venice, Florida for the Italian city) counts as found;
  this figure is where that shows.

The ``decide`` line is the mean of the two F1s: a change to extraction stays only if the held-out
part's does not fall. The attribution model (``lifemap.extract.attribution``) is fitted to the dev
texts, so the dev part's subject figures are in-sample; ``bench/train_attribution.py`` prints them
cross-validated over the texts. ``--errors`` lists misses, extras, wrong dates or kinds and misplaced points of the dev texts only: the held-out part is
for deciding, not for reading. ``--check`` validates the gold files (offsets are sentence offsets of
the text, names occur in their sentence, dates are spans) and scores nothing.
"""
from __future__ import annotations

import argparse
import csv
import fnmatch
import functools
import json
import math
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
GOLD_COLUMNS = ("source", "start", "end", "name", "place", "lat", "lon", "date_start", "date_end", "precision",
                "qualifier", "calendar", "kind", "actor")
NEAR_KM = 30.0


@dataclass
class Text:
    id: str
    file: str
    first: int
    last: float
    subject: str
    part: str
    gold: list[dict] = field(default_factory=list)

    def path(self, seeds: Path) -> Path:
        candidate = ROOT / self.file
        return candidate if "/" in self.file else seeds / self.file

    @property
    def name(self) -> str:
        return Path(self.file).name


def read_texts(bench: Path = BENCH) -> list[Text]:
    texts = []
    with (bench / "texts.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            text = Text(row["id"], row["file"], int(row["first"] or 0),
                        int(row["last"]) if row["last"] else math.inf, row["subject"], row["part"])
            gold = bench / "gold" / f"{text.id}.csv"
            with gold.open(newline="", encoding="utf-8") as g:
                reader = csv.DictReader(g)
                missing = [c for c in GOLD_COLUMNS if c not in (reader.fieldnames or ())]
                if missing:
                    raise SystemExit(f"score: {gold}: missing column(s) {', '.join(missing)}")
                for r in reader:
                    r["start"], r["end"] = int(r["start"]), int(r["end"])
                    text.gold.append(r)
            texts.append(text)
    return texts


# Matching -----------------------------------------------------------------------------------------
def _fold(name: str) -> str:
    from lifemap.gazetteer import fold

    return fold(name or "").removeprefix("the ")


def _km(a: dict, b: dict) -> float:
    try:
        lat1, lon1, lat2, lon2 = (math.radians(float(x)) for x in (a["lat"], a["lon"], b["lat"], b["lon"]))
    except (TypeError, ValueError):
        return math.inf
    if any(math.isnan(x) for x in (lat1, lon1, lat2, lon2)):
        return math.inf
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _same(g: dict, p: dict, loose: bool) -> bool:
    if not (p["start"] < g["end"] and g["start"] < p["end"]):
        return False
    if g["place"] and g["place"] == p["place"]:
        return True
    if _fold(g["name"]) == _fold(p["name"]):
        return True
    return loose and _km(g, p) <= NEAR_KM


# How far a matched point may lie from the annotators' and still be the same place
PLACE_KM = 50.0
AREA_KM = 500.0


def placed_right(g: dict, p: dict) -> bool:
    """The predicted point is the annotators' place: the same curated id, else within ``PLACE_KM``
    (``AREA_KM`` for a country or region)."""
    if g["place"] and g["place"] == p["place"]:
        return True
    return _km(g, p) <= (AREA_KM if p.get("place_kind") in ("country", "region") else PLACE_KM)


def match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs, exact identities (id or name) first, then nearby points."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for loose in (False, True):
        for gi, g in enumerate(gold):
            if gi in used_g:
                continue
            for pi, p in enumerate(pred):
                if pi not in used_p and _same(g, p, loose):
                    used_g.add(gi)
                    used_p.add(pi)
                    pairs.append((g, p))
                    break
    return pairs


def is_subject(actor: str, subject: str) -> bool:
    """The actor names the text's subject: the same name, or the same surname where no given name tells them
    apart ("Kerensky" for "Alexander Kerensky", "K. Stalin" or "Joseph Stalin" for "Stalin", whose given
    names are data); not one of the family ("Vasily Stalin", his son; "Aino Kuusinen", "Mrs. Paine") nor a
    thing named after them ("monument to Stalin", "icebreaker Krasin")."""
    a, s = _untitled(_fold(actor)), _fold(subject)
    if not a or a != s and a.split()[-1] != s.split()[-1]:
        return False
    mine, theirs = s.split()[:-1], a.split()[:-1]
    if a == s or not theirs:
        return True
    if not mine:                                   # a subject known by the surname: their own given names, which
        return any(_same_given(theirs[0], _fold(g)) for g in _given_names(subject))   # must be data
    return all(_same_given(x, y) for x, y in zip(theirs, mine))    # (not "Carl Robert" for "Carl Gustaf Emil")


def _untitled(name: str) -> str:
    """A folded name without the titles before it ("marshal zhukov": "zhukov")."""
    parts = name.split()
    while len(parts) > 1 and parts[0].rstrip(".") in _RANKS:
        parts.pop(0)
    return " ".join(parts)


# titles of office and rank, which any bearer of the name may hold (not "Mrs.", "Countess", "Aunt": another person)
_RANKS = frozenset("""marshal general colonel major captain lieutenant admiral commissar comrade president premier
    chairman secretary minister ambassador professor dr mr""".split())


def _same_given(a: str, b: str) -> bool:
    """Two given names that may be one person's: the same, or one the other's initial ("k." for "konstantin")."""
    a, b = a.rstrip("."), b.rstrip(".")
    return a == b or len(a) == 1 and b.startswith(a) or len(b) == 1 and a.startswith(b)


@functools.cache
def _given_names(name: str) -> tuple[str, ...]:
    """The given names of a subject shipped as data and called ``name`` ("Stalin": Joseph, Iosif, Soso …)."""
    from lifemap.subject import known_subjects

    known = next((k for k in known_subjects() if _fold(k.name) == _fold(name)), None)
    if known is None:
        return ()
    return tuple(known.given) + tuple(known.full_name.split()[:-1]) + tuple(a for a in known.aliases if " " not in a)


# Scores -------------------------------------------------------------------------------------------
@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    hit: int = 0
    dated: int = 0
    year: int = 0
    exact: int = 0
    kinds: int = 0
    scored: int = 0
    placed: int = 0
    where: int = 0

    def add(self, other: "Tally") -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def f1(self) -> tuple[float, float, float]:
        p = self.hit / self.pred if self.pred else 0.0
        r = self.hit / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def figures(self) -> dict:
        p, r, f = self.f1()
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "gold": self.gold,
                "predicted": self.pred, "matched": self.hit,
                "year_right": round(self.year / self.dated, 3) if self.dated else None,
                "date_exact": round(self.exact / self.dated, 3) if self.dated else None,
                "kind": round(self.kinds / self.scored, 3) if self.scored else None,
                "place_right": round(self.where / self.placed, 3) if self.placed else None,
                # the counts behind the rates: a change of one event shows where three decimals hide it
                "dated": self.dated, "years": self.year, "exact": self.exact}


def tally(gold: list[dict], pred: list[dict], pairs, scored) -> Tally:
    t = Tally(len(gold), len(pred), len(pairs))
    for g, p in scored:
        t.scored += 1
        t.kinds += g["kind"] == p["kind"]
        if g["lat"]:
            t.placed += 1
            t.where += placed_right(g, p)
        if g["date_start"]:
            t.dated += 1
            t.year += (g["date_start"][:4], g["date_end"][:4]) == (p["date_start"][:4], p["date_end"][:4])
            t.exact += (g["date_start"], g["date_end"], g["qualifier"]) == (
                p["date_start"], p["date_end"], p.get("qualifier") or "")
    return t


def score_text(text: Text, pred: list[dict]) -> dict[str, Tally]:
    pairs = match(text.gold, pred)
    everything = tally(text.gold, pred, pairs, pairs)
    gs = [g for g in text.gold if is_subject(g["actor"], text.subject)]
    ps = [p for p in pred if is_subject(p["actor"], text.subject)]
    both = [(g, p) for g, p in pairs if is_subject(g["actor"], text.subject) and is_subject(p["actor"], text.subject)]
    own = [(g, p) for g, p in pairs if is_subject(g["actor"], text.subject)]
    subject = tally(gs, ps, both, own)
    return {"subject": subject, "all": everything}


def predict(texts: list[Text], seeds: Path) -> dict[str, list[dict]]:
    """Extracted rows of each text's annotated part (each file is read once)."""
    from lifemap.extract import extract
    from lifemap.gazetteer import Gazetteer
    from lifemap.geonames import GeoNames

    out: dict[str, list[dict]] = {}
    gazetteer, fallback = Gazetteer.load(), GeoNames.open()     # (once, not for every file)
    for path in sorted({t.path(seeds) for t in texts}):
        frame = extract(path, gazetteer=gazetteer, fallback=fallback, progress=False)
        found = frame.attrs["subjects"][0].name        # whom the extractor took the text to be about
        rows = frame.drop(columns=["geometry"]).to_dict("records")
        for t in texts:
            if t.path(seeds) == path:
                # the extractor's name for the subject is the text's subject, however it spells it ("Grigoriy
                # Ordzhonikidze", the title's, for the annotators' "Sergo Ordzhonikidze")
                out[t.id] = [{**r, "actor": t.subject} if r["actor"] == found and found != "unknown" else r
                             for r in rows if t.first <= r["start"] < t.last]
    return out


def _line(title: str, t: Tally) -> str:
    p, r, f = t.f1()
    fig = t.figures()
    extra = ""
    if t.dated:
        extra = f"  year {fig['year_right']:.3f}  date exact {fig['date_exact']:.3f}"
    if t.scored:
        extra += f"  kind {fig['kind']:.3f}"
    if t.placed:
        extra += f"  place {fig['place_right']:.3f}"
    return f"  {title:<16} P {p:.3f} R {r:.3f} F1 {f:.3f} ({t.hit}/{t.gold} gold, {t.pred} found){extra}"


def errors(text: Text, pred: list[dict]) -> None:
    pairs = match(text.gold, pred)
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    print(f"\n== {text.id} ({text.file})")
    print("missed (annotated, not extracted):")
    for g in text.gold:
        if id(g) not in matched_g:
            print(f"  {g['start']:>6} {g['name']:<24} {g['kind']:<10} {g['actor']}")
    print("extra (extracted, not annotated):")
    for p in pred:
        if id(p) not in matched_p:
            print(f"  {p['start']:>6} {p['name']:<24} {p['kind']:<10} {p['actor']}")
    print("dates, kinds or actors that differ (annotated -> extracted):")
    for g, p in pairs:
        date_ok = not g["date_start"] or (g["date_start"], g["date_end"], g["qualifier"]) == (
            p["date_start"], p["date_end"], p.get("qualifier") or "")
        actor_ok = is_subject(g["actor"], text.subject) == is_subject(p["actor"], text.subject)
        if not date_ok or g["kind"] != p["kind"] or not actor_ok:
            print(f"  {g['start']:>6} {g['name']:<20} {g['date_start']}..{g['date_end']} {g['qualifier']} -> "
                  f"{p['date_start']}..{p['date_end']} {p.get('qualifier') or ''} ({p['date_text']})  "
                  f"{g['kind']}->{p['kind']}  {g['actor']}->{p['actor']}")
    print("placed elsewhere (annotated point -> extracted place):")
    for g, p in pairs:
        if g["lat"] and not placed_right(g, p):
            print(f"  {g['start']:>6} {g['name']:<20} {float(g['lat']):.2f},{float(g['lon']):.2f} -> {p['place']} "
                  f"({p.get('place_kind')}) {_km(g, p):.0f} km")


def check(texts: list[Text], seeds: Path) -> int:
    """Problems in the gold files, one line each; the number of problems."""
    from lifemap.dates import DateSpan
    from lifemap.errors import DateError
    from lifemap.events import KINDS
    from lifemap.gazetteer import Gazetteer
    from lifemap.text import read_text, sentences

    gazetteer = Gazetteer.load()
    problems = 0
    cache: dict[Path, tuple[str, set]] = {}
    for t in texts:
        path = t.path(seeds)
        if path not in cache:
            body = read_text(path)
            cache[path] = (body, set(sentences(body)))
        body, spans = cache[path]
        for n, g in enumerate(t.gold, 2):
            where = f"bench/gold/{t.id}.csv:{n}"
            said = []
            if g["source"] != t.name:
                said.append(f"source {g['source']!r} is not {t.name!r}")
            if (g["start"], g["end"]) not in spans:
                said.append(f"{g['start']}..{g['end']} is not a sentence of the text")
            elif not t.first <= g["start"] < t.last:
                said.append("sentence outside the annotated part")
            elif _fold(g["name"]) not in _fold(body[g["start"]:g["end"]]):
                said.append(f"{g['name']!r} is not written in the sentence")
            if g["place"] and g["place"] not in gazetteer:
                said.append(f"unknown place id {g['place']!r}")
            if not g["place"] and math.isinf(_km(g, {"lat": 0, "lon": 0})):
                said.append("neither a place id nor coordinates")
            if g["kind"] not in KINDS:
                said.append(f"kind {g['kind']!r}")
            if not g["actor"].strip():
                said.append("no actor")
            if g["date_start"]:
                try:
                    DateSpan(g["date_start"], g["date_end"] or g["date_start"], g["precision"], g["qualifier"],
                             g["calendar"] or "gregorian")
                except DateError as exc:
                    said.append(str(exc))
            for s in said:
                print(f"{where}: {s}")
                problems += 1
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=("dev", "heldout", "all"), default="all")
    ap.add_argument("--seeds", default=os.environ.get("LIFEMAP_SEEDS", str(ROOT.parent / "shared" / "seeds")))
    ap.add_argument("--by-text", action="store_true", help="a line per text as well as per part")
    ap.add_argument("--errors", action="store_true", help="list misses, extras and wrong dates or kinds (dev only)")
    ap.add_argument("--check", action="store_true", help="validate the gold files and score nothing")
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--texts", metavar="PATTERN", help="only the texts whose id matches this shell pattern "
                                                      "('*-probe': the probe texts of the dev part)")
    args = ap.parse_args(argv)
    seeds = Path(args.seeds)
    texts = read_texts()
    missing = sorted({str(t.path(seeds)) for t in texts if not t.path(seeds).exists()})
    if missing:
        print(f"score: texts missing: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.check:
        return 1 if check(texts, seeds) else 0
    texts = [t for t in texts if args.part in ("all", t.part) and (not args.texts or fnmatch.fnmatch(t.id, args.texts))]
    pred = predict(texts, seeds)
    figures: dict = {}
    for part in ("dev", "heldout"):
        chosen = [t for t in texts if t.part == part]
        if not chosen:
            continue
        totals = {"subject": Tally(), "all": Tally()}
        print(f"{part} ({len(chosen)} texts, {sum(len(t.gold) for t in chosen)} annotated events)")
        for t in chosen:
            scores = score_text(t, pred[t.id])
            for k in totals:
                totals[k].add(scores[k])
            figures[t.id] = {k: v.figures() for k, v in scores.items()}
            if args.by_text:
                print(f" {t.id} (subject {t.subject})")
                print(_line("subject's own", scores["subject"]))
                print(_line("all located", scores["all"]))
        if args.by_text:
            print(" together")
        print(_line("subject's own", totals["subject"]))
        print(_line("all located", totals["all"]))
        figures[part] = {k: v.figures() for k, v in totals.items()}
        figures[part]["decide"] = round((totals["subject"].f1()[2] + totals["all"].f1()[2]) / 2, 4)
        print(f"  decide           {figures[part]['decide']:.4f} (the mean of the two F1: a change stays only "
              f"if the held-out figure does not fall)")
        if part == "dev":
            print("  (the attribution model was fitted to the dev texts, so their subject figures flatter it: "
                  "bench/train_attribution.py prints them cross-validated)")
    if args.errors:
        for t in texts:
            if t.part == "dev":
                errors(t, pred[t.id])
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
