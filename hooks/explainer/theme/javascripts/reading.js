/* The article's reading view: the mode switch (Read, Check claims, All notes; remembered in this
 * browser when storage is allowed), cards that mark their words while pointed at or focused, cues
 * that bring their notes into view (beside the text on a wide screen, in a sheet on a phone), and
 * landing on a link to some words. Without JavaScript the notes follow each paragraph and the cues
 * are plain links to them; nothing here fetches anything, so it works from file:// too. */
(function () {
  "use strict";

  var T = window.xpTexts.reading; // the catalogue's words (javascripts/texts.js)
  var MODES = T.modes;
  var STORE = "xp-reading-mode";

  function remembered() {
    try {
      return window.localStorage.getItem(STORE);
    } catch (error) {
      return null;
    }
  }

  function remember(mode) {
    try {
      window.localStorage.setItem(STORE, mode);
    } catch (error) {
      /* storage refused (private mode, some file:// set-ups): the choice lasts for this page only */
    }
  }

  function words(reader, spanId) {
    return reader.querySelectorAll('[data-span="' + CSS.escape(spanId) + '"]');
  }

  function light(reader, card, on) {
    card.classList.toggle("xp-lit", on);
    words(reader, card.dataset.span).forEach(function (element) {
      element.classList.toggle("xp-lit", on);
    });
  }

  function wide(element) {
    return getComputedStyle(element).getPropertyValue("--xp-layout").trim() === "wide";
  }

  function setUpModes(reader) {
    var box = document.getElementById("xp-modes");
    if (!box) return;
    var fieldset = document.createElement("fieldset");
    var legend = document.createElement("legend");
    legend.textContent = T.legend;
    fieldset.appendChild(legend);
    var current = remembered();
    if (!MODES.some(function (m) { return m[0] === current; })) current = "read";
    MODES.forEach(function (mode) {
      var item = document.createElement("span");
      item.className = "xp-mode";
      var input = document.createElement("input");
      input.type = "radio";
      input.name = "xp-mode";
      input.id = "xp-mode-" + mode[0];
      input.value = mode[0];
      input.checked = mode[0] === current;
      input.addEventListener("change", function () {
        if (!input.checked) return;
        apply(reader, mode[0]);
        remember(mode[0]);
      });
      var label = document.createElement("label");
      label.htmlFor = input.id;
      label.textContent = mode[1];
      item.appendChild(input);
      item.appendChild(label);
      fieldset.appendChild(item);
    });
    box.appendChild(fieldset);
    var help = document.createElement("p");
    help.className = "xp-mode-help";
    help.id = "xp-mode-help";
    help.setAttribute("aria-live", "polite");
    box.appendChild(help);
    fieldset.setAttribute("aria-describedby", help.id);
    box.hidden = false;
    apply(reader, current);
  }

  function apply(reader, mode) {
    reader.dataset.mode = mode;
    var help = document.getElementById("xp-mode-help");
    MODES.forEach(function (m) { if (m[0] === mode && help) help.textContent = m[2]; });
    reader.querySelectorAll(".xp-notes").forEach(overflowed);
  }

  /* A column of notes taller than its paragraph scrolls: say so at its foot until its end is reached. */
  function overflowed(notes) {
    var more = notes.scrollHeight - notes.clientHeight - notes.scrollTop > 4;
    notes.classList.toggle("xp-overflows", wide(notes) && more);
  }

  function setUpOverflow(reader) {
    var all = reader.querySelectorAll(".xp-notes");
    all.forEach(function (notes) {
      notes.addEventListener("scroll", function () { overflowed(notes); }, {passive: true});
      overflowed(notes);
    });
    window.addEventListener("resize", function () { all.forEach(overflowed); });
  }

  /* The sheet: the passage's notes are moved into it while it is open, and back when it closes. */
  function makeSheet(reader) {
    var sheet = document.createElement("dialog");
    sheet.className = "xp-sheet md-typeset";
    sheet.setAttribute("aria-labelledby", "xp-sheet-title");
    var bar = document.createElement("div");
    bar.className = "xp-sheet-bar";
    var title = document.createElement("h2");
    title.id = "xp-sheet-title";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "xp-sheet-close";
    close.textContent = T.close;
    bar.appendChild(title);
    bar.appendChild(close);
    var body = document.createElement("div");
    body.className = "xp-sheet-body";
    var list = document.createElement("ol");
    list.className = "xp-notes-list";
    body.appendChild(list);
    sheet.appendChild(bar);
    sheet.appendChild(body);
    reader.appendChild(sheet);
    var open = null; // {group, placeholder, cue}
    var giveFocusTo = null;
    // The notes go back to their paragraph at once (the dialog's own "close" event comes a task
    // later: a print started meanwhile would miss them); the focus goes back once it has closed.
    function putBack() {
      if (!open) return;
      open.placeholder.replaceWith(open.group);
      open.cue.setAttribute("aria-expanded", "false");
      unmark(reader);
      giveFocusTo = open.cue;
      open = null;
    }
    function shut() {
      putBack();
      if (sheet.open) sheet.close();
    }
    close.addEventListener("click", shut);
    sheet.addEventListener("click", function (event) {
      if (event.target === sheet) shut(); // a tap on the backdrop
    });
    sheet.addEventListener("cancel", putBack); // Escape
    sheet.addEventListener("close", function () {
      putBack();
      if (giveFocusTo) giveFocusTo.focus();
      giveFocusTo = null;
    });
    return {
      close: shut,
      show: function (cue, group, heading) {
        var placeholder = document.createComment("notes");
        group.replaceWith(placeholder);
        list.appendChild(group);
        title.textContent = heading;
        open = {group: group, placeholder: placeholder, cue: cue};
        cue.setAttribute("aria-expanded", "true");
        sheet.showModal();
        close.focus();
      },
    };
  }

  function unmark(reader) {
    reader.querySelectorAll(".xp-active, .xp-current").forEach(function (element) {
      element.classList.remove("xp-active", "xp-current");
    });
  }

  function activate(reader, sheet, cue) {
    var group = document.getElementById(cue.getAttribute("href").slice(1));
    if (!group || !cue.getClientRects().length) return false; // a cue the mode hides has nothing to show
    var pieces = reader.querySelectorAll('.xp-passage[data-passage="' + CSS.escape(group.id) + '"]');
    unmark(reader);
    pieces.forEach(function (piece) { piece.classList.add("xp-active"); });
    group.classList.add("xp-current");
    var notes = group.closest(".xp-notes");
    if (notes && wide(notes)) {
      // Beside the text: scroll the paragraph's notes (not the page) to the passage's group.
      notes.scrollTop += group.getBoundingClientRect().top - notes.getBoundingClientRect().top;
      group.focus({preventScroll: true});
    } else if (reader.dataset.mode === "all") {
      group.scrollIntoView({block: "start"});
      group.focus({preventScroll: true});
    } else {
      // The passage's first words go to the top of the window, above the sheet that opens under them.
      if (pieces.length) pieces[0].scrollIntoView({block: "start"});
      sheet.show(cue, group, group.dataset.title);
    }
    return true;
  }

  /* Landing on a link to some words (from an explainer page, the glossary or a card): every piece
   * of those words is marked, not just the first, which carries the id. */
  function landed(reader) {
    reader.querySelectorAll(".xp-landed").forEach(function (element) {
      element.classList.remove("xp-landed", "xp-lit");
    });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target || !target.dataset.span) return;
    words(reader, id).forEach(function (element) {
      element.classList.add("xp-landed", "xp-lit");
    });
  }

  function setUp() {
    var reader = document.getElementById("xp-reader");
    if (!reader || reader.dataset.ready) return;
    reader.dataset.ready = "1";
    reader.classList.add("xp-js");
    setUpModes(reader);
    var sheet = makeSheet(reader);
    reader.addEventListener("click", function (event) {
      var cue = event.target.closest("a.xp-cue");
      if (!cue) {
        // A tap or click on the words of a passage (not on a term, a link or a selection) opens its notes too.
        var passage = event.target.closest(".xp-passage");
        var selection = window.getSelection();
        if (!passage || event.target.closest("a, abbr, .xp-preview") || (selection && !selection.isCollapsed)) return;
        cue = reader.querySelector('a.xp-cue[href="#' + CSS.escape(passage.dataset.passage) + '"]');
        if (!cue) return;
      }
      if (activate(reader, sheet, cue)) event.preventDefault();
    });
    reader.querySelectorAll(".xp-notecard[data-span]").forEach(function (card) {
      card.addEventListener("mouseenter", function () { light(reader, card, true); });
      card.addEventListener("mouseleave", function () { light(reader, card, card.contains(document.activeElement)); });
      card.addEventListener("focusin", function () { light(reader, card, true); });
      card.addEventListener("focusout", function (event) {
        if (!card.contains(event.relatedTarget)) light(reader, card, card.matches(":hover"));
      });
    });
    reader.querySelectorAll(".xp-passage-notes").forEach(function (group) {
      group.addEventListener("focusout", function (event) {
        if (!group.contains(event.relatedTarget)) unmark(reader);
      });
    });
    setUpOverflow(reader);
    window.addEventListener("beforeprint", function () { sheet.close(); }); // its notes go back to their paragraph
    landed(reader);
    window.addEventListener("hashchange", function () { landed(reader); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
