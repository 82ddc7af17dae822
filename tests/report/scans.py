"""Hand-built scan results for the reporters: a realistic estate and a hostile one."""

from linkaudit.result import (
    Account,
    Allowance,
    CrossSelling,
    Evidence,
    Exposure,
    Flag,
    Group,
    Hub,
    Link,
    ProblemOut,
    RuleInfo,
    ScanResult,
    Span,
    Summary,
    Text,
)
from linkaudit.vocab import Severity

C, H, M, L = Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW


def _rule(rid: str, en: str, zh: str, sev: Severity, weight: float, kind: str = "pair") -> RuleInfo:
    fix = Text(en=f"Stop sharing the {en.lower()} between stores.", zh=f"停止在店铺之间共用{zh}。")
    return RuleInfo(
        id=rid, title=Text(en=en, zh=zh), severity=sev, weight=weight, kind=kind, fix=fix
    )


RULES = [
    _rule("shared-login-ip", "Same login IP", "同一登录 IP", H, 0.9),
    _rule("shared-phone", "Same phone", "同一电话", C, 0.95),
    _rule("shared-card", "Same credit card", "同一信用卡", C, 0.95),
    _rule("same-asin-same-site", "Same ASIN on the same marketplace", "同站点相同 ASIN", M, 0.5),
    _rule("company-name", "Same company name", "相同公司名称", C, 0.9),
    _rule("shared-email", "Same email", "同一邮箱", C, 0.95),
    _rule("shared-device", "Same device", "同一设备", H, 0.85),
    _rule("same-subnet", "Same IPv4 /24 subnet", "同一 IPv4 /24 网段", L, 0.3),
    _rule("similar-address", "Similar business address", "相似经营地址", M, 0.6),
    _rule("shared-brand", "Same brand", "相同品牌", L, 0.2),
    _rule("office-ip-hub", "Office IP shared by many stores", "多个店铺共用的办公 IP", H, 0.8),
    _rule(
        "cloud-login-ip", "Login from a cloud server IP", "从云服务器 IP 登录", M, 0.0, "account"
    ),
    _rule("free-email", "Free email domain", "免费邮箱域名", L, 0.0, "account"),
]


def _ev(rule: str, attr: str, value: str, weight: float, contribution: float, *sources: str,
        shared_by: int = 2, **extra: object) -> Evidence:  # fmt: skip
    return Evidence(rule=rule, attribute=attr, value=value, weight=weight,
                    contribution=contribution, sources=list(sources), shared_by=shared_by,
                    **extra)  # fmt: skip


def _account(aid: str, name: str, status: str, sites: list[str], risk: float,
             sev: Severity | None, group: int | None, links: int,
             **extra: object) -> Account:  # fmt: skip
    return Account(account_id=aid, store_name=name, status=status, marketplaces=sites, risk=risk,
                   severity=sev, group=group, links=links, seller_id="A" + aid.upper()[:6],
                   **extra)  # fmt: skip


