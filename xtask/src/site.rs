//! Builds the static site: the book at the root of `target/site/`, the
//! playground app (and the full-page playground) under `playground/`.

use crate::editor;
use crate::tools::{self, Tools};
use crate::util::{self, step};
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn build() -> Result<PathBuf, String> {
    let tools = tools::ensure()?;
    let root = util::root();
    let site = root.join("target").join("site");

    step("building the book preprocessor (mdbook-gmp)");
    util::run(util::cargo().args(["build", "--quiet", "--package", "mdbook-gmp"]))?;
    let preprocessor = root.join("target").join("debug").join(exe("mdbook-gmp"));

    editor::build()?;

    step("building the playground for WebAssembly (trunk build --release --offline)");
    build_wasm(&tools, &root)?;

    step("building the book (mdbook build)");
    util::run(
        Command::new(&tools.mdbook)
            .arg("build")
            .arg(&root)
            .env("MDBOOK_PREPROCESSOR__GMP__COMMAND", &preprocessor)
            .current_dir(&root),
    )?;

    let dist = root.join("target").join("trunk-dist");
    crate::util::copy_dir(&dist, &site.join("playground")).map_err(|e| format!("copying {} into the site: {e}", dist.display()))?;
    for required in ["index.html", "born/index.html", "playground/index.html", "playground/gmp-web_bg.wasm", "playground/gmp-editor.js"] {
        if !site.join(required).is_file() {
            return Err(format!("the site is missing {required}"));
        }
    }
    eprintln!("site built in {}", site.display());
    Ok(site)
}

fn build_wasm(tools: &Tools, root: &Path) -> Result<(), String> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs = vec![tools.wasm_bindgen_bin_dir.clone()];
    dirs.extend(std::env::split_paths(&path));
    let path = std::env::join_paths(dirs).map_err(|e| e.to_string())?;
    util::run(
        Command::new(&tools.trunk)
            .args(["build", "--release", "--offline"])
            .current_dir(root.join("playground").join("web"))
            .env("PATH", path)
            // trunk reads these too; xtask's own cargo must not leak in.
            .env_remove("CARGO_TARGET_DIR"),
    )
}

fn exe(name: &str) -> String {
    format!("{name}{}", std::env::consts::EXE_SUFFIX)
}
