//! `math/rand`'s natives. The package is Go (`rand.go`: Go's generators
//! and `Rand` methods); only the top-level functions' source is native:
//! it draws from the run's seeded choices (`vm.chooser`), as Go's draws
//! from the runtime's random source, so a run replays exactly.

#[path = "v2/mod.rs"]
pub(crate) mod v2;

use crate::stdlib::args;
use crate::value::Value;
use crate::vm::NativeFn;

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        // Go's `runtime.rand`: 64 random bits.
        "math/rand.runtime_rand" => |vm, g, n| {
            args(g, n);
            let r = vm.chooser.rand_uint64();
            g.stack.push(Value::Int(r as i64));
            Ok(())
        },
        // The top-level Intn's value in [0,n) (n >= 1, checked in Go): one
        // choice of n alternatives, which a schedule's pick can set.
        "math/rand.runtimeIntn" => |vm, g, n| {
            let a = args(g, n);
            let m = a.first().map_or(1, |v| v.int()).max(1);
            let r = vm.chooser.rand_intn(m as u64) as i64;
            g.stack.push(Value::Int(r));
            Ok(())
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    /// Library frames print as Go prints its own, at Go's files and lines
    /// (`golang::normalize_stderr` drops them from the corpus's checks).
    #[test]
    fn frames_in_math_rand_point_into_gos_sources() {
        let run = |body: &str| {
            let src = format!("package main\n\nimport \"math/rand\"\n\nfunc main() {{\n{body}\n}}\n");
            crate::run_source("prog.go", &src, &crate::RunConfig::default()).stderr
        };
        let goroot = "/usr/local/go-faketime/src/math/rand";
        assert_eq!(
            run("\trand.Intn(0)"),
            format!(
                "panic: invalid argument to Intn\n\ngoroutine 1 [running]:\nmath/rand.(*Rand).Intn(...)\n\t{goroot}/rand.go:180\nmath/rand.Intn(...)\n\t{goroot}/rand.go:464\nmain.main()\n\t/tmp/sandbox/prog.go:6\n"
            )
        );
        let err = run("\tvar r *rand.Rand\n\tr.Int63n(0)");
        assert!(err.contains(&format!("math/rand.(*Rand).Int63n(...)\n\t{goroot}/rand.go:122\nmain.main()")), "{err}");
        let err = crate::run_source("prog.go", "package main\n\nimport \"math/rand/v2\"\n\nfunc main() {\n\trand.IntN(0)\n}\n", &crate::RunConfig::default()).stderr;
        assert!(err.contains(&format!("math/rand/v2.(*Rand).IntN(...)\n\t{goroot}/v2/rand.go:196\nmath/rand/v2.IntN(...)\n\t{goroot}/v2/rand.go:326\nmain.main()")), "{err}");
        // A Rand without a Source dies in Int63, calling it.
        let err = run("\trand.New(nil).Float64()");
        assert!(err.contains(&format!("math/rand.(*Rand).Int63(...)\n\t{goroot}/rand.go:96\nmath/rand.(*Rand).Float64(...)\n\t{goroot}/rand.go:207\nmain.main()")), "{err}");
    }
}