def _links() -> list[Link]:
    cross = CrossSelling(marketplace="US", overlap=12, asins=10, gtins=2, newer_account="acme-us-2",
                         examples=["B0ABCDEFGH", "B0ZYXWVUTS"],
                         opened={"acme-us": "2021-03-01", "acme-us-2": "2024-06-15"})  # fmt: skip
    span = [
        Span(account="acme-us", first_seen="2026-01-02T08:00:00Z", last_seen="2026-03-01T08:00:00Z")
    ]
    return [
        Link(accounts=["acme-us", "acme-us-2"], score=0.98, severity=C, same_marketplace=True,
             approved=False, rank=1, shared_marketplaces=["US"], group=1, cross_selling=[cross],
             evidence=[
                 _ev("shared-login-ip", "ip", "203.0.113.7", 0.9, 0.6, "logins.csv:3",
                     "logins.csv:9", spans=span),
                 _ev("shared-phone", "phone", "+86*******8000", 0.95, 0.2, "companies.csv:2",
                     "companies.csv:3"),
                 _ev("shared-card", "card", "411111******1111", 0.95, 0.1, "payments.csv:4",
                     "payments.csv:7"),
                 _ev("same-asin-same-site", "asin", "B0ABCDEFGH", 0.5, 0.08, "listings.csv:11",
                     "listings.csv:40", shared_by=3),
             ]),
        Link(accounts=["acme-de", "acme-us"], score=0.81, severity=H, same_marketplace=False,
             approved=False, rank=2, group=1,
             evidence=[
                 _ev("company-name", "company_name", "深圳市极客科技有限公司", 0.9, 0.5,
                     "companies.csv:2", "companies.csv:4"),
                 _ev("shared-email", "email", "l***@gmail.com", 0.95, 0.31, "accounts.csv:2",
                     "accounts.csv:4"),
             ]),
        Link(accounts=["acme-de", "newstore-uk"], score=0.74, severity=H, same_marketplace=False,
             approved=False, rank=3, group=1,
             evidence=[
                 _ev("shared-device", "device_id", "DEV-7F3A-22C1", 0.85, 0.6, "devices.csv:5",
                     "devices.csv:6"),
                 _ev("same-subnet", "ip_subnet", "198.51.100.0/24", 0.3, 0.14, "logins.csv:12",
                     "logins.csv:15", weak=True),
             ]),
        Link(accounts=["brightco-fr", "oldshop-jp"], score=0.55, severity=M, same_marketplace=False,
             approved=False, rank=4, group=2,
             evidence=[
                 _ev("similar-address", "address", "Room 1201, 88 Keyuan Rd, Shenzhen", 0.6, 0.55,
                     "addresses.csv:3", "addresses.csv:8",
                     other_value="Rm 1201, 88 Keyuan Road, Shenzhen", similarity=0.93),
             ]),
        Link(accounts=["acme-us-2", "newstore-uk"], score=0.22, severity=L, same_marketplace=False,
             approved=True, rank=5, group=1,
             approval_reason="Sister brand, declared to the marketplace (case 12345)",
             evidence=[_ev("shared-brand", "brand", "GEEKHOME", 0.2, 0.22, "listings.csv:2",
                           "listings.csv:30")]),
    ]  # fmt: skip


def _accounts() -> list[Account]:
    cloud = Flag(rule="cloud-login-ip", attribute="ip", severity=M, value="47.88.1.2",
                 detail="Alibaba Cloud (AS45102)", sources=["logins.csv:20"])  # fmt: skip
    free = Flag(rule="free-email", attribute="email", severity=L, value="n***@163.com",
                sources=["accounts.csv:5"])  # fmt: skip
    exposure = [Exposure(account="oldshop-jp", status="closed", via_score=0.55)]
    return [
        _account("acme-de", "Acme 德国店", "active", ["DE", "FR"], 0.81, H, 1, 2),
        _account("acme-us", "Acme Home US", "active", ["US", "CA"], 0.98, C, 1, 2,
                 opened="2021-03-01"),
        _account("acme-us-2", "极客家居美国站", "active", ["US"], 0.98, C, 1, 2, flags=[cloud],
                 opened="2024-06-15"),
        _account("brightco-fr", "Bright Co", "active", ["FR"], 0.55, M, 2, 1, exposure=exposure),
        _account("newstore-uk", "新店英国", "planned", ["UK"], 0.74, H, 1, 2, flags=[free]),
        _account("oldshop-jp", "旧店日本", "closed", ["JP"], 0.55, M, 2, 1),
        _account("solo-ca", "Solo Maple", "active", ["CA"], 0.0, None, None, 0),
    ]  # fmt: skip


