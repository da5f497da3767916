//! `gmp/...`: packages that exist only in the simulator.

pub(crate) mod sim;
