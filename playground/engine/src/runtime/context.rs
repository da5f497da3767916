//! The `context` package's tree (context/context.go) as data.
//!
//! Every context of a run is a node in one arena, [`Contexts`]: the
//! `Background` and `TODO` roots, `cancelCtx` (WithCancel, WithCancelCause),
//! `timerCtx` (WithDeadline, WithTimeout and their Cause forms),
//! `valueCtx`, `withoutCancelCtx` and `afterFuncCtx` (context.AfterFunc).
//! A node records its parent; a canceler is linked as a child of its
//! nearest cancelable ancestor (Go's `propagateCancel` via
//! `parentCancelCtx`), and canceling it cancels its children with the same
//! error and cause, closes its `Done` channel (created lazily, as Go does)
//! and unlinks it from its parent.
//!
//! Go keeps children in a map, so they are canceled in map order; that is
//! one of the choices left to the run's seed (`randn`). Deadlines run on
//! `time.AfterFunc` in Go — a new goroutine calls cancel — so the glue arms
//! a runtime timer for each [`Contexts::with_deadline`] that returns a
//! delay and calls [`Contexts::deadline_fired`] from that goroutine.

use super::Failure;
use super::chan::{ChanId, Chans, CloseResult, Wake};

/// A context's index in its arena.
pub type CtxId = u32;

pub const BACKGROUND: CtxId = 0;
pub const TODO: CtxId = 1;

pub const NIL_PARENT: Failure = Failure::Panic("cannot create context from nil parent");
pub const NIL_KEY: Failure = Failure::Panic("nil key");
pub const KEY_NOT_COMPARABLE: Failure = Failure::Panic("key is not comparable");

/// The error a context was canceled with (`Err`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CtxErr {
    /// `context.Canceled`.
    Canceled,
    /// `context.DeadlineExceeded`.
    DeadlineExceeded,
}

impl CtxErr {
    /// `Error()`.
    pub fn text(self) -> &'static str {
        match self {
            CtxErr::Canceled => "context canceled",
            CtxErr::DeadlineExceeded => "context deadline exceeded",
        }
    }
}

/// What `context.Cause` returns for a canceled context: the error given to
/// a `CancelCauseFunc` or `With*Cause`, else the `Err` itself.
#[derive(Clone, Debug, PartialEq)]
pub enum Cause<E> {
    Err(CtxErr),
    Custom(E),
}

/// What kind of context a node is.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind<K, F> {
    Background,
    Todo,
    /// `cancelCtx`.
    Cancel,
    /// `timerCtx` with its deadline (virtual ns).
    Timer {
        deadline: u64,
    },
    /// `valueCtx`, with the `stringify`d key and value for `String()`.
    Value {
        key: K,
        val: K,
        key_str: String,
        val_str: String,
    },
    WithoutCancel,
    /// `afterFuncCtx`: runs `f` in a new goroutine once canceled, unless stopped.
    AfterFunc {
        f: F,
        once_done: bool,
    },
}

/// One context.
#[derive(Clone, Debug, PartialEq)]
pub struct Ctx<E, K, F> {
    pub parent: Option<CtxId>,
    pub kind: Kind<K, F>,
    /// The lazily made `Done` channel.
    pub done: Option<ChanId>,
    pub err: Option<CtxErr>,
    pub cause: Option<Cause<E>>,
    /// Cancelers linked to this one, in creation order.
    pub children: Vec<CtxId>,
    /// The runtime timer of a `timerCtx`, as the glue armed it.
    pub timer: Option<u64>,
}

/// What a cancellation did, for the glue to carry out in this order.
#[derive(Clone, Debug, PartialEq)]
pub struct Canceled<V, F> {
    /// Goroutines woken by closing Done channels, in Go's goready order.
    pub wakes: Vec<Wake<V>>,
    /// `context.AfterFunc` functions to start, each in a new goroutine.
    pub go: Vec<F>,
    /// Runtime timers of canceled `timerCtx`s to stop.
    pub stop_timers: Vec<u64>,
}

impl<V, F> Default for Canceled<V, F> {
    fn default() -> Self {
        Canceled { wakes: Vec::new(), go: Vec::new(), stop_timers: Vec::new() }
    }
}

/// Every context of a run.
#[derive(Clone, Debug)]
pub struct Contexts<E, K, F> {
    pub ctxs: Vec<Ctx<E, K, F>>,
}