def sample() -> ScanResult:
    """Seven accounts, five links (every severity), two groups, a hub, flags and notes."""
    groups = [
        Group(id=1, accounts=["acme-de", "acme-us", "acme-us-2", "newstore-uk"], max_score=0.98,
              has_closed_or_suspended=False, key="g-3f1a", size=4, min_score=0.22, hubs=["hub-1"]),
        Group(id=2, accounts=["brightco-fr", "oldshop-jp"], max_score=0.55,
              has_closed_or_suspended=True, key="g-9c2e", size=2, min_score=0.55,
              closed_or_suspended=["oldshop-jp"]),
    ]  # fmt: skip
    hub = Hub(id="hub-1", rule="office-ip-hub", attribute="ip", value="192.0.2.10", members=4,
              accounts=["acme-de", "acme-us", "acme-us-2", "newstore-uk"], severity=H, weight=0.8,
              sources=["logins.csv:30", "logins.csv:31"])  # fmt: skip
    summary = Summary(accounts=7, links=5, groups=2, planned_at_risk=1, approved=1, hubs=1,
                      flags=2, problems=2,
                      by_severity={"critical": 1, "high": 2, "medium": 1, "low": 1})  # fmt: skip
    return ScanResult(
        generated_at="2026-11-27T10:00:00Z", inventory="inventory", summary=summary,
        links=_links(), accounts=_accounts(), groups=groups, hubs=[hub], rules=RULES,
        notes=["companies.csv: column 'fax' is ignored by every rule",
               "listings.csv: 3 rows lack a marketplace"],
        problems=[ProblemOut(where="logins.csv:44", column="ip", value="999.1.1.1",
                             why="not an IP address"),
                  ProblemOut(where="companies.csv:6", column="phone", value="12345",
                             why="too short for a phone number", level="error")],
        allowances=[Allowance(type="address", value="8 Prep Centre Way, Dover", reason="3PL",
                              used=True, matches=3),
                    Allowance(type="ip", value="100.64.0.1", reason="CGNAT", expires="2026-01-01",
                              expired=True)],
        unavailable_rules=["similar-title"], tool_version="0.1.0",
    )  # fmt: skip


EVIL = '=HYPERLINK("http://x","y")'
SCRIPT = "<script>alert(1)</script>"
DANGEROUS_VALUES = ["+1-800-EVIL", "-2+3", "@SUM(A1:A9)", "\tcmd", "\rcmd", EVIL]


def hostile() -> ScanResult:
    """Store names and values crafted to inject HTML, markdown and spreadsheet formulas."""
    evidence = [_ev("shared-login-ip", "ip", v, 0.9, 0.1, f"x|y.csv:{n}", "<b>.csv:1")
                for n, v in enumerate(DANGEROUS_VALUES)]  # fmt: skip
    link = Link(accounts=sorted([EVIL, "safe"]), score=0.9, severity=C, same_marketplace=True,
                approved=False, rank=1, group=1, shared_marketplaces=["US"], evidence=evidence,
                cross_selling=[CrossSelling(marketplace="US", overlap=1, asins=1, gtins=0,
                                            examples=[SCRIPT], newer_account=EVIL)])  # fmt: skip
    flag = Flag(rule="cloud-login-ip", attribute="ip", severity=M, value="-1", detail=SCRIPT)
    accounts = [
        _account(EVIL, SCRIPT, "suspended", ["US"], 0.9, C, 1, 1, flags=[flag]),
        _account("safe", "*bold* _it_ | pipe [x](http://y) # `code`", "active", ["US"], 0.9, C,
                 1, 1),
    ]  # fmt: skip
    rules = [
        *RULES[:1],
        _rule("cloud-login-ip", "Cloud <i>IP</i>", "云 <i>IP</i>", M, 0.0, "account"),
    ]
    summary = Summary(accounts=2, links=1, groups=1, problems=1,
                      by_severity={"critical": 1, "high": 0, "medium": 0, "low": 0})  # fmt: skip
    return ScanResult(
        generated_at="2026-11-27T10:00:00Z", inventory=SCRIPT, summary=summary, links=[link],
        accounts=accounts, rules=rules,
        groups=[Group(id=1, accounts=sorted([EVIL, "safe"]), max_score=0.9,
                      has_closed_or_suspended=True, closed_or_suspended=[EVIL], size=2)],
        hubs=[Hub(id="h", rule="office-ip-hub", attribute="ip", value="@evil", members=5,
                  accounts=[EVIL, "safe"], severity=H, weight=0.8)],
        notes=[f"{SCRIPT} | *note*", "=1+1"],
        problems=[ProblemOut(where="a.csv:1", column="ip", value="+1", why=SCRIPT)],
    )  # fmt: skip


SCANS = {"sample": sample, "hostile": hostile}
