/* Datavisie: small enhancements on top of pages that work without JavaScript.
   - filters (radio groups; CSS does the hiding): a count, a "nothing found" message, and the
     choice kept in the address (#thema=ethiek&status=gereed) so it can be shared;
   - sortable tables: a button in each column header, with aria-sort.
   No data leaves the page and nothing is loaded from anywhere. */
(function () {
  "use strict";

  function rowsOf(box) {
    return Array.prototype.slice.call(box.querySelectorAll("tbody tr[data-status]"));
  }

  function readHash() {
    var out = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var kv = part.split("=");
      if (kv.length === 2) out[decodeURIComponent(kv[0])] = decodeURIComponent(kv[1]);
    });
    return out;
  }

  function setupFilter(box) {
    var form = box.querySelector("form.dv-filter");
    if (!form) return;
    var target = form.getAttribute("data-dv-filter");
    var count = form.querySelector(".dv-filter__telling");
    var rows = rowsOf(box);
    var prefix = "dv-filter-" + target + "-";

    function update(writeHash) {
      var shown = 0;
      var chosen = [];
      Array.prototype.forEach.call(form.querySelectorAll("input:checked"), function (input) {
        if (input.value) chosen.push([input.name.slice(prefix.length), input.value]);
      });
      rows.forEach(function (row) {
        var ok = chosen.every(function (pair) {
          var values = (row.getAttribute("data-" + pair[0]) || "").split(" ");
          return values.indexOf(pair[1]) !== -1;
        });
        row.hidden = !ok; /* same result as the CSS, also where :has() is missing */
        if (ok) shown += 1;
      });
      Array.prototype.forEach.call(box.querySelectorAll("tbody"), function (body) {
        var any = Array.prototype.some.call(body.querySelectorAll("tr[data-status]"), function (r) {
          return !r.hidden;
        });
        var group = body.querySelector("tr.dv-groep");
        if (group) group.hidden = !any;
      });
      if (count) {
        count.hidden = false;
        count.textContent = shown === 0
          ? "Geen resultaten. Kies een ander thema of een andere status."
          : shown + " van " + rows.length + " getoond.";
      }
      if (writeHash && history.replaceState) {
        var hash = chosen.map(function (p) {
          return encodeURIComponent(p[0]) + "=" + encodeURIComponent(p[1]);
        }).join("&");
        history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
      }
    }

    var wanted = readHash();
    Object.keys(wanted).forEach(function (key) {
      var input = form.querySelector('input[name="' + prefix + key + '"][value="' +
        wanted[key].replace(/["\\]/g, "") + '"]');
      if (input) input.checked = true;
    });
    form.addEventListener("change", function () { update(true); });
    update(false);
  }

  function sortKey(cell) {
    var key = cell.getAttribute("data-sorteer");
    return key !== null ? key : cell.textContent.trim().toLowerCase();
  }

  function setupSort(table) {
    var headers = table.querySelectorAll("thead th[data-dv-sorteer]");
    var body = table.tBodies[0];
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "dv-sorteer";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) {
          other.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = sortKey(a.cells[index]);
          var y = sortKey(b.cells[index]);
          var nx = parseFloat(x);
          var ny = parseFloat(y);
          var cmp = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y, "nl");
          return ascending ? cmp : -cmp;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  /* A table wider than the screen scrolls; without a link inside, only a mouse could scroll
     it. Such a region gets a tab stop and a name (WCAG 2.1.1). */
  function focusableScrollRegions() {
    var regions = document.querySelectorAll(".md-typeset__scrollwrap, .dv-tabel-wrap");
    Array.prototype.forEach.call(regions, function (region) {
      var scrolls = region.scrollWidth > region.clientWidth + 1;
      var inside = region.querySelector("a[href], button, input, [tabindex]");
      if (scrolls && !inside && !region.hasAttribute("tabindex")) {
        var caption = region.querySelector("caption");
        region.setAttribute("tabindex", "0");
        region.setAttribute("role", "region");
        region.setAttribute("aria-label", caption ? caption.textContent.trim() : "Tabel");
      }
    });
  }

  /* Material's version selector names its button "Selecteer versie" while it shows the
     version: the visible text must be part of the name (WCAG 2.5.3). Its title is long
     ("1.0 (vastgesteld door de gemeenteraad)"): the part in brackets gets its own span, which
     a phone hides (datavisie.css) so the header's parts never overlap. Material draws the
     selector after loading versions.json, so wait for it. */
  function nameVersionButton() {
    var header = document.querySelector(".md-header");
    if (!header || !window.MutationObserver) return;
    function fix() {
      var button = header.querySelector(".md-version__current");
      if (!button) return false;
      var text = button.textContent.trim();
      var label = button.getAttribute("aria-label") || "";
      if (text && label.indexOf(text) === -1) {
        button.setAttribute("aria-label", text + (label ? ", " + label.toLowerCase() : ""));
      }
      var parts = /^(\S+)\s+(\(.+\))$/.exec(text);
      if (parts && !button.querySelector(".dv-versie-toelichting")) {
        var detail = document.createElement("span");
        detail.className = "dv-versie-toelichting";
        detail.textContent = " " + parts[2];
        button.textContent = parts[1];
        button.appendChild(detail);
      }
      return true;
    }
    if (fix()) return;
    var observer = new MutationObserver(function () { if (fix()) observer.disconnect(); });
    observer.observe(header, {childList: true, subtree: true});
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".dv-filterbaar"), setupFilter);
    Array.prototype.forEach.call(document.querySelectorAll("table[data-dv-sorteerbaar]"), setupSort);
    nameVersionButton();
    focusableScrollRegions();
    window.addEventListener("load", focusableScrollRegions);
    window.addEventListener("resize", focusableScrollRegions);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
