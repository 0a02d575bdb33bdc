/* Let a reader switch the article's layers of marks on and off: explainer links, claim checks,
 * loaded words, timeline links. The page is dense with all of them; a reader may want the text alone.
 * Without JavaScript the control stays hidden and every layer shows. The controls are built here, so
 * the page's HTML holds no form; the choice is remembered in this browser when storage is allowed. */
(function () {
  "use strict";

  var LAYERS = [
    // [name, label, a selector that finds the layer on the page]
    ["explainers", "Explainer links", ".xp-actor-ref"],
    ["claims", "Claim checks", ".xp-claim-ref"],
    ["loaded", "Loaded words", ".xp-loaded-ref"],
    ["events", "Timeline links", ".xp-event-ref"],
  ];
  var STORE = "xp-hidden-layers";

  function remembered() {
    try {
      return JSON.parse(window.localStorage.getItem(STORE) || "[]");
    } catch (error) {
      return [];
    }
  }

  function remember(hidden) {
    try {
      window.localStorage.setItem(STORE, JSON.stringify(hidden));
    } catch (error) {
      /* storage refused (private mode, some file:// set-ups): the choice lasts for this page only */
    }
  }

  function setUp() {
    var box = document.getElementById("xp-layers");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    var host = box.closest(".md-content__inner") || document.body;
    var present = LAYERS.filter(function (layer) {
      return host.querySelector(layer[2]);
    });
    if (present.length < 2) return;
    var hidden = remembered();
    var fieldset = document.createElement("fieldset");
    var legend = document.createElement("legend");
    legend.textContent = "Show on the text";
    fieldset.appendChild(legend);
    present.forEach(function (layer) {
      var name = layer[0];
      var input = document.createElement("input");
      input.type = "checkbox";
      input.id = "xp-layer-" + name;
      input.checked = hidden.indexOf(name) === -1;
      var label = document.createElement("label");
      label.htmlFor = input.id;
      label.textContent = layer[1];
      var apply = function () {
        host.classList.toggle("xp-hide-" + name, !input.checked);
      };
      input.addEventListener("change", function () {
        apply();
        var now = remembered().filter(function (other) { return other !== name; });
        if (!input.checked) now.push(name);
        remember(now);
      });
      apply();
      var item = document.createElement("span");
      item.className = "xp-layer";
      item.appendChild(input);
      item.appendChild(label);
      fieldset.appendChild(item);
    });
    box.appendChild(fieldset);
    box.hidden = false;
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp); // Material's page-load signal
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
