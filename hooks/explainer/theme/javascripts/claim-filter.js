/* Filter the claims page by type and verdict, offline, with no library.
 * Without JavaScript the filter stays hidden and every claim shows. The controls are built here, from
 * the entries' own data attributes, so the page's HTML holds no form. */
(function () {
  "use strict";

  var T = window.xpTexts.claims; // the catalogue's words (javascripts/texts.js)

  function option(value, text) {
    var element = document.createElement("option");
    element.value = value;
    element.textContent = text;
    return element;
  }

  function setUp() {
    var box = document.getElementById("xp-claim-filter");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    var entries = Array.prototype.slice.call(document.querySelectorAll(box.dataset.target));
    var fieldset = document.createElement("fieldset");
    var legend = document.createElement("legend");
    legend.textContent = T.legend;
    fieldset.appendChild(legend);
    var selects = {};
    [["type", T.type, T.all_types], ["verdict", T.verdict, T.all_verdicts]].forEach(function (spec) {
      var key = spec[0];
      var counts = {};
      var labels = {};
      entries.forEach(function (entry) {
        var value = entry.dataset[key];
        counts[value] = (counts[value] || 0) + 1;
        labels[value] = entry.dataset[key + "Label"];
      });
      var label = document.createElement("label");
      label.htmlFor = "xp-filter-" + key;
      label.textContent = spec[1];
      var select = document.createElement("select");
      select.id = "xp-filter-" + key;
      select.appendChild(option("", spec[2]));
      Object.keys(labels).sort().forEach(function (value) {
        select.appendChild(option(value, labels[value] + " (" + counts[value] + ")"));
      });
      select.addEventListener("change", apply);
      selects[key] = select;
      fieldset.appendChild(label);
      fieldset.appendChild(select);
    });
    var status = document.createElement("p");
    status.className = "xp-filter-status";
    status.setAttribute("role", "status");
    fieldset.appendChild(status);
    box.appendChild(fieldset);
    box.hidden = false;

    function apply() {
      var shown = 0;
      entries.forEach(function (entry) {
        var match = Object.keys(selects).every(function (key) {
          return !selects[key].value || entry.dataset[key] === selects[key].value;
        });
        entry.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = T.showing.replace("{shown}", shown).replace("{total}", entries.length);
    }
    apply();
  }

  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(setUp); // Material's page-load stream (also fires with instant navigation)
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
