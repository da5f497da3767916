//! The natives behind Go's sorts, each a `Data` over the VM: `sort.Slice`
//! (the learner's `less(i, j)` plus `reflect.Swapper`), `sort.Sort` (the
//! `Len`/`Less`/`Swap` methods), `slices.SortFunc` (`cmp(x[i], x[j]) < 0`)
//! and `slices.Sort` (`cmp.Less`, natively). Swaps happen in place at
//! once, since `less` and `Less` look at the live slice.

use super::{Data, sort, stable};
use crate::compile::stdlib::{args, call_go, oom, pinned_args};
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
    /// trade contents, so pointers into the slice see the new values.
    fn swap(&self, vm: &mut Vm, i: isize, j: isize) -> Result<(), Throw> {
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
    let Value::Iface { obj, .. } = data else { return Err(crate::compile::stdlib::atomic::nil_deref(vm)) };
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
