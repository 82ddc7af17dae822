"""Network normalisers (spec 3): ip, ip_subnet (derived), mac, wifi_ssid.

Canonical forms:
  ip         `ipaddress` compressed text (`203.0.113.7`, `2001:db8::1`); IPv4-mapped IPv6
             (`::ffff:203.0.113.7`) is unwrapped; an IPv6 zone (`%eth0`), brackets and a port
             (`203.0.113.7:8080`, `[2001:db8::1]:443`) and zero-padded IPv4 octets
             (`203.000.113.007`) are accepted. Private, loopback, link-local, reserved,
             multicast, unspecified and broadcast addresses are not evidence (NOTHING).
             Documentation ranges (192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32)
             count as public: the spec's examples use them as real addresses.
             CGNAT (100.64/10): weak, flag `cgnat`. Known hosting range: flag `hosting:<Provider>`.
  ip_subnet  `203.0.113.0/24` (IPv4 /24) or `2001:db8:1:2::/64` (IPv6 /64), see subnet_of().
  mac        `00:1a:2b:3c:4d:5e`; broadcast and all-zero are NOTHING; flags `vm:<vendor>`
             (QEMU, Docker, VMware, VirtualBox, Hyper-V, Xen, Parallels) and `local_admin`
             (bit 0x02 of the first octet: random or locally administered).
  wifi_ssid  trimmed, case kept (SSIDs are case-sensitive).
"""

import ipaddress
import re
from bisect import bisect_right

from linkaudit.normalize.base import NOTHING, Norm
from linkaudit.normalize.hosting import hosting_label, hosting_ranges, provider_of
from linkaudit.normalize.text import fold, prepare

__all__ = [
    "derive_subnet",
    "hosting_label",
    "is_cgnat",
    "normalize_ip",
    "normalize_mac",
    "normalize_ssid",
    "subnet_of",
    "v4_not_plain",
]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_V4_PORT = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$", re.ASCII)
_V6_BRACKET = re.compile(r"^\[([0-9A-Fa-f:.]+)\](?::\d{1,5})?$", re.ASCII)
_V4_CANONICAL = re.compile(
    r"^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$", re.ASCII
)
_V4_PADDED = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$", re.ASCII)
_DOC_V6 = ipaddress.IPv6Network("2001:db8::/32")
_CGNAT_FIRST = int(ipaddress.IPv4Address("100.64.0.0"))
_CGNAT_LAST = int(ipaddress.IPv4Address("100.127.255.255"))
# IPv4 space that is not public (RFC 6890): this network, private, loopback, link-local,
# IETF protocol assignments, benchmarking, multicast, reserved and broadcast (224/3).
# Integer intervals: ipaddress's is_global scans a list of networks, ten times slower.
_V4_NOT_PUBLIC = sorted(
    (int(net.network_address), int(net.broadcast_address))
    for net in map(
        ipaddress.IPv4Network,
        [
            "0.0.0.0/8",
            "10.0.0.0/8",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.0.0.0/24",
            "192.168.0.0/16",
            "198.18.0.0/15",
            "224.0.0.0/3",
        ],
    )
)
_V4_NOT_PUBLIC_STARTS = [start for start, _ in _V4_NOT_PUBLIC]


def v4_not_plain() -> list[tuple[int, int]]:
    """IPv4 ranges whose addresses are not plain evidence (not public, CGNAT, hosting), as
    sorted disjoint integer intervals: the vectorised loader claims only addresses outside."""
    spans = sorted([*_V4_NOT_PUBLIC, (_CGNAT_FIRST, _CGNAT_LAST), *hosting_ranges(4)])
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


_NOT_IP = Norm(None, problem="not an IP address")


def normalize_ip(raw: str, country: str | None = None) -> Norm:
    """The canonical public IP address, NOTHING for non-public ones, a problem when unparseable."""
    text = prepare(raw)
    if text is None:
        return NOTHING
    number = _dotted_quad(text)
    if number is not None:  # fast path: a plain IPv4 address is already canonical
        return _classify_v4(text, number)
    address = _parse_ip(text)
    if address is None:
        return _NOT_IP
    if address.version == 6 and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.version == 4:
        return _classify_v4(str(address), int(address))
    wrapped = address.sixtofour  # 6to4 (2002::/16) carries an IPv4 address
    if wrapped is not None and _classify_v4(str(wrapped), int(wrapped)).value is None:
        return NOTHING  # around a private or reserved IPv4 address it is never routed
    if not _is_public_v6(address):
        return NOTHING
    return _with_provider(str(address), provider_of(6, int(address)))


def _dotted_quad(text: str) -> int | None:
    """The integer of canonical dotted-quad text (no leading zeros), else None."""
    match = _V4_CANONICAL.match(text)
    if match is None:
        return None
    a, b, c, d = (int(octet) for octet in match.groups())
    if a > 255 or b > 255 or c > 255 or d > 255:
        return None
    return (a << 24) | (b << 16) | (c << 8) | d


