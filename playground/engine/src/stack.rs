//! The host stack of the front end.
//!
//! The parser, the checker and the compiler recurse once per level of
//! nesting: a parenthesis, a block, a composite literal, an operand of a
//! chain like `a + b + c`. Go's own front end does too, on a goroutine
//! stack that grows to 1 GB, and compiles thousands of levels. Here:
//!
//! - the parser counts levels and stops at [`MAX_DEPTH`], the same bound on
//!   every target, so a program is accepted or refused alike natively, in
//!   the browser, in debug and in release builds (a caller that runs a
//!   pass on its own stack gets a smaller bound, [`depth_limit`]);
//! - [`on_front_end_stack`] gives the passes a stack that holds
//!   `MAX_DEPTH` levels with room to spare: natively a thread of its own
//!   with [`FRONT_END_STACK`] bytes (only the pages used are ever
//!   committed); in the browser the stack the web app is linked with
//!   (`playground/web/build.rs`);
//! - each pass also measures, at each level, the stack it has used since it
//!   started ([`Guard`]) and stops with a diagnostic past [`budget`], so a
//!   caller on a small stack (a test thread, another embedding) gets
//!   `nests too deeply` rather than an overflow.

use std::cell::Cell;

/// The diagnostic for input nested beyond [`MAX_DEPTH`] levels, or beyond
/// the host stack a pass may use.
pub const NESTING_UNSUPPORTED: &str = "unsupported: program nests too deeply for the playground";

/// Levels of nesting the parser follows (each parenthesis, block,
/// statement, type, literal and operand of an operator chain is one; a
/// function literal's body three). Go accepts more (it is bounded by its
/// 1 GB stacks); learners' programs stay below 100, generated ones below a
/// few thousand.
#[cfg(not(target_arch = "wasm32"))]
pub const MAX_DEPTH: u32 = 10_000;

/// In the browser the bound is the JavaScript engine's: wasm frames live on
/// its native stack too, which no page can enlarge (about 1 MB in V8). A
/// level costs up to about 650 bytes of it in a release build (measured in
/// Node, V8's default stack: 1,563 levels of `y + y + ...` fit, 2,666 of
/// parentheses, 478 function literals): 1,000 levels leave a third spare.
#[cfg(target_arch = "wasm32")]
pub const MAX_DEPTH: u32 = 1_000;

/// The native front end's stack. A level costs at most about 6 KiB in
/// a debug build (a release build uses about a third), so `MAX_DEPTH`
/// levels fit four times over.
#[cfg(not(target_arch = "wasm32"))]
pub const FRONT_END_STACK: usize = 256 << 20;

/// The stack the web app is linked with (`-z stack-size`, in
/// `playground/web/build.rs`): wasm's own, in linear memory, for the locals
/// whose address is taken (about 1.6 KiB a level at most).
#[cfg(target_arch = "wasm32")]
pub const FRONT_END_STACK: usize = 8 << 20;

/// What a pass may use of a stack it did not choose (the caller's): the
/// smallest usual one is wasm's default 1 MiB.
const UNKNOWN_STACK_BUDGET: usize = 512 << 10;

/// Levels the parser follows on a stack it did not choose. A syntax tree
/// is dropped by recursion too, wherever the caller drops it: this keeps
/// that shallow.
const UNKNOWN_STACK_MAX_DEPTH: u32 = 500;

/// Kept free below a budget: the frames a pass calls after its last check.
const MARGIN: usize = 256 << 10;

thread_local! {
    /// The stack a pass may use on this thread.
    static BUDGET: Cell<usize> = const { Cell::new(UNKNOWN_STACK_BUDGET) };
    /// The levels the parser may follow on this thread.
    static DEPTH_LIMIT: Cell<u32> = const { Cell::new(UNKNOWN_STACK_MAX_DEPTH) };
    /// The most any guard saw used, for the tests that measure levels.
    static DEEPEST: Cell<usize> = const { Cell::new(0) };
}

