//! The heap: every object a Go program allocates, in one arena the engine
//! owns, addressed by [`Handle`]s (indices) rather than `Rc` cycles, so that
//! a tracing collector can see every edge and answer "what does this
//! goroutine keep alive?".
//!
//! Objects are string buffers, slot arrays (structs, arrays, slice backing
//! stores), compact byte arrays (backing stores of `[]byte`-like slices), cells (escaped variables, interface boxes), closures, maps, map
//! iterators and channels. Each object records two sizes: its Go size (what
//! the real runtime would use, for reports) and its host size (what it costs
//! this process, checked against the heap budget so a program can never
//! exhaust the host: allocation past the budget is an error the VM turns
//! into a fatal message).
//!
//! The collector is mark-and-sweep with explicit roots supplied by the VM
//! (every goroutine's stack, globals, constants). It runs only at safe
//! points chosen by the VM, never inside an allocation, because an
//! instruction may hold popped values that no root sees.

use crate::rtype::{Kind, TypeDesc};
use crate::value::{EMPTY_STR, Handle, Value};
use std::collections::VecDeque;

/// Host bytes charged per object on top of its payload.
const OBJ_OVERHEAD: u64 = 48;
const VALUE_BYTES: u64 = std::mem::size_of::<Value>() as u64;
/// The collector first runs when this much is allocated.
const MIN_GC_TRIGGER: u64 = 4 << 20;

#[derive(Debug)]
pub enum Obj {
    Free,
    /// An immutable string buffer.
    Bytes(Box<[u8]>),
    /// A struct, an array or a slice backing store.
    Slots(Vec<Value>),
    /// The backing store of a slice of 1-byte elements (`[]byte`, `[]int8`,
    /// `[]bool`): one host byte per element instead of one `Value`, so a
    /// byte buffer costs what it costs in Go (and stays cache-friendly).
    ByteArr(ByteKind, Vec<u8>),
    /// One variable: an escaped local (`&x`, captured by a closure) or the
    /// value boxed in an interface.
    Cell(Value),
    Closure { func: u32, captures: Box<[Value]> },
    Map(Box<GoMap>),
    MapIter(Box<MapIter>),
    Chan(Box<ChanObj>),
}

/// The element kind of an [`Obj::ByteArr`]: how a byte reads as a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ByteKind {
    U8,
    I8,
    Bool,
}

impl ByteKind {
    /// The compact kind for elements of type `ty`, if it has one.
    pub fn of(types: &[TypeDesc], ty: u32) -> Option<ByteKind> {
        match types.get(ty as usize).map(|t| &t.kind) {
            Some(Kind::Int(crate::value::IntKind::U8)) => Some(ByteKind::U8),
            Some(Kind::Int(crate::value::IntKind::I8)) => Some(ByteKind::I8),
            Some(Kind::Bool) => Some(ByteKind::Bool),
            _ => None,
        }
    }

    #[inline]
    pub fn load(self, b: u8) -> Value {
        match self {
            ByteKind::U8 => Value::Int(b as i64),
            ByteKind::I8 => Value::Int(b as i8 as i64),
            ByteKind::Bool => Value::Bool(b != 0),
        }
    }

    #[inline]
    pub fn store(v: Value) -> u8 {
        match v {
            Value::Bool(b) => b as u8,
            v => v.int() as u8,
        }
    }
}

/// A channel's state; the operations arrive with the scheduler (issue 4).
#[derive(Debug, Default)]
pub struct ChanObj {
    pub buf: VecDeque<Value>,
    pub cap: u32,
    pub closed: bool,
    pub elem_ty: u32,
}

#[derive(Debug)]
struct Entry {
    obj: Obj,
    marked: bool,
    go_bytes: u64,
    host_bytes: u64,
}

/// Why an allocation failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeapError {
    /// The heap budget would be exceeded.
    OutOfMemory { requested: u64, budget: u64 },
}

/// A failed comparison or hash: the dynamic type that cannot be compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Uncomparable(pub u32);

/// Bytes kept alive by a set of roots.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reachable {
    pub objects: u64,
    pub go_bytes: u64,
    pub host_bytes: u64,
}

pub struct Heap {
    entries: Vec<Entry>,
    free: Vec<Handle>,
    host_bytes: u64,
    go_bytes: u64,
    budget: u64,
    next_gc: u64,
    /// How many collections ran (for tests and GC events).
    pub collections: u64,
    /// Cumulative Go bytes and objects allocated (`runtime.MemStats`'
    /// TotalAlloc and Mallocs).
    pub total_alloc: u64,
    pub mallocs: u64,
    /// Objects with a finalizer (`runtime.SetFinalizer`), in the order set.
    pub finalizers: Vec<Finalizer>,
    /// Finalizers of objects found unreachable, waiting for the finalizer
    /// goroutine (their objects are resurrected until they ran).
    pub finalizer_queue: std::collections::VecDeque<Finalizer>,
    /// Collections not yet reported as events (the process drains it).
    pub cycles: Vec<GcCycle>,
}

/// What one collection did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GcCycle {
    /// Objects swept, and their Go bytes.
    pub freed: u64,
    pub freed_bytes: u64,
    /// Go bytes still live afterwards.
    pub live_bytes: u64,
    /// Finalizers queued for the finalizer goroutine by this cycle.
    pub finalizers: u32,
}

/// `runtime.SetFinalizer(ptr, func)` on the object `obj`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Finalizer {
    pub obj: Handle,
    /// The pointer the finalizer is called with.
    pub ptr: Value,
    pub func: Value,
}

impl Heap {
    pub fn new(budget: u64) -> Heap {
        let mut h = Heap {
            // Room for the objects the first collection's trigger allows:
            // a run that allocates steadily would otherwise copy the table
            // at each doubling (untouched capacity costs no memory).
            entries: Vec::with_capacity((MIN_GC_TRIGGER.min(budget) / (OBJ_OVERHEAD + VALUE_BYTES)) as usize),
            free: Vec::new(),
            host_bytes: 0,
            go_bytes: 0,
            budget,
            next_gc: MIN_GC_TRIGGER.min(budget / 2).max(1 << 16),
            collections: 0,
            total_alloc: 0,
            mallocs: 0,
            finalizers: Vec::new(),
            finalizer_queue: Default::default(),
            cycles: Vec::new(),
        };
        // Handle 0: the empty string buffer, never freed.
        h.entries.push(Entry { obj: Obj::Bytes(Box::new([])), marked: false, go_bytes: 0, host_bytes: 0 });
        debug_assert_eq!(EMPTY_STR, 0);
        h
    }

    #[cfg(test)]
    pub fn host_bytes(&self) -> u64 {
        self.host_bytes
    }
    pub fn go_bytes(&self) -> u64 {
        self.go_bytes
    }
    pub fn budget(&self) -> u64 {
        self.budget
    }
    pub fn live_objects(&self) -> usize {
        self.entries.len() - self.free.len()
    }
    /// True when enough has been allocated since the last collection that
    /// the VM should collect at its next safe point.
    #[inline]
    pub fn gc_due(&self) -> bool {
        self.host_bytes >= self.next_gc
    }

