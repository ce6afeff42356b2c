"""The opt-in network layer: place names the curated gazetteer lacks, looked up on Nominatim.

Nothing here touches the network unless a caller builds a :class:`NominatimLayer` and asks it for
a name. The public service (https://operations.osmfoundation.org/policies/nominatim/) wants an
identifying User-Agent, at most one request a second, and results cached instead of asked again;
so the layer:

* sends lifemap's own User-Agent and refuses a delay under one second unless the server is on
  this machine (a self-hosted instance or a test stand-in);
* spaces every request, retries included, through geopy's ``RateLimiter``;
* keeps every *definite* answer (a hit, or "no such place") in a SQLite file, so a name is asked
  once per cache, ever. Failures (timeouts, 429, 5xx, unreadable answers) are not definite: they
  are reported in :attr:`NominatimLayer.failures` and asked again next time;
* honours ``Retry-After`` and stops asking for the rest of the session after a 403;
* stops asking, too, after ``down_after`` failed requests in a row (no network, a server that
  refuses or never answers) and once its time budget is spent, so an offline run finishes with
  what the offline gazetteers found instead of waiting out every name.
"""
from __future__ import annotations

import ipaddress
import json
import logging
import math
import sqlite3
import threading
import time
from functools import partial
import unicodedata
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path
from typing import Iterable
from urllib.parse import urlsplit

from geopy.adapters import RequestsAdapter, URLLibAdapter
from geopy.exc import (GeocoderAuthenticationFailure, GeocoderInsufficientPrivileges,
                       GeocoderParseError, GeocoderQueryError, GeocoderQuotaExceeded,
                       GeocoderRateLimited, GeocoderServiceError, GeocoderTimedOut,
                       GeocoderUnavailable, GeopyError)
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim

from .errors import DataError, GeocodingError

__all__ = ["NominatimLayer", "NominatimHit", "ResultCache", "DEFAULT_USER_AGENT", "PUBLIC_DOMAIN"]

log = logging.getLogger(__name__)

PUBLIC_DOMAIN = "nominatim.openstreetmap.org"
#: The public service's floor (its usage policy: an absolute maximum of one request per second).
POLICY_MIN_DELAY = 1.0
#: The longest ``Retry-After`` the layer sleeps through; a longer one fails the names fast instead
#: of hanging the caller (and of hammering a server that asked for quiet).
LONGEST_WAIT = 60.0
#: Failed requests in a row (timeouts, refused connections, server errors) after which the
#: service counts as unreachable for the session: offline, each name would wait out its own.
DOWN_AFTER = 3


def _version() -> str:
    try:
        return metadata.version("lifemap")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return "0"


DEFAULT_USER_AGENT = f"lifemap/{_version()} (+https://pypi.org/project/lifemap/)"


# The answer -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class NominatimHit:
    """One place Nominatim found for a query; ``source`` names the OSM object it came from."""

    query: str
    name: str
    lat: float
    lon: float
    osm_type: str
    osm_id: int | None
    kind: str
    source: str


# Nominatim's place types, loosely folded into the gazetteer's kinds. Anything unlisted (a
# building, a monastery, a railway station, a prison) is a "site".
_KIND_OF_TYPE = {
    "country": "country",
    "continent": "region", "state": "region", "province": "region", "region": "region",
    "state_district": "region", "county": "region", "district": "region", "municipality": "region",
    "island": "region", "archipelago": "region", "territory": "region",
    "city": "city", "town": "city",
    "village": "village", "hamlet": "village", "isolated_dwelling": "village", "farm": "village",
}


