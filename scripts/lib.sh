# Shared by the scripts: find a JDK 25, build what is missing. Source it; do not run it.
# shellcheck shell=bash

JAVAWC_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The major version a JDK's release file names (JAVA_VERSION="25.0.1" -> 25), or nothing.
javawc_release_version() {
    local line
    [ -r "$1" ] || return 0
    while IFS= read -r line; do
        if [[ $line =~ ^JAVA_VERSION=\"([0-9]+) ]]; then echo "${BASH_REMATCH[1]}"; return 0; fi
    done <"$1"
}

# A JDK 25 or newer: $JAVA_HOME if it is one, else the default java's, else one under /usr/lib/jvm.
# The default java is looked up (a few processes, ~5 ms of scripts/compositor's timed start)
# only when JAVA_HOME is not one.
javawc_find_jdk() {
    local java candidate
    javawc_use_jdk "${JAVA_HOME:-}" && return 0
    java=$(command -v java 2>/dev/null) && java=$(readlink -f "$java") && javawc_use_jdk "${java%/*/*}" && return 0   # .../bin/java
    for candidate in /usr/lib/jvm/*; do
        javawc_use_jdk "$candidate" && return 0
    done
    echo "javawc needs a JDK 25 (found none in JAVA_HOME, on PATH or under /usr/lib/jvm)." >&2
    echo "Install one, e.g. Temurin 25 (package temurin-25-jdk from Adoptium's apt repository), or set JAVA_HOME." >&2
    return 1
}

# Exports JAVA_HOME=$1 when $1 is a JDK 25 or newer.
javawc_use_jdk() {
    local version
    [ -n "$1" ] && [ -x "$1/bin/javac" ] || return 1
    # the JDK's release file names its version without starting a JVM (about 100 ms per
    # candidate), read with bash alone: scripts/compositor's start is timed
    version=$(javawc_release_version "$1/release")
    [ -n "$version" ] || version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    [ -n "$version" ] && [ "${version%%.*}" -ge 25 ] 2>/dev/null || return 1
    export JAVA_HOME="$1"
}

# Quiet Maven's own warnings about its bundled libraries on new JDKs.
# (jansi.noreset: Debian's Maven 3.8 otherwise prints stray colour resets even in batch mode)
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow -Djansi.noreset=true"

javawc_mvn() {
    command -v mvn >/dev/null || { echo "Maven is missing: apt-get install maven" >&2; return 1; }
    (cd "$JAVAWC_ROOT" && mvn -B -q -Dstyle.color=never "$@")
}

# Whether the jars and runtime libraries are missing or older than a source file.
javawc_build_needed() {
    local stamp="$JAVAWC_ROOT/compositor/target/lib/javawc-protocol-0.1.0-SNAPSHOT.jar"
    [ ! -f "$stamp" ] || [ -n "$(find "$JAVAWC_ROOT" -path "$JAVAWC_ROOT/*/target" -prune -o \( -name '*.java' -o -name 'pom.xml' -o -name '*.xml' \) -newer "$stamp" -print -quit)" ]
}

# Builds the jars and runtime libraries unless they are newer than every source file.
javawc_build_if_needed() {
    local stamp="$JAVAWC_ROOT/compositor/target/lib/javawc-protocol-0.1.0-SNAPSHOT.jar"
    if javawc_build_needed; then
        echo "building javawc..." >&2
        javawc_mvn package -DskipTests >&2 || return 1
        touch "$stamp"   # copy-dependencies keeps an unchanged jar's old time: without this every later run would rebuild
    fi
}

# Installs Debian packages that are missing (needs root or sudo).
javawc_apt_install() {
    local missing=() p status name installed=" "
    # one dpkg-query for all of them, read by bash (scripts/compositor's start is timed)
    while read -r status name; do
        [ "$status" = ii ] && installed+="$name "
    done < <(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "$@" 2>/dev/null)
    for p in "$@"; do [[ $installed == *" $p "* ]] || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "installing Debian packages: ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
}

javawc_classpath() {
    echo "$JAVAWC_ROOT/compositor/target/classes:$JAVAWC_ROOT/compositor/target/lib/*"
}

# The compositor's class path as the AOT cache needs it: jars only (a cache is refused for a
# class path with directories), in a fixed order, the same at training and at every start.
javawc_jar_classpath() {
    local LC_ALL=C cp="$JAVAWC_ROOT/compositor/target/javawc-compositor-0.1.0-SNAPSHOT.jar" jar   # C: the glob's order is byte order
    for jar in "$JAVAWC_ROOT/compositor/target/lib/"*.jar; do [ -f "$jar" ] && cp="$cp:$jar"; done
    echo "$cp"
}

# The JVM flags for a long-running, latency-sensitive process with a small live set (the
# protocol state and a few surfaces' pixel copies, some of them big and short-lived):
#  - the Serial collector: no concurrent threads. A compositor's live set is a few MiB and its
#    young collections take a millisecond or two, far below a 16 ms frame; G1's refinement and
#    marking threads used ~0.04 ms of CPU per frame during animations (per thread, partial damage,
#    40 s in: 22.5 ms in 600 frames beside the event loop's 53). Unused heap goes back to the
#    system by a collection the compositor asks for when nothing has been drawn for 5 s
#    (IdleHeapTrim: the JVM cannot tell an idle compositor from a busy one that allocates little).
#  - -Xms16m / -Xmx1g: start small instead of 1/64 of RAM (hundreds of MiB resident for nothing);
#    the ceiling leaves room for several 4K surfaces' copies (33 MiB each).
#  - Min/MaxHeapFreeRatio 10/30: what the collector keeps committed beyond the live set.
#  - TrimNativeHeapInterval: glibc keeps what the compilers and the JVM freed; trimmed every 5 s
#    (after a burst of C2 compilation this was ~30 MiB resident).
#  - compact object headers (JDK 25): 8 bytes less per object.
#  - 64 MiB code cache is plenty for one program and keeps its reservation modest.
#  - start-up-only code compiled 20 times later: spinning classes (dynamic proxies for annotations,
#    lambda forms), reflection, reading jars, loading classes and the XML
#    parser run once or a few hundred times at start, where compiling them cost more CPU than it
#    saved (start: ~600 -> ~480 ms of CPU). Only these packages: delaying all JDK code the same
#    way took the start to ~340 ms but made the CPU per frame up to 2.8x and the 500 clients'
#    time 1.4x for the first minutes (methods called once a frame reach the thresholds that much
#    later). docs/BENCHMARKS.md has the figures.
#  - C1 only (TieredStopAtLevel=1), unless JAVAWC_JIT=tiered. A compositor's work is many short
#    paths, each run once per message, client or frame: with C2, a method called once a frame
#    needs thousands of calls before C2 takes it, and until then it ran as profiled C1 code (or
#    stayed at C1's counting tier for minutes when the AOT cache's training had profiled it but
#    not compiled it with C2), while C2 compiled on the same CPU in the middle of frames and
#    connections. C1 alone compiles each path within its first few dozen calls and is done.
#    scripts/bench, ours only, runs alternated (tiered -> C1): launch 280-340 -> 219-240 ms,
#    500 clients 24-33 -> 18-22 ms, round trip on a fresh compositor 9.9-10.7 -> 9.8-9.9 us,
#    resident after 20 s 69 -> 64 MiB; partial-damage CPU per frame over the 4 minutes after a
#    start, per 30 s, 0.16 -> 0.10 ms (C1) against 0.24 -> 0.13 ms (tiered).
#    What it costs: code that loops over pixels runs slower without C2, the software renderer's
#    blending of translucent windows by ~24% (scripts/bench-render, 1280x720 full damage with 6
#    translucent windows: 6.2 -> 7.7 ms a frame); copies of opaque rows are the same (bulk
#    copies). JAVAWC_JIT=tiered gives C2 back, for a software-rendered desktop of translucent
#    windows redrawn whole.
case "${JAVAWC_JIT:-c1}" in
    c1) javawc_jit=(-XX:TieredStopAtLevel=1) ;;
    tiered) javawc_jit=() ;;
    *) echo "JAVAWC_JIT must be c1 or tiered, not '$JAVAWC_JIT'" >&2; exit 2 ;;
