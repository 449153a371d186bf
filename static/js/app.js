// Small progressive enhancements, loaded by every page; every page works without JavaScript.
// No inline script or handler anywhere: the Content-Security-Policy refuses them.
(function () {
  // Marks that the script runs, before the body is drawn: the phone menu folds only then.
  document.documentElement.classList.add("js");

  // On a phone wide tables scroll sideways inside themselves (app.css); one that does is
  // made reachable by keyboard, so it can be scrolled without a mouse or a finger.
  function markScrollingTables() {
    var tables = document.querySelectorAll("main table");
    for (var i = 0; i < tables.length; i++) {
      var table = tables[i];
      if (table.scrollWidth > table.clientWidth + 1) {
        table.setAttribute("tabindex", "0");
      } else if (table.getAttribute("tabindex") === "0") {
        table.removeAttribute("tabindex");
      }
    }
  }
  document.addEventListener("DOMContentLoaded", markScrollingTables);
  window.addEventListener("resize", markScrollingTables);

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // The API tokens page: a button that copies a read-only field (the new token) to the clipboard.
  function copyField(button) {
    var field = document.querySelector(button.getAttribute("data-copy"));
    if (!field) {
      return;
    }
    field.select();
    var done = function () { button.textContent = button.getAttribute("data-copied") || button.textContent; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () {});
    } else if (document.execCommand && document.execCommand("copy")) {
      done();
    }
  }

  document.addEventListener("click", function (event) {
    var copy = event.target.closest("[data-copy]");
    if (copy) {
      copyField(copy);
      return;
    }
    if (event.target.closest("[data-print]")) {
      window.print();
      return;
    }
    var toggle = event.target.closest("[data-menu-toggle]");
    if (toggle) {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      document.documentElement.classList.toggle("menu-open", open);
    }
  });
})();
