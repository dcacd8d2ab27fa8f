// Process workshop: the sliders of the directly-follows graph show their
// value while they move. Only an enhancement: without this file the value
// beside each slider is the one the graph was drawn with, and the form's
// button applies a new one.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("input[type=range][data-output]"), function (input) {
    var out = document.getElementById(input.getAttribute("data-output"));
    if (!out) {
      return;
    }
    input.addEventListener("input", function () {
      out.textContent = input.value + " %";
      input.setAttribute("aria-valuetext", input.value + " %");
    });
  });
})();
