#!/usr/bin/env python3
"""Generate linkaudit's SYNTHETIC demo inventory (sample_data/).

    python sample_data/make_sample.py            # rewrite sample_data/ in place
    python sample_data/make_sample.py OUT_DIR    # write the same files into OUT_DIR

Everything written here is invented: no real person, company, phone, e-mail, card, bank
account or IP owner. Cards are public test numbers (they pass Luhn, nothing more), IBANs are
the published example IBANs, IPv4/IPv6 addresses come from the documentation ranges
(192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) plus a few invented
public-looking addresses, phones follow the +86 138 0013 8xxx test pattern, and e-mail
domains are example.com / example.cn (plus two invented Gmail variants the spec needs).

The output is deterministic: no randomness, no clock. Re-running the script writes the same
bytes (the XLSX is post-processed to drop openpyxl's timestamps and stored uncompressed so
that no zlib version can change it). README.md is written by hand and is NOT generated;
expected.yaml (the machine-readable answer key) IS generated, so its line numbers always
match the files.

The story of the estate, the planted links and the negative controls are told in
sample_data/README.md; the comments below only say where each one is planted.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------------------------
# Small deterministic helpers
# --------------------------------------------------------------------------------------------


def h(label: str, n: int = 64) -> str:
    """A stable hex digest of a label (the only 'randomness' in the demo)."""
    return hashlib.sha256(label.encode("utf-8")).hexdigest()[:n]


def luhn_ok(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def gtin_check(body: str) -> str:
    """Append the GS1 check digit to a GTIN body (any length)."""
    total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body)))
    return body + str((10 - total % 10) % 10)


def asin_of(label: str) -> str:
    alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    n = int(h("asin:" + label, 16), 16)
    out = []
    for _ in range(8):
        n, r = divmod(n, len(alphabet))
        out.append(alphabet[r])
    return "B0" + "".join(out)


def upc_of(label: str) -> str:
    """A 12-digit UPC-A (GTIN-12) with a valid check digit, prefix 0 (US/CA)."""
    body = "0" + str(int(h("upc:" + label, 15), 16))[-10:].rjust(10, "0")
    return gtin_check(body)


def ean_of(label: str) -> str:
    """A 13-digit EAN (GTIN-13) in the GS1 China range 690-699."""
    body = "69" + str(int(h("ean:" + label, 15), 16))[-10:].rjust(10, "0")
    return gtin_check(body)


def seller_id_of(account: str) -> str:
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    n = int(h("seller:" + account, 20), 16)
    out = []
    for _ in range(13):
        n, r = divmod(n, len(alphabet))
        out.append(alphabet[r])
    return "A" + "".join(out)


def mac_of(label: str, oui: str) -> str:
    tail = h("mac:" + label, 6).upper()
    return f"{oui}:{tail[0:2]}:{tail[2:4]}:{tail[4:6]}"


def fp_of(label: str) -> str:
    return h("fingerprint:" + label, 32)


def uuid_of(label: str) -> str:
    x = h("uuid:" + label, 32)
    return f"{x[0:8]}-{x[8:12]}-4{x[13:16]}-a{x[17:20]}-{x[20:32]}"


# --------------------------------------------------------------------------------------------
# The estate. Clusters (what SHOULD end up grouped):
#   X  Xinda group, Shenzhen: xinda-us, xinda-uk, xinda-de, xinda-ca, jiayue-us, xinda-jp-planned
#   M  Mingyue (the seed case) + the previous tenant: mingyue-us, mingyue-de, oldseller-closed
#   H  Haiyun + the shared operator: haiyun-uk, haiyun-it, bluefin-fr
#   K  Kestrel, an approved pair: kestrel-us, kestrel-us-2
#   T  xdtrade-it (alone)   P  pengcheng-jp (alone)
# --------------------------------------------------------------------------------------------

CLUSTERS: dict[str, list[str]] = {
    "X": ["xinda-us", "xinda-uk", "xinda-de", "xinda-ca", "jiayue-us", "xinda-jp-planned"],
    "M": ["mingyue-us", "mingyue-de", "oldseller-closed"],
    "H": ["haiyun-uk", "haiyun-it", "bluefin-fr"],
    "K": ["kestrel-us", "kestrel-us-2"],
    "T": ["xdtrade-it"],
    "P": ["pengcheng-jp"],
}

# account_id, store_name, marketplaces, status, opened, notes
ACCOUNTS: list[tuple[str, str, str, str, str, str]] = [
    ("xinda-us", "鑫达家居美国站", "US", "active", "2023-03-15",
     "Xinda's first and biggest store"),
    ("xinda-uk", "鑫达家居英国站", "UK", "active", "2024-02-20",
     "registered with the company name in capitals"),
    ("xinda-de", "鑫达家居欧洲站", "DE;FR;IT", "active", "2024-05-10",
     "pan-EU store run from the Shenzhen office"),
    ("xinda-ca", "鑫达家居加拿大站", "CA", "active", "2025-01-08", ""),
    ("jiayue-us", "嘉悦生活美国站", "US", "active", "2025-09-01",
     "'independent' company of the same boss, lists Xinda bestsellers"),
    ("xinda-jp-planned", "鑫达家居日本站（筹备）", "JP", "planned", "",
     "new company Qingshan, registration planned for 2026-12"),
    ("mingyue-us", "Mingyue Lighting US", "US", "active", "2024-04-01", ""),
    ("mingyue-de", "明月照明德国站", "DE", "suspended", "2026-06-20",
     "first EU store, deactivated 2026-09-18 as related to an account starting 'Hon'"),
    ("oldseller-closed", "Hongtu Outdoor DE", "DE", "closed", "2025-10-01",
     "closed 2026-03-02 after a policy violation, rented an Aliyun ECS server 2026-01/02"),
    ("haiyun-uk", "Haiyun Home UK", "UK", "active", "2023-11-05", ""),
    ("haiyun-it", "海韵家纺意大利站", "IT;ES", "under_review", "2024-09-12",
     "verification requested 2026-11-02"),
    ("bluefin-fr", "Bluefin Swim FR", "FR", "active", "2025-03-03",
     "operated by an outside freelancer who also runs Haiyun's stores"),
    ("kestrel-us", "Kestrel Outdoor US", "US", "active", "2022-08-19", ""),
    ("kestrel-us-2", "Tidewell Kitchen US", "US", "active", "2025-03-20",
     "second account approved by Amazon for the separate brand Tidewell"),
    # BAD VALUE: "EU" is not an Amazon site code (spec 2.1)
    ("xdtrade-it", "XD Garden Italia", "IT;EU", "active", "2024-12-02",
     "unrelated company with a name close to Xinda's"),
    # BAD VALUE: "holiday" is not a status (spec 2.1)
    ("pengcheng-jp", "鹏程数码日本站", "JP", "holiday", "2025-06-30",
     "next-door neighbour of Xinda (Room 1204)"),
]

# --------------------------------------------------------------------------------------------
# Companies (written as GBK with Chinese headers: 公司信息.csv)
# --------------------------------------------------------------------------------------------

USCC = {
    "xinda": "91440300MA5FXD0130",
    "jiayue": "91440300MA5GJY0239",
    "qingshan": "91440300MA5HQN0308",
    "mingyue": "91330110MA2BMY046N",
    "hongtu": "91441900MA4WHT0565",
    "haiyun": "91330212MA2CHY066E",
    "bluefin": "91350203MA3BBF070W",
    "kestrel": "91350203MA3KKT084C",
    "xdtrade": "91440303MA5TXT0954",
    "pengcheng": "91440300MA5PCD106Y",
}

XINDA_ADDR_SHORT = ("Rm 1203, Bldg 5, Keji Park, 88 Keyuan Rd, Nanshan District, Shenzhen, "
                    "Guangdong, China")
XINDA_ADDR_LONG = ("Room 1203, Building 5, Keji Park, 88 Keyuan Road, Nanshan District, "
                   "Shenzhen, Guangdong Province, CN")
PENGCHENG_ADDR = ("Room 1204, Building 5, Keji Park, 88 Keyuan Road, Nanshan District, "
                  "Shenzhen, Guangdong Province, CN")
KESTREL_ADDR = "Room 1502, 66 Lujiang Road, Siming District, Xiamen, Fujian, China"
PREP_CENTRE = "Prep Center, 1200 Commerce Way, Reno, NV 89502, US"
UK_VAT_AGENT = "Suite 4, 18 Harbour Lane, Felixstowe IP11 7ZZ, United Kingdom"

COMPANY_HEADER = ["账号ID", "公司名称", "统一社会信用代码", "法定代表人", "受益人", "注册地址",
                  "经营地址", "电话", "邮箱", "税号", "网站", "国家"]

# account, legal_name, uscc, legal_rep, owner, registered, business, phone, email, tax, web, cc
COMPANIES: list[tuple[str, ...]] = [
    ("xinda-us", "Shenzhen Xinda Technology Co., Ltd.", USCC["xinda"], "Wei LI", "Wei LI",
     XINDA_ADDR_SHORT, "广东省深圳市南山区科苑路88号科技园5栋1203室", "13800138000",
     "Li.Wei+us@Gmail.com", "", "www.xindahome.example", "CN"),
    ("xinda-uk", "SHENZHEN XINDA TECHNOLOGY CO LTD", USCC["xinda"], "WEI LI", "",
     XINDA_ADDR_LONG, "", "+86 138 0013 8000", "liwei@googlemail.com",
     "GB271828107;DE314159262", "https://xindahome.example/uk", "CN"),
    ("xinda-de", "Shenzhen Xinda Technology Co., Ltd.", USCC["xinda"].lower(), "Wei Li", "",
     XINDA_ADDR_SHORT, "", "+86 138 0013 8000", "eu.xinda@example.cn", "DE 314 159 262",
     "", "CN"),
    ("xinda-ca", "Shenzhen Xinda Technology Co., Ltd", USCC["xinda"], "Wei Li", "",
     XINDA_ADDR_LONG, "", "+86 138 0013 8000", "ca.xinda@example.cn", "", "", "CN"),
    ("jiayue-us", "Shenzhen Jiayue Home Co., Ltd.", USCC["jiayue"], "li wei", "li wei",
     "Unit 605, 17 Bao'an Avenue, Bao'an District, Shenzhen, Guangdong, China", "",
     "+86 138 0013 8606", "jiayue.home@example.cn", "", "", "CN"),
    ("xinda-jp-planned", "Shenzhen Qingshan Electronics Co., Ltd.", USCC["qingshan"],
     "Zhang Min", "Zhang Min",
     "Room 808, Tower B, 31 Meilin Road, Futian District, Shenzhen, Guangdong, China", "",
     "0086-138-0013-8000", "qingshan.jp@example.cn", "", "", "CN"),
    ("mingyue-us", "Hangzhou Mingyue Trading Co., Ltd.", USCC["mingyue"], "Sun Yue", "Sun Yue",
     "浙江省杭州市余杭区文一西路1888号3幢502室", "", "+86 138 0013 8101",
     "sunyue.mingyue@example.com", "", "mingyue-lighting.example", "CN"),
    ("mingyue-de", "杭州明月贸易有限公司", USCC["mingyue"], "孙悦", "",
     "浙江省杭州市余杭区文一西路1888号3幢502室", "", "+86 138 0013 8101",
     "eu@mingyue-lighting.example", "DE 271 828 180", "mingyue-lighting.example", "CN"),
    ("oldseller-closed", "Dongguan Hongtu Outdoor Products Co., Ltd.", USCC["hongtu"],
     "Guo Tao", "Guo Tao",
     "Room 301, 12 Dongcheng Middle Road, Dongcheng District, Dongguan, Guangdong, China", "",
     "+86 138 0013 8505", "hongtu.outdoor@example.com", "N/A", "", "CN"),
    ("haiyun-uk", "Ningbo Haiyun Trading Co., Ltd.", USCC["haiyun"], "Qian Hai", "Qian Hai",
     "浙江省宁波市鄞州区天童南路588号1102室", UK_VAT_AGENT, "+86 138 0013 8202",
     "haiyun.trade@example.cn", "GB141421318", "", "CN"),
    ("haiyun-it", "宁波海韵贸易有限公司", USCC["haiyun"], "钱海", "",
     "浙江省宁波市鄞州区天童南路588号1102室", UK_VAT_AGENT, "+86 138 0013 8202", "N/A",
     "IT05772150156", "", "CN"),
    ("bluefin-fr", "Xiamen Bluefin Sports Co., Ltd.", USCC["bluefin"], "Lin Fang", "Lin Fang",
     "福建省厦门市思明区嘉禾路321号801室", "", "+86 138 0013 8303", "unknown", "N/A", "",
     "CN"),
    ("kestrel-us", "Xiamen Kestrel Outdoor Co., Ltd.", USCC["kestrel"], "Huang Lei",
     "Huang Lei", KESTREL_ADDR, "", "+86 138 0013 8404", "kestrel.outdoor@example.com", "",
     "kestrel-outdoor.example", "CN"),
    # NORMALISATION TRAP: full-width digits in the phone (NFKC turns them into ASCII)
    ("kestrel-us-2", "XIAMEN KESTREL OUTDOOR CO., LTD.", USCC["kestrel"], "HUANG Lei", "",
     KESTREL_ADDR, "", "+86 １３８ ００１３ ８４０４", "hello@tidewell-kitchen.example", "0",
     "tidewell-kitchen.example", "CN"),
    # NEGATIVE CONTROLS: placeholders in phone / e-mail / tax id
    ("xdtrade-it", "Shenzhen Xinda Trading Co., Ltd.", USCC["xdtrade"], "He Jun", "He Jun",
     "No. 2105, Jinlong Building, 45 Dongmen Road, Luohu District, Shenzhen, Guangdong, China",
     "", "000-000-0000", "none", "N/A", "", "CN"),
    ("pengcheng-jp", "Shenzhen Pengcheng Digital Co., Ltd.", USCC["pengcheng"], "Zheng Peng",
     "Zheng Peng", PENGCHENG_ADDR, "", "000-000-0000", "-", "无", "", "CN"),
]

# --------------------------------------------------------------------------------------------
# Logins. logins.jsonl (most rows) and network.csv (a router export with a "Login IP" header,
# mapped in linkaudit.toml).
# --------------------------------------------------------------------------------------------

XINDA_OFFICE = dict(ip="203.0.113.10", source="broadband", provider="China Telecom Shenzhen",
                    router_mac="AC:84:C6:5A:10:01", wifi_ssid="XINDA-OFFICE-5G")
SEED_IP = "192.0.2.45"

# (account, ip, source, provider, router_mac, wifi_ssid, [dates])
LOGIN_SESSIONS: list[tuple[str, str, str, str, str, str, list[str]]] = [
    ("xinda-us", "203.0.113.10", "broadband", "China Telecom Shenzhen", "AC:84:C6:5A:10:01",
     "XINDA-OFFICE-5G", ["2026-06-03T09:12", "2026-08-11T10:05", "2026-10-20T14:40",
                         "2026-11-24T09:30"]),
    # IPv6 written compressed here and expanded for xinda-uk
    ("xinda-us", "2001:db8::1", "broadband", "China Telecom Shenzhen", "", "XINDA-OFFICE-5G",
     ["2026-09-15T11:00", "2026-11-02T16:20"]),
    ("xinda-us", "117.136.31.12", "mobile", "China Mobile", "", "", ["2026-07-19T21:45"]),
    ("xinda-us", "192.168.1.1", "broadband", "", "", "", ["2026-05-30T08:55"]),
    ("xinda-uk", "203.0.113.10", "broadband", "China Telecom Shenzhen", "AC:84:C6:5A:10:01",
     "XINDA-OFFICE-5G", ["2026-06-05T15:10", "2026-09-01T10:30", "2026-11-20T17:05"]),
    ("xinda-uk", "2001:0DB8:0:0::1", "broadband", "China Telecom Shenzhen", "",
     "XINDA-OFFICE-5G", ["2026-10-08T09:40", "2026-11-12T13:15"]),
    ("xinda-ca", "203.0.113.10", "broadband", "China Telecom Shenzhen", "AC:84:C6:5A:10:01",
     "XINDA-OFFICE-5G", ["2026-04-14T10:00", "2026-08-25T11:20", "2026-11-18T09:05"]),
    ("xinda-ca", "10.0.0.2", "vpn", "", "", "", ["2026-03-02T22:10"]),
    # /24 neighbour of the Xinda office (same fibre pool), never the same address
    ("jiayue-us", "203.0.113.88", "broadband", "China Telecom Shenzhen", "F4:6D:04:88:20:11",
     "JIAYUE-7F", ["2025-09-02T10:00", "2026-02-17T09:30", "2026-06-22T14:00",
                   "2026-11-10T10:45"]),
    # the planned store: the office router again, MAC in Cisco notation
    ("xinda-jp-planned", "203.0.113.10", "broadband", "China Telecom Shenzhen",
     "ac84.c65a.1001", "XINDA-OFFICE-5G", ["2026-11-18T15:30", "2026-11-24T10:10"]),
    ("mingyue-us", "198.51.100.23", "broadband", "China Unicom Hangzhou", "D8:07:B6:31:7A:02",
     "MINGYUE-3F", ["2026-01-12T09:00", "2026-04-08T10:30", "2026-08-19T11:15",
                    "2026-11-16T09:50"]),
    # CGNAT: a phone hotspot on a carrier that NATs thousands of users (weak at most)
    ("mingyue-us", "100.64.23.7", "mobile", "China Unicom 4G", "", "", ["2026-09-03T20:05"]),
    ("mingyue-us", "192.168.1.1", "broadband", "", "", "", ["2026-02-03T08:40"]),
    ("mingyue-de", "198.51.100.23", "broadband", "China Unicom Hangzhou", "D8:07:B6:31:7A:02",
     "MINGYUE-3F", ["2026-06-20T10:00"]),
    # THE SEED: the new EU store logs in through a freshly rented Aliyun ECS server whose
    # public IP was released by oldseller-closed five months earlier
    ("mingyue-de", SEED_IP, "cloud", "Aliyun ECS", "", "",
     ["2026-07-02T15:20", "2026-07-21T16:05", "2026-08-13T14:30", "2026-09-10T15:45"]),
    ("mingyue-de", "10.0.0.2", "vpn", "", "", "", ["2026-08-01T21:00"]),
    ("oldseller-closed", "116.6.231.75", "broadband", "China Telecom Dongguan",
     "0C:4B:54:19:6E:06", "HONGTU", ["2025-10-01T09:30", "2025-11-14T10:10",
                                     "2025-12-09T11:00"]),
    ("oldseller-closed", SEED_IP, "vps", "Aliyun ECS", "", "",
     ["2026-01-05T13:00", "2026-01-20T14:10", "2026-02-11T15:30", "2026-02-26T16:45"]),
    ("haiyun-uk", "122.226.184.37", "broadband", "China Telecom Ningbo", "50:64:2B:8E:11:03",
     "HAIYUN-2F", ["2026-03-10T09:20", "2026-07-07T10:40", "2026-11-05T09:15"]),
    # the freelance operator's home line: used for haiyun-uk, haiyun-it and bluefin-fr
    ("haiyun-uk", "183.136.205.61", "broadband", "China Telecom Hangzhou", "", "ZY-HOME",
     ["2026-08-30T22:10", "2026-10-18T21:30"]),
    ("haiyun-uk", "192.168.1.1", "broadband", "", "", "", ["2026-01-08T09:00"]),
    ("haiyun-it", "122.226.184.37", "broadband", "China Telecom Ningbo", "50:64:2B:8E:11:03",
     "HAIYUN-2F", ["2026-05-06T10:00", "2026-10-28T11:30"]),
    ("haiyun-it", "183.136.205.61", "broadband", "China Telecom Hangzhou", "", "ZY-HOME",
     ["2026-09-12T22:40"]),
    ("bluefin-fr", "110.87.52.14", "broadband", "China Telecom Xiamen", "98:DA:C4:77:0B:04",
     "BLUEFIN-OFFICE", ["2025-03-03T10:00", "2026-04-15T09:40", "2026-09-22T10:20"]),
    ("bluefin-fr", "183.136.205.61", "broadband", "China Telecom Hangzhou", "", "ZY-HOME",
     ["2026-09-05T21:50", "2026-11-01T22:05"]),
    ("bluefin-fr", "10.0.0.2", "vpn", "", "", "", ["2026-06-11T19:30"]),
    ("kestrel-us", "27.154.66.90", "broadband", "China Unicom Xiamen", "B0:95:75:C2:5E:05",
     "Kestrel-Office-5G", ["2026-02-02T09:00", "2026-06-16T10:10", "2026-11-09T09:40"]),
    ("kestrel-us", "192.168.1.1", "broadband", "", "", "", ["2026-04-01T08:30"]),
]

# network.csv: Store ID, Login IP, Login Time, Source, ISP  (dates written the Chinese way)
NETWORK_ROWS: list[tuple[str, str, str, str, str]] = [
    ("xinda-de", "203.0.113.10", "2026/05/12 10:15", "broadband", "China Telecom Shenzhen"),
    ("xinda-de", "203.0.113.10", "2026/08/04 11:40", "broadband", "China Telecom Shenzhen"),
    ("xinda-de", "203.0.113.10", "2026/11/19 09:25", "broadband", "China Telecom Shenzhen"),
    ("kestrel-us-2", "27.154.66.90", "2025/03/20 10:00", "broadband", "China Unicom Xiamen"),
    ("kestrel-us-2", "27.154.66.90", "2026/07/14 14:20", "broadband", "China Unicom Xiamen"),
    ("kestrel-us-2", "10.0.0.2", "2026/09/09 20:15", "vpn", ""),
    # BAD VALUE: 999.1.1.1 is not an IP address
    ("kestrel-us-2", "999.1.1.1", "2026/10/02 09:00", "broadband", "China Unicom Xiamen"),
    ("xdtrade-it", "113.88.13.200", "2024/12/02 10:30", "broadband", "China Telecom Shenzhen"),
    ("xdtrade-it", "113.88.13.200", "2026/05/27 09:45", "broadband", "China Telecom Shenzhen"),
    ("xdtrade-it", "113.88.13.200", "2026/11/11 10:05", "broadband", "China Telecom Shenzhen"),
    ("xdtrade-it", "221.176.9.54", "2026/08/08 21:15", "mobile", "China Mobile"),
    ("pengcheng-jp", "183.14.29.8", "2025/06/30 09:10", "broadband", "China Telecom Shenzhen"),
    ("pengcheng-jp", "183.14.29.8", "2026/03/18 10:50", "broadband", "China Telecom Shenzhen"),
    ("pengcheng-jp", "183.14.29.8", "2026/10/27 11:35", "broadband", "China Telecom Shenzhen"),
    ("pengcheng-jp", "100.64.23.7", "2026/09/03 18:40", "mobile", "China Unicom 4G"),
    ("pengcheng-jp", "192.168.1.1", "2026/02/14 08:20", "broadband", ""),
]

# --------------------------------------------------------------------------------------------
# Devices (devices.csv)
# --------------------------------------------------------------------------------------------

XINDA_LAPTOP_ID = uuid_of("xinda office laptop 01")
XINDA_ANTIDETECT_FP = fp_of("xinda cloned anti-detect profile")

# account, device_id, mac, hostname, os, user_agent, fingerprint, browser_profile
UA_WIN = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
          "Chrome/131.0.0.0 Safari/537.36")
UA_MAC = ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
          "(KHTML, like Gecko) Version/18.1 Safari/605.1.15")
DEVICES: list[tuple[str, ...]] = [
    ("xinda-us", XINDA_LAPTOP_ID, mac_of("xinda-us-1", "3C:52:82"), "XD-OFFICE-01",
     "Windows 11", UA_WIN, fp_of("xinda-us-1"), "XD-US-main"),
    ("xinda-us", uuid_of("xinda-us-2"), mac_of("xinda-us-2", "F8:75:A4"), "XD-LIWEI-MBP",
     "macOS 15", UA_MAC, fp_of("xinda-us-2"), "XD-US-boss"),
    ("xinda-uk", uuid_of("xinda-uk-1"), mac_of("xinda-uk-1", "3C:52:82"), "XD-OFFICE-02",
     "Windows 11", UA_WIN, XINDA_ANTIDETECT_FP, "XD-UK-main"),
    # the same laptop as xinda-us: device id in upper case
    ("xinda-de", XINDA_LAPTOP_ID.upper(), "", "XD-OFFICE-01", "Windows 11", UA_WIN,
     fp_of("xinda-de-1"), "XD-EU-main"),
    # the spare laptop handed from the CA team to the EU team: MAC in Cisco notation
    ("xinda-de", uuid_of("xinda-spare"), "001A.2B3C.4D5E", "XD-SPARE-07", "Windows 10",
     UA_WIN, fp_of("xinda-de-2"), "XD-EU-spare"),
    ("xinda-ca", uuid_of("xinda-ca-1"), mac_of("xinda-ca-1", "3C:52:82"), "XD-OFFICE-03",
     "Windows 11", UA_WIN, XINDA_ANTIDETECT_FP, "XD-CA-main"),
    ("xinda-ca", uuid_of("xinda-spare-ca"), "00:1A:2B:3C:4D:5E", "XD-SPARE-07", "Windows 10",
     UA_WIN, fp_of("xinda-ca-2"), "XD-CA-spare"),
    ("jiayue-us", uuid_of("jiayue-1"), mac_of("jiayue-1", "A4:83:E7"), "JY-PC-01", "Windows 11",
     UA_WIN, fp_of("jiayue-1"), "JY-US-1"),
    ("xinda-jp-planned", uuid_of("qingshan-1"), mac_of("qingshan-1", "F8:75:A4"), "QS-NEW-01",
     "Windows 11", UA_WIN, fp_of("qingshan-1"), "QS-JP-1"),
    ("mingyue-us", uuid_of("mingyue-1"), mac_of("mingyue-1", "DC:41:A9"), "MY-DESK-01",
     "Windows 11", UA_WIN, fp_of("mingyue-1"), "MY-US-1"),
    ("mingyue-de", uuid_of("mingyue-ecs"), "", "iZgw8h3k2v9d1xZ", "Windows Server 2022",
     UA_WIN, fp_of("mingyue-ecs"), "MY-DE-ecs"),
    ("mingyue-de", uuid_of("mingyue-2"), mac_of("mingyue-2", "DC:41:A9"), "MY-DESK-02",
     "Windows 11", UA_WIN, fp_of("mingyue-2"), "MY-DE-1"),
    ("oldseller-closed", uuid_of("hongtu-1"), mac_of("hongtu-1", "10:7B:44"), "HT-PC",
     "Windows 10", UA_WIN, fp_of("hongtu-1"), "HT-DE-1"),
    ("oldseller-closed", uuid_of("hongtu-ecs"), "", "iZgw8a1b7c4e0fZ", "Windows Server 2019",
     UA_WIN, fp_of("hongtu-ecs"), "HT-DE-ecs"),
    ("haiyun-uk", uuid_of("haiyun-1"), mac_of("haiyun-1", "48:2A:E3"), "HY-OFFICE-01",
     "Windows 11", UA_WIN, fp_of("haiyun-1"), "HY-UK-1"),
    ("haiyun-it", uuid_of("haiyun-2"), mac_of("haiyun-2", "48:2A:E3"), "HY-OFFICE-02",
     "Windows 11", UA_WIN, fp_of("haiyun-2"), "HY-IT-1"),
    ("bluefin-fr", uuid_of("bluefin-1"), mac_of("bluefin-1", "70:85:C2"), "BF-PC-01",
     "Windows 11", UA_WIN, fp_of("bluefin-1"), "BF-FR-1"),
    # BAD VALUE: a MAC address with five octets
    ("bluefin-fr", uuid_of("bluefin-2"), "3C:97:0E:4F:21", "BF-PC-02", "Windows 10", UA_WIN,
     fp_of("bluefin-2"), "BF-FR-2"),
    ("kestrel-us", uuid_of("kestrel-1"), mac_of("kestrel-1", "B4:2E:99"), "KS-PC-01",
     "Windows 11", UA_WIN, fp_of("kestrel-1"), "KS-US-1"),
    ("kestrel-us-2", uuid_of("kestrel-2"), mac_of("kestrel-2", "B4:2E:99"), "KS-PC-02",
     "Windows 11", UA_WIN, fp_of("kestrel-2"), "TW-US-1"),
    ("xdtrade-it", uuid_of("xdtrade-1"), mac_of("xdtrade-1", "E8:6A:64"), "XDT-PC",
     "Windows 11", UA_WIN, fp_of("xdtrade-1"), "XDT-IT-1"),
    ("pengcheng-jp", uuid_of("pengcheng-1"), mac_of("pengcheng-1", "9C:7B:EF"), "PC-DESK-1",
     "Windows 11", UA_WIN, fp_of("pengcheng-1"), "PC-JP-1"),
]

# --------------------------------------------------------------------------------------------
# Payments: payments.xlsx (full numbers, some as spreadsheet NUMBERS) and billing.csv
# (an export from the card and bank portals: masked cards, IBAN without spaces).
# --------------------------------------------------------------------------------------------

# account, card (str or int), holder, billing address, bank (str or int), bank name,
#   payout provider, payout account (str or int)
PAYMENTS_XLSX: list[tuple[object, ...]] = [
    ("xinda-us", 4111111111111111, "WEI LI", XINDA_ADDR_SHORT, 6222020200112233,
     "China Merchants Bank", "Payoneer", "us.payout@xindahome.example"),
    ("xinda-uk", "4000 0566 5566 5556", "WEI LI", XINDA_ADDR_LONG, "GB29NWBK60161331926819",
     "NatWest (virtual account)", "Payoneer", "payout.xinda@example.cn"),
    ("xinda-de", "5200-8282-8282-8210", "WEI LI", XINDA_ADDR_SHORT,
     "DE89 3704 0044 0532 0130 00", "Commerzbank (virtual account)", "WorldFirst",
     "eu.wf@xindahome.example"),
    ("xinda-ca", "", "", "", "", "", "Payoneer", "PAYOUT.Xinda@example.cn"),
    ("jiayue-us", "5105105105105100", "LI WEI",
     "Unit 605, 17 Bao'an Avenue, Bao'an District, Shenzhen, Guangdong, China", "", "",
     "PingPong", "jiayue.pp@example.cn"),
    ("mingyue-us", "5555 5555 5555 4444", "SUN YUE", "浙江省杭州市余杭区文一西路1888号3幢502室",
     "6217000010000314159", "China Construction Bank", "LianLian",
     "mingyue.ll@example.com"),
    ("mingyue-de", "", "", "", "DE44 5001 0517 5407 3249 31", "Deutsche Bank (virtual account)",
     "LianLian", "mingyue.eu.ll@example.com"),
    ("oldseller-closed", "3056 9300 0902 0004", "GUO TAO",
     "Room 301, 12 Dongcheng Middle Road, Dongcheng District, Dongguan, Guangdong, China",
     "", "", "WorldFirst", "hongtu.wf@example.com"),
    ("haiyun-uk", "4012 8888 8888 1881", "QIAN HAI", UK_VAT_AGENT, "", "", "WorldFirst",
     "haiyun.wf@example.cn"),
    ("haiyun-it", "", "", "", "IT33 X054 2811 1010 0000 0314 159", "Banca (virtual account)",
     "WorldFirst", "haiyun.it.wf@example.cn"),
    ("bluefin-fr", "6200 0000 0000 0005", "LIN FANG", "福建省厦门市思明区嘉禾路321号801室",
     "FR14 2004 1010 0505 0001 3M02 606", "La Banque Postale (virtual account)", "PingPong",
     "bluefin.pp@example.cn"),
    ("kestrel-us", 4242424242424242, "HUANG LEI", KESTREL_ADDR, "", "", "Payoneer",
     "kestrel.payout@example.com"),
    ("kestrel-us-2", "6011-1111-1111-1117", "HUANG LEI", KESTREL_ADDR, "", "", "Payoneer",
     "tidewell.payout@example.com"),
    # NUMERIC 11-digit cell: a LianLian wallet opened with a mobile number
    ("pengcheng-jp", "3566 0020 2036 0505", "ZHENG PENG", PENGCHENG_ADDR, "", "", "LianLian",
     13800138555),
]

# billing.csv: account_id, card_number, card_holder, iban, bank_name
BILLING_ROWS: list[tuple[str, str, str, str, str]] = [
    # the Xinda company card again, masked BIN+last4 (same card as xinda-us)
    ("xinda-ca", "411111******1111", "WEI LI", "", ""),
    # the boss's personal account: the same number as xinda-us's (numeric cell there)
    ("jiayue-us", "", "LI WEI", "6222 0202 0011 2233", "China Merchants Bank"),
    # the same IBAN as xinda-de, written without spaces
    ("xinda-uk", "", "WEI LI", "DE89370400440532013000", "Commerzbank (virtual account)"),
    ("mingyue-us", "**** **** **** 4444", "SUN YUE", "", ""),
    ("kestrel-us-2", "601111******1117", "HUANG LEI", "", ""),
    # last four digits only, and they happen to equal kestrel-us's card: weak at most
    ("xdtrade-it", "**** **** **** 4242", "HE JUN", "", ""),
    ("haiyun-uk", "401288******1881", "QIAN HAI", "", ""),
    ("pengcheng-jp", "", "ZHENG PENG", "", ""),
]

# --------------------------------------------------------------------------------------------
# People (people.csv): everyone with access to a Seller Central account
# --------------------------------------------------------------------------------------------

OPERATOR = ("Zhou Yang", "zhou.yang.ops@example.com", "+86 138 0013 8777")
# account, name, email, phone, role
PEOPLE: list[tuple[str, str, str, str, str]] = [
    ("xinda-us", "Li Wei", "Li.Wei+us@Gmail.com", "13800138000", "owner"),
    ("xinda-us", "Chen Jing", "chen.jing@example.cn", "+86 138 0013 8011", "operator"),
    ("xinda-uk", "Li Wei", "liwei@googlemail.com", "+86 138 0013 8000", "owner"),
    ("xinda-uk", "Xu Lan", "xu.lan@example.cn", "+86 138 0013 8012", "operator"),
    ("xinda-de", "Xu Lan", "xu.lan@example.cn", "+86 138 0013 8012", "operator"),
    ("xinda-ca", "Chen Jing", "chen.jing@example.cn", "+86 138 0013 8011", "operator"),
    ("jiayue-us", "LI Wei", "jiayue.home@example.cn", "+86 138 0013 8606", "owner"),
    ("jiayue-us", "Ma Li", "ma.li@example.cn", "+86 138 0013 8607", "operator"),
    ("xinda-jp-planned", "Zhang Min", "qingshan.jp@example.cn", "0086-138-0013-8000", "owner"),
    ("mingyue-us", "Sun Yue", "sunyue.mingyue@example.com", "+86 138 0013 8101", "owner"),
    ("mingyue-us", "Tang Hui", "tang.hui@example.com", "+86 138 0013 8102", "operator"),
    ("mingyue-de", "Sun Yue", "eu@mingyue-lighting.example", "+86 138 0013 8101", "owner"),
    ("mingyue-de", "Tang Hui", "tang.hui@example.com", "+86 138 0013 8102", "operator"),
    ("oldseller-closed", "Guo Tao", "hongtu.outdoor@example.com", "+86 138 0013 8505",
     "owner"),
    ("haiyun-uk", "Qian Hai", "haiyun.trade@example.cn", "+86 138 0013 8202", "owner"),
    # THE SHARED OPERATOR: one freelancer with user permissions on three stores
    ("haiyun-uk", OPERATOR[0], OPERATOR[1], OPERATOR[2], "operator (freelance)"),
    ("haiyun-it", OPERATOR[0], OPERATOR[1], OPERATOR[2], "operator (freelance)"),
    # NORMALISATION TRAP: a zero-width space pasted into the e-mail
    ("bluefin-fr", OPERATOR[0], "zhou.yang\u200b.ops@example.com", OPERATOR[2],
     "operator (freelance)"),
    ("bluefin-fr", "Lin Fang", "lin.fang@example.cn", "+86 138 0013 8303", "owner"),
    ("kestrel-us", "Huang Lei", "kestrel.outdoor@example.com", "+86 138 0013 8404", "owner"),
    ("kestrel-us-2", "Huang Lei", "hello@tidewell-kitchen.example", "+86 138 0013 8404",
     "owner"),
    ("xdtrade-it", "He Jun", "N/A", "N/A", "owner"),
    ("pengcheng-jp", "Zheng Peng", "-", "无", "owner"),
    # BAD VALUE: an e-mail address without "@"
    ("pengcheng-jp", "Wang Fang", "wang.fang.example.cn", "+86 138 0013 8909", "operator"),
]

# --------------------------------------------------------------------------------------------
# Addresses (addresses.csv)
# --------------------------------------------------------------------------------------------

ADDRESSES: list[tuple[str, str, str]] = [
    ("xinda-us", "office", XINDA_ADDR_SHORT),
    ("xinda-us", "return", "Xinda Home Returns, 2150 Harbor Gateway Dr, Suite 120, Carson, "
                           "CA 90745, US"),
    ("xinda-uk", "office", XINDA_ADDR_LONG),
    ("xinda-uk", "return", "Unit 9, Meadow Trade Park, Corby NN17 5XX, United Kingdom"),
    ("xinda-de", "ship_from", "Lager 4, Industriestrasse 21, 47877 Willich, Germany"),
    ("xinda-ca", "return", "410 Example Drive, Unit 3, Mississauga, ON L5T 9Z9, Canada"),
    ("jiayue-us", "warehouse", PREP_CENTRE),
    ("jiayue-us", "office", "Unit 605, 17 Bao'an Avenue, Bao'an District, Shenzhen, "
                            "Guangdong, China"),
    ("xinda-jp-planned", "office", "Room 808, Tower B, 31 Meilin Road, Futian District, "
                                   "Shenzhen, Guangdong, China"),
    ("mingyue-us", "warehouse", PREP_CENTRE),
    ("mingyue-us", "return", "Mingyue Returns, 77 Lantern Court, Ontario, CA 91761, US"),
    ("mingyue-de", "return", "Mingyue Retouren, Leuchtenweg 5, 04129 Leipzig, Germany"),
    ("oldseller-closed", "return", "Hongtu Retouren, Anglerstrasse 12, 28197 Bremen, Germany"),
    ("haiyun-uk", "vat_agent", UK_VAT_AGENT),
    ("haiyun-uk", "warehouse", "浙江省宁波市北仑区保税西区港西大道9号"),
    ("haiyun-it", "vat_agent", UK_VAT_AGENT),
    ("haiyun-it", "return", "Haiyun Resi, Via dei Tessitori 14, 20090 Segrate MI, Italy"),
    ("bluefin-fr", "return", "Bluefin Retours, 8 Rue des Nageurs, 69007 Lyon, France"),
    ("kestrel-us", "warehouse", PREP_CENTRE),
    ("kestrel-us", "return", "Kestrel Returns, 5100 Trailhead Blvd, Dock 2, Salt Lake City, "
                             "UT 84104, US"),
    ("kestrel-us-2", "return", "Tidewell Returns, 38 Galley Street, Edison, NJ 08817, US"),
    ("xdtrade-it", "return", "XD Garden Resi, Via degli Orti 3, 40128 Bologna BO, Italy"),
    ("pengcheng-jp", "office", PENGCHENG_ADDR),
    ("pengcheng-jp", "return", "Pengcheng Henpin, 2-14-7 Example-cho, Koto-ku, Tokyo 135-0000, "
                               "Japan"),
]

# --------------------------------------------------------------------------------------------
# Listings (listings.csv), ~100 rows
# --------------------------------------------------------------------------------------------

# product key -> (brand, title)
CATALOGUE: dict[str, tuple[str, str]] = {
    # Xinda home storage (XINDAHOME)
    "xd-1": ("XINDAHOME", "XINDAHOME Stackable Drawer Organizer Set, 6 Clear Bins"),
    "xd-2": ("XINDAHOME", "XINDAHOME Under Sink Shelf, 2 Tier Sliding Rack"),
    "xd-3": ("XINDAHOME", "XINDAHOME Vacuum Storage Bags, Jumbo, Pack of 8"),
    "xd-4": ("XINDAHOME", "XINDAHOME Foldable Wardrobe Cubes with Lids, Grey, 4 Pack"),
    "xd-5": ("XINDAHOME", "XINDAHOME Over Door Shoe Hanger, 24 Pockets"),
    "xd-6": ("XINDAHOME", "XINDAHOME Spice Rack Carousel, 16 Jars Included"),
    "xd-7": ("XINDAHOME", "XINDAHOME Cable Tidy Box with Lid, Bamboo Top"),
    "xd-8": ("XINDAHOME", "XINDAHOME Rotating Makeup Tower, 5 Layers"),
    "xd-9": ("XINDAHOME", "XINDAHOME Airer Clothes Rack, Wing Style"),
    "xd-10": ("XINDAHOME", "XINDAHOME Pantry Can Dispenser, 3 Rows"),
    # Jiayue's own pet line
    "jy-1": ("JOYPAW", "JOYPAW Self Warming Cat Mat, Washable"),
    "jy-2": ("JOYPAW", "JOYPAW Slow Feeder Dog Bowl, Maze Design"),
    "jy-3": ("JOYPAW", "JOYPAW Grooming Glove for Shedding, Pair"),
    # Mingyue LED lighting
    "my-1": ("MINGYUE LUX", "MINGYUE LUX LED Strip Lights 10m, RGB with Remote"),
    "my-2": ("MINGYUE LUX", "MINGYUE LUX Motion Sensor Night Light, 3 Pack"),
    "my-3": ("MINGYUE LUX", "MINGYUE LUX Dimmable Ceiling Lamp, 24W Round"),
    "my-4": ("MINGYUE LUX", "MINGYUE LUX Solar Fence Lights, Warm White, 8 Pack"),
    "my-5": ("MINGYUE LUX", "MINGYUE LUX Smart Bulb E27, Wi-Fi, 4 Pack"),
    "my-6": ("MINGYUE LUX", "MINGYUE LUX Under Cabinet Light Bar, Rechargeable"),
    "my-7": ("MINGYUE LUX", "MINGYUE LUX Fairy Curtain Lights, 300 LED"),
    # Hongtu fishing gear (the closed account)
    "ht-1": ("HONGTU", "HONGTU Telescopic Carbon Fishing Rod, 3.6m"),
    "ht-2": ("HONGTU", "HONGTU Spinning Reel 3000, 5+1 Ball Bearings"),
    "ht-3": ("HONGTU", "HONGTU Tackle Box with 200 Lures and Hooks"),
    "ht-4": ("HONGTU", "HONGTU Waterproof Fishing Waders, Chest High"),
    "ht-5": ("HONGTU", "HONGTU Folding Landing Net, Aluminium Frame"),
    # Haiyun bedding
    "hy-1": ("HAIYUN HOME", "HAIYUN HOME Egyptian Cotton Duvet Cover Set, King"),
    "hy-2": ("HAIYUN HOME", "HAIYUN HOME Memory Foam Pillow, Contour, 2 Pack"),
    "hy-3": ("HAIYUN HOME", "HAIYUN HOME Waterproof Mattress Protector, Double"),
    "hy-4": ("HAIYUN HOME", "HAIYUN HOME Weighted Blanket 7kg, Minky Cover"),
    "hy-5": ("HAIYUN HOME", "HAIYUN HOME Linen Fitted Sheet, Sage Green"),
    "hy-6": ("HAIYUN HOME", "HAIYUN HOME Silk Pillowcase, Mulberry 22 Momme"),
    "hy-7": ("HAIYUN HOME", "HAIYUN HOME Microfibre Throw, Sherpa Lined"),
    # Bluefin swimming
    "bf-1": ("BLUEFIN", "BLUEFIN Anti Fog Swim Goggles, Mirrored"),
    "bf-2": ("BLUEFIN", "BLUEFIN Silicone Swim Cap, Long Hair"),
    "bf-3": ("BLUEFIN", "BLUEFIN Kickboard for Lap Training"),
    "bf-4": ("BLUEFIN", "BLUEFIN Nose Clip and Ear Plugs Set"),
    "bf-5": ("BLUEFIN", "BLUEFIN Pull Buoy, EVA Foam"),
    "bf-6": ("BLUEFIN", "BLUEFIN Mesh Gear Bag, Drawstring"),
    # Kestrel camping
    "ks-1": ("KESTREL", "KESTREL 2 Person Backpacking Tent, 1.9kg"),
    "ks-2": ("KESTREL", "KESTREL Down Sleeping Bag, -5C Comfort"),
    "ks-3": ("KESTREL", "KESTREL Trekking Poles, Carbon, Cork Grip"),
    "ks-4": ("KESTREL", "KESTREL Inflatable Sleeping Pad, R-Value 4.2"),
    "ks-5": ("KESTREL", "KESTREL Titanium Camping Pot Set, 3 Piece"),
    "ks-6": ("KESTREL", "KESTREL Headlamp 400 Lumen, USB-C"),
    "ks-7": ("KESTREL", "KESTREL Ultralight Tarp 3x3m, Silnylon"),
    # Tidewell kitchen (kestrel-us-2, the approved separate brand)
    "tw-1": ("TIDEWELL", "TIDEWELL Silicone Stretch Lids, 12 Sizes"),
    "tw-2": ("TIDEWELL", "TIDEWELL Digital Meat Thermometer, Instant Read"),
    "tw-3": ("TIDEWELL", "TIDEWELL Herb Scissors with 5 Blades"),
    "tw-4": ("TIDEWELL", "TIDEWELL Pour Over Coffee Kettle, Gooseneck"),
    "tw-5": ("TIDEWELL", "TIDEWELL Mandoline Slicer, Adjustable"),
    "tw-6": ("TIDEWELL", "TIDEWELL Oil Sprayer Bottle, Glass, 2 Pack"),
    # XD Garden tools (xdtrade-it)
    "xg-1": ("XD GARDEN", "XD GARDEN Pruning Shears, Bypass, SK5 Blade"),
    "xg-2": ("XD GARDEN", "XD GARDEN Expandable Garden Hose 30m"),
    "xg-3": ("XD GARDEN", "XD GARDEN Kneeler and Seat, Foldable"),
    "xg-4": ("XD GARDEN", "XD GARDEN Raised Planter Bed, Galvanised"),
    "xg-5": ("XD GARDEN", "XD GARDEN Hedge Trimmer Blade Oil"),
    "xg-6": ("XD GARDEN", "XD GARDEN Seed Starter Trays, 10 Pack"),
    # Pengcheng phone accessories
    "pc-1": ("PENGCHENG", "PENGCHENG USB-C Cable 2m, Braided, 2 Pack"),
    "pc-2": ("PENGCHENG", "PENGCHENG 65W GaN Charger, 3 Ports"),
    "pc-3": ("PENGCHENG", "PENGCHENG Magnetic Car Mount for Phones"),
    "pc-4": ("PENGCHENG", "PENGCHENG Tempered Glass Screen Protector, 3 Pack"),
    "pc-5": ("PENGCHENG", "PENGCHENG Wireless Charging Pad, 15W"),
    "pc-6": ("PENGCHENG", "PENGCHENG Phone Lanyard with Card Slot"),
}

# A third-party product resold (not branded by either seller) by mingyue-us on US and
# haiyun-uk on UK: same ASIN and GTIN on DIFFERENT marketplaces only.
RESALE_ASIN = asin_of("resold power bank")
RESALE_GTIN = upc_of("resold power bank")

# GTIN of xd-1 is the classic example UPC-A 012345678905 (= EAN-13 0012345678905)
GTIN_OVERRIDE = {"xd-1": "012345678905"}


def gtin_for(product: str, marketplace: str) -> str:
    if product in GTIN_OVERRIDE:
        return GTIN_OVERRIDE[product]
    return upc_of(product) if marketplace in ("US", "CA") else ean_of(product)


# A product sold on several marketplaces by one brand keeps one ASIN (Amazon's global catalogue)
def asin_for(product: str) -> str:
    return asin_of(product)


# account -> [(marketplace, product)]
LISTING_PLAN: dict[str, list[tuple[str, str]]] = {
    "xinda-us": [("US", f"xd-{i}") for i in range(1, 9)],
    "xinda-uk": [("UK", "xd-1"), ("UK", "xd-4"), ("UK", "xd-9"), ("UK", "xd-10")],
    "xinda-de": [("DE", "xd-3"), ("DE", "xd-4"), ("DE", "xd-9"), ("FR", "xd-3"), ("FR", "xd-9"),
                 ("IT", "xd-4")],
    "xinda-ca": [("CA", "xd-2"), ("CA", "xd-6"), ("CA", "xd-10")],
    # CROSS-SELLING: five Xinda bestsellers on the SAME marketplace as xinda-us
    "jiayue-us": [("US", "xd-1"), ("US", "xd-2"), ("US", "xd-3"), ("US", "xd-5"), ("US", "xd-6"),
                  ("US", "jy-1"), ("US", "jy-2"), ("US", "jy-3")],
    "mingyue-us": [("US", f"my-{i}") for i in range(1, 8)],
    "mingyue-de": [("DE", "my-1"), ("DE", "my-2"), ("DE", "my-4"), ("DE", "my-6")],
    "oldseller-closed": [("DE", f"ht-{i}") for i in range(1, 6)],
    "haiyun-uk": [("UK", f"hy-{i}") for i in range(1, 8)],
    "haiyun-it": [("IT", "hy-1"), ("IT", "hy-3"), ("IT", "hy-5"), ("ES", "hy-1"), ("ES", "hy-4")],
    "bluefin-fr": [("FR", f"bf-{i}") for i in range(1, 7)],
    "kestrel-us": [("US", f"ks-{i}") for i in range(1, 8)],
    "kestrel-us-2": [("US", f"tw-{i}") for i in range(1, 7)],
    "xdtrade-it": [("IT", f"xg-{i}") for i in range(1, 7)],
    "pengcheng-jp": [("JP", f"pc-{i}") for i in range(1, 7)],
}

SKU_PREFIX = {
    "xinda-us": "XD-US", "xinda-uk": "XD-UK", "xinda-de": "XD-EU", "xinda-ca": "XD-CA",
    "jiayue-us": "JY", "mingyue-us": "MY-US", "mingyue-de": "MY-DE", "oldseller-closed": "HT",
    "haiyun-uk": "HY-UK", "haiyun-it": "HY-IT", "bluefin-fr": "BF", "kestrel-us": "KS",
    "kestrel-us-2": "TW", "xdtrade-it": "XG", "pengcheng-jp": "PC",
}


def listing_rows() -> list[list[str]]:
    rows: list[list[str]] = []
    for account, plan in LISTING_PLAN.items():
        for n, (market, product) in enumerate(plan, 1):
            brand, title = CATALOGUE[product]
            gtin = gtin_for(product, market)
            if account == "jiayue-us" and product == "xd-1":
                gtin = "0" + gtin  # EAN-13 form of the same UPC-A: 0012345678905
            image = h("image:" + product, 16)  # the detail page's main image
            rows.append([account, market, asin_for(product), f"{SKU_PREFIX[account]}-{n:03d}",
                         gtin, brand, title, image])
    # the resold third-party item (negative control); brand and image left blank in the
    # sellers' exports, titles written by each seller
    rows.append(["mingyue-us", "US", RESALE_ASIN, "MY-US-R01", RESALE_GTIN, "",
                 "Portable Power Bank 20000mAh, PD 22.5W Fast Charging", ""])
    rows.append(["haiyun-uk", "UK", RESALE_ASIN, "HY-UK-R01", RESALE_GTIN, "",
                 "20,000 mAh battery pack for travel (resale item)", ""])
    return rows


# --------------------------------------------------------------------------------------------
# Documents (documents.csv + documents/)
# --------------------------------------------------------------------------------------------


def pdf_bytes(lines: list[str]) -> bytes:
    """A minimal, valid one-page PDF showing the given ASCII lines (no dates, no ids)."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    text = ["BT", "/F1 11 Tf", "14 TL", "50 790 Td"]
    for line in lines:
        text.append(f"({esc(line)}) Tj T*")
    text.append("ET")
    stream = "\n".join(text).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n% SYNTHETIC DEMO DOCUMENT - linkaudit sample_data\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode()
    out += b"0000000000 65535 f \n"
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
            "%%EOF\n").encode()
    return bytes(out)


