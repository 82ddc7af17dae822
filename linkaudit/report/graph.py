"""Deterministic layout of the linkage graph: one circle per group in a grid of regions.

Groups are packed left to right in rows (shelf packing); each group's accounts sit on a
circle in id order, its hubs at the centre. Accounts in no group share the last row, split
into those with weak links and those with none. No randomness, no force simulation: the
same scan always gives the same picture.

Every piece of text on the drawing gets a box here, and a label is only placed where its
box touches no other box (nodes, node labels, region titles, hubs, other labels): an edge
label slides along its edge, shrinks to the link's rank badge ("#7"), or is left out (the
edge keeps its tooltip). A link between accounts in different regions is never drawn as a
line across other regions: each end gets a short stub with a tag naming the other account.
"""

import math
from collections.abc import Iterator
from dataclasses import dataclass, field

from linkaudit.report import i18n
from linkaudit.report.text import number, one_line, rule_title, severity_label, what_links
from linkaudit.result import Account, Group, Link, ScanResult

WIDTH = 1200
MARGIN = 16
GAP = 20
LABEL_X = 160  # room beside a circle for a side label (16-20 columns of 12-13px text)
LABEL_Y = 58  # room above / below for labels (two lines and their descenders)
TITLE_H = 30
NODE_SPACING = 210  # arc length between neighbours on a circle
DENSE_SPACING = 270  # the most a dense group (many edges per member) spreads out
ROW_STEP = 150  # distance between accounts in the "not in a group" row
STUB_ROOM = 56  # room for stubs and their tags: above accounts in a row, below a group
NODE_R = 20
EDGE_FONT = 11.5
TAG_H = 18.0
# where a node's label goes per side: direction and text-anchor
ANCHOR = {"n": (0, -1, "middle"), "s": (0, 1, "middle"), "e": (1, 0, "start"), "w": (-1, 0, "end")}


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in SVG user units."""

    x0: float
    y0: float
    x1: float
    y1: float

    def hits(self, other: "Box") -> bool:
        """Whether the two rectangles overlap (touching edges do not count)."""
        return not (
            self.x1 <= other.x0 or other.x1 <= self.x0 or self.y1 <= other.y0 or other.y1 <= self.y0
        )

    def holds(self, other: "Box") -> bool:
        """Whether `other` lies wholly inside this rectangle."""
        return (
            self.x0 <= other.x0
            and other.x1 <= self.x1
            and self.y0 <= other.y0
            and other.y1 <= self.y1
        )

    def cut_by(self, x1: float, y1: float, x2: float, y2: float) -> bool:
        """Whether the segment (x1, y1)-(x2, y2) passes through the rectangle (Liang-Barsky)."""
        lo, hi = 0.0, 1.0
        dx, dy = x2 - x1, y2 - y1
        for p, q in (
            (-dx, x1 - self.x0),
            (dx, self.x1 - x1),
            (-dy, y1 - self.y0),
            (dy, self.y1 - y1),
        ):
            if abs(p) < 1e-9:
                if q < 0:
                    return False
                continue
            t = q / p
            if p < 0:
                lo = max(lo, t)
            else:
                hi = min(hi, t)
            if lo > hi:
                return False
        return True

    def grown(self, by: float) -> "Box":
        return Box(self.x0 - by, self.y0 - by, self.x1 + by, self.y1 + by)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Node:
    """An account placed at (x, y) in region `region`; `side` says where its label goes."""

    account: Account
    x: float
    y: float
    side: str
    region: int = 0


@dataclass(frozen=True)
class Tag:
    """Text in a framed box: an edge label ("label"), a rank badge ("badge") or a stub's tag."""

    text: str
    box: Box
    kind: str = "label"


@dataclass(frozen=True)
class Stub:
    """One end of a link drawn as a short line from `node` to (x, y), where its tag sits."""

    node: Node
    x: float
    y: float
    tag: Tag | None


@dataclass(frozen=True)
class Edge:
    """A link between two placed accounts: a straight line, or two stubs across regions."""

    link: Link
    a: Node
    b: Node
    label: str  # the short reason ("email +5")
    title: str  # the tooltip: the full "what links them"
    tag: Tag | None = None  # the label or rank badge on the line; None: no room
    stubs: tuple[Stub, ...] = ()  # set when the accounts sit in different regions


