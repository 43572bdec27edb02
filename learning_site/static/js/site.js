// Small enhancements shared by the site's pages; everything still works without them.
(function () {
  "use strict";

  function csrfToken() {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  window.learningSite = window.learningSite || {};
  window.learningSite.postJSON = function (url, data) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(data || {})
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body.error || "Something went wrong.");
        return body;
      });
    });
  };

  // The compact header's menu button (site.css folds the nav list behind it on narrow screens).
  // Without this script the button stays hidden and the list shows, wrapping as it must.
  document.documentElement.classList.add("has-menu-button");
  function setMenuOpen(button, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-menu-button]");
    if (button) setMenuOpen(button, button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    var button = document.querySelector("[data-menu-button][aria-expanded='true']");
    if (event.key === "Escape" && button && button.parentNode.contains(document.activeElement)) {
      setMenuOpen(button, false);
      button.focus();
    }
  });

  // Favourite hearts.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-favorite-url]");
    if (!button) return;
    button.disabled = true;
    window.learningSite.postJSON(button.dataset.favoriteUrl).then(function (body) {
      button.setAttribute("aria-pressed", body.favorite ? "true" : "false");
      button.querySelector("span").textContent = body.favorite ? "♥" : "♡";
    }).catch(function (error) {
      window.alert(error.message);
    }).finally(function () {
      button.disabled = false;
    });
  });

  // Buttons that submit a form show that the server is working.
  document.addEventListener("submit", function (event) {
    var button = event.submitter || event.target.querySelector("[data-loading-text]");
    if (button && button.dataset.loadingText) {
      button.setAttribute("aria-busy", "true");
      button.dataset.originalText = button.textContent;
      button.textContent = button.dataset.loadingText;
      window.setTimeout(function () { button.disabled = true; }, 0);
    }
  });
})();
