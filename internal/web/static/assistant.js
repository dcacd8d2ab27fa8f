// "Frag die Stadt": optional enhancement of the conversation page. Without
// this file the forms post and the page reloads at the new answer.
//
// 1. After a reload at #antwort-N, focus that answer's heading, so a
//    screen reader starts reading there.
// 2. A follow-up question is sent to the JSON API; the new answer is taken
//    from the conversation page as the server renders it (translated, with
//    its sources and forms), appended, announced and focused. Anything
//    unexpected (an error, a new conversation, no network) falls back to
//    the plain form post.
(function () {
  "use strict";

  function focusHeading(id) {
    var h = document.getElementById(id);
    if (h) {
      h.focus();
    }
  }

  function announce(text) {
    var status = document.getElementById("assistant-status");
    if (status) {
      status.textContent = text;
    }
  }

  function turnFrom(html, turn) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    return doc.getElementById("antwort-" + turn + "-turn");
  }

  function ask(form, event) {
    var list = document.getElementById("antworten");
    var field = form.querySelector("textarea[name=question]");
    var conv = form.querySelector("input[name=conversation]");
    if (!list || !field || !conv || !window.fetch || !window.DOMParser) {
      return; // the plain post
    }
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    var fallback = function () {
      button.disabled = false;
      form.submit();
    };
    fetch("/api/v1/assistant/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ question: field.value, conversation_id: conv.value, lang: document.documentElement.lang })
    }).then(function (res) {
      if (!res.ok) {
        throw new Error("status " + res.status);
      }
      return res.json();
    }).then(function (answer) {
      if (answer.conversation_id !== conv.value) {
        window.location.assign("/frag-die-stadt/" + encodeURIComponent(answer.conversation_id) + "#antwort-" + answer.turn);
        return null;
      }
      return fetch(window.location.pathname, { credentials: "same-origin" }).then(function (res) {
        if (!res.ok) {
          throw new Error("status " + res.status);
        }
        return res.text();
      }).then(function (html) {
        var article = turnFrom(html, answer.turn);
        if (!article) {
          throw new Error("no turn " + answer.turn);
        }
        list.appendChild(document.importNode(article, true));
        field.value = "";
        button.disabled = false;
        var heading = document.getElementById("antwort-" + answer.turn);
        announce(heading ? heading.textContent : "");
        focusHeading("antwort-" + answer.turn);
      });
    }).catch(fallback);
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (/^#antwort-\d+$/.test(window.location.hash) && !document.getElementById("error-summary")) {
      focusHeading(window.location.hash.slice(1));
    }
    var form = document.querySelector("form.app-assistant-ask[data-enhance]");
    if (form) {
      form.addEventListener("submit", function (event) {
        ask(form, event);
      });
    }
  });
})();
