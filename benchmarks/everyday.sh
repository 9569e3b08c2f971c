#!/usr/bin/env bash
# The everyday case, measured as a user meets it: whole processes, medians of RUNS runs after a
# warm-up, every row of one run alternating with the others, and the baselines a user without
# Scholion would reach for — LibreOffice, pandoc and Chromium converting a plain HTML page with one
# highlight per span (benchmarks/PlainPage), made from the same spans. Writes
# benchmarks/results/everyday.md (raw figures in benchmarks/results/raw/everyday.tsv).
#
#   benchmarks/everyday.sh             5 runs of each row (about 10 minutes on 2 cores)
#   RUNS=1 benchmarks/everyday.sh      a quick check of the harness
#
# Needs a JDK 17+ and /usr/bin/time; soffice, pandoc and chromium are measured when installed
# (a missing tool is reported as "not measured"). Run it on an idle machine.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
RUNS=${RUNS:-5}
LIMIT=${LIMIT:-120}
RESULTS=$ROOT/benchmarks/results
RAW=$RESULTS/raw
mkdir -p "$RAW"
TSV=$RAW/everyday.tsv
WORK=$(mktemp -d /tmp/scholion-everyday.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
have() { command -v "$1" >/dev/null 2>&1; }
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

log "building (./mvnw -q -B -o package -DskipTests) and warming the launcher"
./mvnw -q -B -o package -DskipTests >"$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log" >&2; exit 1; }
CP="$ROOT/benchmarks/target/classes:$ROOT/benchmarks/target/lib/*"
ANNOTATE=$ROOT/annotate
"$ANNOTATE" --version >/dev/null 2>&1

log "workloads: S (the seed) and M"
java -cp "$CP" org.scholion.benchmarks.Workloads "$WORK/w" >/dev/null || { log "workload generation failed"; exit 1; }
S=$ROOT/seeds/coalition-of-the-willing.scholion.json
M=$WORK/w/m.scholion.json
java -cp "$CP" org.scholion.benchmarks.PlainPage "$M" "$WORK/plain-m.html"
log "  the plain page of M is $(du -h "$WORK/plain-m.html" | cut -f1)"

TOOLS=$WORK/home
mkdir -p "$TOOLS" "$WORK/out"
lo() { # lo FORMAT OUTDIR INPUT
  env HOME="$TOOLS" soffice --headless --norestore "-env:UserInstallation=file://$WORK/lo-profile" \
    --infilter="HTML (StarWriter)" --convert-to "$1" --outdir "$2" "$3"
}
chrome() { # chrome INPUT OUTPUT
  env HOME="$TOOLS" chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run "--user-data-dir=$WORK/chromium-profile" \
    --no-pdf-header-footer "--print-to-pdf=$2" "file://$1"
}
export -f lo chrome
export TOOLS WORK

# name|expected output (or -)|command
rows=(
  "java -version|-|java -version"
  "annotate ls S|-|$ANNOTATE ls $S"
  "annotate export S all|$WORK/out/all/coalition-of-the-willing.pdf|$ANNOTATE export $S --format all -o $WORK/out/all"
  "annotate export S csv|$WORK/out/csv/coalition-of-the-willing.csv|$ANNOTATE export $S --format csv -o $WORK/out/csv"
  "annotate export S docx|$WORK/out/docx/coalition-of-the-willing.docx|$ANNOTATE export $S --format docx -o $WORK/out/docx"
  "annotate export S pdf|$WORK/out/pdf/coalition-of-the-willing.pdf|$ANNOTATE export $S --format pdf -o $WORK/out/pdf"
  "annotate export M docx|$WORK/out/m/bench-m.docx|$ANNOTATE export $M --format docx -o $WORK/out/m"
  "annotate export M pdf|$WORK/out/m/bench-m.pdf|$ANNOTATE export $M --format pdf -o $WORK/out/m"
)
have soffice && rows+=("libreoffice plain M docx|$WORK/out/lo/plain-m.docx|lo docx:'MS Word 2007 XML' $WORK/out/lo $WORK/plain-m.html"
  "libreoffice plain M pdf|$WORK/out/lo/plain-m.pdf|lo pdf:writer_pdf_Export $WORK/out/lo $WORK/plain-m.html")
have pandoc && rows+=("pandoc plain M docx|$WORK/out/pandoc-m.docx|pandoc -f html -t docx -o $WORK/out/pandoc-m.docx $WORK/plain-m.html")
have chromium && rows+=("chromium plain M pdf|$WORK/out/chromium-m.pdf|chrome $WORK/plain-m.html $WORK/out/chromium-m.pdf")

