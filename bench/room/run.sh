#!/usr/bin/env bash
# Time to the first remote video frame, direct and through TURN (issue: the room in depth).
# Needs the demo stack started with rooms open a day ahead (each call books its own slot, and an
# advisor cannot be double-booked):
#   VIDEOTERMIN_CITIZEN_ENTRY_OPENS_MINUTES_BEFORE=1440 ./run
# Then: bench/room/run.sh [calls per path, default 10]
set -euo pipefail
cd "$(dirname "$0")/../.."
HOME_DIR="${VIDEOTERMIN_HOME:-$PWD/.videotermin/demo}"
# shellcheck disable=SC1091
source "$HOME_DIR/secrets.env"
mvn -B -q -Pbench -pl system-tests verify \
  -Dbench.calls="${1:-10}" \
  -Dvideotermin.baseUrl="http://localhost:${VIDEOTERMIN_HTTP_PORT:-8080}" \
  -Dvideotermin.keycloakUrl="http://localhost:${VIDEOTERMIN_KEYCLOAK_PORT:-8180}" \
  -Dvideotermin.db.url="jdbc:postgresql://127.0.0.1:${VIDEOTERMIN_DB_PORT:-5433}/videotermin" \
  -Dvideotermin.db.password="$DB_PASSWORD" \
  -Dbench.results="$PWD/bench/room/RESULTS.md"
cat bench/room/RESULTS.md
