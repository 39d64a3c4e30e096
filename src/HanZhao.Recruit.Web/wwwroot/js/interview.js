// The applicant's interview page without reloads: booking, moving and cancelling post with fetch (the
// form's own antiforgery field), and the page the server answers (the page after its redirect, or the
// refusal with the remaining times, 400) replaces the main content in place. Without this file the
// forms post and redirect as usual; the server decides everything either way.
(() => {
    "use strict";
    const main = document.getElementById("main");
    if (!main) return;

    document.addEventListener("submit", async event => {
        const form = event.target.closest("form[data-interview-form]");
        if (!form || !main.contains(form)) return;
        event.preventDefault();
        const buttons = form.querySelectorAll("button");
        buttons.forEach(button => { button.disabled = true; });
        let response;
        try {
            response = await fetch(form.action, { method: "POST", body: new FormData(form, event.submitter), credentials: "same-origin" });
        } catch {
            // The network failed: let the browser post the form itself.
            buttons.forEach(button => { button.disabled = false; });
            form.submit();
            return;
        }
        const next = new DOMParser().parseFromString(await response.text(), "text/html");
        const fresh = next.getElementById("main");
        if (!fresh) {
            window.location.assign(response.url);
            return;
        }
        main.replaceChildren(...Array.from(fresh.childNodes, node => document.importNode(node, true)));
        document.title = next.title;
        if (response.ok && response.redirected) window.history.replaceState(null, "", response.url);
        // The new times in the browser's own zone (local-time.js).
        if (typeof window.convertLocalTimes === "function") window.convertLocalTimes();
        // Where the answer is: the notice, the refusal, or the heading.
        const target = main.querySelector("[role=alert], [role=status], h1");
        if (target) {
            target.setAttribute("tabindex", "-1");
            target.focus();
        }
    });
})();
