//! Checker tests: stubs, per-feature programs, and a diagnostic corpus
//! recorded from real Go 1.27 (`go build` output, `./prog.go:` stripped).

use super::*;

fn diags(src: &str) -> Vec<String> {
    match check_source("prog.go", src) {
        Ok(_) => Vec::new(),
        Err(d) => d
            .into_iter()
            .map(|s| s.trim_start_matches("./prog.go:").to_string())
            .collect(),
    }
}

#[test]
fn stubs_check_cleanly() {
    let bad = check_stubs();
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn dump_dir() {
    let Ok(dir) = std::env::var("GMP_CHECK_DIR") else {
        return;
    };
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for p in paths {
        if p.extension().and_then(|e| e.to_str()) != Some("go") {
            continue;
        }
        let src = std::fs::read_to_string(&p).unwrap();
        let d = diags(&src);
        if !d.is_empty() {
            println!("== {}\n{}", p.display(), d.join("\n"));
        }
    }
}
