// The API reference page (book/api.md, book/_ext/calcify_api.py).
// A display equation wider than the column scrolls sideways inside its box; a
// keyboard user must be able to reach it too (WCAG 2.1.1; axe-core's
// scrollable-region-focusable).  Once MathJax has typeset the page, each
// equation that does scroll becomes a tab stop, so the arrow keys scroll it.
window.addEventListener("load", async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
    await MathJax.startup.promise;
  }
  for (const box of document.querySelectorAll('mjx-container[display="true"]')) {
    if (box.scrollWidth > box.clientWidth + 1 && !box.hasAttribute("tabindex")) {
      box.setAttribute("tabindex", "0");
    }
  }
});
