"""The command line: a thin layer over the Python API."""
from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys
import warnings
from pathlib import Path

from .errors import LifemapError


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the command is: clean-ups (a half-written temporary file) run as for Ctrl-C."""


class _Parser(argparse.ArgumentParser):
    """Usage mistakes as one line, like every other error: ``lifemap: error: …``, status 2."""

    def error(self, message):
        self.exit(2, f"lifemap: error: {message} (see: {self.prog} --help)\n")


def _counted(n: int) -> str:
    """"1 event", "278 events"."""
    return f"{n} event" if n == 1 else f"{n} events"


def _year(text: str) -> str:
    from .dates import parse_partial

    try:
        parse_partial(text)
    except LifemapError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of seconds")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number of pixels")
    return value


def _output(text: str) -> str:
    if not Path(text).name or text.endswith(("/", os.sep)):
        raise argparse.ArgumentTypeError(f"{text!r} is no file name")
    return text


def _tiles(text: str) -> str:
    from .render import tile_source

    try:
        tile_source(text)
    except LifemapError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def _inputs(args) -> list:
    """Every file the command reads (texts, data, the answer cache): none may be overwritten."""
    return [*(getattr(args, "files", None) or ()), getattr(args, "events", None), getattr(args, "places", None),
            getattr(args, "cache", None) if getattr(args, "nominatim", False) else None]


def _actor(events, args, name: str | None = None) -> str | None:
    """The actor the options name (or ``name``), in the events' spelling (a warning when none of them
    is theirs), or None when they name none: the subject of the texts, or the main actor
    (``events.main_actor``)."""
    from .events import actor_named

    name = name or args.actor
    if not name:
        return None
    actor = actor_named(events, name)
    if actor is None:
        common = events["actor"].value_counts().index[:5].tolist()
        warnings.warn(f"no event has the actor {name!r}: the route and the story stay empty "
                      f"(actors with the most events: {', '.join(common)})")
        return name
    return actor


def _actors(events, args):
    """The lives a map draws: ``all``, each ``--actor`` in the events' spelling, or None (the subject
    of each text)."""
    if args.actors == "all":
        return "all"
    return [_actor(events, args, name) for name in args.actor] if args.actor else None


# Events (or places) one command holds at once: 200,000 events read from a CSV took 0.94 GB to
# build a map of, and no input may take a process past 1 GB.
MAX_EVENTS = 150_000


def _bounded(path, what: str):
    """``path``, after checking that it holds at most MAX_EVENTS rows (counted as they are read)."""
    from .records import count_rows

    if path is not None and count_rows(Path(path), stop_after=MAX_EVENTS) > MAX_EVENTS:
        raise LifemapError(f"{path}: more than {MAX_EVENTS:,} {what}, more than lifemap holds in memory at once; "
                           "split the file")
    return path


def _events(args):
    """The events the options ask for (read out of texts, an events file or the default, within
    --from/--to) and their gazetteer."""
    from .events import between, dated, load_events
    from .gazetteer import Gazetteer

    gazetteer = Gazetteer.load(_bounded(args.places, "places"))
    if getattr(args, "files", None):
        if args.events:
            raise LifemapError("give texts or --events, not both")
        from .extract import concat, extract_pieces

        with _fallback(args) as fallback:
            frames, count = [], 0
            for frame in extract_pieces(args.files, gazetteer=gazetteer, fallback=fallback,
                                        subject=getattr(args, "subject", None)):
                count += len(frame)
                if count > MAX_EVENTS:
                    raise LifemapError(f"the texts hold more than {MAX_EVENTS:,} events, more than one map can "
                                       "hold in memory: write them with lifemap extract, or give fewer texts")
                frames.append(frame)
        events = dated(concat(frames))
        if events.empty:
            raise LifemapError("no dated, located events found in " + ", ".join(map(str, args.files)))
    else:
        events = load_events(_bounded(args.events, "events"), gazetteer)
        if events.empty:
            raise LifemapError(f"{args.events}: no events (the file has a header and no rows)")
    if args.start or args.end:
        events = between(events, args.start, args.end)
        if events.empty:
            raise LifemapError(f"no events between {args.start or 'the start'} and {args.end or 'the end'}")
    return events, gazetteer


@contextlib.contextmanager
def _fallback(args):
    """The gazetteer fallback for names not curated: GeoNames (unless --no-geonames), then, with
    --nominatim, OpenStreetMap's Nominatim; names that stay unresolved are reported at the end."""
    geonames = not getattr(args, "no_geonames", False)
    if not getattr(args, "nominatim", False):
        yield geonames
        return
    from .nominatim import WithNominatim

    if geonames:
        from .geonames import GeoNames

        geonames = GeoNames.open()
    with _nominatim_layer(args) as layer:
        fallback = WithNominatim(geonames or None, layer)
        yield fallback
    unresolved = sorted(fallback.unresolved.items())
    if layer.stopped:  # one line for the names that could not be asked: offline, they share a story
        failed = [name for name, why in unresolved if why != "not found"]
        shown = ", ".join(failed[:20]) + (", …" if len(failed) > 20 else "")
        warnings.warn(f"{layer.stopped}; {len(failed)} place name(s) stayed unresolved"
                      + (f" ({shown})" if failed else "") + ": the events hold what the offline gazetteers found")
        unresolved = [(name, why) for name, why in unresolved if why == "not found"]
    for name, reason in unresolved:
        warnings.warn(f"unresolved place name {name!r}: {reason}")


