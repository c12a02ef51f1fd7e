# svg_label_room.awk - every point label of the charts in a page (plots/chart.c draws
# them at font size 21 in a page's SVG, 1280 units wide: its least label size, that of
# the axes' numbers) stays clear of the frame's inward major ticks, 17 units long: prints
# each label that does not and exits 1 if any. A label is a text of that size whose
# anchor lies inside the frame (the axes' numbers lie outside it): meant for the charts
# whose texts of that size inside the frame are labels and quadrant names (the class
# chart, the importance-performance matrix), not for a curve's markers drawn as "•".
# The frame is read off the grid lines (#D7D7D7); a label's width is estimated as 13.6
# units a narrow character, 21 a Chinese one (3 bytes of UTF-8; run under LC_ALL=C).
# Usage: LC_ALL=C awk -f tests/svg_label_room.awk report.html
function check(   i, n, parts, x, y, w, left, right) {
    for (i = 1; i <= nl; i++) {
        if (ly[i] < top || ly[i] > bottom || lx[i] < x0 || lx[i] > x1) continue # outside the frame: not a label
        w = lw[i]
        left = la[i] == "start" ? lx[i] : la[i] == "end" ? lx[i] - w : lx[i] - w / 2
        right = left + w
        if (left < x0 + 17 || right > x1 - 17) {
            printf "label \"%s\" spans x %.0f to %.0f; the frame's ticks end at %.0f and %.0f\n", lt[i], left, right, x0 + 17, x1 - 17
            bad = 1
        }
    }
    nl = 0
}
/<svg/ { x0 = 1e9; x1 = -1e9; top = 1e9; bottom = -1e9; nl = 0 }
/<polyline[^>]*#D7D7D7/ {
    s = $0; sub(/.*points="/, "", s); sub(/".*/, "", s)
    split(s, pt, /[ ,]/)
    if (pt[2] == pt[4]) { if (pt[1] < x0) x0 = pt[1]; if (pt[3] > x1) x1 = pt[3] }
    if (pt[1] == pt[3]) { top = pt[2] < pt[4] ? pt[2] : pt[4]; bottom = pt[2] < pt[4] ? pt[4] : pt[2] }
}
/<text[^>]*font-size="21"/ {
    s = $0; m = s; sub(/.*matrix\(/, "", m); sub(/\).*/, "", m); split(m, mt, / /)
    a = s; sub(/.*text-anchor="/, "", a); sub(/".*/, "", a)
    t = s; sub(/.*<tspan[^>]*>/, "", t); sub(/<\/tspan>.*/, "", t)
    wide = t; gsub(/[\200-\377]/, "", wide)
    nl++; lx[nl] = mt[5]; ly[nl] = mt[6]; la[nl] = a; lt[nl] = t
    lw[nl] = 13.6 * length(wide) + 21 * (length(t) - length(wide)) / 3
}
/<\/svg>/ { check() }
END { exit bad }