def _classify_v4(value: str, number: int) -> Norm:
    """CGNAT is weak, non-public is NOTHING, others carry a hosting flag when known."""
    if _CGNAT_FIRST <= number <= _CGNAT_LAST:
        return Norm(value, weak=True, flags=("cgnat",))
    index = bisect_right(_V4_NOT_PUBLIC_STARTS, number) - 1
    if index >= 0 and number <= _V4_NOT_PUBLIC[index][1]:
        return NOTHING
    return _with_provider(value, provider_of(4, number))


def _with_provider(value: str, provider: str | None) -> Norm:
    """A usable address, flagged `hosting:<Provider>` when it is in a known hosting range."""
    return Norm(value, flags=(f"hosting:{provider}",) if provider else ())


def _parse_ip(text: str) -> IPAddress | None:
    """Parse an address, tolerating a zone id, brackets, a port and zero-padded octets."""
    text = text.split("%", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        pass
    match = _V4_PORT.match(text) or _V6_BRACKET.match(text)
    if match:
        text = match.group(1)
    if _V4_PADDED.match(text):
        text = ".".join(str(int(octet)) for octet in text.split("."))
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _is_public_v6(address: ipaddress.IPv6Address) -> bool:
    """Reachable on the internet; the documentation prefix counts (spec examples use it)."""
    if address.is_global:
        # Python 3.11 counts multicast and reserved / site-local space as global.
        return not (address.is_multicast or address.is_reserved or address.is_site_local)
    return address in _DOC_V6


def derive_subnet(ip: str) -> list[tuple[str, bool]]:
    """The subnet of a canonical IP and whether it is weak evidence (a CGNAT pool)."""
    return [(subnet_of(ip), is_cgnat(ip))]


def is_cgnat(ip: str) -> bool:
    """True for a canonical address in the carrier-grade NAT range 100.64.0.0/10."""
    parts = ip.split(".")
    return (
        len(parts) == 4 and parts[0] == "100" and parts[1].isdigit() and 64 <= int(parts[1]) < 128
    )


def subnet_of(ip: str) -> str:
    """The /24 (IPv4) or /64 (IPv6) network of a canonical IP: `203.0.113.0/24`, `2001:db8::/64`."""
    if ":" not in ip:
        return ip.rsplit(".", 1)[0] + ".0/24"
    try:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    except ValueError:
        return ip


_MAC_SEPARATED = re.compile(r"^[0-9a-f]{1,2}(?:([:-])[0-9a-f]{1,2})(?:\1[0-9a-f]{1,2}){4}$")
_MAC_DOTTED = re.compile(r"^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$")
_MAC_BARE = re.compile(r"^[0-9a-f]{12}$")
_MAC_SPLIT = re.compile(r"[:-]")
_VM_PREFIXES = {
    "52:54:00": "QEMU",
    "00:50:56": "VMware",
    "00:0c:29": "VMware",
    "00:05:69": "VMware",
    "00:1c:14": "VMware",
    "08:00:27": "VirtualBox",
    "00:15:5d": "Hyper-V",
    "00:16:3e": "Xen",
    "00:1c:42": "Parallels",
}
_NOT_MAC = Norm(None, problem="not a MAC address (expected six hex pairs, e.g. 00:1a:2b:3c:4d:5e)")


def normalize_mac(raw: str, country: str | None = None) -> Norm:
    """48 bits as `00:1a:2b:3c:4d:5e`, with virtual-machine and locally-administered flags."""
    text = prepare(raw)
    if text is None:
        return NOTHING
    digits = _mac_digits(fold(text))
    if digits is None:
        return _NOT_MAC
    if digits in ("000000000000", "ffffffffffff"):
        return NOTHING
    value = ":".join(digits[i : i + 2] for i in range(0, 12, 2))
    return Norm(value, flags=_mac_flags(value))


def _mac_digits(text: str) -> str | None:
    """The 12 hex digits of a MAC in colon, dash, Cisco dotted or bare notation."""
    if _MAC_SEPARATED.match(text):
        return "".join(part.zfill(2) for part in _MAC_SPLIT.split(text))
    if _MAC_DOTTED.match(text):
        return text.replace(".", "")
    if _MAC_BARE.match(text):
        return text
    return None


def _mac_flags(value: str) -> tuple[str, ...]:
    """`vm:<vendor>` for hypervisor and container prefixes, `local_admin` for bit 0x02."""
    flags: list[str] = []
    vendor = "Docker" if value.startswith("02:42:") else _VM_PREFIXES.get(value[:8])
    if vendor:
        flags.append(f"vm:{vendor}")
    if int(value[:2], 16) & 0x02:
        flags.append("local_admin")
    return tuple(flags)


def normalize_ssid(raw: str, country: str | None = None) -> Norm:
    """A Wi-Fi network name, trimmed; case is kept because SSIDs are case-sensitive."""
    text = prepare(raw)
    return NOTHING if text is None else Norm(text)
