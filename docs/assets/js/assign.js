/* Assigning chapters: the builder (instructors/assign.html), the student assignment page (assignment.html)
 * and the "Assign this chapter" panel of chapter pages.
 *
 * The link format is what the builder's GET form produces: ?chapter=2&chapter=4&quiz=2&quiz=final&title=...&due=...
 * Everything read from the URL is untrusted: it is only ever written with textContent or into form values,
 * and chapter and quiz values are accepted only when the catalogue embedded at build time knows them.
 */
(function () {
  "use strict";

  var TITLE_MAX = 120;
  var VALUE_MAX = 2000;       // longer raw values are cut before any processing
  var VALUES_MAX = 50;        // more chapter/quiz values than this are ignored
  var ECHO_MAX = 40;          // how much of a rejected value a message repeats
  var YEAR_MIN = 2000;
  var YEAR_MAX = 2100;
  var DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  // Control characters, bidirectional overrides and isolates, zero-width characters: they can make
  // displayed text differ from what it is, so they are removed from anything shown.
  var INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

  function readCatalogue() {
    var node = document.getElementById("course-catalogue");
    if (!node) { return null; }
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }

  function clean(text) {
    var value = String(text).slice(0, VALUE_MAX);
    if (value.normalize) { value = value.normalize("NFC"); }
    return value.replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
  }

  function echo(text) {
    var value = clean(text);
    return value.length > ECHO_MAX ? value.slice(0, ECHO_MAX) + "…" : value;
  }

  function parseDue(raw) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
    if (!match) { return null; }
    var y = Number(match[1]), m = Number(match[2]), d = Number(match[3]);
    if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12 || d < 1) { return null; }
    var day = new Date(Date.UTC(y, m - 1, d));
    if (day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) { return null; }
    return day;
  }

  function longDate(day) {
    return DAYS[day.getUTCDay()] + " " + day.getUTCDate() + " " + MONTHS[day.getUTCMonth()] + " " +
      day.getUTCFullYear();
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function link(href, text) {
    var a = el("a", text);
    a.setAttribute("href", href);   // href always comes from the catalogue, never from the URL
    return a;
  }

  /* Reads an assignment from a query string against the catalogue: chosen chapters, quizzes, title, due date,
   * and a message for everything that was rejected. */
  function parseAssignment(search, catalogue) {
    var params = new URLSearchParams(search);
    var known = {};
    catalogue.chapters.forEach(function (c) { known[String(c.number)] = c; });
    var notes = [];
    var chapters = [], quizzes = [], finalQuiz = false, seen = {};

    function values(name) {
      var all = params.getAll(name);
      if (all.length > VALUES_MAX) {
        notes.push("The link lists more than " + VALUES_MAX + " values for “" + name + "”; the rest were ignored.");
        all = all.slice(0, VALUES_MAX);
      }
      var out = [];
      all.forEach(function (raw) {
        String(raw).slice(0, VALUE_MAX).split(",").forEach(function (part) { out.push(part.trim()); });
      });
      return out.slice(0, VALUES_MAX);
    }

    values("chapter").forEach(function (value) {
      if (value === "") { return; }
      if (/^[0-9]{1,2}$/.test(value) && known[String(Number(value))]) {
        var key = "c" + Number(value);
        if (!seen[key]) { seen[key] = true; chapters.push(known[String(Number(value))]); }
      } else {
        notes.push("“" + echo(value) + "” is not a chapter of this course; it was left out.");
      }
    });
    values("quiz").forEach(function (value) {
      if (value === "") { return; }
      if (value === "final") {
        finalQuiz = true;
      } else if (/^[0-9]{1,2}$/.test(value) && known[String(Number(value))]) {
        var key = "q" + Number(value);
        if (!seen[key]) { seen[key] = true; quizzes.push(known[String(Number(value))]); }
      } else {
        notes.push("“" + echo(value) + "” is not a quiz of this course; it was left out.");
      }
    });
    chapters.sort(function (a, b) { return a.number - b.number; });
    quizzes.sort(function (a, b) { return a.number - b.number; });

    function single(name) {
      var all = params.getAll(name);
      if (all.length > 1) { notes.push("The link gives more than one “" + name + "”; only the first is used."); }
      return all.length ? all[0] : "";
    }

    var title = clean(single("title"));
    if (title.length > TITLE_MAX) {
      title = title.slice(0, TITLE_MAX) + "…";
      notes.push("The title in the link is longer than " + TITLE_MAX + " characters; it was shortened.");
    }
    var rawDue = single("due");
    var due = null;
    if (rawDue !== "") {
      due = parseDue(String(rawDue).trim());
      if (!due) {
        notes.push("The due date in the link (“" + echo(rawDue) + "”) is not a date between " + YEAR_MIN +
          " and " + YEAR_MAX + " written as YYYY-MM-DD; ask your instructor for the date.");
      }
    }
    return { chapters: chapters, quizzes: quizzes, finalQuiz: finalQuiz, title: title, due: due, notes: notes };
  }

  // Links in the announcement resolve against the published page when the build knows it (see builder()).
  var linkBase = null;

  function absolute(url) {
    return new URL(url, linkBase || window.location.href).href;
  }

  /* Mirrors coursekit/pages/instructors/announcement.py. */
  function announcement(a, catalogue) {
    var lines = [];
    if (a.title) { lines.push(a.title, ""); }
    if (a.due) { lines.push("Due: " + longDate(a.due), ""); }
    var total = a.chapters.reduce(function (sum, c) { return sum + c.minutes; }, 0);
    if (a.chapters.length) {
      lines.push("Read " + a.chapters.length + (a.chapters.length === 1 ? " chapter" : " chapters") +
        " (about " + total + " minutes in all):", "");
    }
    a.chapters.forEach(function (c) {
      lines.push("Chapter " + c.number + ": " + c.title + " (about " + c.minutes + " minutes)", absolute(c.url),
        "After reading you should be able to:");
      c.objectives.forEach(function (o) { lines.push("- " + o); });
      lines.push("");
    });
    var quizLines = a.quizzes.map(function (c) { return "Chapter " + c.number + " quiz: " + absolute(c.quiz_url); });
    if (a.finalQuiz) { quizLines.push("Final quiz (all chapters): " + absolute(catalogue.final_quiz_url)); }
    if (quizLines.length) {
      lines.push("Then check yourself with the quizzes (practice questions with feedback):");
      lines = lines.concat(quizLines, [""]);
    }
    return lines.join("\n").replace(/\s+$/, "") + "\n";
  }

  /* ---- the student assignment page ---- */
  function renderAssignment(root, catalogue) {
    var a = parseAssignment(window.location.search, catalogue);
    var heading = document.querySelector("article h1");
    if (heading && a.title) { heading.textContent = a.title; document.title = a.title + " · " + document.title; }
    root.textContent = "";
    if (a.notes.length) {
      var box = el("div", null, "admonition warning course-assign-notes");
      box.setAttribute("role", "status");
      box.appendChild(el("p", "Some of this link could not be used", "admonition-title"));
      var list = el("ul");
      a.notes.forEach(function (note) { list.appendChild(el("li", note)); });
      box.appendChild(list);
      root.appendChild(box);
    }
    if (!a.chapters.length && !a.quizzes.length && !a.finalQuiz) {
      // Seen by a student with a broken link, or by an instructor who opened the page before choosing anything.
      root.appendChild(el("p", "No chapter or quiz is chosen in this link, so there is nothing to show yet.",
        "course-assign-empty"));
      var student = el("p", "Following a link from your course? Ask your instructor for a new one, or ");
      student.appendChild(link(root.getAttribute("data-home") || "index.html", "start from the course home"));
      student.appendChild(document.createTextNode("."));
      root.appendChild(student);
      var teacher = el("p", "Preparing an assignment? Go back to the ");
      teacher.appendChild(link(root.getAttribute("data-builder") || "instructors/assign.html", "assignment builder"));
      teacher.appendChild(document.createTextNode(" and tick at least one chapter or quiz."));
      root.appendChild(teacher);
      return;
    }
    var meta = el("p", null, "course-assignment-meta");
    if (a.due) {
      meta.appendChild(el("strong", "Due: "));
      meta.appendChild(el("time", longDate(a.due)));
      meta.lastChild.setAttribute("datetime", a.due.toISOString().slice(0, 10));
      meta.appendChild(document.createTextNode(" · "));
    }
    var total = a.chapters.reduce(function (sum, c) { return sum + c.minutes; }, 0);
    meta.appendChild(document.createTextNode(a.chapters.length + (a.chapters.length === 1 ? " chapter" : " chapters") +
      " to read, about " + total + " minutes"));
    root.appendChild(meta);
    if (a.chapters.length) {
      root.appendChild(el("h2", "Read"));
      var list = el("ol", null, "course-assignment-chapters");
      a.chapters.forEach(function (c) {
        var item = el("li");
        item.setAttribute("data-chapter", String(c.number));
        var head = el("p", null, "course-assignment-chapter");
        head.appendChild(link(c.url, "Chapter " + c.number + ": " + c.title));
        head.appendChild(el("span", " · about " + c.minutes + " minutes · essay part: " + c.essay_section,
          "course-assign-note"));
        item.appendChild(head);
        item.appendChild(el("p", "After reading you should be able to:"));
        var objectives = el("ul");
        c.objectives.forEach(function (o) { objectives.appendChild(el("li", o)); });
        item.appendChild(objectives);
        list.appendChild(item);
      });
      root.appendChild(list);
    }
    if (a.quizzes.length || a.finalQuiz) {
      root.appendChild(el("h2", "Then check yourself"));
      var quizzes = el("ul", null, "course-assignment-quizzes");
      a.quizzes.forEach(function (c) {
        var item = el("li");
        item.appendChild(link(c.quiz_url, "Chapter " + c.number + " quiz"));
        item.appendChild(el("span", " · " + c.title, "course-assign-note"));
        quizzes.appendChild(item);
      });
      if (a.finalQuiz) {
        var item = el("li");
        item.appendChild(link(catalogue.final_quiz_url, "Final quiz"));
        item.appendChild(el("span", " · all chapters", "course-assign-note"));
        quizzes.appendChild(item);
      }
      root.appendChild(quizzes);
    }
  }

  /* ---- the builder ---- */
  function copy(field, status) {
    field.focus();
    field.select();
    var done = function () { status.textContent = "Copied."; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () {
        status.textContent = "Select the text and copy it (Ctrl+C or ⌘C).";
      });
    } else {
      try { document.execCommand("copy"); done(); } catch (e) { status.textContent = "Select the text and copy it."; }
    }
  }

  function builder(form, catalogue) {
    var result = document.getElementById("course-assign-result");
    var linkField = document.getElementById("assign-link");
    var text = document.getElementById("assign-announcement");
    var status = document.getElementById("course-assign-status");
    var copied = document.getElementById("assign-copied");
    var open = document.getElementById("assign-open");
    var published = form.getAttribute("data-published-page") || "";
    if (published) { linkBase = published; }
    var fromDisk = window.location.protocol === "file:";

    function update() {
      var params = new URLSearchParams();
      Array.prototype.forEach.call(form.elements, function (field) {
        if (!field.name || field.disabled) { return; }
        if (field.type === "checkbox" && !field.checked) { return; }
        var value = field.type === "text" ? clean(field.value) : field.value;
        if (value !== "") { params.append(field.name, value); }
      });
      var query = params.toString();
      var a = parseAssignment("?" + query, catalogue);
      copied.textContent = "";
      var empty = !a.chapters.length && !a.quizzes.length && !a.finalQuiz;
      if (open) {
        open.disabled = empty;
        open.title = empty ? "Tick at least one chapter or quiz first" : "";
      }
      if (empty) {
        result.hidden = true;
        status.textContent = "Tick at least one chapter or quiz to get a link.";
        return;
      }
      var notes = a.notes.slice();
      // The published address when the build knows it (site_url); otherwise this copy's own address.
      var url = new URL(form.getAttribute("action"), published || window.location.href);
      if (!published && fromDisk) {
        notes.push("This builder was opened from a file on this computer, so the link only works on this computer: " +
          "open the builder on the published course site to get a link you can share.");
      }
      status.textContent = notes.join(" ");
      url.search = query;
      linkField.value = url.href;
      text.value = announcement(a, catalogue);
      result.hidden = false;
    }

    // Chapter ticks pre-select the matching quiz until the instructor touches the quiz boxes.
    var quizTouched = false;
    form.addEventListener("change", function (event) {
      var target = event.target;
      if (target.name === "quiz") { quizTouched = true; }
      if (target.name === "chapter" && !quizTouched) {
        var quiz = document.getElementById("assign-quiz-" + target.value);
        if (quiz) { quiz.checked = target.checked; }
      }
      update();
    });
    form.addEventListener("input", update);
    document.getElementById("assign-copy-link").addEventListener("click", function () { copy(linkField, copied); });
    document.getElementById("assign-copy-text").addEventListener("click", function () { copy(text, copied); });

    // ?chapter=N on the builder's own URL pre-ticks chapters (the chapter guides link here that way).
    var preset = parseAssignment(window.location.search, catalogue);
    preset.chapters.forEach(function (c) {
      var box = document.getElementById("assign-chapter-" + c.number);
      if (box) { box.checked = true; }
      var quiz = document.getElementById("assign-quiz-" + c.number);
      if (quiz) { quiz.checked = true; }
    });
    update();
  }

  /* ---- the chapter pages' panel: site-relative links become this copy of the site's absolute links ---- */
  function panel(box) {
    var permalink = box.querySelector("a.course-permalink");
    if (!permalink) { return; }
    var shown = permalink.textContent;
    if (/^[a-z]+:/i.test(shown)) { return; }        // site_url was configured: links are already absolute
    var href = permalink.href;
    if (href.slice(-shown.length) !== shown) { return; }
    var root = href.slice(0, href.length - shown.length);
    permalink.textContent = href;
    Array.prototype.forEach.call(box.querySelectorAll("pre code"), function (code) {
      code.textContent = code.textContent.replace(/(^|\s)((?:chapters|quizzes)\/[A-Za-z0-9._-]+\.html)/gm,
        function (match, space, path) { return space + root + path; });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".course-assign"), panel);
    var catalogue = readCatalogue();
    if (!catalogue) { return; }
    var view = document.getElementById("course-assignment");
    if (view) { renderAssignment(view, catalogue); }
    var form = document.getElementById("course-assign-builder");
    if (form) { builder(form, catalogue); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
