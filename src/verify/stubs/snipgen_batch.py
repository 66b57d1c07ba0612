# snipgen verify: runs a batch of Python samples in one interpreter, one after the other, each
# with fresh globals (as `python sN.py` would start it); `snipgen-batch-ok N` after sample N
# returned. A sample without that line is run again alone, so its failure is reported as it
# would be without batching.
import os
import sys


def share_httpx_ssl_contexts():
    """httpx builds a new SSL context for every client, loading certifi's CA certificates
    (about 40 ms, most of a sample's time), though the samples reach the loopback server over
    plain HTTP, where the context is never used. One context per set of settings serves every
    sample of the batch: the same settings, so the same context a sample alone would build."""
    try:
        from httpx import _config
        from httpx._transports import default
    except Exception:  # no httpx (or another layout): nothing to share
        return
    create = default.create_ssl_context
    shared = {}

    def create_ssl_context(verify=True, cert=None, trust_env=True):
        if cert is not None or not isinstance(verify, bool) or not isinstance(trust_env, bool):
            return create(verify=verify, cert=cert, trust_env=trust_env)
        key = (verify, trust_env, os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
        if key not in shared:
            shared[key] = create(verify=verify, cert=cert, trust_env=trust_env)
        return shared[key]

    if create is _config.create_ssl_context:
        default.create_ssl_context = create_ssl_context


SAMPLES = [{each}]
# Only when a sample names httpx: importing it costs a requests batch a tenth of a second.
if any("httpx" in open(f"s{n}.py", encoding="utf-8", errors="replace").read() for n in SAMPLES):
    share_httpx_ssl_contexts()

for n in SAMPLES:
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
