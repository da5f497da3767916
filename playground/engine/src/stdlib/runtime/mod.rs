//! `runtime`, `runtime/pprof` and finalizers. (`runtime`'s other natives
//! are in `stdlib/lib.rs` for now.)

pub(crate) mod finalizer;
pub(crate) mod pprof;
