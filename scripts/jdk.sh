#!/usr/bin/env bash
# Sourced by scripts that need a JDK 21+: keeps a suitable JAVA_HOME, else picks one under /usr/lib/jvm,
# ~/.sdkman or ~/.jdks.
java_major() {
  # the JDK's release file says it without starting a JVM (a quarter of a second each time)
  local release
  release="$(dirname "$(dirname "$1")")/release"
  if [ -f "$release" ] && grep -q '^JAVA_VERSION=' "$release"; then
    sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$release"
    return
  fi
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java" 2>/dev/null || echo 0)" -lt 21 ]; then
  unset JAVA_HOME
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate/bin/java")" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ]; then
  echo "No JDK 21+ found (JAVA_HOME, /usr/lib/jvm, ~/.sdkman, ~/.jdks); install one (e.g. Temurin 21) and set JAVA_HOME." >&2
  exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"
