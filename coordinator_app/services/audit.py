"""The audit trail (監査ログ): the shell's own events, and reading and
exporting the trail for administrators. Qt-free.

Rows say who, when, what action and which record — never names, notes or
any other sensitive text (``detail`` holds codes and counts only). Writes
made by other services audit themselves in their own transaction with
``db.audit``; the functions here cover events that change nothing else
(sign-out, lock, unlock) and the administrator's view of the trail.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from coordinator_app.core import access
from coordinator_app.core.access import Action, SignedIn
from coordinator_app.core.models import AuditLog
from coordinator_app.interchange import sheets
from coordinator_app.services import accounts
from coordinator_app.storage import private_files
from coordinator_app.storage.database import Database

# What each action code means, for the screen and the exported file.
ACTION_LABELS = {
    "sign_in": "サインイン",
    "sign_in_failed": "サインイン失敗",
    "sign_out": "サインアウト",
    "lock": "ロック",
    "unlock": "ロック解除",
    "unlock_failed": "ロック解除失敗",
    "create": "作成",
    "update": "更新",
    "delete": "削除",
    "view": "閲覧",
    "open": "閲覧",
    "export": "書き出し",
    "print": "印刷",
    "import": "取り込み",
    "backup": "バックアップ",
    "restore": "復元",
}

ENTITY_LABELS = {
    "account": "アカウント",
    "person": "住民",
    "consultation": "相談記録",
    "watch_user": "見守り利用者",
    "watch_contact": "見守り記録",
    "volunteer": "ボランティア",
    "activity": "活動記録",
    "branch": "支部",
    "area": "自治会",
    "category": "相談内容",
    "setting": "設定",
    "database": "データベース",
    "audit_log": "監査ログ",
    "tallies": "集計",
    # the importer names its kinds as in the command line
    "branches": "支部",
    "consultations": "相談記録",
    "watch-users": "見守り利用者",
    "watch-contacts": "見守り記録",
    "volunteers": "ボランティア",
}

CSV_HEADER = ["日時", "利用者", "操作", "対象", "ID", "詳細"]


def record(db: Database, user: SignedIn | None, action: str, entity: str = "",
           entity_id: int | None = None, detail: str = "") -> None:
    """Append one audit row in its own transaction, as ``user`` (or as
    ``db.actor`` when nobody is signed in). ``detail``: codes/counts only."""
    with db.session() as s:
        db.audit(s, action, entity, entity_id, detail, actor=user.login if user else None)


def sign_out(db: Database, user: SignedIn) -> None:
    record(db, user, "sign_out", "account", user.account_id or None)


def lock(db: Database, user: SignedIn, reason: str = "") -> None:
    """The screen was locked (``reason``: 'idle' or 'manual')."""
    record(db, user, "lock", "account", user.account_id or None, reason)


def unlock(db: Database, user: SignedIn, password: str) -> bool:
    """Check the signed-in person's password to lift the lock. Exactly one
    audit row either way: 'unlock' or 'unlock_failed'."""
    ok = accounts.verify_password(db, user.account_id, password)
    record(db, user, "unlock" if ok else "unlock_failed", "account",
           user.account_id or None)
    return ok


@dataclass(frozen=True)
class AuditFilter:
    """Dates are local calendar days, both ends included."""

    since: dt.date | None = None
    until: dt.date | None = None
    actor: str | None = None
    action: str | None = None


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime  # local time
    actor: str
    action: str
    entity: str
    entity_id: int | None
    detail: str

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def entity_label(self) -> str:
        return ENTITY_LABELS.get(self.entity, self.entity)


def _local_to_utc(day: dt.date) -> dt.datetime:
    local = dt.datetime.combine(day, dt.time()).astimezone()
    return local.astimezone(dt.timezone.utc).replace(tzinfo=None)


def _utc_to_local(at: dt.datetime) -> dt.datetime:
    return at.replace(tzinfo=dt.timezone.utc).astimezone().replace(tzinfo=None)


def _query(f: AuditFilter, limit: int | None):
    q = select(AuditLog)
    if f.since:
        q = q.where(AuditLog.at >= _local_to_utc(f.since))
    if f.until:
        q = q.where(AuditLog.at < _local_to_utc(f.until + dt.timedelta(days=1)))
    if f.actor:
        q = q.where(AuditLog.actor == f.actor)
    if f.action:
        q = q.where(AuditLog.action == f.action)
    q = q.order_by(AuditLog.at.desc(), AuditLog.id.desc())
    return q.limit(limit) if limit else q


def _entry(row: AuditLog) -> AuditEntry:
    return AuditEntry(row.id, _utc_to_local(row.at), row.actor, row.action, row.entity,
                      row.entity_id, row.detail)


def search(db: Database, user: SignedIn, f: AuditFilter = AuditFilter(),
           limit: int = 2000) -> list[AuditEntry]:
    """Newest first. Administrators only."""
    access.check(user, Action.ADMINISTER)
    with db.session() as s:
        return [_entry(r) for r in s.scalars(_query(f, limit)).all()]


def filter_choices(db: Database, user: SignedIn) -> tuple[list[str], list[str]]:
    """(actors, actions) present in the trail, for the filter lists."""
    access.check(user, Action.ADMINISTER)
    with db.session() as s:
        actors = s.scalars(select(AuditLog.actor).distinct().order_by(AuditLog.actor)).all()
        actions = s.scalars(select(AuditLog.action).distinct().order_by(AuditLog.action)).all()
    return list(actors), list(actions)


def export_csv(db: Database, user: SignedIn, f: AuditFilter, out: Path) -> int:
    """Write the filtered trail as CSV (UTF-8 with BOM, for Excel) and
    audit the export in the same transaction. Returns the row count. If
    the file cannot be written, nothing is recorded."""
    access.check(user, Action.ADMINISTER)
    out = Path(out)
    with db.session() as s:
        rows = [_entry(r) for r in s.scalars(_query(f, None)).all()]
        # A login is whatever was typed at sign-in: sheets.csv_bytes keeps
        # one like "=HYPERLINK(…)" from running as a formula in Excel.
        private_files.write_bytes(out, sheets.csv_bytes(CSV_HEADER, (
            [e.at.strftime("%Y-%m-%d %H:%M:%S"), e.actor, e.action_label, e.entity_label,
             "" if e.entity_id is None else e.entity_id, e.detail] for e in rows)))
        db.audit(s, "export", "audit_log", None, f"rows={len(rows)}", actor=user.login)
    return len(rows)
