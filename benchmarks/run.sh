#!/usr/bin/env bash
# Runs Scholion's whole benchmark suite and writes benchmarks/results/results.md and
# benchmarks/results/benchmarks.svg (raw figures in benchmarks/results/raw/).
#
#   benchmarks/run.sh                  the full suite (about 15 minutes on 2 cores)
#   BENCH_QUICK=1 benchmarks/run.sh    tiny settings, to check the harness in a minute or two
#
# Needs a JDK 17+; uses /usr/bin/time, taskset, chromium + chromedriver and soffice when present
# (a missing tool is reported as "not measured", never fatal). Run it on an idle machine: the
# script records the load average before and after, and every ratio compares figures of this run.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
RESULTS=$ROOT/benchmarks/results
RAW=$RESULTS/raw
QUICK=${BENCH_QUICK:-0}
# Budget: every step that could run away has a time limit (seconds); a step that hits it is
# reported as "more than N s", and a ratio against it as a lower bound.
if [[ $QUICK == 1 ]]; then
  STARTUP_RUNS=3; WHOLE_RUNS=1; VIEWER_RUNS=1; LOAD_SECONDS=3
  JMH_SM=(-wi 0 -i 1 -r 300ms -f 1); JMH_L_LIGHT=(); JMH_L_HEAVY=(); JMH_CORE_WORKLOADS=S,M
  JMH_LIMIT=120; TOOL_LIMIT=60; REPEAT_LIMIT=20; MANY_LIMIT=60
else
  STARTUP_RUNS=20; WHOLE_RUNS=5; VIEWER_RUNS=5; LOAD_SECONDS=8
  JMH_SM=(-wi 2 -i 3 -w 1s -r 1s -f 1)
  JMH_L_LIGHT=(-wi 2 -i 3 -w 2s -r 2s -f 1)   # CSV, JSON-LD, HTML of L: measured like M, longer iterations
  JMH_L_HEAVY=(-bm ss -wi 0 -i 1 -f 1)   # DOCX, PDF of L: one export (tens of seconds; JIT warm-up is a small part)
  JMH_CORE_WORKLOADS=S,M,L
  JMH_LIMIT=150; TOOL_LIMIT=60; REPEAT_LIMIT=25; MANY_LIMIT=90
fi

rm -rf "$RAW"
mkdir -p "$RAW"
WORK=$(mktemp -d /tmp/scholion-bench.XXXXXX)
VIEWER_PID=
cleanup() {
  if [[ -n $VIEWER_PID ]]; then kill -- -"$VIEWER_PID" 2>/dev/null; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$RAW/run.log" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

# measure GROUP NAME RUN EXPECTED_FILE COMMAND... : wall time (ns clock) and peak RSS of one whole process.
# Appends GROUP, NAME, RUN, seconds, peak RSS kB, exit code to raw/whole.tsv. EXPECTED_FILE ("-" for
# none) must exist afterwards, or the run counts as failed (soffice exits 0 when it converts nothing).
# With LIMIT=N set, the command's process group is killed after N seconds (exit code 124).
measure() {
  local group=$1 name=$2 run=$3 expect=$4; shift 4
  [[ $expect != - ]] && rm -f "$expect"
  if [[ -n ${LIMIT:-} ]]; then set -- timeout -k 5 "$LIMIT" "$@"; fi
  local t0 t1 rc rss=
  t0=$(date +%s%N)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f '%M' -o "$WORK/time.out" "$@" >"$WORK/cmd.out" 2>"$WORK/cmd.err"
    rc=$?
    t1=$(date +%s%N)
    rss=$(tail -n 1 "$WORK/time.out" 2>/dev/null)
  else
    "$@" >"$WORK/cmd.out" 2>"$WORK/cmd.err" &
    local pid=$! hwm=0 v
    while kill -0 "$pid" 2>/dev/null; do
      v=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null)
      [[ -n $v && $v -gt $hwm ]] && hwm=$v
      sleep 0.02
    done
    wait "$pid"; rc=$?
    t1=$(date +%s%N)
    rss=$hwm
  fi
  if [[ $rc == 0 && $expect != - && ! -s $expect ]]; then rc=99; fi
  if [[ $rc == 124 || $rc == 137 ]]; then
    rc=124; log "  $name run $run stopped at the limit of ${LIMIT:-?} s"
  elif [[ $rc != 0 ]]; then
    log "  $name run $run failed (exit $rc): $(grep -v '^\s*$' "$WORK/cmd.err" | tail -n 3 | tr '\n' ' ' | cut -c1-300)"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$group" "$name" "$run" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f", (b - a) / 1e9}')" "$rss" "$rc" >>"$RAW/whole.tsv"
  return "$rc"
}

