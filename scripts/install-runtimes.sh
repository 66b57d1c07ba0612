#!/usr/bin/env bash
# Install the language runtimes that snipgen's generated samples are run with
# (Debian 12, as root or with sudo). Idempotent: a second run installs nothing
# and takes about a second. See scripts/RUNTIMES.md for how to run each sample.
#
# Usage: scripts/install-runtimes.sh [RUNTIME...]
#   RUNTIME is any of: curl go java php ruby csharp node python kotlin c rust
#   (default: all)
# Env:
#   SNIPGEN_RUNTIMES  where npm packages and the Python venv go
#                     (default: $HOME/.cache/snipgen-runtimes)
#   SNIPGEN_PYTHON    interpreter used to create the venv (default: python3)
set -euo pipefail

RUNTIMES_DIR="${SNIPGEN_RUNTIMES:-${HOME:-/root}/.cache/snipgen-runtimes}"
NODE_PREFIX="$RUNTIMES_DIR/node"
VENV_DIR="$RUNTIMES_DIR/venv"
PYTHON="${SNIPGEN_PYTHON:-python3}"

# npm packages, pinned. jsdom 27+ needs Node >= 20.19 and 30+ needs Node 22,
# jsdom 26 works on any Node >= 18 (Debian's own nodejs is 18.19).
NPM_PKGS=(request@2.88.2 jquery@3.7.1 jsdom@26.1.0 axios@1.21.1)
# HTTPie pinned: its default headers and request-item syntax are what the httpie samples
# are written against.
PIP_PKGS=(requests httpx httpie==3.2.4)

ALL=(curl go java php ruby csharp node python kotlin c rust)
if [ "$#" -gt 0 ]; then WANT=("$@"); else WANT=("${ALL[@]}"); fi
for r in "${WANT[@]}"; do
  case " ${ALL[*]} " in *" $r "*) ;; *) echo "unknown runtime: $r (known: ${ALL[*]})" >&2; exit 2;; esac
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

T0=$EPOCHREALTIME
INSTALLED=()      # what this run actually installed
APT_UPDATED=0

elapsed() { # elapsed START -> seconds with 1 decimal
  awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.1f", b-a}'
}

log() { printf '[install-runtimes] %s\n' "$*"; }

# apt_ensure STEP PKG... : install the packages that are not installed yet.
apt_ensure() {
  local step="$1"; shift
  local missing=() p t
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
      missing+=("$p")
    fi
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    log "$step: apt packages already installed ($*)"
    return 0
  fi
  if [ "$APT_UPDATED" -eq 0 ]; then
    t=$EPOCHREALTIME
    log "apt-get update ..."
    $SUDO apt-get update -qq
    APT_UPDATED=1
    log "apt-get update took $(elapsed "$t")s"
  fi
  t=$EPOCHREALTIME
  log "$step: installing ${missing[*]} ..."
  $SUDO env DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  log "$step: installed ${missing[*]} in $(elapsed "$t")s"
  INSTALLED+=("$step: ${missing[*]} ($(elapsed "$t")s)")
}

dpkg_ver() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo '?'; }
want() { case " ${WANT[*]} " in *" $1 "*) return 0;; *) return 1;; esac; }

step_curl()   { apt_ensure curl curl ca-certificates; }
step_go()     { apt_ensure go golang-go; }
# OkHttp 3.13.1 (Java, no Kotlin stdlib needed): /usr/share/java/okhttp.jar
# + okio.jar (libokio-java, pulled in as a dependency).
step_java()   {
  if ! command -v javac >/dev/null 2>&1; then
    apt_ensure java openjdk-17-jdk-headless libokhttp-java
  else
    apt_ensure java libokhttp-java
  fi
  jvm_archive javac "okhttp $(dpkg_ver libokhttp-java)" javac_compile
}
# Guzzle autoloader: /usr/share/php/GuzzleHttp/autoload.php
step_php()    { apt_ensure php php-cli php-curl php-guzzlehttp-guzzle; }
step_ruby()   { apt_ensure ruby ruby ruby-faraday; }
step_csharp() { apt_ensure csharp mono-mcs mono-runtime libmono-system-net-http4.0-cil; }

