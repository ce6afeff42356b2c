"""Corpora: many texts read at once on Dask workers, into one events file (CSV or GeoParquet).

``extract_corpus(inputs, output)`` runs ``lifemap.extract`` on every text (folders are searched for
``*.txt`` recursively), one task per distinct text:

- in this process (``jobs=1``), on ``jobs`` worker processes of a ``distributed.LocalCluster``, or on
  an existing Dask cluster (``scheduler="tcp://host:8786"``): the same task, the same rows. Tasks
  are Dask futures; Dask places them and moves those of a worker that died to another one.
- Each worker process loads the gazetteer and opens the GeoNames index once (``_tools``) and
  keeps them for every text it is given.
- Workers read the texts by path (a cluster needs them on a shared file system) and send rows
  back; the client keeps every finished text's rows as a part file named by the text's content
  hash and what the rows depend on (lifemap's code and data, the places file, the fallback), so a
  rerun, after a crash or with more texts, extracts only what is new or changed.
- A text that cannot be read or breaks the extractor is reported with its reason and skipped; the
  others are written. A worker's memory is bounded by Dask's ``memory_limit`` (the nanny restarts
  a worker past it) and by the extractor, which analyses a long text a few MB at a time.

The output is the CSV of ``lifemap extract`` (the same columns; ``source`` names the file, with its
path inside the folder given) or, for ``.parquet``, GeoParquet, written a text at a time (on workers,
while they read: a thread on this side merges each text's part as soon as the texts before it are done). Rows are
in the order of the files (sorted within a folder) and of the text, and ids are numbered across the
corpus as ``extract`` numbers them across its texts: a parallel run writes the same bytes as a
sequential one.
"""
from __future__ import annotations

import hashlib
import json
import os
import resource
import socket
import sys
import threading
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DataError, LifemapError

PART_SUFFIX = ".parquet"
# A Dask task reads texts up to about this much: each task costs the client and the scheduler about
# 5 ms of CPU (200 texts of 52 KB on two workers: 4.6 CPU-s on this side as 200 tasks, 3.7 as 11),
# which on a small machine is taken from the workers.
BATCH_BYTES = 1_000_000


@dataclass(frozen=True)
class Text:
    """One input file: where it is, the name its rows carry, its size and content hash."""

    path: Path          # absolute
    name: str           # the file's name, or its path inside the folder it was found in
    size: int
    digest: str         # sha256 of its bytes


@dataclass(frozen=True)
class Settings:
    """What a text's rows depend on besides the text: sent to the workers, part of the cache key."""

    places: str | None = None     # a places CSV instead of the curated one
    geonames: bool = True         # the GeoNames fallback for names not curated
    subject: str | None = None    # whose life every text tells (None: found in each text)

    def fingerprint(self, extra: str = "") -> str:
        """A short hash of lifemap's own code and data, the places file and these settings."""
        from .gazetteer import default_places_path
        from .geonames import index_path

        h = hashlib.sha256(_package_digest().encode())
        h.update(Path(self.places or default_places_path()).read_bytes())
        h.update(f"{self.geonames}|{index_path().name if self.geonames else ''}|{extra}".encode())
        if self.subject:
            h.update(f"|subject={self.subject}".encode())
        return h.hexdigest()[:16]


@dataclass(frozen=True)
class FileResult:
    """What a worker reports for one text (the rows travel beside it)."""

    digest: str
    rows: int = 0
    error: str = ""                          # why the text was skipped; empty when it was read
    warnings: tuple[str, ...] = ()           # what the extractor warned about (dates, encodings)
    seconds: float = 0.0
    worker: str = ""                         # host:pid of the process that read it
    peak_mb: float = 0.0                     # that process's peak resident memory so far
    cpu_s: float = 0.0                       # and the CPU time it has used so far