    fn host_size(obj: &Obj) -> u64 {
        OBJ_OVERHEAD
            + match obj {
                Obj::Free => 0,
                Obj::Bytes(b) => b.len() as u64,
                Obj::Slots(v) => v.capacity() as u64 * VALUE_BYTES,
                Obj::ByteArr(_, d) => d.capacity() as u64,
                Obj::Cell(_) => VALUE_BYTES,
                Obj::Closure { captures, .. } => captures.len() as u64 * VALUE_BYTES,
                Obj::Map(m) => m.slots.len() as u64 * std::mem::size_of::<MSlot>() as u64,
                Obj::MapIter(it) => it.keys.len() as u64 * (VALUE_BYTES + 4),
                Obj::Chan(c) => c.cap as u64 * VALUE_BYTES,
            }
    }

    /// Checks that `extra` more host bytes fit in the budget.
    pub fn reserve(&self, extra: u64) -> Result<(), HeapError> {
        if self.host_bytes.saturating_add(extra) > self.budget {
            Err(HeapError::OutOfMemory { requested: extra, budget: self.budget })
        } else {
            Ok(())
        }
    }

    /// Allocates an object; `go_bytes` is its size in real Go.
    pub fn alloc(&mut self, obj: Obj, go_bytes: u64) -> Result<Handle, HeapError> {
        let host = Self::host_size(&obj);
        self.reserve(host)?;
        self.host_bytes += host;
        self.go_bytes += go_bytes;
        self.total_alloc += go_bytes;
        self.mallocs += 1;
        let e = Entry { obj, marked: false, go_bytes, host_bytes: host };
        if let Some(h) = self.free.pop() {
            self.entries[h as usize] = e;
            Ok(h)
        } else {
            self.entries.push(e);
            Ok(self.entries.len() as Handle - 1)
        }
    }

    /// Re-measures an object that grew in place (a map).
    fn reaccount(&mut self, h: Handle) {
        let e = &mut self.entries[h as usize];
        let host = Self::host_size(&e.obj);
        self.host_bytes = self.host_bytes - e.host_bytes + host;
        e.host_bytes = host;
    }

    #[inline]
    /// The Go size of object `h` in bytes (0 if it is free).
    pub fn go_bytes_of(&self, h: Handle) -> u64 {
        self.entries.get(h as usize).map_or(0, |e| e.go_bytes)
    }

    pub fn get(&self, h: Handle) -> &Obj {
        match self.entries.get(h as usize) {
            Some(e) => &e.obj,
            None => &Obj::Free,
        }
    }

    #[inline]
    pub fn get_mut(&mut self, h: Handle) -> Option<&mut Obj> {
        self.entries.get_mut(h as usize).map(|e| &mut e.obj)
    }

    /// Slot `i` of a struct, array or backing store (or a cell's value),
    /// to read or overwrite a scalar in place: what the hot natives
    /// (WaitGroup, atomics) need, without [`Heap::store_slot`]'s cases.
    #[inline]
    pub fn scalar_slot_mut(&mut self, h: Handle, i: usize) -> Option<&mut Value> {
        match self.entries.get_mut(h as usize).map(|e| &mut e.obj) {
            Some(Obj::Slots(v)) => v.get_mut(i),
            Some(Obj::Cell(v)) if i == 0 => Some(v),
            _ => None,
        }
    }

    /// The slots of a struct/array/backing store (empty for anything else).
    #[inline]
    pub fn slots(&self, h: Handle) -> &[Value] {
        match self.get(h) {
            Obj::Slots(v) => v,
            Obj::Cell(v) => std::slice::from_ref(v),
            _ => &[],
        }
    }

    /// Element `i` of a struct, array or slice backing store (`Nil` when
    /// out of range).
    #[inline]
    pub fn elem(&self, h: Handle, i: usize) -> Value {
        match self.get(h) {
            Obj::Slots(v) => v.get(i).copied().unwrap_or_default(),
            Obj::ByteArr(k, d) => d.get(i).map_or(Value::Nil, |&b| k.load(b)),
            Obj::Cell(v) if i == 0 => *v,
            _ => Value::Nil,
        }
    }

    /// Elements `off..off+len` of a backing store, as values.
    pub fn elems(&self, h: Handle, off: usize, len: usize) -> Vec<Value> {
        match self.get(h) {
            Obj::ByteArr(k, d) => d.get(off..off + len).unwrap_or(&[]).iter().map(|&b| k.load(b)).collect(),
            _ => self.slots(h).get(off..off + len).unwrap_or(&[]).to_vec(),
        }
    }

    /// The bytes of a compact backing store, if `h` is one.
    pub fn byte_arr(&self, h: Handle) -> Option<&[u8]> {
        match self.get(h) {
            Obj::ByteArr(_, d) => Some(d),
            _ => None,
        }
    }

    pub fn alloc_byte_arr(&mut self, kind: ByteKind, data: Vec<u8>, go_bytes: u64) -> Result<Handle, HeapError> {
        self.alloc(Obj::ByteArr(kind, data), go_bytes)
    }

    /// Appends `more` to a compact backing store in place, if its current
    /// length is exactly `expected_len` (so whoever asks owns the tail and no
    /// other window can see the new bytes); returns the new length, or None
    /// when `h` is not such a store and the caller must copy instead.
    /// Growth doubles, so a loop of small appends (strings.Builder) costs
    /// amortised O(1) per byte instead of copying everything each time.
    pub fn append_bytes_in_place(&mut self, h: Handle, expected_len: usize, more: &[u8]) -> Result<Option<usize>, HeapError> {
        let cap_before = match self.get(h) {
            Obj::ByteArr(_, d) if d.len() == expected_len => d.capacity(),
            _ => return Ok(None),
        };
        let needed = expected_len + more.len();
        let new_cap = if needed > cap_before { needed.max(cap_before.saturating_mul(2)).max(16) } else { cap_before };
        self.reserve((new_cap - cap_before) as u64)?;
        let len = match self.get_mut(h) {
            Some(Obj::ByteArr(_, d)) => {
                d.reserve_exact(new_cap - d.len());
                d.extend_from_slice(more);
                d.len()
            }
            _ => return Ok(None),
        };
        let grown = needed as u64 - expected_len as u64;
        self.go_bytes += grown;
        if let Some(e) = self.entries.get_mut(h as usize) {
            e.go_bytes += grown;
        }
        self.reaccount(h);
        Ok(Some(len))
    }

    /// Sets elements `off..off+len` of a compact backing store to zero;
    /// false if `h` is not one.
    pub fn zero_bytes(&mut self, h: Handle, off: usize, len: usize) -> bool {
        match self.get_mut(h) {
            Some(Obj::ByteArr(_, d)) => {
                if let Some(r) = d.get_mut(off..off + len) {
                    r.fill(0);
                }
                true
            }
            _ => false,
        }
    }

    /// Moves a slot array's contents out (empty for anything else); give
    /// them back with [`Heap::put_slots`] before anything else runs.
    pub fn take_slots(&mut self, h: Handle) -> Vec<Value> {
        match self.entries.get_mut(h as usize).map(|e| &mut e.obj) {
            Some(Obj::Slots(v)) => std::mem::take(v),
            _ => Vec::new(),
        }
    }

    pub fn put_slots(&mut self, h: Handle, slots: Vec<Value>) {
        if let Some(Obj::Slots(v)) = self.entries.get_mut(h as usize).map(|e| &mut e.obj) {
            *v = slots;
        }
    }