def _kind(raw: dict) -> str:
    """city/village/site/region/country from Nominatim's ``addresstype``, ``class``/``type``, rank.

    >>> _kind({"class": "place", "type": "town"}), _kind({"class": "historic", "type": "castle"})
    ('city', 'site')
    >>> _kind({"class": "boundary", "type": "administrative", "place_rank": 4})
    'country'
    """
    # ``addresstype`` (Nominatim >= 4.3) already says what the object is as part of an address.
    for key in ("addresstype", "type"):
        kind = _KIND_OF_TYPE.get(str(raw.get(key) or ""))
        if kind and (key == "addresstype" or raw.get("class") in ("place", "boundary")):
            return kind
    if raw.get("class") == "boundary":  # an administrative area of unknown type: go by its rank
        try:
            rank = int(raw.get("place_rank"))
        except (TypeError, ValueError):
            return "region"
        return "country" if rank == 4 else "region" if rank <= 12 else "city" if rank <= 16 else "village"
    return "site"


class _BadAnswer(ValueError):
    """A syntactically valid answer that does not describe a usable place."""


# The fields of Nominatim's answer worth keeping; the hit is rebuilt from them on every read, so a
# change to the kind mapping applies to answers cached earlier.
_KEPT = ("display_name", "lat", "lon", "osm_type", "osm_id", "class", "type", "addresstype",
         "place_rank")


def _keep(raw) -> dict:
    if not isinstance(raw, dict):
        raise _BadAnswer(f"expected a JSON object for the place, got {type(raw).__name__}")
    kept = {k: raw[k] for k in _KEPT if raw.get(k) is not None}
    _hit("", kept)  # refuse to cache what could not be read back
    return kept


def _hit(query: str, raw: dict) -> NominatimHit:
    try:
        lat, lon = float(raw["lat"]), float(raw["lon"])
    except (KeyError, TypeError, ValueError) as e:
        raise _BadAnswer(f"no usable lat/lon ({e!r})") from None
    if not (math.isfinite(lat) and math.isfinite(lon) and abs(lat) <= 90 and abs(lon) <= 180):
        raise _BadAnswer(f"coordinates out of range: {lat}, {lon}")
    osm_type = str(raw.get("osm_type") or "")
    try:
        osm_id = int(raw["osm_id"]) if raw.get("osm_id") is not None else None
    except (TypeError, ValueError):
        raise _BadAnswer(f"osm_id is not a number: {raw.get('osm_id')!r}") from None
    source = f"nominatim:{osm_type}/{osm_id}" if osm_type and osm_id is not None else "nominatim"
    return NominatimHit(query=query, name=str(raw.get("display_name") or query), lat=lat, lon=lon,
                        osm_type=osm_type, osm_id=osm_id, kind=_kind(raw), source=source)


# The cache ------------------------------------------------------------------------------------
def normalise(name: str) -> str:
    """The cache key of a name: Unicode-composed, casefolded, whitespace collapsed.

    >>> normalise("  Gori \\t CITY ") == normalise("gori city")
    True
    """
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _countries(country_codes) -> tuple[str, ...]:
    if not country_codes:
        return ()
    if isinstance(country_codes, str):
        country_codes = country_codes.split(",")
    return tuple(sorted({c.strip().lower() for c in country_codes if c and c.strip()}))


_MISS = object()


