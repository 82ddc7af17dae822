"""Every user-facing word of the reports, in English and Chinese.

Reporters never hard-code UI text: they call `tr(key, lang)` or `count(key, n, lang)`.
Data (account ids, store names, values, rule ids, notes) is never translated.
"""

from dataclasses import dataclass

LANGS = ("en", "zh")


@dataclass(frozen=True)
class Msg:
    """One UI string; `{name}` placeholders are filled with str.format."""

    en: str
    zh: str


@dataclass(frozen=True)
class Plural:
    """A counted noun: English has two forms, Chinese one."""

    one: str
    other: str
    zh: str


# fmt: off
MESSAGES: dict[str, Msg] = {
    "title": Msg("Account linkage audit", "账号关联审计"),
    "generated": Msg("Generated {at} from inventory {inventory}", "生成于 {at}，清单：{inventory}"),
    "summary": Msg("Summary", "概览"),
    "links": Msg("Ranked links", "关联排名"),
    "evidence": Msg("Evidence", "证据"),
    "graph": Msg("Linkage graph", "关联图"),
    "groups": Msg("Groups", "关联组"),
    "hubs": Msg("Hubs (values shared by many accounts)", "枢纽（被多个账号共用的值）"),
    "flags": Msg("Account hygiene", "账号健康检查"),
    "notes": Msg("Data notes", "数据说明"),
    "accounts": Msg("Accounts", "账号"),
    "cross_selling": Msg("Cross-selling", "交叉销售"),
    "allowances": Msg("Allowances", "白名单"),
    "rank": Msg("Rank", "排名"),
    "account_a": Msg("Account A", "账号 A"),
    "account_b": Msg("Account B", "账号 B"),
    "account": Msg("Account", "账号"),
    "store": Msg("Store name", "店铺名称"),
    "status": Msg("Status", "状态"),
    "marketplaces": Msg("Marketplaces", "站点"),
    "marketplace": Msg("Marketplace", "站点"),
    "severity": Msg("Severity", "严重程度"),
    "score": Msg("Score", "分数"),
    "risk": Msg("Risk", "风险"),
    "what_links": Msg("What links them", "关联原因"),
    "same_site": Msg("Same marketplace", "同站点"),
    "approved": Msg("Approved", "已批准"),
    "approved_mark": Msg("approved", "已批准"),
    "rule": Msg("Rule", "规则"),
    "rule_title": Msg("Rule title", "规则名称"),
    "attribute": Msg("Attribute", "属性"),
    "value": Msg("Value", "值"),
    "weight": Msg("Weight", "权重"),
    "contribution": Msg("Contribution", "贡献"),
    "shared_by": Msg("Shared by", "共用账号数"),
    "sources": Msg("Sources", "来源"),
    "group": Msg("Group", "关联组"),
    "size": Msg("Size", "账号数"),
    "members": Msg("Members", "成员"),
    "max_score": Msg("Max score", "最高分"),
    "bad_standing": Msg("Closed or suspended", "已关闭或暂停"),
    "overlap": Msg("Shared products", "共同商品"),
    "examples": Msg("Examples", "示例"),
    "newer": Msg("Newer account", "较新账号"),
    "detail": Msg("Detail", "详情"),
    "fix": Msg("How to fix", "修复建议"),
    "allowed": Msg("Allow-listed", "已列入白名单"),
    "reason": Msg("Reason", "原因"),
    "expires": Msg("Expires", "到期"),
    "used": Msg("Used", "已使用"),
    "item": Msg("Item", "项目"),
    "count": Msg("Count", "数量"),
    "yes": Msg("yes", "是"),
    "no": Msg("no", "否"),
    "none": Msg("none", "无"),
    "more": Msg("(+{n} more)", "（另有 {n} 项）"),
    "not_shown": Msg("{n} more links not shown (raise --limit to see them)",
                     "另有 {n} 条关联未显示（提高 --limit 可查看）"),
    "no_links": Msg("No links found.", "未发现关联。"),
    "no_items": Msg("None.", "无。"),
    "problems_line": Msg("{problems}: run linkaudit validate to list them",
                         "{problems}：运行 linkaudit validate 查看"),
    "unavailable": Msg("Rules not run: {rules}", "未运行的规则：{rules}"),
    "allowance_unused": Msg("Allowance for {type} {value} was not used",
                            "{type} {value} 的白名单未被使用"),
    "allowance_expired": Msg("Allowance for {type} {value} expired on {expires}",
                             "{type} {value} 的白名单已于 {expires} 到期"),
    "cross_cell": Msg("{site}: {products}", "{site}：{products}"),
    "cross_sentence": Msg("{site}: {products} (ASIN {asins}, GTIN {gtins}); newer account: {newer}",
                          "{site}：{products}（ASIN {asins}，GTIN {gtins}）；较新账号：{newer}"),
    "group_label": Msg("Group {id}", "关联组 {id}"),
    "weakly_linked": Msg("Not in a group (weak links only)", "未分组（仅有弱关联）"),
    "no_links_region": Msg("No links", "无关联"),
    "exposure": Msg("At risk through {account} ({status})", "因 {account}（{status}）而有风险"),
    "approval_reason": Msg("Approved: {reason}", "已批准：{reason}"),
    "similarity": Msg("similarity {sim}", "相似度 {sim}"),
    "seen": Msg("{account} used it {first} – {last}", "{account} 使用于 {first} – {last}"),
    "other_value": Msg("other account: {value}", "另一账号：{value}"),
    "summary_sentence": Msg(
        "{accounts}, {links} ({severities}), {groups}, {planned}.",
        "{accounts}，{links}（{severities}），{groups}，{planned}。"),
    "legend": Msg("Node fill: risk; red outline: closed or suspended; dashed outline: planned; "
                  "line colour and width: severity; faded dashed line: approved; "
                  "line label: the strongest shared item (+n: more evidence); "
                  "#n: the link's rank in the table where its label has no room; "
                  "↔ tag on a short dashed stub: a weak link to an account in another box; "
                  "diamond with dotted spokes: a value shared by many accounts (hub). "
                  "Hover a line for what links the accounts; click a label for its evidence.",
                  "节点填充：风险；红色边框：已关闭或暂停；虚线边框：计划中；连线颜色与粗细：严重程度；"
                  "淡色虚线：已批准；连线标签：最强的共用项（+n：其余证据数）；"
                  "#n：标签放不下时显示该关联在表中的排名；"
                  "短虚线末端的 ↔ 标签：与其他框中账号的弱关联；"
                  "菱形与点线：被多个账号共用的值（枢纽）。"
                  "鼠标悬停连线可查看关联原因，点击标签可跳转到证据。"),
    "sort_hint": Msg("Click a column heading to sort.", "点击列标题排序。"),
    "rules_used": Msg("Rules", "规则"),
    "links_total": Msg("Links", "关联"),
    "planned_at_risk": Msg("Planned stores at risk", "有风险的计划店铺"),
    "approved_links": Msg("Approved links", "已批准的关联"),
    "problems": Msg("Data problems", "数据问题"),
    "where": Msg("Where", "位置"),
    "column": Msg("Column", "列"),
    "why": Msg("Why", "原因"),
    "level": Msg("Level", "级别"),
    "exposure_head": Msg("Exposed to", "受牵连于"),
    "flag_count": Msg("Flags", "标记"),
    "hubs_short": Msg("Hubs", "枢纽"),
    "inventory": Msg("Inventory", "清单"),
    "generated_at": Msg("Generated at", "生成时间"),
}

