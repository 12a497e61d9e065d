/* Copied from mkdocs-material-9.8.1's inline script partials/javascripts/content.html, served as a file for the
   Content-Security-Policy (overrides/main.html). Keep in step with the theme's version. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
