// Regulation pages: the print button. Everything else works without JavaScript.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
