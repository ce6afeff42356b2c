"""The scripts and styles a map page needs, by link or inline, and a check for outside references.

A map links Leaflet from a CDN by default. For lesson pages on networks that block third-party
scripts, ``inline_assets`` puts Leaflet's script and style (with its images as data URIs) into
the page itself; they come from the ``django-js-lib-leaflet`` package, which ships Leaflet's
release files and nothing else. ``external_references`` then proves nothing is fetched from
elsewhere, apart from the map tiles the user chose.
"""
from __future__ import annotations

import base64
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from .errors import LifemapError

LEAFLET_VERSION = "1.9.4"
LEAFLET_JS = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.js"
LEAFLET_CSS = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.css"
# Subresource Integrity: the browser runs the CDN's files only if they are these bytes (the hashes
# Leaflet publishes for its 1.9.4 release files; a test checks them against the packaged copies).
LEAFLET_INTEGRITY = {"leaflet.js": "sha256-20nQCchB9co0qIjJZRGuk2/Z9VM+kNiyxNV1lvTlZBo=",
                     "leaflet.css": "sha256-p4NxAoJBhIIN+hmNHrzRCf9tD/miZyoHS5obTRR9BMY="}
# Not requests: XML namespaces name a vocabulary, they are never fetched.
_NAMESPACES = ("http://www.w3.org/",)


class ExternalReference(LifemapError):
    """A page meant to be self-contained still refers to something outside it."""

    def __init__(self, urls: list[str]):
        self.urls = urls
        shown = ", ".join(urls[:10]) + (", …" if len(urls) > 10 else "")
        super().__init__(f"the page would still fetch {len(urls)} outside resource(s): {shown}")


def leaflet_dir() -> Path:
    """Leaflet's release files as installed from PyPI (``django-js-lib-leaflet``)."""
    try:
        import js_lib_leaflet
    except ImportError:
        raise LifemapError("a self-contained page needs Leaflet's files: pip install django-js-lib-leaflet") from None
    folder = Path(js_lib_leaflet.__file__).with_name("static") / "js_lib_leaflet"
    head = (folder / "leaflet.js").read_text(encoding="utf-8")[:200]
    found = re.search(r"Leaflet (\d+\.\d+\.\d+)", head)
    if not found or found[1] != LEAFLET_VERSION:
        raise LifemapError(f"expected Leaflet {LEAFLET_VERSION} in {folder}, found {found[1] if found else 'none'}")
    return folder


@lru_cache(maxsize=1)
def leaflet_inline() -> tuple[str, str]:
    """Leaflet's script, and its style with every image it names turned into a data URI."""
    folder = leaflet_dir()
    script = (folder / "leaflet.js").read_text(encoding="utf-8")
    script = script.replace("//# sourceMappingURL=leaflet.js.map", "")

    def data_uri(match: re.Match) -> str:
        image = folder / match[1]
        encoded = base64.b64encode(image.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{encoded})"

    style = (folder / "leaflet.css").read_text(encoding="utf-8")
    style = re.sub(r"/\*.*?\*/", "", style, flags=re.S)  # comments cite bug trackers by URL
    style = re.sub(r"url\((images/[\w.-]+\.png)\)", data_uri, style)
    return script, style


def link_assets(m) -> None:
    """Leaflet alone, from the CDN, with its integrity hashes (per map: other folium maps in the
    process keep their links)."""
    from branca.element import Element

    m.default_js, m.default_css = [], []
    header = m.get_root().header
    header.add_child(Element(f'<link rel="stylesheet" href="{LEAFLET_CSS}" '
                             f'integrity="{LEAFLET_INTEGRITY["leaflet.css"]}" crossorigin="anonymous"/>'),
                     name="leaflet_css")
    header.add_child(Element(f'<script src="{LEAFLET_JS}" integrity="{LEAFLET_INTEGRITY["leaflet.js"]}" '
                             'crossorigin="anonymous"></script>'), name="leaflet")


def inline_assets(m) -> None:
    """Leaflet's script and style inside the page."""
    from branca.element import Element

    script, style = leaflet_inline()
    m.default_js, m.default_css = [], []
    header = m.get_root().header
    # "</" cannot occur in Leaflet's code or style, but guard the element boundary all the same
    header.add_child(Element(f"<style>{style.replace('</', '<' + chr(92) + '/')}</style>"), name="leaflet_css")
    header.add_child(Element(f"<script>{script.replace('</script', '<' + chr(92) + '/script')}</script>"),
                     name="leaflet")


