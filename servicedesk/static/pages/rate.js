/* The rating page (servicedesk/http/rating_page.py): /rate/<token>. The token is read from
 * the path and sent only to rateOrderByLink on /graphql of the same origin, with no
 * credentials. The page's words come from the server in the client's language (data-*);
 * server text only ever reaches the page as textContent. Plain ES2017, no dependencies. */
(function () {
  "use strict";
  var TOKEN = /^[A-Za-z0-9_-]{1,200}$/;
  var QUERY =
    "mutation($token: String!, $rating: Int!, $feedback: String) { " +
    "rateOrderByLink(token: $token, rating: $rating, feedback: $feedback) { " +
    "rated errors { field message code } } }";
  var FIELDS = ["rating", "feedback"];

  var main = document.querySelector("main[data-page=rate]");
  var form = document.getElementById("form");
  if (!main || !form || form.hidden) return;
  var submit = document.getElementById("submit");
  var formError = document.getElementById("form-error");
  var token = location.pathname.split("/")[2] || "";

  function show(node, text) {
    node.textContent = text || "";
    node.hidden = !text;
  }
  function chosen() {
    var input = form.querySelector("input[name=rating]:checked");
    return input ? parseInt(input.value, 10) : 0;
  }
  function focusOf(name) {
    return name === "rating"
      ? form.querySelector("input[name=rating]:checked") ||
          form.querySelector("input[name=rating]")
      : document.getElementById(name);
  }
  function clearErrors() {
    show(formError, "");
    FIELDS.forEach(function (name) {
      show(document.getElementById(name + "-error"), "");
    });
    document.getElementById("stars").removeAttribute("aria-invalid");
  }
  function fieldError(name, message) {
    show(document.getElementById(name + "-error"), message);
    if (name === "rating") document.getElementById("stars").setAttribute("aria-invalid", "true");
    return focusOf(name);
  }
  /* Each UserError beside its input, the rest (the link's own) above the form. */
  function showErrors(errors) {
    var first = null;
    var general = [];
    errors.forEach(function (error) {
      var name = error.field && error.field.length ? error.field[error.field.length - 1] : "";
      if (FIELDS.indexOf(name) >= 0) first = first || fieldError(name, error.message);
      else general.push(error.message);
    });
    show(formError, general.join(" "));
    if (general.length) {
      if (!first) form.hidden = true; // the link itself is spent: nothing left to send
      formError.focus();
    } else if (first) {
      first.focus();
    }
  }
  function finish() {
    form.hidden = true;
    var done = document.getElementById("done");
    show(document.getElementById("done-text"), main.getAttribute("data-done"));
    done.hidden = false;
    done.focus();
  }

  if (!TOKEN.test(token)) {
    form.hidden = true;
    return;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors();
    var rating = chosen();
    if (!rating) {
      fieldError("rating", main.getAttribute("data-pick")).focus();
      return;
    }
    var feedback = document.getElementById("feedback").value;
    submit.disabled = true;
    fetch("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      credentials: "omit",
      referrerPolicy: "no-referrer",
      body: JSON.stringify({
        query: QUERY,
        variables: { token: token, rating: rating, feedback: feedback || null }
      })
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (body) {
        var payload = body && body.data && body.data.rateOrderByLink;
        if (!payload) throw new Error("no answer");
        if (payload.errors && payload.errors.length) showErrors(payload.errors);
        else if (payload.rated) finish();
      })
      .catch(function () {
        show(formError, main.getAttribute("data-failed"));
        formError.focus();
      })
      .then(function () {
        submit.disabled = false;
      });
  });
})();
