"""The `json` format: the stable scan result of spec section 5, nothing added."""

from linkaudit.report.options import RenderOptions
from linkaudit.result import ScanResult


def render(result: ScanResult, options: RenderOptions) -> str:
    """The scan as JSON; the language and limit do not apply to data."""
    del options  # every format takes options; JSON is language-neutral and complete
    return result.to_json()
