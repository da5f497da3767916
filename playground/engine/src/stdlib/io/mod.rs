//! `io` is Go's own source, all library Go (`io.go`: io.go, multi.go and
//! pipe.go): no natives. Its tests are here.

#[cfg(test)]
mod tests {
    /// An io.Pipe's reader and writer park in the select of Go's
    /// `(*pipe).read` and `(*pipe).write`, and a deadlock's dump shows
    /// Go's frames at pipe.go's lines, as real Go 1.27 prints them
    /// (argument words and offsets aside; the corpus's comparison drops
    /// library frames).
    #[test]
    fn a_blocked_pipe_shows_gos_frames() {
        let src = "package main\n\nimport \"io\"\n\nfunc main() {\n\t_, pw := io.Pipe()\n\tgo pw.Write([]byte(\"x\"))\n\tpr, _ := io.Pipe()\n\tpr.Read(make([]byte, 1))\n}\n";
        let out = crate::run_source("prog.go", src, &crate::RunConfig::default());
        let io = "/usr/local/go-faketime/src/io";
        assert_eq!(
            out.stderr,
            format!(
                "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [select]:\nio.(*pipe).read(...)\n\t{io}/pipe.go:57\nio.(*PipeReader).Read(...)\n\t{io}/pipe.go:134\nmain.main()\n\t/tmp/sandbox/prog.go:9\n\ngoroutine 6 [select]:\nio.(*pipe).write(...)\n\t{io}/pipe.go:86\nio.(*PipeWriter).Write(...)\n\t{io}/pipe.go:161\ncreated by main.main in goroutine 1\n\t/tmp/sandbox/prog.go:7\n"
            )
        );
        assert_eq!(out.exit_code, 2);
    }
}
