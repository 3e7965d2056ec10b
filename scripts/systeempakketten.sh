#!/usr/bin/env bash
# Install the system packages the tests need, only when they are missing (Debian).
set -euo pipefail
nodig=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || nodig+=(postgresql-15)
[ -x /usr/bin/chromium ] || nodig+=(chromium)
[ -x /usr/bin/chromedriver ] || nodig+=(chromium-driver)
fc-list 2>/dev/null | grep -qi "dejavu" || nodig+=(fonts-dejavu-core)
fc-list 2>/dev/null | grep -qi "liberation" || nodig+=(fonts-liberation)
if [ ${#nodig[@]} -gt 0 ]; then
  echo "Systeempakketten installeren: ${nodig[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${nodig[@]}" >/dev/null
fi
