"""Offline table of well-known hosting / cloud networks, and hosting words in login labels.

The table is APPROXIMATE and OFFLINE: a curated list of large, long-held prefixes of the
major clouds (from their published ranges and registry allocations, 2024). It never
downloads anything (air-gapped audit machines, libraries.md). A miss proves nothing; a hit
means "this address very probably belongs to <provider>", which is what the
`cloud-login-ip` risk flag needs. Lookup is a bisect over sorted integer ranges.
"""

import ipaddress
import re
from bisect import bisect_right

from linkaudit.normalize.text import fold

ALIBABA = "Alibaba Cloud"
TENCENT = "Tencent Cloud"
AWS = "AWS"
GOOGLE = "Google Cloud"
AZURE = "Microsoft Azure"
DIGITALOCEAN = "DigitalOcean"
HETZNER = "Hetzner"
OVH = "OVH"
VULTR = "Vultr"
LINODE = "Linode/Akamai"
ORACLE = "Oracle Cloud"
HUAWEI = "Huawei Cloud"

_PREFIXES: dict[str, str] = {
    ALIBABA: "8.128.0.0/10 8.208.0.0/12 39.96.0.0/13 39.104.0.0/14 39.108.0.0/16 "
    "47.74.0.0/15 47.76.0.0/14 47.80.0.0/13 47.88.0.0/14 47.92.0.0/14 47.96.0.0/11 "
    "47.240.0.0/14 47.244.0.0/15 47.246.0.0/16 47.250.0.0/15 47.252.0.0/15 47.254.0.0/16 "
    "60.205.0.0/16 101.132.0.0/15 106.14.0.0/15 112.124.0.0/16 114.55.0.0/16 115.28.0.0/15 "
    "118.31.0.0/16 120.24.0.0/14 120.76.0.0/14 121.40.0.0/14 123.56.0.0/15 139.196.0.0/16 "
    "139.224.0.0/16 149.129.0.0/16 161.117.0.0/16 182.92.0.0/16 2408:4000::/22",
    TENCENT: "1.12.0.0/14 1.116.0.0/15 42.192.0.0/15 43.128.0.0/10 49.51.0.0/16 "
    "81.68.0.0/14 82.156.0.0/15 106.52.0.0/14 111.229.0.0/16 111.230.0.0/15 118.24.0.0/15 "
    "118.89.0.0/16 119.28.0.0/15 122.51.0.0/16 123.206.0.0/15 129.204.0.0/16 129.226.0.0/16 "
    "132.232.0.0/16 134.175.0.0/16 139.155.0.0/16 139.199.0.0/16 140.143.0.0/16 "
    "148.70.0.0/16 150.109.0.0/16 150.158.0.0/16 152.136.0.0/16 162.14.0.0/16 "
    "175.24.0.0/14 175.178.0.0/16 182.254.0.0/16 193.112.0.0/16 212.64.0.0/17",
    AWS: "3.0.0.0/9 13.48.0.0/13 13.56.0.0/14 13.112.0.0/14 13.124.0.0/14 13.200.0.0/13 "
    "13.208.0.0/13 13.228.0.0/14 13.232.0.0/13 18.128.0.0/9 34.192.0.0/10 35.152.0.0/13 "
    "35.160.0.0/12 35.176.0.0/13 44.192.0.0/10 46.51.128.0/18 50.16.0.0/14 52.0.0.0/11 "
    "52.32.0.0/11 52.64.0.0/12 52.84.0.0/14 52.88.0.0/13 52.192.0.0/11 54.64.0.0/11 "
    "54.144.0.0/12 54.160.0.0/11 54.192.0.0/12 54.208.0.0/13 54.216.0.0/14 54.220.0.0/15 "
    "54.224.0.0/11 75.101.128.0/17 100.20.0.0/14 107.20.0.0/14 174.129.0.0/16 "
    "184.72.0.0/15 2406:da00::/24 2600:1f00::/24 2a05:d000::/25",
    GOOGLE: "23.236.48.0/20 34.64.0.0/10 34.128.0.0/10 35.184.0.0/13 35.192.0.0/12 "
    "35.208.0.0/12 35.224.0.0/12 35.240.0.0/13 104.154.0.0/15 104.196.0.0/14 "
    "107.178.192.0/18 108.59.80.0/20 130.211.0.0/16 146.148.0.0/17 2600:1900::/28",
    AZURE: "13.64.0.0/11 13.104.0.0/14 20.36.0.0/14 20.40.0.0/13 20.48.0.0/12 20.64.0.0/10 "
    "20.128.0.0/16 20.150.0.0/15 20.184.0.0/13 20.192.0.0/10 23.96.0.0/13 40.64.0.0/10 "
    "51.104.0.0/15 52.136.0.0/13 52.160.0.0/11 65.52.0.0/14 104.40.0.0/13 137.116.0.0/15 "
    "137.135.0.0/16 138.91.0.0/16 168.61.0.0/16 168.62.0.0/15 191.232.0.0/13 "
    "2603:1000::/24",
    DIGITALOCEAN: "104.131.0.0/16 104.236.0.0/16 107.170.0.0/16 128.199.0.0/16 "
    "134.122.0.0/16 134.209.0.0/16 137.184.0.0/16 138.68.0.0/16 138.197.0.0/16 "
    "139.59.0.0/16 142.93.0.0/16 143.110.0.0/16 143.198.0.0/16 146.190.0.0/16 "
    "157.230.0.0/16 159.65.0.0/16 159.89.0.0/16 159.203.0.0/16 161.35.0.0/16 "
    "162.243.0.0/16 164.90.0.0/16 164.92.0.0/16 165.22.0.0/16 165.227.0.0/16 "
    "167.71.0.0/16 167.99.0.0/16 167.172.0.0/16 170.64.0.0/16 174.138.0.0/17 "
    "178.62.0.0/16 188.166.0.0/16 206.189.0.0/16 2604:a880::/32 2a03:b0c0::/32",
    HETZNER: "5.9.0.0/16 46.4.0.0/16 49.12.0.0/15 65.21.0.0/16 65.108.0.0/15 78.46.0.0/15 "
    "88.99.0.0/16 88.198.0.0/16 94.130.0.0/16 95.216.0.0/15 116.202.0.0/15 135.181.0.0/16 "
    "136.243.0.0/16 138.201.0.0/16 144.76.0.0/16 148.251.0.0/16 159.69.0.0/16 "
    "162.55.0.0/16 167.233.0.0/16 168.119.0.0/16 176.9.0.0/16 178.63.0.0/16 "
    "195.201.0.0/16 2a01:4f8::/31",
    OVH: "5.39.0.0/17 5.135.0.0/16 5.196.0.0/16 37.59.0.0/16 37.187.0.0/16 46.105.0.0/16 "
    "51.38.0.0/16 51.68.0.0/16 51.75.0.0/16 51.77.0.0/16 51.79.0.0/16 51.81.0.0/16 "
    "51.83.0.0/16 51.89.0.0/16 51.91.0.0/16 51.161.0.0/16 51.178.0.0/16 51.195.0.0/16 "
    "51.210.0.0/16 51.222.0.0/16 54.36.0.0/14 87.98.128.0/17 91.121.0.0/16 92.222.0.0/16 "
    "94.23.0.0/16 137.74.0.0/16 139.99.0.0/16 141.94.0.0/15 144.217.0.0/16 "
    "145.239.0.0/16 147.135.0.0/16 149.56.0.0/16 149.202.0.0/16 151.80.0.0/16 "
    "158.69.0.0/16 164.132.0.0/16 167.114.0.0/16 176.31.0.0/16 178.32.0.0/15 "
    "188.165.0.0/16 192.99.0.0/16 198.27.64.0/18 198.50.128.0/17 2001:41d0::/32",
    VULTR: "45.32.0.0/16 45.63.0.0/17 45.76.0.0/15 95.179.128.0/17 104.156.224.0/19 "
    "104.207.128.0/19 108.61.0.0/16 136.244.64.0/18 140.82.0.0/17 144.202.0.0/16 "
    "149.28.0.0/16 155.138.128.0/17 207.148.0.0/17 209.250.224.0/19 2001:19f0::/32",
    LINODE: "45.33.0.0/17 45.56.64.0/18 45.79.0.0/16 50.116.0.0/18 66.175.208.0/20 "
    "72.14.176.0/20 74.207.224.0/19 96.126.96.0/19 97.107.128.0/20 139.144.0.0/16 "
    "139.162.0.0/16 172.104.0.0/15 172.232.0.0/13 173.230.128.0/19 173.255.192.0/18 "
    "176.58.96.0/19 178.79.128.0/18 192.155.80.0/20 2600:3c00::/28",
    ORACLE: "129.144.0.0/12 130.35.0.0/16 130.61.0.0/16 132.145.0.0/16 132.226.0.0/16 "
    "134.70.0.0/16 138.1.0.0/16 140.238.0.0/16 141.147.0.0/16 144.21.0.0/16 "
    "144.24.0.0/16 150.136.0.0/16 152.67.0.0/16 152.70.0.0/16 155.248.128.0/17 "
    "158.101.0.0/16 168.138.0.0/16 193.122.0.0/15",
    HUAWEI: "94.74.64.0/18 110.41.0.0/16 114.116.0.0/16 116.63.0.0/16 119.3.0.0/16 "
    "119.8.0.0/16 120.46.0.0/16 121.36.0.0/15 123.60.0.0/16 123.249.0.0/16 "
    "124.70.0.0/15 139.9.0.0/16 159.138.0.0/16",
}


