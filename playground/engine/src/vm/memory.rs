//! Memory access: loads and stores through pointers, aggregates, slices
//! and their backing arrays (`makeslice`, `growslice`, `append`, slice
//! expressions), and type assertions.

use super::*;

impl Vm {
    #[inline]
    pub(super) fn load_ptr(&self, obj: Handle, slot: u32) -> Value {
        if slot == WHOLE {
            Value::Agg(obj)
        } else {
            self.heap.elem(obj, slot as usize)
        }
    }

    #[inline]
    pub(super) fn store_ptr(&mut self, obj: Handle, slot: u32, v: Value) -> Result<(), HeapError> {
        if slot == WHOLE {
            match v {
                Value::Agg(src) => self.heap.copy_into(obj, src),
                _ => Ok(()),
            }
        } else {
            self.heap.store_slot(obj, slot as usize, v)
        }
    }

    /// The object holding a struct's fields (a struct value or a pointer
    /// to one).
    #[inline]
    pub(super) fn agg_of(&mut self, v: Value) -> Result<Handle, Flow> {
        match v {
            Value::Agg(h) | Value::Ptr { obj: h, slot: WHOLE } => Ok(h),
            Value::Ptr { obj, slot } => match self.load_ptr(obj, slot) {
                Value::Agg(h) => Ok(h),
                _ => Err(self.nil_deref()),
            },
            _ => Err(self.nil_deref()),
        }
    }

    /// (object, offset, length) of an indexable sequence of slots.
    #[inline]
    pub(super) fn seq_of(&self, v: Value) -> Option<(Handle, usize, usize)> {
        match v {
            Value::Slice { obj, off, len, .. } => Some((obj, off as usize, len as usize)),
            Value::Agg(h) | Value::Ptr { obj: h, slot: WHOLE } => Some((h, 0, self.heap.slots(h).len())),
            Value::Nil => Some((0, 0, 0)),
            _ => None,
        }
    }

    pub(super) fn elem_size(prog: &Bytecode, elem: u32) -> u64 {
        prog.types.get(elem as usize).map_or(8, |t| t.size)
    }

    /// A backing store of `cap` slots: `vals` then zero values.
    pub(super) fn new_backing(&mut self, prog: &Bytecode, elem: u32, vals: &[Value], cap: usize) -> Result<Handle, Flow> {
        self.new_backing_from(prog, elem, &[vals], cap)
    }

    /// A backing store of `cap` slots: the concatenated `parts` (copied
    /// with value semantics), then zero values.
    pub(super) fn new_backing_from(&mut self, prog: &Bytecode, elem: u32, parts: &[&[Value]], cap: usize) -> Result<Handle, Flow> {
        if let Some(kind) = ByteKind::of(&prog.types, elem) {
            self.heap.reserve(cap as u64)?;
            let mut data = Vec::with_capacity(cap);
            for part in parts {
                data.extend(part.iter().map(|&v| ByteKind::store(v)));
            }
            data.resize(cap, 0);
            return Ok(self.heap.alloc_byte_arr(kind, data, cap as u64)?);
        }
        self.heap.reserve(cap as u64 * std::mem::size_of::<Value>() as u64)?;
        let mut slots = Vec::with_capacity(cap);
        let aggregate = Heap::zero_is_aggregate(&prog.types, elem);
        for part in parts {
            if aggregate {
                for &v in *part {
                    slots.push(self.heap.clone_value(v)?);
                }
            } else {
                slots.extend_from_slice(part);
            }
        }
        if aggregate {
            while slots.len() < cap {
                slots.push(self.heap.zero(&prog.types, elem)?);
            }
        } else {
            let z = self.heap.zero(&prog.types, elem)?;
            slots.resize(cap, z);
        }
        Ok(self.heap.alloc_slots(slots, cap as u64 * Self::elem_size(prog, elem))?)
    }

