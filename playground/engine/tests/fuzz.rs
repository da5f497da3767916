//! The whole pipeline under mutated programs: no input may make the engine
//! panic or hang. Inputs are the fidelity corpus with deterministic
//! mutations (byte flips, deleted and duplicated lines, truncation, spliced
//! fragments of other programs), so most of them get deep into the front
//! end before they go wrong.
//!
//! `GMP_FUZZ_ROUNDS` (mutations per corpus file, default 8) and
//! `GMP_FUZZ_SEED` widen the search; `cargo xtask test` runs the default.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files = Vec::new();
    for dir in ["programs", "compile_errors", "parse", "syntax_errors"] {
        let entries = std::fs::read_dir(root.join(dir)).unwrap_or_else(|e| panic!("tests/{dir}: {e}"));
        let mut paths: Vec<_> =
            entries.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "go")).collect();
        assert!(!paths.is_empty(), "no .go files in tests/{dir}");
        paths.sort();
        for p in paths {
            // Some files are not UTF-8 on purpose (a UTF-16 file, a stray
            // byte): the mutations work on text.
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            files.push(String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    files
}

fn mutate(rng: &mut Rng, src: &str, other: &str) -> String {
    let mut bytes = src.as_bytes().to_vec();
    let lines: Vec<&str> = src.lines().collect();
    match rng.below(6) {
        0 => {
            for _ in 0..1 + rng.below(4) {
                if !bytes.is_empty() {
                    let i = rng.below(bytes.len());
                    bytes[i] = b"{}()[];:=.,<-*&\"'`\n\t x0_"[rng.below(24)];
                }
            }
            String::from_utf8_lossy(&bytes).into_owned()
        }
        1 => {
            let skip = rng.below(lines.len().max(1));
            lines.iter().enumerate().filter(|(i, _)| *i != skip).map(|(_, l)| format!("{l}\n")).collect()
        }
        2 => {
            let dup = rng.below(lines.len().max(1));
            let mut out = String::new();
            for (i, l) in lines.iter().enumerate() {
                out.push_str(l);
                out.push('\n');
                if i == dup {
                    out.push_str(l);
                    out.push('\n');
                }
            }
            out
        }
        3 => {
            let cut = rng.below(src.len());
            String::from_utf8_lossy(&src.as_bytes()[..cut]).into_owned()
        }
        4 => {
            let other_lines: Vec<&str> = other.lines().collect();
            let at = rng.below(lines.len().max(1));
            let from = rng.below(other_lines.len().max(1));
            let take = 1 + rng.below(6);
            let mut out: Vec<&str> = lines[..at.min(lines.len())].to_vec();
            out.extend(other_lines.iter().skip(from).take(take));
            out.extend(&lines[at.min(lines.len())..]);
            out.join("\n")
        }
        _ => {
            let i = rng.below(bytes.len().max(1));
            let mut s = String::from_utf8_lossy(&bytes[..i.min(bytes.len())]).into_owned();
            s.push_str(&"(".repeat(1 + rng.below(300)));
            s.push_str(&String::from_utf8_lossy(&bytes[i.min(bytes.len())..]));
            s
        }
    }
}

#[test]
fn mutated_programs_never_panic_or_hang() {
    let rounds: usize = std::env::var("GMP_FUZZ_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(8);
    let seed: u64 = std::env::var("GMP_FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x9e3779b97f4a7c15);
    let files = corpus();
    assert!(files.len() > 100, "the corpus is missing: found {} files", files.len());

    let current = Arc::new(Mutex::new(String::new()));
    let (done_tx, done_rx) = mpsc::channel();
    let worker_current = Arc::clone(&current);
    let worker = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            let mut rng = Rng(seed | 1);
            let mut failures = Vec::new();
            let mut count = 0usize;
            for (i, src) in files.iter().enumerate() {
                for _ in 0..rounds {
                    let other = &files[rng.below(files.len())];
                    let input = mutate(&mut rng, src, other);
                    *worker_current.lock().unwrap() = input.clone();
                    // Mutations easily make loops endless: a small budget
                    // turns those into the engine's "too many instructions".
                    let config = gmp_engine::RunConfig {
                        instr_limit: 2_000_000,
                        heap_budget: 64 << 20,
                        ..gmp_engine::RunConfig::default()
                    };
                    let result = catch_unwind(AssertUnwindSafe(|| gmp_engine::run_source("prog.go", &input, &config)));
                    count += 1;
                    if result.is_err() {
                        failures.push(format!("file #{i}: panicked on input:\n{input}"));
                    }
                }
            }
            let _ = done_tx.send((count, failures));
        })
        .expect("spawn fuzz worker");

    match done_rx.recv_timeout(Duration::from_secs(120)) {
        Ok((count, failures)) => {
            let _ = worker.join();
            assert!(failures.is_empty(), "{} of {count} inputs panicked; first:\n{}", failures.len(), failures[0]);
            eprintln!("fuzz: {count} mutated programs, no panic");
        }
        Err(_) => panic!("the engine hung on this input:\n{}", current.lock().unwrap()),
    }
}
