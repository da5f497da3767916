//! VM tests on hand-assembled bytecode (`super::testutil`): each test
//! builds functions, runs them and checks what Go would do.

use super::*;
use super::testutil::{Asm, P};
use crate::chunk::{Op, PrintKind, SLICE_HI, SLICE_LO, SLICE_MAX};
use crate::rtype::{self, Kind, Method, TypeDesc};
use crate::value::IntKind;
use Op::*;

impl P {
    fn vm(self, seed: u64) -> Vm {
        Vm::new(Rc::new(self.bc), VmConfig { seed, ..VmConfig::default() }).unwrap()
    }
}

fn run_entry(mut p: P, entry: u32, globals: u32) -> (Vm, Stop) {
    p.bc.entry = entry;
    p.bc.nglobals = globals;
    let mut vm = p.vm(1);
    let g = vm.spawn(Value::Func(entry), &[]).unwrap();
    let stop = loop {
        match vm.execute(g, 1000) {
            Stop::Budget => continue,
            s => break s,
        }
    };
    (vm, stop)
}

fn str_of(vm: &Vm, v: Value) -> String {
    vm.heap.str_lossy(v)
}

/// The text of a panic that ended the run.
fn panic_message(stop: &Stop) -> String {
    match stop {
        Stop::Panicked(r) => r.message.clone(),
        other => panic!("expected a panic, got {other:?}"),
    }
}

/// fib(n) as a recursive bytecode function.
fn fib_program(n: i32) -> (P, u32) {
    let mut p = P::new();
    let fib = p.declare("main.fib");
    p.define(fib, 1, 1, 1, |a| {
        let rec = a.label();
        a.line(3).ops(&[GetLocal(0), PushInt(2)]).op(LtI).jump(JumpIfFalse(0), rec);
        a.line(4).ops(&[GetLocal(0), Ret(1)]);
        a.bind(rec).line(6);
        a.ops(&[GetLocal(0), PushInt(1), SubI, Call(fib), GetLocal(0), PushInt(2), SubI, Call(fib), AddI, Ret(1)]);
    });
    let main = p.func("main.main", 0, 0, 0, |a| {
        a.line(10).ops(&[PushInt(n), Call(fib), SetGlobal(0), Ret(0)]);
    });
    (p, main)
}

fn fib(n: i64) -> i64 {
    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}

#[test]
fn recursive_fib() {
    let (p, main) = fib_program(20);
    let (vm, stop) = run_entry(p, main, 1);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    assert_eq!(vm.globals[0], Value::Int(fib(20)));
    assert!(vm.instructions > 10_000);
}

#[test]
fn suspension_at_budget_boundaries_gives_the_same_result() {
    for budget in [1u32, 2, 3, 7, 100] {
        let (mut p, main) = fib_program(15);
        p.bc.entry = main;
        p.bc.nglobals = 1;
        let mut vm = p.vm(1);
        let g = vm.spawn(Value::Func(main), &[]).unwrap();
        let mut slices = 0;
        loop {
            match vm.execute(g, budget) {
                Stop::Budget => slices += 1,
                Stop::Returned => break,
                s => panic!("{s:?}"),
            }
        }
        assert_eq!(vm.globals[0], Value::Int(fib(15)));
        assert!(slices as u64 >= vm.instructions / budget as u64 - 1);
    }
}

