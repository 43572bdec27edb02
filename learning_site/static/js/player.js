// Tracks how much of the lesson's video the student really watched, and reports it to
// /api/lessons/<id>/progress/: every few seconds while playing, on pause and at the end, and with
// navigator.sendBeacon when the page closes. Resumes from the last position. Vimeo and YouTube
// report through their player APIs; Cloudinary and .mp4 files through the HTML5 <video> element.
// Google Drive's player reports nothing, so those lessons rely on the "Mark complete" button.
(function () {
  "use strict";
  var lesson = document.querySelector("[data-progress-url]");
  if (!lesson) return;
  var url = lesson.dataset.progressUrl;
  var resumeAt = parseFloat(lesson.dataset.resume || "0") || 0;
  var watched = parseFloat(lesson.dataset.watched || "0") || 0; // the server's high-water mark
  var position = resumeAt;
  var duration = 0;
  var seen = {}; // whole seconds actually played, so skipping ahead does not count as watching
  var lastSent = { watched: -1, position: -1 };
  var INTERVAL_MS = 10000;

  function percentSeen() {
    if (!duration) return watched;
    var count = Object.keys(seen).length;
    return Math.min(100, Math.max(watched, (count / Math.floor(duration)) * 100));
  }

  function note(seconds, total) {
    if (total) duration = total;
    position = seconds;
    seen[Math.floor(seconds)] = true;
  }

  function payload() {
    var body = { watch_percentage: Math.round(percentSeen() * 10) / 10, timestamp: Math.round(position * 10) / 10 };
    if (duration) body.timestamp = Math.min(body.timestamp, duration);
    return body;
  }

  function send() {
    var body = payload();
    if (body.watch_percentage === lastSent.watched && body.timestamp === lastSent.position) return;
    lastSent = { watched: body.watch_percentage, position: body.timestamp };
    window.learningSite.postJSON(url, body).then(function (answer) {
      watched = answer.watch_percentage;
      if (answer.completed) document.dispatchEvent(new CustomEvent("lesson:completed"));
    }).catch(function () { /* the next report will try again */ });
  }

  function beacon() {
    var body = payload();
    if (body.watch_percentage === lastSent.watched && body.timestamp === lastSent.position) return;
    var token = (document.cookie.match(/(?:^|; )csrftoken=([^;]+)/) || [])[1] || "";
    var form = new URLSearchParams();
    form.set("csrfmiddlewaretoken", decodeURIComponent(token));
    form.set("payload", JSON.stringify(body));
    if (navigator.sendBeacon) navigator.sendBeacon(url, form);
  }

  var timer = null;
  function playing() { if (!timer) timer = window.setInterval(send, INTERVAL_MS); }
  function stopped() { window.clearInterval(timer); timer = null; send(); }

  window.addEventListener("pagehide", beacon);
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") beacon(); });

  function loadScript(src, ready) {
    var script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.onload = ready;
    document.head.appendChild(script);
  }

  var video = lesson.querySelector("video[data-video-provider]");
  if (video) {
    video.addEventListener("loadedmetadata", function () {
      duration = video.duration;
      if (resumeAt > 0 && resumeAt < video.duration - 5) video.currentTime = resumeAt;
    });
    video.addEventListener("timeupdate", function () { note(video.currentTime, video.duration); });
    video.addEventListener("play", playing);
    video.addEventListener("pause", stopped);
    video.addEventListener("ended", stopped);
    return;
  }

  var frame = lesson.querySelector("iframe[data-video-provider]");
  if (!frame) return;
  var provider = frame.dataset.videoProvider;

  if (provider === "vimeo") {
    loadScript("https://player.vimeo.com/api/player.js", function () {
      var player = new window.Vimeo.Player(frame);
      player.getDuration().then(function (total) {
        duration = total;
        if (resumeAt > 0 && resumeAt < total - 5) player.setCurrentTime(resumeAt);
      });
      player.on("timeupdate", function (data) { note(data.seconds, data.duration); });
      player.on("play", playing);
      player.on("pause", stopped);
      player.on("ended", stopped);
    });
  } else if (provider === "youtube") {
    var previous = window.onYouTubeIframeAPIReady;
    window.onYouTubeIframeAPIReady = function () {
      if (previous) previous();
      var poll = null;
      var player = new window.YT.Player(frame, {
        events: {
          onReady: function () {
            duration = player.getDuration();
            if (resumeAt > 0 && resumeAt < duration - 5) player.seekTo(resumeAt, true);
          },
          onStateChange: function (event) {
            if (event.data === window.YT.PlayerState.PLAYING) {
              playing();
              poll = poll || window.setInterval(function () { note(player.getCurrentTime(), player.getDuration()); }, 1000);
            } else if (event.data === window.YT.PlayerState.PAUSED || event.data === window.YT.PlayerState.ENDED) {
              window.clearInterval(poll);
              poll = null;
              note(player.getCurrentTime(), player.getDuration());
              stopped();
            }
          }
        }
      });
    };
    loadScript("https://www.youtube.com/iframe_api");
  }
  // google_drive: no player events; the student marks the lesson complete.
})();
