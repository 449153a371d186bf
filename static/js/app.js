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

  // Dates are typed dd/mm/yyyy (a native date field would show the browser's own order); a button next
  // to each opens the browser's calendar on a hidden native field and writes the chosen day back.
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function toIso(text) {
    var m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec((text || "").trim());
    return m ? m[3] + "-" + pad(+m[2]) + "-" + pad(+m[1]) : "";
  }
  function addCalendarButtons() {
    var inputs = document.querySelectorAll("input[data-date]");
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      if (input.parentNode.classList.contains("date-field")) continue;
      var wrap = document.createElement("span");
      wrap.className = "date-field";
      input.parentNode.insertBefore(wrap, input);
      wrap.appendChild(input);
      var picker = document.createElement("input");
      picker.type = "date";
      picker.className = "date-picker";
      picker.tabIndex = -1;
      picker.setAttribute("aria-hidden", "true");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "date-button";
      button.title = input.getAttribute("data-date");
      button.setAttribute("aria-label", input.getAttribute("data-date"));
      wrap.appendChild(button);
      wrap.appendChild(picker);
      (function (input, picker, button) {
        button.addEventListener("click", function () {
          picker.value = toIso(input.value);
          if (picker.showPicker) { try { picker.showPicker(); return; } catch (e) { /* falls through */ } }
          picker.focus();
          picker.click();
        });
        picker.addEventListener("change", function () {
          var p = picker.value.split("-");
          if (p.length === 3) {
            input.value = p[2] + "/" + p[1] + "/" + p[0];
            input.dispatchEvent(new Event("change", { bubbles: true }));
          }
        });
      })(input, picker, button);
    }
  }
  document.addEventListener("DOMContentLoaded", addCalendarButtons);
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
    var fallback = function () {
      field.select();
      if (document.execCommand && document.execCommand("copy")) {
        done();
      }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, fallback);  // refused (no permission): the old way
    } else {
      fallback();
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
