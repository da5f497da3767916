// Loads the playground web app, and its code editor, into a book page that
// has placeholders.
// mdBook gives this file a hashed name, so the app is found through the
// page's `path_to_root`, which mdBook sets on every page.
(function () {
  "use strict";
  if (!document.querySelector(".gmp-playground")) return;
  var root = typeof path_to_root === "string" ? path_to_root : "";
  // import() resolves a relative URL against this script's own (hashed)
  // location, not the page's: make it absolute first.
  var base = new URL(root + "playground/", document.baseURI).href;
  // Where the app is, for its "Open in full page" links: `path_to_root` is
  // a top-level `const` of the page, which is no property of `window`.
  window.gmpPlaygroundBase = base;
  // The code editor's bundle (a classic script setting window.gmpEditor)
  // loads beside the app and must have run before the app mounts; if it
  // fails, the playgrounds fall back to a plain textarea.
  var editor = new Promise(function (resolve) {
    var script = document.createElement("script");
    script.src = base + "gmp-editor.js";
    script.onload = resolve;
    script.onerror = function () {
      console.warn("the code editor did not load; the playgrounds use a plain textarea");
      resolve();
    };
    document.head.appendChild(script);
  });
  // All three download at once; the app starts when they are in.
  var wasm = fetch(base + "gmp-web_bg.wasm");
  Promise.all([import(base + "gmp-web.js"), editor])
    .then(function (loaded) { return loaded[0].default({ module_or_path: wasm }); })
    .catch(function (err) {
      document.querySelectorAll(".gmp-playground").forEach(function (el) {
        el.setAttribute("data-load-error", String(err));
      });
      console.error("playground failed to load:", err);
    });
})();
