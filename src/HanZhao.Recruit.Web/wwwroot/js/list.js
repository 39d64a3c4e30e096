// The review list's toolbar, progressively: without this file the toolbar is a form that is always
// there and posts whatever is ticked. With it, the actions appear once a row (or "all matching") is
// ticked, and the toolbar says how many are selected.
(() => {
    "use strict";

    const toolbar = document.querySelector("[data-bulk-toolbar]");
    if (!toolbar) return;
    const count = toolbar.querySelector("[data-bulk-count]");
    const all = toolbar.querySelector("[data-select-all-matching]");
    const groups = toolbar.querySelectorAll(".bulk-group");
    const rows = () => document.querySelectorAll("input[data-select-row][form='" + toolbar.id + "']");
    const total = Number(document.querySelector("[data-total]")?.dataset.total || 0);

    const update = () => {
        const ticked = Array.from(rows()).filter(box => box.checked).length;
        const selected = all && all.checked ? total : ticked;
        count.textContent = selected === 0 ? "" : selected === 1 ? count.dataset.one : count.dataset.many.replace("#", String(selected));
        groups.forEach(group => { group.hidden = selected === 0; });
        toolbar.classList.toggle("is-empty", selected === 0);
    };

    document.addEventListener("change", event => {
        if (event.target.matches("input[data-select-row], [data-select-all-matching]")) update();
    });
    update();
})();
