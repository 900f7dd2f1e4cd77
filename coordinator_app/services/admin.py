"""設定 (administration): accounts, branches, areas, consultation
categories and the idle-lock time. Qt-free.

Every change is the administrator's, checked here, audited in its own
transaction. The one thing any signed-in person may do is change their
own password.

On an encrypted file, a change that takes an account's access away
(deactivating it, making it figures-only, a new password) re-keys the
database (encryption.rekey): those functions return what the re-key
changed (``encryption.Rekeyed``: a new recovery key to show, accounts
that need a new password), or None.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from coordinator_app.core import access, clock, codes
from coordinator_app.core.access import KEY_ROLES, ROLES, Action, Role, SignedIn
from coordinator_app.core.models import (
    Account,
    Area,
    Branch,
    Category,
    ConsultationCategory,
    Person,
    Setting,
)
from coordinator_app.services import accounts
from coordinator_app.storage.database import Database

IDLE_LOCK_KEY = "idle_lock_minutes"
IDLE_LOCK_DEFAULT = 5
IDLE_LOCK_RANGE = (1, 120)


# --- accounts -------------------------------------------------------------

@dataclass(frozen=True)
class AccountRow:
    id: int
    login: str
    display_name: str
    role: str
    branch_code: str
    branch_name: str
    active: bool
    is_demo: bool
    locked: bool

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)


def list_accounts(db: Database, user: SignedIn) -> list[AccountRow]:
    access.check(user, Action.ADMINISTER)
    now = clock.utcnow()
    with db.session() as s:
        rows = s.execute(select(Account, Branch.code, Branch.name)
                         .outerjoin(Branch, Branch.id == Account.branch_id)
                         .order_by(Account.login)).all()
        return [AccountRow(a.id, a.login, a.display_name, a.role, code or "", name or "",
                           a.active, a.is_demo, bool(a.locked_until and a.locked_until > now))
                for a, code, name in rows]


def create_account(db: Database, user: SignedIn, login: str, display_name: str, role: str,
                   password: str, branch_code: str | None = None) -> int:
    access.check(user, Action.ADMINISTER)
    return accounts.create_account(db, login, display_name, role, password,
                                   branch_code if role == Role.COORDINATOR else None)


def _branch_id(s, role: str, branch_code: str | None) -> int | None:
    if role != Role.COORDINATOR:
        return None
    if not branch_code:
        raise ValueError("コーディネーターには支部を指定してください")
    branch_id = s.scalar(select(Branch.id).where(Branch.code == branch_code))
    if branch_id is None:
        raise ValueError(f"支部コード {branch_code} は登録されていません")
    return branch_id


def _other_active_admins(s, account_id: int) -> int:
    return s.scalar(select(func.count()).select_from(Account).where(
        Account.role == Role.ADMIN, Account.active.is_(True), Account.id != account_id))


def update_account(db: Database, user: SignedIn, account_id: int, display_name: str,
                   role: str, branch_code: str | None):
    """Change display name, role and branch. On an encrypted file a role
    that holds the key gets it sealed to its slot; one that no longer
    does (made figures-only) re-keys the database."""
    access.check(user, Action.ADMINISTER)
    if role not in ROLES:
        raise ValueError(f"役割が正しくありません（{role}）")
    with db.session() as s:
        account = s.get(Account, account_id)
        if account is None:
            raise LookupError("アカウントが見つかりません")
        if (account.role == Role.ADMIN and role != Role.ADMIN
                and not _other_active_admins(s, account_id)):
            raise ValueError("最後の管理者の役割は変えられません。先に別の管理者を作ってください")
        role_changed = account.role != role
        loses_key = account.role in KEY_ROLES and role not in KEY_ROLES
        account.display_name = display_name.strip() or account.login
        account.role = role
        account.branch_id = _branch_id(s, role, branch_code)
        db.stamp(account)
        db.audit(s, "update", "account", account_id, f"role={role}")
        accounts.sync_server_role(db, s, account)
        if role_changed:
            s.flush()
            accounts.sync_key_copies(db, s)
        login = account.login
    return accounts.rekey(db, f"role {login}", recovery="upgrade") if loses_key else None


def set_account_active(db: Database, user: SignedIn, account_id: int, active: bool):
    """Deactivate (never delete: the audit trail names the login) or
    reactivate an account. On an encrypted file deactivating removes the
    account's slot and re-keys the database; a reactivated account gets a
    slot again only with a new password (``reset_password``)."""
    access.check(user, Action.ADMINISTER)
    with db.session() as s:
        account = s.get(Account, account_id)
        if account is None:
            raise LookupError("アカウントが見つかりません")
        if not active:
            if account_id == user.account_id:
                raise ValueError("自分のアカウントは無効にできません")
            if account.role == Role.ADMIN and not _other_active_admins(s, account_id):
                raise ValueError("最後の管理者は無効にできません")
        account.active = active
        db.stamp(account)
        db.audit(s, "update", "account", account_id, "active" if active else "inactive")
        accounts.sync_server_role(db, s, account)
        login = account.login
        if not active:
            s.flush()
            accounts.remove_key_copy(db, s, login)
    return None if active else accounts.rekey(db, f"inactive {login}", recovery="upgrade")


def remove_account(db: Database, user: SignedIn, account_id: int):
    """Remove an account for good (a mistaken one, say): its row, its key
    file slot and, on the city's server, its database role, audited. The
    audit trail and the records keep the login as text."""
    access.check(user, Action.ADMINISTER)
    with db.session() as s:
        account = s.get(Account, account_id)
        if account is None:
            raise LookupError("アカウントが見つかりません")
        if account_id == user.account_id:
            raise ValueError("自分のアカウントは削除できません")
        if account.role == Role.ADMIN and not _other_active_admins(s, account_id):
            raise ValueError("最後の管理者は削除できません")
        login = account.login
        s.delete(account)
        db.audit(s, "delete", "account", account_id, f"role={account.role}")
        s.flush()
        accounts.remove_key_copy(db, s, login)
        accounts.drop_server_role(db, s, login)
    return accounts.rekey(db, f"removed {login}", recovery="upgrade")


def reset_password(db: Database, user: SignedIn, account_id: int, password: str):
    """Set a new password (the person changes it later) and lift a
    sign-in lockout; an inactive account stays inactive. On an encrypted
    file the account gets a new slot and the database is re-keyed."""
    access.check(user, Action.ADMINISTER)
    return accounts.set_password(db, account_id, password, detail="password_reset",
                                 lift_lockout=True, recovery="upgrade")


def change_own_password(db: Database, user: SignedIn, current: str, new: str):
    """On an encrypted file the database is re-keyed (the old password
    opens no copy of the key file any more)."""
    if not accounts.verify_password(db, user.account_id, current):
        raise ValueError("現在のパスワードが違います")
    return accounts.set_password(db, user.account_id, new)


# --- branches -------------------------------------------------------------

@dataclass(frozen=True)
class BranchRow:
    id: int
    code: str
    name: str
    base_name: str
    address: str
    phone: str


def list_branches(db: Database) -> list[BranchRow]:
    """Branches are public information (seed 001): anyone signed in."""
    with db.session() as s:
        return [BranchRow(b.id, b.code, b.name, b.base_name, b.address, b.phone)
                for b in s.scalars(select(Branch).order_by(Branch.sort_order, Branch.code))]


def save_branch(db: Database, user: SignedIn, branch_id: int | None, code: str, name: str,
                base_name: str = "", address: str = "", phone: str = "") -> int:
    access.check(user, Action.ADMINISTER)
    code, name = code.strip(), name.strip()
    if not codes.is_branch_code(code):
        raise ValueError(f"支部コードは{codes.BRANCH_CODE_SHAPE_TEXT}で入力してください（例: 01）")
    if not name:
        raise ValueError("支部名を入力してください")
    with db.session() as s:
        clash = s.scalar(select(Branch.id).where(Branch.code == code))
        if clash is not None and clash != branch_id:
            raise ValueError(f"支部コード {code} は既に使われています")
        if branch_id is None:
            branch = Branch(code=code, name=name)
            branch.sort_order = (s.scalar(select(func.max(Branch.sort_order))) or 0) + 1
            db.stamp(branch, created=True)
            s.add(branch)
            action = "create"
        else:
            branch = s.get(Branch, branch_id)
            if branch is None:
                raise LookupError("支部が見つかりません")
            if branch.code != code:
                raise ValueError("支部コードは変更できません（集計ファイルで使われています）")
            db.stamp(branch)
            action = "update"
        branch.name, branch.base_name = name, base_name.strip()
        branch.address, branch.phone = address.strip(), phone.strip()
        s.flush()
        db.audit(s, action, "branch", branch.id)
        return branch.id


# --- areas (自治会) --------------------------------------------------------

@dataclass(frozen=True)
class AreaRow:
    id: int
    name: str
    people: int  # residents filed under it


def list_areas(db: Database, user: SignedIn, branch_id: int) -> list[AreaRow]:
    access.check(user, Action.ADMINISTER)
    with db.session() as s:
        used = (select(Person.area_id, func.count().label("n")).group_by(Person.area_id)
                .subquery())
        rows = s.execute(select(Area.id, Area.name, used.c.n)
                         .outerjoin(used, used.c.area_id == Area.id)
                         .where(Area.branch_id == branch_id).order_by(Area.name)).all()
        return [AreaRow(i, n, c or 0) for i, n, c in rows]


def save_area(db: Database, user: SignedIn, branch_id: int, area_id: int | None,
              name: str) -> int:
    access.check(user, Action.ADMINISTER)
    name = name.strip()
    if not name:
        raise ValueError("自治会名を入力してください")
    with db.session() as s:
        clash = s.scalar(select(Area.id).where(Area.branch_id == branch_id, Area.name == name))
        if clash is not None and clash != area_id:
            raise ValueError(f"「{name}」は既に登録されています")
        if area_id is None:
            area = Area(branch_id=branch_id, name=name)
            db.stamp(area, created=True)
            s.add(area)
            action = "create"
        else:
            area = s.get(Area, area_id)
            if area is None or area.branch_id != branch_id:
                raise LookupError("自治会が見つかりません")
            area.name = name
            db.stamp(area)
            action = "update"
        s.flush()
        db.audit(s, action, "area", area.id)
        return area.id


def delete_area(db: Database, user: SignedIn, area_id: int) -> None:
    access.check(user, Action.ADMINISTER)
    with db.session() as s:
        area = s.get(Area, area_id)
        if area is None:
            raise LookupError("自治会が見つかりません")
        used = s.scalar(select(func.count()).select_from(Person).where(Person.area_id == area_id))
        if used:
            raise ValueError(f"この自治会には {used} 人が登録されているため削除できません")
        s.delete(area)
        db.audit(s, "delete", "area", area_id)


# --- consultation categories (相談内容) -----------------------------------

@dataclass(frozen=True)
class CategoryRow:
    id: int
    code: str
    label: str
    sort_order: int
    active: bool
    uses: int


def list_categories(db: Database, user: SignedIn) -> list[CategoryRow]:
    access.check(user, Action.ADMINISTER)
    with db.session() as s:
        used = (select(ConsultationCategory.category_code, func.count().label("n"))
                .group_by(ConsultationCategory.category_code).subquery())
        rows = s.execute(select(Category, used.c.n)
                         .outerjoin(used, used.c.category_code == Category.code)
                         .order_by(Category.sort_order, Category.code)).all()
        return [CategoryRow(c.id, c.code, c.label, c.sort_order, c.active, n or 0)
                for c, n in rows]


def save_category(db: Database, user: SignedIn, category_id: int | None, code: str,
                  label: str, active: bool = True, sort_order: int | None = None) -> int:
    """Categories are never deleted (records and tally files use their
    codes); an unused one is made inactive instead."""
    access.check(user, Action.ADMINISTER)
    code, label = code.strip(), label.strip()
    if not codes.is_code(code):
        raise ValueError(f"コードは{codes.CODE_SHAPE_TEXT}で入力してください（例: food）")
    if not label:
        raise ValueError("表示名を入力してください")
    with db.session() as s:
        clash = s.scalar(select(Category.id).where(Category.code == code))
        if clash is not None and clash != category_id:
            raise ValueError(f"コード {code} は既に使われています")
        if category_id is None:
            order = sort_order if sort_order is not None else \
                (s.scalar(select(func.max(Category.sort_order))) or 0) + 1
            category = Category(code=code, label=label, sort_order=order, active=active)
            db.stamp(category, created=True)
            s.add(category)
            action = "create"
        else:
            category = s.get(Category, category_id)
            if category is None:
                raise LookupError("相談内容が見つかりません")
            if category.code != code:
                raise ValueError("コードは変更できません（記録と集計ファイルで使われています）")
            category.label, category.active = label, active
            if sort_order is not None:
                category.sort_order = sort_order
            db.stamp(category)
            action = "update"
        s.flush()
        db.audit(s, action, "category", category.id)
        return category.id


# --- settings -------------------------------------------------------------

def idle_lock_minutes(db: Database) -> int:
    """Minutes without input before the screen locks (default 5)."""
    with db.session() as s:
        value = s.scalar(select(Setting.value).where(Setting.key == IDLE_LOCK_KEY))
    try:
        minutes = int(value) if value else IDLE_LOCK_DEFAULT
    except ValueError:
        minutes = IDLE_LOCK_DEFAULT
    lo, hi = IDLE_LOCK_RANGE
    return min(max(minutes, lo), hi)


def set_idle_lock_minutes(db: Database, user: SignedIn, minutes: int) -> None:
    access.check(user, Action.ADMINISTER)
    lo, hi = IDLE_LOCK_RANGE
    if not lo <= minutes <= hi:
        raise ValueError(f"ロックまでの時間は{lo}〜{hi}分で指定してください")
    with db.session() as s:
        setting = s.get(Setting, IDLE_LOCK_KEY)
        if setting is None:
            s.add(Setting(key=IDLE_LOCK_KEY, value=str(minutes)))
        else:
            setting.value = str(minutes)
        db.audit(s, "update", "setting", None, f"{IDLE_LOCK_KEY}={minutes}")


# --- the demo -------------------------------------------------------------

@dataclass(frozen=True)
class DemoAccount:
    login: str
    password: str
    display_name: str
    role_label: str


def demo_accounts(db: Database) -> list[DemoAccount]:
    """The demo accounts this database holds, with their published
    passwords, for the sign-in dialog. Only a demo database (``init
    --sample`` / ``--demo``) has any; a real one returns []."""
    with db.session() as s:
        rows = s.execute(select(Account.login, Account.display_name, Account.role)
                         .where(Account.is_demo.is_(True), Account.active.is_(True))
                         .order_by(Account.id)).all()
    passwords = {login: password for login, password, *_ in accounts.DEMO_ACCOUNTS}
    return [DemoAccount(login, passwords[login], name, ROLES.get(role, role))
            for login, name, role in rows if login in passwords]


def published_demo_accounts() -> list[DemoAccount]:
    """The accounts a demo database is built with (``--demo`` shows them
    while its database is still being built)."""
    return [DemoAccount(login, password, name, ROLES.get(role, role))
            for login, password, name, role, _branch in accounts.DEMO_ACCOUNTS]
