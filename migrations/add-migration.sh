#!/usr/bin/env bash
# Adds a migration of the same name to both provider sets, so neither lags the model, and writes the
# compiled SQLite model again (compile-model.sh).
# Usage: migrations/add-migration.sh NAME
set -euo pipefail
if [ $# -ne 1 ] || [[ ! "$1" =~ ^[A-Za-z][A-Za-z0-9_]*$ ]]; then
  echo "usage: $0 NAME   (NAME: letters, digits and underscores, starting with a letter)" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
# The old compiled model may not build against the changed entities; it is written again below.
rm -rf migrations/HanZhao.Recruit.Migrations.Sqlite/CompiledModel
for provider in Sqlite SqlServer; do
  dotnet ef migrations add "$1" --project "migrations/HanZhao.Recruit.Migrations.$provider" --output-dir Migrations
done
migrations/compile-model.sh
