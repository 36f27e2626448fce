/* The mailed links' pages (servicedesk/http/link_pages.py): /invite/<token> and
 * /reset/<token>. The token is read from the path and sent only to the mutation, on
 * /graphql of the same origin. The session the mutation opens is ended at once (logout):
 * this page keeps no tokens, in storage or elsewhere; the member logs in to the app.
 * Server text only ever reaches the page as textContent. Plain ES2017, no dependencies. */
(function () {
  "use strict";
  var TOKEN = /^[A-Za-z0-9_-]{1,200}$/;
  var ERRORS = "errors { field message code }";
  var SESSION = "accessToken refreshToken member { company { name } } " + ERRORS;
  var PAGES = {
    invite: {
      fields: ["name", "password"],
      query:
        "mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { " +
        SESSION + " } }",
      variables: function (token, values) {
        return { input: { token: token, name: values.name, password: values.password } };
      },
      result: "acceptInvitation",
      tokenHint: "Ask the person who invited you to send a new invitation.",
      done: function (payload) {
        var company = payload.member && payload.member.company;
        return company ? "You have joined " + company.name + "." : "You have joined.";
      }
    },
    reset: {
      fields: ["password", "again"],
      check: function (values) {
        return values.password === values.again ? null : { again: "The two passwords differ." };
      },
      query:
        "mutation($token: String!, $password: String!) { " +
        "resetPassword(token: $token, password: $password) { " + SESSION + " } }",
      variables: function (token, values) {
        return { token: token, password: values.password };
      },
      result: "resetPassword",
      done: function () {
        return "Your new password is set.";
      }
    }
  };
  var LOGOUT = "mutation($refreshToken: String!) { logout(refreshToken: $refreshToken) }";

  var main = document.querySelector("main[data-page]");
  var page = main && PAGES[main.getAttribute("data-page")];
  if (!page) return;
  var form = document.getElementById("form");
  var submit = document.getElementById("submit");
  var formError = document.getElementById("form-error");
  var token = location.pathname.split("/")[2] || "";

  function show(node, text) {
    node.textContent = text || "";
    node.hidden = !text;
  }
  function sentence(text) {
    return /[.!?]$/.test(text) ? text : text + ".";
  }
  function clearErrors() {
    show(formError, "");
    page.fields.forEach(function (name) {
      show(document.getElementById(name + "-error"), "");
      document.getElementById(name).removeAttribute("aria-invalid");
    });
  }
  function fieldError(name, message) {
    var input = document.getElementById(name);
    show(document.getElementById(name + "-error"), message);
    input.setAttribute("aria-invalid", "true");
    return input;
  }
  /* Each UserError beside its input (the last step of its path), the rest above the form;
     focus goes to the first one. */
  function showErrors(errors) {
    var first = null;
    var general = [];
    errors.forEach(function (error) {
      var name = error.field && error.field.length ? error.field[error.field.length - 1] : "";
      if (page.fields.indexOf(name) >= 0) {
        var input = fieldError(name, error.message);
        first = first || input;
      } else {
        general.push(error.message);
        // The link itself is spent or wrong: say what to do next.
        if (name === "token" && page.tokenHint) general.push(page.tokenHint);
      }
    });
    show(formError, general.map(sentence).join(" "));
    if (general.length) formError.focus();
    else if (first) first.focus();
  }

  function graphql(query, variables, accessToken) {
    var headers = { "Content-Type": "application/json", Accept: "application/json" };
    if (accessToken) headers.Authorization = "Bearer " + accessToken;
    return fetch("/graphql", {
      method: "POST",
      headers: headers,
      credentials: "omit",
      referrerPolicy: "no-referrer",
      body: JSON.stringify({ query: query, variables: variables })
    }).then(function (response) {
      return response.json().catch(function () {
        throw new Error("status " + response.status);
      });
    });
  }

  function finish(payload) {
    if (payload.accessToken && payload.refreshToken) {
      graphql(LOGOUT, { refreshToken: payload.refreshToken }, payload.accessToken).catch(
        function () { /* the session expires on its own */ }
      );
    }
    form.hidden = true;
    var done = document.getElementById("done");
    show(document.getElementById("done-text"), page.done(payload));
    var link = main.getAttribute("data-app-link");
    if (link) {
      document.getElementById("app-link").href = link;
    } else {
      document.getElementById("app").hidden = true;
      document.getElementById("log-in").hidden = false;
    }
    done.hidden = false;
    done.focus();
  }

  if (!TOKEN.test(token)) {
    show(formError, "This link is not complete: open it again from the e-mail.");
    submit.disabled = true;
    return;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors();
    var values = {};
    page.fields.forEach(function (name) {
      values[name] = document.getElementById(name).value;
    });
    var problems = page.check ? page.check(values) : null;
    if (problems) {
      var first = null;
      Object.keys(problems).forEach(function (name) {
        first = first || fieldError(name, problems[name]);
      });
      first.focus();
      return;
    }
    submit.disabled = true;
    graphql(page.query, page.variables(token, values))
      .then(function (body) {
        var payload = body && body.data && body.data[page.result];
        if (!payload) {
          var messages = (body && body.errors ? body.errors : []).map(function (e) {
            return e.message;
          });
          throw new Error(messages.join(" ") || "no answer");
        }
        if (payload.errors && payload.errors.length) {
          showErrors(payload.errors);
        } else {
          finish(payload);
        }
      })
      .catch(function (error) {
        show(formError, "Could not send this: " + error.message + ". Please try again.");
        formError.focus();
      })
      .then(function () {
        submit.disabled = false;
      });
  });
})();
