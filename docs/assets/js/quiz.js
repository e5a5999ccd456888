/*
 * Course quiz widget (coursekit/quiz/render_html.py writes the markup).
 *
 * Enhances questions that already work without JavaScript: "Check answer" with per-option feedback and a link
 * to the chapter section tested, a score, "Try again" per question, "Reset quiz", and progress kept in
 * localStorage (key: coursekit-quiz:<quiz>:<item>). Plain ES2017, no libraries, no network: works from file://.
 * Every text comes from the page (data-key JSON, labels) and is inserted with textContent, never as HTML.
 */
(function () {
  "use strict";

  const PREFIX = "coursekit-quiz:";
  const RIGHT = "\u2713"; // check mark
  const WRONG = "\u2717"; // ballot x

  function openStorage() {
    try {
      const store = window.localStorage;
      store.setItem(PREFIX + "probe", "1");
      store.removeItem(PREFIX + "probe");
      return store;
    } catch (error) {
      return null; // private mode or storage disabled: the quiz still works, without saving
    }
  }
  const storage = openStorage();

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach((name) => node.setAttribute(name, attrs[name]));
    (children || []).forEach((child) => {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /* Short answers: no case, no accents, no extra spaces or surrounding punctuation (model.normalize_answer). */
  function normalize(text) {
    return text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, "")
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .join(" ")
      .replace(/^[ .,;:!?"'\u201c\u201d\u2018\u2019]+|[ .,;:!?"'\u201c\u201d\u2018\u2019]+$/g, "");
  }

  function sentence(text) {
    const trimmed = text.trim();
    return /[.?!\u2026]$/.test(trimmed) ? trimmed : trimmed + ".";
  }

  function sameSet(a, b) {
    return a.length === b.length && a.every((value) => b.indexOf(value) !== -1);
  }

  /* ------------------------------------------------------------------------------------------ one item */

  function Question(node, quiz) {
    this.node = node;
    this.quiz = quiz;
    this.id = node.getAttribute("data-item");
    this.type = node.getAttribute("data-type");
    this.key = JSON.parse(node.getAttribute("data-key"));
    this.feedback = node.querySelector(".cq-feedback");
    this.checkButton = node.querySelector(".cq-check");
    this.retryButton = node.querySelector(".cq-retry");
    this.state = null; // {response, correct} once checked
    node.querySelector(".cq-actions").hidden = false;
    this.checkButton.addEventListener("click", () => this.check());
    this.retryButton.addEventListener("click", () => this.retry(true));
    const text = node.querySelector(".cq-text input");
    if (text) {
      text.addEventListener("keydown", (event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          this.check();
        }
      });
    }
    if (this.type === "ordering") {
      this.steps().forEach((step) => {
        step.querySelector(".cq-step-buttons").hidden = false;
        step.querySelector(".cq-up").addEventListener("click", () => this.move(step, -1));
        step.querySelector(".cq-down").addEventListener("click", () => this.move(step, 1));
      });
    }
  }

  Question.prototype.storageKey = function () {
    return PREFIX + this.quiz.id + ":" + this.id;
  };

  Question.prototype.inputs = function () {
    return Array.prototype.slice.call(this.node.querySelectorAll("fieldset input, fieldset select"));
  };

  Question.prototype.steps = function () {
    return Array.prototype.slice.call(this.node.querySelectorAll(".cq-step"));
  };

  Question.prototype.move = function (step, delta) {
    const list = step.parentNode;
    const steps = this.steps();
    const index = steps.indexOf(step);
    const target = index + delta;
    const text = step.querySelector(".cq-step-text").textContent;
    if (target < 0 || target >= steps.length) {
      this.say([el("p", {}, ["\u201c" + text + "\u201d is already " + (delta < 0 ? "first." : "last.")])]);
      return;
    }
    if (delta < 0) {
      list.insertBefore(step, steps[target]);
    } else {
      list.insertBefore(step, steps[target].nextSibling);
    }
    step.querySelector(delta < 0 ? ".cq-up" : ".cq-down").focus();
    this.say([el("p", {}, ["\u201c" + text + "\u201d moved to position " + (target + 1) + " of " + steps.length + "."])]);
  };

  Question.prototype.response = function () {
    const inputs = this.inputs();
    switch (this.type) {
      case "single":
      case "true_false": {
        const chosen = inputs.filter((input) => input.checked)[0];
        return chosen ? Number(chosen.value) : null;
      }
      case "multiple":
        return inputs.filter((input) => input.checked).map((input) => Number(input.value));
      case "ordering":
        return this.steps().map((step) => Number(step.getAttribute("data-step")));
      case "matching":
        return inputs.map((select) => select.value);
      default:
        return inputs[0].value;
    }
  };

  Question.prototype.isBlank = function (response) {
    if (this.type === "multiple") return response.length === 0;
    if (this.type === "matching") return response.indexOf("") !== -1;
    if (this.type === "short_answer") return normalize(response) === "";
    return response === null;
  };

  Question.prototype.isCorrect = function (response) {
    switch (this.type) {
      case "single":
      case "true_false":
        return this.key.correct.indexOf(response) !== -1;
      case "multiple":
        return sameSet(response, this.key.correct);
      case "ordering":
        return response.every((position, index) => position === index);
      case "matching":
        return response.every((value, index) => value === String(index));
      default:
        return this.key.accepted.some((answer) => normalize(answer) === normalize(response));
    }
  };

  Question.prototype.apply = function (response) {
    const inputs = this.inputs();
    if (this.type === "single" || this.type === "true_false") {
      inputs.forEach((input) => { input.checked = Number(input.value) === response; });
    } else if (this.type === "multiple") {
      inputs.forEach((input) => { input.checked = response.indexOf(Number(input.value)) !== -1; });
    } else if (this.type === "ordering") {
      const list = this.node.querySelector(".cq-order");
      const byStep = {};
      this.steps().forEach((step) => { byStep[step.getAttribute("data-step")] = step; });
      response.forEach((position) => { if (byStep[position]) list.appendChild(byStep[position]); });
    } else if (this.type === "matching") {
      inputs.forEach((select, index) => { select.value = response[index] || ""; });
    } else {
      inputs[0].value = response;
    }
  };

  Question.prototype.check = function () {
    const response = this.response();
    if (this.isBlank(response)) {
      const what = this.type === "matching" ? "Choose a match for every item first." :
        this.type === "short_answer" ? "Type an answer first." : "Choose an answer first.";
      this.say([el("p", { class: "cq-verdict" }, [what])]);
      return;
    }
    this.state = { response: response, correct: this.isCorrect(response) };
    if (storage) storage.setItem(this.storageKey(), JSON.stringify(this.state));
    this.show();
    this.retryButton.focus();
    this.quiz.updateScore();
  };

  Question.prototype.restore = function () {
    if (!storage) return;
    let saved = null;
    try {
      saved = JSON.parse(storage.getItem(this.storageKey()) || "null");
    } catch (error) {
      saved = null;
    }
    if (!saved || !("response" in saved)) return;
    this.apply(saved.response);
    this.state = { response: saved.response, correct: this.isCorrect(saved.response) };
    this.show();
  };

  Question.prototype.say = function (nodes) {
    this.feedback.textContent = "";
    nodes.forEach((node) => this.feedback.appendChild(node));
  };

  Question.prototype.show = function () {
    const correct = this.state.correct;
    this.node.classList.add(correct ? "cq-done-right" : "cq-done-wrong");
    this.inputs().forEach((input) => { input.disabled = true; });
    this.node.querySelectorAll(".cq-step-buttons").forEach((buttons) => { buttons.hidden = true; });
    this.markControls();
    const verdict = el("p", { class: "cq-verdict " + (correct ? "cq-verdict-right" : "cq-verdict-wrong") }, [
      el("span", { class: "cq-icon", "aria-hidden": "true" }, [correct ? RIGHT : WRONG]),
      " " + (correct ? "Correct." : "Not quite."),
    ]);
    const parts = [verdict];
    this.explanation().forEach((text) => parts.push(el("p", {}, [text])));
    const review = this.key.review;
    parts.push(el("p", { class: "cq-review" }, ["Review: ", el("a", { href: review.href }, [review.label])]));
    this.say(parts);
    this.checkButton.hidden = true;
    this.retryButton.hidden = false;
  };

  Question.prototype.explanation = function () {
    const response = this.state.response;
    const key = this.key;
    const lines = [];
    if (this.type === "single" || this.type === "true_false") {
      lines.push(key.options[response]);
    } else if (this.type === "multiple") {
      const right = response.filter((index) => key.correct.indexOf(index) !== -1).length;
      const wrong = response.length - right;
      lines.push("You chose " + right + " of the " + key.correct.length + " right answers" +
        (wrong ? " and " + wrong + " wrong one" + (wrong > 1 ? "s" : "") : "") + ". The feedback on each option says why.");
    } else if (this.type === "ordering" || this.type === "matching") {
      const good = this.type === "ordering" ?
        response.filter((position, index) => position === index).length :
        response.filter((value, index) => value === String(index)).length;
      lines.push(good + " of " + response.length + (this.type === "ordering" ? " in the right place." : " matched correctly."));
    }
    if (key.feedback) lines.push(key.feedback);
    if (!this.state.correct) lines.push("Right answer: " + sentence(key.answer));
    return lines;
  };

  Question.prototype.markControls = function () {
    const key = this.key;
    const response = this.state.response;
    const marks = this.node.querySelectorAll(".cq-mark");
    if (this.type === "single" || this.type === "true_false" || this.type === "multiple") {
      marks.forEach((mark, index) => {
        const chosen = this.type === "multiple" ? response.indexOf(index) !== -1 : response === index;
        const right = key.correct.indexOf(index) !== -1;
        let label;
        if (right) label = chosen ? "Your answer, right." : (this.type === "multiple" ? "Also right, not chosen." : "The right answer.");
        else label = chosen ? "Your answer, wrong." : "Wrong.";
        this.setMark(mark, right, (right || chosen) ? "" : "cq-mark-quiet", label + " " + key.options[index]);
      });
    } else if (this.type === "ordering") {
      this.steps().forEach((step, index) => {
        const position = Number(step.getAttribute("data-step"));
        const ok = position === index;
        this.setMark(step.querySelector(".cq-mark"), ok, "",
          ok ? "In the right place." : "Belongs in position " + (position + 1) + ".");
      });
    } else if (this.type === "matching") {
      const selects = this.inputs();
      marks.forEach((mark, index) => {
        const ok = response[index] === String(index);
        const rightText = selects[index].querySelector('option[value="' + index + '"]').textContent;
        this.setMark(mark, ok, "", ok ? "Right." : "Wrong. Right match: " + rightText);
      });
    }
  };

  Question.prototype.setMark = function (mark, right, extraClass, text) {
    mark.hidden = false;
    mark.className = "cq-mark " + (right ? "cq-mark-right" : "cq-mark-wrong") + (extraClass ? " " + extraClass : "");
    mark.textContent = "";
    mark.appendChild(el("span", { class: "cq-icon", "aria-hidden": "true" }, [right ? RIGHT : WRONG]));
    mark.appendChild(document.createTextNode(" " + text));
  };

  Question.prototype.retry = function (focus) {
    this.state = null;
    if (storage) storage.removeItem(this.storageKey());
    this.node.classList.remove("cq-done-right", "cq-done-wrong");
    this.inputs().forEach((input) => { input.disabled = false; });
    this.node.querySelectorAll(".cq-step-buttons").forEach((buttons) => { buttons.hidden = false; });
    this.node.querySelectorAll(".cq-mark").forEach((mark) => {
      mark.hidden = true;
      mark.textContent = "";
    });
    this.feedback.textContent = "";
    this.checkButton.hidden = false;
    this.retryButton.hidden = true;
    if (focus) {
      const first = this.node.querySelector("fieldset input, fieldset select, fieldset button");
      (first || this.checkButton).focus();
      this.quiz.updateScore();
    }
  };

  /* ------------------------------------------------------------------------------------------ one quiz */

  function Quiz(node) {
    this.node = node;
    this.id = node.getAttribute("data-quiz");
    node.classList.add("cq-js");
    this.questions = Array.prototype.slice.call(node.querySelectorAll(".cq-item")).map((item) => new Question(item, this));
    const status = node.querySelector(".cq-status");
    status.hidden = false;
    this.score = status.querySelector(".cq-score-value");
    this.detail = status.querySelector(".cq-score-detail");
    this.message = status.querySelector(".cq-status-message");
    status.querySelector(".cq-reset").addEventListener("click", () => this.reset());
    this.questions.forEach((question) => question.restore());
    this.updateScore();
  }

  Quiz.prototype.updateScore = function () {
    const done = this.questions.filter((question) => question.state);
    const right = done.filter((question) => question.state.correct).length;
    this.score.textContent = right + " of " + this.questions.length;
    this.detail.textContent = "(" + done.length + " answered)";
  };

  Quiz.prototype.reset = function () {
    this.questions.forEach((question) => question.retry(false));
    this.updateScore();
    this.message.textContent = "All answers cleared. The quiz starts again from question 1.";
  };

  document.querySelectorAll(".cq-quiz").forEach((node) => new Quiz(node));
})();
