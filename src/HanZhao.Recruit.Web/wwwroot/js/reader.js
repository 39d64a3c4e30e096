// The reader (/review/applications/{id}). Progressive enhancement only: every form posts and
// redirects without this file, and every link works.
// - Forms marked data-reader-form post with fetch (the antiforgery token is their hidden field); the
//   answer is the page itself (after the redirect) or the page with the refusal (400), and the parts
//   marked data-reader-live are swapped in, so scoring, tagging and deciding never reload the page.
//   "Save and next" and "Confirm and next" are left to the browser: they go to another page anyway.
// - A status choice opens the email preview (the status page's, fetched) in a dialog; one confirmation.
// - The document tabs load into the frame; the current tab is marked.
// - Keyboard: j/k next/previous, s the score, t the status; never while typing in a field.
(() => {
    "use strict";
    const reader = document.querySelector("[data-reader]");
    if (!reader) return;
    const announce = document.getElementById("reader-announce");
    const say = text => { if (announce) announce.textContent = text || ""; };

    const swap = html => {
        const next = new DOMParser().parseFromString(html, "text/html");
        let swapped = 0;
        document.querySelectorAll("[data-reader-live]").forEach(part => {
            const fresh = next.getElementById(part.id);
            if (fresh) { part.replaceWith(document.importNode(fresh, true)); swapped++; }
        });
        return { swapped, doc: next };
    };

    const post = async (form, submitter) => {
        const data = new FormData(form, submitter);
        const focusId = submitter && submitter.closest("[id]") ? submitter.closest("[id]").id : null;
        let response;
        try {
            response = await fetch(form.action, { method: "POST", body: data, credentials: "same-origin" });
        } catch {
            say(announce.dataset.failed);
            return;
        }
        const { swapped, doc } = swap(await response.text());
        const dialog = form.closest("dialog");
        if (swapped === 0) {
            // Not the reader page: a refusal page (400) or an error page; show its message.
            const message = doc.querySelector("[role=alert], main h1");
            const target = dialog ? dialog.querySelector("[data-dialog-error]") : null;
            if (target) target.textContent = message ? message.textContent.trim() : announce.dataset.failed;
            else say(message ? message.textContent.trim() : announce.dataset.failed);
            return;
        }
        if (dialog && dialog.open) dialog.close();
        say(response.ok ? announce.dataset.saved : announce.dataset.refused);
        const error = document.querySelector("#reader-panel .field-error:not(:empty)");
        const back = error || (focusId && document.getElementById(focusId)) || document.getElementById("reader-panel");
        if (back) {
            if (!back.hasAttribute("tabindex") && !back.matches("a, button, input, textarea, select")) back.setAttribute("tabindex", "-1");
            back.focus();
        }
    };

    document.addEventListener("submit", event => {
        const form = event.target.closest("form[data-reader-form]");
        if (!form) return;
        const submitter = event.submitter;
        if (submitter && submitter.name === "then" && submitter.value === "next") return;
        event.preventDefault();
        post(form, submitter);
    });

    // The status choice: the email preview in a dialog, then one confirmation.
    document.addEventListener("click", async event => {
        const link = event.target.closest("a[data-decide]");
        const cancel = event.target.closest("[data-dialog-cancel]");
        if (cancel) { cancel.closest("dialog").close(); return; }
        if (!link) return;
        const dialog = document.getElementById("decision-dialog");
        if (!dialog || typeof dialog.showModal !== "function") return;
        event.preventDefault();
        dialog.querySelector("[data-dialog-to]").value = link.dataset.decide;
        dialog.querySelector("[data-dialog-title]").textContent = link.textContent.replace("…", "").trim();
        dialog.querySelector("[data-dialog-error]").textContent = "";
        const preview = dialog.querySelector("[data-dialog-preview]");
        dialog.showModal();
        try {
            const response = await fetch(link.href, { credentials: "same-origin" });
            const doc = new DOMParser().parseFromString(await response.text(), "text/html");
            const emails = doc.querySelectorAll(".email-preview");
            const refusal = doc.querySelector("[role=alert]");
            preview.replaceChildren(...Array.from(emails, e => document.importNode(e, true)));
            if (!response.ok && refusal) dialog.querySelector("[data-dialog-error]").textContent = refusal.textContent.trim();
        } catch {
            dialog.querySelector("[data-dialog-error]").textContent = announce.dataset.failed;
        }
    });

    // Document tabs: the link loads into the frame (target), here the current one is marked.
    document.addEventListener("click", event => {
        const tab = event.target.closest("a[data-show-document]");
        if (!tab) return;
        document.querySelectorAll("a[data-show-document]").forEach(a => a.removeAttribute("aria-current"));
        tab.setAttribute("aria-current", "true");
        const frame = document.querySelector(".reader-frame");
        if (frame) frame.title = tab.textContent.trim();
    });

    const typing = target => target instanceof HTMLElement
        && (target.isContentEditable || target.closest("input, textarea, select, [contenteditable]") !== null);

    document.addEventListener("keydown", event => {
        if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
        if (document.querySelector("dialog[open]")) return;
        const go = selector => {
            const target = document.querySelector(selector);
            if (!target) return false;
            if (target.tagName === "A" && target.hasAttribute("rel")) window.location.href = target.href;
            else { target.focus(); target.scrollIntoView({ block: "nearest" }); }
            return true;
        };
        const handled = {
            j: () => go("a[data-next]"),
            k: () => go("a[data-previous]"),
            s: () => go("[data-quick-score]"),
            t: () => go("a[data-decide]"),
        }[event.key];
        if (handled && handled()) event.preventDefault();
    });
})();