class ResultCache:
    """Definite Nominatim answers on disk, keyed by normalised query and country filter.

    ``answer`` is the kept part of Nominatim's JSON, or NULL for "Nominatim has no such place".
    Every write is its own transaction, and the database runs in WAL mode: a process killed
    mid-write loses at most that write, never the file (SQLite replays or drops the WAL tail on
    the next open).
    """

    _SCHEMA = """
        CREATE TABLE IF NOT EXISTS nominatim (
            query      TEXT NOT NULL,   -- normalise(name)
            countries  TEXT NOT NULL,   -- '' or sorted lower-case codes joined by ','
            answer     TEXT,            -- JSON object, or NULL for a definite "not found"
            fetched_at REAL NOT NULL,   -- unix time, for whoever wants to expire entries
            PRIMARY KEY (query, countries)
        )"""

    def __init__(self, path):
        self.path = str(path)
        if self.path != ":memory:":
            where = Path(self.path)
            if where.exists() and not where.is_file():
                raise DataError(self.path, None, None, "the geocoding cache must be a file (not a directory "
                                                       "or a device); give --cache a file name")
            try:
                where.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise DataError(self.path, None, None, f"cannot create the geocoding cache: {e.strerror}") from e
        try:
            # check_same_thread=False: NominatimLayer serialises access with its own lock.
            self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        except sqlite3.Error as e:
            raise DataError(self.path, None, None, f"cannot open the geocoding cache ({e})") from e
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            # In WAL mode NORMAL survives any process crash; only an OS crash or power cut may
            # drop the last commits, which a cache can afford.
            self._db.execute("PRAGMA synchronous=NORMAL")
            with self._db:
                self._db.execute(self._SCHEMA)
        except sqlite3.DatabaseError as e:
            self._db.close()
            raise DataError(self.path, None, None,
                            f"not a usable lifemap geocoding cache ({e}); delete it to start afresh") from e

    @staticmethod
    def _key(query: str, country_codes) -> tuple[str, str]:
        return normalise(query), ",".join(_countries(country_codes))

    def get(self, query: str, country_codes=None):
        """The cached answer (a dict, or None for "not found"), or the ``_MISS`` sentinel."""
        row = self._db.execute("SELECT answer FROM nominatim WHERE query = ? AND countries = ?",
                               self._key(query, country_codes)).fetchone()
        if row is None:
            return _MISS
        if row[0] is None:
            return None
        try:
            answer = json.loads(row[0])
        except ValueError:
            answer = None
        if not isinstance(answer, dict):  # unreadable: treat as never asked, it will be rewritten
            log.warning("ignoring an unreadable cache entry for %r in %s", query, self.path)
            return _MISS
        return answer

    def put(self, query: str, country_codes, answer: dict | None) -> None:
        """Store a definite answer (None = not found), replacing any earlier one, atomically."""
        text = None if answer is None else json.dumps(answer, ensure_ascii=False, sort_keys=True)
        with self._db:  # one transaction: committed whole or rolled back whole
            self._db.execute("INSERT OR REPLACE INTO nominatim (query, countries, answer, fetched_at) "
                             "VALUES (?, ?, ?, ?)", (*self._key(query, country_codes), text, time.time()))

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM nominatim").fetchone()[0]

    def close(self) -> None:
        self._db.close()


# The layer ------------------------------------------------------------------------------------
def _is_local(domain: str) -> bool:
    """True for a server on this machine, e.g. ``localhost:8080``, ``127.0.0.1:5000``, ``[::1]``."""
    try:
        host = urlsplit(f"//{domain}").hostname
    except ValueError:
        return False
    if not host:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# geopy's exceptions, most specific first, each with the words a user reads in the failure list.
_LABELS = (
    (GeocoderRateLimited, "rate limited (HTTP 429)"),
    (GeocoderInsufficientPrivileges, "refused by the service (HTTP 403)"),
    (GeocoderAuthenticationFailure, "refused by the service"),
    (GeocoderQuotaExceeded, "quota exceeded"),
    (GeocoderQueryError, "query rejected"),
    (GeocoderTimedOut, "timed out"),
    (GeocoderUnavailable, "service unavailable"),
    (GeocoderParseError, "unparsable answer"),
    (GeocoderServiceError, "service error"),
    (GeopyError, "geocoder error"),
)
# Errors that asking again will not cure; RateLimiter would retry them (it retries every
# GeocoderServiceError), which only spends the service's patience.
_PERMANENT = (GeocoderQueryError, GeocoderAuthenticationFailure, GeocoderInsufficientPrivileges,
              GeocoderQuotaExceeded)


def _reason(error: Exception) -> str:
    label = next((text for cls, text in _LABELS if isinstance(error, cls)), "error")
    detail = " ".join(str(error).split())
    if len(detail) > 160:
        detail = detail[:157] + "..."
    return f"{label}: {detail}" if detail else label