# ---------------------------------------------------------------- the machine
{
  echo "date (UTC):  $(date -u '+%Y-%m-%d %H:%M:%S')"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "nproc:       $(nproc)"
  echo "CPU:         $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "kernel:      $(uname -sr)"
  echo "commit:      $(git rev-parse --short HEAD 2>/dev/null) ($(git rev-parse --abbrev-ref HEAD 2>/dev/null))"
  echo "quick mode:  $QUICK"
  echo "--- free -h"; free -h
  echo "--- java -version"; java -version 2>&1
  echo "--- tools"
  have chromium && echo "chromium:    $(chromium --version 2>/dev/null)" || echo "chromium:    not installed"
  have soffice && echo "soffice:     $(soffice --version 2>/dev/null | head -n 1)" || echo "soffice:     not installed"
} >"$RAW/machine.txt"
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- build once
log "building (./mvnw -q -B -o package -DskipTests)"
if ! ./mvnw -q -B -o package -DskipTests >"$RAW/build.log" 2>&1; then
  log "build failed; see $RAW/build.log"; tail -n 30 "$RAW/build.log" >&2; exit 1
fi
CP="$ROOT/benchmarks/target/classes:$ROOT/benchmarks/target/lib/*"
bench() { java -cp "$CP" "$@"; }

log "generating workloads into $WORK/w"
bench org.scholion.benchmarks.Workloads "$WORK/w" >/dev/null || { log "workload generation failed"; exit 1; }
cp "$WORK/w/workloads.tsv" "$RAW/workloads.tsv"
bench org.scholion.benchmarks.Probe >"$RAW/formats.tsv"
AVAILABLE=$(awk -F'\t' '$2 == "true" {print $1}' "$RAW/formats.tsv" | paste -sd, -)
log "exporters built: ${AVAILABLE:-none}"
available() { [[ ,$AVAILABLE, == *,$1,* ]]; }

ANNOTATE=$ROOT/annotate
export HOME_FOR_TOOLS=$WORK/home
mkdir -p "$HOME_FOR_TOOLS"

# ---------------------------------------------------------------- 1. CLI start-up
if [[ -x $ANNOTATE ]]; then
  log "warming the launcher"
  "$ANNOTATE" ls "$WORK/w/s.scholion.json" >/dev/null 2>"$RAW/annotate-warmup.err" || log "  annotate ls failed: $(head -c 300 "$RAW/annotate-warmup.err")"
  log "start-up: java -version vs annotate ls S, $STARTUP_RUNS runs each, alternately"
  for ((i = 1; i <= STARTUP_RUNS; i++)); do
    measure startup "java -version" "$i" - java -version
    measure startup "annotate ls S" "$i" - "$ANNOTATE" ls "$WORK/w/s.scholion.json"
  done
else
  log "no ./annotate launcher yet: start-up and whole-process exports not measured"
fi

