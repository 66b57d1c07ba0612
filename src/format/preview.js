// snipgen preview: tabs whose choice is remembered across pages (localStorage), and a copy
// button. No dependencies, nothing loaded from elsewhere.
(function () {
  "use strict";
  var KEY = "snipgen.tab.";

  function select(group, value, remember) {
    var sets = document.querySelectorAll('.tabs[data-group="' + group + '"]');
    Array.prototype.forEach.call(sets, function (set) {
      var buttons = set.querySelectorAll(":scope > .tablist > [data-tab]");
      var known = Array.prototype.some.call(buttons, function (b) { return b.dataset.tab === value; });
      if (!known) return;
      Array.prototype.forEach.call(buttons, function (b) {
        b.setAttribute("aria-selected", String(b.dataset.tab === value));
      });
      Array.prototype.forEach.call(set.querySelectorAll(":scope > .panel"), function (p) {
        p.hidden = p.dataset.tab !== value;
      });
    });
    if (remember) {
      try { localStorage.setItem(KEY + group, value); } catch (e) { /* storage disabled */ }
    }
  }

  function copy(button) {
    var code = button.parentNode.querySelector("code");
    var text = code ? code.textContent : "";
    var done = function () {
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = "Copy"; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () {});
      return;
    }
    var area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); done(); } catch (e) { /* no clipboard */ }
    document.body.removeChild(area);
  }

  document.addEventListener("click", function (event) {
    var tab = event.target.closest(".tablist > [data-tab]");
    if (tab) {
      select(tab.closest(".tabs").dataset.group, tab.dataset.tab, true);
      return;
    }
    var button = event.target.closest("button.copy");
    if (button) copy(button);
  });

  ["auth", "language"].forEach(function (group) {
    var value = null;
    try { value = localStorage.getItem(KEY + group); } catch (e) { /* storage disabled */ }
    if (value) select(group, value, false);
  });
})();
