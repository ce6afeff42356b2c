#!/usr/bin/env python3
"""Train the attribution models (``lifemap.extract.attribution``) on the dev part of bench/gold.

usage: python bench/train_attribution.py [--seeds DIR] [--out PATH] [--check]

Every dev text is extracted with the models switched off (the rules alone); each event found is
labelled by the annotation it matches (``score.match``) twice: *whose* is 1 where the annotators
give that place to the text's subject (0 where they give it someone else or have no such event),
*located* is 1 where they have an event there at all. A logistic model with an L2 penalty is fitted
to each label over the events' features (those seen at least ``MIN_COUNT`` times) by a fixed number
of Adam steps from zero, so the same data always gives the same weights.

It prints the dev part's figures (the subject's own F1, all located F1, their mean ``decide``) with
the rules alone, with the models trained on all of dev (in-sample), and cross-validated over the
texts (five folds, each text's events judged by models that never saw that text). The held-out part
is never read here: ``bench/score.py`` scores it with the models in place, to decide whether
retrained models stay.

``--check`` writes nothing and exits 1 when the shipped models differ from what the data now gives.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
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
TOLERANCE = 0.002    # --check: how far a shipped weight may be from a retrained one
QUESTIONS = ("whose", "located")
FAMILIES = (("the seeds' parts", lambda i: i.startswith("seed-")),
            ("Wikipedia and Vale", lambda i: i.endswith("-wp") or "vale" in i),
            ("probe texts", lambda i: i.endswith("-probe")))


def examples(texts, seeds: Path) -> list[dict]:
    """One example per event the rules find in the dev texts: its text, row, features and labels."""
    from dataclasses import replace

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
                out.append({"text": t, "row": r, "subject": subject.name, "features": features(s, subject),
                            "whose": int(g is not None and score.is_subject(g["actor"], t.subject)),
                            "located": int(g is not None)})
    return out


def fit(examples: list[dict], question: str, vocab: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(examples), len(vocab) + 1))
    x[:, -1] = 1.0                                   # the bias
    for i, ex in enumerate(examples):
        for name in ex["features"]:
            if name in vocab:
                x[i, vocab[name]] = 1.0
    y = np.array([ex[question] for ex in examples], dtype=float)
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


def trained(examples: list[dict], vocab: dict[str, int]):
    from lifemap.extract.attribution import Model, Models

    def model(w):
        return Model({name: float(w[j]) for name, j in vocab.items()}, float(w[-1]))
    return Models(*(model(fit(examples, q, vocab)) for q in QUESTIONS))


def figures(examples: list[dict], models_of=None) -> tuple[float, float, float]:
    """The subject's own F1, all located F1 and their mean over the examples' texts, the rules'
    reading changed as ``lifemap.extract.attribution.attribute`` changes it with the models of each
    text (``models_of[text id]``; None: the rules alone)."""
    from lifemap.extract import DEFAULT
    from lifemap.extract.attribution import judge

    by_text = defaultdict(list)
    for ex in examples:
        by_text[ex["text"].id].append(ex)
    total = {"subject": score.Tally(), "all": score.Tally()}
    for items in by_text.values():
        t, pred = items[0]["text"], []
        for ex in items:
            row = ex["row"]
            if models_of is not None:
                actor = judge(models_of[t.id], ex["features"], row["actor"], ex["subject"], DEFAULT)
                if actor is None:
                    continue
                row = dict(row, actor=actor)
            pred.append(row)
        for k, v in score.score_text(t, pred).items():
            total[k].add(v)
    own, every = total["subject"].f1()[2], total["all"].f1()[2]
    return own, every, (own + every) / 2


def as_data(models, vocab, texts: int, events: int) -> dict:
    return {
        "about": "lifemap.extract.attribution: logistic weights, written by bench/train_attribution.py",
        "trained_on": f"the dev part of bench/gold: {texts} texts, {events} events found by the rules",
        "min_count": MIN_COUNT, "l2": L2, "steps": STEPS,
        **{q: {"bias": round(getattr(models, q).bias, 4),
               "weights": {n: round(w, 4) for n, w in sorted(getattr(models, q).weights.items())}}
           for q in QUESTIONS},
    }


def same(old: dict, new: dict) -> bool:
    """The same models, to ``TOLERANCE`` (another machine's arithmetic may differ in the last places)."""
    for q in QUESTIONS:
        a, b = old.get(q, {}), new[q]
        if a.get("weights", {}).keys() != b["weights"].keys() or abs(a.get("bias", 99) - b["bias"]) > TOLERANCE:
            return False
        if any(abs(a["weights"][k] - v) > TOLERANCE for k, v in b["weights"].items()):
            return False
    return True


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=Path,
                    default=Path(os.environ.get("LIFEMAP_SEEDS", BENCH.parents[1] / "shared" / "seeds")))
    ap.add_argument("--out", type=Path, default=None, help="where to write the models (default: the shipped file)")
    ap.add_argument("--check", action="store_true", help="compare with the shipped models; write nothing")
    args = ap.parse_args(argv)
    from importlib import resources

    shipped = Path(str(resources.files("lifemap").joinpath("data", "attribution.json")))
    dev = [t for t in score.read_texts() if t.part == "dev"]
    data = examples(dev, args.seeds)
    counts = Counter(name for ex in data for name in set(ex["features"]))
    vocab = {name: j for j, name in enumerate(sorted(n for n, c in counts.items() if c >= MIN_COUNT))}
    models = trained(data, vocab)

    ids = sorted({ex["text"].id for ex in data})
    unseen = {}
    for k in range(FOLDS):
        fold = set(ids[k::FOLDS])
        m = trained([ex for ex in data if ex["text"].id not in fold], vocab)
        unseen.update({i: m for i in fold})
    print(f"dev: {len(ids)} texts, {len(data)} events found, {sum(ex['located'] for ex in data)} of them "
          f"annotated, {sum(ex['whose'] for ex in data)} the subject's; {len(vocab)} features")
    for title, models_of in (("rules alone", None), ("with the models (trained on all dev)", {i: models for i in ids}),
                             (f"with the models, {FOLDS}-fold over texts", unseen)):
        own, every, decide = figures(data, models_of)
        print(f"  {title:<40} the subject's own F1 {own:.3f}  all located F1 {every:.3f}  decide {decide:.4f}")

    # by the kind of text: the probes (short lives written for lifemap) are most of dev, and a model
    # may learn their style; the seeds and the published biographies are what users bring
    for family, holds in FAMILIES:
        some = [ex for ex in data if holds(ex["text"].id)]
        if some:
            rules, crossed = figures(some)[2], figures(some, unseen)[2]
            print(f"  {family:<40} decide {rules:.4f} (rules alone) -> {crossed:.4f} ({FOLDS}-fold), "
                  f"{len({ex['text'].id for ex in some})} texts, {len(some)} events found")

    out = as_data(models, vocab, len(ids), len(data))
    if args.check:
        ok = same(json.loads(shipped.read_text(encoding="utf-8")), out)
        print("the shipped models are " + ("what the data gives" if ok else "NOT what the data now gives: retrain"))
        return 0 if ok else 1
    from lifemap.files import write_atomically

    path = args.out or shipped
    text = json.dumps(out, indent=1, ensure_ascii=False) + "\n"
    write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
