/* Chat page: send questions to POST /api/ask and render answers.
 *
 * Everything coming from the server (question echo, answer, excerpts, titles) is put into the
 * page with textContent / setAttribute only, never innerHTML, so nothing in a question or a
 * document can become markup. The markup mirrors templates/_answer.html (the no-JS fallback).
 */
(function () {
  "use strict";

  var KIND_LABELS = { glossary: "Begriff", fact: "Zahl", passage: "Textstelle", none: "nicht gefunden" };
  var MAX_CHARS = 500;
  var EXCERPT_CHARS = 260;

  var form = document.getElementById("ask-form");
  var box = document.getElementById("question");
  var button = document.getElementById("ask-button");
  var conversation = document.getElementById("conversation");
  var live = document.getElementById("live");
  var status = document.getElementById("status");
  var formError = document.getElementById("form-error");
  var dom = window.AmipDom;  // dom.js
  if (!form || !box || !conversation || !dom) { return; }
  var el = dom.el;

  var busy = false;

  function truncate(text, max) {
    text = String(text || "");
    if (text.length <= max) { return text; }
    var cut = text.slice(0, max);
    var space = cut.lastIndexOf(" ");
    return (space > max * 0.6 ? cut.slice(0, space) : cut) + " …";
  }

  // Same link as citation_href() in web.py: the document view, the excerpt to highlight, the anchor.
  function chatCitationHref(c) {
    var section = String(c.section || "");
    var params = new URLSearchParams();
    params.set("s", section);
    if (c.excerpt) { params.set("hl", String(c.excerpt).slice(0, 600)); }
    return "/doc/" + encodeURIComponent(String(c.doc || "")) + "?" + params.toString() +
      "#s-" + encodeURIComponent(section);
  }

  function valueText(f) {
    var value = String(f.value == null ? "" : f.value);
    if (f.unit && value.indexOf(f.unit) === -1) { value += " " + f.unit; }
    return value;
  }

  function factsTable(facts) {
    var wrap = el("div", "table-wrap");
    var table = el("table", "facts");
    table.appendChild(el("caption", null, "Zahlen aus dem Dokument"));
    var head = el("thead");
    var hr = el("tr");
    [["Gegenstand", ""], ["Kennzahl", ""], ["Wert", "num"], ["Zeitraum", ""], ["Abschnitt", ""]]
      .forEach(function (h) {
        var th = el("th", h[1] || null, h[0]);
        th.setAttribute("scope", "col");
        hr.appendChild(th);
      });
    head.appendChild(hr);
    table.appendChild(head);
    var body = el("tbody");
    facts.forEach(function (f) {
      var tr = el("tr");
      tr.appendChild(el("td", null, f.subject || ""));
      tr.appendChild(el("td", null, f.measure || ""));
      tr.appendChild(el("td", "num", valueText(f)));
      tr.appendChild(el("td", null, f.period || ""));
      tr.appendChild(el("td", null, f.section || ""));
      body.appendChild(tr);
    });
    table.appendChild(body);
    wrap.appendChild(table);
    return wrap;
  }

  // A table of the document (answer.table, see learn.table_payload) with its charts as images;
  // the same markup as table_with_charts() in templates/_figure_table.html.
  function figureTable(t) {
    var section = el("section", "answer-table");
    section.setAttribute("aria-label", "Tabelle aus dem Dokument: " + (t.title || ""));
    section.appendChild(el("h3", "answer-table-title", "Tabelle: " + (t.title || "")));
    var wrap = el("div", "table-wrap");
    var table = el("table", "figure-table");
    table.setAttribute("data-table", String(t.id || ""));
    var caption = el("caption", null, (t.title || "") + " ");
    caption.appendChild(el("span", "caption-source", "(Abschnitt " + (t.section || "") + ")"));
    table.appendChild(caption);
    var head = el("thead");
    var hr = el("tr");
    var first = el("th", null, t.row_header || "");
    first.setAttribute("scope", "col");
    hr.appendChild(first);
    (t.columns || []).forEach(function (label) {
      var th = el("th", "num", label);
      th.setAttribute("scope", "col");
      hr.appendChild(th);
    });
    head.appendChild(hr);
    table.appendChild(head);
    var body = el("tbody");
    (t.rows || []).forEach(function (r) {
      var classes = [];
      if (r.total) { classes.push("total"); }
      if (r.hit) { classes.push("hit"); }
      var tr = el("tr", classes.join(" ") || null);
      var th = el("th", null, r.label || "");
      th.setAttribute("scope", "row");
      if (r.hit) { th.appendChild(el("span", "visually-hidden", " (betrifft die Antwort)")); }
      tr.appendChild(th);
      (r.cells || []).forEach(function (cell) { tr.appendChild(el("td", "num", cell)); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    wrap.appendChild(table);
    section.appendChild(wrap);
    (t.charts || []).forEach(function (c) {
      var figure = el("figure", "answer-chart");
      var img = el("img");
      img.setAttribute("src", String(c.url || ""));
      img.setAttribute("alt", String(c.alt || ""));
      img.setAttribute("loading", "lazy");
      figure.appendChild(img);
      section.appendChild(figure);
    });
    var links = el("p", "hint");
    var toSection = el("a", null, "Abschnitt " + (t.section || "") + " im Dokument");
    toSection.setAttribute("href", String(t.section_url || ""));
    links.appendChild(toSection);
    links.appendChild(document.createTextNode(" · "));
    var toFigures = el("a", null, "Auf der Seite „Zahlen“ ansehen");
    toFigures.setAttribute("href", String(t.url || ""));
    links.appendChild(toFigures);
    section.appendChild(links);
    return section;
  }

  function citationList(citations) {
    var wrap = el("div", "sources");
    wrap.appendChild(el("h3", "sources-title", "Quellen"));
    var list = el("ol", "citations");
    citations.forEach(function (c, i) {
      var li = el("li", "citation");
      var label = "[" + (i + 1) + "] Abschnitt " + (c.section || "");
      if (c.title && c.title !== c.section) { label += ": " + c.title; }
      var a = el("a", "cite-link", label);
      a.setAttribute("href", chatCitationHref(c));
      li.appendChild(a);
      if (c.excerpt) { li.appendChild(el("blockquote", "excerpt", truncate(c.excerpt, EXCERPT_CHARS))); }
      list.appendChild(li);
    });
    wrap.appendChild(list);
    return wrap;
  }

  function renderExchange(data) {
    var kind = Object.prototype.hasOwnProperty.call(KIND_LABELS, data.kind) ? data.kind : "none";
    var li = el("li", "exchange");

    var q = el("div", "question-bubble");
    q.appendChild(el("span", "who", "Ihre Frage"));
    q.appendChild(el("p", "q-text", data.question));
    if (typeof data.read_as === "string" && data.read_as) {
      // a typing error was corrected before answering: say how the question was read
      q.appendChild(el("p", "read-as", "Gelesen als: „" + data.read_as + "“"));
    }
    li.appendChild(q);

    var article = el("article", "answer kind-" + kind);
    var header = el("header", "answer-head");
    header.appendChild(el("span", "who", "Antwort"));
    header.appendChild(el("span", "badge badge-" + kind, KIND_LABELS[kind]));
    article.appendChild(header);
    article.appendChild(el("p", "a-text", data.answer));
    if (Array.isArray(data.facts) && data.facts.length) { article.appendChild(factsTable(data.facts)); }
    if (data.table && typeof data.table === "object") { article.appendChild(figureTable(data.table)); }
    if (Array.isArray(data.citations) && data.citations.length) {
      article.appendChild(citationList(data.citations));
    }
    var actions = el("div", "answer-actions");
    actions.appendChild(el("button", "copy-btn", "Antwort kopieren")).setAttribute("type", "button");
    var copyStatus = el("span", "copy-status");
    copyStatus.setAttribute("role", "status");
    actions.appendChild(copyStatus);
    article.appendChild(actions);
    li.appendChild(article);
    return li;
  }

  function announce(text) {
    if (!live) { return; }
    live.textContent = "";
    // A short delay makes screen readers announce even a repeated, identical text.
    window.setTimeout(function () { live.textContent = text; }, 50);
  }

  function showError(message) { dom.fieldError(box, formError, "question-hint", message); }

  function clearError() { dom.fieldError(box, formError, "question-hint", ""); }

  function setBusy(on) {
    busy = on;
    button.disabled = on;
    form.setAttribute("aria-busy", on ? "true" : "false");
    status.textContent = on ? "Suche im Dokument …" : "";
  }

  function ask(question) {
    question = String(question || "").trim();
    if (busy) { return; }
    if (!question) { showError("Bitte geben Sie eine Frage ein."); box.focus(); return; }
    if (question.length > MAX_CHARS) {
      showError("Die Frage ist zu lang: höchstens " + MAX_CHARS + " Zeichen."); box.focus(); return;
    }
    clearError();
    setBusy(true);
    dom.postJson("/api/ask", { question: question }, "Die Antwort konnte nicht geladen werden")
    .then(function (data) {
      var item = renderExchange(data);
      conversation.appendChild(item);
      box.value = "";
      setBusy(false);
      var kind = KIND_LABELS[data.kind] || KIND_LABELS.none;
      var n = Array.isArray(data.citations) ? data.citations.length : 0;
      announce("Antwort, " + kind + ": " + (data.answer || "") +
        (n ? " " + n + (n === 1 ? " Quelle." : " Quellen.") : ""));
      var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      item.scrollIntoView({ block: "start", behavior: reduce ? "auto" : "smooth" });
    }).catch(function (err) {
      setBusy(false);
      showError(dom.errorText(err));
      box.focus();
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    ask(box.value);
  });

  // Enter sends, Shift+Enter makes a new line; never send while an IME is composing.
  box.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && !event.altKey &&
        !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      ask(box.value);
    }
  });

  box.addEventListener("input", function () {
    if (!formError.hidden && box.value.trim()) { clearError(); }
  });

  // Starter questions are submit buttons of a plain form (works without JS); here they go via fetch.
  document.querySelectorAll(".starter-form").forEach(function (starterForm) {
    starterForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var submitter = event.submitter;
      if (submitter && submitter.value) {
        box.value = submitter.value;
        ask(submitter.value);
        box.focus();
      }
    });
  });

  function plainUrl(href) {
    try {
      var url = new URL(href, window.location.href);
      return url.origin + url.pathname + url.hash;
    } catch (e) {
      return href;
    }
  }

  function answerAsText(article) {
    var lines = [];
    var answer = article.querySelector(".a-text");
    lines.push(answer ? answer.textContent.trim() : "");
    var links = article.querySelectorAll(".cite-link");
    if (links.length) {
      lines.push("", "Quellen (AMIP 2022, Jobcenter Landkreis Kassel):");
      links.forEach(function (a) { lines.push(a.textContent.trim() + " – " + plainUrl(a.href)); });
    }
    return lines.join("\n");
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Fallback for plain-http hosts other than localhost: a temporary, off-screen textarea.
    return new Promise(function (resolve, reject) {
      var area = el("textarea", "visually-hidden");
      area.value = text;
      area.setAttribute("readonly", "");
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  conversation.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    var btn = target.closest(".copy-btn");
    if (!btn) { return; }
    var article = btn.closest(".answer");
    var note = article.querySelector(".copy-status");
    copyText(answerAsText(article)).then(function () {
      note.textContent = "Kopiert.";
    }, function () {
      note.textContent = "Kopieren nicht möglich. Bitte markieren Sie den Text von Hand.";
    }).then(function () {
      window.setTimeout(function () { note.textContent = ""; }, 4000);
    });
  });
})();
