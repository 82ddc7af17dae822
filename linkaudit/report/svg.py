"""Drawing a graph Layout as inline SVG; every text and attribute value is escaped.

Layers, bottom to top: regions, edge lines and stubs, hubs, accounts, then the edge labels,
rank badges and stub tags (framed, placed by the layout where they overlap nothing).
"""

from markupsafe import Markup

from linkaudit.report import i18n
from linkaudit.report.graph import (
    NODE_R,
    Edge,
    HubMark,
    Layout,
    Node,
    Region,
    Stub,
    Tag,
    node_label,
    truncate,
)
from linkaudit.report.text import one_line
from linkaudit.vocab import BAD_STANDING

# Shared with the html stylesheet and the xlsx fills.
COLORS = {"critical": "#8B1A1A", "high": "#D9480F", "medium": "#F0A202", "low": "#7A8FA6"}
NO_RISK = "#E3E8EE"
EDGE_WIDTH = {"critical": 6.0, "high": 4.5, "medium": 3.0, "low": 2.0}
STUB_WIDTH = 1.6


def _region(region: Region, lang: str) -> Markup:
    frame = Markup(
        '<g class="region{alarm}"><rect x="{x}" y="{y}" width="{w}" height="{h}" rx="10"/>'
        '<text class="region-title" x="{tx}" y="{ty}">{title}</text>'
    ).format(
        alarm=" alarm" if region.alarm else "",
        x=region.x, y=region.y, w=region.width, h=region.height,
        tx=region.x + 12, ty=region.y + 20, title=region.title,
    )  # fmt: skip
    if region.alarm:
        frame += Markup(
            '<text class="region-alarm" x="{x}" y="{y}" text-anchor="end">{t}</text>'
        ).format(x=region.x + region.width - 12, y=region.y + 20, t=i18n.tr("bad_standing", lang))
    return frame + Markup("</g>")


def _classes(edge: Edge) -> str:
    return f"sev-{edge.link.severity}" + (" approved" if edge.link.approved else "")


def _stub(stub: Stub, color: str) -> Markup:
    dx, dy = stub.x - stub.node.x, stub.y - stub.node.y
    length = max((dx * dx + dy * dy) ** 0.5, 1e-6)
    sx = stub.node.x + dx / length * (NODE_R + 2)
    sy = stub.node.y + dy / length * (NODE_R + 2)
    return Markup(
        '<line class="stub" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{color}" '
        'stroke-width="{w}"/>'
    ).format(x1=round(sx, 1), y1=round(sy, 1), x2=stub.x, y2=stub.y, color=color, w=STUB_WIDTH)


def _edge(edge: Edge) -> Markup:
    sev = str(edge.link.severity)
    color = COLORS.get(sev, "#999")
    if edge.stubs:
        body = Markup("").join(_stub(s, color) for s in edge.stubs)
    else:
        body = Markup(
            '<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{color}" stroke-width="{w}"/>'
        ).format(
            x1=edge.a.x, y1=edge.a.y, x2=edge.b.x, y2=edge.b.y, color=color,
            w=EDGE_WIDTH.get(sev, 2.0),
        )  # fmt: skip
    cross = " cross" if edge.stubs else ""
    return Markup(
        '<g class="edge {cls}{cross}" data-rank="{rank}"><title>{tip}</title>{body}</g>'
    ).format(cls=_classes(edge), cross=cross, rank=edge.link.rank, tip=edge.title, body=body)


def _tag(edge: Edge, tag: Tag, linked: bool) -> Markup:
    box = tag.box
    sev = str(edge.link.severity)
    inner = Markup(
        '<title>{tip}</title><rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{rx}" '
        'stroke="{color}"/><text x="{tx}" y="{ty}" text-anchor="middle">{text}</text>'
    ).format(
        tip=edge.title, x=box.x0, y=box.y0, w=round(box.x1 - box.x0, 1),
        h=round(box.y1 - box.y0, 1), rx=round((box.y1 - box.y0) / 2, 1),
        color=COLORS.get(sev, "#999"), tx=round(box.cx, 1), ty=round(box.cy + 4, 1), text=tag.text,
    )  # fmt: skip
    if linked:
        return Markup('<a class="tag tag-{kind} {cls}" href="#link-{rank}">{inner}</a>').format(
            kind=tag.kind, cls=_classes(edge), rank=edge.link.rank, inner=inner
        )
    return Markup('<g class="tag tag-{kind} {cls}">{inner}</g>').format(
        kind=tag.kind, cls=_classes(edge), inner=inner
    )


def _tags(edge: Edge, shown: frozenset[int] | None) -> Markup:
    linked = shown is None or edge.link.rank in shown
    tags = ([edge.tag] if edge.tag else []) + [s.tag for s in edge.stubs if s.tag]
    return Markup("").join(_tag(edge, t, linked) for t in tags)


def _hub(hub: HubMark) -> Markup:
    spokes = Markup("").join(
        Markup('<line class="spoke" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/>').format(
            x1=hub.x, y1=hub.y, x2=n.x, y2=n.y
        )
        for n in hub.members
    )
    size = 11
    x, y = hub.x, hub.y
    points = f"{x},{y - size} {x + size},{y} {x},{y + size} {x - size},{y}"
    return Markup(
        '<g class="hub sev-{sev}"><title>{title}</title>{spokes}'
        '<polygon points="{points}" fill="{color}"/>'
        '<text class="hub-label" x="{x}" y="{y}" text-anchor="middle">{label}</text></g>'
    ).format(
        sev=hub.severity, title=hub.title, spokes=spokes, points=points,
        color=COLORS.get(hub.severity, "#999"), x=hub.x, y=hub.y + size + 14, label=hub.label,
    )  # fmt: skip


def _node(node: Node, lang: str) -> Markup:
    account = node.account
    sev = str(account.severity) if account.severity else "none"
    status = "bad" if account.status in BAD_STANDING else account.status
    store = one_line(account.store_name)
    x, y, anchor, _ = node_label(node)
    return Markup(
        '<g class="node status-{status}" data-account="{id}">'
        "<title>{id} {store} — {status_word}</title>"
        '<circle cx="{cx}" cy="{cy}" r="{r}" fill="{fill}"/>'
        '<text class="node-id" x="{x}" y="{y}" text-anchor="{anchor}">{short_id}</text>'
        '<text class="node-store" x="{x}" y="{y2}" text-anchor="{anchor}">{short_store}</text></g>'
    ).format(
        status=status, id=account.account_id, store=store,
        status_word=i18n.status(account.status, lang), cx=node.x, cy=node.y, r=NODE_R,
        fill=COLORS.get(sev, NO_RISK), x=x, y=y, y2=y + 15, anchor=anchor,
        short_id=truncate(account.account_id, 16), short_store=truncate(store, 20),
    )  # fmt: skip


def draw(layout: Layout, lang: str, label: str, shown: frozenset[int] | None = None) -> Markup:
    """The whole graph as one <svg> element, sized by viewBox to fit its container.

    Labels link to their link's evidence (#link-<rank>) when its rank is in `shown` (the
    links the page prints; None: all of them).
    """
    parts = [_region(r, lang) for r in layout.regions]
    parts += [_edge(e) for e in layout.edges]
    parts += [_hub(h) for h in layout.hubs]
    parts += [_node(n, lang) for n in layout.nodes.values()]
    parts += [_tags(e, shown) for e in layout.edges]
    return Markup(
        '<svg class="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
        'role="img" aria-label="{label}">{body}</svg>'
    ).format(w=layout.width, h=round(layout.height, 1), label=label, body=Markup("").join(parts))
