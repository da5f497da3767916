//! Runtime values: what sits in a goroutine's operand stack, in globals and
//! in heap slots.
//!
//! A [`Value`] is a 24-byte `Copy` enum. Everything bigger lives in the
//! [`crate::heap::Heap`] and is named by a [`Handle`] (an arena index), so
//! copying a value never allocates and the collector can trace every edge.
//!
//! Design decisions (the compiler must follow them):
//! - **Integers** of every size are `Int(i64)`: signed kinds are kept
//!   sign-extended, unsigned kinds zero-extended (uint64/uintptr are the raw
//!   bits). Arithmetic wraps in 64 bits; a `Trunc(kind)` after an op
//!   re-normalises to the operand size. Booleans are `Bool`, floats `Float`
//!   (float32 is an f64 rounded to f32 after every op by `RoundF32`).
//!   Complex numbers are `Complex(re, im)`, two f64s' bits (complex64's parts
//!   rounded to f32 after every op): with the tag in its own word the pair
//!   fills the 16 payload bytes a slice already takes, so the enum stays 24
//!   bytes and a complex needs no heap object (`value_is_compact`).
//! - **Strings** are `Str { obj, off, len }`: a window on an immutable byte
//!   buffer (Go strings are bytes and may be invalid UTF-8). Slicing a string
//!   shares the buffer. Handle 0 is the permanent empty buffer, so the zero
//!   string never allocates.
//! - **Slices** are `Slice { obj, off, len, cap }` over a slot-array object,
//!   or, for 1-byte element types (`[]byte`, `[]int8`, `[]bool`), over a
//!   compact byte array (one host byte per element, as in Go); the nil
//!   slice is `Nil` (every slice op treats `Nil` as len 0, cap 0).
//! - **Structs and arrays** (aggregates) are `Agg(handle)` of a heap object
//!   of slots that the value *owns*. Value semantics are kept by copying:
//!   `Clone` deep-copies an aggregate, and every store into a heap slot that
//!   already holds an aggregate copies *into* it, so the object's identity is
//!   stable. Why heap objects rather than slots flattened into frames:
//!   pointers into the middle (`&s.f`, `&a[i]`, `&s.inner`) are then uniform
//!   (`Ptr { obj, slot }`), the collector sees one kind of edge, and the
//!   compiler needs no layout arithmetic; the cost, an allocation per copy,
//!   is avoided for temporaries (a composite literal or a call result is
//!   already fresh and needs no `Clone`).
//! - **Pointers** are `Ptr { obj, slot }`: slot `WHOLE` points at an
//!   aggregate object itself (`&T{}`, `&s` for a struct, `&s.inner`), any
//!   other slot at one slot of a struct, array, backing store or escaped
//!   variable cell. The nil pointer is `Nil`.
//! - **Interfaces** are `Iface { tid, obj }`: the dynamic type id and a heap
//!   cell holding the value (as Go boxes non-pointer values). The nil
//!   interface is `Nil`; an interface holding a nil pointer is an `Iface`
//!   whose cell holds `Nil`, so the two compare differently, as in Go.
//! - **Functions** are `Func(index)` for a plain function and `Closure(h)`
//!   for a closure object (function + captured cells). Maps, channels and
//!   runtime-internal objects (map iterators) are handles.

/// Index of an object in the heap arena.
pub type Handle = u32;

/// `Ptr.slot` meaning "the whole aggregate object", not one slot of it.
pub const WHOLE: u32 = u32::MAX;

/// Handle of the permanent empty string buffer.
pub const EMPTY_STR: Handle = 0;

// `repr(u64)`: the tag fills the first word and every payload starts at
// offset 8, so a value moves as three aligned words. The default layout
// packs payloads at offset 1, and the compiler then copies values with
// overlapping unaligned moves that stall store forwarding on every push.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
#[repr(u64)]
pub enum Value {
    /// nil pointer, slice, map, channel, func or interface; also "no value".
    #[default]
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str { obj: Handle, off: u32, len: u32 },
    Slice { obj: Handle, off: u32, len: u32, cap: u32 },
    Agg(Handle),
    Ptr { obj: Handle, slot: u32 },
    Map(Handle),
    Chan(Handle),
    Func(u32),
    Closure(Handle),
    Iface { tid: u32, obj: Handle },
    /// A runtime-internal object (e.g. a map iterator), never visible to Go.
    Obj(Handle),
    /// complex64 or complex128: the real and imaginary parts' bits
    /// ([`Value::from_complex`], [`Value::complex`]). Bits, not `f64`s, so
    /// that the derived `==` is bit identity, as a map's same-key check
    /// (`heap::same_bits`) wants; Go's `==` is [`crate::heap::Heap::equal`].
    Complex(u64, u64),
}

