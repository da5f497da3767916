//! Go types: one interned table addressed by `TypeId`.
//!
//! Unnamed types (`[]int`, `map[string]T`, `func(int) error`, ...) are
//! interned structurally, so Go's type identity is `TypeId` equality.
//! Named types are unique per declaration: each `type T ...` gets its own
//! entry whose underlying type is filled in once resolved. The predicates
//! here (assignable, convertible, comparable, method lookup, implements)
//! follow the Go spec and `go/types`; `type_string` prints types as the
//! compiler's messages do (`TypeStyle::Checker`) or as the runtime does for
//! `%T` and panics (`TypeStyle::Runtime`).

use rustc_hash::FxHashMap as HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BasicKind {
    Invalid,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedComplex,
    UntypedString,
    UntypedNil,
}

impl BasicKind {
    pub const ALL: [BasicKind; 25] = [
        BasicKind::Invalid,
        BasicKind::Bool,
        BasicKind::Int,
        BasicKind::Int8,
        BasicKind::Int16,
        BasicKind::Int32,
        BasicKind::Int64,
        BasicKind::Uint,
        BasicKind::Uint8,
        BasicKind::Uint16,
        BasicKind::Uint32,
        BasicKind::Uint64,
        BasicKind::Uintptr,
        BasicKind::Float32,
        BasicKind::Float64,
        BasicKind::Complex64,
        BasicKind::Complex128,
        BasicKind::String,
        BasicKind::UntypedBool,
        BasicKind::UntypedInt,
        BasicKind::UntypedRune,
        BasicKind::UntypedFloat,
        BasicKind::UntypedComplex,
        BasicKind::UntypedString,
        BasicKind::UntypedNil,
    ];