step_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_ensure node nodejs npm
  fi
  local missing=() spec name have want_v t
  for spec in "${NPM_PKGS[@]}"; do
    name="${spec%@*}"; want_v="${spec##*@}"
    have=""
    if [ -f "$NODE_PREFIX/node_modules/$name/package.json" ]; then
      have="$(node -p "require('$NODE_PREFIX/node_modules/$name/package.json').version")"
    fi
    [ "$have" = "$want_v" ] || missing+=("$spec")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    log "node: npm packages already in $NODE_PREFIX (${NPM_PKGS[*]})"
    return 0
  fi
  t=$EPOCHREALTIME
  log "node: npm install --prefix $NODE_PREFIX ${missing[*]} ..."
  mkdir -p "$NODE_PREFIX"
  npm install --prefix "$NODE_PREFIX" --no-audit --no-fund --loglevel=error "${missing[@]}"
  log "node: installed ${missing[*]} in $(elapsed "$t")s"
  INSTALLED+=("node: ${missing[*]} ($(elapsed "$t")s)")
}

step_python() {
  local t
  if ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    apt_ensure python python3 python3-venv
    PYTHON=/usr/bin/python3
  fi
  if [ -x "$VENV_DIR/bin/python" ] && "$VENV_DIR/bin/python" -c 'import requests, httpx, httpie' >/dev/null 2>&1; then
    log "python: venv with ${PIP_PKGS[*]} already at $VENV_DIR"
    return 0
  fi
  t=$EPOCHREALTIME
  log "python: creating venv $VENV_DIR and installing ${PIP_PKGS[*]} ..."
  mkdir -p "$RUNTIMES_DIR"
  # A venv that still runs keeps its packages; only a broken one is rebuilt (--clear: a venv
  # whose base interpreter went away, e.g. pyenv).
  if ! "$VENV_DIR/bin/python" -c '' >/dev/null 2>&1; then
    "$PYTHON" -m venv --clear "$VENV_DIR"
  fi
  "$VENV_DIR/bin/python" -m pip install -q "${PIP_PKGS[@]}"
  log "python: done in $(elapsed "$t")s"
  INSTALLED+=("python: venv + ${PIP_PKGS[*]} ($(elapsed "$t")s)")
}

# Kotlin 1.3 (Debian's kotlin) with the OkHttp jars Java uses.
step_kotlin() {
  apt_ensure kotlin kotlin libokhttp-java
  jvm_archive kotlinc "kotlin $(dpkg_ver kotlin)" kotlin_compile
}

