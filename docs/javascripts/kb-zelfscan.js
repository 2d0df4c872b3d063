/*
 * Self-assessments (werkinstrumenten/<id>/): progress, scores, an action plan, and the
 * answers kept in this browser only (localStorage), with export (JSON, CSV), import and
 * "Wis mijn antwoorden". Nothing is sent anywhere: no request leaves the page.
 *
 * Without this script the page is a readable, printable questionnaire. The markup comes
 * from kb.render.zelfscan; its data attributes are the contract:
 *   form[data-zelfscan=<id>][data-zelfscan-version=<n>]
 *   fieldset[data-zelfscan-question=<id>][data-weight=<1-3>] with radios (value = answer
 *   id, data-score = 0-3) and details[data-zelfscan-advice] (what to do, links)
 *   [data-zelfscan-score] (data-score = the total), [data-zelfscan-actions] > ol > li
 *
 * Score: 100 x sum(weight x (chosen - lowest)) / sum(weight x (highest - lowest)) over
 * the answered questions. Plan: answered questions whose answer is not the highest,
 * largest weight x (highest - chosen) first.
 */
(function () {
  "use strict";

  var PREFIX = "kb-zelfscan:";

  function storage() {
    try {
      var probe = "__kb_probe__";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  function text(element) {
    return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function setUp(form) {
    var id = form.getAttribute("data-zelfscan");
    var version = parseInt(form.getAttribute("data-zelfscan-version"), 10) || 1;
    var title = form.getAttribute("data-zelfscan-title") || id;
    var key = PREFIX + id;
    var store = storage();
    var questions = Array.prototype.slice.call(form.querySelectorAll("[data-zelfscan-question]"));
    var tools = form.querySelector("[data-zelfscan-tools]");
    var progress = form.querySelector("[data-zelfscan-progress]");
    var notice = form.querySelector("[data-zelfscan-notice]");
    var result = form.querySelector("[data-zelfscan-result]");
    var total = form.querySelector("[data-zelfscan-score]");
    var plan = form.querySelector("[data-zelfscan-actions] ol");
    var planEmpty = form.querySelector("[data-zelfscan-actions-empty]");

    function say(message) {
      notice.textContent = message;
      notice.hidden = !message;
    }

    function radios(question) {
      return Array.prototype.slice.call(question.querySelectorAll("input[type=radio]"));
    }

    function facts(question) {
      var options = radios(question);
      var scores = options.map(function (r) { return parseInt(r.getAttribute("data-score"), 10); });
      var chosen = options.filter(function (r) { return r.checked; })[0] || null;
      return {
        id: question.getAttribute("data-zelfscan-question"),
        weight: parseInt(question.getAttribute("data-weight"), 10) || 1,
        lowest: Math.min.apply(null, scores),
        highest: Math.max.apply(null, scores),
        chosen: chosen,
        score: chosen ? parseInt(chosen.getAttribute("data-score"), 10) : null
      };
    }

    function answers() {
      var out = {};
      questions.forEach(function (question) {
        var f = facts(question);
        if (f.chosen) out[f.id] = f.chosen.value;
      });
      return out;
    }

    function save() {
      if (!store) return;
      var data = { scan: id, version: version, saved: new Date().toISOString(), answers: answers() };
      if (Object.keys(data.answers).length === 0) {
        store.removeItem(key);
      } else {
        store.setItem(key, JSON.stringify(data));
      }
    }

    // Apply stored or imported answers; returns how many no longer exist.
    function apply(stored) {
      var dropped = 0;
      Object.keys(stored || {}).forEach(function (questionId) {
        var question = questions.filter(function (q) {
          return q.getAttribute("data-zelfscan-question") === questionId;
        })[0];
        var radio = question && radios(question).filter(function (r) {
          return r.value === String(stored[questionId]);
        })[0];
        if (radio) {
          radio.checked = true;
        } else {
          dropped += 1;
        }
      });
      return dropped;
    }

    function score(list) {
      var got = 0;
      var possible = 0;
      list.forEach(function (f) {
        if (f.score === null) return;
        got += f.weight * (f.score - f.lowest);
        possible += f.weight * (f.highest - f.lowest);
      });
      return possible > 0 ? Math.round((100 * got) / possible) : null;
    }

    function planItem(question, f) {
      var item = document.createElement("li");
      var heading = document.createElement("p");
      var strong = document.createElement("strong");
      strong.textContent = text(question.querySelector("legend"));
      heading.appendChild(strong);
      item.appendChild(heading);
      var answer = document.createElement("p");
      var label = form.querySelector('label[for="' + f.chosen.id + '"]');
      answer.textContent = "Je antwoord: " + text(label);
      item.appendChild(answer);
      var advice = question.querySelector("[data-zelfscan-advice]");
      Array.prototype.slice.call(advice.children).forEach(function (child) {
        if (child.tagName !== "SUMMARY") item.appendChild(child.cloneNode(true));
      });
      return item;
    }

    function update() {
      var all = questions.map(facts);
      var answered = all.filter(function (f) { return f.score !== null; }).length;
      progress.textContent = answered + " van " + questions.length + " beantwoord";
      form.querySelectorAll("[data-zelfscan-section-score]").forEach(function (element) {
        var section = element.closest("[data-zelfscan-section]");
        var inSection = questions.filter(function (q) { return section.contains(q); }).map(facts);
        var value = score(inSection);
        element.hidden = false;
        element.textContent = value === null
          ? "Score voor dit onderdeel: nog geen antwoorden"
          : "Score voor dit onderdeel: " + value + " van 100";
      });
      var value = score(all);
      total.textContent = value === null ? "–" : String(value);
      total.setAttribute("data-score", value === null ? "" : String(value));
      var actions = [];
      questions.forEach(function (question, index) {
        var f = all[index];
        if (f.score !== null && f.score < f.highest) {
          actions.push({ question: question, facts: f, gap: f.weight * (f.highest - f.score), index: index });
        }
      });
      actions.sort(function (a, b) { return b.gap - a.gap || a.index - b.index; });
      while (plan.firstChild) plan.removeChild(plan.firstChild);
      actions.forEach(function (action) { plan.appendChild(planItem(action.question, action.facts)); });
      planEmpty.hidden = actions.length !== 0 || answered === 0;
    }

    function download(name, type, content) {
      var blob = new Blob([content], { type: type });
      var url = URL.createObjectURL(blob);
      var anchor = document.createElement("a");
      anchor.href = url;
      anchor.download = name;
      document.body.appendChild(anchor);
      anchor.click();
      document.body.removeChild(anchor);
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    }

    function csvCell(value) {
      var s = String(value === null || value === undefined ? "" : value);
      return /[";\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    }

    function exportCsv() {
      var rows = [["onderdeel", "vraag_id", "vraag", "gewicht", "antwoord_id", "antwoord", "score"]];
      questions.forEach(function (question) {
        var f = facts(question);
        var section = question.closest("[data-zelfscan-section]");
        var label = f.chosen ? form.querySelector('label[for="' + f.chosen.id + '"]') : null;
        rows.push([
          text(section.querySelector("h2")), f.id, text(question.querySelector("legend")), f.weight,
          f.chosen ? f.chosen.value : "", text(label), f.score === null ? "" : f.score
        ]);
      });
      var body = rows.map(function (row) { return row.map(csvCell).join(";"); }).join("\r\n");
      download(id + ".csv", "text/csv;charset=utf-8", "\ufeff" + body + "\r\n");
    }

    function exportJson() {
      var data = { scan: id, title: title, version: version, exported: new Date().toISOString(),
                   answers: answers() };
      download(id + ".json", "application/json", JSON.stringify(data, null, 2) + "\n");
    }

    function importJson(file) {
      var reader = new FileReader();
      reader.onload = function () {
        var data;
        try {
          data = JSON.parse(String(reader.result));
        } catch (error) {
          say("Dit bestand is geen export van een zelfscan (geen geldige JSON).");
          return;
        }
        if (!data || typeof data !== "object" || typeof data.answers !== "object") {
          say("Dit bestand is geen export van een zelfscan.");
          return;
        }
        if (data.scan !== id) {
          say("Dit bestand hoort bij een andere zelfscan (" + String(data.scan) + ").");
          return;
        }
        radios(form).forEach(function (r) { r.checked = false; });
        var dropped = apply(data.answers);
        save();
        update();
        say(dropped
          ? "Antwoorden ingelezen. " + dropped + " antwoord(en) bestaan niet meer in deze versie van de zelfscan en vielen weg."
          : "Antwoorden ingelezen.");
      };
      reader.readAsText(file);
    }

    // Restore what this browser kept.
    if (store) {
      var raw = store.getItem(key);
      if (raw) {
        var stored = null;
        try { stored = JSON.parse(raw); } catch (error) { stored = null; }
        if (stored && typeof stored.answers === "object") {
          var dropped = apply(stored.answers);
          if (dropped) {
            say("Deze zelfscan veranderde sinds je hem invulde (nu versie " + version + "). " +
                dropped + " antwoord(en) bestaan niet meer en vielen weg; kijk die vragen opnieuw na.");
            save();
          } else if (stored.version !== version) {
            say("Deze zelfscan kreeg een nieuwe versie (" + version + "). Je antwoorden bleven bewaard; kijk ze even na.");
            save();
          }
        }
      }
    } else {
      say("Je browser bewaart geen gegevens voor deze site: je antwoorden verdwijnen als je de pagina sluit. Exporteer ze als je verder wil.");
    }

    form.classList.add("kb-zelfscan--actief");
    tools.hidden = false;
    result.hidden = false;
    form.addEventListener("change", function (event) {
      if (event.target.matches("input[type=radio]")) {
        save();
        update();
      }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector('[data-zelfscan-export="json"]').addEventListener("click", exportJson);
    form.querySelector('[data-zelfscan-export="csv"]').addEventListener("click", exportCsv);
    form.querySelector("[data-zelfscan-print]").addEventListener("click", function () { window.print(); });
    form.querySelector("[data-zelfscan-import]").addEventListener("change", function (event) {
      if (event.target.files && event.target.files[0]) importJson(event.target.files[0]);
      event.target.value = "";
    });
    form.querySelector("[data-zelfscan-clear]").addEventListener("click", function () {
      if (!window.confirm("Wil je al je antwoorden op deze zelfscan van deze computer wissen?")) return;
      radios(form).forEach(function (r) { r.checked = false; });
      if (store) store.removeItem(key);
      update();
      say("Je antwoorden zijn gewist.");
    });
    update();
  }

  function start() {
    document.querySelectorAll("form[data-zelfscan]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