BANNER = "SYNTHETIC DEMO DOCUMENT - invented for linkaudit's sample data, not a real record."


def licence(name: str, uscc: str, rep: str, address: str, copy_for: str) -> list[str]:
    return [BANNER, "", "BUSINESS LICENCE (copy)", f"Name: {name}",
            f"Unified social credit code: {uscc}", f"Legal representative: {rep}",
            f"Domicile: {address}", f"Copy certified for: {copy_for}"]


def utility_bill(name: str, address: str, period: str, amount: str, ref: str) -> list[str]:
    return [BANNER, "", "ELECTRICITY BILL", f"Customer: {name}", f"Supply address: {address}",
            f"Billing period: {period}", f"Amount due: {amount}", f"Account reference: {ref}"]


XINDA_BILL = utility_bill("Shenzhen Xinda Technology Co., Ltd.", XINDA_ADDR_LONG, "2026-04",
                          "CNY 2,318.40", "SZ-EL-0000-1203")

# (account, doc_type, path, number, issued_to, content) ; content None = file is missing,
# content str = text file, content list = PDF lines
DOCUMENTS: list[tuple[str, str, str, str, str, object]] = [
    ("xinda-us", "business_licence", "documents/xinda-us_business_licence.pdf", USCC["xinda"],
     "Shenzhen Xinda Technology Co., Ltd.",
     licence("Shenzhen Xinda Technology Co., Ltd.", USCC["xinda"], "Li Wei", XINDA_ADDR_LONG,
             "Amazon US registration, 2023-03")),
    ("xinda-uk", "business_licence", "documents/xinda-uk_business_licence.pdf", USCC["xinda"],
     "SHENZHEN XINDA TECHNOLOGY CO LTD",
     licence("Shenzhen Xinda Technology Co., Ltd.", USCC["xinda"], "Li Wei", XINDA_ADDR_LONG,
             "Amazon UK registration, 2024-02")),
    # THE SHARED UTILITY BILL: two file names, byte-identical content
    ("xinda-uk", "utility_bill", "documents/xinda-uk_utility_bill_2026-04.pdf", "",
     "Shenzhen Xinda Technology Co., Ltd.", XINDA_BILL),
    ("xinda-de", "utility_bill", "documents/xinda-de_address_proof.pdf", "",
     "Shenzhen Xinda Technology Co., Ltd.", XINDA_BILL),
    ("xinda-de", "business_licence", "documents/xinda-de_business_licence.pdf", USCC["xinda"],
     "Shenzhen Xinda Technology Co., Ltd.",
     licence("Shenzhen Xinda Technology Co., Ltd.", USCC["xinda"], "Li Wei", XINDA_ADDR_LONG,
             "Amazon EU registration, 2024-05")),
    ("xinda-ca", "bank_statement", "documents/xinda-ca_payoneer_statement_2026-09.txt", "",
     "Shenzhen Xinda Technology Co., Ltd.",
     f"{BANNER}\nPAYONEER ACCOUNT STATEMENT (excerpt)\nHolder: Shenzhen Xinda Technology "
     "Co., Ltd.\nPeriod: 2026-09\nReceipts from Amazon.ca: CAD 18,204.55\n"),
    ("jiayue-us", "business_licence", "documents/jiayue-us_business_licence.pdf",
     USCC["jiayue"], "Shenzhen Jiayue Home Co., Ltd.",
     licence("Shenzhen Jiayue Home Co., Ltd.", USCC["jiayue"], "Li Wei",
             "Unit 605, 17 Bao'an Avenue, Bao'an District, Shenzhen", "Amazon US, 2025-08")),
    ("jiayue-us", "utility_bill", "documents/jiayue-us_utility_bill_2026-08.pdf", "",
     "Shenzhen Jiayue Home Co., Ltd.",
     utility_bill("Shenzhen Jiayue Home Co., Ltd.",
                  "Unit 605, 17 Bao'an Avenue, Bao'an District, Shenzhen", "2026-08",
                  "CNY 612.75", "SZ-EL-0000-0605")),
    ("xinda-jp-planned", "business_licence", "documents/xinda-jp-planned_business_licence.pdf",
     USCC["qingshan"], "Shenzhen Qingshan Electronics Co., Ltd.",
     licence("Shenzhen Qingshan Electronics Co., Ltd.", USCC["qingshan"], "Zhang Min",
             "Room 808, Tower B, 31 Meilin Road, Futian District, Shenzhen",
             "Amazon JP registration (planned)")),
    ("mingyue-us", "business_licence", "documents/mingyue-us_business_licence.pdf",
     USCC["mingyue"], "Hangzhou Mingyue Trading Co., Ltd.",
     licence("Hangzhou Mingyue Trading Co., Ltd.", USCC["mingyue"], "Sun Yue",
             "Room 502, Bldg 3, 1888 Wenyi West Road, Yuhang District, Hangzhou",
             "Amazon US registration, 2024-03")),
    ("mingyue-de", "business_licence", "documents/mingyue-de_business_licence.pdf",
     USCC["mingyue"], "Hangzhou Mingyue Trading Co., Ltd.",
     licence("Hangzhou Mingyue Trading Co., Ltd.", USCC["mingyue"], "Sun Yue",
             "Room 502, Bldg 3, 1888 Wenyi West Road, Yuhang District, Hangzhou",
             "Amazon DE registration, 2026-06")),
    ("mingyue-de", "utility_bill", "documents/mingyue-de_utility_bill_2026-09.pdf", "",
     "Hangzhou Mingyue Trading Co., Ltd.",
     utility_bill("Hangzhou Mingyue Trading Co., Ltd.",
                  "Room 502, Bldg 3, 1888 Wenyi West Road, Yuhang District, Hangzhou",
                  "2026-09", "CNY 884.10", "HZ-EL-0000-0502")),
    ("mingyue-de", "server_invoice", "documents/mingyue-de_aliyun_ecs_invoice_2026-07.txt", "",
     "Hangzhou Mingyue Trading Co., Ltd.",
     f"{BANNER}\nCLOUD SERVER INVOICE (excerpt)\nProvider: Aliyun ECS, region eu-central-1\n"
     f"Instance public IP: {SEED_IP} (allocated 2026-07-01)\nPeriod: 2026-07\n"),
    ("oldseller-closed", "business_licence", "documents/oldseller-closed_business_licence.txt",
     USCC["hongtu"], "Dongguan Hongtu Outdoor Products Co., Ltd.",
     "\n".join(licence("Dongguan Hongtu Outdoor Products Co., Ltd.", USCC["hongtu"], "Guo Tao",
                       "Room 301, 12 Dongcheng Middle Road, Dongguan", "Amazon DE, 2025-09"))
     + "\n"),
    ("haiyun-uk", "bank_statement", "documents/haiyun-uk_bank_statement_2026-07.txt", "",
     "Ningbo Haiyun Trading Co., Ltd.",
     f"{BANNER}\nWORLDFIRST STATEMENT (excerpt)\nHolder: Ningbo Haiyun Trading Co., Ltd.\n"
     "Period: 2026-07\nReceipts from Amazon.co.uk: GBP 9,870.20\n"),
    ("haiyun-it", "business_licence", "documents/haiyun-it_business_licence.pdf",
     USCC["haiyun"], "Ningbo Haiyun Trading Co., Ltd.",
     licence("Ningbo Haiyun Trading Co., Ltd.", USCC["haiyun"], "Qian Hai",
             "Room 1102, 588 Tiantong South Road, Yinzhou District, Ningbo",
             "Amazon IT verification, 2026-11")),
    # BAD VALUE: referenced but never written
    ("haiyun-it", "bank_statement", "documents/haiyun-it_bank_statement_2026-08.pdf", "",
     "Ningbo Haiyun Trading Co., Ltd.", None),
    ("bluefin-fr", "business_licence", "documents/bluefin-fr_business_licence.pdf",
     USCC["bluefin"], "Xiamen Bluefin Sports Co., Ltd.",
     licence("Xiamen Bluefin Sports Co., Ltd.", USCC["bluefin"], "Lin Fang",
             "Room 801, 321 Jiahe Road, Siming District, Xiamen", "Amazon FR, 2025-02")),
    ("kestrel-us", "business_licence", "documents/kestrel-us_business_licence.pdf",
     USCC["kestrel"], "Xiamen Kestrel Outdoor Co., Ltd.",
     licence("Xiamen Kestrel Outdoor Co., Ltd.", USCC["kestrel"], "Huang Lei", KESTREL_ADDR,
             "Amazon US, 2022-08")),
    ("kestrel-us-2", "approval_letter", "documents/kestrel-us-2_second_account_approval.txt", "",
     "Xiamen Kestrel Outdoor Co., Ltd.",
     f"{BANNER}\nSECOND ACCOUNT APPROVAL (summary)\nCase ID: 1234567890 (invented)\n"
     "Approved: 2025-03-14, separate brand business 'Tidewell'\n"),
    ("xdtrade-it", "business_licence", "documents/xdtrade-it_business_licence.pdf",
     USCC["xdtrade"], "Shenzhen Xinda Trading Co., Ltd.",
     licence("Shenzhen Xinda Trading Co., Ltd.", USCC["xdtrade"], "He Jun",
             "No. 2105, Jinlong Building, 45 Dongmen Road, Luohu District, Shenzhen",
             "Amazon IT, 2024-11")),
    ("pengcheng-jp", "business_licence", "documents/pengcheng-jp_business_licence.pdf",
     USCC["pengcheng"], "Shenzhen Pengcheng Digital Co., Ltd.",
     licence("Shenzhen Pengcheng Digital Co., Ltd.", USCC["pengcheng"], "Zheng Peng",
             PENGCHENG_ADDR, "Amazon JP, 2025-06")),
    ("pengcheng-jp", "utility_bill", "documents/pengcheng-jp_utility_bill_2026-10.txt", "",
     "Shenzhen Pengcheng Digital Co., Ltd.",
     "\n".join(utility_bill("Shenzhen Pengcheng Digital Co., Ltd.", PENGCHENG_ADDR, "2026-10",
                            "CNY 1,406.90", "SZ-EL-0000-1204")) + "\n"),
]

