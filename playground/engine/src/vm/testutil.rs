//! Hand-assembled bytecode for the VM and process tests: a program of
//! functions built with `ChunkBuilder`, each instruction placed on a line
//! of a fake source so traces and events carry the line the test chose.
//! The VM tests run it with `Vm::execute`, the process tests through the
//! scheduler; each adds its own runner to [`P`].

use super::{Bytecode, Const, Fatal, Function, Stop, TraceFrame, Value, Vm};
use crate::chunk::{Chunk, ChunkBuilder, Label, Op};
use crate::span::{SourceFile, Span};

/// A source of 2000 empty lines: line L starts at offset L-1, so an
/// instruction's line is whatever [`Asm::line`] last set.
pub(crate) fn source() -> SourceFile {
    SourceFile::new("prog.go", "\n".repeat(2000))
}

/// A function body under construction.
pub(crate) struct Asm {
    b: ChunkBuilder,
    line: u32,
}

impl Asm {
    /// An empty body whose instructions go on line 1 until [`Asm::line`].
    pub(crate) fn new() -> Asm {
        Asm { b: ChunkBuilder::new(), line: 1 }
    }
    fn span(&self) -> Span {
        Span::new(self.line as usize - 1, self.line as usize)
    }
    /// The line the next instructions are on.
    pub(crate) fn line(&mut self, l: u32) -> &mut Self {
        self.line = l;
        self
    }
    pub(crate) fn op(&mut self, op: Op) -> &mut Self {
        let s = self.span();
        self.b.emit(op, s);
        self
    }
    pub(crate) fn ops(&mut self, ops: &[Op]) -> &mut Self {
        for &o in ops {
            self.op(o);
        }
        self
    }
    pub(crate) fn label(&mut self) -> Label {
        self.b.new_label()
    }
    pub(crate) fn bind(&mut self, l: Label) -> &mut Self {
        self.b.bind(l);
        self
    }
    /// The line instructions currently go on.
    pub(crate) fn current_line(&self) -> u32 {
        self.line
    }
    /// A jump instruction `op` to label `l`.
    pub(crate) fn jump(&mut self, op: Op, l: Label) -> &mut Self {
        let s = self.span();
        self.b.emit_jump(op, l, s);
        self
    }
    /// A jump instruction `op` to label `l` on line `line`; the current
    /// line stays.
    pub(crate) fn jump_at(&mut self, line: u32, op: Op, l: Label) -> &mut Self {
        self.b.emit_jump(op, l, Span::new(line as usize - 1, line as usize));
        self
    }
    pub(crate) fn finish(self) -> Chunk {
        self.b.finish().unwrap()
    }
}

/// A program under construction.
pub(crate) struct P {
    pub(crate) bc: Bytecode,
}

impl P {
    pub(crate) fn new() -> P {
        P { bc: Bytecode::new(source()) }
    }
    /// Reserves a function index (for recursion and forward calls).
    pub(crate) fn declare(&mut self, name: &str) -> u32 {
        self.bc.add_func(Function::new(name, 0, 0, 0, Default::default()))
    }
    /// Gives declared function `idx` its signature and body.
    pub(crate) fn define(&mut self, idx: u32, nparams: u16, nlocals: u16, nresults: u16, body: impl FnOnce(&mut Asm)) -> u32 {
        let mut a = Asm::new();
        body(&mut a);
        let name = self.bc.funcs[idx as usize].name.clone();
        self.bc.funcs[idx as usize] = Function::new(name, nparams, nlocals, nresults, a.finish());
        idx
    }
    /// Adds function `name`; returns its index.
    pub(crate) fn func(&mut self, name: &str, nparams: u16, nlocals: u16, nresults: u16, body: impl FnOnce(&mut Asm)) -> u32 {
        let i = self.declare(name);
        self.define(i, nparams, nlocals, nresults, body)
    }
    /// The instruction pushing string constant `s`.
    pub(crate) fn str(&mut self, s: &str) -> Op {
        Op::Const(self.bc.add_const(Const::Str(s.as_bytes().to_vec())))
    }
}

// The VM's tests run a program on one goroutine to its end, without the
// scheduler: the driver the engine had before the scheduler existed.

/// What a finished single-goroutine run produced.
#[derive(Clone, Debug, Default)]
pub(crate) struct RunResult {
    pub stderr: Vec<u8>,
    pub exit_code: i32,
}

impl Vm {
    /// Go's `goroutine N [running]:` block for a traceback.
    pub(crate) fn format_trace(&self, goid: u64, state: &str, trace: &[TraceFrame]) -> String {
        let mut s = format!("goroutine {goid} [{state}]:\n");
        for f in trace {
            s.push_str(&f.render(&self.prog.path));
        }
        s
    }

    /// Runs the entry function on one goroutine to the end: the driver
    /// until the scheduler exists. Output as the built program prints it.
    pub(crate) fn run_main(&mut self) -> RunResult {
        let entry = Value::Func(self.prog.entry);
        let code = match self.spawn(entry, &[]) {
            Err(f) => self.report_fatal(&f),
            Ok(g) => loop {
                match self.execute(g, 100_000) {
                    Stop::Budget => continue,
                    Stop::Returned => break 0,
                    Stop::Exit(c) => break c,
                    Stop::Goexit => {
                        self.stderr.extend_from_slice(b"fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
                        break 2;
                    }
                    Stop::Panicked(r) => {
                        let mut s = r.message.clone();
                        s.push('\n');
                        s.push_str(&self.format_trace(1, "running", &r.trace));
                        self.stderr.extend_from_slice(s.as_bytes());
                        break 2;
                    }
                    Stop::Fatal(f) => break self.report_fatal(&f),
                    Stop::Syscall(_) => {
                        self.stderr.extend_from_slice(b"fatal error: goroutines are not supported yet\n");
                        break 2;
                    }
                }
            },
        };
        RunResult { stderr: std::mem::take(&mut self.stderr), exit_code: code }
    }

    fn report_fatal(&mut self, f: &Fatal) -> i32 {
        let mut s = f.message.clone();
        if !f.trace.is_empty() {
            s.push('\n');
            s.push_str(&self.format_trace(1, "running", &f.trace));
        }
        self.stderr.extend_from_slice(s.as_bytes());
        2
    }
}
