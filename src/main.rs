//! The `paiban` command line.

fn main() -> std::process::ExitCode {
    eprintln!("paiban: the command line is not built yet");
    std::process::ExitCode::from(2)
}
