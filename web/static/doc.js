/* Document view: bring the highlighted citation into view.
 *
 * The server already marks the cited excerpt (<mark class="hl"> / .hl-block), so the page
 * works without JavaScript. Here we only scroll the first mark to the middle of the screen
 * and give it focus, so that keyboard and screen-reader users land on the cited words
 * rather than on the section heading.
 */
(function () {
  "use strict";

  function firstMark() {
    var id = decodeURIComponent(window.location.hash.replace(/^#/, ""));
    var section = id ? document.getElementById(id) : null;
    var scope = section || document;
    return scope.querySelector("mark.hl, .hl-block") || document.querySelector("mark.hl, .hl-block");
  }

  function show() {
    var mark = firstMark();
    if (!mark) { return; }
    if (!mark.hasAttribute("tabindex")) { mark.setAttribute("tabindex", "-1"); }
    var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    mark.scrollIntoView({ block: "center", behavior: reduce ? "auto" : "smooth" });
    mark.focus({ preventScroll: true });
  }

  // Chromium scrolls to the #s-… anchor once parsing ends and then clears the focus, so
  // focusing earlier would be undone: wait for load, then one more task.
  function later() { window.setTimeout(show, 0); }
  if (document.readyState === "complete") {
    later();
  } else {
    window.addEventListener("load", later);
  }
})();
