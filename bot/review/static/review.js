// Same-origin helpers for the review site (loaded as a file: the CSP forbids inline script).
// 1. Idle screen lock: after the idle timeout, leave the page so no personal data stays on an
//    unattended screen. The server enforces the timeout itself; this only clears the screen.
// 2. Queue refresh: poll a small JSON endpoint; reload the queue when something new arrives.
//    The poll is marked passive so it does not keep an idle session alive.
(function () {
  "use strict";
  var body = document.body;
  var idleSeconds = parseInt(body.getAttribute("data-idle-seconds") || "0", 10);
  var signInUrl = body.getAttribute("data-sign-in-url");

  function leave() { window.location.replace(signInUrl + "?expired=1"); }

  if (idleSeconds > 0 && signInUrl) {
    // Page loads are what the server counts as activity, so the timer starts with the page.
    window.setTimeout(leave, idleSeconds * 1000);
  }

  var pollUrl = body.getAttribute("data-poll-url");
  var stamp = body.getAttribute("data-queue-stamp");
  var status = document.getElementById("refresh-status");
  if (!pollUrl || !stamp) { return; }

  function poll() {
    fetch(pollUrl, { credentials: "same-origin", headers: { "X-Review-Passive": "1" }, cache: "no-store" })
      .then(function (response) {
        if (response.status === 401) { leave(); return null; }
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (!data) { return; }
        if (data.stamp !== stamp) {
          if (status) { status.textContent = "New or changed incidents: updating the queue."; }
          var url = new URL(window.location.href);
          url.searchParams.set("refreshed", "1");
          window.location.replace(url.toString());
        } else if (status) {
          status.textContent = "Queue checked at " + new Date().toLocaleTimeString("en-GB") + ".";
        }
      })
      .catch(function () {
        if (status) { status.textContent = "Could not check for new incidents. Reload the page to try again."; }
      });
  }
  window.setInterval(poll, 15000);
})();
