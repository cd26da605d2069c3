// The dashboard's only script: progressive enhancements; every page works without it.
(function () {
  "use strict";
  // Ctrl/Cmd+Enter runs the SQL console's query.
  var q = document.getElementById("q");
  if (q && q.form) {
    q.addEventListener("keydown", function (e) {
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter") { e.preventDefault(); q.form.submit(); }
    });
  }
  // Filters submit as soon as a unit or date is chosen.
  document.querySelectorAll("form.filters-form select, form.filters-form input[type=date]").forEach(function (el) {
    el.addEventListener("change", function () { el.form.submit(); });
  });
  // Drag and drop onto the upload zone fills the file input.
  var zone = document.querySelector(".dropzone");
  var input = document.getElementById("files");
  if (zone && input) {
    ["dragenter", "dragover"].forEach(function (t) {
      zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (t) {
      zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        var list = document.getElementById("chosen");
        if (list) list.textContent = Array.prototype.map.call(input.files, function (f) { return f.name; }).join(", ");
      }
    });
  }
})();
