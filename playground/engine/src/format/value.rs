//! `FmtValue`: an owned, self-contained description of a Go value as `fmt`
//! sees it through reflection.
//!
//! The VM keeps its own heap values; to print one it converts it into a
//! `FmtValue` (kind, `%T` type string, contents) and hands it to the
//! formatter. This keeps the formatter independent of the VM's value layout
//! and testable against real Go on its own.
//!
//! Conventions the VM must follow when converting:
//! - `ty` is the type exactly as `%T` prints it: `int`, `main.Point`,
//!   `[]int`, `map[string]int`, `*main.T`, `[]uint8` (never `[]byte`:
//!   reflection does not know the alias), `interface {}`, `func(int) string`.
//! - Interfaces are transparent: a non-nil interface is converted as its
//!   dynamic value; a nil interface is [`FmtValue::Nil`] carrying the static
//!   interface type (`error`, `interface {}`) for `%#v`. A top-level `Nil`
//!   argument is the untyped `nil` argument (`Printf("%v", nil)`).
//! - Pointers carry the pointee where fmt may look at it: a non-nil
//!   pointer to a struct, array, slice or map prints as `&{...}` when it is
//!   a top-level argument, and also when a nested pointer is shown inside a
//!   bad-verb form (`[%!f(*main.T=&{1})]`); elsewhere it prints as its
//!   address. So the VM gives the pointee of such pointers one level deep:
//!   pointers inside a pointee need not carry theirs (which also keeps
//!   cyclic structures finite). Addresses are stable fake ones of the VM.
//! - Methods: if the value's type (at that place: the dynamic type of the
//!   interface) has `Error() string`, `String() string` or
//!   `GoString() string`, the VM wraps it in [`FmtValue::WithMethods`] with
//!   the results precomputed (or the value the method panicked with). fmt
//!   calls them only for some verbs and only where the value is reachable
//!   through exported fields; the formatter decides, the VM need not.
//!   To call exactly the methods Go calls, in Go's order, the VM can leave
//!   results `Pending(token)` and use the `try_*` functions: they return
//!   the [`MethodCall`]s the output needs, in the order Go makes them; the
//!   VM runs them (on the goroutine, where they may block or panic), stores
//!   the results and formats again. Formatting is pure, so the rerun is
//!   exact. A second round is needed only when a method panicked with a
//!   value whose own methods are pending (fmt prints the panic value).

/// An owned description of one Go value for formatting.
#[derive(Clone, Debug, PartialEq)]
pub enum FmtValue {
    /// A nil interface value; `ty` is the interface's static type (used by
    /// `%#v` as in `error(nil)`), empty for the untyped nil argument.
    Nil {
        ty: String,
    },
    Bool {
        v: bool,
        ty: String,
    },
    /// Any signed integer kind (int, int8..int64, rune and named ones).
    Int {
        v: i64,
        ty: String,
    },
    /// Any unsigned integer kind (uint, uint8..uint64, uintptr, byte).
    Uint {
        v: u64,
        ty: String,
    },
    /// float32 (`bits == 32`, value exactly representable) or float64.
    Float {
        v: f64,
        bits: u8,
        ty: String,
    },
    /// complex64 (`bits == 64`, parts exactly representable as float32)
    /// or complex128. Formatted as Go does (the tests check it against Go).
    Complex {
        re: f64,
        im: f64,
        bits: u8,
        ty: String,
    },
    /// A string: Go strings are bytes, not necessarily UTF-8.
    Str {
        v: Vec<u8>,
        ty: String,
    },
    /// A pointer; `addr == 0` is nil. `elem` is the pointee when the VM
    /// provides it (needed only for top-level `&{...}`).
    Pointer {
        ty: String,
        addr: u64,
        elem: Option<Box<FmtValue>>,
    },
    Struct {
        ty: String,
        fields: Vec<Field>,
    },
    /// `byte_elems` is true when the element kind is uint8 (`[4]byte`);
    /// the elements are then `Uint` values.
    Array {
        ty: String,
        byte_elems: bool,
        elems: Vec<FmtValue>,
    },
    /// `addr` is the address of the first element (`%p`), 0 for nil;
    /// `cap` is used only by the `print` builtin.
    Slice {
        ty: String,
        nil: bool,
        byte_elems: bool,
        addr: u64,
        cap: u64,
        elems: Vec<FmtValue>,
    },
    /// Entries in any order: the formatter sorts them as fmt does.
    Map {
        ty: String,
        nil: bool,
        addr: u64,
        entries: Vec<(FmtValue, FmtValue)>,
    },
    Chan {
        ty: String,
        addr: u64,
    },
    Func {
        ty: String,
        addr: u64,
    },
    /// A value whose type has fmt-relevant methods, with their results.
    WithMethods {
        value: Box<FmtValue>,
        methods: Box<Methods>,
    },
}

/// One struct field. Embedded fields are named after their type (`Point`).
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub name: String,
    pub value: FmtValue,
}

/// The precomputed results of the methods fmt may call on a value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Methods {
    /// `Error() string` (the value implements `error`).
    pub error: Option<MethodResult>,
    /// `String() string` (the value implements `fmt.Stringer`).
    pub string: Option<MethodResult>,
    /// `GoString() string` (`fmt.GoStringer`, used by `%#v`).
    pub go_string: Option<MethodResult>,
}

