#!/usr/bin/env python3
"""Score the text extractor against the development set (bench/devset.csv).

usage: python bench/score.py [--devset bench/devset.csv] [--seeds DIR] [--errors]

The development set lists every located event we found by reading two seed texts: all of
003_58a08e17d63f7d08.txt and the first 25,000 characters of 000_d8b7950de8962d2a.txt (``REGIONS``).
Each row gives the seed, the offsets of the sentence (as ``lifemap.text.sentences`` cuts it), the
place id of places.csv, the date span the text allows (empty when the text gives none), the
precision, the kind and the actor. Facts and offsets only: no sentence is stored.

How the rows were annotated:
- an event is a sentence that puts an action or a state of someone at a named place; one row per
  sentence and place. A place only named as a reference point ("100 miles west of X"), as the
  larger place holding a smaller one ("Gori, in the Tiflis Governorate"), in a wish, a doctrine, a
  comparison, a title or an organisation's name with nothing happening there, or where something
  did not happen, is no event;
- for moves (travel, exile, escape, deportation) the destination is the event's place; a place the
  move starts from ("from Kureika to Achinsk", "left Batum") is no row of its own;
- a site and the city it stands in ("Bailov Prison in Baku") make one row, for the site;
- the date is the one the text gives for that event, in the Gregorian calendar: days the text gives
  in the Old Style (the Service chapter throughout before 1918, the Wikipedia text for 1917) are
  converted; without a date in the sentence, the narrative's date as the text establishes it;
- actor "Stalin" only where Stalin himself was at the place.

Printed: place-event precision, recall and F1 (a match is the same source, overlapping sentence
spans and the same place id); exact date-span accuracy (date_start and date_end equal) on matched
events that have a date; kind accuracy on matched events. Overall, then for actor == Stalin (a
Stalin match needs both actors to be Stalin; date and kind accuracy there are over the matched
events whose annotated actor is Stalin).
"""
from __future__ import annotations

import argparse
import csv
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The part of each seed that was annotated: (first offset, last offset) of sentence starts.
REGIONS = {"000_d8b7950de8962d2a.txt": (0, 25_000)}


def read_devset(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for r in rows:
        r["start"], r["end"] = int(r["start"]), int(r["end"])
    return rows


def predict(sources: list[str], seeds: Path) -> list[dict]:
    from lifemap.extract import extract

    frame = extract([seeds / s for s in sources], progress=False)
    rows = frame.drop(columns=["geometry"]).to_dict("records")
    out = []
    for r in rows:
        lo, hi = REGIONS.get(r["source"], (0, float("inf")))
        if lo <= r["start"] < hi:
            out.append(r)
    return out


def match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs: same source, same place, overlapping sentence spans."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        for i, p in enumerate(pred):
            if i in used or p["source"] != g["source"] or p["place"] != g["place"]:
                continue
            if p["start"] < g["end"] and g["start"] < p["end"]:
                used.add(i)
                pairs.append((g, p))
                break
    return pairs


def ratio(n: int, d: int) -> str:
    return f"{n / d:.3f} ({n}/{d})" if d else "n/a"


def report(title: str, gold: list[dict], pred: list[dict], pairs: list[tuple[dict, dict]],
           scored: list[tuple[dict, dict]]) -> dict:
    """Print one block; ``pairs`` count for P/R/F1, ``scored`` for the date and kind accuracy."""
    p = len(pairs) / len(pred) if pred else 0.0
    r = len(pairs) / len(gold) if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    dated = [(g, q) for g, q in scored if g["date_start"]]
    exact = sum(g["date_start"] == q["date_start"] and g["date_end"] == q["date_end"] for g, q in dated)
    kinds = sum(g["kind"] == q["kind"] for g, q in scored)
    print(f"{title}")
    print(f"  place events   precision {ratio(len(pairs), len(pred))}  recall {ratio(len(pairs), len(gold))}"
          f"  F1 {f1:.3f}")
    print(f"  date span exact {ratio(exact, len(dated))}   (matched events without a date in the text: "
          f"{len(scored) - len(dated)})")
    print(f"  kind accuracy   {ratio(kinds, len(scored))}")
    return {"precision": p, "recall": r, "f1": f1, "date": exact / len(dated) if dated else 0.0,
            "kind": kinds / len(scored) if scored else 0.0}


def errors(gold, pred, pairs) -> None:
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    print("\nmissed (in the devset, not extracted):")
    for g in gold:
        if id(g) not in matched_g:
            print(f"  {g['source'][:3]} {g['start']:>6} {g['place']:<26} {g['kind']:<10} {g['actor']}")
    print("extra (extracted, not in the devset):")
    for p in pred:
        if id(p) not in matched_p:
            print(f"  {p['source'][:3]} {p['start']:>6} {p['place']:<26} {p['kind']:<10} {p['actor']}  "
                  f"[{p['name']}]")
    print("dates and kinds that differ (devset -> extracted):")
    for g, p in pairs:
        date_ok = not g["date_start"] or (g["date_start"], g["date_end"]) == (p["date_start"], p["date_end"])
        if not date_ok or g["kind"] != p["kind"] or (g["actor"] == "Stalin") != (p["actor"] == "Stalin"):
            print(f"  {g['source'][:3]} {g['start']:>6} {g['place']:<24} {g['date_start']}..{g['date_end']} -> "
                  f"{p['date_start']}..{p['date_end']} ({p['date_text']})  {g['kind']}->{p['kind']}  "
                  f"{g['actor']}->{p['actor']}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devset", default=str(ROOT / "bench" / "devset.csv"))
    ap.add_argument("--seeds", default=os.environ.get("LIFEMAP_SEEDS", str(ROOT.parent / "shared" / "seeds")))
    ap.add_argument("--errors", action="store_true", help="list misses, extras and wrong dates or kinds")
    args = ap.parse_args(argv)
    seeds = Path(args.seeds)
    gold = read_devset(Path(args.devset))
    sources = sorted({g["source"] for g in gold})
    missing = [s for s in sources if not (seeds / s).exists()]
    if missing:
        print(f"score: seed texts missing under {seeds}: {', '.join(missing)}", file=sys.stderr)
        return 2
    pred = predict(sources, seeds)
    pairs = match(gold, pred)
    report("all events", gold, pred, pairs, pairs)
    gs = [g for g in gold if g["actor"] == "Stalin"]
    ps = [p for p in pred if p["actor"] == "Stalin"]
    both = [(g, p) for g, p in pairs if g["actor"] == "Stalin" and p["actor"] == "Stalin"]
    of_stalin = [(g, p) for g, p in pairs if g["actor"] == "Stalin"]
    report("actor == Stalin", gs, ps, both, of_stalin)
    if args.errors:
        errors(gold, pred, pairs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
