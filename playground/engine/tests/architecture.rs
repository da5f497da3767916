//! Architecture invariants checked over the engine's sources.
//!
//! One chooser: every open choice of a run (the scheduler's and the
//! program's) is drawn through `sched/choice.rs`, so that a run is a pure
//! function of (program, GOMAXPROCS, seed) and its choices can be logged
//! and replayed. No other module may hold a generator, step one, or reach
//! for the host's randomness.

use std::fs;
use std::path::{Path, PathBuf};

/// The chooser's own file: the only one allowed to hold generators.
const CHOOSER: &str = "sched/choice.rs";

/// What betrays a random draw outside the chooser: the chooser's raw
/// generators, a `rand` method, the constants of the wyrand and splitmix64
/// generators (matched without case or digit separators), the host's
/// randomness (std's `HashMap`/`HashSet` hash with a random key, so their
/// iteration order changes from one process to the next).
const FORBIDDEN: &[(&str, &str)] = &[
    ("wyrand", "the chooser's scheduler generator"),
    ("splitmix", "the chooser's program generator"),
    ("fn rand(", "a random-number method (draw through the chooser)"),
    (".rand()", "a random-number method (draw through the chooser)"),
    ("0x9e3779b97f4a7c15", "the golden-ratio increment of splitmix64 / wyrand's seed mix"),
    ("0xa0761d6478bd642f", "wyrand's increment"),
    ("0xe7037ed1a0b428db", "wyrand's multiplier"),
    ("0xbf58476d1ce4e5b9", "splitmix64's first multiplier"),
    ("0x94d049bb133111eb", "splitmix64's second multiplier"),
    ("0x2545f4914f6cdd1d", "the program stream's seed mix"),
    ("randomstate", "the host's randomness"),
    ("getrandom", "the host's randomness"),
    ("thread_rng", "the host's randomness"),
    ("rand::", "a random-number crate"),
    ("std::collections::hashmap", "std's HashMap iterates in a random order: use rustc_hash's FxHashMap"),
    ("std::collections::hashset", "std's HashSet iterates in a random order: use rustc_hash's FxHashSet"),
    ("chooser::new(", "a second chooser: the scheduler owns the run's"),
];

/// Files allowed one of the patterns, and why.
const ALLOWED: &[(&str, &str, &str)] = &[
    ("sched/mod.rs", "chooser::new(", "the scheduler creates the run's chooser"),
    // A VM run on its own (tests, benchmarks) has a chooser of its own;
    // under a scheduler `VmMachine::new` replaces it with a stand-in.
    ("vm/mod.rs", "chooser::new(", "the VM's own chooser when no scheduler lends one"),
    // A map's hash of a key (`mix`) uses the splitmix64 finalizer: a pure
    // function of the map's seed (drawn by the chooser) and the key; it
    // steps no generator.
    ("heap.rs", "0x9e3779b97f4a7c15", "map hashing"),
    ("heap.rs", "0xbf58476d1ce4e5b9", "map hashing"),
    ("heap.rs", "0x94d049bb133111eb", "map hashing"),
];

/// The violations in one file's text (`rel` is its path under `src/`).
fn violations(rel: &str, text: &str) -> Vec<String> {
    if rel == CHOOSER {
        return Vec::new();
    }
    let code = without_test_modules(text);
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let norm = line.to_lowercase().replace('_', "");
        let lower = line.to_lowercase();
        for (pat, why) in FORBIDDEN {
            let hit = if pat.starts_with("0x") { norm.contains(pat) } else { contains_word(&lower, pat) };
            let allowed = ALLOWED.iter().any(|(f, p, _)| *f == rel && p == pat);
            let imported_map = (*pat == "std::collections::hashmap" || *pat == "std::collections::hashset")
                && lower.contains("std::collections::{")
                && lower.contains(&pat["std::collections::".len()..]);
            if (hit || imported_map) && !allowed {
                found.push(format!("src/{rel}:{}: {why}: {}", n + 1, line.trim()));
            }
        }
    }
    found
}