def build(args) -> int:
    from .files import refuse_inputs, write_text
    from .render import embed_snippet, render, save

    snippet_path = Path(args.output).with_suffix(".embed.html")
    for target in (args.output, snippet_path if args.embed else None):
        if target is not None:
            refuse_inputs(target, _inputs(args))
    events, gazetteer = _events(args)
    if args.with_default:
        events = _with_default(args, events, gazetteer)
    m = render(events, actors=_actors(events, args), tiles=args.tiles, title=args.title,
               assets="inline" if args.self_contained else "cdn", renderer=args.renderer)
    path = save(m, args.output, self_contained=args.self_contained)
    print(f"wrote {path} ({_counted(len(events))}{', self-contained' if args.self_contained else ''})", file=sys.stderr)
    if args.embed:
        snippet = embed_snippet(path.name, title=args.title or m.lifemap_title, width=args.width, height=args.height)
        target = write_text(snippet_path, snippet)
        print(f"wrote {target}: paste it into a lesson page that sits beside {path.name}", file=sys.stderr)
        print(snippet, end="")
    return 0


def _with_default(args, events, gazetteer):
    """The texts' events beside the embedded life (its ids kept; theirs made unique)."""
    from .events import between, load_events
    from .lives import combine

    if not args.files:
        raise LifemapError("--with-default adds the embedded life to the lives of texts: give the texts")
    default = load_events(None, gazetteer)
    if args.start or args.end:
        default = between(default, args.start, args.end)
    return combine(default, events)


def export_events(args) -> int:
    from .export import default_path, export
    from .files import refuse_inputs

    refuse_inputs(args.output or default_path(args.format), _inputs(args))
    events, gazetteer = _events(args)
    options = {}
    if args.format in ("gpkg", "storymapjs"):
        options["actor"] = _actor(events, args)
    if args.title and args.format in ("kml", "timelinejs", "storymapjs"):
        options["title"] = args.title
    if args.base and args.format == "lpf":
        options["base"] = args.base
    path = export(events, args.format, args.output, gazetteer=gazetteer, **options)
    print(f"wrote {path} ({_counted(len(events))} as {args.format})", file=sys.stderr)
    return 0


def extract_cmd(args) -> int:
    from .corpus import extract_corpus
    from .files import refuse_inputs

    refuse_inputs(args.output, _inputs(args))
    with _fallback(args) as fallback:
        run = extract_corpus(args.files, args.output, places=_bounded(args.places, "places"),
                             geonames=not args.no_geonames, jobs=args.jobs, scheduler=args.scheduler, parts=args.parts,
                             memory_limit=args.memory_limit, fallback=None if isinstance(fallback, bool) else fallback,
                             subject=args.subject)
    for name, message in run.warnings:
        warnings.warn(message if message.startswith(name) else f"{name}: {message}")
    for name, reason in run.failed:
        print(f"lifemap: skipped {name}: {reason}", file=sys.stderr)
    kept = f", {run.cached} kept from an earlier run" if run.cached else ""
    print(f"wrote {run.output} ({run.rows} events from {run.files - len(run.failed)} of {run.files} file(s){kept})",
          file=sys.stderr)
    return 1 if run.failed else 0