impl<E: Clone, K: Clone + PartialEq, F: Clone> Default for Contexts<E, K, F> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E: Clone, K: Clone + PartialEq, F: Clone> Contexts<E, K, F> {
    /// The arena with `context.Background()` and `context.TODO()`.
    pub fn new() -> Self {
        let root =
            |kind| Ctx { parent: None, kind, done: None, err: None, cause: None, children: Vec::new(), timer: None };
        Contexts { ctxs: vec![root(Kind::Background), root(Kind::Todo)] }
    }

    pub fn get(&self, c: CtxId) -> Option<&Ctx<E, K, F>> {
        self.ctxs.get(c as usize)
    }

    fn node(&mut self, c: CtxId) -> Option<&mut Ctx<E, K, F>> {
        self.ctxs.get_mut(c as usize)
    }

    fn push(&mut self, parent: CtxId, kind: Kind<K, F>) -> CtxId {
        self.ctxs.push(Ctx {
            parent: Some(parent),
            kind,
            done: None,
            err: None,
            cause: None,
            children: Vec::new(),
            timer: None,
        });
        (self.ctxs.len() - 1) as CtxId
    }

    fn is_canceler(&self, c: CtxId) -> bool {
        matches!(self.get(c).map(|n| &n.kind), Some(Kind::Cancel | Kind::Timer { .. } | Kind::AfterFunc { .. }))
    }

    /// `parentCancelCtx`: the nearest cancelable ancestor-or-self that
    /// `Value(&cancelCtxKey)` finds (through value contexts; stopped by
    /// `WithoutCancel` and the roots).
    pub fn parent_cancel_ctx(&self, mut c: CtxId) -> Option<CtxId> {
        loop {
            let n = self.get(c)?;
            match n.kind {
                Kind::Cancel | Kind::Timer { .. } | Kind::AfterFunc { .. } => return Some(c),
                Kind::Value { .. } => c = n.parent?,
                _ => return None,
            }
        }
    }

    /// `Err()`.
    pub fn err(&self, c: CtxId) -> Option<CtxErr> {
        self.parent_cancel_ctx(c).and_then(|p| self.get(p)).and_then(|n| n.err)
    }

    /// `context.Cause(c)`: the cause of the nearest canceler, or nil.
    pub fn cause(&self, c: CtxId) -> Option<Cause<E>> {
        self.parent_cancel_ctx(c).and_then(|p| self.get(p)).and_then(|n| n.cause.clone())
    }

    /// `Deadline()`: the nearest `timerCtx`'s deadline (none past
    /// `WithoutCancel` or a root).
    pub fn deadline(&self, mut c: CtxId) -> Option<u64> {
        loop {
            let n = self.get(c)?;
            match n.kind {
                Kind::Timer { deadline } => return Some(deadline),
                Kind::Background | Kind::Todo | Kind::WithoutCancel => return None,
                _ => c = n.parent?,
            }
        }
    }

    /// `Value(key)`: the nearest `WithValue` with an equal key.
    pub fn value(&self, mut c: CtxId, key: &K) -> Option<&K> {
        loop {
            let n = self.get(c)?;
            if let Kind::Value { key: k, val, .. } = &n.kind
                && k == key
            {
                return Some(val);
            }
            c = n.parent?;
        }
    }

    /// `Done()`: nil (`None`) for contexts that are never canceled; else
    /// the canceler's channel, made on first use (already closed if the
    /// context was canceled before anyone asked, like Go's `closedchan`).
    pub fn done<V: Clone>(&mut self, c: CtxId, chans: &mut Chans<V>, zero: V) -> Option<ChanId> {
        let p = self.parent_cancel_ctx(c)?;
        let n = self.node(p)?;
        if let Some(d) = n.done {
            return Some(d);
        }
        let d = chans.makechan(zero, 0, 0).ok()?;
        if n.err.is_some() {
            let _ = chans.closechan(Some(d));
        }
        n.done = Some(d);
        Some(d)
    }

    /// `WithCancel(parent)` / `WithCancelCause(parent)`.
    pub fn with_cancel<V: Clone>(&mut self, parent: CtxId, chans: &mut Chans<V>) -> (CtxId, Canceled<V, F>) {
        let c = self.push(parent, Kind::Cancel);
        let out = self.propagate_cancel(parent, c, chans);
        (c, out)
    }