/// Whether `pat` occurs in `line` not as the tail of a longer name
/// (`rand::` is not `Operand::`).
fn contains_word(line: &str, pat: &str) -> bool {
    line.match_indices(pat).any(|(i, _)| {
        let before = line[..i].chars().next_back();
        !pat.starts_with(|c: char| c.is_alphanumeric()) || !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// `text` with its inline test modules (`#[cfg(test)] mod name { .. }`)
/// blanked, line numbers kept: tests draw their random inputs as they
/// like. A module ends at the first `}` in column 0 (rustfmt's layout).
fn without_test_modules(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let starts_module = line == "#[cfg(test)]"
            && lines.peek().is_some_and(|l| l.starts_with("mod ") && l.ends_with('{'));
        if !starts_module {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        out.push('\n');
        for inner in lines.by_ref() {
            out.push('\n');
            if inner == "}" {
                break;
            }
        }
    }
    out
}

fn is_test_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name == "tests.rs" || name.ends_with("_tests.rs")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir).expect("src").filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") && !is_test_file(&p) {
            out.push(p);
        }
    }
}

#[test]
fn no_module_outside_the_chooser_draws_randomness() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 50, "found only {} source files under {}", files.len(), src.display());
    assert!(files.iter().any(|f| f.ends_with(CHOOSER)), "the chooser moved: update CHOOSER");
    let mut found = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        found.extend(violations(&rel, &fs::read_to_string(f).unwrap()));
    }
    assert!(found.is_empty(), "randomness outside {CHOOSER} (draw through sched::Chooser):\n{}", found.join("\n"));
}

#[test]
fn the_scan_catches_a_generator_outside_the_chooser() {
    // The VM's generator as it was before the chooser took its draws.
    let old_vm = "impl Vm {
    pub fn rand(&mut self) -> u64 {
        self.rng = self.rng.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}
";
    let v = violations("vm/mod.rs", old_vm);
    assert!(v.iter().any(|l| l.contains("fn rand(")), "{v:?}");
    assert!(v.iter().any(|l| l.contains("splitmix64's first multiplier")), "{v:?}");
    // Drawing from it, from a wyrand of one's own, from the host.
    assert!(!violations("process/sys.rs", "let j = (vm.rand() % (n as u64 + 1)) as usize;").is_empty());
    assert!(!violations("process/x.rs", "let mut r = crate::sched::choice::WyRand::new(1);").is_empty());
    assert!(!violations("process/x.rs", "use std::collections::{HashMap, VecDeque};").is_empty());
    assert!(!violations("process/x.rs", "let c = Chooser::new(seed);").is_empty());
    assert!(!violations("process/x.rs", "use rand::Rng;").is_empty());
    // The chooser itself, its users, test modules and the VM's own chooser pass.
    assert!(violations("check/expr.rs", "return Operand::invalid();").is_empty());
    assert!(violations(CHOOSER, old_vm).is_empty());
    assert!(violations("vm/mod.rs", "let seed = self.chooser.map_hash_seed();\nchooser: Chooser::new(cfg.seed),").is_empty());
    let with_tests = "fn f() {}\n\n#[cfg(test)]\nmod tests {\n    fn g() {\n        let r = WyRand::new(1);\n    }\n}\n\nfn h() {}\n";
    assert!(violations("runtime/select.rs", with_tests).is_empty());
    // ...but only the test module.
    let after = format!("{with_tests}fn rand(&mut self) -> u64 {{ 4 }}\n");
    assert_eq!(violations("runtime/select.rs", &after).len(), 1);
    assert!(violations("runtime/select.rs", &after)[0].starts_with("src/runtime/select.rs:11:"), "{:?}", violations("runtime/select.rs", &after));
}

