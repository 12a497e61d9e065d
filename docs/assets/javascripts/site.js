/* Hand-written. Small accessibility fixes to the theme's markup that templates cannot reach. */
(function () {
  "use strict";
  function label() {
    var search = document.querySelector(".md-search[role=dialog]");
    if (search && !search.getAttribute("aria-label")) search.setAttribute("aria-label", "Search the report");
  }
  if (window.document$) window.document$.subscribe(label);
  else document.addEventListener("DOMContentLoaded", label);

  // A "Cite" block is generated with the address from the site's root (the generator cannot
  // know where the site is published): put the full address, as the reader sees it, in its place.
  function citeAddresses() {
    document.querySelectorAll("details.cite").forEach(function (block) {
      var link = block.querySelector("a.cite-url");
      if (!link || link.dataset.full) return;
      var url = new URL(link.href);
      url.search = "";
      var path = link.textContent;
      link.textContent = link.dataset.full = url.href;
      block.querySelectorAll("code").forEach(function (code) {
        code.textContent = code.textContent.split("{" + path + "}").join("{" + url.href + "}");
      });
    });
  }
  if (window.document$) window.document$.subscribe(citeAddresses);
  else document.addEventListener("DOMContentLoaded", citeAddresses);

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
