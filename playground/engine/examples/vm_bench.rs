//! Micro benchmarks of the VM on hand-assembled bytecode (no compiler yet):
//! the five programs of issue 3's performance section, each timed best of
//! 7 runs, so the lead can compare with the same programs built by real Go.
//!
//! Run with optimisations (the workspace's release profile favours size for
//! the wasm bundle, so raise the level for timing):
//!
//! ```text
//! CARGO_PROFILE_RELEASE_OPT_LEVEL=3 cargo run -p gmp-engine --release --example vm_bench
//! ```
//!
//! The Go programs these mirror are in the comment of each builder and,
//! whole, in `vm_bench.go` next to this file (same best-of-7 loop). The bytecode uses the
//! fused ops (`JumpUnlessI`, `IncLocal`, `AddLocal`, `AddIConst`,
//! `GetLocal2`) that the compiler's peephole pass is expected to emit.

use gmp_engine::chunk::{ChunkBuilder, IntCmp, Label, Op};
use gmp_engine::rtype::{self, Callee, Kind, Method, TypeDesc};
use gmp_engine::span::{SourceFile, Span};
use gmp_engine::value::Value;
use gmp_engine::vm::{Bytecode, Const, Function, Stop, Vm, VmConfig};
use std::rc::Rc;
use std::time::{Duration, Instant};
use Op::*;

/// A function body under construction (every instruction at one span).
struct Asm(ChunkBuilder);

impl Asm {
    fn ops(&mut self, ops: &[Op]) -> &mut Self {
        for &o in ops {
            self.0.emit(o, Span::default());
        }
        self
    }
    fn label(&mut self) -> Label {
        self.0.new_label()
    }
    fn bind(&mut self, l: Label) -> &mut Self {
        self.0.bind(l);
        self
    }
    fn jump(&mut self, op: Op, l: Label) -> &mut Self {
        self.0.emit_jump(op, l, Span::default());
        self
    }
}

fn define(bc: &mut Bytecode, idx: u32, nparams: u16, nlocals: u16, nresults: u16, body: impl FnOnce(&mut Asm)) {
    let mut a = Asm(ChunkBuilder::new());
    body(&mut a);
    let name = bc.funcs[idx as usize].name.clone();
    bc.funcs[idx as usize] = Function::new(name, nparams, nlocals, nresults, a.0.finish().expect("labels bound"));
}

fn declare(bc: &mut Bytecode, name: &str) -> u32 {
    bc.add_func(Function::new(name, 0, 0, 0, Default::default()))
}

fn new_program() -> Bytecode {
    let mut bc = Bytecode::new(SourceFile::new("prog.go", "package main\n"));
    bc.nglobals = 1;
    bc
}

/// ```go
/// func fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }
/// result = fib(27)
/// ```
fn fib() -> Bytecode {
    let mut bc = new_program();
    let fib = declare(&mut bc, "main.fib");
    define(&mut bc, fib, 1, 1, 1, |a| {
        let rec = a.label();
        a.ops(&[GetLocal(0), PushInt(2)]).jump(JumpUnlessI { cmp: IntCmp::Lt, target: 0 }, rec);
        a.ops(&[GetLocal(0), Ret(1)]);
        a.bind(rec);
        a.ops(&[GetLocal(0), AddIConst(-1), Call(fib), GetLocal(0), AddIConst(-2), Call(fib), AddI, Ret(1)]);
    });
    let main = declare(&mut bc, "main.main");
    define(&mut bc, main, 0, 0, 0, |a| {
        a.ops(&[PushInt(27), Call(fib), SetGlobal(0), Ret(0)]);
    });
    bc.entry = main;
    bc
}

