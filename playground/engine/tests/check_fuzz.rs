//! Deterministic mini-fuzz of the whole front end (parser + checker):
//! mutated versions of the repository's Go programs must never make
//! `compile` panic or hang. Mutations are seeded (no randomness between
//! runs): token deletion, duplication and swapping, identifier and
//! operator replacement, line shuffles.

use std::path::Path;

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() as usize) % n
        }
    }
}

fn programs() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut out = Vec::new();
    for dir in ["parse", "check_errors"] {
        let rd = std::fs::read_dir(root.join(dir)).unwrap_or_else(|e| panic!("tests/{dir}: {e}"));
        let mut paths: Vec<_> = rd
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "go"))
            .collect();
        assert!(!paths.is_empty(), "no .go files in tests/{dir}");
        paths.sort();
        for p in paths {
            out.push(std::fs::read_to_string(p).unwrap());
        }
    }
    out
}

/// Words that make interesting replacements: keywords, builtins, types,
/// operators and punctuation.
const WORDS: &[&str] = &[
    "nil",
    "int",
    "string",
    "error",
    "any",
    "func",
    "struct{}",
    "interface{}",
    "map[string]int",
    "[]int",
    "*",
    "&",
    "<-",
    "chan",
    "go",
    "defer",
    "return",
    "break",
    "continue",
    "range",
    "len",
    "append",
    "make",
    "new",
    "panic",
    "recover",
    "iota",
    "true",
    "1",
    "0",
    "1.5",
    "\"s\"",
    "'x'",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ",",
    ";",
    ":=",
    "=",
    "+",
    "==",
    "...",
    ".",
    "x",
    "main",
    "T",
    "fmt",
    "os",
    "_",
    "switch",
    "case",
    "default:",
    "type",
    "var",
    "const",
    "select",
    "for",
    "if",
    "else",
    "fallthrough",
    "goto",
    "L:",
    "1 << 70",
    "-1",
    "[3]int",
    "min",
    "max",
    "clear",
    "close",
    "copy",
];

const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

fn mutate(src: &str, rng: &mut Lcg) -> String {
    let toks: Vec<&str> = src
        .split_inclusive(|c: char| c.is_whitespace() || "(){}[],;.".contains(c))
        .collect();
    let mut toks: Vec<String> = toks.into_iter().map(String::from).collect();
    let n = 1 + rng.below(4);
    // Half the mutants only swap identifiers, so that most still parse.
    let semantic = rng.below(2) == 0;
    for _ in 0..n {
        if toks.is_empty() {
            break;
        }
        let i = rng.below(toks.len());
        match if semantic { 6 } else { rng.below(9) } {
            6..=8 => {
                // Swap an identifier for another of the program's words: the
                // result usually still parses, so the checker sees it.
                let idents: Vec<usize> = (0..toks.len())
                    .filter(|&k| {
                        let t = toks[k].trim();
                        t.chars().all(|c| c.is_alphanumeric() || c == '_')
                            && t.chars()
                                .next()
                                .is_some_and(|c| c.is_alphabetic() || c == '_')
                            && !KEYWORDS.contains(&t)
                    })
                    .collect();
                if idents.len() >= 2 {
                    let a = idents[rng.below(idents.len())];
                    let b = idents[rng.below(idents.len())];
                    let (ta, tb) = (
                        toks[a].trim_end().to_string(),
                        toks[b].trim_end().to_string(),
                    );
                    let tail = toks[a][ta.len()..].to_string();
                    let _ = tb.clone();
                    toks[a] = format!("{tb}{tail}");
                }
            }
            0 => {
                toks.remove(i);
            }
            1 => {
                let t = toks[i].clone();
                toks.insert(i, t);
            }
            2 => {
                let j = rng.below(toks.len());
                toks.swap(i, j);
            }
            3 => toks[i] = format!("{} ", WORDS[rng.below(WORDS.len())]),
            4 => toks.insert(i, format!("{} ", WORDS[rng.below(WORDS.len())])),
            _ => {
                let j = rng.below(toks.len());
                let (a, b) = (i.min(j), i.max(j));
                toks.drain(a..b.min(a + 8));
            }
        }
    }
    toks.concat()
}