/// The address of a fresh local: a portable reading of the stack pointer
/// (stacks grow downward on every target we build for, wasm32 included).
#[inline(never)]
pub fn position() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// Bytes of stack a pass may use on this thread.
pub fn budget() -> usize {
    BUDGET.with(Cell::get)
}

/// Levels of nesting the parser may follow on this thread: [`MAX_DEPTH`]
/// on the front end's stack, fewer on a stack of unknown size.
pub fn depth_limit() -> u32 {
    DEPTH_LIMIT.with(Cell::get)
}

/// Measures a pass's stack from where it was made.
#[derive(Clone, Copy, Debug)]
pub struct Guard {
    base: usize,
    budget: usize,
}

impl Guard {
    pub fn new() -> Guard {
        Guard { base: position(), budget: budget() }
    }

    /// Whether the pass has used up its stack.
    #[inline]
    pub fn exhausted(&self) -> bool {
        let used = self.base.saturating_sub(position());
        if cfg!(test) {
            DEEPEST.with(|d| d.set(d.get().max(used)));
        }
        used > self.budget
    }
}

impl Default for Guard {
    fn default() -> Guard {
        Guard::new()
    }
}

/// Runs `f` (the front end) on a stack that holds [`MAX_DEPTH`] levels of
/// nesting, with the passes' budget set to match. `f` runs once; it is
/// `Fn` so that, natively, when no thread can be had (no memory or address
/// space left for its stack), it can run here instead, with the budget of a
/// stack of unknown size.
pub fn on_front_end_stack<T: Send>(f: impl Fn() -> T + Sync) -> T {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let ran = std::thread::scope(|scope| {
            let handle = std::thread::Builder::new()
                .name("gmp-front-end".into())
                .stack_size(FRONT_END_STACK)
                .spawn_scoped(scope, || with_budget(FRONT_END_STACK - MARGIN, &f))
                .ok()?;
            Some(handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        });
        ran.unwrap_or_else(f)
    }
    #[cfg(target_arch = "wasm32")]
    {
        with_budget(FRONT_END_STACK - MARGIN, f)
    }
}

fn with_budget<T>(budget: usize, f: impl FnOnce() -> T) -> T {
    let old = (BUDGET.with(|b| b.replace(budget)), DEPTH_LIMIT.with(|d| d.replace(MAX_DEPTH)));
    let out = f();
    BUDGET.with(|b| b.set(old.0));
    DEPTH_LIMIT.with(|d| d.set(old.1));
    out
}

/// The most stack any guard on this thread saw used, reset to 0.
#[cfg(test)]
pub fn take_deepest() -> usize {
    DEEPEST.with(|d| d.replace(0))
}

#[cfg(test)]
mod tests {
    use super::*;
        use crate::span::SourceFile;

