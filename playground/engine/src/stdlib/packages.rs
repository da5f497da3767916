//! The table of the standard library's packages: one row per package the
//! playground provides, found by its import path. A package's folder under
//! `stdlib/` holds its Go declarations (`<name>.go`): what the checker sees,
//! parsed and checked like the learner's code. A function or method there
//! without a body is native (Rust, looked up by its qualified name,
//! `"strings.Contains"`, `"strings.(*Builder).WriteString"`); a package
//! variable without an initializer is native too (`os.Stdout`). A function
//! or method with a body, and a variable with a value, are library Go:
//! checked and compiled like the learner's code (`check/library/`),
//! only for the programs that import the package. Unexported
//! helper types (`errors.errorString`) stand in for Go's implementation
//! types so that `%T` and method sets behave as in Go. The package's
//! natives are behind its row's `natives` (its folder's `mod.rs`), which
//! [`super::lookup`] calls for the names with its import path.
//!
//! Adding a package is adding its folder and a row here.

use crate::vm::NativeFn;

/// One package of the standard library.
pub(crate) struct Package {
    /// The import path.
    pub path: &'static str,
    /// Its Go declarations.
    pub decls: &'static str,
    /// Importing it links package `os` into the binary, as in Go (`fmt`,
    /// `log`... import `os`). Go's `os` starts a finalizer goroutine in
    /// its init, so the learner's first goroutine is 7 rather than 6.
    pub links_os: bool,
    /// The native behind a qualified name of the package
    /// (`"strings.(*Builder).WriteString"`), if it has one.
    pub natives: fn(&str) -> Option<NativeFn>,
}

const fn package(path: &'static str, decls: &'static str, links_os: bool, natives: fn(&str) -> Option<NativeFn>) -> Package {
    Package { path, decls, links_os, natives }
}

/// A package that is all Go.
fn no_natives(_: &str) -> Option<NativeFn> {
    None
}

/// Library types whose values natives make (`*errors.errorString`,
/// `*strconv.NumError`): the compiler makes their runtime types and
/// methods whenever their package is imported, and the library loader
/// keeps them declared (`check/library/`).
pub(crate) const NATIVES_TYPES: &[(&str, &str)] = &[("errors", "errorString"), ("strconv", "NumError"), ("strings", "Builder"), ("sort", "reverse")];

/// Every package the playground provides.
pub(crate) static PACKAGES: &[Package] = &[
    package("fmt", include_str!("fmt/fmt.go"), true, super::fmt::lookup),
    package("errors", include_str!("errors/errors.go"), false, super::errors::lookup),
    // Go's own source: all Go.
    package("io", include_str!("io/io.go"), false, no_natives),
    package("os", include_str!("os/os.go"), true, super::os::lookup),
    // Go's own source: all Go.
    package("io/fs", include_str!("io/fs/fs.go"), false, no_natives),
    package("internal/oserror", include_str!("internal/oserror/oserror.go"), false, no_natives),
    // A sandbox without binaries, in Go.
    package("os/exec", include_str!("os/exec/exec.go"), true, no_natives),
    package("os/signal", include_str!("os/signal/signal.go"), true, super::os::signal::lookup),
    package("strings", include_str!("strings/strings.go"), false, super::strings::lookup),
    package("strconv", include_str!("strconv/strconv.go"), false, super::strconv::lookup),
    package("sort", include_str!("sort/sort.go"), false, super::sort::lookup),
    package("math", include_str!("math/math.go"), false, super::math::lookup),
    package("math/rand", concat!(include_str!("math/rand/rand.go"), include_str!("math/rand/cooked.go")), false, super::math::mathrand::lookup),
    package("math/rand/v2", include_str!("math/rand/v2/rand.go"), false, super::math::mathrand::v2::lookup),
    // All Go.
    package("math/bits", include_str!("math/bits/bits.go"), false, no_natives),
    // Go's own source: all Go, over math's natives and math/bits.
    package("math/cmplx", include_str!("math/cmplx/cmplx.go"), false, no_natives),
    package("unicode", include_str!("unicode/unicode.go"), false, super::unicode::lookup),
    package("unicode/utf8", include_str!("unicode/utf8/utf8.go"), false, super::unicode::utf8::lookup),
    package("runtime", include_str!("runtime/runtime.go"), false, super::runtime::lookup),
    // `Stack` is a request to the process (`chan.rs`).
    package("runtime/debug", include_str!("runtime/debug/debug.go"), true, super::chan::lookup),
    package("runtime/pprof", include_str!("runtime/pprof/pprof.go"), true, super::runtime::pprof::lookup),
    package("sync", include_str!("sync/sync.go"), false, super::sync::lookup),
    package("sync/atomic", include_str!("sync/atomic/atomic.go"), false, super::sync::atomic::lookup),
    package("iter", include_str!("iter/iter.go"), false, no_natives),
    package("maps", include_str!("maps/maps.go"), false, no_natives),
    package("slices", include_str!("slices/slices.go"), false, super::slices::lookup),
    // Generic, typed per call like `slices` (`check/generic.rs`).
    package("cmp", include_str!("cmp/cmp.go"), false, super::slices::lookup),
    package("time", include_str!("time/time.go"), false, super::time::lookup),
    package("context", include_str!("context/context.go"), false, super::context::lookup),
    package("bytes", include_str!("bytes/bytes.go"), false, super::bytes::lookup),
    package("log", include_str!("log/log.go"), true, super::log::lookup),
    // Go's own source: all Go.
    package("bufio", include_str!("bufio/bufio.go"), false, no_natives),
    // Go's own source, adapted where the engine lacks a package (its header says where).
    package("flag", include_str!("flag/flag.go"), true, no_natives),
    // Signals, with `os/signal`'s natives.
    package("syscall", include_str!("syscall/syscall.go"), false, super::os::signal::lookup),
    package("gmp/sim", include_str!("gmp/sim/sim.go"), false, super::gmp::sim::lookup),
    package("golang.org/x/sync/errgroup", include_str!("golang.org/x/sync/errgroup/errgroup.go"), true, no_natives),
];

