"""Normalisers for network attribute types (spec 3). STAND-IN: replaced by the real implementation."""

from linkaudit.normalize.base import NOTHING, Norm, clean, is_placeholder


def _simple(raw: str, country: str | None = None) -> Norm:
    text = clean(raw)
    if is_placeholder(text):
        return NOTHING
    return Norm(text.casefold())


normalize_ip = _simple
normalize_mac = _simple
normalize_ssid = _simple


def subnet_of(ip: str) -> str:
    """The /24 (IPv4) or /64 (IPv6) network of a canonical IP, as `203.0.113.0/24`."""
    return ip.rsplit(".", 1)[0] + ".0/24"
