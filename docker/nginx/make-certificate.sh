#!/bin/sh
# Makes the edge's TLS certificate when the stack starts: a fresh self-signed key pair for localhost, valid 30 days,
# written to the directory nginx reads it from (the edge-tls volume). Trust it for one call with curl --cacert.
set -eu
dir=${1:-/tls}
openssl=${OPENSSL:-openssl}
"$openssl" req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 \
  -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$dir/tls.key.new" -out "$dir/tls.crt.new" 2>/dev/null
chmod 600 "$dir/tls.key.new"
chmod 644 "$dir/tls.crt.new"
mv "$dir/tls.key.new" "$dir/tls.key"
mv "$dir/tls.crt.new" "$dir/tls.crt"
"$openssl" x509 -in "$dir/tls.crt" -noout -subject -enddate