/// The package with this import path, if the playground provides it.
pub(crate) fn package_at(path: &str) -> Option<&'static Package> {
    PACKAGES.iter().find(|p| p.path == path)
}

/// Whether a program with these imports links package `os` (see
/// [`Package::links_os`]).
pub(crate) fn links_os<'a>(imports: impl IntoIterator<Item = &'a str>) -> bool {
    imports.into_iter().any(|path| package_at(path).is_some_and(|p| p.links_os))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_package_is_declared_once_under_its_own_name() {
        for (i, p) in PACKAGES.iter().enumerate() {
            assert!(PACKAGES[..i].iter().all(|q| q.path != p.path), "{} is in the table twice", p.path);
            let name = crate::types::package_name(p.path);
            let clause = p.decls.lines().find(|l| l.starts_with("package ")).unwrap_or("");
            assert_eq!(clause, format!("package {name}"), "{}'s declarations", p.path);
        }
    }

    /// The qualified names of a package's native declarations, as the
    /// checker forms them (`check/decl.rs`): body-less functions
    /// (`"strings.Contains"`) and methods (`"strings.(*Builder).Len"`,
    /// `"time.Duration.String"`), and variables without a value
    /// (`"os.Stdout"`).
    fn declared_natives(p: &Package) -> (Vec<String>, Vec<String>) {
        use crate::ast::{Decl, ExprKind};
        let sf = crate::span::SourceFile::new(format!("{}.go", p.path), p.decls);
        let (file, diags) = crate::parser::parse_file(&sf);
        assert!(diags.is_empty(), "{}'s declarations do not parse", p.path);
        let (mut funcs, mut vars) = (Vec::new(), Vec::new());
        for d in &file.decls {
            match d {
                Decl::Func(f) if f.body.is_none() => {
                    let Some(recv) = &f.recv else {
                        funcs.push(format!("{}.{}", p.path, f.name.name));
                        continue;
                    };
                    let (mut rt, mut ptr) = (recv.ty.unparen(), false);
                    if let ExprKind::Star(x) = &rt.kind {
                        (rt, ptr) = (x.unparen(), true);
                    }
                    // A generic type's method (`(*Pointer[T]).Load`) is one
                    // native for every instance, named without `[T]`.
                    if let ExprKind::Index { x, .. } | ExprKind::IndexList { x, .. } = &rt.kind {
                        rt = x.unparen();
                    }
                    let ExprKind::Ident(base) = &rt.kind else { panic!("{}.{}: receiver", p.path, f.name.name) };
                    funcs.push(if ptr { format!("{}.(*{base}).{}", p.path, f.name.name) } else { format!("{}.{base}.{}", p.path, f.name.name) });
                }
                Decl::Var(g) => {
                    for spec in g.specs.iter().filter(|s| s.values.is_empty()) {
                        vars.extend(spec.names.iter().map(|n| format!("{}.{}", p.path, n.name)));
                    }
                }
                _ => {}
            }
        }
        (funcs, vars)
    }

    #[test]
    fn every_declared_native_resolves() {
        // Declared but not implemented yet: the compiler reports a use as
        // unsupported. (Remove a name from here when it gets its native.)
        const NOT_YET: &[&str] = &[
            "fmt.Sscan",
            "fmt.Sscanf",
            "strings.(*Builder).Cap",
        ];
        let mut missing = Vec::new();
        let mut declared = 0;
        for p in PACKAGES {
            let (funcs, vars) = declared_natives(p);
            declared += funcs.len() + vars.len();
            for name in funcs.iter().chain(&vars) {
                assert_eq!(super::super::import_path(name), Some(p.path), "{name} is looked up in another package");
            }
            for name in &funcs {
                // A native, or a call the compiler turns into a request to
                // the process.
                let found = super::super::lookup(name).is_some()
                    || super::super::sys_id(name).is_some()
                    || super::super::runtime_op(name, 0).is_some();
                if !found {
                    missing.push(name.clone());
                }
            }
            for name in &vars {
                if super::super::native_var(name).and_then(super::super::lookup).is_none() {
                    missing.push(name.clone());
                }
            }
        }
        assert!(declared > 400, "only {declared} native declarations found");
        missing.sort();
        assert_eq!(missing, NOT_YET, "declared natives without an implementation");
    }

    /// The natives listed as calling Go code exist (a misspelt one would
    /// stop the run when its call blocks), under their instances' names
    /// too.
    #[test]
    fn natives_that_call_go_are_listed_by_real_names() {
        for name in super::super::REENTERING_NATIVES {
            assert!(super::super::lookup(name).is_some(), "{name}");
            assert!(super::super::reenters(name), "{name}");
        }
        assert!(super::super::reenters("slices.SortFunc.i"));
        assert!(super::super::reenters("fmt.Println"));
        assert!(!super::super::reenters("slices.Sort.i"));
        assert!(!super::super::reenters("strings.Contains"));
    }

    #[test]
    fn names_without_declarations_resolve_by_import_path() {
        // Builtins, generic instances (named with a kind suffix), the
        // methods of types only natives make, helpers of generated code.
        for name in [
            "builtin.panic",
            "builtin.min.i",
            "builtin.max.s",
            "slices.Sort.s",
            "cmp.Compare.f",
            "fmt.(*wrapError).Unwrap",
            "errors.(*joinError).Error",
            "context.deadlineExceededError.Error",
            "context.causeOf",
            "runtime/pprof.writeText",
        ] {
            assert!(super::super::lookup(name).is_some(), "{name}");
        }
        // A request to the process, a builtin compiled inline, no package,
        // not an import path, no member.
        for name in ["chan.make", "builtin.len", "no/such.F", "utf8.RuneLen", "strings", ""] {
            assert!(super::super::lookup(name).is_none(), "{name}");
        }
    }

    #[test]
    fn every_package_with_go_compiles_cleanly() {
        // The checker's side is `check::tests::stubs_check_cleanly`; the
        // compiler must take every library body too (its reports would
        // otherwise reach the learner).
        for p in PACKAGES {
            let src = crate::check::library::program_reaching_all(p.path);
            if let Err(e) = crate::compile("prog.go", &src) {
                panic!("{}: {}", p.path, e.render());
            }
        }
    }

    #[test]
    fn links_os_follows_go_imports() {
        assert!(links_os(["fmt"]));
        assert!(links_os(["strings", "log"]));
        assert!(!links_os(["strings", "sync", "time"]));
        assert!(!links_os(["no/such/package"]));
    }
}
