"""Translatable labels for codes that the Qt-free core names in Japanese
(roles, audit actions): the source text is the core's label, so the
Japanese UI shows it unchanged and the English .qm translates it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from coordinator_app.core.access import ROLES
from coordinator_app.services.audit import ACTION_LABELS, ENTITY_LABELS
from coordinator_app.services.backups import REASON_LABELS

# Listed so that lupdate extracts them; the values equal the core's labels.
_ROLES = (QT_TRANSLATE_NOOP("Labels", "コーディネーター"), QT_TRANSLATE_NOOP("Labels", "市社協職員"),
          QT_TRANSLATE_NOOP("Labels", "管理者"))
_ACTIONS = (
    QT_TRANSLATE_NOOP("Labels", "サインイン"), QT_TRANSLATE_NOOP("Labels", "サインイン失敗"),
    QT_TRANSLATE_NOOP("Labels", "サインアウト"), QT_TRANSLATE_NOOP("Labels", "ロック"),
    QT_TRANSLATE_NOOP("Labels", "ロック解除"), QT_TRANSLATE_NOOP("Labels", "ロック解除失敗"),
    QT_TRANSLATE_NOOP("Labels", "作成"), QT_TRANSLATE_NOOP("Labels", "更新"),
    QT_TRANSLATE_NOOP("Labels", "削除"), QT_TRANSLATE_NOOP("Labels", "閲覧"),
    QT_TRANSLATE_NOOP("Labels", "書き出し"), QT_TRANSLATE_NOOP("Labels", "印刷"),
    QT_TRANSLATE_NOOP("Labels", "取り込み"), QT_TRANSLATE_NOOP("Labels", "バックアップ"),
    QT_TRANSLATE_NOOP("Labels", "復元"), QT_TRANSLATE_NOOP("Labels", "受信"),
    QT_TRANSLATE_NOOP("Labels", "採用"), QT_TRANSLATE_NOOP("Labels", "評価の上書き"),
    QT_TRANSLATE_NOOP("Labels", "上書きの取り消し"),
    QT_TRANSLATE_NOOP("Labels", "サインイン記録の改ざん検知"),
    QT_TRANSLATE_NOOP("Labels", "鍵の保護の更新"), QT_TRANSLATE_NOOP("Labels", "鍵の作り直し"),
    QT_TRANSLATE_NOOP("Labels", "暗号化"),
)
_ENTITIES = (
    QT_TRANSLATE_NOOP("Labels", "アカウント"), QT_TRANSLATE_NOOP("Labels", "住民"),
    QT_TRANSLATE_NOOP("Labels", "相談記録"), QT_TRANSLATE_NOOP("Labels", "見守り利用者"),
    QT_TRANSLATE_NOOP("Labels", "見守り記録"), QT_TRANSLATE_NOOP("Labels", "ボランティア"),
    QT_TRANSLATE_NOOP("Labels", "活動記録"), QT_TRANSLATE_NOOP("Labels", "支部"),
    QT_TRANSLATE_NOOP("Labels", "自治会"), QT_TRANSLATE_NOOP("Labels", "相談内容"),
    QT_TRANSLATE_NOOP("Labels", "設定"), QT_TRANSLATE_NOOP("Labels", "データベース"),
    QT_TRANSLATE_NOOP("Labels", "監査ログ"), QT_TRANSLATE_NOOP("Labels", "集計"),
    QT_TRANSLATE_NOOP("Labels", "活動グループ"), QT_TRANSLATE_NOOP("Labels", "行事"),
    QT_TRANSLATE_NOOP("Labels", "集計の内訳"), QT_TRANSLATE_NOOP("Labels", "集計ファイル"),
    QT_TRANSLATE_NOOP("Labels", "集約ファイル"), QT_TRANSLATE_NOOP("Labels", "印刷台帳"),
    QT_TRANSLATE_NOOP("Labels", "安否確認"), QT_TRANSLATE_NOOP("Labels", "安否確認の記録"),
    QT_TRANSLATE_NOOP("Labels", "活動内容"), QT_TRANSLATE_NOOP("Labels", "指標"),
    QT_TRANSLATE_NOOP("Labels", "計画期間"), QT_TRANSLATE_NOOP("Labels", "指標の目標"),
    QT_TRANSLATE_NOOP("Labels", "指標の実績"), QT_TRANSLATE_NOOP("Labels", "評価の記述"),
)

_REASONS = (
    QT_TRANSLATE_NOOP("Labels", "自動（30分ごと）"), QT_TRANSLATE_NOOP("Labels", "終了時"),
    QT_TRANSLATE_NOOP("Labels", "手動"), QT_TRANSLATE_NOOP("Labels", "更新前"),
    QT_TRANSLATE_NOOP("Labels", "取り込み前"), QT_TRANSLATE_NOOP("Labels", "復元前"),
)


def role_label(code: str) -> str:
    return QCoreApplication.translate("Labels", ROLES.get(code, code))


def action_label(code: str) -> str:
    return QCoreApplication.translate("Labels", ACTION_LABELS.get(code, code))


def entity_label(code: str) -> str:
    return QCoreApplication.translate("Labels", ENTITY_LABELS.get(code, code))


def backup_reason_label(code: str) -> str:
    return QCoreApplication.translate("Labels", REASON_LABELS.get(code, code))