_URL = re.compile(r"""(?:https?:)?//[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,}(?::\d+)?(?:/[^\s"'<>()\\]*)?""")
_ANCHOR = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
# Attributes whose URL the browser fetches as it builds the page, on any element (src, poster…),
# on some only (href), or as a list (srcset); a link's href is a fetch unless its rel says not.
_FETCHED = frozenset("src poster data background lowsrc dynsrc".split())
_FETCHED_HREF = frozenset("link image use feimage".split())
_LISTED = frozenset("srcset imagesrcset".split())
_NOT_FETCHED_REL = frozenset("canonical alternate author bookmark external help license next nofollow noopener "
                             "noreferrer prev search tag".split())
# Script types that are data, never run: the model and the other JSON blocks the page reads.
_DATA_SCRIPTS = frozenset({"application/json", "application/ld+json", "text/plain"})


def _outside(text: str) -> list[str]:
    """The outside URLs in code or CSS, skipping links a reader may follow (``<a href>``, also
    inside escaped JSON such as a tile layer's attribution)."""
    plain = (text.replace("\\u003c", "<").replace("\\u003e", ">").replace('\\"', '"')
             .replace("\\/", "/").replace("&quot;", '"'))
    anchors = set(_ANCHOR.findall(plain))
    found = []
    for match in _URL.finditer(plain):
        url, start = match.group(0), match.start()
        if start and plain[start - 1] in "abcdefghijklmnopqrstuvwxyz0123456789" and not url.startswith("http"):
            continue  # "a//b" inside code or a path, not a protocol-relative URL
        if url not in anchors:
            found.append(url)
    return found


class _Fetches(HTMLParser):
    """What a page makes the browser fetch: URLs in attributes that load (a script's or an image's
    src, a stylesheet's href, srcset…), in CSS (style elements and attributes) and in the code of
    scripts. What the page only shows is no fetch: text, titles, the data of a JSON script block
    (a source sentence may quote a URL), links a reader may follow."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._code = False          # inside a script that runs, or a style element

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if not value:
                continue
            if name in _FETCHED or (name in ("href", "xlink:href") and tag in _FETCHED_HREF
                                    and not set((values.get("rel") or "").lower().split()) & _NOT_FETCHED_REL):
                self.urls += _outside(value)
            elif name in _LISTED:
                self.urls += [u for part in value.split(",") for u in _outside(part.strip().split(" ")[0])]
            elif name == "style" or (name == "content" and (values.get("http-equiv") or "").lower() == "refresh"):
                self.urls += _outside(value)
            elif name == "srcdoc":
                self.urls += external_references(value)
        if tag == "script":
            self._code = (values.get("type") or "text/javascript").split(";")[0].strip().lower() not in _DATA_SCRIPTS
        elif tag == "style":
            self._code = True

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._code = False

    def handle_data(self, data):
        if self._code:
            self.urls += _outside(data)


def external_references(html: str, *, allow: tuple[str, ...] = ()) -> list[str]:
    """Every outside URL a page would fetch: scripts, styles, images, fonts, frames, tiles.

    Only what the page loads counts (see ``_Fetches``): a URL in the text it shows, in its data or
    in a link a reader may follow is no request. XML namespaces are never fetched; ``allow`` lists
    prefixes the caller accepts (the tile server the user chose).
    """
    parser = _Fetches()
    parser.feed(html)
    parser.close()
    return sorted({url for url in parser.urls if not url.startswith(_NAMESPACES) and not url.startswith(allow)})


def check_self_contained(html: str, *, allow: tuple[str, ...] = ()) -> None:
    urls = external_references(html, allow=allow)
    if urls:
        raise ExternalReference(urls)


# Text inside a page ----------------------------------------------------------------------------
# branca compiles the script and header it renders as a Jinja template once more when the page is
# saved, so "{{", "{%" or "{#" in a place name or summary would be run as template code. Every text
# from the data reaches the page through one of these two functions, which never let a brace
# through as a brace character.
def html_text(text) -> str:
    """Text for an HTML context (popups, tooltips, the table, the title): escaped, braces as entities."""
    import html

    return html.escape(str(text), quote=True).replace("{", "&#123;").replace("}", "&#125;")


def script_json(value) -> str:
    """A JSON value for a <script>: strings keep their braces only as \\u escapes, and <, >, & and '
    are escaped so no text can close the script or be read as markup."""
    import json

    def protect(v):
        if isinstance(v, str):
            return v.replace("{", "\ue000").replace("}", "\ue001")
        if isinstance(v, dict):
            return {k: protect(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [protect(x) for x in v]
        return v

    text = json.dumps(protect(value), ensure_ascii=True, allow_nan=False, separators=(",", ":"))
    for raw, escaped in (("\\ue000", "\\u007b"), ("\\ue001", "\\u007d"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(raw, escaped)
    return text
