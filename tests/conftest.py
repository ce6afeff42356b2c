"""Shared fixtures: the seed texts, small data files, and a real headless Chromium.

The browser is Debian's ``chromium`` driven by Playwright (never a downloaded browser). No CDN is
reachable here, so the page's requests for Leaflet on jsDelivr are answered from Leaflet's release
files as installed from PyPI (``django-js-lib-leaflet``, the same files ``--self-contained``
inlines); any other outside request is refused and recorded, and tests assert there was none.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).with_name("data")
CHROMIUM = os.environ.get("LIFEMAP_CHROMIUM", "/usr/bin/chromium")
REQUIRE_BROWSER = os.environ.get("LIFEMAP_REQUIRE_BROWSER") == "1"
CDN = re.compile(r"^https://cdn\.jsdelivr\.net/npm/leaflet@(?P<ver>[^/]+)/dist/(?P<path>[^?#]*)")


def seeds_path() -> Path:
    return Path(os.environ.get("LIFEMAP_SEEDS", ROOT.parent / "shared" / "seeds"))


@pytest.fixture(scope="session")
def seeds() -> Path:
    path = seeds_path()
    if not sorted(path.glob("*.txt")):
        pytest.skip(f"the seed texts are not at {path} (set LIFEMAP_SEEDS); tests that read them are skipped")
    return path


@pytest.fixture
def mini_places() -> Path:
    return DATA / "places.csv"


@pytest.fixture
def mini_events() -> Path:
    return DATA / "events.csv"


@pytest.fixture
def mini_gazetteer(mini_places):
    from lifemap.gazetteer import Gazetteer

    return Gazetteer.load(mini_places)


# The browser --------------------------------------------------------------------------------
def _unavailable(reason: str):
    if REQUIRE_BROWSER:
        pytest.fail(f"browser tests are required here but cannot run: {reason}")
    pytest.skip(f"browser tests skipped: {reason} (tests/run installs what they need)")


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright for Python is not installed")
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


class MapPage:
    """A page with a map loaded from disk: console errors and refused requests are collected."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.outside: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.errors.append(f"dialog opened: {d.message}"), d.dismiss()))
        page.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        m = CDN.match(url)
        if m:
            from lifemap.assets import LEAFLET_VERSION, leaflet_dir

            local = leaflet_dir() / m["path"]
            if m["ver"] == LEAFLET_VERSION and local.is_file():
                return route.fulfill(path=str(local))
            self.outside.append(f"no local copy of {url}")
            return route.abort()
        if url.startswith(("file:", "data:", "about:")):
            return route.continue_()
        self.outside.append(url)
        return route.abort()

    def open(self, html: Path):
        self.page.goto(html.resolve().as_uri())
        self.page.wait_for_function("window.lifemap !== undefined", timeout=15000)
        return self

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)


@pytest.fixture
def map_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    yield MapPage(page)
    context.close()
