// Progressive enhancement for deadlines an applicant must act on: beside Shanghai time (always in the
// page), the same moment in the reader's own time zone when that zone differs. Without this file
// the Shanghai time stands alone. Pages that swap in new content (interview.js) call
// window.convertLocalTimes() again for the new elements.
(() => {
    "use strict";
    const lang = document.documentElement.lang || undefined;
    // The wall-clock time of a moment in a zone (undefined: the reader's own), to compare zones by.
    const wallClock = (moment, zone) => new Date(moment.toLocaleString("en-US", { timeZone: zone })).getTime();
    const convert = () => document.querySelectorAll("[data-local-time]:not([data-local-done])").forEach(element => {
        element.setAttribute("data-local-done", "");
        const moment = new Date(element.getAttribute("data-local-time"));
        if (Number.isNaN(moment.getTime()) || wallClock(moment, "Asia/Shanghai") === wallClock(moment, undefined)) return;
        // dateStyle and timeStyle cannot be combined with timeZoneName: the parts are named one by one.
        const own = new Intl.DateTimeFormat(lang, {
            year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false, timeZoneName: "short",
        }).format(moment);
        element.textContent = (element.getAttribute("data-label") || "{0}").replace("{0}", own);
        element.hidden = false;
    });
    window.convertLocalTimes = convert;
    convert();
})();
