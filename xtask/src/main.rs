//! The workbook's build system, in Rust so that `cargo xtask …` works
//! wherever cargo does. It installs the pinned tools it needs into a
//! per-user folder (see `tools.rs`), builds the site and runs the tests.
//!
//! ```text
//! cargo xtask serve [--port N]   build the site and serve it on 127.0.0.1
//! cargo xtask build              build the static site into target/site/
//! cargo xtask test               every test: crates, book, browser
//! cargo xtask expect [FILTER]   re-record every expected file of the corpus
//! cargo xtask go-observe [FILTER] [--runs N]
//!                                record real Go's outputs of the nondeterministic corpus
//! cargo xtask bench [NAME…]      time benches/go/*.go under real Go and gmp
//! cargo xtask ui-bench           the playground's figures in headless Chromium
//! ```

mod bench;
mod browser;
mod editor;
mod expect;
mod observe;
mod race_reports;
mod rand_table;
mod tz_table;
mod serve;
mod site;
mod tools;
mod util;

use std::process::ExitCode;

const USAGE: &str =
    "usage: cargo xtask <serve [--port N] | build | test | expect [FILTER] | go-observe [FILTER] [--runs N] | bench [NAME…] | ui-bench>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::serve(&args[1..]),
        Some("build") => site::build().map(|_| ()),
        Some("test") => test(),
        Some("expect") => expect::expect(&args[1..]),
        Some("go-observe") => observe::go_observe(&args[1..]),
        Some("bench") => bench::bench(&args[1..]),
        Some("ui-bench") => site::build().and_then(|site| browser::ui_bench(&site)),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command {other:?}\n{USAGE}")),
        None => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("xtask: error: {msg}");
            ExitCode::FAILURE
        }
    }
}

/// Everything, in the order that fails fastest: the crates' own tests, then
/// the site build (which runs the book's preprocessor over every chapter),
/// then the browser tests against the built site.
fn test() -> Result<(), String> {
    util::step("cargo test (all crates but the web app, which only builds for wasm)");
    util::run(util::cargo().args(["test", "--workspace", "--exclude", "gmp-web"]))?;
    let site = site::build()?;
    browser::test(&site)
}
