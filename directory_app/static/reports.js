/* Gap map: draws the areas listed in the page's JSON as Leaflet circle markers.
   Progressive enhancement only: every figure is also in the table under the map. */
(function () {
  "use strict";
  var container = document.getElementById("report-map");
  var source = document.getElementById("report-map-data");
  if (!container || !source || typeof L === "undefined") { return; }

  var data = JSON.parse(source.textContent);
  var areas = data.areas || [];
  var landmarks = data.landmarks || [];
  var MAX_RADIUS = { lsoa: 13, ward: 24, district: 30 };
  var MIN_RADIUS = 4;

  function text(tag, className, value) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    el.textContent = value;
    return el;
  }

  function count(value) { return value === null || value === undefined ? "none" : String(value); }

  function popup(area) {
    var box = document.createElement("div");
    var title = document.createElement("p");
    title.className = "app-map-popup__title";
    var link = text("a", "", area.name);
    link.href = area.url;
    title.appendChild(link);
    box.appendChild(title);
    var facts = document.createElement("ul");
    facts.className = "app-map-popup__facts";
    [
      "Residents: " + (area.population === null ? "not known" : area.population.toLocaleString("en-GB")),
      "IMD decile: " + (area.imd_decile === null ? "not known" : area.imd_decile) + " (1 = most deprived)",
      "Services within reach: " + area.local,
      "Nearest: " + (area.nearest === null ? "none listed" : area.nearest.toFixed(1) + " km"),
      "Remote options: " + area.remote,
      "Requests: " + count(area.requests) + ", unmet: " + count(area.unmet),
      "Priority: " + area.priority.toFixed(2) + " (" + area.band_label.toLowerCase() + ")"
    ].forEach(function (line) { facts.appendChild(text("li", "", line)); });
    box.appendChild(facts);
    return box;
  }

  // The fallback message is for pages without JavaScript; Leaflet takes over the box from here.
  while (container.firstChild) { container.removeChild(container.firstChild); }

  var map = L.map(container, { scrollWheelZoom: false, zoomSnap: 0.25, fadeAnimation: false });
  map.attributionControl.addAttribution("Areas: ONS, IoD 2025 (OGL v3)");
  var tileUrl = container.getAttribute("data-tile-url");
  if (tileUrl) {
    L.tileLayer(tileUrl, { attribution: container.getAttribute("data-tile-attribution") || "", maxZoom: 18 }).addTo(map);
  }

  var biggest = Math.max.apply(null, areas.map(function (a) { return a.population || 0; }).concat([1]));
  var maxRadius = MAX_RADIUS[data.area_type] || 14;
  function radius(population) {
    var share = population ? population / biggest : 0.5;
    return Math.max(MIN_RADIUS, maxRadius * Math.sqrt(share));
  }

  var bounds = [];
  areas.slice().sort(function (a, b) { return (b.population || 0) - (a.population || 0); })
    .forEach(function (area) {
      var marker = L.circleMarker([area.lat, area.lng], {
        radius: radius(area.population),
        className: "app-map-area app-band-fill--" + area.band
      });
      marker.bindPopup(popup(area));
      if (data.area_type !== "lsoa") {
        marker.bindTooltip(area.short_name, { permanent: true, direction: "right", className: "app-map-label", offset: [radius(area.population), 0] });
      }
      marker.addTo(map);
      bounds.push([area.lat, area.lng]);
    });

  // Ward names give a sense of place when there is no background map.
  landmarks.forEach(function (place) {
    var label = text("span", "", place.name);
    L.marker([place.lat, place.lng], {
      icon: L.divIcon({ className: "app-map-landmark", html: label, iconSize: null }),
      interactive: false, keyboard: false
    }).addTo(map);
  });

  if (bounds.length) { map.fitBounds(bounds, { paddingTopLeft: [32, 32], paddingBottomRight: [96, 40] }); }
  else { map.setView([53.42, -2.33], 11); }
}());
