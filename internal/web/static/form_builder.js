// Form builder: when the type of a question changes, show the rules of
// the new type at once. Only an enhancement: without this file the page
// shows the rules of the saved type, and those of a new type after saving.
(function () {
  "use strict";
  var select = document.getElementById("field-type");
  var blocks = document.querySelectorAll("[data-rules]");
  if (!select || !blocks.length) {
    return;
  }
  function show() {
    var type = select.value;
    Array.prototype.forEach.call(blocks, function (block) {
      block.hidden = block.getAttribute("data-rules").split(" ").indexOf(type) < 0;
    });
  }
  select.addEventListener("change", show);
})();
