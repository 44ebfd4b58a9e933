/* Material for MkDocs' small inline scripts (templates/partials/javascripts/*.html of
   mkdocs-material 9.x, MIT licence, (c) Martin Donath), moved into this file so the site runs
   under a Content-Security-Policy without 'unsafe-inline'. Our templates in
   overrides/partials/javascripts/ (beside this folder) include it at each place Material had
   an inline script; data-dv-deel says which part runs there, data-md-* carry what Material
   wrote into the script from its template.
   tests/browser/test_browser_csp.py notices when Material's originals change. */
(function (script) {
  "use strict";
  var part = script.getAttribute("data-dv-deel");

  if (part === "basis") {  /* base.html: storage helpers the bundle uses; head, before it */
    window.__md_scope = new URL(script.getAttribute("data-md-scope"), location);
    window.__md_hash = function (e) {
      return [...e].reduce(function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0);
    };
    window.__md_get = function (e, store, scope) {
      store = store || localStorage;
      scope = scope || window.__md_scope;
      return JSON.parse(store.getItem(scope.pathname + "." + e));
    };
    window.__md_set = function (e, value, store, scope) {
      store = store || localStorage;
      scope = scope || window.__md_scope;
      try { store.setItem(scope.pathname + "." + e, JSON.stringify(value)); } catch (err) { /* full or blocked */ }
    };
    return;
  }

  if (part === "kleuren") {  /* palette.html: the chosen colour scheme, before first paint */
    var palette = window.__md_get("__palette");
    if (palette && palette.color) {
      if (palette.color.media === "(prefers-color-scheme)") {
        var media = matchMedia("(prefers-color-scheme: light)");
        var input = document.querySelector(media.matches
          ? "[data-md-color-media='(prefers-color-scheme: light)']"
          : "[data-md-color-media='(prefers-color-scheme: dark)']");
        palette.color.media = input.getAttribute("data-md-color-media");
        palette.color.scheme = input.getAttribute("data-md-color-scheme");
        palette.color.primary = input.getAttribute("data-md-color-primary");
        palette.color.accent = input.getAttribute("data-md-color-accent");
      }
      Object.entries(palette.color).forEach(function (kv) {
        document.body.setAttribute("data-md-color-" + kv[0], kv[1]);
      });
    }
    return;
  }

  if (part === "inhoud") {  /* content.html: open the tab a link points to */
    /* Material's autocomplete="off" on these two checkboxes (invalid HTML, removed by
       website/material_html.py) kept Firefox from reopening the drawer or the
       search from its form memory; closing them here, before the bundle reads them, does the
       same. */
    ["__drawer", "__search"].forEach(function (id) {
      var toggle = document.getElementById(id);
      if (toggle) toggle.checked = false;
    });
    if (script.hasAttribute("data-md-tabs-link")) {
      var tabs = window.__md_get("__tabs");
      if (Array.isArray(tabs)) {
        document.querySelectorAll(".tabbed-set").forEach(function (set) {
          var labels = set.querySelector(".tabbed-labels").getElementsByTagName("label");
          for (var t = 0; t < tabs.length; t++) {
            for (var l = 0; l < labels.length; l++) {
              if (labels[l].innerText.trim() === tabs[t]) {
                document.getElementById(labels[l].htmlFor).checked = true;
                return;
              }
            }
          }
        });
      }
    }
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
    return;
  }

  if (part === "verouderd") {  /* outdated.html: the "newer version" banner */
    var el = document.querySelector("[data-md-component=outdated]");
    var base = new URL(script.getAttribute("data-md-base"), location);
    if (window.__md_get("__outdated", sessionStorage, base) === true && el) el.hidden = false;
  }
})(document.currentScript);
