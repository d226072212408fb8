#!/usr/bin/env bash
# Byte-identity check for optimisations: runs `sitrep analyze --tokens` (the built CLI) over the seeds and
# every dev set in ../shared/data (evaluation use only: the outputs stay in the given folder, outside the
# repository), and either records them or compares them with a recorded run.
#
#   scripts/identity.sh record DIR [SHARED_DIR]    # before a change: write DIR/NAME.jsonl and DIR/NAME.err
#   scripts/identity.sh check DIR [SHARED_DIR]     # after it: same outputs? prints the first difference
#
# Extra arguments for analyze go in SITREP_IDENTITY_ARGS (e.g. "--workers 2"). Exit code 1 on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:?record or check}"
dir="${2:?output folder}"
shared="${3:-../shared}"
mkdir -p "$dir"
# The bench corpus too (synthetic: page furniture, URLs, datelines, bullets).
node --input-type=module -e "
  import { generateCorpus } from './dist/bench/corpus.js';
  for (const a of generateCorpus({ articles: 300, seed: 2016 }))
    process.stdout.write(JSON.stringify({ id: a.id, text: a.text, title: a.title, source: a.source, published: a.published }) + '\\n');
" > "$dir/bench-corpus.input.jsonl"
inputs=("$shared/data/seeds/seeds.jsonl" "$shared"/data/dev/*.jsonl "$dir/bench-corpus.input.jsonl")
status=0
for input in "${inputs[@]}"; do
  name="$(basename "$input" .jsonl)"; name="${name%.input}"
  t0=$(date +%s.%N)
  if [ "$mode" = record ]; then out="$dir/$name.jsonl"; err="$dir/$name.err"; else out="$dir/$name.new.jsonl"; err="$dir/$name.new.err"; fi
  # shellcheck disable=SC2086
  node dist/cli/main.js analyze --tokens --input "$input" ${SITREP_IDENTITY_ARGS:-} > "$out" 2> "$err" || true
  secs=$(echo "$(date +%s.%N) - $t0" | bc)
  if [ "$mode" = record ]; then
    printf '%-40s recorded %5d lines  %6.1f s\n' "$name" "$(wc -l < "$out")" "$secs"
  elif cmp -s "$dir/$name.jsonl" "$out" && cmp -s "$dir/$name.err" "$err"; then
    printf '%-40s identical %5d lines  %6.1f s\n' "$name" "$(wc -l < "$out")" "$secs"
    rm -f "$out" "$err"
  else
    status=1
    printf '%-40s DIFFERENT  %6.1f s\n' "$name" "$secs"
    cmp "$dir/$name.jsonl" "$out" | head -1 || true
    diff <(tr ',' '\n' < <(diff "$dir/$name.jsonl" "$out" | grep '^<' | head -1)) \
      <(tr ',' '\n' < <(diff "$dir/$name.jsonl" "$out" | grep '^>' | head -1)) | head -20 || true
    diff "$dir/$name.err" "$err" | head -5 || true
  fi
done
exit $status