    #[inline]
    pub fn slots_mut(&mut self, h: Handle) -> &mut [Value] {
        match self.entries.get_mut(h as usize).map(|e| &mut e.obj) {
            Some(Obj::Slots(v)) => v,
            Some(Obj::Cell(v)) => std::slice::from_mut(v),
            _ => &mut [],
        }
    }

    // ---- strings -------------------------------------------------------

    pub fn alloc_str(&mut self, bytes: &[u8]) -> Result<Value, HeapError> {
        if bytes.is_empty() {
            return Ok(Value::EMPTY_STRING);
        }
        let len = bytes.len() as u32;
        let obj = self.alloc(Obj::Bytes(bytes.into()), bytes.len() as u64)?;
        Ok(Value::Str { obj, off: 0, len })
    }

    /// The bytes of a string value (empty for a non-string).
    #[inline]
    pub fn str_bytes(&self, v: Value) -> &[u8] {
        match v {
            Value::Str { obj, off, len } => match self.get(obj) {
                Obj::Bytes(b) => b.get(off as usize..(off + len) as usize).unwrap_or(&[]),
                _ => &[],
            },
            _ => &[],
        }
    }

    /// Lossy text of a string value, for messages.
    pub fn str_lossy(&self, v: Value) -> String {
        String::from_utf8_lossy(self.str_bytes(v)).into_owned()
    }

    pub fn concat(&mut self, a: Value, b: Value) -> Result<Value, HeapError> {
        let (la, lb) = (self.str_bytes(a).len(), self.str_bytes(b).len());
        if la == 0 {
            return Ok(b);
        }
        if lb == 0 {
            return Ok(a);
        }
        let mut buf = Vec::with_capacity(la + lb);
        buf.extend_from_slice(self.str_bytes(a));
        buf.extend_from_slice(self.str_bytes(b));
        self.alloc_str(&buf)
    }

    // ---- aggregates -----------------------------------------------------

    pub fn alloc_slots(&mut self, slots: Vec<Value>, go_bytes: u64) -> Result<Handle, HeapError> {
        self.alloc(Obj::Slots(slots), go_bytes)
    }

    /// The zero value of a type: scalars directly, aggregates as fresh
    /// objects (nested aggregates included). Types nest as deep as the
    /// parser allows (thousands of levels), so the aggregates under
    /// construction wait on a stack of their own, not the host's.
    pub fn zero(&mut self, types: &[TypeDesc], ty: u32) -> Result<Value, HeapError> {
        /// A scalar type's zero value; None for an aggregate.
        fn scalar(t: Option<&TypeDesc>) -> Option<Value> {
            Some(match t.map(|t| &t.kind) {
                Some(Kind::Array { .. } | Kind::Struct(_)) => return None,
                Some(Kind::Bool) => Value::Bool(false),
                Some(Kind::Int(_)) => Value::Int(0),
                Some(Kind::Float32 | Kind::Float64) => Value::Float(0.0),
                Some(Kind::Complex64 | Kind::Complex128) => Value::Complex(0, 0),
                Some(Kind::String) => Value::EMPTY_STRING,
                _ => Value::Nil,
            })
        }
        // The aggregates being built, outermost first: (type, elements).
        let mut stack: Vec<(u32, Vec<Value>)> = Vec::new();
        let mut cur = ty;
        loop {
            let t = types.get(cur as usize);
            let mut done = match t.map(|t| &t.kind) {
                Some(&Kind::Array { len, elem }) => {
                    self.reserve(len as u64 * VALUE_BYTES)?;
                    match scalar(types.get(elem as usize)) {
                        // An array of scalars is filled at once.
                        Some(z) => Some(Value::Agg(self.alloc_slots(vec![z; len as usize], t.map_or(0, |t| t.size))?)),
                        None => {
                            stack.push((cur, Vec::with_capacity(len as usize)));
                            None
                        }
                    }
                }
                Some(Kind::Struct(fields)) => {
                    stack.push((cur, Vec::with_capacity(fields.len())));
                    None
                }
                _ => scalar(t),
            };
            // Up: hand the finished value to the aggregate above, until one
            // has another element to build.
            loop {
                let Some((t, slots)) = stack.last_mut() else { return Ok(done.unwrap_or(Value::Nil)) };
                if let Some(v) = done.take() {
                    slots.push(v);
                }
                let desc = types.get(*t as usize);
                let next = match desc.map(|d| &d.kind) {
                    Some(&Kind::Array { len, elem }) => (slots.len() < len as usize).then_some(elem),
                    Some(Kind::Struct(fields)) => fields.get(slots.len()).copied(),
                    _ => None,
                };
                if let Some(n) = next {
                    cur = n;
                    break;
                }
                let size = desc.map_or(0, |d| d.size);
                let (_, slots) = stack.pop().unwrap_or_default();
                done = Some(Value::Agg(self.alloc_slots(slots, size)?));
            }
        }
    }

    /// True when zero values of `ty` need a heap object each.
    pub fn zero_is_aggregate(types: &[TypeDesc], ty: u32) -> bool {
        matches!(types.get(ty as usize).map(|t| &t.kind), Some(Kind::Array { .. } | Kind::Struct(_)))
    }

    /// Deep-copies an aggregate (value semantics); other values are
    /// returned as they are.
    pub fn clone_value(&mut self, v: Value) -> Result<Value, HeapError> {
        let Value::Agg(src) = v else { return Ok(v) };
        let root = self.clone_shallow(src)?;
        let mut work = vec![root];
        while let Some(h) = work.pop() {
            let n = self.slots(h).len();
            for i in 0..n {
                if let Value::Agg(child) = self.slots(h)[i] {
                    let c = self.clone_shallow(child)?;
                    self.slots_mut(h)[i] = Value::Agg(c);
                    work.push(c);
                }
            }
        }
        Ok(Value::Agg(root))
    }

    fn clone_shallow(&mut self, h: Handle) -> Result<Handle, HeapError> {
        let go = self.entries.get(h as usize).map_or(0, |e| e.go_bytes);
        let slots = self.slots(h).to_vec();
        self.alloc_slots(slots, go)
    }

    /// Stores `v` into slot `i` of object `h` with value semantics: an
    /// aggregate is copied into the aggregate already there (so pointers to
    /// it stay valid) or cloned.
    pub fn store_slot(&mut self, h: Handle, i: usize, v: Value) -> Result<(), HeapError> {
        if !matches!(v, Value::Agg(_)) {
            // A scalar (or reference) replaces whatever was there.
            match self.entries.get_mut(h as usize).map(|e| &mut e.obj) {
                Some(Obj::Slots(s)) => {
                    if let Some(slot) = s.get_mut(i) {
                        *slot = v;
                    }
                }
                Some(Obj::ByteArr(_, d)) => {
                    if let Some(b) = d.get_mut(i) {
                        *b = ByteKind::store(v);
                    }
                }
                Some(Obj::Cell(c)) if i == 0 => *c = v,
                _ => {}
            }
            return Ok(());
        }
        let old = self.slots(h).get(i).copied();
        match (old, v) {
            (Some(Value::Agg(d)), Value::Agg(s)) => self.copy_into(d, s),
            (Some(_), Value::Agg(_)) => {
                let c = self.clone_value(v)?;
                if let Some(slot) = self.slots_mut(h).get_mut(i) {
                    *slot = c;
                }
                Ok(())
            }
            (Some(_), _) => {
                if let Some(slot) = self.slots_mut(h).get_mut(i) {
                    *slot = v;
                }
                Ok(())
            }
            (None, _) => Ok(()),
        }
    }

