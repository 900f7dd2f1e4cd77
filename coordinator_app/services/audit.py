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
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from coordinator_app.core import access, record_numbers
from coordinator_app.core.access import Action, SignedIn
from coordinator_app.core.models import AuditLog, Consultation
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
    "import_exclude": "取り込みから除外",  # the wizard's excluded rows (issue 20)
    "import_merge": "取り込みで同一人物に統合",
    "import_split": "取り込みで別人として登録",
    "save_mapping": "取り込みの割り当ての保存",
    "backup": "バックアップ",
    "restore": "復元",
    "receive": "受信",
    "choose": "採用",
    "override_grade": "評価の上書き",
    "clear_override": "上書きの取り消し",
    "decide_grade": "評価の決定",
    "sign_in_log_tampered": "サインイン記録の改ざん検知",
    "rewrap_key": "鍵の保護の更新",
    "rekey": "鍵の作り直し",
    "encrypt": "暗号化",
}

ENTITY_LABELS = {
    "account": "アカウント",
    "person": "住民",
    "consultation": "相談記録",
    "watch_user": "見守り利用者",
    "watch_contact": "見守り記録",
    "volunteer": "ボランティア",
    "activity": "活動記録",
    "activity_group": "活動グループ",
    "event": "行事",
    "branch": "支部",
    "area": "自治会",
    "category": "相談内容",
    "setting": "設定",
    "database": "データベース",
    "audit_log": "監査ログ",
    "tallies": "集計",
    "tally_records": "集計の内訳",
    "tally_file": "集計ファイル",
    "consolidated": "集約ファイル",
    "print_register": "印刷台帳",
    "rollcall": "安否確認",
    "rollcall_entry": "安否確認の記録",
    "role": "活動内容",
    "import_mapping": "取り込みの割り当て",
    "indicator": "指標",
    "indicators": "指標",
    "indicator_plan": "計画期間",
    "indicator_target": "指標の目標",
    "indicator_actual": "指標の実績",
    "indicator_note": "指標の注記",
    "evaluation_narrative": "評価の記述",
    "plan_goal": "基本目標",
    "plan_policy": "施策の方向性",
    "plan_project": "事業",
    "project_narrative": "事業の記述",
    # the importer names its kinds as in the command line
    "branches": "支部",
    "consultations": "相談記録",
    "watch-users": "見守り利用者",
    "watch-contacts": "見守り記録",
    "volunteers": "ボランティア",
    "groups": "活動グループ",
    "events": "行事",
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
    detail: str  # codes and counts, as stored (the exported file keeps them)
    actor_name: str = ""  # the account's display name ("" for cli, gui…)
    record_number: str = ""  # a consultation's 相談番号 (the id stays internal)
    linked_number: str = ""  # the 相談番号 of a ``consultation=ID`` in the detail

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


_LINKED = re.compile(r"(?:^|\s)consultation=(\d+)(?:\s|$)")


def _linked_id(detail: str) -> int | None:
    """The consultation a detail names (``consultation=ID``, e.g. the
    follow-up record of a 異変あり contact)."""
    found = _LINKED.search(detail or "")
    return int(found.group(1)) if found else None


def _entry(row: AuditLog, names: dict[str, str] | None = None,
           numbers: dict[int, str] | None = None) -> AuditEntry:
    numbers = numbers or {}
    number = numbers.get(row.entity_id, "") if row.entity == "consultation" else ""
    return AuditEntry(row.id, _utc_to_local(row.at), row.actor, row.action, row.entity,
                      row.entity_id, row.detail, (names or {}).get(row.actor, ""), number,
                      numbers.get(_linked_id(row.detail), ""))


def _record_numbers(session, rows: list[AuditLog]) -> dict[int, str]:
    """The 相談番号 of the consultations the rows name (as their record or
    in their detail)."""
    ids = {r.entity_id for r in rows if r.entity == "consultation" and r.entity_id is not None}
    ids |= {i for i in map(_linked_id, (r.detail for r in rows)) if i is not None}
    if not ids:
        return {}
    found = session.execute(select(Consultation.id, Consultation.number_fy, Consultation.number)
                            .where(Consultation.id.in_(ids))).all()
    return {i: record_numbers.label(fy, n) for i, fy, n in found}


def search(db: Database, user: SignedIn, f: AuditFilter = AuditFilter(),
           limit: int = 2000) -> list[AuditEntry]:
    """Newest first. Administrators only."""
    access.check(user, Action.ADMINISTER)
    with db.session() as s:
        names = accounts.display_names(s)
        rows = s.scalars(_query(f, limit)).all()
        numbers = _record_numbers(s, rows)
        return [_entry(r, names, numbers) for r in rows]


def filter_choices(db: Database, user: SignedIn
                   ) -> tuple[list[tuple[str, str]], list[str]]:
    """(actors as (login, display name or ""), actions) present in the
    trail, for the filter lists."""
    access.check(user, Action.ADMINISTER)
    with db.session() as s:
        names = accounts.display_names(s)
        actors = s.scalars(select(AuditLog.actor).distinct().order_by(AuditLog.actor)).all()
        actions = s.scalars(select(AuditLog.action).distinct().order_by(AuditLog.action)).all()
    return [(a, names.get(a, "")) for a in actors], list(actions)


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