esac
JAVAWC_JVM_FLAGS=(-XX:+UseSerialGC -Xms16m -Xmx1g -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30
                  -XX:TrimNativeHeapInterval=5000 -XX:+UseCompactObjectHeaders -XX:ReservedCodeCacheSize=64m
                  "${javawc_jit[@]}" -XX:CompileCommand=quiet)
for package in jdk.internal.classfile java.lang.classfile java.lang.invoke sun.invoke jdk.internal.constant java.lang.reflect sun.reflect jdk.internal.reflect \
               java.util.zip java.util.jar jdk.internal.jimage jdk.internal.loader jdk.internal.module com.sun.org.apache; do
    JAVAWC_JVM_FLAGS+=(-XX:CompileCommand=CompileThresholdScaling,"$package".*::*,20.0)
done
JAVAWC_JVM_FLAGS+=(-XX:CompileCommand=dontinline,javawc.server.EventLoop::run)
# The event loop's own loop (EventLoop.run) turns twice a frame: at the usual back-edge counts it
# ran interpreted for the first ten minutes (~2 % of the loop thread's CPU during animations).
JAVAWC_JVM_FLAGS+=(-XX:CompileCommand=CompileThresholdScaling,javawc.server.EventLoop::run,0.01)
# The compositor's own code (the frame path: commit, scene, damage, backends, renderers) compiled
# 5 times sooner: a frame's methods run 60 times a second, so at the usual thresholds they were
# still interpreted for the first seconds of frames (scripts/bench, 3 s warm-up: partial damage
# 0.20-0.21 -> 0.13 ms of CPU per frame with C2; launch unchanged at 311-313 ms).
JAVAWC_JVM_FLAGS+=(-XX:CompileCommand=CompileThresholdScaling,javawc.compositor.*::*,0.2)

