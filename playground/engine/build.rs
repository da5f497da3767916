//! The standard library's Go declarations (`src/stdlib/**/*.go`) as the
//! engine embeds them: each comment line blanked (its newline kept), so
//! the module the page downloads carries no comments (about a third of
//! the library's gzipped text) while every line keeps its number, and so
//! every position and `file:line` the engine prints stays as it was.
//! Directives (`//line`, no space after the slashes) are kept.
//! `stdlib/packages.rs` includes the copies from `OUT_DIR`.

use std::path::Path;
use std::{env, fs};

fn main() {
    let src = Path::new("src/stdlib");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("stdlib");
    println!("cargo::rerun-if-changed=src/stdlib");
    copy(src, &out);
}

fn copy(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).expect("reading src/stdlib") {
        let path = entry.expect("reading src/stdlib").path();
        let target = to.join(path.file_name().expect("a file name"));
        if path.is_dir() {
            copy(&path, &target);
        } else if path.extension().is_some_and(|e| e == "go") {
            // A folder's modification time changes only with its own entries.
            println!("cargo::rerun-if-changed={}", path.display());
            let text = fs::read_to_string(&path).expect("reading a library file");
            fs::create_dir_all(to).expect("creating OUT_DIR/stdlib");
            fs::write(&target, without_comment_lines(&text)).expect("writing OUT_DIR/stdlib");
        }
    }
}

/// `text` with each line that holds only a `//` comment emptied.
fn without_comment_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.trim_start();
        let comment = body.strip_prefix("//").is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\n', '\r']));
        out.push_str(if comment { if line.ends_with('\n') { "\n" } else { "" } } else { line });
    }
    out
}
