/* Glossary: filter the A-Z list while typing.
 *
 * Without JavaScript the form submits ?q= and the server filters; with it, terms are hidden
 * in place on every keystroke, so an abbreviation is found in a second.
 */
(function () {
  "use strict";

  var input = document.getElementById("filter");
  var count = document.getElementById("filter-count");
  var noMatch = document.getElementById("no-match");
  if (!input) { return; }
  var form = input.form;
  var terms = Array.prototype.slice.call(document.querySelectorAll(".term"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".letter-group"));
  var total = terms.length;
  var timer = null;

  function apply() {
    var q = input.value.trim().toLowerCase();
    var shown = 0;
    terms.forEach(function (term) {
      var hit = !q || (term.getAttribute("data-search") || "").indexOf(q) !== -1;
      term.hidden = !hit;
      if (hit) { shown += 1; }
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector(".term:not([hidden])");
    });
    if (noMatch) { noMatch.hidden = shown !== 0 || total === 0; }
    // Announce the count a moment after typing stops, not on every keystroke.
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      count.textContent = q ? shown + " von " + total + " Begriffen passen." : total + " Begriffe.";
    }, 300);
  }

  // The server renders every term (non-matches of ?q= hidden), so filtering stays local.
  input.addEventListener("input", apply);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { input.value = ""; apply(); }
  });
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
      var first = document.querySelector(".term:not([hidden]) a");
      if (first) { first.focus(); }
    });
  }
  if (input.value) { apply(); }
})();