    /// Copies aggregate `src` into aggregate `dst`, slot by slot, deeply.
    pub fn copy_into(&mut self, dst: Handle, src: Handle) -> Result<(), HeapError> {
        if dst == src {
            return Ok(());
        }
        let mut work = vec![(dst, src)];
        while let Some((d, s)) = work.pop() {
            let n = self.slots(s).len().min(self.slots(d).len());
            for i in 0..n {
                let sv = self.slots(s)[i];
                match (self.slots(d)[i], sv) {
                    (Value::Agg(dc), Value::Agg(sc)) => {
                        if dc != sc {
                            work.push((dc, sc))
                        }
                    }
                    (_, Value::Agg(_)) => {
                        let c = self.clone_value(sv)?;
                        self.slots_mut(d)[i] = c;
                    }
                    _ => self.slots_mut(d)[i] = sv,
                }
            }
        }
        Ok(())
    }

    // ---- comparison and hashing ------------------------------------------

    /// Go's `==` on two values of the same static type. Interfaces compare
    /// dynamic types first, then panic on an uncomparable dynamic type.
    /// Values nest without bound through interfaces (`v = [1]any{v}` a
    /// million times), so the walk keeps its own stack, not the host's.
    pub fn equal(&self, types: &[TypeDesc], a: Value, b: Value) -> Result<bool, Uncomparable> {
        // The common keys first, without the work list (it allocates).
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => return Ok(x == y),
            (Value::Str { .. }, Value::Str { .. }) => return Ok(self.str_bytes(a) == self.str_bytes(b)),
            _ => {}
        }
        let mut eq = true;
        let mut work = vec![(a, b)];
        while let Some((a, b)) = work.pop() {
            let same = match (a, b) {
                (Value::Int(x), Value::Int(y)) => x == y,
                (Value::Float(x), Value::Float(y)) => x == y,
                (Value::Complex(..), Value::Complex(..)) => a.complex() == b.complex(),
                (Value::Bool(x), Value::Bool(y)) => x == y,
                (Value::Str { .. }, Value::Str { .. }) => self.str_bytes(a) == self.str_bytes(b),
                (Value::Nil, Value::Nil) => true,
                (Value::Agg(x), Value::Agg(y)) => {
                    if x == y {
                        continue;
                    }
                    let (sx, sy) = (self.slots(x), self.slots(y));
                    if sx.len() != sy.len() {
                        eq = false;
                        continue;
                    }
                    // Go compares every field even after a mismatch only to
                    // find uncomparable dynamic types; a mismatch still
                    // yields false. Fields in order: pushed last first.
                    work.extend(sx.iter().copied().zip(sy.iter().copied()).rev());
                    continue;
                }
                (Value::Iface { tid: t1, obj: o1 }, Value::Iface { tid: t2, obj: o2 }) => {
                    if t1 != t2 {
                        eq = false;
                        continue;
                    }
                    if !types.get(t1 as usize).is_some_and(|t| t.comparable) {
                        return Err(Uncomparable(t1));
                    }
                    work.push((self.cell(o1), self.cell(o2)));
                    continue;
                }
                (Value::Ptr { obj: o1, slot: s1 }, Value::Ptr { obj: o2, slot: s2 }) => o1 == o2 && s1 == s2,
                // Array pointers into slices' backing arrays (slices
                // themselves are not comparable): the same first element.
                (Value::Slice { obj: o1, off: f1, .. }, Value::Slice { obj: o2, off: f2, .. }) => o1 == o2 && f1 == f2,
                (Value::Map(x), Value::Map(y)) | (Value::Chan(x), Value::Chan(y)) => x == y,
                (Value::Func(x), Value::Func(y)) => x == y,
                (Value::Closure(x), Value::Closure(y)) => x == y,
                _ => false,
            };
            eq &= same;
        }
        Ok(eq)
    }

    /// The value in a cell (an interface box or escaped variable).
    #[inline]
    pub fn cell(&self, h: Handle) -> Value {
        match self.get(h) {
            Obj::Cell(v) => *v,
            _ => Value::Nil,
        }
    }

    /// A seeded hash consistent with [`Heap::equal`]; like it, on a stack
    /// of its own: an aggregate folds its elements' hashes in order, an
    /// interface mixes its dynamic type into its value's.
    pub fn hash(&self, types: &[TypeDesc], v: Value, seed: u64) -> Result<u64, Uncomparable> {
        // The common keys first, without the walk below.
        match v {
            Value::Int(i) => return Ok(mix(seed, i as u64)),
            Value::Str { .. } => return Ok(hash_bytes(seed, self.str_bytes(v))),
            _ => {}
        }
        enum Frame {
            Agg { h: Handle, next: usize, acc: u64 },
            Iface { tid: u32 },
        }
        let mut stack: Vec<Frame> = Vec::new();
        let mut cur = v;
        loop {
            // Down from `cur` to a leaf, or to an aggregate's first element.
            let mut done = match cur {
                Value::Nil => Some(mix(seed, 0)),
                Value::Bool(b) => Some(mix(seed, 1 + b as u64)),
                Value::Int(i) => Some(mix(seed, i as u64)),
                Value::Float(f) => Some(mix(seed, float_bits(f))),
                // Go's c128hash: both parts as floats (+0 and -0 alike).
                Value::Complex(..) => {
                    let (re, im) = cur.complex();
                    Some(mix(mix(seed, float_bits(re)), float_bits(im)))
                }
                Value::Str { .. } => Some(hash_bytes(seed, self.str_bytes(cur))),
                Value::Agg(h) => {
                    stack.push(Frame::Agg { h, next: 0, acc: mix(seed, 0x5157) });
                    None
                }
                Value::Iface { tid, obj } => {
                    if !types.get(tid as usize).is_some_and(|t| t.comparable) {
                        return Err(Uncomparable(tid));
                    }
                    stack.push(Frame::Iface { tid });
                    cur = self.cell(obj);
                    continue;
                }
                Value::Ptr { obj, slot } => Some(mix(seed, ((obj as u64) << 32) | slot as u64)),
                Value::Map(h) | Value::Chan(h) | Value::Closure(h) | Value::Obj(h) => Some(mix(seed, h as u64)),
                Value::Func(f) => Some(mix(seed, f as u64)),
                Value::Slice { obj, .. } => Some(mix(seed, obj as u64)),
            };
            // Up: fold the finished hash into the frames above it, until
            // one has another element to go down into.
            loop {
                match stack.last_mut() {
                    None => return Ok(done.unwrap_or(0)),
                    Some(Frame::Agg { h, next, acc }) => {
                        if let Some(x) = done.take() {
                            *acc = mix(*acc, x);
                            *next += 1;
                        }
                        if let Some(&s) = self.slots(*h).get(*next) {
                            cur = s;
                            break;
                        }
                        done = Some(*acc);
                        stack.pop();
                    }
                    Some(Frame::Iface { tid }) => {
                        let t = *tid as u64;
                        done = done.map(|x| mix(x, t));
                        stack.pop();
                    }
                }
            }
        }
    }

    // ---- maps -------------------------------------------------------------

    pub fn alloc_map(&mut self, seed: u64, hint: usize) -> Result<Value, HeapError> {
        let cap = (hint.saturating_mul(4) / 3 + 1).next_power_of_two().max(8);
        self.reserve(cap as u64 * std::mem::size_of::<MSlot>() as u64)?;
        let m = GoMap { slots: vec![MSlot::Empty; cap], len: 0, used: 0, seed, generation: 0, writing: [MapWriting::default(); 2] };
        Ok(Value::Map(self.alloc(Obj::Map(Box::new(m)), 48)?))
    }

    /// The write bursts of map `m` (None for a nil map).
    pub fn map_writing(&mut self, m: Value) -> Option<&mut [MapWriting; 2]> {
        match m {
            Value::Map(h) => match self.get_mut(h) {
                Some(Obj::Map(m)) => Some(&mut m.writing),
                _ => None,
            },
            _ => None,
        }
    }

    fn map_ref(&self, h: Handle) -> Option<&GoMap> {
        match self.get(h) {
            Obj::Map(m) => Some(m),
            _ => None,
        }
    }

    pub fn map_len(&self, m: Value) -> usize {
        match m {
            Value::Map(h) => self.map_ref(h).map_or(0, |m| m.len as usize),
            _ => 0,
        }
    }


    /// The slot holding `key`, if present.
    fn map_find(&self, types: &[TypeDesc], h: Handle, key: Value) -> Result<(u64, Option<usize>), Uncomparable> {
        let Some(m) = self.map_ref(h) else { return Ok((0, None)) };
        let hash = self.hash(types, key, m.seed)?;
        let mask = m.slots.len() - 1;
        let mut i = hash as usize & mask;
        for _ in 0..m.slots.len() {
            match m.slots[i] {
                MSlot::Empty => return Ok((hash, None)),
                MSlot::Full { hash: h2, key: k, .. } if h2 == hash && self.equal(types, k, key)? => {
                    return Ok((hash, Some(i)));
                }
                _ => {}
            }
            i = (i + 1) & mask;
        }
        Ok((hash, None))
    }

    /// `m[key]`: the value, or `None` when absent (the caller supplies the
    /// zero value). A nil map reads as empty.
    pub fn map_get(&self, types: &[TypeDesc], m: Value, key: Value) -> Result<Option<Value>, Uncomparable> {
        let Value::Map(h) = m else {
            // Go still hashes the key of a lookup in a nil map.
            self.hash(types, key, 0)?;
            return Ok(None);
        };
        let (_, slot) = self.map_find(types, h, key)?;
        Ok(slot.and_then(|i| match self.map_ref(h)?.slots[i] {
            MSlot::Full { val, .. } => Some(val),
            _ => None,
        }))
    }

    /// `m[key] = val` on a non-nil map. Keys and values are stored by value.
    pub fn map_set(&mut self, types: &[TypeDesc], h: Handle, key: Value, val: Value) -> Result<(), MapError> {
        let (hash, slot) = self.map_find(types, h, key).map_err(MapError::Uncomparable)?;
        let val = self.clone_value(val).map_err(MapError::Heap)?;
        if let Some(i) = slot {
            if let Some(Obj::Map(m)) = self.get_mut(h)
                && let MSlot::Full { val: v, .. } = &mut m.slots[i] {
                    *v = val;
                }
            return Ok(());
        }
        let key = self.clone_value(key).map_err(MapError::Heap)?;
        let (used, cap) = self.map_ref(h).map_or((0, 0), |m| (m.used as usize, m.slots.len()));
        if (used + 1) * 4 > cap * 3 {
            self.reserve(cap as u64 * 2 * std::mem::size_of::<MSlot>() as u64).map_err(MapError::Heap)?;
            if let Some(Obj::Map(m)) = self.get_mut(h) {
                m.grow();
            }
            self.reaccount(h);
        }
        if let Some(Obj::Map(m)) = self.get_mut(h) {
            m.insert_new(hash, key, val);
        }
        Ok(())
    }

    /// `delete(m, key)`; deleting from a nil map or a missing key is a no-op.
    pub fn map_delete(&mut self, types: &[TypeDesc], m: Value, key: Value) -> Result<(), Uncomparable> {
        let Value::Map(h) = m else {
            self.hash(types, key, 0)?;
            return Ok(());
        };
        let (_, slot) = self.map_find(types, h, key)?;
        if let (Some(i), Some(Obj::Map(m))) = (slot, self.get_mut(h)) {
            m.slots[i] = MSlot::Tomb;
            m.len -= 1;
        }
        Ok(())
    }

    /// `clear(m)`.
    pub fn map_clear(&mut self, m: Value) {
        if let Value::Map(h) = m
            && let Some(Obj::Map(m)) = self.get_mut(h) {
                m.slots.iter_mut().for_each(|s| *s = MSlot::Empty);
                m.len = 0;
                m.used = 0;
                m.generation += 1;
            }
    }

    /// Starts a `range` over a map. Like Go's runtime, the walk starts at a
    /// position drawn from the run's RNG (`start`) and wraps around, so the
    /// order depends on the hash layout and the seed, not on insertion.
    pub fn map_iter(&mut self, m: Value, start: u64) -> Result<Value, HeapError> {
        let mut it = MapIter { map: 0, generation: 0, entries: Vec::new(), keys: Vec::new(), pos: 0 };
        if let Value::Map(h) = m
            && let Some(map) = self.map_ref(h) {
                it.map = h;
                it.generation = map.generation;
                let n = map.slots.len();
                let s = start as usize % n.max(1);
                for k in 0..n {
                    let i = (s + k) % n;
                    if let MSlot::Full { key, .. } = map.slots[i] {
                        it.entries.push(i as u32);
                        it.keys.push(key);
                    }
                }
            }
        self.reserve(it.keys.len() as u64 * (VALUE_BYTES + 4))?;
        Ok(Value::Obj(self.alloc(Obj::MapIter(Box::new(it)), 0)?))
    }

    /// The map a `range` iteration walks (None for a nil map's).
    pub fn iter_map(&self, iter: Value) -> Option<Value> {
        let Value::Obj(ih) = iter else { return None };
        match self.get(ih) {
            Obj::MapIter(it) if self.map_ref(it.map).is_some() => Some(Value::Map(it.map)),
            _ => None,
        }
    }

    /// The next (key, value) of a map iteration, skipping entries deleted
    /// since the iteration started; `None` at the end.
    pub fn map_next(&mut self, types: &[TypeDesc], iter: Value) -> Result<Option<(Value, Value)>, Uncomparable> {
        let Value::Obj(ih) = iter else { return Ok(None) };
        loop {
            let (map, gen_, slot, key) = match self.get(ih) {
                Obj::MapIter(it) => {
                    if it.pos >= it.keys.len() {
                        return Ok(None);
                    }
                    (it.map, it.generation, it.entries[it.pos], it.keys[it.pos])
                }
                _ => return Ok(None),
            };
            if let Some(Obj::MapIter(it)) = self.get_mut(ih) {
                it.pos += 1;
            }
            let Some(m) = self.map_ref(map) else { return Ok(None) };
            if m.generation == gen_ {
                // Same layout: the entry is still there iff its slot still
                // holds this very key (works for NaN keys too).
                if let MSlot::Full { key: k, val, .. } = m.slots[slot as usize]
                    && same_bits(k, key) {
                        return Ok(Some((key, val)));
                    }
                continue;
            }
            if let Some(v) = self.map_get(types, Value::Map(map), key)? {
                return Ok(Some((key, v)));
            }
        }
    }

    // ---- collection ---------------------------------------------------------

    /// Objects directly referenced by `obj`.
    fn children(obj: &Obj, out: &mut Vec<Handle>) {
        let mut push = |v: &Value| {
            if let Some(h) = v.handle() {
                out.push(h)
            }
        };
        match obj {
            Obj::Free | Obj::Bytes(_) | Obj::ByteArr(..) => {}
            Obj::Slots(v) => v.iter().for_each(push),
            Obj::Cell(v) => push(v),
            Obj::Closure { captures, .. } => captures.iter().for_each(push),
            Obj::Map(m) => {
                for s in &m.slots {
                    if let MSlot::Full { key, val, .. } = s {
                        push(key);
                        push(val);
                    }
                }
            }
            Obj::MapIter(it) => {
                push(&Value::Map(it.map));
                it.keys.iter().for_each(push);
            }
            Obj::Chan(c) => c.buf.iter().for_each(push),
        }
    }

    /// Walks everything reachable from `roots`, calling `visit` once per
    /// object; `seen` is a scratch bitmap indexed by handle.
    fn walk(&self, roots: &mut dyn Iterator<Item = Value>, seen: &mut [bool], visit: impl FnMut(Handle, &Entry)) {
        let work: Vec<Handle> = roots.filter_map(|v| v.handle()).collect();
        self.walk_from(work, seen, visit)
    }

    fn walk_from(&self, mut work: Vec<Handle>, seen: &mut [bool], mut visit: impl FnMut(Handle, &Entry)) {
        let mut kids = Vec::new();
        while let Some(h) = work.pop() {
            let Some(slot) = seen.get_mut(h as usize) else { continue };
            if *slot {
                continue;
            }
            *slot = true;
            let e = &self.entries[h as usize];
            visit(h, e);
            kids.clear();
            Self::children(&e.obj, &mut kids);
            work.extend_from_slice(&kids);
        }
    }

    #[cfg(test)]
    /// Mark and sweep: frees every object not reachable from `roots`.
    /// Returns how many objects were freed.
    pub fn collect(&mut self, roots: &mut dyn Iterator<Item = Value>) -> usize {
        let work = roots.filter_map(|v| v.handle()).collect();
        self.collect_from(work)
    }

    /// [`Heap::collect`] with the roots' handles already gathered.
    pub fn collect_from(&mut self, work: Vec<Handle>) -> usize {
        let mut seen = vec![false; self.entries.len()];
        seen[EMPTY_STR as usize] = true;
        self.walk_from(work, &mut seen, |_, _| {});
        let queued = self.finalizer_queue.len();
        self.mark_finalizers(&mut seen);
        let finalizers = self.finalizer_queue.len().saturating_sub(queued) as u32;
        let mut freed = 0;
        let mut freed_bytes = 0;
        for (i, e) in self.entries.iter_mut().enumerate() {
            if !seen[i] && !matches!(e.obj, Obj::Free) {
                self.host_bytes -= e.host_bytes;
                self.go_bytes -= e.go_bytes;
                freed_bytes += e.go_bytes;
                *e = Entry { obj: Obj::Free, marked: false, go_bytes: 0, host_bytes: 0 };
                self.free.push(i as Handle);
                freed += 1;
            }
            e.marked = false;
        }
        self.collections += 1;
        // Bounded: a program that never reports them keeps the last few.
        if self.cycles.len() >= 64 {
            self.cycles.remove(0);
        }
        self.cycles.push(GcCycle { freed: freed as u64, freed_bytes, live_bytes: self.go_bytes, finalizers });
        self.next_gc = (self.host_bytes * 2).max(MIN_GC_TRIGGER).min(self.budget.saturating_sub(1).max(1));
        freed
    }

    /// Go's finalizer rules in the mark phase (`runtime/mfinal.go`,
    /// `mgcmark.go`): a finalizer's function and what its object refers to
    /// are roots, not the object itself; an object then found unmarked has
    /// its finalizer queued (and cleared) and is resurrected, with all it
    /// reaches, until the finalizer ran. Queued finalizers are roots.
    fn mark_finalizers(&mut self, seen: &mut [bool]) {
        if self.finalizers.is_empty() && self.finalizer_queue.is_empty() {
            return;
        }
        let mut work: Vec<Handle> = Vec::new();
        for f in self.finalizers.iter().chain(self.finalizer_queue.iter()) {
            work.extend(f.func.handle());
        }
        for f in self.finalizer_queue.iter() {
            work.extend(f.ptr.handle());
            work.push(f.obj);
        }
        for f in &self.finalizers {
            if let Some(e) = self.entries.get(f.obj as usize) {
                Self::children(&e.obj, &mut work);
            }
        }
        self.walk_from(work, seen, |_, _| {});
        let (dead, live): (Vec<Finalizer>, Vec<Finalizer>) =
            std::mem::take(&mut self.finalizers).into_iter().partition(|f| !seen.get(f.obj as usize).copied().unwrap_or(true));
        self.finalizers = live;
        let mut work = Vec::new();
        for f in dead {
            work.push(f.obj);
            work.extend(f.ptr.handle());
            self.finalizer_queue.push_back(f);
        }
        self.walk_from(work, seen, |_, _| {});
    }

    /// Whether Go's allocator puts the object that holds aggregate `h` in
    /// a tiny block (malloc.go: `noscan && size < maxTinySize`, 16 bytes):
    /// the outermost aggregate holding it (a nested struct or array is
    /// part of its parent's allocation, as in Go) is smaller than 16 bytes
    /// and holds no pointers. Several tiny objects share one 16-byte block,
    /// which Go's collector marks as a whole.
    pub fn is_tiny(&self, h: Handle) -> bool {
        const MAX_TINY_SIZE: u64 = 16;
        let mut outer = h;
        // Aggregates nest without cycles; the bound is only a guard.
        for _ in 0..64 {
            let parent = self.entries.iter().position(|e| matches!(&e.obj, Obj::Slots(v) if v.contains(&Value::Agg(outer))));
            match parent {
                Some(p) => outer = p as Handle,
                None => break,
            }
        }
        if self.go_bytes_of(outer) >= MAX_TINY_SIZE {
            return false;
        }
        // No pointers: every leaf is a number or a bool.
        let mut todo = vec![outer];
        while let Some(x) = todo.pop() {
            for v in self.slots(x) {
                match v {
                    Value::Int(_) | Value::Bool(_) | Value::Float(_) => {}
                    Value::Agg(a) if todo.len() < 64 => todo.push(*a),
                    _ => return false,
                }
            }
        }
        true
    }

    /// What `roots` keep alive: the question "how many bytes does this
    /// goroutine pin?". Does not collect.
    pub fn reachable(&self, roots: &mut dyn Iterator<Item = Value>) -> Reachable {
        let mut seen = vec![false; self.entries.len()];
        seen[EMPTY_STR as usize] = true;
        let mut r = Reachable::default();
        self.walk(roots, &mut seen, |_, e| {
            r.objects += 1;
            r.go_bytes += e.go_bytes;
            r.host_bytes += e.host_bytes;
        });
        r
    }
}