    /// `WithDeadline(parent, d)` at virtual time `now` (also WithTimeout
    /// and the Cause forms: pass the cause to use on expiry). If the
    /// parent's deadline is sooner this is just `WithCancel` (Go's
    /// shortcut, visible in `String()`). Returns the delay after which the
    /// glue must call [`Contexts::deadline_fired`] (`None`: no timer; the
    /// deadline may already have passed, canceling at once).
    pub fn with_deadline<V: Clone>(
        &mut self,
        parent: CtxId,
        deadline: u64,
        now: u64,
        cause: Option<E>,
        chans: &mut Chans<V>,
    ) -> (CtxId, Option<u64>, Canceled<V, F>) {
        if let Some(cur) = self.deadline(parent)
            && cur < deadline
        {
            let (c, out) = self.with_cancel(parent, chans);
            return (c, None, out);
        }
        let c = self.push(parent, Kind::Timer { deadline });
        let mut out = self.propagate_cancel(parent, c, chans);
        if self.get(c).is_some_and(|n| n.err.is_some()) {
            return (c, None, out);
        }
        if deadline <= now {
            let cause = cause.map(Cause::Custom);
            let more = self.cancel(c, true, CtxErr::DeadlineExceeded, cause, chans, &mut |_| 0);
            merge(&mut out, more);
            return (c, None, out);
        }
        (c, Some(deadline - now), out)
    }

    /// The glue armed runtime timer `id` for `timerCtx` `c`.
    pub fn set_timer(&mut self, c: CtxId, id: u64) {
        if let Some(n) = self.node(c) {
            n.timer = Some(id);
        }
    }

    /// A `timerCtx`'s deadline passed: cancel with `DeadlineExceeded` and
    /// the cause given at creation.
    pub fn deadline_fired<V: Clone>(
        &mut self,
        c: CtxId,
        cause: Option<E>,
        chans: &mut Chans<V>,
        randn: &mut dyn FnMut(u32) -> u32,
    ) -> Canceled<V, F> {
        self.cancel(c, true, CtxErr::DeadlineExceeded, cause.map(Cause::Custom), chans, randn)
    }

    /// `WithValue(parent, key, val)`; `key_str`/`val_str` are Go's
    /// `stringify` of each (a string as is, a Stringer's String, else the
    /// type's name). The glue rejects nil and incomparable keys first
    /// ([`NIL_KEY`], [`KEY_NOT_COMPARABLE`]).
    pub fn with_value(&mut self, parent: CtxId, key: K, val: K, key_str: String, val_str: String) -> CtxId {
        self.push(parent, Kind::Value { key, val, key_str, val_str })
    }

    /// `WithoutCancel(parent)`.
    pub fn without_cancel(&mut self, parent: CtxId) -> CtxId {
        self.push(parent, Kind::WithoutCancel)
    }

    /// `context.AfterFunc(ctx, f)`: `f` runs in a new goroutine once `ctx`
    /// is done (at once if it already is: see the result's `go`).
    pub fn after_func<V: Clone>(&mut self, ctx: CtxId, f: F, chans: &mut Chans<V>) -> (CtxId, Canceled<V, F>) {
        let c = self.push(ctx, Kind::AfterFunc { f, once_done: false });
        let out = self.propagate_cancel(ctx, c, chans);
        (c, out)
    }

    /// The `stop` function `AfterFunc` returns: true if it stopped `f`
    /// from being run.
    pub fn after_func_stop<V: Clone>(&mut self, a: CtxId, chans: &mut Chans<V>) -> bool {
        let stopped = match self.node(a).map(|n| &mut n.kind) {
            Some(Kind::AfterFunc { once_done, .. }) if !*once_done => {
                *once_done = true;
                true
            }
            _ => false,
        };
        if stopped {
            let _ = self.cancel(a, true, CtxErr::Canceled, None, chans, &mut |_| 0);
        }
        stopped
    }

    /// `propagateCancel`: link `child` under the parent's canceler, or
    /// cancel it now if that is already canceled.
    fn propagate_cancel<V: Clone>(&mut self, parent: CtxId, child: CtxId, chans: &mut Chans<V>) -> Canceled<V, F> {
        let Some(p) = self.parent_cancel_ctx(parent) else { return Canceled::default() };
        let (err, cause) = match self.get(p) {
            Some(n) => (n.err, n.cause.clone()),
            None => return Canceled::default(),
        };
        if let Some(err) = err {
            return self.cancel(child, false, err, cause, chans, &mut |_| 0);
        }
        if let Some(n) = self.node(p) {
            n.children.push(child);
        }
        Canceled::default()
    }

