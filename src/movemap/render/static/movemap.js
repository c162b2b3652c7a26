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
          renderer: renderer, radius: station.r, color: "#222", weight: 1,
          fillColor: data.statuses[station.k].colour, fillOpacity: 0.75,
          className: "mm-station mm-status-" + station.k
        });
      }
      layer.movemapIndex = index;
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
    var state = {day: data.day, all: true};

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
      allBox.checked = state.all;
    }

    var control = L.control({position: "bottomleft"});
    var label, slider, allBox, playButton, speed;
    control.onAdd = function () {
      var box = el("div", "mm-time leaflet-bar");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var top = el("div", "mm-time-row");
      playButton = el("button", "mm-play", "\u25b6");
      playButton.type = "button";
      playButton.title = "Play / pause";
      label = el("span", "mm-day");
      var allLabel = el("label", "mm-all");
      allBox = el("input");
      allBox.type = "checkbox";
      allLabel.appendChild(allBox);
      allLabel.appendChild(document.createTextNode(" show all dates"));
      speed = el("select", "mm-speed");
      [[1, "1 day/s"], [3, "3 days/s"], [7, "1 week/s"], [30, "1 month/s"]].forEach(function (o) {
        var option = el("option", null, o[1]);
        option.value = String(o[0]);
        speed.appendChild(option);
      });
      speed.value = "3";
      top.appendChild(playButton);
      top.appendChild(label);
      top.appendChild(allLabel);
      top.appendChild(speed);
      slider = el("input", "mm-slider");
      slider.type = "range";
      slider.min = String(data.range[0]);
      slider.max = String(data.range[1]);
      slider.step = "1";
      box.appendChild(top);
      box.appendChild(slider);
      var ends = el("div", "mm-time-row mm-ends");
      ends.appendChild(el("span", null, dayText(data.range[0])));
      ends.appendChild(el("span", null, dayText(data.range[1])));
      box.appendChild(ends);
      slider.addEventListener("input", function () {
        state.day = Number(slider.value);
        state.all = false;
        apply();
      });
      allBox.addEventListener("change", function () { state.all = allBox.checked; apply(); });
      var timer = null;
      playButton.addEventListener("click", function () {
        if (timer) { clearInterval(timer); timer = null; playButton.textContent = "\u25b6"; return; }
        state.all = false;
        if (state.day >= data.range[1]) state.day = data.range[0];
        playButton.textContent = "\u275a\u275a";
        timer = setInterval(function () {
          var step = Math.max(1, Math.round(Number(speed.value) / 4));
          state.day = Math.min(data.range[1], state.day + step);
          apply();
          if (state.day >= data.range[1]) {
            clearInterval(timer); timer = null; playButton.textContent = "\u25b6";
          }
        }, 250);
      });
      return box;
    };
    control.addTo(map);

    /* -- title and legend ------------------------------------------------------------ */
    var title = L.control({position: "topleft"});
    title.onAdd = function () {
      var box = el("div", "mm-title");
      box.appendChild(el("div", "mm-title-text", data.title));
      if (data.asOf) box.appendChild(el("div", "mm-as-of", "Data as of " + data.asOf));
      return box;
    };
    title.addTo(map);

    var legend = L.control({position: "bottomright"});
    legend.onAdd = function () {
      var box = el("div", "mm-legend");
      L.DomEvent.disableScrollPropagation(box);
      L.DomEvent.disableClickPropagation(box);
      var head = el("button", "mm-legend-toggle", "Legend ▾");
      head.type = "button";
      head.addEventListener("click", function () {
        var hidden = box.classList.toggle("mm-legend-closed");
        head.textContent = hidden ? "Legend ▸" : "Legend ▾";
      });
      box.appendChild(head);
      var body = el("div", "mm-legend-body");
      box.appendChild(body);
      function section(name) {
        body.appendChild(el("div", "mm-legend-head", name));
        var grid = el("div", "mm-legend-grid");
        body.appendChild(grid);
        return grid;
      }
      var modes = section("Mode");
      Object.keys(data.modes).forEach(function (mode) {
        var row = el("div", "mm-legend-row");
        var swatch = el("span", "mm-swatch");
        swatch.style.background = data.modes[mode];
        row.appendChild(swatch);
        row.appendChild(el("span", null, mode));
        modes.appendChild(row);
      });
      var statuses = section("Status (line, station)");
      var ns = "http://www.w3.org/2000/svg";
      Object.keys(data.statuses).forEach(function (status) {
        var row = el("div", "mm-legend-row");
        var svg = document.createElementNS(ns, "svg");
        svg.setAttribute("width", "26");
        svg.setAttribute("height", "10");
        var line = document.createElementNS(ns, "line");
        line.setAttribute("x1", "1"); line.setAttribute("y1", "5");
        line.setAttribute("x2", "25"); line.setAttribute("y2", "5");
        line.setAttribute("stroke", "#333");
        line.setAttribute("stroke-width", "3");
        if (data.statuses[status].dash) line.setAttribute("stroke-dasharray", data.statuses[status].dash);
        svg.appendChild(line);
        var dot = el("span", "mm-dot");
        dot.style.background = data.statuses[status].colour;
        row.appendChild(svg);
        row.appendChild(dot);
        row.appendChild(el("span", null, status));
        statuses.appendChild(row);
      });
      var marks = section("Marks");
      marks.classList.add("mm-legend-wide");
      [["mm-key-faint", "faint: dates uncertain that day"],
       ["mm-key-approx", "thin: partly a great circle"],
       ["mm-key-moving", "unit under way"],
       ["mm-key-station", "station, sized by strength"]].forEach(function (pair) {
        var row = el("div", "mm-legend-row");
        row.appendChild(el("span", "mm-key " + pair[0]));
        row.appendChild(el("span", null, pair[1]));
        marks.appendChild(row);
      });
      if (data.symbols.length) {
        var row = el("div", "mm-legend-row");
        var sample = el("span", "mm-key-symbol");
        sample.innerHTML = data.symbols[0].svg;  /* drawn by milsymbol from a checked SIDC */
        row.appendChild(sample);
        row.appendChild(el("span", null, "unit symbol (MIL-STD-2525)"));
        marks.appendChild(row);
      }
      return box;
    };
    legend.addTo(map);

    apply();
    window.movemap.state = state;
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
