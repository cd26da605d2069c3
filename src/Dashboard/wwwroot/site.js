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
  // Every data table sorts by any column: a click on a header sorts by it (again: the other way).
  // Cells sort by data-sort (the exact value) when they have one, else by their text, Vietnamese order.
  document.querySelectorAll("table.data").forEach(function (table) {
    var body = table.tBodies[0];
    if (!body || body.rows.length < 2) return;
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent;
      button.setAttribute("aria-label", "Sắp xếp theo " + th.textContent);
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) {
          var cell = row.cells[col];
          if (!cell) return { n: null, t: "" };
          var raw = cell.getAttribute("data-sort");
          var n = raw !== null && raw !== "" ? Number(raw) : NaN;
          return { n: isNaN(n) ? null : n, t: cell.textContent.trim() };
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          // no value ("–", "Chưa có số liệu") always last, whichever the direction
          var xe = x.n === null && (x.t === "" || x.t === "–"), ye = y.n === null && (y.t === "" || y.t === "–");
          if (xe || ye) return xe === ye ? 0 : xe ? 1 : -1;
          var c = x.n !== null && y.n !== null ? x.n - y.n : x.t.localeCompare(y.t, "vi");
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
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
