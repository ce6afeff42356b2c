#!/usr/bin/env python3
"""The linguistic layer, chosen by measurement: lifemap's own tagger against TextBlob's bundled Pattern
tagger, each under the same clause rules, scored on the dev and held-out parts (bench/score.py) and
timed on the seed texts.

usage: python bench/taggers.py            (TextBlob is needed for the second row: pip install textblob)

Pattern's tagger gives Penn Treebank tags from its own lexicon and context rules (no download); they are
mapped onto lifemap's tags, and a verb's class still comes from lifemap's verb lexicon. Everything else
(places, dates, clauses, roles, actors) is the same code.
"""
from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score  # noqa: E402

extract_module = importlib.import_module("lifemap.extract")
tagger = importlib.import_module("lifemap.extract.tagger")
T = tagger.Tag
_FROM_PENN = {"DT": T.DET, "PRP$": T.DET, "WP$": T.SUB, "PRP": T.PRON, "WP": T.SUB, "WDT": T.SUB, "IN": T.PREP,
              "CC": T.CONJ, "MD": T.MODAL, "RB": T.ADV, "RBR": T.ADV, "RBS": T.ADV, "CD": T.NUM, "NNP": T.NAME,
              "NNPS": T.NAME}
_FORMS = {"VB": "base", "VBP": "base", "VBZ": "s", "VBD": "past", "VBN": "past", "VBG": "ing"}


def pattern_tag(sentence: str, start: int = 0, end: int | None = None) -> list:
    """TextBlob's Pattern tags as lifemap tokens (offsets into the sentence found by walking it)."""
    from textblob.en import tag as penn

    known = tagger.verbs()
    end = len(sentence) if end is None else end
    pairs = penn(sentence[start:end])
    out, pos = [], start
    for n, (word, t) in enumerate(pairs):
        at = sentence.find(word, pos, end)
        if at < 0:
            continue
        stop = pos = at + len(word)
        low = word.lower()
        if not word[0].isalnum():
            out.append(tagger.Token(word, at, stop, T.PUNCT))
        elif low in ("not", "never", "n't"):
            out.append(tagger.Token(word, at, stop, T.NEG))
        elif t.startswith("VB") and low in ("was", "were", "is", "are", "be", "been", "being", "am"):
            out.append(tagger.Token(word, at, stop, T.AUX, lemma="be"))
        elif t.startswith("VB") and low in ("had", "has", "have", "having", "did", "does", "do"):
            out.append(tagger.Token(word, at, stop, T.AUX, lemma=low))
        elif t.startswith("VB"):
            lemma, vclass, _ = known.get(low, (low, "", ""))
            out.append(tagger.Token(word, at, stop, T.VERB, lemma, vclass, _FORMS.get(t, "base")))
        elif t == "TO":
            following = pairs[n + 1][1] if n + 1 < len(pairs) else ""
            out.append(tagger.Token(word, at, stop, T.TO if following.startswith("VB") else T.PREP))
        else:
            out.append(tagger.Token(word, at, stop, _FROM_PENN.get(t, T.WORD)))
    return out


def measure(name: str, texts, seeds: Path) -> None:
    pred = score.predict(texts, seeds)
    for part in ("dev", "heldout"):
        total = {"subject": score.Tally(), "all": score.Tally()}
        for t in texts:
            if t.part == part:
                for k, v in score.score_text(t, pred[t.id]).items():
                    total[k].add(v)
        print(f"{name:<10} {part:<8} subject's own F1 {total['subject'].f1()[2]:.3f}   all located F1 "
              f"{total['all'].f1()[2]:.3f}")
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    extract_module.extract(text[:5000], progress=False)
    best = min(_timed(text) for _ in range(3))
    print(f"{name:<10} speed    {len(text.encode()) / best / 1e6:.2f} MB/s of CPU time on the seeds")


def _timed(text: str) -> float:
    t0 = time.process_time()
    extract_module.extract(text, progress=False)
    return time.process_time() - t0


def main() -> int:
    seeds = Path(score.os.environ.get("LIFEMAP_SEEDS", score.ROOT.parent / "shared" / "seeds"))
    texts = score.read_texts()
    measure("own", texts, seeds)
    try:
        import textblob  # noqa: F401
    except ImportError:
        print("pattern    (not measured: pip install textblob)")
        return 0
    own = extract_module.tag
    extract_module.tag = pattern_tag
    try:
        measure("pattern", texts, seeds)
    finally:
        extract_module.tag = own
    return 0


if __name__ == "__main__":
    sys.exit(main())