printf 'row\trun\twall_s\tcpu_s\tpeak_rss_kb\texit\n' >"$TSV"
measure() { # measure NAME RUN EXPECTED COMMAND
  local name=$1 run=$2 expect=$3 cmd=$4
  [[ $expect != - ]] && rm -f "$expect"
  local t0 t1 rc
  t0=$(date +%s%N)
  timeout -k 5 "$LIMIT" /usr/bin/time -f '%U %S %M' -o "$WORK/time.out" bash -c "$cmd" >"$WORK/cmd.out" 2>"$WORK/cmd.err"
  rc=$?
  t1=$(date +%s%N)
  [[ $rc == 0 && $expect != - && ! -s $expect ]] && rc=99
  [[ $rc != 0 ]] && log "  $name run $run: exit $rc $(tail -n 2 "$WORK/cmd.err" | tr '\n' ' ' | cut -c1-200)"
  read -r user sys rss <"$WORK/time.out" 2>/dev/null || { user=0; sys=0; rss=0; }
  printf '%s\t%s\t%.4f\t%.2f\t%s\t%s\n' "$name" "$run" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print (b - a) / 1e9}')" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')" "$rss" "$rc" >>"$TSV"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "warm-up: each row once"
for row in "${rows[@]}"; do IFS='|' read -r name expect cmd <<<"$row"; measure "$name" 0 "$expect" "$cmd"; done
for ((run = 1; run <= RUNS; run++)); do
  log "run $run of $RUNS"
  for row in "${rows[@]}"; do IFS='|' read -r name expect cmd <<<"$row"; measure "$name" "$run" "$expect" "$cmd"; done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# medians of the measured runs (run 0 is the warm-up), then the ratios
awk -F'\t' -v runs="$RUNS" -v limit="$LIMIT" -v before="$LOAD_BEFORE" -v after="$LOAD_AFTER" -v date="$(date -u '+%Y-%m-%d %H:%M UTC')" \
    -v commit="$(git rev-parse --short HEAD)" -v cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  NR > 1 && $2 > 0 {
    if (!($1 in wall)) order[++rows] = $1
    wall[$1] = wall[$1] " " $3; cpu_[$1] = cpu_[$1] " " $4; rss[$1] = rss[$1] " " $5
    if ($6 != 0) failed[$1]++
  }
  END {
    printf "# The everyday case, whole process\n\nWritten by `benchmarks/everyday.sh`: medians of %d runs after a warm-up, rows alternating, all in one run.\n\n", runs
    printf "date %s, commit %s, %s, nproc 2, load %s before, %s after\n\n", date, commit, cpu, before, after
    printf "| row | wall (s) | CPU (s) | peak RSS (MB) | failed runs |\n|---|---:|---:|---:|---:|\n"
    for (i = 1; i <= rows; i++) {
      r = order[i]; w[r] = median(wall[r])
      printf "| %s | %.3f | %.2f | %.0f | %d |\n", r, w[r], median(cpu_[r]), median(rss[r]) / 1024, failed[r]
    }
    printf "\nA row with failed runs counts a run stopped at the limit (%d s) at the limit.\n", limit
    printf "\n## Ratios (same run)\n\n| comparison | ratio |\n|---|---:|\n"
    ratio("annotate ls S", "java -version", "`annotate ls` of the seed / `java -version` (target <= 2)")
    ratio("libreoffice plain M docx", "annotate export M docx", "LibreOffice plain page -> DOCX / our DOCX of M (target >= 4)")
    ratio("pandoc plain M docx", "annotate export M docx", "pandoc plain page -> DOCX / our DOCX of M")
    ratio("libreoffice plain M pdf", "annotate export M pdf", "LibreOffice plain page -> PDF / our PDF of M (target >= 4)")
    ratio("chromium plain M pdf", "annotate export M pdf", "Chromium plain page -> PDF / our PDF of M (target >= 4)")
  }
  function ratio(a, b, what) {
    if (!(a in w) || !(b in w)) { printf "| %s | not measured |\n", what; return }
    if (failed[b]) { printf "| %s | ours failed |\n", what; return }
    # a baseline that failed or hit the limit is a lower bound of its time
    printf "| %s | %s%.2f |\n", what, failed[a] ? ">= " : "", w[a] / w[b]
  }' "$TSV" >"$RESULTS/everyday.md"
cat "$RESULTS/everyday.md"
