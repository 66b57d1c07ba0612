// snipgen verify: runs a batch of Java samples (each `sN.Main`) in one JVM, one after the
// other; `snipgen-batch-ok N` after sample N returned. A sample without that line is run
// again alone, so its failure is reported as it would be without batching.
public class SnipgenBatch {
    interface Sample {
        void run() throws Exception;
    }

    static void run(String n, Sample sample) {
        try {
            sample.run();
            System.out.println();
            System.out.println("snipgen-batch-ok " + n);
        } catch (Throwable t) {
            System.out.println();
            System.out.println("snipgen-batch-failed " + n + ": " + t);
        }
        System.out.flush();
    }

    public static void main(String[] args) {
{each}
        // OkHttp's pools must not keep the JVM waiting.
        System.exit(0);
    }
}
