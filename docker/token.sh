#!/usr/bin/env bash
# Prints an HS256 bearer token the compose stack accepts: docker/token.sh USER ROLE [ROLE...]
# e.g. docker/token.sh u1 customer, docker/token.sh boss admin. Signs with GROUPBUY_JWT_SECRET, from the
# environment or else from docker/.env, like compose.yaml.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 USER ROLE [ROLE...]   (roles: customer, analyst, admin)" >&2
  exit 2
fi
secret="${GROUPBUY_JWT_SECRET:-}"
env_file="$(dirname "$0")/.env"
if [ -z "$secret" ] && [ -f "$env_file" ]; then
  secret=$(sed -n 's/^GROUPBUY_JWT_SECRET=//p' "$env_file" | tail -n 1)
fi
if [ -z "$secret" ]; then
  echo "set GROUPBUY_JWT_SECRET, the secret the compose stack was started with (see the top of docker/compose.yaml)" >&2
  exit 1
fi
user="$1"
shift
roles=$(printf '"%s",' "$@")
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
# The processes require an expiry and their audience (GROUPBUY_SECURITY_JWT_AUDIENCE, groupbuy by default).
payload=$(printf '{"iss":"groupbuy","aud":["%s"],"sub":"%s","roles":[%s],"iat":%d,"exp":%d}' \
  "${GROUPBUY_JWT_AUDIENCE:-groupbuy}" "$user" "${roles%,}" "$(date +%s)" "$(( $(date +%s) + 43200 ))" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -binary -sha256 -hmac "$secret" | b64url)
echo "$header.$payload.$signature"
