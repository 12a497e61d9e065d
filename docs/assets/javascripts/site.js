/* Hand-written. Small accessibility fixes to the theme's markup that templates cannot reach. */
(function () {
  "use strict";
  function label() {
    var search = document.querySelector(".md-search[role=dialog]");
    if (search && !search.getAttribute("aria-label")) search.setAttribute("aria-label", "Search the report");
  }
  if (window.document$) window.document$.subscribe(label);
  else document.addEventListener("DOMContentLoaded", label);
})();
