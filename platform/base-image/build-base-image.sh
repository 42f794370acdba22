#!/usr/bin/env bash
# Assembles the runtime base image of the platform's service images, without a container registry or
# a Docker engine, as a docker-save tarball that Jib reads as its base ("tar://…").
#
#   build-base-image.sh OUTPUT_DIR JAVA_HOME IMAGE_NAME
#
# One layer holds:
#   /opt/java         a Java runtime linked with jlink from JAVA_HOME's jmods (the JDK that runs the build)
#   Debian packages   listed in debian-packages.txt, fetched with `apt-get download` and unpacked with
#                     `dpkg-deb -x` (the C and C++ runtime libraries the JVM links against, zlib, the
#                     C.UTF-8 locale, bash)
#   /etc/passwd …     root and the unprivileged user app (uid/gid 10001), /tmp, /app
#   http-ok           the HTTP check docker-compose's healthchecks call
#   /var/lib/dpkg/status.d/<package>   the unpacked packages' control data, for image scanners
#
# The layer is written with fixed modification times, owners and entry order, so the same JDK and the
# same package versions give the same layer and image digest on every machine. Writes, in OUTPUT_DIR:
#   base-image.tar        the image (docker-save format: manifest.json, config, one uncompressed layer)
#   base-image.digest     sha256 of the layer and of the config (the image id)
#   base-image.cdx.json   CycloneDX SBOM of the layer: the Debian packages and the Java runtime
set -euo pipefail
umask 022
export LC_ALL=C

out_dir=${1:?output directory}
java_home=${2:?JAVA_HOME of the JDK to link the runtime from}
image_name=${3:?image name, e.g. competency/base-runtime:17}
here=$(cd "$(dirname "$0")" && pwd)
work="$out_dir/base-image-work"
rootfs="$work/rootfs"
epoch=0
created=1970-01-01T00:00:00Z

# Modules the services and the gateway use (jdeps over their class paths) plus those loaded only as
# services or by name: TLS elliptic curves, JNDI DNS (mongodb+srv), charsets, zip file systems, SASL and
# Kerberos login modules (Kafka, MongoDB), JFR over JMX, and jcmd for diagnostics in a running container.
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,\
java.net.http,java.prefs,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.xml,\
jdk.charsets,jdk.crypto.ec,jdk.httpserver,jdk.jcmd,jdk.jfr,jdk.management,jdk.management.jfr,\
jdk.naming.dns,jdk.net,jdk.security.auth,jdk.unsupported,jdk.zipfs

fail() { echo "build-base-image: $*" >&2; exit 1; }
[ -d "$java_home/jmods" ] || fail "$java_home has no jmods/: jlink needs a JDK with jmods (on Debian: openjdk-17-jdk-headless)"
command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null || fail "needs apt-get and dpkg-deb (Debian or Ubuntu)"

rm -rf "$work"
mkdir -p "$rootfs" "$work/debs"

# 1. Java runtime.
"$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$rootfs/opt/java"
java_version=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$java_home/release")
[ -n "$java_version" ] || java_version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$java_home/release")
jdk_package=$(dpkg-query -S "$(readlink -f "$java_home/jmods/java.base.jmod")" 2>/dev/null | cut -d: -f1 || true)
jdk_package_version=
[ -n "$jdk_package" ] && jdk_package_version=$(dpkg-query -W -f='${Version}' "$jdk_package")

# 2. Debian packages: names, optionally pinned as name=version (see README.md).
mapfile -t packages < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$here/debian-packages.txt")
if ! (cd "$work/debs" && apt-get download -q -o APT::Sandbox::User=root "${packages[@]}" >/dev/null); then
  fail "apt-get download failed: refresh the package lists with 'apt-get update' (as root) and build again"
