// After Stripe's checkout: ask the site every two seconds whether the payment's webhook has arrived,
// for up to twenty seconds, then say the access will appear in a minute. Access is never granted
// from here: the page only reports what the webhook already did.
(function () {
  var box = document.getElementById("checkout-status");
  if (!box || box.dataset.status !== "pending") return;
  var tries = 0;
  function show(name) {
    box.querySelectorAll("[data-waiting], [data-slow], [data-ready]").forEach(function (el) {
      el.hidden = !el.hasAttribute(name);
    });
  }
  function poll() {
    tries += 1;
    fetch(box.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .catch(function () { return {}; })
      .then(function (data) {
        if (data.status === "paid") {
          var link = box.querySelector("[data-ready] a");
          if (link && data.next_url) link.href = data.next_url;
          show("data-ready");
        } else if (tries >= 10) {
          show("data-slow");
        } else {
          setTimeout(poll, 2000);
        }
      });
  }
  setTimeout(poll, 1000);
})();
