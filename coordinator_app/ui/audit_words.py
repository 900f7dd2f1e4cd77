"""The audit trail in words: who (the account's display name, not the
login) and the 詳細 of a row (「ボランティア名簿 14人 1部 1枚」, not
``list=volunteers people=14 copies=1 pages=1``).

The trail stores codes and counts (``Database.audit``: never names or
notes), and its CSV export keeps them as stored, so a script or a later
version can read them; only the screen turns them into words, here.
A code this module does not know is shown as stored, never dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from coordinator_app.core import codes
from coordinator_app.core.access import ROLES
from coordinator_app.core.dates import fiscal_year_label
from coordinator_app.services.backups import REASON_LABELS
from coordinator_app.services.printing import DISPOSALS, KIND_TITLES
from coordinator_app.services.watch import ROLLCALL_STATUS


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditWords", text)


# Who acted when no account did: the app before anyone signed in, the
# command line without an account, the demo's loader.
SYSTEM_ACTORS = {"gui": "アプリ（サインイン前）", "cli": "コマンドライン", "demo": "デモデータの作成"}

# Whole details that are one phrase.
PHRASES = {
    "manual": "手動",
    "idle": "一定時間操作がなかったため",
    "unknown login": "登録のないログイン名",
    "locked": "ロック中",
    "password": "パスワードの変更",
    "password_reset": "パスワードの再設定（管理者）",
    "password_recovery": "回復キーによるパスワードの再設定",
    "active": "有効にした",
    "inactive": "無効にした",
    "withdrawn": "退会",
    "reinstated": "再登録",
    "closed": "終了",
    "ended": "終了",
    "follow_up_closed": "フォロー終了",
    "watch concern linked": "見守りの異変を紐づけ",
    "finished": "完了",
    "kdf": "パスワードによる鍵の保護を強化",
    "recovery": "回復キー",
    "consolidate": "集約",
    "insurance_renewed": "ボランティア保険の更新",
}

FORMATS = {"csv": "CSV形式", "pdf": "PDF形式", "xlsx": "Excel形式"}
SOURCES = {"local": "この支部の記録から", "consolidated": "受信した集計ファイルから"}
# key=value templates; {v} is the value as stored.
TEMPLATES = {
    "people": "{v}人",
    "copies": "{v}部",
    "pages": "{v}枚",
    "cooperators": "協力員{v}人",
    "frequency": "{v}日ごと",
    "created": "新規{v}件",
    "updated": "更新{v}件",
    "removed": "削除{v}件",
    "rows": "{v}行",
    "files": "{v}ファイル",
    "months": "{v}か月分",
    "count": "{v}件",
    "entries": "{v}人",
    "participants": "参加{v}人",
    "roles": "活動内容{v}件",
    "consultation": "相談記録",  # its 相談番号 when known (the id stays internal)
    "from": "復元元: {v}",
    "code": "指標 {v}",
    "grade": "評価 {v}",
    "grade_a": "A評価の基準 {v}%",
    "grade_b": "B評価の基準 {v}%",
    "idle_lock_minutes": "自動ロック {v}分",
    "tables": "{v}表",
    "lines": "記録{v}行",
    "seen": "前回{v}行",
    "years": "計画期間 {v}年度",
    "volunteers": "うちボランティア{v}人",
    "named": "名前の記録{v}人",
    "leaders": "運営{v}人",
    "regulars": "常連{v}人",
    "subsidy_years": "助成{v}年度分",
}


def actor_text(login: str, display_name: str) -> str:
    """The person's name; the login when there is no account by it."""
    if display_name:
        return display_name
    return _tr(SYSTEM_ACTORS[login]) if login in SYSTEM_ACTORS else login


def _size(value: str) -> str:
    try:
        n = int(value)
    except ValueError:
        return value
    for unit in ("バイト", "KB", "MB"):
        if n < 1024 or unit == "MB":
            return f"{n}{unit}" if unit == "バイト" else f"{n:.1f}{unit}"
        n /= 1024
    return value


def _branches(value: str) -> str:
    if value in ("", "-"):
        return ""
    if value == "all":
        return _tr("全支部")
    return _tr("支部 {codes}").format(codes=value.replace(",", "・"))


def _fiscal_year(value: str) -> str:
    return fiscal_year_label(int(value)) if value.isdigit() else value


def _month(value: str) -> str:
    year, _, month = value.partition("-")
    if year.isdigit() and month.isdigit():
        return _tr("{y}年{m}月").format(y=int(year), m=int(month))
    return value


def _pair(key: str, value: str, entity: str, linked_number: str = "") -> str:
    """One ``key=value`` of a detail in words."""
    if key == "consultation" and linked_number:
        return _tr("相談記録 {n}").format(n=linked_number)
    if key == "list":
        return KIND_TITLES.get(value, value)
    if key == "fy":
        return _fiscal_year(value)
    if key == "month":
        return _month(value)
    if key in ("branch", "branches"):
        return _branches(value)
    if key == "format":
        return FORMATS.get(value, value)
    if key == "method":
        return codes.WATCH_METHOD.get(value, value)
    if key == "methods":
        return "・".join(codes.WATCH_METHOD.get(m, m) for m in value.split(",") if m)
    if key == "result":
        return codes.WATCH_RESULT.get(value, value)
    if key == "reason":
        if entity == "watch_user":
            return _tr("理由: {r}").format(r=codes.END_REASON.get(value, value))
        return REASON_LABELS.get(value, value)
    if key == "role":
        return _tr("役割: {r}").format(r=ROLES.get(value, value))
    if key == "kind" and entity == "event":
        return codes.DEFAULT_EVENT_KINDS.get(value, value)
    if key == "kind" and entity == "activity_group":
        return codes.DEFAULT_GROUP_KINDS.get(value, value)
    if key == "kind" and value in codes.VOLUNTEER_KIND:
        return codes.VOLUNTEER_KIND[value]
    if key == "status":
        return ROLLCALL_STATUS.get(value, value)
    if key == "disposal":
        return DISPOSALS.get(value, value)
    if key == "measure":
        return codes.MEASURE_LABELS.get(value, value)
    if key == "source":
        return SOURCES.get(value, value)
    if key == "bytes":
        return _size(value)
    if key == "scope":
        if value == "full":
            return _tr("データベース全体")
        sub_key, _, sub_value = value.partition("=")
        return _tr("{branch}の分").format(branch=_branches(sub_value)) if sub_key == "branch" \
            else value
    if key in ("sheet", "fields"):
        return _tr("{n}項目").format(n=len([f for f in value.split(",") if f]))
    if key in TEMPLATES:
        return _tr(TEMPLATES[key]).format(v=value)
    return f"{key}={value}"


def detail_text(action: str, entity: str, detail: str, linked_number: str = "") -> str:
    """The stored detail of an audit row, in words for the screen;
    ``linked_number``: the 相談番号 of the consultation it names."""
    detail = (detail or "").strip()
    if not detail:
        return ""
    if detail in PHRASES:
        return _tr(PHRASES[detail])
    words = []
    for token in detail.split():
        if "=" in token:
            key, _, value = token.partition("=")
            text = _pair(key, value, entity, linked_number)
        else:
            text = _tr(PHRASES[token]) if token in PHRASES else token
        if text:
            words.append(text)
    return " ".join(words)
