"""Indicators (指標) of the plan and their grades (評価). Qt-free.

An indicator counts one tally figure (measure, breakdown, key), or the
records having several breakdown keys at once (``filters``: 区分=相談 AND
相談者=地域関係者, counted from the records: a tally row has one breakdown),
and is either a **flow** (summed over the fiscal year's twelve months), a
**stock** (the figure of March, i.e. as of 3月31日) or **cumulative** (the
flow summed from the plan's first fiscal year up to the year, plus the
total typed for the years before the records begin, ``start_total``). An
indicator without a measure (a survey percentage, a committee set up)
takes a typed actual instead; actuals with a measure are never typed.

Grades (seed 003): A 着実に進捗している, B ある程度進捗している,
C 進捗が順調でない, or 評価なし. The grade is the evaluator's decision (自己
評価); the app only proposes one. The proposal's rule: A when the target
is met, B when at least 60 % of it is reached, C below; both percentages
are settings.
Word targets (増加, 減少, 維持, 設置, 調査・研究 …) are judged against a
reference: the previous fiscal year's actual when it is known, otherwise
the baseline. All comparisons are exact (Decimal), so 60 % is 60 %.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Callable, Iterable, Mapping, Union

from coordinator_app.core import codes, counting
from coordinator_app.core.dates import fiscal_months, fiscal_year_label

KINDS = {"flow": "年間の件数", "stock": "年度末（3月31日）現在", "cumulative": "計画初年度からの累計"}
KIND_SHORT = {"flow": "年間", "stock": "年度末", "cumulative": "累計"}
DIRECTIONS = {"higher": "多いほどよい", "lower": "少ないほどよい", "keep": "維持する"}
GRADES = {"A": "着実に進捗している", "B": "ある程度進捗している", "C": "進捗が順調でない"}
NO_GRADE = "-"  # the evaluator decided 評価なし
DECISIONS = {**GRADES, NO_GRADE: "評価なし"}


def clean_decision(grade: str, memo: str) -> tuple[str, str]:
    """An evaluator's decision as stored (of an indicator or a 事業):
    A/B/C, ``-`` (評価なし) or ``""`` (not decided), and their memo."""
    grade = (grade or "").strip().upper()
    memo = (memo or "").strip()
    if grade not in ("", *DECISIONS):
        raise IndicatorError("評価は A・B・C・評価なし のどれかにしてください")
    if len(memo) > 2000:
        raise IndicatorError("メモは2000文字以内にしてください")
    return grade, memo
# Word targets compared with a reference figure; any other word is an
# achievement (設置, 実施, 調査・研究 …) judged on the typed actual.
COMPARATIVE_WORDS = ("増加", "減少", "維持")

SETTING_A = "indicators.grade_a_percent"
SETTING_B = "indicators.grade_b_percent"
DEFAULT_A_PERCENT = Decimal(100)
DEFAULT_B_PERCENT = Decimal(60)

DEFAULT_PLAN_NAME = "地域福祉活動計画"
DEFAULT_PLAN_YEARS = (2025, 2029)  # 令和7〜11年度; administrators change it
DEFAULT_OFFICE = "社会福祉協議会"

Value = Union[Decimal, str, None]  # a number, a word, or nothing

# The FigureIndex breakdown under which a combined indicator's counts
# are kept (its key: the conditions' text), apart from the tally's rows.
COMBINED = "+"
# Shown (and printed) instead of a combined indicator's figure when the
# figures come from consolidated tally files, which hold one breakdown a row.
UNCOUNTABLE_FROM_FILES = "集計ファイルからは数えられません（複数の条件）"


@dataclass(frozen=True)
class Definition:
    """What an indicator is (plain data; the database row is ``Indicator``)."""

    code: str
    name: str
    unit: str
    kind: str
    measure: str = ""
    breakdown: str = "total"
    key: str = ""
    direction: str = "higher"
    first_fy: int = DEFAULT_PLAN_YEARS[0]
    last_fy: int = DEFAULT_PLAN_YEARS[1]
    baseline: Decimal | None = None
    # Cumulative only: the total of the years before the records begin.
    start_total: Decimal | None = None
    branches: tuple[str, ...] = ()  # counted over these branches only; () all
    # Further (breakdown, key) conditions ANDed with (breakdown, key).
    filters: tuple[tuple[str, str], ...] = ()

    @property
    def conditions(self) -> tuple[tuple[str, str], ...]:
        """Every (breakdown, key) a counted record must have (() for a total)."""
        first = () if self.breakdown == "total" else ((self.breakdown, self.key),)
        return first + tuple(self.filters)

    @property
    def combined(self) -> bool:
        """More than one condition: no tally row holds the figure, it is
        counted from the records (``counting.combined_counts``)."""
        return len(self.conditions) > 1

    @property
    def figure(self) -> tuple[str, str]:
        """The (breakdown, key) of its figure in a FigureIndex."""
        if self.combined:
            return COMBINED, filters_text(self.conditions)
        return self.breakdown, self.key

    @property
    def computed(self) -> bool:
        """True when the actual comes from the tallies (never typed)."""
        return bool(self.measure)

    @property
    def plan_years(self) -> list[int]:
        return list(range(self.first_fy, self.last_fy + 1))

    def describe(self) -> str:
        """How the actual is counted, in Japanese (empty for a typed one:
        the sheet prints no wording of the app's own)."""
        if not self.measure:
            return ""
        what = codes.MEASURE_LABELS.get(self.measure, self.measure)
        if self.conditions:
            what += "（" + "、".join(
                f"{codes.breakdown_label(self.measure, b)}: "
                f"{codes.breakdown_codes(self.measure, b).get(k, k)}"
                for b, k in self.conditions) + "）"
        text = f"{what}・{KINDS[self.kind]}"
        if self.branches:
            text += f"（支部 {'・'.join(self.branches)} のみ）"
        if self.kind == "cumulative" and self.start_total:
            text += f"（記録開始前の累計 {format_value(self.start_total)} を含む）"
        return text


# The defaults of docs/interchange.md (code, name, unit, kind, measure, breakdown, key).
DEFAULT_INDICATORS: list[tuple[str, str, str, str, str, str, str]] = [
    ("consultations_all", "相談件数（相談・連絡・問い合わせ）", "件", "flow",
     "consultations", "total", ""),
    ("consultations_proper", "相談件数（相談のみ）", "件", "flow",
     "consultations", "kind", "consultation"),
    ("watch_contacts", "見守り活動件数", "件", "flow", "watch_contacts", "total", ""),
    ("watch_users", "見守り利用登録者数", "人", "stock", "watch_users_active", "total", ""),
    ("watch_cooperators", "見守り協力員登録者数", "人", "stock", "volunteers_active", "role",
     "watch"),
    ("volunteers", "ボランティア登録者数", "人", "stock", "volunteers_active", "total", ""),
    ("volunteer_participations", "ボランティア活動参加者数", "人", "flow",
     "volunteer_participations", "total", ""),
    ("groups", "サロン等の活動数", "か所", "stock", "groups_active", "total", ""),
    ("forum_participants", "地域福祉懇談会参加人数", "人", "flow", "event_participants", "kind",
     "forum"),
    ("course_participants", "地域の担い手育成講座受講人数（累計）", "人", "cumulative",
     "event_participants", "kind", "course"),
    ("events", "行事・講座の開催回数", "回", "flow", "events_held", "total", ""),
]


class IndicatorError(ValueError):
    """Bad indicator input (Japanese message saying what to fix)."""


# --- conditions -----------------------------------------------------------------------

def parse_filters(text: str) -> tuple[tuple[str, str], ...]:
    """``from_whom=community;channel=visit`` → ((breakdown, key), ...), as
    stored in ``Indicator.filters``; empty text: ()."""
    out = []
    for part in filter(None, (p.strip() for p in (text or "").split(";"))):
        breakdown, eq, key = (x.strip() for x in part.partition("="))
        if not eq or not codes.is_code(breakdown) or not codes.is_code(key):
            raise IndicatorError(
                f"条件「{part}」が読めません。内訳=項目 を ; で区切って書きます"
                "（例: from_whom=community;channel=visit）")
        out.append((breakdown, key))
    return tuple(out)


def filters_text(conditions: Iterable[tuple[str, str]]) -> str:
    return ";".join(f"{b}={k}" for b, k in conditions)


# --- values -------------------------------------------------------------------------

_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def parse_value(text: object, unit: str = "") -> Value:
    """A number (Decimal) or a word from what a person typed: ``80``,
    ``80件``, ``１，２００``, ``10.2％`` are numbers; ``増加`` is a word;
    blank is None."""
    if text is None:
        return None
    if isinstance(text, Decimal):
        return text
    if isinstance(text, (int, float)):
        return to_decimal(text)
    raw = unicodedata.normalize("NFKC", str(text)).strip()
    if not raw:
        return None
    number = raw.replace(",", "")
    for suffix in filter(None, (unicodedata.normalize("NFKC", unit), "%", "件", "人", "回",
                                "か所", "ヶ所", "箇所", "円")):
        if number.endswith(suffix) and number[: -len(suffix)].strip():
            number = number[: -len(suffix)].strip()
            break
    if _NUMBER.match(number):
        return Decimal(number)
    if len(raw) > 32:
        raise IndicatorError("目標・実績の言葉は32文字以内にしてください")
    return raw


def to_decimal(value: float | int | Decimal | None) -> Decimal | None:
    """Exact decimal of a stored float (its shortest repr: 10.2 → 10.2)."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        return None


def format_value(value: Value, unit: str = "") -> str:
    """``82``, ``10.2``, ``1,200`` (with the unit when given), or the word."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if value == value.to_integral_value():
        text = f"{int(value):,}"
    else:
        text = f"{value.normalize():f}"
    return f"{text}{unit}"


def plain_number(value: Value) -> str:
    """For the contract files: ``82``, ``10.2`` (no thousands separator), a
    word as it is, empty for None."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if value == value.to_integral_value():
        return str(int(value))
    return f"{value.normalize():f}"


def stored(value: Value) -> tuple[float | None, str]:
    """(number column, word column) to store a value."""
    if value is None:
        return None, ""
    if isinstance(value, str):
        return None, value
    return float(value), ""


def loaded(number: float | None, word: str) -> Value:
    if number is not None:
        return to_decimal(number)
    return word or None


# --- actuals ------------------------------------------------------------------------

FigureIndex = Mapping[tuple[str, str, str, int], int]
"""{(measure, breakdown, key, YYYYMM): count}, summed over the branches."""


def index_rows(rows: Iterable) -> dict[tuple[str, str, str, int], int]:
    """Sum tally rows (``tallies.TallyRow``) over branches into a FigureIndex."""
    out: dict[tuple[str, str, str, int], int] = {}
    for r in rows:
        y, m = r.month.split("-")
        k = (r.measure, r.breakdown, r.key, int(y) * 100 + int(m))
        out[k] = out.get(k, 0) + r.count
    return out


def _months(fy: int) -> list[int]:
    return [y * 100 + m for y, m in fiscal_months(fy)]


def flow(figures: FigureIndex, measure: str, breakdown: str, key: str, fy: int) -> int:
    return sum(figures.get((measure, breakdown, key, m), 0) for m in _months(fy))


def stock(figures: FigureIndex, measure: str, breakdown: str, key: str, fy: int) -> int:
    """The March figure: as of the fiscal year's last day (3月31日). While
    the year runs, received files hold no March yet: then the latest month
    of the year that has the measure's total."""
    months = _months(fy)
    present = [m for m in months if (measure, "total", "", m) in figures]
    month = months[-1] if not present or months[-1] in present else present[-1]
    return figures.get((measure, breakdown, key, month), 0)


def computed_actual(defn: Definition, fy: int, figures_of: Callable[[int], FigureIndex],
                    records_from: int | None = None) -> Decimal | None:
    """The actual of an indicator with a measure for fiscal year fy;
    ``figures_of(year)`` gives the FigureIndex of a fiscal year. None when
    the year cannot have one (cumulative before the plan's first year). A
    combined one reads its own counts (``Definition.figure``), which the
    caller puts in the index. A
    cumulative counts the years from ``records_from`` (the first year the
    records cover) on: ``start_total`` holds the years before."""
    m, (b, k) = defn.measure, defn.figure
    if defn.kind == "flow":
        return Decimal(flow(figures_of(fy), m, b, k, fy))
    if defn.kind == "stock":
        return Decimal(stock(figures_of(fy), m, b, k, fy))
    if defn.kind == "cumulative":
        if fy < defn.first_fy:
            return None
        first = max(defn.first_fy, records_from or defn.first_fy)
        counted = sum(flow(figures_of(y), m, b, k, y) for y in range(first, fy + 1))
        return (defn.start_total or Decimal(0)) + counted
    raise IndicatorError(f"指標の種類が正しくありません（{defn.kind}）")


def coverage_gap(expected: Iterable[str], months: Iterable[int],
                 received: set[tuple[str, int]]) -> str:
    """What a consolidated figure lacks: '' when every expected branch ×
    month (YYYYMM) was received, else 「13支部中11支部」 (branches that sent
    anything) with 「・一部の月が未着」 when some of those lack a month."""
    branches, months = sorted(set(expected)), list(months)
    if not branches or not months:
        return ""
    full = [b for b in branches if all((b, m) in received for m in months)]
    if len(full) == len(branches):
        return ""
    some = [b for b in branches if any((b, m) in received for m in months)]
    text = f"{len(branches)}支部中{len(some)}支部"
    return text + ("・一部の月が未着" if len(full) < len(some) else "")


# --- grades -------------------------------------------------------------------------

@dataclass(frozen=True)
class Thresholds:
    """A when actual reaches a_percent of the target, B from b_percent."""

    a_percent: Decimal = DEFAULT_A_PERCENT
    b_percent: Decimal = DEFAULT_B_PERCENT

    @classmethod
    def from_settings(cls, values: Mapping[str, str]) -> "Thresholds":
        def read(key: str, default: Decimal) -> Decimal:
            try:
                v = Decimal(str(values.get(key, "")).strip())
            except InvalidOperation:
                return default
            return v if v > 0 else default

        return cls(read(SETTING_A, DEFAULT_A_PERCENT), read(SETTING_B, DEFAULT_B_PERCENT))


def _higher(actual: Decimal, target: Decimal, t: Thresholds, strict_a: bool = False) -> str:
    if (actual > target) if strict_a else (actual * 100 >= target * t.a_percent):
        return "A"
    if actual * 100 >= target * t.b_percent:
        return "B"
    return "C"


def _lower(actual: Decimal, target: Decimal, t: Thresholds, strict_a: bool = False) -> str:
    # Mirror of _higher: the achievement is target / actual.
    if (actual < target) if strict_a else (target * 100 >= actual * t.a_percent):
        return "A"
    if target * 100 >= actual * t.b_percent:
        return "B"
    return "C"


def judge(target: Value, actual: Value, direction: str = "higher",
          reference: Decimal | None = None, thresholds: Thresholds = Thresholds()) -> str:
    """The default grade 'A' | 'B' | 'C', or '' when it cannot be judged
    (no target, no actual yet, or a word target without a reference).

    - number target, higher/keep: A when actual ≥ target (× a%), B when
      actual ≥ b% of the target, C below;
    - number target, lower is better: A when actual ≤ target, B when
      target ≥ b% of the actual, C above;
    - 増加 / 減少: A when the actual is above / below the reference, B when
      within b% of it, C otherwise; 維持: reference as a number target;
    - other words (設置, 調査・研究 …): A when the typed actual is the same
      word or a count above 0, B for another word (progress towards it),
      C for nothing done (0, or a word beginning with 未).
    """
    if target is None or actual is None:
        return ""
    if isinstance(target, Decimal):
        if not isinstance(actual, Decimal):
            return ""
        if direction == "lower":
            return _lower(actual, target, thresholds)
        return _higher(actual, target, thresholds)
    word = target
    if word in COMPARATIVE_WORDS:
        if reference is None or not isinstance(actual, Decimal):
            return ""
        if word == "増加":
            return _higher(actual, reference, thresholds, strict_a=True)
        if word == "減少":
            return _lower(actual, reference, thresholds, strict_a=True)
        if direction == "lower":
            return _lower(actual, reference, thresholds)
        return _higher(actual, reference, thresholds)
    if isinstance(actual, Decimal):
        return "A" if actual > 0 else "C"
    if actual == word:
        return "A"
    if actual.startswith("未"):
        return "C"
    return "B"


def reference_for(fy: int, first_fy: int, previous_actual: Value,
                  baseline: Decimal | None) -> Decimal | None:
    """What a word target compares with: the previous year's actual when
    it is a known number within the plan, else the baseline."""
    if fy > first_fy and isinstance(previous_actual, Decimal):
        return previous_actual
    return baseline


def goal_number(goal: str) -> int | None:
    """The number a plan gives its 基本目標 (「基本目標２　…」, 「1 つながり…」),
    None when it has none: the summary lists goals in this order."""
    found = re.search(r"\d+", unicodedata.normalize("NFKC", goal or ""))
    return int(found.group()) if found else None


def plan_order(goals: Iterable[str]) -> list[str]:
    """The distinct 基本目標 in plan order: numbered ones by number, then the
    others as first met (an empty goal last)."""
    seen = list(dict.fromkeys(goals))
    numbered = sorted((g for g in seen if goal_number(g) is not None), key=goal_number)
    return numbered + [g for g in seen if goal_number(g) is None and g] + \
        [g for g in seen if not g]


def plan_label(first_fy: int, last_fy: int) -> str:
    """令和7〜11年度."""
    a, b = fiscal_year_label(first_fy), fiscal_year_label(last_fy)
    if a[:2] == b[:2]:
        return f"{a[:-2]}〜{b[2:]}"
    return f"{a[:-2]}〜{b}"


def short_year(fy: int) -> str:
    """R7 for 2025 (the sheet's column headings)."""
    label = fiscal_year_label(fy)
    era = {"令和": "R", "平成": "H", "昭和": "S"}.get(label[:2], label[:2])
    n = label[2:-2]
    return f"{era}{1 if n == '元' else n}"


def validate(defn: Definition, lists: counting.KeyLists | None = None) -> None:
    """Refuse an inconsistent definition with a Japanese message. ``lists``:
    the keys each breakdown has (``services.tallies.measure_key_lists``:
    the code lists with the configurable ones; default the code lists)."""
    if not re.match(r"^[a-z0-9_]{1,64}$", defn.code or ""):
        raise IndicatorError("コードは半角英小文字・数字・_ で64文字以内にしてください")
    if not (defn.name or "").strip():
        raise IndicatorError("指標名を入力してください")
    if defn.kind not in KINDS:
        raise IndicatorError("種類は 年間・年度末・累計 のどれかにしてください")
    if defn.direction not in DIRECTIONS:
        raise IndicatorError("方向は 多いほどよい・少ないほどよい・維持する のどれかにしてください")
    if defn.start_total is not None:
        if defn.kind != "cumulative":
            raise IndicatorError("記録開始前の累計は累計の指標にだけ入力できます")
        if defn.start_total < 0:
            raise IndicatorError("記録開始前の累計は0以上の数値にしてください")
    if defn.branches and not defn.measure:
        raise IndicatorError("対象の支部は集計の項目を数える指標にだけ指定できます")
    if defn.first_fy > defn.last_fy:
        raise IndicatorError("計画期間の最初の年度は最後の年度より前にしてください")
    if defn.last_fy - defn.first_fy > 20:
        raise IndicatorError("計画期間は20年以内にしてください")
    if defn.measure:
        if defn.measure not in codes.MEASURES:
            raise IndicatorError(f"集計の項目が正しくありません（{defn.measure}）")
        if defn.breakdown != "total":
            if defn.breakdown not in codes.MEASURES[defn.measure]:
                raise IndicatorError(
                    f"{codes.MEASURE_LABELS[defn.measure]}に内訳「{defn.breakdown}」はありません")
            if not defn.key:
                raise IndicatorError("内訳の項目を選んでください")
        elif defn.key:
            raise IndicatorError("合計を数える指標には内訳の項目を指定しません")
        _validate_conditions(defn, lists)
    elif defn.filters:
        raise IndicatorError("条件は集計の項目を数える指標にだけ指定できます")


def _validate_conditions(defn: Definition, lists: counting.KeyLists | None) -> None:
    """Combined conditions: after the breakdown, each on a breakdown of the
    measure not used yet, with a key of its list; only measures whose
    records can be counted with them (``counting.COMBINABLE``)."""
    if defn.filters and defn.breakdown == "total":
        raise IndicatorError("条件を足す前に、内訳とその項目を選んでください")
    what = codes.MEASURE_LABELS[defn.measure]
    if defn.combined and defn.measure not in counting.COMBINABLE:
        raise IndicatorError(f"{what}は条件を組み合わせて数えられません（内訳は一つだけ選べます）")
    seen: set[str] = set()
    for breakdown, _key in defn.filters:
        if breakdown not in codes.MEASURES[defn.measure]:
            raise IndicatorError(f"{what}に内訳「{breakdown}」はありません")
    for breakdown, key in defn.conditions:
        label = codes.breakdown_label(defn.measure, breakdown)
        if breakdown in seen:
            raise IndicatorError(f"{label}の条件が二つあります。一つの内訳には項目を一つだけ選んでください")
        seen.add(breakdown)
        if defn.combined and key not in dict(counting.key_list(defn.measure, breakdown, lists)):
            raise IndicatorError(f"{label}に項目「{key}」はありません。一覧から選んでください")