fi
mkdir -p "$rootfs/var/lib/dpkg/status.d"
: > "$work/packages.tsv"
for deb in "$work"/debs/*.deb; do
  dpkg-deb -x "$deb" "$rootfs"
  name=$(dpkg-deb -f "$deb" Package)
  dpkg-deb -f "$deb" > "$rootfs/var/lib/dpkg/status.d/$name"
  printf '%s\t%s\t%s\n' "$name" "$(dpkg-deb -f "$deb" Version)" "$(dpkg-deb -f "$deb" Architecture)" >> "$work/packages.tsv"
done
sort -o "$work/packages.tsv" "$work/packages.tsv"

# Documentation other than copyright notices, translations, man pages and debugger scripts are dead weight.
find "$rootfs/usr/share/doc" -mindepth 2 ! -name copyright ! -type d -delete
rm -rf "$rootfs/usr/share/man" "$rootfs/usr/share/info" "$rootfs/usr/share/locale" \
  "$rootfs/usr/share/lintian" "$rootfs/usr/share/gdb" "$rootfs/usr/lib/x86_64-linux-gnu/gconv"

# 3. Users, directories and the healthcheck script.
cat > "$rootfs/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/usr/sbin/nologin
app:x:10001:10001:app:/app:/usr/sbin/nologin
PASSWD
cat > "$rootfs/etc/group" <<'GROUP'
root:x:0:
app:x:10001:
GROUP
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$rootfs/etc/nsswitch.conf"
mkdir -p "$rootfs/tmp" "$rootfs/app" "$rootfs/root" "$rootfs/usr/local/bin"
# No setuid/setgid programs and nothing writable but /tmp (base-files makes /var/local and /var/mail setgid, group-writable).
find "$rootfs" -perm /6000 ! -type l -exec chmod ug-s {} +
find "$rootfs" -perm /0022 ! -type l -exec chmod go-w {} +
chmod 1777 "$rootfs/tmp"
chmod 0700 "$rootfs/root"
# The image has no /usr/bin/env: call bash directly.
sed '1s|^#!.*|#!/bin/bash|' "$here/../docker/http-ok.sh" > "$rootfs/usr/local/bin/http-ok"
chmod 0755 "$rootfs/usr/local/bin/http-ok"

# 4. The layer: sorted entries, fixed times, root ownership, no variable PAX header names.
(cd "$rootfs" && tar --create --file "$work/layer.tar" --sort=name --format=posix \
  --pax-option='exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime' \
  --mtime="@$epoch" --owner=0 --group=0 --numeric-owner -- *)
layer_sha=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)

# 5. Image config and docker-save manifest.
package_label=$(awk -F'\t' '{printf "%s%s=%s", (NR>1?" ":""), $1, $2}' "$work/packages.tsv")
cat > "$work/config.json" <<CONFIG
{"architecture":"amd64","os":"linux","created":"$created","config":{"User":"10001:10001","Env":["PATH=/opt/java/bin:/usr/local/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8","JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"],"WorkingDir":"/app","Labels":{"dev.competency.base.java":"$java_version","dev.competency.base.packages":"$package_label"}},"rootfs":{"type":"layers","diff_ids":["sha256:$layer_sha"]},"history":[{"created":"$created","created_by":"platform/base-image/build-base-image.sh","comment":"Java $java_version (jlink), Debian packages, user app (10001)"}]}
CONFIG
config_sha=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mkdir -p "$work/image/$layer_sha"
mv "$work/layer.tar" "$work/image/$layer_sha/layer.tar"
mv "$work/config.json" "$work/image/$config_sha.json"
printf '[{"Config":"%s.json","RepoTags":["%s"],"Layers":["%s/layer.tar"]}]\n' \
  "$config_sha" "$image_name" "$layer_sha" > "$work/image/manifest.json"
(cd "$work/image" && tar --create --file "$out_dir/base-image.tar" --sort=name --format=posix \
  --pax-option='exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime' \
  --mtime="@$epoch" --owner=0 --group=0 --numeric-owner -- *)
printf 'layer sha256:%s\nimage sha256:%s\n' "$layer_sha" "$config_sha" > "$out_dir/base-image.digest"

# 6. SBOM of the layer.
{
  printf '{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,'
  printf '"metadata":{"component":{"type":"container","name":"%s","version":"sha256:%s"}},"components":[' \
    "${image_name%%:*}" "$config_sha"
  if [ -n "$jdk_package" ]; then
    printf '{"type":"platform","name":"%s","version":"%s","purl":"pkg:deb/debian/%s@%s?arch=amd64",' \
      "$jdk_package" "$jdk_package_version" "$jdk_package" "$(printf '%s' "$jdk_package_version" | sed 's/+/%2B/g')"
  else
    printf '{"type":"platform","name":"java-runtime","version":"%s",' "$java_version"
  fi
  printf '"description":"Java runtime %s linked with jlink: %s"}' "$java_version" "$modules"
  while IFS=$'\t' read -r name version arch; do
    printf ',{"type":"library","name":"%s","version":"%s","purl":"pkg:deb/debian/%s@%s?arch=%s"}' \
      "$name" "$version" "$name" "$(printf '%s' "$version" | sed 's/+/%2B/g')" "$arch"
  done < "$work/packages.tsv"
  printf ']}\n'
} > "$out_dir/base-image.cdx.json"

rm -rf "$work"
echo "base image $image_name: sha256:$config_sha ($(du -h "$out_dir/base-image.tar" | cut -f1))"