impl Value {
    pub const EMPTY_STRING: Value = Value::Str { obj: EMPTY_STR, off: 0, len: 0 };

    #[inline]
    pub fn int(self) -> i64 {
        match self {
            Value::Int(i) => i,
            Value::Bool(b) => b as i64,
            _ => 0,
        }
    }

    #[inline]
    pub fn float(self) -> f64 {
        match self {
            Value::Float(f) => f,
            _ => 0.0,
        }
    }

    #[inline]
    pub fn from_complex(re: f64, im: f64) -> Value {
        Value::Complex(re.to_bits(), im.to_bits())
    }

    /// A complex value's parts (0 for any other value).
    #[inline]
    pub fn complex(self) -> (f64, f64) {
        match self {
            Value::Complex(re, im) => (f64::from_bits(re), f64::from_bits(im)),
            _ => (0.0, 0.0),
        }
    }

    #[inline]
    pub fn bool(self) -> bool {
        matches!(self, Value::Bool(true))
    }

    /// The heap object this value refers to, if any (the collector's edges).
    #[inline]
    pub fn handle(self) -> Option<Handle> {
        match self {
            Value::Str { obj, .. } | Value::Slice { obj, .. } | Value::Ptr { obj, .. } => Some(obj),
            Value::Agg(h) | Value::Map(h) | Value::Chan(h) | Value::Closure(h) | Value::Obj(h) => Some(h),
            Value::Iface { obj, .. } => Some(obj),
            _ => None,
        }
    }
}

/// The sized integer kinds a `Trunc` re-normalises to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntKind {
    I8,
    I16,
    I32,
    I64,
    U8,
    U16,
    U32,
    U64,
}

impl IntKind {
    #[inline]
    pub fn wrap(self, v: i64) -> i64 {
        match self {
            IntKind::I8 => v as i8 as i64,
            IntKind::I16 => v as i16 as i64,
            IntKind::I32 => v as i32 as i64,
            IntKind::I64 | IntKind::U64 => v,
            IntKind::U8 => v as u8 as i64,
            IntKind::U16 => v as u16 as i64,
            IntKind::U32 => v as u32 as i64,
        }
    }

    pub fn is_unsigned(self) -> bool {
        matches!(self, IntKind::U8 | IntKind::U16 | IntKind::U32 | IntKind::U64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_compact() {
        assert_eq!(std::mem::size_of::<Value>(), 24);
    }

    #[test]
    fn trunc_wraps_like_go() {
        assert_eq!(IntKind::I8.wrap(127 + 1), -128);
        assert_eq!(IntKind::U8.wrap(-1), 255);
        assert_eq!(IntKind::U32.wrap(1 << 32), 0);
        assert_eq!(IntKind::I32.wrap(-(i32::MIN as i64)), i32::MIN as i64);
    }
}

/// A few values held inline, more on the heap: a native's arguments, a
/// deferred call's, `append`'s values. Nearly every such list is short,
/// and the common case then allocates nothing.
#[derive(Clone, Debug)]
pub enum InlineValues<const N: usize> {
    Inline([Value; N], u8),
    Spilled(Vec<Value>),
}

impl<const N: usize> Default for InlineValues<N> {
    fn default() -> InlineValues<N> {
        InlineValues::Inline([Value::Nil; N], 0)
    }
}

impl<const N: usize> InlineValues<N> {
    pub fn from_slice(vals: &[Value]) -> InlineValues<N> {
        if vals.len() <= N && N <= u8::MAX as usize {
            let mut a = [Value::Nil; N];
            a[..vals.len()].copy_from_slice(vals);
            InlineValues::Inline(a, vals.len() as u8)
        } else {
            InlineValues::Spilled(vals.to_vec())
        }
    }

    /// Pops the top `n` values of `stack` (fewer if it is shorter).
    pub fn pop_from(stack: &mut Vec<Value>, n: usize) -> InlineValues<N> {
        let at = stack.len().saturating_sub(n);
        let v = InlineValues::from_slice(&stack[at..]);
        stack.truncate(at);
        v
    }
}

impl<const N: usize> std::ops::Deref for InlineValues<N> {
    type Target = [Value];
    fn deref(&self) -> &[Value] {
        match self {
            InlineValues::Inline(a, n) => &a[..*n as usize],
            InlineValues::Spilled(v) => v,
        }
    }
}

impl<const N: usize> From<InlineValues<N>> for Vec<Value> {
    fn from(v: InlineValues<N>) -> Vec<Value> {
        match v {
            InlineValues::Inline(a, n) => a[..n as usize].to_vec(),
            InlineValues::Spilled(v) => v,
        }
    }
}