class NominatimLayer:
    """Nominatim behind a persistent cache, a rate limit and polite error handling.

    ``lookup`` never raises for a network problem: it returns None and records the name with the
    reason in :attr:`failures`. :class:`GeocodingError` is raised only for misuse (a delay below
    the public service's floor, a closed layer, nonsense settings).

    Each layer spaces only its own requests: against the public service, run one at a time.
    A layer may be shared between threads (lookups are serialised).
    """

    def __init__(self, cache_path, *, user_agent: str = DEFAULT_USER_AGENT, domain: str = PUBLIC_DOMAIN,
                 scheme: str = "https", min_delay_seconds: float = POLICY_MIN_DELAY, timeout: float = 10,
                 max_retries: int = 2, country_codes: str | Iterable[str] | None = None,
                 error_wait_seconds: float | None = None, budget_seconds: float | None = None,
                 down_after: int = DOWN_AFTER):
        """``error_wait_seconds`` (default: 5 s or the delay, whichever is longer, as in geopy's
        RateLimiter) is the pause before a retry; a ``Retry-After`` from the server overrides it.
        ``budget_seconds`` bounds the time the session spends asking and waiting (None: no bound);
        after ``down_after`` failed requests in a row the layer stops asking (see :attr:`stopped`)."""
        domain = (domain or "").strip().strip("/")
        local = _is_local(domain)
        if not domain:
            raise GeocodingError("no Nominatim domain given")
        if not (isinstance(min_delay_seconds, (int, float)) and min_delay_seconds >= 0):
            raise GeocodingError(f"min_delay_seconds must be a number >= 0, not {min_delay_seconds!r}")
        if min_delay_seconds < POLICY_MIN_DELAY and not local:
            raise GeocodingError(
                f"min_delay_seconds={min_delay_seconds} is below {POLICY_MIN_DELAY} s: Nominatim's usage "
                f"policy allows at most one request a second; a smaller delay is only for a server on "
                f"this machine (got domain {domain!r})")
        if error_wait_seconds is None:
            error_wait_seconds = max(5.0, min_delay_seconds)
        if error_wait_seconds < min_delay_seconds:
            raise GeocodingError("error_wait_seconds must not be shorter than min_delay_seconds")
        if not (isinstance(max_retries, int) and max_retries >= 0):
            raise GeocodingError(f"max_retries must be an int >= 0, not {max_retries!r}")
        if not (isinstance(timeout, (int, float)) and timeout > 0):
            raise GeocodingError(f"timeout must be a number of seconds > 0, not {timeout!r}")
        if not (user_agent or "").strip():
            raise GeocodingError("Nominatim requires an identifying User-Agent; none given")
        if budget_seconds is not None and not (isinstance(budget_seconds, (int, float)) and budget_seconds > 0):
            raise GeocodingError(f"budget_seconds must be a number of seconds > 0, not {budget_seconds!r}")
        if not (isinstance(down_after, int) and down_after >= 1):
            raise GeocodingError(f"down_after must be an int >= 1, not {down_after!r}")

        self.domain, self.scheme, self.user_agent = domain, scheme, user_agent
        self.min_delay_seconds, self.timeout, self.max_retries = min_delay_seconds, timeout, max_retries
        self.error_wait_seconds = error_wait_seconds
        self.budget_seconds, self.down_after = budget_seconds, down_after
        self.country_codes = _countries(country_codes)
        # A server on this machine is never reached through the environment's HTTP proxy.
        extra = {"proxies": {}} if local else {}
        # geopy's RequestsAdapter lets urllib3 retry twice on its own: unspaced, and sleeping
        # through any Retry-After however long. All retries must go through the rate limit, so
        # the transport gets none.
        if RequestsAdapter.is_available:
            extra["adapter_factory"] = partial(RequestsAdapter, max_retries=0)
        else:
            extra["adapter_factory"] = URLLibAdapter  # never retries by itself
        try:
            self._geocoder = Nominatim(user_agent=user_agent, domain=domain, scheme=scheme,
                                       timeout=timeout, **extra)
        except GeopyError as e:  # e.g. geopy's own refusal of a sample User-Agent, a bad scheme
            raise GeocodingError(str(e)) from e
        # Retries are ours (see _ask), so the limiter only spaces calls and lets errors through:
        # swallowing them would turn a timeout into None, i.e. into a cached "not found".
        self._geocode = RateLimiter(self._geocoder.geocode, min_delay_seconds=min_delay_seconds,
                                    max_retries=0, error_wait_seconds=error_wait_seconds,
                                    swallow_exceptions=False)
        try:
            self._cache = ResultCache(cache_path)
        except BaseException:
            self._geocoder.__exit__(None, None, None)
            raise
        self._lock = threading.RLock()
        self._failures: dict[str, str] = {}
        self._not_before = 0.0   # monotonic time before which the server asked not to be called
        self._refused = ""       # why the layer stopped asking for this session (a 403, the network down)
        self._failed_in_a_row = 0
        self._spent = 0.0        # seconds spent asking and waiting, against budget_seconds
        self._closed = False

    # Public -----------------------------------------------------------------------------------
    @property
    def failures(self) -> dict[str, str]:
        """Names whose last lookup failed (not "not found": failed), with the reason."""
        return dict(self._failures)

    @property
    def stopped(self) -> str:
        """Why the layer no longer asks in this session (a 403, the network down, the time budget
        spent), or "" while it still asks."""
        return self._refused

    @property
    def cache(self) -> ResultCache:
        return self._cache

    def lookup(self, name: str) -> NominatimHit | None:
        """The place Nominatim finds for ``name``, or None (not found, or failed: see failures)."""
        with self._lock:
            if self._closed:
                raise GeocodingError("this NominatimLayer is closed")
            query = " ".join(unicodedata.normalize("NFC", str(name)).split())
            if not query:
                return None
            cached = self._cache.get(query, self.country_codes)
            if cached is not _MISS:
                self._failures.pop(name, None)
                return None if cached is None else _hit(name, cached)
            ok, answer, reason = self._ask(query)
            if not ok:
                log.warning("Nominatim lookup of %r failed: %s", name, reason)
                self._failures[name] = reason
                return None
            self._cache.put(query, self.country_codes, answer)
            self._failures.pop(name, None)
            return None if answer is None else _hit(name, answer)

    def lookup_many(self, names: Iterable[str]) -> dict[str, NominatimHit | None]:
        """``lookup`` for each name; spellings that share a cache key are asked once."""
        first: dict[str, str] = {}  # cache key -> the first spelling asked
        out: dict[str, NominatimHit | None] = {}
        for name in names:
            if name in out:
                continue
            key = normalise(str(name))
            if key in first:
                earlier = first[key]
                hit = out[earlier]
                out[name] = None if hit is None else replace(hit, query=name)
                if earlier in self._failures:
                    self._failures[name] = self._failures[earlier]
                continue
            first[key] = name
            out[name] = self.lookup(name)
        return out

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._geocoder.__exit__(None, None, None)  # closes the HTTP session's keep-alives
            self._cache.close()

    def __enter__(self) -> "NominatimLayer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # The network ------------------------------------------------------------------------------
    def _permission(self, wait: float = 0.0) -> str:
        """Wait ``wait`` seconds and out a short Retry-After; return a reason instead when we must
        not ask at all (stopped, or the budget would not cover the wait)."""
        if self._refused:
            return self._refused
        wait = max(wait, self._not_before - time.monotonic())
        if wait > LONGEST_WAIT:
            return f"rate limited (HTTP 429): the service asked for quiet for {wait:.0f} s more"
        if self.budget_seconds is not None and self._spent + wait >= self.budget_seconds:
            self._refused = (f"the time allowed for Nominatim ({self.budget_seconds:g} s) is spent; "
                             "not asking again in this session")
            return self._refused
        if wait > 0:
            time.sleep(wait)
            self._spent += wait
        return ""

    def _timeout(self) -> float:
        """The longest a request may take: the timeout, or what is left of the budget."""
        if self.budget_seconds is None:
            return self.timeout
        return max(0.1, min(self.timeout, self.budget_seconds - self._spent))

    def _failed(self, reason: str) -> None:
        """Count a failed request; after ``down_after`` in a row, stop asking for the session."""
        self._failed_in_a_row += 1
        if self._failed_in_a_row >= self.down_after:
            self._refused = (f"Nominatim at {self.domain} failed {self._failed_in_a_row} times in a row "
                             f"(last: {reason}): the network or the service is down; not asking again "
                             "in this session")

    def _ask(self, query: str) -> tuple[bool, dict | None, str]:
        """(True, answer or None for not found) or (False, None, reason), retrying transient errors."""
        reason = ""
        for attempt in range(self.max_retries + 1):
            refusal = self._permission(self.error_wait_seconds if attempt else 0.0)
            if refusal:
                return False, None, f"{reason}; {refusal}" if reason and reason not in refusal else refusal
            started = time.monotonic()
            try:
                location = self._geocode(query, exactly_one=True, language="en", addressdetails=False,
                                         country_codes=list(self.country_codes) or None, timeout=self._timeout())
            except GeocoderRateLimited as e:
                reason = _reason(e)
                wait = max(0.0, float(e.retry_after or 0))
                if wait:
                    reason += f" (Retry-After {wait:g} s)"
                    self._not_before = max(self._not_before, time.monotonic() + wait)
                if wait > LONGEST_WAIT:
                    break
                continue
            except _PERMANENT as e:
                reason = _reason(e)
                if isinstance(e, (GeocoderInsufficientPrivileges, GeocoderAuthenticationFailure)):
                    self._refused = reason + "; not asking again in this session"
                return False, None, reason
            except GeopyError as e:  # timeouts, 5xx, connection errors, non-JSON bodies
                reason = _reason(e)
                self._failed(reason)
                continue
            finally:
                self._spent += time.monotonic() - started
            self._failed_in_a_row = 0
            if location is None:
                return True, None, ""
            try:
                return True, _keep(location.raw), ""
            except _BadAnswer as e:  # well-formed but unusable: asking again gives the same
                return False, None, f"unparsable answer: {e}"
        return False, None, reason