    pub fn name(self) -> &'static str {
        use BasicKind::*;
        match self {
            Invalid => "invalid type",
            Bool => "bool",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float32 => "float32",
            Float64 => "float64",
            Complex64 => "complex64",
            Complex128 => "complex128",
            String => "string",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedComplex => "untyped complex",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
        }
    }

    pub fn is_untyped(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            UntypedBool
                | UntypedInt
                | UntypedRune
                | UntypedFloat
                | UntypedComplex
                | UntypedString
                | UntypedNil
        )
    }
    pub fn is_integer(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            Int | Int8
                | Int16
                | Int32
                | Int64
                | Uint
                | Uint8
                | Uint16
                | Uint32
                | Uint64
                | Uintptr
                | UntypedInt
                | UntypedRune
        )
    }
    pub fn is_unsigned(self) -> bool {
        use BasicKind::*;
        matches!(self, Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr)
    }
    pub fn is_float(self) -> bool {
        matches!(
            self,
            BasicKind::Float32 | BasicKind::Float64 | BasicKind::UntypedFloat
        )
    }
    pub fn is_complex(self) -> bool {
        matches!(
            self,
            BasicKind::Complex64 | BasicKind::Complex128 | BasicKind::UntypedComplex
        )
    }
    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float() || self.is_complex()
    }
    pub fn is_string(self) -> bool {
        matches!(self, BasicKind::String | BasicKind::UntypedString)
    }
    pub fn is_boolean(self) -> bool {
        matches!(self, BasicKind::Bool | BasicKind::UntypedBool)
    }
    pub fn is_ordered(self) -> bool {
        self.is_integer() || self.is_float() || self.is_string()
    }
    /// Size in bits of a sized integer (int and uint are 64-bit, as on the
    /// platforms the playground mimics).
    pub fn int_bits(self) -> u32 {
        use BasicKind::*;
        match self {
            Int8 | Uint8 => 8,
            Int16 | Uint16 => 16,
            Int32 | Uint32 => 32,
            _ => 64,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StructField {
    pub name: String,
    pub ty: TypeId,
    pub embedded: bool,
    pub tag: String,
    /// The package that declared the field (matters for unexported names).
    pub pkg: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    /// The last parameter is `...T`, stored as `[]T`.
    pub variadic: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IfaceMethod {
    pub name: String,
    /// A `Type::Func` signature (without receiver).
    pub sig: TypeId,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    Basic(BasicKind),
    /// Index into `TypeTable::named`.
    Named(u32),
    Pointer(TypeId),
    Slice(TypeId),
    Array(TypeId, i64),
    Map(TypeId, TypeId),
    Chan(ChanDir, TypeId),
    Struct(Vec<StructField>),
    Func(Signature),
    /// Method set sorted by name, embedded interfaces flattened.
    Interface(Vec<IfaceMethod>),
    /// The result of a call returning 0 or several values.
    Tuple(Vec<TypeId>),
    /// A type parameter (go/types' `TypeParam`): index into
    /// `TypeTable::tparams`. Unique per declaration, like a named type.
    #[allow(clippy::enum_variant_names)] // go/types' name
    TypeParam(u32),
    /// An interface that is only a constraint: its type set is restricted
    /// by terms (`~int | ~float64`) or by `comparable`. Kept apart from
    /// `Interface`, whose values exist at run time; no value has this type.
    Constraint(TypeSet),
}

/// The type set of a constraint interface (go/types' `_TypeSet`): the
/// methods every type in it has, the terms it is made of (`None`: every
/// type), and whether its types must be comparable.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TypeSet {
    /// Sorted by name, as `Interface`'s.
    pub methods: Vec<IfaceMethod>,
    pub terms: Option<Vec<Term>>,
    pub comparable: bool,
    /// Written as a bare union in a type parameter list (`[T ~int |
    /// ~float64]`): printed without `interface{...}`, as go/types does.
    pub implicit: bool,
}

/// One term of a union: `T` or `~T` (every type whose underlying type is T).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Term {
    pub tilde: bool,
    pub ty: TypeId,
}

/// A type parameter's declaration.
#[derive(Clone, Debug)]
pub struct TypeParamInfo {
    pub name: String,
    /// The constraint: an `Interface`, a `Constraint`, or a named one.
    pub constraint: TypeId,
}

/// A method declared on a named type.
#[derive(Clone, Debug)]
pub struct MethodInfo {
    pub name: String,
    /// The checker's object for the method's function.
    pub func: u32,
    pub ptr_recv: bool,
    /// The signature without receiver; `None` until resolved.
    pub sig: Option<TypeId>,
}

#[derive(Clone, Debug)]
pub struct NamedInfo {
    pub name: String,
    /// Package path ("main", "strings", ... ; "" for the universe's `error`).
    pub pkg: String,
    pub underlying: TypeId,
    pub methods: Vec<MethodInfo>,
    /// A generic type's type parameters (`Type::TypeParam`s).
    pub tparams: Vec<TypeId>,
    /// An instance (`List[int]`): the generic type it instantiates and its
    /// type arguments; `name` stays the generic type's.
    pub orig: Option<TypeId>,
    pub targs: Vec<TypeId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeStyle {
    /// As `go build` prints types in messages: package main unqualified.
    Checker,
    /// As the runtime prints them (`%T`, panics): `main.T`, `struct { X int }`.
    Runtime,
}

/// One step of a field or method selection through embedded fields.
#[derive(Clone, Debug, PartialEq)]
pub enum Selected {
    /// A struct field: the field indices from the receiver's struct through
    /// embedded fields to the field itself.
    Field { path: Vec<usize>, ty: TypeId },
    /// A method of a named type reached through `path` embedded fields;
    /// `recv_named` is the named type declaring it.
    Method {
        path: Vec<usize>,
        recv_named: TypeId,
        index: usize,
        ptr_recv: bool,
    },
    /// A method of an interface value reached through `path`.
    IfaceMethod {
        path: Vec<usize>,
        iface: TypeId,
        index: usize,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum LookupResult {
    Found(
        Selected,
        /* path goes through a pointer (implicit deref) */ bool,
    ),
    NotFound,
    Ambiguous,
}

pub struct TypeTable {
    types: Vec<Type>,
    intern: HashMap<Type, TypeId>,
    pub named: Vec<NamedInfo>,
    pub tparams: Vec<TypeParamInfo>,
}

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

impl TypeTable {
    pub fn new() -> TypeTable {
        let mut t = TypeTable {
            types: Vec::new(),
            intern: HashMap::default(),
            named: Vec::new(),
            tparams: Vec::new(),
        };
        for k in BasicKind::ALL {
            t.intern(Type::Basic(k));
        }
        t
    }

    pub fn basic(&self, k: BasicKind) -> TypeId {
        TypeId(BasicKind::ALL.iter().position(|&b| b == k).unwrap_or(0) as u32)
    }

    pub fn intern(&mut self, t: Type) -> TypeId {
        if let Some(&id) = self.intern.get(&t) {
            return id;
        }
        let id = TypeId(self.types.len() as u32);
        self.types.push(t.clone());
        self.intern.insert(t, id);
        id
    }

    /// The id of a type already interned, without interning it.
    pub fn find(&self, t: &Type) -> Option<TypeId> {
        self.intern.get(t).copied()
    }

    pub fn get(&self, id: TypeId) -> &Type {
        self.types
            .get(id.0 as usize)
            .unwrap_or(&Type::Basic(BasicKind::Invalid))
    }

    pub fn new_named(&mut self, name: &str, pkg: &str) -> TypeId {
        let idx = self.named.len() as u32;
        self.named.push(NamedInfo {
            name: name.to_string(),
            pkg: pkg.to_string(),
            underlying: TypeId(0),
            methods: Vec::new(),
            tparams: Vec::new(),
            orig: None,
            targs: Vec::new(),
        });
        let id = TypeId(self.types.len() as u32);
        self.types.push(Type::Named(idx));
        id
    }

    /// A new type parameter (each declaration is its own type).
    pub fn new_type_param(&mut self, name: &str, constraint: TypeId) -> TypeId {
        let idx = self.tparams.len() as u32;
        self.tparams.push(TypeParamInfo { name: name.to_string(), constraint });
        let id = TypeId(self.types.len() as u32);
        self.types.push(Type::TypeParam(idx));
        id
    }

    pub fn tparam_info(&self, id: TypeId) -> Option<&TypeParamInfo> {
        match self.get(id) {
            Type::TypeParam(i) => self.tparams.get(*i as usize),
            _ => None,
        }
    }

    pub fn is_type_param(&self, id: TypeId) -> bool {
        matches!(self.get(id), Type::TypeParam(_))
    }

    /// The type set of a constraint (an interface, a constraint, or a named
    /// one); a type parameter's is its constraint's.
    pub fn type_set(&self, id: TypeId) -> TypeSet {
        let id = match self.tparam_info(id) {
            Some(tp) => tp.constraint,
            None => id,
        };
        match self.get(self.named_underlying(id)) {
            Type::Constraint(ts) => ts.clone(),
            Type::Interface(ms) => TypeSet { methods: ms.clone(), terms: None, comparable: false, implicit: false },
            _ => TypeSet { methods: Vec::new(), terms: None, comparable: false, implicit: false },
        }
    }

    /// Follows named types only (a type parameter stays itself).
    fn named_underlying(&self, mut id: TypeId) -> TypeId {
        for _ in 0..100 {
            match self.get(id) {
                Type::Named(i) => match self.named.get(*i as usize) {
                    Some(n) => id = n.underlying,
                    None => return TypeId(0),
                },
                _ => return id,
            }
        }
        TypeId(0)
    }

    /// go/types' core type of a type parameter: the one underlying type
    /// all types of its type set share, if they do.
    pub fn core_type(&self, id: TypeId) -> Option<TypeId> {
        let ts = self.type_set(id);
        let terms = ts.terms?;
        let mut core: Option<TypeId> = None;
        for t in terms {
            let u = self.named_underlying(t.ty);
            match core {
                None => core = Some(u),
                Some(c) if c == u => {}
                // Channels of one element type with different directions
                // share the directed one; anything else has no core type.
                Some(_) => return None,
            }
        }
        core
    }

    /// Whether every type of a type parameter's type set satisfies `pred`
    /// (false for a type set of every type).
    pub fn all_terms(&self, id: TypeId, pred: &dyn Fn(&TypeTable, TypeId) -> bool) -> bool {
        match self.type_set(id).terms {
            Some(terms) => !terms.is_empty() && terms.iter().all(|t| pred(self, t.ty)),
            None => false,
        }
    }

    /// Whether type `t` is in a constraint's term list (`~T` takes every
    /// type whose underlying type is T).
    pub fn term_includes(&self, term: &Term, t: TypeId) -> bool {
        if term.tilde {
            self.underlying(t) == self.underlying(term.ty)
        } else {
            t == term.ty
        }
    }

    pub fn named_info(&self, id: TypeId) -> Option<&NamedInfo> {
        match self.get(id) {
            Type::Named(i) => self.named.get(*i as usize),
            _ => None,
        }
    }
    pub fn named_info_mut(&mut self, id: TypeId) -> Option<&mut NamedInfo> {
        match self.types.get(id.0 as usize) {
            Some(Type::Named(i)) => self.named.get_mut(*i as usize),
            _ => None,
        }
    }

    pub fn pointer(&mut self, t: TypeId) -> TypeId {
        self.intern(Type::Pointer(t))
    }
    pub fn slice(&mut self, t: TypeId) -> TypeId {
        self.intern(Type::Slice(t))
    }
    pub fn tuple(&mut self, ts: Vec<TypeId>) -> TypeId {
        self.intern(Type::Tuple(ts))
    }
    pub fn func(&mut self, params: Vec<TypeId>, results: Vec<TypeId>, variadic: bool) -> TypeId {
        self.intern(Type::Func(Signature {
            params,
            results,
            variadic,
        }))
    }
    pub fn empty_interface(&mut self) -> TypeId {
        self.intern(Type::Interface(Vec::new()))
    }

    /// The underlying type: follows named types (bounded, so a cycle that
    /// slipped through cannot hang).
    ///
    /// A type parameter's is its core type when it has one (so `range`,
    /// indexing, `len`, `make` and sends see `[]E` through `S ~[]E`), and
    /// the type parameter itself otherwise.
    pub fn underlying(&self, id: TypeId) -> TypeId {
        let u = self.named_underlying(id);
        if let Type::TypeParam(_) = self.get(u) {
            return self.core_type(u).unwrap_or(u);
        }
        u
    }
    pub fn under(&self, id: TypeId) -> &Type {
        self.get(self.underlying(id))
    }

    pub fn basic_kind(&self, id: TypeId) -> Option<BasicKind> {
        match self.under(id) {
            Type::Basic(k) => Some(*k),
            _ => None,
        }
    }
    pub fn is_invalid(&self, id: TypeId) -> bool {
        id.0 == 0
    }
    pub fn is_named(&self, id: TypeId) -> bool {
        matches!(self.get(id), Type::Named(_) | Type::TypeParam(_))
            || matches!(self.get(id), Type::Basic(k) if !k.is_untyped() && *k != BasicKind::Invalid)
    }
    pub fn is_untyped(&self, id: TypeId) -> bool {
        matches!(self.get(id), Type::Basic(k) if k.is_untyped())
    }
    pub fn is_interface(&self, id: TypeId) -> bool {
        matches!(self.under(id), Type::Interface(_))
    }
    pub fn is_integer(&self, id: TypeId) -> bool {
        if self.is_type_param(id) {
            return self.all_terms(id, &|tt, t| tt.is_integer(t));
        }
        self.basic_kind(id).is_some_and(|k| k.is_integer())
    }
    pub fn is_unsigned(&self, id: TypeId) -> bool {
        if self.is_type_param(id) {
            return self.all_terms(id, &|tt, t| tt.is_unsigned(t));
        }
        self.basic_kind(id).is_some_and(|k| k.is_unsigned())
    }
    pub fn is_float(&self, id: TypeId) -> bool {
        if self.is_type_param(id) {
            return self.all_terms(id, &|tt, t| tt.is_float(t));
        }
        self.basic_kind(id).is_some_and(|k| k.is_float())
    }
    pub fn is_numeric(&self, id: TypeId) -> bool {
        if self.is_type_param(id) {
            return self.all_terms(id, &|tt, t| tt.is_numeric(t));
        }
        self.basic_kind(id).is_some_and(|k| k.is_numeric())
    }
    pub fn is_string(&self, id: TypeId) -> bool {
        if self.is_type_param(id) {
            return self.all_terms(id, &|tt, t| tt.is_string(t));
        }
        self.basic_kind(id).is_some_and(|k| k.is_string())
    }
    pub fn is_boolean(&self, id: TypeId) -> bool {
        if self.is_type_param(id) {
            return self.all_terms(id, &|tt, t| tt.is_boolean(t));
        }
        self.basic_kind(id).is_some_and(|k| k.is_boolean())
    }
    pub fn is_ordered(&self, id: TypeId) -> bool {
        if self.is_type_param(id) {
            return self.all_terms(id, &|tt, t| tt.is_ordered(t));
        }
        self.basic_kind(id).is_some_and(|k| k.is_ordered())
    }
    pub fn is_const_type(&self, id: TypeId) -> bool {
        self.basic_kind(id)
            .is_some_and(|k| k != BasicKind::Invalid && k != BasicKind::UntypedNil)
    }

    /// Go's comparable: usable with `==` (and as a map key).
    pub fn comparable(&self, id: TypeId) -> bool {
        let mut memo: Vec<(TypeId, bool)> = Vec::new();
        self.comparable_memo(id, 0, &mut memo)
    }
    /// Memoized per type, so that types sharing components (or, after an
    /// error, containing themselves) stay linear.
    fn comparable_memo(&self, id: TypeId, depth: u32, memo: &mut Vec<(TypeId, bool)>) -> bool {
        if depth > 50 {
            return true;
        }
        if let Some(&(_, r)) = memo.iter().find(|(t, _)| *t == id) {
            return r;
        }
        // Provisional answer for cycles.
        memo.push((id, true));
        if self.is_type_param(id) {
            // `==` needs every type of the set strictly comparable.
            let ts = self.type_set(id);
            let r = ts.comparable || self.all_terms(id, &|tt, t| tt.comparable(t) && !tt.is_interface(t));
            memo.retain(|(t, _)| *t != id);
            return r;
        }
        let r = match self.under(id).clone() {
            Type::Basic(k) => k != BasicKind::UntypedNil,
            Type::Pointer(_) | Type::Chan(..) | Type::Interface(_) => true,
            Type::Struct(fs) => fs
                .iter()
                .all(|f| self.comparable_memo(f.ty, depth + 1, memo)),
            Type::Array(e, _) => self.comparable_memo(e, depth + 1, memo),
            _ => false,
        };
        if let Some(m) = memo.iter_mut().find(|(t, _)| *t == id) {
            m.1 = r;
        }
        r
    }

    /// Can hold nil: pointer, slice, map, chan, func, interface.
    pub fn has_nil(&self, id: TypeId) -> bool {
        // go/types' hasNil: a type parameter has nil when every type in its
        // type set does (`S ~[]E`).
        if self.is_type_param(id) {
            return self.all_terms(id, &|tt, t| tt.has_nil(t));
        }
        matches!(
            self.under(id),
            Type::Pointer(_)
                | Type::Slice(_)
                | Type::Map(..)
                | Type::Chan(..)
                | Type::Func(_)
                | Type::Interface(_)
        )
    }

    /// The interface methods of an interface type (empty otherwise).
    pub fn iface_methods(&self, id: TypeId) -> &[IfaceMethod] {
        match self.get(self.named_underlying(id)) {
            Type::Interface(ms) => ms,
            Type::Constraint(ts) => &ts.methods,
            Type::TypeParam(i) => match self.tparams.get(*i as usize) {
                Some(tp) => match self.get(self.named_underlying(tp.constraint)) {
                    Type::Interface(ms) => ms,
                    Type::Constraint(ts) => &ts.methods,
                    _ => &[],
                },
                None => &[],
            },
            _ => &[],
        }
    }

    /// Looks up a field or method `name` on a value of type `t`, through
    /// embedded fields breadth-first as the spec's selector rule says.
    pub fn lookup(&self, t: TypeId, name: &str) -> LookupResult {
        if name == "_" {
            return LookupResult::NotFound;
        }
        // A type parameter has its constraint's methods (no fields).
        if let Some(tp) = self.tparam_info(t) {
            let c = tp.constraint;
            return match self.iface_methods(c).iter().position(|m| m.name == name) {
                Some(i) => LookupResult::Found(Selected::IfaceMethod { path: Vec::new(), iface: c, index: i }, false),
                None => LookupResult::NotFound,
            };
        }
        // A pointer to a named type: look in the pointee (one level).
        let (start, mut via_ptr) = match self.get(t) {
            Type::Pointer(e)
                if matches!(self.get(*e), Type::Named(_))
                    || matches!(self.under(*e), Type::Struct(_)) =>
            {
                (*e, true)
            }
            _ => (t, false),
        };
        if let Type::Pointer(_) = self.get(start) {
            return LookupResult::NotFound;
        }
        // Methods of a pointer to an interface do not exist.
        if via_ptr && self.is_interface(start) {
            return LookupResult::NotFound;
        }
        let mut current: Vec<(TypeId, Vec<usize>, bool)> = vec![(start, Vec::new(), false)];
        let mut seen: Vec<TypeId> = Vec::new();
        for _depth in 0..32 {
            let mut found: Option<(Selected, bool)> = None;
            let mut count = 0;
            let mut next = Vec::new();
            for (ty, path, indirect) in &current {
                let (ty, indirect) = (*ty, *indirect);
                if let Type::Named(_) = self.get(ty) {
                    if seen.contains(&ty) {
                        continue;
                    }
                    seen.push(ty);
                    if let Some(info) = self.named_info(ty)
                        && let Some(i) = info.methods.iter().position(|m| m.name == name)
                    {
                        count += 1;
                        if found.is_none() {
                            found = Some((
                                Selected::Method {
                                    path: path.clone(),
                                    recv_named: ty,
                                    index: i,
                                    ptr_recv: info.methods[i].ptr_recv,
                                },
                                indirect,
                            ));
                        }
                        continue;
                    }
                }
                match self.under(ty) {
                    Type::Struct(fields) => {
                        for (i, f) in fields.iter().enumerate() {
                            if f.name == name {
                                count += 1;
                                if found.is_none() {
                                    let mut p = path.clone();
                                    p.push(i);
                                    found = Some((Selected::Field { path: p, ty: f.ty }, indirect));
                                }
                            }
                            if f.embedded {
                                let (ft, ind) = match self.get(f.ty) {
                                    Type::Pointer(e) => (*e, true),
                                    _ => (f.ty, false),
                                };
                                let mut p = path.clone();
                                p.push(i);
                                next.push((ft, p, indirect || ind));
                            }
                        }
                    }
                    Type::Interface(ms) => {
                        if let Some(i) = ms.iter().position(|m| m.name == name) {
                            count += 1;
                            if found.is_none() {
                                found = Some((
                                    Selected::IfaceMethod {
                                        path: path.clone(),
                                        iface: ty,
                                        index: i,
                                    },
                                    indirect,
                                ));
                            }
                        }
                    }
                    _ => {}
                }
            }
            if count > 1 {
                return LookupResult::Ambiguous;
            }
            if let Some((sel, ind)) = found {
                via_ptr |= ind;
                let _ = &via_ptr;
                return LookupResult::Found(sel, ind);
            }
            if next.is_empty() {
                return LookupResult::NotFound;
            }
            current = next;
        }
        LookupResult::NotFound
    }

    /// The signature of a selected method (without receiver).
    pub fn selected_sig(&self, sel: &Selected) -> TypeId {
        match sel {
            Selected::Method {
                recv_named, index, ..
            } => self
                .named_info(*recv_named)
                .and_then(|n| n.methods.get(*index))
                .and_then(|m| m.sig)
                .unwrap_or(TypeId(0)),
            Selected::IfaceMethod { iface, index, .. } => self
                .iface_methods(*iface)
                .get(*index)
                .map(|m| m.sig)
                .unwrap_or(TypeId(0)),
            Selected::Field { ty, .. } => *ty,
        }
    }

    /// Whether `t` implements interface `iface`; `Err(reason)` carries Go's
    /// parenthesized explanation (`missing method M`, ...).
    pub fn implements(&self, t: TypeId, iface: TypeId, style: TypeStyle) -> Result<(), String> {
        let want: Vec<IfaceMethod> = self.iface_methods(iface).to_vec();
        let t_is_iface = self.is_interface(t);
        for m in &want {
            match self.lookup(t, &m.name) {
                LookupResult::Found(sel, _) => {
                    if let Selected::Field { .. } = sel {
                        return Err(format!("(missing method {})", m.name));
                    }
                    let have = self.selected_sig(&sel);
                    if have != m.sig {
                        return Err(format!(
                            "(wrong type for method {})\n\t\thave {}{}\n\t\twant {}{}",
                            m.name,
                            m.name,
                            self.sig_string(have, style),
                            m.name,
                            self.sig_string(m.sig, style)
                        ));
                    }
                    if let Selected::Method {
                        ptr_recv: true,
                        path,
                        ..
                    } = &sel
                    {
                        // A pointer-receiver method is in the method set of
                        // T only when reached through an embedded pointer.
                        let is_ptr = matches!(self.get(t), Type::Pointer(_));
                        if !is_ptr && !t_is_iface && !self.path_has_pointer(t, path) {
                            return Err(format!("(method {} has pointer receiver)", m.name));
                        }
                    }
                }
                _ => return Err(format!("(missing method {})", m.name)),
            }
        }
        Ok(())
    }

    /// Whether an embedded-field path from `t` passes through a pointer.
    fn path_has_pointer(&self, t: TypeId, path: &[usize]) -> bool {
        let mut cur = t;
        for &i in path {
            let f = match self.under(cur) {
                Type::Struct(fs) => match fs.get(i) {
                    Some(f) => f.ty,
                    None => return false,
                },
                _ => return false,
            };
            if let Type::Pointer(e) = self.get(f) {
                let _ = e;
                return true;
            }
            cur = f;
        }
        false
    }

    /// Assignability of a value of type `v` to type `t` (not for untyped
    /// constants, which the checker handles via representability).
    pub fn assignable(&self, v: TypeId, t: TypeId) -> bool {
        if v == t || self.is_invalid(v) || self.is_invalid(t) {
            return true;
        }
        let vu = self.underlying(v);
        let tu = self.underlying(t);
        // Identical underlying types and at least one is not named (and
        // neither is a type parameter).
        if vu == tu
            && !self.is_type_param(v)
            && !self.is_type_param(t)
            && (!self.is_named(v) || !self.is_named(t))
            && !matches!(self.get(vu), Type::Basic(_))
        {
            return true;
        }
        if let Type::Basic(BasicKind::UntypedNil) = self.get(v) {
            return self.has_nil(t);
        }
        // A type parameter and a type that is not named: assignable when
        // it is for every type of the type parameter's set.
        if self.is_type_param(v) && !self.is_named(t) && !self.is_interface(t) {
            return self.all_terms(v, &|tt, u| tt.assignable(u, t));
        }
        if self.is_type_param(t) && !self.is_named(v) && !self.is_untyped(v) && !self.is_interface(v) {
            return self.all_terms(t, &|tt, u| tt.assignable(v, u));
        }
        if let Type::Basic(k) = self.get(v)
            && k.is_untyped()
        {
            if let Type::Basic(tk) = self.get(tu) {
                return match k {
                    BasicKind::UntypedBool => tk.is_boolean(),
                    BasicKind::UntypedString => tk.is_string(),
                    BasicKind::UntypedInt
                    | BasicKind::UntypedRune
                    | BasicKind::UntypedFloat
                    | BasicKind::UntypedComplex => tk.is_numeric(),
                    _ => false,
                };
            }
            if self.is_interface(t) {
                return self.iface_methods(t).is_empty();
            }
            return false;
        }
        if self.is_interface(t) {
            return self.implements(v, t, TypeStyle::Checker).is_ok();
        }
        // Channel direction: a bidirectional channel assigns to a directed
        // one with an identical element type.
        if let (Type::Chan(ChanDir::Both, ve), Type::Chan(_, te)) = (self.get(vu), self.get(tu))
            && ve == te
            && (!self.is_named(v) || !self.is_named(t))
        {
            return true;
        }
        false
    }

    /// Non-constant conversion `T(x)` from type `v` to `t`.
    pub fn convertible(&self, v: TypeId, t: TypeId) -> bool {
        if self.assignable(v, t) {
            return true;
        }
        // Type parameters: every type of the type set(s) must convert.
        if self.is_type_param(v) || self.is_type_param(t) {
            let terms = |x: TypeId| -> Option<Vec<TypeId>> {
                if self.is_type_param(x) {
                    self.type_set(x).terms.filter(|ts| !ts.is_empty()).map(|ts| ts.iter().map(|t| t.ty).collect())
                } else {
                    Some(vec![x])
                }
            };
            let (Some(vs), Some(ts)) = (terms(v), terms(t)) else { return false };
            return vs.iter().all(|&a| ts.iter().all(|&b| self.convertible(a, b)));
        }
        let vu = self.underlying(v);
        let tu = self.underlying(t);
        if self.identical_ignore_tags(vu, tu) {
            return true;
        }
        if let (Type::Pointer(a), Type::Pointer(b)) = (self.get(v), self.get(t))
            && self.identical_ignore_tags(self.underlying(*a), self.underlying(*b))
        {
            return true;
        }
        let (vk, tk) = (self.basic_kind(v), self.basic_kind(t));
        if let (Some(a), Some(b)) = (vk, tk) {
            if (a.is_integer() || a.is_float()) && (b.is_integer() || b.is_float()) {
                return true;
            }
            if a.is_complex() && b.is_complex() {
                return true;
            }
            if a.is_integer() && b.is_string() {
                return true;
            }
        }
        // string <-> []byte, []rune
        if self.is_string(v) || self.is_string(t) {
            let other = if self.is_string(v) { tu } else { vu };
            if let Type::Slice(e) = self.get(other) {
                let ek = self.basic_kind(*e);
                if matches!(ek, Some(BasicKind::Uint8) | Some(BasicKind::Int32)) {
                    return true;
                }
            }
        }
        // slice -> array or pointer to array
        if let Type::Slice(se) = self.get(vu) {
            match self.get(tu) {
                Type::Array(ae, _) if ae == se => return true,
                Type::Pointer(p) => {
                    if let Type::Array(ae, _) = self.under(*p)
                        && ae == se
                    {
                        return true;
                    }
                }
                _ => {}
            }
        }
        false
    }

    fn identical_ignore_tags(&self, a: TypeId, b: TypeId) -> bool {
        if a == b {
            return true;
        }
        match (self.get(a), self.get(b)) {
            (Type::Struct(x), Type::Struct(y)) => {
                x.len() == y.len()
                    && x.iter()
                        .zip(y)
                        .all(|(f, g)| f.name == g.name && f.embedded == g.embedded && f.ty == g.ty)
            }
            _ => false,
        }
    }

    /// The element type for `range`, index and receive purposes.
    pub fn elem(&self, id: TypeId) -> Option<TypeId> {
        match self.under(id) {
            Type::Pointer(e) | Type::Slice(e) | Type::Array(e, _) | Type::Chan(_, e) => Some(*e),
            Type::Map(_, v) => Some(*v),
            _ => None,
        }
    }

    pub fn signature(&self, id: TypeId) -> Option<&Signature> {
        match self.under(id) {
            Type::Func(s) => Some(s),
            _ => None,
        }
    }

    /// `(int, string)` for a signature's parameters, as in `func(int, string)`.
    pub fn sig_string(&self, id: TypeId, style: TypeStyle) -> String {
        let mut s = String::new();
        match self.get(id) {
            Type::Func(sig) => self.write_sig(&mut s, sig, style, 0),
            _ => s.push_str("()"),
        }
        s
    }

    pub fn type_string(&self, id: TypeId, style: TypeStyle) -> String {
        let mut s = String::new();
        self.write_type(&mut s, id, style, 0);
        s
    }

    fn write_sig(&self, s: &mut String, sig: &Signature, style: TypeStyle, depth: u32) {
        s.push('(');
        for (i, p) in sig.params.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            if sig.variadic && i + 1 == sig.params.len() {
                s.push_str("...");
                match self.get(*p) {
                    Type::Slice(e) => self.write_type(s, *e, style, depth + 1),
                    _ => self.write_type(s, *p, style, depth + 1),
                }
            } else {
                self.write_type(s, *p, style, depth + 1);
            }
        }
        s.push(')');
        match sig.results.len() {
            0 => {}
            1 => {
                s.push(' ');
                self.write_type(s, sig.results[0], style, depth + 1);
            }
            _ => {
                s.push_str(" (");
                for (i, r) in sig.results.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    self.write_type(s, *r, style, depth + 1);
                }
                s.push(')');
            }
        }
    }

    fn write_type(&self, s: &mut String, id: TypeId, style: TypeStyle, depth: u32) {
        if depth > 40 {
            s.push('…');
            return;
        }
        let d = depth + 1;
        match self.get(id) {
            Type::Basic(k) => s.push_str(k.name()),
            Type::Named(i) => {
                if let Some(n) = self.named.get(*i as usize) {
                    let qualify =
                        !n.pkg.is_empty() && (style == TypeStyle::Runtime || n.pkg != "main");
                    if qualify {
                        if style == TypeStyle::Checker
                            && (n.pkg == "sync" || n.pkg == "sync/atomic")
                        {
                            // Go's checker also loads internal/sync and
                            // internal/runtime/atomic, whose names collide,
                            // so it qualifies these types by path.
                            s.push('"');
                            s.push_str(&n.pkg);
                            s.push('"');
                        } else {
                            s.push_str(package_name(&n.pkg));
                        }
                        s.push('.');
                    }
                    s.push_str(&n.name);
                    // An instance: `List[int]`; `Pair[string, T]` in
                    // messages, `main.Pair[string,main.T]` at run time.
                    if !n.targs.is_empty() {
                        s.push('[');
                        for (i, a) in n.targs.iter().enumerate() {
                            if i > 0 {
                                s.push_str(if style == TypeStyle::Runtime { "," } else { ", " });
                            }
                            self.write_type(s, *a, style, d);
                        }
                        s.push(']');
                    }
                }
            }
            Type::TypeParam(i) => {
                if let Some(tp) = self.tparams.get(*i as usize) {
                    s.push_str(&tp.name);
                }
            }
            Type::Constraint(ts) => {
                let mut parts: Vec<String> = Vec::new();
                if ts.comparable {
                    parts.push("comparable".into());
                }
                for m in &ts.methods {
                    let mut p = m.name.clone();
                    match self.get(m.sig) {
                        Type::Func(sig) => self.write_sig(&mut p, sig, style, d),
                        _ => p.push_str("()"),
                    }
                    parts.push(p);
                }
                if let Some(terms) = &ts.terms {
                    parts.push(self.terms_string(terms, style));
                }
                if ts.implicit {
                    s.push_str(&parts.join("; "));
                } else {
                    s.push_str("interface{");
                    s.push_str(&parts.join("; "));
                    s.push('}');
                }
            }
            Type::Pointer(e) => {
                s.push('*');
                self.write_type(s, *e, style, d);
            }
            Type::Slice(e) => {
                s.push_str("[]");
                self.write_type(s, *e, style, d);
            }
            Type::Array(e, n) => {
                s.push_str(&format!("[{n}]"));
                self.write_type(s, *e, style, d);
            }
            Type::Map(k, v) => {
                s.push_str("map[");
                self.write_type(s, *k, style, d);
                s.push(']');
                self.write_type(s, *v, style, d);
            }
            Type::Chan(dir, e) => {
                s.push_str(match dir {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                });
                // `chan (<-chan int)` needs parentheses.
                let paren =
                    *dir != ChanDir::Send && matches!(self.get(*e), Type::Chan(ChanDir::Recv, _));
                if paren {
                    s.push('(');
                }
                self.write_type(s, *e, style, d);
                if paren {
                    s.push(')');
                }
            }
            Type::Struct(fields) => {
                let rt = style == TypeStyle::Runtime;
                s.push_str(if rt { "struct {" } else { "struct{" });
                for (i, f) in fields.iter().enumerate() {
                    s.push_str(if i > 0 {
                        "; "
                    } else if rt {
                        " "
                    } else {
                        ""
                    });
                    if !f.embedded {
                        s.push_str(&f.name);
                        s.push(' ');
                    }
                    self.write_type(s, f.ty, style, d);
                    if !f.tag.is_empty() {
                        s.push(' ');
                        s.push_str(&crate::constant::quote_go(&f.tag));
                    }
                }
                if rt && !fields.is_empty() {
                    s.push(' ');
                }
                s.push('}');
            }
            Type::Func(sig) => {
                s.push_str("func");
                self.write_sig(s, sig, style, d);
            }
            Type::Interface(ms) => {
                let rt = style == TypeStyle::Runtime;
                if ms.is_empty() {
                    s.push_str(if rt { "interface {}" } else { "any" });
                    return;
                }
                s.push_str(if rt { "interface { " } else { "interface{" });
                for (i, m) in ms.iter().enumerate() {
                    if i > 0 {
                        s.push_str("; ");
                    }
                    s.push_str(&m.name);
                    match self.get(m.sig) {
                        Type::Func(sig) => self.write_sig(s, sig, style, d),
                        _ => s.push_str("()"),
                    }
                }
                s.push_str(if rt { " }" } else { "}" });
            }
            Type::Tuple(ts) => {
                s.push('(');
                for (i, t) in ts.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    self.write_type(s, *t, style, d);
                }
                s.push(')');
            }
        }
    }

    /// A term list as go/types prints it: `~int | ~float64`.
    pub fn terms_string(&self, terms: &[Term], style: TypeStyle) -> String {
        let mut s = String::new();
        for (i, t) in terms.iter().enumerate() {
            if i > 0 {
                s.push_str(" | ");
            }
            if t.tilde {
                s.push('~');
            }
            self.write_type(&mut s, t.ty, style, 1);
        }
        s
    }

    /// go/types' "composite kind" used in operand descriptions
    /// (`variable of struct type T`); `None` for basic underlying types.
    pub fn composite_kind(&self, id: TypeId) -> Option<&'static str> {
        Some(match self.under(id) {
            Type::Basic(_) => return None,
            Type::Named(_) => return None,
            Type::Pointer(_) => "pointer",
            Type::Slice(_) => "slice",
            Type::Array(..) => "array",
            Type::Map(..) => "map",
            Type::Chan(..) => "chan",
            Type::Struct(_) => "struct",
            Type::Func(_) => "func",
            Type::Interface(_) | Type::Constraint(_) => "interface",
            Type::Tuple(_) => "tuple",
            Type::TypeParam(_) => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_gives_identity() {
        let mut t = TypeTable::new();
        let int = t.basic(BasicKind::Int);
        let a = t.slice(int);
        let b = t.slice(int);
        assert_eq!(a, b);
        let n1 = t.new_named("T", "main");
        let n2 = t.new_named("T", "main");
        assert_ne!(n1, n2);
    }

    #[test]
    fn type_strings_match_go() {
        let mut t = TypeTable::new();
        let int = t.basic(BasicKind::Int);
        let string = t.basic(BasicKind::String);
        let named = t.new_named("T", "main");
        t.named_info_mut(named).unwrap().underlying = int;
        let p = t.pointer(named);
        assert_eq!(t.type_string(p, TypeStyle::Checker), "*T");
        assert_eq!(t.type_string(p, TypeStyle::Runtime), "*main.T");
        let m = t.intern(Type::Map(string, int));
        assert_eq!(t.type_string(m, TypeStyle::Runtime), "map[string]int");
        let f = t.func(vec![int], vec![string], false);
        assert_eq!(t.type_string(f, TypeStyle::Runtime), "func(int) string");
        let st = t.intern(Type::Struct(vec![StructField {
            name: "X".into(),
            ty: int,
            embedded: false,
            tag: String::new(),
            pkg: "main".into(),
        }]));
        assert_eq!(t.type_string(st, TypeStyle::Checker), "struct{X int}");
        assert_eq!(t.type_string(st, TypeStyle::Runtime), "struct { X int }");
        let e = t.empty_interface();
        assert_eq!(t.type_string(e, TypeStyle::Runtime), "interface {}");
        let sl = t.slice(int);
        let v = t.func(vec![sl], vec![], true);
        assert_eq!(t.type_string(v, TypeStyle::Checker), "func(...int)");
    }
}

/// The name of the package at import path `path`, by Go's convention: the
/// path's last element, or the one before a major version (`math/rand/v2`
/// is package `rand`).
pub fn package_name(path: &str) -> &str {
    let mut parts = path.rsplit('/');
    let last = parts.next().unwrap_or(path);
    let version = last.strip_prefix('v').is_some_and(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()));
    match parts.next() {
        Some(before) if version => before,
        _ => last,
    }
}
