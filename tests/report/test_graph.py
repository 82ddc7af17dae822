"""The linkage-graph layout: deterministic, one region per group, isolated accounts apart."""

import re

from linkaudit.report import graph, svg
from linkaudit.report.graph import Layout, Region, truncate

from .scans import hostile, sample


def _inside(region: Region, x: float, y: float) -> bool:
    return region.x <= x <= region.x + region.width and region.y <= y <= region.y + region.height


def test_layout_is_deterministic() -> None:
    assert graph.layout(sample(), "en") == graph.layout(sample(), "en")


def test_each_group_has_its_own_region_holding_its_members() -> None:
    layout = graph.layout(sample(), "en")
    scan = sample()
    assert len(layout.regions) == len(scan.groups) + 1  # + accounts without links
    for region, group in zip(layout.regions, scan.groups, strict=False):
        assert region.title.startswith(f"Group {group.id}")
        assert region.alarm == group.has_closed_or_suspended
        for account in group.accounts:
            node = layout.nodes[account]
            assert _inside(region, node.x, node.y)


def test_regions_do_not_overlap() -> None:
    regions = graph.layout(sample(), "en").regions
    for i, a in enumerate(regions):
        for b in regions[i + 1 :]:
            apart = (
                a.x + a.width <= b.x or b.x + b.width <= a.x
                or a.y + a.height <= b.y or b.y + b.height <= a.y
            )  # fmt: skip
            assert apart, (a.title, b.title)


def test_isolated_accounts_sit_in_the_last_row() -> None:
    layout = graph.layout(sample(), "en")
    last = layout.regions[-1]
    assert last.title == "Accounts without links"
    assert _inside(last, layout.nodes["solo-ca"].x, layout.nodes["solo-ca"].y)
    assert all(r.y + r.height <= last.y for r in layout.regions[:-1])


def test_every_link_is_an_edge_and_every_hub_is_drawn() -> None:
    layout = graph.layout(sample(), "zh")
    assert len(layout.edges) == 5
    assert layout.edges[0].label == "同一登录 IP +3"
    assert len(layout.hubs) == 1 and len(layout.hubs[0].members) == 4


def test_svg_has_one_node_per_account_and_styles_status() -> None:
    drawing = str(svg.draw(graph.layout(sample(), "en"), "en", "graph"))
    assert drawing.count('<g class="node ') == 7
    assert drawing.count('<g class="edge ') == 5
    assert 'class="node status-bad" data-account="oldshop-jp"' in drawing
    assert 'class="node status-planned" data-account="newstore-uk"' in drawing
    assert 'class="edge sev-low approved"' in drawing


def test_many_groups_wrap_into_rows_within_the_width() -> None:
    layout = graph.layout(sample(), "en")
    assert all(r.x + r.width <= layout.width for r in layout.regions)
    assert re.fullmatch(r"[\d.]+", str(layout.height))


def test_truncate_counts_wide_characters_twice() -> None:
    assert truncate("极客家居美国站", 8) == "极客家居…"
    assert truncate("short", 8) == "short"


def test_hostile_layout_escapes_in_svg() -> None:
    drawing = str(svg.draw(graph.layout(hostile(), "en"), "en", "<g>"))
    assert "<script>" not in drawing and 'aria-label="&lt;g&gt;"' in drawing


def test_empty_scan_has_an_empty_layout() -> None:
    empty = sample().model_copy(update={"accounts": [], "groups": [], "links": [], "hubs": []})
    assert graph.layout(empty, "en") == Layout(height=0.0)
