#!/usr/bin/env bash
# reports.sh - write the example reports: `make demo` writes them into
# reports/ (checked in, so a reader can open them without building), and
# tests/run-reports.sh into a scratch directory to prove reports/ is what
# the current code writes.
#
#   examples/reports.sh TFSIGHT OUTDIR
#
# The date is fixed, so the reports change only when the code or the
# examples do.
set -euo pipefail
cd "$(dirname "$0")/.."
tfsight=${1:?usage: examples/reports.sh TFSIGHT OUTDIR}
out=${2:?usage: examples/reports.sh TFSIGHT OUTDIR}
export SOURCE_DATE_EPOCH=1793491200   # 2026-11-01
common=(--config examples/tfsight.yml --usage examples/usage.yml)

"$tfsight" report "${common[@]}" --title "webapp prod" \
	--out "$out/webapp-prod" examples/webapp-prod.tfstate
"$tfsight" report "${common[@]}" --title "webapp dev" \
	--out "$out/webapp-dev" examples/webapp-dev.tfstate
# dev and prod side by side: the environment comparison
"$tfsight" report "${common[@]}" --title "webapp (dev and prod)" \
	--out "$out/webapp" examples/webapp-dev.tfstate examples/webapp-prod.tfstate
# the serverless half: Lambda, API Gateway, DynamoDB, SNS/SQS, Cognito
serverless=(--config examples/tfsight.yml --usage examples/serverless-usage.yml)
"$tfsight" report "${serverless[@]}" --title "orders serverless prod" \
	--out "$out/serverless-prod" examples/serverless-prod.tfstate
"$tfsight" report "${serverless[@]}" --title "orders serverless dev" \
	--out "$out/serverless-dev" examples/serverless-dev.tfstate