    /// Programs nesting `n` levels of one shape.
    fn shapes() -> Vec<(&'static str, fn(usize) -> String)> {
        fn main(body: String) -> String {
            format!("package main\n\nimport \"fmt\"\n\nfunc main() {{\n{body}\n}}\n")
        }
        vec![
            ("parentheses", |n| main(format!("\tx := {}1{}\n\tfmt.Println(x)", "(".repeat(n), ")".repeat(n)))),
            ("blocks", |n| main(format!("\tx := 0\n{}x++{}\n\tfmt.Println(x)", "{".repeat(n), "}".repeat(n)))),
            ("ifs", |n| main(format!("\tx := 0\n{}x++\n{}\tfmt.Println(x)", "if x >= 0 {\n".repeat(n), "}\n".repeat(n)))),
            ("else ifs", |n| {
                let cases: String = (1..n).map(|i| format!("\t}} else if x == {i} {{\n")).collect();
                main(format!("\tx := 3\n\tif x == 0 {{\n{cases}\t}} else {{\n\t\tfmt.Println(x)\n\t}}"))
            }),
            ("function literals", |n| {
                main(format!("\tx := {}1{}\n\tfmt.Println(x)", "func() int { return ".repeat(n), " }()".repeat(n)))
            }),
            ("composite literals", |n| main(format!("\tx := {}1{}\n\tfmt.Println(len(x))", "[]any{".repeat(n), "}".repeat(n)))),
            ("sum of constants", |n| main(format!("\tx := 0{}\n\tfmt.Println(x)", " + 1".repeat(n)))),
            ("sum of variables", |n| main(format!("\ty := 1\n\tx := y{}\n\tfmt.Println(x)", " + y".repeat(n)))),
            ("unary operators", |n| main(format!("\tx := {}1\n\tfmt.Println(x)", "-^".repeat(n / 2)))),
            ("pointer types", |n| main(format!("\tvar p {}int\n\tfmt.Println(p == nil)", "*".repeat(n)))),
            ("slice types", |n| main(format!("\tvar p {}int\n\tfmt.Println(p == nil)", "[]".repeat(n)))),
            ("slice expressions", |n| main(format!("\ts := \"x\"{}\n\tfmt.Println(s)", "[:]".repeat(n)))),
        ]
    }

    fn refused(diags: &[crate::Diagnostic]) -> bool {
        diags.iter().any(|d| d.message == NESTING_UNSUPPORTED)
    }

    fn parses(src: &str) -> bool {
        !refused(&crate::parser::parse_file(&SourceFile::new("prog.go", src)).1)
    }

    /// For each shape: the deepest program the parser accepts (at
    /// `MAX_DEPTH`) goes through every pass on the front end's stack
    /// without the stack guard stopping it, so the bound is the depth, the
    /// same everywhere, and not the build's frame sizes. A thousand levels
    /// of each shape compile; far beyond is refused with a diagnostic.
    #[test]
    fn max_depth_fits_the_front_end_stack() {
        let report = on_front_end_stack(|| {
            let mut report = String::new();
            for (name, make) in shapes() {
                assert!(parses(&make(1_000)), "{name}: 1,000 levels refused");
                assert!(!parses(&make(100_000)), "{name}: 100,000 levels accepted");
                let (mut lo, mut hi) = (1_000, 100_000);
                while hi - lo > 1 {
                    let mid = (lo + hi) / 2;
                    if parses(&make(mid)) { lo = mid } else { hi = mid }
                }
                take_deepest();
                let result = crate::front_end(SourceFile::new("prog.go", make(lo)));
                let deepest = take_deepest();
                if let Err(e) = &result {
                    panic!("{name}: {lo} levels do not compile: {:?}", e.diagnostics.first());
                }
                assert!(deepest < budget(), "{name}: {deepest} bytes of stack at {lo} levels");
                report.push_str(&format!("{name}: up to {lo} levels, {} bytes of stack a level\n", deepest / lo));
            }
            report
        });
        eprint!("{report}");
    }

    /// A caller on a small stack (wasm's default 1 MiB, a test thread) is
    /// safe either way: through `compile` the front end gets its own stack;
    /// called on the caller's, the passes stop at the small budget.
    #[test]
    fn deep_programs_never_overflow_a_small_stack() {
        std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(|| {
                for (name, make) in shapes() {
                    let src = make(100_000);
                    let err = crate::compile("prog.go", &src).err().map(|e| e.diagnostics);
                    assert!(err.as_deref().is_some_and(refused), "{name}: {err:?}");
                    let err = crate::front_end(SourceFile::new("prog.go", src)).err().map(|e| e.diagnostics);
                    assert!(err.as_deref().is_some_and(refused), "{name}: {err:?}");
                    assert!(crate::compile("prog.go", &make(1_000)).is_ok(), "{name}");
                }
            })
            .expect("spawn")
            .join()
            .expect("the front end overflowed or panicked");
    }
}
