//! Runtime type descriptors: what the VM must know about Go types at run
//! time. The checker resolves every static type; only these questions are
//! left for the running program: the zero value of a type (to fill `make`d
//! slices and `new` objects), a dynamic type's name (`%T`, panic texts like
//! `interface conversion: interface {} is string, not int`), whether it is
//! comparable (`comparing uncomparable type []int`), its method table (for
//! interface dispatch) and its Go size (heap accounting).
//!
//! The compiler appends its types after the predeclared ones listed by
//! [`builtin_types`], whose ids are the `T_*` constants.

use crate::value::IntKind;

#[derive(Clone, Debug)]
pub enum Kind {
    Bool,
    Int(IntKind),
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    Ptr(u32),
    Slice(u32),
    Array { len: u32, elem: u32 },
    Struct(Vec<u32>),
    Map { key: u32, val: u32 },
    Chan,
    Func,
    /// An interface type: its method name ids, sorted.
    Interface(Vec<u32>),
}

/// Where a method's code is: a bytecode function or a native.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Callee {
    Func(u32),
    Native(u32),
}

#[derive(Clone, Copy, Debug)]
pub struct Method {
    /// Index into `Bytecode::method_names`.
    pub name: u32,
    pub target: Callee,
}

#[derive(Clone, Debug)]
pub struct TypeDesc {
    /// As Go prints it: `int`, `[]int`, `main.T`, `*main.T`, `interface {}`.
    pub name: String,
    pub kind: Kind,
    pub comparable: bool,
    /// The method set of this type as a dynamic type, sorted by name id.
    pub methods: Vec<Method>,
    /// Go's size in bytes, for `reachable bytes` reports.
    pub size: u64,
    /// A struct's fields as reflect describes them (name, tag, embedding),
    /// in field order: made only for programs that import a package that
    /// walks values by their fields (`encoding/json`), else empty.
    pub fields: Vec<FieldDesc>,
}

/// One struct field as `reflect.StructField` has it, for the natives
/// that read values by field name and tag (`encoding/json`).
#[derive(Clone, Debug)]
pub struct FieldDesc {
    /// The field's name; an embedded field's is its type's (`Base`).
    pub name: String,
    /// The tag's text (`json:"name,omitempty"`).
    pub tag: String,
    pub embedded: bool,
}

impl FieldDesc {
    /// Whether the name is exported (`reflect.StructField.IsExported`).
    pub fn exported(&self) -> bool {
        self.name.chars().next().is_some_and(char::is_uppercase)
    }
}

impl TypeDesc {
    pub fn new(name: impl Into<String>, kind: Kind, comparable: bool, size: u64) -> TypeDesc {
        TypeDesc { name: name.into(), kind, comparable, methods: Vec::new(), size, fields: Vec::new() }
    }

    /// The method with this name id, by binary search of the sorted table.
    #[inline]
    pub fn method(&self, name: u32) -> Option<Callee> {
        self.methods.binary_search_by_key(&name, |m| m.name).ok().map(|i| self.methods[i].target)
    }
}

pub const T_BOOL: u32 = 0;
pub const T_INT: u32 = 1;
pub const T_INT8: u32 = 2;
pub const T_INT16: u32 = 3;
pub const T_INT32: u32 = 4;
pub const T_INT64: u32 = 5;
pub const T_UINT: u32 = 6;
pub const T_UINT8: u32 = 7;
pub const T_UINT16: u32 = 8;
pub const T_UINT32: u32 = 9;
pub const T_UINT64: u32 = 10;
pub const T_UINTPTR: u32 = 11;
pub const T_FLOAT32: u32 = 12;
pub const T_FLOAT64: u32 = 13;
pub const T_STRING: u32 = 14;
pub const T_ANY: u32 = 15;
pub const T_ERROR: u32 = 16;
/// `runtime.boundsError`: index and slice bounds failures.
pub const T_RT_BOUNDS: u32 = 17;
/// `runtime.errorString`: divide by zero, nil dereference, unhashable...
pub const T_RT_ERRORSTRING: u32 = 18;
/// `runtime.plainError`: `assignment to entry in nil map` (no prefix).
pub const T_RT_PLAIN: u32 = 19;
/// `*runtime.TypeAssertionError`.
pub const T_RT_TYPEASSERT: u32 = 20;
/// `*runtime.PanicNilError`: `panic(nil)`.
pub const T_RT_PANICNIL: u32 = 21;
pub const T_SLICE_BYTE: u32 = 22;
pub const T_SLICE_RUNE: u32 = 23;
/// First id the compiler may use.
pub const FIRST_USER_TYPE: u32 = 24;

/// Method name id of `Error` and `String`, predeclared in `method_names`.
pub const M_ERROR: u32 = 0;
pub const M_STRING: u32 = 1;
/// Native id of the runtime errors' `Error` method (returns the cell's text).
pub const N_RUNTIME_ERROR: u32 = 0;

/// The predeclared types, at the ids of the `T_*` constants.
pub fn builtin_types() -> Vec<TypeDesc> {
    let int = |name: &str, k: IntKind, size| TypeDesc::new(name, Kind::Int(k), true, size);
    let rt_err = |name: &str| {
        let mut t = TypeDesc::new(name, Kind::String, true, 16);
        t.methods.push(Method { name: M_ERROR, target: Callee::Native(N_RUNTIME_ERROR) });
        t
    };
    vec![
        TypeDesc::new("bool", Kind::Bool, true, 1),
        int("int", IntKind::I64, 8),
        int("int8", IntKind::I8, 1),
        int("int16", IntKind::I16, 2),
        int("int32", IntKind::I32, 4),
        int("int64", IntKind::I64, 8),
        int("uint", IntKind::U64, 8),
        int("uint8", IntKind::U8, 1),
        int("uint16", IntKind::U16, 2),
        int("uint32", IntKind::U32, 4),
        int("uint64", IntKind::U64, 8),
        int("uintptr", IntKind::U64, 8),
        TypeDesc::new("float32", Kind::Float32, true, 4),
        TypeDesc::new("float64", Kind::Float64, true, 8),
        TypeDesc::new("string", Kind::String, true, 16),
        TypeDesc::new("interface {}", Kind::Interface(vec![]), true, 16),
        TypeDesc::new("error", Kind::Interface(vec![M_ERROR]), true, 16),
        rt_err("runtime.boundsError"),
        rt_err("runtime.errorString"),
        rt_err("runtime.plainError"),
        rt_err("*runtime.TypeAssertionError"),
        rt_err("*runtime.PanicNilError"),
        TypeDesc::new("[]uint8", Kind::Slice(T_UINT8), false, 24),
        TypeDesc::new("[]int32", Kind::Slice(T_INT32), false, 24),
    ]
}