    /// `append(s, vals...)` with Go's growth policy (`growslice`).
    pub(super) fn append(&mut self, prog: &Bytecode, elem: u32, s: Value, vals: &[Value]) -> Result<Value, Flow> {
        let (obj, off, len, cap) = match s {
            Value::Slice { obj, off, len, cap } => (obj, off as usize, len as usize, cap as usize),
            _ => (0, 0, 0, 0),
        };
        if vals.is_empty() {
            return Ok(s);
        }
        let new_len = len + vals.len();
        if new_len > u32::MAX as usize {
            return Err(Flow::from(HeapError::OutOfMemory { requested: u64::MAX, budget: self.heap.budget() }));
        }
        if new_len <= cap {
            for (i, &v) in vals.iter().enumerate() {
                self.heap.store_slot(obj, off + len + i, v)?;
            }
            return Ok(Value::Slice { obj, off: off as u32, len: new_len as u32, cap: cap as u32 });
        }
        let new_cap = grow_cap(cap, new_len, Self::elem_size(prog, elem));
        // Take the old array out while the new one is built from it (no
        // collection can run inside an instruction), then put it back.
        if let (Some(kind), Some(old)) = (ByteKind::of(&prog.types, elem), self.heap.byte_arr(obj)) {
            // Byte buffers grow byte-wise, without going through values.
            self.heap.reserve(new_cap as u64)?;
            let mut data = Vec::with_capacity(new_cap);
            data.extend_from_slice(old.get(off..off + len).unwrap_or(&[]));
            data.extend(vals.iter().map(|&v| ByteKind::store(v)));
            data.resize(new_cap, 0);
            let h = self.heap.alloc_byte_arr(kind, data, new_cap as u64)?;
            return Ok(Value::Slice { obj: h, off: 0, len: new_len as u32, cap: new_cap as u32 });
        }
        let old = self.heap.take_slots(obj);
        let r = self.new_backing_from(prog, elem, &[old.get(off..off + len).unwrap_or(&[]), vals], new_cap);
        self.heap.put_slots(obj, old);
        let h = r?;
        Ok(Value::Slice { obj: h, off: 0, len: new_len as u32, cap: new_cap as u32 })
    }

    /// The bytes of a string, or of a slice stored as a byte array.
    pub(super) fn raw_bytes(&self, v: Value) -> Option<&[u8]> {
        match v {
            Value::Str { .. } => Some(self.heap.str_bytes(v)),
            Value::Slice { obj, off, len, .. } => self.heap.byte_arr(obj)?.get(off as usize..(off + len) as usize),
            _ => None,
        }
    }

    /// `append(s, bytes...)` for a slice of a byte kind, the bytes raw;
    /// None when `s` is not stored as bytes (the caller goes through values).
    pub(super) fn append_raw(&mut self, prog: &Bytecode, elem: u32, s: Value, bytes: &[u8]) -> Option<Result<Value, Flow>> {
        let kind = ByteKind::of(&prog.types, elem)?;
        let (obj, off, len, cap) = match s {
            Value::Slice { obj, off, len, cap } => (obj, off as usize, len as usize, cap as usize),
            Value::Nil => (0, 0, 0, 0),
            _ => return None,
        };
        if bytes.is_empty() {
            return Some(Ok(s));
        }
        let old: &[u8] = if len == 0 && cap == 0 { &[] } else { self.heap.byte_arr(obj)?.get(off..off + len)? };
        let new_len = len + bytes.len();
        if new_len > u32::MAX as usize {
            return Some(Err(Flow::from(HeapError::OutOfMemory { requested: u64::MAX, budget: self.heap.budget() })));
        }
        if new_len <= cap {
            let Some(Obj::ByteArr(_, d)) = self.heap.get_mut(obj) else { return None };
            d.get_mut(off + len..off + new_len)?.copy_from_slice(bytes);
            return Some(Ok(Value::Slice { obj, off: off as u32, len: new_len as u32, cap: cap as u32 }));
        }
        let new_cap = grow_cap(cap, new_len, Self::elem_size(prog, elem));
        if let Err(e) = self.heap.reserve(new_cap as u64) {
            return Some(Err(e.into()));
        }
        let mut data = Vec::with_capacity(new_cap);
        data.extend_from_slice(old);
        data.extend_from_slice(bytes);
        data.resize(new_cap, 0);
        Some(match self.heap.alloc_byte_arr(kind, data, new_cap as u64) {
            Ok(h) => Ok(Value::Slice { obj: h, off: 0, len: new_len as u32, cap: new_cap as u32 }),
            Err(e) => Err(e.into()),
        })
    }

