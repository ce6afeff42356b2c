"""Corpora in parallel: a real Dask LocalCluster (two worker processes) against the sequential run."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lifemap.corpus import extract_corpus, find_texts
from lifemap.events import FRAME_COLUMNS
from lifemap.extract import extract, write_csv

TEXTS = Path(__file__).with_name("data") / "texts"
# the corpus of these tests: eight of the other-life texts, 2 KB to 38 KB
EIGHT = ("columbus-wp", "dzerzhinsky-wp", "kerensky-wp", "ordzhonikidze-wp", "paine-vale1853", "sverdlov-wp",
         "tito-wp", "voroshilov-wp")


def corpus(root: Path, copies: int = 1) -> Path:
    """The other-life texts in a folder with a subfolder; ``copies`` > 1 adds variants (each a
    different text: a line of its own appended)."""
    for i in range(copies):
        for n, text in enumerate(TEXTS / f"{name}.txt" for name in EIGHT):
            target = root / (f"set{i}" if i else "") / ("more" if n % 2 else "") / text.name
            target.parent.mkdir(parents=True, exist_ok=True)
            body = text.read_text(encoding="utf-8")
            target.write_text(body + (f"\n\nVariant {i}.\n" if i else ""), encoding="utf-8")
    return root


def run(inputs, out: Path, parts: Path, **kw):
    return extract_corpus(inputs, out, parts=parts, progress=False, **kw)


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as c:
        yield c


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """24 texts (the other-life texts and two variants of each) and their sequential run's CSV."""
    root = tmp_path_factory.mktemp("big")
    run([corpus(root / "corpus", copies=3)], root / "one.csv", root / "parts-one")
    return root / "corpus", (root / "one.csv").read_bytes()


def test_a_folder_gives_the_rows_extract_gives_for_its_files(tmp_path):
    root = corpus(tmp_path / "corpus")
    got = run([root], tmp_path / "out.csv", tmp_path / "parts")
    texts, unreadable = find_texts([root])
    assert unreadable == []
    assert [t.name for t in texts][:3] == ["columbus-wp.txt", "kerensky-wp.txt", "more/dzerzhinsky-wp.txt"]
    assert "more/dzerzhinsky-wp.txt" in [t.name for t in texts]
    assert (got.files, got.extracted, got.cached, got.failed) == (8, 8, 0, ())
    frame = extract([t.path for t in texts])
    # the same rows, each naming its file by its path inside the folder (a citation names the file)
    name = {t.path.name: t.name for t in texts}
    frame["source"] = frame["source"].map(name)
    write_csv(frame, tmp_path / "direct.csv")
    assert (tmp_path / "out.csv").read_bytes() == (tmp_path / "direct.csv").read_bytes()
    assert got.rows == len(frame) > 100


@pytest.mark.filterwarnings("ignore:The inplace keyword")   # dask's parquet reader, under pandas 3.1
def test_geoparquet_holds_the_same_rows_and_their_points(tmp_path):
    import geopandas as gpd
    import pandas as pd

    root = corpus(tmp_path / "corpus")
    run([root], tmp_path / "out.csv", tmp_path / "parts")
    again = run([root], tmp_path / "out.parquet", tmp_path / "parts")
    assert (again.extracted, again.cached) == (0, 8)          # the rows were kept by the first run
    geo = gpd.read_parquet(tmp_path / "out.parquet")
    flat = pd.read_csv(tmp_path / "out.csv", keep_default_na=False)
    assert geo.crs.to_epsg() == 4326 and list(geo["id"]) == list(flat["id"])
    assert (geo.geometry.x.round(4) == flat["lon"].round(4)).all()
    import dask_geopandas   # the geopandas world's parallel reader takes it as it is

    lazy = dask_geopandas.read_parquet(tmp_path / "out.parquet")
    assert lazy.crs.to_epsg() == 4326 and list(lazy.compute()["id"]) == list(geo["id"])


def test_two_worker_processes_give_the_bytes_of_the_sequential_run(tmp_path, cluster, big):
    root, sequential = big
    two = run([root], tmp_path / "two.csv", tmp_path / "parts", scheduler=cluster.scheduler_address)
    assert two.files == two.extracted == 24 and two.failed == ()
    assert len(two.workers) == 2 and str(os.getpid()) not in " ".join(two.workers)   # read by both workers
    assert (tmp_path / "two.csv").read_bytes() == sequential


