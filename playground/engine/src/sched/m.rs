//! M: a simulated OS thread (runtime2.go's `m`). It runs at most one G at a
//! time and needs a P to run Go code; while in a system call it keeps its G
//! but may lose its P to sysmon.

use super::g::GIdx;

#[derive(Clone, Debug, Default)]
pub struct M {
    /// The G it is running or blocked in a syscall with (`m.curg`).
    pub curg: Option<GIdx>,
    /// The P it holds (`m.p`).
    pub p: Option<u32>,
    /// Looking for work to steal (`m.spinning`).
    pub spinning: bool,
    /// Parked on its note: has no P and runs nothing (`stopm`).
    pub idle: bool,
    /// The thread exited (its locked G exited while locked).
    pub dead: bool,
    /// The G locked to it by LockOSThread (`m.lockedg`).
    pub lockedg: Option<GIdx>,
    /// While its G is in a syscall: the virtual time the syscall returns.
    pub syscall_end: Option<u64>,
    /// The P it held before sysmon took it during a syscall (`oldp`).
    pub oldp: Option<u32>,
}
