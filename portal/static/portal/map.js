// The list/map toggle of the search page. Without JavaScript the button stays
// hidden and the list is all there is; without tiles the markers still show.
document.querySelectorAll("[data-results-map]").forEach((section) => {
  const button = section.querySelector("[data-map-toggle]");
  const container = section.querySelector("[data-map]");
  const markers = JSON.parse(document.getElementById("results-map-markers").textContent);
  let map = null;
  button.hidden = false;
  button.addEventListener("click", () => {
    const show = container.hidden;
    container.hidden = !show;
    button.setAttribute("aria-expanded", String(show));
    button.textContent = show ? section.dataset.hideLabel : section.dataset.showLabel;
    if (show && map === null) {
      map = drawMap(container, markers, section.dataset.tiles, section.dataset.attribution);
      showAllMarkers(section, map);
    }
  });
});

// The page embeds only its own results; all of them come from the server, and if they cannot, the page's stay.
function showAllMarkers(section, map) {
  if (!section.dataset.allMarkers) return;
  fetch(section.dataset.allMarkers)
    .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
    .then((body) => {
      if (!body.markers.length) return;
      map.eachLayer((layer) => layer instanceof L.MarkerClusterGroup && map.removeLayer(layer));
      addMarkers(map, body.markers);
      section.dataset.markerCount = String(body.markers.length);
      if (body.truncated) {
        const note = section.querySelector("[data-map-note]");
        note.textContent = section.dataset.truncatedLabel
          .replace("%(shown)s", body.markers.length)
          .replace("%(total)s", body.total);
        note.hidden = false;
      }
    })
    .catch(() => {});
}

function drawMap(container, markers, tileUrl, attribution) {
  // maxZoom on the map itself: clustering needs it even when no tile layer is configured.
  const map = L.map(container, { maxZoom: 19 });
  if (tileUrl) {
    L.tileLayer(tileUrl, { attribution: attribution, maxZoom: 19 }).addTo(map);
  }
  addMarkers(map, markers);
  return map;
}

function addMarkers(map, markers) {
  const cluster = L.markerClusterGroup();
  markers.forEach((item) => {
    const marker = L.marker([item.lat, item.lng], { title: item.title, alt: item.title });
    marker.bindPopup(() => popup(item));
    cluster.addLayer(marker);
  });
  map.addLayer(cluster);
  map.fitBounds(cluster.getBounds(), { padding: [30, 30], maxZoom: 16 });
}

function popup(item) {
  // Built from DOM nodes, never from HTML strings: titles are editors' text.
  const box = document.createElement("div");
  const link = document.createElement("a");
  link.href = item.url;
  link.textContent = item.title;
  const place = document.createElement("div");
  place.textContent = item.place;
  box.append(link, place);
  return box;
}
