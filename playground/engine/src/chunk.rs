//! Bytecode: the instruction set ([`Op`]), a function's code with its line
//! table ([`Chunk`]), and the [`ChunkBuilder`] the compiler emits through
//! (labels and jump patching).
//!
//! The VM is a stack machine in the style of clox: operands are pushed on
//! the goroutine's operand stack, a frame's locals are the first `nlocals`
//! slots above its base. Instructions are type-specialised, because the
//! checker knows every type: there is `AddI` and `AddF` and `Concat`, never
//! a generic add. `Op` is 8 bytes, `Copy`, with inline operands.
//!
//! Stack effects below read `[a, b] -> [c]` (top of stack on the right).
//!
//! | group | ops |
//! |---|---|
//! | constants | `Const(i)` push constant i; `PushInt(n)`; `PushBool(b)`; `PushNil`; `Zero(ty)` zero value of a type (fresh object for structs/arrays) |
//! | stack | `Pop`; `PopN(n)`; `Dup`; `Dup2` `[a,b]->[a,b,a,b]`; `Swap` |
//! | variables | `GetLocal(i)`/`SetLocal(i)` (Set pops); `GetGlobal(i)`/`SetGlobal(i)`; `GetCapture(i)` push capture i of the running closure; `LoadCapture(i)`/`StoreCapture(i)` through a captured cell pointer |
//! | cells, pointers | `NewCell` `[v]->[&cell]` (an escaped variable); `Load` `[p]->[*p]`; `Store` `[p,v]->[]`; both panic on nil |
//! | aggregates | `Clone` deep copy of a struct/array; `Addr` `[s]->[&s]` the address of a struct/array object (`&T{}`, `&s`); `Field(i)` `[s]->[s.i]` (s a struct or pointer to one); `SetField(i)` `[s,v]->[]`; `FieldAddr(i)` `[s]->[&s.i]` |
//! | indexing | `Index` `[x,i]->[x[i]]` on slice, array, pointer to array, string (a byte); `SetIndex` `[x,i,v]->[]`; `IndexAddr` `[x,i]->[&x[i]]`; `SliceExpr(flags)` `[x,lo?,hi?,max?]->[x[lo:hi:max]]`; `Len`; `Cap`; `MakeSlice(elem)` `[len,cap]->[s]`; `Append{elem,n}` `[s,v1..vn]->[s']`; `AppendSlice(elem)` `[s,t]->[s']` (t may be a string); `Copy` `[dst,src]->[n]` |
//! | maps | `MakeMap(mapty)` `[hint]->[m]`; `MapGet(valty)` `[m,k]->[v]`; `MapGetOk(valty)` `[m,k]->[v,ok]`; `MapSet` `[m,k,v]->[]`; `MapDelete` `[m,k]->[]`; `MapIter` `[m]->[it]`; `MapNext(target)` `[it]->[it,k,v]` or jump to target with `[it]`; `Clear` `[m or s]->[]` |
//! | integers | `AddIConst(c)` `[a]->[a+c]`; `IncLocal{local,by}` `local += by`; `AddLocal{dst,src}` `dst += src` (all three wrap in 64 bits: follow with `Trunc`, or for the local forms use them on 64-bit kinds only); `AddI SubI MulI DivI DivU RemI RemU NegI And Or Xor AndNot Not Shl ShrI ShrU` wrap in 64 bits; `Trunc(kind)` wraps to a size; division by zero panics; `EqI NeI LtI LeI GtI GeI LtU LeU GtU GeU` |
//! | floats | `AddF SubF MulF DivF NegF`; `RoundF32` after each float32 op; `EqF NeF LtF LeF GtF GeF` |
//! | complex | no ops of their own: `Eq`/`Ne` compare them, natives `builtin.complex.*` compute (`vm/complex.rs`) |
//! | strings | `Concat`; `EqS NeS LtS LeS GtS GeS`; `DecodeRune` `[s,i]->[rune,width]` (for `range` over a string) |
//! | generic | `Eq`/`Ne` deep comparison (structs, arrays, pointers, interfaces; panics on an uncomparable dynamic type); `LNot` |
//! | conversions | `IntToFloat UintToFloat FloatToInt(kind)`; `RuneToStr BytesToStr StrToBytes RunesToStr StrToRunes` |
//! | control | `Jump(t)`; `JumpIfFalse(t)`/`JumpIfTrue(t)` pop the condition; `JumpUnlessI{cmp,target}` `[a,b]->[]` jump unless the integer comparison holds (a fused `LtI`+`JumpIfFalse`, for loop conditions) |
//! | calls | `Call(f)` `[args]->[results]`; `CallValue(argc)` `[fn,args]->[results]`; `CallIface{method,argc}` `[iface,args]->[results]`; `CallNative{id,argc}`; `Ret(n)` returns the top n values (after running pending defers); `FuncValue(f)`; `MakeClosure{func,ncap}` `[caps]->[closure]` |
//! | defer, panic | `Defer(argc)` `[fn,args]->[]`; `Panic` `[v]->` ; `Recover` `[]->[v or nil]`; `Goexit` |
//! | range over func | `DeferRangeFunc` `[]->[token]` the running frame, for defers in its loop bodies (`runtime.deferrangefunc`); `DeferAt(argc)` `[fn,args,token]->[]` defers to that frame (`runtime.deferprocat`); `PanicRangeState` `[state]->` panics with Go's text for a misbehaving iterator (`runtime.panicrangestate`) |
//! | interfaces | `ToIface(tid)` `[v]->[iface]`; `TypeAssert(site)` `[i]->[v]` (panics); `TypeAssertOk(site)` `[i]->[v,ok]` |
//! | runtime | `Go(argc)` `[fn,args]->[]` start a goroutine; `Sys{id,argc}` a request to the scheduler; `Print(kind)` the `print`/`println` builtins (to stderr) |

