#!/usr/bin/env bash
# Builds what is needed and runs the whole platform on this machine: a Kafka broker (KRaft) and a
# MongoDB-compatible server in-process, the four services and the gateway. Ctrl-C stops everything.
# Options: --data-dir DIR (keep data across restarts), --demo, ports (see --help).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -Dmaven.test.skip=true package
exec java -Dplatform.root="$root" -jar platform/launcher/target/launcher.jar "$@"
