//! Why a goroutine is waiting: Go's `waitReason` (runtime/runtime2.go),
//! with the exact strings Go prints in goroutine headers such as
//! `goroutine 7 [chan receive]:`. Copied in Go's order from
//! `waitReasonStrings`, so a dump reads as Go's does.

/// Go's `waitReason`. `Zero` is the "no reason" value of a G that is not waiting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum WaitReason {
    #[default]
    Zero,
    GCAssistMarking,
    IOWait,
    ChanReceiveNilChan,
    ChanSendNilChan,
    DumpingHeap,
    GarbageCollection,
    GarbageCollectionScan,
    PanicWait,
    Select,
    SelectNoCases,
    GCAssistWait,
    GCSweepWait,
    GCScavengeWait,
    ChanReceive,
    ChanSend,
    FinalizerWait,
    ForceGCIdle,
    UpdateGOMAXPROCSIdle,
    Semacquire,
    Sleep,
    SyncCondWait,
    SyncMutexLock,
    SyncRWMutexRLock,
    SyncRWMutexLock,
    SyncWaitGroupWait,
    TraceReaderBlocked,
    WaitForGCCycle,
    GCWorkerIdle,
    GCWorkerActive,
    Preempted,
    DebugCall,
    GCMarkTermination,
    StoppingTheWorld,
    FlushProcCaches,
    TraceGoroutineStatus,
    TraceProcStatus,
    PageTraceFlush,
    Coroutine,
    GCWeakToStrongWait,
    SynctestRun,
    SynctestWait,
    SynctestChanReceive,
    SynctestChanSend,
    SynctestSelect,
    SynctestWaitGroupWait,
    CleanupWait,
}

impl WaitReason {
    /// The string Go prints for this reason (`waitReason.String`).
    pub fn as_str(self) -> &'static str {
        match self {
            WaitReason::Zero => "",
            WaitReason::GCAssistMarking => "GC assist marking",
            WaitReason::IOWait => "IO wait",
            WaitReason::ChanReceiveNilChan => "chan receive (nil chan)",
            WaitReason::ChanSendNilChan => "chan send (nil chan)",
            WaitReason::DumpingHeap => "dumping heap",
            WaitReason::GarbageCollection => "garbage collection",
            WaitReason::GarbageCollectionScan => "garbage collection scan",
            WaitReason::PanicWait => "panicwait",
            WaitReason::Select => "select",
            WaitReason::SelectNoCases => "select (no cases)",
            WaitReason::GCAssistWait => "GC assist wait",
            WaitReason::GCSweepWait => "GC sweep wait",
            WaitReason::GCScavengeWait => "GC scavenge wait",
            WaitReason::ChanReceive => "chan receive",
            WaitReason::ChanSend => "chan send",
            WaitReason::FinalizerWait => "finalizer wait",
            WaitReason::ForceGCIdle => "force gc (idle)",
            WaitReason::UpdateGOMAXPROCSIdle => "GOMAXPROCS updater (idle)",
            WaitReason::Semacquire => "semacquire",
            WaitReason::Sleep => "sleep",
            WaitReason::SyncCondWait => "sync.Cond.Wait",
            WaitReason::SyncMutexLock => "sync.Mutex.Lock",
            WaitReason::SyncRWMutexRLock => "sync.RWMutex.RLock",
            WaitReason::SyncRWMutexLock => "sync.RWMutex.Lock",
            WaitReason::SyncWaitGroupWait => "sync.WaitGroup.Wait",
            WaitReason::TraceReaderBlocked => "trace reader (blocked)",
            WaitReason::WaitForGCCycle => "wait for GC cycle",
            WaitReason::GCWorkerIdle => "GC worker (idle)",
            WaitReason::GCWorkerActive => "GC worker (active)",
            WaitReason::Preempted => "preempted",
            WaitReason::DebugCall => "debug call",
            WaitReason::GCMarkTermination => "GC mark termination",
            WaitReason::StoppingTheWorld => "stopping the world",
            WaitReason::FlushProcCaches => "flushing proc caches",
            WaitReason::TraceGoroutineStatus => "trace goroutine status",
            WaitReason::TraceProcStatus => "trace proc status",
            WaitReason::PageTraceFlush => "page trace flush",
            WaitReason::Coroutine => "coroutine",
            WaitReason::GCWeakToStrongWait => "GC weak to strong wait",
            WaitReason::SynctestRun => "synctest.Run",
            WaitReason::SynctestWait => "synctest.Wait",
            WaitReason::SynctestChanReceive => "chan receive (durable)",
            WaitReason::SynctestChanSend => "chan send (durable)",
            WaitReason::SynctestSelect => "select (durable)",
            WaitReason::SynctestWaitGroupWait => "sync.WaitGroup.Wait (durable)",
            WaitReason::CleanupWait => "cleanup wait",
        }
    }

    /// Every reason, in Go's order.
    pub const ALL: &'static [WaitReason] = &[
        WaitReason::Zero,
        WaitReason::GCAssistMarking,
        WaitReason::IOWait,
        WaitReason::ChanReceiveNilChan,
        WaitReason::ChanSendNilChan,
        WaitReason::DumpingHeap,
        WaitReason::GarbageCollection,
        WaitReason::GarbageCollectionScan,
        WaitReason::PanicWait,
        WaitReason::Select,
        WaitReason::SelectNoCases,
        WaitReason::GCAssistWait,
        WaitReason::GCSweepWait,
        WaitReason::GCScavengeWait,
        WaitReason::ChanReceive,
        WaitReason::ChanSend,
        WaitReason::FinalizerWait,
        WaitReason::ForceGCIdle,
        WaitReason::UpdateGOMAXPROCSIdle,
        WaitReason::Semacquire,
        WaitReason::Sleep,
        WaitReason::SyncCondWait,
        WaitReason::SyncMutexLock,
        WaitReason::SyncRWMutexRLock,
        WaitReason::SyncRWMutexLock,
        WaitReason::SyncWaitGroupWait,
        WaitReason::TraceReaderBlocked,
        WaitReason::WaitForGCCycle,
        WaitReason::GCWorkerIdle,
        WaitReason::GCWorkerActive,
        WaitReason::Preempted,
        WaitReason::DebugCall,
        WaitReason::GCMarkTermination,
        WaitReason::StoppingTheWorld,
        WaitReason::FlushProcCaches,
        WaitReason::TraceGoroutineStatus,
        WaitReason::TraceProcStatus,
        WaitReason::PageTraceFlush,
        WaitReason::Coroutine,
        WaitReason::GCWeakToStrongWait,
        WaitReason::SynctestRun,
        WaitReason::SynctestWait,
        WaitReason::SynctestChanReceive,
        WaitReason::SynctestChanSend,
        WaitReason::SynctestSelect,
        WaitReason::SynctestWaitGroupWait,
        WaitReason::CleanupWait,
    ];
}

impl std::fmt::Display for WaitReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_gos() {
        assert_eq!(WaitReason::ChanReceive.as_str(), "chan receive");
        assert_eq!(WaitReason::ChanReceiveNilChan.as_str(), "chan receive (nil chan)");
        assert_eq!(WaitReason::SelectNoCases.as_str(), "select (no cases)");
        assert_eq!(WaitReason::SyncWaitGroupWait.to_string(), "sync.WaitGroup.Wait");
        assert_eq!(WaitReason::SyncMutexLock.as_str(), "sync.Mutex.Lock");
        assert_eq!(WaitReason::Sleep.as_str(), "sleep");
        assert_eq!(WaitReason::Zero.as_str(), "");
        assert!(WaitReason::ALL.len() > 40);
    }
}