# ---------------------------------------------------------------- 2. JMH (in process, one core)
# One JMH run per format and size, each under a time limit, so one slow or failing exporter
# neither hides the others nor breaks the budget. A run killed at its limit is noted in
# raw/jmh-limits.tsv; an out-of-memory error shows in its log.
PIN=()
if have taskset && [[ $(nproc) -gt 1 ]]; then PIN=(taskset -c 1); fi
jmh() { # NAME LIMIT JMH-ARGS...
  local name=$1 limit=$2; shift 2
  timeout -k 5 "$limit" "${PIN[@]}" java -cp "$CP" org.openjdk.jmh.Main "$@" \
    -jvmArgsAppend "-XX:+UseG1GC -Dscholion.bench.side=$RAW" -rf json -rff "$RAW/jmh-$name.json" >"$RAW/jmh-$name.log" 2>&1
  local rc=$?
  if [[ $rc == 124 || $rc == 137 ]]; then
    log "  $name stopped at the limit of $limit s"
    printf '%s\t%s\n' "$name" "$limit" >>"$RAW/jmh-limits.tsv"
  elif [[ $rc != 0 ]] || grep -q '<failure>' "$RAW/jmh-$name.log"; then
    log "  $name failed (see raw/jmh-$name.log)"
  fi
}
for format in ${AVAILABLE//,/ }; do
  log "JMH: export $format of S and M (${JMH_SM[*]})"
  jmh "export-SM-$format" "$JMH_LIMIT" 'org.scholion.benchmarks.ExportBenchmark' -p "format=$format" -p workload=S,M "${JMH_SM[@]}"
done
if [[ $QUICK != 1 ]]; then
  for format in ${AVAILABLE//,/ }; do
    case $format in DOCX | PDF) opts=("${JMH_L_HEAVY[@]}") ;; *) opts=("${JMH_L_LIGHT[@]}") ;; esac
    log "JMH: export $format of L at -Xmx512m (${opts[*]})"
    jmh "export-L-$format" "$JMH_LIMIT" 'org.scholion.benchmarks.ExportBenchmark' -p "format=$format" -p workload=L "${opts[@]}" -tu ms
  done
fi
[[ -z $AVAILABLE ]] && log "JMH: no exporter is built yet; export throughput not measured"
log "JMH: annotation file and segmentation of $JMH_CORE_WORKLOADS"
jmh core "$((JMH_LIMIT * 2))" 'org.scholion.benchmarks.(FileBenchmark|SegmentationBenchmark)' -p "workload=$JMH_CORE_WORKLOADS" "${JMH_SM[@]}"

