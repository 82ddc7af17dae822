"""The html report in a real headless Chromium: the graph and table exist after the JS ran.

Skipped when Chromium is absent, unless CI is set (CI installs it): then it fails.
"""

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from linkaudit.report import RenderOptions, graph, render

from .scans import sample
from .test_graph import dense

pytestmark = pytest.mark.browser

CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]  # fmt: skip


def _chromium() -> str:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("chromium is required in CI for the browser test")
    pytest.skip("chromium is not installed")


def _run(browser: str, tmp: Path, *args: str) -> str:
    profile = tmp / "profile"
    command = [browser, *FLAGS, f"--user-data-dir={profile}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture
def page(tmp_path: Path) -> Path:
    out = render(sample(), "html", RenderOptions(lang="zh"))
    assert isinstance(out, str)
    path = tmp_path / "report.html"
    path.write_text(out, encoding="utf-8")
    return path


def test_dom_after_scripts_has_graph_and_sortable_table(page: Path, tmp_path: Path) -> None:
    dom = _run(_chromium(), tmp_path, "--dump-dom", page.as_uri())
    assert '<svg class="graph"' in dom
    assert dom.count('<g class="node ') == len(sample().accounts)
    assert dom.count('<tr class="link-row">') == len(sample().links)
    assert "js-sortable" in dom  # added by the inline script: it ran without errors
    assert '<html lang="zh-CN">' in dom


def test_screenshot_is_a_real_picture(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    _run(_chromium(), tmp_path, f"--screenshot={shot}", "--window-size=1400,2000", page.as_uri())
    assert _png_size(shot) == (1400, 2000)
    assert shot.stat().st_size > 50_000  # a blank page compresses to a few kB


def test_clicking_a_heading_sorts_the_ranked_table(page: Path, tmp_path: Path) -> None:
    # click "Score" once (ascending) from a script appended after the report's own
    click = '<script>document.querySelectorAll("table.ranked th")[4].click();</script>'
    html = page.read_text(encoding="utf-8").replace("</body>", click + "</body>")
    clicked = tmp_path / "clicked.html"
    clicked.write_text(html, encoding="utf-8")
    dom = _run(_chromium(), tmp_path, "--dump-dom", clicked.as_uri())
    ranked = dom[dom.index('class="sortable ranked') :]
    order = [
        int(n)
        for n in re.findall(r'<tr class="link-row">\s*<td class="num" data-sort="(\d+)"', ranked)
    ]
    assert order == [5, 4, 3, 2, 1]
    assert 'aria-sort="ascending"' in ranked


# Measures the rendered graph: each tag's text must fit its frame, no two tags and no tag and
# account label may overlap on screen, and every edge must carry a tooltip.
MEASURE = """<script>
const boxes = (sel) => [...document.querySelectorAll(sel)].map((e) => e.getBBox());
const hit = (a, b) => !(a.x + a.width <= b.x || b.x + b.width <= a.x ||
                        a.y + a.height <= b.y || b.y + b.height <= a.y);
const out = [];
for (const tag of document.querySelectorAll("svg .tag")) {
  const frame = tag.querySelector("rect").getBBox(), text = tag.querySelector("text").getBBox();
  if (text.width > frame.width) out.push("wide:" + tag.textContent);
}
const frames = boxes("svg .tag rect"), labels = boxes("svg .node text");
frames.forEach((a, i) => frames.slice(i + 1).forEach((b) => { if (hit(a, b)) out.push("tags"); }));
frames.forEach((a) => labels.forEach((b) => { if (hit(a, b)) out.push("label"); }));
for (const edge of document.querySelectorAll("svg g.edge")) {
  if (!edge.querySelector(":scope > title")) out.push("untitled");
}
const pre = document.createElement("pre");
pre.id = "measured";
pre.textContent = "tags=" + frames.length + " problems=" + JSON.stringify(out);
document.body.append(pre);
</script>"""


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("scan", ["sample", "dense"])
def test_rendered_labels_fit_their_frames_and_do_not_overlap(
    scan: str, lang: str, tmp_path: Path
) -> None:
    result = sample() if scan == "sample" else dense()
    out = render(result, "html", RenderOptions(lang=lang))
    assert isinstance(out, str)
    page = tmp_path / "measure.html"
    page.write_text(out.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    dom = _run(_chromium(), tmp_path, "--dump-dom", page.as_uri())
    measured = re.search(r'<pre id="measured">tags=(\d+) problems=(.*)</pre>', dom)
    assert measured, "the measuring script did not run"
    assert int(measured.group(1)) == len(list(graph.layout(result, lang).tags()))
    assert measured.group(2) == "[]"