def check_cmd(args) -> int:
    """One line per finding on stdout; exit status 0 when the life is clean, 1 with findings."""
    from .check import check

    events, gazetteer = _events(args)
    findings = check(events, gazetteer=gazetteer, texts=args.sources, actors=args.actor or None)
    for finding in findings:
        print(finding)
    errors = sum(f.severity.value == "error" for f in findings)
    print(f"{len(findings)} finding(s) ({errors} error(s), {len(findings) - errors} warning(s)) in {len(events)} events",
          file=sys.stderr)
    return 1 if findings else 0


def figure(args) -> int:
    import matplotlib

    matplotlib.use("Agg")  # no screen needed
    from .charts import route_figure, save_figure
    from .files import refuse_inputs

    refuse_inputs(args.output, _inputs(args))
    events, _ = _events(args)
    path = save_figure(route_figure(events, actor=_actor(events, args), title=args.title), args.output)
    print(f"wrote {path}", file=sys.stderr)
    return 0


def resolve(args) -> int:
    from .dates import DateSpan
    from .gazetteer import Gazetteer, NominatimPlaces

    from .errors import UnknownPlace

    with contextlib.ExitStack() as stack:
        client = stack.enter_context(_nominatim_layer(args)) if args.nominatim else None
        gazetteer = Gazetteer.load(args.places, layers=[NominatimPlaces(client)] if client else [])
        when = DateSpan.parse(args.when).first_day if args.when else None
        try:
            place = gazetteer.resolve(args.name, when)
        except UnknownPlace as exc:
            failed = client.failures.get(args.name) if client else None
            if failed:  # not "no such place": nobody could say
                raise LifemapError(f"{exc} in the gazetteer, and Nominatim could not be asked ({failed})") from None
            raise
    print(f"{place.id}\t{place.label_at(when)}\t{place.kind}\t{place.lat:.4f}\t{place.lon:.4f}\t{place.coord_source}")
    return 0


def _nominatim_layer(args):
    """The opt-in Nominatim client the options describe (server and answer cache)."""
    from urllib.parse import urlsplit

    from .nominatim import NominatimLayer

    server = urlsplit(args.nominatim_server)
    if not server.netloc:
        raise LifemapError(f"--nominatim-server {args.nominatim_server!r} is not a URL such as https://nominatim.example.org")
    return NominatimLayer(args.cache, domain=server.netloc, scheme=server.scheme or "https",
                          budget_seconds=args.nominatim_budget)


def _geocoder_options(p) -> None:
    p.add_argument("--no-geonames", action="store_true", help="curated places only, no GeoNames fallback")
    _nominatim_options(p)


def _nominatim_options(p) -> None:
    p.add_argument("--nominatim", action="store_true",
                   help="ask OpenStreetMap's Nominatim for names the offline gazetteers lack "
                        "(at most one request a second; answers cached)")
    p.add_argument("--nominatim-server", default="https://nominatim.openstreetmap.org", metavar="URL",
                   help="a Nominatim server [%(default)s]")
    p.add_argument("--cache", default=str(Path.home() / ".cache" / "lifemap" / "nominatim.sqlite"),
                   help="Nominatim answer cache [%(default)s]")
    p.add_argument("--nominatim-budget", type=_seconds, default=300.0, metavar="SECONDS",
                   help="the longest the run spends asking Nominatim; it also stops after 3 failed requests "
                        "in a row (no network) [%(default)g]")


_SUBJECT_HELP = "whose life the texts tell, where it is not the person each one is about [found in each text]"


def _data_options(p, *, lives: bool = False) -> None:
    """The options that choose the events: which files, which period, whose route (``lives``:
    whose routes, several on one map)."""
    p.add_argument("--from", dest="start", type=_year, help="first year (or YYYY-MM[-DD]) to take")
    p.add_argument("--to", dest="end", type=_year, help="last year (or YYYY-MM[-DD]) to take")
    p.add_argument("--events", help="events CSV instead of the embedded default")
    p.add_argument("--places", help="places CSV instead of the curated places.csv")
    p.add_argument("--subject", metavar="NAME", help=_SUBJECT_HELP)
    if not lives:
        p.add_argument("--actor", help="whose route to draw (stops, legs, story) [the subject of the texts, or Stalin]")
        return
    p.add_argument("--actor", action="append", metavar="NAME",
                   help="whose route to draw; repeat it for several lives on one map [the subject of each text, or Stalin]")
    p.add_argument("--actors", choices=("all",),
                   help="all: everyone the events place at two places or more, each in their colour")
    p.add_argument("--with-default", action="store_true",
                   help="add the embedded life of Stalin to the lives read out of the texts")


