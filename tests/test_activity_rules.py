"""Every reader of "active on a day" and "unreached in a month"
(``core.activity``) agrees with the tally file, branch by branch and month
by month: ホーム, the 見守り worklist, the volunteer search, the records
behind a figure, the printed lists and the address labels. ``counting``
counts the same rules its own way (month columns and running counts), so a
reader that drifted from the rule shows up here."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from coordinator_app.core import counting
from coordinator_app.core.dates import month_last_day
from coordinator_app.core.models import Branch, Person
from coordinator_app.services import home, list_rows, tallies, volunteers, watch
from tests import tally_data
from tests.conftest import coordinator_of

FISCAL_YEARS = (2023, 2024)  # tally_data.generate's records run from 2023-03 to 2025-04


def _totals(db) -> dict[tuple[str, str, str], int]:
    with db.session() as s:
        rows = [r for fy in FISCAL_YEARS for r in counting.compute(s, fy)]
    return {(r.branch_code, r.month, r.measure): r.count for r in rows if r.breakdown == "total"}


@pytest.mark.parametrize("seed", [5, 17])
def test_every_reader_agrees_with_the_tally_on_every_branch_and_month(db, seed):
    generated = tally_data.generate(db, per_branch=40, seed=seed)
    with db.session() as s:  # everyone agreed to mail: a label for each active person
        s.execute(update(Person).values(mail_ok=True))
        branches = dict(s.execute(select(Branch.code, Branch.id)).all())
    tally = _totals(db)
    assert len(branches) > 1
    seen = {"watch_users_active": 0, "watch_users_unreached": 0, "volunteers_active": 0}
    for code, branch_id in branches.items():
        coord = coordinator_of(db, code)
        for month in [m for fy in FISCAL_YEARS for m in counting.fiscal_month_keys(fy)]:
            last = month_last_day(month // 100, month % 100)
            want = {measure: tally[(code, counting.month_text(month), measure)]
                    for measure in seen}
            for measure, n in want.items():
                seen[measure] += n
            where = (code, month)

            # ホーム, opened on several days of the month (unreached is the
            # month's; nobody in the generated data is insured).
            for day in (last.replace(day=1), last.replace(day=15), last):
                assert home.home_figures(db, coord, day).watch_unreached == \
                    want["watch_users_unreached"], (where, day)
            assert home.home_figures(db, coord, last).insurance_lapsed == \
                want["volunteers_active"], where

            # 見守り
            wl = watch.worklist(db, coord, month=month, today=last)
            assert (wl.total, wl.unreached) == (want["watch_users_active"],
                                                want["watch_users_unreached"]), where
            assert watch.unreached_count(db, coord, month) == want["watch_users_unreached"]

            # ボランティア
            assert volunteers.active_count(db, coord, last) == want["volunteers_active"], where
            found = volunteers.search_volunteers(
                db, coord, volunteers.VolunteerQuery(status="active"), today=last, limit=10_000)
            assert len(found) == want["volunteers_active"], where
            assert all(r.active for r in found)

            # The records behind each figure (月次集計)
            for measure, n in want.items():
                assert len(tallies.records_behind(db, coord, measure, "total", "", [month])) == n, \
                    (where, measure)

            # Printed lists and address labels, as of the month's last day
            with db.session() as s:
                assert len(list_rows.volunteers(s, branch_id, last)) == \
                    want["volunteers_active"], where
                assert len(list_rows.watch_users(s, branch_id, last)) == \
                    want["watch_users_active"], where
                for source, measure in (("volunteers", "volunteers_active"),
                                        ("watch_users", "watch_users_active")):
                    entries, skipped = list_rows.label_entries(s, branch_id, last, source)
                    assert len(entries) + skipped == want[measure], (where, source)

    # The generated data did exercise every figure, and the tally follows
    # the contract's rule as the test data counts it in Python (3月31日).
    assert all(seen.values()), seen
    for fy in FISCAL_YEARS:
        march = f"{fy + 1}-03"
        assert sum(tally[(c, march, "watch_users_active")] for c in branches) == \
            generated.expected("watch_users", fy)
        assert sum(tally[(c, march, "volunteers_active")] for c in branches) == \
            generated.expected("volunteers", fy)
