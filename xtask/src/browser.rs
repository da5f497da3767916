//! The browser tests: headless Chromium (Debian's package) driven by
//! playwright-core from npm, asserting on the DOM of the built site. Node's
//! own test runner runs them; they live in `tests/browser/`. They load the
//! site from the server of `cargo xtask serve` (`serve.rs`), started here on
//! a free port, so they see the site exactly as a reader of `serve` does.

use crate::serve;
use crate::util::{self, step};
use std::path::Path;
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";

/// Chromium, Node and playwright-core in place; the tests' folder.
fn prepare() -> Result<std::path::PathBuf, String> {
    ensure_apt_packages(&[(CHROMIUM, "chromium"), ("/usr/bin/chromedriver", "chromium-driver")])?;
    ensure_node()?;
    let dir = util::root().join("tests").join("browser");
    if !dir.join("node_modules").join("playwright-core").is_dir() {
        step("installing playwright-core from npm (tests/browser; its own browser download is not used)");
        util::run(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
                .current_dir(&dir),
        )?;
    }
    Ok(dir)
}

pub fn test(site: &Path) -> Result<(), String> {
    let dir = prepare()?;
    let screenshots = util::root().join("target").join("browser-screenshots");
    std::fs::create_dir_all(&screenshots).map_err(|e| e.to_string())?;
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.js"))
        .collect();
    files.sort();
    let server = serve::start(site, 0)?;
    step(&format!("browser tests (node --test tests/browser/*.test.js, headless Chromium) against {}", server.url()));
    util::run(
        Command::new("node")
            .args(["--test", "--test-concurrency=1"])
            .args(&files)
            .env("GMP_SITE_URL", server.url())
            .env("GMP_SCREENSHOT_DIR", &screenshots)
            .env("GMP_CHROMIUM", CHROMIUM)
            .current_dir(&dir),
    )?;
    eprintln!("screenshots in {}", screenshots.display());
    Ok(())
}

/// The playground's figures (`tests/browser/ui-bench.mjs`: the wasm's
/// size, the engine in the page, first frame, frames per second, the
/// longest main-thread task), measured against the site as `serve` serves
/// it; printed, not pass/fail.
pub fn ui_bench(site: &Path) -> Result<(), String> {
    let dir = prepare()?;
    let server = serve::start(site, 0)?;
    step(&format!("the playground's figures (node tests/browser/ui-bench.mjs, headless Chromium) against {}", server.url()));
    util::run(
        Command::new("node")
            .arg("ui-bench.mjs")
            .env("GMP_SITE_URL", server.url())
            .env("GMP_CHROMIUM", CHROMIUM)
            .current_dir(&dir),
    )
}

/// Node.js and npm, for the browser tests and the editor bundle: Debian's
/// packages when they are not on PATH.
pub fn ensure_node() -> Result<(), String> {
    if util::runs("node", &["--version"]) && util::runs("npm", &["--version"]) {
        return Ok(());
    }
    ensure_apt_packages(&[("/usr/bin/node", "nodejs"), ("/usr/bin/npm", "npm")])
}

/// Installs Debian packages whose files are missing. Needs root (or sudo
/// without a password); otherwise says what to install by hand.
fn ensure_apt_packages(wanted: &[(&str, &str)]) -> Result<(), String> {
    let missing: Vec<&str> = wanted.iter().filter(|(file, _)| !Path::new(file).exists()).map(|(_, pkg)| *pkg).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let list = missing.join(" ");
    let is_root = Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let prefix: &[&str] = if is_root {
        &[]
    } else if util::runs("sudo", &["-n", "true"]) {
        &["sudo", "-n"]
    } else {
        return Err(format!(
            "the browser tests need the Debian packages: {list}\n\
             this user cannot run apt-get (not root, no password-less sudo); install them with\n\
             \tsudo apt-get update && sudo apt-get install -y {list}"
        ));
    };
    step(&format!("installing Debian packages for the browser tests: {list}"));
    let apt = |args: &[&str]| {
        let mut all: Vec<&str> = prefix.to_vec();
        all.push("apt-get");
        all.extend_from_slice(args);
        let mut cmd = Command::new(all[0]);
        cmd.args(&all[1..]).env("DEBIAN_FRONTEND", "noninteractive");
        util::run(&mut cmd)
    };
    apt(&["update", "-q"])?;
    let mut install = vec!["install", "-y", "-q", "--no-install-recommends"];
    install.extend(missing.iter());
    apt(&install)
}
