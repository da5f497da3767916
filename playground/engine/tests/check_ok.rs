//! Programs that must compile cleanly: `tests/check_ok/*.go` and every
//! `tests/programs/*.go` (all build with real Go; the ones using features
//! outside the subset, named `*unsupported*`, must fail with an
//! `unsupported:` diagnostic instead).

use std::path::Path;

/// The `.go` files of `dir`, sorted; a missing or empty folder is a failure.
fn go_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let rd = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut v: Vec<_> = rd
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    assert!(!v.is_empty(), "no .go files in {}", dir.display());
    v.sort();
    v
}

#[test]
fn valid_programs_check_cleanly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files = go_files(&root.join("check_ok"));
    files.extend(go_files(&root.join("programs")));
    let mut failures = Vec::new();
    for p in &files {
        let src = std::fs::read_to_string(p).unwrap();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let res = gmp_engine::compile("prog.go", &src);
        if name.contains("unsupported") {
            match res {
                // The corpus contract (tests/README.md) is an `unsupported`
                // line; follow-on errors (`undefined: T` after rejected
                // type parameters) are tolerated for now.
                Err(e)
                    if e.diagnostics
                        .iter()
                        .any(|d| d.message.starts_with("unsupported:")) => {}
                Err(e) => failures.push(format!(
                    "{name}: expected an unsupported diagnostic:\n{}",
                    e.render()
                )),
                Ok(_) => failures.push(format!("{name}: expected an unsupported diagnostic")),
            }
        } else if let Err(e) = res {
            failures.push(format!("{name}:\n{}", e.render()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
