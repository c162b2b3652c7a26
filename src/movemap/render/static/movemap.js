/* movemap's map: layers by unit, one time slider for all of them, legend, popups.
 *
 * Reads the data described in render/page.py (the page contract): records with named fields,
 * and for the compact arrays (a leg's texts, a record's days) the names of their positions in
 * data.keys, so that nothing here counts positions. Every text that comes from a dataset is put
 * on the page with textContent (or escaped for Leaflet's layer control, which takes HTML),
 * never parsed as HTML. Part of movemap (MIT licence).
 */
(function () {
  "use strict";

  var DAY_MS = 86400000;

  function escapeHtml(text) {
    return String(text)
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function dayText(day) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  function table(rows) {
    var t = el("table", "mm-table");
    rows.forEach(function (row) {
      if (!row[1]) return;
      var tr = el("tr");
      tr.appendChild(el("th", null, row[0]));
      tr.appendChild(el("td", null, row[1]));
      t.appendChild(tr);
    });
    return t;
  }

  /* A station's outline pattern: its status shown by pattern as well as colour (the
   * line patterns, scaled down to a marker's thinner outline). */
  var STATION_DASHES = {claimed: "1 3", expected: "4 3", forecast: "6 2 1 2"};
  function stationDash(status) { return STATION_DASHES[status] || null; }

  /* Points along a line at a fraction of its length (planar, fine for a marker). */
  function pointAt(line, fraction) {
    var lengths = [0], total = 0, i;
    for (i = 1; i < line.length; i++) {
      var dx = line[i][0] - line[i - 1][0], dy = line[i][1] - line[i - 1][1];
      dx = dx * Math.cos((line[i][1] + line[i - 1][1]) * Math.PI / 360);
      total += Math.sqrt(dx * dx + dy * dy);
      lengths.push(total);
    }
    var target = Math.max(0, Math.min(1, fraction)) * total;
    for (i = 1; i < line.length; i++) {
      if (lengths[i] >= target && lengths[i] > lengths[i - 1]) {
        var t = (target - lengths[i - 1]) / (lengths[i] - lengths[i - 1]);
        return [line[i - 1][1] + t * (line[i][1] - line[i - 1][1]),
                line[i - 1][0] + t * (line[i][0] - line[i - 1][0])];
      }
    }
    var last = line[line.length - 1];
    return [last[1], last[0]];
  }

  /* Points along the great circle from a to b ([lon, lat]), longitudes kept continuous so
   * that Leaflet draws a line across the antimeridian the short way. */
  function greatCircle(a, b) {
    var rad = Math.PI / 180;
    function vec(p) {
      return [Math.cos(p[1] * rad) * Math.cos(p[0] * rad),
              Math.cos(p[1] * rad) * Math.sin(p[0] * rad), Math.sin(p[1] * rad)];
    }
    var u = vec(a), v = vec(b);
    var dot = Math.max(-1, Math.min(1, u[0] * v[0] + u[1] * v[1] + u[2] * v[2]));
    var angle = Math.acos(dot);
    var n = Math.min(48, Math.max(1, Math.ceil(angle / rad / 1.5)));
    var out = [a.slice()];
    for (var i = 1; i < n; i++) {
      var t = i / n, sa = Math.sin((1 - t) * angle) / Math.sin(angle), sb = Math.sin(t * angle) / Math.sin(angle);
      var x = sa * u[0] + sb * v[0], y = sa * u[1] + sb * v[1], z = sa * u[2] + sb * v[2];
      out.push([Math.atan2(y, x) / rad, Math.atan2(z, Math.sqrt(x * x + y * y)) / rad]);
    }
    out.push(b.slice());
    for (i = 1; i < out.length; i++) {
      while (out[i][0] - out[i - 1][0] > 180) out[i][0] -= 360;
      while (out[i][0] - out[i - 1][0] < -180) out[i][0] += 360;
    }
    return out;
  }

  function densify(line) {
    var out = [line[0]];
    for (var i = 1; i < line.length; i++) {
      var piece = greatCircle(out[out.length - 1], line[i]);
      for (var j = 1; j < piece.length; j++) out.push(piece[j]);
    }
    return out;
  }

  function arrowDefs(map, data) {
    var renderer = map.getRenderer(L.polyline([]));
    var svg = renderer && renderer._container;
    if (!svg || svg.tagName.toLowerCase() !== "svg") return;
    var ns = "http://www.w3.org/2000/svg";
    var defs = document.createElementNS(ns, "defs");
    Object.keys(data.modes).forEach(function (mode) {
      var marker = document.createElementNS(ns, "marker");
      marker.setAttribute("id", "mm-arrow-" + mode);
      marker.setAttribute("viewBox", "0 0 10 10");
      marker.setAttribute("refX", "8");
      marker.setAttribute("refY", "5");
      marker.setAttribute("markerWidth", "4");
      marker.setAttribute("markerHeight", "4");
      marker.setAttribute("orient", "auto-start-reverse");
      var path = document.createElementNS(ns, "path");
      path.setAttribute("d", "M 0 0 L 10 5 L 0 10 z");
      path.setAttribute("fill", data.modes[mode]);
      marker.appendChild(path);
      defs.appendChild(marker);
    });
    svg.insertBefore(defs, svg.firstChild);
  }

  function init(map, data, base) {
    var s = data.strings;
    /* Where each named value sits in the compact arrays (written by render/page.py). */
    function positions(names) {
      var out = {};
      names.forEach(function (name, i) { out[name] = i; });
      return out;
    }
    var LT = positions(data.keys.legText), ST = positions(data.keys.stationText);
    var W = positions(data.keys.window), D = positions(data.keys.span);
    var canvas = data.legs.length > 5000;
    var renderer = canvas ? L.canvas({padding: 0.5}) : L.svg({padding: 0.5});
    map.createPane("mm-base").style.zIndex = 200;
    map.createPane("mm-regions").style.zIndex = 300;
    map.getContainer().classList.add("mm-map");

    /* -- basemap ------------------------------------------------------------------- */
    var baseStyles = {
      land: {color: "#9a9a9a", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1},
      admin1: {color: "#b5b5b5", weight: 0.6, dashArray: "4 3", fill: false},
      lakes: {color: "#9ecae1", weight: 0.5, fillColor: "#d6e8f5", fillOpacity: 1},
      rivers: {color: "#9ecae1", weight: 0.9, fill: false},
      railways: {color: "#8c8c8c", weight: 0.7, dashArray: "2 2", opacity: 0.6, fill: false}
    };
    var baseLayers = {};
    ["land", "admin1", "lakes", "rivers", "railways"].forEach(function (name) {
      if (!base || !base[name]) return;
      baseLayers[name] = L.geoJSON(base[name], {
        pane: "mm-base", interactive: false, style: baseStyles[name]
      }).addTo(map);
    });

    /* -- place names of the basemap, more as one zooms in ------------------------------ */
    map.createPane("mm-places").style.zIndex = 350;
    map.getPane("mm-places").style.pointerEvents = "none";
    var placeLayer = L.layerGroup().addTo(map);
    var placeMarks = ((base && base.places) || []).map(function (p) {
      return {zoom: p[3], mark: L.marker([p[1], p[0]], {
        pane: "mm-places", interactive: false, keyboard: false,
        icon: L.divIcon({className: "mm-place", html: escapeHtml(p[2]), iconSize: null,
                         iconAnchor: [2, 7]})
      })};
    });
    function showPlaces() {
      var zoom = map.getZoom(), view = map.getBounds().pad(0.25);
      placeMarks.forEach(function (p) {
        var on = p.zoom <= zoom && view.contains(p.mark.getLatLng());
        if (on !== placeLayer.hasLayer(p.mark)) {
          if (on) placeLayer.addLayer(p.mark); else placeLayer.removeLayer(p.mark);
        }
      });
    }
    map.on("zoomend moveend", showPlaces);

    /* -- regions named in the data --------------------------------------------------- */
    var regions = L.featureGroup();
    data.regions.forEach(function (region) {
      L.geoJSON(region.g, {
        pane: "mm-regions",
        style: {color: "#b03a2e", weight: 1, fillColor: "#e6b0aa", fillOpacity: 0.25}
      }).bindTooltip(el("span", null, s[region.name]), {sticky: true}).addTo(regions);
    });
    regions.addTo(map);

    /* -- units: legs grouped by style, stations, moving markers ------------------------ */
    var groups = data.units.map(function () { return L.featureGroup(); });
    var orphan = L.featureGroup();
    function groupOf(u) { return u >= 0 ? groups[u] : orphan; }
    var unitName = function (u) { return u >= 0 ? data.units[u].name : ""; };

    data.legs.forEach(function (leg) { if (leg.g) leg.c = leg.c.map(densify); });
    var legLayers = [];
    var styleGroups = {};
    var legTooltip = L.tooltip({sticky: true});

    function openLegPopup(layer, latlng) {
      var leg = data.legs[layer.movemapIndex];
      var box = el("div", "mm-popup");
      box.appendChild(el("div", "mm-popup-title", unitName(leg.u)));
      box.appendChild(table([
        ["From", s[leg.t[LT.origins]]], ["To", s[leg.t[LT.destination]]],
        ["Via", s[leg.t[LT.via]]], ["Start", s[leg.t[LT.start]]],
        ["End", s[leg.t[LT.end]] || "not reported"], ["Mode", s[leg.t[LT.mode]]],
        ["Strength", s[leg.t[LT.strength]]], ["Equipment", s[leg.t[LT.equipment]]],
        ["Status", s[leg.t[LT.status]]],
        ["Route", s[leg.t[LT.length]] + (leg.a ? " (partly approximate)" : "")],
        ["Sources", s[leg.t[LT.sources]]], ["Notes", s[leg.t[LT.notes]]]
      ]));
      L.popup().setLatLng(latlng).setContent(box).openOn(map);
    }

    function showLegTooltip(layer, latlng) {
      var leg = data.legs[layer.movemapIndex];
      legTooltip.setContent(el("span", null, unitName(leg.u) + ": " + s[leg.t[LT.origins]] +
                                         " \u2192 " + s[leg.t[LT.destination]]));
      legTooltip.setLatLng(latlng);
      map.openTooltip(legTooltip);
    }
    data.legs.forEach(function (leg, index) {
      var style = data.styles[leg.s];
      var key = leg.u + ":" + leg.s;
      if (!styleGroups[key]) {
        /* one popup and one tooltip handler per group, not per leg: cheap at 100,000 legs */
        styleGroups[key] = L.featureGroup().addTo(groupOf(leg.u))
          .on("click", function (e) { openLegPopup(e.layer, e.latlng); })
          .on("mouseover", function (e) { showLegTooltip(e.layer, e.latlng); })
          .on("mouseout", function () { map.closeTooltip(legTooltip); });
      }
      var options = {
        renderer: renderer, color: style.color, weight: style.weight,
        dashArray: style.dashArray, opacity: style.opacity, lineCap: "butt",
        className: "mm-leg mm-mode-" + style.mode + (leg.a ? " mm-approximate" : "")
      };
      var layer = leg.c.length === 1 ?
        L.polyline(leg.c[0].map(function (p) { return [p[1], p[0]]; }), options) :
        L.polyline(leg.c.map(function (line) {
          return line.map(function (p) { return [p[1], p[0]]; });
        }), options);
      layer.movemapIndex = index;
      legLayers.push({layer: layer, leg: leg, parent: styleGroups[key], shown: false,
                      faint: null});
    });

    var stationLayers = [];
    data.stations.forEach(function (station, index) {
      var latlng = [station.p[1], station.p[0]];
      var layer;
      if (station.i !== null && station.i !== undefined) {
        var sym = data.symbols[station.i];
        layer = L.marker(latlng, {icon: L.divIcon({
          html: sym.svg, className: "mm-station mm-symbol mm-status-" + station.k,
          iconSize: [sym.w, sym.h], iconAnchor: [sym.x, sym.y]
        })});
      } else {
        layer = L.circleMarker(latlng, {
          renderer: renderer, radius: station.r, color: "#222",
          weight: data.statuses[station.k].dash ? 2 : 1,
          dashArray: stationDash(station.k),
          fillColor: data.statuses[station.k].colour, fillOpacity: 0.75,
          className: "mm-station mm-status-" + station.k
        });
      }
      layer.movemapIndex = index;
      if (layer instanceof L.Marker) {
        /* Leaflet makes an interactive marker a button: give it a name to be read out */
        layer.on("add", function () {
          var node = layer.getElement();
          if (node) node.setAttribute("aria-label", unitName(station.u) + " at " +
                                      s[station.t[ST.place]] + " (" + s[station.t[ST.status]] + ")");
        });
      }
      layer.bindPopup(function () {
        var box = el("div", "mm-popup");
        box.appendChild(el("div", "mm-popup-title", unitName(station.u)));
        box.appendChild(table([
          ["At", s[station.t[ST.place]]], ["From", s[station.t[ST.start]]],
          ["Until", s[station.t[ST.end]] || "open"], ["Strength", s[station.t[ST.strength]]],
          ["Status", s[station.t[ST.status]]], ["Sources", s[station.t[ST.sources]]],
          ["Notes", s[station.t[ST.notes]]]
        ]));
        return box;
      });
      layer.bindTooltip(function () {
        var strength = s[station.t[ST.strength]];
        return el("span", null, unitName(station.u) + " at " + s[station.t[ST.place]] +
                  (strength ? " (" + strength + ", " + s[station.t[ST.status]] + ")" : ""));
      });
      stationLayers.push({layer: layer, station: station, parent: groupOf(station.u),
                          shown: false, faint: null});
    });

    var moving = L.featureGroup().addTo(map);
    var movingMarkers = {};

    var overlays = {};
    data.units.forEach(function (unit, u) {
      var label = (unit.context ? "Context: " : "") + unit.name;
      overlays[escapeHtml(label)] = groups[u];
      groups[u].addTo(map);
    });
    orphan.addTo(map);
    if (data.regions.length) overlays["Regions named in the data"] = regions;
    overlays["Units under way"] = moving;
    if (baseLayers.railways) overlays["Railways (basemap)"] = baseLayers.railways;
    L.control.layers(null, overlays, {collapsed: true, position: "topright"}).addTo(map);
    L.control.scale({position: "bottomleft", imperial: false}).addTo(map);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(
      "Basemap: Natural Earth \u00b7 places: GeoNames (CC BY 4.0) \u00b7 sea lanes: searoute " +
      "\u00b7 symbols: milsymbol \u00b7 Leaflet \u00b7 movemap");

    if (!canvas) arrowDefs(map, data);

    /* -- time ------------------------------------------------------------------------ */
    var state = {day: data.day, all: !data.onDay};  // onDay: open on data.day (inline)

    function setShown(item, show, faint) {
      if (show && !item.shown) { item.parent.addLayer(item.layer); item.shown = true; }
      if (!show && item.shown) { item.parent.removeLayer(item.layer); item.shown = false; }
      if (show && item.faint !== faint && item.layer.setStyle) {
        var base = item.leg ? data.styles[item.leg.s].opacity : 1;
        item.layer.setStyle(item.leg ? {opacity: faint ? base * 0.35 : base}
                                     : {fillOpacity: faint ? 0.25 : 0.75,
                                        opacity: faint ? 0.4 : 1});
        item.faint = faint;
      } else if (show && item.faint !== faint) {
        var node = item.layer.getElement && item.layer.getElement();
        if (node) node.style.opacity = faint ? 0.45 : 1;
        item.faint = faint;
      }
    }

    function within(w, day) {
      return day >= w[W.first] && (w[W.last] === null || day <= w[W.last]);
    }

    function sure(w, day) {
      return day >= w[W.sureFrom] && (w[W.sureUntil] === null || day <= w[W.sureUntil]);
    }

    function apply() {
      var day = state.day;
      var stationed = {};
      stationLayers.forEach(function (item) {
        var w = item.station.w;
        var show = state.all || within(w, day);
        setShown(item, show, !state.all && !sure(w, day));
        if (show && !state.all) stationed[item.station.u] = true;
      });
      legLayers.forEach(function (item) {
        var w = item.leg.w;
        setShown(item, state.all || within(w, day), !state.all && !sure(w, day));
      });
      var wanted = {};
      if (!state.all) {
        data.legs.forEach(function (leg, index) {
          var departure = leg.d[D.departure], arrival = leg.d[D.arrival];
          if (stationed[leg.u] || !(departure <= day && day < arrival)) return;
          wanted[index] = pointAt(leg.c[0], (day - departure) / (arrival - departure));
        });
      }
      Object.keys(movingMarkers).forEach(function (index) {
        if (!(index in wanted)) { moving.removeLayer(movingMarkers[index]); delete movingMarkers[index]; }
      });
      Object.keys(wanted).forEach(function (index) {
        var leg = data.legs[index];
        if (movingMarkers[index]) { movingMarkers[index].setLatLng(wanted[index]); return; }
        var marker = L.circleMarker(wanted[index], {
          renderer: renderer, radius: 7, color: "#111", weight: 2,
          fillColor: data.modes[s[leg.t[LT.mode]]] || "#444", fillOpacity: 1,
          className: "mm-moving"
        });
        marker.movemapIndex = Number(index);
        marker.bindTooltip(function () {
          return el("span", null, unitName(leg.u) + ", under way to " + s[leg.t[LT.destination]] +
                    (leg.e ? " (arrival estimated)" : ""));
        });
        movingMarkers[index] = marker.addTo(moving);
      });
      label.textContent = dayText(day);
      label.classList.toggle("mm-day-off", state.all);
      slider.value = String(day);
      slider.setAttribute("aria-valuetext", state.all ? "all dates" : dayText(day));
      allBox.checked = state.all;
      fillPositions();
      if (chart) chart.mark();
    }

    /* -- the page around the map: heading, time controls, legend, positions table ----
     * Built outside the map's container, in the order a keyboard reaches them: the date
     * slider, play/pause, speed, all dates, the positions table; then the map with its
     * layer toggles; then the legend. Landmarks: header, the time region, main (the map),
     * the legend (aside). */
    var container = map.getContainer();
    var main = container.parentNode;
    if (!main || main.tagName.toLowerCase() !== "main") {
      main = el("main", "mm-main");
      container.parentNode.insertBefore(main, container);
      main.appendChild(container);
    }
    main.setAttribute("aria-label", "Map");
    container.setAttribute("aria-label", "Map of the movements (arrow keys pan, + and - zoom)");
    var page = main.parentNode;

    var header = el("header", "mm-title");
    header.appendChild(el("h1", "mm-title-text", data.title));
    if (data.asOf) header.appendChild(el("p", "mm-as-of", "Data as of " + data.asOf));
    page.insertBefore(header, main);

    var label, slider, allBox, playButton, speed, positionsTable, caption;
    var timer = null;
    var box = el("section", "mm-time");
    box.setAttribute("aria-label", "Date");
    slider = el("input", "mm-slider");
    slider.type = "range";
    slider.id = "mm-slider";
    slider.min = String(data.range[0]);
    slider.max = String(data.range[1]);
    slider.step = "1";
    slider.setAttribute("aria-label", "Date shown");
    slider.setAttribute("aria-describedby", "mm-keys");
    slider.setAttribute("aria-controls", "mm-positions");
    box.appendChild(slider);
    var ends = el("div", "mm-time-row mm-ends");
    ends.appendChild(el("span", null, dayText(data.range[0])));
    ends.appendChild(el("span", null, dayText(data.range[1])));
    box.appendChild(ends);
    var row = el("div", "mm-time-row");
    playButton = el("button", "mm-play", "\u25b6");
    playButton.type = "button";
    playButton.setAttribute("aria-label", "Play");
    playButton.setAttribute("aria-keyshortcuts", "P");
    label = el("output", "mm-day");
    label.setAttribute("for", "mm-slider");
    label.setAttribute("aria-live", "polite");
    var speedLabel = el("label", "mm-speed-label", "Speed ");
    speed = el("select", "mm-speed");
    speed.id = "mm-speed";
    speedLabel.setAttribute("for", "mm-speed");
    [[1, "1 day/s"], [3, "3 days/s"], [7, "1 week/s"], [30, "1 month/s"]].forEach(function (o) {
      var option = el("option", null, o[1]);
      option.value = String(o[0]);
      speed.appendChild(option);
    });
    speed.value = "3";
    speedLabel.appendChild(speed);
    var allLabel = el("label", "mm-all");
    allBox = el("input");
    allBox.type = "checkbox";
    allBox.setAttribute("aria-keyshortcuts", "A");
    allLabel.appendChild(allBox);
    allLabel.appendChild(document.createTextNode(" all dates"));
    row.appendChild(playButton);
    row.appendChild(label);
    row.appendChild(speedLabel);
    row.appendChild(allLabel);
    box.appendChild(row);
    var keys = el("p", "mm-keys", "Keys: , and . a day back or on; < and > a week; " +
                                  "P play or pause; A all dates; T this slider.");
    keys.id = "mm-keys";
    box.appendChild(keys);

    /* the text alternative: who is where on the day, as a table that follows the slider */
    var details = el("details", "mm-positions");
    details.appendChild(el("summary", null, "Positions table"));
    positionsTable = el("table", "mm-table mm-positions-table");
    positionsTable.id = "mm-positions";
    caption = el("caption");
    positionsTable.appendChild(caption);
    var headRow = el("tr");
    ["Unit", "Where", "Status", "Strength"].forEach(function (name) {
      var th = el("th", null, name);
      th.scope = "col";
      headRow.appendChild(th);
    });
    var thead = el("thead");
    thead.appendChild(headRow);
    positionsTable.appendChild(thead);
    positionsTable.appendChild(el("tbody"));
    details.appendChild(positionsTable);
    box.appendChild(details);
    page.insertBefore(box, main);

    function stop() {
      if (timer) clearInterval(timer);
      timer = null;
      playButton.textContent = "\u25b6";
      playButton.setAttribute("aria-label", "Play");
      label.setAttribute("aria-live", "polite");
    }
    function play() {
      if (timer) { stop(); return; }
      state.all = false;
      if (state.day >= data.range[1]) state.day = data.range[0];
      playButton.textContent = "\u275a\u275a";
      playButton.setAttribute("aria-label", "Pause");
      label.setAttribute("aria-live", "off");  /* no announcement every quarter second */
      timer = setInterval(function () {
        var step = Math.max(1, Math.round(Number(speed.value) / 4));
        state.day = Math.min(data.range[1], state.day + step);
        apply();
        if (state.day >= data.range[1]) stop();
      }, 250);
    }
    function goTo(day) {
      state.day = Math.max(data.range[0], Math.min(data.range[1], day));
      state.all = false;
      apply();
    }
    slider.addEventListener("input", function () { goTo(Number(slider.value)); });
    allBox.addEventListener("change", function () { state.all = allBox.checked; apply(); });
    playButton.addEventListener("click", play);
    // Inline in a notebook the keys are the notebook's: only keys pressed in the map count
    var keyScope = page.classList && page.classList.contains("mm-inline") ? page : document;
    keyScope.addEventListener("keydown", function (event) {
      var target = event.target;
      var tag = target && target.tagName ? target.tagName.toLowerCase() : "";
      if (event.ctrlKey || event.metaKey || event.altKey || tag === "select" ||
          tag === "textarea" || (tag === "input" && target.type === "text")) return;
      var steps = {",": -1, ".": 1, "<": -7, ">": 7};
      if (event.key in steps) {
        goTo(state.day + steps[event.key]);
      } else if (event.key === "p" || event.key === "P") {
        play();
      } else if (event.key === "a" || event.key === "A") {
        state.all = !state.all;
        apply();
      } else if (event.key === "t" || event.key === "T") {
        slider.focus();
      } else {
        return;
      }
      event.preventDefault();
    });

    /* Where each unit is on the day, by the rules of movemap's status query: a station
     * holds it; else a leg under way; else where its last leg arrived. */
    function positionRows(day) {
      var rows = [];
      data.units.forEach(function (unit, u) {
        var at = null, moving = null, arrived = null;
        data.stations.forEach(function (station) {
          if (station.u === u && within(station.w, day) && (!at || sure(station.w, day))) {
            at = station;
          }
        });
        data.legs.forEach(function (leg) {
          if (leg.u !== u) return;
          var departure = leg.d[D.departure], arrival = leg.d[D.arrival];
          if (departure <= day && day < arrival) moving = leg;
          else if (arrival <= day && (!arrived || arrival >= arrived.d[D.arrival])) arrived = leg;
        });
        if (at) {
          rows.push([unit.name, "at " + s[at.t[ST.place]], s[at.t[ST.status]],
                     s[at.t[ST.strength]]]);
        } else if (moving) {
          rows.push([unit.name, "under way from " + s[moving.t[LT.origins]] + " to " +
                     s[moving.t[LT.destination]] + " (" + s[moving.t[LT.mode]] +
                     (moving.e ? ", arrival estimated" : "") + ")",
                     s[moving.t[LT.status]], s[moving.t[LT.strength]]]);
        } else if (arrived) {
          rows.push([unit.name, "at " + s[arrived.t[LT.destination]] + " (arrived " +
                     dayText(arrived.d[D.arrival]) + ")", s[arrived.t[LT.status]],
                     s[arrived.t[LT.strength]]]);
        }
      });
      return rows;
    }

    details.addEventListener("toggle", function () { fillPositions(); });

    function fillPositions() {
      if (!details.open) return;  /* a closed table is neither shown nor read out */
      var body = positionsTable.tBodies[0];
      while (body.firstChild) body.removeChild(body.firstChild);
      if (state.all) {
        caption.textContent = "Positions: choose a day (all dates are shown)";
        return;
      }
      var rows = positionRows(state.day);
      caption.textContent = "Positions on " + dayText(state.day) + " (" + rows.length +
        (rows.length === 1 ? " unit)" : " units)");
      rows.forEach(function (cells) {
        var tr = el("tr");
        cells.forEach(function (text, i) {
          var cell = el(i === 0 ? "th" : "td", null, text || "");
          if (i === 0) cell.scope = "row";
          tr.appendChild(cell);
        });
        body.appendChild(tr);
      });
    }

    var legend = el("aside", "mm-legend");
    legend.setAttribute("aria-label", "Legend");
    (function () {
      var toggle = el("button", "mm-legend-toggle", "Legend ▾");
      toggle.type = "button";
      toggle.setAttribute("aria-expanded", "true");
      toggle.setAttribute("aria-controls", "mm-legend-body");
      toggle.addEventListener("click", function () {
        var hidden = legend.classList.toggle("mm-legend-closed");
        toggle.textContent = hidden ? "Legend ▸" : "Legend ▾";
        toggle.setAttribute("aria-expanded", hidden ? "false" : "true");
      });
      legend.appendChild(toggle);
      var body = el("div", "mm-legend-body");
      body.id = "mm-legend-body";
      legend.appendChild(body);
      function section(name) {
        body.appendChild(el("h2", "mm-legend-head", name));
        var grid = el("ul", "mm-legend-grid");
        body.appendChild(grid);
        return grid;
      }
      var ns = "http://www.w3.org/2000/svg";
      function sample(width, draw) {
        var svg = document.createElementNS(ns, "svg");
        svg.setAttribute("width", String(width));
        svg.setAttribute("height", "14");
        svg.setAttribute("aria-hidden", "true");
        draw(svg);
        return svg;
      }
      function shape(svg, tag, attributes) {
        var node = document.createElementNS(ns, tag);
        Object.keys(attributes).forEach(function (k) { node.setAttribute(k, attributes[k]); });
        svg.appendChild(node);
      }
      var modes = section("Mode (line colour)");
      Object.keys(data.modes).forEach(function (mode) {
        var item = el("li", "mm-legend-row");
        var swatch = el("span", "mm-swatch");
        swatch.style.background = data.modes[mode];
        item.appendChild(swatch);
        item.appendChild(el("span", null, mode));
        modes.appendChild(item);
      });
      var statuses = section("Status (line and station pattern)");
      Object.keys(data.statuses).forEach(function (status) {
        var item = el("li", "mm-legend-row");
        var look = data.statuses[status];
        item.appendChild(sample(26, function (svg) {
          var line = {x1: "1", y1: "7", x2: "25", y2: "7", stroke: "#333", "stroke-width": "3"};
          if (look.dash) line["stroke-dasharray"] = look.dash;
          shape(svg, "line", line);
        }));
        item.appendChild(sample(16, function (svg) {
          var dot = {cx: "8", cy: "7", r: "5.5", fill: look.colour, stroke: "#222",
                     "stroke-width": look.dash ? "2" : "1"};
          if (stationDash(status)) dot["stroke-dasharray"] = stationDash(status);
          shape(svg, "circle", dot);
        }));
        item.appendChild(el("span", null, status));
        statuses.appendChild(item);
      });
      var marks = section("Marks");
      marks.classList.add("mm-legend-wide");
      [["mm-key-faint", "faint: dates uncertain that day"],
       ["mm-key-approx", "thin: partly a great circle"],
       ["mm-key-moving", "unit under way"],
       ["mm-key-station", "station, sized by strength"]].forEach(function (pair) {
        var item = el("li", "mm-legend-row");
        item.appendChild(el("span", "mm-key " + pair[0]));
        item.appendChild(el("span", null, pair[1]));
        marks.appendChild(item);
      });
      if (data.symbols.length) {
        var item = el("li", "mm-legend-row");
        var symbol = el("span", "mm-key-symbol");
        symbol.innerHTML = data.symbols[0].svg;  /* drawn by milsymbol from a checked SIDC */
        symbol.setAttribute("aria-hidden", "true");
        item.appendChild(symbol);
        item.appendChild(el("span", null, "unit symbol (MIL-STD-2525)"));
        marks.appendChild(item);
      }
    })();
    page.insertBefore(legend, main.nextSibling);

    /* -- search: the dataset's places and units ------------------------------------------ */
    var found = {};
    function findable(label, go) { if (label && !found[label]) found[label] = go; }
    data.units.forEach(function (unit, u) {
      findable(unit.name, function () {
        if (!map.hasLayer(groups[u])) groups[u].addTo(map);
        var bounds = groups[u].getBounds();
        if (bounds.isValid()) map.flyToBounds(bounds.pad(0.2), {maxZoom: 8, duration: 0.5});
      });
    });
    stationLayers.forEach(function (item) {
      findable(s[item.station.t[ST.place]], function () {
        map.flyTo(item.layer.getLatLng(), Math.max(map.getZoom(), 7), {duration: 0.5});
        item.layer.openPopup();
      });
    });
    data.legs.forEach(function (leg) {
      var lines = leg.c, last = lines[lines.length - 1], end = last[last.length - 1];
      findable(s[leg.t[LT.destination]], function () {
        map.flyTo([end[1], end[0]], 7, {duration: 0.5});
      });
      var origins = s[leg.t[LT.origins]].split(" | ");
      if (origins.length === lines.length) {
        origins.forEach(function (name, k) {
          findable(name, function () {
            map.flyTo([lines[k][0][1], lines[k][0][0]], 7, {duration: 0.5});
          });
        });
      }
    });
    var search = L.control({position: "topleft"});
    search.onAdd = function () {
      var box = el("div", "mm-search leaflet-bar");
      var input = el("input", "mm-search-input");
      input.type = "search";
      input.placeholder = "Find a place or unit";
      input.setAttribute("aria-label", "Find a place or unit of the map");
      input.setAttribute("list", "mm-search-list");
      var list = el("datalist");
      list.id = "mm-search-list";
      Object.keys(found).sort().forEach(function (label) {
        var option = el("option");
        option.value = label;
        list.appendChild(option);
      });
      function go() {
        var wanted = input.value.trim().toLowerCase();
        var label = Object.keys(found).filter(function (l) {
          return l.toLowerCase() === wanted;
        })[0] || Object.keys(found).sort().filter(function (l) {
          return wanted && l.toLowerCase().indexOf(wanted) >= 0;
        })[0];
        box.classList.toggle("mm-search-none", !label);
        if (label) { input.value = label; found[label](); }
      }
      input.addEventListener("change", go);
      input.addEventListener("keydown", function (e) { if (e.key === "Enter") go(); });
      box.appendChild(input);
      box.appendChild(list);
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    search.addTo(map);

    /* -- measuring: click points, read the great-circle distance ---------------------- */
    var measure = {on: false, points: [], layer: L.layerGroup().addTo(map), km: 0};
    function drawMeasure() {
      measure.layer.clearLayers();
      measure.km = 0;
      for (var i = 1; i < measure.points.length; i++) {
        measure.km += map.distance(measure.points[i - 1], measure.points[i]) / 1000;
        var a = measure.points[i - 1], b = measure.points[i];
        L.polyline(greatCircle([a.lng, a.lat], [b.lng, b.lat]).map(function (p) {
          return [p[1], p[0]];
        }), {color: "#111", weight: 2, dashArray: "6 4", interactive: false})
          .addTo(measure.layer);
      }
      measure.points.forEach(function (p) {
        L.circleMarker(p, {radius: 3, color: "#111", weight: 1, fillColor: "#fff",
                           fillOpacity: 1, interactive: false}).addTo(measure.layer);
      });
      measureText.textContent = measure.points.length > 1 ?
        Math.round(measure.km).toLocaleString("en") + " km" :
        (measure.on ? "click two points" : "");
    }
    var measureText = el("span", "mm-measure-text");
    var measureControl = L.control({position: "topleft"});
    measureControl.onAdd = function () {
      var box = el("div", "mm-measure leaflet-bar");
      var button = el("button", "mm-measure-button", "\u2194 km");
      button.type = "button";
      button.title = "Measure a distance (great circle): click points on the map";
      button.addEventListener("click", function () {
        measure.on = !measure.on;
        measure.points = [];
        box.classList.toggle("mm-measure-on", measure.on);
        map.getContainer().classList.toggle("mm-measuring", measure.on);
        drawMeasure();
      });
      box.appendChild(button);
      box.appendChild(measureText);
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    measureControl.addTo(map);
    // on the container, not the map: a click on a region or a route is the layer's alone
    map.getContainer().addEventListener("click", function (e) {
      if (!measure.on || (e.target.closest && e.target.closest(".leaflet-control"))) return;
      measure.points.push(map.mouseEventToLatLng(e));
      drawMeasure();
      map.closePopup();
    });

    /* -- the timeline under the map: units as rows, legs and stations as bars -----------
     * The briefing chart of `movemap export --chart timeline`, drawn from the page's data as
     * SVG (no request, nothing the policy forbids): a leg is a bar from departure to arrival
     * in its mode's colour and its status's pattern, a station a thinner bar in its status's
     * colour (an open one to the slider's end). A line marks the slider's day and moves with
     * it; a bar, clicked or chosen with Enter, moves the slider to its first day. The bars
     * are one stop for the keyboard: arrow keys go from bar to bar, each read out by name. */
    var CHART_MOST = 2000;  /* bars; a bigger dataset gets a note and the export's command */
    var chart = (function () {
      var ns = "http://www.w3.org/2000/svg";
      var ROW = 22, AXIS = 20, LABELS = 170;
      var section = el("section", "mm-chart");
      section.setAttribute("aria-label", "Timeline");
      var head = el("div", "mm-chart-head");
      var toggle = el("button", "mm-chart-toggle", "Timeline \u25be");
      toggle.type = "button";
      toggle.setAttribute("aria-expanded", "true");
      toggle.setAttribute("aria-controls", "mm-chart-body");
      head.appendChild(toggle);
      var help = el("span", "mm-chart-help",
                    "Units over time: legs (upper bars) and stations. A bar moves the date " +
                    "to its start (click, or arrow keys and Enter).");
      help.id = "mm-chart-help";
      head.appendChild(help);
      section.appendChild(head);
      var body = el("div", "mm-chart-body");
      body.id = "mm-chart-body";
      section.appendChild(body);

      var first = data.range[0], end = data.range[1] + 1;
      var bars = [];
      data.legs.forEach(function (leg) {
        var style = data.styles[leg.s];
        var from = leg.d[D.departure], to = Math.max(leg.d[D.arrival], from + 1);
        bars.push({u: leg.u, from: from, to: to, upper: true, fill: style.color,
                   dash: data.statuses[style.status].dash, opacity: style.opacity,
                   id: s[leg.id], name: unitName(leg.u) + ": " + s[leg.t[LT.origins]] +
                     " to " + s[leg.t[LT.destination]] + " by " + s[leg.t[LT.mode]] + ", " +
                     s[leg.t[LT.start]] + (s[leg.t[LT.end]] ? " to " + s[leg.t[LT.end]] : "") +
                     (leg.e ? " (arrival estimated)" : "") + ", " + s[leg.t[LT.status]]});
      });
      data.stations.forEach(function (station) {
        var look = data.statuses[station.k];
        var last = station.w[W.last];
        bars.push({u: station.u, from: station.w[W.first],
                   to: last === null ? end : last + 1, upper: false, fill: look.colour,
                   dash: stationDash(station.k), opacity: look.dash ? 0.55 : 0.9,
                   id: s[station.id], name: unitName(station.u) + ": at " +
                     s[station.t[ST.place]] + " from " + s[station.t[ST.start]] +
                     (s[station.t[ST.end]] ? " until " + s[station.t[ST.end]] : ", open") +
                     ", " + s[station.t[ST.status]]});
      });
      var rows = [];
      data.units.forEach(function (unit, u) {
        if (bars.some(function (b) { return b.u === u; })) rows.push(u);
      });
      if (bars.some(function (b) { return b.u < 0; })) rows.push(-1);
      var rowOf = {};
      rows.forEach(function (u, n) { rowOf[u] = n; });
      bars.forEach(function (b) { b.row = rowOf[b.u]; });
      bars.sort(function (a, b) {
        return a.row - b.row || a.from - b.from || (a.upper ? 0 : 1) - (b.upper ? 0 : 1);
      });

      var svg = null, marker = null, current = 0, width = 0;
      function x(day) { return LABELS + (day - first) / (end - first) * (width - LABELS - 12); }
      function node(tag, attributes, parent) {
        var n = document.createElementNS(ns, tag);
        Object.keys(attributes).forEach(function (k) {
          if (attributes[k] !== null && attributes[k] !== undefined) n.setAttribute(k, attributes[k]);
        });
        if (parent) parent.appendChild(n);
        return n;
      }
      function ticks() {
        var span = end - first, out = [], day, date;
        if (span > 100) {
          date = new Date(first * DAY_MS);
          date = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
          for (day = date / DAY_MS; day < end;) {
            out.push([day, dayText(day).slice(0, 7)]);
            date = new Date(day * DAY_MS);
            day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS;
          }
        } else {
          var step = span > 21 ? 7 : 1;
          for (day = first; day < end; day += step) out.push([day, dayText(day).slice(5)]);
        }
        return out;
      }
      function choose(bar) {
        goTo(bar.from);
      }
      function focusBar(n) {
        var nodes = svg.querySelectorAll(".mm-chart-bar");
        if (!nodes.length) return;
        n = Math.max(0, Math.min(nodes.length - 1, n));
        nodes[current].setAttribute("tabindex", "-1");
        nodes[n].setAttribute("tabindex", "0");
        nodes[n].focus();
        current = n;
      }
      function nearestInRow(row) {
        var here = bars[current], best = -1;
        bars.forEach(function (b, n) {
          if (b.row === row && (best < 0 || Math.abs(b.from - here.from) <
                                Math.abs(bars[best].from - here.from))) best = n;
        });
        return best;
      }
      function draw() {
        while (body.firstChild) body.removeChild(body.firstChild);
        svg = null; marker = null;
        if (bars.length > CHART_MOST) {
          body.appendChild(el("p", "mm-chart-note", bars.length.toLocaleString("en") +
            " legs and stations are too many to chart here; `movemap export DATASET " +
            "--chart timeline -o timeline.svg` draws them all."));
          return;
        }
        width = Math.max(body.clientWidth, 360);
        var height = AXIS + rows.length * ROW + 4;
        svg = node("svg", {"class": "mm-chart-svg", width: String(width), height: String(height),
                           role: "group", "aria-label": "Timeline of " + rows.length +
                           (rows.length === 1 ? " unit" : " units"),
                           "aria-describedby": "mm-chart-help"}, body);
        var grid = node("g", {"class": "mm-chart-grid", "aria-hidden": "true"}, svg);
        var last = -Infinity;
        ticks().forEach(function (t) {
          var at = x(t[0]);
          if (at - last < 52) return;
          last = at;
          node("line", {x1: at, x2: at, y1: AXIS - 4, y2: height}, grid);
          node("text", {x: at + 2, y: AXIS - 7}, grid).textContent = t[1];
        });
        var names = node("g", {"class": "mm-chart-units", "aria-hidden": "true"}, svg);
        rows.forEach(function (u, n) {
          var y = AXIS + n * ROW;
          if (n % 2) node("rect", {x: 0, y: y, width: width, height: ROW, "class": "mm-chart-band"}, names);
          var name = u >= 0 ? unitName(u) : "(no unit)";
          var text = node("text", {x: 4, y: y + ROW / 2 + 4}, names);
          text.textContent = name.length > 26 ? name.slice(0, 25) + "\u2026" : name;
          node("title", {}, text).textContent = name;
        });
        var group = node("g", {"class": "mm-chart-bars"}, svg);
        bars.forEach(function (b, n) {
          var y = AXIS + b.row * ROW + (b.upper ? 3 : 14);
          var rect = node("rect", {
            x: x(b.from).toFixed(2), y: y, height: b.upper ? 9 : 5,
            width: Math.max(2, x(b.to) - x(b.from)).toFixed(2),
            fill: b.fill, "fill-opacity": b.opacity, stroke: "#222",
            "stroke-width": b.upper ? 1 : 0.8, "stroke-dasharray": b.dash,
            "class": "mm-chart-bar", role: "button", tabindex: n === current ? "0" : "-1",
            "aria-label": b.name, "data-id": b.id
          }, group);
          node("title", {}, rect).textContent = b.name;
          rect.addEventListener("click", function () { current = n; focusBar(n); choose(b); });
        });
        marker = node("line", {"class": "mm-chart-day", y1: AXIS - 4, y2: height,
                               "aria-hidden": "true"}, svg);
        mark();
      }
      function mark() {
        if (!marker) return;
        var at = x(state.day + 0.5).toFixed(2);
        marker.setAttribute("x1", at);
        marker.setAttribute("x2", at);
        marker.style.display = state.all ? "none" : "";
      }
      body.addEventListener("keydown", function (event) {
        if (!svg || !event.target.classList ||
            !event.target.classList.contains("mm-chart-bar")) return;
        var row = bars[current].row, n = -1;
        if (event.key === "ArrowRight") n = current + 1;
        else if (event.key === "ArrowLeft") n = current - 1;
        else if (event.key === "ArrowDown") n = nearestInRow(row + 1);
        else if (event.key === "ArrowUp") n = nearestInRow(row - 1);
        else if (event.key === "Home") n = 0;
        else if (event.key === "End") n = bars.length - 1;
        else if (event.key === "Enter" || event.key === " ") { choose(bars[current]); }
        else return;
        if (n >= 0) focusBar(n);
        event.preventDefault();
        event.stopPropagation();
      });
      function fit() {
        page.style.setProperty("--mm-chart-h", section.offsetHeight + "px");
        map.invalidateSize();
      }
      toggle.addEventListener("click", function () {
        var hidden = section.classList.toggle("mm-chart-closed");
        toggle.textContent = hidden ? "Timeline \u25b8" : "Timeline \u25be";
        toggle.setAttribute("aria-expanded", hidden ? "false" : "true");
        if (!hidden) draw();
        fit();
      });
      var resizing = null;
      window.addEventListener("resize", function () {
        clearTimeout(resizing);
        resizing = setTimeout(function () { draw(); fit(); }, 150);
      });
      page.insertBefore(section, main.nextSibling);
      draw();
      fit();
      return {mark: mark, bars: bars};
    })();

    showPlaces();
    apply();
    window.movemap.state = state;
    window.movemap.map = map;
    window.movemap.measuredKm = function () { return measure.km; };
    window.movemap.placeLabels = function () {
      return placeLayer.getLayers().map(function (m) {
        return m.getElement() ? m.getElement().textContent : "";
      });
    };
    window.movemap.apply = apply;
    window.movemap.visibleLegs = function () {
      return legLayers.filter(function (i) { return i.shown; })
        .map(function (i) { return s[i.leg.id]; });
    };
    window.movemap.visibleStations = function () {
      return stationLayers.filter(function (i) { return i.shown; })
        .map(function (i) { return s[i.station.id]; });
    };
    window.movemap.movingUnits = function () {
      return Object.keys(movingMarkers).map(function (i) { return unitName(data.legs[i].u); });
    };
    window.movemap.data = data;
    /* Zoom to a leg by its id (for links from reports, and for tests). */
    window.movemap.focusLeg = function (id) {
      var item = legLayers.filter(function (i) { return s[i.leg.id] === id; })[0];
      if (item && item.shown) map.fitBounds(item.layer.getBounds(), {animate: false, padding: [80, 80]});
      return Boolean(item);
    };
    window.movemapReady = true;
  }

  window.movemap = {init: init, escapeHtml: escapeHtml};
})();