# attributes.csv: pre-normalised values from an integration (spec 2.10)
ATTRIBUTES: list[tuple[str, str, str, str, str, str]] = [
    # 2-step-verification phones from the Seller Central user lists, already E.164
    ("xinda-us", "phone", "+8613800138000", "US", "2026-11-01", "false"),
    ("kestrel-us", "phone", "+8613800138404", "US", "2026-11-01", "false"),
    ("kestrel-us-2", "phone", "+8613800138404", "US", "2026-11-01", "false"),
    ("mingyue-us", "phone", "+8613800138101", "US", "2026-11-01", "false"),
    ("haiyun-uk", "phone", "+8613800138202", "UK", "2026-11-01", "false"),
    ("bluefin-fr", "phone", "+8613800138303", "FR", "2026-11-01", "false"),
]

CONFIG = '''\
# linkaudit configuration for the SYNTHETIC demo inventory (sample_data/).
# Generated by make_sample.py - every company, person and value here is invented.
# Format: see the data contract, section 4.

[defaults]
# Phone numbers without a country code (13800138000) are Chinese mobile numbers.
country = "CN"

[columns.logins]
# network.csv is a router export whose IP column is headed "Login IP".
"Login IP" = "ip"

# --- Allow-list: values shared for a legitimate reason are never evidence -------------------

[[allow]]
# A 3PL prep centre used as the warehouse address by three UNRELATED US stores
# (mingyue-us, kestrel-us, jiayue-us). Without this entry they would look linked.
type = "address"
value = "Prep Center, 1200 Commerce Way, Reno, NV 89502, US"
reason = "3PL prep centre used by many unrelated sellers"
owner = "compliance@example.cn"
expires = "2030-12-31"

[[allow]]
# EXPIRED: Haiyun's UK VAT agent office. The allowance lapsed on 2026-06-30, so the scan
# reports it as expired and the address counts as evidence again until it is renewed.
type = "address"
value = "Suite 4, 18 Harbour Lane, Felixstowe IP11 7ZZ, United Kingdom"
reason = "UK VAT agent's office used as correspondence address"
owner = "compliance@example.cn"
expires = "2026-06-30"

[[allow]]
# UNUSED: the old reception switchboard of a co-working space nobody uses any more.
# No file mentions it, so the scan reports the entry as unused (time to delete it).
type = "phone"
value = "+86 755 8888 0000"
reason = "shared switchboard of the former co-working space"
owner = "compliance@example.cn"
expires = "2030-12-31"

# --- Approved relationships: reported, marked approved, never failing a run ----------------

[[approved]]
accounts = ["kestrel-us", "kestrel-us-2"]
reason = "approved second account for the separate brand Tidewell, case 1234567890 (invented)"
'''

# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------


def csv_bytes(header: list[str], rows: list[list[object]], newline: str = "\n") -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=newline)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return buf.getvalue().encode("utf-8")


def csv_text(header: list[str], rows: list[list[object]], newline: str = "\n") -> str:
    return csv_bytes(header, rows, newline).decode("utf-8")


def normalise_xlsx(raw: bytes) -> bytes:
    """Make openpyxl's output byte-stable: fixed core.xml dates, fixed zip timestamps,
    sorted-as-written entries, no compression (so zlib versions cannot matter)."""
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:created[^>]*>)[^<]*(<)", r"\g<1>2026-11-01T00:00:00Z\2",
                              text)
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(<)",
                              r"\g<1>2026-11-01T00:00:00Z\2", text)
                data = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_STORED
            zi.external_attr = 0o644 << 16
            zi.create_system = 0
            dst.writestr(zi, data)
    return out.getvalue()


def xlsx_bytes(header: list[str], rows: list[tuple[object, ...]]) -> bytes:
    import datetime

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "payments"
    ws.append(header)
    for row in rows:
        ws.append([None if v == "" else v for v in row])
    # numbers shown as whole numbers, as a careful finance clerk would format them
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, int):
                cell.number_format = "0"
    for col, width in zip("ABCDEFGH", (16, 22, 12, 60, 30, 30, 14, 30), strict=True):
        ws.column_dimensions[col].width = width
    fixed = datetime.datetime(2026, 11, 1, 0, 0, 0)
    wb.properties.creator = "linkaudit sample generator (synthetic data)"
    wb.properties.title = "SYNTHETIC demo payments - invented values"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    buf = io.BytesIO()
    wb.save(buf)
    return normalise_xlsx(buf.getvalue())


