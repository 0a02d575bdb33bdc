/* Previews of glossary terms, like a wiki's page previews: pointing at a marked term, focusing it or
 * tapping it shows its short definition with a "More" link to its glossary entry or actor page,
 * placed under the line (or over it, near the bottom of the window), never on it. Escape, moving
 * away or a tap elsewhere closes it. The links come from the page itself (#xp-term-links, written at
 * build time), so nothing is fetched and it works from file://. Without JavaScript each mark keeps
 * its `title`, the browser's own tooltip. */
(function () {
  "use strict";

  var T = window.xpTexts.previews; // the catalogue's words (javascripts/texts.js)

  var OPEN_DELAY = 150;
  var CLOSE_DELAY = 300;
  var GAP = 6; // px between the line and the preview

  // Runs before Material mounts its own tooltips (on DOMContentLoaded), so marks get one preview.
  var marks = [].slice.call(document.querySelectorAll("abbr.xp-term[title]"));
  if (!marks.length) return;
  var links = {};
  var holder = document.getElementById("xp-term-links");
  if (holder) {
    try {
      links = JSON.parse(holder.dataset.links || "{}");
    } catch (error) {
      links = {};
    }
  }

  var preview = document.createElement("span");
  preview.className = "xp-preview md-typeset";
  preview.id = "xp-preview";
  preview.setAttribute("role", "group");
  preview.setAttribute("aria-labelledby", "xp-preview-term");
  preview.hidden = true;
  var heading = document.createElement("strong");
  heading.id = "xp-preview-term";
  var text = document.createElement("span");
  text.className = "xp-preview-text";
  text.id = "xp-preview-text";
  var more = document.createElement("a");
  preview.appendChild(heading);
  preview.appendChild(text);
  preview.appendChild(document.createElement("br"));
  preview.appendChild(more);
  document.body.appendChild(preview); // in the page from the start: the marks' descriptions point at its text

  var current = null;
  var shownAt = 0; // a tap focuses the term (which shows it) and then clicks it: that click must not close it
  var openTimer = 0;
  var closeTimer = 0;

  marks.forEach(function (mark) {
    mark.dataset.short = mark.title;
    mark.removeAttribute("title");
    mark.setAttribute("role", "button");
    mark.setAttribute("aria-expanded", "false");
    mark.setAttribute("aria-describedby", "xp-preview-text"); // the definition, read on focus as the title was
    mark.addEventListener("mouseenter", function () { later(function () { show(mark); }, OPEN_DELAY); });
    mark.addEventListener("mouseleave", function () { later(hide, CLOSE_DELAY); });
    mark.addEventListener("focus", function () { show(mark); });
    mark.addEventListener("click", function () {
      if (current === mark && !preview.hidden && Date.now() - shownAt > 500) hide();
      else show(mark);
    });
    mark.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        show(mark);
        more.tabIndex = 0;
        more.focus();
      }
    });
  });
  preview.addEventListener("mouseenter", function () { window.clearTimeout(closeTimer); });
  preview.addEventListener("mouseleave", function () { later(hide, CLOSE_DELAY); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current && !preview.hidden) {
      var mark = current;
      hide();
      mark.focus({preventScroll: true});
      hide(); // focusing the mark opened it again
    }
  });
  document.addEventListener("focusin", function (event) {
    if (current && event.target !== current && !preview.contains(event.target)) hide();
  });
  document.addEventListener("pointerdown", function (event) {
    if (current && !preview.contains(event.target) && !current.contains(event.target)) hide();
  });
  window.addEventListener("scroll", function () { if (current && !preview.hidden) place(current); }, {passive: true});
  window.addEventListener("resize", function () { if (current && !preview.hidden) place(current); });

  function later(action, delay) {
    window.clearTimeout(openTimer);
    window.clearTimeout(closeTimer);
    if (action === hide) closeTimer = window.setTimeout(hide, delay);
    else openTimer = window.setTimeout(action, delay);
  }

  function show(mark) {
    window.clearTimeout(openTimer);
    window.clearTimeout(closeTimer);
    if (current && current !== mark) current.setAttribute("aria-expanded", "false");
    if (current !== mark || preview.hidden) shownAt = Date.now();
    current = mark;
    heading.textContent = mark.textContent;
    text.textContent = " " + mark.dataset.short;
    var href = links[mark.dataset.term];
    more.hidden = !href;
    if (href) {
      more.href = href;
      more.textContent = T.more;
      more.setAttribute("aria-label", T.more_about.replace("{term}", mark.textContent));
    }
    // Next in the tab order, but out of it until Enter opens the preview: a page of terms would
    // otherwise cost two Tab stops a term.
    more.tabIndex = -1;
    mark.after(preview);
    preview.hidden = false;
    mark.setAttribute("aria-expanded", "true");
    mark.setAttribute("aria-controls", "xp-preview");
    place(mark);
  }

  function hide() {
    window.clearTimeout(openTimer);
    window.clearTimeout(closeTimer);
    preview.hidden = true;
    if (current) current.setAttribute("aria-expanded", "false");
    current = null;
  }

  /* Under the line the term is on; over it when there is no room below. */
  function place(mark) {
    var line = mark.getClientRects()[0] || mark.getBoundingClientRect();
    preview.style.left = "0px"; // measured where it has the whole width, before it is moved
    var box = preview.getBoundingClientRect();
    var top = line.bottom + GAP;
    if (top + box.height > window.innerHeight && line.top - GAP - box.height > 0) top = line.top - GAP - box.height;
    var left = Math.max(8, Math.min(line.left, document.documentElement.clientWidth - box.width - 12));
    preview.style.top = top + "px";
    preview.style.left = left + "px";
  }
})();