def test_the_output_is_written_while_the_workers_read(tmp_path, cluster, big):
    """The merge runs beside the workers (it used to start after the last one, one core idle): when
    the last text is done, the rows of the first texts are already in the file being written."""
    root, sequential = big
    out = tmp_path / "two.csv"
    seen, early = [], []

    def last_text(text, result):
        seen.append(text.name)
        if len(seen) < 24:
            return
        deadline = time.monotonic() + 10       # the writer thread may be a moment behind
        while time.monotonic() < deadline and not early:
            early.extend(p for p in tmp_path.glob(".two.*.tmp.csv") if p.read_bytes().count(b"\n") > 1)
            time.sleep(0.05)

    run([root], out, tmp_path / "parts", scheduler=cluster.scheduler_address, on_file=last_text)
    assert early, "no rows were written before the last text was done"
    assert out.read_bytes() == sequential and not list(tmp_path.glob(".two.*"))


def test_a_worker_killed_mid_run_then_a_rerun_matches(tmp_path, cluster, big):
    from distributed import Client

    root, sequential = big
    with Client(cluster) as client:
        pids = sorted(client.run(os.getpid).values())
    killed = []

    def kill_one(text, result):
        if not killed:
            os.kill(pids[0], signal.SIGKILL)
            killed.append(text.name)

    first = run([root], tmp_path / "two.csv", tmp_path / "parts", scheduler=cluster.scheduler_address,
                on_file=kill_one)
    assert killed and first.files == 24
    # what the dead worker held was run again elsewhere, or reported: nothing else is lost
    assert all("Killed" in reason or "Comm" in reason for _, reason in first.failed)
    rerun = run([root], tmp_path / "two.csv", tmp_path / "parts")
    assert rerun.extracted == len(first.failed) and rerun.cached == 24 - len(first.failed)
    assert rerun.failed == ()
    assert (tmp_path / "two.csv").read_bytes() == sequential


