// Process workshop, model pages: the noise threshold's slider shows its
// value while it moves. Only an enhancement: without this file the value
// beside the slider is the one the page was sent with, and the form's
// button sends a new one.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("input[type=range][data-wm-output]"), function (input) {
    var out = document.getElementById(input.getAttribute("data-wm-output"));
    if (!out) {
      return;
    }
    input.addEventListener("input", function () {
      out.textContent = input.value;
    });
  });
})();