use crate::span::Span;
use crate::value::IntKind;

/// `SliceExpr` flag bits: which of `lo`, `hi`, `max` are on the stack.
pub const SLICE_LO: u8 = 1;
pub const SLICE_HI: u8 = 2;
pub const SLICE_MAX: u8 = 4;

/// The integer comparison of a fused compare-and-branch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntCmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    LtU,
    LeU,
    GtU,
    GeU,
}

impl IntCmp {
    #[inline]
    pub fn holds(self, a: i64, b: i64) -> bool {
        match self {
            IntCmp::Eq => a == b,
            IntCmp::Ne => a != b,
            IntCmp::Lt => a < b,
            IntCmp::Le => a <= b,
            IntCmp::Gt => a > b,
            IntCmp::Ge => a >= b,
            IntCmp::LtU => (a as u64) < (b as u64),
            IntCmp::LeU => (a as u64) <= (b as u64),
            IntCmp::GtU => (a as u64) > (b as u64),
            IntCmp::GeU => (a as u64) >= (b as u64),
        }
    }
}

/// What `Print` prints (the `print`/`println` builtins' formats).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintKind {
    Int,
    Uint,
    /// Shortest text for the float's own size, as Go 1.27's
    /// `printfloat32`/`printfloat64` (`0.1`, `1e+21`).
    Float32,
    Float64,
    /// `(1+2i)`, as Go 1.27's `printcomplex64`/`printcomplex128`.
    Complex64,
    Complex128,
    Bool,
    String,
    /// Pointers, maps, channels, funcs, slices: an address or `0x0`.
    Pointer,
    /// An interface: `(0x..,0x..)`.
    Iface,
    Space,
    Newline,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    Const(u32),
    PushInt(i32),
    PushBool(bool),
    PushNil,
    Zero(u32),
    Pop,
    PopN(u16),
    Dup,
    Dup2,
    Swap,

    GetLocal(u16),
    SetLocal(u16),
    GetGlobal(u32),
    SetGlobal(u32),
    GetCapture(u16),
    LoadCapture(u16),
    StoreCapture(u16),
    NewCell,
    Load,
    Store,

    Clone,
    Addr,
    Field(u16),
    SetField(u16),
    FieldAddr(u16),
    Index,
    SetIndex,
    IndexAddr,
    SliceExpr(u8),
    Len,
    Cap,
    MakeSlice(u32),
    Append { elem: u32, n: u16 },
    AppendSlice(u32),
    Copy,

    MakeMap(u32),
    MapGet(u32),
    MapGetOk(u32),
    MapSet,
    MapDelete,
    MapIter,
    MapNext(u32),
    Clear,

    AddIConst(i32),
    IncLocal { local: u16, by: i32 },
    AddLocal { dst: u16, src: u16 },
    AddI,
    SubI,
    MulI,
    DivI,
    DivU,
    RemI,
    RemU,
    NegI,
    And,
    Or,
    Xor,
    AndNot,
    Not,
    Shl,
    ShrI,
    ShrU,
    Trunc(IntKind),
    EqI,
    NeI,
    LtI,
    LeI,
    GtI,
    GeI,
    LtU,
    LeU,
    GtU,
    GeU,

    AddF,
    SubF,
    MulF,
    DivF,
    NegF,
    RoundF32,
    EqF,
    NeF,
    LtF,
    LeF,
    GtF,
    GeF,

    Concat,
    EqS,
    NeS,
    LtS,
    LeS,
    GtS,
    GeS,
    DecodeRune,

    Eq,
    Ne,
    LNot,

    IntToFloat,
    UintToFloat,
    FloatToInt(IntKind),
    RuneToStr,
    BytesToStr,
    StrToBytes,
    RunesToStr,
    StrToRunes,
    /// `[N]T(s)`: `[s]->[array]`, a copy of the first N elements; panics
    /// when `len(s) < N`, as Go's `panicSliceConvert`.
    SliceToArray(u32),
    /// `(*[N]T)(s)`: `[s]->[p]`, a pointer into `s`'s backing array. It is
    /// a `Value::Slice` of length and capacity N (an array pointer that
    /// is not a whole object); nil for a nil `s` and N = 0.
    SliceToArrayPtr(u32),

    Jump(u32),
    JumpIfFalse(u32),
    JumpIfTrue(u32),
    JumpUnlessI { cmp: IntCmp, target: u32 },

    Call(u32),
    CallValue(u16),
    CallIface { method: u32, argc: u16 },
    CallNative { id: u32, argc: u16 },
    Ret(u16),
    FuncValue(u32),
    MakeClosure { func: u32, ncap: u16 },

    Defer(u16),
    DeferRangeFunc,
    DeferAt(u16),
    PanicRangeState,
    Panic,
    Recover,
    Goexit,

    ToIface(u32),
    TypeAssert(u32),
    TypeAssertOk(u32),

    Go(u16),
    Sys { id: u32, argc: u16 },
    Print(PrintKind),
}

