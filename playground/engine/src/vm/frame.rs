//! A goroutine's execution state, kept in explicit data rather than on the
//! host stack: call frames, the operand stack, pending defers and active
//! panics. Because nothing lives on the host stack between instructions, a
//! goroutine can be suspended after any instruction and resumed later, and
//! Go recursion depth is bounded by memory, never by the host (wasm) stack.

use crate::value::Value;

/// Go's initial goroutine stack, doubled by copying when a frame no longer
/// fits (issue 4 turns each doubling into a `_Gcopystack` event).
pub const INITIAL_STACK: u64 = 2048;
/// Go's maximum stack size on 64-bit platforms.
pub const MAX_STACK: u64 = 1_000_000_000;

/// Why a frame exists: what happens when it returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameKind {
    /// The goroutine's first function: returning ends the goroutine.
    Entry,
    /// An ordinary call: results go to the caller's stack.
    Normal,
    /// A deferred call run by a returning function (results discarded).
    Deferred,
    /// A deferred call run by a panicking goroutine.
    DeferredByPanic,
    /// An `Error`/`String` method called to print panic `n`'s value.
    PanicPrint(u32),
}

#[derive(Clone, Copy, Debug)]
pub struct Frame {
    pub func: u32,
    /// The next instruction (while suspended or calling: the return point).
    pub ip: u32,
    /// Stack index of local 0 (the first parameter).
    pub base: u32,
    /// Stack index where results go when this frame returns.
    pub ret_to: u32,
    /// The running closure (`Value::Closure`) or `Nil`.
    pub env: Value,
    /// `defers.len()` when the frame was entered: records above it are its.
    pub defer_base: u32,
    /// For deferred calls: the frame that registered the defer.
    pub deferrer: u32,
    pub kind: FrameKind,
    /// Set once a `Ret` began running this frame's defers.
    pub returning: bool,
    /// Simulated Go frame size in bytes.
    pub size: u32,
}

/// A `defer` statement's record: the function and its evaluated arguments.
#[derive(Clone, Debug)]
pub struct DeferRec {
    /// Index of the frame that executed the `defer`.
    pub frame: u32,
    pub func: Value,
    pub args: DeferArgs,
}

/// A deferred call's arguments, inline up to two (`wg.Done()`,
/// `mu.Unlock()`, `close(ch)` take their receiver or operand only), so
/// that a `defer` allocates nothing.
pub type DeferArgs = crate::value::InlineValues<2>;

/// An active panic (or `runtime.Goexit`).
#[derive(Clone, Debug)]
pub struct PanicRec {
    pub value: Value,
    pub recovered: bool,
    /// Re-panicked with the value it recovered (Go prints
    /// `[recovered, repanicked]`).
    pub repanicked: bool,
    pub goexit: bool,
    /// A nil dereference: Go adds a `[signal SIGSEGV ...]` line.
    pub sigsegv: bool,
    /// Index of the deferred-call frame this panic is currently running.
    pub defer_frame: Option<u32>,
    /// The printed form of the value, once computed.
    pub text: Option<String>,
    pub print_attempted: bool,
}

impl PanicRec {
    pub fn new(value: Value) -> PanicRec {
        PanicRec {
            value,
            recovered: false,
            repanicked: false,
            goexit: false,
            sigsegv: false,
            defer_frame: None,
            text: None,
            print_attempted: false,
        }
    }
}

/// One goroutine's execution state.
#[derive(Debug, Default)]
pub struct GState {
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    pub defers: Vec<DeferRec>,
    pub panics: Vec<PanicRec>,
    /// Sum of the simulated frame sizes.
    pub stack_used: u64,
    /// Current simulated stack size (starts at 2 KB, doubles).
    pub stack_size: u64,
    /// How many times the simulated stack was grown by copying.
    pub stack_copies: u32,
    /// Set by a stack growth; the scheduler takes it to emit an event.
    pub stack_grew: bool,
    /// Host bytes of its stacks charged to the VM's budget for all
    /// goroutines' stacks (`Vm::grow_stack`), given back when it dies.
    pub host_reserved: u64,
    /// A panic raised from outside (`Vm::raise_panic`), started when the
    /// goroutine next runs.
    pub pending_panic: Option<Value>,
    /// A deferred native stopped for a runtime request (`defer
    /// mu.Unlock()` waking a waiter): when the goroutine runs again, the
    /// return (`Some(false)`) or the panic (`Some(true)`) that was running
    /// deferred calls goes on.
    pub resume_defers: Option<bool>,
    /// The call a goroutine that has not run yet starts with. Its stacks
    /// are made (from the pool of dead goroutines', as Go's `gfget` reuses
    /// dead Gs) only when it first runs: most goroutines of a program that
    /// starts thousands wait in a run queue meanwhile.
    pub entry: Option<Entry>,
    /// Natives waiting, below marker frames, for Go code they called
    /// (`vm/reenter.rs`), innermost last.
    pub natives: Vec<super::reenter::ParkedNative>,
}

