#!/usr/bin/env bash
# Runs sitrep over the evaluation sets in ../shared/data (not part of this repository: evaluation use only)
# and prints each scorer's summary. Usage: scripts/evaluate.sh [SHARED_DIR] [-v]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
verbose="${2:-}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
run() { # name input scorer [gold]
  local name=$1 input=$2 scorer=$3
  local t0=$SECONDS
  node dist/cli/main.js analyze --input "$input" > "$out/$name.jsonl" 2> "$out/$name.err" || true
  echo "== $name ($((SECONDS - t0)) s)"
  if [ "$scorer" = score_seeds.py ]; then
    python3 "$shared/eval/$scorer" "$out/$name.jsonl" $verbose | tail -n ${verbose:+1000}${verbose:-1}
  else
    python3 "$shared/eval/$scorer" "$input" "$out/$name.jsonl" $verbose | tail -n ${verbose:+1000}${verbose:-4}
  fi
}
run seeds "$shared/data/seeds/seeds.jsonl" score_seeds.py
run times "$shared/data/dev/times-timebank-aquaint.jsonl" score_times.py
run places "$shared/data/dev/places-lgl.jsonl" score_places.py
run events "$shared/data/dev/events-acled-afghanistan-2020.jsonl" score_events.py
