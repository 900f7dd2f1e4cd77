"""The words branches write in their own workbooks (issue 20): header words
for the contract's columns, and cell words for its codes. The import wizard
proposes a mapping from these; the user confirms or changes it.

Words are compared after ``normalize`` (NFKC, no spaces, no bracketed
notes such as （漢字）, lower case), so ＴＥＬ, TEL and tel are one word.
A kind's own contract column names and Japanese labels are always words
for that column too (the wizard adds them).
"""

from __future__ import annotations

import re
import unicodedata

from coordinator_app.core import kana

# contract column name -> header words (any kind that has the column)
COLUMN_WORDS: dict[str, tuple[str, ...]] = {
    "external_id": ("ID", "番号", "No", "No.", "NO", "№", "整理番号", "管理番号", "登録番号",
                    "利用者番号", "識別番号", "記録番号"),
    "watch_user_id": ("利用者ID", "利用者番号", "対象者番号", "対象者ID"),
    "branch_code": ("支部コード", "支部番号"),
    "name": ("氏名", "名前", "お名前", "利用者名", "利用者氏名", "対象者氏名", "対象者名", "氏名漢字",
             "会員名", "団体名", "名称"),
    "person_name": ("氏名", "名前", "お名前", "相談者氏名", "相談者名", "対象者氏名"),
    "kana": ("ふりがな", "フリガナ", "よみ", "ヨミ", "よみがな", "ヨミガナ", "読み", "読みがな",
             "カナ", "かな", "氏名カナ", "カナ氏名", "氏名ふりがな"),
    "person_kana": ("ふりがな", "フリガナ", "よみ", "ヨミ", "よみがな", "読み", "読みがな", "カナ",
                    "かな", "氏名カナ"),
    "birth_date": ("生年月日", "誕生日", "生まれ", "生年"),
    "phone": ("電話", "電話番号", "TEL", "Tel", "連絡先", "携帯", "携帯電話", "連絡先電話番号",
              "自宅電話"),
    "address": ("住所", "所在地", "現住所", "居所"),
    "area": ("自治会", "町内会", "地区", "地域", "町会", "自治会名", "町内会名", "地区名", "自治会・町内会"),
    "enrolled_on": ("登録日", "利用開始日", "開始日", "登録年月日", "申込日"),
    "ended_on": ("終了日", "利用終了日", "廃止日", "終了年月日"),
    "end_reason": ("終了理由", "廃止理由", "理由"),
    "contacted_on": ("実施日", "訪問日", "見守り日", "活動日", "日付", "年月日", "連絡日"),
    "method": ("方法", "見守り方法", "手段", "実施方法"),
    "by": ("実施者", "担当", "担当者", "協力員", "見守り協力員", "訪問者"),
    "result": ("結果", "状況", "安否", "様子", "確認結果"),
    "note": ("メモ", "備考", "特記事項", "摘要", "記事"),
    "received_on": ("受付日", "相談日", "日付", "年月日", "受付年月日"),
    "kind": ("区分", "種別", "種類", "個人・団体"),
    "channel": ("受付方法", "方法", "経路", "受付経路"),
    "from_whom": ("相談者", "相談者区分", "相談者の別"),
    "categories": ("相談内容", "内容区分", "分類", "相談分類", "相談種別"),
    "response": ("対応", "対応内容", "対応区分"),
    "referred_to": ("つなぎ先", "紹介先", "連携先", "つないだ先"),
    "summary": ("内容", "概要", "相談概要", "相談の内容", "経過"),
    "roles": ("活動内容", "活動", "役割", "活動分野"),
    "registered_on": ("登録日", "登録年月日", "入会日"),
    "withdrawn_on": ("退会日", "退会年月日"),
    "skills": ("特技", "資格", "特技・資格"),
    "insurance_fy": ("保険加入年度", "保険年度", "ボランティア保険"),
    "started_on": ("開始日", "発足日", "開設日", "設立日"),
    "subsidy_fy": ("助成年度", "補助年度"),
    "held_on": ("開催日", "実施日", "日付", "年月日"),
    "title": ("名称", "行事名", "事業名", "講座名", "件名"),
    "group_id": ("グループID", "グループ番号"),
    "participants": ("参加人数", "参加者数", "人数", "参加者"),
    "volunteers": ("うちボランティア", "ボランティア数", "ボランティア人数"),
    "code": ("支部コード", "支部番号", "コード"),
    "base_name": ("拠点名", "拠点"),
}

