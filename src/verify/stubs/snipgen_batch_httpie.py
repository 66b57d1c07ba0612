# snipgen verify: runs a batch of HTTPie samples (shell command lines) with one Python and one
# HTTPie import. Each sample runs as written in its own `sh` (the shell parses and quotes it as
# a reader's shell would), where `http` is a shell function that hands this driver its exact
# argument bytes; the driver runs HTTPie's own entry point on them in-process and hands back
# the exit status. `snipgen-batch-ok N` after sample N's shell exited 0. A sample without that
# line is run again alone, so its failure is reported as it would be without batching.
import fcntl
import os
import subprocess
import sys
import traceback

from httpie.context import Environment
from httpie.core import main
from httpie.ssl_ import HTTPieHTTPSAdapter

# HTTPie builds a new SSL context for every call, loading the system's CA certificates (about
# 50 ms, most of a call), though the samples reach the loopback server over plain HTTP, where
# the context is never used. One context per set of settings serves every call of the batch:
# the same settings, so the same context a call alone would build.
_ssl_contexts = {}
_create_ssl_context = HTTPieHTTPSAdapter._create_ssl_context


def _shared_ssl_context(verify, ssl_version=None, ciphers=None):
    key = (verify, ssl_version, ciphers)
    try:
        hash(key)
    except TypeError:
        return _create_ssl_context(verify=verify, ssl_version=ssl_version, ciphers=ciphers)
    if key not in _ssl_contexts:
        _ssl_contexts[key] = _create_ssl_context(verify=verify, ssl_version=ssl_version, ciphers=ciphers)
    return _ssl_contexts[key]


HTTPieHTTPSAdapter._create_ssl_context = staticmethod(_shared_ssl_context)

# fd 3 and 4: the pipe ends this driver reads the call from and writes the status to. The
# argument count first, then each argument, each ended by a NUL (which no argument holds).
SHELL = """http() {
  printf '%s\\0' "$#" "$@" >&3
  IFS= read -r snipgen_status <&4 || exit 125
  return "$snipgen_status"
}
. "./$1"
"""


def http(argv):
    sys.stdout.flush()
    try:
        # As the `http` script: argv decoded as Python decodes its own command line.
        status = int(main(args=["http", *map(os.fsdecode, argv)], env=Environment()))
    except SystemExit as e:
        status = e.code if isinstance(e.code, int) else 1
    except BaseException:  # what a process would print before exiting 1
        traceback.print_exc()
        status = 1
    sys.stdout.flush()
    sys.stderr.flush()
    return status


def run(name):
    req_r, req_w = os.pipe()
    rep_r, rep_w = os.pipe()

    def fds():
        # In the shell only, as fd 3 and 4 (sh names one-digit fds only): copied above 9
        # first, so that neither end is overwritten by the other.
        high = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (req_w, rep_r)]
        for to, fd in zip((3, 4), high):
            os.dup2(fd, to)  # without close-on-exec: the one pair the shell inherits

    shell = subprocess.Popen(
        ["sh", "-c", SHELL, "sh", name], stdin=subprocess.DEVNULL, close_fds=False, preexec_fn=fds
    )
    os.close(req_w)
    os.close(rep_r)
    with os.fdopen(req_r, "rb") as calls:
        buffered = b""
        while True:
            fields = buffered.split(b"\0")
            # A whole call: its count, then that many arguments.
            if len(fields) > 1 and len(fields) - 1 >= int(fields[0]) + 1:
                count = int(fields[0])
                argv = fields[1 : count + 1]
                buffered = b"\0".join(fields[count + 1 :])
                try:
                    os.write(rep_w, f"{http(argv)}\n".encode())
                except BrokenPipeError:  # the shell is gone: its status says why
                    break
                continue
            chunk = calls.read1(65536)
            if not chunk:
                break
            buffered += chunk
    os.close(rep_w)
    return shell.wait()


for n in [{each}]:
    sys.stdout.flush()
    status = run(f"s{n}.sh")
    if status == 0:
        print(f"\nsnipgen-batch-ok {n}", flush=True)
    else:
        print(f"\nsnipgen-batch-failed {n}: exit status {status}", flush=True)
