//! The natives behind Go's sorts, each a `Data` over the VM: `sort.Slice`
//! (the learner's `less(i, j)` plus `reflect.Swapper`), `sort.Sort` (the
//! `Len`/`Less`/`Swap` methods), `slices.SortFunc` (`cmp(x[i], x[j]) < 0`)
//! and `slices.Sort` (`cmp.Less`, natively). Swaps happen in place at
//! once, since `less` and `Less` look at the live slice.

use super::{Data, sort, stable};
use crate::stdlib::{args, call_go, oom, pinned_args};
use crate::heap::{Heap, Obj};
use crate::value::{Handle, Value};
use crate::vm::{GState, Throw, Vm};
use std::convert::Infallible;

/// A slice's elements, indexed like Go's `x[i]`; indices outside the
/// slice (only an inconsistent `less` could produce them) read `Nil` and
/// swap nothing rather than panic the host.
#[derive(Clone, Copy)]
struct Elems {
    obj: Handle,
    off: usize,
    n: isize,
}

impl Elems {
    fn of(v: Value) -> Option<Elems> {
        match v {
            Value::Slice { obj, off, len, .. } => Some(Elems { obj, off: off as usize, n: len as isize }),
            _ => None,
        }
    }

    fn at(&self, i: isize) -> Option<usize> {
        (0..self.n).contains(&i).then(|| self.off + i as usize)
    }

    fn get(&self, vm: &Vm, i: isize) -> Value {
        self.at(i).map_or(Value::Nil, |k| vm.heap.elem(self.obj, k))
    }

    /// `x[i], x[j] = x[j], x[i]`: scalars trade places; structs and arrays
    /// trade contents, so pointers into the slice see the new values. Not
    /// again while the sort replays the calls it made before a `less` that
    /// blocked (`vm/reenter.rs`): those swaps are done.
    fn swap(&self, vm: &mut Vm, i: isize, j: isize) -> Result<(), Throw> {
        if crate::stdlib::replaying(vm) {
            return Ok(());
        }
        let (Some(p), Some(q)) = (self.at(i), self.at(j)) else { return Ok(()) };
        let (a, b) = (vm.heap.elem(self.obj, p), vm.heap.elem(self.obj, q));
        if let (Value::Agg(x), Value::Agg(y)) = (a, b) {
            swap_contents(&mut vm.heap, x, y);
            return Ok(());
        }
        vm.heap.store_slot(self.obj, p, b).map_err(oom)?;
        vm.heap.store_slot(self.obj, q, a).map_err(oom)
    }
}

/// Exchanges the contents of two aggregates of one type, nested ones
/// included, without allocating (a swap is no allocation in Go either).
fn swap_contents(heap: &mut Heap, x: Handle, y: Handle) {
    let mut work = vec![(x, y)];
    while let Some((x, y)) = work.pop() {
        if x == y {
            continue;
        }
        if matches!(heap.get(x), Obj::ByteArr(..)) && matches!(heap.get(y), Obj::ByteArr(..)) {
            let take = |heap: &mut Heap, h| match heap.get_mut(h) {
                Some(Obj::ByteArr(_, d)) => std::mem::take(d),
                _ => Vec::new(),
            };
            let (dx, dy) = (take(heap, x), take(heap, y));
            for (h, d) in [(x, dy), (y, dx)] {
                if let Some(Obj::ByteArr(_, slot)) = heap.get_mut(h) {
                    *slot = d;
                }
            }
            continue;
        }
        let n = heap.slots(x).len().min(heap.slots(y).len());
        for k in 0..n {
            let (a, b) = (heap.slots(x)[k], heap.slots(y)[k]);
            match (a, b) {
                (Value::Agg(p), Value::Agg(q)) => work.push((p, q)),
                _ => {
                    heap.slots_mut(x)[k] = b;
                    heap.slots_mut(y)[k] = a;
                }
            }
        }
    }
}

/// `sort.Slice`'s `lessSwap{less, reflectlite.Swapper(x)}`.
struct LessSwap<'a> {
    vm: &'a mut Vm,
    g: &'a mut GState,
    less: Value,
    x: Elems,
}

impl Data for LessSwap<'_> {
    type E = Throw;
    fn less(&mut self, i: isize, j: isize) -> Result<bool, Throw> {
        let r = call_go(self.vm, self.g, self.less, &[Value::Int(i as i64), Value::Int(j as i64)], 1)?;
        Ok(r.first().is_some_and(|v| v.bool()))
    }
    fn swap(&mut self, i: isize, j: isize) -> Result<(), Throw> {
        self.x.swap(self.vm, i, j)
    }
}

