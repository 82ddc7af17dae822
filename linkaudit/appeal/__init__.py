"""Plan-of-action drafts for a linkage suspension, citing only facts found in the inventory."""

from linkaudit.appeal.draft import build_draft, draft_appeal
from linkaudit.appeal.model import AppealRequest, Draft

__all__ = ["AppealRequest", "Draft", "build_draft", "draft_appeal"]
