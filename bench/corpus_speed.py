#!/usr/bin/env python3
"""Extraction of a corpus in parallel: one process, ``--jobs 2`` and a two-worker Dask LocalCluster.

usage: python bench/corpus_speed.py [--files 1000] [--size 52000] [--rounds 1] [--scheduler ADDRESS] [--keep DIR]

The corpus is made from the seed texts at run time (``corpus_texts.py``: 1,000 texts of 52 KB,
52 MB by default). Each way of running ``lifemap.corpus.extract_corpus`` runs in a fresh process
with an empty part store, so nothing is taken from an earlier run:

- **one process**: ``jobs=1``, what ``lifemap extract DIR`` does;
- **--jobs 2**: two worker processes of a LocalCluster the run starts and stops (its start-up counts);
- **LocalCluster**: two worker processes started before the clock starts, as a cluster that is
  already running would be (``--scheduler`` then runs on yours instead: ``dask scheduler`` and
  ``dask worker`` with lifemap installed, the corpus on a file system they share).

Parallel efficiency is the one-process time over (workers × the parallel time): 1.0 would be a
perfect split. Peak memory is each worker process's maximum resident set (``ru_maxrss``). The three
outputs are compared byte for byte.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MODES = ("one", "jobs", "cluster")


def _cpu() -> float:
    import resource

    me = resource.getrusage(resource.RUSAGE_SELF)
    return me.ru_utime + me.ru_stime


def child(mode: str, corpus: str, out: str, parts: str, scheduler: str | None) -> dict:
    import logging
    import socket

    t0 = time.perf_counter()
    import lifemap.cli  # noqa: F401 - what `lifemap extract` has imported when it starts
    from lifemap.corpus import extract_corpus

    cluster, before = None, {}
    if mode == "cluster":
        from distributed import Client, LocalCluster

        if not scheduler:
            import dask

            # started as the README says to start workers: without the dashboard's profiler
            dask.config.set({"distributed.worker.profile.enabled": False})
            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
            scheduler = cluster.scheduler_address
        with Client(scheduler) as client:   # a running cluster's start-up is not the run's work
            client.wait_for_workers(2)
            before = {f"{host}:{pid}": cpu for host, pid, cpu in
                      client.run(lambda: (socket.gethostname(), os.getpid(), _cpu())).values()}
    startup = time.perf_counter() - t0
    t1, cpu1 = time.perf_counter(), _cpu()
    run = extract_corpus([corpus], out, parts=parts, jobs=2 if mode == "jobs" else 1,
                         scheduler=scheduler if mode == "cluster" else None, progress=False)
    seconds = time.perf_counter() - t1
    if cluster is not None:
        cluster.close()
    # the CPU of this process during the run (the client, a LocalCluster's scheduler thread, or all
    # the work in one process) and of each worker process (a worker that is this process is counted once)
    workers_cpu = sum(c - before.get(w, 0.0) for w, c in run.cpu.items() if not w.endswith(f":{os.getpid()}"))
    return {"mode": mode, "seconds": seconds, "startup": startup, "files": run.files, "rows": run.rows,
            "megabytes": run.megabytes, "failed": len(run.failed), "workers": run.workers,
            "cpu": _cpu() - cpu1 + workers_cpu}


def run_child(mode: str, corpus: Path, work: Path, scheduler: str | None) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    out, parts = work / f"{mode}.csv", work / f"parts-{mode}"
    code = (f"import sys, json; sys.path.insert(0, {str(HERE)!r}); import corpus_speed as b; "
            f"print(json.dumps(b.child({mode!r}, {str(corpus)!r}, {str(out)!r}, {str(parts)!r}, {scheduler!r})))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"the {mode} run failed:\n{done.stderr[-3000:]}")
    got = json.loads(done.stdout.strip().splitlines()[-1])
    got["output"] = str(out)
    return got


def measure(seeds: Path, work: Path, files: int, size: int, scheduler: str | None = None, rounds: int = 1) -> dict:
    """Each way of running, ``rounds`` times in turn (one, jobs, cluster, one, …): this machine's speed
    drifts by a fifth from minute to minute, and interleaved rounds let every way meet the same
    drift. The fastest run of each way stands for it (noise only ever adds time, as ``timeit``
    reasons); every time is kept."""
    from corpus_texts import make_corpus

    corpus = work / "corpus"
    n, total = make_corpus(seeds, corpus, files, size)
    runs: dict[str, dict] = {}
    for k in range(rounds):
        for mode in MODES:
            got = run_child(mode, corpus, work / f"round-{k}", scheduler)
            times = runs.get(mode, {}).get("times", []) + [got["seconds"]]
            if mode not in runs or got["seconds"] < runs[mode]["seconds"]:
                runs[mode] = got
            runs[mode]["times"] = times
            if k == 0 and mode == "one":
                reference = Path(got["output"]).read_bytes()
            elif Path(got["output"]).read_bytes() != reference:
                runs[mode]["differs"] = True
    one = runs["one"]["seconds"]
    for mode in ("jobs", "cluster"):
        r = runs[mode]
        r["efficiency"] = one / (max(2, len(r["workers"])) * r["seconds"])
        r["work_efficiency"] = runs["one"]["cpu"] / r["cpu"]
        r["same_bytes"] = not r.get("differs")
    runs["one"]["same_bytes"] = not runs["one"].get("differs")
    return {"files": n, "bytes": total, "runs": runs, "nproc": os.cpu_count(), "scheduler": scheduler,
            "loadavg": os.getloadavg(), "rounds": rounds}


def report(got: dict) -> str:
    rows = []
    labels = {"one": "one process (`lifemap extract DIR`)", "jobs": "`--jobs 2` (starts its two workers)",
              "cluster": "the cluster at --scheduler" if got["scheduler"] else "two-worker LocalCluster, already running"}
    for mode in MODES:
        r = got["runs"][mode]
        peaks = sorted(r["workers"].values())
        seconds = f"{r['seconds']:.1f}" + (f" ({', '.join(f'{t:.1f}' for t in r['times'])})"
                                             if len(r.get("times", ())) > 1 else "")
        rows.append([labels[mode], seconds, f"{r['megabytes'] / r['seconds']:.2f}",
                     f"{r['efficiency']:.2f}" if "efficiency" in r else "—", f"{r['cpu']:.0f}",
                     f"{r['work_efficiency']:.2f}" if "work_efficiency" in r else "—",
                     ", ".join(f"{p:.0f}" for p in peaks), f"{r['rows']:,}", str(r["failed"]),
                     "yes" if r.get("same_bytes", True) else "NO"])
    head = ["run", "s", "MB/s", "efficiency", "CPU s", "CPU ratio", "peak MB per worker", "events", "failed",
            "same CSV"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return (f"corpus: {got['files']:,} texts, {got['bytes'] / 1e6:.1f} MB (the seeds with shifted years, swapped "
            f"places and dropped paragraphs); {got['nproc']} CPUs, load average at the end "
            f"{got['loadavg'][0]:.1f}\n\n" + "\n".join(lines) +
            "\n\n" + (f"s = the fastest of {got['rounds']} runs taken in turn (every run in brackets); the other "
                      "figures are that run's. " if got.get("rounds", 1) > 1 else "") +
            "efficiency = one-process time / (2 × time): what two cores give when nothing else runs on "
            "them (here other work did: see the load average). CPU s = the CPU time of the client and every "
            "worker process; CPU ratio = the one process's CPU time / this run's: the work the parallel run "
            "adds (starting and feeding workers, sending rows), whatever else the machine runs. The "
            "one-process time and --jobs 2 include loading the gazetteer and the GeoNames index in each "
            "process, --jobs 2 also starting its workers.")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default=os.environ.get("LIFEMAP_SEEDS", str(ROOT.parent / "shared" / "seeds")))
    ap.add_argument("--files", type=int, default=1000, help="texts in the corpus [%(default)s]")
    ap.add_argument("--size", type=int, default=52_000, help="characters per text [%(default)s]")
    ap.add_argument("--scheduler", help="a running Dask scheduler (tcp://host:8786) instead of a LocalCluster")
    ap.add_argument("--keep", type=Path, help="keep the corpus and the outputs here")
    ap.add_argument("--rounds", type=int, default=1, help="run each way this many times, in turn [%(default)s]")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lifemap-corpus-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        got = measure(Path(args.seeds), work, args.files, args.size, args.scheduler, args.rounds)
    print(report(got))
    if args.json:
        args.json.write_text(json.dumps(got, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
