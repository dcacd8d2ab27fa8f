// Office pages: the print button of a ticket just handed out, and the
// live update of the waiting-room display. Both only enhance: without
// this file the ticket is read out by the staff and the display reloads
// itself (a <noscript> refresh).
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  var root = document.querySelector("[data-display]");
  if (!root || !window.fetch) {
    return;
  }
  var live = root.querySelector("[data-display-live]");
  var url = root.getAttribute("data-display");
  var text = {
    counter: root.getAttribute("data-text-counter"),
    waiting: root.getAttribute("data-text-waiting"),
    empty: root.getAttribute("data-text-empty")
  };
  // The state shown, so an unchanged answer does not make screen
  // readers announce the list again.
  var shown = root.getAttribute("data-display-state");

  function element(tag, className, content) {
    var el = document.createElement(tag);
    el.className = className;
    if (content !== undefined) {
      el.textContent = content;
    }
    return el;
  }

  function state(data) {
    return data.called.map(function (c) { return c.label + "@" + c.counter; }).join("|") + "#" + data.waiting;
  }

  function call(c) {
    var li = element("li", "app-display__call");
    var arrow = element("span", "app-display__arrow", "→");
    arrow.setAttribute("aria-hidden", "true");
    li.appendChild(element("span", "app-display__label", c.label));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(arrow);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(element("span", "app-display__counter", text.counter.replace("{n}", c.counter)));
    return li;
  }

  function render(data) {
    var now = state(data);
    if (now === shown) {
      return;
    }
    shown = now;
    var parts = document.createDocumentFragment();
    if (data.called.length) {
      var list = element("ol", "app-display__list");
      data.called.forEach(function (c) { list.appendChild(call(c)); });
      parts.appendChild(list);
    } else {
      parts.appendChild(element("p", "app-display__empty", text.empty));
    }
    parts.appendChild(element("p", "app-display__waiting", text.waiting.replace("{n}", data.waiting)));
    live.textContent = "";
    live.appendChild(parts);
  }

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, cache: "no-store", credentials: "same-origin" })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (data) {
        if (data && Array.isArray(data.called)) {
          render(data);
        }
      })
      .catch(function () { /* offline for a moment: keep showing the last state */ });
  }

  window.setInterval(poll, 3000);
})();
