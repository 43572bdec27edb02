// The lesson assistant panel: sends a quick action or a question to /api/chatbot/ and shows the reply.
(function () {
  "use strict";
  var panel = document.querySelector("[data-assistant]");
  if (!panel) return;
  var reply = panel.querySelector("[data-assistant-reply]");
  var form = panel.querySelector("[data-assistant-form]");
  var buttons = panel.querySelectorAll("button");

  function busy(on) {
    panel.setAttribute("aria-busy", on ? "true" : "false");
    buttons.forEach(function (button) { button.disabled = on; });
  }

  function ask(action, message) {
    busy(true);
    reply.textContent = "Thinking…";
    window.learningSite.postJSON("/api/chatbot/", {
      lesson_id: parseInt(panel.dataset.lessonId, 10), action: action, message: message || ""
    }).then(function (body) {
      reply.textContent = body.reply; // text, never HTML
    }).catch(function (error) {
      reply.textContent = error.message;
    }).finally(function () { busy(false); });
  }

  panel.querySelectorAll("[data-action]").forEach(function (button) {
    button.addEventListener("click", function () { ask(button.dataset.action); });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    ask("free_form", form.elements.message.value);
  });
})();
