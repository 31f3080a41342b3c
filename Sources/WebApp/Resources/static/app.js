// Malaka pages: a little plain JavaScript. Every form works without it; with it, attendance marks are
// saved as they are tapped and the language menu applies at once.
(function () {
  "use strict";

  // The language menu sends its form on change; its button stays for keyboards and for no script.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });

  // Attendance: each mark button is a submit button of the person's form; send it in the background,
  // show "saving…", then "saved" or "not saved", and press the button only once the server agreed.
  document.querySelectorAll("form.mark").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || !window.fetch) { return; }
      event.preventDefault();
      var state = form.querySelector(".state");
      var body = new URLSearchParams(new FormData(form));
      body.set(button.name, button.value);
      state.textContent = form.dataset.saving;
      fetch(form.action, {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "Accept": "application/json", "X-CSRF-Token": form.elements.csrf.value }
      }).then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      }).then(function (answer) {
        form.querySelectorAll("button[name=status]").forEach(function (other) {
          other.setAttribute("aria-pressed", other.value === answer.status ? "true" : "false");
        });
        state.textContent = answer.label + " · " + form.dataset.saved;
        form.dataset.status = answer.status;
      }).catch(function () {
        state.textContent = form.dataset.notSaved;
      });
    });
  });
})();
