// Progressive enhancements; every page works without this file.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});

// "Near me": the browser's position fills the search form's point, then the search runs sorted by distance.
document.querySelectorAll("[data-near]").forEach((fieldset) => {
  const button = fieldset.querySelector("[data-geolocate]");
  const place = fieldset.querySelector("[data-near-place]");
  if (!("geolocation" in navigator)) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const form = fieldset.closest("form");
        fieldset.querySelector("[data-near-lat]").value = position.coords.latitude.toFixed(5);
        fieldset.querySelector("[data-near-lng]").value = position.coords.longitude.toFixed(5);
        fieldset.querySelectorAll("[disabled]").forEach((field) => (field.disabled = false));
        place.value = "";
        const nearest = form.querySelector("[data-near-sort]");
        nearest.disabled = false;
        nearest.selected = true;
        form.requestSubmit();
      },
      () => (fieldset.querySelector("[data-geolocate-error]").hidden = false),
    );
  });
});

// Suggestions while typing (WAI-ARIA combobox with a listbox): arrows move, Enter opens, Escape closes.
// Without JavaScript the box is a plain search field.
document.querySelectorAll("input[data-autocomplete]").forEach((input, index) => {
  const list = document.createElement("ul");
  const status = document.createElement("p");
  const types = { category: input.dataset.labelCategory, opportunity: "", organization: input.dataset.labelOrganization };
  let active = -1;
  let pending = null;
  let timer = null;

  list.id = `search-suggestions-${index}`;
  list.className = "search-suggestions list-unstyled";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", input.dataset.labelList);
  list.hidden = true;
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  input.autocomplete = "off";
  input.parentElement.after(list, status);

  const options = () => [...list.querySelectorAll("[role=option]")];
  const close = () => {
    list.hidden = true;
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };
  const highlight = (next) => {
    const all = options();
    if (!all.length) return;
    active = (next + all.length) % all.length;
    all.forEach((option, position) => option.setAttribute("aria-selected", String(position === active)));
    input.setAttribute("aria-activedescendant", all[active].id);
  };
  const show = (suggestions) => {
    list.replaceChildren(
      ...suggestions.map((suggestion, position) => {
        const option = document.createElement("li");
        option.id = `${list.id}-${position}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.url = suggestion.url;
        option.textContent = suggestion.label;
        if (types[suggestion.type]) {
          const kind = document.createElement("span");
          kind.className = "text-muted small ms-2";
          kind.textContent = types[suggestion.type];
          option.append(kind);
        }
        option.addEventListener("mousedown", (event) => event.preventDefault()); // Keeps the focus in the box.
        option.addEventListener("click", () => window.location.assign(suggestion.url));
        return option;
      }),
    );
    list.hidden = !suggestions.length;
    input.setAttribute("aria-expanded", String(suggestions.length > 0));
    status.textContent = suggestions.length ? input.dataset.labelCount.replace("%s", suggestions.length) : "";
    active = -1;
  };
  const fetchSuggestions = () => {
    const text = input.value.trim();
    if (pending) pending.abort();
    if (text.length < 2) return close();
    pending = new AbortController();
    fetch(`${input.dataset.autocomplete}?${new URLSearchParams({ q: text })}`, { signal: pending.signal })
      .then((response) => (response.ok ? response.json() : { suggestions: [] }))
      .then((body) => show(body.suggestions))
      .catch(() => {}); // A failed suggestion never gets in the way of typing and searching.
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 200);
  });
  input.addEventListener("keydown", (event) => {
    if (list.hidden) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      highlight(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.assign(options()[active].dataset.url);
    } else if (event.key === "Escape") {
      event.preventDefault(); // A search field would also clear what was typed.
      close();
    }
  });
  input.addEventListener("blur", close);
});