    /// The `CancelFunc` (`cancel(true, Canceled, nil)`) or
    /// `CancelCauseFunc` (`cause` given) of context `c`.
    pub fn cancel_func<V: Clone>(
        &mut self,
        c: CtxId,
        cause: Option<E>,
        chans: &mut Chans<V>,
        randn: &mut dyn FnMut(u32) -> u32,
    ) -> Canceled<V, F> {
        self.cancel(c, true, CtxErr::Canceled, cause.map(Cause::Custom), chans, randn)
    }

    /// `cancelCtx.cancel` (and `timerCtx.cancel`, `afterFuncCtx.cancel`):
    /// a no-op if already canceled. Iterative over the subtree, so a deep
    /// chain of contexts cannot overflow the host stack.
    fn cancel<V: Clone>(
        &mut self,
        c: CtxId,
        remove_from_parent: bool,
        err: CtxErr,
        cause: Option<Cause<E>>,
        chans: &mut Chans<V>,
        randn: &mut dyn FnMut(u32) -> u32,
    ) -> Canceled<V, F> {
        let cause = cause.unwrap_or(Cause::Err(err));
        let mut out = Canceled::default();
        if remove_from_parent
            && let Some(parent) = self.get(c).and_then(|n| n.parent)
            && let Some(p) = self.parent_cancel_ctx(parent)
            && let Some(pn) = self.node(p)
        {
            pn.children.retain(|&x| x != c);
        }
        let mut stack = vec![c];
        while let Some(c) = stack.pop() {
            if !self.is_canceler(c) {
                continue;
            }
            let Some(n) = self.node(c) else { continue };
            if n.err.is_some() {
                continue;
            }
            n.err = Some(err);
            n.cause = Some(cause.clone());
            if let Some(d) = n.done
                && let CloseResult::Closed(ws) = chans.closechan(Some(d))
            {
                out.wakes.extend(ws);
            }
            if let Some(t) = n.timer.take() {
                out.stop_timers.push(t);
            }
            if let Kind::AfterFunc { f, once_done } = &mut n.kind
                && !*once_done
            {
                *once_done = true;
                out.go.push(f.clone());
            }
            let mut children = std::mem::take(&mut n.children);
            // Go ranges over a map: any order; the seed picks one.
            for i in (1..children.len()).rev() {
                let j = (randn(i as u32 + 1) as usize).min(i);
                children.swap(i, j);
            }
            // Pop order = the shuffled order.
            stack.extend(children.into_iter().rev());
        }
        out
    }

    /// `String()` of context `c`, as `fmt.Println(ctx)` prints it.
    /// `fmt_deadline(d)` gives the text between the parentheses of
    /// `.WithDeadline(...)`: Go's `d.String() + " [" + time.Until(d).String() + "]"`.
    /// Built iteratively: a long chain cannot overflow the host stack.
    pub fn string(&self, c: CtxId, fmt_deadline: &dyn Fn(u64) -> String) -> String {
        let mut chain = Vec::new();
        let mut cur = Some(c);
        while let Some(id) = cur {
            let Some(n) = self.get(id) else { break };
            chain.push(id);
            cur = n.parent;
        }
        let mut s = String::new();
        for &id in chain.iter().rev() {
            let Some(n) = self.get(id) else { continue };
            match &n.kind {
                Kind::Background => s.push_str("context.Background"),
                Kind::Todo => s.push_str("context.TODO"),
                Kind::Cancel | Kind::AfterFunc { .. } => s.push_str(".WithCancel"),
                Kind::Timer { deadline } => {
                    s.push_str(".WithDeadline(");
                    s.push_str(&fmt_deadline(*deadline));
                    s.push(')');
                }
                Kind::Value { key_str, val_str, .. } => {
                    s.push_str(".WithValue(");
                    s.push_str(key_str);
                    s.push_str(", ");
                    s.push_str(val_str);
                    s.push(')');
                }
                Kind::WithoutCancel => s.push_str(".WithoutCancel"),
            }
        }
        s
    }
}