#[test]
fn mutated_programs_never_panic() {
    let progs = programs();
    assert!(progs.len() >= 20);
    let rounds: usize = std::env::var("GMP_CHECK_FUZZ_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1500);
    let mut rng = Lcg(0x5eed);
    let mut failed = 0;
    let mut checked = 0;
    for r in 0..rounds {
        let base = &progs[r % progs.len()];
        let src = mutate(base, &mut rng);
        if std::env::var("GMP_CHECK_FUZZ_TRACE").is_ok() {
            std::fs::write("/tmp/fuzz_current.go", &src).ok();
            eprintln!("round {r}");
        }
        let started = std::time::Instant::now();
        let res = std::panic::catch_unwind(|| gmp_engine::compile("prog.go", &src));
        // A hang shows up as a slow mutant (generous: debug build, shared CPU).
        let secs = started.elapsed().as_secs_f64();
        assert!(secs < 5.0, "round {r} took {secs:.1}s on:\n{src}");
        match res {
            Err(_) => {
                failed += 1;
                eprintln!("round {r} panicked on:\n{src}\n");
            }
            Ok(Ok(_)) => checked += 1,
            Ok(Err(e)) => {
                if !e
                    .diagnostics
                    .iter()
                    .any(|d| d.message.starts_with("syntax error"))
                {
                    checked += 1;
                }
            }
        }
    }
    eprintln!("{checked} of {rounds} mutants reached the type checker");
    assert_eq!(failed, 0);
    // The mutations must exercise the checker, not only the parser.
    assert!(
        checked * 3 > rounds,
        "only {checked} of {rounds} mutants were type-checked"
    );
}

#[test]
fn deep_nesting_stays_within_the_stack() {
    // Expressions, blocks, closures and types nested ever deeper: whatever
    // the parser accepts, the checker must handle on a 1 MiB stack (wasm's
    // default) or report it as too deep, never overflow.
    for d in [20usize, 60, 120, 200, 400] {
        let expr = format!("{}1{}", "(".repeat(d), ")".repeat(d));
        let blocks = format!("{}{}", "{\n".repeat(d), "}\n".repeat(d));
        let unary = format!("{}1", "- ".repeat(d));
        let closures = format!("{}{}", "func() {\n".repeat(d / 4), "}()\n".repeat(d / 4));
        let slices = format!("{}int", "[]".repeat(d));
        let sum = vec!["x"; d].join(" + ");
        let src = format!(
            "package main\n\nfunc main() {{\n\tx := {expr}\n\t_ = x\n{blocks}\t_ = {unary}\n{closures}\tvar s {slices}\n\t_ = s\n\t_ = {sum}\n}}\n"
        );
        let child = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || {
                gmp_engine::compile("prog.go", &src)
                    .map(|_| ())
                    .map_err(|e| e.render())
            })
            .unwrap();
        let res = child.join().expect("no stack overflow or panic");
        if let Err(e) = &res {
            assert!(e.contains("nests too deeply"), "depth {d}: {e}");
        }
        if d <= 60 {
            assert!(res.is_ok(), "depth {d}: {res:?}");
        }
    }
}

/// The corpus's generic programs (type parameters, constraints,
/// instantiations, generic channels), for the generics fuzz below.
fn generic_programs() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut out = Vec::new();
    for dir in ["parse", "programs", "concurrent", "compile_errors"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap_or_else(|e| panic!("tests/{dir}: {e}"))
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "go") && p.file_name().is_some_and(|n| n.to_string_lossy().contains("generic")))
            .collect();
        paths.sort();
        out.extend(paths.into_iter().map(|p| std::fs::read_to_string(p).unwrap()));
    }
    out
}

/// Generic syntax to splice into the generic programs.
const GENERIC_WORDS: &[&str] = &["[T any]", "[int]", "[int, string]", "~int", "|", "comparable", "T", "U", "any", "[K comparable, V any]", "cmp.Ordered", "~[]E", "[]T", "<-chan T", "T(0)", "*T"];

#[test]
fn mutated_generic_programs_never_panic() {
    // Mutants of generic programs compile to a diagnostic or to code that
    // runs to an ending Go has (never a panic of the engine, never the
    // engine's own `Internal` ending: an instance's code is sound).
    let progs = generic_programs();
    assert!(progs.len() >= 10, "{} generic programs", progs.len());
    let rounds: usize = std::env::var("GMP_CHECK_FUZZ_ROUNDS").ok().and_then(|s| s.parse().ok()).unwrap_or(1500);
    let mut rng = Lcg(0x6e6e);
    let (mut failed, mut ran) = (0, 0);
    for r in 0..rounds {
        let base = &progs[r % progs.len()];
        let mut src = mutate(base, &mut rng);
        if rng.below(3) == 0 {
            // Splice one piece of generic syntax somewhere.
            let at = rng.below(src.len().max(1));
            let at = (0..=at).rev().find(|&i| src.is_char_boundary(i)).unwrap_or(0);
            src.insert_str(at, GENERIC_WORDS[rng.below(GENERIC_WORDS.len())]);
        }
        let res = std::panic::catch_unwind(|| {
            let program = gmp_engine::compile("prog.go", &src).ok()?;
            let config = gmp_engine::RunConfig { instr_limit: 200_000, step_budget: 200_000, ..Default::default() };
            Some(gmp_engine::run(&program, &config))
        });
        match res {
            Err(_) => {
                failed += 1;
                eprintln!("round {r} panicked on:\n{src}\n");
            }
            Ok(Some(out)) => {
                ran += 1;
                if let gmp_engine::EndReason::Internal(why) = &out.end {
                    failed += 1;
                    eprintln!("round {r}: internal error {why} on:\n{src}\n");
                }
            }
            Ok(None) => {}
        }
    }
    eprintln!("{ran} of {rounds} generic mutants compiled and ran");
    assert_eq!(failed, 0);
    // Enough of them must get as far as running (most mutants of generic
    // code fail to type-check: 55 of 1,500 run today).
    assert!(ran * 40 > rounds, "only {ran} of {rounds} generic mutants ran");
}