/// A dead goroutine's stacks, kept to be reused by a new one.
#[derive(Debug, Default)]
pub struct Stacks {
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    pub defers: Vec<DeferRec>,
}

impl Stacks {
    /// Emptied, keeping their memory unless a stack grew past what a
    /// typical goroutine needs: a dead deep recursion does not pin its
    /// memory.
    pub fn recycled(self) -> Stacks {
        const KEEP_FRAMES: usize = 16;
        const KEEP_VALUES: usize = 256;
        let Stacks { mut stack, mut frames, mut defers } = self;
        stack.clear();
        frames.clear();
        defers.clear();
        if stack.capacity() > KEEP_VALUES {
            stack = Vec::new();
        }
        if frames.capacity() > KEEP_FRAMES {
            frames = Vec::new();
        }
        if defers.capacity() > KEEP_FRAMES {
            defers = Vec::new();
        }
        Stacks { stack, frames, defers }
    }
}

/// A goroutine's first call: `func(args...)`.
#[derive(Clone, Debug, Default)]
pub struct Entry {
    pub func: Value,
    pub args: Vec<Value>,
}

impl GState {
    pub fn new() -> GState {
        GState { stack_size: INITIAL_STACK, ..GState::default() }
    }

    /// Empties this state in place as a dead goroutine's (`Vm::release`),
    /// returning its stacks for reuse.
    pub fn reset(&mut self) -> Stacks {
        let stacks = Stacks {
            stack: std::mem::take(&mut self.stack),
            frames: std::mem::take(&mut self.frames),
            defers: std::mem::take(&mut self.defers),
        };
        *self = GState::default();
        stacks
    }

    /// Holds nothing: a fresh `GState::default()` or equivalent (no roots,
    /// no pending work).
    pub fn is_blank(&self) -> bool {
        self.stack.capacity() == 0
            && self.frames.capacity() == 0
            && self.defers.capacity() == 0
            && self.panics.capacity() == 0
            && self.entry.is_none()
            && self.pending_panic.is_none()
            && self.resume_defers.is_none()
            && self.natives.capacity() == 0
            && self.stack_used == 0
            && self.stack_size == 0
            && self.stack_copies == 0
            && !self.stack_grew
            && self.host_reserved == 0
    }

    /// Every value this goroutine keeps alive (the collector's roots).
    pub fn roots(&self) -> impl Iterator<Item = Value> + '_ {
        self.stack.iter().copied().chain(self.roots_off_stack())
    }

    /// The roots other than the operand and local stack: closures of the
    /// frames, deferred calls, panics, the entry call.
    pub fn roots_off_stack(&self) -> impl Iterator<Item = Value> + '_ {
        self.frames
            .iter()
            .map(|f| f.env)
            .chain(self.defers.iter().flat_map(|d| std::iter::once(d.func).chain(d.args.iter().copied())))
            .chain(self.panics.iter().map(|p| p.value))
            .chain(self.pending_panic)
            .chain(self.entry.iter().flat_map(|e| std::iter::once(e.func).chain(e.args.iter().copied())))
            .chain(self.natives.iter().flat_map(|n| n.values()))
    }

    /// Registers a `defer`. Most functions defer once: the first record
    /// gets room for one, not four. Out of line: the dispatch loop stays
    /// as it was.
    #[inline(never)]
    pub fn push_defer(&mut self, d: DeferRec) {
        if self.defers.capacity() == 0 {
            self.defers.reserve_exact(1);
        }
        self.defers.push(d);
    }

    /// The heap objects among [`GState::roots`], appended to `out`.
    pub fn push_root_handles(&self, out: &mut Vec<crate::value::Handle>) {
        out.extend(self.stack.iter().filter_map(|v| v.handle()));
        out.extend(self.frames.iter().filter_map(|f| f.env.handle()));
        for d in &self.defers {
            out.extend(d.func.handle());
            out.extend(d.args.iter().filter_map(|v| v.handle()));
        }
        out.extend(self.panics.iter().filter_map(|p| p.value.handle()));
        out.extend(self.pending_panic.and_then(|v| v.handle()));
        if let Some(e) = &self.entry {
            out.extend(e.func.handle());
            out.extend(e.args.iter().filter_map(|v| v.handle()));
        }
        for n in &self.natives {
            out.extend(n.values().filter_map(|v| v.handle()));
        }
    }

}
