//! The dispatch loop: one `match` over the goroutine's next [`Op`] until
//! its budget runs out or it stops (clox's `run`).

use super::*;

impl Vm {
    pub(super) fn run<const RACE: bool>(&mut self, g: &mut GState, left: &mut u32) -> Stop {
        let prog = self.prog.clone();
        let prog: &Bytecode = &prog;
        let types = &prog.types[..];
        'reload: loop {
            let Some(fr) = g.frames.last() else { return Stop::Returned };
            // The running frame, cached; the call and return fast paths
            // switch these without going through 'reload.
            let mut fidx = g.frames.len() - 1;
            let Some(func) = prog.funcs.get(fr.func as usize) else { return flow_stop(internal("bad frame")) };
            let mut code = &func.chunk.code[..];
            let mut base = fr.base as usize;
            let mut env = fr.env;
            let mut ip = fr.ip as usize;

            macro_rules! save {
                () => {
                    if let Some(f) = g.frames.get_mut(fidx) {
                        f.ip = ip as u32
                    }
                };
            }
            macro_rules! pop {
                () => {
                    g.stack.pop().unwrap_or_default()
                };
            }
            macro_rules! push {
                ($v:expr) => {
                    g.stack.push($v)
                };
            }
            // `-race`: goroutine `g` reads or writes `$a` (this copy of
            // the loop only; the other has no trace of it).
            macro_rules! race {
                ($a:expr, $w:expr) => {
                    if RACE {
                        save!();
                        self.raceaccess(g, $a, $w)
                    }
                };
            }
            // Leaves the instruction through a non-local path.
            macro_rules! flow {
                ($f:expr) => {{
                    let f: Flow = $f;
                    save!();
                    handle!(f)
                }};
            }
            // The same, when the frames may already have changed.
            macro_rules! handle {
                ($f:expr) => {{
                    let mut f: Flow = $f;
                    // Each round consumes a defer record, so this ends.
                    loop {
                        match f {
                            Flow::Stop(s) => return s,
                            Flow::Panic(v, sig) => match self.begin_panic(g, prog, v, sig, false) {
                                Ok(()) => continue 'reload,
                                Err(nf) => f = nf,
                            },
                        }
                    }
                }};
            }
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => flow!(Flow::from(e)),
                    }
                };
            }
            macro_rules! int_bin {
                ($f:expr) => {{
                    let b = pop!().int();
                    if let Some(t) = g.stack.last_mut() {
                        let a = t.int();
                        *t = Value::Int($f(a, b));
                    }
                }};
            }
            macro_rules! float_bin {
                ($f:expr) => {{
                    let b = pop!().float();
                    if let Some(t) = g.stack.last_mut() {
                        let a = t.float();
                        *t = Value::Float($f(a, b));
                    }
                }};
            }
            macro_rules! cmp {
                ($get:ident, $f:expr) => {{
                    let b = pop!().$get();
                    if let Some(t) = g.stack.last_mut() {
                        let a = t.$get();
                        *t = Value::Bool($f(a, b));
                    }
                }};
            }
            macro_rules! str_cmp {
                ($f:expr) => {{
                    let b = pop!();
                    let a = pop!();
                    let r = $f(self.heap.str_bytes(a).cmp(self.heap.str_bytes(b)));
                    push!(Value::Bool(r));
                }};
            }

            // A panic the runtime raised into this goroutine while it was
            // parked (send on closed channel...): unwind from here.
            if let Some(v) = g.pending_panic.take() {
                handle!(Flow::Panic(v, false))
            }
            if let Some(panicking) = g.resume_defers.take() {
                let r = if panicking {
                    if let Some(p) = g.panics.last_mut() {
                        p.defer_frame = None;
                    }
                    self.continue_panicking(g, prog)
                } else {
                    self.continue_return(g, prog)
                };
                match r {
                    Ok(()) => continue 'reload,
                    Err(f) => handle!(f),
                }
            }
            loop {
                if *left == 0 {
                    save!();
                    self.budget_spent = true;
                    return Stop::Budget;
                }
                *left -= 1;
                let Some(&op) = code.get(ip) else {
                    save!();
                    return flow_stop(internal("ran off the end of a function"));
                };
                ip += 1;
                match op {
                    Op::Const(i) => push!(self.consts.get(i as usize).copied().unwrap_or_default()),
                    Op::PushInt(n) => push!(Value::Int(n as i64)),
                    Op::PushBool(b) => push!(Value::Bool(b)),
                    Op::PushNil => push!(Value::Nil),
                    Op::Zero(t) => {
                        let v = tri!(self.heap.zero(types, t));
                        push!(v)
                    }
                    Op::Pop => {
                        g.stack.pop();
                    }
                    Op::PopN(n) => {
                        let l = g.stack.len().saturating_sub(n as usize);
                        g.stack.truncate(l)
                    }
                    Op::Dup => {
                        let v = g.stack.last().copied().unwrap_or_default();
                        push!(v)
                    }
                    Op::Dup2 => {
                        let l = g.stack.len();
                        if l >= 2 {
                            g.stack.extend_from_within(l - 2..);
                        }
                    }
                    Op::Swap => {
                        let l = g.stack.len();
                        if l >= 2 {
                            g.stack.swap(l - 1, l - 2)
                        }
                    }

                    Op::GetLocal(i) => {
                        let v = g.stack.get(base + i as usize).copied().unwrap_or_default();
                        push!(v)
                    }
                    Op::SetLocal(i) => {
                        let v = pop!();
                        if let Some(s) = g.stack.get_mut(base + i as usize) {
                            *s = v
                        }
                    }
                    Op::GetGlobal(i) => {
                        race!(race::Addr::Global(i), false);
                        push!(self.globals.get(i as usize).copied().unwrap_or_default())
                    }
                    Op::SetGlobal(i) => {
                        race!(race::Addr::Global(i), true);
                        let v = pop!();
                        if let Some(s) = self.globals.get_mut(i as usize) {
                            *s = v
                        }
                    }
                    Op::GetCapture(i) => push!(self.capture(env, i)),
                    Op::LoadCapture(i) => match self.capture(env, i) {
                        Value::Ptr { obj, slot } => {
                            if RACE && slot != WHOLE {
                                race!(race::Addr::Slot(obj, slot), false);
                            }
                            push!(self.load_ptr(obj, slot))
                        }
                        _ => flow!(self.nil_deref()),
                    },
                    Op::StoreCapture(i) => {
                        let v = pop!();
                        match self.capture(env, i) {
                            Value::Ptr { obj, slot } => {
                                if RACE {
                                    save!();
                                    self.raceaccess_ptr(g, obj, slot, true);
                                }
                                tri!(self.store_ptr(obj, slot, v))
                            }
                            _ => flow!(self.nil_deref()),
                        }
                    }
                    Op::NewCell => {
                        let v = pop!();
                        let h = tri!(self.heap.alloc(Obj::Cell(v), 8));
                        push!(Value::Ptr { obj: h, slot: 0 })
                    }
                    Op::Load => match pop!() {
                        Value::Ptr { obj, slot } => {
                            if RACE && slot != WHOLE {
                                race!(race::Addr::Slot(obj, slot), false);
                            }
                            push!(self.load_ptr(obj, slot))
                        }
                        // An array pointer into a slice's backing array: the
                        // array in place (indexing it writes there); a copy
                        // is made where Go copies, by `Clone`.
                        x @ Value::Slice { .. } => push!(x),
                        _ => flow!(self.nil_deref()),
                    },
                    Op::Store => {
                        let v = pop!();
                        match pop!() {
                            Value::Ptr { obj, slot } => {
                                if RACE {
                                    save!();
                                    self.raceaccess_ptr(g, obj, slot, true);
                                }
                                tri!(self.store_ptr(obj, slot, v))
                            }
                            // `*p = a` for an array pointer into a slice's
                            // backing array: element by element.
                            Value::Slice { obj, off, len, .. } => {
                                let elems = self.elems(v);
                                for (i, e) in elems.into_iter().take(len as usize).enumerate() {
                                    tri!(self.heap.store_slot(obj, off as usize + i, e))
                                }
                            }
                            _ => flow!(self.nil_deref()),
                        }
                    }

                    Op::Clone => {
                        let v = pop!();
                        // Only an array in a slice's backing array (see
                        // `Load`) reaches here as a slice: aggregates only
                        // are cloned.
                        let c = match v {
                            Value::Slice { obj, off, len, .. } => tri!(self.array_of(obj, off as usize, len as usize)),
                            _ => tri!(self.heap.clone_value(v)),
                        };
                        push!(c)
                    }
                    Op::Addr => match pop!() {
                        Value::Agg(h) => push!(Value::Ptr { obj: h, slot: WHOLE }),
                        _ => flow!(internal("address of a non-aggregate")),
                    },
                    Op::Field(i) => {
                        let x = pop!();
                        let h = match self.agg_of(x) {
                            Ok(h) => h,
                            Err(f) => flow!(f),
                        };
                        race!(race::Addr::Slot(h, i as u32), false);
                        push!(self.heap.slots(h).get(i as usize).copied().unwrap_or_default())
                    }
                    Op::SetField(i) => {
                        let v = pop!();
                        let x = pop!();
                        let h = match self.agg_of(x) {
                            Ok(h) => h,
                            Err(f) => flow!(f),
                        };
                        race!(race::Addr::Slot(h, i as u32), true);
                        tri!(self.heap.store_slot(h, i as usize, v))
                    }
                    Op::FieldAddr(i) => {
                        let x = pop!();
                        let h = match self.agg_of(x) {
                            Ok(h) => h,
                            Err(f) => flow!(f),
                        };
                        match self.heap.slots(h).get(i as usize) {
                            Some(Value::Agg(c)) => push!(Value::Ptr { obj: *c, slot: WHOLE }),
                            _ => push!(Value::Ptr { obj: h, slot: i as u32 }),
                        }
                    }
                    Op::Index => {
                        let i = pop!().int();
                        let x = pop!();
                        if let Value::Str { .. } = x {
                            let b = self.heap.str_bytes(x);
                            match usize::try_from(i).ok().and_then(|i| b.get(i)) {
                                Some(&c) => push!(Value::Int(c as i64)),
                                None => {
                                    let n = b.len() as i64;
                                    flow!(self.bounds(Bounds::Index, i, n))
                                }
                            }
                        } else {
                            let Some((obj, off, len)) = self.seq_of(x) else { flow!(self.nil_deref()) };
                            if i < 0 || i as usize >= len {
                                flow!(self.bounds(Bounds::Index, i, len as i64))
                            }
                            race!(race::Addr::Slot(obj, (off + i as usize) as u32), false);
                            push!(self.heap.elem(obj, off + i as usize))
                        }
                    }
                    Op::SetIndex => {
                        let v = pop!();
                        let i = pop!().int();
                        let x = pop!();
                        let Some((obj, off, len)) = self.seq_of(x) else { flow!(self.nil_deref()) };
                        if i < 0 || i as usize >= len {
                            flow!(self.bounds(Bounds::Index, i, len as i64))
                        }
                        race!(race::Addr::Slot(obj, (off + i as usize) as u32), true);
                        tri!(self.heap.store_slot(obj, off + i as usize, v))
                    }
                    Op::IndexAddr => {
                        let i = pop!().int();
                        let x = pop!();
                        let Some((obj, off, len)) = self.seq_of(x) else { flow!(self.nil_deref()) };
                        if i < 0 || i as usize >= len {
                            flow!(self.bounds(Bounds::Index, i, len as i64))
                        }
                        let at = off + i as usize;
                        match self.heap.slots(obj).get(at) {
                            Some(Value::Agg(c)) => push!(Value::Ptr { obj: *c, slot: WHOLE }),
                            _ => push!(Value::Ptr { obj, slot: at as u32 }),
                        }
                    }
                    Op::SliceExpr(flags) => {
                        let max = if flags & SLICE_MAX != 0 { Some(pop!().int()) } else { None };
                        let hi = if flags & SLICE_HI != 0 { Some(pop!().int()) } else { None };
                        let lo = if flags & SLICE_LO != 0 { Some(pop!().int()) } else { None };
                        let x = pop!();
                        match self.slice_expr(x, lo, hi, max) {
                            Ok(v) => push!(v),
                            Err(f) => flow!(f),
                        }
                    }
                    Op::Len => {
                        let x = pop!();
                        let n = match x {
                            Value::Str { len, .. } | Value::Slice { len, .. } => len as usize,
                            Value::Agg(h) => self.heap.slots(h).len(),
                            Value::Map(_) => self.heap.map_len(x),
                            Value::Chan(h) => match self.heap.get(h) {
                                Obj::Chan(c) => c.buf.len(),
                                _ => 0,
                            },
                            _ => 0,
                        };
                        push!(Value::Int(n as i64))
                    }
                    Op::Cap => {
                        let n = match pop!() {
                            Value::Slice { cap, .. } => cap as usize,
                            Value::Agg(h) => self.heap.slots(h).len(),
                            Value::Chan(h) => match self.heap.get(h) {
                                Obj::Chan(c) => c.cap as usize,
                                _ => 0,
                            },
                            _ => 0,
                        };
                        push!(Value::Int(n as i64))
                    }
                    Op::MakeSlice(elem) => {
                        let cap = pop!().int();
                        let len = pop!().int();
                        if let Some(msg) = makeslice_error(Self::elem_size(prog, elem), len, cap) {
                            flow!(self.rt_error(rtype::T_RT_ERRORSTRING, msg))
                        }
                        // Within Go's limits but past the heap budget (or
                        // the engine's 2^32 elements): out of memory.
                        if cap > u32::MAX as i64 {
                            flow!(Flow::from(HeapError::OutOfMemory { requested: u64::MAX, budget: self.heap.budget() }))
                        }
                        let h = match self.new_backing(prog, elem, &[], cap as usize) {
                            Ok(h) => h,
                            Err(f) => flow!(f),
                        };
                        push!(Value::Slice { obj: h, off: 0, len: len as u32, cap: cap as u32 })
                    }
                    Op::Append { elem, n: 1 } => {
                        // The common case, without collecting the values.
                        let v = pop!();
                        let s = pop!();
                        match s {
                            Value::Slice { obj, off, len, cap } if len < cap => {
                                tri!(self.heap.store_slot(obj, (off + len) as usize, v));
                                push!(Value::Slice { obj, off, len: len + 1, cap })
                            }
                            _ => match self.append(prog, elem, s, &[v]) {
                                Ok(v) => push!(v),
                                Err(f) => flow!(f),
                            },
                        }
                    }
                    Op::Append { elem, n } => {
                        // `append(s, x)` and its few-values kin need no Vec.
                        let vals = crate::value::InlineValues::<4>::pop_from(&mut g.stack, n as usize);
                        let s = pop!();
                        match self.append(prog, elem, s, &vals) {
                            Ok(v) => push!(v),
                            Err(f) => flow!(f),
                        }
                    }
                    Op::AppendSlice(elem) => {
                        let t = pop!();
                        let s = pop!();
                        // Bytes stay bytes: as values they take 16 times
                        // the memory (a 200 MB append took gigabytes).
                        if ByteKind::of(types, elem).is_some()
                            && let Some(bytes) = self.raw_bytes(t).map(<[u8]>::to_vec)
                            && let Some(r) = self.append_raw(prog, elem, s, &bytes)
                        {
                            match r {
                                Ok(v) => push!(v),
                                Err(f) => flow!(f),
                            }
                            continue;
                        }
                        let vals = self.elems(t);
                        match self.append(prog, elem, s, &vals) {
                            Ok(v) => push!(v),
                            Err(f) => flow!(f),
                        }
                    }
                    Op::Copy => {
                        let src = pop!();
                        let dst = pop!();
                        let (obj, off, len) = self.seq_of(dst).unwrap_or((0, 0, 0));
                        if self.heap.byte_arr(obj).is_some()
                            && let Some(bytes) = self.raw_bytes(src).map(|b| b[..b.len().min(len)].to_vec())
                        {
                            // Byte to byte, as Go's memmove (the bytes are
                            // read before any is written).
                            let n = bytes.len();
                            if let Some(Obj::ByteArr(_, d)) = self.heap.get_mut(obj)
                                && let Some(to) = d.get_mut(off..off + n)
                            {
                                to.copy_from_slice(&bytes);
                            }
                            push!(Value::Int(n as i64));
                            continue;
                        }
                        let mut vals = self.elems(src);
                        vals.truncate(len);
                        let n = vals.len().min(len);
                        for (i, &v) in vals[..n].iter().enumerate() {
                            tri!(self.heap.store_slot(obj, off + i, v));
                        }
                        push!(Value::Int(n as i64))
                    }

                    Op::MakeMap(ty) => {
                        let mut hint = pop!().int();
                        if hint < 0 {
                            flow!(self.rt_error(rtype::T_RT_ERRORSTRING, panic::MAKEMAP_HINT))
                        }
                        if map_hint_too_large(prog, ty, hint) {
                            hint = 0;
                        }
                        let seed = self.chooser.map_hash_seed();
                        let m = tri!(self.heap.alloc_map(seed, hint.min(1 << 24) as usize));
                        push!(m)
                    }
                    Op::MapGet(vt) | Op::MapGetOk(vt) => {
                        let k = pop!();
                        let m = pop!();
                        if self.map_checks && self.map_race(m, *left, MapAccess::Read) {
                            flow!(map_fatal(MapAccess::Read))
                        }
                        if RACE && let Value::Map(h) = m {
                            race!(race::Addr::Map(h), false);
                        }
                        let found = match self.heap.map_get(types, m, k) {
                            Ok(f) => f,
                            Err(u) => flow!(self.uncomparable(u, true)),
                        };
                        let ok = found.is_some();
                        let v = match found {
                            Some(v) => v,
                            None => tri!(self.heap.zero(types, vt)),
                        };
                        push!(v);
                        if matches!(op, Op::MapGetOk(_)) {
                            push!(Value::Bool(ok))
                        }
                    }
                    Op::MapSet => {
                        let v = pop!();
                        let k = pop!();
                        let Value::Map(h) = pop!() else { flow!(self.rt_error(rtype::T_RT_PLAIN, panic::NIL_MAP)) };
                        if self.map_checks && self.map_race(Value::Map(h), *left, MapAccess::Write) {
                            flow!(map_fatal(MapAccess::Write))
                        }
                        race!(race::Addr::Map(h), true);
                        match self.heap.map_set(types, h, k, v) {
                            Ok(()) => {}
                            Err(MapError::Uncomparable(u)) => flow!(self.uncomparable(u, true)),
                            Err(MapError::Heap(e)) => flow!(e.into()),
                        }
                    }
                    Op::MapDelete => {
                        let k = pop!();
                        let m = pop!();
                        if self.map_checks && self.map_race(m, *left, MapAccess::Write) {
                            flow!(map_fatal(MapAccess::Write))
                        }
                        if RACE && let Value::Map(h) = m {
                            race!(race::Addr::Map(h), true);
                        }
                        if let Err(u) = self.heap.map_delete(types, m, k) {
                            flow!(self.uncomparable(u, true))
                        }
                    }
                    Op::MapIter => {
                        let m = pop!();
                        let start = self.chooser.map_iter_start();
                        let it = tri!(self.heap.map_iter(m, start));
                        push!(it)
                    }
                    Op::MapNext(t) => {
                        let it = g.stack.last().copied().unwrap_or_default();
                        if self.map_checks
                            && let Some(m) = self.heap.iter_map(it)
                            && self.map_race(m, *left, MapAccess::Iterate)
                        {
                            flow!(map_fatal(MapAccess::Iterate))
                        }
                        if RACE && let Some(Value::Map(h)) = self.heap.iter_map(it) {
                            race!(race::Addr::Map(h), false);
                        }
                        match self.heap.map_next(types, it) {
                            Ok(Some((k, v))) => {
                                push!(k);
                                push!(v)
                            }
                            Ok(None) => ip = t as usize,
                            Err(u) => flow!(self.uncomparable(u, true)),
                        }
                    }
                    Op::Clear => {
                        let x = pop!();
                        if let Value::Map(_) = x {
                            if self.map_checks && self.map_race(x, *left, MapAccess::Write) {
                                flow!(map_fatal(MapAccess::Write))
                            }
                            if RACE && let Value::Map(h) = x {
                                race!(race::Addr::Map(h), true);
                            }
                            self.heap.map_clear(x)
                        } else if let Some((obj, off, len)) = self.seq_of(x)
                            && !self.heap.zero_bytes(obj, off, len)
                        {
                            for i in off..off + len {
                                let v = self.heap.slots(obj).get(i).copied().unwrap_or_default();
                                self.zero_in_place(obj, i, v);
                            }
                        }
                    }

                    Op::AddIConst(c) => {
                        if let Some(t) = g.stack.last_mut() {
                            *t = Value::Int(t.int().wrapping_add(c as i64))
                        }
                    }
                    Op::IncLocal { local, by } => {
                        if let Some(s) = g.stack.get_mut(base + local as usize) {
                            *s = Value::Int(s.int().wrapping_add(by as i64))
                        }
                    }
                    Op::AddLocal { dst, src } => {
                        let b = g.stack.get(base + src as usize).map_or(0, |v| v.int());
                        if let Some(s) = g.stack.get_mut(base + dst as usize) {
                            *s = Value::Int(s.int().wrapping_add(b))
                        }
                    }
                    Op::AddI => int_bin!(|a: i64, b: i64| a.wrapping_add(b)),
                    Op::SubI => int_bin!(|a: i64, b: i64| a.wrapping_sub(b)),
                    Op::MulI => int_bin!(|a: i64, b: i64| a.wrapping_mul(b)),
                    Op::DivI | Op::DivU | Op::RemI | Op::RemU => {
                        let b = pop!().int();
                        if b == 0 {
                            flow!(self.rt_error(rtype::T_RT_ERRORSTRING, panic::DIVIDE))
                        }
                        let a = pop!().int();
                        push!(Value::Int(match op {
                            Op::DivI => a.wrapping_div(b),
                            Op::RemI => a.wrapping_rem(b),
                            Op::DivU => ((a as u64) / (b as u64)) as i64,
                            _ => ((a as u64) % (b as u64)) as i64,
                        }))
                    }
                    Op::NegI => {
                        if let Some(t) = g.stack.last_mut() {
                            *t = Value::Int(t.int().wrapping_neg())
                        }
                    }
                    Op::And => int_bin!(|a: i64, b: i64| a & b),
                    Op::Or => int_bin!(|a: i64, b: i64| a | b),
                    Op::Xor => int_bin!(|a: i64, b: i64| a ^ b),
                    Op::AndNot => int_bin!(|a: i64, b: i64| a & !b),
                    Op::Not => {
                        if let Some(t) = g.stack.last_mut() {
                            *t = Value::Int(!t.int())
                        }
                    }
                    Op::Shl | Op::ShrI | Op::ShrU => {
                        let b = pop!().int();
                        if b < 0 {
                            flow!(self.rt_error(rtype::T_RT_ERRORSTRING, panic::NEG_SHIFT))
                        }
                        let a = pop!().int();
                        push!(Value::Int(match op {
                            Op::Shl => {
                                if b >= 64 {
                                    0
                                } else {
                                    a << b
                                }
                            }
                            Op::ShrI => a >> b.min(63),
                            _ => {
                                if b >= 64 {
                                    0
                                } else {
                                    ((a as u64) >> b) as i64
                                }
                            }
                        }))
                    }
                    Op::Trunc(k) => {
                        if let Some(t) = g.stack.last_mut() {
                            *t = Value::Int(k.wrap(t.int()))
                        }
                    }
                    Op::EqI => cmp!(int, |a, b| a == b),
                    Op::NeI => cmp!(int, |a, b| a != b),
                    Op::LtI => cmp!(int, |a, b| a < b),
                    Op::LeI => cmp!(int, |a, b| a <= b),
                    Op::GtI => cmp!(int, |a, b| a > b),
                    Op::GeI => cmp!(int, |a, b| a >= b),
                    Op::LtU => cmp!(int, |a: i64, b: i64| (a as u64) < (b as u64)),
                    Op::LeU => cmp!(int, |a: i64, b: i64| (a as u64) <= (b as u64)),
                    Op::GtU => cmp!(int, |a: i64, b: i64| (a as u64) > (b as u64)),
                    Op::GeU => cmp!(int, |a: i64, b: i64| (a as u64) >= (b as u64)),

                    Op::AddF => float_bin!(|a: f64, b: f64| a + b),
                    Op::SubF => float_bin!(|a: f64, b: f64| a - b),
                    Op::MulF => float_bin!(|a: f64, b: f64| a * b),
                    Op::DivF => float_bin!(|a: f64, b: f64| a / b),
                    Op::NegF => {
                        if let Some(t) = g.stack.last_mut() {
                            *t = Value::Float(-t.float())
                        }
                    }
                    Op::RoundF32 => {
                        if let Some(t) = g.stack.last_mut() {
                            *t = Value::Float(t.float() as f32 as f64)
                        }
                    }
                    Op::EqF => cmp!(float, |a, b| a == b),
                    Op::NeF => cmp!(float, |a, b| a != b),
                    Op::LtF => cmp!(float, |a, b| a < b),
                    Op::LeF => cmp!(float, |a, b| a <= b),
                    Op::GtF => cmp!(float, |a, b| a > b),
                    Op::GeF => cmp!(float, |a, b| a >= b),

                    Op::Concat => {
                        let b = pop!();
                        let a = pop!();
                        let s = tri!(self.heap.concat(a, b));
                        push!(s)
                    }
                    Op::EqS => str_cmp!(|o| o == std::cmp::Ordering::Equal),
                    Op::NeS => str_cmp!(|o| o != std::cmp::Ordering::Equal),
                    Op::LtS => str_cmp!(|o| o == std::cmp::Ordering::Less),
                    Op::LeS => str_cmp!(|o| o != std::cmp::Ordering::Greater),
                    Op::GtS => str_cmp!(|o| o == std::cmp::Ordering::Greater),
                    Op::GeS => str_cmp!(|o| o != std::cmp::Ordering::Less),
                    Op::DecodeRune => {
                        let i = pop!().int();
                        let s = pop!();
                        let b = self.heap.str_bytes(s);
                        let (r, w) = decode_rune(b.get(i.max(0) as usize..).unwrap_or(&[]));
                        push!(Value::Int(r as i64));
                        push!(Value::Int(w as i64))
                    }

                    Op::Eq | Op::Ne => {
                        let b = pop!();
                        let a = pop!();
                        match self.heap.equal(types, a, b) {
                            Ok(e) => push!(Value::Bool(e == matches!(op, Op::Eq))),
                            Err(u) => flow!(self.uncomparable(u, false)),
                        }
                    }
                    Op::LNot => {
                        if let Some(t) = g.stack.last_mut() {
                            *t = Value::Bool(!t.bool())
                        }
                    }

                    Op::IntToFloat => {
                        if let Some(t) = g.stack.last_mut() {
                            *t = Value::Float(t.int() as f64)
                        }
                    }
                    Op::UintToFloat => {
                        if let Some(t) = g.stack.last_mut() {
                            *t = Value::Float(t.int() as u64 as f64)
                        }
                    }
                    Op::FloatToInt(k) => {
                        if let Some(t) = g.stack.last_mut() {
                            *t = Value::Int(float_to_int(t.float(), k))
                        }
                    }
                    Op::SliceToArray(n) | Op::SliceToArrayPtr(n) => {
                        let x = pop!();
                        let Some((obj, off, len)) = self.seq_of(x) else { flow!(self.nil_deref()) };
                        if len < n as usize {
                            flow!(self.bounds(Bounds::Convert, i64::from(n), len as i64))
                        }
                        match (op, x) {
                            (Op::SliceToArrayPtr(_), Value::Nil) => push!(Value::Nil),
                            (Op::SliceToArrayPtr(_), _) => push!(Value::Slice { obj, off: off as u32, len: n, cap: n }),
                            _ => {
                                let a = tri!(self.array_of(obj, off, n as usize));
                                push!(a)
                            }
                        }
                    }
                    Op::RuneToStr => {
                        let r = pop!().int();
                        let c = u32::try_from(r).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
                        let mut buf = [0u8; 4];
                        let s = tri!(self.heap.alloc_str(c.encode_utf8(&mut buf).as_bytes()));
                        push!(s)
                    }
                    Op::BytesToStr => {
                        let x = pop!();
                        let bytes: Vec<u8> = match x {
                            Value::Slice { obj, off, len, .. } if self.heap.byte_arr(obj).is_some() => {
                                self.heap.byte_arr(obj).and_then(|d| d.get(off as usize..(off + len) as usize)).unwrap_or(&[]).to_vec()
                            }
                            _ => self.elems(x).iter().map(|v| v.int() as u8).collect(),
                        };
                        let s = tri!(self.heap.alloc_str(&bytes));
                        push!(s)
                    }
                    Op::RunesToStr => {
                        let x = pop!();
                        let mut out = String::new();
                        for v in self.elems(x) {
                            out.push(u32::try_from(v.int()).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}'));
                        }
                        let s = tri!(self.heap.alloc_str(out.as_bytes()));
                        push!(s)
                    }
                    Op::StrToBytes | Op::StrToRunes => {
                        let x = pop!();
                        let b = self.heap.str_bytes(x);
                        if matches!(op, Op::StrToBytes) {
                            // A compact byte array, even when empty: []byte("") is
                            // an empty, non-nil slice.
                            let data = b.to_vec();
                            let n = data.len() as u32;
                            let h = tri!(self.heap.alloc_byte_arr(ByteKind::U8, data, n as u64));
                            push!(Value::Slice { obj: h, off: 0, len: n, cap: n });
                            continue;
                        }
                        let vals: Vec<Value> = if matches!(op, Op::StrToBytes) {
                            b.iter().map(|&c| Value::Int(c as i64)).collect()
                        } else {
                            // The runes counted first: their slots are
                            // checked against the heap budget before they
                            // take the host's memory.
                            let (mut n, mut i) = (0u64, 0);
                            while i < b.len() {
                                i += decode_rune(&b[i..]).1.max(1);
                                n += 1;
                            }
                            tri!(self.heap.reserve(n.saturating_mul(std::mem::size_of::<Value>() as u64)));
                            let mut v = Vec::with_capacity(n as usize);
                            let mut i = 0;
                            while i < b.len() {
                                let (r, w) = decode_rune(&b[i..]);
                                v.push(Value::Int(r as i64));
                                i += w;
                            }
                            v
                        };
                        if vals.is_empty() {
                            // []byte("") is an empty, non-nil slice.
                            let h = tri!(self.heap.alloc_slots(Vec::new(), 0));
                            push!(Value::Slice { obj: h, off: 0, len: 0, cap: 0 })
                        } else {
                            let n = vals.len() as u32;
                            let size = if matches!(op, Op::StrToBytes) { n as u64 } else { 4 * n as u64 };
                            let h = tri!(self.heap.alloc_slots(vals, size));
                            push!(Value::Slice { obj: h, off: 0, len: n, cap: n })
                        }
                    }

                    Op::Jump(t) => {
                        if (t as usize) < ip {
                            // A backward jump is a safe point.
                            if self.heap.gc_due() {
                                save!();
                                self.collect_with(Some(g));
                            }
                        }
                        ip = t as usize
                    }
                    Op::JumpIfFalse(t) => {
                        if !pop!().bool() {
                            ip = t as usize
                        }
                    }
                    Op::JumpUnlessI { cmp, target } => {
                        let b = pop!().int();
                        let a = pop!().int();
                        if !cmp.holds(a, b) {
                            if (target as usize) < ip && self.heap.gc_due() {
                                save!();
                                self.collect_with(Some(g));
                            }
                            ip = target as usize
                        }
                    }
                    Op::JumpIfTrue(t) => {
                        if pop!().bool() {
                            ip = t as usize
                        }
                    }

                    Op::Call(f) => {
                        let Some(callee) = prog.funcs.get(f as usize) else { flow!(internal("call of an unknown function")) };
                        let at = g.stack.len().saturating_sub(callee.nparams as usize);
                        save!();
                        if let Err(e) = self.push_frame(g, prog, f, at, at, Value::Nil, FrameKind::Normal, 0) {
                            handle!(e)
                        }
                        if self.heap.gc_due() {
                            self.collect_with(Some(g));
                        }
                        fidx += 1;
                        code = &callee.chunk.code[..];
                        base = at;
                        env = Value::Nil;
                        ip = 0;
                    }
                    Op::CallValue(argc) => {
                        let fpos = g.stack.len().saturating_sub(argc as usize + 1);
                        save!();
                        match self.call_value(g, prog, fpos, argc as usize, FrameKind::Normal, 0) {
                            Ok(true) => {
                                if self.heap.gc_due() {
                                    self.collect_with(Some(g));
                                }
                                continue 'reload;
                            }
                            Ok(false) => {}
                            Err(f) => handle!(f),
                        }
                    }
                    Op::CallIface { method, argc } => {
                        save!();
                        match self.call_iface(g, prog, method, argc as usize, FrameKind::Normal) {
                            Ok(true) => continue 'reload,
                            Ok(false) => {}
                            Err(f) => handle!(f),
                        }
                    }
                    Op::CallNative { id, argc } => {
                        if self.yield_at_shared_ops
                            && self.instructions + (self.slice - *left - 1) as u64 > self.shared_horizon
                            && prog.natives.get(id as usize).is_some_and(|n| n.syncs)
                        {
                            // Run it first thing in the next slice.
                            ip -= 1;
                            *left += 1;
                            save!();
                            return Stop::Budget;
                        }
                        save!();
                        if let Err(f) = self.call_native(g, prog, id, argc as usize) {
                            handle!(f)
                        }
                        // A write with several Ps ends the slice; so does
                        // the output budget, spent: the process ends the run.
                        if (self.wrote && self.yield_at_shared_ops) || self.output_full.is_some() {
                            return Stop::Budget;
                        }
                    }
                    Op::Ret(n) => {
                        let fr = g.frames[fidx];
                        if fr.kind == FrameKind::Normal && g.defers.len() <= fr.defer_base as usize && fidx > 0 {
                            // Fast path: no defers, back to a bytecode caller.
                            let to = fr.ret_to as usize;
                            if n == 1 {
                                let v = pop!();
                                g.stack.truncate(to);
                                push!(v);
                            } else {
                                let src = g.stack.len().saturating_sub(n as usize);
                                if src < to {
                                    flow!(internal("return: missing results"))
                                }
                                g.stack.copy_within(src.., to);
                                g.stack.truncate(to + n as usize);
                            }
                            g.frames.pop();
                            g.stack_used -= fr.size as u64;
                            fidx -= 1;
                            let caller = g.frames[fidx];
                            let Some(cf) = prog.funcs.get(caller.func as usize) else { flow!(internal("bad frame")) };
                            code = &cf.chunk.code[..];
                            base = caller.base as usize;
                            env = caller.env;
                            ip = caller.ip as usize;
                            continue;
                        }
                        save!();
                        match self.do_return(g, prog, n as usize) {
                            Ok(()) => continue 'reload,
                            Err(f) => handle!(f),
                        }
                    }
                    Op::FuncValue(f) => push!(Value::Func(f)),
                    Op::MakeClosure { func: f, ncap } => {
                        let at = g.stack.len().saturating_sub(ncap as usize);
                        let caps: Box<[Value]> = g.stack[at..].into();
                        let h = tri!(self.heap.alloc(Obj::Closure { func: f, captures: caps }, 8 + 8 * ncap as u64));
                        g.stack.truncate(at);
                        push!(Value::Closure(h))
                    }

                    Op::Defer(argc) => {
                        let args = DeferArgs::pop_from(&mut g.stack, argc as usize);
                        let func = pop!();
                        g.push_defer(DeferRec { frame: fidx as u32, func, args });
                    }
                    Op::DeferRangeFunc => {
                        // The goroutine, the frame's index and its base:
                        // DeferAt finds the frame again.
                        let token = vec![Value::Int(self.running as i64), Value::Int(fidx as i64), Value::Int(base as i64)];
                        let h = tri!(self.heap.alloc(Obj::Slots(token), 24));
                        push!(Value::Agg(h))
                    }
                    Op::DeferAt(argc) => {
                        let token = pop!();
                        let args = DeferArgs::pop_from(&mut g.stack, argc as usize);
                        let func = pop!();
                        if let Err(f) = self.defer_at(g, fidx, token, func, args) {
                            flow!(f)
                        }
                    }
                    Op::PanicRangeState => {
                        let st = pop!().int();
                        flow!(self.rt_error(rtype::T_RT_ERRORSTRING, panic::range_state(st)))
                    }
                    Op::Panic => {
                        let mut v = pop!();
                        if v == Value::Nil {
                            v = match self.rt_error(rtype::T_RT_PANICNIL, panic::PANIC_NIL_ERROR) {
                                Flow::Panic(v, _) => v,
                                f => flow!(f),
                            };
                        }
                        flow!(Flow::Panic(v, false))
                    }
                    Op::Recover => {
                        let r = match g.panics.last_mut() {
                            Some(p) if !p.recovered && !p.goexit && p.defer_frame == Some(fidx as u32) => {
                                p.recovered = true;
                                self.inner_panic = None;
                                p.value
                            }
                            _ => Value::Nil,
                        };
                        push!(r)
                    }
                    Op::Goexit => {
                        save!();
                        match self.begin_panic(g, prog, Value::Nil, false, true) {
                            Ok(()) => continue 'reload,
                            Err(f) => handle!(f),
                        }
                    }

                    Op::ToIface(tid) => {
                        let v = pop!();
                        let v = tri!(self.heap.clone_value(v));
                        let size = types.get(tid as usize).map_or(8, |t| t.size);
                        let h = tri!(self.heap.alloc(Obj::Cell(v), size));
                        push!(Value::Iface { tid, obj: h })
                    }
                    Op::TypeAssert(site) | Op::TypeAssertOk(site) => {
                        let x = pop!();
                        match self.type_assert(prog, site, x) {
                            Ok(v) => {
                                push!(v);
                                if matches!(op, Op::TypeAssertOk(_)) {
                                    push!(Value::Bool(true))
                                }
                            }
                            Err(msg) => {
                                if matches!(op, Op::TypeAssertOk(_)) {
                                    let t = prog.asserts.get(site as usize).map_or(0, |s| s.target);
                                    let z = tri!(self.heap.zero(types, t));
                                    push!(z);
                                    push!(Value::Bool(false))
                                } else {
                                    flow!(self.rt_error(rtype::T_RT_TYPEASSERT, &msg))
                                }
                            }
                        }
                    }

                    Op::Go(argc) => {
                        let at = g.stack.len().saturating_sub(argc as usize);
                        // `go f()` (no arguments) is the common form.
                        let args = if at == g.stack.len() { Vec::new() } else { g.stack.split_off(at) };
                        let func = pop!();
                        save!();
                        return Stop::Syscall(Syscall::Go { func, args });
                    }
                    Op::Sys { id, argc } => {
                        let at = g.stack.len().saturating_sub(argc as usize);
                        let args: Vec<Value> = g.stack.drain(at..).collect();
                        save!();
                        return Stop::Syscall(Syscall::Sys { id, args });
                    }
                    Op::Print(kind) => {
                        let v = if matches!(kind, PrintKind::Space | PrintKind::Newline) { Value::Nil } else { pop!() };
                        save!();
                        self.mark_output(g, 2);
                        self.print_value(kind, v);
                        if self.output_full.is_some() {
                            return Stop::Budget;
                        }
                    }
                }
            }
        }
    }

    #[inline]
    pub(super) fn capture(&self, env: Value, i: u16) -> Value {
        match env {
            Value::Closure(h) => match self.heap.get(h) {
                Obj::Closure { captures, .. } => captures.get(i as usize).copied().unwrap_or_default(),
                _ => Value::Nil,
            },
            _ => Value::Nil,
        }
    }

    /// `clear(s)`: each element becomes the zero value of its kind.
    pub(super) fn zero_in_place(&mut self, obj: Handle, i: usize, v: Value) {
        let z = match v {
            Value::Int(_) => Value::Int(0),
            Value::Float(_) => Value::Float(0.0),
            Value::Bool(_) => Value::Bool(false),
            Value::Str { .. } => Value::EMPTY_STRING,
            Value::Agg(h) => {
                let n = self.heap.slots(h).len();
                for j in 0..n {
                    let c = self.heap.slots(h)[j];
                    self.zero_in_place(h, j, c);
                }
                return;
            }
            _ => Value::Nil,
        };
        if let Some(s) = self.heap.slots_mut(obj).get_mut(i) {
            *s = z;
        }
    }
}
