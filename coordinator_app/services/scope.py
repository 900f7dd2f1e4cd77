"""Who may see what. Services take the signed-in person and refuse, in
Japanese, anything outside their scope; screens never filter by hand.

Personal records (people, consultations, watch users, volunteers) are for
the branch's own coordinator only. City staff see figures; administrators
manage accounts and settings (DOMAIN.md, Personal information).
"""

from __future__ import annotations

from coordinator_app.services.accounts import SignedIn


class ScopeError(PermissionError):
    """Refused: outside the signed-in person's branch or role."""


def personal_branch(user: SignedIn) -> int:
    """The branch whose personal records ``user`` may see and edit."""
    if user.role != "coordinator" or user.branch_id is None:
        raise ScopeError("個人の記録は支部のコーディネーターだけが見られます")
    return user.branch_id


def check_branch(user: SignedIn, branch_id: int) -> None:
    if personal_branch(user) != branch_id:
        raise ScopeError("他の支部の記録は見られません")


def tally_branches(user: SignedIn) -> int | None:
    """The one branch whose tallies user may see, or None for all."""
    if user.role == "coordinator":
        return user.branch_id
    return None
