/* lifemap's page: the layers, popups, slider, story and table of a map, built in the browser
 * from the compact model that lifemap.model writes into the page as JSON.
 *
 * Every text from the data reaches the DOM as textContent, never as HTML. This file passes
 * through branca's Jinja pass: it must never hold a double brace, a brace-percent or a
 * brace-hash (a test checks).
 */
(function () {
    "use strict";
    var DAY = 86400000, R_KM = 6371.0088;

    function column(c) {
        if (Array.isArray(c)) { return c; }
        return c.codes.map(function (i) { return c.values[i]; });
    }
    function rows(table) {
        var names = Object.keys(table), cols = names.map(function (k) { return column(table[k]); });
        var n = cols.length ? cols[0].length : 0, out = new Array(n);
        for (var i = 0; i < n; i++) {
            var row = {};
            for (var k = 0; k < names.length; k++) { row[names[k]] = cols[k][i]; }
            out[i] = row;
        }
        return out;
    }
    function el(tag, parent, text, cls) {
        var e = document.createElement(tag);
        if (cls) { e.className = cls; }
        if (text !== undefined && text !== null) { e.textContent = text; }
        if (parent) { parent.appendChild(e); }
        return e;
    }
    function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
    // A name or label in a heading, a list entry, the slider or a tooltip: a 10 KB place name ran
    // out of all of them (the table and the popup's text keep every character)
    var LONGEST = 160;
    function clip(text) { text = String(text); return text.length > LONGEST ? text.slice(0, LONGEST - 1) + "…" : text; }
    function small() { return matchMedia("(max-width: 640px), (max-height: 700px)").matches; }   // controls.SmallScreens
    function foldable(toggle, body) {
        function fold(on) { body.hidden = on; toggle.setAttribute("aria-expanded", String(!on)); }
        toggle.addEventListener("click", function () {
            if (body.hidden && small()) {   // one open at a time: they never pile up
                toggle.closest(".leaflet-control").parentNode.querySelectorAll(".lm-toggle[aria-expanded=true]")
                    .forEach(function (t) { t.click(); });
            }
            fold(!body.hidden);
        });
        fold(small());
    }

    // Great circles on the sphere: close enough to the WGS84 geodesics of lifemap.route (under a
    // pixel at zoom 4, bench/RESULTS.md) and no vertex has to travel in the page.
    function toVec(lat, lon) {
        var p = lat * Math.PI / 180, l = lon * Math.PI / 180;
        return [Math.cos(p) * Math.cos(l), Math.cos(p) * Math.sin(l), Math.sin(p)];
    }
    function toLatLon(v) {
        return [Math.atan2(v[2], Math.sqrt(v[0] * v[0] + v[1] * v[1])) * 180 / Math.PI,
                Math.atan2(v[1], v[0]) * 180 / Math.PI];
    }
    function angle(va, vb) {   // between two unit vectors, in radians
        return Math.acos(Math.max(-1, Math.min(1, va[0] * vb[0] + va[1] * vb[1] + va[2] * vb[2])));
    }
    var POLE = 89.999;   // (a latitude at a pole, as lifemap.route's _POLE)
    function arc(a, b, km) {
        // (a pole has no longitude: the arc to it runs along its other end's meridian, as lifemap.route.arc)
        if (Math.abs(b[0]) >= POLE) { b = [b[0], a[1]]; } else if (Math.abs(a[0]) >= POLE) { a = [a[0], b[1]]; }
        var n = Math.min(32, Math.max(0, Math.floor(km / 100) - 1));   // as lifemap.route.arc
        var va = toVec(a[0], a[1]), vb = toVec(b[0], b[1]);
        var w = angle(va, vb), s = Math.sin(w), pts = [a];
        for (var i = 1; i <= n && s > 1e-12; i++) {
            var f = i / (n + 1), p = Math.sin((1 - f) * w) / s, q = Math.sin(f * w) / s;
            pts.push(toLatLon([p * va[0] + q * vb[0], p * va[1] + q * vb[1], p * va[2] + q * vb[2]]));
        }
        pts.push(b);
        for (var j = 1; j < pts.length; j++) {     // unwrapped: an arc over the antimeridian stays whole
            var lon = pts[j][1];
            pts[j] = [pts[j][0], lon + 360 * Math.round((pts[j - 1][1] - lon) / 360)];
        }
        return pts;
    }
    function destination(lat, lon, bearing, km) {
        var d = km / R_KM, p1 = lat * Math.PI / 180, l1 = lon * Math.PI / 180, t = bearing * Math.PI / 180;
        var p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(t));
        var l2 = l1 + Math.atan2(Math.sin(t) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
        var out = l2 * 180 / Math.PI;
        return [p2 * 180 / Math.PI, out + 360 * Math.round((lon - out) / 360)];
    }
    function bearing(a, b) {
        var p1 = a[0] * Math.PI / 180, p2 = b[0] * Math.PI / 180, dl = (b[1] - a[1]) * Math.PI / 180;
        return Math.atan2(Math.sin(dl) * Math.cos(p2),
                          Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl)) * 180 / Math.PI;
    }
    function arrowhead(pts, km, start) {   // two barbs at the end, a share of the leg long
        var end = pts[pts.length - 1], back = bearing(end, pts[pts.length - 2]), from = start || pts[0];
        // (never longer than a third of the leg, measured here: the data rounds km to whole ones, and a walk
        // across Moscow has no 8 km barbs)
        var leg = R_KM * angle(toVec(from[0], from[1]), toVec(end[0], end[1]));
        var size = Math.min(Math.max(km * 0.08, 8), 120, leg / 3);
        if (Math.abs(end[0]) >= POLE) { return []; }   // (at a pole no bearing points back: no barbs)
        return [-28, 28].map(function (turn) { return [end, destination(end[0], end[1], back + turn, size)]; });
    }

    // The model -------------------------------------------------------------------------------
    function decode(data, legLayers) {
        var places = rows(data.places), events = rows(data.events), legs = rows(data.legs), t = 0;
        events.forEach(function (e, i) {
            e.i = i; e.at = places[e.place];
            // t: the day the chronology stands the event at; t_first..t_end: the days its date can mean
            t += e.dt; e.t = t; e.t_first = t - e.early; e.t_end = t + e.days; e.end = e.start + e.length;
            var now = " (now " + e.at.now + ")";   // the label is the name then, and the modern one if it changed
            e.then = e.label.slice(-now.length) === now ? e.label.slice(0, -now.length) : e.label;
        });
        legs.forEach(function (g, i) {
            var ev = events[g.event], from = g.from_event >= 0 ? events[g.from_event] : null;
            g.i = i; g.ev = ev; g.layer = g.layer || legLayers[g.kind];   // a life's own layer (lives.js)
            g.a = from ? from.at : places[ev.origin]; g.b = ev.at;
            g.from_label = from ? from.label : ev.origin_label; g.to_label = ev.label;
        });
        return {places: places, events: events, legs: legs, stops: data.stops.map(function (i) { return events[i]; }),
                layers: data.layers};
    }

    function byLayerAndPlace(events) {
        var out = {};
        events.forEach(function (e) {
            var places = out[e.layer] || (out[e.layer] = new Map());
            var evs = places.get(e.place);
            if (evs) { evs.push(e); } else { places.set(e.place, [e]); }
        });
        return out;
    }
    function features(model, key, withLegs) {
        var out = [];
        (model.byLayer[key] || new Map()).forEach(function (evs) {
            var p = evs[0].at, t = Infinity, tFirst = Infinity, tEnd = -Infinity;
            evs.forEach(function (e) { t = Math.min(t, e.t); tFirst = Math.min(tFirst, e.t_first); tEnd = Math.max(tEnd, e.t_end); });
            out.push({type: "Feature", geometry: {type: "Point", coordinates: [p.lon, p.lat]},
                      properties: {layer: key, kind: evs[0].kind, place: p.id, events: evs.length, t: t, t_first: tFirst,
                                   t_end: tEnd},
                      evs: evs});
        });
        model.legs.forEach(function (g) {
            if (!withLegs || g.layer !== key) { return; }
            var pts = arc([g.a.lat, g.a.lon], [g.b.lat, g.b.lon], g.km);
            var parts = [pts].concat(arrowhead(pts, g.km)).map(function (line) {
                return line.map(function (q) { return [q[1], q[0]]; });
            });
            out.push({type: "Feature", geometry: {type: "MultiLineString", coordinates: parts},
                      properties: {layer: key, kind: g.kind, leg: true, t: g.ev.t, t_first: g.ev.t, t_end: g.ev.t}, leg: g});
        });
        return out;
    }

    // one the text does not name, as kinds.with_actor says it
    function who(e) { return e.actor === "unknown" ? "someone else" : e.actor; }
    // as lifemap.sources.cite writes it
    function cite(e) { return e.source + " — sentence at characters " + e.start + "–" + e.end; }

    // Popups and tooltips, built when they open ------------------------------------------------
    var STORY_CHUNK = 200, POPUP_ITEMS = 60, POPUP_OPTIONS = {maxWidth: 380, className: "lm-popup"};
    function eventItem(e, ul, names) {
        var li = el("li", ul);
        el("b", li, e.date);
        li.appendChild(document.createTextNode(" · " + e.kind + (e.origin >= 0 ? " from " + e.origin_label : "")));
        if (names > 1) { el("i", li, " as " + clip(e.then)); }
        li.appendChild(document.createElement("br"));
        li.appendChild(document.createTextNode(e.summary + " "));
        // whose it is, unless the line says so already ("Went to Moscow (Churchill)"): kinds.with_actor
        if (!String(e.summary).endsWith("(" + who(e) + ")")) { el("small", li, "(" + who(e) + ")"); }
        if (e.sentence) { el("blockquote", li, e.sentence); }
        el("div", li, "Source: " + cite(e), "lm-src");
    }
    function placePopup(f, label) {
        var evs = f.evs, box = el("div"), now = evs[0].at.now, thens = [];
        evs.forEach(function (e) { if (thens.indexOf(e.then) < 0) { thens.push(e.then); } });
        var h = el("h4", box, thens.map(clip).join(" / "));
        if (thens.some(function (t) { return t !== now; })) { el("small", h, " (now " + clip(now) + ")"); }
        el("div", box, label, "lm-src");
        var ul = el("ul", box);
        function more(from) {
            evs.slice(from, from + POPUP_ITEMS).forEach(function (e) { eventItem(e, ul, thens.length); });
            var left = evs.length - from - POPUP_ITEMS;
            if (left > 0) {   // a hub of a long life lists hundreds: the rest on demand
                var li = el("li", ul, null, "lm-more"), b = el("button", li, "Show " + plural(left, "more event"));
                b.type = "button";
                b.addEventListener("click", function (ev) { L.DomEvent.stop(ev); ul.removeChild(li); more(from + POPUP_ITEMS); });
            }
        }
        more(0);
        return box;
    }
    function legText(g) {
        return {what: clip(g.from_label) + " → " + clip(g.to_label),
                detail: g.kindLabel + ", " + g.ev.date + ", " + g.km.toLocaleString("en") + " km (" + who(g.ev) + ")"};
    }
    function legPopup(g) {
        var box = el("div"), t = legText(g);
        el("h4", box, t.what);
        el("div", box, t.detail);
        el("div", box, g.ev.summary);
        return box;
    }
    function tooltip(f) {
        var box = el("div");
        if (f.leg) {
            var t = legText(f.leg);
            el("div", box, t.what);
            el("div", box, t.detail);
            return box;
        }
        var first = f.evs[0], last = f.evs[f.evs.length - 1], n = f.evs.length;
        box.textContent = clip(first.label) + ": " + plural(n, "event") + ", " + first.date + (n > 1 ? " to " + last.date : "");
        return box;
    }

    // Slider steps: one per date, or per month or year when the dates are too many to play -----
    function monthOf(t) { var d = new Date(t * DAY); return d.getUTCFullYear() * 12 + d.getUTCMonth(); }
    function yearOf(t) { return new Date(t * DAY).getUTCFullYear(); }
    var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    function steps(model, maxSteps) {
        var byT = new Map();
        model.stops.concat(model.events).forEach(function (e) {
            if (!byT.has(e.t)) {
                byT.set(e.t, {t: e.t, label: e.date + " · " + clip(e.label), place: clip(e.label), what: e.summary,
                              lat: e.stop ? e.at.lat : null, lon: e.stop ? e.at.lon : null});
            }
        });
        var all = Array.from(byT.values()).sort(function (a, b) { return a.t - b.t; });
        if (all.length <= maxSteps) { return {steps: all, unit: "date"}; }
        var units = [["month", monthOf, function (k) { return MONTHS[k % 12] + " " + Math.floor(k / 12); }],
                     // three months: a long life has a step for every month of 75 years (900)
                     ["quarter", function (t) { return Math.floor(monthOf(t) / 3); }, function (k) {
                         return MONTHS[(k % 4) * 3] + "–" + MONTHS[(k % 4) * 3 + 2] + " " + Math.floor(k / 4); }],
                     ["year", yearOf, String]];
        for (var u = 0; u < units.length; u++) {
            var key = units[u][1], name = units[u][2], buckets = [];
            all.forEach(function (s) {
                var k = key(s.t), last = buckets[buckets.length - 1];
                if (!last || last.k !== k) {
                    last = {k: k, t: s.t, first: s, n: 0, stop: null};  // t: the bucket's last date
                    buckets.push(last);
                }
                last.t = s.t; last.n += 1;
                if (s.lat !== null) { last.stop = s; }
            });
            if (buckets.length <= maxSteps || u === units.length - 1) {
                return {unit: units[u][0], steps: buckets.map(function (b) {
                    var where = b.stop || b.first;
                    return {t: b.t, label: name(b.k) + " · " + where.place
                                + (b.n > 1 ? " and " + plural(b.n - 1, "other date") : ""),
                            what: where.what, lat: b.stop ? b.stop.lat : null, lon: b.stop ? b.stop.lon : null};
                })};
            }
        }
    }

    // Big maps: the legs of one kind in one layer are a single canvas path -----------------------
    // One Leaflet polyline per leg cost most of a large map's load (projecting, clipping and
    // stroking 5,000 paths of 30 vertices: bench/RESULTS.md). A bundle keeps every leg's vertices
    // projected once at zoom 0 in a typed array, scales them on zoom, strokes the shown legs as one
    // path, and finds the leg under the pointer for its popup and tooltip.
    function legVertices(crs, g) {
        var km = g.km, a = [g.a.lat, g.a.lon], b = [g.b.lat, g.b.lon];
        var n = Math.min(32, Math.max(0, Math.floor(km / 100) - 1));   // as arc()
        if (crs !== L.CRS.EPSG3857) { return projected(crs, arc(a, b, km), km); }
        // the arc straight into Leaflet's spherical Mercator at zoom 0: for a unit vector v,
        // x follows atan2(v.y, v.x) and y is atanh(v.z), with no lat/lon or object per vertex
        var va = toVec(a[0], a[1]), vb = toVec(b[0], b[1]);
        var w = angle(va, vb);
        var s = Math.sin(w), m = s > 1e-12 ? n : 0, xy = new Float64Array(2 * (m + 2 + 4)), k = 0, lon = a[1];
        var Z = 0.9962720762207499;   // sin(85.0511°): Leaflet's latitude limit
        function put(x, y, z, unwrapTo) {
            var l = Math.atan2(y, x) * 180 / Math.PI;
            l += 360 * Math.round((unwrapTo - l) / 360);
            z = Math.max(-Z, Math.min(Z, z));
            xy[k++] = 256 * (0.5 + l / 360);
            xy[k++] = 256 * (0.5 - 0.5 * Math.log((1 + z) / (1 - z)) / (2 * Math.PI));
            return l;
        }
        lon = put(va[0], va[1], va[2], a[1]);
        // equal angles along a great circle: v[i+1] = 2 cos(d) v[i] - v[i-1], no sine per vertex
        var d = w / (m + 1), c2 = 2 * Math.cos(d), q1 = Math.sin(d) / s, p1 = Math.sin(w - d) / s;
        var x0 = va[0], y0 = va[1], z0 = va[2];
        var x1 = p1 * va[0] + q1 * vb[0], y1 = p1 * va[1] + q1 * vb[1], z1 = p1 * va[2] + q1 * vb[2];
        for (var i = 1; i <= m; i++) {
            lon = put(x1, y1, z1, lon);
            var x2 = c2 * x1 - x0, y2 = c2 * y1 - y0, z2 = c2 * z1 - z0;
            x0 = x1; y0 = y1; z0 = z1; x1 = x2; y1 = y2; z1 = z2;
        }
        var last = put(vb[0], vb[1], vb[2], lon);
        // the barbs, from the last two vertices in degrees (the loop left the one before last in x0)
        var prev = m ? toLatLon([x0, y0, z0]) : a;
        var end = [b[0], last];
        arrowhead([prev, end], km, a).forEach(function (barb) {
            barb.forEach(function (q) {
                var v = toVec(q[0], q[1]);
                put(v[0], v[1], v[2], last);
            });
        });
        return {xy: xy.subarray(0, k), parts: [0, m + 2, m + 4, m + 6]};
    }
    function projected(crs, pts, km) {
        var lines = [pts].concat(arrowhead(pts, km)), n = 0, parts = [];
        lines.forEach(function (line) { parts.push(n); n += line.length; });
        parts.push(n);
        var xy = new Float64Array(2 * n), k = 0;
        lines.forEach(function (line) {
            line.forEach(function (q) {
                var p = crs.latLngToPoint(L.latLng(q[0], q[1]), 0);
                xy[k++] = p.x; xy[k++] = p.y;
            });
        });
        return {xy: xy, parts: parts};
    }
    function extend(box, b) {   // the union of two pixel boxes [x0, y0, x1, y1] (the first may be null)
        return box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : b.slice();
    }
    // What both kinds of bundle share: members projected with a pixel box each (``m.box``), a
    // member shown when ``m.on``, a repaint that leaves the members outside its region alone,
    // and the member under the pointer kept in ``_hit`` for the layer's popup and tooltip.
    var Bundle = window.L && L.Path.extend({   // (no Leaflet: an offline page, see offline())
        initialize: function (members, options) {
            L.Util.setOptions(this, options);
            this._members = members;
            this._hit = null;
        },
        _project: function () {
            var self = this, b = null;
            this._members.forEach(function (m) { self._projectMember(m); b = extend(b, m.box); });
            this._pxBounds = b ? L.bounds([b[0], b[1]], [b[2], b[3]]) : null;
        },
        _update: function () { if (this._map) { this._updatePath(); } },
        _updatePath: function () {
            var r = this._renderer, rb = r._redrawBounds;
            if (!r._drawing) { return; }
            this._draw(r, this._members.filter(function (m) {
                return m.on && !(rb && (m.box[2] < rb.min.x || m.box[0] > rb.max.x || m.box[3] < rb.min.y || m.box[1] > rb.max.y));
            }));
        },
        _containsPoint: function (p) {
            this._hit = this._find(p);
            return this._hit !== null;
        }
    });
    var LegBundle = Bundle && Bundle.extend({
        _projectMember: function (g) {
            var map = this._map, crs = map.options.crs, k = crs.scale(map.getZoom()) / crs.scale(0);
            var o = map.getPixelOrigin(), w = this._clickTolerance();
            var src = g.v.xy, px = g.px || (g.px = new Float64Array(src.length));
            var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
            for (var i = 0; i < src.length; i += 2) {
                var x = src[i] * k - o.x, y = src[i + 1] * k - o.y;
                px[i] = x; px[i + 1] = y;
                if (x < x0) { x0 = x; } if (x > x1) { x1 = x; } if (y < y0) { y0 = y; } if (y > y1) { y1 = y; }
            }
            g.box = [x0 - w, y0 - w, x1 + w, y1 + w];
        },
        _draw: function (r, legs) {   // one path, one stroke
            if (!legs.length) { return; }
            var ctx = r._ctx;
            ctx.beginPath();
            legs.forEach(function (g) {
                var px = g.px, parts = g.v.parts;
                for (var p = 0; p + 1 < parts.length; p++) {
                    ctx.moveTo(px[2 * parts[p]], px[2 * parts[p] + 1]);
                    for (var i = parts[p] + 1; i < parts[p + 1]; i++) { ctx.lineTo(px[2 * i], px[2 * i + 1]); }
                }
            });
            r._fillStroke(ctx, this);
        },
        _find: function (p) {   // the nearest shown leg within reach
            var best = null, bestD = Infinity, w = this._clickTolerance();
            this._members.forEach(function (g) {
                var b = g.box;
                if (!g.on || p.x < b[0] || p.x > b[2] || p.y < b[1] || p.y > b[3]) { return; }
                var px = g.px, parts = g.v.parts;
                for (var q = 0; q + 1 < parts.length; q++) {
                    for (var i = parts[q]; i + 1 < parts[q + 1]; i++) {
                        var d = segmentDistance(p.x, p.y, px[2 * i], px[2 * i + 1], px[2 * i + 2], px[2 * i + 3]);
                        if (d <= w && d < bestD) { bestD = d; best = g; }
                    }
                }
            });
            return best;
        },
        getCenter: function () { var g = this._hit || this._members[0]; return L.latLng(g.b.lat, g.b.lon); },
        // legs lie under every layer's markers, so a place is always there to click
        onAdd: function (map) { L.Path.prototype.onAdd.call(this, map); this.bringToBack(); }
    });
    function segmentDistance(x, y, x1, y1, x2, y2) {
        var dx = x2 - x1, dy = y2 - y1, len = dx * dx + dy * dy;
        var f = len ? Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len)) : 0;
        var ex = x1 + f * dx - x, ey = y1 + f * dy - y;
        return Math.sqrt(ex * ex + ey * ey);
    }
    // ... and the places of one layer are a single canvas layer too: no Leaflet object per marker,
    // so showing thousands again (the slider back at the end) is a flag each and one redraw
    var PointBundle = Bundle && Bundle.extend({
        _projectMember: function (f) {
            var p = this._map.latLngToLayerPoint([f.lat, f.lon]);
            f.x = p.x; f.y = p.y;
            f.box = [p.x - f.r, p.y - f.r, p.x + f.r, p.y + f.r];
        },
        _draw: function (r, points) {   // each its own fill and outline, as Leaflet draws markers
            var ctx = r._ctx, self = this;
            points.forEach(function (f) {
                ctx.beginPath();
                ctx.arc(f.x, f.y, f.r, 0, 2 * Math.PI);
                r._fillStroke(ctx, self);
            });
        },
        _find: function (p) {   // the topmost shown marker under the pointer
            var tol = this._renderer.options.tolerance || 0;
            for (var i = this._members.length - 1; i >= 0; i--) {
                var f = this._members[i], dx = p.x - f.x, dy = p.y - f.y;
                if (f.on && dx * dx + dy * dy <= (f.r + tol) * (f.r + tol)) { return f; }
            }
            return null;
        },
        getCenter: function () { var f = this._hit || this._members[0]; return L.latLng(f.lat, f.lon); }
    });
    function addPointBundle(group, fs, spec, renderer, items) {
        fs.forEach(function (f) {
            var c = f.geometry.coordinates;
            f.lat = c[1]; f.lon = c[0]; f.r = radius(f.properties.events); f.on = true;
        });
        var bundle = new PointBundle(fs, {color: "#ffffff", weight: 1, fill: true, fillColor: spec.color,
                                          fillOpacity: 0.9, renderer: renderer});
        bundle.feature = {type: "Feature", properties: {layer: spec.key, bundle: true}};
        group.addLayer(bundle);
        fs.forEach(function (f) {
            items.push({layer: bundle, point: f, feature: f, group: group, t: f.properties.t, t_first: f.properties.t_first,
                        t_end: f.properties.t_end, kind: f.properties.kind, layer_key: spec.key});
        });
    }
    function radius(events) { return Math.round((5 + Math.sqrt(Math.min(events, 12)) * 2) * 10) / 10; }
    // the feature under the pointer: a layer's own, or what a bundle found there
    function featureOf(layer) {
        if (layer instanceof LegBundle) { return {leg: layer._hit || layer._members[0], properties: {leg: true}}; }
        if (layer instanceof PointBundle) { return layer._hit || layer._members[0]; }
        return layer.feature;
    }

    function addBundles(map, group, legs, spec, renderer, legStyles, items) {
        var kinds = [];
        legs.forEach(function (g) { if (kinds.indexOf(g.kind) < 0) { kinds.push(g.kind); } });
        kinds.forEach(function (kind) {
            var mine = legs.filter(function (g) { return g.kind === kind; });
            mine.forEach(function (g) { g.v = legVertices(map.options.crs, g); g.on = true; });
            // hairlines: the canvas strokes lines of one device pixel on a fast path (the legs of
            // 10,000 events in 46 ms, against 450 ms at their 2-4 px, and 420 ms at 1 px on a
            // screen of two device pixels per pixel, where Leaflet doubles the canvas); kinds keep
            // their colour and dashes
            var bundle = new LegBundle(mine, Object.assign({color: spec.color, opacity: 0.85, renderer: renderer},
                                                            legStyles[kind], {weight: L.Browser.retina ? 0.5 : 1}));
            bundle.feature = {type: "Feature", properties: {layer: spec.key, kind: kind, leg: true, bundle: true}};
            group.addLayer(bundle);
            mine.forEach(function (g) {
                items.push({layer: bundle, leg: g, feature: {leg: g, properties: {leg: true}}, group: group,
                            t: g.ev.t, t_first: g.ev.t, t_end: g.ev.t, kind: kind, layer_key: spec.key});
            });
        });
    }

    // The page --------------------------------------------------------------------------------
    // Room for the panels when the view is fitted on a wide map (the story on the left, the layers
    // and legend on the right, the slider at the bottom), so the whole route shows between them.
    // On a narrower map that room would cost a whole zoom level: the route takes the full width.
    function panelPadding(map) {
        var size = map.getSize();
        if (size.x < 1100) { return {padding: [20, 20]}; }
        return {paddingTopLeft: [320, 20], paddingBottomRight: [290, 110]};
    }
    function build(map, data, options) {
        var model = decode(data, options.legLayers);
        model.stops.forEach(function (e) { e.stop = true; });
        model.byLayer = byLayerAndPlace(model.events);
        var legLabels = options.legLabels, legStyles = options.legStyles;
        model.legs.forEach(function (g) { g.kindLabel = legLabels[g.kind]; });
        var renderer = options.canvas ? L.canvas({tolerance: 3}) : undefined;
        // the final view first: every layer is then projected once, at the zoom the reader sees
        // (at most street level: the bounds of a single place have no size, and would zoom without end)
        if (options.bounds) { map.fitBounds(options.bounds, Object.assign({animate: false, maxZoom: 12}, panelPadding(map))); }
        var layers = {}, items = [];
        model.layers.forEach(function (spec) {
            var fs = features(model, spec.key, !options.canvas);
            var legs = options.canvas ? model.legs.filter(function (g) { return g.layer === spec.key; }) : [];
            if (!fs.length && !legs.length) { return; }
            var group = L.geoJSON(null, {
                renderer: renderer,
                style: function (f) {
                    var p = f.properties;
                    if (p.leg) { return Object.assign({color: spec.color, opacity: 0.85}, legStyles[p.kind]); }
                    return {color: "#ffffff", weight: 1, fill: true, fillColor: spec.color, fillOpacity: 0.9,
                            radius: radius(p.events)};
                },
                pointToLayer: function (f, latlng) { return L.circleMarker(latlng, {renderer: renderer}); },
                onEachFeature: function (f, layer) {
                    items.push({layer: layer, feature: f, group: group, t: f.properties.t, t_first: f.properties.t_first,
                                t_end: f.properties.t_end, kind: f.properties.kind, layer_key: spec.key});
                    // legs lie under every layer's markers, so a place is always there to click
                    if (f.leg) { layer.on("add", function () { layer.bringToBack(); }); }
                }
            });
            if (options.canvas) {
                if (legs.length) { addBundles(map, group, legs, spec, renderer, legStyles, items); }  // under the markers
                if (fs.length) { addPointBundle(group, fs, spec, renderer, items); }
                // the tooltip follows the pointer from one member of a bundle to the next
                group.on("mousemove", function (e) {
                    var b = e.propagatedFrom || e.layer, tip = group.getTooltip();
                    if (b instanceof Bundle && b._hit !== b._shownHit && tip && tip.isOpen()) {
                        b._shownHit = b._hit;
                        tip.setContent(tip.getContent());
                    }
                });
            } else {
                group.addData(fs);   // each layer's .feature is its feature object, with evs or leg
            }
            // one popup and one tooltip per layer, filled for the feature under the pointer, rather
            // than a Popup, a Tooltip and their listeners for each of thousands of features
            group.bindPopup(function (layer) { return content(featureOf(layer)); }, POPUP_OPTIONS);
            group.bindTooltip(function (layer) { return tooltip(featureOf(layer)); }, {sticky: true});
            layers[spec.key] = group;
            spec.content = content;
            function content(f) { return f.leg ? legPopup(f.leg) : placePopup(f, spec.label); }
        });
        var st = steps(model, options.maxSteps);
        var state = {model: model, layers: layers, items: items, steps: st.steps, stepUnit: st.unit,
                     lo: 0, hi: st.steps.length - 1, index: st.steps.length - 1, period: "", playing: null,
                     canvas: !!options.canvas, renderer: renderer, map: map};
        // a feature's popup opened from code (story mode), as a click on it would open it
        state.openPopup = function (item) {
            var f = item.feature, spec = model.layers.find(function (x) { return x.key === item.layer_key; });
            var at = f.geometry ? [f.geometry.coordinates[1], f.geometry.coordinates[0]] : [f.leg.b.lat, f.leg.b.lon];
            L.popup(POPUP_OPTIONS).setLatLng(at).setContent(spec.content(f)).openOn(map);
        };
        window.lifemap = state;
        return state;
    }

    // The slider ------------------------------------------------------------------------------
    function slider(map, state, periods, interval) {
        var steps = state.steps, items = state.items;
        function period() { return periods.find(function (x) { return x.key === state.period; }); }
        // an item is a marker or leg of its own, or one leg of a bundle (redrawn once per change)
        function showAll(test) {
            var shown = 0, changed = null;
            items.forEach(function (it) {
                var on = test(it);
                var member = it.leg || it.point;   // drawn by a bundle
                if (member) {
                    if (member.on !== on) {
                        member.on = on;
                        if (it.layer._map) { changed = extend(changed, member.box); }
                    }
                } else if (on && !it.group.hasLayer(it.layer)) { it.group.addLayer(it.layer); }
                else if (!on && it.group.hasLayer(it.layer)) { it.group.removeLayer(it.layer); }
                if (on) { shown += 1; }
            });
            // the canvas repaints only where members came or went (a step is a few of thousands)
            if (changed && state.renderer) {
                state.renderer._requestRedraw({_pxBounds: L.bounds([changed[0], changed[1]], [changed[2], changed[3]]),
                                               options: {weight: 2}});
            }
            state.shown = shown;
        }
        function show(index) {
            state.index = index;
            var now = steps[index];
            var per = period();
            // in a period: whatever its date can overlap, shown by the period's last step at the latest
            var end = per && steps[state.hi] ? steps[state.hi].t : Infinity;
            showAll(function (it) {
                return per ? it.t_first <= per.last && it.t_end >= per.first && Math.min(it.t, end) <= now.t
                           : it.t <= now.t;
            });
            range.value = index;
            when.textContent = now.label;
            what.textContent = now.what;
            if (now.lat !== null && !state.rings) {   // several lives: a ring each (lives.js)
                cursor.setLatLng([now.lat, now.lon]);
                if (!map.hasLayer(cursor)) { cursor.addTo(map); }
            } else if (map.hasLayer(cursor)) { map.removeLayer(cursor); }
            bands.forEach(function (b) {
                var on = now.t >= b.period.first && now.t <= b.period.last;
                b.el.classList.toggle("lm-active", on);
                if (on) { b.el.setAttribute("aria-current", "true"); } else { b.el.removeAttribute("aria-current"); }
            });
            map.fire("lifemap:step", {index: index, t: now.t});
        }
        function setPeriod(key) {
            state.period = key;
            var per = periods.find(function (x) { return x.key === key; });
            var lo = 0, hi = steps.length - 1;
            if (per) {
                lo = steps.findIndex(function (s) { return s.t >= per.first; });
                hi = steps.length - 1 - steps.slice().reverse().findIndex(function (s) { return s.t <= per.last; });
                if (lo < 0 || hi < lo) { lo = 0; hi = -1; }
            }
            state.lo = lo; state.hi = hi;
            range.min = lo; range.max = Math.max(hi, lo);
            if (hi >= lo) { show(hi); } else {
                showAll(function () { return false; });
                when.textContent = "no events"; what.textContent = "";
            }
        }
        function stop() { if (state.playing) { clearInterval(state.playing); state.playing = null; play.textContent = "▶"; } }
        function start() {
            if (state.hi < state.lo) { return; }
            if (state.index >= state.hi) { show(state.lo); }
            play.textContent = "❚❚";
            state.playing = setInterval(function () {
                if (state.index >= state.hi) { stop(); return; }
                show(state.index + 1);
            }, interval);
        }
        var cursor = L.circleMarker([0, 0], {radius: 13, color: "#111", weight: 2, fill: false, interactive: false});
        var control = L.control({position: small() ? "bottomleft" : "bottomright"});
        var range, when, what, play, bands = [];
        control.onAdd = function () {
            var box = el("div", null, null, "lm-box lm-slider");
            var row = el("div", box, null, "lm-row");
            play = el("button", row, "▶", "lm-play");
            play.type = "button"; play.title = "Play the life by " + state.stepUnit;
            range = el("input", row, null, "lm-range");
            range.type = "range"; range.min = 0; range.max = steps.length - 1; range.step = 1;
            range.setAttribute("aria-label", state.stepUnit === "date" ? "Date" : "Date, by " + state.stepUnit);
            var menu = el("select", row, null, "lm-period");
            menu.setAttribute("aria-label", "Period");
            [{key: "", label: "All periods"}].concat(periods).forEach(function (p) {
                var o = el("option", menu, p.label); o.value = p.key;
            });
            // the named periods as bands under the slider, as wide as their share of the steps
            var strip = el("div", box, null, "lm-bands");
            periods.forEach(function (p) {
                var n = steps.filter(function (s) { return s.t >= p.first && s.t <= p.last; }).length;
                if (!n) { return; }
                var b = el("span", strip, p.short, "lm-band");
                b.style.flexGrow = n; b.title = p.label;
                bands.push({el: b, period: p});
            });
            when = el("div", box, null, "lm-now");
            what = el("div", box, null, "lm-what");
            L.DomEvent.disableClickPropagation(box);
            L.DomEvent.disableScrollPropagation(box);
            range.addEventListener("input", function () { stop(); show(+range.value); });
            play.addEventListener("click", function () { if (state.playing) { stop(); } else { start(); } });
            menu.addEventListener("change", function () { stop(); setPeriod(menu.value); });
            return box;
        };
        control.addTo(map);
        fitBands(bands);
        map.on("resize", function () { fitBands(bands); });
        state.show = show; state.setPeriod = setPeriod; state.play = start; state.stop = stop;
        // the step holding a day: the date itself, or its month or year
        state.stepOf = function (t) {
            var i = steps.findIndex(function (s) { return s.t >= t; });
            return i < 0 ? steps.length - 1 : i;
        };
        if (steps.length) { show(steps.length - 1); map.removeLayer(cursor); }
    }
    function fitBands(bands) {   // controls.TimeSlider
        bands.forEach(function (b) {
            var e = b.el, s = e.textContent = b.period.short;
            e.removeAttribute("tabindex");
            while (e.scrollWidth > e.clientWidth && s !== (s = shorter(s))) { e.textContent = s; e.tabIndex = 0; }
        });
    }
    // a word less at a time, and no small word left at the end ("Heading the Stavropol Region", "Heading the
    // Stavropol", "Heading"), then a long word's first letters ("Col.")
    var SMALL_WORDS_AT_END = /(?:[\s-]+(?:the|of|and|in|on|at|a|an|to|for|by|with|from|into|as|his|her|their|its))+$/i;
    function shorter(s) {
        if (!/[\s-]/.test(s)) return /^\D{5,}$/.test(s) ? s.slice(0, 3) + "." : s;
        return s.replace(/[\s-]+[^\s-]*$/, "").replace(SMALL_WORDS_AT_END, "").replace(/[\s:;,—–]+$/, "") || s;
    }

    // Story mode ------------------------------------------------------------------------------
    function story(map, state) {
        var stops = state.model.stops, current = -1, list, entries = [], toggle;
        var control = L.control({position: small() ? "topright" : "topleft"});
        control.onAdd = function () {
            var box = el("nav", null, null, "lm-box lm-story");
            box.setAttribute("aria-label", "Story: the stops in order");
            var bar = el("div", box, null, "lm-bar");
            toggle = el("button", bar, "Story (" + plural(stops.length, "stop") + ")", "lm-toggle");
            toggle.type = "button";
            var prev = el("button", bar, "◀", "lm-prev");
            prev.type = "button"; prev.title = "Previous stop (←)";
            var next = el("button", bar, "▶", "lm-next");
            next.type = "button"; next.title = "Next stop (→)";
            list = el("ol", box);
            // a long life's list grows as it is scrolled or stepped through: laying out thousands
            // of entries at once was a tenth of a large map's load
            buildTo(STORY_CHUNK);
            list.addEventListener("scroll", function () {
                if (list.scrollTop + list.clientHeight > list.scrollHeight - 300) { buildTo(entries.length + STORY_CHUNK); }
            });
            var link = el("a", box, "All events as a table");
            link.href = "#lm-table";
            link.addEventListener("click", function () { document.getElementById("lm-table").open = true; });
            foldable(toggle, list);
            prev.addEventListener("click", function () { go(Math.max(0, current - 1), true); });
            next.addEventListener("click", function () { go(Math.min(stops.length - 1, current + 1), true); });
            L.DomEvent.disableClickPropagation(box);
            L.DomEvent.disableScrollPropagation(box);
            return box;
        };
        control.addTo(map);

        function buildTo(n) {
            var frag = document.createDocumentFragment();
            for (var i = entries.length; i < Math.min(n, stops.length); i++) { entries.push(entry(i, frag)); }
            list.appendChild(frag);
        }
        function entry(i, parent) {
            var s = stops[i], li = el("li", parent);
            li.tabIndex = 0;
            el("b", li, s.date);
            li.appendChild(document.createTextNode(" " + clip(s.label)));
            el("small", li, clip(s.summary));
            if (state.storyEntry) { state.storyEntry(s, li); }
            li.addEventListener("click", function () { go(i, true); });
            li.addEventListener("keydown", function (e) { if (e.key === "Enter") { go(i, true); } });
            return li;
        }
        var growing = false, pending = null;
        function mark(i) {
            if (current >= 0 && entries[current]) { entries[current].removeAttribute("aria-current"); }
            current = i;
            if (i >= entries.length) { grow(); return; }
            if (i >= 0) {
                entries[i].setAttribute("aria-current", "step");
                if (!list.hidden) { entries[i].scrollIntoView({block: "nearest"}); }
            }
        }
        // the slider may jump thousands of stops ahead: the list catches up a chunk per task,
        // so the step itself stays immediate
        function grow() {
            if (growing) { return; }
            growing = true;
            (function more() {
                buildTo(entries.length + 4 * STORY_CHUNK);
                if (current >= entries.length) { setTimeout(more, 0); return; }
                growing = false;
                mark(current);
            })();
        }
        function go(i, fly) {
            var s = stops[i];
            if (!s) { return; }
            if (state.period) { state.setPeriod(""); document.querySelector("select.lm-period").value = ""; }
            state.show(state.stepOf(s.t));
            mark(i);
            var target = state.items.find(function (it) { return it.feature.evs && it.feature.evs.indexOf(s) >= 0; });
            state.story = i;
            if (pending) { map.off("moveend", pending); pending = null; }   // a step before the last flight ended
            if (!target) { return; }
            if (fly) {
                // after the move, not inside its moveend: a popup's own pan ends moves too, and a
                // popup opened there closed that one under Leaflet's feet (a TypeError)
                pending = function () {
                    pending = null;
                    setTimeout(function () { if (state.story === i) { state.openPopup(target); } }, 0);
                };
                map.flyTo([s.at.lat, s.at.lon], Math.max(map.getZoom(), 5), {duration: 0.6});
                // listen only now: flyTo ends any move under way with a moveend of its own
                map.once("moveend", pending);
            } else { state.openPopup(target); }
        }
        map.on("lifemap:step", function (e) {
            var i = -1;
            stops.forEach(function (s, k) { if (s.t <= e.t) { i = k; } });
            if (i !== current) { mark(i); }
        });
        document.addEventListener("keydown", function (e) {
            var tag = (e.target && e.target.tagName) || "";
            if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || e.altKey || e.ctrlKey || e.metaKey) { return; }
            var i = null;
            if (e.key === "ArrowRight" || e.key === "ArrowDown" || e.key === "j") { i = Math.min(stops.length - 1, current + 1); }
            if (e.key === "ArrowLeft" || e.key === "ArrowUp" || e.key === "k") { i = Math.max(0, current - 1); }
            if (e.key === "Home") { i = 0; }
            if (e.key === "End") { i = stops.length - 1; }
            if (i !== null) { e.preventDefault(); go(i, true); }
        });
        state.go = go;
        // another list of stops (one person's, lives.js): the story starts again on it
        state.storyStops = function (next) {
            var following = current >= 0, t = state.steps[state.index] ? state.steps[state.index].t : -Infinity, i = -1;
            stops = next; entries = []; current = -1;
            list.textContent = "";
            toggle.textContent = "Story (" + plural(stops.length, "stop") + ")";
            buildTo(STORY_CHUNK);
            stops.forEach(function (s, k) { if (s.t <= t) { i = k; } });
            if (following) { mark(i); }   // still where the slider is
        };
    }

    // The table of every event: filled when it is first opened, a page of rows at a time (the
    // rows of 200,000 events laid out at once froze the tab for over a minute) ------------------
    var TABLE_PAGE = 500;
    function table(state, details) {
        var body = details.querySelector("tbody"), events = state.model.events, page = -1, pagers = [];
        var pages = Math.max(1, Math.ceil(events.length / TABLE_PAGE));
        function show(p) {
            page = Math.max(0, Math.min(pages - 1, p));
            var frag = document.createDocumentFragment();
            events.slice(page * TABLE_PAGE, (page + 1) * TABLE_PAGE).forEach(function (e) {
                var tr = el("tr", frag);
                [e.date, e.label, e.kind, who(e), e.summary, cite(e)].forEach(function (c) { el("td", tr, c); });
            });
            body.textContent = "";
            body.appendChild(frag);
            pagers.forEach(function (f) { f(); });
        }
        function pager(before) {
            var box = el("nav", null, null, "lm-pager"), count = el("span", box, null, "lm-count");
            box.setAttribute("aria-label", "Pages of the table");
            count.setAttribute("aria-live", "polite");
            var buttons = [["« First", function () { return 0; }], ["‹ Previous", function () { return page - 1; }],
                           ["Next ›", function () { return page + 1; }], ["Last »", function () { return pages - 1; }]]
                .map(function (b) {
                    var button = el("button", box, b[0]);
                    button.type = "button";
                    button.addEventListener("click", function () { show(b[1]()); });
                    return button;
                });
            details.insertBefore(box, before);
            pagers.push(function () {
                var n = events.length, from = page * TABLE_PAGE + 1, to = Math.min(n, (page + 1) * TABLE_PAGE);
                count.textContent = "Events " + from.toLocaleString("en") + "–" + to.toLocaleString("en") + " of " +
                    n.toLocaleString("en") + " (page " + (page + 1) + " of " + pages + ")";
                buttons[0].disabled = buttons[1].disabled = page === 0;
                buttons[2].disabled = buttons[3].disabled = page === pages - 1;
            });
        }
        function fill() { if (page < 0) { show(0); } }
        if (pages > 1) { var tbl = details.querySelector("table"); pager(tbl); pager(tbl.nextSibling); }
        details.addEventListener("toggle", function () { if (details.open) { fill(); } });
        if (details.open) { fill(); }
        // for tests and notebooks: show a page (the first by default) and give the rows shown
        state.table = function (p) { if (p !== undefined) { show(p); } else { fill(); } return body.rows.length; };
    }

    // Without Leaflet the map cannot be drawn (a page that links it from the CDN, opened without
    // the network): say so where the map would be, and fill the table, which needs only the model
    function offline(data, details, box) {
        var note = el("div", box, null, "lm-offline");
        el("strong", note, "The map needs the network: ");
        note.appendChild(document.createTextNode("this page loads Leaflet from cdn.jsdelivr.net, which did not " +
            "answer. Connect to the internet and reload, or build the page with lifemap build --self-contained " +
            "to have a map that works offline. Every event is in the table below."));
        var state = {model: decode(data, {})};
        table(state, details);
        details.open = true;
        window.lifemap = state;
        return state;
    }

    // The offline basemap: rings of whole units of a degree, each point a step from the last --
    function basemap(map, data, options) {
        var k = 1 / data.units;
        var countries = data.countries.map(function (polygons) {
            return {type: "Feature", properties: {}, geometry: {type: "MultiPolygon", coordinates: polygons.map(function (rings) {
                return rings.map(function (ring) {
                    var out = [], x = 0, y = 0;
                    for (var i = 0; i < ring.length; i += 2) { x += ring[i]; y += ring[i + 1]; out.push([x * k, y * k]); }
                    return out;
                });
            })}};
        });
        return L.geoJSON({type: "FeatureCollection", features: countries}, {
            pane: options.pane, interactive: false, attribution: options.attribution,
            style: function () { return {color: "#9aa0a6", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1}; }
        }).addTo(map);
    }

    window.lifemapPage = {build: build, basemap: basemap, slider: slider, story: story, table: table, offline: offline,
                          small: small, foldable: foldable, el: el,
                          // parts, for tests: the arcs as lat/lon and as Mercator pixels at zoom 0
                          arc: arc, legVertices: legVertices, projected: projected, column: column, steps: steps};
})();
