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

// Application form: save the draft while typing (every few seconds after a change), count the
// statement's words and show the rank's percentile. Without JavaScript, the Save buttons do the same.
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

    // Counts as the server does (Platform/Forms/TextLength.cs): each CJK character one, other text by
    // words between spaces. The page hands over the server's CJK ranges, so the two cannot drift apart.
    const counter = ranges => {
        const cjk = ranges.split(" ").map(r => r.split("-").map(h => parseInt(h, 16)));
        const isCjk = code => cjk.some(([first, last]) => code >= first && code <= last);
        return text => {
            let count = 0, inWord = false;
            for (const character of text) {
                const code = character.codePointAt(0);
                if (isCjk(code)) { count++; inWord = false; }
                else if (/\s/.test(character)) { inWord = false; }
                else if (!inWord) { count++; inWord = true; }
            }
            return count;
        };
    };

    document.querySelectorAll("[data-word-count]").forEach(output => {
        const field = document.getElementById("f-" + output.dataset.wordCount);
        const limit = Number(output.dataset.wordLimit);
        const count = counter(output.dataset.cjk || "");
        const update = () => {
            const words = count(field.value);
            output.textContent = output.dataset.label.replace("{0}", words).replace("{1}", limit);
            output.classList.toggle("over-limit", words > limit);
        };
        field.addEventListener("input", update);
        // Text already in the field (a form the browser restored, or typed before this script ran) counts too.
        update();
    });

    // "Top 2.5%" under the rank, as the reviewer will read it.
    document.querySelectorAll("[data-percentile]").forEach(output => {
        const rank = document.getElementById("f-RankPosition");
        const size = document.getElementById("f-CohortSize");
        const update = () => {
            const r = Number(rank.value), s = Number(size.value);
            const valid = Number.isInteger(r) && Number.isInteger(s) && r >= 1 && s >= r && rank.value !== "" && size.value !== "";
            output.textContent = valid ? output.dataset.label.replace("{0}", String(Math.round(r * 1000 / s) / 10)) : "";
        };
        rank.addEventListener("input", update);
        size.addEventListener("input", update);
    });
})();
