// Loads the playground web app into a book page that has placeholders.
// mdBook gives this file a hashed name, so the app is found through the
// page's `path_to_root`, which mdBook sets on every page.
(function () {
  "use strict";
  if (!document.querySelector(".gmp-playground")) return;
  var root = typeof path_to_root === "string" ? path_to_root : "";
  // import() resolves a relative URL against this script's own (hashed)
  // location, not the page's: make it absolute first.
  var base = new URL(root + "playground/", document.baseURI).href;
  import(base + "gmp-web.js")
    .then(function (app) { return app.default({ module_or_path: base + "gmp-web_bg.wasm" }); })
    .catch(function (err) {
      document.querySelectorAll(".gmp-playground").forEach(function (el) {
        el.setAttribute("data-load-error", String(err));
      });
      console.error("playground failed to load:", err);
    });
})();
