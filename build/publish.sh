#!/usr/bin/env bash
# Publishes the site exactly as the container image runs it, into one self-contained folder:
# the .NET output of src/LearningPortal.Web plus themes/ and content/ (read at run time).
# The Dockerfile's build stage runs this, and so does tests/run.sh, which then starts the published output
# in Production against PostgreSQL: a project the image forgets breaks the tests, not only the image.
# Usage: build/publish.sh [--output DIR] [--skip-frontend]
#   --skip-frontend  the GOV.UK Frontend styles are already in src/LearningPortal.Web/wwwroot (the image builds
#                    them in a node stage; the SDK stage has no node).
set -euo pipefail
cd "$(dirname "$0")/.."
output=artifacts/publish
skip_frontend=false
while [ $# -gt 0 ]; do
  case "$1" in
    --output|-o) output=$2; shift 2 ;;
    --skip-frontend) skip_frontend=true; shift ;;
    *) echo "Unknown option $1" >&2; exit 2 ;;
  esac
done

if [ "$skip_frontend" = true ] && [ ! -f src/LearningPortal.Web/wwwroot/lib/govuk/govuk-frontend.min.js ]; then
  echo "--skip-frontend, but the front end is not built (src/LearningPortal.Web/wwwroot/lib is empty)." >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf "$output"
dotnet publish src/LearningPortal.Web/LearningPortal.Web.csproj -c Release -o "$output" -nologo -clp:ErrorsOnly \
  -p:SkipFrontEnd="$skip_frontend" -p:UseAppHost=false
# PortalPaths looks for themes/ and content/ at or above the content root: theme.json, logos, the starter
# content, the agency list and the common-password list are read from there at run time.
cp -r themes content "$output/"
rm -rf "$output/themes/node_modules"
# The build must have brought every project the site loads; a missing one fails here, before any image ships.
for dll in LearningPortal.Web LearningPortal.Core LearningPortal.Search LearningPortal.Migrations.Sqlite LearningPortal.Migrations.PostgreSql; do
  [ -f "$output/$dll.dll" ] || { echo "$dll.dll is missing from $output" >&2; exit 1; }
done
[ -f "$output/wwwroot/lib/govuk/govuk-frontend.min.js" ] || { echo "The front end is missing from $output/wwwroot" >&2; exit 1; }
echo "Published to $output"
