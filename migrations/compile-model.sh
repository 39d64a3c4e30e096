#!/usr/bin/env bash
# Writes the SQLite model ahead of time (migrations/HanZhao.Recruit.Migrations.Sqlite/CompiledModel), which the
# app uses instead of building the model on every start. Run after every model change (add-migration.sh does);
# tests/HanZhao.Recruit.Tests/Platform/CompiledModelTests fail while it is out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
project=migrations/HanZhao.Recruit.Migrations.Sqlite
rm -rf "$project/CompiledModel"
dotnet ef dbcontext optimize --project "$project" --output-dir CompiledModel \
  --namespace HanZhao.Recruit.Migrations.Sqlite.CompiledModel >/dev/null
echo "compiled model written to $project/CompiledModel"
