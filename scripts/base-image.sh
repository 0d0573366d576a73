#!/usr/bin/env bash
# Builds the container image's base without a Docker daemon or a registry: a Java 17 runtime made
# by jlink from this machine's JDK, the shared libraries it needs (copied from this machine), a
# non-root user and /tmp, as a docker-archive tarball that Jib takes as its base image
# (tar://target/base-image.tar). Where a registry is reachable, Jib's default base
# (eclipse-temurin:17-jre) is the simpler choice: mvn jib:buildTar -Djib.from.image=eclipse-temurin:17-jre
#
#   scripts/base-image.sh                  # writes target/base-image.tar
#   mvn -B -DskipTests package jib:buildTar   # writes target/pulse-image.tar on that base
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/target/base-image.tar"
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fs="$work/rootfs"
mkdir -p "$fs/opt" "$fs/tmp" "$fs/etc" "$fs/app"
chmod 1777 "$fs/tmp"

# the modules Pulse uses (jdeps over the classes and libraries would say the same, slower)
"$jdk/bin/jlink" --module-path "$jdk/jmods" \
  --add-modules java.se,jdk.unsupported,jdk.httpserver,jdk.crypto.ec,jdk.zipfs,jdk.management,jdk.net,jdk.naming.dns,jdk.localedata \
  --include-locales en --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$fs/opt/java"
# Debian's JDK links its CA certificates to /etc/ssl: keep the file itself
if [ -L "$jdk/lib/security/cacerts" ]; then
  rm -f "$fs/opt/java/lib/security/cacerts"
  cp -L "$jdk/lib/security/cacerts" "$fs/opt/java/lib/security/cacerts"
fi

# the shared libraries of the runtime, from this machine, at the same paths
find "$fs/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 |
  xargs -0 ldd 2>/dev/null | grep -o '/[^ ]*\.so[^ ]*' | sort -u |
  while read -r lib; do
    [ -e "$lib" ] || continue
    mkdir -p "$fs$(dirname "$lib")"
    cp -L "$lib" "$fs$lib"
  done
# the loader (ldd prints it without =>)
for ld in /lib64/ld-linux-x86-64.so.2 /lib/x86_64-linux-gnu/ld-linux-x86-64.so.2; do
  if [ -e "$ld" ]; then mkdir -p "$fs$(dirname "$ld")"; cp -L "$ld" "$fs$ld"; fi
done
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' >"$fs/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' >"$fs/etc/group"
printf 'hosts: files dns\n' >"$fs/etc/nsswitch.conf"

# docker-archive: one layer, its config, the manifest
(cd "$fs" && tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2026-01-01' -cf "$work/layer.tar" .)
diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
cat >"$work/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/opt/java/bin:/usr/local/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],"User":"65532"},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]}}
JSON
printf '[{"Config":"config.json","RepoTags":["pulse-base:17"],"Layers":["layer.tar"]}]' >"$work/manifest.json"
mkdir -p "$(dirname "$out")"
(cd "$work" && tar -cf "$out" manifest.json config.json layer.tar)
echo "base image: $out ($(du -h "$out" | cut -f1)), $("$fs/opt/java/bin/java" -version 2>&1 | head -1)"
