/* snipgen verify: runs a batch of C samples (each one's main renamed mainN, each its own
   translation unit) in one program, one after the other; `snipgen-batch-ok N` after sample N
   returned 0. A sample without that line (a crash, an exit, a non-zero return) is run again
   alone, so its failure is reported as it would be without batching. */
#include <stdio.h>

#define SNIPGEN_RUN(n)                                                                        \
    do {                                                                                      \
        int main##n(void);                                                                    \
        fflush(stdout);                                                                       \
        int status = main##n();                                                               \
        fflush(stdout);                                                                       \
        printf(status == 0 ? "\nsnipgen-batch-ok %d\n" : "\nsnipgen-batch-failed %d\n", n);   \
        fflush(stdout);                                                                       \
    } while (0)

int main(void)
{
{each}
    return 0;
}
