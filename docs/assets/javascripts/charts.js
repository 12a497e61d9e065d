/* Hand-written. Draws the report's charts live with Vega, only when a reader needs it.
 *
 * Every chart ships as static SVGs, light and dark (the stylesheet shows the one that matches
 * the palette), each full-size and laid out for a phone (the page's <picture> picks one by the
 * window's width): that is the first paint, and what print and readers without JavaScript see.
 * Vega's runtime (vega-runtime.js, ~200 KB gzip) loads only when a chart must be drawn live:
 * when a reader points at, touches or tabs into it (for tooltips and links), or when the picture
 * shown does not fit its column (a window narrower than any picture was made for) and so would
 * shrink its text. The specs are Vega, compiled at build time: no Vega-Lite in the browser; a
 * live chart draws the layout of the picture it replaces (SLUG[.phone][.dark].vg.json).
 * A live chart is redrawn when the palette toggles and when its column changes width.
 * Material's `document$` emits on first load and after each instant navigation.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var runtimeUrl = script.src.replace(/charts\.js(\?.*)?$/, "vega-runtime.js");
  var runtime = null;
  var specs = {};
  var HOVERING = window.matchMedia("(hover: hover)"); // a mouse, not a finger

  function loadRuntime() {
    if (window.vegaRuntime) return Promise.resolve(window.vegaRuntime);
    if (!runtime) {
      runtime = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = runtimeUrl;
        tag.onload = function () { resolve(window.vegaRuntime); };
        tag.onerror = function () { runtime = null; reject(new Error("could not load " + runtimeUrl)); };
        document.head.appendChild(tag);
      });
    }
    return runtime;
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
  // measure a fallback face, and the chart would keep that layout. A font request that stalls
  // is waited for FONT_WAIT ms at most, so that it cannot keep the chart from ever drawing.
  var FONT_WAIT = 5000;
  var fonts = null;
  function loadFonts() {
    if (!fonts) {
      fonts = document.fonts
        ? Promise.race([
            Promise.all([
              document.fonts.load("10px 'Report Sans'"),
              document.fonts.load("bold 10px 'Report Sans'")
            ]).catch(function (error) { console.warn("chart font not loaded:", error); }),
            new Promise(function (resolve) { setTimeout(resolve, FONT_WAIT); })
          ])
        : Promise.resolve();
    }
    return fonts;
  }

  function loadSpec(url) {
    if (!specs[url]) {
      specs[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.json();
      }).catch(function (error) {
        delete specs[url]; // a failed fetch is asked again when the chart is next reached
        throw error;
      });
    }
    return specs[url];
  }

  // The picture the window shows now (light; the dark one has the same layout): the first
  // <source> whose media query matches, as the browser chooses, else the <img>. Asked of the
  // media queries, not of currentSrc, which changes only once a new picture has loaded.
  function shown(figure) {
    var image = figure.querySelector("img.chart-static");
    var picture = image.parentNode;
    var sources = picture.tagName === "PICTURE" ? picture.querySelectorAll("source") : [];
    for (var i = 0; i < sources.length; i++) {
      var source = sources[i];
      if (!source.media || window.matchMedia(source.media).matches) {
        return {
          url: new URL(source.getAttribute("srcset").trim().split(/\s+/)[0], document.baseURI).href,
          width: Number(source.getAttribute("width"))
        };
      }
    }
    return { url: image.src, width: Number(image.getAttribute("width")) || image.naturalWidth };
  }

  // The compiled spec sits beside the static SVG it matches:
  // charts/SLUG[.phone].svg → charts/SLUG[.phone][.dark].vg.json.
  function specUrl(figure, theme) {
    return shown(figure).url.replace(/\.svg$/, theme === "dark" ? ".dark.vg.json" : ".vg.json");
  }

  // The picture shown fits while it is drawn near its own size; much narrower, its text shrinks.
  // The figure says how much narrower it may be (data-smallest-scale, from the same rule that
  // wrote its <source> media queries: generator/charts/chart.py, SMALLEST_SCALE).
  function fits(figure) {
    var width = figure.querySelector(".chart-live").clientWidth;
    var natural = shown(figure).width;
    return !natural || width >= natural * Number(figure.dataset.smallestScale);
  }

  function draw(figure) {
    var vega = figure._vega;
    var container = figure.querySelector(".chart-live");
    var width = container.clientWidth;
    if (width === 0) return Promise.resolve(); // hidden: drawn once it shows
    var theme = dark() ? "dark" : "light";
    var url = specUrl(figure, theme);
    if (figure.dataset.drawnWidth === String(width) && figure.dataset.drawnSpec === url) {
      return Promise.resolve();
    }
    figure.dataset.drawnWidth = String(width);
    figure.dataset.drawnTheme = theme;
    figure.dataset.drawnSpec = url; // the layout too: a window widened past a phone's changes it
    // Only the newest draw may touch the figure: an older one still loading, or a view it
    // finalized, must neither show its chart nor mark the figure drawn or failed.
    var ticket = (figure._ticket || 0) + 1;
    figure._ticket = ticket;
    var current = function () { return figure._ticket === ticket; };
    return Promise.all([loadSpec(url), loadFonts()]).then(function (loaded) {
      if (!current()) return;
      var spec = loaded[0];
      if (figure._view) figure._view.finalize();
      container.textContent = "";
      // The pages' Content-Security-Policy forbids eval: Vega interprets its expressions instead.
      var view = new vega.View(vega.parse(spec, null, { ast: true }), {
        renderer: "svg",
        container: container,
        expr: vega.expressionInterpreter,
        // Chart links (a dot's timeline entry) are relative to the site's root.
        loader: vega.loader({ baseURL: siteRoot(), target: "_self" })
      });
      figure._view = view;
      view.tooltip(new vega.TooltipHandler().call);
      var naturalWidth = view.width();
      view.width(width);
      if (spec.projections) {
        // A map keeps its shape: as it narrows, it gets shorter too.
        view.height(Math.round((width * view.height()) / naturalWidth));
      }
      return view.runAsync().then(function () {
        if (!current()) return;
        figure.classList.add("chart-drawn");
        delete figure.dataset.chartError;
      });
    }).catch(function (error) {
      if (!current()) return;
      figure.classList.remove("chart-drawn"); // keep the static SVG
      delete figure.dataset.drawnWidth; // so that reaching it again tries again
      failed(figure, error);
    });
  }

  // Why the chart stays static, said in the console and kept on the figure for whoever
  // inspects it (data-chart-error); a later draw that succeeds clears it.
  function failed(figure, error) {
    figure.dataset.chartError = String(error && error.message || error);
    console.warn("chart not drawn:", error);
  }

  // From now on the chart is live: drawn with Vega, and redrawn when it must be. Reaching a
  // chart whose draw failed tries again; one being drawn is left to finish (see draw).
  function wake(figure) {
    if (figure._vega) {
      draw(figure);
      return;
    }
    if (figure._waking) return;
    figure._waking = true;
    loadRuntime().then(function (vega) {
      figure._vega = vega;
      return draw(figure);
    }).catch(function (error) {
      figure._waking = false;
      failed(figure, error);
    });
  }

  function charts() {
    return Array.prototype.slice.call(document.querySelectorAll("figure.report-chart"));
  }

  // Called with each chart's column as it is first laid out, shown, or resized.
  var resizes = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var figure = entry.target.closest("figure.report-chart");
      if (!figure || entry.target.clientWidth === 0) return;
      if (figure._vega) draw(figure);
      else if (!fits(figure)) wake(figure);
    });
  });

  // A mouse pointing at the chart, a keyboard reaching into it, or a tap wakes it. A finger
  // that only scrolls the page across it does not: touches wake it by the tap's click alone.
  function watch(figure) {
    var reach = function () { wake(figure); };
    figure.addEventListener("pointerenter", function (event) {
      if (event.pointerType !== "touch") reach();
    });
    figure.addEventListener("focusin", reach);
    figure.addEventListener("click", reach);
    resizes.observe(figure.querySelector(".chart-live"));
    // After instant navigation the new page can arrive under a mouse already resting on the
    // chart, before these listeners: no pointerenter will come, so the chart wakes now. (Only
    // where the pointer hovers: a phone's :hover stays wherever the last tap was.)
    if (HOVERING.matches && figure.matches(":hover")) reach();
  }

  // A live chart takes the new palette; a static one has its dark picture already.
  new MutationObserver(function () {
    charts().forEach(function (figure) {
      if (figure._vega) draw(figure);
    });
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  function start() {
    charts().forEach(watch);
  }

  if (window.document$) {
    window.document$.subscribe(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
