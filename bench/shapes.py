#!/usr/bin/env python3
"""Extraction time per MB on pathological inputs, beside normal prose of the same size.

usage: .venv/bin/python bench/shapes.py [--size 1000000] [--only NAME ...] [--json FILE]

Each shape is a text no one writes on purpose but anyone may feed in: one line with no stop,
a run of initials, bare years, a list of place names, a table of numbers... Extraction must stay
linear in the input whatever its shape (issue 12), so every shape is timed at ``--size`` and at
half of it, each run in a fresh process (the first call's start-up apart); a growth factor near
2 is linear, near 4 quadratic. Normal prose is the five seed texts repeated to the same size, and
"dense prose" a short dated sentence about a move repeated: an event every 27 characters, the
most work real text can ask for.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("LIFEMAP_SEEDS", ROOT.parent / "shared" / "seeds"))


def _words(n: int, extra: tuple[str, ...] = ()) -> str:
    rng = random.Random(12)
    vocabulary = ("the a of and in to went was he they party worker strike letter committee night "
                  "Moscow Tiflis Baku Lenin").split() + list(extra)
    out, length = [], 0
    while length < n:
        word = rng.choice(vocabulary)
        out.append(word)
        length += len(word) + 1
    return " ".join(out)[:n]


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _prose(n: int) -> str:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    return _repeat(text + "\n\n", n)


# name -> (what it is, the text of n characters)
SHAPES = {
    "prose": ("the seed texts repeated", _prose),
    "dense prose": ("'In 1917 he went to Moscow.' repeated", lambda n: _repeat("In 1917 he went to Moscow. ", n)),
    "prose on one line": ("the seed texts without stops or line breaks",
                          lambda n: re.sub(r"[.!?;:\n]+", " ", _prose(n))),
    "words, places, dates": ("a random run of words, a quarter of them places and dates, no punctuation",
                             lambda n: _words(n, ("in", "1917", "March", "1905", "to"))),
    "initials": ("'A. B. C. …' on one line", lambda n: _repeat("A. B. C. D. E. F. G. H. ", n)),
    "bare years": ("'1800 1801 …' on one line", lambda n: " ".join(str(1800 + i % 200) for i in range(n // 5))[:n]),
    "years as sentences": ("'1800. 1801. …'", lambda n: " ".join(f"{1800 + i % 200}." for i in range(n // 6))[:n]),
    "months": ("'March March …'", lambda n: _repeat("March ", n)),
    "dates in brackets": ("'(5 March 1917) [O.S.] …'", lambda n: _repeat("(5 March 1917) [O.S. 20 February] ", n)),
    "place names": ("'Moscow Moscow …' on one line", lambda n: _repeat("Moscow ", n)),
    "places as sentences": ("'Moscow. Moscow. …'", lambda n: _repeat("Moscow. ", n)),
    "cued unknown names": ("'to Zqwerty to Xplorsk …' (fallback look-ups)",
                           lambda n: " ".join(f"to Zq{i:x}rsk" for i in range(n // 10))[:n]),
    "capitalised words": ("'Abc Abc …'", lambda n: _repeat("Abc ", n)),
    "one long word": ("'aaaa…' without a space", lambda n: "a" * n),
    "open brackets": ("'((((…'", lambda n: "(" * n),
    "commas": ("'a, a, …'", lambda n: _repeat("a, ", n)),
    "dashes": ("'a — a — …'", lambda n: _repeat("a — ", n)),
    "abbreviations": ("'St. Mr. etc. …'", lambda n: _repeat("St. Mr. etc. ", n)),
    "ellipses": ("'. . . …'", lambda n: _repeat(". ", n)),
    "digits": ("'1234567890…' without a space", lambda n: _repeat("1234567890", n)),
    "short lines": ("'a\\n' lines", lambda n: _repeat("a\n", n)),
    "blank lines": ("'\\n\\n…'", lambda n: "\n" * n),
    "spaces": ("one line of spaces with a word at each end", lambda n: "Moscow" + " " * (n - 12) + "Moscow"),
    "names and pronouns": ("'Stalin he they Stalin …'", lambda n: _repeat("Stalin he they Kamenev and Lenin ", n)),
    "non-Latin": ("Cyrillic words", lambda n: _repeat("Сталин в Москве 1917 ", n)),
}


def child(name: str, size: int) -> dict:
    """Time one shape at ``size`` characters in this process (start-up apart)."""
    import gc

    import lifemap.cli  # noqa: F401 - set up as `lifemap extract` is
    from lifemap.extract import extract
    from lifemap.gazetteer import Gazetteer
    from lifemap.geonames import GeoNames

    gc.freeze()
    gazetteer, fallback = Gazetteer.load(), GeoNames.open()
    extract("In 1917 he went to Moscow.", gazetteer=gazetteer, fallback=fallback, progress=False)
    text = SHAPES[name][1](size)
    t0, c0 = time.perf_counter(), time.process_time()
    rows = len(extract(text, gazetteer=gazetteer, fallback=fallback, progress=False))
    import resource

    return {"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0, "rows": rows,
            "chars": len(text), "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run(name: str, size: int) -> dict:
    code = (f"import sys, json; sys.path.insert(0, {str(ROOT / 'bench')!r}); import shapes; "
            f"print(json.dumps(shapes.child({name!r}, {size})))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{name} at {size}: {done.stderr[-1500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(size: int, names=None) -> dict:
    out = {}
    for name in names or SHAPES:
        half, full = run(name, size // 2), run(name, size)
        out[name] = {"half": half, "full": full}
        print(f"  {name}: {full['cpu']:.2f} s CPU at {size:,} chars", file=sys.stderr, flush=True)
    return out


def report(results: dict, size: int) -> str:
    prose = results.get("prose", {}).get("full")
    lines = [f"| shape | what | CPU s per MB | × prose | growth ({size // 2:,} → {size:,} chars) | events | peak MB |",
             "|---|---|---|---|---|---|---|"]
    for name, r in results.items():
        full, half = r["full"], r["half"]
        per_mb = full["cpu"] / (full["chars"] / 1e6)
        vs = per_mb / (prose["cpu"] / (prose["chars"] / 1e6)) if prose else float("nan")
        growth = full["cpu"] / half["cpu"] if half["cpu"] > 0.05 else float("nan")
        lines.append(f"| {name} | {SHAPES[name][0]} | {per_mb:.2f} | {vs:.1f} | {growth:.1f}× | {full['rows']} | "
                     f"{full['peak_mb']:.0f} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1_000_000, help="characters of each input [%(default)s]")
    ap.add_argument("--only", nargs="*", choices=list(SHAPES), metavar="NAME", help="these shapes only")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = ap.parse_args(argv)
    names = args.only or list(SHAPES)
    if "prose" not in names:
        names = ["prose"] + names
    results = measure(args.size, names)
    print(report(results, args.size))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
