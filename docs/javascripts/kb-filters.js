/*
 * Filters for generated lists (the network's directory, the practice cases).
 *
 * Without JavaScript every list is complete and grouped; the form stays hidden. With it,
 * the form appears and narrows the list in place: an item stays visible when, for every
 * chosen filter, its data attribute (a space-separated list; empty means "all") contains
 * the chosen value. Groups without visible items are hidden. Nothing is fetched.
 */
(function () {
  "use strict";

  function matches(item, key, value) {
    if (!value) return true;
    var raw = item.getAttribute("data-" + key);
    if (raw === null || raw.trim() === "") return key !== "available";
    return raw.split(/\s+/).indexOf(value) !== -1;
  }

  function setUp(form) {
    var name = form.getAttribute("data-kb-filter");
    var list = document.querySelector('[data-kb-filter-list="' + name + '"]');
    if (!list) return;
    var selects = form.querySelectorAll("select[data-kb-filter-key]");
    var count = form.querySelector(".kb-filter__count");
    var none = form.parentNode.querySelector("[data-kb-filter-none]");

    function apply() {
      var chosen = [];
      selects.forEach(function (select) {
        chosen.push([select.getAttribute("data-kb-filter-key"), select.value]);
      });
      // Someone can be listed under several topics: count each link once.
      var all = {};
      var shown = {};
      list.querySelectorAll("[data-kb-filter-group]").forEach(function (group) {
        var visible = 0;
        group.querySelectorAll("li").forEach(function (item) {
          var keep = chosen.every(function (pair) { return matches(item, pair[0], pair[1]); });
          var anchor = item.querySelector("a");
          var key = anchor ? anchor.getAttribute("href") : item.textContent;
          item.hidden = !keep;
          all[key] = true;
          if (keep) { visible += 1; shown[key] = true; }
        });
        group.hidden = visible === 0;
      });
      var shownCount = Object.keys(shown).length;
      if (count) count.textContent = shownCount + " van " + Object.keys(all).length + " getoond";
      if (none) none.hidden = shownCount !== 0;
    }

    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  function start() {
    document.querySelectorAll("form[data-kb-filter]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
