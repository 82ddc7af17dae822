"""Fixtures for the reporters: hand-built scans (tests/report/scans.py) until the engine exists."""

import pytest

from linkaudit.result import ScanResult

from .scans import hostile, sample


@pytest.fixture
def sample_scan() -> ScanResult:
    """A realistic estate: seven accounts, five links of every severity, hubs, flags, notes."""
    return sample()


@pytest.fixture
def hostile_scan() -> ScanResult:
    """Store names and values crafted to inject HTML, markdown and spreadsheet formulas."""
    return hostile()
