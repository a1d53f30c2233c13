// Gazette's newsroom script. Every page works without it; on the article editor it adds:
// - autosave: the form is kept on the server every half minute while someone writes (and after a pause),
//   and as they leave the page, apart from the article until they save;
// - a warning before leaving with changes that were not saved;
// - "Publish" that reads "Schedule" while the publication time typed is still ahead.
(function () {
  "use strict";

  const form = document.querySelector("form[data-editor]");
  if (!form) return;

  const EVERY_MS = 30000; // keep a copy at least this often while someone types
  const PAUSE_MS = 5000; // and when they stop for this long
  const status = document.getElementById("autosave-status");
  const zone = form.dataset.timeZone || "UTC";

  // The form's text fields, as the server reads them (files and the pressed button left out).
  function fields() {
    const out = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === "string" && name !== "action" && name !== "intent") out.append(name, value);
    }
    return out;
  }

  const loaded = fields().toString();
  let keptText = loaded;
  let lastKeptAt = Date.now();
  let pauseTimer = null;
  let leaving = false;

  function say(text) {
    if (status) status.textContent = text;
  }

  // Changed since the page came, or came with text not saved yet (restored, or sent back with a problem).
  function changed() {
    return form.hasAttribute("data-unsaved") || fields().toString() !== loaded;
  }

  function keep() {
    const body = fields();
    const text = body.toString();
    if (text === keptText || !form.dataset.autosave) return;
    lastKeptAt = Date.now();
    fetch(form.dataset.autosave, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      redirect: "manual",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) throw new Error("not kept");
        return response.json();
      })
      .then(function (answer) {
        keptText = text;
        say(answer.message);
      })
      .catch(function () {
        say("No copy could be kept just now (are you still signed in?). Your text is still here.");
      });
  }

  // On leaving: the browser sends this even as the tab closes.
  function keepOnLeaving() {
    const body = fields();
    if (leaving || body.toString() === keptText || !form.dataset.autosave || !navigator.sendBeacon) return;
    if (navigator.sendBeacon(form.dataset.autosave, body)) keptText = body.toString();
  }

  function typed() {
    clearTimeout(pauseTimer);
    if (Date.now() - lastKeptAt >= EVERY_MS) keep();
    pauseTimer = setTimeout(keep, PAUSE_MS);
  }

  form.addEventListener("input", typed);
  form.addEventListener("change", typed);
  setInterval(function () {
    if (fields().toString() !== keptText) keep();
  }, EVERY_MS);

  form.addEventListener("submit", function (event) {
    const button = event.submitter;
    // "Upload and insert" puts the image where the cursor is in the body.
    const cursor = document.getElementById("body_cursor");
    const body = document.getElementById("body");
    if (cursor && body && button && button.value === "insert-image") cursor.value = String(body.selectionStart);
    // Preview opens in its own tab: this page stays, and so does the warning.
    if (button && button.formTarget === "_blank") return;
    leaving = true;
    clearTimeout(pauseTimer);
  });

  window.addEventListener("beforeunload", function (event) {
    if (leaving || !changed()) return;
    event.preventDefault();
    event.returnValue = "";
  });
  window.addEventListener("pagehide", keepOnLeaving);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") keepOnLeaving();
  });

  // "Publish" or "Schedule", by the publication time typed, read in the site's time zone.
  const when = document.getElementById("published_at");
  const publish = form.querySelector('button[name="action"][value="publish"], button[name="action"][value="schedule"]');

  function wallClock(date) {
    const parts = {};
    const format = new Intl.DateTimeFormat("en-CA", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    });
    for (const part of format.formatToParts(date)) parts[part.type] = Number(part.value);
    return [parts.year, parts.month, parts.day, parts.hour, parts.minute];
  }

  // True when the typed time is still ahead, false when it is now or past, null when it cannot be read.
  function ahead(text) {
    const typedText = text.trim().toLowerCase();
    if (typedText === "" || typedText === "now") return false;
    if (/^tomorrow\b/.test(typedText)) return true;
    const now = wallClock(new Date());
    let time = null;
    const today = /^today\s+(?:at\s+)?(\d{1,2}):(\d{2})$/.exec(typedText);
    const full = /^(\d{4})-(\d{2})-(\d{2})(?:[ t](\d{2}):(\d{2}))?/.exec(typedText);
    if (today) time = [now[0], now[1], now[2], Number(today[1]), Number(today[2])];
    else if (full) time = [1, 2, 3, 4, 5].map(function (i) { return Number(full[i] || 0); });
    if (!time) return null;
    for (let i = 0; i < 5; i++) {
      if (time[i] !== now[i]) return time[i] > now[i];
    }
    return false;
  }

  if (when && publish) {
    const relabel = function () {
      const later = ahead(when.value);
      if (later === null) return;
      publish.value = later ? "schedule" : "publish";
      publish.textContent = later ? "Schedule" : "Publish";
    };
    when.addEventListener("input", relabel);
    relabel();
  }
})();
