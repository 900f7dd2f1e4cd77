"""The demo's groups and events (issue 16): plausible, within the current
fiscal year up to the demo's day, every rule an entered event keeps, and
enough of each kind for every new screen, tally and indicator."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import pytest
from sqlalchemy import select

from coordinator_app.core.dates import fiscal_year_of, fiscal_year_range, month_key
from coordinator_app.core.gatherings import group_error, volunteers_error
from coordinator_app.core.models import (
    ActivityGroup,
    Branch,
    Event,
    GroupLeader,
    GroupMember,
    GroupSubsidy,
    Person,
    Volunteer,
)
from coordinator_app.services.demo import SURNAMES, load_sample
from tests.conftest import TODAY, open_test_db

FY_START = fiscal_year_range(fiscal_year_of(TODAY))[0]


def test_demo_groups_have_leaders_and_regulars_of_their_branch(demo_db):
    with demo_db.session() as s:
        branches = s.scalars(select(Branch.id)).all()
        groups = s.scalars(select(ActivityGroup)).all()
        by_branch = Counter(g.branch_id for g in groups)
        assert set(by_branch) == set(branches) and all(3 <= n <= 4 for n in by_branch.values())
        assert any(g.ended_on for g in groups) and all(g.end_reason for g in groups if g.ended_on)
        kinds = {g.kind for g in groups}
        assert {"salon", "gathering", "children"} <= kinds
        for g in groups:
            assert g.pattern and g.venue
            leaders = s.execute(select(GroupLeader, Volunteer)
                                .join(Volunteer, Volunteer.id == GroupLeader.volunteer_id)
                                .where(GroupLeader.group_id == g.id)).all()
            assert sum(1 for gl, _ in leaders if gl.contact) == 1
            assert all(v.branch_id == g.branch_id and v.withdrawn_on is None for _, v in leaders)
            members = s.execute(select(GroupMember, Person)
                                .join(Person, Person.id == GroupMember.person_id)
                                .where(GroupMember.group_id == g.id)).all()
            assert len(members) >= 6
            assert all(p.branch_id == g.branch_id for _, p in members)
            assert all(p.name.split()[0] in {sn for sn, _ in SURNAMES} for _, p in members)
        subsidised = s.scalars(select(GroupSubsidy.group_id)).all()
        assert {g.id for g in groups if g.kind == "salon"} == set(subsidised)


def test_demo_events_keep_every_rule_and_stay_in_this_fiscal_year(demo_db):
    with demo_db.session() as s:
        groups = {g.id: g for g in s.scalars(select(ActivityGroup))}
        events = s.scalars(select(Event)).all()
        branch_ids = s.scalars(select(Branch.id)).all()
    assert len(events) > 500
    per_branch = defaultdict(Counter)
    for e in events:
        assert FY_START <= e.held_on <= TODAY and e.month == month_key(e.held_on)
        assert volunteers_error(e.volunteers, e.participants) is None
        per_branch[e.branch_id][e.kind] += 1
        if e.group_id is not None:
            g = groups[e.group_id]
            assert group_error(g.branch_id, g.started_on, g.ended_on, g.name, e.branch_id,
                               e.held_on) is None
            assert e.kind == "salon" and 8 <= e.participants <= 25
    months = (TODAY.year - FY_START.year) * 12 + TODAY.month - FY_START.month  # full months
    for b in branch_ids:
        assert per_branch[b]["forum"] == 1
        assert months <= per_branch[b]["course"] <= months + 1
        assert per_branch[b]["salon"] >= 40  # weekly and fortnightly meetings
    ended = [g for g in groups.values() if g.ended_on]
    assert all(max((e.held_on for e in events if e.group_id == g.id), default=g.ended_on)
               <= g.ended_on for g in ended)


@pytest.mark.parametrize("today", [dt.date(2027, 4, 1), dt.date(2027, 4, 20)])
def test_demo_loads_at_the_start_of_a_fiscal_year(tmp_path, today):
    db = open_test_db(str(tmp_path / "early.db"))
    try:
        counts = load_sample(db, today=today, with_accounts=False)
        with db.session() as s:
            days = s.scalars(select(Event.held_on)).all()
        assert counts["groups"] >= 39 and counts["events"] == len(days)
        assert all(dt.date(2027, 4, 1) <= d <= today for d in days)
        assert counts["events"] >= 13  # a 懇談会 per branch at least
    finally:
        db.close()