@dataclass(frozen=True)
class HubMark:
    """A hub value drawn as a small diamond joined to its members in one region."""

    label: str
    title: str
    severity: str
    x: float
    y: float
    members: list[Node]


@dataclass(frozen=True)
class Region:
    """A framed area: a group, or accounts in no group."""

    title: str
    x: float
    y: float
    width: float
    height: float
    alarm: bool = False  # holds a closed or suspended account

    @property
    def box(self) -> Box:
        return Box(self.x, self.y, self.x + self.width, self.y + self.height)


@dataclass
class Layout:
    """Everything the SVG drawing needs, in SVG user units."""

    width: float = WIDTH
    height: float = 0.0
    regions: list[Region] = field(default_factory=list)
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    hubs: list[HubMark] = field(default_factory=list)

    def tags(self) -> Iterator[Tag]:
        """Every edge label, rank badge and stub tag."""
        for edge in self.edges:
            if edge.tag:
                yield edge.tag
            yield from (s.tag for s in edge.stubs if s.tag)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """A generous estimate of the rendered width of `text` in a sans-serif font."""
    em = 0.0
    for char in text:
        if ord(char) > 0x2E80:
            em += 1.0
        elif char in " il.,:;'|!()[]":
            em += 0.32
        elif char.isupper() or char in "mw@%#MW":
            em += 0.74
        else:
            em += 0.58
    return em * size * (1.08 if bold else 1.0)


def truncate(text: str, columns: int) -> str:
    """Text cut to `columns` display columns (CJK counts two) with an ellipsis."""
    out, used = "", 0
    for char in one_line(text):
        used += 2 if ord(char) > 0x2E80 else 1
        if used > columns:
            return out + "…"
        out += char
    return out


def short_reason(link: Link, lang: str) -> str:
    """An edge label: the strongest evidence's attribute in words, "+n" for the rest."""
    if not link.evidence:
        return number(link.score)
    word = truncate(i18n.edge_word(link.evidence[0].attribute, lang), 18)
    more = len(link.evidence) - 1
    return f"{word} +{more}" if more else word


def edge_title(result: ScanResult, link: Link, lang: str) -> str:
    """An edge's tooltip: rank, the pair, severity, score and what links them."""
    a, b = link.accounts[0], link.accounts[-1]
    what = what_links(result, link, lang, most=None)
    head = f"#{link.rank} {a} ↔ {b} · {severity_label(link, lang)} {number(link.score)}"
    return f"{head}\n{what}" if what else head


def node_label(node: Node) -> tuple[float, float, str, Box]:
    """Where a node's two label lines start (x, first baseline), their anchor and their box."""
    dx, dy, anchor = ANCHOR[node.side]
    x = round(node.x + dx * (NODE_R + 8), 1)
    # above a node the two lines must end above it, below it they start below it
    shift = -2 if dy == 0 else (8 if dy > 0 else -22)
    y = round(node.y + dy * (NODE_R + 8) + shift, 1)
    width = max(
        text_width(truncate(node.account.account_id, 16), 13, bold=True),
        text_width(truncate(one_line(node.account.store_name), 20), 12),
    )
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return x, y, anchor, Box(left - 2, y - 12, left + width + 2, y + 19)


def node_box(node: Node) -> Box:
    return Box(node.x - NODE_R, node.y - NODE_R, node.x + NODE_R, node.y + NODE_R).grown(3)


def hub_box(hub: HubMark) -> Box:
    width = max(text_width(hub.label, 11), 24)
    return Box(hub.x - width / 2 - 2, hub.y - 13, hub.x + width / 2 + 2, hub.y + 30)


def _radius(count: int, spacing: float = NODE_SPACING) -> float:
    if count == 2:
        return 110.0  # side by side: room for the edge label between them
    return max(105.0, spacing * count / (2 * math.pi)) if count > 2 else 0.0


def _side(dx: float, dy: float) -> str:
    if abs(dx) > abs(dy) + 1e-6:
        return "e" if dx > 0 else "w"
    return "s" if dy > 0 else "n"


def _circle(
    accounts: list[Account], cx: float, cy: float, radius: float, region: int
) -> list[Node]:
    count = len(accounts)
    # two members sit side by side; more start at the top and go clockwise
    start = math.pi if count == 2 else -math.pi / 2
    nodes = []
    for i, account in enumerate(accounts):
        angle = start + 2 * math.pi * i / count
        dx, dy = radius * math.cos(angle), radius * math.sin(angle)
        side = "s" if count == 1 else _side(dx, dy)
        nodes.append(Node(account, round(cx + dx, 1), round(cy + dy, 1), side, region))
    return nodes


