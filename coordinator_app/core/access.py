"""Who may do what: the roles, the signed-in person, the access policy
(``check``) and the sign-in lock-out rule. Pure rules with no storage, so
that storage (the encrypted file's sign-in log), services and both faces
share one definition.

Roles: ``coordinator`` (one branch: its people and records only),
``city_staff`` (every branch's tallies and indicators, no personal
records), ``admin`` (accounts, branches, areas, categories).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum, StrEnum, unique


class Role(StrEnum):
    """Stored as its value in Account.role; compares equal to it."""

    COORDINATOR = "coordinator"
    CITY_STAFF = "city_staff"
    ADMIN = "admin"


ROLES = {Role.COORDINATOR: "コーディネーター", Role.CITY_STAFF: "市社協職員", Role.ADMIN: "管理者"}
MAX_FAILURES = 5
LOCKOUT = dt.timedelta(minutes=15)
# Roles whose password unlocks an encrypted database: the coordinator for
# the records, the administrator to manage the file. Not city_staff.
KEY_ROLES = (Role.ADMIN, Role.COORDINATOR)

WRONG_LOGIN = "ログイン名またはパスワードが違います"
JUST_LOCKED = (f"パスワードを{MAX_FAILURES}回間違えたため、"
               f"{int(LOCKOUT.total_seconds() // 60)}分間ロックしました")


class AuthError(PermissionError):
    """Sign-in refused; the message (Japanese) says why without saying
    whether the login exists."""


@dataclass(frozen=True)
class SignedIn:
    """The signed-in person, as every screen and command sees them."""

    account_id: int
    login: str
    display_name: str
    role: str
    branch_id: int | None
    branch_code: str | None
    branch_name: str | None

    @property
    def sees_personal_records(self) -> bool:
        return may(self, Action.PERSONAL_RECORDS)

    @property
    def is_admin(self) -> bool:
        return may(self, Action.ADMINISTER)

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)


# --- the access policy ---------------------------------------------------------

OWN, EVERY = "own", "every"  # which branches a role may act on


class ScopeError(PermissionError):
    """Refused by the access policy: outside the signed-in person's role
    or branch. The message (Japanese) says what only whom may do."""


@unique  # two actions with the same rule would silently be one
class Action(Enum):
    """What a service does on personal or administrative data, with who may
    do it: {role: OWN (their own branch only) or EVERY (any branch)}, the
    refusal for any other role, and the one for another branch (only
    roles limited to their OWN branch can meet it)."""

    # Residents, consultations, watch users, volunteers and their lists:
    # the branch's own coordinator only (DOMAIN.md, Personal information).
    PERSONAL_RECORDS = ({Role.COORDINATOR: OWN},
                        "個人の記録は支部のコーディネーターだけが見られます",
                        "他の支部の記録は見られません")
    # Deleted consultations (the 削除済み list and restoring one).
    DELETED_RECORDS = ({Role.COORDINATOR: OWN, Role.ADMIN: EVERY},
                       "個人の記録は支部のコーディネーターだけが見られます",
                       "他の支部の記録は見られません")
    # Figures: tallies, the home numbers, indicators and the 月報.
    TALLIES = ({Role.COORDINATOR: OWN, Role.CITY_STAFF: EVERY, Role.ADMIN: EVERY},
               "支部が決まっていないため集計を見られません"
               "（管理者に支部を設定してもらってください）",
               "コーディネーターは自分の支部の集計だけを見られます")
    # Consolidated tally files (the city office's work).
    CONSOLIDATE = ({Role.CITY_STAFF: EVERY, Role.ADMIN: EVERY},
                   "集計ファイルの集約は市社協の職員だけが行えます", "")
    # Targets and evaluations of the indicator sheet.
    EVALUATE = ({Role.CITY_STAFF: EVERY, Role.ADMIN: EVERY},
                "目標・評価の入力は市社協の職員だけが行えます", "")
    # The indicator definitions and the evaluation criteria.
    DEFINE_INDICATORS = ({Role.ADMIN: EVERY},
                         "指標の定義と評価の基準は管理者だけが変更できます", "")
    # Accounts, branches, areas, categories, activity kinds, settings and
    # the audit trail.
    ADMINISTER = ({Role.ADMIN: EVERY}, "この操作は管理者だけができます", "")
    # The print register (印刷台帳) and its 返却・細断 entries.
    PRINT_REGISTER = ({Role.COORDINATOR: OWN, Role.ADMIN: EVERY},
                      "印刷台帳は管理者と支部のコーディネーターだけが見られます",
                      "他の支部の印刷記録は変更できません")
    # Importing a ledger file: any branch's (administrators) or one's own.
    IMPORT = ({Role.COORDINATOR: OWN, Role.ADMIN: EVERY},
              "この操作を行う権限がありません", "他の支部の記録は取り込めません")
    # Backups: the whole file (administrators) or a branch's copy.
    BACKUP = ({Role.COORDINATOR: OWN, Role.ADMIN: EVERY},
              "この操作を行う権限がありません", "他の支部の記録はバックアップできません")

    def __init__(self, roles: dict[Role, str], refusal: str, other_branch: str) -> None:
        self.roles = roles
        self.refusal = refusal
        self.other_branch = other_branch


def check(user: SignedIn, action: Action, branch_id: int | None = None,
          refusal: str | None = None) -> int | None:
    """The one access rule: may ``user`` do ``action`` (on ``branch_id``,
    when given)? Raises ScopeError when not, with ``refusal`` if the caller
    can say more exactly what was refused. Returns the one branch ``user``
    may do it on, or None for every branch — what a query is limited to.
    A coordinator without a branch may do nothing branch-bound."""
    reach = action.roles.get(user.role)
    if reach is None or (reach == OWN and user.branch_id is None):
        raise ScopeError(refusal or action.refusal)
    if reach == EVERY:
        return None
    if branch_id is not None and branch_id != user.branch_id:
        raise ScopeError(refusal or action.other_branch)
    return user.branch_id


def may(user: SignedIn, action: Action, branch_id: int | None = None) -> bool:
    """``check`` as a yes/no, for what a screen offers."""
    try:
        check(user, action, branch_id)
    except ScopeError:
        return False
    return True


def after_failure(failed_count: int, locked_until: dt.datetime | None,
                  now: dt.datetime) -> tuple[int, dt.datetime | None]:
    """The lock-out rule, for a plain file and for an encrypted one's
    sign-in log alike: the MAX_FAILURES-th wrong password in a row locks
    for LOCKOUT and starts the count again."""
    failed_count += 1
    if failed_count >= MAX_FAILURES:
        return 0, now + LOCKOUT
    return failed_count, locked_until


def locked_message(locked_until: dt.datetime, now: dt.datetime) -> str:
    minutes = int((locked_until - now).total_seconds() // 60) + 1
    return f"パスワードを続けて間違えたため、あと約{minutes}分ロックされています"
