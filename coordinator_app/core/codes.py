"""The code lists of the interchange contract, with their Japanese labels.

Codes are what files and the database hold; labels are what people read
and may also type in a ledger file. Categories and volunteer roles are
configurable (tables ``category`` and ``role``); the lists here are the
defaults that must exist.
"""

from __future__ import annotations

import re

KIND = {"consultation": "相談", "contact": "連絡・問い合わせ"}
CHANNEL = {"visit": "来所", "phone": "電話", "outreach": "訪問", "other": "その他"}
FROM_WHOM = {
    "self": "本人",
    "family": "家族",
    "neighbor": "近隣住民",
    "community": "地域関係者",
    "agency": "関係機関",
}
RESPONSE = {"urgent": "緊急対応", "referred": "関係機関へつなぐ", "listened": "傾聴・助言"}
DEFAULT_CATEGORIES = {
    "life": "生活",
    "money": "経済・生活困窮",
    "care": "介護",
    "health": "健康・医療",
    "disability": "障害",
    "childcare": "子育て",
    "housing": "住まい",
    "rights": "権利擁護",
    "mobility": "外出・移動",
    "volunteer": "ボランティア",
    "other": "その他",
}
END_REASON = {
    "facility": "施設入所",
    "death": "死亡",
    "moved": "転居",
    "request": "本人希望",
    "other": "その他",
}
WATCH_METHOD = {
    "visit": "訪問",
    "phone": "電話",
    "outside": "外からの見守り",
    "newsletter": "かわらばん配布",
    "online": "オンライン",
}
WATCH_RESULT = {"ok": "異常なし", "absent": "不在", "concern": "異変あり"}
VOLUNTEER_KIND = {"individual": "個人", "group": "団体"}
DEFAULT_ROLES = {
    "watch": "見守り協力員",
    "salon": "サロン",
    "driver": "運転",
    "guide": "ガイド",
    "mutual_help": "助け合い",
    "disaster": "災害",
    "general": "一般",
}
# 行事・サロン (issue 16): configurable kinds (tables ``group_kind`` and
# ``event_kind``); these defaults must exist.
DEFAULT_GROUP_KINDS = {
    "salon": "サロン",
    "gathering": "集いの場",
    "club": "サークル",
    "children": "子ども食堂",
    "other": "その他",
}
DEFAULT_EVENT_KINDS = {
    "salon": "サロン開催",
    "course": "講座・研修",
    "forum": "地域福祉懇談会",
    "exchange": "交流事業",
    "education": "福祉教育",
    "drill": "訓練",
    "meeting": "会議・部会",
    "publicity": "広報・啓発",
    "other": "その他",
}
BY_STAFF = "staff"
BY_STAFF_LABEL = "職員"

# Tally measures and the breakdowns each one has (contract order).
MEASURES: dict[str, tuple[str, ...]] = {
    "consultations": ("kind", "channel", "from_whom", "response", "category"),
    "watch_contacts": ("method", "result"),
    "watch_users_active": (),
    "watch_users_enrolled": (),
    "watch_users_ended": ("end_reason",),
    "watch_users_unreached": (),
    "volunteers_active": ("role",),
    "volunteers_registered": (),
    "volunteers_withdrawn": (),
    "volunteer_participations": (),
    "events_held": ("kind",),
    "event_participants": ("kind",),
    "event_volunteers": ("kind",),
    "groups_active": ("kind",),
}
MEASURE_LABELS = {
    "consultations": "相談件数",
    "watch_contacts": "見守り活動件数",
    "watch_users_active": "見守り利用登録者数",
    "watch_users_enrolled": "見守り新規登録者数",
    "watch_users_ended": "見守り終了者数",
    "watch_users_unreached": "見守り未連絡者数",
    "volunteers_active": "ボランティア登録者数",
    "volunteers_registered": "ボランティア新規登録者数",
    "volunteers_withdrawn": "ボランティア退会者数",
    "volunteer_participations": "ボランティア活動参加者数",
    "events_held": "行事・講座の開催回数",
    "event_participants": "行事・講座の参加人数",
    "event_volunteers": "行事・講座の参加ボランティア数",
    "groups_active": "サロン等の活動数",
}
# The measures counted from events and groups: their ``kind`` breakdown is
# the event (group) kind, not the consultation's 区分.
EVENT_MEASURES = ("events_held", "event_participants", "event_volunteers")
GROUP_MEASURES = ("groups_active",)
BREAKDOWN_LABELS = {
    "total": "合計",
    "kind": "区分",
    "channel": "受付方法",
    "from_whom": "相談者",
    "response": "対応",
    "category": "相談内容",
    "method": "方法",
    "result": "結果",
    "end_reason": "終了理由",
    "role": "活動内容",
}
# Fixed code lists per breakdown; category and role come from the database.
BREAKDOWN_CODES: dict[str, dict[str, str]] = {
    "kind": KIND,
    "channel": CHANNEL,
    "from_whom": FROM_WHOM,
    "response": RESPONSE,
    "category": DEFAULT_CATEGORIES,
    "method": WATCH_METHOD,
    "result": WATCH_RESULT,
    "end_reason": END_REASON,
    "role": DEFAULT_ROLES,
}


def breakdown_label(measure: str, breakdown: str) -> str:
    """The Japanese name of a measure's breakdown (``kind`` is 区分 for
    consultations, 種別 for events and groups)."""
    if breakdown == "kind" and measure in EVENT_MEASURES + GROUP_MEASURES:
        return "種別"
    return BREAKDOWN_LABELS.get(breakdown, breakdown)


def breakdown_codes(measure: str, breakdown: str) -> dict[str, str]:
    """The default code list of a measure's breakdown (configurable lists
    are extended from the database by the caller)."""
    if breakdown == "kind" and measure in EVENT_MEASURES:
        return DEFAULT_EVENT_KINDS
    if breakdown == "kind" and measure in GROUP_MEASURES:
        return DEFAULT_GROUP_KINDS
    return BREAKDOWN_CODES.get(breakdown, {})


# The shapes of codes. Code columns of a tally file, and new codes typed on
# the admin screens, must have them: a cell of another shape is free text
# (perhaps a name and phone typed into the wrong cell) and is refused, and
# no code begins like a spreadsheet formula (sheets.FORMULA_STARTS).
CODE_SHAPE = re.compile(r"[a-z][a-z0-9_]{0,31}")  # measures, breakdowns, their keys
CODE_SHAPE_TEXT = "半角英小文字で始まる英数字と _ の32文字以内"
BRANCH_CODE_SHAPE = re.compile(r"[0-9A-Za-z][0-9A-Za-z_-]{0,31}")
BRANCH_CODE_SHAPE_TEXT = "半角英数字で始まる英数字と _ - の32文字以内"


def is_code(text: str) -> bool:
    return CODE_SHAPE.fullmatch(text) is not None


def is_branch_code(text: str) -> bool:
    return BRANCH_CODE_SHAPE.fullmatch(text) is not None


def code_for(value: str, codes: dict[str, str]) -> str | None:
    """Accept a code or its Japanese label; return the code or None."""
    v = (value or "").strip()
    if v in codes:
        return v
    for code, label in codes.items():
        if v == label:
            return code
    return None
