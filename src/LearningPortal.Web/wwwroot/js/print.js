// "Print this report" buttons (data-lp-print). The content security policy allows no inline handlers, so the
// click is wired here; the button stays hidden without JavaScript, where the browser's own print is the way.
for (const button of document.querySelectorAll("[data-lp-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
