/* DOM and fetch helpers shared by chat.js and uebung.js, as window.AmipDom.
 *
 * A plain script (no modules, no bundler): the page templates load it with defer before the page
 * script, and deferred scripts run in document order. Text goes into the page with textContent
 * only, never innerHTML.
 */
(function () {
  "use strict";

  // An element with an optional class and an optional text (set as textContent).
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  // POST `body` as JSON to `url`. Resolves with the answer's JSON object; rejects with an Error
  // whose message is the server's "error" text, or else `failure` + " (Fehler <status>).", and
  // with the fetch TypeError when the server cannot be reached.
  function postJson(url, body, failure) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store"
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        if (!response.ok || !data || typeof data !== "object") {
          throw new Error(data && typeof data.error === "string" ? data.error
            : failure + " (Fehler " + response.status + ").");
        }
        return data;
      });
    });
  }

  // The sentence to show for a rejected postJson(): its message, or for a network failure
  // (fetch rejects with a TypeError) the request to try again.
  function errorText(err) {
    return err && err.message && !(err instanceof TypeError) ? err.message
      : "Der Server ist nicht erreichbar. Bitte versuchen Sie es erneut.";
  }

  // Show `message` in the error element `box` for the form field `field` and mark the field
  // invalid; `hint` is the field's aria-describedby without the error, which is added to it.
  // An empty message clears the error again.
  function fieldError(field, box, hint, message) {
    box.textContent = message || "";
    box.hidden = !message;
    if (message) {
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", hint + " " + box.id);
    } else {
      field.removeAttribute("aria-invalid");
      field.setAttribute("aria-describedby", hint);
    }
  }

  window.AmipDom = { el: el, postJson: postJson, errorText: errorText, fieldError: fieldError };
})();
