"""The linkage-graph layout: deterministic, one region per group, labels that never overlap."""

import re
from collections.abc import Callable
from itertools import combinations

import pytest

from linkaudit.report import graph, i18n, svg
from linkaudit.report.graph import Box, Layout, Region, node_box, node_label, truncate
from linkaudit.result import Group, Link, ScanResult
from linkaudit.vocab import AttrType

from .scans import C, H, L, _account, _ev, hostile, sample

XINDA = ["jiayue-us", "xinda-ca", "xinda-de", "xinda-jp-planned", "xinda-uk", "xinda-us"]
ATTRS = ["phone", "email", "registration_number", "bank_account", "card", "payout_account"]


def dense() -> ScanResult:
    """sample() plus a six-store group with 14 links (as in sample_data), and weak links from
    group members to an ungrouped account and to another group's account."""
    base = sample()
    accounts = [
        _account(aid, f"鑫达家居 {aid}", "planned" if "planned" in aid else "active", ["US"],
                 1.0, C, 3, 5)
        for aid in XINDA
    ] + [_account("pengcheng-jp", "鹏程数码日本站", "active", ["JP"], 0.1, L, None, 1)]  # fmt: skip
    pairs = [p for p in combinations(XINDA, 2) if p != ("jiayue-us", "xinda-jp-planned")]
    links = []
    for i, (a, b) in enumerate(pairs):
        evidence = [
            _ev(f"same-{ATTRS[(i + k) % 6]}", ATTRS[(i + k) % 6], f"v{i}-{k}", 0.9, 0.5, "a.csv:1")
            for k in range(1 + i % 5)
        ]
        links.append(
            Link(accounts=[a, b], score=0.99, severity=C if i % 4 else H, same_marketplace=False,
                 approved=False, rank=6 + i, group=3, evidence=evidence)
        )  # fmt: skip
    weak = [("pengcheng-jp", "xinda-us"), ("acme-us", "xinda-de")]
    for j, pair in enumerate(weak):
        links.append(
            Link(accounts=list(pair), score=0.1, severity=L, same_marketplace=False,
                 approved=False, rank=6 + len(pairs) + j,
                 evidence=[_ev("shared-cgnat-ip", "ip", "100.64.0.9", 0.1, 0.1, "l.csv:2")])
        )  # fmt: skip
    group = Group(id=3, accounts=XINDA, max_score=1.0, has_closed_or_suspended=False, size=6)
    return base.model_copy(
        update={
            "accounts": base.accounts + accounts,
            "links": base.links + links,
            "groups": [*base.groups, group],
        }
    )


def k8() -> ScanResult:
    return complete(8)


SCANS: dict[str, Callable[[], ScanResult]] = {
    "sample": sample,
    "dense": dense,
    "hostile": hostile,
    "k8": k8,
}


def _inside(region: Region, x: float, y: float) -> bool:
    return region.x <= x <= region.x + region.width and region.y <= y <= region.y + region.height


def test_layout_is_deterministic() -> None:
    assert graph.layout(dense(), "en") == graph.layout(dense(), "en")


def test_each_group_has_its_own_region_holding_its_members() -> None:
    layout = graph.layout(sample(), "en")
    scan = sample()
    assert len(layout.regions) == len(scan.groups) + 1  # + the account with no link
    for region, group in zip(layout.regions, scan.groups, strict=False):
        assert region.title.startswith(f"Group {group.id}")
        assert region.alarm == group.has_closed_or_suspended
        for account in group.accounts:
            node = layout.nodes[account]
            assert _inside(region, node.x, node.y)
            assert node.region == layout.regions.index(region)


@pytest.mark.parametrize("scan", sorted(SCANS))
def test_regions_do_not_overlap(scan: str) -> None:
    layout = graph.layout(SCANS[scan](), "en")
    for a, b in combinations(layout.regions, 2):
        assert not a.box.hits(b.box), (a.title, b.title)
    assert all(r.x + r.width <= layout.width for r in layout.regions)
    assert all(r.y + r.height <= layout.height for r in layout.regions)


def test_ungrouped_accounts_are_split_into_weakly_linked_and_unlinked() -> None:
    layout = graph.layout(sample(), "en")
    assert layout.regions[-1].title == "No links"
    assert layout.nodes["solo-ca"].region == len(layout.regions) - 1
    assert all(r.y + r.height <= layout.regions[-1].y for r in layout.regions[:-1])

    layout = graph.layout(dense(), "zh")
    titles = [r.title for r in layout.regions]
    assert titles[-2:] == ["未分组（仅有弱关联）", "无关联"]
    assert layout.nodes["pengcheng-jp"].region == len(titles) - 2
    assert layout.nodes["solo-ca"].region == len(titles) - 1


