//! `math/rand`: the top-level functions, drawing from the run's seeded
//! generator (`vm.chooser`), so a run replays exactly.

use crate::stdlib::{args, new_slice, new_str};
use crate::value::Value;
use crate::vm::{NativeFn, Throw};

pub fn lookup(name: &str) -> Option<NativeFn> {
    Some(match name {
        "math/rand.Intn" => |vm, g, n| {
            let a = args(g, n);
            let m = a.first().map_or(0, |v| v.int());
            if m <= 0 {
                let s = new_str(vm, b"invalid argument to Intn")?;
                return Err(Throw::Panic(crate::stdlib::new_iface(vm, crate::rtype::T_STRING, s)?));
            }
            let r = vm.chooser.rand_intn(m as u64) as i64;
            g.stack.push(Value::Int(r));
            Ok(())
        },
        "math/rand.Int" => |vm, g, n| {
            args(g, n);
            let r = (vm.chooser.rand_uint64() >> 1) as i64;
            g.stack.push(Value::Int(r));
            Ok(())
        },
        "math/rand.Float64" => |vm, g, n| {
            args(g, n);
            let r = (vm.chooser.rand_uint64() >> 11) as f64 / (1u64 << 53) as f64;
            g.stack.push(Value::Float(r));
            Ok(())
        },
        "math/rand.Seed" => |_vm, g, n| {
            args(g, n);
            Ok(())
        },
        "math/rand.Perm" => |vm, g, n| {
            let a = args(g, n);
            let m = a.first().map_or(0, |v| v.int()).clamp(0, 1 << 24) as usize;
            let mut p: Vec<usize> = (0..m).collect();
            for i in (1..m).rev() {
                let j = vm.chooser.rand_intn(i as u64 + 1) as usize;
                p.swap(i, j);
            }
            let v = new_slice(vm, p.into_iter().map(|x| Value::Int(x as i64)).collect(), 8)?;
            g.stack.push(v);
            Ok(())
        },
        "math/rand.Shuffle" => |vm, g, n| {
            let (a, _pin) = crate::stdlib::pinned_args(g, n);
            let m = a.first().map_or(0, |v| v.int());
            let f = a.get(1).copied().unwrap_or_default();
            for i in (1..m).rev() {
                let j = vm.chooser.rand_intn(i as u64 + 1) as i64;
                crate::stdlib::call_go(vm, g, f, &[Value::Int(i), Value::Int(j)], 0)?;
            }
            Ok(())
        },
        _ => return None,
    })
}
