//! The parse corpus: every `parse/*.go` is a valid Go program (each builds
//! with real Go) and must compile. Together they cover every construct of
//! the playground's Go subset. (That each parses without a diagnostic is a
//! unit test of the parser, `parse_corpus_parses_without_diagnostics`.)

use std::fs;
use std::path::Path;

fn corpus() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/parse");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("parse dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("?")
                .to_string();
            (name, fs::read_to_string(&p).expect("read"))
        })
        .collect()
}

#[test]
fn corpus_compiles_through_the_public_api() {
    for (name, src) in corpus() {
        // Constructs outside the subset (goto) and those not compiled yet
        // (channels, goroutines) are `unsupported:` diagnostics by design
        // (a program with one may show follow-on errors); any other
        // failure is a bug.
        if let Err(e) = gmp_engine::compile("prog.go", &src) {
            if e.diagnostics.iter().any(|d| d.message.starts_with("unsupported:")) {
                continue;
            }
            panic!("{name}:\n{}", e.render());
        }
    }
}
