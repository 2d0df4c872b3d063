/* Kennisbank ICT-coördinatoren: Dutch-aware search on Pagefind's static index.
 *
 * The query goes through the same normalisation as the pages at build time
 * (src/kb/search/keys.py): lowercase, no diacritics or hyphens, multi-word synonyms
 * folded, then each word looked up in the key table (zoeken/tabel/<2 letters>.json)
 * that maps word forms, lemmas, diminutives and abbreviations to one key.
 * Everything is loaded from this site; nothing is sent anywhere else.
 */
(function () {
  "use strict";
  var dialog = document.getElementById("kb-search");
  if (!dialog) return;
  var input = document.getElementById("kb-search-input");
  var list = document.getElementById("kb-search-results");
  var status = document.getElementById("kb-search-status");
  var configElement = document.getElementById("__config");
  var baseSetting = configElement ? JSON.parse(configElement.textContent).base : ".";
  var base = new URL(baseSetting.replace(/\/?$/, "/"), document.baseURI);
  var WORD = /[0-9A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]+(?:-[0-9A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]+)*/g;
  var pagefind = null;
  var settings = null;
  var tables = {};
  var counter = 0;

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[-\u00ad]/g, "");
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", base).href).then(function (module) {
        return module.options({ baseUrl: base.pathname, excerptLength: 26 }).then(function () {
          return module;
        });
      });
      settings = fetch(new URL("zoeken/config.json", base)).then(function (response) {
        return response.json();
      });
    }
    return Promise.all([pagefind, settings]);
  }

  function table(prefix) {
    if (!tables[prefix]) {
      tables[prefix] = settings.then(function (config) {
        if (config.chunks.indexOf(prefix) < 0) return {};
        return fetch(new URL("zoeken/tabel/" + prefix + ".json", base)).then(function (response) {
          return response.ok ? response.json() : {};
        });
      });
    }
    return tables[prefix];
  }

  /* Same steps as kb.search_keys.query_keys in Python. */
  function queryKeys(query, config) {
    var tokens = (query.match(WORD) || []).map(fold);
    var text = " " + tokens.join(" ") + " ";
    config.phrases.forEach(function (pair) {
      text = text.split(" " + pair[0] + " ").join(" " + pair[1] + " ");
    });
    tokens = text.trim().split(/\s+/).filter(Boolean);
    return Promise.all(tokens.map(function (token) {
      return table(token.slice(0, 2)).then(function (map) {
        return map[token] || token;
      });
    }));
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function render(items, config) {
    list.innerHTML = "";
    items.forEach(function (data) {
      var excerpt = data.excerpt || "";
      var cut = excerpt.indexOf(config.sentinel);
      if (cut >= 0) excerpt = excerpt.slice(0, cut);
      if (excerpt.replace(/<[^>]+>/g, "").trim().length < 20) {
        excerpt = escapeHtml((data.meta && data.meta.description) || "");
      }
      var item = document.createElement("li");
      item.className = "kb-search__result";
      var link = document.createElement("a");
      link.href = data.url;
      var title = document.createElement("span");
      title.className = "kb-search__result-title";
      title.textContent = (data.meta && data.meta.title) || data.url;
      var text = document.createElement("span");
      text.className = "kb-search__result-excerpt";
      /* Pagefind escapes the page text and only adds <mark> around matches. */
      text.innerHTML = excerpt;
      link.appendChild(title);
      link.appendChild(text);
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++counter;
    if (!query) {
      list.innerHTML = "";
      status.textContent = "";
      return;
    }
    status.textContent = "Zoeken…";
    load().then(function (loaded) {
      var module = loaded[0];
      var config = loaded[1];
      return queryKeys(query, config).then(function (keys) {
        return module.debouncedSearch(keys.join(" "), {}, 150);
      }).then(function (result) {
        if (ticket !== counter || result === null) return null;
        return Promise.all(result.results.slice(0, 10).map(function (r) { return r.data(); }))
          .then(function (items) {
            if (ticket !== counter) return;
            render(items, config);
            var n = result.results.length;
            status.textContent = n === 0
              ? "Geen resultaten voor \u201c" + query + "\u201d."
              : n === 1 ? "1 resultaat." : n + " resultaten" + (n > 10 ? ", de eerste 10 getoond." : ".");
          });
      });
    }).catch(function () {
      status.textContent = "Zoeken is niet beschikbaar. Bouw de site opnieuw (make serve).";
    });
  }

  function open() {
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    load();
  }

  /* For tests and other tools: the keys a query becomes (same as kb.search_keys.query_keys). */
  window.kbZoeksleutels = function (query) {
    return load().then(function (loaded) { return queryKeys(query, loaded[1]); });
  };

  document.querySelectorAll(".kb-search-open, [data-kb-search-open]").forEach(function (button) {
    button.addEventListener("click", open);
  });
  dialog.querySelector("[data-kb-search-close]").addEventListener("click", function () {
    dialog.close();
  });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();
  });
  input.addEventListener("input", search);
  input.addEventListener("keydown", function (event) {
    var links = list.querySelectorAll("a");
    if (event.key === "ArrowDown" && links.length) {
      event.preventDefault();
      links[0].focus();
    }
  });
  list.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var index = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && index < links.length - 1) {
      event.preventDefault();
      links[index + 1].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      (index > 0 ? links[index - 1] : input).focus();
    }
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      open();
    }
  });
  var params = new URLSearchParams(location.search);
  if (params.get("zoek")) {
    open();
    input.value = params.get("zoek");
    search();
  }
})();
