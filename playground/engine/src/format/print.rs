//! `Print`/`Sprint` and `Println`/`Sprintln` spacing rules. (The runtime's
//! own `print`/`println` builtins are the VM's `Op::Print`.)

use super::printf::Printer;
use super::value::FmtValue;

impl Printer {
    /// `doPrint`: a space between operands when neither side is a string.
    pub(crate) fn do_print(&mut self, a: &[FmtValue]) {
        let mut prev_string = false;
        for (n, arg) in a.iter().enumerate() {
            let is_string = matches!(arg.base(), FmtValue::Str { .. });
            if n > 0 && !is_string && !prev_string {
                self.buf.push(b' ');
            }
            self.print_arg(arg, 'v' as u32);
            prev_string = is_string;
        }
    }

    /// `doPrintln`: always a space between operands, then a newline.
    pub(crate) fn do_println(&mut self, a: &[FmtValue]) {
        for (n, arg) in a.iter().enumerate() {
            if n > 0 {
                self.buf.push(b' ');
            }
            self.print_arg(arg, 'v' as u32);
        }
        self.buf.push(b'\n');
    }
}
