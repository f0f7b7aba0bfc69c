#!/usr/bin/env bash
# Authenticode-sign Windows programs in place with osslsigncode:
#   packaging/windows/sign.sh FILE.exe...
# The certificate comes from the release's secrets, never from the repository:
#   AMANAT_SIGN_PFX_BASE64  the PKCS#12 certificate and key, base64-encoded
#   AMANAT_SIGN_PASSWORD    its password
#   AMANAT_SIGN_TIMESTAMP   a timestamping server (optional, RFC 3161)
# Without a certificate the files are left unsigned and this says so: a test build.
set -euo pipefail
if [ -z "${AMANAT_SIGN_PFX_BASE64:-}" ]; then
  echo "sign.sh: no certificate (AMANAT_SIGN_PFX_BASE64 unset); left unsigned: $*" >&2
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf '%s' "$AMANAT_SIGN_PFX_BASE64" | base64 -d > "$work/cert.pfx"
# The password is read from a file, not given on the command line where `ps` shows it.
printf '%s' "${AMANAT_SIGN_PASSWORD:-}" > "$work/password"
for file in "$@"; do
  args=(sign -pkcs12 "$work/cert.pfx" -readpass "$work/password" -h sha256
        -n "Amanat" -in "$file" -out "$work/signed")
  if [ -n "${AMANAT_SIGN_TIMESTAMP:-}" ]; then args+=(-ts "$AMANAT_SIGN_TIMESTAMP"); fi
  osslsigncode "${args[@]}"
  osslsigncode verify -in "$work/signed" >/dev/null || echo "sign.sh: $file signed (chain not trusted here)" >&2
  mv "$work/signed" "$file"
done
