"""``coordinator-app print contacts`` (docs/interchange.md): signs in like the
other commands, coordinators print only their branch, the branches list is
for anyone, and each print is registered."""

from __future__ import annotations

import subprocess

import pytest
from sqlalchemy import select

from coordinator_app import cli
from coordinator_app.core.models import PrintRecord
from coordinator_app.services import accounts
from coordinator_app.storage.database import Database
from tests.conftest import key_of


def text_of(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def registered(path) -> list[PrintRecord]:
    db = Database.open(str(path), key=key_of(path))
    try:
        with db.session() as s:
            return list(s.scalars(select(PrintRecord).order_by(PrintRecord.id)).all())
    finally:
        db.close()


@pytest.fixture
def demo_file(demo_db):
    return demo_db.path


def test_print_without_accounts_needs_a_branch_for_personal_lists(demo_file, tmp_path, capsys):
    out = tmp_path / "w.pdf"
    assert cli.main(["--db", str(demo_file), "print", "contacts", "--list", "watch-users",
                     "--branch", "01", "--out", str(out), "--recipient", "東町", "--copies", "2"]) == 0
    assert "控番号 1〜2" in capsys.readouterr().out
    text = text_of(out)
    assert "取扱注意・個人情報を含みます" in text and "上尾東支部" in text
    assert cli.main(["--db", str(demo_file), "print", "contacts", "--list", "volunteers",
                     "--out", str(tmp_path / "v.pdf")]) == 1
    assert "--branch" in capsys.readouterr().err
    assert cli.main(["--db", str(demo_file), "print", "contacts", "--list", "branches",
                     "--out", str(tmp_path / "b.pdf")]) == 0
    rows = registered(demo_file)
    assert [(r.list_kind, r.copies, r.recipient, r.printed_by) for r in rows] == \
        [("watch_users", 2, "東町", "cli"), ("branches", 1, "", "cli")]


def test_print_with_accounts_signs_in_and_keeps_to_the_branch(demo_db, tmp_path, capsys,
                                                             monkeypatch):
    accounts.create_account(demo_db, "coord01", "東", "coordinator", "password-01", "01")
    accounts.create_account(demo_db, "city", "市", "city_staff", "password-city")
    path = str(demo_db.path)
    out = tmp_path / "v.pdf"

    def run(user, password, *args):
        monkeypatch.setenv(cli.ENV_PASSWORD, password)
        return cli.main(["--db", path, "--user", user, "print", "contacts", *args,
                         "--out", str(out)])

    assert cli.main(["--db", path, "print", "contacts", "--list", "branches",
                     "--out", str(out)]) == 1  # must sign in
    assert run("coord01", "wrong-password", "--list", "volunteers") == 1
    assert run("coord01", "password-01", "--list", "volunteers") == 0
    assert "ボランティア名簿" in text_of(out)
    assert run("coord01", "password-01", "--list", "watch-users", "--branch", "02") == 1
    assert "自分の支部" in capsys.readouterr().err
    assert run("city", "password-city", "--list", "watch-users", "--branch", "01") == 1
    assert run("city", "password-city", "--list", "branches") == 0
    assert "西上尾第二団地支部拠点" in text_of(out)
    rows = registered(path)
    assert [(r.list_kind, r.printed_by) for r in rows] == \
        [("volunteers", "coord01"), ("branches", "city")]
