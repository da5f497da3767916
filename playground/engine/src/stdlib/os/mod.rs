//! `os/...`: the natives of `os` itself are in `stdlib/lib.rs` for now.

pub(crate) mod signal;