@dataclass(frozen=True)
class CorpusRun:
    """What a run did: files read, taken from earlier runs, skipped with their reasons."""

    output: Path
    files: int
    extracted: int
    cached: int
    rows: int
    megabytes: float
    seconds: float
    failed: tuple[tuple[str, str], ...] = ()      # (file, reason)
    warnings: tuple[tuple[str, str], ...] = ()    # (file, message)
    workers: dict[str, float] = field(default_factory=dict)  # peak MB of each worker process
    cpu: dict[str, float] = field(default_factory=dict)      # CPU seconds of each worker process


# Finding the texts -----------------------------------------------------------------------------
def find_texts(inputs) -> tuple[list[Text], list[tuple[str, str]]]:
    """The texts ``inputs`` name: files as given (in that order), folders as every ``*.txt``
    inside them, recursively and sorted, each named by its path inside the folder; and the
    ``(name, reason)`` of what a folder holds under that name that is no regular file (a pipe…).

    A file named that cannot be read, or a folder without a text, is an error (DataError)."""
    from .files import open_regular

    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    texts: list[Text] = []
    skipped: list[tuple[str, str]] = []
    for item in map(Path, inputs):
        if not item.is_dir():
            with open_regular(item) as f:   # a device, a pipe or a missing file: one line, nothing read
                texts.append(Text(item.resolve(), item.name, *_size_and_digest(f)))
            continue
        found = 0
        for p in sorted(item.rglob("*.txt")):
            if p.is_dir():
                continue
            name = p.relative_to(item).as_posix()
            try:
                with open_regular(p) as f:
                    texts.append(Text(p.resolve(), name, *_size_and_digest(f)))
                    found += 1
            except DataError as exc:
                skipped.append((name, str(exc).split(": ", 1)[-1]))
        if not found:
            raise DataError(item, 0, "", "a directory with no text (*.txt) in it to read")
    return texts, skipped


def _size_and_digest(f) -> tuple[int, str]:
    h, size = hashlib.sha256(), 0
    while chunk := f.read(1 << 20):
        h.update(chunk)
        size += len(chunk)
    return size, h.hexdigest()


