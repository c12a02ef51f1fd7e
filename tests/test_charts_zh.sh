#!/bin/sh
# test_charts_zh.sh - Chinese in charts (plots/chart.c): titles, labels and file names
# drawn in a CJK font, not as boxes, in PNG, SVG and PDF; English charts untouched.
#
# How a box is told from a glyph: each chart is drawn twice, once as servlab draws it
# and once with fontconfig told to reject every font that covers Chinese
# (FONTCONFIG_FILE): a machine with no CJK font, where every Chinese character is a box. A Chinese
# chart must differ from its boxes twin (it would not if servlab drew boxes too); an
# English chart must not (the CJK font changes nothing in it, and the differences come
# from the Chinese characters alone). A PDF names its fonts: the Chinese one must embed
# a CJK font and its boxes twin must not. The same command draws the same PNG whatever
# LANG says (the font is named in plots/chart.c, not left to fontconfig's locale).
cd "$(dirname "$0")/.." || exit 1
. tests/check.sh
if ! command -v fc-match > /dev/null 2>&1 || ! fc-list :lang=zh 2> /dev/null | grep -q .; then
    echo "test_charts_zh: skipped: no CJK font, so charts draw Chinese as boxes (Debian: apt-get install fonts-wqy-microhei, or make deps)"
    check_done test_charts_zh
    exit 0
fi
unset PLPLOT_FREETYPE_SANS_FAMILY LC_ALL LC_MESSAGES
export LANG=C

# the machine without a CJK font: the system's fontconfig setup (the same rendering
# settings), with every font that covers Chinese rejected
cat > "$T/boxes.conf" << EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="no">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><pattern><patelt name="lang"><string>zh-cn</string></patelt></pattern></rejectfont></selectfont>
</fontconfig>
EOF
cjk=$(FONTCONFIG_FILE="$T/boxes.conf" fc-list :lang=zh 2> /dev/null)
ok "charts-zh-0 the boxes font set has no CJK font" $([ -z "$cjk" ]; echo $?) "$cjk"

# two students' files, named in Chinese, that draw different curves
mkdir -p "$T/zh" "$T/en"
cp scenarios/default.ini "$T/zh/张伟.ini"
sed 's/^orders_per_day *=.*/orders_per_day = 45/' scenarios/default.ini > "$T/zh/李娜_第二版.ini"
cp scenarios/default.ini "$T/en/zhang.ini"
cp "$T/zh/李娜_第二版.ini" "$T/en/li.ini"

# draw LANGUAGE DIR FILE [ENV...]: the compare chart of DIR's two files into FILE
draw() {
    lang=$1 dir=$2 file=$3
    shift 3
    (cd "$T/$dir" && env "$@" "$servlab" compare ./*.ini --lang "$lang" --reps 2 --steps 4 --quiet \
        --plot "$T/$file" > /dev/null 2> "$T/$file.err")
}
servlab=$(cd "$(dirname "$S")" && pwd)/$(basename "$S")
for f in png svg pdf; do
    draw zh zh "zh.$f"
    draw zh zh "zh-boxes.$f" FONTCONFIG_FILE="$T/boxes.conf"
    draw en en "en.$f"
    draw en en "en-boxes.$f" FONTCONFIG_FILE="$T/boxes.conf"
    for c in "zh.$f" "zh-boxes.$f" "en.$f" "en-boxes.$f"; do
        ok "charts-zh-0 drew $c" $([ -s "$T/$c" ]; echo $?) "$(cat "$T/$c.err")"
    done
done
for f in png svg; do
    ok "charts-zh-1 the Chinese $f is drawn in a CJK font: it differs from its boxes twin" \
        $(! cmp -s "$T/zh.$f" "$T/zh-boxes.$f"; echo $?)
    ok "charts-zh-2 the English $f is the same with or without a CJK font" \
        $(cmp -s "$T/en.$f" "$T/en-boxes.$f"; echo $?)
done
fonts() { grep -a -o '/FontName */[A-Z]*+[A-Za-z0-9-]*' "$1" | sed 's/.*+//' | sort -u | tr '\n' ' '; }
ok "charts-zh-3 the Chinese pdf embeds a CJK font" \
    $(fonts "$T/zh.pdf" | grep -q -E 'WenQuanYi|NotoSansCJK|NotoSerifCJK|Droid|AR PL|UKai|UMing'; echo $?) \
    "fonts: $(fonts "$T/zh.pdf")"
ok "charts-zh-4 the boxes twin of the Chinese pdf embeds none (the check above can fail)" \
    $(! fonts "$T/zh-boxes.pdf" | grep -q -E 'WenQuanYi|NotoSansCJK'; echo $?) "fonts: $(fonts "$T/zh-boxes.pdf")"
ok "charts-zh-5 the English pdf embeds no CJK font" \
    $(! fonts "$T/en.pdf" | grep -q -E 'WenQuanYi|NotoSansCJK'; echo $?) "fonts: $(fonts "$T/en.pdf")"

# the font is servlab's choice, not the locale's: under LANG=zh_CN.UTF-8 fontconfig
# would pick the CJK font's Latin letters for "sans" and draw another PNG
draw zh zh zh-lang.png LANG=zh_CN.UTF-8
ok "charts-zh-6 the Chinese png is the same under LANG=C and LANG=zh_CN.UTF-8" \
    $(cmp -s "$T/zh.png" "$T/zh-lang.png"; echo $?)
draw en en en-lang.png LANG=zh_CN.UTF-8
ok "charts-zh-7 the English png is the same under LANG=C and LANG=zh_CN.UTF-8" \
    $(cmp -s "$T/en.png" "$T/en-lang.png"; echo $?)

# a font the user names is kept
draw zh zh zh-user.png PLPLOT_FREETYPE_SANS_FAMILY="WenQuanYi Micro Hei"
ok "charts-zh-8 PLPLOT_FREETYPE_SANS_FAMILY set by the user is honoured" \
    $(! cmp -s "$T/zh.png" "$T/zh-user.png"; echo $?)
check_done test_charts_zh
