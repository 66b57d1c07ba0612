// snipgen verify: runs a batch of Go samples (each one's main renamed mainN) in one process,
// one after the other; `snipgen-batch-ok N` after sample N returned. A sample without that
// line (a panic, an os.Exit) is run again alone, so its failure is reported as without batching.
package main

import (
	"fmt"
	"os"
)

func snipgenRun(n string, sample func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("\nsnipgen-batch-failed %s: %v\n", n, r)
		}
	}()
	sample()
	fmt.Printf("\nsnipgen-batch-ok %s\n", n)
}

func main() {
{each}
	os.Exit(0)
}