# Class-data archives (JDK 17's dynamic CDS) of the compilers verify's batches start: the
# classes a compile loads, stored parsed and verified, so a javac start costs ~0.35 s less
# and a kotlinc start ~2 s less. The recipes name $RUNTIMES_DIR/jvm/NAME.jsa; a JVM given a
# missing or stale archive ignores it (-Xshare:auto), so verify works without them, slower.
JVM_DIR="$RUNTIMES_DIR/jvm"
OKHTTP_CP=/usr/share/java/okhttp.jar:/usr/share/java/okio.jar
# The JVM flags and the compiler's class path the recipes start them with: an archive is
# only used by a JVM started like the one that wrote it.
JVM_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
KOTLINC_HOME=/usr/share/kotlin/kotlinc
KOTLINC_CP="$KOTLINC_HOME/lib/kotlin-compiler.jar:$KOTLINC_HOME/lib/kotlin-stdlib.jar:$KOTLINC_HOME/lib/kotlin-script-runtime.jar:$KOTLINC_HOME/lib/kotlin-reflect.jar:$KOTLINC_HOME/lib/trove4j.jar:$KOTLINC_HOME/lib/annotations-13.0.jar"
# javac_compile DIR ARCHIVE_FLAG: compile an OkHttp program like a sample (the training run).
javac_compile() {
  cat > "$1/Main.java" <<'JAVA'
import java.io.*;
import okhttp3.*;
public class Main {
  public static void main(String[] args) throws IOException {
    OkHttpClient client = new OkHttpClient().newBuilder().build();
    MediaType mediaType = MediaType.parse("application/x-www-form-urlencoded");
    RequestBody body = RequestBody.create(mediaType, "a=b");
    Request request = new Request.Builder().url("http://127.0.0.1:1/x?y=z").method("POST", body)
      .addHeader("Content-Type", "application/x-www-form-urlencoded").build();
    Response response = client.newCall(request).execute();
    System.out.println(response.body().string());
  }
}
JAVA
  javac "${JVM_FLAGS[@]/#/-J}" "-J$2" -proc:none -g:none -nowarn -d "$1/classes" -cp "$OKHTTP_CP" "$1/Main.java"
}
# kotlin_compile DIR ARCHIVE_FLAG: the same for kotlinc's compiler, started as the recipe
# does, on two samples in their packages and a driver, as a batch is laid out.
kotlin_compile() {
  mkdir -p "$1/s1" "$1/s2"
  cat > "$1/s1/Main.kt" <<'KOTLIN'
package s1
import java.io.File
import okhttp3.*
fun main() {
val client = OkHttpClient().newBuilder()
    .build()
val mediaType = MediaType.parse("application/json")
val body = RequestBody.create(mediaType, "{\"a\": \"\$b\", \"n\": 1}")
val request = Request.Builder()
    .url("http://127.0.0.1:1/x?y=z")
    .method("POST", body)
    .addHeader("Authorization", Credentials.basic("user", "pass"))
    .build()
val response = client.newCall(request).execute()
println(response.body()!!.string())
}
KOTLIN
  cat > "$1/s2/Main.kt" <<'KOTLIN'
package s2
import java.io.File
import okhttp3.*
fun main() {
val client = OkHttpClient().newBuilder()
    .build()
val body = MultipartBody.Builder().setType(MultipartBody.FORM)
    .addFormDataPart("file", "a.png",
        RequestBody.create(MediaType.parse("application/octet-stream"), File("a.png")))
    .addPart(Headers.of("Content-Disposition", "form-data; name=\"t\""),
        RequestBody.create(null, "text"))
    .addFormDataPart("name", "value")
    .build()
val request = Request.Builder()
    .url("http://127.0.0.1:1/upload")
    .method("PUT", body)
    .build()
val response = client.newCall(request).execute()
println(response.body()!!.string())
}
KOTLIN
  cat > "$1/Batch.kt" <<'KOTLIN'
fun run(n: String, sample: () -> Unit) {
    try {
        sample()
        println("ok $n")
    } catch (t: Throwable) {
        println("failed $n: $t")
    }
}
fun main() {
    run("1") { s1.main() }
    run("2") { s2.main() }
    System.exit(0)
}
KOTLIN
  java "${JVM_FLAGS[@]}" "$2" -Dkotlin.home="$KOTLINC_HOME" -cp "$KOTLINC_CP" \
    org.jetbrains.kotlin.cli.jvm.K2JVMCompiler -nowarn -cp "$OKHTTP_CP" \
    "$1/Batch.kt" "$1/s1/Main.kt" "$1/s2/Main.kt" -d "$1/batch.jar"
}
# jvm_archive NAME STAMP TRAIN: write $JVM_DIR/NAME.jsa from a run of TRAIN, unless the one
# there was written for the same java and STAMP.
jvm_archive() {
  local name="$1" stamp t work
  stamp="$2; $(java -version 2>&1 | head -n1)"
  if [ -f "$JVM_DIR/$name.jsa" ] && [ "$(cat "$JVM_DIR/$name.ready" 2>/dev/null)" = "$stamp" ]; then
    log "$name: class-data archive already in $JVM_DIR"
    return 0
  fi
  t=$EPOCHREALTIME
  mkdir -p "$JVM_DIR"
  work="$(mktemp -d)"
  "$3" "$work" "-XX:ArchiveClassesAtExit=$work/$name.jsa" > "$work/log" 2>&1 || { cat "$work/log" >&2; rm -rf "$work"; return 1; }
  mv -f "$work/$name.jsa" "$JVM_DIR/$name.jsa"
  echo "$stamp" > "$JVM_DIR/$name.ready"
  rm -rf "$work"
  INSTALLED+=("$name: class-data archive ($(elapsed "$t")s)")
}
step_c()      { apt_ensure c gcc libc6-dev libcurl4-openssl-dev; }