# --------------------------------------------------------------------------------------------
# Build everything in memory, then write
# --------------------------------------------------------------------------------------------


def build() -> tuple[dict[str, bytes], dict[str, object]]:
    """All generated files (relative path -> bytes) and the facts expected.yaml needs."""
    files: dict[str, bytes] = {}
    bad: list[dict[str, object]] = []

    # sanity checks on the invented values
    for row in PAYMENTS_XLSX:
        card = str(row[1])
        if card and "*" not in card:
            assert luhn_ok(card), card
    assert gtin_check("01234567890") == "012345678905"

    # accounts.csv ------------------------------------------------------------------------
    acc_rows = []
    for i, (aid, name, markets, status, opened, notes) in enumerate(ACCOUNTS):
        seller = "" if status == "planned" else seller_id_of(aid)
        acc_rows.append([aid, name, markets, status, opened, seller, notes])
        if "EU" in markets.split(";"):
            bad.append({"file": "accounts.csv", "line": i + 2, "column": "marketplaces",
                        "value": "EU", "account": aid, "problem": "unknown marketplace code"})
        if status == "holiday":
            bad.append({"file": "accounts.csv", "line": i + 2, "column": "status",
                        "value": status, "account": aid, "problem": "unknown status"})
    files["accounts.csv"] = csv_bytes(
        ["account_id", "store_name", "marketplaces", "status", "opened", "seller_id", "notes"],
        acc_rows)

    # 公司信息.csv (GBK, Chinese headers, CRLF as Excel writes it) ------------------------
    text = csv_text(COMPANY_HEADER, [list(r) for r in COMPANIES], newline="\r\n")
    files["公司信息.csv"] = text.encode("gbk")

    # logins.jsonl --------------------------------------------------------------------------
    lines = []
    for aid, ip, source, provider, router, ssid, dates in LOGIN_SESSIONS:
        for d in dates:
            rec: dict[str, str] = {"account_id": aid, "ip": ip, "seen_at": d + ":00",
                                   "source": source}
            if provider:
                rec["provider"] = provider
            if router:
                rec["router_mac"] = router
            if ssid:
                rec["wifi_ssid"] = ssid
            lines.append(json.dumps(rec, ensure_ascii=False))
    files["logins.jsonl"] = ("\n".join(lines) + "\n").encode("utf-8")

    # network.csv (custom "Login IP" header) ----------------------------------------------
    for i, row in enumerate(NETWORK_ROWS):
        if row[1] == "999.1.1.1":
            bad.append({"file": "network.csv", "line": i + 2, "column": "Login IP",
                        "value": row[1], "account": row[0], "problem": "unparseable IP address"})
    files["network.csv"] = csv_bytes(["Store ID", "Login IP", "Login Time", "Source", "ISP"],
                                     [list(r) for r in NETWORK_ROWS])

    # devices.csv ---------------------------------------------------------------------------
    for i, row in enumerate(DEVICES):
        if row[2] == "3C:97:0E:4F:21":
            bad.append({"file": "devices.csv", "line": i + 2, "column": "mac", "value": row[2],
                        "account": row[0], "problem": "broken MAC address (five octets)"})
    files["devices.csv"] = csv_bytes(
        ["account_id", "device_id", "mac", "hostname", "os", "user_agent", "fingerprint",
         "browser_profile"], [list(r) for r in DEVICES])

    # payments.xlsx and billing.csv ---------------------------------------------------------
    files["payments.xlsx"] = xlsx_bytes(
        ["account_id", "card_number", "card_holder", "billing_address", "bank_account",
         "bank_name", "payout_provider", "payout_account"], PAYMENTS_XLSX)
    # billing.csv is what the bank portal exports: UTF-8 with BOM
    files["billing.csv"] = b"\xef\xbb\xbf" + csv_bytes(
        ["account_id", "card_number", "card_holder", "iban", "bank_name"],
        [list(r) for r in BILLING_ROWS])

    # people.csv ----------------------------------------------------------------------------
    for i, row in enumerate(PEOPLE):
        if row[2] == "wang.fang.example.cn":
            bad.append({"file": "people.csv", "line": i + 2, "column": "email", "value": row[2],
                        "account": row[0], "problem": "malformed e-mail address (no @)"})
    files["people.csv"] = csv_bytes(["account_id", "name", "email", "phone", "role"],
                                    [list(r) for r in PEOPLE])

    # addresses.csv -------------------------------------------------------------------------
    files["addresses.csv"] = csv_bytes(["account_id", "type", "address"],
                                       [list(r) for r in ADDRESSES])

    # listings.csv --------------------------------------------------------------------------
    files["listings.csv"] = csv_bytes(
        ["account_id", "marketplace", "asin", "sku", "gtin", "brand", "title", "image_hash"],
        listing_rows())

    # documents.csv + documents/ ------------------------------------------------------------
    doc_rows = []
    for i, (aid, doc_type, path, number, issued_to, content) in enumerate(DOCUMENTS):
        doc_rows.append([aid, doc_type, path, number, issued_to])
        if content is None:
            bad.append({"file": "documents.csv", "line": i + 2, "column": "path", "value": path,
                        "account": aid, "problem": "referenced document file is missing"})
        elif isinstance(content, list):
            files[path] = pdf_bytes(content)
        else:
            files[path] = str(content).encode("utf-8")
    files["documents.csv"] = csv_bytes(["account_id", "doc_type", "path", "number", "issued_to"],
                                       doc_rows)

    # attributes.csv ------------------------------------------------------------------------
    files["attributes.csv"] = csv_bytes(
        ["account_id", "type", "value", "marketplace", "seen_at", "hashed"],
        [list(r) for r in ATTRIBUTES])

    files["linkaudit.toml"] = CONFIG.encode("utf-8")

    assert files["documents/xinda-uk_utility_bill_2026-04.pdf"] == \
        files["documents/xinda-de_address_proof.pdf"]
    return files, {"bad_values": bad}


