// snipgen verify: runs a batch of Kotlin samples (each `sN.main`) in one JVM, one after the
// other; `snipgen-batch-ok N` after sample N returned. A sample without that line is run
// again alone, so its failure is reported as it would be without batching.
fun snipgenRun(n: String, sample: () -> Unit) {
    try {
        sample()
        println()
        println("snipgen-batch-ok $n")
    } catch (t: Throwable) {
        println()
        println("snipgen-batch-failed $n: $t")
    }
    System.out.flush()
}

fun main() {
{each}
    // OkHttp's pools must not keep the JVM waiting.
    System.exit(0)
}
