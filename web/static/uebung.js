/* Practice mode: check an answer without reloading the page.
 *
 * Without JavaScript the form posts to the server, which renders the same feedback. Here the
 * answer goes to POST /api/uebung, the feedback is written (textContent only) into the
 * aria-live region, the score is updated and the focus moves to "Nächste Frage", so that a
 * keyboard user answers with Enter and goes on with Enter.
 */
(function () {
  "use strict";

  var form = document.getElementById("practice-form");
  var feedback = document.getElementById("feedback");
  var nextForm = document.getElementById("next-form");
  var input = document.getElementById("antwort");
  var button = document.getElementById("check-button");
  var errorBox = document.getElementById("practice-error");
  var dom = window.AmipDom;  // dom.js
  if (!form || !feedback || !nextForm || !input || !window.fetch || !dom) { return; }
  var el = dom.el;

  var busy = false;

  function field(f, name) {
    return f.querySelector('input[name="' + name + '"]');
  }

  function showError(message) {
    dom.fieldError(input, errorBox, "practice-prompt antwort-hint", message);
    input.focus();
  }

  function clearError() { dom.fieldError(input, errorBox, "practice-prompt antwort-hint", ""); }

  function showFeedback(data) {
    while (feedback.firstChild) { feedback.removeChild(feedback.firstChild); }
    feedback.className = "feedback " + (data.correct ? "is-correct" : "is-wrong");
    var message = el("p", "feedback-message");
    var mark = el("span", "feedback-mark", data.correct ? "✓" : "✗");
    mark.setAttribute("aria-hidden", "true");
    message.appendChild(mark);
    message.appendChild(document.createTextNode(" " + data.message));
    feedback.appendChild(message);
    var source = el("p", "feedback-source", "Im Dokument: ");
    var label = /^\d/.test(String(data.section)) ? "Abschnitt " + data.section : String(data.section);
    if (data.section_title && data.section_title !== data.section) { label += " " + data.section_title; }
    var link = el("a", null, label);
    link.setAttribute("href", data.href);
    source.appendChild(link);
    feedback.appendChild(source);
    if (data.excerpt) { feedback.appendChild(el("blockquote", "excerpt", data.excerpt)); }
  }

  function updateScore(correct) {
    var total = parseInt(field(form, "gesamt").value, 10) + 1;
    var right = parseInt(field(form, "richtig").value, 10) + (correct ? 1 : 0);
    [form, nextForm].forEach(function (f) {
      field(f, "gesamt").value = String(total);
      field(f, "richtig").value = String(right);
    });
    var score = document.getElementById("score");
    if (score) {
      document.getElementById("score-right").textContent = String(right);
      document.getElementById("score-total").textContent = String(total);
      score.hidden = false;
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (busy) { return; }
    var answer = input.value;
    if (!answer.trim()) { showError("Bitte geben Sie eine Antwort ein."); return; }
    clearError();
    busy = true;
    button.disabled = true;
    dom.postJson(form.getAttribute("data-api"), { item: field(form, "item").value, answer: answer },
                 "Die Antwort konnte nicht geprüft werden")
    .then(function (data) {
      busy = false;
      showFeedback(data);
      updateScore(data.correct);
      input.readOnly = true;
      button.hidden = true;
      nextForm.hidden = false;
      document.getElementById("next-button").focus();
    }).catch(function (err) {
      busy = false;
      button.disabled = false;
      showError(dom.errorText(err));
    });
  });
})();