/// What a method call produced.
#[derive(Clone, Debug, PartialEq)]
pub enum MethodResult {
    Text(Vec<u8>),
    /// The method panicked with this value; fmt prints
    /// `%!v(PANIC=String method: <value>)` (or `<nil>` for a nil receiver).
    Panic(Box<FmtValue>),
    /// Not called yet: the `try_*` functions ask for it with this token
    /// (see [`MethodCall`]), so the VM calls exactly the methods Go would
    /// call, in Go's order.
    Pending(u64),
}

/// Which method the formatter asks the VM to call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodName {
    Error,
    String,
    GoString,
}

/// A request from a `try_*` formatting function: call this method (the
/// one whose result is `MethodResult::Pending(token)`), store its result
/// in place of the pending one, and format again. A token is requested as
/// many times as Go would call the method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MethodCall {
    pub token: u64,
    pub method: MethodName,
}

/// The reflect kind families the formatter distinguishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Nil,
    Bool,
    Int,
    Uint,
    Float,
    Complex,
    Str,
    Pointer,
    Struct,
    Array,
    Slice,
    Map,
    Chan,
    Func,
}

impl FmtValue {
    /// The value without its method wrapper(s).
    pub fn base(&self) -> &FmtValue {
        let mut v = self;
        while let FmtValue::WithMethods { value, .. } = v {
            v = value;
        }
        v
    }

    /// The methods attached at this level, if any.
    pub fn methods(&self) -> Option<&Methods> {
        match self {
            FmtValue::WithMethods { methods, .. } => Some(methods),
            _ => None,
        }
    }

    pub(crate) fn kind(&self) -> Kind {
        match self.base() {
            FmtValue::Nil { .. } => Kind::Nil,
            FmtValue::Bool { .. } => Kind::Bool,
            FmtValue::Int { .. } => Kind::Int,
            FmtValue::Uint { .. } => Kind::Uint,
            FmtValue::Float { .. } => Kind::Float,
            FmtValue::Complex { .. } => Kind::Complex,
            FmtValue::Str { .. } => Kind::Str,
            FmtValue::Pointer { .. } => Kind::Pointer,
            FmtValue::Struct { .. } => Kind::Struct,
            FmtValue::Array { .. } => Kind::Array,
            FmtValue::Slice { .. } => Kind::Slice,
            FmtValue::Map { .. } => Kind::Map,
            FmtValue::Chan { .. } => Kind::Chan,
            FmtValue::Func { .. } => Kind::Func,
            FmtValue::WithMethods { .. } => Kind::Nil, // unreachable: base() unwraps
        }
    }

    /// The type as `%T` prints it (`<nil>` handling is the caller's).
    pub fn type_name(&self) -> &str {
        match self.base() {
            FmtValue::Nil { ty }
            | FmtValue::Bool { ty, .. }
            | FmtValue::Int { ty, .. }
            | FmtValue::Uint { ty, .. }
            | FmtValue::Float { ty, .. }
            | FmtValue::Complex { ty, .. }
            | FmtValue::Str { ty, .. }
            | FmtValue::Pointer { ty, .. }
            | FmtValue::Struct { ty, .. }
            | FmtValue::Array { ty, .. }
            | FmtValue::Slice { ty, .. }
            | FmtValue::Map { ty, .. }
            | FmtValue::Chan { ty, .. }
            | FmtValue::Func { ty, .. } => ty,
            FmtValue::WithMethods { .. } => "",
        }
    }

    pub fn string(v: impl Into<Vec<u8>>) -> FmtValue {
        FmtValue::Str {
            v: v.into(),
            ty: "string".into(),
        }
    }

    /// The untyped nil argument.
    pub fn nil() -> FmtValue {
        FmtValue::Nil { ty: String::new() }
    }
}

/// Short constructors for the common unnamed types (the tests' values).
#[cfg(test)]
impl FmtValue {
    pub fn int(v: i64) -> FmtValue {
        FmtValue::Int {
            v,
            ty: "int".into(),
        }
    }
    pub fn uint(v: u64) -> FmtValue {
        FmtValue::Uint {
            v,
            ty: "uint".into(),
        }
    }
    pub fn float64(v: f64) -> FmtValue {
        FmtValue::Float {
            v,
            bits: 64,
            ty: "float64".into(),
        }
    }
    pub fn float32(v: f32) -> FmtValue {
        FmtValue::Float {
            v: v as f64,
            bits: 32,
            ty: "float32".into(),
        }
    }
    pub fn bool(v: bool) -> FmtValue {
        FmtValue::Bool {
            v,
            ty: "bool".into(),
        }
    }
    /// A `[]byte` (reflect calls it `[]uint8`).
    pub fn bytes(data: &[u8]) -> FmtValue {
        FmtValue::Slice {
            ty: "[]uint8".into(),
            nil: false,
            byte_elems: true,
            addr: 0,
            cap: data.len() as u64,
            elems: data
                .iter()
                .map(|&b| FmtValue::Uint {
                    v: b as u64,
                    ty: "uint8".into(),
                })
                .collect(),
        }
    }
    /// An `error` value with the given `Error()` text, of type `ty`
    /// (e.g. `*errors.errorString`).
    pub fn error(ty: &str, text: impl Into<Vec<u8>>) -> FmtValue {
        FmtValue::WithMethods {
            value: Box::new(FmtValue::Pointer {
                ty: ty.into(),
                addr: 0xc000010000,
                elem: None,
            }),
            methods: Box::new(Methods {
                error: Some(MethodResult::Text(text.into())),
                ..Methods::default()
            }),
        }
    }
}

/// Whether a struct field name is exported (upper-case first letter), which
/// decides whether fmt may call methods on values reached through it.
pub(crate) fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_uppercase())
}
