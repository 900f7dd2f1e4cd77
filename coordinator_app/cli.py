"""The command line of the interchange contract (INTERCHANGE.md).

``coordinator-app`` with no subcommand opens the desktop app. Every error
prints one line on stderr and exits non-zero; a failed command changes
nothing in the database.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from coordinator_app import __version__

ENV_PASSWORD = "COORDINATOR_APP_PASSWORD"


class CommandError(Exception):
    """A refusal with a one-line Japanese reason."""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="coordinator-app",
        description="社協支部コーディネーターのための記録・集計アプリ",
    )
    p.add_argument("--version", action="version", version=__version__)
    p.add_argument("--db", help="SQLite のファイルパス、または SQLAlchemy の URL")
    p.add_argument("--user", help="アカウントのあるデータベースで使うログイン名"
                                  f"（パスワードは ${ENV_PASSWORD} か入力）")
    sub = p.add_subparsers(dest="command")

    s = sub.add_parser("init", help="データベースを作成する")
    s.add_argument("--sample", action="store_true", help="デモデータを読み込む")

    s = sub.add_parser("import", help="台帳CSVを取り込む")
    s.add_argument("kind", choices=["branches", "consultations", "watch-users",
                                    "watch-contacts", "volunteers"])
    s.add_argument("file", type=Path)

    s = sub.add_parser("export", help="集計ファイルを書き出す")
    s.add_argument("what", choices=["tallies"])
    s.add_argument("--fiscal-year", type=int, required=True)
    s.add_argument("--branch")
    s.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    s.add_argument("--out", type=Path, required=True)

    s = sub.add_parser("consolidate", help="支部の集計ファイルをまとめる（市社協）")
    s.add_argument("files", nargs="+", type=Path)
    s.add_argument("--out", type=Path, required=True)

    s = sub.add_parser("backup", help="データベースをバックアップする")
    s.add_argument("--out", type=Path, required=True)
    return p




def _sign_in(db, login: str | None):
    """On a database with accounts, scripts sign in like people do."""
    from coordinator_app import accounts

    if not accounts.has_accounts(db):
        return None
    if not login:
        raise CommandError("このデータベースにはアカウントがあります。--user でログイン名を指定してください")
    password = os.environ.get(ENV_PASSWORD)
    if password is None:
        if not sys.stdin or not sys.stdin.isatty():
            raise CommandError(f"パスワードを ${ENV_PASSWORD} で渡すか、端末で入力してください")
        password = getpass.getpass("パスワード: ")
    try:
        who = accounts.authenticate(db, login, password)
    except accounts.AuthError as exc:
        raise CommandError(str(exc)) from None
    db.actor = who.login
    return who


def _require(who, *roles: str) -> None:
    if who is not None and who.role not in roles:
        raise CommandError("この操作を行う権限がありません")


def run(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from coordinator_app.ui.app import run_gui

        return run_gui(db=args.db)

    from coordinator_app.database import Database

    db = Database.open(args.db)
    try:
        return _dispatch(args, db)
    finally:
        db.close()


def _dispatch(args, db) -> int:
    from coordinator_app import importer, tallies
    from coordinator_app.models import Branch
    from coordinator_app.store import backup_sqlite
    from sqlalchemy import func, select

    if args.command == "init":
        with db.session() as s:
            has_branches = s.scalar(select(func.count()).select_from(Branch))
        if args.sample:
            if has_branches:
                raise CommandError("データベースにはすでにデータがあります。デモデータは空のデータベースにだけ読み込めます")
            from coordinator_app.sample import load_sample

            counts = load_sample(db)
            print("デモデータを読み込みました: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        print(f"データベース: {db.display_name}（{db.prepared}）")
        return 0

    who = _sign_in(db, args.user)
    if args.command == "import":
        _require(who, "admin", "coordinator")
        if not args.file.is_file():
            raise CommandError(f"ファイルが見つかりません: {args.file}")
        if who is not None and who.role == "coordinator":
            _check_branch_scope(args.file, args.kind, who)
        result = importer.import_ledger(db, args.kind, args.file)
        print(result.summary())
        return 0

    if args.command == "export":
        codes = None
        if who is not None and who.role == "coordinator":
            if args.branch and args.branch != who.branch_code:
                raise CommandError("コーディネーターは自分の支部の集計だけを書き出せます")
            codes = [who.branch_code]
        if args.branch:
            with db.session() as s:
                if s.scalar(select(Branch.id).where(Branch.code == args.branch)) is None:
                    raise CommandError(f"支部コード {args.branch} は登録されていません")
            codes = [args.branch]
        with db.session() as s:
            rows = tallies.compute(s, args.fiscal_year, codes)
            names = dict(s.execute(select(Branch.code, Branch.name)).all())
        if args.format == "xlsx":
            tallies.write_xlsx(rows, args.out, names)
        else:
            tallies.write_csv(rows, args.out)
        with db.session() as s:
            db.audit(s, "export", "tallies", None,
                     f"fy={args.fiscal_year} branch={args.branch or 'all'} format={args.format}")
        print(f"{len(rows)} 行を書き出しました: {args.out}")
        return 0

    if args.command == "consolidate":
        for f in args.files:
            if not f.is_file():
                raise CommandError(f"ファイルが見つかりません: {f}")
        rows = tallies.consolidate(args.files)
        tallies.write_csv(rows, args.out)
        print(f"{len(args.files)} ファイル、{len(rows)} 行をまとめました: {args.out}")
        return 0

    if args.command == "backup":
        _require(who, "admin", "coordinator")
        result = backup_sqlite(db.engine, args.out)
        with db.session() as s:
            db.audit(s, "backup", "database", None, f"bytes={result.size}")
        print(f"バックアップしました: {result.path}（{result.size:,} バイト）")
        return 0
    raise CommandError(f"不明なコマンドです: {args.command}")


def _check_branch_scope(path: Path, kind: str, who) -> None:
    """A coordinator imports only their own branch's rows."""
    from coordinator_app.importer import COLUMNS
    from coordinator_app.ledger import read_ledger

    if kind == "branches":
        raise CommandError("支部の登録は管理者だけができます")
    for row in read_ledger(path, COLUMNS[kind]):
        if row.values.get("branch_code") != who.branch_code:
            raise CommandError(f"line {row.line}: branch_code: 自分の支部（{who.branch_code}）以外の行は取り込めません")


def main(argv: list[str] | None = None) -> int:
    from coordinator_app.ledger import LedgerError
    from coordinator_app.store import StoreError
    from coordinator_app.tallies import TallyError

    try:
        return run(argv)
    except LedgerError as exc:
        lines = str(exc).splitlines()
        print(f"取り込めません（{exc.total} 件のエラー、何も変更していません）: " + " / ".join(lines),
              file=sys.stderr)
        return 2
    except (CommandError, StoreError, TallyError, OSError) as exc:
        print(f"エラー: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # the one line the contract asks for, not a traceback
        # Never echo SQL parameters: they may hold names and addresses.
        reason = getattr(exc, "orig", None) or exc
        first = str(reason).splitlines()[0] if str(reason) else ""
        print(f"エラー: {type(reason).__name__}: {first}", file=sys.stderr)
        return 1
