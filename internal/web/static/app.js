// rathaus enhancements; every page works without this file.
// Move keyboard and screen reader focus to the error summary of a form
// that came back with errors, as the KERN and GOV.UK patterns advise.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
});