#[test]
fn loop_summing_a_slice() {
    let mut p = P::new();
    // s := make([]int, 100); for i := range s { s[i] = i }; sum := 0; for _, v := range s { sum += v }
    let main = p.func("main.main", 0, 3, 0, |a| {
        a.ops(&[PushInt(100), PushInt(100), MakeSlice(rtype::T_INT), SetLocal(0)]);
        a.ops(&[PushInt(0), SetLocal(1)]);
        let (top, end) = (a.label(), a.label());
        a.bind(top).ops(&[GetLocal(1), GetLocal(0), Len, LtI]).jump(JumpIfFalse(0), end);
        a.ops(&[GetLocal(0), GetLocal(1), GetLocal(1), SetIndex, GetLocal(1), PushInt(1), AddI, SetLocal(1)]);
        a.jump(Jump(0), top).bind(end);
        a.ops(&[PushInt(0), SetLocal(2), PushInt(0), SetLocal(1)]);
        let (top, end) = (a.label(), a.label());
        a.bind(top).ops(&[GetLocal(1), GetLocal(0), Len, LtI]).jump(JumpIfFalse(0), end);
        a.ops(&[GetLocal(2), GetLocal(0), GetLocal(1), Index, AddI, SetLocal(2), GetLocal(1), PushInt(1), AddI, SetLocal(1)]);
        a.jump(Jump(0), top).bind(end);
        a.ops(&[GetLocal(2), SetGlobal(0), GetLocal(0), Cap, SetGlobal(1), Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 2);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    assert_eq!(vm.globals[0], Value::Int(4950));
    assert_eq!(vm.globals[1], Value::Int(100));
}

#[test]
fn string_concat_slicing_and_comparison() {
    let mut p = P::new();
    let (ab, cd, empty) = (p.str("ab"), p.str("cd"), p.str(""));
    let main = p.func("main.main", 0, 2, 0, |a| {
        // s := ""; for i := 0; i < 3; i++ { s += "ab" + "cd" }
        a.ops(&[empty, SetLocal(0), PushInt(0), SetLocal(1)]);
        let (top, end) = (a.label(), a.label());
        a.bind(top).ops(&[GetLocal(1), PushInt(3), LtI]).jump(JumpIfFalse(0), end);
        a.ops(&[GetLocal(0), ab, cd, Concat, Concat, SetLocal(0), GetLocal(1), PushInt(1), AddI, SetLocal(1)]);
        a.jump(Jump(0), top).bind(end);
        a.ops(&[GetLocal(0), SetGlobal(0)]);
        // s[2:6], s[5], len(s), "ab" < "cd", s[2:4] == "ab"
        a.ops(&[GetLocal(0), PushInt(2), PushInt(6), SliceExpr(SLICE_LO | SLICE_HI), SetGlobal(1)]);
        a.ops(&[GetLocal(0), PushInt(5), Index, SetGlobal(2)]);
        a.ops(&[ab, cd, LtS, SetGlobal(3)]);
        a.ops(&[GetLocal(0), PushInt(4), PushInt(6), SliceExpr(SLICE_LO | SLICE_HI), ab, EqS, SetGlobal(4), Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 5);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    assert_eq!(str_of(&vm, vm.globals[0]), "abcdabcdabcd");
    assert_eq!(str_of(&vm, vm.globals[1]), "cdab");
    // Slicing shares the buffer.
    assert_eq!(vm.globals[1].handle(), vm.globals[0].handle());
    assert_eq!(vm.globals[2], Value::Int(b'b' as i64));
    assert_eq!(vm.globals[3], Value::Bool(true));
    assert_eq!(vm.globals[4], Value::Bool(true));
}

/// Adds `type T struct { a int; arr [2]int }` and returns (T, [2]int) ids.
fn struct_types(p: &mut P) -> (u32, u32) {
    let arr = p.bc.add_type(TypeDesc::new("[2]int", Kind::Array { len: 2, elem: rtype::T_INT }, true, 16));
    let t = p.bc.add_type(TypeDesc::new("main.T", Kind::Struct(vec![rtype::T_INT, arr]), true, 24));
    (t, arr)
}

#[test]
fn struct_copies_have_value_semantics() {
    let mut p = P::new();
    let (t, _) = struct_types(&mut p);
    let main = p.func("main.main", 0, 2, 0, |a| {
        // var s T; s.a = 1; s.arr[0] = 5; u := s (Clone); u.a = 9; u.arr[0] = 7
        a.ops(&[Zero(t), SetLocal(0), GetLocal(0), PushInt(1), SetField(0)]);
        a.ops(&[GetLocal(0), Field(1), PushInt(0), PushInt(5), SetIndex]);
        a.ops(&[GetLocal(0), Clone, SetLocal(1), GetLocal(1), PushInt(9), SetField(0)]);
        a.ops(&[GetLocal(1), Field(1), PushInt(0), PushInt(7), SetIndex]);
        a.ops(&[GetLocal(0), Field(0), SetGlobal(0), GetLocal(0), Field(1), PushInt(0), Index, SetGlobal(1)]);
        a.ops(&[GetLocal(1), Field(0), SetGlobal(2), GetLocal(1), Field(1), PushInt(0), Index, SetGlobal(3)]);
        // s == u is false; after s = u (a store through &s) they are equal but distinct.
        a.ops(&[GetLocal(0), GetLocal(1), Eq, SetGlobal(4)]);
        a.ops(&[GetLocal(0), Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 5);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    assert_eq!(&vm.globals[..5], &[Value::Int(1), Value::Int(5), Value::Int(9), Value::Int(7), Value::Bool(false)]);
}

#[test]
fn pointers_into_struct_fields_and_array_elements() {
    let mut p = P::new();
    let (t, arr) = struct_types(&mut p);
    let main = p.func("main.main", 0, 4, 0, |a| {
        // s := &T{}; pa := &s.a; *pa = 7; parr := &s.arr; pe := &s.arr[1]; *pe = 3
        a.ops(&[Zero(t), Addr, SetLocal(0)]);
        a.ops(&[GetLocal(0), FieldAddr(0), SetLocal(1), GetLocal(1), PushInt(7), Store]);
        a.ops(&[GetLocal(0), FieldAddr(1), PushInt(1), IndexAddr, SetLocal(2), GetLocal(2), PushInt(3), Store]);
        a.ops(&[GetLocal(0), Field(0), SetGlobal(0), GetLocal(0), Field(1), PushInt(1), Index, SetGlobal(1)]);
        // Whole-struct assignment *s = T{} keeps interior pointers valid.
        a.ops(&[GetLocal(0), Zero(t), Store, GetLocal(1), PushInt(42), Store, GetLocal(0), Field(0), SetGlobal(2)]);
        // An array: q := &arr[2] through a slice of it.
        a.ops(&[Zero(arr), SetLocal(3), GetLocal(3), SliceExpr(0), PushInt(1), IndexAddr, PushInt(11), Store]);
        a.ops(&[GetLocal(3), PushInt(1), Index, SetGlobal(3), Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 4);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    assert_eq!(&vm.globals[..4], &[Value::Int(7), Value::Int(3), Value::Int(42), Value::Int(11)]);
}

#[test]
fn append_grows_like_go_and_detaches_from_the_old_array() {
    let mut p = P::new();
    let main = p.func("main.main", 0, 3, 0, |a| {
        // var s []int; for i < 5 { s = append(s, i); caps = append(caps, cap(s)) }
        a.ops(&[PushNil, SetLocal(0), PushNil, SetLocal(2), PushInt(0), SetLocal(1)]);
        let (top, end) = (a.label(), a.label());
        a.bind(top).ops(&[GetLocal(1), PushInt(5), LtI]).jump(JumpIfFalse(0), end);
        a.ops(&[GetLocal(0), GetLocal(1), Append { elem: rtype::T_INT, n: 1 }, SetLocal(0)]);
        a.ops(&[GetLocal(2), GetLocal(0), Cap, Append { elem: rtype::T_INT, n: 1 }, SetLocal(2)]);
        a.ops(&[GetLocal(1), PushInt(1), AddI, SetLocal(1)]);
        a.jump(Jump(0), top).bind(end);
        a.ops(&[GetLocal(2), SetGlobal(0)]);
        // t := s[:2:2]; t = append(t, 99) reallocates: s[2] stays 2.
        a.ops(&[GetLocal(0), PushInt(2), PushInt(2), SliceExpr(SLICE_HI | SLICE_MAX), PushInt(99), Append { elem: rtype::T_INT, n: 1 }]);
        a.ops(&[Pop, GetLocal(0), PushInt(2), Index, SetGlobal(1)]);
        // u := s[:2]; u = append(u, 77) writes through: s[2] == 77.
        a.ops(&[GetLocal(0), PushInt(2), SliceExpr(SLICE_HI), PushInt(77), Append { elem: rtype::T_INT, n: 1 }]);
        a.ops(&[Pop, GetLocal(0), PushInt(2), Index, SetGlobal(2), Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 3);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    let Value::Slice { obj, len, .. } = vm.globals[0] else { panic!() };
    let caps: Vec<i64> = vm.heap.slots(obj)[..len as usize].iter().map(|v| v.int()).collect();
    assert_eq!(caps, vec![1, 2, 4, 4, 8]);
    assert_eq!(vm.globals[1], Value::Int(2));
    assert_eq!(vm.globals[2], Value::Int(77));
    // Go's growth with size classes: []int cap 256 -> 512, [3]byte-ish sizes round up.
    assert_eq!(grow_cap(256, 257, 8), 512);
    assert_eq!(grow_cap(0, 5, 1), 8);
    assert_eq!(grow_cap(512, 513, 8), 848);
}

#[test]
fn closures_share_a_captured_cell() {
    let mut p = P::new();
    // inc := func() { x++ }  (x captured by reference)
    let inc = p.func("main.main.func1", 0, 0, 0, |a| {
        a.line(4).ops(&[LoadCapture(0), PushInt(1), AddI, StoreCapture(0), Ret(0)]);
    });
    let main = p.func("main.main", 0, 2, 0, |a| {
        // x := 0 (escapes: a cell); f := closure; f(); f(); x += 10
        a.ops(&[PushInt(0), NewCell, SetLocal(0), GetLocal(0), MakeClosure { func: inc, ncap: 1 }, SetLocal(1)]);
        a.ops(&[GetLocal(1), CallValue(0), GetLocal(1), CallValue(0)]);
        a.ops(&[GetLocal(0), GetLocal(0), Load, PushInt(10), AddI, Store, GetLocal(1), CallValue(0)]);
        a.ops(&[GetLocal(0), Load, SetGlobal(0), Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 1);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    assert_eq!(vm.globals[0], Value::Int(13));
}

#[test]
fn defers_run_in_reverse_order_and_can_change_named_results() {
    let mut p = P::new();
    let (one, two, three) = (p.str("1"), p.str("2"), p.str("3"));
    let say = p.func("main.say", 1, 1, 0, |a| {
        a.ops(&[GetLocal(0), Print(PrintKind::String), Ret(0)]);
    });
    // func f() (r int) { defer func() { r *= 2 }(); return 21 }  -- r escapes to a cell
    let double = p.func("main.f.func1", 0, 0, 0, |a| {
        a.ops(&[LoadCapture(0), PushInt(2), MulI, StoreCapture(0), Ret(0)]);
    });
    let f = p.func("main.f", 0, 1, 1, |a| {
        a.ops(&[PushInt(0), NewCell, SetLocal(0)]);
        a.ops(&[GetLocal(0), MakeClosure { func: double, ncap: 1 }, Defer(0)]);
        a.ops(&[PushInt(21), Ret(1)]);
    });
    p.bc.funcs[f as usize].result_slots = vec![ResultSlot { local: 0, boxed: true }];
    let main = p.func("main.main", 0, 0, 0, |a| {
        a.ops(&[FuncValue(say), one, Defer(1), FuncValue(say), two, Defer(1), FuncValue(say), three, Defer(1)]);
        a.ops(&[Call(f), SetGlobal(0), Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 1);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    assert_eq!(String::from_utf8_lossy(&vm.stderr), "321");
    assert_eq!(vm.globals[0], Value::Int(42));
}

#[test]
fn defer_at_joins_the_frame_that_took_the_token() {
    // A range-over-func body's defer (DeferAt) runs when the function
    // around the loop returns, after the defers it made later and before
    // the earlier ones, as Go's deferrangefunc/deferprocat order them;
    // a token of a frame that is gone panics instead of deferring.
    let mut p = P::new();
    let (a, b, c) = (p.str("A"), p.str("B"), p.str("C"));
    let say = p.func("main.say", 1, 1, 0, |x| {
        x.ops(&[GetLocal(0), Print(PrintKind::String), Ret(0)]);
    });
    let body = p.func("main.main-range1", 1, 1, 0, |x| {
        x.ops(&[FuncValue(say), b, GetLocal(0), DeferAt(1), Ret(0)]);
    });
    let main = p.func("main.main", 0, 1, 0, |x| {
        x.ops(&[FuncValue(say), a, Defer(1), DeferRangeFunc, SetLocal(0)]);
        x.ops(&[GetLocal(0), Call(body), FuncValue(say), c, Defer(1), Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 1);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    assert_eq!(String::from_utf8_lossy(&vm.stderr), "CBA");

    let mut p = P::new();
    let x = p.str("X");
    let say = p.func("main.say", 1, 1, 0, |f| {
        f.ops(&[GetLocal(0), Print(PrintKind::String), Ret(0)]);
    });
    // The token of a frame that returned (a stale `#defers`).
    let token = p.func("main.token", 0, 0, 1, |f| {
        f.ops(&[DeferRangeFunc, Ret(1)]);
    });
    let main = p.func("main.main", 0, 0, 0, |f| {
        f.ops(&[FuncValue(say), x, Call(token), DeferAt(1), Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 1);
    let Stop::Panicked(r) = stop else { panic!("{stop:?}") };
    assert!(r.message.contains("defer after range func returned"), "{}", r.message);
    assert_eq!(String::from_utf8_lossy(&vm.stderr), "");
}

/// `func safe() (r any) { defer func() { r = recover() }(); <body>; return nil }`
/// run from main; the recovered error's text lands in global 0 via Error().
fn recovered_text(build: impl FnOnce(&mut P, &mut Asm)) -> (Vm, Stop) {
    let mut p = P::new();
    let rec = p.func("main.safe.func1", 0, 0, 0, |a| {
        a.ops(&[Recover, StoreCapture(0), Ret(0)]);
    });
    let mut asm = Asm::new();
    asm.ops(&[PushNil, NewCell, SetLocal(0), GetLocal(0), MakeClosure { func: rec, ncap: 1 }, Defer(0)]);
    build(&mut p, &mut asm);
    asm.ops(&[PushNil, Ret(1)]);
    let mut safe = Function::new("main.safe", 0, 4, 1, asm.finish());
    safe.result_slots = vec![ResultSlot { local: 0, boxed: true }];
    let safe = p.bc.add_func(safe);
    let main = p.func("main.main", 0, 1, 0, |a| {
        let done = a.label();
        a.ops(&[Call(safe), Dup, SetLocal(0), PushNil, Eq]).jump(JumpIfTrue(0), done);
        a.ops(&[GetLocal(0), CallIface { method: rtype::M_ERROR, argc: 0 }, SetGlobal(0)]);
        a.bind(done).op(Ret(0));
    });
    run_entry(p, main, 1)
}

fn expect_recovered(build: impl FnOnce(&mut P, &mut Asm), want: &str) {
    let (vm, stop) = recovered_text(build);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    assert_eq!(str_of(&vm, vm.globals[0]), want);
}

#[test]
fn runtime_error_messages_match_go() {
    let slice3 = |a: &mut Asm| {
        a.ops(&[PushInt(3), PushInt(3), MakeSlice(rtype::T_INT)]);
    };
    expect_recovered(
        |_, a| {
            slice3(a);
            a.ops(&[PushInt(5), Index, Pop]);
        },
        "runtime error: index out of range [5] with length 3",
    );
    expect_recovered(
        |_, a| {
            slice3(a);
            a.ops(&[PushInt(-4), Index, Pop]);
        },
        "runtime error: index out of range [-4]",
    );
    expect_recovered(
        |_, a| {
            slice3(a);
            a.ops(&[PushInt(5), SliceExpr(SLICE_HI), Pop]);
        },
        "runtime error: slice bounds out of range [:5] with capacity 3",
    );
    expect_recovered(
        |_, a| {
            slice3(a);
            a.ops(&[PushInt(5), SliceExpr(SLICE_LO), Pop]);
        },
        "runtime error: slice bounds out of range [5:3]",
    );
    expect_recovered(
        |_, a| {
            slice3(a);
            a.ops(&[PushInt(2), PushInt(1), SliceExpr(SLICE_LO | SLICE_HI), Pop]);
        },
        "runtime error: slice bounds out of range [2:1]",
    );
    expect_recovered(
        |_, a| {
            slice3(a);
            a.ops(&[PushInt(2), PushInt(5), SliceExpr(SLICE_HI | SLICE_MAX), Pop]);
        },
        "runtime error: slice bounds out of range [::5] with capacity 3",
    );
    expect_recovered(
        |_, a| {
            slice3(a);
            a.ops(&[PushInt(2), PushInt(1), SliceExpr(SLICE_HI | SLICE_MAX), Pop]);
        },
        "runtime error: slice bounds out of range [:2:1]",
    );
    expect_recovered(
        |_, a| {
            slice3(a);
            a.ops(&[PushInt(2), PushInt(1), PushInt(1), SliceExpr(SLICE_LO | SLICE_HI | SLICE_MAX), Pop]);
        },
        "runtime error: slice bounds out of range [2:1:]",
    );
    expect_recovered(
        |p, a| {
            let s = p.str("abc");
            a.ops(&[s, PushInt(5), SliceExpr(SLICE_HI), Pop]);
        },
        "runtime error: slice bounds out of range [:5] with length 3",
    );
    expect_recovered(
        |p, a| {
            let s = p.str("abc");
            a.ops(&[s, PushInt(-1), SliceExpr(SLICE_LO), Pop]);
        },
        "runtime error: slice bounds out of range [-1:]",
    );
    expect_recovered(
        |_, a| {
            a.ops(&[PushInt(7), PushInt(0), DivI, Pop]);
        },
        "runtime error: integer divide by zero",
    );
    expect_recovered(
        |_, a| {
            a.ops(&[PushNil, PushInt(1), PushInt(2), MapSet]);
        },
        "assignment to entry in nil map",
    );
    expect_recovered(
        |_, a| {
            a.ops(&[PushNil, Field(0), Pop]);
        },
        "runtime error: invalid memory address or nil pointer dereference",
    );
    expect_recovered(
        |_, a| {
            a.ops(&[PushInt(1), PushInt(-1), Shl, Pop]);
        },
        "runtime error: negative shift amount",
    );
    expect_recovered(
        |_, a| {
            a.ops(&[PushInt(-1), PushInt(0), MakeSlice(rtype::T_INT), Pop]);
        },
        "runtime error: makeslice: len out of range",
    );
    expect_recovered(
        |_, a| {
            a.ops(&[PushNil, Panic]);
        },
        "runtime error: panic called with nil argument",
    );
    expect_recovered(
        |p, a| {
            let site = p.bc.add_assert(rtype::T_INT, rtype::T_ANY);
            let s = p.str("s");
            a.ops(&[s, ToIface(rtype::T_STRING), TypeAssert(site), Pop]);
        },
        "interface conversion: interface {} is string, not int",
    );
    expect_recovered(
        |p, a| {
            let site = p.bc.add_assert(rtype::T_INT, rtype::T_ANY);
            a.ops(&[PushNil, TypeAssert(site), Pop]);
        },
        "interface conversion: interface {} is nil, not int",
    );
    expect_recovered(
        |p, a| {
            let m = p.bc.method_id("String");
            let stringer = p.bc.add_type(TypeDesc::new("fmt.Stringer", Kind::Interface(vec![m]), true, 16));
            let site = p.bc.add_assert(stringer, rtype::T_ANY);
            a.ops(&[PushInt(1), ToIface(rtype::T_INT), TypeAssert(site), Pop]);
        },
        "interface conversion: int is not fmt.Stringer: missing method String",
    );
    let slice_ty = |p: &mut P| p.bc.add_type(TypeDesc::new("[]int", Kind::Slice(rtype::T_INT), false, 24));
    expect_recovered(
        |p, a| {
            let st = slice_ty(p);
            let mt = p.bc.add_type(TypeDesc::new("map[interface {}]int", Kind::Map { key: rtype::T_ANY, val: rtype::T_INT }, false, 8));
            a.ops(&[PushInt(0), MakeMap(mt), PushNil, ToIface(st), PushInt(1), MapSet]);
        },
        "runtime error: hash of unhashable type []int",
    );
    expect_recovered(
        |p, a| {
            let st = slice_ty(p);
            a.ops(&[PushNil, ToIface(st), PushNil, ToIface(st), Eq, Pop]);
        },
        "runtime error: comparing uncomparable type []int",
    );
}

#[test]
fn recovered_runtime_errors_have_go_dynamic_types() {
    let (vm, _) = recovered_text(|_, a| {
        a.ops(&[PushInt(1), PushInt(0), DivI, Pop]);
    });
    let _ = vm;
    // The value recover() returned is an interface of runtime.errorString.
    let mut p = P::new();
    let rec = p.func("main.main.func1", 0, 0, 0, |a| {
        a.ops(&[Recover, SetGlobal(0), Ret(0)]);
    });
    let main = p.func("main.main", 0, 0, 0, |a| {
        a.ops(&[FuncValue(rec), Defer(0), PushNil, PushInt(1), PushInt(1), MapSet, Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 1);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    let Value::Iface { tid, .. } = vm.globals[0] else { panic!("{:?}", vm.globals[0]) };
    assert_eq!(vm.program().type_name(tid), "runtime.plainError");
}

#[test]
fn unrecovered_panic_reports_and_traces() {
    let mut p = P::new();
    let boom = p.str("boom");
    let f = p.func("main.f", 0, 0, 0, |a| {
        a.line(5).ops(&[boom, ToIface(rtype::T_STRING)]).line(6).ops(&[Panic, Ret(0)]);
    });
    let main = p.func("main.main", 0, 0, 0, |a| {
        a.line(9).ops(&[Call(f)]).line(10).op(Ret(0));
    });
    p.bc.entry = main;
    let mut vm = p.vm(1);
    let r = vm.run_main();
    assert_eq!(r.exit_code, 2);
    assert_eq!(
        String::from_utf8_lossy(&r.stderr),
        "panic: boom\n\ngoroutine 1 [running]:\nmain.f()\n\t/tmp/sandbox/prog.go:6\nmain.main()\n\t/tmp/sandbox/prog.go:9\n"
    );
}

#[test]
fn nil_dereference_prints_the_signal_line() {
    let mut p = P::new();
    let main = p.func("main.main", 0, 0, 0, |a| {
        a.ops(&[PushNil, Load, Pop, Ret(0)]);
    });
    let (_, stop) = run_entry(p, main, 0);
    assert_eq!(
        panic_message(&stop),
        "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n"
    );
}

/// main defers `body` and panics "first"; returns the final panic text.
fn nested_panic(body: impl FnOnce(&mut P, &mut Asm)) -> String {
    let mut p = P::new();
    let mut asm = Asm::new();
    body(&mut p, &mut asm);
    asm.op(Ret(0));
    let d = p.bc.add_func(Function::new("main.main.func1", 0, 1, 0, asm.finish()));
    let first = p.str("first");
    let main = p.func("main.main", 0, 0, 0, |a| {
        a.ops(&[FuncValue(d), Defer(0), first, ToIface(rtype::T_STRING), Panic, Ret(0)]);
    });
    let (_, stop) = run_entry(p, main, 0);
    panic_message(&stop)
}

#[test]
fn nested_panics_print_as_go_does() {
    // defer func() { panic("second") }()
    let m = nested_panic(|p, a| {
        let s = p.str("second");
        a.ops(&[s, ToIface(rtype::T_STRING), Panic]);
    });
    assert_eq!(m, "panic: first\n\tpanic: second\n");
    // defer func() { recover(); panic("second") }()
    let m = nested_panic(|p, a| {
        let s = p.str("second");
        a.ops(&[Recover, Pop, s, ToIface(rtype::T_STRING), Panic]);
    });
    assert_eq!(m, "panic: first [recovered]\n\tpanic: second\n");
    // defer func() { panic(recover()) }()
    let m = nested_panic(|_, a| {
        a.ops(&[Recover, Panic]);
    });
    assert_eq!(m, "panic: first [recovered, repanicked]\n");
}

#[test]
fn panic_values_print_like_printpanicval() {
    let run = |build: &dyn Fn(&mut P) -> Vec<Op>| {
        let mut p = P::new();
        let ops = build(&mut p);
        let main = p.func("main.main", 0, 0, 0, |a| {
            a.ops(&ops).ops(&[Panic, Ret(0)]);
        });
        panic_message(&run_entry(p, main, 0).1)
    };
    assert_eq!(run(&|_| vec![PushInt(-3), ToIface(rtype::T_INT)]), "panic: -3\n");
    assert_eq!(run(&|p| vec![Const(p.bc.add_const(program::Const::Float(3.5))), ToIface(rtype::T_FLOAT64)]), "panic: 3.5\n");
    assert_eq!(
        run(&|p| {
            let e = p.bc.add_type(TypeDesc::new("main.E", Kind::String, true, 16));
            vec![p.str("x\ny"), ToIface(e)]
        }),
        "panic: main.E(\"x\n\ty\")\n"
    );
    assert_eq!(
        run(&|p| {
            let e = p.bc.add_type(TypeDesc::new("main.N", Kind::Int(IntKind::I64), true, 8));
            vec![PushInt(5), ToIface(e)]
        }),
        "panic: main.N(5)\n"
    );
    // A type with an Error method: the VM runs it before printing.
    assert_eq!(
        run(&|p| {
            let text = p.str("custom failure");
            let err_fn = p.func("main.MyErr.Error", 1, 1, 1, |a| {
                a.ops(&[text, GetLocal(0), Concat, Ret(1)]);
            });
            let mut t = TypeDesc::new("main.MyErr", Kind::String, true, 16);
            t.methods.push(Method { name: rtype::M_ERROR, target: rtype::Callee::Func(err_fn) });
            let e = p.bc.add_type(t);
            vec![p.str("!"), ToIface(e)]
        }),
        "panic: custom failure!\n"
    );
}

#[test]
fn recover_outside_a_panicking_defer_returns_nil() {
    let mut p = P::new();
    // recover() called directly (not deferred) returns nil; so does a
    // recover in a function called by the deferred function.
    let helper = p.func("main.helper", 0, 0, 0, |a| {
        a.ops(&[Recover, SetGlobal(1), Ret(0)]);
    });
    let d = p.func("main.main.func1", 0, 0, 0, |a| {
        a.ops(&[Call(helper), Recover, SetGlobal(2), Ret(0)]);
    });
    let x = p.str("x");
    let main = p.func("main.main", 0, 0, 0, |a| {
        a.ops(&[Recover, SetGlobal(0), FuncValue(d), Defer(0), x, ToIface(rtype::T_STRING), Panic, Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 3);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    assert_eq!(vm.globals[0], Value::Nil);
    assert_eq!(vm.globals[1], Value::Nil);
    assert!(matches!(vm.globals[2], Value::Iface { .. }));
}

#[test]
fn goexit_runs_defers_then_ends_the_goroutine() {
    let mut p = P::new();
    let d = p.func("main.main.func1", 0, 0, 0, |a| {
        a.ops(&[PushInt(1), SetGlobal(0), Ret(0)]);
    });
    let main = p.func("main.main", 0, 0, 0, |a| {
        a.ops(&[FuncValue(d), Defer(0), Goexit, PushInt(2), SetGlobal(0), Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 1);
    assert!(matches!(stop, Stop::Goexit), "{stop:?}");
    assert_eq!(vm.globals[0], Value::Int(1));
}

/// Builds m := map[int]int{0..n}; ranges it, appending keys to global 0.
fn map_order(seed: u64, n: i32) -> Vec<i64> {
    let mut p = P::new();
    let mt = p.bc.add_type(TypeDesc::new("map[int]int", Kind::Map { key: rtype::T_INT, val: rtype::T_INT }, false, 8));
    let main = p.func("main.main", 0, 3, 0, |a| {
        a.ops(&[PushInt(0), MakeMap(mt), SetLocal(0), PushInt(0), SetLocal(1)]);
        let (top, end) = (a.label(), a.label());
        a.bind(top).ops(&[GetLocal(1), PushInt(n), LtI]).jump(JumpIfFalse(0), end);
        a.ops(&[GetLocal(0), GetLocal(1), GetLocal(1), PushInt(10), MulI, MapSet, GetLocal(1), PushInt(1), AddI, SetLocal(1)]);
        a.jump(Jump(0), top).bind(end);
        a.ops(&[PushNil, SetGlobal(0), GetLocal(0), MapIter]);
        let (top, end) = (a.label(), a.label());
        a.bind(top).jump(MapNext(0), end);
        a.ops(&[Pop, SetLocal(2), GetGlobal(0), GetLocal(2), Append { elem: rtype::T_INT, n: 1 }, SetGlobal(0)]);
        a.jump(Jump(0), top).bind(end);
        a.ops(&[Pop, Ret(0)]);
    });
    p.bc.entry = main;
    p.bc.nglobals = 1;
    let mut vm = p.vm(seed);
    let r = vm.run_main();
    assert_eq!(r.exit_code, 0, "{}", String::from_utf8_lossy(&r.stderr));
    let Value::Slice { obj, len, .. } = vm.globals[0] else { panic!() };
    vm.heap.slots(obj)[..len as usize].iter().map(|v| v.int()).collect()
}

#[test]
fn map_iteration_order_depends_on_the_seed_only() {
    let a = map_order(1, 20);
    let mut sorted = a.clone();
    sorted.sort();
    assert_eq!(sorted, (0..20).collect::<Vec<_>>());
    assert_eq!(a, map_order(1, 20), "same seed, same order");
    let others: Vec<Vec<i64>> = (2..6).map(|s| map_order(s, 20)).collect();
    assert!(others.iter().any(|o| *o != a), "different seeds give different orders");
}

#[test]
fn map_get_ok_delete_and_struct_keys() {
    let mut p = P::new();
    let (t, _) = struct_types(&mut p);
    let mt = p.bc.add_type(TypeDesc::new("map[main.T]int", Kind::Map { key: t, val: rtype::T_INT }, false, 8));
    let main = p.func("main.main", 0, 2, 0, |a| {
        // m[T{a:1}] = 5; an equal but distinct key finds it.
        a.ops(&[PushInt(0), MakeMap(mt), SetLocal(0), Zero(t), Dup, PushInt(1), SetField(0), SetLocal(1)]);
        a.ops(&[GetLocal(0), GetLocal(1), PushInt(5), MapSet]);
        a.ops(&[GetLocal(0), Zero(t), Dup, PushInt(1), SetField(0), MapGetOk(rtype::T_INT), SetGlobal(1), SetGlobal(0)]);
        // Mutating the original key variable does not change the stored key.
        a.ops(&[GetLocal(1), PushInt(2), SetField(0), GetLocal(0), GetLocal(1), MapGetOk(rtype::T_INT), SetGlobal(3), SetGlobal(2)]);
        a.ops(&[GetLocal(0), Zero(t), Dup, PushInt(1), SetField(0), MapDelete, GetLocal(0), Len, SetGlobal(4), Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 5);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    assert_eq!(&vm.globals[..5], &[Value::Int(5), Value::Bool(true), Value::Int(0), Value::Bool(false), Value::Int(0)]);
}

#[test]
fn integer_ops_wrap_per_size() {
    let mut p = P::new();
    let min = p.bc.add_const(program::Const::Int(i64::MIN));
    let main = p.func("main.main", 0, 0, 0, |a| {
        a.ops(&[PushInt(127), PushInt(1), AddI, Trunc(IntKind::I8), SetGlobal(0)]);
        a.ops(&[PushInt(0), PushInt(1), SubI, Trunc(IntKind::U8), SetGlobal(1)]);
        a.ops(&[Const(min), PushInt(-1), DivI, SetGlobal(2)]);
        a.ops(&[Const(min), PushInt(-1), RemI, SetGlobal(3)]);
        a.ops(&[PushInt(-1), PushInt(2), DivU, SetGlobal(4)]);
        a.ops(&[PushInt(-8), PushInt(1), ShrI, SetGlobal(5)]);
        a.ops(&[PushInt(-8), PushInt(60), ShrU, SetGlobal(6)]);
        a.ops(&[PushInt(1), PushInt(70), Shl, SetGlobal(7)]);
        a.ops(&[PushInt(-1), PushInt(1), LtU, SetGlobal(8)]);
        a.ops(&[PushInt(1 << 20), PushInt(1 << 20), MulI, Trunc(IntKind::I32), SetGlobal(9), Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 10);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    let want = [-128, 255, i64::MIN, 0, (u64::MAX / 2) as i64, -4, 15, 0];
    for (i, w) in want.iter().enumerate() {
        assert_eq!(vm.globals[i], Value::Int(*w), "global {i}");
    }
    assert_eq!(vm.globals[8], Value::Bool(false));
    assert_eq!(vm.globals[9], Value::Int(0));
}

#[test]
fn float32_rounds_after_each_op_and_conversions() {
    let mut p = P::new();
    let tenth = p.bc.add_const(program::Const::Float(0.1));
    let big = p.bc.add_const(program::Const::Float(1e30));
    let main = p.func("main.main", 0, 0, 0, |a| {
        a.ops(&[Const(tenth), RoundF32, Const(tenth), RoundF32, AddF, RoundF32, SetGlobal(0)]);
        a.ops(&[Const(big), FloatToInt(IntKind::I64), SetGlobal(1)]);
        a.ops(&[PushInt(-1), UintToFloat, SetGlobal(2)]);
        a.ops(&[PushInt(300), RuneToStr, SetGlobal(3), Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 4);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    assert_eq!(vm.globals[0], Value::Float((0.1f32 + 0.1f32) as f64));
    assert_eq!(vm.globals[1], Value::Int(i64::MIN));
    assert_eq!(vm.globals[2], Value::Float(18446744073709551615.0));
    assert_eq!(str_of(&vm, vm.globals[3]), "Ĭ");
}

#[test]
fn interface_method_dispatch() {
    let mut p = P::new();
    let area = p.bc.method_id("Area");
    let shape = p.bc.add_type(TypeDesc::new("main.Shape", Kind::Interface(vec![area]), true, 16));
    let (sq_ty, rect_ty) = (p.bc.types.len() as u32, p.bc.types.len() as u32 + 1);
    let sq_area = p.func("main.Square.Area", 1, 1, 1, |a| {
        a.ops(&[GetLocal(0), Field(0), GetLocal(0), Field(0), MulI, Ret(1)]);
    });
    let rect_area = p.func("main.(*Rect).Area", 1, 1, 1, |a| {
        a.ops(&[GetLocal(0), Field(0), GetLocal(0), Field(1), MulI, Ret(1)]);
    });
    let mut sq = TypeDesc::new("main.Square", Kind::Struct(vec![rtype::T_INT]), true, 8);
    sq.methods.push(Method { name: area, target: rtype::Callee::Func(sq_area) });
    let mut rect_ptr = TypeDesc::new("*main.Rect", Kind::Ptr(rect_ty + 1), true, 8);
    rect_ptr.methods.push(Method { name: area, target: rtype::Callee::Func(rect_area) });
    assert_eq!(p.bc.add_type(sq), sq_ty);
    assert_eq!(p.bc.add_type(rect_ptr), rect_ty);
    let rect = p.bc.add_type(TypeDesc::new("main.Rect", Kind::Struct(vec![rtype::T_INT, rtype::T_INT]), true, 16));
    let site = p.bc.add_assert(rect_ty, shape);
    let main = p.func("main.main", 0, 2, 0, |a| {
        // shapes := []Shape{Square{3}, &Rect{2, 5}}; total := sum of Area()
        a.ops(&[PushNil, Zero(sq_ty), Dup, PushInt(3), SetField(0), ToIface(sq_ty)]);
        a.ops(&[Zero(rect), Dup, PushInt(2), SetField(0), Dup, PushInt(5), SetField(1), ToIface(rect_ty)]);
        a.ops(&[Append { elem: shape, n: 2 }, SetLocal(0)]);
        a.ops(&[GetLocal(0), PushInt(0), Index, CallIface { method: area, argc: 0 }]);
        a.ops(&[GetLocal(0), PushInt(1), Index, CallIface { method: area, argc: 0 }, AddI, SetGlobal(0)]);
        a.ops(&[GetLocal(0), PushInt(1), Index, TypeAssertOk(site), SetGlobal(1), Field(1), SetGlobal(2), Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 3);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    assert_eq!(vm.globals[0], Value::Int(19));
    assert_eq!(vm.globals[1], Value::Bool(true));
    assert_eq!(vm.globals[2], Value::Int(5));
}

#[test]
fn instruction_budget_stops_an_infinite_loop() {
    let mut p = P::new();
    let main = p.func("main.main", 0, 0, 0, |a| {
        let top = a.label();
        a.bind(top).line(7).jump(Jump(0), top);
    });
    p.bc.entry = main;
    let mut vm = Vm::new(Rc::new(p.bc), VmConfig { instr_limit: 100_000, ..VmConfig::default() }).unwrap();
    let r = vm.run_main();
    assert_eq!(r.exit_code, 2);
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(err.starts_with("fatal error: instruction budget exceeded"), "{err}");
    assert!(err.contains("main.main()\n\t/tmp/sandbox/prog.go:7"), "{err}");
    assert_eq!(vm.instructions, 100_000);
}

#[test]
fn deep_recursion_does_not_touch_the_host_stack() {
    let mut p = P::new();
    // func down(n int) int { if n == 0 { return 0 }; return down(n-1) + 1 }
    let down = p.declare("main.down");
    p.define(down, 1, 1, 1, |a| {
        let rec = a.label();
        a.ops(&[GetLocal(0), PushInt(0), EqI]).jump(JumpIfFalse(0), rec).ops(&[PushInt(0), Ret(1)]);
        a.bind(rec).ops(&[GetLocal(0), PushInt(1), SubI, Call(down), PushInt(1), AddI, Ret(1)]);
    });
    let main = p.func("main.main", 0, 0, 0, |a| {
        a.ops(&[PushInt(100_000), Call(down), SetGlobal(0), Ret(0)]);
    });
    let mut p2 = p;
    p2.bc.entry = main;
    p2.bc.nglobals = 1;
    let mut vm = p2.vm(1);
    let g = vm.spawn(Value::Func(main), &[]).unwrap();
    let mut max_copies = 0;
    loop {
        match vm.execute(g, 10_000) {
            Stop::Budget => max_copies = max_copies.max(vm.gs[g].stack_copies),
            Stop::Returned => break,
            s => panic!("{s:?}"),
        }
    }
    assert_eq!(vm.globals[0], Value::Int(100_000));
    // 100001 frames of 56 simulated bytes: the 2 KB stack doubled ~12 times.
    assert!(max_copies >= 10, "{max_copies}");
}

#[test]
fn infinite_recursion_is_a_stack_overflow() {
    let mut p = P::new();
    let f = p.declare("main.f");
    p.define(f, 0, 0, 0, |a| {
        a.line(3).ops(&[Call(f), Ret(0)]);
    });
    p.bc.entry = f;
    let mut vm = Vm::new(Rc::new(p.bc), VmConfig { max_host_stack: 8 << 20, ..VmConfig::default() }).unwrap();
    let r = vm.run_main();
    assert_eq!(r.exit_code, 2);
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(err.starts_with("runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n"), "{err}");
}

#[test]
fn garbage_is_collected_during_a_run() {
    let mut p = P::new();
    // for i := 0; i < 200000; i++ { _ = make([]int, 10) }; keep := make([]int, 3)
    let main = p.func("main.main", 0, 1, 0, |a| {
        a.ops(&[PushInt(3), PushInt(3), MakeSlice(rtype::T_INT), SetGlobal(0), PushInt(0), SetLocal(0)]);
        let (top, end) = (a.label(), a.label());
        a.bind(top).ops(&[GetLocal(0), PushInt(200_000), LtI]).jump(JumpIfFalse(0), end);
        a.ops(&[PushInt(10), PushInt(10), MakeSlice(rtype::T_INT), Pop, GetLocal(0), PushInt(1), AddI, SetLocal(0)]);
        a.jump(Jump(0), top).bind(end).op(Ret(0));
    });
    let (mut vm, stop) = run_entry(p, main, 1);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    assert!(vm.heap.collections > 0);
    assert!(vm.heap.live_objects() < 50_000, "{}", vm.heap.live_objects());
    vm.collect();
    assert_eq!(vm.heap.live_objects(), 2, "the empty string and the kept slice");
    assert_eq!(vm.heap.slots(vm.globals[0].handle().unwrap()).len(), 3);
}

#[test]
fn heap_budget_ends_the_run_with_a_clear_message() {
    let mut p = P::new();
    // var keep [][]int; for { keep = append(keep, make([]int, 1000)) }
    let st = p.bc.add_type(TypeDesc::new("[]int", Kind::Slice(rtype::T_INT), false, 24));
    let main = p.func("main.main", 0, 1, 0, |a| {
        a.ops(&[PushNil, SetLocal(0)]);
        let top = a.label();
        a.bind(top).ops(&[GetLocal(0), PushInt(1000), PushInt(1000), MakeSlice(rtype::T_INT), Append { elem: st, n: 1 }, SetLocal(0)]);
        a.jump(Jump(0), top);
    });
    p.bc.entry = main;
    let mut vm = Vm::new(Rc::new(p.bc), VmConfig { heap_budget: 16 << 20, ..VmConfig::default() }).unwrap();
    let r = vm.run_main();
    assert_eq!(r.exit_code, 2);
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(err.starts_with("fatal error: runtime: out of memory\n"), "{err}");
    assert!(vm.heap.host_bytes() <= 16 << 20);
}

#[test]
fn reachable_bytes_per_goroutine() {
    let mut p = P::new();
    let main = p.func("main.main", 0, 1, 0, |a| {
        // body := make([]byte, 1<<16); then wait (a syscall) holding it.
        a.ops(&[Const(0), PushInt(1 << 16), MakeSlice(rtype::T_UINT8), SetLocal(0), Sys { id: 7, argc: 0 }, Ret(0)]);
    });
    p.bc.consts.push(program::Const::Int(1 << 16));
    let mut vm = p.vm(1);
    let g = vm.spawn(Value::Func(main), &[]).unwrap();
    let Stop::Syscall(Syscall::Sys { id: 7, .. }) = vm.execute(g, 100) else { panic!() };
    let r = vm.reachable_from(g);
    assert_eq!(r.go_bytes, 1 << 16);
    assert_eq!(r.objects, 1);
    // The syscall is served; the goroutine resumes and returns.
    assert!(matches!(vm.execute(g, 100), Stop::Returned));
    vm.collect();
    assert_eq!(vm.reachable_from(g).objects, 0);
}

#[test]
fn go_statement_is_a_request_to_the_scheduler() {
    let mut p = P::new();
    let worker = p.func("main.worker", 1, 1, 0, |a| {
        a.ops(&[GetLocal(0), SetGlobal(0), Ret(0)]);
    });
    let main = p.func("main.main", 0, 0, 0, |a| {
        a.ops(&[FuncValue(worker), PushInt(42), Go(1), Ret(0)]);
    });
    p.bc.nglobals = 1;
    let mut vm = p.vm(1);
    let g = vm.spawn(Value::Func(main), &[]).unwrap();
    let Stop::Syscall(Syscall::Go { func, args }) = vm.execute(g, 100) else { panic!() };
    let w = vm.spawn(func, &args).unwrap();
    assert!(matches!(vm.execute(g, 100), Stop::Returned));
    assert!(matches!(vm.execute(w, 100), Stop::Returned));
    assert_eq!(vm.globals[0], Value::Int(42));
}

#[test]
fn strings_bytes_and_runes() {
    let mut p = P::new();
    let s = p.str("héllo\u{80}");
    let bad = p.bc.add_const(program::Const::Str(vec![b'a', 0xff, b'b']));
    let main = p.func("main.main", 0, 0, 0, |a| {
        a.ops(&[s, StrToRunes, Len, SetGlobal(0)]);
        a.ops(&[s, StrToBytes, Len, SetGlobal(1)]);
        a.ops(&[s, StrToRunes, RunesToStr, s, EqS, SetGlobal(2)]);
        a.ops(&[Const(bad), PushInt(1), DecodeRune, SetGlobal(4), SetGlobal(3)]);
        a.ops(&[s, StrToBytes, PushInt(2), SliceExpr(SLICE_LO), BytesToStr, SetGlobal(5), Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 6);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    assert_eq!(vm.globals[0], Value::Int(6));
    assert_eq!(vm.globals[1], Value::Int(8));
    assert_eq!(vm.globals[2], Value::Bool(true));
    assert_eq!(vm.globals[3], Value::Int(0xFFFD));
    assert_eq!(vm.globals[4], Value::Int(1));
    assert_eq!(vm.heap.str_bytes(vm.globals[5]), "\u{a9}llo\u{80}".as_bytes().get(..).map(|_| &"héllo\u{80}".as_bytes()[2..]).unwrap());
}

#[test]
fn print_builtin_formats() {
    let mut p = P::new();
    let f = p.bc.add_const(program::Const::Float(1.5));
    // float32(0.1) widened: each size prints its own shortest text.
    let tenth = p.bc.add_const(program::Const::Float(0.1f32 as f64));
    let s = p.str("hi");
    let main = p.func("main.main", 0, 0, 0, |a| {
        a.ops(&[PushInt(-3), Print(PrintKind::Int), Print(PrintKind::Space), Const(f), Print(PrintKind::Float64), Print(PrintKind::Space)]);
        a.ops(&[Const(tenth), Print(PrintKind::Float32), Print(PrintKind::Space), Const(tenth), Print(PrintKind::Float64), Print(PrintKind::Space)]);
        a.ops(&[PushBool(true), Print(PrintKind::Bool), Print(PrintKind::Space), s, Print(PrintKind::String), Print(PrintKind::Space)]);
        a.ops(&[PushNil, Print(PrintKind::Pointer), Print(PrintKind::Newline), Ret(0)]);
    });
    let (vm, _) = run_entry(p, main, 0);
    assert_eq!(String::from_utf8_lossy(&vm.stderr), "-3 1.5 0.1 0.10000000149011612 true hi 0x0\n");
}

#[test]
fn malformed_bytecode_is_an_internal_error_not_a_crash() {
    let mut p = P::new();
    let main = p.func("main.main", 0, 0, 0, |a| {
        a.ops(&[Pop, Pop, Call(99), Ret(0)]);
    });
    let (_, stop) = run_entry(p, main, 0);
    assert!(matches!(stop, Stop::Fatal(Fatal { kind: FatalKind::Internal, .. })), "{stop:?}");
    let mut p = P::new();
    let main = p.func("main.main", 0, 0, 0, |a| {
        a.ops(&[PushInt(1)]);
    });
    let (_, stop) = run_entry(p, main, 0);
    assert!(matches!(stop, Stop::Fatal(Fatal { kind: FatalKind::Internal, .. })), "{stop:?}");
}

#[test]
fn fused_loop_ops_match_their_unfused_forms() {
    use crate::chunk::IntCmp;
    // For each comparison and a few operand pairs, `JumpUnlessI` must take
    // the branch exactly when `cmp` + `JumpIfFalse` would.
    let cmps = [
        (IntCmp::Eq, EqI),
        (IntCmp::Ne, NeI),
        (IntCmp::Lt, LtI),
        (IntCmp::Le, LeI),
        (IntCmp::Gt, GtI),
        (IntCmp::Ge, GeI),
        (IntCmp::LtU, LtU),
        (IntCmp::LeU, LeU),
        (IntCmp::GtU, GtU),
        (IntCmp::GeU, GeU),
    ];
    let pairs = [(1, 2), (2, 1), (3, 3), (-1, 1), (1, -1)];
    for (cmp, op) in cmps {
        for (x, y) in pairs {
            let mut p = P::new();
            let main = p.func("main.main", 0, 0, 0, |a| {
                let (l1, e1, l2, e2) = (a.label(), a.label(), a.label(), a.label());
                a.ops(&[PushInt(x), PushInt(y)]).jump(JumpUnlessI { cmp, target: 0 }, l1);
                a.ops(&[PushInt(1), SetGlobal(0)]).jump(Jump(0), e1).bind(l1).ops(&[PushInt(2), SetGlobal(0)]).bind(e1);
                a.ops(&[PushInt(x), PushInt(y), op]).jump(JumpIfFalse(0), l2);
                a.ops(&[PushInt(1), SetGlobal(1)]).jump(Jump(0), e2).bind(l2).ops(&[PushInt(2), SetGlobal(1)]).bind(e2);
                a.op(Ret(0));
            });
            let (vm, stop) = run_entry(p, main, 2);
            assert!(matches!(stop, Stop::Returned), "{stop:?}");
            assert_eq!(vm.globals[0], vm.globals[1], "{cmp:?} {x} {y}");
            assert_eq!(vm.globals[0], Value::Int(if cmp.holds(x as i64, y as i64) { 1 } else { 2 }));
        }
    }
    // sum := 0; for i := 0; i < 100; i += 3 { sum += i + 1000 }, fused.
    let mut p = P::new();
    let max = p.bc.add_const(program::Const::Int(i64::MAX));
    let main = p.func("main.main", 0, 2, 0, |a| {
        let (top, end) = (a.label(), a.label());
        a.ops(&[PushInt(0), SetLocal(0), PushInt(0), SetLocal(1)]);
        a.bind(top).ops(&[GetLocal(1), PushInt(100)]).jump(JumpUnlessI { cmp: IntCmp::Lt, target: 0 }, end);
        a.ops(&[GetLocal(0), GetLocal(1), AddIConst(1000), AddI, SetLocal(0), IncLocal { local: 1, by: 3 }]);
        a.jump(Jump(0), top).bind(end);
        a.ops(&[GetLocal(0), SetGlobal(0), Const(max), AddIConst(1), SetGlobal(1), Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 2);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    assert_eq!(vm.globals[0], Value::Int((0..100).step_by(3).map(|i| i + 1000).sum()));
    assert_eq!(vm.globals[1], Value::Int(i64::MIN));

    // The same loop inverted (condition at the bottom) with AddLocal:
    // sum := 0; step := 3; i := 0; for { sum += i; i += step; if !(i < 100) { break } }
    let mut p = P::new();
    let main = p.func("main.main", 0, 3, 0, |a| {
        let top = a.label();
        a.ops(&[PushInt(0), SetLocal(0), PushInt(3), SetLocal(1), PushInt(0), SetLocal(2)]);
        a.bind(top).ops(&[AddLocal { dst: 0, src: 2 }, AddLocal { dst: 2, src: 1 }, GetLocal(2), PushInt(100)]);
        a.jump(JumpUnlessI { cmp: IntCmp::Ge, target: 0 }, top);
        a.ops(&[GetLocal(0), GetLocal(2), SetGlobal(1), SetGlobal(0), Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 2);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    assert_eq!(vm.globals[0], Value::Int((0..100).step_by(3).sum()));
    assert_eq!(vm.globals[1], Value::Int(102));
}

#[test]
fn interface_calls_share_the_box_and_a_mutating_method_clones() {
    // type C struct{ n int }
    // func (c C) Get() int { return c.n }
    // func (c C) Bump() int { c.n++; return c.n }   // mutates its copy
    // var i interface{ Bump() int; Get() int } = C{5}
    // a := i.Bump(); b := i.Bump(); c := i.Get()  // 6, 6, 5
    let mut p = P::new();
    let (bump, get) = (p.bc.method_id("Bump"), p.bc.method_id("Get"));
    let mut ms = vec![bump, get];
    ms.sort();
    let iface = p.bc.add_type(TypeDesc::new("main.I", Kind::Interface(ms), true, 16));
    let _ = iface;
    let get_f = p.func("main.C.Get", 1, 1, 1, |a| {
        a.ops(&[GetLocal(0), Field(0), Ret(1)]);
    });
    let bump_f = p.func("main.C.Bump", 1, 1, 1, |a| {
        a.ops(&[GetLocal(0), Clone, SetLocal(0)]);
        a.ops(&[GetLocal(0), GetLocal(0), Field(0), AddIConst(1), SetField(0), GetLocal(0), Field(0), Ret(1)]);
    });
    let mut c = TypeDesc::new("main.C", Kind::Struct(vec![rtype::T_INT]), true, 8);
    c.methods.push(Method { name: bump, target: rtype::Callee::Func(bump_f) });
    c.methods.push(Method { name: get, target: rtype::Callee::Func(get_f) });
    c.methods.sort_by_key(|m| m.name);
    let c = p.bc.add_type(c);
    let main = p.func("main.main", 0, 1, 0, |a| {
        a.ops(&[Zero(c), Dup, PushInt(5), SetField(0), ToIface(c), SetLocal(0)]);
        a.ops(&[GetLocal(0), CallIface { method: bump, argc: 0 }, SetGlobal(0)]);
        a.ops(&[GetLocal(0), CallIface { method: bump, argc: 0 }, SetGlobal(1)]);
        a.ops(&[GetLocal(0), CallIface { method: get, argc: 0 }, SetGlobal(2), Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 3);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    assert_eq!(vm.globals[..3], [Value::Int(6), Value::Int(6), Value::Int(5)]);
}

#[test]
fn append_one_fills_capacity_in_place_then_grows() {
    // s := make([]int, 0, 2); t := append(s, 1); u := append(t, 2); w := append(u, 3)
    // u shares s's array (s[:2] sees 1 2); w has a new one with cap 4.
    let mut p = P::new();
    let main = p.func("main.main", 0, 4, 0, |a| {
        a.ops(&[PushInt(0), PushInt(2), MakeSlice(rtype::T_INT), SetLocal(0)]);
        a.ops(&[GetLocal(0), PushInt(1), Append { elem: rtype::T_INT, n: 1 }, SetLocal(1)]);
        a.ops(&[GetLocal(1), PushInt(2), Append { elem: rtype::T_INT, n: 1 }, SetLocal(2)]);
        a.ops(&[GetLocal(2), PushInt(3), Append { elem: rtype::T_INT, n: 1 }, SetLocal(3)]);
        a.ops(&[GetLocal(3), PushInt(0), PushInt(99), SetIndex]);
        a.ops(&[GetLocal(0), PushInt(2), SliceExpr(SLICE_HI), PushInt(1), Index, SetGlobal(0)]);
        a.ops(&[GetLocal(2), PushInt(0), Index, SetGlobal(1)]);
        a.ops(&[GetLocal(3), Cap, SetGlobal(2), GetLocal(3), Len, SetGlobal(3)]);
        a.ops(&[PushNil, PushInt(7), Append { elem: rtype::T_INT, n: 1 }, Cap, SetGlobal(4), Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 5);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    assert_eq!(vm.globals[..5], [Value::Int(2), Value::Int(1), Value::Int(4), Value::Int(3), Value::Int(1)]);
}

#[test]
fn byte_slices_are_compact_and_behave_like_slices() {
    // b := []byte("hey"); b = append(b, '!', '?'); b[0] = 'H'; p := &b[1]; *p = 'E'
    // t := make([]int8, 2); t[0] = -1 (a wrap of 255); f := make([]bool, 3); f[2] = true
    // n := copy(b[3:], "??!"); s := string(b); clear(f[2:])
    let mut p = P::new();
    let hey = p.str("hey");
    let q = p.str("??!");
    let main = p.func("main.main", 0, 3, 0, |a| {
        a.ops(&[hey, StrToBytes, PushInt(33), PushInt(63), Append { elem: rtype::T_UINT8, n: 2 }, SetLocal(0)]);
        a.ops(&[GetLocal(0), PushInt(0), PushInt(72), SetIndex]);
        a.ops(&[GetLocal(0), PushInt(1), IndexAddr, PushInt(69), Store]);
        a.ops(&[PushInt(2), PushInt(2), MakeSlice(rtype::T_INT8), SetLocal(1)]);
        a.ops(&[GetLocal(1), PushInt(0), PushInt(255), SetIndex, GetLocal(1), PushInt(0), Index, SetGlobal(0)]);
        a.ops(&[PushInt(3), PushInt(3), MakeSlice(rtype::T_BOOL), SetLocal(2)]);
        a.ops(&[GetLocal(2), PushInt(2), PushBool(true), SetIndex, GetLocal(2), PushInt(2), Index, SetGlobal(1)]);
        a.ops(&[GetLocal(0), PushInt(3), SliceExpr(SLICE_LO), q, Copy, SetGlobal(2)]);
        a.ops(&[GetLocal(0), BytesToStr, SetGlobal(3)]);
        a.ops(&[GetLocal(2), PushInt(2), SliceExpr(SLICE_LO), Clear, GetLocal(2), PushInt(2), Index, SetGlobal(4)]);
        a.ops(&[GetLocal(0), Cap, SetGlobal(5)]);
        // A 1 MB buffer costs about 1 MB of host memory, not 24 MB.
        a.ops(&[PushInt(1 << 20), PushInt(1 << 20), MakeSlice(rtype::T_UINT8), SetGlobal(6), Ret(0)]);
    });
    let (vm, stop) = run_entry(p, main, 7);
    assert!(matches!(stop, Stop::Returned), "{stop:?}");
    assert_eq!(vm.globals[0], Value::Int(-1));
    assert_eq!(vm.globals[1], Value::Bool(true));
    assert_eq!(vm.globals[2], Value::Int(2));
    assert_eq!(str_of(&vm, vm.globals[3]), "HEy??");
    assert_eq!(vm.globals[4], Value::Bool(false));
    // Go: cap(append([]byte("hey"), '!', '?')) is 8 (growslice rounds to
    // the 8-byte size class).
    assert_eq!(vm.globals[5], Value::Int(8));
    assert!(vm.heap.host_bytes() < 2 << 20, "{}", vm.heap.host_bytes());
}

/// Random instruction sequences (a compiler bug's worst case) must end in
/// a `Stop`, never a Rust panic or a hang: every op, random operands in
/// small ranges, random stack contents.
#[test]
fn random_bytecode_never_crashes_the_vm() {
    let mut seed = 0x1234_5678_9abc_def0u64;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n.max(1)
    };
    for round in 0..3000 {
        let mut p = P::new();
        let s = p.str("héllo");
        let mt = p.bc.add_type(TypeDesc::new("map[int]int", Kind::Map { key: rtype::T_INT, val: rtype::T_INT }, false, 8));
        let st = p.bc.add_type(TypeDesc::new("main.S", Kind::Struct(vec![rtype::T_INT, rtype::T_STRING]), true, 24));
        let at = p.bc.add_type(TypeDesc::new("[2]main.S", Kind::Array { len: 2, elem: st }, true, 48));
        let site = p.bc.add_assert(rtype::T_INT, rtype::T_ANY);
        let ntypes = p.bc.types.len() as u64;
        let helper = p.func("main.h", 1, 2, 1, |a| {
            a.ops(&[GetLocal(0), Ret(1)]);
        });
        let len = 1 + next(40) as usize;
        let mut ops = Vec::new();
        for _ in 0..len {
            let small = next(4) as u16;
            let t = next(ntypes + 2) as u32;
            let target = next(len as u64 + 2) as u32;
            let op = match next(41) {
                0 => PushInt(next(7) as i32 - 3),
                1 => s,
                2 => PushNil,
                3 => Zero([st, at, mt, t][next(4) as usize]),
                4 => GetLocal(small),
                5 => SetLocal(small),
                6 => [Dup, Dup2, Swap, Pop, PopN(small)][next(5) as usize],
                7 => [NewCell, Load, Store, Clone, Addr][next(5) as usize],
                8 => [Field(small), SetField(small), FieldAddr(small)][next(3) as usize],
                9 => [Index, SetIndex, IndexAddr, Len, Cap][next(5) as usize],
                10 => SliceExpr(next(8) as u8),
                11 => MakeSlice(t),
                12 => Append { elem: t, n: small },
                13 => [AppendSlice(t), Copy][next(2) as usize],
                14 => [MakeMap(mt), MapGet(t), MapGetOk(t), MapSet, MapDelete][next(5) as usize],
                15 => [MapIter, MapNext(target), Clear][next(3) as usize],
                16 => [AddI, SubI, MulI, DivI, DivU, RemI, RemU, NegI][next(8) as usize],
                17 => [And, Or, Xor, AndNot, Not, Shl, ShrI, ShrU][next(8) as usize],
                18 => Trunc([IntKind::I8, IntKind::U16, IntKind::I32, IntKind::U64][next(4) as usize]),
                19 => [EqI, LtI, GeU, AddF, DivF, RoundF32, EqF, NegF][next(8) as usize],
                20 => [Concat, EqS, LtS, DecodeRune, Eq, Ne, LNot][next(7) as usize],
                21 => [IntToFloat, UintToFloat, FloatToInt(IntKind::U8), RuneToStr][next(4) as usize],
                22 => [BytesToStr, StrToBytes, RunesToStr, StrToRunes][next(4) as usize],
                23 => [Jump(target), JumpIfFalse(target), JumpIfTrue(target)][next(3) as usize],
                24 => JumpUnlessI { cmp: crate::chunk::IntCmp::Lt, target },
                25 => [Call(helper), Call(next(5) as u32), CallValue(small)][next(3) as usize],
                26 => CallIface { method: next(3) as u32, argc: small },
                27 => CallNative { id: next(3) as u32, argc: small },
                28 => Ret(small),
                29 => [FuncValue(helper), MakeClosure { func: helper, ncap: small }, GetCapture(small)][next(3) as usize],
                30 => [Defer(small), Panic, Recover][next(3) as usize],
                31 => ToIface(t),
                32 => [TypeAssert(site), TypeAssertOk(site), TypeAssert(9)][next(3) as usize],
                33 => [Go(small), Sys { id: 1, argc: small }][next(2) as usize],
                34 => Print([PrintKind::Int, PrintKind::String, PrintKind::Pointer, PrintKind::Iface, PrintKind::Float32][next(5) as usize]),
                35 => [AddIConst(3), IncLocal { local: small, by: 1 }, AddLocal { dst: small, src: 1 }][next(3) as usize],
                36 => [LoadCapture(small), StoreCapture(small)][next(2) as usize],
                37 => Goexit,
                38 => Const(next(3) as u32),
                39 => Print([PrintKind::Complex64, PrintKind::Complex128][next(2) as usize]),
                _ => GetGlobal(next(3) as u32),
            };
            ops.push(op);
        }
        let main = p.func("main.main", 0, 2, 0, |a| {
            a.ops(&ops);
        });
        p.bc.entry = main;
        p.bc.nglobals = 2;
        let mut vm = Vm::new(Rc::new(p.bc), VmConfig { seed: round, instr_limit: 20_000, heap_budget: 8 << 20, ..VmConfig::default() }).unwrap();
        let g = vm.spawn(Value::Func(main), &[]).unwrap();
        let mut stops = 0;
        while let Stop::Budget | Stop::Syscall(_) = vm.execute(g, 1000) {
            stops += 1;
            assert!(stops < 25_000, "round {round}: no end in sight");
        }
    }
}