class _Packer:
    """Shelf packing of regions into rows of at most WIDTH."""

    def __init__(self) -> None:
        self.x, self.y, self.row_h = float(MARGIN), float(MARGIN), 0.0

    def place(self, width: float, height: float) -> tuple[float, float]:
        if self.x + width > WIDTH - MARGIN and self.x > MARGIN:
            self.x, self.y, self.row_h = float(MARGIN), self.y + self.row_h + GAP, 0.0
        spot = (self.x, self.y)
        self.x += width + GAP
        self.row_h = max(self.row_h, height)
        return spot

    def new_row(self) -> None:
        if self.x > MARGIN:
            self.x, self.y, self.row_h = float(MARGIN), self.y + self.row_h + GAP, 0.0

    def bottom(self) -> float:
        return self.y + self.row_h


def _spacing(members: list[Account], links: list[Link]) -> float:
    """Denser groups (more links per member) get a wider circle, so their labels fit."""
    ids = {a.account_id for a in members}
    inside = sum(1 for link in links if set(link.accounts) <= ids)
    extra = max(inside - len(members), 0)
    return min(NODE_SPACING + 15 * extra, DENSE_SPACING)


def _group_region(
    layout: Layout,
    packer: _Packer,
    group: Group,
    members: list[Account],
    spacing: float,
    stubs: bool,
    lang: str,
) -> None:
    radius = _radius(len(members), spacing)
    rise = radius if len(members) > 2 else 0.0  # two members sit on one horizontal line
    width = 2 * radius + 2 * LABEL_X
    height = TITLE_H + 2 * rise + 2 * LABEL_Y + (STUB_ROOM / 2 if stubs else 0.0)
    x, y = packer.place(width, height)
    score = f"{i18n.tr('max_score', lang)} {number(group.max_score)}"
    title = f"{i18n.tr('group_label', lang, id=group.id)} · {score}"
    index = len(layout.regions)
    layout.regions.append(Region(title, x, y, width, height, group.has_closed_or_suspended))
    centre = (x + width / 2, y + TITLE_H + LABEL_Y + rise)
    for node in _circle(members, *centre, radius, index):
        layout.nodes[node.account.account_id] = node


