# Sourced by ./mvnw and ./parapet: points JAVA_HOME at a JDK 25 or newer.
# Order: $JAVA_HOME if it is 25+, then `java` on PATH if it is 25+, then the newest JDK 25+
# under the usual install roots (or under $JDK_ROOTS, space-separated globs, when set). Stops with
# a message naming what to install when none exists.

parapet_java_major() {
  # prints the feature version of the java binary given as $1 (e.g. 25), or nothing
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

parapet_is_jdk25() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  v=$(parapet_java_major "$1/bin/java")
  [ -n "$v" ] && [ "$v" -ge 25 ]
}

parapet_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && parapet_is_jdk25 "$JAVA_HOME"; then return 0; fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if parapet_is_jdk25 "$candidate"; then JAVA_HOME=$candidate; export JAVA_HOME; return 0; fi
  fi
  case $- in *f*) parapet_noglob=1; set +f ;; *) parapet_noglob= ;; esac
  parapet_globs=${JDK_ROOTS:-/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* $HOME/.jdks/* $HOME/.sdkman/candidates/java/*}
  # shellcheck disable=SC2086 # the globs are meant to expand
  parapet_roots=$(ls -d $parapet_globs 2>/dev/null | sort -rV)
  [ -z "$parapet_noglob" ] || set -f
  for candidate in $parapet_roots; do
    if parapet_is_jdk25 "$candidate"; then JAVA_HOME=$candidate; export JAVA_HOME; return 0; fi
  done
  echo "Parapet needs a JDK 25 or newer and found none (looked at JAVA_HOME, PATH and /usr/lib/jvm)." >&2
  echo "Install Temurin 25 (https://adoptium.net/installation/linux, Debian/Ubuntu package temurin-25-jdk)" >&2
  echo "or any OpenJDK 25 build, or set JAVA_HOME to one." >&2
  exit 1
}

parapet_find_jdk
