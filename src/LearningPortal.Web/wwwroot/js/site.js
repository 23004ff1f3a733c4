// Starts GOV.UK Frontend's components (error summary focus, password reveal, navigation toggle, ...).
import { initAll } from "/lib/govuk/govuk-frontend.min.js";

initAll();

// Counts a briefing's readers without slowing the page or bypassing its cache: once the page has loaded, a tiny beacon
// says which briefing was read (signed-in readers once a day, others as an anonymous count). See docs/impact.md.
const read = document.querySelector("[data-lp-read]");
if (read && navigator.sendBeacon) {
    const send = () => navigator.sendBeacon(read.getAttribute("data-lp-read"));
    if (document.readyState === "complete") {
        send();
    } else {
        window.addEventListener("load", send, { once: true });
    }
}
