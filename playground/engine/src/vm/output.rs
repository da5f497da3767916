//! What goroutines print: writes to fd 1 and 2 within the output budget,
//! marked with the writing line for the event stream, and the builtin
//! `print`/`println`.

use super::*;

impl Vm {
    /// Goroutine `g` writes `bytes` to fd 1 or 2 (`os.Stdout`, `os.Stderr`).
    pub fn write_fd(&mut self, g: &GState, fd: u8, bytes: &[u8]) {
        self.wrote = true;
        self.mark_output(g, fd);
        self.emit(fd, bytes);
    }

    /// Bytes the program may write in all ([`VmConfig::output_budget`]).
    pub fn output_budget(&self) -> u64 {
        self.cfg.output_budget
    }

    /// Appends `bytes` to fd 1 or 2's buffer, as far as the output budget
    /// allows.
    pub(super) fn emit(&mut self, fd: u8, bytes: &[u8]) {
        let left = self.cfg.output_budget.saturating_sub(self.written);
        let n = (bytes.len() as u64).min(left) as usize;
        if n < bytes.len() && self.output_full.is_none() {
            self.output_full = Some(self.out_marks.last().map(|m| m.span));
        }
        self.written += n as u64;
        if fd == 2 { &mut self.stderr } else { &mut self.stdout }.extend_from_slice(&bytes[..n]);
    }

    /// Notes that what `g` writes next to `fd` comes from the instruction
    /// it executes (its frame's saved `ip` is just past it); consecutive
    /// writes from one line share a mark.
    pub(super) fn mark_output(&mut self, g: &GState, fd: u8) {
        let Some(f) = g.frames.last() else { return };
        let Some(func) = self.prog.funcs.get(f.func as usize) else { return };
        let span = func.chunk.span_at(f.ip.saturating_sub(1) as usize);
        let line = self.prog.file.line_col(span.start).line;
        let at = if fd == 2 { self.stderr.len() } else { self.stdout.len() };
        if self.out_marks.last().is_some_and(|m| m.fd == fd && m.line == line) {
            return;
        }
        self.out_marks.push(OutMark { fd, at, span, line });
    }

    pub(super) fn print_value(&mut self, kind: PrintKind, v: Value) {
        let s = match kind {
            PrintKind::Int => v.int().to_string(),
            PrintKind::Uint => (v.int() as u64).to_string(),
            PrintKind::Float32 | PrintKind::Float64 => {
                crate::format::shortest(v.float(), if kind == PrintKind::Float32 { 32 } else { 64 })
            }
            PrintKind::Complex64 | PrintKind::Complex128 => {
                let bits = if kind == PrintKind::Complex64 { 64 } else { 128 };
                String::from_utf8_lossy(&crate::format::format_complex(v.complex().0, v.complex().1, b'g', -1, bits)).into_owned()
            }
            PrintKind::Bool => v.bool().to_string(),
            PrintKind::String => {
                let b = self.heap.str_bytes(v).to_vec();
                self.emit(2, &b);
                return;
            }
            PrintKind::Pointer => match v.handle() {
                Some(h) => format!("{:#x}", fake_addr(h)),
                None => "0x0".into(),
            },
            PrintKind::Iface => match v {
                Value::Iface { tid, obj } => format!("({:#x},{:#x})", 0x4a0000 + tid as u64 * 0x20, fake_addr(obj)),
                _ => "(0x0,0x0)".into(),
            },
            PrintKind::Space => " ".into(),
            PrintKind::Newline => "\n".into(),
        };
        self.emit(2, s.as_bytes());
    }
}

/// A budget of bytes as people read it: `64 MiB`, `1 KiB`, `1000 bytes`.
pub fn bytes_string(n: u64) -> String {
    match n {
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MiB", n >> 20),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{} KiB", n >> 10),
        n => format!("{n} bytes"),
    }
}