/// The engine's layers, bottom up, and the modules each may use. Data flows
/// one way: source → front end → compiler → bytecode → VM → scheduler and
/// runtime objects → process → API. A module not listed here fails the test.
const LAYERS: &[(&str, &[&str])] = &[
    // Positions and diagnostics.
    ("span", &[]),
    ("diag", &["span"]),
    // Front end: text to checked syntax.
    ("token", &["span"]),
    ("lexer", &["diag", "span", "token"]),
    ("ast", &["span", "token"]),
    // The host stack the front end's passes run on and measure.
    ("stack", &[]),
    ("parser", &["ast", "diag", "lexer", "span", "stack", "token"]),
    ("types", &["constant", "format"]),
    ("constant", &["ast", "format", "types"]),
    ("universe", &["types"]),
    ("check", &["ast", "constant", "diag", "lexer", "parser", "span", "stack", "stdlib", "token", "types", "universe"]),
    // Values and bytecode.
    ("format", &[]),
    ("value", &["heap"]),
    ("heap", &["rtype", "value"]),
    ("rtype", &["value"]),
    ("chunk", &["span", "value"]),
    // Execution: the VM knows nothing of the scheduler's decisions, the
    // compiler, the library or the process. It feeds the race detector
    // (`runtime::race`, which is pure and uses only `sched`) its accesses.
    ("vm", &["chunk", "format", "heap", "rtype", "runtime", "sched", "span", "value"]),
    // The scheduler knows nothing of bytecode: it talks to execution
    // through its Machine trait.
    ("sched", &["event", "span"]),
    ("event", &["sched", "span"]),
    ("runtime", &["sched"]),
    // The standard library: above the VM, below the process.
    ("stdlib", &["chunk", "format", "heap", "rtype", "runtime", "sched", "span", "types", "value", "vm"]),
    ("compile", &["ast", "check", "chunk", "constant", "diag", "lexer", "rtype", "runtime", "span", "stack", "stdlib", "token", "types", "universe", "value", "vm"]),
    ("process", &["chunk", "event", "format", "heap", "rtype", "runtime", "sched", "span", "stdlib", "value", "vm"]),
    ("golden", &[]),
    // Above the API: explores schedules through `run` only.
    ("explore", &[]),
];

/// Uses that break the layering today, each a debt to pay off (the test
/// fails when one is paid, so this list only shrinks). None today.
const LAYERING_DEBTS: &[(&str, &str)] = &[];

/// The top-level modules each module's non-test code uses (`crate::x`).
fn module_uses(src: &Path) -> Vec<(String, std::collections::BTreeSet<String>)> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = fs::read_dir(src).expect("src").filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
        if stem == "lib" || (p.is_file() && (p.extension().is_none_or(|x| x != "rs") || is_test_file(&p))) {
            continue;
        }
        let mut files = Vec::new();
        if p.is_dir() {
            rust_files(&p, &mut files);
        } else {
            files.push(p.clone());
        }
        let mut used = std::collections::BTreeSet::new();
        for f in files {
            let text = without_test_modules(&fs::read_to_string(&f).unwrap_or_default());
            for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for (i, _) in line.match_indices("crate::") {
                    let name: String = line[i + 7..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                    if !name.is_empty() && name != stem && name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
                        used.insert(name);
                    }
                }
            }
        }
        out.push((stem, used));
    }
    out
}

#[test]
fn modules_use_only_the_layers_below_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let uses = module_uses(&src);
    assert!(uses.len() >= 20, "found only {} modules under {}", uses.len(), src.display());
    let mut problems = Vec::new();
    let mut debts_seen = std::collections::BTreeSet::new();
    for (module, used) in &uses {
        let Some((_, allowed)) = LAYERS.iter().find(|(m, _)| m == module) else {
            problems.push(format!("src/{module}: not in LAYERS (say which layer it belongs to)"));
            continue;
        };
        for dep in used {
            // `crate::run_source` and the like: the API, named in docs.
            if !uses.iter().any(|(m, _)| m == dep) {
                continue;
            }
            if LAYERING_DEBTS.contains(&(module.as_str(), dep.as_str())) {
                debts_seen.insert((module.clone(), dep.clone()));
            } else if !allowed.contains(&dep.as_str()) {
                problems.push(format!("src/{module} uses crate::{dep}, which its layer may not"));
            }
        }
    }
    for (m, d) in LAYERING_DEBTS {
        if !debts_seen.contains(&(m.to_string(), d.to_string())) {
            problems.push(format!("{m} no longer uses {d}: remove the debt from LAYERING_DEBTS"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The engine does no IO and knows nothing of the web: it builds for wasm32
/// and runs the same everywhere.
#[test]
fn the_engine_does_no_io_and_knows_nothing_of_the_web() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let deps = manifest.split("[dev-dependencies]").next().unwrap_or("");
    for web in ["web-sys", "wasm-bindgen", "js-sys", "gloo", "yew"] {
        assert!(!deps.contains(web), "the engine depends on {web}");
    }
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let io = ["std::fs", "std::net", "std::env", "std::process", "std::io::stdin", "std::io::stdout", "SystemTime", "Instant::now", "println!", "eprintln!"];
    let mut found = Vec::new();
    for f in &files {
        let text = without_test_modules(&fs::read_to_string(f).unwrap());
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for pat in io {
                if line.contains(pat) {
                    found.push(format!("{}:{}: {pat}", f.strip_prefix(root).unwrap().display(), n + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "IO in the engine:\n{}", found.join("\n"));
}
