#!/usr/bin/python3
"""html_check.py PAGE.html [--shots PREFIX [--shot-at SELECTOR]] [--min-svg N] [--text FILE] [--fit [WIDTH]] - prove that a self-contained
HTML page (servlab's report.html) works in a real browser.

Drives Debian's headless chromium over the DevTools protocol on a pipe
(--remote-debugging-pipe: JSON messages ending in NUL on file descriptors 3 and 4, so
no port, no websocket library; the standard library only) and prints one line per
check, "ok   NAME: detail" or "FAIL NAME: detail"; exit status 1 if any check failed,
2 if the checker could not run (no such page, no chromium, no tidy, the browser did
not answer). The checks:

  utf-8       the file is UTF-8 and declares <meta charset="utf-8">
  tidy        `tidy -q -e` reports no error (its warnings are printed, not failed)
  html5       the WHATWG parser (python3-html5lib) reports no parse error
  load        the page fires its load event within the time limit
  console     no console.error/assert, no uncaught exception, no Log entry of level
              error (failed loads, blocked content, ...), no failed request
  network     no request other than the page itself and data: URIs: an http(s), ws,
              ftp or other file: request fails the check and is refused before it
              leaves (Fetch domain), and every host resolves to nothing anyway
  script      no <script> element, no on* event attribute, no javascript: URL
  dialog      no JavaScript dialog (alert, confirm, prompt, beforeunload) opened
  svg         every <svg> has a rendered width and height > 0 (at least --min-svg)
  columns     in every note (class "note": the terminal's text, tables aligned by
              counting a Chinese character as two columns), each Latin character
              sits at its column, within 1.5 pixels
  img         every <img> has loaded (naturalWidth > 0)
  figures     at 800, 1280 and 1920 px wide: every "±" shown outside a chart sits where
              lines do not break (white-space nowrap or pre) and on the line of the
              figure or word after it and of the figure before it; each span.nb
              (cli/html.h's html_figures) and, in a headline, each short group in
              parentheses that holds a figure ("(seed 15)") stays on one line; each
              chart's subtitle, in the chart or as the paragraph under it, is shown at
              12 px or more; a headline of two lines or more does not end in a
              word on its own; a table's column head (th) breaks only between
              words, after a '-', '/' or '_', or before a parenthesis, never inside
              a word (与最优之差 / （配对）, not inside 配对)
  chart-text  at 800, 1280 and 1920 px wide: every text of an inline <svg> that is shown
              and holds a letter or digit (not a marker such as "●"), the subtitle
              aside (figures checks it), is rendered at least 12 px tall, and 16 px at
              1920 (as projected: a chart's labels shrink with the chart), and no two
              such texts of a chart overlap
  fit         (with --fit) at 1280 px wide (--fit WIDTH: at WIDTH px, e.g. 800: a
              small projector, half a laptop's screen), the page and every scrolling
              box (class "wide": a table; class "note": the terminal's text; class
              "ftree": a flow diagram; a pre: the class server's lines of a refused
              scenario) fit without a horizontal scrollbar, as
              projected, a ranking's file name (td.file) breaks only at its
              <wbr>s, never inside a part of the name, and each of its changed
              keys (span.key: "processing_servers = 2;") stays on one line
  flow        (with --fit, for each flow diagram, div.flow: the supply chain) at
              the --fit width, 720 px tall: every box (.fbox) on whole pixels (its
              left, width, height, and its top from the diagram's), no box's figures
              (.fl) cut by its width, every text at least 12 px; with --flow-max PX,
              the diagram (title to note) at most PX tall; it says which boxes' names
              are broken into lines (not a failure: a long one may be)
  shots       PREFIX-1280x720.png, PREFIX-1920x1080.png and PREFIX-full.png (the
              whole page at 1280 wide) written; with --fit WIDTH, PREFIX-WIDTHx720.png
              too; with --shot-at SELECTOR, PREFIX-at-1280x800.png (and with --fit
              WIDTH, PREFIX-at-WIDTHx720.png): the first element it matches (e.g.
              div.flow, the supply chain) at the window's top
  print       Page.printToPDF with preferCSSPageSize writes PREFIX.pdf whose every
              page's MediaBox is A4 (595 x 842 pt, within 2 pt)

--text FILE writes the text a reader sees (the title, the body's innerText and every
<svg>'s text), so that a test can look for what the page shows rather than how the
HTML spells it.

Every browser step is bounded (--timeout seconds, default 120: a bound against a hang,
roomy enough for chromium starting on a busy machine); chromium is killed at
the end whatever happened and its temporary profile removed. As root, chromium runs
with --no-sandbox (it refuses to start otherwise).
"""

import argparse
import base64
import fcntl
import json
import math
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
A4_PT = (595.28, 841.89)
A4_TOLERANCE_PT = 2.0


class BrowserError(Exception):
    """The browser did not do what was asked in time; the checker cannot go on."""


class Results:
    """One line per check; remembers whether any failed."""

    def __init__(self):
        self.failed = 0
        self.passed = 0

    def check(self, name, good, detail):
        print("%s %s: %s" % ("ok  " if good else "FAIL", name, detail), flush=True)
        if good:
            self.passed += 1
        else:
            self.failed += 1
        return good

    def note(self, text):
        print("     " + text, flush=True)


