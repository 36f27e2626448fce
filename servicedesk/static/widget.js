/* The website chat widget of servicedesk: one tag on a page,
 *   <script src="https://desk.example.com/widget.js" data-widget-key="KEY" async></script>
 * gives a chat button and panel. The visitor's chat starts with the first message sent
 * (startChat), messages go out with sendChatMessage, staff replies come through the
 * chatMessages subscription (graphql-transport-ws). The chat token and the transcript are
 * kept in localStorage, so the chat survives reloads and moves between the site's pages.
 * When staff close the chat its token ends (EXPIRED, or a socket closed with 4403): the widget
 * forgets it and the next message starts a new chat, sending the old token along so that a
 * visitor staff blocked gets none.
 * Plain ES2017, no dependencies; message text only ever reaches the page as textContent. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__servicedeskChat) return;
  window.__servicedeskChat = true;
  var key = script.getAttribute("data-widget-key") || "";
  var title = script.getAttribute("data-title") || "Chat with us";
  var base = new URL(script.src, location.href);
  var httpUrl = base.origin + "/graphql";
  var wsUrl = httpUrl.replace(/^http/, "ws");
  var storeKey = "servicedesk-chat:" + base.origin + ":" + key;
  var KEEP = 100; // messages kept in the transcript
  var FIELDS = "id body direction createdAt";

  function load() {
    try { return JSON.parse(localStorage.getItem(storeKey)) || {}; } catch (e) { return {}; }
  }
  var state = load(); // {token, conversationId, after, previous, messages: [{id, dir, body}]}
  state.messages = state.messages || [];
  function save() {
    state.messages = state.messages.slice(-KEEP);
    try { localStorage.setItem(storeKey, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }

  // ---- the UI, in a shadow root so the site's styles and ours never mix
  var host = document.createElement("div");
  host.setAttribute("data-servicedesk-chat", "");
  var root = host.attachShadow({ mode: "open" });
  var style = document.createElement("style");
  style.textContent =
    ":host{all:initial;font:14px/1.4 system-ui,sans-serif}" +
    ".btn{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:24px;" +
    "padding:12px 18px;background:#2457d6;color:#fff;font:inherit;cursor:pointer;box-shadow:0 2px 8px #0004}" +
    ".panel{position:fixed;right:20px;bottom:76px;z-index:2147483000;width:320px;max-width:calc(100vw - 40px);" +
    "height:420px;max-height:calc(100vh - 100px);display:flex;flex-direction:column;background:#fff;color:#222;" +
    "border-radius:10px;box-shadow:0 4px 24px #0005;overflow:hidden}" +
    ".panel[hidden]{display:none}.head{padding:10px 14px;background:#2457d6;color:#fff;font-weight:600}" +
    ".log{flex:1;overflow-y:auto;padding:10px;display:flex;flex-direction:column;gap:6px}" +
    ".msg{max-width:80%;padding:6px 10px;border-radius:10px;white-space:pre-wrap;word-wrap:break-word}" +
    ".in{align-self:flex-end;background:#dce6ff}.out{align-self:flex-start;background:#eee}" +
    ".note{color:#a33;font-size:12px;padding:0 10px}" +
    "form{display:flex;flex-direction:column;gap:6px;padding:8px;border-top:1px solid #ddd}" +
    "input,textarea{font:inherit;padding:6px;border:1px solid #bbb;border-radius:6px}" +
    "textarea{resize:none;height:48px}.send{align-self:flex-end;border:0;border-radius:6px;" +
    "padding:6px 14px;background:#2457d6;color:#fff;font:inherit;cursor:pointer}";
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }
  var button = el("button", "btn", title);
  button.type = "button";
  var panel = el("div", "panel");
  panel.hidden = true;
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", title);
  var log = el("div", "log");
  log.setAttribute("aria-live", "polite");
  var note = el("div", "note");
  var form = el("form");
  var nameInput = el("input");
  nameInput.name = "name";
  nameInput.placeholder = "Your name (optional)";
  nameInput.maxLength = 200;
  var text = el("textarea");
  text.name = "message";
  text.placeholder = "Type a message";
  text.maxLength = 4000;
  var send = el("button", "send", "Send");
  send.type = "submit";
  form.append(nameInput, text, send);
  panel.append(el("div", "head", title), log, note, form);
  root.append(style, button, panel);

  function show(message) {
    var node = el("div", "msg " + (message.dir === "OUTBOUND" ? "out" : "in"), message.body);
    node.setAttribute("data-direction", message.dir);
    log.appendChild(node);
    log.scrollTop = log.scrollHeight;
  }
  function refresh() {
    nameInput.hidden = Boolean(state.token);
    log.textContent = "";
    state.messages.forEach(show);
  }
  function add(message) {
    if (message.id && state.messages.some(function (m) { return m.id === message.id; })) return;
    state.messages.push(message);
    save();
    show(message);
  }

  // ---- HTTP: startChat and sendChatMessage
  function post(query, variables, token) {
    var headers = { "Content-Type": "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    return fetch(httpUrl, {
      method: "POST",
      headers: headers,
      body: JSON.stringify({ query: query, variables: variables }),
    }).then(function (response) { return response.json(); });
  }
  function firstError(body, payload) {
    if (body.errors && body.errors.length) return body.errors[0];
    return payload && payload.errors && payload.errors.length ? payload.errors[0] : null;
  }
  function codeOf(error) {
    return error.code || (error.extensions && error.extensions.code) || null;
  }
  function start() {
    var name = nameInput.value.trim() || null;
    return post(
      "mutation($key: String!, $name: String) { startChat(widgetKey: $key, name: $name) " +
        "{ session { visitorToken conversationId } errors { message code } } }",
      { key: key, name: name },
      state.previous // the last chat's token: a visitor blocked by staff gets no new one
    ).then(function (body) {
      var payload = body.data && body.data.startChat;
      var error = firstError(body, payload);
      if (error) throw new Error(error.message);
      state.token = payload.session.visitorToken;
      state.conversationId = payload.session.conversationId;
      state.after = null;
      save();
      refresh();
      connect();
    });
  }
  function deliver(body, retried) {
    var ready = state.token ? Promise.resolve() : start();
    return ready.then(function () {
      return post(
        "mutation($body: String!) { sendChatMessage(body: $body) " +
          "{ message { " + FIELDS + " } errors { message code } } }",
        { body: body },
        state.token
      );
    }).then(function (response) {
      var payload = response.data && response.data.sendChatMessage;
      var error = firstError(response, payload);
      var code = error && codeOf(error);
      if ((code === "UNAUTHENTICATED" || code === "EXPIRED") && !retried) {
        forget(); // the chat ended (closed by staff, or its token expired): a new one
        return deliver(body, true);
      }
      if (error) throw new Error(error.message);
      add({ id: payload.message.id, dir: "INBOUND", body: payload.message.body });
    });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var body = text.value.trim();
    if (!body) return;
    send.disabled = true;
    note.textContent = "";
    deliver(body, false).then(function () {
      text.value = "";
    }).catch(function (error) {
      note.textContent = "Not sent: " + (error && error.message ? error.message : "network error");
    }).then(function () {
      send.disabled = false;
      text.focus();
    });
  });
  text.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  button.addEventListener("click", function () {
    panel.hidden = !panel.hidden;
    if (!panel.hidden) text.focus();
  });

  // ---- WebSocket: graphql-transport-ws, just what a subscriber needs
  var socket = null;
  var retry = 0;
  var timer = null;
  function forget() {
    state = { messages: [], previous: state.token || state.previous };
    save();
    if (socket) socket.close(1000);
    socket = null;
    refresh();
  }
  function connect() {
    if (!state.token || socket) return;
    clearTimeout(timer);
    var ws = new WebSocket(wsUrl, "graphql-transport-ws");
    var token = state.token;
    socket = ws;
    ws.onopen = function () {
      ws.send(JSON.stringify({
        type: "connection_init",
        payload: { Authorization: "Bearer " + token },
      }));
    };
    ws.onmessage = function (event) {
      var message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message.type === "connection_ack") {
        retry = 0;
        ws.send(JSON.stringify({
          id: "chat",
          type: "subscribe",
          payload: {
            query: "subscription($after: ID) { chatMessages(after: $after) { " + FIELDS + " } }",
            variables: { after: state.after || null },
          },
        }));
      } else if (message.type === "ping") {
        ws.send(JSON.stringify({ type: "pong" }));
      } else if (message.type === "next" && message.payload && message.payload.data) {
        var line = message.payload.data.chatMessages;
        state.after = line.id;
        add({ id: line.id, dir: line.direction, body: line.body });
      } else if (message.type === "error" || message.type === "complete") {
        ws.close(4000);
      }
    };
    ws.onclose = function (event) {
      if (socket !== ws) return;
      socket = null;
      if (event.code === 4403 && state.token === token) {
        forget(); // refused: the token is no longer valid, the next message starts anew
        return;
      }
      // Back off: 1 s, 2 s, 4 s ... up to 30 s, with jitter so a restart is not a stampede.
      var delay = Math.min(30000, 1000 * Math.pow(2, retry++)) * (0.5 + Math.random() / 2);
      timer = setTimeout(connect, delay);
    };
  }

  function mount() {
    document.body.appendChild(host);
    refresh();
    connect();
  }
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
