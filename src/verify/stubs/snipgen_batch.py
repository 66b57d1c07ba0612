# snipgen verify: runs a batch of Python samples in one interpreter, one after the other, each
# with fresh globals (as `python sN.py` would start it); `snipgen-batch-ok N` after sample N
# returned. A sample without that line is run again alone, so its failure is reported as it
# would be without batching.
import sys

for n in [{each}]:
    name = f"s{n}.py"
    try:
        with open(name, encoding="utf-8") as f:
            code = compile(f.read(), name, "exec")
        sys.argv = [name]
        exec(code, {"__name__": "__main__", "__file__": name, "__builtins__": __builtins__})
        sys.stdout.flush()
        print(f"\nsnipgen-batch-ok {n}", flush=True)
    except BaseException as e:  # SystemExit too: the next sample still runs
        print(f"\nsnipgen-batch-failed {n}: {e!r}", flush=True)
