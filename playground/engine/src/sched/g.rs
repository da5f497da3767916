//! G: a goroutine as the scheduler sees it (runtime2.go's `g`), kept small
//! because a program may have 100,000 of them: what it runs, where it was
//! created, its status and, while parked, why and since when.

use super::waitreason::WaitReason;
use crate::span::Span;

/// A goroutine id as Go numbers them (`g.goid`): main is 1.
pub type GoId = u64;

/// Index of a G's slot in the scheduler's table. Slots are reused when a
/// dead G is taken off a free list; goids never are.
pub type GIdx = u32;

/// Index of an M (thread) in the scheduler's table.
pub type MIdx = u32;

/// The starting stack size of a goroutine (Go's `startingStackSize`, 2 KB).
pub const STARTING_STACK_SIZE: u32 = 2048;

/// Go's G statuses (`_Gidle` ... `_Gdead`, runtime2.go).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum GStatus {
    /// Just allocated, not yet initialised.
    Idle,
    /// On a run queue (or runnext), not executing.
    Runnable,
    /// Executing user code, owns an M and a P.
    Running,
    /// In a system call, owns an M, not executing user code.
    Syscall,
    /// Parked (gopark) with a wait reason.
    Waiting,
    /// Stopped by a suspendG preemption request (not used by async
    /// time-slice preemption, which makes the G runnable directly).
    Preempted,
    /// Its stack is being copied to a larger one.
    Copystack,
    /// Exited or not yet started; may sit on a free list for reuse.
    #[default]
    Dead,
    /// Blocked forever: found by the GC's goroutine leak detection (Go 1.26).
    Leaked,
}

impl GStatus {
    /// The name as Go's runtime source spells it.
    pub fn go_name(self) -> &'static str {
        match self {
            GStatus::Idle => "_Gidle",
            GStatus::Runnable => "_Grunnable",
            GStatus::Running => "_Grunning",
            GStatus::Syscall => "_Gsyscall",
            GStatus::Waiting => "_Gwaiting",
            GStatus::Preempted => "_Gpreempted",
            GStatus::Copystack => "_Gcopystack",
            GStatus::Dead => "_Gdead",
            GStatus::Leaked => "_Gleaked",
        }
    }

    /// The word a goroutine header prints (`gStatusStrings`, traceback.go).
    pub fn header_word(self) -> &'static str {
        match self {
            GStatus::Idle => "idle",
            GStatus::Runnable => "runnable",
            GStatus::Running => "running",
            GStatus::Syscall => "syscall",
            GStatus::Waiting => "waiting",
            GStatus::Preempted => "preempted",
            GStatus::Copystack => "copystack",
            GStatus::Dead => "dead",
            GStatus::Leaked => "leaked",
        }
    }
}

/// One goroutine. Strings (function names) live once in the scheduler's
/// intern table; a G holds only their index.
#[derive(Clone, Debug, Default)]
pub struct G {
    pub goid: GoId,
    pub status: GStatus,
    /// Valid while `status == Waiting`.
    pub waitreason: WaitReason,
    /// sysmon asked this G to stop at its next safe point (`g.preempt`).
    pub preempt: bool,
    /// A runtime goroutine (`isSystemGoroutine`): not in NumGoroutine,
    /// not a reason against a deadlock, not run by the Machine.
    pub system: bool,
    /// Go's `g.waitsince`: 0 until a GC finds the G waiting (or in a
    /// syscall) and stamps it with the cycle's start (mgcmark.go); reset
    /// by `execute`. Goroutine headers print `, N minutes` from it, so a
    /// G that blocked with no GC since shows no minutes, as in Go.
    pub waitsince: u64,
    /// Virtual ns of the last gopark: how long it has really been waiting
    /// (for the UI and leak reports; Go does not keep this).
    pub parked_at: u64,
    /// Goid of the G that ran the `go` statement (`g.parentGoid`); 0 for main.
    pub parent_goid: GoId,
    /// Position of that `go` statement (`g.gopc`).
    pub gopc: Span,
    /// Index into the scheduler's function-name table (`g.startpc`).
    pub start_fn: u32,
    /// Simulated stack size in bytes; starts at 2 KB and doubles when copied.
    pub stack_size: u32,
    /// The M running it (or in a syscall with it), if any (`g.m`).
    pub m: Option<MIdx>,
    /// The M it is locked to by LockOSThread (`g.lockedm`).
    pub lockedm: Option<MIdx>,
}
