/* Hand-written. Draws the report's charts with vega-embed.
 *
 * Loaded on every page but tiny: the Vega bundle (~900 KB) is fetched only when the page has a
 * chart. Material's `document$` emits on first load and after each instant navigation, so charts
 * are drawn again on every page change. A chart is redrawn when the palette toggles (dark mode)
 * and when its container changes width (phones, content tabs, collapsed blocks opened later).
 * Until the live chart is drawn, and for print and readers without JavaScript, the static SVG
 * stays in place.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var bundleUrl = script.src.replace(/charts\.js(\?.*)?$/, "vega-bundle.js");
  var bundle = null;
  var specs = {};

  function loadBundle() {
    if (window.vegaEmbed) return Promise.resolve();
    if (!bundle) {
      bundle = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = bundleUrl;
        tag.onload = resolve;
        tag.onerror = function () { bundle = null; reject(new Error("could not load " + bundleUrl)); };
        document.head.appendChild(tag);
      });
    }
    return bundle;
  }

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base + "/", location.href).href;
  }

  function dark() {
    return document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  // Vega measures every label as it lays a chart out; before the chart font has arrived it would
  // measure a fallback face, and the chart would keep that layout.
  var fonts = null;
  function loadFonts() {
    if (!fonts) {
      fonts = document.fonts
        ? Promise.all([
            document.fonts.load("10px 'Report Sans'"),
            document.fonts.load("bold 10px 'Report Sans'")
          ]).catch(function (error) { console.warn("chart font not loaded:", error); })
        : Promise.resolve();
    }
    return fonts;
  }

  function loadSpec(url) {
    if (!specs[url]) {
      specs[url] = fetch(url).then(function (response) { return response.json(); });
    }
    return specs[url];
  }

  function draw(figure) {
    var live = figure.querySelector(".chart-live");
    var link = figure.querySelector("a.chart-spec");
    var width = live ? live.clientWidth : 0;
    if (!live || !link || width === 0) return Promise.resolve(); // hidden: drawn once it shows
    var theme = dark() ? "dark" : "light";
    if (figure.dataset.drawnWidth === String(width) && figure.dataset.drawnTheme === theme) {
      return Promise.resolve();
    }
    figure.dataset.drawnWidth = String(width);
    figure.dataset.drawnTheme = theme;
    return Promise.all([loadSpec(link.href), loadFonts()]).then(function (loaded) {
      var original = loaded[0];
      var spec = JSON.parse(JSON.stringify(original));
      spec.width = "container";
      if (spec.projection && original.width && original.height) {
        // A map keeps its shape: as it narrows, it gets shorter too.
        spec.height = Math.round(width * original.height / original.width);
      }
      spec.autosize = { type: "fit-x", contains: "padding" };
      if (dark()) {
        spec.background = null;
        // Text marks without a colour of their own would stay black on the dark background.
        spec.config = Object.assign({}, spec.config, { text: { color: "#e3e3e3" } });
      }
      var options = {
        renderer: "svg",
        theme: dark() ? "dark" : undefined,
        actions: { export: true, source: false, compiled: false, editor: false },
        downloadFileName: link.getAttribute("href").split("/").pop().replace(".vl.json", ""),
        loader: { target: "_self", baseURL: siteRoot() }, // chart links are relative to the root
        // The pages' Content-Security-Policy forbids eval: with `ast`, vega-embed interprets
        // Vega's expressions (with the interpreter it carries) instead of compiling them.
        ast: true
      };
      if (figure._view) figure._view.finalize();
      return window.vegaEmbed(live, spec, options).then(function (result) {
        figure._view = result.view;
        var menu = live.querySelector("details > summary");
        if (menu) menu.setAttribute("aria-label", "Chart actions: save as SVG or PNG");
        figure.classList.add("chart-drawn");
      });
    }).catch(function (error) {
      figure.classList.remove("chart-drawn"); // keep the static SVG
      console.warn("chart not drawn:", error);
    });
  }

  function charts() {
    return Array.prototype.slice.call(document.querySelectorAll("figure.report-chart"));
  }

  var resizes = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var figure = entry.target.closest("figure.report-chart");
      if (figure && window.vegaEmbed) draw(figure);
    });
  });

  function drawAll() {
    var figures = charts();
    if (!figures.length) return;
    loadBundle().then(function () {
      figures.forEach(function (figure) {
        resizes.observe(figure.querySelector(".chart-live"));
        draw(figure);
      });
    }).catch(function (error) { console.warn(error.message); });
  }

  new MutationObserver(function () {
    if (window.vegaEmbed) charts().forEach(draw);
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  if (window.document$) {
    window.document$.subscribe(drawAll);
  } else {
    document.addEventListener("DOMContentLoaded", drawAll);
  }
})();
