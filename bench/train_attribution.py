#!/usr/bin/env python3
"""Train the attribution model (``lifemap.extract.attribution``) on the dev part of bench/gold.

usage: python bench/train_attribution.py [--seeds DIR] [--out PATH] [--check]

Every dev text is extracted with the model switched off (the rules' actors alone); each event found
is labelled by the annotation it matches (``score.match``): 1 where the annotators give that place
to the text's subject, 0 where they give it someone else or have no such event. A logistic model
with an L2 penalty is fitted to the events' features (those seen at least ``MIN_COUNT`` times) by a
fixed number of Adam steps from zero, so the same data always gives the same weights.

It prints the dev part's subject F1 with the rules alone and with the model, the model's figure
cross-validated over the texts (five folds, each text's events scored by a model that never saw
that text). The held-out part is never read here: ``bench/score.py`` scores it with the model in
place, to decide whether a retrained model stays.

``--check`` writes nothing and exits 1 when the shipped model differs from what the data now gives.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import score  # noqa: E402

MIN_COUNT = 8        # a feature seen fewer times on dev is left out
L2 = 1.0
STEPS = 400
RATE = 0.05
FOLDS = 5
TOLERANCE = 0.002  # --check: how far a shipped weight may be from a retrained one


def examples(texts, seeds: Path):
    """``[(text, row, features, label)]`` of the dev texts, read with the rules alone."""
    from lifemap.extract import DEFAULT, concat, extract_pieces
    from lifemap.extract.attribution import features

    rules_only = replace(DEFAULT, attribution=False)
    by_path = defaultdict(list)
    for t in texts:
        by_path[t.path(seeds)].append(t)
    out = []
    for path in sorted(by_path):
        shown: list = []
        frame = concat(list(extract_pieces(path, progress=False, options=rules_only, readings=shown)))
        subject = frame.attrs["subjects"][0]
        rows = frame.drop(columns=["geometry"]).to_dict("records")
        assert len(rows) == len(shown) and all(r["sentence"] == s.sentence for r, s in zip(rows, shown))
        for t in by_path[path]:
            pred = [(r, s) for r, s in zip(rows, shown) if t.first <= r["start"] < t.last]
            matched = {id(p): g for g, p in score.match(t.gold, [r for r, _ in pred])}
            for r, s in pred:
                g = matched.get(id(r))
                label = int(g is not None and score.is_subject(g["actor"], t.subject))
                out.append((t, dict(r, subject=subject.name), features(s, subject), label))
    return out


def fit(rows, vocab: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(rows), len(vocab) + 1))
    x[:, -1] = 1.0                                   # the bias
    for i, (_, _, f, _) in enumerate(rows):
        for name in f:
            if name in vocab:
                x[i, vocab[name]] = 1.0
    y = np.array([label for *_, label in rows], dtype=float)
    w = np.zeros(x.shape[1])
    m, v = np.zeros_like(w), np.zeros_like(w)
    penalty = np.full_like(w, L2)
    penalty[-1] = 0.0
    for step in range(1, STEPS + 1):
        p = 1 / (1 + np.exp(-(x @ w)))
        g = (x.T @ (p - y) + penalty * w) / len(y)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= RATE * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w


def as_model(w: np.ndarray, vocab: dict[str, int]):
    from lifemap.extract.attribution import Model

    return Model({name: float(w[j]) for name, j in vocab.items()}, float(w[-1]))


def subject_f1(rows, decide) -> tuple[float, float, float]:
    """The subject's P, R, F1 over the rows' texts, each row's actor as ``decide(row)`` says."""
    by_text = defaultdict(list)
    for t, r, f, label in rows:
        by_text[t.id].append((t, r, f))
    total = score.Tally()
    for items in by_text.values():
        t = items[0][0]
        pred = [dict(r, actor=decide(t, r, f)) for t, r, f in items]
        total.add(score.score_text(t, pred)["subject"])
    return total.f1()


def decider(models, options):
    """Each row's actor with the model of its text (``models[text id]``) having its say as
    ``lifemap.extract.attribution.decide`` has it."""
    from lifemap.extract.attribution import decide

    def actor(t, r, f):
        return decide(r["actor"], models[t.id].probability(f), r["subject"], options)
    return actor


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=Path, default=Path(os.environ.get("LIFEMAP_SEEDS", BENCH.parents[1] / "shared" / "seeds")))
    ap.add_argument("--out", type=Path, default=None, help="where to write the model (default: the shipped one)")
    ap.add_argument("--check", action="store_true", help="compare with the shipped model; write nothing")
    args = ap.parse_args(argv)
    from importlib import resources

    from lifemap.extract import DEFAULT

    shipped = Path(str(resources.files("lifemap").joinpath("data", "attribution.json")))
    dev = [t for t in score.read_texts() if t.part == "dev"]
    rows = examples(dev, args.seeds)
    counts = Counter(name for _, _, f, _ in rows for name in set(f))
    vocab = {name: j for j, name in enumerate(sorted(n for n, c in counts.items() if c >= MIN_COUNT))}
    w = fit(rows, vocab)
    model = as_model(w, vocab)

    ids = sorted({t.id for t, *_ in rows})
    folds = [set(ids[k::FOLDS]) for k in range(FOLDS)]
    unseen = {}
    for fold in folds:
        m = as_model(fit([r for r in rows if r[0].id not in fold], vocab), vocab)
        unseen.update({i: m for i in fold})
    rules = subject_f1(rows, lambda t, r, f: r["actor"])
    fitted = subject_f1(rows, decider({i: model for i in ids}, DEFAULT))
    crossed = subject_f1(rows, decider(unseen, DEFAULT))
    print(f"dev: {len(ids)} texts, {len(rows)} events found, {sum(r[3] for r in rows)} of them the subject's; "
          f"{len(vocab)} features")
    for title, (p, r, f) in (("rules alone", rules), ("with the model (trained on all dev)", fitted),
                             (f"with the model, {FOLDS}-fold over texts", crossed)):
        print(f"  subject's own {title:<40} P {p:.3f} R {r:.3f} F1 {f:.3f}")

    data = {
        "about": "lifemap.extract.attribution: logistic weights, written by bench/train_attribution.py",
        "trained_on": f"the dev part of bench/gold: {len(ids)} texts, {len(rows)} events found by the rules",
        "min_count": MIN_COUNT, "l2": L2, "steps": STEPS,
        "bias": round(model.bias, 4),
        "weights": {name: round(value, 4) for name, value in sorted(model.weights.items())},
    }
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    if args.check:
        # (another machine's arithmetic may differ in the last places: weights agree to TOLERANCE)
        old = json.loads(shipped.read_text(encoding="utf-8"))
        same = old["weights"].keys() == data["weights"].keys() and all(
            abs(old["weights"][k] - v) <= TOLERANCE for k, v in data["weights"].items()) and abs(
            old["bias"] - data["bias"]) <= TOLERANCE
        print("the shipped model is " + ("what the data gives" if same else "NOT what the data now gives: retrain"))
        return 0 if same else 1
    from lifemap.files import write_atomically

    out = args.out or shipped
    write_atomically(out, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
