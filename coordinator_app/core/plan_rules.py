"""The plan's 基本目標 → 施策の方向性 → 事業 (issue 17): how their numbers and
names are written, and the grade the app proposes for a 事業. Qt-free,
no storage."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from coordinator_app.core.indicator_rules import IndicatorError

# Worse grades last: a 事業 is proposed the worst of its indicators'.
_RANK = {"A": 0, "B": 1, "C": 2}


def project_proposal(proposals: Iterable[str]) -> str:
    """The worst of the indicators' proposals; '' (no proposal, the
    evaluator decides alone) for a 事業 without an indicator or when one
    of them has no proposal (no target, no actual, incomplete files)."""
    found = list(proposals)
    if not found or any(p not in _RANK for p in found):
        return ""
    return max(found, key=_RANK.__getitem__)


def sibling_order(number: str, sort_order: int, row_id: int | None) -> tuple:
    """Where a 基本目標, 施策 or 事業 stands among its siblings: by the number
    the plan gives it (「１」, 「（１７）」, 「②」 read as 1, 17, 2 — so a
    事業 typed late still stands where the plan puts it), then the order
    it was added in; unnumbered ones after the numbered."""
    found = re.search(r"\d+", unicodedata.normalize("NFKC", number or ""))
    return (found is None, int(found.group()) if found else 0, sort_order, row_id or 0)


def label(number: str, name: str, gap: str = "") -> str:
    """「１　市民の暮らしを…」, 「（４）権利擁護の推進」, 「②虐待防止対策」."""
    return gap.join(filter(None, [number, name])) if gap else f"{number}{name}"


def clean(number: str, name: str, what: str, name_required: bool = True) -> tuple[str, str]:
    """The number and name as stored; a clear refusal of what does not fit."""
    number, name = " ".join((number or "").split()), (name or "").strip()
    if len(number) > 16:
        raise IndicatorError(f"{what}の番号は16文字以内にしてください")
    if len(name) > 200:
        raise IndicatorError(f"{what}の名前は200文字以内にしてください")
    if not name and (name_required or not number):
        raise IndicatorError(f"{what}の名前を入力してください" if name_required
                             else f"{what}の番号か名前を入力してください")
    return number, name
