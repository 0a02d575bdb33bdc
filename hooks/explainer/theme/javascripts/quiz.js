/* The self-check quiz: each question's listed options become radio buttons with a Check button, and
 * the chosen option's feedback (right or wrong, why, and the paragraph to read again) appears in the
 * question's status line. Offline, with no library; nothing is stored or sent anywhere. Without
 * JavaScript the options stay a list and each question's "Answer, and why" holds every answer. */
(function () {
  "use strict";
  var T = window.xpTexts.quiz; // the catalogue's words (javascripts/texts.js)

  function setUpQuestion(fieldset) {
    if (fieldset.dataset.ready) return;
    fieldset.dataset.ready = "1";
    var name = fieldset.id;
    var list = fieldset.querySelector(".xp-quiz-options");
    var status = fieldset.querySelector(".xp-quiz-feedback");
    var reasons = fieldset.querySelectorAll(".xp-quiz-reasons li");
    var passage = fieldset.querySelector(".xp-quiz-passage a");
    if (!list || !status) return;
    list.classList.add("xp-quiz-choices");
    Array.prototype.forEach.call(list.querySelectorAll("li"), function (item) {
      var input = document.createElement("input");
      input.type = "radio";
      input.name = name;
      input.value = item.dataset.option;
      input.id = name + "-" + item.dataset.option;
      var label = document.createElement("label");
      label.htmlFor = input.id;
      while (item.firstChild) label.appendChild(item.firstChild);
      item.appendChild(input);
      item.appendChild(label);
      input.addEventListener("change", function () {
        status.textContent = "";
        fieldset.removeAttribute("data-result");
      });
    });
    var button = document.createElement("button");
    button.type = "button";
    button.className = "xp-quiz-check";
    button.textContent = T.check;
    list.insertAdjacentElement("afterend", button);
    button.addEventListener("click", function () {
      var chosen = fieldset.querySelector("input:checked");
      status.textContent = "";
      if (!chosen) {
        status.textContent = T.choose_first;
        fieldset.removeAttribute("data-result");
        return;
      }
      var reason = null;
      Array.prototype.forEach.call(reasons, function (li) {
        if (li.dataset.option === chosen.value) reason = li;
      });
      if (!reason) return;
      var right = reason.dataset.correct === "true";
      fieldset.setAttribute("data-result", right ? "right" : "wrong");
      var text = document.createElement("span");
      Array.prototype.forEach.call(reason.childNodes, function (node) {
        text.appendChild(node.cloneNode(true));
      });
      status.appendChild(text);
      if (passage) {
        status.appendChild(document.createTextNode(" "));
        var link = passage.cloneNode(true);
        status.appendChild(link);
        status.appendChild(document.createTextNode("."));
      }
    });
  }

  function setUp() {
    var quiz = document.querySelector(".xp-quiz");
    if (!quiz) return;
    Array.prototype.forEach.call(document.querySelectorAll(".xp-quiz-howto"), function (howto) {
      howto.hidden = false;
    });
    Array.prototype.forEach.call(quiz.querySelectorAll("fieldset.xp-quiz-q"), setUpQuestion);
  }

  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(setUp); // Material's page-load stream (also fires with instant navigation)
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
