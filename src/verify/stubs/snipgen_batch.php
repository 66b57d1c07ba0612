<?php
// snipgen verify: runs a batch of PHP samples from one php process, each in a child forked
// from it before any sample ran (pcntl_fork), so each starts from the same clean process a
// `php sample.php` would: no class, function, constant or global of another sample, and a
// `require` of the same autoloader in every sample loads it afresh. The child requires the
// sample at the top level, so its variables are globals as when it is the script itself;
// PHP compiles the whole file before running any of it, so a sample that runs has passed
// what `php -l` checks. `snipgen-batch-ok N` after sample N's child exited with status 0.
// A sample without that line is run again alone (`php -l`, then `php`), so its failure is
// reported as it would be without batching.
if (!function_exists('pcntl_fork')) {
    // No pcntl: every sample runs alone.
    fwrite(STDERR, "snipgen: php has no pcntl_fork; each sample runs alone\n");
    exit(0);
}
foreach ([{each}] as $snipgen_n) {
    $snipgen_pid = pcntl_fork();
    if ($snipgen_pid === -1) {
        exit(1);
    }
    if ($snipgen_pid === 0) {
        define('SNIPGEN_SAMPLE', "s{$snipgen_n}.php");
        // The driver's names are not the sample's.
        unset($snipgen_n, $snipgen_pid, $snipgen_status, $snipgen_ok);
        require SNIPGEN_SAMPLE;
        exit(0);
    }
    pcntl_waitpid($snipgen_pid, $snipgen_status);
    $snipgen_ok = pcntl_wifexited($snipgen_status) && pcntl_wexitstatus($snipgen_status) === 0;
    echo $snipgen_ok ? "\nsnipgen-batch-ok $snipgen_n\n" : "\nsnipgen-batch-failed $snipgen_n\n";
}