def _row_region(layout: Layout, packer: _Packer, accounts: list[Account], title: str) -> None:
    """Accounts side by side in rows, labels below and room above for stubs."""
    per_row = max(int((WIDTH - 2 * MARGIN) // ROW_STEP), 1)
    rows = math.ceil(len(accounts) / per_row)
    step_y = STUB_ROOM + 2 * LABEL_Y
    height = TITLE_H + rows * step_y
    width = max(min(len(accounts), per_row) * ROW_STEP, 2 * ROW_STEP)
    x, top = packer.place(width, height)
    index = len(layout.regions)
    layout.regions.append(Region(title, x, top, width, height))
    for i, account in enumerate(accounts):
        row, col = divmod(i, per_row)
        cx = x + ROW_STEP / 2 + col * ROW_STEP
        cy = top + TITLE_H + STUB_ROOM + 14 + row * step_y
        layout.nodes[account.account_id] = Node(account, cx, cy, "s", index)


class _Space:
    """The boxes already taken in each region; new tags go only where nothing is."""

    def __init__(self, layout: Layout) -> None:
        self.regions = [r.box for r in layout.regions]
        self.taken: dict[int, list[Box]] = {i: [] for i in range(len(layout.regions))}
        for index, region in enumerate(layout.regions):
            title = text_width(region.title, 13, bold=True)
            right = region.x + region.width
            self.add(index, Box(region.x, region.y, region.x + 18 + title, region.y + TITLE_H - 4))
            if region.alarm:
                words = (i18n.tr("bad_standing", lang) for lang in i18n.LANGS)
                alarm = max(text_width(w, 12, bold=True) for w in words) + 18
                self.add(index, Box(right - alarm, region.y, right, region.y + TITLE_H - 4))
        for node in layout.nodes.values():
            self.add(node.region, node_box(node))
            self.add(node.region, node_label(node)[3])
        for hub in layout.hubs:
            self.add(hub.members[0].region, hub_box(hub))

    def add(self, region: int, box: Box) -> None:
        self.taken[region].append(box)

    def fits(self, box: Box, region: int) -> bool:
        inner = self.regions[region].grown(-4)
        return inner.holds(box) and not any(box.hits(t) for t in self.taken[region])

    def clear_path(self, region: int, x1: float, y1: float, x2: float, y2: float) -> bool:
        return not any(t.cut_by(x1, y1, x2, y2) for t in self.taken[region])


def _tag_box(text: str, cx: float, cy: float, kind: str) -> Box:
    width = text_width(text, EDGE_FONT, bold=kind == "badge") + 12
    return Box(
        round(cx - width / 2, 1),
        round(cy - TAG_H / 2, 1),
        round(cx + width / 2, 1),
        round(cy + TAG_H / 2, 1),
    )


# where along an edge a label may sit, best first: the middle, then outwards; a rank badge
# is small enough to sit nearer the ends
_ALONG = sorted((0.5 + d / 50 for d in range(-15, 16)), key=lambda t: (abs(t - 0.5), t))
_ALONG_BADGE = sorted((0.5 + d / 50 for d in range(-21, 22)), key=lambda t: (abs(t - 0.5), t))


def _place_on_line(
    space: _Space, text: str, kind: str, a: Node, b: Node, lines: list[tuple[Node, Node]]
) -> Tag | None:
    """The free spot along a-b crossed by the fewest other lines, nearest the middle."""
    best: tuple[int, int, Tag] | None = None
    for order, t in enumerate(_ALONG_BADGE if kind == "badge" else _ALONG):
        box = _tag_box(text, a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, kind)
        if not space.fits(box, a.region):
            continue
        crossed = sum(
            1 for p, q in lines if not (p is a and q is b) and box.cut_by(p.x, p.y, q.x, q.y)
        )
        if best is None or (crossed, order) < best[:2]:
            best = (crossed, order, Tag(text, box, kind))
    return best[2] if best else None


def _place_stub(
    space: _Space, node: Node, texts: tuple[str, ...], centre: tuple[float, float]
) -> Stub:
    """A short line from `node` away from `centre` (its circle's), ending at a free tag."""
    cx, cy = centre
    base = math.atan2(node.y - cy, node.x - cx) if (node.x, node.y) != (cx, cy) else -math.pi / 2
    for text in texts:
        stub = _stub_for(space, node, text, base)
        if stub:
            return stub
    return Stub(
        node, round(node.x + math.cos(base) * 36, 1), round(node.y + math.sin(base) * 36, 1), None
    )


def _stub_for(space: _Space, node: Node, text: str, base: float) -> Stub | None:
    for step in range(0, 19):
        turn = (step + 1) // 2 * (1 if step % 2 else -1) * math.pi / 9
        angle = base + turn
        ux, uy = math.cos(angle), math.sin(angle)
        for length in (46.0, 66.0, 86.0):
            ex, ey = node.x + ux * length, node.y + uy * length
            width = text_width(text, EDGE_FONT) + 12
            left = ex if ux > 0.35 else (ex - width if ux < -0.35 else ex - width / 2)
            top = ey if uy > 0.35 else (ey - TAG_H if uy < -0.35 else ey - TAG_H / 2)
            box = Box(round(left, 1), round(top, 1), round(left + width, 1), round(top + TAG_H, 1))
            sx, sy = node.x + ux * (NODE_R + 4), node.y + uy * (NODE_R + 4)
            if space.fits(box, node.region) and space.clear_path(node.region, sx, sy, ex, ey):
                space.add(node.region, box)
                return Stub(node, round(ex, 1), round(ey, 1), Tag(text, box, "stub"))
    return None


def _centres(layout: Layout, grouped: set[int]) -> dict[int, tuple[float, float]]:
    """Each group's circle centre (the middle of its members): stubs point away from it."""
    members: dict[int, list[Node]] = {}
    for node in layout.nodes.values():
        if node.region in grouped:
            members.setdefault(node.region, []).append(node)
    return {
        index: (sum(n.x for n in nodes) / len(nodes), sum(n.y for n in nodes) / len(nodes))
        for index, nodes in members.items()
        if len(nodes) > 1
    }


def _straight(layout: Layout, a: Node, b: Node, grouped: set[int]) -> bool:
    """Whether a-b can be a straight line: same region, and in a row it passes no account."""
    if a.region != b.region:
        return False
    if a.region in grouped:
        return True
    others = (
        n for n in layout.nodes.values() if n.region == a.region and n is not a and n is not b
    )
    return not any(
        box.cut_by(a.x, a.y, b.x, b.y) for n in others for box in (node_box(n), node_label(n)[3])
    )


def _edges(layout: Layout, result: ScanResult, grouped: set[int], lang: str) -> None:
    space = _Space(layout)
    pairs = []
    for link in result.links:  # ranked: the strongest links get the best spots
        a, b = layout.nodes.get(link.accounts[0]), layout.nodes.get(link.accounts[-1])
        if a is not None and b is not None:
            pairs.append((link, a, b))
    lines: dict[int, list[tuple[Node, Node]]] = {}
    straight: set[int] = set()
    for i, (_, a, b) in enumerate(pairs):
        if _straight(layout, a, b, grouped):
            lines.setdefault(a.region, []).append((a, b))
            straight.add(i)
    centres = _centres(layout, grouped)
    for i, (link, a, b) in enumerate(pairs):
        label, title = short_reason(link, lang), edge_title(result, link, lang)
        near = lines.get(a.region, [])
        if i in straight:
            tag = _place_on_line(space, label, "label", a, b, near)
            if tag is None:
                tag = _place_on_line(space, f"#{link.rank}", "badge", a, b, near)
            if tag is not None:
                space.add(a.region, tag.box)
            layout.edges.append(Edge(link, a, b, label, title, tag))
            continue
        stubs = tuple(
            _place_stub(
                space,
                node,
                (f"↔ {truncate(other.account.account_id, 16)} · {label}", f"↔ #{link.rank}"),
                centres.get(node.region, (node.x, node.y + 1)),  # rows: up
            )
            for node, other in ((a, b), (b, a))
        )
        layout.edges.append(Edge(link, a, b, label, title, None, stubs))


def _hubs(layout: Layout, result: ScanResult, lang: str) -> None:
    by_region: dict[int, int] = {}
    for hub in result.hubs:
        members = [layout.nodes[a] for a in hub.accounts if a in layout.nodes]
        chunks: dict[int, list[Node]] = {}
        for node in members:  # one diamond per region: spokes never leave a region
            chunks.setdefault(node.region, []).append(node)
        title = f"{rule_title(result, hub.rule, lang)}: {one_line(hub.value)} ({hub.members})"
        label = truncate(one_line(hub.value), 18)
        for region, nodes in sorted(chunks.items()):
            slot = by_region.get(region, 0)
            by_region[region] = slot + 1
            cx = sum(n.x for n in nodes) / len(nodes) + slot * 36
            cy = sum(n.y for n in nodes) / len(nodes)
            if max(n.y for n in nodes) - min(n.y for n in nodes) < 1:
                cy -= 40  # members on one line: keep the hub off the edge label in the middle
            layout.hubs.append(HubMark(label, title, str(hub.severity), cx, cy, nodes))


def layout(result: ScanResult, lang: str) -> Layout:
    """Place every account, link and hub of `result`."""
    out = Layout()
    packer = _Packer()
    by_id = {a.account_id: a for a in result.accounts}
    placed: set[str] = set()
    for group in sorted(result.groups, key=lambda g: g.id):
        members = [by_id[a] for a in sorted(group.accounts) if a in by_id and a not in placed]
        if members:
            ids = {a.account_id for a in members}
            stubs = any(len(set(link.accounts) & ids) == 1 for link in result.links)
            spacing = _spacing(members, result.links)
            _group_region(out, packer, group, members, spacing, stubs, lang)
            placed.update(a.account_id for a in members)
    grouped = set(range(len(out.regions)))
    linked = {a for link in result.links for a in link.accounts}
    rest = sorted(
        (a for a in result.accounts if a.account_id not in placed), key=lambda a: a.account_id
    )
    weak = [a for a in rest if a.account_id in linked]
    alone = [a for a in rest if a.account_id not in linked]
    if weak:
        _row_region(out, packer, weak, i18n.tr("weakly_linked", lang))
    if alone:
        _row_region(out, packer, alone, i18n.tr("no_links_region", lang))
    out.height = packer.bottom() + MARGIN if out.nodes else 0.0
    _hubs(out, result, lang)
    _edges(out, result, grouped, lang)
    return out