/// Why a map store failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MapError {
    Uncomparable(Uncomparable),
    Heap(HeapError),
}

#[derive(Clone, Copy, Debug)]
enum MSlot {
    Empty,
    Tomb,
    Full { hash: u64, key: Value, val: Value },
}

/// A Go map: open addressing with linear probing over a power-of-two table,
/// hashed with a per-map seed drawn from the run's RNG.
#[derive(Debug)]
pub struct GoMap {
    slots: Vec<MSlot>,
    len: u32,
    /// Full plus tombstone slots (what limits probing).
    used: u32,
    seed: u64,
    /// Bumped when the table is rebuilt, so iterators know slots moved.
    generation: u32,
    /// The latest bursts of writes to it from two Ps, for Go's
    /// `hashWriting` check between Ps (see [`Heap::map_writing`]).
    pub writing: [MapWriting; 2],
}

/// A burst of writes to one map from one P: the span of virtual time
/// during which that P kept setting Go's `hashWriting` flag, and how many
/// writes it made in it. Another P touching the map inside the span may
/// find the flag set (`concurrent map writes`).
#[derive(Clone, Copy, Debug, Default)]
pub struct MapWriting {
    pub p: u32,
    /// `Vm::sync_epoch` at its writes: a synchronising operation ends it.
    pub epoch: u64,
    pub start: u64,
    pub end: u64,
    pub count: u32,
}

