#!/usr/bin/env bash
# Sign Amanat.app with the hardened runtime, put it in a .dmg, sign and notarize that:
#   packaging/macos/dmg.sh build/dist/Amanat.app build/out/amanat-VERSION-macos-ARCH.dmg
# The identity and the notarization account come from the release's secrets:
#   AMANAT_MACOS_CERT_BASE64, AMANAT_MACOS_CERT_PASSWORD  Developer ID Application (.p12)
#   AMANAT_MACOS_IDENTITY       e.g. "Developer ID Application: NAME (TEAMID)"
#   AMANAT_NOTARY_APPLE_ID, AMANAT_NOTARY_PASSWORD, AMANAT_NOTARY_TEAM_ID
# Without them the .dmg is made unsigned and not notarized, and this says so: a test build.
set -euo pipefail
app="$1"
dmg="$2"
here="$(cd "$(dirname "$0")" && pwd)"

if [ -n "${AMANAT_MACOS_CERT_BASE64:-}" ]; then
  keychain="$RUNNER_TEMP/amanat-signing.keychain-db"
  keychain_password="$(uuidgen)"
  security create-keychain -p "$keychain_password" "$keychain"
  security set-keychain-settings -lut 21600 "$keychain"
  security unlock-keychain -p "$keychain_password" "$keychain"
  printf '%s' "$AMANAT_MACOS_CERT_BASE64" | base64 --decode > "$RUNNER_TEMP/cert.p12"
  security import "$RUNNER_TEMP/cert.p12" -k "$keychain" -P "$AMANAT_MACOS_CERT_PASSWORD" \
    -T /usr/bin/codesign
  rm -f "$RUNNER_TEMP/cert.p12"
  security list-keychains -d user -s "$keychain"
  security set-key-partition-list -S apple-tool:,apple: -k "$keychain_password" "$keychain"
  # Inside out: every library and program, then the bundle, with the hardened runtime.
  find "$app/Contents" -type f \( -name '*.so' -o -name '*.dylib' -o -perm -u+x \) -print0 |
    xargs -0 codesign --force --timestamp --options runtime \
      --entitlements "$here/entitlements.plist" --sign "$AMANAT_MACOS_IDENTITY"
  codesign --force --timestamp --options runtime --entitlements "$here/entitlements.plist" \
    --sign "$AMANAT_MACOS_IDENTITY" "$app"
  codesign --verify --deep --strict "$app"
else
  echo "dmg.sh: no signing identity (AMANAT_MACOS_CERT_BASE64 unset); unsigned test build" >&2
fi

staging="$(mktemp -d)"
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname Amanat -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"
rm -rf "$staging"

if [ -n "${AMANAT_MACOS_CERT_BASE64:-}" ]; then
  codesign --force --timestamp --sign "$AMANAT_MACOS_IDENTITY" "$dmg"
  if [ -n "${AMANAT_NOTARY_APPLE_ID:-}" ]; then
    xcrun notarytool submit "$dmg" --apple-id "$AMANAT_NOTARY_APPLE_ID" \
      --password "$AMANAT_NOTARY_PASSWORD" --team-id "$AMANAT_NOTARY_TEAM_ID" --wait
    xcrun stapler staple "$dmg"
  else
    echo "dmg.sh: no notarization account (AMANAT_NOTARY_APPLE_ID unset); not notarized" >&2
  fi
fi