# ---------------------------------------------------------------- 3. whole-process exports
OUT=$WORK/out
mkdir -p "$OUT/ours" "$OUT/lo" "$OUT/chromium" "$OUT/html"
if [[ -x $ANNOTATE && -n $AVAILABLE ]]; then
  log "whole process: export S in all formats in one command, $WHOLE_RUNS runs"
  for ((i = 1; i <= WHOLE_RUNS; i++)); do
    measure export "scholion all S" "$i" - "$ANNOTATE" export "$WORK/w/s.scholion.json" --format all -o "$OUT/all-s"
  done
  log "whole process: export Many (1,000 documents) in all formats in one command, once (limit $MANY_LIMIT s)"
  LIMIT=$MANY_LIMIT measure export "scholion all Many" 1 - "$ANNOTATE" export "$WORK"/w/many/*.scholion.json --format all -o "$OUT/many"
  # how far it got: files written (5 formats per document, plus a relations CSV where there are relations)
  printf 'Many\t%s\t%s\n' "$(find "$OUT/many" -type f ! -name '.*' 2>/dev/null | wc -l)" \
    "$(awk -F'\t' '$1 == "Many" {print ($6 > 0 ? 6000 : 5000)}' "$RAW/workloads.tsv")" >"$RAW/many.tsv"
  rm -rf "$OUT/many"

  HTML_M= HTML_S=
  if available HTML; then
    measure export "scholion html M" 1 "$OUT/html/bench-m.html" "$ANNOTATE" export "$WORK/w/m.scholion.json" --format html -o "$OUT/html" \
      && HTML_M=$OUT/html/bench-m.html
    "$ANNOTATE" export "$WORK/w/s.scholion.json" --format html -o "$OUT/html" >/dev/null 2>&1 \
      && HTML_S=$OUT/html/coalition-of-the-willing.html
    [[ -n $HTML_M ]] && log "  our standalone HTML of M is $(du -h "$HTML_M" | cut -f1)"
  fi
  # the other tools, as commands (so that /usr/bin/time and timeout can run them)
  cat >"$WORK/lo.sh" <<EOF
#!/usr/bin/env bash
# lo.sh FORMAT FILTER OUTDIR INPUT: LibreOffice converts an HTML file
exec env HOME="$HOME_FOR_TOOLS" soffice --headless --norestore "-env:UserInstallation=file://$WORK/lo-profile" \\
  --infilter="HTML (StarWriter)" --convert-to "\$1:\$2" --outdir "\$3" "\$4"
EOF
  cat >"$WORK/chrome.sh" <<EOF
#!/usr/bin/env bash
# chrome.sh INPUT OUTPUT: headless Chromium prints an HTML file to PDF
exec env HOME="$HOME_FOR_TOOLS" chromium --headless --no-sandbox --disable-gpu --disable-background-networking \\
  --disable-component-update --disable-sync --no-first-run "--user-data-dir=$WORK/chromium-profile" \\
  --no-pdf-header-footer "--print-to-pdf=\$2" "file://\$1"
EOF
  chmod +x "$WORK/lo.sh" "$WORK/chrome.sh"
  steps=()
  available DOCX && steps+=(ours-docx)
  [[ -n $HTML_M ]] && have soffice && available DOCX && steps+=(lo-docx)
  available PDF && steps+=(ours-pdf)
  [[ -n $HTML_M ]] && have soffice && available PDF && steps+=(lo-pdf)
  [[ -n $HTML_M ]] && have chromium && available PDF && steps+=(chromium-pdf)
  run_step() { # STEP RUN
    case $1 in
      ours-docx) measure export "scholion docx M" "$2" "$OUT/ours/bench-m.docx" "$ANNOTATE" export "$WORK/w/m.scholion.json" --format docx -o "$OUT/ours" ;;
      ours-pdf) measure export "scholion pdf M" "$2" "$OUT/ours/bench-m.pdf" "$ANNOTATE" export "$WORK/w/m.scholion.json" --format pdf -o "$OUT/ours" ;;
      lo-docx) LIMIT=$TOOL_LIMIT measure export "libreoffice docx M" "$2" "$OUT/lo/bench-m.docx" "$WORK/lo.sh" docx 'MS Word 2007 XML' "$OUT/lo" "$HTML_M" ;;
      lo-pdf) LIMIT=$TOOL_LIMIT measure export "libreoffice pdf M" "$2" "$OUT/lo/bench-m.pdf" "$WORK/lo.sh" pdf writer_pdf_Export "$OUT/lo" "$HTML_M" ;;
      chromium-pdf) LIMIT=$TOOL_LIMIT measure export "chromium pdf M" "$2" "$OUT/chromium/bench-m.pdf" "$WORK/chrome.sh" "$HTML_M" "$OUT/chromium/bench-m.pdf" ;;
    esac
  }
  if [[ ${#steps[@]} -gt 0 ]]; then
    # Warm-ups on S, not measured: LibreOffice and Chromium create their profiles, the launcher its CDS archive.
    log "whole process: warm-up on S (${steps[*]})"
    "$ANNOTATE" export "$WORK/w/s.scholion.json" --format docx -o "$OUT/warm" >/dev/null 2>&1
    "$ANNOTATE" export "$WORK/w/s.scholion.json" --format pdf -o "$OUT/warm" >/dev/null 2>&1
    if [[ -n $HTML_S ]]; then
      have soffice && timeout -k 5 "$TOOL_LIMIT" "$WORK/lo.sh" pdf writer_pdf_Export "$OUT/warm" "$HTML_S" >/dev/null 2>&1
      have chromium && timeout -k 5 "$TOOL_LIMIT" "$WORK/chrome.sh" "$HTML_S" "$OUT/warm/s.pdf" >/dev/null 2>&1
    fi
    # Rounds: every tool once per round, alternately; a tool slower than REPEAT_LIMIT s (or stopped
    # at its limit) is not run again, to keep the suite within its budget.
    declare -A slow=()
    for ((i = 1; i <= WHOLE_RUNS; i++)); do
      log "whole process: M, round $i of $WHOLE_RUNS"
      for s in "${steps[@]}"; do
        [[ -n ${slow[$s]:-} ]] && continue
        t0=$(date +%s)
        run_step "$s" "$i"
        if (($(date +%s) - t0 > REPEAT_LIMIT)); then
          slow[$s]=1
          ((i < WHOLE_RUNS)) && log "  $s took more than $REPEAT_LIMIT s: not repeated"
        fi
      done
    done
    ls -l "$OUT/ours" "$OUT/lo" "$OUT/chromium" "$OUT/html" >"$RAW/outputs.txt" 2>&1
  fi
fi

# ---------------------------------------------------------------- 4. the viewer
viewer_url() { grep -o 'http://127\.0\.0\.1:[0-9]*/' "$WORK/viewer.out" | head -n 1; }
if [[ -x $ANNOTATE ]] && have chromium && have chromedriver; then
  for workload in S M L; do
    [[ $QUICK == 1 && $workload == L ]] && continue
    if [[ $workload == L ]] && grep -q '^M' "$RAW/viewer-limits.tsv" 2>/dev/null; then
      log "viewer L not measured: the page for M did not load within the limit, L is ten times larger"
      continue
    fi
    file=$WORK/w/$(echo "$workload" | tr 'SML' 'sml').scholion.json
    setsid "$ANNOTATE" view "$file" --port 0 >"$WORK/viewer.out" 2>&1 &
    VIEWER_PID=$!
    url=
    for ((t = 0; t < 600; t++)); do
      url=$(viewer_url)
      [[ -n $url ]] && break
      kill -0 "$VIEWER_PID" 2>/dev/null || break
      sleep 0.1
    done
    if [[ -z $url ]]; then
      log "viewer for $workload did not start: $(head -c 300 "$WORK/viewer.out")"
    else
      runs=$VIEWER_RUNS
      [[ $workload == L ]] && runs=1
      log "viewer $workload at $url: time to interactive in headless Chromium, $runs runs after a warm-up"
      timeout -k 5 "$TOOL_LIMIT" java -Djava.io.tmpdir="$WORK" -cp "$CP" org.scholion.benchmarks.ViewerProbe "$workload" "$url" "$runs" \
        "$((TOOL_LIMIT - 20))" >>"$RAW/viewer.tsv" 2>>"$RAW/viewer-probe.err"
      rc=$?
      if [[ $rc == 124 || $rc == 137 ]]; then
        log "  viewer probe for $workload stopped at the limit of $TOOL_LIMIT s"
        printf '%s\t%s\n' "$workload" "$TOOL_LIMIT" >>"$RAW/viewer-limits.tsv"
      elif [[ $rc != 0 ]]; then
        log "  viewer probe for $workload failed: $(grep -v '^\s*$' "$RAW/viewer-probe.err" | tail -n 2 | tr '\n' ' ' | cut -c1-300)"
      fi
      if [[ $workload != L ]]; then
        log "viewer $workload: requests/s for the page and the CSV download (${LOAD_SECONDS} s each at most)"
        bench org.scholion.benchmarks.LoadGenerator "page $workload" "$url" 100000 4 "$LOAD_SECONDS" \
          >>"$RAW/load.tsv" 2>>"$RAW/load.err" || log "  load on the page failed: $(tail -n 2 "$RAW/load.err" | tr '\n' ' ')"
        bench org.scholion.benchmarks.LoadGenerator "download CSV $workload" "$url" 100000 4 "$LOAD_SECONDS" \
          "${VIEWER_DOWNLOAD:-download/csv}" >>"$RAW/load.tsv" 2>>"$RAW/load.err" \
          || log "  load on the download failed: $(tail -n 2 "$RAW/load.err" | tr '\n' ' ')"
      fi
    fi
    # the viewer's peak RSS: the largest VmHWM in its process group
    hwm=$(for p in $(pgrep -g "$VIEWER_PID" 2>/dev/null); do awk '/VmHWM/ {print $2}' "/proc/$p/status" 2>/dev/null; done | sort -n | tail -n 1)
    printf 'viewer\tviewer %s\t1\t0\t%s\t0\n' "$workload" "${hwm:-}" >>"$RAW/whole.tsv"
    kill -- -"$VIEWER_PID" 2>/dev/null
    wait "$VIEWER_PID" 2>/dev/null
    VIEWER_PID=
  done
else
  log "viewer not measured (needs ./annotate, chromium and chromedriver)"
fi

# ---------------------------------------------------------------- 5. the report
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RAW/machine.txt"
echo "duration:    $((SECONDS / 60)) min $((SECONDS % 60)) s (the whole suite, build included)" >>"$RAW/machine.txt"
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
bench org.scholion.benchmarks.Report "$RAW" "$RESULTS"
log "done in $((SECONDS / 60)) min $((SECONDS % 60)) s: $RESULTS/results.md"
