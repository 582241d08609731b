#!/bin/sh
# Renders an SVG or HTML file to PNG with headless chromium, at twice the
# size (sharp on high-density screens): the size the SVG asks for, or the
# window size given as WIDTH,HEIGHT; with "dark", as a browser whose user
# prefers a dark colour scheme shows it.
# Usage: sh render.sh CHROMIUM FILE.svg|FILE.html FILE.png [WIDTH,HEIGHT] [dark]
chromium=$1 svg=$2 png=$3 size= scheme=
for a in "$4" "$5"; do
	case $a in
	dark) scheme=--force-dark-mode ;;
	?*,?*) size=$a ;;
	esac
done
# The size from the root element's width and height attributes.
[ -n "$size" ] || size=$(sed -n '/<svg/{
s/.*<svg[^>]* width="\([0-9]*\)[^"]*"[^>]* height="\([0-9]*\)[^"]*".*/\1,\2/p
q
}' "$svg")
case $size in
[0-9]*,[0-9]*) ;;
*) size=800,600 ;;
esac
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
page=$tmp/page.${svg##*.}
cp "$svg" "$page" || exit 2
# No network, no profile left behind, no sandbox (it needs a user namespace
# that containers and root often lack).
timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic \
	--no-first-run --disable-background-networking \
	--disable-component-update --disable-sync --hide-scrollbars \
	--user-data-dir="$tmp/profile" --force-device-scale-factor=2 $scheme \
	--window-size="$size" --screenshot="$tmp/chart.png" \
	"file://$page" >"$tmp/log" 2>&1
if [ ! -s "$tmp/chart.png" ]; then
	cat "$tmp/log" >&2
	echo "render.sh: chromium made no $png" >&2
	exit 2
fi
mv -f "$tmp/chart.png" "$png"
