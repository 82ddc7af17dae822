"""Network normalisers: ip, ip_subnet, mac, wifi_ssid (spec 3)."""

import ipaddress
import time

import pytest

from linkaudit.normalize import DERIVED, NORMALIZERS
from linkaudit.normalize.hosting import _PREFIXES, _TABLES, hosting_label, hosting_provider
from linkaudit.normalize.network import is_cgnat, subnet_of
from linkaudit.vocab import AttrType

ip = NORMALIZERS[AttrType.IP]
mac = NORMALIZERS[AttrType.MAC]
ssid = NORMALIZERS[AttrType.WIFI_SSID]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("2001:db8::1", "2001:0DB8:0:0::1"),
        ("203.0.113.7", " 203.0.113.7 "),
        ("203.0.113.7", "::ffff:203.0.113.7"),
        ("203.0.113.7", "::FFFF:cb00:7107"),
        ("203.0.113.7", "２０３．０．１１３．７"),
        ("203.0.113.7", "203.000.113.007"),
        ("203.0.113.7", "203.0.113.7:8080"),
        ("2001:db8::1", "[2001:db8::1]:443"),
        ("2001:db8::1", "2001:db8::1%eth0"),
        ("2001:db8::1", "2001:db8::1\u200b"),
    ],
)
def test_ip_equivalent(a: str, b: str) -> None:
    assert ip(a, None).value is not None
    assert ip(a, None).value == ip(b, None).value


@pytest.mark.parametrize(
    ("a", "b"),
    [("203.0.113.7", "203.0.113.8"), ("2001:db8::1", "2001:db8::2"), ("8.8.8.8", "8.8.4.4")],
)
def test_ip_different(a: str, b: str) -> None:
    assert ip(a, None).value != ip(b, None).value


@pytest.mark.parametrize(
    "raw",
    [
        "192.168.1.1",
        "10.0.0.2",
        "127.0.0.1",
        "169.254.3.4",
        "172.16.0.1",
        "fe80::1",
        "fe80::1%eth0",
        "::1",
        "::",
        "0.0.0.0",
        "255.255.255.255",
        "224.0.0.1",
        "ff02::1",
        "240.0.0.1",
        "fc00::1",
        "fec0::1",
        "::ffff:192.168.1.1",
        "2002:c0a8:0101::1",  # 6to4 around 192.168.1.1: never routed
        "2002:0a00:0002::5",  # 6to4 around 10.0.0.2
        "",
        "N/A",
        "-",
        "unknown",
    ],
)
def test_ip_not_evidence(raw: str) -> None:
    assert ip(raw, None).value is None
    assert ip(raw, None).problem is None


@pytest.mark.parametrize(
    "raw", ["999.1.1.1", "abc", "1.2.3", "1.2.3.4.5", "2001:db8::g", "1.2.3.0/24"]
)
def test_ip_unparseable_is_a_problem(raw: str) -> None:
    result = ip(raw, None)
    assert result.value is None
    assert result.problem == "not an IP address"


@pytest.mark.parametrize(
    "raw",
    ["192.0.2.1", "198.51.100.2", "203.0.113.7", "2001:db8::1", "8.8.8.8", "2a00:1450::1",
     "2002:cb00:7107::1"],  # 6to4 around a public address (203.0.113.7) stays usable
)  # fmt: skip
def test_ip_documentation_and_global_ranges_are_usable(raw: str) -> None:
    result = ip(raw, None)
    assert result.value is not None
    assert not result.weak


def test_ip_cgnat_is_weak() -> None:
    result = ip("100.64.1.2", None)
    assert result == ip("100.64.1.2", None)
    assert result.value == "100.64.1.2"
    assert result.weak
    assert result.flags == ("cgnat",)
    assert ip("100.127.255.255", None).weak
    assert not ip("100.128.0.1", None).weak


@pytest.mark.parametrize(
    ("raw", "provider"),
    [
        ("47.96.1.1", "Alibaba Cloud"),
        ("43.130.1.1", "Tencent Cloud"),
        ("3.5.1.1", "AWS"),
        ("35.200.1.1", "Google Cloud"),
        ("20.70.1.1", "Microsoft Azure"),
        ("159.65.1.1", "DigitalOcean"),
        ("5.9.1.1", "Hetzner"),
        ("51.68.1.1", "OVH"),
        ("45.32.1.1", "Vultr"),
        ("139.162.1.1", "Linode/Akamai"),
        ("129.146.1.1", "Oracle Cloud"),
        ("119.3.1.1", "Huawei Cloud"),
        ("2600:1f00::1", "AWS"),
        ("2a01:4f8::1", "Hetzner"),
    ],
)
def test_ip_hosting_flag(raw: str, provider: str) -> None:
    assert ip(raw, None).flags == (f"hosting:{provider}",)


@pytest.mark.parametrize("raw", ["203.0.113.7", "1.1.1.1", "2001:db8::1", "114.114.114.114"])
def test_ip_without_hosting_flag(raw: str) -> None:
    assert ip(raw, None).flags == ()


