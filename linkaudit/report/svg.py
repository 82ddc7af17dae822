"""Drawing a graph Layout as inline SVG; every text and attribute value is escaped."""

from markupsafe import Markup

from linkaudit.report import i18n
from linkaudit.report.graph import Edge, HubMark, Layout, Node, Region, truncate
from linkaudit.report.text import number, one_line
from linkaudit.vocab import BAD_STANDING

# Shared with the html stylesheet and the xlsx fills.
COLORS = {"critical": "#8B1A1A", "high": "#D9480F", "medium": "#F0A202", "low": "#7A8FA6"}
NO_RISK = "#E3E8EE"
EDGE_WIDTH = {"critical": 6.0, "high": 4.5, "medium": 3.0, "low": 2.0}
NODE_R = 20
# label direction and text-anchor per side of the node
_ANCHOR = {"n": (0, -1, "middle"), "s": (0, 1, "middle"), "e": (1, 0, "start"), "w": (-1, 0, "end")}


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


def _edge(edge: Edge) -> Markup:
    sev = str(edge.link.severity)
    lx = edge.a.x + (edge.b.x - edge.a.x) * edge.at
    ly = edge.a.y + (edge.b.y - edge.a.y) * edge.at
    tip = f"{edge.a.account.account_id} — {edge.b.account.account_id}: {number(edge.link.score)}"
    return Markup(
        '<g class="edge sev-{sev}{approved}"><title>{tip}</title>'
        '<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{color}" stroke-width="{w}"/>'
        '<text class="edge-label" x="{lx}" y="{ly}" text-anchor="middle">{label}</text></g>'
    ).format(
        sev=sev, approved=" approved" if edge.link.approved else "", tip=tip,
        x1=edge.a.x, y1=edge.a.y, x2=edge.b.x, y2=edge.b.y, color=COLORS.get(sev, "#999"),
        w=EDGE_WIDTH.get(sev, 2.0), lx=round(lx, 1), ly=round(ly + 4, 1), label=edge.label,
    )  # fmt: skip


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


def _label_at(node: Node) -> tuple[float, float, str]:
    """Where a node's two label lines start (x, first baseline) and their text-anchor."""
    dx, dy, anchor = _ANCHOR[node.side]
    x = node.x + dx * (NODE_R + 8)
    # above a node the two lines must end above it, below it they start below it
    shift = -2 if dy == 0 else (8 if dy > 0 else -22)
    return round(x, 1), round(node.y + dy * (NODE_R + 8) + shift, 1), anchor


def _node(node: Node, lang: str) -> Markup:
    account = node.account
    sev = str(account.severity) if account.severity else "none"
    status = "bad" if account.status in BAD_STANDING else account.status
    store = one_line(account.store_name)
    x, y, anchor = _label_at(node)
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


def draw(layout: Layout, lang: str, label: str) -> Markup:
    """The whole graph as one <svg> element, sized by viewBox to fit its container."""
    parts = [_region(r, lang) for r in layout.regions]
    parts += [_edge(e) for e in layout.edges]
    parts += [_hub(h) for h in layout.hubs]
    parts += [_node(n, lang) for n in layout.nodes.values()]
    return Markup(
        '<svg class="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" '
        'role="img" aria-label="{label}">{body}</svg>'
    ).format(w=layout.width, h=round(layout.height, 1), label=label, body=Markup("").join(parts))
