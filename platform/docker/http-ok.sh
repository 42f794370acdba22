#!/usr/bin/env bash
# Usage: http-ok [PATH]
# Exits 0 when GET http://127.0.0.1:$SERVER_PORT$PATH answers with status 200, 1 otherwise.
# Uses bash's /dev/tcp so the runtime image needs neither curl nor wget. PATH defaults to the
# readiness group, which answers 503 until the application can take traffic.
set -euo pipefail

path="${1:-/actuator/health/readiness}"
port="${SERVER_PORT:-8080}"

exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status_line <&3
exec 3<&-

[[ "$status_line" =~ ^HTTP/1\.[01]\ 200[[:space:]] ]]