class Browser:
    """Headless chromium driven over --remote-debugging-pipe."""

    def __init__(self, chromium, timeout):
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="html_check.")
        self.next_id = 0
        self.buffer = b""
        self.events = []  # (method, params) of every event received, in order
        self.session = None
        self.on_event = None  # called for each event as it arrives
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        # The child's ends move above 4 first, so that putting them on 3 and 4 in the
        # child (dup2, which also makes them inheritable) cannot overwrite one with
        # the other. Every other descriptor Python opens is close-on-exec already.
        to_child_r, from_child_w = [self._above(fd, 5) for fd in (to_child_r, from_child_w)]

        def on_3_and_4():
            os.dup2(to_child_r, 3)
            os.dup2(from_child_w, 4)

        args = [
            chromium,
            "--headless",
            "--remote-debugging-pipe",
            "--user-data-dir=" + self.profile,
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-default-apps",
            "--disable-sync",
            "--disable-extensions",
            "--disable-features=MediaRouter,OptimizationHints,Translate",
            "--metrics-recording-only",
            "--mute-audio",
            "--disable-gpu",
            "--hide-scrollbars",
            # Belt and braces: should a request slip past the Fetch domain, no host
            # name resolves, so nothing leaves the machine.
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--force-color-profile=srgb",
            "--font-render-hinting=none",
            "about:blank",
        ]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")  # chromium refuses to run as root otherwise
        self.log = open(os.path.join(self.profile, "chromium.log"), "wb")
        self.proc = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=self.log,
            close_fds=False,
            preexec_fn=on_3_and_4,
            start_new_session=True,  # its own process group, killed as a whole
        )
        os.close(to_child_r)
        os.close(from_child_w)

    @staticmethod
    def _above(fd, lowest):
        """FD moved to a close-on-exec descriptor numbered LOWEST or more."""
        moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, lowest)
        os.close(fd)
        return moved

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("no answer from chromium within %g s" % self.timeout)
            ready, _, _ = select.select([self.from_child], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.from_child, 1 << 20)
            if not chunk:
                raise BrowserError("chromium closed its DevTools pipe (exit status %s); it said:\n%s" %
                                   (self.proc.poll(), self.log_tail()))
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw.decode("utf-8"))

    def log_tail(self):
        """The last lines chromium printed, indented."""
        self.log.flush()
        try:
            with open(self.log.name, "rb") as f:
                lines = f.read().decode("utf-8", "replace").splitlines()[-8:]
        except OSError:
            return ""
        return "\n".join("     " + line for line in lines)

    def _dispatch(self, message):
        if "method" in message:
            self.events.append((message["method"], message.get("params", {})))
            if self.on_event:
                self.on_event(message["method"], message.get("params", {}), message.get("sessionId"))

    def send(self, method, params=None, session=True, timeout=None):
        """Send one command and wait for its answer, handling events meanwhile."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        data = json.dumps(message).encode("utf-8") + b"\0"
        deadline = time.monotonic() + (timeout or self.timeout)
        while data:
            _, ready, _ = select.select([], [self.to_child], [], max(0, deadline - time.monotonic()))
            if not ready:
                raise BrowserError("chromium does not read its DevTools pipe")
            data = data[os.write(self.to_child, data) :]
        while True:
            answer = self._read_message(deadline)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise BrowserError("%s: %s" % (method, answer["error"].get("message")))
                return answer.get("result", {})
            self._dispatch(answer)

    def send_nowait(self, method, params):
        """Send a command whose answer is not awaited (from inside an event handler)."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params, "sessionId": self.session}
        os.write(self.to_child, json.dumps(message).encode("utf-8") + b"\0")

    def wait_for(self, method, timeout=None):
        """Wait until an event METHOD arrives (or has arrived); return its params."""
        deadline = time.monotonic() + (timeout or self.timeout)
        seen = len(self.events)
        for name, params in self.events:
            if name == method:
                return params
        while True:
            self._dispatch(self._read_message(deadline))
            for name, params in self.events[seen:]:
                if name == method:
                    return params
            seen = len(self.events)

    def drain(self, seconds):
        """Handle the events that arrive within SECONDS."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                self._dispatch(self._read_message(deadline))
        except BrowserError as e:
            if "no answer" not in str(e):
                raise

    def close(self):
        try:
            if self.proc.poll() is None:
                self.send("Browser.close", session=False, timeout=5)
                self.proc.wait(timeout=5)
        except (BrowserError, OSError, subprocess.TimeoutExpired):
            pass
        finally:
            # The whole process group (renderer, GPU and zygote processes too), whether
            # or not the browser process has exited.
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            self.proc.wait()
            for fd in (self.to_child, self.from_child):
                try:
                    os.close(fd)
                except OSError:
                    pass
            self.log.close()
            shutil.rmtree(self.profile, ignore_errors=True)


def find_chromium():
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def check_source(page, results):
    """The file itself: encoding, tidy, the HTML5 parser."""
    raw = open(page, "rb").read()
    try:
        text = raw.decode("utf-8")
        charset = re.search(r"<meta\s+charset\s*=\s*[\"']?utf-8", text, re.I) is not None
        results.check("utf-8", charset, "valid UTF-8, " + ("declares" if charset else "does not declare") + ' <meta charset="utf-8">')
    except UnicodeDecodeError as e:
        results.check("utf-8", False, "not UTF-8: " + str(e))

    # tidy 5.6 knows HTML5 and inline SVG (svg, text, rect, path, g, ... draw no
    # complaint); its exit status is 0 clean, 1 warnings only, 2 errors.
    tidy = subprocess.run(["tidy", "-q", "-e", page], capture_output=True, text=True, timeout=60)
    lines = [l for l in tidy.stderr.splitlines() if l.strip()]
    errors = [l for l in lines if " - Error: " in l]
    warnings = [l for l in lines if " - Warning: " in l]
    results.check("tidy", tidy.returncode < 2 and not errors,
                  "tidy -q -e: %d error(s), %d warning(s) (exit status %d)" % (len(errors), len(warnings), tidy.returncode))
    for line in errors + ["warning: " + w for w in warnings[:20]]:
        results.note(line)
    if len(warnings) > 20:
        results.note("... and %d more warnings" % (len(warnings) - 20))

    # tidy lets some broken markup through silently (a bare "<" in text, for one);
    # the WHATWG parsing algorithm names every parse error.
    try:
        import html5lib
    except ImportError:
        results.check("html5", False, "python3-html5lib is not installed (Debian: apt-get install python3-html5lib)")
        return
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(raw)
    results.check("html5", not parser.errors, "%d parse error(s) (html5lib, the WHATWG algorithm)" % len(parser.errors))
    for (line, col), code, data in parser.errors[:20]:
        results.note("line %d column %d: %s %s" % (line, col, code, data or ""))


# Evaluated in the page once it has loaded: what the DOM holds.
DOM_PROBE = r"""
(async () => {
  await document.fonts.ready;
  const box = e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; };
  const label = e => (e.id ? '#' + e.id : '') + ' "' + (e.textContent || '').trim().slice(0, 40) + '"';
  const handlers = [], jsurls = [];
  for (const e of document.querySelectorAll('*')) {
    for (const a of e.attributes) {
      if (/^on/i.test(a.name)) handlers.push(e.localName + ' ' + a.name);
      if (/^\s*javascript:/i.test(a.value)) jsurls.push(e.localName + ' ' + a.name);
    }
  }
  // columns: in every .note (the terminal's text, whose tables count a Chinese character
  // as two columns), each visible Latin character must sit at its column: the note's
  // left edge plus its column times the width of one Latin character. Wide characters
  // are those of the East Asian wide and full-width blocks (lang_width's wcwidth 2).
  const wide = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;
  const columns = {notes: 0, checked: 0, off: []};
  const latin = [];  // [x from the note's left edge, column, line so far, unit] of each visible Latin character
  for (const note of document.querySelectorAll('.note')) {
    columns.notes++;
    const style = getComputedStyle(note), rect = note.getBoundingClientRect();
    const left = rect.left + note.clientLeft + parseFloat(style.paddingLeft) - note.scrollLeft;
    const walker = document.createTreeWalker(note, NodeFilter.SHOW_TEXT);
    let column = 0, line = '';
    // the unit: the advance of a Latin '0' in the note's font (CSS ch), unrounded
    // (a glyph box's width is rounded; over 100 columns that adds up)
    const measure = document.createElement('canvas').getContext('2d');
    measure.font = style.font;
    const unit = measure.measureText('0'.repeat(100)).width / 100;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '\n') { column = 0; line = ''; continue; }
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        const box = r.getBoundingClientRect();
        if (!wide.test(c) && c !== ' ') latin.push([box.left - left, column, line + c, unit]);
        column += wide.test(c) ? 2 : 1;
        line += c;
      }
    }
  }
  for (const [x, col, text, unit] of latin) {
    columns.checked++;
    const expected = col * unit;
    if (Math.abs(x - expected) > 1.5)
      columns.off.push(columns.off.length >= 5 ? '' : '"' + text.slice(-40) + '": column ' + col + ' at ' +
                       x.toFixed(1) + ' px from the left edge, expected ' + expected.toFixed(1));
  }
  return {
    columns,
    title: document.title,
    text: document.title + '\n' + (document.body ? document.body.innerText : '') + '\n' +
          [...document.getElementsByTagName('svg')].map(e => e.textContent).join('\n'),
    scripts: document.getElementsByTagName('script').length,
    handlers, jsurls,
    svgs: [...document.getElementsByTagName('svg')].map((e, i) => ({i, size: box(e), label: label(e),
            texts: e.getElementsByTagName('text').length})),
    imgs: [...document.images].map((e, i) => ({i, natural: e.naturalWidth, complete: e.complete,
            src: (e.getAttribute('src') || '').slice(0, 50)})),
  };
})()
"""


# Evaluated at the width --fit asks for: the page, and each box that scrolls sideways
# (.wide, .note), no wider than its view, each ranking's file name broken only at its <wbr>s and
# each of its changed keys whole; a list of what fails, each box with its headings' widths.
FIT_PROBE = r"""
(() => {
  const label = e => (e.id ? '#' + e.id : '') + ' "' + (e.textContent || '').trim().slice(0, 40) + '"';
  const fit = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) fit.push('the page: ' + root.scrollWidth + ' px in ' + root.clientWidth);
  for (const e of document.querySelectorAll('.wide, .note, .ftree, pre'))
    if (e.scrollWidth > e.clientWidth + 1) {
      const heads = [...e.querySelectorAll('th')].map(h => '"' + h.textContent.trim().slice(0, 20) + '" ' +
                                                          Math.round(h.getBoundingClientRect().width));
      fit.push(label(e).slice(0, 30) + ': ' + e.scrollWidth + ' px in ' + e.clientWidth + ' (' + heads.join(', ') + ')');
    }
  // a file name in a ranking's file column breaks only where html_name allows it (its
  // <wbr>s, between text nodes): a text node without spaces stays on one line
  for (const td of document.querySelectorAll('td.file'))
    for (const w = document.createTreeWalker(td, NodeFilter.SHOW_TEXT); w.nextNode();) {
      const t = w.currentNode;
      if (!t.data.trim() || /\s/.test(t.data.trim())) continue;
      const r = document.createRange();
      r.selectNodeContents(t);
      const lines = new Set([...r.getClientRects()].map(b => Math.round(b.top)));
      if (lines.size > 1) fit.push('td.file "' + td.textContent.trim().slice(0, 40) + '": "' + t.data + '" breaks inside, on ' +
                                   lines.size + ' lines');
    }
  // a ranking's changed key ("processing_servers = 2;", span.key) is read whole, on one line
  for (const k of document.querySelectorAll('table.ranking span.key')) {
    const r = document.createRange();
    r.selectNodeContents(k);
    const lines = new Set([...r.getClientRects()].filter(b => b.width > 0).map(b => Math.round(b.top)));
    if (lines.size > 1) fit.push('span.key "' + k.textContent.trim().slice(0, 40) + '" breaks inside, on ' + lines.size + ' lines');
    // nor cut short where the keys have a line of their own (their box not held to a width):
    // in the 14em column of a wide page a long key ends in an ellipsis, as it is meant to
    const box = k.closest('div.keys');
    if (box && getComputedStyle(box).maxWidth === 'none' && k.scrollWidth > k.clientWidth + 1)
      fit.push('span.key "' + k.textContent.trim().slice(0, 40) + '" is cut: ' + k.scrollWidth + ' px in ' + k.clientWidth);
  }
  return fit;
})()
"""


# Evaluated at the --fit width, 720 px tall: each flow diagram (cli/html.c's html_flow, the
# supply chain) as projected there: its height (title to note; the figure's, with its
# caption), each box's edges on whole pixels (its left, width and height, and its top from
# the diagram's: a border between two pixels is drawn blurred), its figures not cut, and
# the smallest text in it.
FLOW_PROBE = r"""
(() => {
  const flows = [];
  for (const f of document.querySelectorAll('div.flow')) {
    const tree = f.querySelector('.ftree'), t0 = tree ? tree.getBoundingClientRect().top : 0;
    const fig = f.closest('figure') || f, off = [];
    let boxes = 0, smallest = 1e9;
    for (const b of f.querySelectorAll('.fbox')) {
      const r = b.getBoundingClientRect();
      boxes++;
      const edges = [r.left, r.width, r.height, r.top - t0];
      if (edges.some(x => Math.abs(x - Math.round(x)) > 0.01))
        off.push('"' + b.textContent.trim().slice(0, 24) + '" left ' + r.left + ', width ' + r.width + ', height ' +
                 r.height + ', top ' + (r.top - t0));
    }
    // a box's figures (.fl hides what overflows it: the dot before a figure that starts a
    // line) shown whole: none wider than the box
    for (const l of f.querySelectorAll('.fl'))
      if (getComputedStyle(l).overflowX !== 'visible' && l.scrollWidth > l.clientWidth + 1)
        off.push('"' + l.textContent.trim().slice(0, 24) + '" cut: ' + l.scrollWidth + ' px in ' + l.clientWidth);
    // a box's name broken into lines (cli/html.c's flow_node: a short one never is)
    const broken = [];
    for (const b of f.querySelectorAll('.fbox > b')) {
      const range = document.createRange();
      range.selectNodeContents(b);
      if (new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size > 1)
        broken.push('"' + b.textContent + '"');
    }
    for (const e of f.querySelectorAll('*'))
      if ([...e.childNodes].some(n => n.nodeType === 3 && n.data.trim()) && e.getClientRects().length)
        smallest = Math.min(smallest, parseFloat(getComputedStyle(e).fontSize));
    flows.push({height: f.getBoundingClientRect().height, figure: fig.getBoundingClientRect().height, boxes, off, smallest,
                broken});
  }
  return flows;
})()
"""
MIN_FLOW_TEXT_PX = 12

# --shot-at SELECTOR: the window scrolled to put the first element it matches 8 px below
# the window's top; true when there is one.
SHOT_AT_PROBE = r"""
((sel) => {
  const e = document.querySelector(sel);
  if (!e) return false;
  window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 8);
  return true;
})(%s)
"""

# Evaluated at each of FIGURE_WIDTHS: a figure and its interval read on one line, and a
# chart's subtitle large enough to read; a list of what fails. Every "±" shown outside a
# chart (<svg> text never wraps) must be where lines do not break (white-space nowrap or
# pre: a span.nb of cli/html.h's html_figures, a nowrap cell, a note), and on the line of
# the figure or word after it and of the figure before it ("1178.70 ± 9.04", within one
# text node: a table's "± h" may go under its mean as a block of its own). Each span.nb,
# and in a headline each short group in parentheses that holds a figure ("(seed 15)"),
# stays on one line. A chart's subtitle (plots/chart.c's <text class="subtitle">), or the
# paragraph that stands for it under the chart on a narrow screen, is at least
# MIN_SUBTITLE_PX tall. A headline of two lines or more ends in more than one word.
FIGURE_WIDTHS = (800, 1280, 1920)
MIN_SUBTITLE_PX = 12
FIGURE_PROBE = r"""
((minPx) => {
  const bad = [];
  let signs = 0, groups = 0, subtitles = 0;
  const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const box = (t, i) => { const r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + 1); return r.getBoundingClientRect(); };
  const below = (a, b) => b.top >= a.bottom - 1; // b on a later line than a
  const around = (t, i) => '"' + t.data.slice(Math.max(0, i - 12), i + 12).replace(/\s+/g, ' ') + '"';
  for (const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); w.nextNode();) {
    const t = w.currentNode, el = t.parentElement;
    if (!el || el.closest('svg') || !shown(el)) continue;
    for (let i = t.data.indexOf('\u00b1'); i >= 0; i = t.data.indexOf('\u00b1', i + 1)) {
      signs++;
      const ws = getComputedStyle(el).whiteSpace;
      if (ws !== 'nowrap' && ws !== 'pre') bad.push(around(t, i) + ': the \u00b1 may break from its figure (white-space: ' + ws + ', not nowrap)');
      const sign = box(t, i);
      const after = t.data.slice(i + 1).search(/\S/);
      if (after >= 0 && below(sign, box(t, i + 1 + after)))
        bad.push(around(t, i) + ': what follows the \u00b1 starts the next line');
      const before = /[0-9%] +$/.exec(t.data.slice(0, i));
      if (before && below(box(t, before.index), sign))
        bad.push(around(t, i) + ': the \u00b1 starts a line below its figure');
    }
  }
  for (const e of document.querySelectorAll('span.nb')) {
    if (!shown(e)) continue;
    groups++;
    const r = document.createRange();
    r.selectNodeContents(e);
    const rects = [...r.getClientRects()].filter(b => b.width > 0);
    if (rects.some(b => below(rects[0], b))) bad.push('span.nb "' + e.textContent.slice(0, 30) + '" breaks inside');
  }
  for (const h of document.querySelectorAll('.headline'))
    for (const w = document.createTreeWalker(h, NodeFilter.SHOW_TEXT); w.nextNode();) {
      const t = w.currentNode;
      for (const m of t.data.matchAll(/[(\uff08][^()\uff08\uff09\n]{1,20}[)\uff09]/g)) {
        if (!/[0-9]/.test(m[0])) continue;
        groups++;
        if (below(box(t, m.index), box(t, m.index + m[0].length - 1))) bad.push('headline: "' + m[0] + '" breaks inside');
      }
    }
  // a table's column head breaks only between words, after a '-', '/' or '_' (its <wbr>s)
  // or before a parenthesis: "against the best" / "(paired)", 与最优之差 / （配对）, never
  // inside a word or between two Chinese characters of one
  for (const th of document.querySelectorAll('th')) {
    if (!shown(th)) continue;
    for (const w = document.createTreeWalker(th, NodeFilter.SHOW_TEXT); w.nextNode();) {
      const t = w.currentNode, chars = [...t.data];
      if (!t.parentElement || !shown(t.parentElement)) continue;
      let at = 0, prev = null;
      for (let k = 0; k < chars.length; at += chars[k].length, k++) {
        if (/\s/.test(chars[k])) { prev = null; continue; }
        const b = box(t, at);
        if (b.width === 0) continue;
        if (prev && below(prev.b, b) && !/[-\/_]/.test(prev.c) && !/[(\uff08]/.test(chars[k]))
          bad.push('th "' + th.textContent.trim().slice(0, 40) + '" breaks between "' + prev.c + '" and "' + chars[k] + '"');
        prev = {b, c: chars[k]};
      }
    }
  }
  // a headline of two lines or more does not end in one word of its own ("a" / "day"):
  // Latin words only (Chinese breaks between characters); cli/html.c balances its lines
  for (const h of document.querySelectorAll('.headline')) {
    const words = [];
    for (const w = document.createTreeWalker(h, NodeFilter.SHOW_TEXT); w.nextNode();) {
      const t = w.currentNode;
      if (t.parentElement.closest('small')) continue;
      for (const m of t.data.matchAll(/\S+/g)) {
        const r = document.createRange();
        r.setStart(t, m.index), r.setEnd(t, m.index + m[0].length);
        const b = [...r.getClientRects()].filter(x => x.width > 0);
        if (b.length) words.push({text: m[0], top: b[b.length - 1].top});
      }
    }
    if (!shown(h) || words.length < 2) continue;
    const last = words[words.length - 1], onLast = words.filter(x => Math.abs(x.top - last.top) < 2);
    if (words[0].top < last.top - 2 && onLast.length === 1 && /^[A-Za-z]+[.,;:!?]?$/.test(last.text))
      bad.push('headline: "' + last.text + '" stands alone on its last line');
  }
  for (const f of document.querySelectorAll('figure')) {
    const svgText = f.querySelector('svg text.subtitle'), para = f.querySelector('p.subtitle');
    let px = null, what = '';
    if (svgText && shown(svgText)) {
      const m = svgText.getScreenCTM();
      px = parseFloat(getComputedStyle(svgText).fontSize) * Math.hypot(m.b, m.d), what = 'in the chart';
    } else if (para && shown(para)) {
      px = parseFloat(getComputedStyle(para).fontSize), what = 'under the chart';
    } else if (svgText) {
      bad.push('figure "' + svgText.textContent.slice(0, 30) + '": its subtitle is shown nowhere');
    }
    if (px === null) continue;
    subtitles++;
    if (px < minPx) bad.push('subtitle ' + what + ' "' + (svgText || para).textContent.slice(0, 30) + '": ' + px.toFixed(1) + ' px');
  }
  return {bad, signs, groups, subtitles};
})
"""


# Evaluated at each of FIGURE_WIDTHS with the least size in px there: the text drawn in
# each inline <svg> (a chart's labels, ticks, quadrant names, ...) as tall as it is
# rendered (its font size times the chart's scale on the screen), read as a projector
# shows it; a list of what fails. A text counts when it is shown and holds a letter or a
# digit (a marker "●" or "◆" drawn as a glyph does not); the subtitle is the figures
# check's. Two texts of one chart overlap when their boxes share more than 2 px across
# and a third of the smaller one's height.
MIN_CHART_TEXT_PX = {800: 12, 1280: 12, 1920: 16}
CHART_TEXT_PROBE = r"""
((minPx) => {
  const bad = [];
  let texts = 0, smallest = Infinity;
  const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden' &&
                     getComputedStyle(e).display !== 'none';
  const say = t => '"' + t.textContent.trim().replace(/\s+/g, ' ').slice(0, 40) + '"';
  document.querySelectorAll('svg').forEach((svg, n) => {
    const boxes = [];
    for (const t of svg.querySelectorAll('text')) {
      if (t.classList.contains('subtitle') || !/[\p{L}\p{N}]/u.test(t.textContent) || !shown(t)) continue;
      texts++;
      const m = t.getScreenCTM();
      const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.b, m.d);
      smallest = Math.min(smallest, px);
      if (px < minPx - 0.05) bad.push('chart ' + (n + 1) + ' ' + say(t) + ': ' + px.toFixed(1) + ' px');
      boxes.push([t, t.getBoundingClientRect()]);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i][1], b = boxes[j][1];
        const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (across > 2 && down > Math.min(a.height, b.height) / 3)
          bad.push('chart ' + (n + 1) + ' ' + say(boxes[i][0]) + ' overlaps ' + say(boxes[j][0]));
      }
  });
  return {bad, texts, smallest: texts ? smallest : 0};
})
"""


def pdf_page_sizes(pdf):
    """Every page's MediaBox [x0 y0 x1 y1] as (width, height) in points. Chromium's
    (Skia's) PDF keeps page dictionaries uncompressed, so a search finds them all."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", pdf)
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    sizes = [(float(x1) - float(x0), float(y1) - float(y0)) for x0, y0, x1, y1 in boxes]
    return sizes, pages


def check_in_browser(page, chromium, shots, min_svg, timeout, text_file, results, fit=None, flow_max=None, shot_at=None):
    url = "file://" + os.path.abspath(page)
    browser = Browser(chromium, timeout)
    problems = []  # console and load errors, in order
    requests = []  # URLs the page asked for beyond itself and data:
    dialogs = []
    urls = {}  # request id -> URL, to name a failed load

    def on_event(method, p, session):
        if method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            args = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
            problems.append("console.%s: %s" % (p["type"], args))
        elif method == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            problems.append("uncaught exception: %s" % d.get("exception", {}).get("description", d.get("text")))
        elif method == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            e = p["entry"]
            problems.append("log (%s): %s %s" % (e.get("source"), e.get("text"), e.get("url", "")))
        elif method == "Network.loadingFailed" and not p.get("canceled"):
            problems.append("failed load: %s (%s)" % (urls.get(p.get("requestId"), "?"), p.get("errorText")))
        elif method == "Network.requestWillBeSent":
            u = p.get("request", {}).get("url", "")
            urls[p.get("requestId")] = u[:100]
            if u != url and not u.startswith("data:"):
                requests.append(u)
        elif method == "Network.webSocketCreated":
            requests.append(p.get("url", "websocket"))
        elif method == "Fetch.requestPaused":
            u = p.get("request", {}).get("url", "")
            if u == url or u.startswith("data:"):
                browser.send_nowait("Fetch.continueRequest", {"requestId": p["requestId"]})
            else:
                if u not in requests:
                    requests.append(u)
                browser.send_nowait("Fetch.failRequest", {"requestId": p["requestId"], "errorReason": "BlockedByClient"})
        elif method == "Page.javascriptDialogOpening":
            dialogs.append("%s: %s" % (p.get("type"), p.get("message")))
            browser.send_nowait("Page.handleJavaScriptDialog", {"accept": False})

    browser.on_event = on_event
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"}, session=False)
        attached = browser.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}, session=False)
        browser.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            browser.send(domain + ".enable")
        browser.send("Fetch.enable", {"patterns": [{"urlPattern": "*"}]})
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": False})
        nav = browser.send("Page.navigate", {"url": url})
        if nav.get("errorText"):
            results.check("load", False, "%s: %s" % (url, nav["errorText"]))
            return
        start = time.monotonic()
        browser.wait_for("Page.loadEventFired")
        results.check("load", True, "%s loaded in %.2f s" % (page, time.monotonic() - start))

        probe = browser.send("Runtime.evaluate", {"expression": DOM_PROBE, "awaitPromise": True, "returnByValue": True})
        if "exceptionDetails" in probe:
            raise BrowserError("the DOM probe failed: %s" % probe["exceptionDetails"].get("text"))
        dom = probe["result"]["value"]
        browser.drain(0.5)  # late console messages, timers firing a dialog
        if text_file:
            with open(text_file, "w", encoding="utf-8") as f:
                f.write(dom["text"] + "\n")

        svgs = dom["svgs"]
        bad_svg = [s for s in svgs if not (s["size"][0] > 0 and s["size"][1] > 0)]
        results.check("svg", not bad_svg and len(svgs) >= min_svg,
                      "%d <svg> (%d with <text>), %d with no rendered size%s" %
                      (len(svgs), sum(1 for s in svgs if s["texts"]), len(bad_svg),
                       "; fewer than %d" % min_svg if len(svgs) < min_svg else ""))
        for s in bad_svg:
            results.note("svg %d %s: %g x %g" % (s["i"], s["label"], s["size"][0], s["size"][1]))
        cols = dom["columns"]
        off = cols["off"]
        results.check("columns", not off, "%d Latin character(s) in %d note(s), %d off their terminal column" %
                      (cols["checked"], cols["notes"], len(off)))
        for o in [o for o in off if o]:
            results.note("columns: " + o)
        figures = []
        for w in FIGURE_WIDTHS:
            browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": w, "height": 720, "deviceScaleFactor": 1, "mobile": False})
            got = browser.send("Runtime.evaluate", {"expression": "(%s)(%d)" % (FIGURE_PROBE, MIN_SUBTITLE_PX),
                                                    "returnByValue": True})
            if "exceptionDetails" in got:
                raise BrowserError("the figure probe failed: %s" % got["exceptionDetails"].get("text"))
            got = got["result"]["value"]
            charts = browser.send("Runtime.evaluate", {"expression": "(%s)(%d)" % (CHART_TEXT_PROBE, MIN_CHART_TEXT_PX[w]),
                                                       "returnByValue": True})
            if "exceptionDetails" in charts:
                raise BrowserError("the chart text probe failed: %s" % charts["exceptionDetails"].get("text"))
            got["charts"] = charts["result"]["value"]
            figures.append((w, got))
        failed = [(w, b) for w, got in figures for b in got["bad"]]
        w, last = figures[-1]
        results.check("figures", not failed,
                      "at %s px: %d \u00b1 each on the line of its figure, where lines do not break; %d group(s) kept "
                      "whole; %d chart subtitle(s) at least %d px" %
                      (", ".join(str(w) for w, _ in figures), last["signs"], last["groups"], last["subtitles"],
                       MIN_SUBTITLE_PX))
        for w, b in failed[:20]:
            results.note("figures at %d px: %s" % (w, b))
        failed = [(w, b) for w, got in figures for b in got["charts"]["bad"]]
        results.check("chart-text", not failed,
                      "%d chart text(s) at least %s px; the smallest %s px" %
                      (last["charts"]["texts"], ", ".join("%d at %d" % (MIN_CHART_TEXT_PX[w], w) for w, _ in figures),
                       ", ".join("%.1f at %d" % (got["charts"]["smallest"], w) for w, got in figures)))
        for w, b in failed[:30]:
            results.note("chart-text at %d px: %s" % (w, b))
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": False})
        if fit:
            browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": fit, "height": 720, "deviceScaleFactor": 1, "mobile": False})
            wider = browser.send("Runtime.evaluate", {"expression": FIT_PROBE, "returnByValue": True})
            if "exceptionDetails" in wider:
                raise BrowserError("the fit probe failed: %s" % wider["exceptionDetails"].get("text"))
            wider = wider["result"]["value"]
            results.check("fit", not wider, "%d box(es) wider than their view, file name(s) broken inside a part or key(s) broken at %d px%s" %
                          (len(wider), fit, ": " + "; ".join(wider) if wider else ""))
            flows = browser.send("Runtime.evaluate", {"expression": FLOW_PROBE, "returnByValue": True})
            if "exceptionDetails" in flows:
                raise BrowserError("the flow probe failed: %s" % flows["exceptionDetails"].get("text"))
            for i, f in enumerate(flows["result"]["value"]):
                tall = flow_max is not None and f["height"] > flow_max
                results.check("flow", not tall and not f["off"] and f["smallest"] >= MIN_FLOW_TEXT_PX,
                              "diagram %d at %dx720: %.0f px tall (%.0f with its caption)%s; %d box(es), %d off whole "
                              "pixels or cut; smallest text %.1f px (at least %d); %d name(s) broken%s" %
                              (i + 1, fit, f["height"], f["figure"], ", at most %d" % flow_max if flow_max is not None else "",
                               f["boxes"], len(f["off"]), f["smallest"], MIN_FLOW_TEXT_PX, len(f["broken"]),
                               ": " + ", ".join(f["broken"][:6]) if f["broken"] else ""))
                for o in f["off"][:10]:
                    results.note("flow: " + o)
        bad_img = [i for i in dom["imgs"] if not i["natural"]]
        results.check("img", not bad_img, "%d <img>, %d not loaded" % (len(dom["imgs"]), len(bad_img)))
        for i in bad_img:
            results.note("img %d src=%s" % (i["i"], i["src"]))

        # Screenshots: the viewport at two sizes, then the whole page at 1280 wide.
        if shots:
            written = []
            views = ((1280, 720), (1920, 1080)) + (((fit, 720),) if fit and fit not in (1280, 1920) else ())
            for w, h in views:
                browser.send("Emulation.setDeviceMetricsOverride",
                             {"width": w, "height": h, "deviceScaleFactor": 1, "mobile": False})
                shot = browser.send("Page.captureScreenshot", {"format": "png"})
                name = "%s-%dx%d.png" % (shots, w, h)
                with open(name, "wb") as f:
                    f.write(base64.b64decode(shot["data"]))
                written.append(name)
            # with --shot-at: the first element SELECTOR matches at the top of a window of
            # 1280 x 800 (a laptop) and of the --fit width x 720
            for w, h in ((1280, 800),) + (((fit, 720),) if shot_at and fit and fit != 1280 else ()) if shot_at else ():
                browser.send("Emulation.setDeviceMetricsOverride",
                             {"width": w, "height": h, "deviceScaleFactor": 1, "mobile": False})
                found = browser.send("Runtime.evaluate", {"expression": SHOT_AT_PROBE % json.dumps(shot_at),
                                                          "returnByValue": True})["result"].get("value")
                if not found:
                    results.check("shots", False, "--shot-at %s: no such element" % shot_at)
                    break
                shot = browser.send("Page.captureScreenshot", {"format": "png"})
                name = "%s-at-%dx%d.png" % (shots, w, h)
                with open(name, "wb") as f:
                    f.write(base64.b64decode(shot["data"]))
                written.append(name)
            browser.send("Runtime.evaluate", {"expression": "window.scrollTo(0, 0)"})
            browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": False})
            size = browser.send("Page.getLayoutMetrics")["cssContentSize"]
            height = min(math.ceil(size["height"]), 16000)  # a bound on a runaway page
            shot = browser.send("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": 1280, "height": height, "scale": 1}})
            name = "%s-full.png" % shots
            with open(name, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
            written.append(name)
            sizes = [os.path.getsize(n) for n in written]
            results.check("shots", all(s > 0 for s in sizes),
                          ", ".join("%s (%d bytes)" % (os.path.basename(n), s) for n, s in zip(written, sizes)) +
                          "; full page 1280 x %d" % height)

        # Print: the page's own @page size must give A4 (without it chromium prints Letter).
        pdf = base64.b64decode(browser.send("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True},
                                            timeout=timeout * 2)["data"])
        if shots:
            with open(shots + ".pdf", "wb") as f:
                f.write(pdf)
        sizes, pages = pdf_page_sizes(pdf)
        a4 = [abs(w - A4_PT[0]) <= A4_TOLERANCE_PT and abs(h - A4_PT[1]) <= A4_TOLERANCE_PT for w, h in sizes]
        shown = sorted(set("%.1f x %.1f" % s for s in sizes))
        results.check("print", bool(sizes) and all(a4) and len(sizes) >= pages,
                      "%d page(s), MediaBox %s pt (A4 is 595.3 x 841.9)%s" %
                      (pages, ", ".join(shown) or "not found", "; wrote %s.pdf" % shots if shots else ""))

        browser.drain(0.2)
        results.check("console", not problems, "%d console error(s), exception(s) or failed load(s)" % len(problems))
        for p in problems[:20]:
            results.note(p)
        results.check("network", not requests, "%d request(s) beyond the page and data: URIs" % len(requests))
        for u in requests[:20]:
            results.note("request: " + u)
        results.check("script", not dom["scripts"] and not dom["handlers"] and not dom["jsurls"],
                      "%d <script>, %d on* attribute(s), %d javascript: URL(s)" %
                      (dom["scripts"], len(dom["handlers"]), len(dom["jsurls"])))
        for h in (dom["handlers"] + dom["jsurls"])[:10]:
            results.note(h)
        results.check("dialog", not dialogs, "%d JavaScript dialog(s)" % len(dialogs))
        for d in dialogs:
            results.note(d)
    finally:
        browser.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("page")
    ap.add_argument("--shots", metavar="PREFIX", help="write PREFIX-WxH.png, PREFIX-full.png and PREFIX.pdf")
    ap.add_argument("--min-svg", type=int, default=0, metavar="N", help="fail with fewer than N <svg> elements")
    ap.add_argument("--fit", type=int, nargs="?", const=1280, metavar="WIDTH",
                    help="fail when the page is wider than WIDTH px (1280: a projector)")
    ap.add_argument("--flow-max", type=int, metavar="PX",
                    help="with --fit: fail a flow diagram taller than PX at the --fit width, 720 px tall")
    ap.add_argument("--shot-at", metavar="SELECTOR",
                    help="with --shots: also PREFIX-at-1280x800.png (and PREFIX-at-WIDTHx720.png with --fit WIDTH), "
                         "the first element SELECTOR matches at the window's top")
    ap.add_argument("--text", metavar="FILE", help="write the text a reader sees (title, body, SVG text) to FILE")
    ap.add_argument("--timeout", type=float, default=120, metavar="SECONDS", help="bound on each browser step (120)")
    a = ap.parse_args()
    if not os.path.isfile(a.page):
        print("html_check: %s: no such file" % a.page, file=sys.stderr)
        return 2
    chromium = find_chromium()
    if not chromium:
        print("html_check: chromium not found (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    if not shutil.which("tidy"):
        print("html_check: tidy not found (Debian: apt-get install tidy)", file=sys.stderr)
        return 2
    if a.shots and os.path.dirname(a.shots):
        os.makedirs(os.path.dirname(a.shots), exist_ok=True)
    results = Results()
    check_source(a.page, results)
    try:
        check_in_browser(a.page, chromium, a.shots, a.min_svg, a.timeout, a.text, results, a.fit, a.flow_max, a.shot_at)
    except BrowserError as e:
        results.check("browser", False, str(e))
        print("html_check: %s: %d passed, %d failed" % (a.page, results.passed, results.failed))
        return 2
    print("html_check: %s: %d passed, %d failed" % (a.page, results.passed, results.failed))
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