def _package_digest() -> str:
    """A hash of lifemap's modules and data files: rows kept by another version are not reused."""
    root = Path(__file__).parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts:
            h.update(p.relative_to(root).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()


# One text, on a worker ---------------------------------------------------------------------------
_TOOLS: dict[Settings, tuple] = {}


def _tools(settings: Settings) -> tuple:
    """The gazetteer and the GeoNames index of this process, loaded on its first text only."""
    if settings not in _TOOLS:
        from .gazetteer import Gazetteer
        from .geonames import GeoNames

        _TOOLS.clear()
        _TOOLS[settings] = (Gazetteer.load(settings.places), GeoNames.open() if settings.geonames else False)
    return _TOOLS[settings]


def extract_file(path: str, digest: str, settings: Settings, fallback=None):
    """``(FileResult, rows)`` for one text (``lifemap.extract.extract_pieces``), the rows as an Arrow
    table without the geometry (what a part holds, and cheap to send); rows is None when the text was
    skipped. Never raises for a bad
    text: the reason goes into the result. ``fallback``: a layer to use instead of the settings'
    one (in this process only, e.g. Nominatim)."""
    import pyarrow as pa

    from .extract import extract_pieces

    started = time.perf_counter()
    gazetteer, geonames = _tools(settings)
    table, error = None, ""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            # a piece of text at a time, its rows kept as Arrow: a long text never sits in memory as a frame
            tables = [pa.Table.from_pandas(_fixed_types(frame), preserve_index=False)
                      for frame in extract_pieces(Path(path), gazetteer=gazetteer, progress=False,
                                                  fallback=geonames if fallback is None else fallback,
                                                  subject=settings.subject)
                      if len(frame)]
            table = pa.concat_tables(tables) if tables else pa.Table.from_pandas(_fixed_types(_empty()),
                                                                                  preserve_index=False)
        except Exception as exc:  # noqa: BLE001 - one bad text must not stop the corpus; its reason is kept
            error = str(exc) if isinstance(exc, LifemapError) else f"{type(exc).__name__}: {exc}"
    said = tuple(dict.fromkeys(str(w.message) for w in caught))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result = FileResult(digest, 0 if table is None else table.num_rows, error, said, time.perf_counter() - started,
                        f"{socket.gethostname()}:{os.getpid()}", usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)
    return result, table


def extract_files(batch: list[tuple[str, str]], settings: Settings, store: str | None = None) -> list:
    """``extract_file`` for each ``(path, digest)`` of a batch: one Dask task. With ``store`` (workers on
    this machine) each text's part is written there by the worker, and only its result travels back:
    shipping the rows to the client cost the client CPU that two cores share with the workers."""
    out = []
    for path, digest in batch:
        result, rows = extract_file(path, digest, settings)
        if store is not None and rows is not None:
            _write_part(Path(store) / (digest + PART_SUFFIX), rows, result.warnings)
            rows = None
        out.append((result, rows))
    return out


def _fixed_types(frame):
    """The events columns in one schema for every part, whatever a text holds (a column of a text
    without an undated row, or without an origin, would otherwise come out with another type); no
    geometry: the points are the lat/lon columns."""
    import pandas as pd
    from pandas.api import types

    from .events import FRAME_COLUMNS

    frame.attrs = {}     # pandas deep-copies attrs (the subjects) on every column read
    out = pd.DataFrame(index=range(len(frame)))
    for c in FRAME_COLUMNS:
        column = frame[c] if len(frame) else pd.Series([], dtype="str")
        if types.is_datetime64_any_dtype(column):
            out[c] = column.to_numpy().astype("datetime64[s]")
        elif types.is_bool_dtype(column):
            out[c] = column.to_numpy().astype("bool")
        elif types.is_integer_dtype(column):
            out[c] = column.to_numpy().astype("int64")
        elif types.is_float_dtype(column):
            out[c] = column.to_numpy().astype("float64")
        else:
            out[c] = pd.Series(column.to_numpy(), dtype="str")
    return out


# The run -----------------------------------------------------------------------------------------
def default_parts() -> Path:
    from .geonames import cache_dir

    return cache_dir() / "corpus"


def extract_corpus(inputs, output: str | os.PathLike, *, places: str | os.PathLike | None = None,
                   geonames: bool = True, jobs: int = 1, scheduler: str | None = None,
                   parts: str | os.PathLike | None = None, progress: bool | None = None,
                   memory_limit: str = "auto", fallback=None, on_file=None, subject: str | None = None) -> CorpusRun:
    """Extract events from every text of ``inputs`` (files and folders) into ``output``
    (``.parquet``: GeoParquet; anything else: CSV), ``jobs`` worker processes at a time or on the
    Dask cluster at ``scheduler``. Texts whose rows an earlier run kept (in ``parts``, by default
    the user cache) are not read again. A text that fails is reported in the result and skipped.

    ``fallback``: a gazetteer layer object (e.g. Nominatim) for a run in this process (``jobs=1``).
    ``memory_limit``: per local worker (Dask's ``memory_limit``). ``on_file(text, result)`` is
    called on this side as each text is done, in the order they finish. ``subject``: whose life every text
    tells, by name (``lifemap.extract``'s; None: found in each text)."""
    started = time.perf_counter()
    if jobs < 1:
        raise LifemapError("jobs must be at least 1")
    if scheduler and jobs != 1:
        raise LifemapError("give --jobs for worker processes here or --scheduler for a cluster, not both")
    if fallback is not None and (jobs > 1 or scheduler):
        raise LifemapError("a network gazetteer (Nominatim) runs in one process only: leave out --jobs and --scheduler")
    from .subject import given_name

    texts, unreadable = find_texts(inputs)
    settings = Settings(str(places) if places else None, bool(geonames), given_name(subject))
    store = Path(parts) if parts else default_parts()
    store = store / settings.fingerprint("nominatim" if fallback is not None else "")
    todo = {t.digest: t for t in texts if not (store / (t.digest + PART_SUFFIX)).exists()}
    results: dict[str, FileResult] = {}
    total = sum(t.size for t in texts)
    show = progress if progress is not None else sys.stderr.isatty()
    from tqdm import tqdm

    with tqdm(total=total, unit="B", unit_scale=True, desc="extracting", disable=not show, file=sys.stderr,
              initial=sum(t.size for t in texts if t.digest not in todo)) as bar:
        n_done = len(texts) - sum(1 for t in texts if t.digest in todo)
        bar.set_postfix_str(f"{n_done}/{len(texts)} files")
        same = Counter(t.digest for t in texts)

        def done(text: Text, result: FileResult, rows) -> None:
            nonlocal n_done
            if rows is not None:
                _write_part(store / (text.digest + PART_SUFFIX), rows, result.warnings)
            results[text.digest] = result
            n_done += same[text.digest]
            bar.update(text.size * same[text.digest])
            bar.set_postfix_str(f"{n_done}/{len(texts)} files")
            if on_file is not None:
                on_file(text, result)

        if scheduler or jobs > 1:
            # the output is written while the workers read, a text at a time in the files' order,
            # so they are sent in that order (the few long texts first, so none ends the run alone)
            with _Writer(texts, todo, store, output) as writer:
                _run_on_dask(_queue(texts, todo), settings, writer.tell(done), scheduler=scheduler,
                             jobs=jobs, memory_limit=memory_limit, store=None if scheduler else store)
            path, rows = writer.result()
        else:
            for text in sorted(todo.values(), key=lambda t: -t.size):
                done(text, *extract_file(str(text.path), text.digest, settings, fallback))
            path, rows = write_events(merged(_kept(texts, store)), output)
    failed = tuple(unreadable) + tuple((t.name, results[t.digest].error) for t in texts
                                       if t.digest in results and results[t.digest].error)
    said = tuple((t.name, w) for t in texts for w in (
        results[t.digest].warnings if t.digest in results else
        _part_warnings(store / (t.digest + PART_SUFFIX)) if t.digest not in todo else ()))
    workers: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for r in results.values():
        if r.worker:
            workers[r.worker] = max(workers.get(r.worker, 0.0), r.peak_mb)
            cpu[r.worker] = max(cpu.get(r.worker, 0.0), r.cpu_s)
    extracted = sum(same[d] for d, r in results.items() if not r.error)
    cached = len(texts) - sum(same[d] for d in todo)
    return CorpusRun(path, len(texts) + len(unreadable), extracted, cached, rows, total / 1e6, time.perf_counter() - started,
                     failed, said, workers, cpu)


def _kept(texts: list[Text], store: Path):
    """The texts that have a part, with its path, in the files' order."""
    for t in texts:
        path = store / (t.digest + PART_SUFFIX)
        if path.exists():
            yield t, path


def _queue(texts: list[Text], todo: dict[str, Text]) -> list[Text]:
    """The texts to read, in the files' order (the order the output is written in), but those over
    a quarter of a task's bytes first: a long text read last would leave the other workers idle."""
    order = list(dict.fromkeys(t.digest for t in texts if t.digest in todo))
    long = sorted((todo[d] for d in order if todo[d].size > BATCH_BYTES // 4), key=lambda t: -t.size)
    return long + [todo[d] for d in order if todo[d].size <= BATCH_BYTES // 4]


class _Writer:
    """Writes the output in a thread of its own while the workers read: each text's part as soon as
    it and every text before it are done. The merge used to start after the last worker finished,
    with one of two cores idle (a tenth of a parallel run on 1,000 texts)."""

    def __init__(self, texts: list[Text], todo: dict[str, Text], store: Path, output):
        self.texts, self.store, self.output = texts, store, output
        self.ready = {t.digest: threading.Event() for t in texts}
        for digest, event in self.ready.items():
            if digest not in todo:
                event.set()
        self.abandoned = False
        self._thread = threading.Thread(target=self._run, name="lifemap-corpus-writer", daemon=True)
        self._outcome = None

    def tell(self, done):
        """``done``, then this writer told that the text is done (not if ``done`` failed: the run
        stops then, and the writer must not finish an output without that text)."""
        def told(text, result, rows):
            done(text, result, rows)
            self.ready[text.digest].set()
        return told

    def _parts(self):
        for t in self.texts:
            self.ready[t.digest].wait()
            if self.abandoned:
                raise _Abandoned()
            path = self.store / (t.digest + PART_SUFFIX)
            if path.exists():
                yield t, path

    def _run(self):
        try:
            self._outcome = ("ok", write_events(merged(self._parts()), self.output))
        except BaseException as exc:  # noqa: BLE001 - handed to the run's thread in result()
            self._outcome = ("error", exc)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, kind, exc, tb):
        if kind is not None:
            self.abandoned = True       # the run failed: the output is not written (nor half-written)
            for event in self.ready.values():
                event.set()             # wakes the writer, which then stops
        self._thread.join()
        return False

    def result(self) -> tuple[Path, int]:
        status, value = self._outcome
        if status == "error":
            raise value
        return value


class _Abandoned(Exception):
    """The run stopped before every text was done: the writer leaves the output as it was."""


def _run_on_dask(queue: list[Text], settings: Settings, done, *, scheduler: str | None, jobs: int,
                 memory_limit: str, store: Path | None = None) -> None:
    """Run the queue as Dask futures, each a batch of texts (``_batches``), two per worker at a time
    (the scheduler never holds the whole corpus), handing each text's result to ``done`` as it comes."""
    import contextlib
    import itertools
    import logging

    import dask
    from distributed import Client, LocalCluster, as_completed

    with contextlib.ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler))
            except (OSError, TimeoutError) as exc:
                raise LifemapError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        else:
            # the workers' statistical profiler samples every stack each 10 ms, for a dashboard
            # nobody opens here: a few percent of each core
            stack.enter_context(dask.config.set({"distributed.worker.profile.enabled": False}))
            cluster = stack.enter_context(LocalCluster(
                n_workers=jobs, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address="127.0.0.1:0", memory_limit=memory_limit, silence_logs=logging.ERROR))
            client = stack.enter_context(Client(cluster))
        workers = sum(client.nthreads().values()) or 1
        pending = iter(_batches(queue, workers))
        by_key: dict[str, list[Text]] = {}

        def submit(batch: list[Text]):
            future = client.submit(extract_files, [(str(t.path), t.digest) for t in batch], settings,
                                   None if store is None else str(store),
                                   key=f"lifemap-extract-{batch[0].digest}", pure=False, retries=0)
            by_key[future.key] = batch
            return future

        running = as_completed([submit(b) for b in itertools.islice(pending, 2 * workers)])
        for future in running:
            batch = by_key.pop(future.key)
            try:
                got = future.result()
            except Exception as exc:  # noqa: BLE001 - the cluster lost it (a worker died each time it ran)
                got = [(FileResult(t.digest, error=f"{type(exc).__name__}: {exc}"), None) for t in batch]
            future.release()
            for text, (result, rows) in zip(batch, got):
                done(text, result, rows)
            nxt = next(pending, None)
            if nxt is not None:
                running.add(submit(nxt))


def _batches(queue: list[Text], workers: int) -> list[list[Text]]:
    """The queue (``_queue``: long texts first) in tasks of up to ``BATCH_BYTES``, but at least four a worker, so
    none waits idle at the end while another reads a long batch."""
    limit = max(1, min(BATCH_BYTES, sum(t.size for t in queue) // (4 * workers)))
    out: list[list[Text]] = []
    size = 0
    for text in queue:
        if not out or size + text.size > limit:
            out.append([])
            size = 0
        out[-1].append(text)
        size += text.size
    return out


# Parts and the output ----------------------------------------------------------------------------
# Parts are plain Parquet tables without the geometry (the points are the lat/lon columns): read
# through pyarrow, 1,000 parts merge in about 3 s, where geopandas' GeoParquet reader took 50 ms
# a part (it parses the CRS of each).
_WARNINGS_KEY = b"lifemap.warnings"


def _write_part(path: Path, table, said: tuple[str, ...] = ()) -> None:
    """A text's rows, with what the extractor warned about in the file's metadata: a rerun that keeps
    the part says it again."""
    import pyarrow.parquet as pq

    from .files import write_atomically

    table = table.replace_schema_metadata({**(table.schema.metadata or {}), _WARNINGS_KEY: json.dumps(list(said)).encode()})
    write_atomically(path, lambda tmp: pq.write_table(table, tmp))


def _part_warnings(path: Path) -> tuple[str, ...]:
    """What the extractor warned about when a kept part was written."""
    import pyarrow.parquet as pq

    metadata = pq.read_schema(path).metadata or {}
    return tuple(json.loads(metadata.get(_WARNINGS_KEY, b"[]")))


def merged(parts: list[tuple[Text, Path]]):
    """The rows of the parts in order, a frame per text, each named by its text, with ids numbered
    across them as ``lifemap.extract`` numbers them across its texts (``<year>-<kind>-<place>``, then
    ``-2``…): one part in memory at a time, however large the corpus. Plain frames: the points are
    the lat/lon columns (a GeoDataFrame a part cost a fifth of the merge, and the CSV has no use for it)."""
    import pyarrow.parquet as pq

    from .extract import numbered

    seen: Counter = Counter()
    for text, path in parts:
        with pq.ParquetFile(path) as part:    # half the time of read_table, which goes through datasets
            table = part.read()
        if not table.num_rows:
            continue
        frame = _named(table.to_pandas(), text.name)
        base = (frame["date_start"].str.slice(0, 4).where(frame["date_start"] != "", "undated")
                + "-" + frame["kind"] + "-" + frame["place"])
        frame["id"] = [numbered(b, seen) for b in base]
        yield frame


def _named(rows, name: str):
    """Rows extracted under a file's own name, renamed to its path inside its folder."""
    if rows["source"].iloc[0] != name:
        rows["source"] = name
    return rows


def write_events(frames, path: str | os.PathLike) -> tuple[Path, int]:
    """Frames one after the other (``merged``) as ``.parquet``: GeoParquet with the points, or
    anything else: the CSV of ``lifemap extract``; written as they come. Returns the path and the
    number of rows."""
    from .extract import write_csv
    from .files import write_atomically

    count = 0

    def counted():
        nonlocal count
        for frame in frames:
            count += len(frame)
            yield frame

    if Path(path).suffix.lower() in (".parquet", ".geoparquet"):
        return write_atomically(path, lambda tmp: _write_geoparquet(counted(), tmp)), count
    return write_csv(counted(), path), count


def _write_geoparquet(frames, path: Path) -> None:
    """GeoParquet 1.0, a row group per frame: the columns, and the points as WKB with their CRS in
    the file's ``geo`` metadata (geopandas' writer wants the whole frame at once)."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    import shapely
    from pyproj import CRS

    geo = {"version": "1.0.0", "primary_column": "geometry",
           "columns": {"geometry": {"encoding": "WKB", "geometry_types": ["Point"],
                                    "crs": CRS("EPSG:4326").to_json_dict()}}}
    writer = None
    try:
        for frame in frames:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            points = shapely.points(frame["lon"].to_numpy(float), frame["lat"].to_numpy(float))
            table = table.append_column("geometry", pa.array(shapely.to_wkb(points), pa.binary()))
            if writer is None:
                schema = table.schema.with_metadata({**(table.schema.metadata or {}), b"geo": json.dumps(geo).encode()})
                writer = pq.ParquetWriter(path, schema)
            writer.write_table(table.cast(writer.schema))
        if writer is None:   # no rows: the columns alone
            empty = pa.Table.from_pandas(_fixed_types(_empty()), preserve_index=False)
            empty = empty.append_column("geometry", pa.array([], pa.binary()))
            pq.write_table(empty.replace_schema_metadata({**(empty.schema.metadata or {}),
                                                         b"geo": json.dumps(geo).encode()}), path)
    finally:
        if writer is not None:
            writer.close()


def _empty():
    import pandas as pd

    from .events import FRAME_COLUMNS

    return pd.DataFrame({c: [] for c in FRAME_COLUMNS})
