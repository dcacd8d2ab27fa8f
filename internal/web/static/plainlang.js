// The live plain-language check under text fields. Progressive
// enhancement: without this file (or without JavaScript) the forms work
// the same; the catalogue editor's preview and the page /amt/sprache show
// the full report.
//
// Contract for templates: a <textarea> with the attribute data-plainlang
// gets the check; add data-plainlang-easy for a text in Leichte Sprache.
// With the form partials write
//   {{template "textarea" (.Form.Field "reply" "label.key").WithPlainLang}}
// (or .WithEasyLanguage); a hand-written textarea takes the attributes
// itself. The textarea needs an id. The script asks
// POST /api/v1/plain-language/check after a pause in typing and shows the
// verdict and scores in a polite live region under the field, and the
// three most pressing findings below it (not live, so screen readers
// hear one line). Texts come translated from the API, in the page's
// language; no state-changing request is made, so no CSRF token is
// needed (the server's cross-origin check passes same-origin fetches).
(function () {
  "use strict";
  var fields = document.querySelectorAll("textarea[data-plainlang]");
  if (!fields.length || !window.fetch || !window.JSON) {
    return;
  }
  var rank = { strong: 0, warning: 1, info: 2 };
  var lang = document.documentElement.lang || "de";

  function attach(field) {
    var box = document.createElement("div");
    box.className = "app-plainlang";
    box.id = field.id + "-plainlang";
    box.style.minHeight = "4.5rem"; // room for the report: no jump when it arrives
    var live = document.createElement("p");
    live.className = "kern-body kern-body--small";
    live.setAttribute("aria-live", "polite");
    var list = document.createElement("ul");
    list.className = "kern-list kern-body--small";
    box.appendChild(live);
    box.appendChild(list);
    var wrapper = field.closest(".kern-form-input") || field.parentNode;
    wrapper.parentNode.insertBefore(box, wrapper.nextSibling);

    var timer = null;
    var last = null;
    var pending = null;

    function show(report, text) {
      if (text !== field.value) {
        return; // an older answer arrived after newer typing
      }
      live.textContent = "";
      var strong = document.createElement("strong");
      strong.textContent = report.verdict_label;
      live.appendChild(strong);
      live.appendChild(document.createTextNode(": " + report.summary + (report.note ? " " + report.note : "")));
      list.textContent = "";
      report.findings.slice().sort(function (a, b) {
        return (rank[a.severity] - rank[b.severity]) || (a.start - b.start);
      }).slice(0, 3).forEach(function (f) {
        var li = document.createElement("li");
        var msg = document.createElement("strong");
        msg.textContent = f.message;
        var excerpt = document.createElement("span");
        excerpt.lang = "de";
        excerpt.textContent = "„" + f.excerpt + "“";
        li.appendChild(msg);
        li.appendChild(document.createTextNode(": "));
        li.appendChild(excerpt);
        li.appendChild(document.createTextNode(" – " + f.suggestion));
        list.appendChild(li);
      });
      // Grow, never shrink, while the field is in use: no layout jumps.
      box.style.minHeight = Math.max(box.offsetHeight, parseFloat(box.style.minHeight) || 0) + "px";
    }

    function clear() {
      live.textContent = "";
      list.textContent = "";
    }

    function check() {
      var text = field.value;
      if (text === last) {
        return;
      }
      last = text;
      if (!text.trim()) {
        clear();
        return;
      }
      if (pending) {
        pending.abort();
      }
      pending = window.AbortController ? new AbortController() : null;
      fetch("/api/v1/plain-language/check", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        credentials: "same-origin",
        body: JSON.stringify({ text: text, easy: field.hasAttribute("data-plainlang-easy"), lang: lang }),
        signal: pending ? pending.signal : undefined
      })
        .then(function (res) { return res.ok ? res.json() : null; })
        .then(function (report) { if (report) { show(report, text); } })
        .catch(function () { /* aborted or offline: keep the last report */ });
    }

    field.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(check, 600);
    });
    if (field.value.trim()) {
      check();
    }
  }

  for (var i = 0; i < fields.length; i++) {
    if (fields[i].id) {
      attach(fields[i]);
    }
  }
})();
