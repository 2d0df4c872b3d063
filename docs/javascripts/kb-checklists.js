/*
 * Checklists that remember: every Markdown task list (- [ ] ...) in a page becomes a
 * list of checkboxes the reader can tick. Each checkbox is named by its item's text; the
 * ticks are kept per page in this browser (localStorage), keyed by the item's text (not
 * its position, so adding an item does not shift the others), with a reset button per
 * list. Printing shows the ticks. Without JavaScript the list stays a plain list.
 */
(function () {
  "use strict";

  function store() {
    try {
      var probe = "__kb_probe__";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  function itemText(item) {
    var copy = item.cloneNode(true);
    copy.querySelectorAll("ul, ol, .task-list-control").forEach(function (n) { n.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function start() {
    var article = document.querySelector("article.md-content__inner") || document.body;
    var lists = article.querySelectorAll("ul.task-list");
    if (!lists.length) return;
    var storage = store();
    var key = "kb-checklist:" + window.location.pathname;
    var state = {};
    if (storage) {
      try { state = JSON.parse(storage.getItem(key) || "{}") || {}; } catch (error) { state = {}; }
    }

    function save() {
      if (!storage) return;
      if (Object.keys(state).length) storage.setItem(key, JSON.stringify(state));
      else storage.removeItem(key);
    }

    lists.forEach(function (list) {
      var boxes = [];
      list.querySelectorAll(":scope > li.task-list-item").forEach(function (item) {
        var box = item.querySelector(":scope > .task-list-control input[type=checkbox], :scope > input[type=checkbox]");
        if (!box) return;
        var name = itemText(item);
        box.disabled = false;
        box.removeAttribute("disabled");
        box.setAttribute("aria-label", name);
        if (Object.prototype.hasOwnProperty.call(state, name)) box.checked = !!state[name];
        box.addEventListener("change", function () {
          if (box.checked) state[name] = true;
          else delete state[name];
          save();
        });
        boxes.push([box, name]);
      });
      if (!boxes.length || list.closest("li.task-list-item")) return;
      var reset = document.createElement("button");
      reset.type = "button";
      reset.className = "md-button kb-checklist__reset";
      reset.textContent = "Wis de vinkjes van deze lijst";
      reset.addEventListener("click", function () {
        boxes.forEach(function (pair) {
          pair[0].checked = false;
          delete state[pair[1]];
        });
        save();
      });
      list.insertAdjacentElement("afterend", reset);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
