#!/usr/bin/env bash
# Install the Debian packages Passend needs, only when they are missing.
#   demo: what the running product needs (Pango for WeasyPrint's PDFs, fonts)
#   test: that plus PostgreSQL 15 and Chromium for the tests
set -euo pipefail
doel=${1:-test}
nodig=()
heeft() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for pakket in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation; do
  heeft "$pakket" || nodig+=("$pakket")
done
if [ "$doel" = "test" ]; then
  [ -x /usr/lib/postgresql/15/bin/initdb ] || nodig+=(postgresql-15)
  [ -x /usr/bin/chromium ] || nodig+=(chromium)
  [ -x /usr/bin/chromedriver ] || nodig+=(chromium-driver)
  [ -x /usr/bin/pdftotext ] || nodig+=(poppler-utils)
fi
if [ ${#nodig[@]} -gt 0 ]; then
  echo "Systeempakketten installeren: ${nodig[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${nodig[@]}" >/dev/null
fi