impl GoMap {
    fn grow(&mut self) {
        let new_cap = if (self.len as usize + 1) * 2 > self.slots.len() { self.slots.len() * 2 } else { self.slots.len() };
        let old = std::mem::replace(&mut self.slots, vec![MSlot::Empty; new_cap]);
        self.len = 0;
        self.used = 0;
        self.generation += 1;
        for s in old {
            if let MSlot::Full { hash, key, val } = s {
                self.insert_new(hash, key, val);
            }
        }
    }

    /// Inserts a key known to be absent.
    fn insert_new(&mut self, hash: u64, key: Value, val: Value) {
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            match self.slots[i] {
                MSlot::Empty => {
                    self.used += 1;
                    break;
                }
                MSlot::Tomb => break,
                MSlot::Full { .. } => i = (i + 1) & mask,
            }
        }
        self.slots[i] = MSlot::Full { hash, key, val };
        self.len += 1;
    }
}

/// A snapshot of a map's entries taken when a `range` starts.
#[derive(Debug)]
pub struct MapIter {
    map: Handle,
    generation: u32,
    entries: Vec<u32>,
    keys: Vec<Value>,
    pos: usize,
}

/// A float's bits for hashing: +0 and -0 are equal keys, so hash alike.
#[inline]
fn float_bits(f: f64) -> u64 {
    if f == 0.0 { 0 } else { f.to_bits() }
}