    /// The elements of a slice or the bytes of a string, as values.
    /// A new array value holding a copy of `n` elements of `obj` from `off`.
    pub(super) fn array_of(&mut self, obj: Handle, off: usize, n: usize) -> Result<Value, HeapError> {
        let mut elems = self.heap.elems(obj, off, n);
        for e in elems.iter_mut() {
            *e = self.heap.clone_value(*e)?;
        }
        let h = self.heap.alloc_slots(elems, 8 * n as u64)?;
        Ok(Value::Agg(h))
    }

    pub(super) fn elems(&self, v: Value) -> Vec<Value> {
        match v {
            Value::Str { .. } => self.heap.str_bytes(v).iter().map(|&b| Value::Int(b as i64)).collect(),
            _ => match self.seq_of(v) {
                Some((obj, off, len)) => self.heap.elems(obj, off, len),
                None => Vec::new(),
            },
        }
    }

    pub(super) fn slice_expr(&mut self, x: Value, lo: Option<i64>, hi: Option<i64>, max: Option<i64>) -> Result<Value, Flow> {
        let (obj, off, len, cap, is_str, is_slice) = match x {
            Value::Str { obj, off, len } => (obj, off as i64, len as i64, len as i64, true, false),
            Value::Slice { obj, off, len, cap } => (obj, off as i64, len as i64, cap as i64, false, true),
            Value::Nil => (0, 0, 0, 0, false, true),
            Value::Agg(h) | Value::Ptr { obj: h, slot: WHOLE } => {
                let n = self.heap.slots(h).len() as i64;
                (h, 0, n, n, false, false)
            }
            _ => return Err(self.nil_deref()),
        };
        let lo_v = lo.unwrap_or(0);
        let hi_v = hi.unwrap_or(len);
        if let Some(m) = max {
            if m < 0 || m > cap {
                return Err(self.bounds(if is_slice { Bounds::Slice3Acap } else { Bounds::Slice3Alen }, m, cap));
            }
            if hi_v < 0 || hi_v > m {
                return Err(self.bounds(Bounds::Slice3B, hi_v, m));
            }
            if lo_v < 0 || lo_v > hi_v {
                return Err(self.bounds(Bounds::Slice3C, lo_v, hi_v));
            }
        } else {
            if hi_v < 0 || hi_v > cap {
                return Err(self.bounds(if is_slice { Bounds::SliceAcap } else { Bounds::SliceAlen }, hi_v, cap));
            }
            if lo_v < 0 || lo_v > hi_v {
                return Err(self.bounds(Bounds::SliceB, lo_v, hi_v));
            }
        }
        let new_cap = max.unwrap_or(cap) - lo_v;
        Ok(if is_str {
            Value::Str { obj: if hi_v == lo_v { 0 } else { obj }, off: if hi_v == lo_v { 0 } else { (off + lo_v) as u32 }, len: (hi_v - lo_v) as u32 }
        } else if matches!(x, Value::Nil) {
            Value::Nil
        } else {
            Value::Slice { obj, off: (off + lo_v) as u32, len: (hi_v - lo_v) as u32, cap: new_cap as u32 }
        })
    }

    pub(super) fn type_assert(&mut self, prog: &Bytecode, site: u32, x: Value) -> Result<Value, String> {
        let Some(site) = prog.asserts.get(site as usize).copied() else { return Err("bad assertion site".into()) };
        let Some(target) = prog.types.get(site.target as usize) else { return Err("bad assertion type".into()) };
        if let Kind::Interface(methods) = &target.kind {
            let Value::Iface { tid, .. } = x else {
                return Err(panic::type_assertion(None, None, &target.name, None));
            };
            let Some(dynt) = prog.types.get(tid as usize) else { return Err("bad dynamic type".into()) };
            let mut missing: Vec<&str> =
                methods.iter().filter(|&&m| dynt.method(m).is_none()).map(|&m| prog.method_names.get(m as usize).map_or("?", |s| s.as_str())).collect();
            missing.sort();
            if let Some(m) = missing.first() {
                return Err(panic::type_assertion(None, Some(&dynt.name), &target.name, Some(m)));
            }
            return Ok(x);
        }
        let iface_name = prog.type_name(site.iface);
        match x {
            Value::Iface { tid, obj } if tid == site.target => Ok(self.heap.cell(obj)),
            Value::Iface { tid, .. } => Err(panic::type_assertion(Some(iface_name), Some(prog.type_name(tid)), &target.name, None)),
            _ => Err(panic::type_assertion(Some(iface_name), None, &target.name, None)),
        }
    }
}