# The text extractor's fallback ------------------------------------------------------------------
class _Answer:
    """A Nominatim hit in the shape ``lifemap.geonames.acceptable`` ranks: the user asked for the
    network, so its answer is taken (as a country, or as a place large enough to count)."""

    def __init__(self, hit: NominatimHit):
        from .geonames import FAR_POPULATION

        self.hit = hit
        self.kind = "country" if hit.kind == "country" else "city"
        self.country, self.population = "XX", FAR_POPULATION

    def to_place(self):
        from .gazetteer import NominatimPlaces

        return NominatimPlaces.place(self.hit)


class WithNominatim:
    """GeoNames first, then Nominatim for the names GeoNames has nothing credible for; remembers
    which names stayed unresolved (not found, or the service failed) so the caller can report them."""

    def __init__(self, geonames, layer: NominatimLayer):
        self.geonames, self.layer = geonames, layer
        self.unresolved: dict[str, str] = {}

    def offline(self):
        """The layer that answers without the network (GeoNames), or None."""
        return self.geonames

    def ranked(self, name: str, region=None) -> list:
        from .geonames import acceptable

        records = list(self.geonames.ranked(name, region)) if self.geonames is not None else []
        if any(acceptable(r, region) for r in records):
            return records
        hit = self.layer.lookup(name)
        if hit is None:
            self.unresolved[name] = self.layer.failures.get(name, "not found")
            return records
        self.unresolved.pop(name, None)
        return records + [_Answer(hit)]