PLURALS: dict[str, Plural] = {
    "accounts": Plural("{n} account", "{n} accounts", "{n} 个账号"),
    "links": Plural("{n} link", "{n} links", "{n} 条关联"),
    "groups": Plural("{n} group", "{n} groups", "{n} 个关联组"),
    "planned": Plural("{n} planned store at risk", "{n} planned stores at risk",
                      "{n} 个计划中的店铺有风险"),
    "problems": Plural("{n} data problem", "{n} data problems", "{n} 个数据问题"),
    "products": Plural("{n} product", "{n} products", "{n} 个商品"),
    "shared_products": Plural("{n} shared product", "{n} shared products", "{n} 个共同商品"),
}

SEVERITY: dict[str, Msg] = {
    "critical": Msg("Critical", "严重"),
    "high": Msg("High", "高"),
    "medium": Msg("Medium", "中"),
    "low": Msg("Low", "低"),
}

STATUS: dict[str, Msg] = {
    "active": Msg("Active", "正常"),
    "planned": Msg("Planned", "计划中"),
    "under_review": Msg("Under review", "审核中"),
    "suspended": Msg("Suspended", "已暂停"),
    "closed": Msg("Closed", "已关闭"),
    "unknown": Msg("Unknown", "未知"),
}

ATTRIBUTE: dict[str, Msg] = {
    "ip": Msg("IP", "IP 地址"), "ip_subnet": Msg("IP subnet", "IP 网段"),
    "mac": Msg("MAC address", "MAC 地址"), "device_id": Msg("Device ID", "设备 ID"),
    "fingerprint": Msg("Browser fingerprint", "浏览器指纹"),
    "browser_profile": Msg("Browser profile", "浏览器配置"),
    "wifi_ssid": Msg("Wi-Fi SSID", "Wi-Fi 名称"),
    "phone": Msg("Phone", "电话"), "email": Msg("Email", "邮箱"),
    "company_name": Msg("Company name", "公司名称"),
    "registration_number": Msg("Registration number", "注册号"), "tax_id": Msg("Tax ID", "税号"),
    "person": Msg("Person", "人员"), "address": Msg("Address", "地址"),
    "website": Msg("Website", "网站"), "card": Msg("Card", "信用卡"),
    "bank_account": Msg("Bank account", "银行账户"),
    "payout_account": Msg("Payout account", "收款账户"),
    "asin": Msg("ASIN", "ASIN"), "gtin": Msg("GTIN", "GTIN"), "brand": Msg("Brand", "品牌"),
    "title": Msg("Product title", "商品标题"), "image": Msg("Image", "图片"),
    "document": Msg("Document", "文件"),
}