impl Op {
    /// The same jump with another target (for patching).
    fn with_target(self, t: u32) -> Op {
        match self {
            Op::Jump(_) => Op::Jump(t),
            Op::JumpIfFalse(_) => Op::JumpIfFalse(t),
            Op::JumpIfTrue(_) => Op::JumpIfTrue(t),
            Op::MapNext(_) => Op::MapNext(t),
            Op::JumpUnlessI { cmp, .. } => Op::JumpUnlessI { cmp, target: t },
            other => other,
        }
    }
}

/// One function's code and, for every instruction, its source span.
#[derive(Clone, Debug, Default)]
pub struct Chunk {
    pub code: Vec<Op>,
    /// Run-length line table: `(first instruction, span)`, sorted.
    spans: Vec<(u32, Span)>,
}

impl Chunk {
    /// The source span of instruction `ip`.
    pub fn span_at(&self, ip: usize) -> Span {
        let ip = ip as u32;
        match self.spans.binary_search_by_key(&ip, |&(i, _)| i) {
            Ok(i) => self.spans[i].1,
            Err(0) => Span::default(),
            Err(i) => self.spans[i - 1].1,
        }
    }
}

/// A forward or backward jump target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(u32);

/// Assembles a [`Chunk`]: emit instructions with their spans, jump to
/// labels that are bound later.
#[derive(Debug, Default)]
pub struct ChunkBuilder {
    chunk: Chunk,
    labels: Vec<Option<u32>>,
    fixups: Vec<(usize, Label)>,
}

impl ChunkBuilder {
    pub fn new() -> ChunkBuilder {
        ChunkBuilder::default()
    }

    /// Appends an instruction; returns its index.
    pub fn emit(&mut self, op: Op, span: Span) -> usize {
        let ip = self.chunk.code.len();
        if self.chunk.spans.last().is_none_or(|&(_, s)| s != span) {
            self.chunk.spans.push((ip as u32, span));
        }
        self.chunk.code.push(op);
        ip
    }

    /// The index the next instruction will have.
    pub fn here(&self) -> u32 {
        self.chunk.code.len() as u32
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Binds a label to the next instruction.
    pub fn bind(&mut self, l: Label) {
        let here = self.here();
        if let Some(slot) = self.labels.get_mut(l.0 as usize) {
            *slot = Some(here);
        }
    }

    /// Emits a jump-like op (`Jump`, `JumpIfFalse`, `JumpIfTrue`,
    /// `JumpUnlessI`, `MapNext`;
    /// its target operand is ignored) to a label.
    pub fn emit_jump(&mut self, op: Op, to: Label, span: Span) -> usize {
        let ip = self.emit(op, span);
        self.fixups.push((ip, to));
        ip
    }

    /// Patches the jumps; an unbound label is a compiler bug, reported.
    pub fn finish(mut self) -> Result<Chunk, String> {
        for &(ip, l) in &self.fixups {
            let Some(Some(t)) = self.labels.get(l.0 as usize) else {
                return Err(format!("label {} used at {ip} was never bound", l.0));
            };
            self.chunk.code[ip] = self.chunk.code[ip].with_target(*t);
        }
        Ok(self.chunk)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn op_is_eight_bytes() {
        assert_eq!(std::mem::size_of::<Op>(), 8);
    }

    #[test]
    fn labels_patch_and_spans_map() {
        let mut b = ChunkBuilder::new();
        let end = b.new_label();
        let top = b.new_label();
        b.bind(top);
        b.emit(Op::PushBool(true), Span::new(1, 2));
        b.emit_jump(Op::JumpIfFalse(0), end, Span::new(3, 4));
        b.emit_jump(Op::Jump(0), top, Span::new(3, 4));
        b.bind(end);
        b.emit(Op::Ret(0), Span::new(9, 10));
        let c = b.finish().unwrap();
        assert_eq!(c.code[1], Op::JumpIfFalse(3));
        assert_eq!(c.code[2], Op::Jump(0));
        assert_eq!(c.span_at(0), Span::new(1, 2));
        assert_eq!(c.span_at(2), Span::new(3, 4));
        assert_eq!(c.span_at(3), Span::new(9, 10));
        let mut b = ChunkBuilder::new();
        let l = b.new_label();
        b.emit_jump(Op::Jump(0), l, Span::default());
        assert!(b.finish().is_err());
    }
}
