#!/usr/bin/env bash
# Dashboard benchmark (issue 7): times whole page views of the statistics dashboard over HTTP, as an
# analyst signed in through the real Keycloak, against the running stack with a generated year loaded.
#
#   bench/statistics/run-benchmark.sh [--generate]      (reads the same environment as ./run)
#
# --generate first loads one year (bench/statistics/generate-year.sql: 14,000 consultations per working
# day, 1,000 sites, ≈ 3.5 million appointments; takes several minutes) into the stack's database.
# Each view is requested WARMUP times, then RUNS times; p50/p95/max go to bench/statistics/RESULTS.md.
set -Eeuo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
: "${VIDEOTERMIN_HOME:=$REPO/.videotermin/demo}"
: "${VIDEOTERMIN_HTTP_PORT:=8080}"
: "${VIDEOTERMIN_DB_PORT:=5433}"
: "${YEAR:=2025}"
: "${PER_DAY:=14000}"
: "${SITES:=1000}"
: "${RUNS:=20}"
: "${WARMUP:=3}"
BASE="http://localhost:$VIDEOTERMIN_HTTP_PORT"
# where this run's table goes (RESULTS.md keeps the before/after story; point RESULTS elsewhere to compare)
: "${RESULTS:=$REPO/bench/statistics/RESULTS.md}"
# shellcheck disable=SC1091
. "$VIDEOTERMIN_HOME/secrets.env"
export PGPASSWORD="$DB_PASSWORD"
PSQL=(psql -h 127.0.0.1 -p "$VIDEOTERMIN_DB_PORT" -U videotermin -d videotermin -qtA)

if [[ "${1:-}" == "--generate" ]]; then
  echo "generating $YEAR: $PER_DAY a working day over $SITES sites …"
  start=$SECONDS
  "${PSQL[@]}" -v from_day="$YEAR-01-01" -v to_day="$YEAR-12-31" -v per_day="$PER_DAY" -v sites="$SITES" -f "$REPO/bench/statistics/generate-year.sql" >/dev/null
  echo "generated in $((SECONDS - start)) s"
fi

JAR="$(mktemp)"; trap 'rm -f "$JAR"' EXIT
# Sign in as the analyst through the Keycloak login form, as a browser would.
login_page="$(curl -s -L -c "$JAR" -b "$JAR" "$BASE/analyst/")"
action="$(printf '%s' "$login_page" | grep -o 'id="kc-form-login"[^>]*action="[^"]*"' | sed 's/.*action="//; s/"$//; s/&amp;/\&/g')"
[[ -n "$action" ]] || { echo "no Keycloak login form found" >&2; exit 1; }
curl -s -L -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode username=lena.vogel --data-urlencode password=demo "$action"
check="$(curl -s -b "$JAR" -c "$JAR" "$BASE/analyst/index.xhtml")"
grep -q 'id="dashboard-title"' <<<"$check" || { echo "sign-in as analyst failed" >&2; exit 1; }

site="$("${PSQL[@]}" -c "select site_code from statistics_day where day between '$YEAR-01-01' and '$YEAR-12-31' and site_code <> '' group by 1 order by sum(appointments) desc limit 1")"
count="$("${PSQL[@]}" -c "select coalesce(sum(appointments), 0) from statistics_day where day between '$YEAR-01-01' and '$YEAR-12-31'")"
rollup_rows="$("${PSQL[@]}" -c "select count(*) from statistics_day")"
Y="from=$YEAR-01-01&to=$YEAR-12-31"
declare -a NAMES=(
  "year by month, all"            "/analyst/index.xhtml?$Y&granularity=MONTH&breakdown=PERIOD"
  "year by week, all"             "/analyst/index.xhtml?$Y&granularity=WEEK&breakdown=PERIOD"
  "one quarter by day, all"       "/analyst/index.xhtml?from=$YEAR-10-01&to=$YEAR-12-31&granularity=DAY&breakdown=PERIOD"
  "year by legal area"            "/analyst/index.xhtml?$Y&breakdown=LEGAL_AREA"
  "year by site, page 1 (50 of 1,000 rows)"  "/analyst/index.xhtml?$Y&breakdown=SITE"
  "year by site, page 20 (last 50 rows)"     "/analyst/index.xhtml?$Y&breakdown=SITE&page=20"
  "year by month, one area"       "/analyst/index.xhtml?$Y&granularity=MONTH&breakdown=PERIOD&legalArea=CAREER_GUIDANCE"
  "year by month, busiest site"   "/analyst/index.xhtml?$Y&granularity=MONTH&breakdown=PERIOD&site=$site"
  "CSV, year by week"             "/analyst/statistics.csv?$Y&granularity=WEEK&breakdown=PERIOD"
  "CSV, year by site (all 1,000 rows)"       "/analyst/statistics.csv?$Y&breakdown=SITE"
)

{
  echo "# Statistics dashboard benchmark"
  echo
  echo "Goal (issue 7): p95 under 500 ms per dashboard view over one generated year."
  echo
  echo "- measured: $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), shared with other work"
  echo "- load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores; other engineers' builds and browsers ran at the same time)"
  echo "- data: year $YEAR, $count appointments (not cancelled) over $SITES sites, roll-up table $rollup_rows rows"
  echo "- each view: $WARMUP warm-up requests, then $RUNS timed requests, one after another; whole HTTP"
  echo "  response (Faces rendering included, browser-side chart drawing not included), signed in as analyst"
  echo
  echo "| view | p50 ms | p95 ms | max ms | bytes |"
  echo "|---|---:|---:|---:|---:|"
} > "$RESULTS.tmp"

for ((i = 0; i < ${#NAMES[@]}; i += 2)); do
  name="${NAMES[i]}"; url="$BASE${NAMES[i+1]}"
  for ((w = 0; w < WARMUP; w++)); do curl -s -b "$JAR" -o /dev/null "$url"; done
  times=(); bytes=0
  for ((r = 0; r < RUNS; r++)); do
    out="$(curl -s -b "$JAR" -o /dev/null -w '%{http_code} %{time_total} %{size_download}' "$url")"
    read -r code t size <<<"$out"
    [[ "$code" == 200 ]] || { echo "$name: HTTP $code" >&2; exit 1; }
    times+=("$(awk -v t="$t" 'BEGIN{printf "%d", t*1000}')"); bytes=$size
  done
  sorted="$(printf '%s\n' "${times[@]}" | sort -n)"
  p50="$(sed -n "$(( (RUNS + 1) / 2 ))p" <<<"$sorted")"
  p95="$(sed -n "$(( (RUNS * 95 + 99) / 100 ))p" <<<"$sorted")"
  max="$(tail -1 <<<"$sorted")"
  echo "| $name | $p50 | $p95 | $max | $bytes |" >> "$RESULTS.tmp"
  echo "$name: p50 $p50 ms, p95 $p95 ms"
done
echo "- load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS.tmp"
mv "$RESULTS.tmp" "$RESULTS"
echo "written to $RESULTS"