def test_an_interrupted_run_resumes_where_it_stopped(tmp_path, big):
    """The whole command killed (workers and all) while it runs; the rerun reads only the rest."""
    root, sequential = big
    parts, out = tmp_path / "parts", tmp_path / "out.csv"
    cmd = [sys.executable, "-m", "lifemap.cli", "extract", str(root), "-o", str(out), "--parts", str(parts),
           "--jobs", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while not list(parts.glob("*/[0-9a-f]*.parquet")) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    # a worker process may outlive the command by a moment and finish the part it was writing (each is
    # written whole or not at all): count what the rerun will find once nothing changes any more
    kept, deadline = -1, time.monotonic() + 20
    while time.monotonic() < deadline:
        now = len(list(parts.glob("*/[0-9a-f]*.parquet")))
        if now == kept:
            break
        kept = now
        time.sleep(1)
    assert 1 <= kept < 24 and not out.exists()                # stopped mid-run, nothing written
    done = subprocess.run(cmd[:-2], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"{kept} kept from an earlier run" in done.stderr
    assert out.read_bytes() == sequential


def test_a_corrupt_file_is_reported_and_the_rest_written(tmp_path, cluster):
    root = corpus(tmp_path / "corpus")
    (root / "more" / "broken.txt").write_bytes(b"Stalin went to Baku.\x00\x00\xff\xfe" * 50)
    (root / "empty.txt").write_text("  \n", encoding="utf-8")
    os.mkfifo(root / "more" / "pipe.txt")          # never opened to be read: that would wait for a writer
    out = tmp_path / "out.csv"
    done = subprocess.run([sys.executable, "-m", "lifemap.cli", "extract", str(root), "-o", str(out),
                           "--parts", str(tmp_path / "parts"), "--scheduler", cluster.scheduler_address],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert "skipped more/broken.txt: " in done.stderr and "binary file" in done.stderr
    assert "skipped empty.txt: " in done.stderr and "empty file" in done.stderr
    assert "skipped more/pipe.txt: is a pipe" in done.stderr
    assert "events from 8 of 11 file(s)" in done.stderr
    (root / "more" / "broken.txt").unlink()
    (root / "more" / "pipe.txt").unlink()
    (root / "empty.txt").unlink()
    run([root], tmp_path / "good.csv", tmp_path / "good-parts")
    assert out.read_bytes() == (tmp_path / "good.csv").read_bytes()


def test_nominatim_is_refused_with_workers(tmp_path):
    from lifemap.errors import LifemapError

    with pytest.raises(LifemapError, match="one process"):
        run([TEXTS], tmp_path / "x.csv", tmp_path / "parts", jobs=2, fallback=object())
    assert not (tmp_path / "x.csv").exists()


def test_no_texts_in_a_folder_is_an_error(tmp_path):
    from lifemap.errors import LifemapError

    (tmp_path / "empty").mkdir()
    shutil.copy(TEXTS / "kerensky-wp.txt", tmp_path / "empty" / "kerensky.md")
    with pytest.raises(LifemapError, match="empty: a directory with no text"):
        run([tmp_path / "empty"], tmp_path / "x.csv", tmp_path / "parts")


def test_texts_without_events_give_an_empty_table_with_its_header(tmp_path):
    (tmp_path / "quiet").mkdir()
    (tmp_path / "quiet" / "note.txt").write_text("Nothing of note happened to anyone here.\n", encoding="utf-8")
    got = run([tmp_path / "quiet"], tmp_path / "x.csv", tmp_path / "parts")
    assert (got.rows, got.failed) == (0, ())
    assert (tmp_path / "x.csv").read_text(encoding="utf-8").splitlines() == [",".join(FRAME_COLUMNS)]


def test_a_scheduler_that_does_not_answer_is_an_error(tmp_path):
    import socket

    import dask

    from lifemap.errors import LifemapError

    with socket.socket() as s:          # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}), \
            pytest.raises(LifemapError, match="cannot reach the Dask scheduler"):
        run([TEXTS], tmp_path / "x.csv", tmp_path / "parts", scheduler=f"tcp://127.0.0.1:{port}")
    assert not (tmp_path / "x.csv").exists()


def test_a_run_that_fails_leaves_the_output_as_it_was(tmp_path, cluster, big):
    """A run stopped midway (here Ctrl-C after the first texts) writes nothing: the earlier output stays
    whole and no temporary file is left beside it; the texts done are kept for the rerun."""
    root, sequential = big
    out = tmp_path / "two.csv"
    out.write_bytes(b"an earlier run\n")

    def interrupt(text, result):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run([root], out, tmp_path / "parts", scheduler=cluster.scheduler_address, on_file=interrupt)
    assert out.read_bytes() == b"an earlier run\n" and sorted(p.name for p in tmp_path.iterdir()) == ["parts", "two.csv"]
    again = run([root], out, tmp_path / "parts", scheduler=cluster.scheduler_address)
    assert again.cached >= 1 and out.read_bytes() == sequential


def test_a_rerun_that_keeps_a_text_still_says_its_warnings(tmp_path):
    """What the extractor warned about (an impossible date) is kept with the text's part: a rerun that
    reads nothing again says it again."""
    from lifemap.corpus import extract_corpus

    text = tmp_path / "t.txt"
    text.write_text("From 1999 to 1899 he lived in Moscow. In 1907 he moved to Baku.\n", encoding="utf-8")
    first = extract_corpus([text], tmp_path / "a.csv", geonames=False, parts=tmp_path / "parts", progress=False)
    again = extract_corpus([text], tmp_path / "b.csv", geonames=False, parts=tmp_path / "parts", progress=False)
    assert (first.extracted, again.extracted) == (1, 0)
    assert [w for _, w in again.warnings] == [w for _, w in first.warnings] and any("1999" in w for _, w in first.warnings)


def test_a_subject_given_by_name_reads_every_text_as_that_life_and_is_cached_apart(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copy(TEXTS / "lenin-lastyears-essay.txt", root)
    own = run([root], tmp_path / "own.csv", tmp_path / "parts")
    stalin = run([root], tmp_path / "stalin.csv", tmp_path / "parts", subject="Stalin")
    assert stalin.cached == 0 and own.rows == stalin.rows > 0      # not the rows kept for the text's own subject

    def whose(path):                         # who "he died at Gorki", in the essay's opening, is about
        import csv
        with path.open(encoding="utf-8") as f:
            return next(r["actor"] for r in csv.DictReader(f) if r["name"] == "Gorki")
    assert (whose(tmp_path / "own.csv"), whose(tmp_path / "stalin.csv")) == ("Lenin", "Stalin")
    # and as the command line has it
    done = subprocess.run([sys.executable, "-m", "lifemap.cli", "extract", str(root), "-o", str(tmp_path / "cli.csv"),
                           "--parts", str(tmp_path / "parts"), "--subject", "Stalin"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "cli.csv").read_bytes() == (tmp_path / "stalin.csv").read_bytes()
