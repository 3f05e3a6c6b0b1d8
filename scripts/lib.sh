# Shared by the scripts: find a JDK 25, build what is missing. Source it; do not run it.
# shellcheck shell=bash

JAVAWC_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# A JDK 25 or newer: $JAVA_HOME if it is one, else the default java, else one under /usr/lib/jvm.
javawc_find_jdk() {
    local candidate version
    for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" /usr/lib/jvm/*; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
        # the JDK's release file names its version without starting a JVM (about 100 ms per candidate)
        version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$candidate/release" 2>/dev/null)
        [ -n "$version" ] || version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
        if [ -n "$version" ] && [ "${version%%.*}" -ge 25 ] 2>/dev/null; then
            export JAVA_HOME="$candidate"
            return 0
        fi
    done
    echo "javawc needs a JDK 25 (found none in JAVA_HOME, on PATH or under /usr/lib/jvm)." >&2
    echo "Install one, e.g. Temurin 25 (package temurin-25-jdk from Adoptium's apt repository), or set JAVA_HOME." >&2
    return 1
}

# Quiet Maven's own warnings about its bundled libraries on new JDKs.
# (jansi.noreset: Debian's Maven 3.8 otherwise prints stray colour resets even in batch mode)
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow -Djansi.noreset=true"

javawc_mvn() {
    command -v mvn >/dev/null || { echo "Maven is missing: apt-get install maven" >&2; return 1; }
    (cd "$JAVAWC_ROOT" && mvn -B -q -Dstyle.color=never "$@")
}

# Builds the jars and runtime libraries unless they are newer than every source file.
javawc_build_if_needed() {
    local stamp="$JAVAWC_ROOT/compositor/target/lib/javawc-protocol-0.1.0-SNAPSHOT.jar"
    if [ ! -f "$stamp" ] || [ -n "$(find "$JAVAWC_ROOT" -path "$JAVAWC_ROOT/*/target" -prune -o \( -name '*.java' -o -name 'pom.xml' -o -name '*.xml' \) -newer "$stamp" -print -quit)" ]; then
        echo "building javawc..." >&2
        javawc_mvn package -DskipTests >&2 || return 1
        touch "$stamp"   # copy-dependencies keeps an unchanged jar's old time: without this every later run would rebuild
    fi
}

# Installs Debian packages that are missing (needs root or sudo).
javawc_apt_install() {
    local missing=() p
    for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "installing Debian packages: ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
}

javawc_classpath() {
    echo "$JAVAWC_ROOT/compositor/target/classes:$JAVAWC_ROOT/compositor/target/lib/*"
}