fn merge<V, F>(into: &mut Canceled<V, F>, more: Canceled<V, F>) {
    into.wakes.extend(more.wakes);
    into.go.extend(more.go);
    into.stop_timers.extend(more.stop_timers);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::chan::{RecvResult, WakeWhat};
    use crate::sched::WaitReason;

    type Cx = Contexts<&'static str, &'static str, &'static str>;
    const S: u64 = 1_000_000_000;

    fn fixed(_: u32) -> u32 {
        0
    }

    #[test]
    fn cancel_propagates_down_through_values_not_up_or_past_without_cancel() {
        let (mut cx, mut cs) = (Cx::new(), Chans::<()>::new());
        let (a, _) = cx.with_cancel(BACKGROUND, &mut cs);
        let v = cx.with_value(a, "k", "v", "k".into(), "v".into());
        let (b, _) = cx.with_cancel(v, &mut cs);
        let w = cx.without_cancel(b);
        let (d, _) = cx.with_cancel(w, &mut cs);
        assert_eq!(cx.get(a).unwrap().children, vec![b], "linked through the value context");
        let (e, _) = cx.with_cancel(b, &mut cs);
        cx.cancel_func(e, None, &mut cs, &mut fixed);
        assert!(cx.get(b).unwrap().children.is_empty(), "a canceled child unlinks itself");
        assert_eq!(cx.err(a), None, "not upwards");
        cx.cancel_func(a, None, &mut cs, &mut fixed);
        assert_eq!(cx.err(a), Some(CtxErr::Canceled));
        assert_eq!(cx.err(v), Some(CtxErr::Canceled));
        assert_eq!(cx.err(b).map(CtxErr::text), Some("context canceled"));
        assert_eq!(cx.err(w), None);
        assert_eq!(cx.err(d), None, "WithoutCancel cuts the chain");
        assert_eq!(cx.value(d, &"k"), Some(&"v"), "values still pass through");
        assert_eq!(cx.err(BACKGROUND), None);
        // A child of a canceled context is canceled at birth.
        let (f, _) = cx.with_cancel(b, &mut cs);
        assert_eq!(cx.err(f), Some(CtxErr::Canceled));
    }

    #[test]
    fn done_channels_are_lazy_closed_on_cancel_and_wake_waiters() {
        let (mut cx, mut cs) = (Cx::new(), Chans::<()>::new());
        assert_eq!(cx.done(BACKGROUND, &mut cs, ()), None);
        let (a, _) = cx.with_cancel(BACKGROUND, &mut cs);
        let (b, _) = cx.with_cancel(a, &mut cs);
        let da = cx.done(a, &mut cs, ()).unwrap();
        assert_eq!(cx.done(a, &mut cs, ()), Some(da));
        let db = cx.done(b, &mut cs, ()).unwrap();
        assert_eq!(cs.chanrecv(7, Some(da), true), RecvResult::Park(WaitReason::ChanReceive));
        assert_eq!(cs.chanrecv(8, Some(db), true), RecvResult::Park(WaitReason::ChanReceive));
        let out = cx.cancel_func(a, None, &mut cs, &mut fixed);
        assert_eq!(out.wakes.iter().map(|w| w.g).collect::<Vec<_>>(), vec![7, 8]);
        assert!(out.wakes.iter().all(|w| w.what == WakeWhat::Received { value: (), ok: false }));
        // Done asked for only after cancel: already closed.
        let (c, _) = cx.with_cancel(BACKGROUND, &mut cs);
        cx.cancel_func(c, None, &mut cs, &mut fixed);
        let dc = cx.done(c, &mut cs, ()).unwrap();
        assert_eq!(cs.chanrecv(1, Some(dc), true), RecvResult::Done { value: (), ok: false });
        // Canceling twice is a no-op.
        assert_eq!(cx.cancel_func(a, None, &mut cs, &mut fixed), Canceled::default());
    }

    #[test]
    fn causes_and_deadlines() {
        let (mut cx, mut cs) = (Cx::new(), Chans::<()>::new());
        let (a, _) = cx.with_cancel(TODO, &mut cs);
        assert_eq!(cx.cause(a), None);
        cx.cancel_func(a, Some("boom"), &mut cs, &mut fixed);
        assert_eq!((cx.err(a), cx.cause(a)), (Some(CtxErr::Canceled), Some(Cause::Custom("boom"))));
        let (p, _) = cx.with_cancel(BACKGROUND, &mut cs);
        let (t, delay, _) = cx.with_deadline(p, 2 * S, S, None, &mut cs);
        assert_eq!(delay, Some(S));
        cx.set_timer(t, 42);
        let out = cx.cancel_func(p, None, &mut cs, &mut fixed);
        assert_eq!(out.stop_timers, vec![42], "canceling a timerCtx stops its timer");
        assert_eq!(cx.cause(t), Some(Cause::Err(CtxErr::Canceled)));
        // Expiry with a cause (WithTimeoutCause).
        let (t2, _, _) = cx.with_deadline(BACKGROUND, 5 * S, 0, Some("slow"), &mut cs);
        cx.deadline_fired(t2, Some("slow"), &mut cs, &mut fixed);
        assert_eq!(cx.err(t2).map(CtxErr::text), Some("context deadline exceeded"));
        assert_eq!(cx.cause(t2), Some(Cause::Custom("slow")));
        // A deadline already past cancels at once, with no timer.
        let (t3, delay, _) = cx.with_deadline(BACKGROUND, S, 2 * S, None, &mut cs);
        assert_eq!((delay, cx.err(t3)), (None, Some(CtxErr::DeadlineExceeded)));
        assert_eq!(cx.deadline(t3), Some(S));
        // A later deadline under an earlier one is a plain WithCancel.
        let (t4, _, _) = cx.with_deadline(BACKGROUND, 10 * S, 0, None, &mut cs);
        let (t5, delay, _) = cx.with_deadline(t4, 20 * S, 0, None, &mut cs);
        assert_eq!((delay, cx.deadline(t5)), (None, Some(10 * S)));
        assert!(matches!(cx.get(t5).unwrap().kind, Kind::Cancel));
    }

    #[test]
    fn strings_are_gos() {
        let (mut cx, mut cs) = (Cx::new(), Chans::<()>::new());
        let fd = |d: u64| format!("D{}", d / S);
        let (a, _) = cx.with_cancel(BACKGROUND, &mut cs);
        assert_eq!(cx.string(a, &fd), "context.Background.WithCancel");
        let (t, _, _) = cx.with_deadline(a, 3 * S, 0, None, &mut cs);
        let v = cx.with_value(t, "k", "3", "k".into(), "int".into());
        assert_eq!(cx.string(v, &fd), "context.Background.WithCancel.WithDeadline(D3).WithValue(k, int)");
        let w = cx.without_cancel(v);
        assert_eq!(cx.string(w, &fd), "context.Background.WithCancel.WithDeadline(D3).WithValue(k, int).WithoutCancel");
        let (c, _) = cx.with_cancel(TODO, &mut cs);
        assert_eq!(cx.string(c, &fd), "context.TODO.WithCancel");
    }

    #[test]
    fn after_func_runs_once_on_cancel_unless_stopped() {
        let (mut cx, mut cs) = (Cx::new(), Chans::<()>::new());
        let (a, _) = cx.with_cancel(BACKGROUND, &mut cs);
        let (f1, _) = cx.after_func(a, "f1", &mut cs);
        let (f2, _) = cx.after_func(a, "f2", &mut cs);
        assert!(cx.after_func_stop(f2, &mut cs));
        assert!(!cx.after_func_stop(f2, &mut cs));
        let out = cx.cancel_func(a, None, &mut cs, &mut fixed);
        assert_eq!(out.go, vec!["f1"]);
        assert!(!cx.after_func_stop(f1, &mut cs), "already ran");
        // On an already-canceled context f starts at once.
        let (_, out) = cx.after_func(a, "f3", &mut cs);
        assert_eq!(out.go, vec!["f3"]);
    }

    #[test]
    fn children_are_canceled_in_a_seeded_order_and_deep_chains_are_fine() {
        let mut seen = rustc_hash::FxHashSet::default();
        for seed in 0..40u64 {
            let (mut cx, mut cs) = (Cx::new(), Chans::<()>::new());
            let (root, _) = cx.with_cancel(BACKGROUND, &mut cs);
            let mut order = Vec::new();
            for g in 0..4 {
                let (c, _) = cx.with_cancel(root, &mut cs);
                let d = cx.done(c, &mut cs, ()).unwrap();
                cs.chanrecv(100 + g, Some(d), true);
            }
            let mut r = crate::sched::choice::WyRand::new(seed);
            let out = cx.cancel_func(root, None, &mut cs, &mut |n| r.below(n));
            order.extend(out.wakes.iter().map(|w| w.g));
            let mut sorted = order.clone();
            sorted.sort();
            assert_eq!(sorted, vec![100, 101, 102, 103]);
            seen.insert(order);
        }
        assert!(seen.len() > 5, "the seed varies the order");
        let (mut cx, mut cs) = (Cx::new(), Chans::<()>::new());
        let (top, _) = cx.with_cancel(BACKGROUND, &mut cs);
        let mut c = top;
        for _ in 0..100_000 {
            c = cx.with_cancel(c, &mut cs).0;
        }
        cx.cancel_func(top, None, &mut cs, &mut fixed);
        assert_eq!(cx.err(c), Some(CtxErr::Canceled));
        assert!(cx.string(c, &|_| String::new()).ends_with(".WithCancel"));
    }
}