def _ranges(version: int) -> tuple[list[int], list[int], list[str]]:
    """Sorted (starts, ends, providers) of one IP version, built once at import."""
    rows = sorted(
        (int(net.network_address), int(net.broadcast_address), provider)
        for provider, text in _PREFIXES.items()
        for net in map(ipaddress.ip_network, text.split())
        if net.version == version
    )
    return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]


_TABLES = {4: _ranges(4), 6: _ranges(6)}


def hosting_provider(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """The hosting provider whose well-known range holds the address, or None."""
    return provider_of(address.version, int(address))


def hosting_ranges(version: int) -> list[tuple[int, int]]:
    """The table's (first, last) integer ranges of one IP version."""
    starts, ends, _ = _TABLES[version]
    return list(zip(starts, ends, strict=True))


def provider_of(version: int, number: int) -> str | None:
    """The hosting provider of an address given as IP version and integer, or None."""
    starts, ends, providers = _TABLES[version]
    index = bisect_right(starts, number) - 1
    if index >= 0 and number <= ends[index]:
        return providers[index]
    return None


# Login `source` / `provider` labels (spec 2.3). Provider names first: they are more precise.
_PROVIDER_WORDS: tuple[tuple[str, str], ...] = (
    (r"aliyun|alibaba\s*cloud|alicloud|阿里云", ALIBABA),
    (r"tencent\s*cloud|qcloud|腾讯云", TENCENT),
    (r"\baws\b|amazon\s*web|\bec2\b|lightsail|amazon", AWS),
    (r"google\s*cloud|\bgcp\b|\bgce\b|谷歌云", GOOGLE),
    (r"azure|微软云", AZURE),
    (r"digital\s*ocean", DIGITALOCEAN),
    (r"hetzner", HETZNER),
    (r"\bovh", OVH),
    (r"vultr", VULTR),
    (r"linode|akamai", LINODE),
    (r"oracle\s*cloud|\boci\b", ORACLE),
    (r"huawei\s*cloud|华为云", HUAWEI),
)
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    (r"\bvpn|梯子|翻墙", "vpn"),
    (r"prox|代理", "proxy"),
    (r"\bvps|云服务器|云主机", "vps"),
    (r"data\s*cent(?:er|re)|\bidc\b|机房|数据中心", "datacenter"),
    (r"hosting|\bhost\b|托管|主机", "hosting"),
    (r"cloud|云服务|云计算|云平台", "cloud"),
)
_LABELS = tuple((re.compile(p), label) for p, label in _PROVIDER_WORDS + _KIND_WORDS)


def hosting_label(text: str) -> str | None:
    """What a login `source` / `provider` label says about hosting, or None for home/mobile.

    Returns a provider name from the range table (`Aliyun ECS` -> `Alibaba Cloud`,
    `腾讯云` -> `Tencent Cloud`) or one of `vpn`, `proxy`, `vps`, `datacenter`,
    `hosting`, `cloud`. `broadband`, `mobile`, `residential` and ISP names give None.
    """
    folded = fold(text)
    for pattern, label in _LABELS:
        if pattern.search(folded):
            return label
    return None
