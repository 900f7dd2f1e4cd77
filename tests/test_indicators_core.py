"""The grade rule and value handling of ``coordinator_app.core.indicator_rules``
(Qt-free, no database)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from coordinator_app.core import indicator_rules as core
from coordinator_app.core.indicator_rules import Thresholds, judge


@pytest.mark.parametrize("actual, grade", [
    (D(100), "A"),  # exactly 100 %
    (D(101), "A"),
    (D("99.99"), "B"),
    (D(60), "B"),  # exactly 60 %
    (D("59.99"), "C"),  # just below
    (D(0), "C"),
])
def test_number_target_higher_is_better_at_its_boundaries(actual, grade):
    assert judge(D(100), actual, "higher") == grade


def test_boundaries_are_exact_with_awkward_decimals():
    # 0.6 × 0.7 = 0.42 exactly; floats would say 0.42 < 0.6 * 0.7.
    assert judge(D("0.7"), D("0.42"), "higher") == "B"
    assert judge(D("0.7"), D("0.4199"), "higher") == "C"
    assert judge(D("10.2"), D("10.2"), "higher") == "A"


@pytest.mark.parametrize("actual, grade", [
    (D(10), "A"),  # exactly the target
    (D(9), "A"),
    (D("16.66"), "B"),  # 10 / 16.66 ≥ 60 %
    (D("16.67"), "C"),  # 10 / 16.67 < 60 %
    (D(0), "A"),
])
def test_number_target_lower_is_better(actual, grade):
    assert judge(D(10), actual, "lower") == grade


def test_lower_is_better_exactly_60_percent():
    # target / actual = 60 / 100 exactly
    assert judge(D(60), D(100), "lower") == "B"
    assert judge(D(60), D("100.01"), "lower") == "C"


def test_thresholds_are_settings():
    strict = Thresholds.from_settings({core.SETTING_A: "110", core.SETTING_B: "80"})
    assert judge(D(100), D(105), "higher", thresholds=strict) == "B"
    assert judge(D(100), D(110), "higher", thresholds=strict) == "A"
    assert judge(D(100), D(79), "higher", thresholds=strict) == "C"
    # Nonsense settings fall back to the defaults.
    assert Thresholds.from_settings({core.SETTING_A: "x", core.SETTING_B: "-3"}) == Thresholds()


@pytest.mark.parametrize("word, actual, reference, grade", [
    ("増加", D(101), D(100), "A"),
    ("増加", D(100), D(100), "B"),  # held, not increased
    ("増加", D(60), D(100), "B"),
    ("増加", D(59), D(100), "C"),
    ("減少", D(99), D(100), "A"),
    ("減少", D(100), D(100), "B"),
    ("減少", D(166), D(100), "B"),
    ("減少", D(167), D(100), "C"),
    ("維持", D(100), D(100), "A"),
    ("維持", D(60), D(100), "B"),
    ("維持", D(59), D(100), "C"),
])
def test_comparative_word_targets_against_the_reference(word, actual, reference, grade):
    assert judge(word, actual, "higher", reference) == grade


def test_keep_when_lower_is_better():
    assert judge("維持", D(10), "lower", D(10)) == "A"
    assert judge("維持", D(12), "lower", D(10)) == "B"


def test_achievement_words():
    assert judge("設置", "設置", "higher") == "A"
    assert judge("設置", "調査・検討", "higher") == "B"  # seed 003: CSWの配置, R5
    assert judge("設置", "未実施", "higher") == "C"
    assert judge("実施", D(2), "higher") == "A"
    assert judge("実施", D(0), "higher") == "C"


def test_cannot_judge_without_target_actual_or_reference():
    assert judge(None, D(5)) == ""
    assert judge(D(5), None) == ""
    assert judge("増加", D(5), "higher", None) == ""
    assert judge(D(5), "設置") == ""


def test_reference_is_previous_year_then_baseline():
    assert core.reference_for(2026, 2025, D(80), D(50)) == D(80)
    assert core.reference_for(2025, 2025, D(80), D(50)) == D(50)  # plan's first year
    assert core.reference_for(2026, 2025, None, D(50)) == D(50)
    assert core.reference_for(2026, 2025, "設置", D(50)) == D(50)


@pytest.mark.parametrize("text, unit, value", [
    ("80", "件", D(80)),
    ("80件", "件", D(80)),
    ("１，２００", "人", D(1200)),
    ("10.2％", "%", D("10.2")),
    ("21か所", "か所", D(21)),
    (" 増加 ", "件", "増加"),
    ("調査・研究", "", "調査・研究"),
    ("", "件", None),
    (None, "件", None),
])
def test_parse_value(text, unit, value):
    assert core.parse_value(text, unit) == value


def test_format_and_store_round_trip():
    assert core.format_value(D(1200), "人") == "1,200人"
    assert core.format_value(D("10.20")) == "10.2"
    assert core.plain_number(D(1200)) == "1200"
    assert core.plain_number("増加") == "増加"
    for value in (D("10.2"), D(80), "設置", None):
        assert core.loaded(*core.stored(value)) == value


def test_stock_is_march_or_latest_month_while_the_year_runs():
    figures = {("m", "total", "", 202504): 5, ("m", "total", "", 202603): 9}
    assert core.stock(figures, "m", "total", "", 2025) == 9
    running = {("m", "total", "", 202604): 3, ("m", "total", "", 202610): 7}
    assert core.stock(running, "m", "total", "", 2026) == 7


def test_labels():
    assert core.plan_label(2025, 2029) == "令和7〜11年度"
    assert core.plan_label(2017, 2021) == "平成29〜令和3年度"
    assert core.short_year(2025) == "R7"
    assert core.short_year(2019) == "H31"  # the era of 2019-04-01
    assert core.short_year(2020) == "R2"


def test_validate_refuses_inconsistent_definitions():
    ok = core.Definition("salons", "サロン数", "か所", "stock", "volunteers_active", "role", "salon")
    core.validate(ok)
    for bad in (ok.__class__(**{**ok.__dict__, "code": "Bad Code"}),
                ok.__class__(**{**ok.__dict__, "kind": "sometimes"}),
                ok.__class__(**{**ok.__dict__, "breakdown": "method"}),
                ok.__class__(**{**ok.__dict__, "key": ""}),
                ok.__class__(**{**ok.__dict__, "first_fy": 2030, "last_fy": 2025})):
        with pytest.raises(core.IndicatorError):
            core.validate(bad)


def test_the_indicator_and_consolidation_code_imports_no_qt():
    import subprocess
    import sys

    code = ("import sys, coordinator_app.core.indicator_rules, coordinator_app.services.indicators, "
            "coordinator_app.services.consolidation, coordinator_app.services.tallies, "
            "coordinator_app.reports.evaluation; "
            "sys.exit(any(m.startswith('PySide6') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
