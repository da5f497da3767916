//! Compile-error corpus: each `tests/check_errors/NAME.go` must produce
//! exactly the diagnostics real Go 1.27 printed (`NAME.expected`, recorded
//! by `record.sh`). The type checker's fidelity test.

use std::path::Path;

#[test]
fn diagnostics_match_real_go() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check_errors");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    names.sort();
    let mut failures = Vec::new();
    for p in &names {
        let src = std::fs::read_to_string(p).unwrap();
        let want = std::fs::read_to_string(p.with_extension("expected")).unwrap();
        let got = match gmp_engine::compile("prog.go", &src) {
            Ok(_) => String::new(),
            Err(e) => e.render(),
        };
        if got != want {
            failures.push(format!(
                "== {}\n--- want\n{want}--- got\n{got}",
                p.display()
            ));
        }
    }
    assert!(names.len() >= 10);
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}
