#!/usr/bin/python3
"""standin_report.py DIR [SCENARIO...] [--no-escape] - write DIR/report.html, a stand-in
for the page servlab writes, so that tests/test_report_html.sh can be tried before (or
without) servlab's own page: REPORT_HTML_STANDIN=1 tests/test_report_html.sh.

The page is what the real one is asked to be (self-contained, UTF-8, A4 print CSS, no
script): each scenario's file name and leading comment, each CSV file of DIR as a
table, an inline SVG bar chart of the CSV's first numeric column, and each PNG as a
data: URI. --no-escape writes names, comments and cells without HTML escaping: the
escaping bug that tests/test_report_html.sh must catch.
"""

import base64
import csv
import glob
import html
import os
import sys


def main():
    args = [a for a in sys.argv[1:] if a != "--no-escape"]
    esc = (lambda s: s) if "--no-escape" in sys.argv else html.escape
    out, scenarios = args[0], args[1:]
    parts = []
    for path in scenarios:
        comment = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.startswith(";"):
                    break
                comment.append(line[1:].strip())
        parts.append("<h2>%s</h2>\n<p>%s</p>" % (esc(path), esc(" ".join(comment))))
    for path in sorted(glob.glob(os.path.join(out, "*.csv"))):
        with open(path, encoding="utf-8") as f:
            rows = list(csv.reader(f))
        if not rows:
            continue
        cells = lambda row, tag: "".join("<%s>%s</%s>" % (tag, esc(c), tag) for c in row)
        parts.append("<table><caption>%s</caption>\n<thead><tr>%s</tr></thead>\n<tbody>\n%s\n</tbody></table>" % (
            esc(os.path.basename(path)), cells(rows[0], "th"),
            "\n".join("<tr>%s</tr>" % cells(r, "td") for r in rows[1:200])))
        values = []
        for r in rows[1:30]:
            for c in r:
                try:
                    values.append(abs(float(c)))
                    break
                except ValueError:
                    continue
        if values:
            top = max(values) or 1
            bars = "".join('<rect x="%d" y="%.1f" width="8" height="%.1f" fill="#36c"/>' % (
                40 + 10 * i, 110 - 100 * v / top, 100 * v / top) for i, v in enumerate(values))
            parts.append('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="130" role="img">%s'
                         '<text x="40" y="125" font-size="11">%s 数值</text></svg>' % (
                             60 + 10 * len(values), bars, esc(os.path.basename(path))))
    for path in sorted(glob.glob(os.path.join(out, "*.png"))):
        with open(path, "rb") as f:
            data = base64.b64encode(f.read()).decode("ascii")
        parts.append('<p><img src="data:image/png;base64,%s" alt="%s" style="max-width:100%%"></p>' % (
            data, html.escape(os.path.basename(path), quote=True)))
    page = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>servlab report (stand-in)</title>
<style>
body { font-family: sans-serif; margin: 1em; }
table { border-collapse: collapse; font-size: 80%%; }
td, th { border: 1px solid #aaa; padding: 0 0.3em; }
@page { size: A4; margin: 12mm; }
@media print { table, svg, img { break-inside: avoid; } }
</style>
</head>
<body>
<h1>servlab report (stand-in: tests/html/standin_report.py)</h1>
%s
</body>
</html>
""" % "\n".join(parts)
    with open(os.path.join(out, "report.html"), "w", encoding="utf-8") as f:
        f.write(page)


if __name__ == "__main__":
    main()
