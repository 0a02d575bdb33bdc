/* Search treats typographic variants alike: what the reader types into the search box is written with
 * plain characters (every dash as "-", curly apostrophes and quotes as straight ones) as it is typed,
 * before the theme reads the box. The index splits words at all of these (the `separator` of the search
 * plugin in mkdocs.yml), so "O’Brien" and "O'Brien", "well‑known" and "well-known" give the same results.
 * Only the box's value is touched; without this script search still works, variants just differ. */
(function () {
  "use strict";

  var VARIANTS = [
    [/[\u2010-\u2015\u2212]/g, "-"], // hyphen, non-breaking hyphen, figure, en and em dash, bar, minus
    [/[\u2018\u2019\u201B\u2032]/g, "'"], // curly apostrophes and quotes, prime
    [/[\u201C-\u201F]/g, '"']
  ];

  function plain(text) {
    return VARIANTS.reduce(function (t, v) { return t.replace(v[0], v[1]); }, text);
  }

  // Capture phase on the document: runs before the theme's own listeners on the box itself.
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (!box || !box.matches || !box.matches("input[data-md-component='search-query']")) return;
    var value = plain(box.value);
    if (value === box.value) return;
    var caret = box.selectionStart; // every replacement is one character for one: the caret stays put
    box.value = value;
    if (caret !== null) box.setSelectionRange(caret, caret);
  }, true);
})();