/// `sort.Slice` / `sort.SliceStable`.
pub(crate) fn sort_slice(vm: &mut Vm, g: &mut GState, argc: usize, stable_sort: bool) -> Result<(), Throw> {
    let (a, _pin) = pinned_args(g, argc);
    let x = a.first().copied().unwrap_or_default();
    let less = a.get(1).copied().unwrap_or_default();
    let s = match x {
        Value::Iface { obj, .. } => vm.heap.cell(obj),
        v => v,
    };
    let Some(x) = Elems::of(s) else { return Ok(()) };
    let n = x.n;
    let mut data = LessSwap { vm, g, less, x };
    if stable_sort { stable(&mut data, n) } else { sort(&mut data, n) }
}

/// A `sort.Interface`: its `Less` and `Swap` resolved once.
struct Interface<'a> {
    vm: &'a mut Vm,
    g: &'a mut GState,
    recv: Value,
    less: Option<Value>,
    swap: Option<Value>,
}

impl Interface<'_> {
    fn call(&mut self, f: Option<Value>, i: isize, j: isize, nres: usize) -> Result<Vec<Value>, Throw> {
        let Some(f) = f else { return Ok(vec![]) };
        call_go(self.vm, self.g, f, &[self.recv, Value::Int(i as i64), Value::Int(j as i64)], nres)
    }
}

impl Data for Interface<'_> {
    type E = Throw;
    fn less(&mut self, i: isize, j: isize) -> Result<bool, Throw> {
        Ok(self.call(self.less, i, j, 1)?.first().is_some_and(|v| v.bool()))
    }
    fn swap(&mut self, i: isize, j: isize) -> Result<(), Throw> {
        self.call(self.swap, i, j, 0).map(drop)
    }
}

/// The function value of method `name` of an interface's dynamic type.
fn method(vm: &Vm, iface: Value, name: &str) -> Option<Value> {
    let Value::Iface { tid, .. } = iface else { return None };
    let prog = vm.program();
    let mid = prog.method_names.iter().position(|m| m == name)?;
    Some(match prog.types.get(tid as usize)?.method(mid as u32)? {
        crate::rtype::Callee::Func(f) => Value::Func(f),
        crate::rtype::Callee::Native(n) => Value::Func(n | crate::vm::NATIVE_FUNC_BIT),
    })
}

/// `sort.Sort` / `sort.Stable`: `Len` once, then `Less`/`Swap` as the
/// algorithm asks.
pub(crate) fn sort_interface(vm: &mut Vm, g: &mut GState, argc: usize, stable_sort: bool) -> Result<(), Throw> {
    let (a, _pin) = pinned_args(g, argc);
    let data = a.first().copied().unwrap_or_default();
    let Value::Iface { obj, .. } = data else { return Err(crate::stdlib::nil_deref(vm)) };
    let recv = vm.heap.cell(obj);
    let len = method(vm, data, "Len");
    let n = match len {
        Some(f) => call_go(vm, g, f, &[recv], 1)?.first().map_or(0, |v| v.int()) as isize,
        None => 0,
    };
    let (less, swap) = (method(vm, data, "Less"), method(vm, data, "Swap"));
    let mut d = Interface { vm, g, recv, less, swap };
    if stable_sort {
        stable(&mut d, n)
    } else if n > 1 {
        sort(&mut d, n)
    } else {
        Ok(())
    }
}

/// `slices.SortFunc`'s `cmp(data[i], data[j]) < 0` on the live slice.
struct CmpFunc<'a> {
    vm: &'a mut Vm,
    g: &'a mut GState,
    cmp: Value,
    x: Elems,
}

impl Data for CmpFunc<'_> {
    type E = Throw;
    fn less(&mut self, i: isize, j: isize) -> Result<bool, Throw> {
        let (a, b) = (self.x.get(self.vm, i), self.x.get(self.vm, j));
        let r = call_go(self.vm, self.g, self.cmp, &[a, b], 1)?;
        Ok(r.first().map_or(0, |v| v.int()) < 0)
    }
    fn swap(&mut self, i: isize, j: isize) -> Result<(), Throw> {
        self.x.swap(self.vm, i, j)
    }
}

