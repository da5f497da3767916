//! Syntax-error fidelity: each `syntax_errors/NAME.go` must fail to compile
//! with exactly the diagnostics real Go printed, recorded in
//! `NAME.expected` by `syntax_errors/record.sh` (which runs `go build`).
//!
//! Two parts of the go tool's report are the driver's business, not the
//! parser's, and are normalised here: the `# command-line-arguments` header
//! (absent when the go command itself rejects the package clause or an
//! import), and the cut-off after 10 errors (`too many errors`).

use std::fs;
use std::path::Path;

fn normalise_expected(text: &str) -> (Vec<String>, bool) {
    let mut lines = Vec::new();
    let mut too_many = false;
    for line in text.lines() {
        if line == "# command-line-arguments" {
            continue;
        }
        if line.ends_with(": too many errors") {
            too_many = true;
            continue;
        }
        let line = match line.strip_prefix("prog.go:") {
            Some(rest) => format!("./prog.go:{rest}"),
            None => line.to_string(),
        };
        lines.push(line);
    }
    (lines, too_many)
}

#[test]
fn syntax_errors_match_go() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/syntax_errors");
    let mut names: Vec<_> = fs::read_dir(&dir)
        .expect("syntax_errors dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    names.sort();
    assert!(names.len() >= 50, "corpus shrank: {}", names.len());
    let mut failures = Vec::new();
    for path in &names {
        let src = fs::read_to_string(path).expect("read program");
        let expected_path = path.with_extension("expected");
        let expected = fs::read_to_string(&expected_path).expect("expected file");
        let (want, too_many) = normalise_expected(&expected);
        let got: Vec<String> = match gmp_engine::compile("prog.go", &src) {
            Ok(_) => Vec::new(),
            Err(e) => e.diagnostics.iter().map(|d| d.render(&e.file)).collect(),
        };
        let got: Vec<String> = if too_many {
            got.into_iter().take(10).collect()
        } else {
            got
        };
        if got != want {
            failures.push(format!(
                "{}:\n  want: {:#?}\n  got:  {:#?}",
                path.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
                want,
                got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}