def test_hosting_table_ranges_do_not_overlap() -> None:
    for starts, ends, _ in _TABLES.values():
        for index in range(1, len(starts)):
            assert starts[index] > ends[index - 1], f"overlap at {starts[index]}"
    assert sum(len(text.split()) for text in _PREFIXES.values()) == sum(
        len(s) for s, _, _ in _TABLES.values()
    )


def test_hosting_lookup_is_fast() -> None:
    addresses = [ipaddress.ip_address(f"47.{i % 256}.{i % 200}.1") for i in range(20_000)]
    start = time.perf_counter()
    for address in addresses:
        hosting_provider(address)
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Aliyun ECS", "Alibaba Cloud"),
        ("阿里云", "Alibaba Cloud"),
        ("腾讯云", "Tencent Cloud"),
        ("AWS", "AWS"),
        ("Amazon EC2", "AWS"),
        ("vps", "vps"),
        ("VPS", "vps"),
        ("cloud", "cloud"),
        ("proxy", "proxy"),
        ("代理", "proxy"),
        ("VPN", "vpn"),
        ("datacenter", "datacenter"),
        ("IDC", "datacenter"),
        ("机房", "datacenter"),
        ("云服务器", "vps"),
        ("hosting", "hosting"),
        ("Hetzner Online", "Hetzner"),
        ("broadband", None),
        ("mobile", None),
        ("residential", None),
        ("China Telecom", None),
        ("中国电信", None),
        ("云南移动", None),
        ("", None),
    ],
)
def test_hosting_label(label: str, expected: str | None) -> None:
    assert hosting_label(label) == expected


@pytest.mark.parametrize(
    ("canonical", "subnet"),
    [
        ("203.0.113.7", "203.0.113.0/24"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("2001:db8::1", "2001:db8::/64"),
    ],
)
def test_subnet_of(canonical: str, subnet: str) -> None:
    assert subnet_of(canonical) == subnet


def test_derived_subnet_keeps_cgnat_weak() -> None:
    assert DERIVED[AttrType.IP]("203.0.113.7") == [(AttrType.IP_SUBNET, "203.0.113.0/24", False)]
    assert DERIVED[AttrType.IP]("100.64.3.4") == [(AttrType.IP_SUBNET, "100.64.3.0/24", True)]
    assert is_cgnat("100.64.0.1")
    assert not is_cgnat("100.1.0.1")
    assert not is_cgnat("2001:db8::1")


@pytest.mark.parametrize(
    "raw",
    [
        "00:1A:2B:3C:4D:5E",
        "00-1a-2b-3c-4d-5e",
        "001A.2B3C.4D5E",
        "001a2b3c4d5e",
        "0:1a:2b:3c:4d:5e",
        " 00:1a:2b:3c:4d:5e ",
    ],
)
def test_mac_equivalent(raw: str) -> None:
    assert mac(raw, None).value == "00:1a:2b:3c:4d:5e"
    assert mac(raw, None).flags == ()


@pytest.mark.parametrize(
    ("a", "b"), [("00:1a:2b:3c:4d:5e", "00:1a:2b:3c:4d:5f"), ("001a2b3c4d5e", "1a2b3c4d5e00")]
)
def test_mac_different(a: str, b: str) -> None:
    assert mac(a, None).value != mac(b, None).value


@pytest.mark.parametrize(
    "raw", ["ff:ff:ff:ff:ff:ff", "FF-FF-FF-FF-FF-FF", "00:00:00:00:00:00", "0"]
)
def test_mac_not_evidence(raw: str) -> None:
    assert mac(raw, None) == NORMALIZERS[AttrType.MAC]("", None)
    assert mac(raw, None).value is None


@pytest.mark.parametrize(
    "raw", ["zz:zz:zz:zz:zz:zz", "00:1a:2b:3c:4d", "00:1a-2b:3c:4d:5e", "001a2b3c4d5e7", "abc"]
)
def test_mac_invalid_is_a_problem(raw: str) -> None:
    result = mac(raw, None)
    assert result.value is None
    assert result.problem


@pytest.mark.parametrize(
    ("raw", "flags"),
    [
        ("52:54:00:12:34:56", ("vm:QEMU", "local_admin")),
        ("02:42:ac:11:00:02", ("vm:Docker", "local_admin")),
        ("00:50:56:01:02:03", ("vm:VMware",)),
        ("00:0C:29:01:02:03", ("vm:VMware",)),
        ("00:05:69:01:02:03", ("vm:VMware",)),
        ("00:1c:14:01:02:03", ("vm:VMware",)),
        ("08:00:27:01:02:03", ("vm:VirtualBox",)),
        ("00:15:5D:01:02:03", ("vm:Hyper-V",)),
        ("00:16:3e:01:02:03", ("vm:Xen",)),
        ("00:1c:42:01:02:03", ("vm:Parallels",)),
        ("da:a1:19:01:02:03", ("local_admin",)),
        ("a4:83:e7:01:02:03", ()),
    ],
)
def test_mac_flags(raw: str, flags: tuple[str, ...]) -> None:
    assert mac(raw, None).flags == flags


def test_ssid_keeps_case_and_trims() -> None:
    assert ssid("  Office-5G ", None).value == "Office-5G"
    assert ssid("office-5g", None).value != ssid("Office-5G", None).value
    assert ssid("N/A", None).value is None
