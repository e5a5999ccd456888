/* The instructor pack (instructors/pack.html): decrypts window.coursePack (an age file, base64, from
 * pack-data.js) with the passphrase typed in, using age-encryption (assets/js/age.js, global courseAge), and offers
 * the zip for download. Everything happens in this browser; nothing is sent anywhere. */
(function () {
  "use strict";

  function start() {
    var form = document.getElementById("course-pack-form");
    if (!form) { return; }
    var input = document.getElementById("course-pack-passphrase");
    var status = document.getElementById("course-pack-status");
    var download = document.getElementById("course-pack-download");
    var result = document.getElementById("course-pack-result");
    var button = form.querySelector("button[type=submit]");

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!window.courseAge || typeof window.coursePack !== "string") {
        status.textContent = "The pack's files did not load. Reload the page; if this copy of the site is " +
          "incomplete, download it again.";
        return;
      }
      if (!input.value) {
        status.textContent = "Type the passphrase first.";
        input.focus();
        return;
      }
      button.disabled = true;
      result.hidden = true;
      status.textContent = "Unlocking…";
      var bytes = Uint8Array.from(atob(window.coursePack), function (c) { return c.charCodeAt(0); });
      var decrypter = new window.courseAge.Decrypter();
      decrypter.addPassphrase(input.value);
      decrypter.decrypt(bytes).then(function (zip) {
        if (download.href.indexOf("blob:") === 0) { URL.revokeObjectURL(download.href); }
        download.href = URL.createObjectURL(new Blob([zip], { type: "application/zip" }));
        result.hidden = false;
        status.textContent = "Unlocked. Download the pack: answer keys, exam items, Moodle XML, GIFT, Canvas QTI " +
          "and the Common Cartridge (and the instructor PDF when the site was built with it), in one zip.";
        download.focus();
      }, function () {
        status.textContent = "That passphrase does not open the pack. Check it (it is case-sensitive) and try again.";
        input.select();
        input.focus();
      }).then(function () { button.disabled = false; });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