/// `slices.SortFunc` / `slices.SortStableFunc`.
pub(crate) fn sort_func(vm: &mut Vm, g: &mut GState, argc: usize, stable_sort: bool) -> Result<(), Throw> {
    let (a, _pin) = pinned_args(g, argc);
    let Some(x) = Elems::of(a.first().copied().unwrap_or_default()) else { return Ok(()) };
    let cmp = a.get(1).copied().unwrap_or_default();
    let n = x.n;
    let mut data = CmpFunc { vm, g, cmp, x };
    if stable_sort { stable(&mut data, n) } else { sort(&mut data, n) }
}

/// `slices.Sort` on ordered elements, compared with `cmp.Less` (a NaN
/// sorts before any number); no Go code runs, so it works on a copy.
struct Ordered<'a> {
    vm: &'a Vm,
    kind: u8,
    vals: Vec<Value>,
}

impl Data for Ordered<'_> {
    type E = Infallible;
    fn less(&mut self, i: isize, j: isize) -> Result<bool, Infallible> {
        let (a, b) = (self.vals[i as usize], self.vals[j as usize]);
        Ok(match self.kind {
            b'u' => (a.int() as u64) < (b.int() as u64),
            b'f' => (a.float().is_nan() && !b.float().is_nan()) || a.float() < b.float(),
            b's' => self.vm.heap.str_bytes(a) < self.vm.heap.str_bytes(b),
            _ => a.int() < b.int(),
        })
    }
    fn swap(&mut self, i: isize, j: isize) -> Result<(), Infallible> {
        self.vals.swap(i as usize, j as usize);
        Ok(())
    }
}

/// `slices.Sort` (and `sort.Ints`/`Strings`/`Float64s`, which call it):
/// `kind` is `i`, `u`, `f` or `s`.
pub(crate) fn sort_ordered(vm: &mut Vm, g: &mut GState, argc: usize, kind: u8) -> Result<(), Throw> {
    let a = args(g, argc);
    let Some(x) = Elems::of(a.first().copied().unwrap_or_default()) else { return Ok(()) };
    let vals = vm.heap.elems(x.obj, x.off, x.n as usize);
    let n = vals.len() as isize;
    let mut data = Ordered { vm: &*vm, kind, vals };
    let Ok(()) = sort(&mut data, n);
    for (i, v) in data.vals.into_iter().enumerate() {
        vm.heap.store_slot(x.obj, x.off + i, v).map_err(oom)?;
    }
    Ok(())
}

/// `IntSlice`, `StringSlice`, `Float64Slice`: `Less` as their methods
/// define it (for floats, a NaN is less than any number).
fn typed_less_at(vm: &Vm, x: Elems, kind: u8, i: isize, j: isize) -> bool {
    let (a, b) = (x.get(vm, i), x.get(vm, j));
    match kind {
        b's' => vm.heap.str_bytes(a) < vm.heap.str_bytes(b),
        b'f' => {
            let (a, b) = (a.float(), b.float());
            a < b || (a.is_nan() && !b.is_nan())
        }
        _ => a.int() < b.int(),
    }
}

/// `x.Len()` of a `sort.IntSlice` (or String/Float64).
pub(crate) fn typed_len(_vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let n = Elems::of(a.first().copied().unwrap_or_default()).map_or(0, |x| x.n);
    g.stack.push(Value::Int(n as i64));
    Ok(())
}

/// `x.Less(i, j)`; indices out of range panic as `x[i]` does in Go.
pub(crate) fn typed_less(vm: &mut Vm, g: &mut GState, argc: usize, kind: u8) -> Result<(), Throw> {
    let (x, i, j) = receiver_and_indices(vm, g, argc)?;
    g.stack.push(Value::Bool(typed_less_at(vm, x, kind, i, j)));
    Ok(())
}

/// `x.Swap(i, j)`.
pub(crate) fn typed_swap(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let (x, i, j) = receiver_and_indices(vm, g, argc)?;
    x.swap(vm, i, j)
}