# The short words on the graph's edges: "email +5", "bank account", "电话".
EDGE_WORD: dict[str, Msg] = {
    "ip": Msg("IP", "IP"), "ip_subnet": Msg("IP subnet", "IP 网段"),
    "mac": Msg("MAC", "MAC"), "device_id": Msg("device", "设备"),
    "fingerprint": Msg("fingerprint", "浏览器指纹"),
    "browser_profile": Msg("browser profile", "浏览器配置"),
    "wifi_ssid": Msg("Wi-Fi", "Wi-Fi"),
    "phone": Msg("phone", "电话"), "email": Msg("email", "邮箱"),
    "company_name": Msg("company name", "公司名称"),
    "registration_number": Msg("registration no.", "注册号"), "tax_id": Msg("tax ID", "税号"),
    "person": Msg("person", "人员"), "address": Msg("address", "地址"),
    "website": Msg("website", "网站"), "card": Msg("card", "信用卡"),
    "bank_account": Msg("bank account", "银行账户"),
    "payout_account": Msg("payout account", "收款账户"),
    "asin": Msg("ASIN", "ASIN"), "gtin": Msg("GTIN", "GTIN"), "brand": Msg("brand", "品牌"),
    "title": Msg("product title", "商品标题"), "image": Msg("image", "图片"),
    "document": Msg("document", "文件"),
}
# fmt: on


def _pick(msg: Msg, lang: str) -> str:
    return msg.zh if lang == "zh" else msg.en


def tr(key: str, lang: str, **values: object) -> str:
    """The UI string `key` in `lang`, with placeholders filled from `values`."""
    text = _pick(MESSAGES[key], lang)
    return text.format(**values) if values else text


def count(key: str, n: int, lang: str) -> str:
    """A counted noun such as "3 links" / "3 条关联"."""
    plural = PLURALS[key]
    form = plural.zh if lang == "zh" else (plural.one if n == 1 else plural.other)
    return form.format(n=n)


def severity(value: str | None, lang: str) -> str:
    """The display name of a severity (严重/高/中/低); empty for none."""
    if value is None:
        return ""
    msg = SEVERITY.get(str(value))
    return _pick(msg, lang) if msg else str(value)


def status(value: str, lang: str) -> str:
    """The display name of an account status."""
    msg = STATUS.get(value)
    return _pick(msg, lang) if msg else value


def attribute(value: str, lang: str) -> str:
    """The display name of an attribute type; unknown types are shown as they are."""
    msg = ATTRIBUTE.get(value)
    return _pick(msg, lang) if msg else value


def edge_word(value: str, lang: str) -> str:
    """The short word for an attribute type on a graph edge; unknown types as they are."""
    msg = EDGE_WORD.get(value)
    return _pick(msg, lang) if msg else value


def yes_no(flag: bool, lang: str) -> str:
    """是/否 or yes/no."""
    return tr("yes" if flag else "no", lang)


# EDGE_WORD is left out: its lowercase words are also attribute codes and rule-id parts (data)
TABLES = (MESSAGES, SEVERITY, STATUS, ATTRIBUTE)


def english_strings() -> list[str]:
    """Every English UI fragment (placeholders removed), for the "no English in zh" test."""
    texts = [m.en for table in TABLES for m in table.values()]
    texts += [t for p in PLURALS.values() for t in (p.one, p.other)]
    fragments: list[str] = []
    for text in texts:
        for part in text.replace("{", "\0{").replace("}", "}\0").split("\0"):
            if not part.startswith("{"):
                fragments.append(part.strip(" .,():;`"))
    chinese = " ".join(m.zh for table in TABLES for m in table.values())
    # fragments that Chinese keeps as they are (ASIN, IP, ID) are not English UI text
    return sorted({f for f in fragments if any(c.isalpha() for c in f) and f not in chinese})
