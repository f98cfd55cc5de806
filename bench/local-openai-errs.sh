#!/bin/sh
# usage: errs.sh noise field
NODN=${NODN:-} npx tsx bench/local-openai-cardlab.ts $1 200 3 300 2>&1 | grep -v "npm warn" | awk -v f="$2" '/^--- /{show=($0 ~ f)} show' | head -${3:-80}
