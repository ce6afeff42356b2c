#!/usr/bin/env python3
"""Train the attribution models (``lifemap.extract.attribution``) on the dev part of bench/gold.

usage: python bench/train_attribution.py [--seeds DIR] [--out PATH] [--check] [--refresh]

The models are fitted to a table of readings (``TABLE``, beside this script): one line for each event
the rules found in a dev text, with the models switched off, holding the event's features and its
labels. Each event is labelled by the annotation it matches (``score.match``) twice: *whose* is 1 where
the annotators give that place to the text's subject (0 where they give it someone else or have no
such event), *located* is 1 where they have an event there at all. A logistic model with an L2
penalty is fitted to each label over the features seen at least ``MIN_COUNT`` times by a fixed number
of Adam steps from zero, so the same table always gives the same weights. A third, multinomial model
is fitted the same way to the annotators' kind of each matched event (``kind_features``).

The table changes only with ``--refresh``, which reads the dev texts anew with today's rules. A change
of the rules is therefore judged, on both parts, with the models as shipped; refitting them moves a few
decisions that the change never touched (``bench/steadiness.py``: one to three held-out events, more
than a rule mend moves), so a refresh is a change of its own, judged on the held-out part by itself.

It prints the dev part's figures (the subject's own F1, all located F1, their mean ``decide``, and
the kind right on the matched events) of today's readings with the rules alone, with the models fitted
to the whole table (in-sample), and cross-validated over the texts (five folds, each text's events
judged by models fitted to the table without that text), and how many of today's readings the table
holds as they are. The held-out part is never read here: ``bench/score.py`` scores it with the models
in place, to decide whether refitted models stay.

``--check`` reads no text and writes nothing: it exits 1 when the shipped models are not what the
table gives.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import score  # noqa: E402

TABLE = BENCH / "attribution_readings.jsonl.gz"
MIN_COUNT = 2        # a feature seen fewer times on dev is left out
L2 = 0.5
KIND_L2 = 2.0        # the model of kinds has more features than answers to spare (5-fold kind right: 0.5 0.691,
#                      1.0 0.695, 2.0 0.697, 3.0 0.696, 5.0 0.695, 12.0 0.682)
STEPS = 400
RATE = 0.05
FOLDS = 5
TOLERANCE = 0.002    # --check: how far a shipped weight may be from a retrained one
QUESTIONS = ("whose", "located")
KINDS = ("annexation", "arrest", "battle", "birth", "congress", "death", "deportation", "education", "escape",
         "exile", "front", "massacre", "other", "prison", "rename", "summit", "travel", "work")   # ANNOTATION.md's
FAMILIES = (("the seeds' parts", lambda i: i.startswith("seed-")),
            ("Wikipedia and Vale", lambda i: i.endswith("-wp") or "vale" in i),
            ("probe texts", lambda i: i.endswith("-probe")),
            ("probe essays", lambda i: i.endswith("-essay")))


def examples(texts, seeds: Path) -> list[dict]:
    """One example per event the rules find in the dev texts: its text, row, features and labels."""
    from dataclasses import replace

    from lifemap.extract import DEFAULT, concat, extract_pieces
    from lifemap.dates import DateSpan
    from lifemap.extract.attribution import agreed, features, kind_features, never_theirs

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
                span = DateSpan(r["date_start"], r["date_end"], r["precision"], r["qualifier"] or "",
                                r["calendar"]) if r["date_start"] else None
                out.append({"text": t, "text_id": t.id, "start": r["start"], "row": r, "subject": subject.name,
                            "features": features(s, subject),
                            "agreed": agreed(r["kind"], r["actor"], span, bool(r["date_text"]) and not r["carried"],
                                             subject),
                            "kind_features": kind_features(s, subject), "never": never_theirs(s, subject),
                            "whose": int(g is not None and score.is_subject(g["actor"], t.subject)),
                            "located": int(g is not None), "kind": g["kind"] if g is not None else None})
    return out


_LABELS = ("whose", "located", "kind")


def table_lines(examples: list[dict]) -> list[str]:
    """The examples as the table holds them, a JSON line each: the text's id, the place's offset, the
    features, those only the model of kinds reads, and the labels (words of the text only as single
    features: no sentence)."""
    lines = []
    for ex in examples:
        said = ex["features"]
        assert ex["kind_features"][:len(said)] == said
        lines.append(json.dumps({"text": ex["text_id"], "start": ex["start"], "features": said,
                                 "kind_only": ex["kind_features"][len(said):],
                                 **{k: ex[k] for k in _LABELS}}, ensure_ascii=False))
    return lines


def write_table(examples: list[dict], path: Path = TABLE) -> None:
    """The table, gzipped with no date in its header (the same readings give the same bytes)."""
    from lifemap.files import write_atomically

    data = gzip.compress(("\n".join(table_lines(examples)) + "\n").encode("utf-8"), mtime=0)
    write_atomically(path, lambda tmp: tmp.write_bytes(data))


def read_table(path: Path = TABLE) -> list[dict]:
    """The examples the models are fitted to, as ``write_table`` wrote them."""
    out = []
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        row = json.loads(line)
        out.append({"text_id": row["text"], "start": row["start"], "features": row["features"],
                    "kind_features": row["features"] + row["kind_only"], **{k: row[k] for k in _LABELS}})
    return out


def _design(examples: list[dict], key: str, vocab: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(examples), len(vocab) + 1))
    x[:, -1] = 1.0                                   # the bias
    for i, ex in enumerate(examples):
        for name in ex[key]:
            if name in vocab:
                x[i, vocab[name]] = 1.0
    return x


def _adam(x: np.ndarray, y: np.ndarray, probabilities, l2: float = L2) -> np.ndarray:
    """Weights for ``x`` (one column per output of ``y``) by ``STEPS`` Adam steps from zero on the mean
    log loss plus the L2 penalty ``l2`` (not on the biases)."""
    w = np.zeros((x.shape[1], y.shape[1]))
    m, v = np.zeros_like(w), np.zeros_like(w)
    penalty = np.full((x.shape[1], 1), l2)
    penalty[-1] = 0.0
    for step in range(1, STEPS + 1):
        g = (x.T @ (probabilities(x @ w) - y) + penalty * w) / len(y)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= RATE * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def fit(examples: list[dict], question: str, vocab: dict[str, int], l2: float = L2) -> np.ndarray:
    y = np.array([[ex[question]] for ex in examples], dtype=float)
    return _adam(_design(examples, "features", vocab), y, lambda z: 1 / (1 + np.exp(-z)), l2)[:, 0]


def fit_kinds(examples: list[dict], vocab: dict[str, int]) -> np.ndarray:
    """The multinomial model of kinds, over the events the annotators have (columns: ``KINDS``)."""
    matched = [ex for ex in examples if ex["kind"] is not None]
    y = np.zeros((len(matched), len(KINDS)))
    for i, ex in enumerate(matched):
        y[i, KINDS.index(ex["kind"])] = 1.0
    return _adam(_design(matched, "kind_features", vocab), y, _softmax, KIND_L2)


def trained(examples: list[dict], vocab: dict[str, int], kind_vocab: dict[str, int]):
    from lifemap.extract.attribution import KindModel, Model, Models

    def model(w):
        return Model({name: float(w[j]) for name, j in vocab.items()}, float(w[-1]))
    w = fit_kinds(examples, kind_vocab)
    kind = KindModel(KINDS, {name: tuple(float(x) for x in w[j]) for name, j in kind_vocab.items()},
                     tuple(float(x) for x in w[-1]))
    return Models(*(model(fit(examples, q, vocab)) for q in QUESTIONS), kind)


def figures(examples: list[dict], models_of=None) -> tuple[float, float, float, float]:
    """The subject's own F1, all located F1, their mean and the kind right on the matched events over
    the examples' texts, the rules' reading changed as ``lifemap.extract.attribution.attribute`` changes
    it with the models of each text (``models_of[text id]``; None: the rules alone)."""
    from lifemap.extract import DEFAULT
    from lifemap.extract.attribution import judge, kind_of, said_plainly

    by_text = defaultdict(list)
    for ex in examples:
        by_text[ex["text_id"]].append(ex)
    total = {"subject": score.Tally(), "all": score.Tally()}
    for items in by_text.values():
        t, pred = items[0]["text"], []
        for ex in items:
            row = ex["row"]
            if models_of is not None:
                m = models_of[t.id]
                actor = row["actor"] if ex["agreed"] else judge(m, ex["features"], row["actor"], ex["subject"], DEFAULT)
                if actor is None:
                    continue
                if actor == ex["subject"] and ex["never"]:
                    actor = row["actor"]
                kind = row["kind"]
                if said_plainly(row["summary"], kind, row["name"], row["actor"], ex["subject"]):
                    kind = kind_of(m.kind, ex["kind_features"], kind, actor, ex["subject"])
                row = dict(row, actor=actor, kind=kind)
            pred.append(row)
        for k, v in score.score_text(t, pred).items():
            total[k].add(v)
    own, every = total["subject"].f1()[2], total["all"].f1()[2]
    return own, every, (own + every) / 2, total["all"].kinds / max(1, total["all"].scored)


def as_data(models, vocab, texts: int, events: int) -> dict:
    return {
        "about": "lifemap.extract.attribution: logistic weights, written by bench/train_attribution.py",
        "trained_on": f"the dev part of bench/gold: {texts} texts, {events} events found by the rules",
        "min_count": MIN_COUNT, "l2": L2, "kind_l2": KIND_L2, "steps": STEPS,
        **{q: {"bias": round(getattr(models, q).bias, 4),
               "weights": {n: round(w, 4) for n, w in sorted(getattr(models, q).weights.items())}}
           for q in QUESTIONS},
        "kind": {"kinds": list(models.kind.kinds), "biases": [round(b, 4) for b in models.kind.biases],
                 "weights": {n: [round(x, 4) for x in w] for n, w in sorted(models.kind.weights.items())}},
    }


def as_text(data: dict) -> str:
    """The models as JSON, a line to a weight, and a line to a feature of the model of kinds (its weights
    for every kind on one line: the file stays a few hundred lines long and a retrain's diff readable)."""
    kind = data["kind"]
    text = json.dumps({k: v for k, v in data.items() if k != "kind"}, indent=1, ensure_ascii=False)
    rows = ",\n".join(f"   {json.dumps(n, ensure_ascii=False)}: {json.dumps(w)}" for n, w in kind["weights"].items())
    return (text[:-2] + ',\n "kind": {\n  "kinds": ' + json.dumps(kind["kinds"]) + ',\n  "biases": '
            + json.dumps(kind["biases"]) + ',\n  "weights": {\n' + rows + "\n  }\n }\n}\n")


def same(old: dict, new: dict) -> bool:
    """The same models, to ``TOLERANCE`` (another machine's arithmetic may differ in the last places)."""
    for q in QUESTIONS:
        a, b = old.get(q, {}), new[q]
        if a.get("weights", {}).keys() != b["weights"].keys() or abs(a.get("bias", 99) - b["bias"]) > TOLERANCE:
            return False
        if any(abs(a["weights"][k] - v) > TOLERANCE for k, v in b["weights"].items()):
            return False
    a, b = old.get("kind", {}), new["kind"]
    if a.get("kinds") != b["kinds"] or a.get("weights", {}).keys() != b["weights"].keys():
        return False
    pairs = [*zip(a["biases"], b["biases"]), *(xy for k, w in b["weights"].items() for xy in zip(a["weights"][k], w))]
    return all(abs(x - y) <= TOLERANCE for x, y in pairs)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=Path,
                    default=Path(os.environ.get("LIFEMAP_SEEDS", BENCH.parents[1] / "shared" / "seeds")))
    ap.add_argument("--out", type=Path, default=None, help="where to write the models (default: the shipped file)")
    ap.add_argument("--check", action="store_true",
                    help="compare the shipped models with what the table gives; read no text, write nothing")
    ap.add_argument("--refresh", action="store_true", help="read the dev texts anew into the table, then fit")
    ap.add_argument("--table", type=Path, default=TABLE, help="the table of readings [%(default)s]")
    args = ap.parse_args(argv)
    from importlib import resources

    shipped = Path(str(resources.files("lifemap").joinpath("data", "attribution.json")))
    data = None
    if args.refresh or not args.table.exists():
        if args.check:
            print(f"no table of readings at {args.table}: run with --refresh")
            return 1
        data = examples([t for t in score.read_texts() if t.part == "dev"], args.seeds)
        write_table(data, args.table)
        print(f"wrote {args.table}: {len(data)} readings")
    table = read_table(args.table)
    counts = Counter(name for ex in table for name in set(ex["features"]))
    vocab = {name: j for j, name in enumerate(sorted(n for n, c in counts.items() if c >= MIN_COUNT))}
    counts = Counter(name for ex in table if ex["kind"] is not None for name in set(ex["kind_features"]))
    kind_vocab = {name: j for j, name in enumerate(sorted(n for n, c in counts.items() if c >= MIN_COUNT))}
    models = trained(table, vocab, kind_vocab)
    ids = sorted({ex["text_id"] for ex in table})
    print(f"the table: {len(ids)} dev texts, {len(table)} events found, {sum(ex['located'] for ex in table)} of them "
          f"annotated, {sum(ex['whose'] for ex in table)} the subject's; {len(vocab)} features "
          f"({len(kind_vocab)} for kinds)")
    out = as_data(models, vocab, len(ids), len(table))
    if args.check:
        ok = same(json.loads(shipped.read_text(encoding="utf-8")), out)
        print("the shipped models are " + ("what the table gives" if ok else "NOT what the table gives: refit"))
        return 0 if ok else 1

    if data is None:
        data = examples([t for t in score.read_texts() if t.part == "dev"], args.seeds)
    now, then = Counter(table_lines(data)), Counter(table_lines(table))
    kept = sum((now & then).values())
    print(f"today's rules read {len(data)} events on dev: {kept} as the table holds them, {len(data) - kept} "
          f"changed or new, {len(table) - kept} of the table's gone" + ("" if kept == len(data) == len(table) else
                                                                        " (--refresh reads them anew)"))
    unseen = {}
    for k in range(FOLDS):
        fold = set(ids[k::FOLDS])
        m = trained([ex for ex in table if ex["text_id"] not in fold], vocab, kind_vocab)
        unseen.update({i: m for i in fold})
    unseen.update({ex["text_id"]: models for ex in data if ex["text_id"] not in unseen})   # (new to the table)
    print("today's readings of dev:")
    fitted = {i: models for i in unseen}
    for title, models_of in (("rules alone", None), ("with the models (fitted to the table)", fitted),
                             (f"with the models, {FOLDS}-fold over texts", unseen)):
        own, every, decide, kind = figures(data, models_of)
        print(f"  {title:<40} the subject's own F1 {own:.3f}  all located F1 {every:.3f}  decide {decide:.4f}"
              f"  kind right {kind:.3f}")

    # by the kind of text: the probes (short lives written for lifemap) are most of dev, and a model
    # may learn their style; the seeds and the published biographies are what users bring
    for family, holds in FAMILIES:
        some = [ex for ex in data if holds(ex["text_id"])]
        if some:
            rules, crossed = figures(some), figures(some, unseen)
            print(f"  {family:<40} decide {rules[2]:.4f} (rules alone) -> {crossed[2]:.4f} ({FOLDS}-fold), kind "
                  f"right {rules[3]:.3f} -> {crossed[3]:.3f}, {len({ex['text_id'] for ex in some})} texts, "
                  f"{len(some)} events found")

    from lifemap.files import write_atomically

    path = args.out or shipped
    text = as_text(out)
    write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
