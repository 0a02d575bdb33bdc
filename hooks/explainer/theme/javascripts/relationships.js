/* Who backs whom: pick an actor in the network diagram to see only its ties, by pointer, keyboard or tap.
 * Offline, no library. Without JavaScript the diagram is a picture where every tie shows; the script
 * makes its actors buttons, shows the instruction line and says in words what is shown. The page's
 * words (the instruction, the status sentences) are in its HTML; this file holds none. */
(function () {
  "use strict";

  function setUp(svg, box) {
    if (svg.dataset.ready) return;
    svg.dataset.ready = "1";
    var status = box.querySelector(".xp-graph-status");
    var nodes = Array.prototype.slice.call(svg.querySelectorAll(".xp-node"));
    var lines = Array.prototype.slice.call(svg.querySelectorAll(".xp-tie-line"));
    var chosen = null; // picked by focus, click, tap or Enter; kept until another pick, Escape or leaving
    var hovered = null; // under a mouse pointer: shown while it stays there
    var downOnChosen = false;

    svg.setAttribute("role", "group"); // its actors are buttons now, so it is no longer one picture
    var ids = (svg.getAttribute("aria-labelledby") || "").split(" "); // named by its title, described by its sentences
    if (ids.length === 2) { svg.setAttribute("aria-labelledby", ids[0]); svg.setAttribute("aria-describedby", ids[1]); }
    nodes.forEach(function (node) {
      node.setAttribute("tabindex", "0");
      node.setAttribute("role", "button");
      node.setAttribute("aria-pressed", "false");
      node.setAttribute("aria-label", node.dataset.name);
    });

    function say(id) {
      if (!status) return;
      if (!id) {
        status.textContent = status.textContent ? box.dataset.all : "";
        return;
      }
      var ties = lines.filter(function (line) { return line.dataset.from === id || line.dataset.to === id; })
        .map(function (line) { return line.querySelector("title").textContent; });
      var node = svg.querySelector('.xp-node[data-actor="' + id + '"]');
      status.textContent = box.dataset.status.replace("{name}", node.dataset.name).replace("{ties}", ties.join("; "));
    }

    function show() {
      var id = hovered || chosen;
      var on = {};
      if (id) on[id] = true;
      lines.forEach(function (line) {
        var mine = !!id && (line.dataset.from === id || line.dataset.to === id);
        line.classList.toggle("xp-on", mine);
        if (mine) { on[line.dataset.from] = true; on[line.dataset.to] = true; }
      });
      nodes.forEach(function (node) {
        node.classList.toggle("xp-on", !!on[node.dataset.actor]);
        node.classList.toggle("xp-chosen", node.dataset.actor === chosen);
        node.setAttribute("aria-pressed", String(node.dataset.actor === chosen));
      });
      svg.classList.toggle("xp-focus", !!id);
    }

    function choose(id) {
      if (id === chosen) return;
      chosen = id;
      say(id);
      show();
    }

    nodes.forEach(function (node) {
      var id = node.dataset.actor;
      node.addEventListener("pointerenter", function (event) {
        if (event.pointerType === "mouse") { hovered = id; show(); }
      });
      node.addEventListener("pointerleave", function (event) {
        if (event.pointerType === "mouse" && hovered === id) { hovered = null; show(); }
      });
      node.addEventListener("pointerdown", function () { downOnChosen = chosen === id; });
      node.addEventListener("focus", function () { choose(id); });
      node.addEventListener("click", function () { choose(downOnChosen ? null : id); downOnChosen = false; });
      node.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          choose(chosen === id ? null : id);
        } else if (event.key === "Escape") {
          choose(null);
        }
      });
    });
    svg.addEventListener("focusout", function (event) {
      if (!event.relatedTarget || !svg.contains(event.relatedTarget)) choose(null);
    });
  }

  function setUpAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".xp-graph-box"), function (box) {
      Array.prototype.forEach.call(box.querySelectorAll("svg.xp-graph-wide, svg.xp-graph-narrow"), function (svg) {
        setUp(svg, box);
      });
      Array.prototype.forEach.call(box.querySelectorAll(".xp-graph-help, .xp-graph-status"), function (line) {
        line.hidden = false; // the instruction, and the line that says what is shown: only with this script
      });
    });
  }

  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(setUpAll); // Material's page-load stream (also fires with instant navigation)
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
