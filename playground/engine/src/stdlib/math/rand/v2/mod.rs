//! `math/rand/v2`'s one native: the top-level functions' source, the
//! run's seeded choices (`vm.chooser`), as Go's is the runtime's random
//! source. The package itself is Go (`rand.go`).

use crate::stdlib::args;
use crate::value::Value;
use crate::vm::NativeFn;

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "math/rand/v2.runtime_rand" => |vm, g, n| {
            args(g, n);
            let r = vm.chooser.rand_uint64();
            g.stack.push(Value::Int(r as i64));
            Ok(())
        },
        _ => return None,
    })
}
