/* Reading levels: on a page whose texts come at two levels (`.xp-level`, written at build time), a
 * switch after the page's title shows the standard or the simple texts. The choice is remembered in
 * localStorage (which works from file:// too) and applied on every page, before it is drawn, by the
 * line in overrides/main.html; other open tabs follow it. Without JavaScript the standard texts show.
 * Two radio buttons in a fieldset: the browser gives them their keys (Tab, arrows) and their names. */
(function () {
  "use strict";

  var KEY = "xp-reading-level";
  var T = window.xpTexts.levels; // the catalogue's words (javascripts/texts.js)
  var root = document.documentElement;

  function stored() {
    try {
      return localStorage.getItem(KEY) === "simple" ? "simple" : "standard";
    } catch (error) {
      return "standard";
    }
  }

  function apply(level) {
    if (level === "simple") root.setAttribute("data-xp-level", "simple");
    else root.removeAttribute("data-xp-level");
    [].forEach.call(document.querySelectorAll(".xp-level-switch input"), function (input) {
      input.checked = input.value === level;
    });
  }

  apply(stored());
  if (!document.querySelector(".xp-level")) return;
  var content = document.querySelector(".md-content__inner") || document.body;
  // After the title, and after the line under it that says what kind of page this is, if any.
  var title = content.querySelector("h1");
  if (title && title.nextElementSibling && title.nextElementSibling.classList.contains("xp-kind")) {
    title = title.nextElementSibling;
  }

  var box = document.createElement("fieldset");
  box.className = "xp-level-switch xp-nomark";
  var legend = document.createElement("legend");
  legend.textContent = T.legend;
  box.appendChild(legend);
  [["standard", T.standard], ["simple", T.simple]].forEach(function (choice) {
    var label = document.createElement("label");
    var input = document.createElement("input");
    input.type = "radio";
    input.name = "xp-reading-level";
    input.value = choice[0];
    input.addEventListener("change", function () {
      if (!input.checked) return;
      try {
        localStorage.setItem(KEY, input.value);
      } catch (error) {
        /* not stored (private mode): this page still switches */
      }
      apply(input.value);
    });
    label.appendChild(input);
    label.appendChild(document.createTextNode(" " + choice[1]));
    box.appendChild(label);
  });
  var hint = document.createElement("p");
  hint.className = "xp-level-hint";
  hint.textContent = T.hint;
  box.appendChild(hint);
  if (title && title.parentNode) title.parentNode.insertBefore(box, title.nextSibling);
  else content.insertBefore(box, content.firstChild);
  apply(stored());

  window.addEventListener("storage", function (event) {
    if (event.key === KEY) apply(stored());
  });
})();
