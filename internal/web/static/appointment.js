// rathaus booking enhancements; every page works without this file.
// Print buttons need a script, so they stay hidden without one.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
});