# --------------------------------------------------------------------------------------------
# expected.yaml: the answer key for the engine's acceptance tests
# --------------------------------------------------------------------------------------------


def line_of(files: dict[str, bytes], name: str, needle: str, encoding: str = "utf-8") -> int:
    """1-based line of the first line of a generated text file containing needle."""
    for n, line in enumerate(files[name].decode(encoding).splitlines(), 1):
        if needle in line:
            return n
    raise KeyError(f"{needle!r} not in {name}")


def expected(files: dict[str, bytes], facts: dict[str, object]) -> dict[str, object]:
    shared_asins = [asin_for(p) for p in ("xd-1", "xd-2", "xd-3", "xd-5", "xd-6")]
    shared_gtins = [gtin_for(p, "US") for p in ("xd-1", "xd-2", "xd-3", "xd-5", "xd-6")]

    def link(a: str, b: str, attribute: str, note: str, min_severity: str | None = None,
             **extra: object) -> dict[str, object]:
        d: dict[str, object] = {"accounts": sorted([a, b]), "attribute": attribute}
        if min_severity:
            d["min_severity"] = min_severity
        d.update(extra)
        d["note"] = note
        return d

    links = [
        # identity
        link("xinda-us", "xinda-uk", "company_name", "'Shenzhen Xinda Technology Co., Ltd.' = "
             "'SHENZHEN XINDA TECHNOLOGY CO LTD' (公司信息.csv)", "high", family="identity"),
        link("xinda-us", "jiayue-us", "person", "legal representative 'Wei LI' (Xinda) = "
             "'li wei' (Jiayue) across two companies (公司信息.csv, people.csv)", "high",
             family="identity"),
        link("xinda-us", "xinda-uk", "phone", "'13800138000' with country CN = "
             "'+86 138 0013 8000' (公司信息.csv, people.csv)", "high", family="identity"),
        link("xinda-us", "xinda-uk", "email", "'Li.Wei+us@Gmail.com' = 'liwei@googlemail.com' "
             "(Gmail dots, +tag, googlemail)", "high", family="identity"),
        link("xinda-us", "xinda-uk", "address", "'Rm 1203, Bldg 5, ... Rd' = 'Room 1203, "
             "Building 5, ... Road' (registered, office and billing addresses)", "medium",
             family="identity"),
        link("xinda-us", "xinda-de", "registration_number", "the same USCC, upper vs lower "
             "case", "high", family="identity"),
        link("xinda-uk", "xinda-de", "tax_id", "'DE 314 159 262' = 'DE314159262' (second value "
             "of a multi-valued cell)", "high", family="identity"),
        link("xinda-jp-planned", "xinda-us", "phone", "the planned store's new company "
             "registers with '0086-138-0013-8000', Xinda's phone", "high", family="identity"),
        link("kestrel-us", "kestrel-us-2", "phone", "full-width digits '+86 １３８ ００１３ ８４０４' "
             "(NFKC) = '+86 138 0013 8404'; the pair is approved", None, family="identity",
             approved=True),
        link("kestrel-us", "kestrel-us-2", "company_name", "one company, two brands; approved",
             None, family="identity", approved=True),
        link("mingyue-us", "mingyue-de", "registration_number", "one company, US and DE stores",
             "high", family="identity"),
        link("haiyun-uk", "haiyun-it", "registration_number", "one company, UK and IT stores",
             "high", family="identity"),
        # finance
        link("xinda-us", "xinda-ca", "card", "4111111111111111 as a NUMBER cell in "
             "payments.xlsx = '411111******1111' masked in billing.csv", "high",
             family="finance"),
        link("xinda-us", "jiayue-us", "bank_account", "6222020200112233 as a NUMBER cell in "
             "payments.xlsx = '6222 0202 0011 2233' in billing.csv", "high", family="finance"),
        link("xinda-de", "xinda-uk", "bank_account", "IBAN 'DE89 3704 0044 0532 0130 00' "
             "(payments.xlsx) = 'DE89370400440532013000' (billing.csv)", "high",
             family="finance"),
        link("xinda-uk", "xinda-ca", "payout_account", "the same Payoneer account, "
             "'payout.xinda@example.cn' / 'PAYOUT.Xinda@example.cn'", "high", family="finance"),
        # network
        link("xinda-us", "xinda-uk", "ip", "office IP 203.0.113.10 (hub of the five Xinda "
             "stores incl. the planned one)", "medium", family="network"),
        link("xinda-jp-planned", "xinda-us", "ip", "the planned store already logged in from "
             "the office IP 203.0.113.10", "medium", family="network"),
        link("xinda-de", "xinda-ca", "ip", "office IP; xinda-de's rows come from network.csv "
             "(custom 'Login IP' header)", "medium", family="network"),
        link("xinda-jp-planned", "xinda-us", "mac", "router MAC 'AC:84:C6:5A:10:01' = "
             "'ac84.c65a.1001' (logins.jsonl router_mac)", None, family="network"),
        link("xinda-us", "xinda-uk", "ip", "IPv6 '2001:db8::1' = '2001:0DB8:0:0::1'", None,
             family="network", value="2001:db8::1"),
        link("xinda-us", "jiayue-us", "ip_subnet", "203.0.113.10 and 203.0.113.88: same /24, "
             "never the same address", None, family="network"),
        link("haiyun-uk", "bluefin-fr", "ip", "the freelance operator's home line "
             "183.136.205.61", None, family="network"),
        link("mingyue-de", "oldseller-closed", "ip", "THE SEED: recycled Aliyun ECS IP "
             "192.0.2.45, oldseller-closed 2026-01-05..2026-02-26, mingyue-de from 2026-07-02",
             None, family="network", value=SEED_IP),
        # device
        link("xinda-us", "xinda-de", "device_id", "the same office laptop, device id in lower "
             "and upper case", "high", family="device"),
        link("xinda-uk", "xinda-ca", "fingerprint", "one cloned anti-detect browser profile, "
             "same fingerprint hash", "medium", family="device"),
        link("xinda-ca", "xinda-de", "mac", "the spare laptop: '00:1A:2B:3C:4D:5E' = "
             "'001A.2B3C.4D5E'", None, family="device"),
        # catalogue
        link("xinda-us", "jiayue-us", "asin", "5 Xinda ASINs on the SAME marketplace (US): "
             "cross-selling", None, family="catalogue"),
        link("xinda-us", "jiayue-us", "gtin", "5 GTINs on US incl. '012345678905' = "
             "'0012345678905'", None, family="catalogue"),
        # documents
        link("xinda-uk", "xinda-de", "document", "byte-identical utility bill under two file "
             "names (documents/xinda-uk_utility_bill_2026-04.pdf, "
             "documents/xinda-de_address_proof.pdf)", "high", family="documents"),
        # people
        link("haiyun-uk", "bluefin-fr", "person", "freelance operator 'Zhou Yang' has user "
             "permissions on haiyun-uk, haiyun-it and bluefin-fr (people.csv)", "high",
             family="people"),
        link("haiyun-it", "bluefin-fr", "email", "the operator's e-mail (one copy with a "
             "zero-width space)", "high", family="people"),
        link("haiyun-uk", "haiyun-it", "email", "the operator's e-mail", "high",
             family="people"),
    ]

    negatives = [
        {"accounts": sorted(["haiyun-uk", "pengcheng-jp"]), "must_not_link": True,
         "note": "both log in from the private address 192.168.1.1 (and nothing else shared)"},
        {"accounts": sorted(["bluefin-fr", "kestrel-us-2"]), "must_not_link": True,
         "note": "both have logins from the private address 10.0.0.2"},
        {"accounts": sorted(["kestrel-us", "xinda-us"]), "must_not_link": True,
         "note": "both log in from 192.168.1.1"},
        {"accounts": sorted(["pengcheng-jp", "xdtrade-it"]), "must_not_link": True,
         "note": "placeholders: phone '000-000-0000' in both, e-mail 'none'/'-', "
                 "tax id 'N/A'/'无'"},
        {"accounts": sorted(["bluefin-fr", "oldseller-closed"]), "must_not_link": True,
         "note": "placeholder tax id 'N/A' in both"},
        {"accounts": sorted(["oldseller-closed", "xdtrade-it"]), "must_not_link": True,
         "note": "placeholder tax id 'N/A' in both"},
        {"accounts": sorted(["pengcheng-jp", "xinda-uk"]), "must_not_link_by": "address",
         "note": "neighbouring flats: 'Room 1204, Building 5, ...' vs 'Room 1203, Building 5, "
                 "...'"},
        {"accounts": sorted(["pengcheng-jp", "xinda-uk"]), "must_not_link": True,
         "note": "neighbours share nothing else"},
        {"accounts": sorted(["pengcheng-jp", "xinda-us"]), "must_not_link": True,
         "note": "neighbouring flats ('Rm 1203, Bldg 5' vs 'Room 1204, Building 5')"},
        {"accounts": sorted(["xdtrade-it", "xinda-us"]), "must_not_link_by": "company_name",
         "note": "'Shenzhen Xinda Trading Co., Ltd.' is not 'Shenzhen Xinda Technology Co., "
                 "Ltd.'"},
        {"accounts": sorted(["xdtrade-it", "xinda-de"]), "must_not_link": True,
         "note": "similar company name, same marketplace IT, nothing shared"},
        {"accounts": sorted(["haiyun-uk", "mingyue-us"]), "must_not_link": True,
         "note": f"same resold ASIN {RESALE_ASIN} / GTIN {RESALE_GTIN} on DIFFERENT "
                 "marketplaces (US vs UK) only"},
        {"accounts": sorted(["mingyue-us", "pengcheng-jp"]), "attribute": "ip",
         "max_severity": "low", "weak_only": True,
         "note": "shared CGNAT address 100.64.23.7 (mobile carrier NAT): weak at most"},
        {"accounts": sorted(["kestrel-us", "xdtrade-it"]), "attribute": "card",
         "max_severity": "low", "weak_only": True,
         "note": "'**** **** **** 4242' (last 4 only) vs full 4242424242424242: weak at most"},
        {"accounts": sorted(["jiayue-us", "mingyue-us"]), "must_not_link": True,
         "note": "allow-listed prep-centre address shared"},
        {"accounts": sorted(["kestrel-us", "mingyue-us"]), "must_not_link": True,
         "note": "allow-listed prep-centre address shared (and private IP 192.168.1.1)"},
        {"accounts": sorted(["jiayue-us", "kestrel-us"]), "must_not_link": True,
         "note": "allow-listed prep-centre address shared"},
    ]

    bad = list(facts["bad_values"])  # type: ignore[arg-type]
    for b in bad:
        # prove the line is right: the value is on that line of the generated file
        assert str(b["value"]) in files[str(b["file"])].decode("utf-8-sig").splitlines()[
            int(b["line"]) - 1], b  # type: ignore[call-overload]
    bad.sort(key=lambda b: (str(b["file"]), int(b["line"])))  # type: ignore[call-overload]

    return {
        "schema": "linkaudit.sample-expected/1",
        "synthetic": True,
        "accounts": {
            "count": len(ACCOUNTS),
            "ids": [a[0] for a in ACCOUNTS],
            "marketplaces": sorted({m for a in ACCOUNTS for m in a[2].split(";") if m != "EU"}),
        },
        "planned_account": "xinda-jp-planned",
        "planned_must_link_to": ["xinda-us", "xinda-uk", "xinda-de", "xinda-ca"],
        "planned_check_min_severity": "high",
        "closed_account": "oldseller-closed",
        "suspended": ["mingyue-de"],
        "under_review": ["haiyun-it"],
        "seed": {
            "ip": SEED_IP,
            "accounts": ["mingyue-de", "oldseller-closed"],
            "provider": "Aliyun ECS",
            "previous_tenant": {"account": "oldseller-closed", "source": "vps",
                                "first_seen": "2026-01-05", "last_seen": "2026-02-26",
                                "logins": "logins.jsonl:" + ",".join(
                                    str(n) for n in _lines_with(files, "logins.jsonl",
                                                                "oldseller-closed", SEED_IP))},
            "current": {"account": "mingyue-de", "source": "cloud", "first_seen": "2026-07-02",
                        "last_seen": "2026-09-10",
                        "logins": "logins.jsonl:" + ",".join(
                            str(n) for n in _lines_with(files, "logins.jsonl", "mingyue-de",
                                                        SEED_IP))},
            "only_shared_attributes": ["ip", "ip_subnet"],
            "appeal_hint": {"account": "mingyue-de", "hint": "Hon",
                            "resolves_to": "oldseller-closed"},
        },
        "groups": [
            {"accounts": sorted(CLUSTERS["X"]), "has_closed_or_suspended": False},
            {"accounts": sorted(CLUSTERS["M"]), "has_closed_or_suspended": True},
            {"accounts": sorted(CLUSTERS["H"]), "has_closed_or_suspended": False},
            {"accounts": sorted(CLUSTERS["K"]), "has_closed_or_suspended": False,
             "approved": True},
        ],
        "ungrouped": ["pengcheng-jp", "xdtrade-it"],
        "hubs_below_default_threshold": [
            {"attribute": "ip", "value": "203.0.113.10",
             "accounts": ["xinda-ca", "xinda-de", "xinda-jp-planned", "xinda-uk", "xinda-us"],
             "note": "a real hub of the seller's own estate: every Xinda store behind one "
                     "office IP (5 < hub_threshold 10)"},
        ],
        "links": links,
        "cross_selling": [
            {"accounts": ["jiayue-us", "xinda-us"], "marketplace": "US",
             "asins": shared_asins, "gtins": shared_gtins, "overlap": len(shared_asins),
             "newer": "jiayue-us",
             "note": "jiayue-us lists 'XINDAHOME' from 2025-09 on xinda-us's marketplace"},
        ],
        "not_cross_selling": [
            {"accounts": ["xinda-uk", "xinda-us"], "asin": asin_for("xd-1"),
             "marketplaces": ["UK", "US"],
             "note": "linked accounts, same ASIN and GTIN, different marketplaces"},
            {"accounts": ["xinda-ca", "xinda-us"], "asin": asin_for("xd-2"),
             "marketplaces": ["CA", "US"], "note": "CA is not US"},
            {"accounts": ["haiyun-uk", "mingyue-us"], "asin": RESALE_ASIN,
             "marketplaces": ["UK", "US"], "note": "unrelated resellers, different marketplaces"},
            {"accounts": ["kestrel-us", "kestrel-us-2"], "marketplace": "US",
             "note": "approved pair on the same marketplace with NO product overlap"},
        ],
        "negative_controls": negatives,
        "approved": [{"accounts": ["kestrel-us", "kestrel-us-2"], "approved": True}],
        "allowances": [
            {"type": "address", "value": PREP_CENTRE, "used": True, "expired": False,
             "accounts": ["jiayue-us", "kestrel-us", "mingyue-us"]},
            {"type": "address", "value": UK_VAT_AGENT, "used": True, "expired": True,
             "accounts": ["haiyun-it", "haiyun-uk"]},
            {"type": "phone", "value": "+86 755 8888 0000", "used": False, "expired": False},
        ],
        "normalisation_traps": [
            {"file": "公司信息.csv", "line": line_of(files, "公司信息.csv", "kestrel-us-2", "gbk"),
             "what": "full-width digits in a phone number (NFKC)"},
            {"file": "people.csv", "line": line_of(files, "people.csv", "\u200b"),
             "what": "zero-width space inside an e-mail address"},
            {"file": "payments.xlsx", "cell": "payments!B2",
             "what": "16-digit card number stored as a spreadsheet NUMBER"},
            {"file": "payments.xlsx", "cell": "payments!E2",
             "what": "16-digit bank account stored as a spreadsheet NUMBER"},
            {"file": "payments.xlsx",
             "cell": f"payments!H{2 + [r[0] for r in PAYMENTS_XLSX].index('pengcheng-jp')}",
             "what": "11-digit payout account stored as a spreadsheet NUMBER"},
            {"file": "billing.csv", "line": 1, "what": "UTF-8 with BOM"},
            {"file": "公司信息.csv", "line": 1, "what": "GBK encoding, Chinese headers, CRLF"},
            {"file": "network.csv", "line": 1,
             "what": "custom header 'Login IP' mapped in linkaudit.toml [columns.logins]"},
            {"file": "accounts.csv", "line": 1,
             "what": "unknown column 'notes' (kept, listed once in the scan's notes)"},
        ],
        "bad_values": bad,
    }


