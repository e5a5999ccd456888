/*
 * Course pages' shared script: the student's saved progress (one versioned localStorage record), the progress
 * shown on the home page, the quiz list and the chapter headers, "Mark as read", export/import of progress,
 * and the glossary popover on tap.
 * Plain ES2017, no libraries, no network: works from file://. Texts are inserted with textContent only.
 *
 * Stored format (key "coursekit-progress"), version 2:
 *   {"format": "coursekit-progress", "version": 2,
 *    "chapters": {"1": {"read": "<ISO date>"}},
 *    "quizzes": {"chapter-1": {"seed": 123, "total": 13,
 *                              "items": {"<item id>": {"type": "single", "rev": "<hash>", "response": 2,
 *                                                      "correct": true}}}}}
 * quiz.js checks every stored answer against the current question (type, revision, shape) and drops what does
 * not fit. Version 1 (one key per answer, "coursekit-quiz:<quiz>:<item>") is read once and folded in.
 */
(function () {
  "use strict";

  const KEY = "coursekit-progress";
  const FORMAT = "coursekit-progress";
  const VERSION = 2;
  const V1_PREFIX = "coursekit-quiz:";

  function openStorage() {
    try {
      const store = window.localStorage;
      store.setItem(KEY + ":probe", "1");
      store.removeItem(KEY + ":probe");
      return store;
    } catch (error) {
      return null; // private mode or storage disabled: everything works, without saving
    }
  }
  const storage = openStorage();

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function empty() {
    return { format: FORMAT, version: VERSION, chapters: {}, quizzes: {} };
  }

  /* A record read from storage or from an imported file, reduced to what version 2 allows. */
  function sanitize(raw) {
    const notes = [];
    if (!isObject(raw) || raw.format !== FORMAT || raw.version !== VERSION) {
      return { data: empty(), notes: raw === null ? [] : ["Saved progress was in a format this course cannot read."] };
    }
    const data = empty();
    if (isObject(raw.chapters)) {
      Object.keys(raw.chapters).forEach((number) => {
        const entry = raw.chapters[number];
        if (/^[0-9]{1,3}$/.test(number) && isObject(entry) && typeof entry.read === "string") {
          data.chapters[number] = { read: entry.read.slice(0, 40) };
        }
      });
    }
    if (isObject(raw.quizzes)) {
      Object.keys(raw.quizzes).forEach((quiz) => {
        const entry = raw.quizzes[quiz];
        if (!/^[a-z0-9-]{1,40}$/.test(quiz) || !isObject(entry)) return;
        const clean = { seed: Number.isInteger(entry.seed) ? entry.seed >>> 0 : null, total: 0, items: {} };
        if (Number.isInteger(entry.total) && entry.total > 0 && entry.total < 1000) clean.total = entry.total;
        if (isObject(entry.items)) {
          Object.keys(entry.items).forEach((id) => {
            const item = entry.items[id];
            if (/^[A-Za-z0-9_.:-]{1,120}$/.test(id) && isObject(item) && "response" in item &&
                typeof item.correct === "boolean") {
              clean.items[id] = { type: String(item.type || ""), rev: String(item.rev || ""),
                response: item.response, correct: item.correct };
            }
          });
        }
        data.quizzes[quiz] = clean;
      });
    }
    return { data: data, notes: notes };
  }

  /* Version 1 kept one key per answer; fold them into the record (quiz.js validates them like any answer). */
  function migrateV1(data) {
    if (!storage) return false;
    const old = [];
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key && key.indexOf(V1_PREFIX) === 0) old.push(key);
    }
    old.forEach((key) => {
      const parts = key.slice(V1_PREFIX.length).split(":");
      let saved = null;
      try {
        saved = JSON.parse(storage.getItem(key));
      } catch (error) {
        saved = null;
      }
      if (parts.length === 2 && isObject(saved) && "response" in saved && /^[a-z0-9-]{1,40}$/.test(parts[0])) {
        const quiz = data.quizzes[parts[0]] || (data.quizzes[parts[0]] = { seed: null, total: 0, items: {} });
        if (!quiz.items[parts[1]]) {
          quiz.items[parts[1]] = { type: "", rev: "", response: saved.response, correct: saved.correct === true };
        }
      }
      storage.removeItem(key);
    });
    return old.length > 0;
  }

  function load() {
    let raw = null;
    let notes = [];
    if (storage) {
      const text = storage.getItem(KEY);
      if (text !== null) {
        try {
          raw = JSON.parse(text);
        } catch (error) {
          raw = undefined;
        }
        if (raw === undefined) notes.push("Saved progress was damaged and could not be read.");
      }
    }
    const result = sanitize(raw === undefined ? null : raw);
    notes = notes.concat(result.notes);
    if (migrateV1(result.data)) save(result.data);
    return { data: result.data, notes: notes };
  }

  function save(data) {
    if (!storage) return false;
    try {
      storage.setItem(KEY, JSON.stringify(data));
      return true;
    } catch (error) {
      return false; // storage full: the page keeps working
    }
  }

  function quizRecord(data, quiz) {
    if (!data.quizzes[quiz]) data.quizzes[quiz] = { seed: null, total: 0, items: {} };
    return data.quizzes[quiz];
  }

  function newSeed() {
    if (window.crypto && window.crypto.getRandomValues) {
      return window.crypto.getRandomValues(new Uint32Array(1))[0];
    }
    return Math.floor(Math.random() * 4294967296);
  }

  /* ------------------------------------------------------------------------------ progress in words */

  function quizScore(data, quiz) {
    const record = data.quizzes[quiz];
    if (!record) return null;
    const items = Object.keys(record.items).map((id) => record.items[id]);
    if (!items.length) return null;
    return { answered: items.length, right: items.filter((item) => item.correct).length, total: record.total };
  }

  function describe(data, chapter, quiz) {
    const parts = [];
    if (chapter && data.chapters[chapter]) parts.push("Read");
    const score = quiz ? quizScore(data, quiz) : null;
    if (score) {
      const of = score.total ? " of " + score.total : "";
      parts.push("Quiz: " + score.right + " right, " + score.answered + of + " answered");
    }
    return parts.length ? parts.join(" · ") : "Not started";
  }

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach((name) => node.setAttribute(name, attrs[name]));
    (children || []).forEach((child) => {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function showProgress(data) {
    document.querySelectorAll(".course-progress, .course-progress-line").forEach((node) => {
      const text = describe(data, node.getAttribute("data-chapter"), node.getAttribute("data-quiz"));
      node.textContent = "";
      node.appendChild(el("span", { class: "course-progress-label" }, ["Your progress: "]));
      node.appendChild(document.createTextNode(text));
      node.className = node.className.replace(/\s*course-progress--\S+/g, "") +
        (text === "Not started" ? " course-progress--new" : " course-progress--begun");
      node.hidden = false;
    });
    const next = document.querySelector(".course-continue");
    if (next) {
      const steps = Array.prototype.slice.call(document.querySelectorAll(".course-path-step"));
      const todo = steps.filter((step) => {
        const badge = step.querySelector(".course-progress");
        const chapter = badge && badge.getAttribute("data-chapter");
        return chapter && !data.chapters[chapter];
      })[0];
      const begun = Object.keys(data.chapters).length > 0 || Object.keys(data.quizzes).length > 0;
      if (begun && todo) {
        const link = todo.querySelector("a");
        next.textContent = "";
        next.appendChild(document.createTextNode("Welcome back. "));
        next.appendChild(el("a", { href: link.getAttribute("href") }, ["Continue with " + link.textContent]));
        next.hidden = false;
      }
    }
  }

  /* ------------------------------------------------------------------------------ mark as read */

  function readToggle(node, state) {
    const chapter = node.getAttribute("data-chapter");
    const button = el("button", { type: "button", class: "md-button course-read-button" }, []);
    const status = el("span", { class: "course-read-status", role: "status" }, []);
    function render() {
      const read = !!state.data.chapters[chapter];
      button.setAttribute("aria-pressed", read ? "true" : "false");
      button.textContent = read ? "\u2713 Read" : "Mark this chapter as read";
    }
    button.addEventListener("click", () => {
      if (state.data.chapters[chapter]) {
        delete state.data.chapters[chapter];
        status.textContent = "Marked as not read.";
      } else {
        state.data.chapters[chapter] = { read: new Date().toISOString() };
        status.textContent = "Saved in this browser: the home page shows it.";
      }
      save(state.data);
      render();
      showProgress(state.data);
    });
    render();
    node.textContent = "";
    node.appendChild(button);
    node.appendChild(status);
    node.hidden = false;
  }

  /* ------------------------------------------------------------------------------ export / import */

  function exportFile(data) {
    const summary = {};
    document.querySelectorAll(".course-progress[data-chapter]").forEach((node) => {
      summary["Chapter " + node.getAttribute("data-chapter")] =
        describe(data, node.getAttribute("data-chapter"), node.getAttribute("data-quiz"));
    });
    const body = Object.assign({ exported: new Date().toISOString(), course: document.title, summary: summary }, data);
    const blob = new Blob([JSON.stringify(body, null, 2) + "\n"], { type: "application/json" });
    const link = el("a", { href: URL.createObjectURL(blob),
      download: "course-progress-" + new Date().toISOString().slice(0, 10) + ".json" }, []);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  /* Imported answers join what is here; where both have an answer, the file's wins. */
  function merge(target, incoming) {
    Object.keys(incoming.chapters).forEach((n) => { target.chapters[n] = incoming.chapters[n]; });
    Object.keys(incoming.quizzes).forEach((quiz) => {
      const from = incoming.quizzes[quiz];
      const into = quizRecord(target, quiz);
      if (from.seed !== null) into.seed = from.seed;
      if (from.total) into.total = from.total;
      Object.keys(from.items).forEach((id) => { into.items[id] = from.items[id]; });
    });
  }

  function transfer(node, state) {
    const status = el("p", { class: "course-transfer-status", role: "status" }, []);
    const exportButton = el("button", { type: "button", class: "md-button" }, ["Export my progress"]);
    const input = el("input", { type: "file", accept: ".json,application/json", id: "course-import-file",
      class: "course-import-input" }, []);
    const importLabel = el("label", { for: "course-import-file", class: "md-button" }, ["Import progress from a file"]);
    exportButton.addEventListener("click", () => {
      exportFile(state.data);
      status.textContent = "Your progress was saved as a file (see your downloads).";
    });
    input.addEventListener("change", () => {
      const file = input.files && input.files[0];
      if (!file) return;
      if (file.size > 1000000) {
        status.textContent = "That file is too large to be a progress file.";
        return;
      }
      file.text().then((text) => {
        let raw = null;
        try {
          raw = JSON.parse(text);
        } catch (error) {
          raw = null;
        }
        const result = sanitize(raw);
        if (raw === null || result.notes.length) {
          status.textContent = "That file is not a progress file from this course; nothing was changed.";
          return;
        }
        merge(state.data, result.data);
        save(state.data);
        showProgress(state.data);
        status.textContent = "Progress imported: " + Object.keys(result.data.chapters).length + " chapters read, " +
          Object.keys(result.data.quizzes).length + " quizzes.";
      });
      input.value = "";
    });
    node.textContent = "";
    node.appendChild(el("div", { class: "course-transfer-buttons" }, [exportButton, input, importLabel]));
    node.appendChild(status);
    node.hidden = false;
  }

  /* ------------------------------------------------------------------------------ glossary popover */

  function glossaryPopovers() {
    const links = document.querySelectorAll('.md-content a[href*="glossary.html#"][title]');
    if (!links.length || document.body.querySelector(".md-content .course-glossary-page")) return;
    let open = null;
    function close(restoreFocus) {
      if (!open) return;
      open.box.remove();
      open.link.setAttribute("aria-expanded", "false");
      if (restoreFocus) open.link.focus();
      open = null;
    }
    links.forEach((link, index) => {
      const definition = link.getAttribute("title");
      link.setAttribute("data-definition", definition);
      link.removeAttribute("title"); // the popover replaces the hover-only tooltip
      link.setAttribute("aria-expanded", "false");
      link.setAttribute("aria-haspopup", "dialog");
      link.addEventListener("click", (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey) return; // open the glossary page as asked
        event.preventDefault();
        const same = open && open.link === link;
        close(false);
        if (same) return;
        const id = "course-gloss-" + index;
        const closeButton = el("button", { type: "button", class: "course-gloss-close", "aria-label": "Close" },
          ["\u00d7"]);
        const box = el("span", { class: "course-gloss-pop", role: "dialog", id: id, tabindex: "-1",
          "aria-label": link.textContent }, [
          el("strong", {}, [link.textContent]), closeButton,
          el("span", { class: "course-gloss-text" }, [definition]),
          el("a", { href: link.getAttribute("href"), class: "course-gloss-more" }, ["Full glossary entry"]),
        ]);
        link.setAttribute("aria-controls", id);
        link.setAttribute("aria-expanded", "true");
        link.insertAdjacentElement("afterend", box);
        closeButton.addEventListener("click", () => close(true));
        open = { link: link, box: box };
        box.focus();
      });
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && open) close(true);
    });
    document.addEventListener("click", (event) => {
      if (open && !open.box.contains(event.target) && event.target !== open.link &&
          !open.link.contains(event.target)) close(false);
    });
  }

  /* ------------------------------------------------------------------------------ start */

  const state = load();
  window.CourseProgress = {
    state: state, save: () => save(state.data), quiz: (id) => quizRecord(state.data, id), newSeed: newSeed,
    available: !!storage, refresh: () => showProgress(state.data), el: el,
  };

  function start() {
    document.querySelectorAll(".course-print-url").forEach((node) => {
      if (!node.textContent) node.textContent = location.href.split("#")[0];
    });
    showProgress(state.data);
    document.querySelectorAll(".course-read-toggle").forEach((node) => readToggle(node, state));
    document.querySelectorAll(".course-transfer").forEach((node) => transfer(node, state));
    glossaryPopovers();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
