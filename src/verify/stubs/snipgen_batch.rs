// snipgen verify: runs a batch of Rust samples (each `sN::main`, a module of its own) in one
// program, one after the other; `snipgen-batch-ok N` after sample N returned Ok. A sample
// without that line is run again alone, so its failure is reported as it would be without
// batching.
type Sample = fn() -> Result<(), Box<dyn std::error::Error>>;

fn snipgen_run(n: &str, sample: Sample) {
    let outcome = std::panic::catch_unwind(sample);
    println!();
    match outcome {
        Ok(Ok(())) => println!("snipgen-batch-ok {n}"),
        Ok(Err(e)) => println!("snipgen-batch-failed {n}: {e}"),
        Err(_) => println!("snipgen-batch-failed {n}: panicked"),
    }
}

fn main() {
{each}
}
