// The web chat page. Keeps the session token in memory only: nothing in localStorage,
// sessionStorage, IndexedDB or cookies, so closing the tab or quick exit leaves no chat behind.
"use strict";

(function () {
  const body = document.body;
  const exitUrl = body.dataset.exitUrl;
  const maxChars = parseInt(body.dataset.maxChars, 10) || 2000;
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("message");
  const send = document.getElementById("send");
  const typing = document.getElementById("typing");
  const status = document.getElementById("status");
  const restart = document.getElementById("restart");
  let token = null;
  let busy = false;

  // Quick exit: GOV.UK's "Exit this page" pattern (the button, or Shift three times in a row).
  function quickExit() {
    const ending = token;
    token = null;
    log.replaceChildren();
    input.value = "";
    try { sessionStorage.clear(); } catch (e) { /* storage may be disabled */ }
    if (ending) {
      fetch("end", { method: "POST", keepalive: true, headers: { Authorization: "Bearer " + ending } })
        .catch(function () {});
    }
    document.title = "";
    // replace(): the chat is not left as a back-button entry.
    window.location.replace(exitUrl);
  }
  document.getElementById("quick-exit").addEventListener("click", quickExit);
  let shiftPresses = 0;
  let firstShiftAt = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") { shiftPresses = 0; return; }
    if (event.repeat) return;
    const now = Date.now();
    if (shiftPresses === 0 || now - firstShiftAt > 5000) { shiftPresses = 0; firstShiftAt = now; }
    shiftPresses += 1;
    if (shiftPresses >= 3) quickExit();
  });

  function linkify(element, text) {
    // Text is added as text nodes (never HTML); only https links become anchors.
    const pattern = /https:\/\/[^\s<>"')]+/g;
    let last = 0;
    let match;
    while ((match = pattern.exec(text)) !== null) {
      element.append(text.slice(last, match.index));
      const link = document.createElement("a");
      link.href = match[0];
      link.textContent = match[0];
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      element.append(link);
      last = match.index + match[0].length;
    }
    element.append(text.slice(last));
  }

  function addMessage(who, text) {
    const item = document.createElement("p");
    item.className = "msg " + who;
    const label = document.createElement("span");
    label.className = "visually-hidden";
    label.textContent = who === "bot" ? "Assistant said: " : "You said: ";
    item.append(label);
    linkify(item, text);
    log.append(item);
    item.scrollIntoView({ block: "nearest" });
  }

  function clearChoices() {
    log.querySelectorAll(".choices").forEach(function (group) { group.remove(); });
  }

  function addChoices(buttons) {
    const group = document.createElement("div");
    group.className = "choices";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Choose an answer");
    buttons.forEach(function (button) {
      const choice = document.createElement("button");
      choice.type = "button";
      choice.textContent = button.title;
      choice.addEventListener("click", function () { say(button.payload, button.title); });
      group.append(choice);
    });
    log.append(group);
    const firstChoice = group.querySelector("button");
    if (firstChoice) firstChoice.focus();
  }

  function showReplies(messages) {
    (messages || []).forEach(function (message) {
      if (message.text) addMessage("bot", message.text);
      if (message.buttons && message.buttons.length) addChoices(message.buttons);
    });
  }

  function setBusy(value) {
    busy = value;
    typing.hidden = !value;
    send.disabled = value;
  }

  function sessionEnded() {
    token = null;
    status.textContent = "This chat has ended. You can start a new one.";
    form.hidden = true;
    restart.hidden = false;
    restart.focus();
  }

  async function post(path, payload) {
    const headers = { "Content-Type": "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    const reply = await fetch(path, { method: "POST", headers: headers, body: JSON.stringify(payload || {}),
      credentials: "omit", cache: "no-store" });
    if (reply.status === 401) { sessionEnded(); return null; }
    if (!reply.ok) throw new Error("HTTP " + reply.status);
    return reply.json();
  }

  async function say(text, shown) {
    if (busy || !token) return;
    clearChoices();
    addMessage("user", shown || text);
    setBusy(true);
    status.textContent = "";
    try {
      const data = await post("message", { message: text });
      if (data) { token = data.token || token; showReplies(data.messages); }
    } catch (error) {
      status.textContent = "Sorry, your message could not be sent. If you are in danger now, call 999.";
    } finally {
      setBusy(false);
    }
  }

  async function start() {
    setBusy(true);
    log.replaceChildren();
    form.hidden = false;
    restart.hidden = true;
    status.textContent = "";
    try {
      const data = await post("session", {});
      if (data) { token = data.token; showReplies(data.messages); }
    } catch (error) {
      status.textContent = "Sorry, the chat could not start. If you are in danger now, call 999.";
    } finally {
      setBusy(false);
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const text = input.value;
    if (!text.trim()) { input.focus(); return; }
    input.value = "";
    say(text);
    input.focus();
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener("input", function () {
    status.textContent = input.value.length > maxChars
      ? "That's a long message. Shorter parts are easier for me to read." : "";
  });
  restart.addEventListener("click", start);
  start();
})();
