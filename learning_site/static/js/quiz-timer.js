// Counts down to the attempt's deadline and submits the answers when it arrives.
// The server decides what is late; this only saves the student from losing their answers.
(function () {
  "use strict";
  var form = document.querySelector("[data-quiz-form][data-deadline]");
  if (!form) return;
  var deadline = Date.parse(form.dataset.deadline);
  var display = form.querySelector("[data-time-left]");
  var submitted = false;

  function format(seconds) {
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  form.addEventListener("submit", function () { submitted = true; });

  function tick() {
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    if (display) display.textContent = format(left);
    if (left === 0 && !submitted) {
      submitted = true;
      form.submit();
      return;
    }
    window.setTimeout(tick, 1000);
  }
  tick();
})();
