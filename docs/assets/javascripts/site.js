/* Hand-written. Small accessibility fixes to the theme's markup that templates cannot reach. */
(function () {
  "use strict";
  function label() {
    var search = document.querySelector(".md-search[role=dialog]");
    if (search && !search.getAttribute("aria-label")) search.setAttribute("aria-label", "Search the report");
  }
  if (window.document$) window.document$.subscribe(label);
  else document.addEventListener("DOMContentLoaded", label);

  // Print the data behind each chart: open the collapsed tables, and close them again after.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details.chart-data"), function (d) {
      return !d.open;
    });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
  });
})();