# The two halves of a name written in two columns, and of its reading.
FAMILY_WORDS = ("姓", "氏", "苗字", "名字")
GIVEN_WORDS = ("名", "下の名前")
KANA_FAMILY_WORDS = ("せい", "セイ", "ふりがな姓", "フリガナ姓", "よみ姓", "カナ姓", "姓ふりがな",
                     "姓フリガナ", "姓カナ")
KANA_GIVEN_WORDS = ("めい", "メイ", "ふりがな名", "フリガナ名", "よみ名", "カナ名", "名ふりがな",
                    "名フリガナ", "名カナ")
# A date in three (or four) columns: its parts.
ERA_WORDS = ("元号", "和暦", "年号")
YEAR_WORDS = ("年",)
MONTH_WORDS = ("月",)
DAY_WORDS = ("日",)
# The words of the joined parts of a name (how many columns, separator):
# a space, as the app writes names (the search keys fold it away).
NAME_SEPARATOR = " "

# Cell words for codes, per contract column: word -> code. The code
# tables' own codes and labels are matched too (the wizard adds them).
VALUE_WORDS: dict[str, dict[str, str]] = {
    "result": {"○": "ok", "〇": "ok", "◯": "ok", "済": "ok", "可": "ok", "良": "ok", "元気": "ok",
               "異常なし": "ok", "問題なし": "ok", "OK": "ok", "×": "absent", "✕": "absent",
               "不在": "absent", "留守": "absent", "会えず": "absent", "△": "concern",
               "異変": "concern", "要注意": "concern", "異常あり": "concern", "異変あり": "concern",
               "要確認": "concern"},
    "method": {"電話": "phone", "TEL": "phone", "架電": "phone", "訪問": "visit", "戸別訪問": "visit",
               "面会": "visit", "外から": "outside", "外観": "outside", "声かけ": "outside",
               "かわらばん": "newsletter", "配布": "newsletter", "配付": "newsletter",
               "オンライン": "online", "ビデオ通話": "online", "LINE": "online"},
    "channel": {"来所": "visit", "窓口": "visit", "電話": "phone", "TEL": "phone", "訪問": "outreach",
                "出張": "outreach", "メール": "other", "その他": "other"},
    "by": {"職員": "staff", "事務局": "staff", "コーディネーター": "staff", "CSW": "staff"},
    "from_whom": {"本人": "self", "家族": "family", "親族": "family", "近所": "neighbor",
                  "近隣": "neighbor", "民生委員": "community", "自治会": "community",
                  "包括": "agency", "行政": "agency", "市役所": "agency", "ケアマネ": "agency"},
    "end_reason": {"入所": "facility", "施設": "facility", "入院": "other", "死亡": "death",
                   "逝去": "death", "死去": "death", "転居": "moved", "転出": "moved",
                   "辞退": "request", "本人希望": "request", "希望": "request"},
    "kind": {"個人": "individual", "団体": "group", "グループ": "group"},
    "response": {"緊急": "urgent", "つなぎ": "referred", "紹介": "referred", "傾聴": "listened",
                 "助言": "listened", "情報提供": "listened"},
}

_BRACKETS = re.compile(r"[(（［\[【〔][^)）］\]】〕]*[)）］\]】〕]")


def normalize(word: str) -> str:
    """The form words are compared in: NFKC, no bracketed note, no spaces
    or ・ ： : marks at the ends, lower case."""
    text = unicodedata.normalize("NFKC", word or "")
    bare = _BRACKETS.sub("", text)
    text = bare if bare.strip() else text
    return "".join(text.split()).strip("・:：*※").lower()


def value_key(text: str) -> str:
    """A cell text as compared with VALUE_WORDS and code labels: as
    ``normalize``, and a reading folded (カタカナ and ひらがな alike)."""
    return kana.fold(normalize(text))
