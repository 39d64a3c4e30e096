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
