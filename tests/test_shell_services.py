"""The shell's Qt-free parts: home numbers and their scope, the audit
trail, administration, backups, the instance lock and the network-drive
refusal."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from coordinator_app.core import access, clock, counting
from coordinator_app.core.access import ScopeError
from coordinator_app.core.dates import fiscal_year_of, month_last_day
from coordinator_app.core.models import Branch, Person
from coordinator_app.services import accounts, admin, audit, backups, home, people
from coordinator_app.storage.database import Database
from coordinator_app.storage.instance_lock import (
    InstanceLock,
    InstanceLocked,
    lock_path,
    network_share_reason,
)
from tests.conftest import TODAY, connect_file
from tests.shell_helpers import (  # noqa: F401
    PASSWORDS,
    SECRET_SUMMARY,
    add_consultation,
    audit_count,
    audit_rows,
    fast_hashing,
    make_accounts,
)

# --- home numbers ------------------------------------------------------------

def test_home_numbers_are_scoped_to_the_coordinators_branch(demo_db):
    users = make_accounts(demo_db)
    one, two = users["coord01"], users["coord02"]
    before_one = home.home_figures(demo_db, one, TODAY)
    before_two = home.home_figures(demo_db, two, TODAY)
    add_consultation(demo_db, two, TODAY, follow_up_on=TODAY)
    after_one = home.home_figures(demo_db, one, TODAY)
    after_two = home.home_figures(demo_db, two, TODAY)
    assert after_one == before_one
    assert after_two.consultations_this_month == before_two.consultations_this_month + 1
    assert after_two.follow_ups_due == before_two.follow_ups_due + 1


def test_city_staff_home_is_the_sum_of_every_branch(demo_db):
    from tests.conftest import coordinator_of

    users = make_accounts(demo_db)
    with demo_db.session() as s:
        codes = s.scalars(select(Branch.code)).all()
    per_branch = [home.home_figures(demo_db, coordinator_of(demo_db, c), TODAY) for c in codes]
    city = home.home_figures(demo_db, users["city"], TODAY)
    assert city.branch_id is None
    for name in ("consultations_this_month", "consultations_last_month", "follow_ups_due",
                 "watch_unreached", "insurance_lapsed"):
        assert getattr(city, name) == sum(getattr(f, name) for f in per_branch)


def test_unreached_agrees_with_the_tally_file(demo_db):
    """Every branch, on the first, a middle and the last day of every
    month of the year so far: ホーム's number is the tally's figure for
    the month of the day it is opened."""
    from tests.conftest import coordinator_of

    with demo_db.session() as s:
        rows = counting.compute(s, fiscal_year_of(TODAY))
        codes = s.scalars(select(Branch.code)).all()
    tally = {(r.branch_code, r.month): r.count for r in rows
             if r.measure == "watch_users_unreached" and r.breakdown == "total"}
    assert len(codes) > 1
    seen = 0
    for code in codes:
        coord = coordinator_of(demo_db, code)
        for month in counting.fiscal_month_keys(fiscal_year_of(TODAY)):
            first = dt.date(month // 100, month % 100, 1)
            if first > TODAY:
                break
            for day in (first, first.replace(day=15), month_last_day(first.year, first.month)):
                figures = home.home_figures(demo_db, coord, day)
                assert figures.watch_unreached == tally[(code, counting.month_text(month))], \
                    (code, day)
                seen += figures.watch_unreached
    assert seen > 0


def test_follow_ups_due_counts_today_and_overdue_but_not_closed_or_deleted(sqlite_db):
    from coordinator_app.core.models import Consultation
    from coordinator_app.services.demo import ageo_branches

    with sqlite_db.session() as s:
        for b in ageo_branches()[:2]:
            s.add(Branch(code=b["code"], name=b["name"]))
    users = make_accounts(sqlite_db)
    coord = users["coord01"]
    today = TODAY
    due = add_consultation(sqlite_db, coord, today, follow_up_on=today)
    add_consultation(sqlite_db, coord, today - dt.timedelta(days=3),
                     follow_up_on=today - dt.timedelta(days=1))
    add_consultation(sqlite_db, coord, today, follow_up_on=today + dt.timedelta(days=1))
    closed = add_consultation(sqlite_db, coord, today, follow_up_on=today)
    deleted = add_consultation(sqlite_db, coord, today, follow_up_on=today)
    with sqlite_db.session() as s:
        s.get(Consultation, closed).follow_up_closed_on = today
        s.get(Consultation, deleted).deleted_at = clock.utcnow()
    assert due
    assert home.home_figures(sqlite_db, coord).follow_ups_due == 2


# --- branch scope, everywhere this issue reads --------------------------------

def test_a_coordinator_never_reaches_another_branch(demo_db):
    users = make_accounts(demo_db)
    one, two = users["coord01"], users["coord02"]
    with demo_db.session() as s:
        theirs = s.scalar(select(Person.id).where(Person.branch_id == two.branch_id))
    with pytest.raises(ScopeError):
        people.get_person(demo_db, one, theirs)
    found = people.search_people(demo_db, one, "", limit=10_000)
    assert found and theirs not in {p.id for p in found}
    for forbidden in (lambda: audit.search(demo_db, one),
                      lambda: admin.list_accounts(demo_db, one),
                      lambda: admin.list_areas(demo_db, one, two.branch_id)):
        with pytest.raises(ScopeError):
            forbidden()


def test_city_staff_and_admin_get_no_personal_records(demo_db):
    users = make_accounts(demo_db)
    for login in ("city", "admin"):
        with pytest.raises(ScopeError):
            people.search_people(demo_db, users[login], "み")


# --- audit trail -----------------------------------------------------------------

def test_sign_in_failure_sign_out_lock_unlock_each_leave_one_row(demo_db):
    users = make_accounts(demo_db)
    coord = users["coord01"]
    steps = [
        ("sign_in", lambda: accounts.authenticate(demo_db, "coord01", PASSWORDS["coord01"])),
        ("sign_in_failed", lambda: pytest.raises(access.AuthError, accounts.authenticate,
                                                  demo_db, "coord01", "wrong")),
        ("lock", lambda: audit.lock(demo_db, coord, "manual")),
        ("unlock_failed", lambda: audit.unlock(demo_db, coord, "wrong")),
        ("unlock", lambda: audit.unlock(demo_db, coord, PASSWORDS["coord01"])),
        ("sign_out", lambda: audit.sign_out(demo_db, coord)),
    ]
    for action, step in steps:
        before = audit_count(demo_db)
        step()
        rows = audit_rows(demo_db)[before:]
        # A failed sign-in is nobody's yet: the program is the actor, the
        # account attempted is the record (never the typed text).
        who = demo_db.actor if action == "sign_in_failed" else "coord01"
        assert [(r.action, r.actor, r.entity, r.entity_id) for r in rows] == [
            (action, who, "account", coord.account_id)], action


def test_audit_search_filters_and_export_is_itself_audited(demo_db, tmp_path):
    users = make_accounts(demo_db)
    admin_user = users["admin"]
    audit.lock(demo_db, users["coord01"])
    rows = audit.search(demo_db, admin_user, audit.AuditFilter(action="lock"))
    assert [(r.actor, r.action) for r in rows] == [("coord01", "lock")]
    assert audit.search(demo_db, admin_user, audit.AuditFilter(actor="city", action="lock")) == []
    tomorrow = TODAY + dt.timedelta(days=1)
    assert audit.search(demo_db, admin_user, audit.AuditFilter(since=tomorrow)) == []
    assert audit.search(demo_db, admin_user, audit.AuditFilter(until=TODAY))
    before = audit_count(demo_db)
    out = tmp_path / "audit.csv"
    n = audit.export_csv(demo_db, admin_user, audit.AuditFilter(), out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "日時,利用者,操作,対象,ID,詳細" and len(lines) == n + 1
    new = audit_rows(demo_db)[before:]
    assert [(r.action, r.entity, r.actor) for r in new] == [("export", "audit_log", "admin")]


def test_no_audit_row_holds_a_consultations_text(demo_db, tmp_path):
    users = make_accounts(demo_db)
    coord = users["coord01"]
    add_consultation(demo_db, coord, TODAY)
    audit.lock(demo_db, coord)
    audit.unlock(demo_db, coord, PASSWORDS["coord01"])
    audit.export_csv(demo_db, users["admin"], audit.AuditFilter(), tmp_path / "a.csv")
    with demo_db.session() as s:
        names = set(s.scalars(select(Person.name)).all())
    for row in audit_rows(demo_db):
        text = f"{row.actor}|{row.action}|{row.entity}|{row.detail}"
        assert SECRET_SUMMARY not in text and "借金" not in text
        assert not any(name in text for name in names)


# --- administration --------------------------------------------------------------

def test_admin_manages_accounts_and_the_last_admin_is_protected(demo_db):
    users = make_accounts(demo_db)
    boss = users["admin"]
    before = audit_count(demo_db)
    new_id = admin.create_account(demo_db, boss, "coord03", "テスト 三郎", "coordinator",
                                  "coord03-pass", "03")
    assert [r.action for r in audit_rows(demo_db)[before:]] == ["create"]
    row = next(a for a in admin.list_accounts(demo_db, boss) if a.id == new_id)
    assert (row.role, row.branch_code, row.active) == ("coordinator", "03", True)
    with pytest.raises(ValueError, match="最後の管理者"):
        admin.update_account(demo_db, boss, boss.account_id, "x", "city_staff", None)
    with pytest.raises(ValueError, match="自分"):
        admin.set_account_active(demo_db, boss, boss.account_id, False)
    admin.set_account_active(demo_db, boss, new_id, False)
    with pytest.raises(access.AuthError):
        accounts.authenticate(demo_db, "coord03", "coord03-pass")
    with pytest.raises(ScopeError):
        admin.create_account(demo_db, users["coord01"], "x1", "x", "admin", "xxxxxxxxxx")


def test_reset_password_lifts_a_lockout(demo_db):
    users = make_accounts(demo_db)
    for _ in range(access.MAX_FAILURES):
        with pytest.raises(access.AuthError):
            accounts.authenticate(demo_db, "coord02", "wrong-password")
    with pytest.raises(access.AuthError, match="ロック"):
        accounts.authenticate(demo_db, "coord02", PASSWORDS["coord02"])
    admin.reset_password(demo_db, users["admin"], users["coord02"].account_id, "brand-new-pass")
    assert accounts.authenticate(demo_db, "coord02", "brand-new-pass").login == "coord02"


def test_idle_lock_minutes_setting(demo_db):
    users = make_accounts(demo_db)
    assert admin.idle_lock_minutes(demo_db) == 5
    admin.set_idle_lock_minutes(demo_db, users["admin"], 12)
    assert admin.idle_lock_minutes(demo_db) == 12
    with pytest.raises(ValueError):
        admin.set_idle_lock_minutes(demo_db, users["admin"], 0)
    with pytest.raises(ScopeError):
        admin.set_idle_lock_minutes(demo_db, users["coord01"], 3)


def test_branches_areas_and_categories(demo_db):
    users = make_accounts(demo_db)
    boss = users["admin"]
    branch_id = admin.save_branch(demo_db, boss, None, "14", "見本支部", "見本公民館")
    with pytest.raises(ValueError):
        admin.save_branch(demo_db, boss, None, "14", "重複")
    area = admin.save_area(demo_db, boss, branch_id, None, "見本町自治会")
    assert [a.name for a in admin.list_areas(demo_db, boss, branch_id)] == ["見本町自治会"]
    admin.delete_area(demo_db, boss, area)
    used = next(a for a in admin.list_areas(demo_db, boss, users["coord01"].branch_id) if a.people)
    with pytest.raises(ValueError, match="削除できません"):
        admin.delete_area(demo_db, boss, used.id)
    cid = admin.save_category(demo_db, boss, None, "food", "食料支援")
    admin.save_category(demo_db, boss, cid, "food", "食料支援", active=False)
    food = next(c for c in admin.list_categories(demo_db, boss) if c.code == "food")
    assert not food.active
    with pytest.raises(ValueError):
        admin.save_category(demo_db, boss, cid, "meal", "食料支援")


def test_demo_accounts_only_on_a_demo_database(demo_db, tmp_path):
    make_accounts(demo_db)
    assert admin.demo_accounts(demo_db) == []
    from coordinator_app.services.accounts import DEMO_ACCOUNTS

    for login, password, name, role, branch in DEMO_ACCOUNTS:
        accounts.create_account(demo_db, login, name, role, password, branch, is_demo=True)
    shown = admin.demo_accounts(demo_db)
    assert [(d.login, d.password) for d in shown] == [(a[0], a[1]) for a in DEMO_ACCOUNTS]


# --- backups ------------------------------------------------------------------------

def _info(at: dt.datetime, reason: str = "auto") -> backups.BackupInfo:
    return backups.BackupInfo(Path(f"/x/{at:%Y%m%d%H%M%S}.db"), at, reason, 1)


def test_thinning_keeps_a_day_then_daily_then_monthly():
    now = dt.datetime(2026, 11, 26, 12, 0)
    made = [now - dt.timedelta(hours=h) for h in range(0, 24 * 400, 6)]
    delete = {b.taken_at for b in backups.thin_plan([_info(t) for t in made], now)}
    kept = sorted((t for t in made if t not in delete), reverse=True)
    assert all(t in kept for t in made if now - t < dt.timedelta(days=1))
    daily = [t for t in kept if dt.timedelta(days=1) <= now - t < dt.timedelta(days=14)]
    assert len({t.date() for t in daily}) == len(daily) >= 12
    monthly = [t for t in kept if dt.timedelta(days=14) <= now - t < dt.timedelta(days=365)]
    assert len({(t.year, t.month) for t in monthly}) == len(monthly) >= 11
    assert not [t for t in kept if now - t >= dt.timedelta(days=365)]
    # the newest is kept even when it is old
    old = [_info(now - dt.timedelta(days=800)), _info(now - dt.timedelta(days=900))]
    assert [b.taken_at for b in backups.thin_plan(old, now)] == [old[1].taken_at]


def test_backup_list_restore_keeps_the_current_database_aside(sqlite_db, tmp_path):
    with sqlite_db.session() as s:
        s.add(Branch(code="01", name="一番"))
    first = backups.make_backup(sqlite_db, "manual")
    key = sqlite_db.key  # None on a plain database
    assert first and first.path.is_file() and backups.check_backup(first.path, key) is None
    with sqlite_db.session() as s:
        s.add(Branch(code="02", name="二番"))
    assert [b.path for b in backups.list_backups(sqlite_db.path)] == [first.path]
    path = sqlite_db.path
    sqlite_db.close()
    result = backups.restore_backup(path, first.path, key=key)
    assert result.kept_aside is not None and result.kept_aside.is_file()
    reopened = Database.open(str(path), key=key)
    try:
        with reopened.session() as s:
            assert s.scalars(select(Branch.code)).all() == ["01"]
    finally:
        reopened.close()
    aside = connect_file(result.kept_aside, key)
    try:
        assert sorted(r[0] for r in aside.execute("SELECT code FROM branch")) == ["01", "02"]
    finally:
        aside.close()


def test_a_bad_backup_is_refused_and_nothing_is_replaced(sqlite_db, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    path = sqlite_db.path
    sqlite_db.close()
    before = path.read_bytes()
    with pytest.raises(Exception, match="使えません"):
        backups.restore_backup(path, bad)
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.replaced-*"))


def test_startup_check_states(sqlite_db, tmp_path):
    path, key = sqlite_db.path, sqlite_db.key  # an encrypted file is checked with its key
    assert backups.startup_check(path, key=key).state == "ok"
    good = backups.make_backup(sqlite_db, "manual")
    sqlite_db.close()
    for side in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        side.unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    data[100:4096] = os.urandom(3996)  # the schema page
    path.write_bytes(bytes(data))
    check = backups.startup_check(path, key=key)
    assert check.state == "damaged" and check.offers_restore and check.backup.path == good.path
    path.unlink()
    assert backups.startup_check(path, key=key).state == "missing"
    assert backups.startup_check(tmp_path / "other" / "new.db").state == "new"


def test_auto_backup_policy():
    policy = backups.AutoBackupPolicy()
    t0 = dt.datetime(2026, 11, 26, 9, 0)
    assert not policy.due(t0)
    policy.note_change()
    assert policy.due(t0)
    policy.taken(t0, 1)
    policy.note_change()
    assert not policy.due(t0 + dt.timedelta(minutes=29))
    assert policy.due(t0 + dt.timedelta(minutes=30))


def test_explain_db_error_is_japanese_and_never_echoes_sql():
    exc = sqlite3.OperationalError("database is locked")
    assert "使われている" in backups.explain_db_error(exc)
    assert "読み取り専用" in backups.explain_db_error(
        sqlite3.OperationalError("attempt to write a readonly database"))
    odd = backups.explain_db_error(ValueError("INSERT INTO person VALUES ('見本 太郎')"))
    assert "見本" not in odd and "INSERT" not in odd


# --- one instance per database, no network drives ------------------------------------

def test_a_second_instance_is_told_who_holds_the_database(tmp_path):
    db_path = tmp_path / "c.db"
    first = InstanceLock(db_path)
    first.acquire()
    try:
        with pytest.raises(InstanceLocked) as err:
            InstanceLock(db_path).acquire()
        holder = json.loads(lock_path(db_path).read_text())
        assert holder["pid"] == os.getpid()
        assert holder["user"] in str(err.value) and "使用中" in str(err.value)
    finally:
        first.release()
    assert not lock_path(db_path).exists()
    second = InstanceLock(db_path)
    second.acquire()
    second.release()


def test_a_stale_lock_of_a_dead_process_is_taken_over(tmp_path):
    db_path = tmp_path / "c.db"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    lock_path(db_path).write_text(json.dumps({"user": "someone", "host": "here",
                                              "pid": int(dead), "started": ""}))
    lock = InstanceLock(db_path)
    lock.acquire()
    try:
        assert json.loads(lock_path(db_path).read_text())["pid"] == os.getpid()
    finally:
        lock.release()


def test_a_lock_held_by_another_process_is_refused(tmp_path):
    db_path = tmp_path / "c.db"
    code = ("import sys, time; from coordinator_app.storage.instance_lock import InstanceLock; "
            f"l = InstanceLock(__import__('pathlib').Path({str(db_path)!r})); l.acquire(); "
            "print('held', flush=True); sys.stdin.readline(); l.release()")
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(InstanceLocked) as err:
            InstanceLock(db_path).acquire()
        assert str(child.pid) in str(err.value)
    finally:
        child.communicate("\n", timeout=10)


MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /mnt/nfs nfs4 rw 0 0
//nas/share /mnt/smb cifs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


def test_network_drives_are_refused():
    assert network_share_reason("/mnt/nfs/branch/c.db", MOUNTS, "linux")
    assert "ネットワーク" in network_share_reason("/mnt/smb/c.db", MOUNTS, "linux")
    assert network_share_reason("/home/me/c.db", MOUNTS, "linux") is None
    assert network_share_reason("/tmp/c.db", MOUNTS, "linux") is None
    assert network_share_reason("/mnt/nfsx/c.db", MOUNTS, "linux") is None
    assert network_share_reason(r"\\server\share\c.db", "", "win32")
    assert network_share_reason("//server/share/c.db", "", "linux")


# --- command line -----------------------------------------------------------------------

def test_init_makes_no_accounts_and_cli_actions_are_audited(tmp_path, monkeypatch):
    from coordinator_app.cli import main

    db_file = tmp_path / "cli.db"
    assert main(["--db", str(db_file), "init"]) == 0
    database = Database.open(str(db_file))
    try:
        assert not accounts.has_accounts(database)
        with database.session() as s:
            s.add(Branch(code="01", name="一番"))
        accounts.create_account(database, "boss", "管理者", "admin", "boss-password")
    finally:
        database.close()
    csv_file = tmp_path / "branches.csv"
    csv_file.write_text("code,name\n02,二番\n", encoding="utf-8")
    monkeypatch.setenv("COORDINATOR_APP_PASSWORD", "boss-password")
    assert main(["--db", str(db_file), "--user", "boss", "import", "branches", str(csv_file)]) == 0
    out = tmp_path / "t.csv"
    assert main(["--db", str(db_file), "--user", "boss", "export", "tallies",
                 "--fiscal-year", "2026", "--out", str(out)]) == 0
    database = Database.open(str(db_file))
    try:
        actions = [(r.actor, r.action) for r in audit_rows(database)]
    finally:
        database.close()
    assert actions[-4:] == [("boss", "sign_in"), ("boss", "import"),
                            ("boss", "sign_in"), ("boss", "export")]
    assert [b.reason for b in backups.list_backups(db_file)] == ["before-import"]


def test_demo_flag_is_parsed():
    from coordinator_app.cli import build_parser

    args = build_parser().parse_args(["--demo"])
    assert args.demo and args.command is None


def test_an_encrypted_backup_is_restored_with_its_key_file(tmp_path):
    pytest.importorskip("sqlcipher3")
    from coordinator_app.storage import keyfile
    path = tmp_path / "enc.db"
    key = keyfile.new_database_key()
    keyfile.KeyFile.new(key).save(keyfile.keys_path(path))
    db = Database.open(str(path), key=key, create=True)
    with db.session() as s:
        s.add(Branch(code="01", name="一番"))
    backup = backups.make_backup(db, "manual")
    assert backups.looks_encrypted(backup.path)
    assert backups.check_backup(backup.path) is not None  # unreadable without the key
    assert backups.check_backup(backup.path, key) is None
    with db.session() as s:
        s.add(Branch(code="02", name="二番"))
    db.close()
    with pytest.raises(Exception, match="暗号化"):
        backups.restore_backup(path, backup.path)
    result = backups.restore_backup(path, backup.path, key=key)
    assert keyfile.keys_path(result.kept_aside).is_file() and keyfile.keys_path(path).is_file()
    reopened = Database.open(str(path), key=key)
    try:
        with reopened.session() as s:
            assert s.scalars(select(Branch.code)).all() == ["01"]
    finally:
        reopened.close()


def test_the_shells_services_are_qt_free():
    code = ("import sys; import coordinator_app.services.audit, coordinator_app.services.backups, "
            "coordinator_app.services.home, coordinator_app.services.admin, "
            "coordinator_app.storage.instance_lock; print('PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parent.parent)
    assert out.stdout.strip() == "False", out.stderr
