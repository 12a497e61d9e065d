/* Hand-written. Fetches the search index when a reader opens the search, not on every page.
 *
 * The index is the whole site's text (~110 KB gzip), and the theme (Material 9) requests it as
 * soon as a page loads. Run before the theme's bundle (overrides/main.html), this holds that one
 * request until the reader goes for the search box (pointer, touch, focus, or the keyboard
 * shortcuts, which focus it), or the address asks for search terms to be highlighted (?h=).
 * The first search may then wait a moment for the index; every later page has it already.
 */
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var wanted = new URLSearchParams(location.search).has("h");

  function isIndex(url) {
    return /\/search\/search_index\.json$/.test(new URL(url, location.href).pathname);
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
  ["pointerover", "touchstart", "focusin", "change"].forEach(function (type) {
    document.addEventListener(type, reaching, { capture: true, passive: true });
  });
})();
