//! The parse corpus: every `parse/*.go` is a valid Go program (each builds
//! with real Go) and must parse without a diagnostic. Together they cover
//! every construct of the playground's Go subset.

use gmp_engine::SourceFile;
use gmp_engine::ast::{Decl, File};
use gmp_engine::parser::parse_file;
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

fn has_main(f: &File) -> bool {
    f.decls.iter().any(|d| matches!(d, Decl::Func(fd) if fd.name.name == "main" && fd.recv.is_none() && fd.body.is_some()))
}

#[test]
fn corpus_parses_without_diagnostics() {
    let files = corpus();
    assert!(files.len() >= 20, "corpus has {} programs", files.len());
    for (name, src) in files {
        let file = SourceFile::new("prog.go", src);
        let (ast, diags) = parse_file(&file);
        let rendered: Vec<String> = diags.iter().map(|d| d.render(&file)).collect();
        assert!(rendered.is_empty(), "{name}: {rendered:#?}");
        assert_eq!(ast.package.name, "main", "{name}");
        assert!(has_main(&ast), "{name}: no func main");
        assert!(ast.expr_count > 0, "{name}");
    }
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