fn same_bits(a: Value, b: Value) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        _ => a == b,
    }
}

#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    let x = (x ^ (x >> 31)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 29)
}

fn hash_bytes(seed: u64, b: &[u8]) -> u64 {
    let mut acc = mix(seed, b.len() as u64);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        acc = mix(acc, u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
    }
    let mut tail = 0u64;
    for (i, &x) in chunks.remainder().iter().enumerate() {
        tail |= (x as u64) << (8 * i);
    }
    mix(acc, tail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rtype::builtin_types;

    #[test]
    fn bytes_append_in_place_only_for_the_tail_owner() {
        let mut h = Heap::new(1 << 30);
        let arr = h.alloc_byte_arr(ByteKind::U8, b"ab".to_vec(), 2).unwrap();
        assert_eq!(h.append_bytes_in_place(arr, 2, b"cd").unwrap(), Some(4));
        assert_eq!(h.byte_arr(arr).unwrap(), b"abcd");
        // A holder that still thinks the length is 2 must not append over
        // the bytes someone else added: it is told to copy instead.
        assert_eq!(h.append_bytes_in_place(arr, 2, b"XY").unwrap(), None);
        assert_eq!(h.byte_arr(arr).unwrap(), b"abcd");
        for _ in 0..1000 {
            let n = h.byte_arr(arr).unwrap().len();
            h.append_bytes_in_place(arr, n, b"z").unwrap();
        }
        assert_eq!(h.byte_arr(arr).unwrap().len(), 1004);
        let s = h.alloc_str(b"str").unwrap();
        let Value::Str { obj, .. } = s else { unreachable!() };
        assert_eq!(h.append_bytes_in_place(obj, 3, b"!").unwrap(), None, "strings are immutable");
    }

    #[test]
    fn tiny_objects_are_the_small_pointer_free_allocations() {
        let mut h = Heap::new(1 << 30);
        // A sync.Mutex (state, sema) allocated alone: 8 bytes, no pointers.
        let mu = h.alloc_slots(vec![Value::Int(0), Value::Int(0)], 8).unwrap();
        assert!(h.is_tiny(mu));
        // The same mutex as a field of a struct with an int: 16 bytes.
        let inner = h.alloc_slots(vec![Value::Int(0), Value::Int(0)], 8).unwrap();
        let _account = h.alloc_slots(vec![Value::Agg(inner), Value::Int(5)], 16).unwrap();
        assert!(!h.is_tiny(inner));
        // A small struct that holds a pointer is scanned: never tiny.
        let inner2 = h.alloc_slots(vec![Value::Int(0), Value::Int(0)], 8).unwrap();
        let _small = h.alloc_slots(vec![Value::Agg(inner2), Value::Nil], 8).unwrap();
        assert!(!h.is_tiny(inner2));
    }

    #[test]
    fn bytes_append_respects_the_heap_budget() {
        let mut h = Heap::new(4096);
        let arr = h.alloc_byte_arr(ByteKind::U8, Vec::new(), 0).unwrap();
        let big = vec![7u8; 8192];
        assert!(h.append_bytes_in_place(arr, 0, &big).is_err());
    }

    #[test]
    fn gc_frees_unreachable_and_keeps_reachable() {
        let types = builtin_types();
        let mut h = Heap::new(1 << 30);
        let keep = h.alloc_str(b"kept").unwrap();
        let inner = h.alloc_str(b"inner").unwrap();
        let agg = h.alloc_slots(vec![inner, Value::Int(1)], 32).unwrap();
        let dropped = h.alloc_str(b"garbage").unwrap();
        let cyc_a = h.alloc(Obj::Cell(Value::Nil), 8).unwrap();
        let cyc_b = h.alloc(Obj::Cell(Value::Ptr { obj: cyc_a, slot: 0 }), 8).unwrap();
        *h.slots_mut(cyc_a).first_mut().unwrap() = Value::Ptr { obj: cyc_b, slot: 0 };
        let before = h.live_objects();
        let freed = h.collect(&mut [keep, Value::Agg(agg)].into_iter());
        assert_eq!(freed, 3, "the dropped string and the unreachable cycle");
        assert_eq!(h.live_objects(), before - 3);
        assert_eq!(h.str_bytes(keep), b"kept");
        assert_eq!(h.str_bytes(h.slots(agg)[0]), b"inner");
        assert!(matches!(h.get(dropped.handle().unwrap()), Obj::Free));
        // Freed slots are reused.
        let again = h.alloc_str(b"new").unwrap();
        assert!(again.handle().unwrap() <= cyc_b);
        let _ = types;
    }

    #[test]
    fn reachable_counts_go_bytes() {
        let mut h = Heap::new(1 << 30);
        let body = h.alloc_slots(vec![Value::Int(0); 100], 1 << 20).unwrap();
        let cell = h.alloc(Obj::Cell(Value::Slice { obj: body, off: 0, len: 100, cap: 100 }), 8).unwrap();
        let r = h.reachable(&mut std::iter::once(Value::Ptr { obj: cell, slot: 0 }));
        assert_eq!(r.objects, 2);
        assert_eq!(r.go_bytes, (1 << 20) + 8);
        assert_eq!(h.reachable(&mut std::iter::empty()).objects, 0);
    }

    #[test]
    fn budget_is_enforced() {
        let mut h = Heap::new(1000);
        assert!(h.alloc_str(&[1u8; 500]).is_ok());
        assert!(matches!(h.alloc_str(&[1u8; 600]), Err(HeapError::OutOfMemory { .. })));
    }

    #[test]
    fn map_set_get_delete_and_growth() {
        let types = builtin_types();
        let mut h = Heap::new(1 << 30);
        let Value::Map(m) = h.alloc_map(42, 0).unwrap() else { panic!() };
        for i in 0..1000 {
            h.map_set(&types, m, Value::Int(i), Value::Int(i * i)).unwrap();
        }
        assert_eq!(h.map_len(Value::Map(m)), 1000);
        assert_eq!(h.map_get(&types, Value::Map(m), Value::Int(30)).unwrap(), Some(Value::Int(900)));
        h.map_delete(&types, Value::Map(m), Value::Int(30)).unwrap();
        assert_eq!(h.map_get(&types, Value::Map(m), Value::Int(30)).unwrap(), None);
        assert_eq!(h.map_len(Value::Map(m)), 999);
        let k = h.alloc_str(b"key").unwrap();
        let k2 = h.alloc_str(b"a key").unwrap();
        let Value::Str { obj, .. } = k2 else { panic!() };
        h.map_set(&types, m, k, Value::Int(7)).unwrap();
        // An equal string in another buffer finds the same entry.
        assert_eq!(h.map_get(&types, Value::Map(m), Value::Str { obj, off: 2, len: 3 }).unwrap(), Some(Value::Int(7)));
    }

    #[test]
    fn nan_keys_are_all_distinct() {
        let types = builtin_types();
        let mut h = Heap::new(1 << 30);
        let Value::Map(m) = h.alloc_map(1, 0).unwrap() else { panic!() };
        h.map_set(&types, m, Value::Float(f64::NAN), Value::Int(1)).unwrap();
        h.map_set(&types, m, Value::Float(f64::NAN), Value::Int(2)).unwrap();
        assert_eq!(h.map_len(Value::Map(m)), 2);
        assert_eq!(h.map_get(&types, Value::Map(m), Value::Float(f64::NAN)).unwrap(), None);
        let it = h.map_iter(Value::Map(m), 0).unwrap();
        let mut n = 0;
        while h.map_next(&types, it).unwrap().is_some() {
            n += 1;
        }
        assert_eq!(n, 2, "range yields NaN entries");
    }

    #[test]
    fn complex_keys_compare_by_value() {
        let types = builtin_types();
        let mut h = Heap::new(1 << 30);
        let Value::Map(m) = h.alloc_map(1, 0).unwrap() else { panic!() };
        h.map_set(&types, m, Value::from_complex(0.0, 1.0), Value::Int(1)).unwrap();
        // -0 and +0 parts are the same key, as in Go.
        h.map_set(&types, m, Value::from_complex(-0.0, 1.0), Value::Int(2)).unwrap();
        assert_eq!(h.map_len(Value::Map(m)), 1);
        assert_eq!(h.map_get(&types, Value::Map(m), Value::from_complex(0.0, 1.0)).unwrap(), Some(Value::Int(2)));
        // A NaN in either part never finds its entry.
        h.map_set(&types, m, Value::from_complex(1.0, f64::NAN), Value::Int(3)).unwrap();
        h.map_set(&types, m, Value::from_complex(1.0, f64::NAN), Value::Int(4)).unwrap();
        assert_eq!(h.map_len(Value::Map(m)), 3);
        assert_eq!(h.map_get(&types, Value::Map(m), Value::from_complex(1.0, f64::NAN)).unwrap(), None);
        assert_eq!(h.equal(&types, Value::from_complex(1.0, 2.0), Value::from_complex(1.0, 2.0)), Ok(true));
        assert_eq!(h.equal(&types, Value::from_complex(1.0, 2.0), Value::from_complex(1.0, -2.0)), Ok(false));
    }
}

/// The aggregate a sync method's receiver (a pointer) points to.
pub(crate) fn obj_of(heap: &Heap, recv: Value) -> Option<Handle> {
    match recv {
        Value::Ptr { obj, slot: crate::value::WHOLE } => Some(obj),
        Value::Ptr { obj, slot } => match heap.elem(obj, slot as usize) {
            Value::Agg(h) => Some(h),
            _ => None,
        },
        Value::Agg(h) => Some(h),
        _ => None,
    }
}

/// Go's `maxAlloc` on linux/amd64 (the playground's platform): the largest
/// allocation `makeslice` and `makechan` accept before they panic with
/// `len out of range` / `size out of range` (smaller ones past the heap
/// budget run out of memory instead).
pub const MAX_ALLOC: u64 = 1 << 48;

/// Go's `hchanSize` on amd64: a channel's header.
const HCHAN_SIZE: u64 = 96;

/// Why `makechan` failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum MakechanError {
    /// Go's panic `makechan: size out of range`: a negative size, or a
    /// buffer larger than Go's `maxAlloc`.
    SizeOutOfRange,
    /// Within Go's limits but not the heap budget's (Go runs out of
    /// memory too, at the machine's limit).
    OutOfMemory(HeapError),
}

