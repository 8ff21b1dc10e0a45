#!/usr/bin/env bash
# Makes the application icons (committed; run again only to change them). Needs ImageMagick and fonts-wqy-microhei.
set -euo pipefail
cd "$(dirname "$0")"
font=$(fc-match -f '%{file}' 'WenQuanYi Micro Hei')
make() { # name background glyph
  convert -size 256x256 xc:none -fill "$2" -draw "roundrectangle 8,8 248,248 40,40" \
    -fill white -draw "roundrectangle 40,170 216,186 6,6" \
    -font "$font" -pointsize 150 -fill white -gravity center -annotate +0-18 "$3" "$1.png"
  convert "$1.png" -define icon:auto-resize=256,64,48,32,16 "$1.ico"
}
make idcheck '#1f5fa8' '核'
make idcheck-technician '#c2571a' '技'