def test_edge_labels_are_short_attribute_words() -> None:
    layout = graph.layout(sample(), "zh")
    assert len(layout.edges) == 5
    assert [e.label for e in layout.edges] == ["IP +3", "公司名称 +1", "设备 +1", "地址", "品牌"]
    english = graph.layout(sample(), "en")
    assert [e.label for e in english.edges] == [
        "IP +3", "company name +1", "device +1", "address", "brand"
    ]  # fmt: skip
    assert len(layout.hubs) == 1 and len(layout.hubs[0].members) == 4


def test_every_attribute_type_has_a_short_edge_word() -> None:
    assert set(i18n.EDGE_WORD) == {a.value for a in AttrType}
    assert all(len(m.en) <= 16 and m.zh for m in i18n.EDGE_WORD.values())


def test_edge_title_has_the_full_reason() -> None:
    edge = graph.layout(sample(), "en").edges[0]
    assert edge.title.startswith("#1 acme-us ↔ acme-us-2 · Critical 0.98\n")
    assert "same login IP 203.0.113.7; same phone +86*******8000" in edge.title


@pytest.mark.parametrize("scan", sorted(SCANS))
@pytest.mark.parametrize("lang", i18n.LANGS)
def test_labels_never_overlap_each_other_nodes_or_node_labels(scan: str, lang: str) -> None:
    layout = graph.layout(SCANS[scan](), lang)
    tags = list(layout.tags())
    for a, b in combinations(tags, 2):
        assert not a.box.hits(b.box), (a.text, b.text)
    for node in layout.nodes.values():
        for tag in tags:
            assert not tag.box.hits(node_box(node)), (tag.text, node.account.account_id)
            assert not tag.box.hits(node_label(node)[3]), (tag.text, node.account.account_id)
    for edge in layout.edges:  # each label sits inside its own region
        for tag in ([edge.tag] if edge.tag else []) + [s.tag for s in edge.stubs if s.tag]:
            owner = edge.a if edge.tag is tag else next(s.node for s in edge.stubs if s.tag is tag)
            assert layout.regions[owner.region].box.holds(tag.box)


def test_node_labels_do_not_overlap_in_the_dense_group() -> None:
    layout = graph.layout(dense(), "en")
    boxes = [node_label(n)[3] for n in layout.nodes.values()]
    for a, b in combinations(boxes, 2):
        assert not a.hits(b)


def test_dense_group_labels_every_edge_with_a_word_or_its_rank() -> None:
    layout = graph.layout(dense(), "en")
    inside = [e for e in layout.edges if not e.stubs]
    assert all(e.tag is not None for e in inside)
    for edge in inside:
        assert edge.tag is not None
        if edge.tag.kind == "badge":
            assert edge.tag.text == f"#{edge.link.rank}"
        else:
            assert edge.tag.text == edge.label


def complete(count: int) -> ScanResult:
    """One group of `count` stores, every pair linked: more labels than room."""
    ids = [f"store-{i}" for i in range(count)]
    accounts = [_account(a, f"Store {a}", "active", ["US"], 1.0, C, 1, count - 1) for a in ids]
    evidence = [_ev("same-registration-number", "registration_number", "v", 0.9, 0.5, "a:1")] * 3
    links = [
        Link(accounts=[a, b], score=0.99, severity=C, same_marketplace=False, approved=False,
             rank=i + 1, group=1, evidence=evidence)
        for i, (a, b) in enumerate(combinations(ids, 2))
    ]  # fmt: skip
    group = Group(id=1, accounts=ids, max_score=1.0, has_closed_or_suspended=False, size=count)
    return sample().model_copy(
        update={"accounts": accounts, "links": links, "groups": [group], "hubs": []}
    )


def test_a_crowded_edge_gets_its_rank_badge_instead_of_its_label() -> None:
    layout = graph.layout(complete(8), "en")
    badges = [e for e in layout.edges if e.tag and e.tag.kind == "badge"]
    assert badges
    assert all(e.tag and e.tag.text == f"#{e.link.rank}" for e in badges)
    tags = list(layout.tags())
    for a, b in combinations(tags, 2):
        assert not a.box.hits(b.box)
    drawing = str(svg.draw(layout, "en", "graph"))
    for edge in badges:
        assert f'href="#link-{edge.link.rank}"><title>#{edge.link.rank} ' in drawing