# rust:reqwest samples are compiled with rustc against reqwest and its dependencies, which
# are fetched and built here once (pinned by scripts/rust-reqwest/Cargo.lock). $RUNTIMES_DIR/rust/rustc-args holds the flags that name
# them (`rustc @rustc-args main.rs`), so a sample's build compiles only the sample, offline,
# and samples build in parallel. Needs cargo and rustc (rustup): Debian's rustc is older
# than reqwest supports.
RUST_DIR="$RUNTIMES_DIR/rust"
RUST_PROJECT="$(cd "$(dirname "${BASH_SOURCE[0]}")/rust-reqwest" && pwd)"
step_rust() {
  if ! command -v cargo >/dev/null 2>&1 || ! command -v rustc >/dev/null 2>&1; then
    echo "rust: cargo or rustc not found on PATH (install a Rust toolchain with rustup)" >&2
    exit 1
  fi
  local stamp t rlib
  stamp="$(cat "$RUST_PROJECT/Cargo.toml" "$RUST_PROJECT/Cargo.lock" | sha256sum | cut -c1-16) $(rustc --version)"
  if [ -f "$RUST_DIR/rustc-args" ] && [ -f "$RUST_DIR/ready" ] && [ "$(cat "$RUST_DIR/ready")" = "$stamp" ]; then
    log "rust: reqwest and its dependencies already built in $RUST_DIR"
    return 0
  fi
  t=$EPOCHREALTIME
  log "rust: fetching and building reqwest and its dependencies in $RUST_DIR ..."
  mkdir -p "$RUST_DIR/project/src"
  cp "$RUST_PROJECT/Cargo.toml" "$RUST_DIR/project/Cargo.toml"
  cp "$RUST_PROJECT/Cargo.lock" "$RUST_DIR/project/Cargo.lock"
  echo 'fn main() { let _ = reqwest::blocking::multipart::Form::new(); }' > "$RUST_DIR/project/src/main.rs"
  rlib="$(cd "$RUST_DIR/project" && CARGO_BUILD_BUILD_DIR="$RUST_DIR/build" CARGO_TARGET_DIR="$RUST_DIR/target" \
    cargo build --locked --message-format=json | grep -o '"[^"]*/libreqwest-[0-9a-f]*\.rlib"' | tr -d '"' | head -n1)"
  if [ -z "$rlib" ]; then echo "rust: cargo build did not report libreqwest's rlib" >&2; exit 1; fi
  rlib="$(realpath "$rlib")"
  printf '%s\n' --edition=2024 -L "dependency=$(dirname "$rlib")" --extern "reqwest=$rlib" > "$RUST_DIR/rustc-args"
  echo "$stamp" > "$RUST_DIR/ready"
  log "rust: done in $(elapsed "$t")s"
  INSTALLED+=("rust: reqwest and dependencies ($(elapsed "$t")s)")
}

for r in "${ALL[@]}"; do
  if want "$r"; then
    t=$EPOCHREALTIME
    "step_$r"
    log "step $r took $(elapsed "$t")s"
  fi
done

# ---- summary ---------------------------------------------------------------
npm_ver() { node -p "require('$NODE_PREFIX/node_modules/$1/package.json').version" 2>/dev/null || echo '?'; }

echo
echo "== installed this run =="
if [ "${#INSTALLED[@]}" -eq 0 ]; then echo "  nothing (everything was already there)"; fi
for i in "${INSTALLED[@]+"${INSTALLED[@]}"}"; do echo "  $i"; done
echo "== runtimes =="
want curl   && echo "curl    $(curl --version | head -n1 | cut -d' ' -f1-2)"
want go     && echo "go      $(go version | cut -d' ' -f3-)"
want java   && echo "java    $(java -version 2>&1 | head -n1 | cut -d'"' -f2); okhttp $(dpkg_ver libokhttp-java), okio $(dpkg_ver libokio-java); cp /usr/share/java/okhttp.jar:/usr/share/java/okio.jar"
want php    && echo "php     $(php -r 'echo PHP_VERSION;'); curl ext $(php -r 'echo extension_loaded("curl") ? "yes" : "NO";'); guzzle $(dpkg_ver php-guzzlehttp-guzzle) (/usr/share/php/GuzzleHttp/autoload.php)"
want ruby   && echo "ruby    $(ruby -e 'print RUBY_VERSION'); faraday $(dpkg_ver ruby-faraday)"
want csharp && echo "csharp  mcs $(mcs --version | awk '{print $NF}'), mono $(mono --version | head -n1 | awk '{print $5}')"
want node   && echo "node    $(node -v); request $(npm_ver request), jquery $(npm_ver jquery), jsdom $(npm_ver jsdom), axios $(npm_ver axios) (NODE_PATH=$NODE_PREFIX/node_modules)"
want kotlin && echo "kotlin  $(dpkg_ver kotlin) (kotlinc, kotlin); okhttp $(dpkg_ver libokhttp-java)"
want c      && echo "c       gcc $(gcc -dumpfullversion); libcurl $(dpkg_ver libcurl4-openssl-dev)"
want rust   && echo "rust    $(cargo --version | cut -d' ' -f2); reqwest $(grep -A1 '^name = "reqwest"' "$RUST_PROJECT/Cargo.lock" | sed -n 's/version = "\(.*\)"/\1/p') (rustc @$RUST_DIR/rustc-args)"
want python && echo "python  $("$VENV_DIR/bin/python" -c 'import sys,requests,httpx; import httpie; print(sys.version.split()[0], "requests", requests.__version__, "httpx", httpx.__version__, "httpie", httpie.__version__)') ($VENV_DIR/bin/python)"
echo "total: $(elapsed "$T0")s"
