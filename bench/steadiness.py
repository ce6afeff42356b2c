#!/usr/bin/env python3
"""How far the attribution models move when the dev data moves a little, on the dev part alone.

usage: python bench/steadiness.py [--seeds DIR] [--l2 X] [--min-count N] [--averaged N] [--draws N]

A change of the rules changes the events the models would be trained on, and models refitted to them
change some decisions that the change itself never touched: on the held-out part that is noise in the
figure that decides whether a change stays (which is why the models are fitted to a table read anew only
with ``train_attribution --refresh``). This measures it without reading the held-out part. The
whose and located models (``train_attribution``) are fitted five-fold over the dev texts; each fold's
events are judged once by the models fitted on the other folds, and again, ``--draws`` times, by models
fitted on that data with four of its texts left out (or, every third draw, 2 % of its events). It prints
the five-fold decide of each, and how many of the held-back events' actors (or drops) changed: the fewer,
the steadier. ``--averaged N`` takes the mean of N fits, each without one part of the texts (a text's
part follows from its id).
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
import zlib
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import score  # noqa: E402
import train_attribution as T  # noqa: E402


def fitted(examples: list[dict], vocab: dict[str, int], l2: float, averaged: int):
    """The whose and located models (no model of kinds: it changes no F1)."""
    from lifemap.extract.attribution import Model, Models

    parts = [examples] if averaged < 2 else [
        [ex for ex in examples if zlib.crc32(ex["text"].id.encode("utf-8")) % averaged != k] for k in range(averaged)]
    out = []
    for q in T.QUESTIONS:
        w = np.mean([T.fit(some, q, vocab, l2) for some in parts], axis=0)
        out.append(Model({name: float(w[j]) for name, j in vocab.items()}, float(w[-1])))
    return Models(out[0], out[1], None)


def decisions(models, examples: list[dict]) -> list[str | None]:
    """Each event's actor once the models have had their say (None: dropped), as ``attribute`` decides it."""
    from lifemap.extract import DEFAULT
    from lifemap.extract.attribution import judge

    out = []
    for ex in examples:
        row = ex["row"]
        actor = row["actor"] if ex["agreed"] else judge(models, ex["features"], row["actor"], ex["subject"], DEFAULT)
        out.append(row["actor"] if actor == ex["subject"] and ex["never"] else actor)
    return out


def decide(judged: list[tuple[dict, str | None]]) -> float:
    by_text = defaultdict(list)
    for ex, actor in judged:
        by_text[ex["text"].id].append((ex, actor))
    total = {"subject": score.Tally(), "all": score.Tally()}
    for items in by_text.values():
        pred = [dict(ex["row"], actor=actor) for ex, actor in items if actor is not None]
        for k, v in score.score_text(items[0][0]["text"], pred).items():
            total[k].add(v)
    return (total["subject"].f1()[2] + total["all"].f1()[2]) / 2


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=Path,
                    default=Path(os.environ.get("LIFEMAP_SEEDS", BENCH.parents[1] / "shared" / "seeds")))
    ap.add_argument("--l2", type=float, default=T.L2)
    ap.add_argument("--min-count", type=int, default=T.MIN_COUNT)
    ap.add_argument("--averaged", type=int, default=1, help="fits averaged per model [1]")
    ap.add_argument("--draws", type=int, default=3, help="changed data sets per fold [3]")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    data = T.examples([t for t in score.read_texts() if t.part == "dev"], args.seeds)
    counts = Counter(name for ex in data for name in set(ex["features"]))
    vocab = {name: j for j, name in enumerate(sorted(n for n, c in counts.items() if c >= args.min_count))}
    ids = sorted({ex["text"].id for ex in data})
    rng = random.Random(11)
    base: list = []
    changed: list[list] = [[] for _ in range(args.draws)]
    for k in range(T.FOLDS):
        fold = set(ids[k::T.FOLDS])
        held = [ex for ex in data if ex["text"].id in fold]
        rest = [ex for ex in data if ex["text"].id not in fold]
        base += zip(held, decisions(fitted(rest, vocab, args.l2, args.averaged), held))
        texts = sorted({ex["text"].id for ex in rest})
        for d in range(args.draws):
            if d % 3 == 2:
                some = [ex for ex in rest if rng.random() > 0.02]
            else:
                out = set(rng.sample(texts, 4))
                some = [ex for ex in rest if ex["text"].id not in out]
            changed[d] += zip(held, decisions(fitted(some, vocab, args.l2, args.averaged), held))
    flips = [sum(a[1] != b[1] for a, b in zip(base, draw)) for draw in changed]
    print(f"dev: {len(ids)} texts, {len(data)} events found; L2 {args.l2}, features seen {args.min_count} times or "
          f"more ({len(vocab)}), {args.averaged} fit(s) averaged")
    print(f"  {T.FOLDS}-fold decide {decide(base):.5f}; with the data changed: "
          + ", ".join(f"{decide(draw):.5f}" for draw in changed))
    print(f"  held-back events whose decision changed: {', '.join(map(str, flips))} of {len(base)} "
          f"(mean {sum(flips) / len(flips):.1f}); {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