@pytest.mark.parametrize("scan", sorted(SCANS))
def test_no_line_crosses_a_foreign_region(scan: str) -> None:
    layout = graph.layout(SCANS[scan](), "en")
    for edge in layout.edges:
        segments = [(edge.a.x, edge.a.y, edge.b.x, edge.b.y)] if not edge.stubs else []
        segments += [(s.node.x, s.node.y, s.x, s.y) for s in edge.stubs]
        own = {edge.a.region, edge.b.region}
        for index, region in enumerate(layout.regions):
            if index not in own:
                for segment in segments:
                    assert not region.box.cut_by(*segment), (edge.link.rank, region.title)
    for hub in layout.hubs:
        assert len({n.region for n in hub.members}) == 1


def test_links_across_regions_are_stubs_naming_the_other_account() -> None:
    layout = graph.layout(dense(), "en")
    cross = [e for e in layout.edges if e.a.region != e.b.region]
    assert {tuple(e.link.accounts) for e in cross} == {
        ("pengcheng-jp", "xinda-us"),
        ("acme-us", "xinda-de"),
    }
    for edge in cross:
        assert len(edge.stubs) == 2 and edge.tag is None
        for stub, other in zip(edge.stubs, (edge.b, edge.a), strict=True):
            assert stub.tag is not None and other.account.account_id in stub.tag.text
            box = layout.regions[stub.node.region].box
            assert box.holds(Box(stub.x, stub.y, stub.x, stub.y))


def test_svg_has_one_node_per_account_and_styles_status() -> None:
    drawing = str(svg.draw(graph.layout(sample(), "en"), "en", "graph"))
    assert drawing.count('<g class="node ') == 7
    assert drawing.count('<g class="edge ') == 5
    assert 'class="node status-bad" data-account="oldshop-jp"' in drawing
    assert 'class="node status-planned" data-account="newstore-uk"' in drawing
    assert 'class="edge sev-low approved"' in drawing


@pytest.mark.parametrize("scan", sorted(SCANS))
def test_every_edge_has_a_tooltip_and_its_labels_link_to_the_evidence(scan: str) -> None:
    layout = graph.layout(SCANS[scan](), "en")
    drawing = str(svg.draw(layout, "en", "graph"))
    edges = re.findall(r'<g class="edge [^"]*" data-rank="(\d+)"><title>([^<]+)</title>', drawing)
    assert len(edges) == len(layout.edges) == drawing.count('<g class="edge ')
    for (rank, tip), edge in zip(edges, layout.edges, strict=True):
        assert rank == str(edge.link.rank) and tip.startswith(f"#{rank} ")
    links = re.findall(r'<a class="tag [^"]*" href="#link-(\d+)"><title>', drawing)
    assert len(links) == len(list(layout.tags()))


def test_labels_of_links_not_on_the_page_are_not_links() -> None:
    layout = graph.layout(sample(), "en")
    drawing = str(svg.draw(layout, "en", "graph", frozenset({1, 2})))
    assert set(re.findall(r'href="#link-(\d+)"', drawing)) == {"1", "2"}
    assert drawing.count('<g class="tag ') == len(list(layout.tags())) - 2


def test_truncate_counts_wide_characters_twice() -> None:
    assert truncate("极客家居美国站", 8) == "极客家居…"
    assert truncate("short", 8) == "short"


def test_box_geometry() -> None:
    box = Box(0, 0, 10, 10)
    assert box.hits(Box(5, 5, 15, 15)) and not box.hits(Box(10, 0, 20, 10))
    assert box.cut_by(-5, 5, 15, 5) and not box.cut_by(-5, -5, 15, -1)
    assert box.cut_by(-5, -5, 15, 15) and not box.cut_by(11, -5, 20, 5)


def test_hostile_layout_escapes_in_svg() -> None:
    drawing = str(svg.draw(graph.layout(hostile(), "en"), "en", "<g>"))
    assert "<script>" not in drawing and 'aria-label="&lt;g&gt;"' in drawing
    assert "&lt;script&gt;" in drawing


def test_empty_scan_has_an_empty_layout() -> None:
    empty = sample().model_copy(update={"accounts": [], "groups": [], "links": [], "hubs": []})
    assert graph.layout(empty, "en") == Layout(height=0.0)
