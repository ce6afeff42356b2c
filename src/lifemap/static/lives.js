/* Maps of several lives (lifemap.lives): the encounter marks, a person menu over the story, one
 * ring per person where they were at the slider's date, and the panel of encounters.
 *
 * Put into a page only when it shows several lives, after lifemap.js: a page of one life carries
 * none of it. As in lifemap.js, every text reaches the DOM as textContent, and this file must hold
 * no double brace, brace-percent or brace-hash (branca reads scripts as Jinja; a test checks).
 */
(function () {
    "use strict";
    var page = window.lifemapPage, el = page.el;
    var POPUP_OPTIONS = {maxWidth: 380, className: "lm-popup"}, PANE = "lm-encounters";

    function names(people, e) { return people[e.a].name + " and " + people[e.b].name; }

    function encounterBox(people, e) {
        var box = el("div");
        el("h4", box, names(people, e));
        el("div", box, e.label + ", " + e.date + ": " + (e.status === "met" ? "met there" : "possibly met there"));
        if (e.status !== "met") {
            el("div", box, "One of the dates is known only to the season, year or decade.", "lm-src");
        }
        var ul = el("ul", box);
        [[e.a, e.date_a, e.source_a], [e.b, e.date_b, e.source_b]].forEach(function (side) {
            var li = el("li", ul);
            el("b", li, people[side[0]].name);
            li.appendChild(document.createTextNode(": " + side[1]));
            el("div", li, "Source: " + side[2], "lm-src");
        });
        return box;
    }

    // The marks, one per encounter, in a pane above the markers; the slider shows each once both its
    // events have come, like every feature (they join state.items before the slider is made).
    function encounters(map, state, people, found) {
        var group = L.featureGroup();
        if (!map.getPane(PANE)) { map.createPane(PANE).style.zIndex = 450; }
        var renderer = L.svg({pane: PANE});
        state.encounters = found.map(function (e, i) {
            var at = {lat: e.lat, lon: e.lon};   // a town: where the sources name one of its buildings, too
            var mark = L.circleMarker([at.lat, at.lon], {
                pane: PANE, renderer: renderer, radius: 9, color: "#111", weight: 2.5, fill: true, fillColor: "#fff",
                fillOpacity: 0.5, dashArray: e.status === "met" ? null : "3 3"});
            mark.bindPopup(function () { return encounterBox(people, e); }, POPUP_OPTIONS);
            mark.bindTooltip(function () {
                return el("div", null, names(people, e) + ", " + e.label + ", " + e.date + " (" + e.status + ")");
            }, {sticky: true});
            group.addLayer(mark);
            var item = {layer: mark, feature: {properties: {encounter: i}}, group: group, t: e.step, t_first: e.t, t_end: e.t_end,
                        kind: "encounter", layer_key: "encounters"};
            state.items.push(item);
            return {data: e, at: at, item: item};
        });
        state.layers.encounters = group;
        return group;
    }

    function lives(map, state, people) {
        var model = state.model, byName = {};
        people.forEach(function (p) { byName[p.name] = p; });

        // The story: each stop with its person, and a menu of whose stops it lists
        state.storyEntry = function (s, li) {
            var p = byName[s.actor];
            if (!p) { return; }
            var dot = el("span", null, null, "lm-who");
            dot.style.background = p.color;
            dot.title = p.name;
            li.insertBefore(dot, li.firstChild);
            el("small", li, p.name);
        };
        map.getContainer().classList.add("lm-lives");   // a shorter story: the encounters come under it
        var box = map.getContainer().querySelector(".lm-story");
        var row = el("div", null, null, "lm-people"), menu = el("select", row, null, "lm-person");
        menu.setAttribute("aria-label", "Whose stops the story lists");
        [{value: "", label: "Everyone, by date"}].concat(people.map(function (p) { return {value: p.name, label: p.name}; }))
            .forEach(function (o) { el("option", menu, o.label).value = o.value; });
        box.insertBefore(row, box.querySelector("ol"));
        menu.addEventListener("change", function () {
            state.person = menu.value;
            state.storyStops(menu.value ? model.stops.filter(function (s) { return s.actor === menu.value; }) : model.stops);
        });
        state.person = "";
        state.storyStops(model.stops);

        // The slider: a ring per person at their last stop on or before its date (dashed once
        // that stop's dates are past: where they were last known to be), none before their first
        var stopsOf = people.map(function (p) { return model.stops.filter(function (s) { return s.actor === p.name; }); });
        state.rings = people.map(function (p, i) {
            return L.circleMarker([0, 0], {radius: 13 + 4 * i, color: p.color, weight: 3, fill: false, interactive: false});
        });
        function ringsAt(t) {
            state.rings.forEach(function (ring, i) {
                var last = null;
                stopsOf[i].forEach(function (s) { if (s.t <= t) { last = s; } });
                ring.stop = last;
                if (!last) {
                    if (map.hasLayer(ring)) { map.removeLayer(ring); }
                    return;
                }
                ring.setLatLng([last.at.lat, last.at.lon]);
                ring.setStyle({dashArray: t > last.t_end ? "4 5" : null});
                if (!map.hasLayer(ring)) { ring.addTo(map); }
            });
        }
        map.on("lifemap:step", function (e) { ringsAt(e.t); });

        // The panel of encounters: choosing one moves the slider to it, flies there and opens it
        var found = state.encounters || [];
        if (!found.length) { return; }
        function go(x) {
            if (state.period) { state.setPeriod(""); map.getContainer().querySelector("select.lm-period").value = ""; }
            state.show(state.stepOf(x.data.step));   // when both its events have come
            map.flyTo([x.at.lat, x.at.lon], Math.max(map.getZoom(), 6), {duration: 0.6});
            map.once("moveend", function () { x.item.layer.openPopup(); });
        }
        // under the story, where it is (on a phone the slider would cover the bottom corners)
        var panel = L.control({position: page.small() ? "topright" : "topleft"});
        panel.onAdd = function () {
            var section = el("section", null, null, "lm-box lm-encounters");
            section.setAttribute("aria-label", "Encounters");
            var toggle = el("button", section, "Encounters (" + found.length + ")", "lm-toggle");
            toggle.type = "button";
            var ul = el("ul", section);
            found.forEach(function (x) {
                var e = x.data, li = el("li", ul);
                li.tabIndex = 0;
                el("b", li, names(people, e));
                li.appendChild(document.createTextNode(" · " + e.label));
                el("small", li, e.date + " · " + e.status, e.status === "met" ? "lm-met" : "");
                li.addEventListener("click", function () { go(x); });
                li.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { go(x); } });
            });
            page.foldable(toggle, ul);   // folded on a phone or in a lesson's frame, like the other panels
            L.DomEvent.disableClickPropagation(section);
            L.DomEvent.disableScrollPropagation(section);
            return section;
        };
        panel.addTo(map);
        state.goEncounter = function (i) { go(found[i]); };
    }

    page.encounters = encounters;
    page.lives = lives;
})();