def _lines_with(files: dict[str, bytes], name: str, *needles: str) -> list[int]:
    return [n for n, line in enumerate(files[name].decode("utf-8").splitlines(), 1)
            if all(x in line for x in needles)]


YAML_HEADER = """\
# expected.yaml - the answer key of the SYNTHETIC demo inventory (generated by make_sample.py,
# do not edit by hand). Every value is invented.
#
# links:             planted links; each {accounts: [a, b] (sorted), attribute: <spec 3 type>,
#                    min_severity?: suggested floor for the pair's link, family, note}. The
#                    attribute must appear among the pair's evidence.
# negative_controls: {accounts, must_not_link: true}     - no link at all between the two
#                    {accounts, must_not_link_by: <type>} - no evidence of that type
#                    {accounts, attribute, max_severity: low, weak_only: true} - at most weak
# bad_values:        {file, line (1-based, header = line 1), column, value, problem}
"""


def write_all(out_dir: Path) -> list[str]:
    import yaml

    files, facts = build()
    exp = expected(files, facts)
    class Dumper(yaml.SafeDumper):
        pass

    def str_rep(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        # quote digit strings (GTINs, phones) so that no YAML 1.2 reader turns them into ints
        style = "'" if re.fullmatch(r"[+\d][\d .+-]*", value) else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, str_rep)
    files["expected.yaml"] = (YAML_HEADER + yaml.dump(
        exp, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100,
        default_flow_style=None)).encode("utf-8")
    out_dir.mkdir(parents=True, exist_ok=True)
    for rel, data in sorted(files.items()):
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return sorted(files)


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else HERE
    written = write_all(out)
    print(f"wrote {len(written)} files to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
