"""Deterministic layout of the linkage graph: one circle per group in a grid of regions.

Groups are packed left to right in rows (shelf packing); each group's accounts sit on a
circle in id order, its hubs at the centre; accounts without links share a last row.
No randomness, no force simulation: the same scan always gives the same picture.
"""

import math
from dataclasses import dataclass, field

from linkaudit.report import i18n
from linkaudit.report.text import number, one_line, rule_title
from linkaudit.result import Account, Group, Link, ScanResult

WIDTH = 1200
MARGIN = 16
GAP = 20
LABEL_X = 160  # room beside a circle for a side label (16-20 columns of 12-13px text)
LABEL_Y = 52  # room above / below for labels
TITLE_H = 30
NODE_SPACING = 210  # arc length between neighbours on a circle
ISOLATED_STEP = 170


@dataclass(frozen=True)
class Node:
    """An account placed at (x, y); `side` says where its label goes (n, s, e, w)."""

    account: Account
    x: float
    y: float
    side: str


@dataclass(frozen=True)
class Edge:
    """A link between two placed accounts, with a short reason and a label position."""

    link: Link
    a: Node
    b: Node
    label: str
    at: float  # 0..1 along a->b where the label sits


@dataclass(frozen=True)
class HubMark:
    """A hub value drawn as a small diamond joined to its members."""

    label: str
    title: str
    severity: str
    x: float
    y: float
    members: list[Node]


@dataclass(frozen=True)
class Region:
    """A framed area: a group or the row of accounts without links."""

    title: str
    x: float
    y: float
    width: float
    height: float
    alarm: bool = False  # holds a closed or suspended account


@dataclass
class Layout:
    """Everything the SVG drawing needs, in SVG user units."""

    width: float = WIDTH
    height: float = 0.0
    regions: list[Region] = field(default_factory=list)
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    hubs: list[HubMark] = field(default_factory=list)


def _radius(count: int) -> float:
    if count == 2:
        return 110.0  # side by side: room for the edge label between them
    return max(105.0, NODE_SPACING * count / (2 * math.pi)) if count > 2 else 0.0


def _side(dx: float, dy: float) -> str:
    if abs(dx) > abs(dy) + 1e-6:
        return "e" if dx > 0 else "w"
    return "s" if dy > 0 else "n"


def _circle(accounts: list[Account], cx: float, cy: float) -> list[Node]:
    count = len(accounts)
    radius = _radius(count)
    # two members sit side by side; more start at the top and go clockwise
    start = math.pi if count == 2 else -math.pi / 2
    nodes = []
    for i, account in enumerate(accounts):
        angle = start + 2 * math.pi * i / count
        dx, dy = radius * math.cos(angle), radius * math.sin(angle)
        side = "s" if count == 1 else _side(dx, dy)
        nodes.append(Node(account, round(cx + dx, 1), round(cy + dy, 1), side))
    return nodes


def truncate(text: str, columns: int) -> str:
    """Text cut to `columns` display columns (CJK counts two) with an ellipsis."""
    out, used = "", 0
    for char in one_line(text):
        used += 2 if ord(char) > 0x2E80 else 1
        if used > columns:
            return out + "…"
        out += char
    return out


def short_reason(result: ScanResult, link: Link, lang: str) -> str:
    """An edge label: the strongest evidence's rule title, "+n" for the rest."""
    if not link.evidence:
        return number(link.score)
    title = truncate(rule_title(result, link.evidence[0].rule, lang), 24)
    more = len(link.evidence) - 1
    return f"{title} +{more}" if more else title


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

    def bottom(self) -> float:
        return self.y + self.row_h


def _group_region(
    layout: Layout, packer: _Packer, group: Group, members: list[Account], lang: str
) -> None:
    radius = _radius(len(members))
    rise = radius if len(members) > 2 else 0.0  # two members sit on one horizontal line
    width = 2 * radius + 2 * LABEL_X
    height = TITLE_H + 2 * rise + 2 * LABEL_Y
    x, y = packer.place(width, height)
    score = f"{i18n.tr('max_score', lang)} {number(group.max_score)}"
    title = f"{i18n.tr('group_label', lang, id=group.id)} · {score}"
    layout.regions.append(Region(title, x, y, width, height, group.has_closed_or_suspended))
    centre = (x + width / 2, y + TITLE_H + LABEL_Y + rise)
    for node in _circle(members, *centre):
        layout.nodes[node.account.account_id] = node


def _isolated_region(layout: Layout, accounts: list[Account], top: float, lang: str) -> float:
    per_row = max(int((WIDTH - 2 * MARGIN) // ISOLATED_STEP), 1)
    rows = math.ceil(len(accounts) / per_row)
    height = TITLE_H + rows * (2 * LABEL_Y + 10)
    width = max(min(len(accounts), per_row) * ISOLATED_STEP, 2 * ISOLATED_STEP)
    layout.regions.append(Region(i18n.tr("isolated", lang), MARGIN, top, width, height))
    for i, account in enumerate(accounts):
        row, col = divmod(i, per_row)
        x = MARGIN + ISOLATED_STEP / 2 + col * ISOLATED_STEP
        y = top + TITLE_H + 24 + row * (2 * LABEL_Y + 10)
        layout.nodes[account.account_id] = Node(account, x, y, "s")
    return top + height


def _edges(layout: Layout, result: ScanResult, lang: str) -> None:
    for link in result.links:
        a, b = layout.nodes.get(link.accounts[0]), layout.nodes.get(link.accounts[-1])
        if a is None or b is None:
            continue
        # chords cross near the centre where hubs sit: put their labels off-centre
        chord = math.dist((a.x, a.y), (b.x, b.y)) > NODE_SPACING * 1.2
        layout.edges.append(
            Edge(link, a, b, short_reason(result, link, lang), 0.32 if chord else 0.5)
        )


def _hubs(layout: Layout, result: ScanResult, lang: str) -> None:
    by_group: dict[int | None, int] = {}
    for hub in result.hubs:
        members = [layout.nodes[a] for a in hub.accounts if a in layout.nodes]
        if not members:
            continue
        group = members[0].account.group
        slot = by_group.get(group, 0)
        by_group[group] = slot + 1
        cx = sum(n.x for n in members) / len(members) + slot * 36
        cy = sum(n.y for n in members) / len(members)
        if max(n.y for n in members) - min(n.y for n in members) < 1:
            cy -= 40  # members on one line: keep the hub off the edge label in the middle
        title = f"{rule_title(result, hub.rule, lang)}: {one_line(hub.value)} ({hub.members})"
        label = truncate(one_line(hub.value), 18)
        layout.hubs.append(HubMark(label, title, str(hub.severity), cx, cy, members))


def layout(result: ScanResult, lang: str) -> Layout:
    """Place every account, link and hub of `result`."""
    out = Layout()
    packer = _Packer()
    by_id = {a.account_id: a for a in result.accounts}
    placed: set[str] = set()
    for group in sorted(result.groups, key=lambda g: g.id):
        members = [by_id[a] for a in sorted(group.accounts) if a in by_id and a not in placed]
        if members:
            _group_region(out, packer, group, members, lang)
            placed.update(a.account_id for a in members)
    top = packer.bottom() + GAP if out.regions else float(MARGIN)
    rest = sorted(
        (a for a in result.accounts if a.account_id not in placed), key=lambda a: a.account_id
    )
    bottom = _isolated_region(out, rest, top, lang) if rest else top - GAP
    out.height = bottom + MARGIN if out.nodes else 0.0
    _edges(out, result, lang)
    _hubs(out, result, lang)
    return out
