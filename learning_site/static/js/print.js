// The certificate's and the receipt's Print button (a script file, not an inline handler, so the page's CSP allows it).
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) window.print();
});
