// The header's theme switch, made instant: the form still posts /theme (which sets the cookie the
// server reads for the next page), but the page changes colour now instead of after a reload.
(() => {
    "use strict";

    document.querySelectorAll("form[data-theme-switch]").forEach(form => {
        form.addEventListener("submit", async event => {
            const button = event.submitter;
            if (!button || button.name !== "theme") return;
            event.preventDefault();
            const body = new FormData(form);
            body.set("theme", button.value);
            const response = await fetch(form.action, { method: "POST", body, headers: { Accept: "application/json" } });
            if (!response.ok) { form.submit(); return; }
            if (button.value === "system") {
                delete document.documentElement.dataset.theme;
            } else {
                document.documentElement.dataset.theme = button.value;
            }
            form.querySelectorAll("button[name=theme]").forEach(b => b.setAttribute("aria-pressed", b === button ? "true" : "false"));
        });
    });
})();