# A directory holding JNA's native part (libjnidispatch.so) taken out of the JNA jar once, for
# -Djna.boot.library.path: otherwise JNA copies it out of its jar into a new temporary file at
# every start, and File.createTempFile's SecureRandom sets up the JDK's security providers, all
# before the first client (~20 ms of CPU). Prints nothing when it cannot be had (JNA then does
# as before).
javawc_jna_native_dir() {
    local dir="$JAVAWC_ROOT/compositor/target/jna" jar
    jar=$(echo "$JAVAWC_ROOT/compositor/target/lib/"jna-[0-9]*.jar)
    [ -f "$jar" ] || return 0
    if [ ! -f "$dir/libjnidispatch.so" ] || [ "$jar" -nt "$dir/libjnidispatch.so" ]; then
        rm -rf "$dir.tmp" && mkdir -p "$dir.tmp" &&
            (cd "$dir.tmp" && "$JAVA_HOME/bin/jar" xf "$jar" com/sun/jna/linux-x86-64/libjnidispatch.so) &&
            [ -f "$dir.tmp/com/sun/jna/linux-x86-64/libjnidispatch.so" ] || { rm -rf "$dir.tmp"; return 0; }
        mkdir -p "$dir" && mv "$dir.tmp/com/sun/jna/linux-x86-64/libjnidispatch.so" "$dir/" && touch "$dir/libjnidispatch.so"
        rm -rf "$dir.tmp"
    fi
    echo "$dir"
}

# The compositor's AOT cache (JDK 25: the classes loaded, linked and profiled by a training run,
# mapped at start instead of parsed again), made again when it is older than any jar it was made
# from. Training: a private headless compositor serves 1000 connections in a row (ConnectionBurst),
# then the demo client for 120 frames, and exits.
# Prints the cache's path, or nothing when it cannot be had (the compositor then starts without).
javawc_aot_cache() {
    # named after the flags too: a cache made with other heap or collector flags is refused
    local sum cache jar
    sum=$(echo "${JAVAWC_JVM_FLAGS[*]}" | cksum)
    cache="$JAVAWC_ROOT/compositor/target/javawc-${sum%% *}.aot"
    local jars=("$JAVAWC_ROOT/compositor/target/javawc-compositor-0.1.0-SNAPSHOT.jar" "$JAVAWC_ROOT/compositor/target/lib/"*.jar)
    if [ -f "$cache" ]; then
        local stale=false
        for jar in "${jars[@]}"; do [ "$jar" -nt "$cache" ] && stale=true && break; done
        $stale || { echo "$cache"; return 0; }
    fi
    echo "training the compositor's start-up cache (once per build, a few seconds)..." >&2
    local dir
    dir=$(mktemp -d /tmp/javawc-aot.XXXXXX)
    chmod 700 "$dir"
    # 1000 clients that connect, read the registry and leave, then the demo: profiles of the path
    # that serves a new client are in the cache too (the first 3500 clients after a start took
    # ~32 ms per 500 without them, ~21 ms with them; warm: ~17 ms)
    local client=(sh -c '"$@" javawc.clients.ConnectionBurst 1000 && exec "$@" javawc.clients.DemoShm --frames 120' sh
                  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Djavawc.log.level=warn
                  -cp "$JAVAWC_ROOT/clients/target/javawc-clients-0.1.0-SNAPSHOT.jar:$JAVAWC_ROOT/clients/target/lib/*")
    local jna
    jna=$(javawc_jna_native_dir)   # trained as scripts/compositor starts
    if XDG_RUNTIME_DIR="$dir" "$JAVA_HOME/bin/java" "${JAVAWC_JVM_FLAGS[@]}" ${jna:+-Djna.boot.library.path="$jna"} -XX:AOTCacheOutput="$dir/javawc.aot" \
           -Xlog:aot=warning,cds=warning --enable-native-access=ALL-UNNAMED \
           -cp "$(javawc_jar_classpath)" javawc.compositor.Main --backend headless --socket javawc-aot -- "${client[@]}" \
           >"$dir/out" 2>&1 && [ -s "$dir/javawc.aot" ]; then
        mv "$dir/javawc.aot" "$cache"   # atomically: a start running meanwhile sees the old cache or the new one
        rm -rf "$dir"
        echo "$cache"
    else
        echo "no start-up cache: the training run failed (log kept in $dir/out)" >&2
    fi
}
