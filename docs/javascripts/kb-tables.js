/*
 * Wide tables: Material puts each table in a horizontally scrolling wrapper. A wrapper
 * that really scrolls becomes reachable with the keyboard (tabindex, a named region), so
 * a reader without a mouse or touch screen can scroll it too (WCAG 2.1.1).
 */
(function () {
  "use strict";

  var LABEL = "Tabel: scroll opzij om alles te zien";

  function mark() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", LABEL);
      } else if (!scrolls && wrap.getAttribute("aria-label") === LABEL) {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { mark(); });
  } else if (document.readyState === "complete") {
    mark();
  } else {
    window.addEventListener("load", mark);
  }
  window.addEventListener("resize", mark);
})();