impl MakechanError {
    /// Go's panic text for `SizeOutOfRange`.
    pub const SIZE_OUT_OF_RANGE: &'static str = "makechan: size out of range";
}

/// `makechan`: a channel of `size` slots of `elem_ty`, whose Go size is
/// `elem_size` bytes (runtime/chan.go's checks).
pub(crate) fn makechan(heap: &mut Heap, elem_ty: u32, elem_size: u64, size: i64) -> Result<Value, MakechanError> {
    if size < 0 || elem_size as u128 * size as u128 > (MAX_ALLOC - HCHAN_SIZE) as u128 {
        return Err(MakechanError::SizeOutOfRange);
    }
    // The engine holds a buffered value in a host slot of its own, even
    // a `struct{}`: a channel costs its capacity in slots.
    let oom = || MakechanError::OutOfMemory(HeapError::OutOfMemory { requested: u64::MAX, budget: heap.budget() });
    if size > u32::MAX as i64 || (size as u64).saturating_mul(VALUE_BYTES) > heap.budget() {
        return Err(oom());
    }
    let obj = ChanObj { cap: size as u32, elem_ty, ..ChanObj::default() };
    heap.alloc(Obj::Chan(Box::new(obj)), HCHAN_SIZE).map(Value::Chan).map_err(MakechanError::OutOfMemory)
}
