// The report flow's "use my position" button: progressive enhancement.
// Without JavaScript (or without geolocation) the button stays hidden and
// the place is entered as an address or coordinates. No request leaves
// the browser: the position only fills the latitude and longitude fields.
(function () {
  "use strict";
  var box = document.getElementById("reports-locate");
  if (!box || !("geolocation" in navigator)) {
    return;
  }
  var button = box.querySelector("[data-locate]");
  var status = document.getElementById("reports-locate-status");
  var lat = document.getElementById("field-location");
  var long = document.getElementById("field-long");
  if (!button || !status || !lat || !long) {
    return;
  }
  box.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = button.getAttribute("data-locating");
    navigator.geolocation.getCurrentPosition(function (pos) {
      lat.value = pos.coords.latitude.toFixed(6);
      long.value = pos.coords.longitude.toFixed(6);
      status.textContent = button.getAttribute("data-located");
    }, function () {
      status.textContent = button.getAttribute("data-failed");
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
})();
