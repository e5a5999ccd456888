/*
 * Course quiz widget (coursekit/pages/quiz_widget.py writes the markup; assets/js/course.js keeps the progress).
 *
 * Enhances questions that already work without JavaScript: "Check answer" with per-option feedback and a link
 * to the chapter section tested, a score, "Try again" after a wrong answer, "Reset quiz" (asks first), a summary
 * with the sections to review once every question is answered, and progress kept in this browser.
 * Options are shuffled per attempt with a seed stored with the progress, so position never cues the answer;
 * a reset starts a new attempt with a new seed. Every stored answer is checked against the current question
 * (type, revision, shape) before it is shown; what does not fit is dropped with a quiet note.
 * Plain ES2017, no libraries, no network: works from file://. Texts are inserted with textContent, never as HTML.
 */
(function () {
  "use strict";

  const RIGHT = "\u2713"; // check mark
  const WRONG = "\u2717"; // ballot x
  const MAX_TEXT = 500; // longest short answer kept

  /* Elements are made by course.js's helper (texts as text nodes, never HTML); course.js runs before start(). */
  function el(tag, attrs, children) {
    return window.CourseProgress.el(tag, attrs, children);
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

  /* A small seeded generator (mulberry32): the same seed gives the same order on every visit. */
  function generator(seed) {
    let state = seed >>> 0;
    return function () {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function hashText(text) {
    let hash = 2166136261;
    for (let i = 0; i < text.length; i += 1) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 16777619);
    }
    return hash >>> 0;
  }

  function shuffled(list, random) {
    const copy = list.slice();
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      const swap = copy[i];
      copy[i] = copy[j];
      copy[j] = swap;
    }
    return copy;
  }

  function isIndex(value, count) {
    return Number.isInteger(value) && value >= 0 && value < count;
  }

  /* ------------------------------------------------------------------------------------------ one item */

  function Question(node, quiz, number) {
    this.node = node;
    this.quiz = quiz;
    this.number = number;
    this.id = node.getAttribute("data-item");
    this.type = node.getAttribute("data-type");
    this.rev = node.getAttribute("data-rev") || "";
    this.key = JSON.parse(node.getAttribute("data-key"));
    this.feedback = node.querySelector(".cq-feedback");
    this.feedback.setAttribute("tabindex", "-1");
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

  Question.prototype.inputs = function () {
    return Array.prototype.slice.call(this.node.querySelectorAll("fieldset input, fieldset select"));
  };

  Question.prototype.steps = function () {
    return Array.prototype.slice.call(this.node.querySelectorAll(".cq-step"));
  };

  Question.prototype.optionCount = function () {
    return this.key.options ? this.key.options.length : 0;
  };

  /* This attempt's order: options (single and multiple), match choices, ordering steps. True/false stays put. */
  Question.prototype.shuffle = function (seed) {
    const random = generator(seed ^ hashText(this.id));
    if (this.type === "single" || this.type === "multiple") {
      const list = this.node.querySelector(".cq-options");
      shuffled(Array.prototype.slice.call(list.children), random).forEach((row) => list.appendChild(row));
    } else if (this.type === "matching") {
      const order = shuffled(Array.prototype.slice.call(this.node.querySelectorAll("select")[0].options, 1)
        .map((option) => option.value), random);
      this.node.querySelectorAll("select").forEach((select) => {
        order.forEach((value) => select.appendChild(select.querySelector('option[value="' + value + '"]')));
      });
    } else if (this.type === "ordering") {
      const list = this.node.querySelector(".cq-order");
      let steps = shuffled(this.steps(), random);
      if (steps.length > 1 && steps.every((step, index) => Number(step.getAttribute("data-step")) === index)) {
        steps = steps.slice(1).concat(steps.slice(0, 1)); // never start in the right order
      }
      steps.forEach((step) => list.appendChild(step));
    }
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
        return inputs[0].value.slice(0, MAX_TEXT);
    }
  };

  /* Does a stored response fit this question as it is now? */
  Question.prototype.fits = function (response) {
    const count = this.optionCount();
    switch (this.type) {
      case "single":
      case "true_false":
        return isIndex(response, count);
      case "multiple":
        return Array.isArray(response) && response.length > 0 && response.every((value) => isIndex(value, count)) &&
          new Set(response).size === response.length;
      case "ordering": {
        const size = this.steps().length;
        return Array.isArray(response) && response.length === size &&
          response.every((value) => isIndex(value, size)) && new Set(response).size === size;
      }
      case "matching": {
        const selects = this.inputs();
        return Array.isArray(response) && response.length === selects.length &&
          response.every((value) => typeof value === "string" && /^[0-9]{1,3}$/.test(value) &&
            isIndex(Number(value), selects.length));
      }
      case "short_answer":
        return typeof response === "string" && response.length <= MAX_TEXT && normalize(response) !== "";
      default:
        return false;
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
      response.forEach((position) => { list.appendChild(byStep[position]); });
    } else if (this.type === "matching") {
      inputs.forEach((select, index) => { select.value = response[index]; });
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
    this.quiz.store(this);
    this.show();
    (this.state.correct ? this.feedback : this.retryButton).focus();
    this.quiz.updateScore();
  };

  /* A stored answer: shown if it fits the question as it is now, else dropped (returns false). */
  Question.prototype.restore = function (saved) {
    if (!saved) return true;
    const known = saved.type === "" && saved.rev === ""; // version 1 record: no type or revision kept
    if ((!known && (saved.type !== this.type || saved.rev !== this.rev)) || !this.fits(saved.response)) {
      return false;
    }
    this.apply(saved.response);
    this.state = { response: saved.response, correct: this.isCorrect(saved.response) };
    this.show();
    return true;
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
    this.retryButton.hidden = correct; // nothing to try again after a right answer
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
    if (this.type === "single" || this.type === "true_false" || this.type === "multiple") {
      this.node.querySelectorAll(".cq-option").forEach((row) => {
        const index = Number(row.querySelector("input").value);
        const chosen = this.type === "multiple" ? response.indexOf(index) !== -1 : response === index;
        const right = key.correct.indexOf(index) !== -1;
        let label;
        if (right) label = chosen ? "Your answer, right." : (this.type === "multiple" ? "Also right, not chosen." : "The right answer.");
        else label = chosen ? "Your answer, wrong." : "Wrong.";
        row.classList.toggle("cq-chosen", chosen);
        this.setMark(row.querySelector(".cq-mark"), right, (right || chosen) ? "" : "cq-mark-quiet",
          label + " " + key.options[index]);
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
      this.node.querySelectorAll(".cq-mark").forEach((mark, index) => {
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

  Question.prototype.clear = function () {
    this.state = null;
    this.node.classList.remove("cq-done-right", "cq-done-wrong");
    this.inputs().forEach((input) => {
      input.disabled = false;
      if (input.type === "radio" || input.type === "checkbox") input.checked = false;
      else input.value = "";
    });
    this.node.querySelectorAll(".cq-chosen").forEach((row) => row.classList.remove("cq-chosen"));
    this.node.querySelectorAll(".cq-step-buttons").forEach((buttons) => { buttons.hidden = false; });
    this.node.querySelectorAll(".cq-mark").forEach((mark) => {
      mark.hidden = true;
      mark.textContent = "";
    });
    this.feedback.textContent = "";
    this.checkButton.hidden = false;
    this.retryButton.hidden = true;
  };

  Question.prototype.retry = function (focus) {
    this.quiz.forget(this);
    const previous = this.state && this.state.response;
    this.clear();
    if (previous !== null && previous !== undefined && this.type !== "short_answer") this.apply(previous);
    if (focus) {
      const first = this.node.querySelector("fieldset input, fieldset select, fieldset button");
      (first || this.checkButton).focus();
      this.quiz.updateScore();
    }
  };

  /* ------------------------------------------------------------------------------------------ one quiz */

  function Quiz(node, progress) {
    this.node = node;
    this.id = node.getAttribute("data-quiz");
    this.progress = progress;
    node.classList.add("cq-js");
    this.questions = Array.prototype.slice.call(node.querySelectorAll(".cq-item"))
      .map((item, index) => new Question(item, this, index + 1));
    const status = node.querySelector(".cq-status");
    status.hidden = false;
    this.score = status.querySelector(".cq-score-value");
    this.detail = status.querySelector(".cq-score-detail");
    this.message = status.querySelector(".cq-status-message");
    this.resetButton = status.querySelector(".cq-reset");
    this.confirm = status.querySelector(".cq-confirm");
    this.resetButton.addEventListener("click", () => this.askReset());
    status.querySelector(".cq-confirm-yes").addEventListener("click", () => this.reset());
    status.querySelector(".cq-confirm-no").addEventListener("click", () => this.cancelReset());
    this.summary = node.querySelector(".cq-summary");
    this.start();
  }

  Quiz.prototype.record = function () {
    return this.progress.quiz(this.id);
  };

  Quiz.prototype.save = function () {
    this.progress.save();
  };

  Quiz.prototype.store = function (question) {
    this.record().items[question.id] = { type: question.type, rev: question.rev,
      response: question.state.response, correct: question.state.correct };
    this.save();
  };

  Quiz.prototype.forget = function (question) {
    delete this.record().items[question.id];
    this.save();
  };

  /* A new attempt gets a seed; then every stored answer is restored only if it still fits its question. */
  Quiz.prototype.start = function () {
    const record = this.record();
    if (record.seed === null || record.seed === undefined) {
      record.seed = this.progress.newSeed();
    }
    record.total = this.questions.length;
    const ids = {};
    let dropped = 0;
    this.questions.forEach((question) => {
      ids[question.id] = true;
      question.shuffle(record.seed);
      let fits = false;
      try {
        fits = question.restore(record.items[question.id]);
      } catch (error) {
        fits = false; // never let one bad record stop the others
      }
      if (!fits) {
        question.clear();
        delete record.items[question.id];
        dropped += 1;
      }
    });
    Object.keys(record.items).forEach((id) => {
      if (!ids[id]) delete record.items[id]; // questions no longer in this quiz
    });
    this.save();
    const notes = this.progress.state.notes;
    if (dropped) {
      notes.push(dropped + (dropped > 1 ? " saved answers no longer match their questions" :
        " saved answer no longer matches its question") + " (the quiz has changed) and " +
        (dropped > 1 ? "were" : "was") + " cleared.");
    }
    this.message.textContent = notes.join(" ");
    this.updateScore();
  };

  Quiz.prototype.updateScore = function () {
    const done = this.questions.filter((question) => question.state);
    const right = done.filter((question) => question.state.correct).length;
    this.score.textContent = right + " of " + this.questions.length;
    this.detail.textContent = done.length + " answered";
    this.showSummary(done.length === this.questions.length, right);
  };

  /* Once every question is answered: the score and the sections to review, each once, linked. */
  Quiz.prototype.showSummary = function (complete, right) {
    if (!this.summary) return;
    const body = this.summary.querySelector(".cq-summary-body");
    body.textContent = "";
    if (!complete) {
      const left = this.questions.filter((question) => !question.state).length;
      body.appendChild(el("p", {}, ["Answer all " + this.questions.length + " questions to see your result (" +
        left + " to go)."]));
      return;
    }
    const total = this.questions.length;
    body.appendChild(el("p", { class: "cq-summary-score" }, ["You got " + right + " of " + total + " right."]));
    const reviews = {};
    const order = [];
    this.questions.filter((question) => !question.state.correct).forEach((question) => {
      const review = question.key.review;
      if (!reviews[review.href]) {
        reviews[review.href] = { label: review.label, numbers: [] };
        order.push(review.href);
      }
      reviews[review.href].numbers.push(question.number);
    });
    if (!order.length) {
      body.appendChild(el("p", {}, ["Every answer right: you are ready for the next chapter."]));
      return;
    }
    body.appendChild(el("p", {}, ["Sections to review:"]));
    body.appendChild(el("ul", { class: "cq-summary-review" }, order.map((href) => el("li", {}, [
      el("a", { href: href }, [reviews[href].label]),
      " (question" + (reviews[href].numbers.length > 1 ? "s " : " ") + reviews[href].numbers.join(", ") + ")",
    ]))));
  };

  Quiz.prototype.askReset = function () {
    this.resetButton.hidden = true;
    this.confirm.hidden = false;
    this.confirm.querySelector(".cq-confirm-no").focus();
  };

  Quiz.prototype.cancelReset = function () {
    this.confirm.hidden = true;
    this.resetButton.hidden = false;
    this.resetButton.focus();
    this.message.textContent = "Your answers are kept.";
  };

  /* A new attempt: answers cleared, a new seed, the options in a new order. */
  Quiz.prototype.reset = function () {
    const record = this.record();
    record.items = {};
    record.seed = this.progress.newSeed();
    this.save();
    this.questions.forEach((question) => {
      question.clear();
      question.shuffle(record.seed);
    });
    this.confirm.hidden = true;
    this.resetButton.hidden = false;
    this.updateScore();
    this.message.textContent = "All answers cleared. The quiz starts again from question 1.";
    const first = this.questions[0] && this.questions[0].node.querySelector("fieldset input, fieldset select");
    if (first) first.focus();
  };

  /* Material's "Skip to content" link goes straight to question 1 on a quiz page. */
  function skipLink(quiz) {
    const skip = document.querySelector(".md-skip");
    const first = quiz.questions[0];
    if (!skip || !first) return;
    skip.setAttribute("href", "#" + first.node.id);
    skip.textContent = "Skip to question 1";
  }

  function start() {
    const progress = window.CourseProgress || null;
    if (!progress) return; // without course.js the quiz stays as it works without JavaScript
    const quizzes = [];
    document.querySelectorAll(".cq-quiz").forEach((node) => quizzes.push(new Quiz(node, progress)));
    if (quizzes.length) skipLink(quizzes[0]);
  }

  // course.js (which keeps the progress) is deferred after this script: start once it has run.
  if (window.CourseProgress || document.readyState === "complete") {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
