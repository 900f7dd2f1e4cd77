"""月報: a month's or a fiscal year's tallies on paper, with a bar chart.

Qt-free, no personal data: it reads only ``counting.compute`` rows (counts
by branch × month × measure). A year report is a measure × month grid
(landscape) with 相談件数 and 見守り活動件数 charted by month; a month
report lists the month's measures with their breakdowns and charts the
consultations by subject (相談内容).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Sequence

from reportlab.platypus import Flowable

from coordinator_app.core import codes, counting
from coordinator_app.core.dates import fiscal_months, fiscal_year_label
from coordinator_app.reports import pdf

YEAR_MEASURES = list(codes.MEASURES)
MONTH_BREAKDOWNS = {
    "consultations": ("kind", "response", "category"),
    "watch_contacts": ("method", "result"),
    "watch_users_ended": ("end_reason",),
    "volunteers_active": ("role",),
    "events_held": ("kind",),
    "event_participants": ("kind",),
    "event_volunteers": ("kind",),
    "groups_active": ("kind",),
}


def month_label(month: int) -> str:
    """202511 → 令和7年11月 (the era of the month's first day)."""
    import datetime as dt

    from coordinator_app.core.dates import format_wareki

    text = format_wareki(dt.date(month // 100, month % 100, 1))
    return text.rsplit("月", 1)[0] + "月"


def _sum_by(rows: Sequence[counting.TallyRow]) -> dict[tuple[str, str, str, str], int]:
    """Branches summed: {(month, measure, breakdown, key): count}."""
    out: dict[tuple[str, str, str, str], int] = defaultdict(int)
    for r in rows:
        out[(r.month, r.measure, r.breakdown, r.key)] += r.count
    return out


def year_story(rows: Sequence[counting.TallyRow], fiscal_year: int,
               labels: counting.KeyLists | None = None,
               until: int | None = None) -> list[Flowable]:
    """The year grid and chart. Months after ``until`` (YYYYMM, the print
    month) have not happened yet and are left blank."""
    totals = _sum_by(rows)
    keys = [y * 100 + m for y, m in fiscal_months(fiscal_year)]
    months = [counting.month_text(k) for k in keys]
    done = [until is None or k <= until for k in keys]
    head = ["項目", *[f"{m}月" for _, m in fiscal_months(fiscal_year)], "合計"]
    body = []
    for measure in YEAR_MEASURES:
        values = [totals.get((m, measure, "total", ""), 0) for m in months]
        shown = [v for v, d in zip(values, done) if d]
        stock = measure in counting.STOCK_MEASURES
        total = (shown[-1] if shown else 0) if stock else sum(shown)
        body.append([codes.MEASURE_LABELS[measure] + ("（月末）" if stock else ""),
                     *[str(v) if d else "" for v, d in zip(values, done)],
                     f"{total}" + ("*" if stock else "")])
    widths = pdf.fit_widths([52] + [14] * 12 + [18], _LANDSCAPE)
    align = {i: "RIGHT" for i in range(1, 14)}
    chart = pdf.bar_chart(
        [f"{m}月" for _, m in fiscal_months(fiscal_year)],
        [(codes.MEASURE_LABELS["consultations"],
          [totals.get((m, "consultations", "total", ""), 0) if d else 0
           for m, d in zip(months, done)]),
         (codes.MEASURE_LABELS["watch_contacts"],
          [totals.get((m, "watch_contacts", "total", ""), 0) if d else 0
           for m, d in zip(months, done)])],
        width_mm=240, height_mm=62, title=f"{fiscal_year_label(fiscal_year)} 月別件数")
    return [
        pdf.data_table(head, body, widths, wrap=[0], align=align, row_padding_mm=0.3),
        pdf.spacer(1.5),
        pdf.para("* 登録者数などの「月末」の項目は、合計欄に年度末（年度途中は最新の月末）の値を示します。",
                 "small"),
        pdf.spacer(4),
        chart,
    ]


def month_story(rows: Sequence[counting.TallyRow], month: int,
                labels: counting.KeyLists | None = None) -> list[Flowable]:
    """The month's measures, each with its breakdowns in the code list's
    order (``labels``: the configurable lists, ``services.tallies``)."""
    totals = _sum_by(rows)
    key_month = counting.month_text(month)
    body = []
    for measure in codes.MEASURES:
        body.append([codes.MEASURE_LABELS[measure], "合計", "",
                     str(totals.get((key_month, measure, "total", ""), 0))])
        for breakdown in MONTH_BREAKDOWNS.get(measure, ()):
            keys = counting.ordered_keys(measure, breakdown, [
                k for (m, me, b, k) in totals if m == key_month and me == measure and b == breakdown],
                labels)
            for i, key in enumerate(keys):
                body.append(["", "" if i else codes.breakdown_label(measure, breakdown),
                             counting.key_label(measure, breakdown, key, labels),
                             str(totals[(key_month, measure, breakdown, key)])])
    category = {k: n for (m, me, b, k), n in totals.items()
                if m == key_month and me == "consultations" and b == "category" and n}
    cats = counting.ordered_keys("consultations", "category", category, labels)
    chart_labels = [counting.key_label("consultations", "category", c, labels) for c in cats]
    story: list[Flowable] = []
    if cats:  # the chart first, so that it stays on the first page
        story += [pdf.bar_chart(chart_labels, [("件数", [category[c] for c in cats])],
                                width_mm=180, height_mm=55,
                                title=f"{month_label(month)} 相談内容別件数（重複あり）"),
                  pdf.spacer(3)]
    story.append(pdf.data_table(["項目", "内訳", "区分", "件数・人数"], body, [62, 28, 50, 30],
                                wrap=[0, 2], align={3: "RIGHT"}, row_padding_mm=0,
                                zebra=False, font_size=8.5))
    return story


_LANDSCAPE = pdf.PageHeader(title="", landscape=True)