/// ```go
/// const n = 2_000_000
/// composite := make([]bool, n+1)
/// count := 0
/// for i := 2; i <= n; i++ {
///     if !composite[i] {
///         count++
///         for j := i * i; j <= n; j += i { composite[j] = true }
///     }
/// }
/// result = count
/// ```
fn sieve() -> Bytecode {
    const N: i32 = 2_000_000;
    let mut bc = new_program();
    let main = declare(&mut bc, "main.main");
    // locals: 0 composite, 1 count, 2 i, 3 j
    define(&mut bc, main, 0, 4, 0, |a| {
        let (outer, outer_end, next_i, inner, inner_end) = (a.label(), a.label(), a.label(), a.label(), a.label());
        a.ops(&[PushInt(N + 1), PushInt(N + 1), MakeSlice(rtype::T_BOOL), SetLocal(0)]);
        a.ops(&[PushInt(0), SetLocal(1), PushInt(2), SetLocal(2)]);
        a.bind(outer).ops(&[GetLocal(2), PushInt(N)]).jump(JumpUnlessI { cmp: IntCmp::Le, target: 0 }, outer_end);
        a.ops(&[GetLocal2(0, 2), Index]).jump(JumpIfTrue(0), next_i);
        a.ops(&[IncLocal { local: 1, by: 1 }]);
        a.ops(&[GetLocal(2), GetLocal(2), MulI, SetLocal(3)]);
        // The inner loop with its condition at the bottom.
        a.ops(&[GetLocal(3), PushInt(N)]).jump(JumpUnlessI { cmp: IntCmp::Le, target: 0 }, inner_end);
        a.bind(inner).ops(&[GetLocal2(0, 3), PushBool(true), SetIndex, AddLocal { dst: 3, src: 2 }]);
        a.ops(&[GetLocal(3), PushInt(N)]).jump(JumpUnlessI { cmp: IntCmp::Gt, target: 0 }, inner);
        a.bind(inner_end);
        a.bind(next_i).ops(&[IncLocal { local: 2, by: 1 }]).jump(Jump(0), outer);
        a.bind(outer_end).ops(&[GetLocal(1), SetGlobal(0), Ret(0)]);
    });
    bc.entry = main;
    bc
}

/// Map-heavy word counting over 64 distinct 8-byte words:
/// ```go
/// const text = "alpha...." // 64 words of 8 bytes, no separators
/// counts := make(map[string]int)
/// for i := 0; i < 1_000_000; i++ {
///     k := (i * 7) % 64
///     w := text[k*8 : k*8+8]
///     counts[w]++
/// }
/// result = len(counts)
/// ```
fn wordcount() -> Bytecode {
    let mut bc = new_program();
    let text: String = (0..64).map(|i| format!("word{i:04}")).collect();
    let text_c = bc.add_const(Const::Str(text.into_bytes()));
    let map_ty = bc.add_type(TypeDesc::new("map[string]int", Kind::Map { key: rtype::T_STRING, val: rtype::T_INT }, false, 8));
    let main = declare(&mut bc, "main.main");
    // locals: 0 counts, 1 i, 2 w
    define(&mut bc, main, 0, 3, 0, |a| {
        let (top, end) = (a.label(), a.label());
        a.ops(&[PushInt(0), MakeMap(map_ty), SetLocal(0), PushInt(0), SetLocal(1)]);
        a.bind(top).ops(&[GetLocal(1), PushInt(1_000_000)]).jump(JumpUnlessI { cmp: IntCmp::Lt, target: 0 }, end);
        // w := text[k*8 : k*8+8] with k = i*7 % 64
        a.ops(&[Const(text_c), GetLocal(1), PushInt(7), MulI, PushInt(64), RemI, PushInt(8), MulI, Dup, PushInt(8), AddI]);
        a.ops(&[SliceExpr(gmp_engine::chunk::SLICE_LO | gmp_engine::chunk::SLICE_HI), SetLocal(2)]);
        // counts[w] = counts[w] + 1
        a.ops(&[GetLocal2(0, 2), GetLocal2(0, 2), MapGet(rtype::T_INT), AddIConst(1), MapSet]);
        a.ops(&[IncLocal { local: 1, by: 1 }]).jump(Jump(0), top);
        a.bind(end).ops(&[GetLocal(0), Len, SetGlobal(0), Ret(0)]);
    });
    bc.entry = main;
    bc
}