/// The slice receiver of `Less`/`Swap` and its two indices, checked as
/// Go's `x[i]` checks them.
fn receiver_and_indices(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(Elems, isize, isize), Throw> {
    let a = args(g, argc);
    let x = Elems::of(a.first().copied().unwrap_or_default()).unwrap_or(Elems { obj: 0, off: 0, n: 0 });
    let (i, j) = (a.get(1).map_or(0, |v| v.int()) as isize, a.get(2).map_or(0, |v| v.int()) as isize);
    for k in [i, j] {
        if x.at(k).is_none() {
            let text = format!("runtime error: index out of range [{k}] with length {}", x.n);
            return Err(match crate::stdlib::new_str(vm, text.as_bytes())
                .and_then(|s| crate::stdlib::new_iface(vm, crate::rtype::T_RT_BOUNDS, s))
            {
                Ok(v) => Throw::Panic(v),
                Err(e) => e,
            });
        }
    }
    Ok((x, i, j))
}

/// `x.Sort()`: Go's `Sort(x)`, pdqsort over the type's own `Less` and
/// `Swap`, run natively (they call no Go code).
pub(crate) fn typed_sort(vm: &mut Vm, g: &mut GState, argc: usize, kind: u8) -> Result<(), Throw> {
    struct Typed<'a> {
        vm: &'a mut Vm,
        x: Elems,
        kind: u8,
    }
    impl Data for Typed<'_> {
        type E = Throw;
        fn less(&mut self, i: isize, j: isize) -> Result<bool, Throw> {
            Ok(typed_less_at(self.vm, self.x, self.kind, i, j))
        }
        fn swap(&mut self, i: isize, j: isize) -> Result<(), Throw> {
            self.x.swap(self.vm, i, j)
        }
    }
    let a = args(g, argc);
    let Some(x) = Elems::of(a.first().copied().unwrap_or_default()) else { return Ok(()) };
    let n = x.n;
    sort(&mut Typed { vm, x, kind }, n)
}

/// `sort.Reverse(data)`: a `*sort.reverse` holding `data`, whose `Less`
/// asks `data.Less(j, i)`.
pub(crate) fn reverse(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let a = args(g, argc);
    let data = a.first().copied().unwrap_or_default();
    let h = vm.heap.alloc_slots(vec![data], 16).map_err(oom)?;
    let tid = crate::stdlib::type_named(vm, "*sort.reverse").unwrap_or(crate::rtype::T_ANY);
    let v = crate::stdlib::new_iface(vm, tid, Value::Ptr { obj: h, slot: crate::value::WHOLE })?;
    g.stack.push(v);
    Ok(())
}

/// `(*reverse).Len`, `Less` (arguments swapped) and `Swap`: the wrapped
/// interface's methods, called as Go code.
pub(crate) fn reverse_call(vm: &mut Vm, g: &mut GState, argc: usize, name: &str) -> Result<(), Throw> {
    let (a, _pin) = pinned_args(g, argc);
    let data = match a.first() {
        Some(Value::Ptr { obj, .. }) => vm.heap.slots(*obj).first().copied().unwrap_or_default(),
        _ => return Err(crate::stdlib::nil_deref(vm)),
    };
    let Value::Iface { obj, .. } = data else { return Err(crate::stdlib::nil_deref(vm)) };
    let recv = vm.heap.cell(obj);
    let Some(f) = method(vm, data, name) else { return Ok(()) };
    let mut call = vec![recv];
    match name {
        "Less" => call.extend([a.get(2).copied().unwrap_or_default(), a.get(1).copied().unwrap_or_default()]),
        _ => call.extend(a.iter().skip(1).copied()),
    }
    let nres = usize::from(name != "Swap");
    let r = call_go(vm, g, f, &call, nres)?;
    g.stack.extend(r);
    Ok(())
}

/// `sort.IsSorted(data)`: Go's loop from the end, `Less(i, i-1)`.
pub(crate) fn is_sorted(vm: &mut Vm, g: &mut GState, argc: usize) -> Result<(), Throw> {
    let (a, _pin) = pinned_args(g, argc);
    let data = a.first().copied().unwrap_or_default();
    let Value::Iface { obj, .. } = data else { return Err(crate::stdlib::nil_deref(vm)) };
    let recv = vm.heap.cell(obj);
    let n = match method(vm, data, "Len") {
        Some(f) => call_go(vm, g, f, &[recv], 1)?.first().map_or(0, |v| v.int()),
        None => 0,
    };
    let less = method(vm, data, "Less");
    let mut sorted = true;
    let mut i = n - 1;
    while i > 0 {
        let Some(f) = less else { break };
        if call_go(vm, g, f, &[recv, Value::Int(i), Value::Int(i - 1)], 1)?.first().is_some_and(|v| v.bool()) {
            sorted = false;
            break;
        }
        i -= 1;
    }
    g.stack.push(Value::Bool(sorted));
    Ok(())
}
