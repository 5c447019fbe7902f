#!/usr/bin/env bash
# Prints an HS256 bearer token the compose stack accepts: docker/token.sh USER ROLE [ROLE...]
# e.g. docker/token.sh u1 customer, docker/token.sh boss admin. Uses GROUPBUY_JWT_SECRET like compose.yaml does.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 USER ROLE [ROLE...]   (roles: customer, analyst, admin)" >&2
  exit 2
fi
secret="${GROUPBUY_JWT_SECRET:-compose-only-secret-change-me-0123456789abcdef}"
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