/// String building by appending bytes, then one conversion:
/// ```go
/// var b []byte
/// for i := 0; i < 1_000_000; i++ { b = append(b, byte('a'+i%26)) }
/// s := string(b)
/// result = len(s)
/// ```
fn strbuild() -> Bytecode {
    let mut bc = new_program();
    let main = declare(&mut bc, "main.main");
    // locals: 0 b, 1 i
    define(&mut bc, main, 0, 2, 0, |a| {
        let (top, end) = (a.label(), a.label());
        a.ops(&[PushNil, SetLocal(0), PushInt(0), SetLocal(1)]);
        a.bind(top).ops(&[GetLocal(1), PushInt(1_000_000)]).jump(JumpUnlessI { cmp: IntCmp::Lt, target: 0 }, end);
        a.ops(&[GetLocal(0), GetLocal(1), PushInt(26), RemI, AddIConst(97), Trunc(gmp_engine::value::IntKind::U8)]);
        a.ops(&[Append { elem: rtype::T_UINT8, n: 1 }, SetLocal(0)]);
        a.ops(&[IncLocal { local: 1, by: 1 }]).jump(Jump(0), top);
        a.bind(end).ops(&[GetLocal(0), BytesToStr, Len, SetGlobal(0), Ret(0)]);
    });
    bc.entry = main;
    bc
}

/// Method calls through an interface:
/// ```go
/// type Adder interface{ Add(int) int }
/// type Inc struct{ step int }
/// func (c Inc) Add(x int) int { return x + c.step }
/// var a Adder = Inc{3}
/// total := 0
/// for i := 0; i < 1_000_000; i++ { total = a.Add(total) }
/// result = total
/// ```
fn iface() -> Bytecode {
    let mut bc = new_program();
    let add = bc.method_id("Add");
    bc.add_type(TypeDesc::new("main.Adder", Kind::Interface(vec![add]), true, 16));
    let inc_add = declare(&mut bc, "main.Inc.Add");
    define(&mut bc, inc_add, 2, 2, 1, |a| {
        a.ops(&[GetLocal(1), GetLocal(0), Field(0), AddI, Ret(1)]);
    });
    let mut inc = TypeDesc::new("main.Inc", Kind::Struct(vec![rtype::T_INT]), true, 8);
    inc.methods.push(Method { name: add, target: Callee::Func(inc_add) });
    let inc = bc.add_type(inc);
    let main = declare(&mut bc, "main.main");
    // locals: 0 a, 1 total, 2 i
    define(&mut bc, main, 0, 3, 0, |a| {
        let (top, end) = (a.label(), a.label());
        a.ops(&[Zero(inc), Dup, PushInt(3), SetField(0), ToIface(inc), SetLocal(0)]);
        a.ops(&[PushInt(0), SetLocal(1), PushInt(0), SetLocal(2)]);
        a.bind(top).ops(&[GetLocal(2), PushInt(1_000_000)]).jump(JumpUnlessI { cmp: IntCmp::Lt, target: 0 }, end);
        a.ops(&[GetLocal2(0, 1), CallIface { method: add, argc: 1 }, SetLocal(1)]);
        a.ops(&[IncLocal { local: 2, by: 1 }]).jump(Jump(0), top);
        a.bind(end).ops(&[GetLocal(1), SetGlobal(0), Ret(0)]);
    });
    bc.entry = main;
    bc
}

fn bench(name: &str, build: fn() -> Bytecode, want: i64) {
    let prog = Rc::new(build());
    let mut best = Duration::MAX;
    let mut instrs = 0;
    for _ in 0..7 {
        let mut vm = Vm::new(prog.clone(), VmConfig::default()).expect("vm");
        let t = Instant::now();
        let g = vm.spawn(Value::Func(prog.entry), &[]).expect("spawn");
        loop {
            match vm.execute(g, 100_000) {
                Stop::Budget => continue,
                Stop::Returned => break,
                other => panic!("{name}: {other:?}"),
            }
        }
        best = best.min(t.elapsed());
        assert_eq!(vm.globals[0], Value::Int(want), "{name}");
        instrs = vm.instructions;
    }
    println!(
        "{name:<10} {:>9.2} ms  {instrs:>10} instructions  {:.2} ns/instruction",
        best.as_secs_f64() * 1e3,
        best.as_nanos() as f64 / instrs as f64
    );
}

/// A benchmark: its name, its program and the result it must compute.
type Bench = (&'static str, fn() -> Bytecode, i64);

fn main() {
    // An optional argument picks one benchmark (for profiling).
    let only = std::env::args().nth(1);
    let all: [Bench; 5] = [
        ("fib27", fib, 196_418),
        ("sieve", sieve, 148_933),
        ("wordcount", wordcount, 64),
        ("strbuild", strbuild, 1_000_000),
        ("iface", iface, 3_000_000),
    ];
    for (name, build, want) in all {
        if only.as_deref().is_none_or(|o| o == name) {
            bench(name, build, want);
        }
    }
}