def parser() -> argparse.ArgumentParser:
    ap = _Parser(
        prog="lifemap", description="Texts about a life → a dated, geocoded itinerary and an interactive map.",
        epilog="Start with `lifemap build` and open output/lifemap.html.")
    sub = ap.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the interactive map (default: the embedded life of Stalin)")
    # Paths, not strings: the API reads a string that names no file as the text itself, and the
    # command line means files (a misspelt name must be an error, not a text of one word)
    b.add_argument("files", nargs="*", metavar="FILE", type=Path,
                   help="texts to read events out of, instead of the embedded default (popups show each sentence)")
    b.add_argument("-o", "--output", type=_output, default="output/lifemap.html", help="HTML file to write [%(default)s]")
    _data_options(b, lives=True)
    b.add_argument("--tiles", default="osm", type=_tiles,
                   help="basemap: osm (OpenStreetMap), none (offline country outlines), or a tile URL "
                        "template with {z}/{x}/{y} [%(default)s]")
    b.add_argument("--title", help="page title")
    b.add_argument("--renderer", choices=("auto", "svg", "canvas"), default="auto",
                   help="svg: every marker and leg a vector path at full style; canvas: one canvas, thin legs, "
                        "fastest; auto: canvas above 3,000 markers and legs [%(default)s]")
    b.add_argument("--self-contained", action="store_true",
                   help="put Leaflet inside the page: no outside request but the tiles (none with --tiles none)")
    b.add_argument("--embed", action="store_true",
                   help="also write OUTPUT.embed.html, an iframe snippet for lesson pages (and print it)")
    b.add_argument("--width", type=_positive, default=960, help="embedded width in pixels, at most [%(default)s]")
    b.add_argument("--height", type=_positive, default=600, help="embedded height in pixels [%(default)s]")
    _geocoder_options(b)
    b.set_defaults(func=build)

    from .export import FORMATS

    x = sub.add_parser("export", help="write the events for other tools: " + ", ".join(FORMATS))
    x.add_argument("-f", "--format", required=True, type=str.lower, choices=FORMATS, metavar="FMT",
                   help="one of: %(choices)s")
    x.add_argument("-o", "--output", type=_output, help="file to write [output/lifemap.<format's suffix>]")
    _data_options(x)
    x.add_argument("--title", help="title of the KML document, timeline or story map")
    x.add_argument("--base", help="URI prefix of the places' @id in lpf [https://lifemap.example/places/]")
    x.set_defaults(func=export_events)

    e = sub.add_parser("extract", help="find dated, located events in texts (CSV or GeoParquet, one row per event and place)")
    e.add_argument("files", nargs="+", metavar="FILE_OR_DIR", type=Path,
                   help="texts to read (UTF-8; others as cp1252 with a warning); a folder means every *.txt in it")
    e.add_argument("-o", "--output", type=_output, default="events.csv",
                   help="file to write: .parquet for GeoParquet, else CSV [%(default)s]")
    e.add_argument("--places", help="places CSV to use instead of the curated places.csv")
    e.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes on this machine [%(default)s]")
    e.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on an existing Dask cluster (tcp://host:8786); the texts must be readable there")
    e.add_argument("--parts", metavar="DIR",
                   help="where the rows of finished texts are kept, so a rerun skips them [~/.cache/lifemap/corpus]")
    e.add_argument("--memory-limit", default="auto", metavar="SIZE",
                   help="memory of each --jobs worker before Dask restarts it (e.g. 2GiB) [%(default)s]")
    e.add_argument("--subject", metavar="NAME", help=_SUBJECT_HELP)
    _geocoder_options(e)
    e.set_defaults(func=extract_cmd)

    c = sub.add_parser("check", help="check that each life is possible: report overlapping stays, detentions "
                                     "without arrests, impossible legs, dates finer than their sources (exit 1 if any)")
    c.add_argument("files", nargs="*", metavar="TEXT", type=Path,
                   help="texts to read events out of and check, instead of the embedded default")
    c.add_argument("--events", help="events CSV instead of the embedded default")
    c.add_argument("--places", help="places CSV instead of the curated places.csv")
    c.add_argument("--sources", metavar="DIR",
                   help="directory of the documents the events cite: also checks each date and place name "
                        "against its cited sentence (texts given as TEXT are always read)")
    c.add_argument("--actor", action="append", help="check only this actor's life (repeatable) [all]")
    c.add_argument("--from", dest="start", type=_year, help="first year (or YYYY-MM[-DD]) to take")
    c.add_argument("--to", dest="end", type=_year, help="last year (or YYYY-MM[-DD]) to take")
    _geocoder_options(c)
    c.set_defaults(func=check_cmd)

    f = sub.add_parser("figure", help="a static picture of the route for printed worksheets (png, svg, pdf)")
    f.add_argument("-o", "--output", type=_output, default="output/route.png", help="file to write; the suffix picks the format [%(default)s]")
    _data_options(f)
    f.add_argument("--title", help="title above the map")
    f.set_defaults(func=figure)

    r = sub.add_parser("resolve", help="look a place name up as of a date")
    r.add_argument("name")
    r.add_argument("--when", type=_year, help="date (YYYY[-MM[-DD]]) the name is used at")
    r.add_argument("--places", help="places CSV to use instead of the curated places.csv")
    _nominatim_options(r)
    r.set_defaults(func=resolve)
    return ap


# Warnings of one kind shown: 1 MB of impossible dates gave 80,000 lines of them.
SHOWN_OF_A_KIND = 20


def _warning_lines():
    """A showwarning that prints lifemap's warnings (a text not in UTF-8, an impossible date) as
    one line each, at most SHOWN_OF_A_KIND of a kind, and a function that prints how many were not."""
    from collections import Counter

    seen: Counter = Counter()

    def show(message, category, filename, lineno, file=None, line=None):
        seen[category] += 1
        if seen[category] <= SHOWN_OF_A_KIND:
            print(f"lifemap: warning: {message}", file=sys.stderr)

    def left_out():
        hidden = sum(n - SHOWN_OF_A_KIND for n in seen.values() if n > SHOWN_OF_A_KIND)
        if hidden:
            print(f"lifemap: warning: {hidden:,} more warning(s) like those above not shown", file=sys.stderr)

    return show, left_out


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    shown, (warnings.showwarning, left_out) = warnings.showwarning, _warning_lines()
    # The modules imported so far (pandas, geopandas, folium…) live as long as the command: kept out
    # of the cyclic collector's full passes, extraction runs about 8 % faster (bench/RESULTS.md).
    import gc

    gc.freeze()
    previous = signal.signal(signal.SIGTERM, _terminate)
    # the command reports failed look-ups itself, in one line each, at the end
    quiet = logging.NullHandler()
    logging.getLogger("lifemap").addHandler(quiet)
    try:
        return args.func(args)
    except LifemapError as exc:
        return _error(str(exc))
    except Terminated:
        print("lifemap: terminated; a file being written was left as it was", file=sys.stderr)
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        print("lifemap: interrupted; nothing was written", file=sys.stderr)
        return 130
    except OSError as exc:  # one the library did not expect: a pipe closed, a disk gone
        where = f"{exc.filename}: " if exc.filename else ""
        return _error(f"{where}{exc.strerror or exc}")
    except Exception as exc:  # a bug: still one line, and the traceback on demand
        if os.environ.get("LIFEMAP_DEBUG"):
            raise
        return _error(f"unexpected {type(exc).__name__}: {exc} (a bug in lifemap: please report it; "
                      "LIFEMAP_DEBUG=1 shows the traceback)")
    finally:  # as it was, for callers that run main() in their own process
        left_out()
        warnings.showwarning = shown
        signal.signal(signal.SIGTERM, previous)
        logging.getLogger("lifemap").removeHandler(quiet)


def _error(message: str) -> int:
    """One line on stderr, status 2 (a message that spans lines is joined into one)."""
    print("lifemap: error: " + "; ".join(part.strip() for part in message.splitlines() if part.strip()),
          file=sys.stderr)
    return 2


def _terminate(signum, frame):
    raise Terminated


if __name__ == "__main__":
    sys.exit(main())
