mod go_expect;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("go-expect") => {
            if let Err(e) = go_expect::go_expect(&args[1..]) {
                eprintln!("go-expect: {e}");
                std::process::exit(1);
            }
        }
        other => {
            eprintln!("usage: cargo xtask go-expect [FILTER] (got {other:?})");
            std::process::exit(2);
        }
    }
}
