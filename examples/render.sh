#!/bin/sh
# Renders an SVG file to PNG with headless chromium, at twice the size the
# SVG asks for (sharp on high-density screens); with "dark", as a browser
# whose user prefers a dark colour scheme shows it.
# Usage: sh render.sh CHROMIUM FILE.svg FILE.png [dark]
chromium=$1 svg=$2 png=$3 scheme=
[ "$4" = dark ] && scheme=--force-dark-mode
# The size from the root element's width and height attributes.
size=$(sed -n '/<svg/{
s/.*<svg[^>]* width="\([0-9]*\)[^"]*"[^>]* height="\([0-9]*\)[^"]*".*/\1,\2/p
q
}' "$svg")
case $size in
[0-9]*,[0-9]*) ;;
*) size=800,600 ;;
esac
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
cp "$svg" "$tmp/chart.svg" || exit 2
# No network, no profile left behind, no sandbox (it needs a user namespace
# that containers and root often lack).
timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic \
	--no-first-run --disable-background-networking \
	--disable-component-update --disable-sync --hide-scrollbars \
	--user-data-dir="$tmp/profile" --force-device-scale-factor=2 $scheme \
	--window-size="$size" --screenshot="$tmp/chart.png" \
	"file://$tmp/chart.svg" >"$tmp/log" 2>&1
if [ ! -s "$tmp/chart.png" ]; then
	cat "$tmp/log" >&2
	echo "render.sh: chromium made no $png" >&2
	exit 2
fi
mv -f "$tmp/chart.png" "$png"
