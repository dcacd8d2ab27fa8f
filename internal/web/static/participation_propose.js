// Proposing an idea: while the title is typed, show similar ideas that
// already exist, so that people support them instead of writing the same
// again. Only an enhancement: without this file the form shows similar
// ideas in a step after the first "continue".
(function () {
  "use strict";
  var box = document.getElementById("live-similar");
  var title = document.getElementById("field-title");
  if (!box || !title || !window.fetch) {
    return;
  }
  var space = box.getAttribute("data-space");
  var timer = null;
  var last = "";
  function render(items) {
    box.textContent = "";
    if (!items.length) {
      box.hidden = true;
      return;
    }
    var h = document.createElement("h2");
    h.className = "kern-heading-small";
    h.textContent = box.getAttribute("data-heading");
    var ul = document.createElement("ul");
    ul.className = "kern-list";
    items.forEach(function (it) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.className = "kern-link";
      a.href = "/ideen/" + it.id;
      a.lang = "de";
      a.textContent = it.title;
      li.appendChild(a);
      li.appendChild(document.createTextNode(" – " + box.getAttribute("data-supports").replace("%d", it.supports)));
      ul.appendChild(li);
    });
    box.appendChild(h);
    box.appendChild(ul);
    box.hidden = false;
  }
  function ask() {
    var q = title.value.trim();
    if (q === last) {
      return;
    }
    last = q;
    if (q.length < 4) {
      render([]);
      return;
    }
    fetch("/api/v1/ideas/similar?space=" + encodeURIComponent(space) + "&q=" + encodeURIComponent(q), {credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : {items: []}; })
      .then(function (d) { if (title.value.trim() === q) { render(d.items || []); } })
      .catch(function () {});
  }
  title.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 350);
  });
})();
