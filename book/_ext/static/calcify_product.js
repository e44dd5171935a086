/* A display equation wider than its column scrolls in its own box (pydata-sphinx-theme:
   div.math mjx-container {overflow: auto}).  Give each such box a tab stop, as the theme
   does for wide tables and outputs, so that the keyboard can scroll it too (WCAG 2.1.1;
   axe: scrollable-region-focusable).  MathJax's own menu, which the book does not load
   (book/_ext/calcify_offline.py), used to make every equation focusable. */
(function () {
  function mark() {
    document.querySelectorAll("div.math mjx-container, mjx-container[display='true']").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) { box.tabIndex = 0; }
      else if (box.getAttribute("tabindex") === "0") { box.removeAttribute("tabindex"); }
    });
  }
  window.addEventListener("load", function () {
    if (window.MathJax && MathJax.startup && MathJax.startup.promise) { MathJax.startup.promise.then(mark); }
    mark();
  });
  window.addEventListener("resize", mark);
})();
