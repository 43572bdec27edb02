// The admin home's live activity feed (templates/analytics/panels/activity_feed.html): every 30 s it
// asks the feed for its newest items again and redraws the list; "Load more" follows the feed's
// cursor. The feed's sentences hold students' names and course titles, which are data: they only
// ever go in through textContent, never as markup.
(function () {
  "use strict";
  var REFRESH_MS = 30000;
  var PAGE_SIZE = 20;
  var MAX_PAGE_SIZE = 100;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  var feed = document.querySelector("[data-activity-feed]");
  if (!feed) return;
  var list = feed.querySelector("[data-activity-list]");
  var empty = feed.querySelector("[data-activity-empty]");
  var more = feed.querySelector("[data-activity-more]");
  var status = feed.querySelector("[data-activity-status]");
  var next = feed.dataset.next || null;
  var busy = false;
  var stopped = false;

  // Worded as analytics.wagtail_hooks.time_ago words it on the server.
  function ago(at, now) {
    var seconds = (now - at) / 1000;
    if (seconds < 60) return "just now";
    if (seconds < 3600) return Math.floor(seconds / 60) + " min ago";
    if (seconds < 86400) return Math.floor(seconds / 3600) + " h ago";
    var days = Math.floor(seconds / 86400);
    if (days < 7) return days === 1 ? "1 day ago" : days + " days ago";
    return at.getUTCDate() + " " + MONTHS[at.getUTCMonth()] + " " + at.getUTCFullYear();
  }

  function render(item, now) {
    var row = document.createElement("li");
    var link = document.createElement("a");
    link.href = item.student_url;
    link.textContent = item.text;
    var time = document.createElement("time");
    time.dateTime = item.at;
    time.title = item.at;
    time.textContent = ago(new Date(item.at), now);
    row.append(link, " ", time);
    return row;
  }

  function show(items, replace) {
    var now = new Date();
    var rows = items.map(function (item) { return render(item, now); });
    if (replace) list.replaceChildren.apply(list, rows);
    else list.append.apply(list, rows);
    empty.hidden = list.children.length > 0;
    more.hidden = !next;
  }

  function say(message) {
    status.textContent = message;
  }

  function load(params) {
    var url = new URL(feed.dataset.feedUrl, window.location.href);
    Object.keys(params).forEach(function (name) { url.searchParams.set(name, params[name]); });
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(
      function (response) {
        if (response.status === 401 || response.status === 403) {
          stopped = true;
          throw new Error("Your session has ended: reload the page to see new activity.");
        }
        if (!response.ok) throw new Error("The feed could not be loaded just now.");
        return response.json();
      }
    );
  }

  // Redraw as many items as are shown now, so paging back is not undone; once more than one
  // request's worth is shown, the reader is looking at history and the list holds still.
  function refresh() {
    if (busy || stopped || document.hidden) return;
    var shown = list.children.length;
    if (shown > MAX_PAGE_SIZE) return;
    busy = true;
    load({ limit: Math.max(shown, PAGE_SIZE) })
      .then(function (page) {
        next = page.next;
        show(page.items, true);
        say("");
      })
      .catch(function (problem) { say(problem.message); })
      .finally(function () { busy = false; });
  }

  more.addEventListener("click", function () {
    if (busy || !next) return;
    busy = true;
    more.disabled = true;
    load({ cursor: next })
      .then(function (page) {
        next = page.next;
        show(page.items, false);
        say("");
      })
      .catch(function (problem) { say(problem.message); })
      .finally(function () {
        busy = false;
        more.disabled = false;
      });
  });

  window.setInterval(refresh, REFRESH_MS);
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) refresh();
  });
})();
