//! The playground's code editor bundle: CodeMirror 6 from npm, bundled by
//! esbuild into `playground/web/editor/dist/gmp-editor.js`, which trunk
//! copies into the site beside the wasm (`index.html`'s
//! `<script data-trunk>`).
//!
//! `npm ci` installs the exact versions of `package-lock.json` when
//! `node_modules` is missing or older than the lock file; esbuild runs when
//! the bundle is missing or older than its sources.

use crate::browser;
use crate::util::{self, step};
use std::path::Path;
use std::process::Command;
use std::time::SystemTime;

/// The bundle, relative to `playground/web/editor/`.
pub const BUNDLE: &str = "dist/gmp-editor.js";

pub fn build() -> Result<(), String> {
    let dir = util::root().join("playground").join("web").join("editor");
    let bundle = dir.join(BUNDLE);
    let installed = dir.join("node_modules").join(".package-lock.json");
    let lock = dir.join("package-lock.json");
    let install = modified(&installed) < modified(&lock);
    let sources = [dir.join("src"), lock.clone(), dir.join("package.json")];
    if !install && sources.iter().all(|s| newest(s) <= modified(&bundle)) {
        return Ok(());
    }
    browser::ensure_node()?;
    if install {
        step("installing the editor's npm packages (npm ci in playground/web/editor)");
        // No install scripts: esbuild's postinstall only puts its native binary
        // in place of the launcher, which finds the binary without it.
        util::run(Command::new("npm").args(["ci", "--ignore-scripts", "--no-audit", "--no-fund"]).current_dir(&dir))?;
    }
    step("bundling the editor (esbuild: CodeMirror 6 into playground/web/editor/dist/gmp-editor.js)");
    let esbuild = dir.join("node_modules").join(".bin").join("esbuild");
    util::run(
        Command::new(&esbuild)
            .args(["src/editor.js", "--bundle", "--minify", "--format=iife", "--target=es2020", "--log-level=warning"])
            .arg(format!("--outfile={BUNDLE}"))
            .current_dir(&dir),
    )
}

/// When `path` was last modified; the epoch when it does not exist.
fn modified(path: &Path) -> SystemTime {
    path.metadata().and_then(|m| m.modified()).unwrap_or(SystemTime::UNIX_EPOCH)
}

/// The newest modification time of a file, or of any file under a folder.
fn newest(path: &Path) -> SystemTime {
    let own = modified(path);
    let Ok(entries) = std::fs::read_dir(path) else {
        return own;
    };
    entries.filter_map(|e| e.ok()).map(|e| newest(&e.path())).fold(own, SystemTime::max)
}
