# Sourced by the bench scripts (bash, Linux): how much of the machine went to work other than
# the bench's own while it measured. A run on a machine busy with something else (a cargo build
# in another terminal, a second bench) measures that machine, not the tools; on this project's
# 2-core VM, runs made beside other work put snipgen's runs with nothing changed at 1/16 of a
# cold run, and the same commit on an idle machine at 1/29.
#
#   machine_mark             remember the machine's CPU counters and this shell's children's
#   machine_report LABEL     one line: wall seconds since the mark, CPU seconds of other work
#                            (every CPU second the kernel counted as busy, less the bench's own
#                            processes), and the seconds the hypervisor took (steal)

# MACHINE_NOW: busy and steal seconds of the whole machine (/proc/stat, all CPUs), this
# shell's finished children's user + system seconds, and the wall clock. `times` runs in this
# shell, not in a command substitution: a subshell has no finished children of its own.
machine_counters() {
  local hz children
  hz="$(getconf CLK_TCK)"
  times >"${TMPDIR:-/tmp}/bench-machine.$$"
  children="$(awk 'NR == 2 { total = 0
    for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); total += t[1] * 60 + t[2] }
    printf "%.2f", total }' "${TMPDIR:-/tmp}/bench-machine.$$")"
  rm -f "${TMPDIR:-/tmp}/bench-machine.$$"
  MACHINE_NOW="$(awk -v hz="$hz" '$1 == "cpu" { printf "%.2f %.2f", ($2 + $3 + $4 + $7 + $8) / hz, $9 / hz; exit }' /proc/stat) $children $EPOCHREALTIME"
}

machine_mark() { machine_counters; MACHINE_MARK="$MACHINE_NOW"; }

machine_report() {
  local label="$1"
  machine_counters
  awk -v label="$label" -v cores="$(nproc)" -v before="$MACHINE_MARK" -v after="$MACHINE_NOW" 'BEGIN {
    split(before, b, " "); split(after, a, " ")
    wall = a[4] - b[4]; other = (a[1] - b[1]) - (a[3] - b[3]); steal = a[2] - b[2]
    if (other < 0) other = 0
    share = wall > 0 ? 100 * other / (wall * cores) : 0
    printf "machine during %s: %.0f s; other work %.1f CPU s (%.1f%% of %d cores), taken by the hypervisor (steal) %.1f s%s\n",
      label, wall, other, share, cores, steal,
      (share > 5 ? " -- BUSY: the machine was not quiet, so these figures are not its best" : "")
  }'
}
