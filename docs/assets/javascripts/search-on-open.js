/* Hand-written. Fetches the search index when a reader opens the search, not on every page.
 *
 * The index is the whole site's text (~110 KB gzip), and the theme (Material 9, and Zensical
 * alike) requests it as soon as a page loads. Run before the theme's bundle
 * (overrides/main.html), this holds that one request until the reader goes for the search box
 * (pointer, touch, focus, a click, or the keyboard shortcuts), or the address asks for search
 * terms to be highlighted (?h=). The first search may then wait a moment for the index; every
 * later page has it already.
 */
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var wanted = new URLSearchParams(location.search).has("h");

  function isIndex(url) {
    // Material's index, or Zensical's
    return /\/(search\/search_index|search)\.json$/.test(new URL(url, location.href).pathname);
  }

  function release() {
    wanted = true;
    held.splice(0).forEach(function (request) {
      try {
        send.apply(request.xhr, request.args);
      } catch (error) {
        console.warn("search index not requested:", error); // aborted meanwhile
      }
    });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchIndex = isIndex(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.searchIndex && !wanted) {
      held.push({ xhr: this, args: arguments });
      return;
    }
    return send.apply(this, arguments);
  };

  function reaching(event) {
    var target = event.target;
    if (wanted || !(target instanceof Element)) return;
    if (target.closest(".md-search, label[for='__search']") || target.id === "__search") release();
  }
  // "click": Zensical's "/" shortcut clicks its search button, without pointer or focus.
  ["pointerover", "touchstart", "focusin", "change", "click"].forEach(function (type) {
    document.addEventListener(type, reaching, { capture: true, passive: true });
  });

  // Zensical's Ctrl+K (Cmd+K) is heard only by its search dialog, which it builds once the index
  // is in: the first press fetches the index and opens the search as its button would.
  document.addEventListener("keydown", function (event) {
    var button = document.querySelector(".md-search > button.md-search__button");
    if (wanted || !button || !(event.ctrlKey || event.metaKey) || event.key !== "k") return;
    event.preventDefault();
    button.click();
  }, true);
})();
