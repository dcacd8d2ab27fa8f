// Suggestions for the service search, as a native <datalist> tied to the
// search input. Progressive enhancement: without this file (or without
// JavaScript) the search works the same, only without suggestions.
(function () {
  "use strict";
  var input = document.querySelector("input[data-suggest]");
  if (!input || !window.fetch) {
    return;
  }
  var endpoint = input.getAttribute("data-suggest");
  var status = document.getElementById(input.getAttribute("data-suggest-status"));
  var countText = input.getAttribute("data-suggest-count") || "%d";
  var list = document.createElement("datalist");
  list.id = input.id + "-suggestions";
  input.parentNode.appendChild(list);
  input.setAttribute("list", list.id);

  var timer = null;
  var last = "";
  var pending = null;

  function fill(items, query) {
    if (query !== input.value.trim()) {
      return; // an older answer arrived after a newer question
    }
    list.textContent = "";
    items.forEach(function (text) {
      var option = document.createElement("option");
      option.value = text;
      list.appendChild(option);
    });
    if (status) {
      status.textContent = items.length ? countText.replace("%d", items.length) : "";
    }
  }

  function update() {
    var query = input.value.trim();
    if (query === last) {
      return;
    }
    last = query;
    if (query.length < 2) {
      fill([], query);
      return;
    }
    if (pending) {
      pending.abort();
    }
    pending = window.AbortController ? new AbortController() : null;
    fetch(endpoint + "?q=" + encodeURIComponent(query), {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      signal: pending ? pending.signal : undefined
    })
      .then(function (res) { return res.ok ? res.json() : []; })
      .then(function (items) { fill(Array.isArray(items) ? items : [], query); })
      .catch(function () { /* aborted or offline: keep the old list */ });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 200);
  });
})();
