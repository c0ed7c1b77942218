/*
 * OpenWelcome chat widget: talks to Rasa's socket.io channel.
 *
 * Protocol (Rasa SocketIOInput): on connect emit "session_request" {session_id};
 * the server answers "session_confirm" with the id. User messages go out as
 * "user_uttered" {message, session_id, metadata}; bot messages come in as
 * "bot_uttered" {text, quick_replies|buttons}.
 *
 * The conversation is kept in sessionStorage only (gone when the tab closes);
 * nothing is written to localStorage or cookies. Text is always inserted as text.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "openwelcome.chat.v1";
  var SHARE_LOCATION = "/share_location"; // a button the widget handles itself (bot/followup_replies.py)
  var MAX_MESSAGES = 200;
  var WAITING_TIMEOUT_MS = 20000;
  var URL_PATTERN = /https?:\/\/[^\s<>"]+/g;

  /* ---- storage (sessionStorage only; memory if the browser refuses it) ---- */

  function openStorage() {
    try {
      var storage = window.sessionStorage;
      storage.setItem(STORAGE_KEY + ".probe", "1");
      storage.removeItem(STORAGE_KEY + ".probe");
      return storage;
    } catch (error) {
      return null;
    }
  }

  function emptyState(language) {
    return { sessionId: null, language: language, languagePending: false, open: false, messages: [], outbox: [] };
  }

  function loadState(storage, fallbackLanguage) {
    var state = emptyState(fallbackLanguage);
    if (!storage) { return state; }
    try {
      var saved = JSON.parse(storage.getItem(STORAGE_KEY) || "null");
      if (saved && typeof saved === "object") {
        state.sessionId = typeof saved.sessionId === "string" ? saved.sessionId : null;
        state.language = typeof saved.language === "string" ? saved.language : fallbackLanguage;
        state.languagePending = saved.languagePending === true;
        state.open = saved.open === true;
        state.messages = Array.isArray(saved.messages) ? saved.messages : [];
        state.outbox = Array.isArray(saved.outbox) ? saved.outbox : [];
      }
    } catch (error) { /* a damaged entry starts a new conversation */ }
    return state;
  }

  /* ---- rendering helpers (never innerHTML) ---- */

  function make(tag, className, text) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    if (text !== undefined && text !== null) { element.textContent = text; }
    return element;
  }

  function trimUrl(url) {
    return url.replace(/[.,;:!?)\]}'’”]+$/, "");
  }

  /** Appends text, turning http(s) URLs into links. */
  function appendLinkified(parent, text, strings) {
    var last = 0;
    text.replace(URL_PATTERN, function (match, offset) {
      var url = trimUrl(match);
      parent.appendChild(document.createTextNode(text.slice(last, offset)));
      var link = make("a", "ow-link", url);
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      var note = make("span", "ow-sr-only", " " + strings.opens_new_tab);
      note.setAttribute("data-ow-string", "opens_new_tab");
      link.appendChild(note);
      parent.appendChild(link);
      last = offset + url.length;
      return match;
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  /** Appends text with "**bold**" as <strong> (only when the markers pair up). */
  function appendRichText(parent, text, strings) {
    var parts = text.split("**");
    if (parts.length % 2 === 0) { parts = [text]; }
    parts.forEach(function (part, index) {
      var target = parent;
      if (index % 2 === 1) {
        target = make("strong");
        parent.appendChild(target);
      }
      appendLinkified(target, part, strings);
    });
  }

  /** Reduces a "bot_uttered" payload to {text, buttons}; null when there is nothing to show. */
  function normalizeBotMessage(data) {
    if (!data || typeof data !== "object") { return null; }
    var text = typeof data.text === "string" ? data.text : "";
    if (!text && data.attachment && data.attachment.payload && typeof data.attachment.payload.src === "string") {
      text = data.attachment.payload.src;
    }
    var raw = [].concat(Array.isArray(data.quick_replies) ? data.quick_replies : [],
      Array.isArray(data.buttons) ? data.buttons : []);
    var buttons = [];
    raw.forEach(function (button) {
      if (!button || typeof button.title !== "string" || !button.title) { return; }
      if (typeof button.payload === "string" && button.payload) {
        buttons.push({ title: button.title, payload: button.payload });
      } else if (typeof button.url === "string" && /^https?:\/\//i.test(button.url)) {
        buttons.push({ title: button.title, url: button.url });
      }
    });
    if (!text && buttons.length === 0) { return null; }
    return { text: text, buttons: buttons };
  }

  /* ---- the widget ---- */

  function Widget(root, config) {
    this.root = root;
    this.config = config;
    this.languages = {};
    config.languages.forEach(function (option) { this.languages[option.code] = option; }, this);
    this.element = function (id) { return document.getElementById(id); };
    this.toggle = this.element("ow-toggle");
    this.panel = this.element("ow-panel");
    this.log = this.element("ow-log");
    this.scroller = this.element("ow-scroll");
    this.empty = this.element("ow-empty");
    this.status = this.element("ow-status");
    this.form = this.element("ow-form");
    this.input = this.element("ow-input");
    this.select = this.element("ow-language");
    this.storage = openStorage();
    var startLanguage = this.languages[config.pageLanguage] ? config.pageLanguage : config.defaultLanguage;
    this.state = loadState(this.storage, startLanguage);
    if (!this.languages[this.state.language]) { this.state.language = startLanguage; }
    this.socket = null;
    this.confirmed = false;
    this.everConnected = false;
    this.statusKey = "connecting";
    this.waitingTimer = null;
    this.reducedMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  Widget.prototype.strings = function () {
    return this.config.strings[this.state.language] || this.config.strings[this.config.defaultLanguage] || {};
  };

  Widget.prototype.fill = function (text) {
    return String(text || "").replace("{number}", this.config.emergencyNumber || "");
  };

  Widget.prototype.save = function () {
    if (!this.storage) { return; }
    try {
      this.storage.setItem(STORAGE_KEY, JSON.stringify(this.state));
    } catch (error) { /* storage full or refused: the chat still works for this page */ }
  };

  Widget.prototype.start = function () {
    var self = this;
    this.toggle.addEventListener("click", function () { self.setOpen(!self.state.open, true); });
    this.element("ow-close").addEventListener("click", function () { self.setOpen(false, true); });
    this.element("ow-clear").addEventListener("click", function () { self.clear(); });
    this.root.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && self.state.open) {
        event.preventDefault();
        self.setOpen(false, true);
      }
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = self.input.value.trim();
      if (!text) { return; }
      self.input.value = "";
      self.sendUser(text, text, null);
    });
    this.select.addEventListener("change", function () { self.chooseLanguage(self.select.value); });
    this.state.messages.forEach(function (message) { self.render(message); });
    this.applyLanguage();
    this.root.hidden = false;
    if (this.state.open) { this.setOpen(true, false); }
  };

  Widget.prototype.setOpen = function (open, moveFocus) {
    this.state.open = open;
    this.save();
    this.panel.hidden = !open;
    this.root.classList.toggle("is-open", open);
    this.toggle.setAttribute("aria-expanded", open ? "true" : "false");
    this.element("ow-toggle-label").setAttribute("data-ow-string", open ? "close_chat" : "title");
    this.applyStrings();
    if (open) {
      this.connect();
      this.scrollToEnd();
      if (moveFocus) { this.input.focus(); }
    } else if (moveFocus) {
      this.toggle.focus();
    }
  };

  Widget.prototype.applyLanguage = function () {
    var option = this.languages[this.state.language];
    this.root.setAttribute("lang", option.code);
    this.root.setAttribute("dir", option.dir);
    this.select.value = option.code;
    this.applyStrings();
  };

  Widget.prototype.applyStrings = function () {
    var strings = this.strings();
    var self = this;
    this.root.querySelectorAll("[data-ow-string]").forEach(function (element) {
      var key = element.getAttribute("data-ow-string");
      if (strings[key] !== undefined) { element.textContent = (key === "opens_new_tab" ? " " : "") + self.fill(strings[key]); }
    });
    this.root.querySelectorAll("[data-ow-label]").forEach(function (element) {
      var key = element.getAttribute("data-ow-label");
      if (strings[key] !== undefined) { element.setAttribute("aria-label", self.fill(strings[key])); }
    });
    this.setStatus(this.statusKey);
  };

  Widget.prototype.setStatus = function (key) {
    this.statusKey = key;
    this.status.setAttribute("data-state", key);
    this.status.textContent = this.strings()["status_" + key] || "";
  };

  Widget.prototype.connect = function () {
    if (this.socket) { return; }
    if (typeof window.io !== "function") {
      this.setStatus("reconnecting");
      return;
    }
    var self = this;
    this.setStatus("connecting");
    var socket = window.io(this.config.rasaUrl, { path: this.config.socketPath, transports: ["websocket", "polling"] });
    socket.on("connect", function () {
      self.confirmed = false;
      socket.emit("session_request", { session_id: self.state.sessionId || null });
    });
    socket.on("session_confirm", function (data) {
      var id = typeof data === "string" ? data : (data && data.session_id);
      if (!id) { return; }
      self.state.sessionId = String(id);
      self.confirmed = true;
      self.everConnected = true;
      self.save();
      if (self.flush() > 0) {
        self.startWaiting();
      } else {
        self.setStatus("connected");
      }
    });
    socket.on("bot_uttered", function (data) { self.receive(data); });
    socket.on("disconnect", function () {
      self.confirmed = false;
      self.setStatus("reconnecting");
    });
    socket.on("connect_error", function () {
      self.setStatus(self.everConnected ? "reconnecting" : "connecting");
    });
    this.socket = socket;
  };

  /** Sends what waits in the outbox once the session is confirmed; returns how many went. */
  Widget.prototype.flush = function () {
    var sent = 0;
    while (this.socket && this.socket.connected && this.confirmed && this.state.outbox.length) {
      var item = this.state.outbox.shift();
      this.socket.emit("user_uttered", { message: item.message, session_id: this.state.sessionId, metadata: item.metadata });
      sent += 1;
    }
    this.save();
    return sent;
  };

  /** Shows `display` as the user's message and sends `message` (text or a payload). */
  Widget.prototype.sendUser = function (message, display, displayLanguage) {
    this.addMessage({ from: "user", text: display, lang: displayLanguage || null });
    var metadata = {};
    if (this.state.languagePending) {
      metadata.language = this.state.language;
      this.state.languagePending = false;
    }
    this.state.outbox.push({ message: message, metadata: metadata });
    this.connect();
    if (this.flush() > 0) {
      this.startWaiting();
    } else if (this.statusKey === "reconnecting") {
      this.setStatus("queued");
    }
  };

  /** Shows "the assistant is answering" until a reply comes (or a while has passed). */
  Widget.prototype.startWaiting = function () {
    var self = this;
    clearTimeout(this.waitingTimer);
    this.setStatus("waiting");
    this.waitingTimer = setTimeout(function () {
      self.waitingTimer = null;
      if (self.statusKey === "waiting") { self.setStatus("connected"); }
    }, WAITING_TIMEOUT_MS);
  };

  Widget.prototype.receive = function (data) {
    var message = normalizeBotMessage(data);
    if (!message) { return; }
    clearTimeout(this.waitingTimer);
    this.waitingTimer = null;
    if (this.confirmed) { this.setStatus("connected"); }
    message.from = "bot";
    message.lang = this.state.language;
    this.addMessage(message);
  };

  Widget.prototype.chooseLanguage = function (code) {
    var option = this.languages[code];
    if (!option || code === this.state.language) { return; }
    this.state.language = code;
    this.state.languagePending = true;
    this.applyLanguage();
    this.sendUser("/choose_language" + JSON.stringify({ language: code }), option.name, code);
  };

  Widget.prototype.addMessage = function (message) {
    this.state.messages.push(message);
    if (this.state.messages.length > MAX_MESSAGES) {
      this.state.messages.splice(0, this.state.messages.length - MAX_MESSAGES);
    }
    this.save();
    this.render(message);
    this.scrollToEnd();
  };

  Widget.prototype.render = function (message) {
    var self = this;
    var strings = this.strings();
    var isBot = message.from === "bot";
    var item = make("div", "ow-msg " + (isBot ? "ow-msg--bot" : "ow-msg--user"));
    var who = isBot ? "assistant_said" : "you_said";
    var label = make("span", "ow-sr-only", strings[who] || "");
    label.setAttribute("data-ow-string", who);
    item.appendChild(label);
    var bubble = make("p", "ow-bubble");
    bubble.setAttribute("dir", "auto");
    if (message.lang) { bubble.setAttribute("lang", message.lang); }
    appendRichText(bubble, String(message.text || ""), strings);
    item.appendChild(bubble);
    if (isBot && Array.isArray(message.buttons) && message.buttons.length) {
      var group = make("div", "ow-choices");
      group.setAttribute("role", "group");
      group.setAttribute("data-ow-label", "choose_answer");
      group.setAttribute("aria-label", strings.choose_answer || "");
      message.buttons.forEach(function (button) { group.appendChild(self.renderChoice(button, message.lang)); });
      item.appendChild(group);
    }
    if (this.empty) { this.empty.hidden = true; }
    this.log.appendChild(item);
  };

  Widget.prototype.renderChoice = function (button, language) {
    var self = this;
    var element;
    if (button.url) {
      element = make("a", "ow-choice", button.title);
      element.href = button.url;
      element.target = "_blank";
      element.rel = "noopener noreferrer";
    } else {
      element = make("button", "ow-choice", button.title);
      element.type = "button";
      element.addEventListener("click", function () {
        if (button.payload === SHARE_LOCATION) {
          self.shareLocation(button.title, language);
        } else {
          self.sendUser(button.payload, button.title, language);
        }
      });
    }
    element.setAttribute("dir", "auto");
    if (language) { element.setAttribute("lang", language); }
    return element;
  };

  /**
   * "Share my location": only on this click (opt-in), asks the browser for the position once
   * and sends it rounded to about 100 m; nothing is sent if the person or the browser says no.
   */
  Widget.prototype.shareLocation = function (title, language) {
    var self = this;
    var strings = this.strings();
    if (!navigator.geolocation) {
      self.addMessage({ from: "bot", text: strings.location_unavailable || "", lang: language || null });
      return;
    }
    navigator.geolocation.getCurrentPosition(
      function (position) {
        var lat = Math.round(position.coords.latitude * 1000) / 1000;
        var lon = Math.round(position.coords.longitude * 1000) / 1000;
        self.sendUser('/narrow_services{"lat": ' + lat + ', "lon": ' + lon + "}", title, language);
      },
      function () {
        self.addMessage({ from: "bot", text: strings.location_unavailable || "", lang: language || null });
      },
      { enableHighAccuracy: false, maximumAge: 600000, timeout: 15000 }
    );
  };

  Widget.prototype.scrollToEnd = function () {
    var scroller = this.scroller;
    if (typeof scroller.scrollTo === "function") {
      scroller.scrollTo({ top: scroller.scrollHeight, behavior: this.reducedMotion ? "auto" : "smooth" });
    } else {
      scroller.scrollTop = scroller.scrollHeight;
    }
  };

  /** Forgets the conversation and starts a new session with the server. */
  Widget.prototype.clear = function () {
    var language = this.state.language;
    this.state = emptyState(language);
    this.state.open = true;
    this.save();
    this.log.querySelectorAll(".ow-msg").forEach(function (element) { element.remove(); });
    if (this.empty) { this.empty.hidden = false; }
    if (this.socket) {
      this.socket.disconnect();
      this.socket.connect();
    }
    this.input.focus();
  };

  function main() {
    var root = document.getElementById("ow-widget");
    var configElement = document.getElementById("ow-config");
    if (!root || !configElement) { return; }
    var config;
    try {
      config = JSON.parse(configElement.textContent);
    } catch (error) {
      return;
    }
    var widget = new Widget(root, config);
    widget.start();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", main);
  } else {
    main();
  }
}());
