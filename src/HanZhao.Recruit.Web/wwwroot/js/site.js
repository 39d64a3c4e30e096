// Progressive enhancement only: every link works without this file.
// "Cite" opens a dialog with the BibTeX entry (fetched from /publications/{slug}.bib) instead of
// navigating to the publication page; "Copy" puts BibTeX on the clipboard.
(() => {
    "use strict";

    const copy = async (text, status) => {
        try {
            await navigator.clipboard.writeText(text);
            if (status) status.textContent = status.dataset.copied || "Copied";
        } catch {
            if (status) status.textContent = "";
        }
    };

    const dialog = document.getElementById("cite-dialog");
    if (dialog && typeof dialog.showModal === "function") {
        const code = dialog.querySelector("code");
        const download = dialog.querySelector("[data-download]");
        const status = dialog.querySelector(".copy-status");
        let opener = null;

        document.addEventListener("click", async event => {
            const link = event.target.closest("a[data-cite]");
            if (!link) return;
            event.preventDefault();
            opener = link;
            const response = await fetch(link.dataset.cite, { headers: { Accept: "application/x-bibtex" } });
            if (!response.ok) { window.location.href = link.href; return; }
            code.textContent = await response.text();
            download.href = link.dataset.cite;
            status.textContent = "";
            dialog.showModal();
        });
        dialog.querySelector("[data-copy]").addEventListener("click", () => copy(code.textContent, status));
        dialog.querySelector("[data-close]").addEventListener("click", () => dialog.close());
        dialog.addEventListener("close", () => opener && opener.focus());
    }

    // Copy buttons on publication pages appear only when copying can work.
    document.querySelectorAll("[data-copy-target]").forEach(button => {
        const target = document.querySelector(button.dataset.copyTarget);
        if (!target || !navigator.clipboard) return;
        button.hidden = false;
        button.addEventListener("click", () => copy(target.textContent, button.parentElement.querySelector(".copy-status")));
    });
})();

// Application form: save the draft while typing (every few seconds after a change) and count
// the statement's words. Without JavaScript, the Save buttons do the same.
(() => {
    "use strict";
    document.querySelectorAll("form[data-autosave]").forEach(form => {
        const status = form.querySelector(".autosave-status");
        let timer = null;
        const save = async () => {
            timer = null;
            const data = new FormData(form);
            data.set("go", "save");
            const response = await fetch(form.action, { method: "POST", body: data, headers: { "X-Autosave": "1" } });
            if (status) status.textContent = response.ok ? status.dataset.saved : "";
        };
        form.addEventListener("input", () => {
            if (timer) clearTimeout(timer);
            timer = setTimeout(save, 3000);
        });
    });

    document.querySelectorAll("[data-word-count]").forEach(counter => {
        const field = document.getElementById("f-" + counter.dataset.wordCount);
        const limit = Number(counter.dataset.wordLimit);
        const update = () => {
            const words = (field.value.match(/\S+/g) || []).length;
            counter.textContent = counter.dataset.label.replace("{0}", words).replace("{1}", limit);
            counter.classList.toggle("over-limit", words > limit);
        };
        field.addEventListener("input", update);
    });
})();
