//! The pinned tools the site needs, installed on first use.
//!
//! Each tool goes into its own folder keyed by name and version under a
//! per-user cache (`$GMP_TOOLS_DIR`, else `$XDG_CACHE_HOME/gmp-workbook/tools`,
//! else `~/.cache/gmp-workbook/tools`), so a fresh clone on the same machine
//! finds them again and nothing is rebuilt. Versions are pinned here, and
//! wasm-bindgen-cli follows the `wasm-bindgen` version in Cargo.lock, because
//! the CLI and the library must match exactly.

use crate::util::{self, step};
use std::path::{Path, PathBuf};
use std::process::Command;

pub const TRUNK: &str = "0.21.14";
pub const MDBOOK: &str = "0.5.4";
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

pub struct Tools {
    pub trunk: PathBuf,
    pub mdbook: PathBuf,
    /// The folder holding `wasm-bindgen`; trunk finds it on PATH.
    pub wasm_bindgen_bin_dir: PathBuf,
}

pub fn ensure() -> Result<Tools, String> {
    ensure_wasm_target()?;
    let wb_version = wasm_bindgen_version()?;
    let wasm_bindgen = ensure_cargo_tool(
        "wasm-bindgen-cli",
        &wb_version,
        "wasm-bindgen",
        // wasm-bindgen-cli's own lock file pins a crate that crates.io no
        // longer serves, so it installs only without --locked.
        false,
        "~3 min the first time",
    )?;
    let trunk = ensure_cargo_tool("trunk", TRUNK, "trunk", true, "~12 min the first time")?;
    let mdbook = ensure_cargo_tool("mdbook", MDBOOK, "mdbook", true, "~4 min the first time")?;
    let wasm_bindgen_bin_dir = wasm_bindgen.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(Tools { trunk, mdbook, wasm_bindgen_bin_dir })
}

fn tools_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("GMP_TOOLS_DIR") {
        return PathBuf::from(dir);
    }
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| util::root().join("target"));
    cache.join("gmp-workbook").join("tools")
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("cannot run rustup (needed for the {WASM_TARGET} target): {e}"))?;
    if String::from_utf8_lossy(&installed.stdout).lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    step(&format!("installing the Rust target {WASM_TARGET} (first time only)"));
    util::run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

/// Installs `krate` at `version` with `cargo install` unless its binary is
/// already in the tool folder; returns the binary's path.
fn ensure_cargo_tool(krate: &str, version: &str, bin: &str, locked: bool, how_long: &str) -> Result<PathBuf, String> {
    let root = tools_dir().join(format!("{krate}-{version}"));
    let exe = root.join("bin").join(bin);
    if exe.is_file() {
        return Ok(exe);
    }
    step(&format!("installing {krate} {version} into {} ({how_long}; later runs reuse it)", root.display()));
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.args(["install", krate, "--version", version, "--root"]).arg(&root);
    if locked {
        cmd.arg("--locked");
    }
    // Install outside the workspace so its config and target dir stay ours.
    cmd.current_dir(std::env::temp_dir());
    util::run(&mut cmd)?;
    if exe.is_file() { Ok(exe) } else { Err(format!("{krate} installed but {} is missing", exe.display())) }
}

/// The `wasm-bindgen` version in Cargo.lock: the CLI must match it exactly.
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock_path = util::root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path).map_err(|e| format!("{}: {e}", lock_path.display()))?;
    parse_lock_version(&lock, "wasm-bindgen")
        .ok_or_else(|| format!("{}: no wasm-bindgen package (is the web app in the workspace?)", lock_path.display()))
}

fn parse_lock_version(lock: &str, package: &str) -> Option<String> {
    let wanted = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            let version = lines.next()?.trim().strip_prefix("version = \"")?.strip_suffix('"')?;
            return Some(version.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_exact_package_not_prefix_matches() {
        let lock = "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"9.9.9\"\n\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(parse_lock_version(lock, "wasm-bindgen").as_deref(), Some("0.2.130"));
        assert_eq!(parse_lock_version(lock, "yew"), None);
    }

    #[test]
    fn the_workspace_lock_pins_wasm_bindgen() {
        let v = wasm_bindgen_version().unwrap();
        assert!(v.starts_with("0.2."), "{v}");
    }
}
