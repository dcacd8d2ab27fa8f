// The reports' slippy map on the city's own tile server: progressive
// enhancement, no library. The server renders the container (hidden)
// only when a tile server is configured; without JavaScript the page
// works by address and coordinates and shows the server-drawn SVG map.
//
// data-mode="pick" (/melden): a click or tap, or Enter/Space on the
// focused map (at the crosshair), places the pin and fills the latitude
// and longitude fields; typing coordinates or "use my position" moves the
// pin. data-mode="pins" (/meldungen): the listed reports are links on the
// map. Web Mercator tiles of 256 px; drag or arrow keys pan, the buttons
// and the keys + and - zoom.
(function () {
  "use strict";
  var root = document.getElementById("reports-slippy");
  if (!root || !root.getAttribute("data-tiles")) {
    return;
  }
  var TILE = 256, MIN_ZOOM = 2, MAX_ZOOM = 19, FIT_MAX_ZOOM = 16, PIN_ZOOM = 17, STEP = 80;
  var template = root.getAttribute("data-tiles");
  var pick = root.getAttribute("data-mode") === "pick";
  var view = root.querySelector(".app-slippy__view");
  var layer = root.querySelector(".app-slippy__tiles");
  var overlay = root.querySelector(".app-slippy__overlay");
  var marker = root.querySelector(".app-slippy__marker");
  var status = document.getElementById("reports-slippy-status");
  var latField = document.getElementById("field-location");
  var lonField = document.getElementById("field-long");
  if (!view || !layer || !overlay || (pick && (!marker || !status || !latField || !lonField))) {
    return;
  }
  root.hidden = false;

  // Web Mercator: a point's position in pixels of the world at zoom z.
  function project(lat, lon, z) {
    var size = TILE * Math.pow(2, z);
    var s = Math.sin(lat * Math.PI / 180);
    s = Math.min(Math.max(s, -0.9999), 0.9999);
    return { x: (lon + 180) / 360 * size, y: (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * size };
  }
  function unproject(x, y, z) {
    var size = TILE * Math.pow(2, z);
    var n = Math.PI - 2 * Math.PI * y / size;
    return { lat: 180 / Math.PI * Math.atan(Math.sinh(n)), lon: x / size * 360 - 180 };
  }

  var centre = { lat: 50.9271, lon: 11.5892 };
  var zoom = 13;
  var pin = null; // {lat, lon} of the placed pin
  var pins = [];  // [{lat, lon, el}] of the listed reports
  var tiles = {}; // "z/x/y" -> img
  var ready = false; // no tiles before the first view is settled

  function clampLat(lat) { return Math.max(-85, Math.min(85, lat)); }

  // fit shows the box "west,south,east,north" as large as the view allows.
  function fit(box) {
    var b = (box || "").split(",").map(Number);
    if (b.length !== 4 || b.some(isNaN)) {
      return;
    }
    centre = { lat: clampLat((b[1] + b[3]) / 2), lon: (b[0] + b[2]) / 2 };
    var w = Math.max(view.clientWidth - 48, 64), h = Math.max(view.clientHeight - 48, 64);
    for (zoom = FIT_MAX_ZOOM; zoom > MIN_ZOOM; zoom--) {
      var sw = project(b[1], b[0], zoom), ne = project(b[3], b[2], zoom);
      if (ne.x - sw.x <= w && sw.y - ne.y <= h) {
        break;
      }
    }
  }

  function tileURL(z, x, y) {
    return template.replace("{z}", z).replace("{x}", x).replace("{y}", y);
  }

  // topLeft is the world pixel at the view's top left corner.
  function topLeft() {
    var c = project(centre.lat, centre.lon, zoom);
    return { x: Math.round(c.x - view.clientWidth / 2), y: Math.round(c.y - view.clientHeight / 2) };
  }

  function render() {
    if (!ready) {
      return;
    }
    var w = view.clientWidth, h = view.clientHeight, n = Math.pow(2, zoom), tl = topLeft(), wanted = {};
    for (var ty = Math.floor(tl.y / TILE); ty <= Math.floor((tl.y + h) / TILE); ty++) {
      if (ty < 0 || ty >= n) {
        continue;
      }
      for (var tx = Math.floor(tl.x / TILE); tx <= Math.floor((tl.x + w) / TILE); tx++) {
        var key = zoom + "/" + tx + "/" + ty;
        var img = tiles[key];
        if (!img) {
          img = document.createElement("img");
          img.className = "app-slippy__tile";
          img.alt = "";
          img.draggable = false;
          img.addEventListener("error", hideTile);
          img.src = tileURL(zoom, ((tx % n) + n) % n, ty);
          tiles[key] = img;
          layer.appendChild(img);
        }
        img.style.transform = "translate(" + (tx * TILE - tl.x) + "px," + (ty * TILE - tl.y) + "px)";
        wanted[key] = true;
      }
    }
    Object.keys(tiles).forEach(function (key) {
      if (!wanted[key]) {
        layer.removeChild(tiles[key]);
        delete tiles[key];
      }
    });
    if (pin) {
      place(marker, pin, tl, w, h);
    }
    pins.forEach(function (p) { place(p.el, p, tl, w, h); });
  }

  function hideTile() { this.style.visibility = "hidden"; }

  // place positions an element at a point, hidden (and so out of the tab
  // order) outside the view.
  function place(el, p, tl, w, h) {
    var q = project(p.lat, p.lon, zoom), x = q.x - tl.x, y = q.y - tl.y;
    el.hidden = x < 0 || y < 0 || x > w || y > h;
    el.style.left = x + "px";
    el.style.top = y + "px";
  }

  function moveBy(dx, dy) {
    var c = project(centre.lat, centre.lon, zoom);
    centre = unproject(c.x + dx, c.y + dy, zoom);
    centre.lat = clampLat(centre.lat);
    render();
  }

  function zoomBy(d) {
    var z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom + d));
    if (z !== zoom) {
      zoom = z;
      render();
    }
  }

  // at is the point under the view's pixel (x, y).
  function at(x, y) {
    var tl = topLeft();
    return unproject(tl.x + x, tl.y + y, zoom);
  }

  function fixed(v, n) { return (Math.round(v * Math.pow(10, n)) / Math.pow(10, n)).toFixed(n); }

  // setPin places the report's pin, fills the fields and says so.
  function setPin(p) {
    pin = { lat: p.lat, lon: ((p.lon + 540) % 360) - 180 };
    latField.value = fixed(pin.lat, 6);
    lonField.value = fixed(pin.lon, 6);
    status.textContent = root.getAttribute("data-placed").replace("{pos}", fixed(pin.lat, 5) + ", " + fixed(pin.lon, 5));
    render();
  }

  // fromFields moves the pin to the coordinates in the fields (typed, or
  // filled by "use my position") and the map with it.
  function fromFields() {
    var lat = parseFloat(latField.value.replace(",", ".")), lon = parseFloat(lonField.value.replace(",", "."));
    if (isNaN(lat) || isNaN(lon) || Math.abs(lat) > 85 || Math.abs(lon) > 180) {
      return false;
    }
    if (pin && pin.lat === lat && pin.lon === lon) {
      return true;
    }
    pin = { lat: lat, lon: lon };
    centre = { lat: lat, lon: lon };
    render();
    return true;
  }

  // Dragging pans; a press without moving is a click (places the pin).
  var drag = null;
  view.addEventListener("pointerdown", function (e) {
    if (e.button !== 0) {
      return;
    }
    drag = { id: e.pointerId, x: e.clientX, y: e.clientY, c: project(centre.lat, centre.lon, zoom), moved: false };
    try {
      view.setPointerCapture(e.pointerId);
    } catch (err) {
      // without capture a drag ends where the pointer leaves the map
    }
    view.classList.add("app-slippy__view--dragging");
  });
  view.addEventListener("pointermove", function (e) {
    if (!drag || e.pointerId !== drag.id) {
      return;
    }
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 5) {
      return;
    }
    drag.moved = true;
    centre = unproject(drag.c.x - dx, drag.c.y - dy, zoom);
    centre.lat = clampLat(centre.lat);
    render();
  });
  function endDrag(e) {
    if (!drag || e.pointerId !== drag.id) {
      return;
    }
    var click = !drag.moved && e.type === "pointerup";
    drag = null;
    view.classList.remove("app-slippy__view--dragging");
    if (click && pick) {
      var r = view.getBoundingClientRect();
      setPin(at(e.clientX - r.left, e.clientY - r.top));
    }
  }
  view.addEventListener("pointerup", endDrag);
  view.addEventListener("pointercancel", endDrag);

  view.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) {
      return;
    }
    switch (e.key) {
      case "ArrowLeft": moveBy(-STEP, 0); break;
      case "ArrowRight": moveBy(STEP, 0); break;
      case "ArrowUp": moveBy(0, -STEP); break;
      case "ArrowDown": moveBy(0, STEP); break;
      case "+": case "=": case "Add": zoomBy(1); break;
      case "-": case "_": case "Subtract": zoomBy(-1); break;
      case "Enter": case " ": case "Spacebar":
        if (!pick) {
          return;
        }
        setPin(centre);
        break;
      default:
        return;
    }
    e.preventDefault();
  });

  root.querySelectorAll("[data-zoom]").forEach(function (b) {
    b.addEventListener("click", function () { zoomBy(Number(b.getAttribute("data-zoom"))); });
  });
  window.addEventListener("resize", render);

  if (pick) {
    // Typing moves the pin once the typing pauses, not at every digit.
    var typing = 0;
    var typed = function () {
      clearTimeout(typing);
      typing = setTimeout(fromFields, 600);
    };
    [latField, lonField].forEach(function (f) {
      f.addEventListener("input", typed);
      f.addEventListener("change", fromFields);
    });
    // "Use my position" (reports.js) fills the fields without an event;
    // it says so in its status line, which is the cue to follow.
    var located = document.getElementById("reports-locate-status");
    if (located && "MutationObserver" in window) {
      new MutationObserver(fromFields).observe(located, { childList: true, characterData: true, subtree: true });
    }
  } else {
    var data = document.getElementById("reports-slippy-pins");
    var list = [];
    try {
      list = data ? JSON.parse(data.textContent) : [];
    } catch (err) {
      list = [];
    }
    list.forEach(function (p) {
      var a = document.createElement("a");
      a.className = "app-slippy__pin";
      a.href = p.href;
      a.title = p.label;
      var name = document.createElement("span");
      name.className = "kern-sr-only";
      name.textContent = p.label;
      a.appendChild(name);
      overlay.appendChild(a);
      pins.push({ lat: p.lat, lon: p.lon, el: a });
    });
  }

  fit(root.getAttribute("data-box"));
  if (pick && fromFields()) {
    zoom = PIN_ZOOM;
  }
  ready = true;
  render();
})();
