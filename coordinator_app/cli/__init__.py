"""The command line of the interchange contract (docs/interchange.md).

``coordinator-app`` with no subcommand opens the desktop app. Every error
prints one line on stderr and exits non-zero; a failed command changes
nothing in the database.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from pathlib import Path

from coordinator_app import __version__

ENV_PASSWORD = "COORDINATOR_APP_PASSWORD"
ENV_RECOVERY_KEY = "COORDINATOR_APP_RECOVERY_KEY"


class CommandError(Exception):
    """A refusal with a one-line Japanese reason."""


BUSY_MESSAGE = ("他のプログラムがデータベースを使用中です。しばらくしてからもう一度実行してください"
                "（何も変更していません）")
# Pauses (seconds) before trying a unit of work again when the database is
# busy: another import holds the write lock for a moment (each try also
# waits store.BUSY_TIMEOUT_MS for the lock first).
BUSY_RETRY_PAUSES = (0.5, 1.0, 2.0)


class _Parser(argparse.ArgumentParser):
    """Usage errors are one line on stderr too, like every other error."""

    def error(self, message: str):
        raise CommandError(f"{self.prog}: {message}（--help で使い方を表示）")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="coordinator-app",
        description="社協支部コーディネーターのための記録・集計アプリ",
    )
    p.add_argument("--version", action="version", version=__version__)
    p.add_argument("--db", help="SQLite のファイルパス、または SQLAlchemy の URL")
    p.add_argument("--user", help="アカウントのあるデータベースで使うログイン名"
                                  f"（パスワードは ${ENV_PASSWORD} か入力）")
    p.add_argument("--demo", action="store_true",
                   help="デモ用のデータベース（なければ作成）でデスクトップアプリを開く")
    p.add_argument("--plain", action="store_true",
                   help="暗号化しないデータベースとして扱う（暗号化されたファイルは開かない）")
    sub = p.add_subparsers(dest="command")

    s = sub.add_parser("init", help="データベースを作成する")
    s.add_argument("--sample", action="store_true", help="デモデータを読み込む")
    s.add_argument("--encrypt", action="store_true",
                   help="暗号化したデータベースを作る（--user が最初の管理者になる）")

    s = sub.add_parser("encrypt", help="暗号化されていないデータベースを暗号化する（管理者、--user）。"
                                        "暗号化されていない元のファイルとバックアップは暗号化して置き換える")
    s.add_argument("--remove-plain-copies", action="store_true",
                   help="暗号化されていないバックアップなどを、暗号化せずに上書きして削除する"
                        "（この指定が削除の確認になります）")
    sub.add_parser("recover", help="回復キーでアカウントのパスワードを再設定する（--user）")

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

    s = sub.add_parser("print", help="一覧をPDFに印刷する（印刷台帳に記録）")
    s.add_argument("what", choices=["contacts"])
    s.add_argument("--list", dest="list_name", required=True,
                   choices=["branches", "volunteers", "watch-users"])
    s.add_argument("--branch")
    s.add_argument("--recipient", default="", help="渡す相手（印刷台帳に記録）")
    s.add_argument("--copies", type=int, default=1)
    s.add_argument("--out", type=Path, required=True)

    s = sub.add_parser("indicators", help="指標（目標・実績・評価）を書き出す")
    s.add_argument("--fiscal-year", type=int, required=True)
    s.add_argument("--format", choices=["csv", "pdf"], default="csv")
    s.add_argument("--source", choices=["local", "consolidated"], default="local",
                   help="実績の計算元: この端末の記録（local）か集約した集計ファイル（consolidated）")
    s.add_argument("--out", type=Path, required=True)

    s = sub.add_parser("backup", help="データベースをバックアップする"
                       "（管理者: ファイル全体、コーディネーター: 自分の支部だけ）")
    s.add_argument("--out", type=Path, required=True)
    return p




def _read_password(confirm: bool = False) -> str:
    """$COORDINATOR_APP_PASSWORD, else asked on the terminal (twice when
    setting a new one)."""
    password = os.environ.get(ENV_PASSWORD)
    if password is not None:
        return password
    if not sys.stdin or not sys.stdin.isatty():
        raise CommandError(f"パスワードを ${ENV_PASSWORD} で渡すか、端末で入力してください")
    password = getpass.getpass("パスワード: ")
    if confirm and getpass.getpass("パスワード（確認）: ") != password:
        raise CommandError("確認のパスワードが一致しません")
    return password


def _sign_in(db, args):
    """On a database with accounts, scripts sign in like people do. The
    password (asked once) stays in ``args.password``: a coordinator's copy
    of an encrypted database is wrapped with it."""
    from coordinator_app.services import accounts
    if not accounts.has_accounts(db):
        return None
    if not args.user:
        raise CommandError("このデータベースにはアカウントがあります。--user でログイン名を指定してください")
    if getattr(args, "password", None) is None:
        args.password = _read_password()
    try:
        who = _retry_busy(lambda: accounts.authenticate(db, args.user, args.password))
    except accounts.AuthError as exc:
        raise CommandError(str(exc)) from None
    db.actor = who.login
    return who


def _retry_busy(work):
    """Run one unit of work (one transaction), trying it again after a
    short pause while another program holds the database's write lock.
    A unit that failed changed nothing, so trying again is safe."""
    from coordinator_app.services.backups import is_busy

    for pause in (*BUSY_RETRY_PAUSES, None):
        try:
            return work()
        except Exception as exc:
            if pause is None or not is_busy(exc):
                raise
        time.sleep(pause)


def _require(who, *roles: str) -> None:
    if who is not None and who.role not in roles:
        raise CommandError("この操作を行う権限がありません")


def run(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from coordinator_app.ui.app import run_gui

        return run_gui(db=args.db, demo=args.demo)

    if args.command in ("encrypt", "recover") or (args.command == "init" and args.encrypt):
        return _encryption_command(args)
    # Refusals that need no database come first, so that a failed command
    # does not even create one.
    for f in [args.file] if args.command == "import" else \
            args.files if args.command == "consolidate" else []:
        if not f.is_file():
            raise CommandError(f"ファイルが見つかりません: {f}")
    db = _open(args)
    try:
        return _dispatch(args, db)
    finally:
        db.close()


def _dispatch(args, db) -> int:
    from sqlalchemy import func, select

    from coordinator_app.core import counting
    from coordinator_app.core.models import Branch, Category, Role
    from coordinator_app.interchange import importer, tally_file

    if args.command == "init":
        with db.session() as s:
            has_branches = s.scalar(select(func.count()).select_from(Branch))
        if args.sample:
            if has_branches:
                raise CommandError("データベースにはすでにデータがあります。デモデータは空のデータベースにだけ読み込めます")
            from coordinator_app.services.demo import load_sample

            counts = load_sample(db)
            print("デモデータを読み込みました: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        print(f"データベース: {db.display_name}（{db.prepared}）")
        return 0

    who = _sign_in(db, args)
    if args.command == "import":
        from coordinator_app.services import backups

        _require(who, "admin", "coordinator")
        # Read once: the branch check and the import see the same bytes,
        # so the file cannot be swapped between them (issue 14).
        data = args.file.read_bytes()
        only_branch = who.branch_code if who is not None and who.role == "coordinator" else None
        taken = backups.backup_before_import(db)
        try:
            result = _retry_busy(lambda: importer.import_ledger(db, args.kind, data,
                                                                only_branch=only_branch))
        except BaseException:
            if taken is not None:  # the database is as the backup before it holds it
                backups.discard_backup(taken)
            raise
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
        if not 1989 <= args.fiscal_year <= 2100:
            raise CommandError(f"年度は西暦4桁で指定してください（例: 2025 = 令和7年度）: {args.fiscal_year}")
        with db.session() as s:
            rows = counting.compute(s, args.fiscal_year, codes, parallel=True)
            names = dict(s.execute(select(Branch.code, Branch.name)).all())
            labels = {"category": dict(s.execute(select(Category.code, Category.label)).all()),
                      "role": dict(s.execute(select(Role.code, Role.label)).all())}
        if args.format == "xlsx":
            tally_file.write_xlsx(rows, args.out, names, labels, fiscal_year=args.fiscal_year)
        else:
            tally_file.write_csv(rows, args.out)
        with db.session() as s:
            db.audit(s, "export", "tallies", None,
                     f"fy={args.fiscal_year} branch={args.branch or 'all'} format={args.format}")
        print(f"{len(rows)} 行を書き出しました: {args.out}")
        return 0

    if args.command == "consolidate":
        _require(who, "admin", "city_staff")  # the city office's work, not a branch's
        for f in args.files:
            if not f.is_file():
                raise CommandError(f"ファイルが見つかりません: {f}")
        rows = tally_file.consolidate(args.files)
        tally_file.write_csv(rows, args.out)
        with db.session() as s:
            db.audit(s, "export", "tallies", None, f"consolidate files={len(args.files)}")
        print(f"{len(args.files)} ファイル、{len(rows)} 行をまとめました: {args.out}")
        return 0

    if args.command == "print":
        from coordinator_app.services import printing
        from coordinator_app.services.scope import ScopeError

        try:
            result = printing.print_contacts(db, who, args.list_name, args.branch, args.out,
                                             args.recipient, args.copies)
        except (printing.PrintError, ScopeError) as exc:
            raise CommandError(str(exc)) from None
        print(result.summary())
        return 0

    if args.command == "indicators":
        from coordinator_app.services import indicators as indicator_service

        try:
            n = indicator_service.run_command(db, who, args.fiscal_year, args.format, args.out,
                                              args.source)
        except (ValueError, PermissionError, LookupError) as exc:
            raise CommandError(str(exc)) from None
        print(f"指標を書き出しました（{n}）: {args.out}")
        return 0

    if args.command == "backup":
        from coordinator_app.services import backups
        from coordinator_app.services.scope import ScopeError

        try:
            result = backups.backup_to(db, who, args.out, getattr(args, "password", None))
        except ScopeError as exc:
            raise CommandError(str(exc)) from None
        what = "ファイル全体" if result.scope == "full" else f"支部 {who.branch_code} の記録だけ"
        print(f"バックアップしました（{what}）: {result.path}（{result.size:,} バイト）")
        if db.encrypted:
            from coordinator_app.storage.keyfile import keys_path

            whose = "" if result.scope == "full" else "（あなたのパスワードだけで開けます）"
            print(f"暗号化されています。鍵ファイル {keys_path(result.path).name} も一緒に保管してください"
                  + whose)
        return 0
    raise CommandError(f"不明なコマンドです: {args.command}")


def _open(args):
    """Open --db. Only ``init`` creates a database: for every other command
    a missing one is refused and nothing is created. An encrypted file is
    unlocked first with --user and the password (then reused for sign-in,
    so it is asked once). Leftovers of interrupted backups are removed."""
    from coordinator_app.services.backups import remove_leftovers
    from coordinator_app.storage import encryption, keyfile
    from coordinator_app.storage.database import Database
    from coordinator_app.storage.engine import resolve_url, sqlite_path

    path = sqlite_path(resolve_url(args.db))
    if path is None or not encryption.is_encrypted(path):
        db = Database.open(args.db, create=args.command == "init")
    elif args.plain:
        raise CommandError("このデータベースは暗号化されています（--plain では開けません）")
    elif keyfile.remembered_key(path) is not None:
        db = Database.open(args.db)
    elif not args.user:
        raise CommandError("このデータベースは暗号化されています。--user でログイン名を指定してください")
    else:
        args.password = _read_password()
        db = encryption.open_encrypted(path, args.user, args.password, actor=args.user)
    if path is not None:
        remove_leftovers(path)
    return db


def _encryption_command(args) -> int:
    """init --encrypt, encrypt and recover: they work on the file itself."""
    from coordinator_app.storage import encryption
    from coordinator_app.storage.engine import resolve_url, sqlite_path

    path = sqlite_path(resolve_url(args.db))
    if path is None:
        raise CommandError("暗号化はファイルの SQLite データベースでだけ使えます")
    if args.plain:
        raise CommandError(f"--plain と {args.command} は同時に指定できません")
    if not args.user:
        raise CommandError("--user でログイン名を指定してください"
                           + ("（最初の管理者になります）" if args.command == "init" else ""))
    try:
        if args.command == "init":
            if path.exists() and path.stat().st_size > 0:
                raise CommandError(f"既にデータベースがあります: {path}"
                                   "（暗号化するには coordinator-app encrypt）")
            password = _read_password(confirm=True)
            recovery = encryption.create_encrypted(path, args.user, password)
            print(f"暗号化したデータベースを作成しました: {path}（管理者 {args.user.strip()}）")
            if args.sample:
                from coordinator_app.services.demo import load_sample

                db = encryption.open_encrypted(path, args.user, password, actor=args.user)
                try:
                    counts = load_sample(db)
                finally:
                    db.close()
                print("デモデータを読み込みました: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
            print(f"鍵ファイル: {encryption.keys_path(path)}（データベースと同じフォルダーに置いてください）")
            print(encryption.RECOVERY_KEY_NOTICE)
            print(f"    {recovery}")
            return 0
        if args.command == "encrypt":
            if not path.is_file():
                raise CommandError(f"データベースが見つかりません: {path}")
            if encryption.is_encrypted(path):
                raise CommandError("このデータベースは既に暗号化されています")
            with _only_app_on(path):
                result = encryption.convert_to_encrypted(
                    path, args.user, _read_password(),
                    plain_copies_action="remove" if args.remove_plain_copies else "encrypt")
            print(f"暗号化しました: {result.path}（{result.tables} 表・{result.rows:,} 行と"
                  f" {len(result.fiscal_years)} 年度分の集計が元と一致）")
            for line in encryption.conversion_report(result):
                print(line)
            print(encryption.RECOVERY_KEY_NOTICE)
            print(f"    {result.recovery_key}")
            return 0
        # recover
        if not path.is_file():
            raise CommandError(f"データベースが見つかりません: {path}")
        if not encryption.is_encrypted(path):
            raise CommandError("このデータベースは暗号化されていません")
        recovery = os.environ.get(ENV_RECOVERY_KEY)
        if recovery is None:
            if not sys.stdin or not sys.stdin.isatty():
                raise CommandError(f"回復キーを ${ENV_RECOVERY_KEY} で渡すか、端末で入力してください")
            recovery = getpass.getpass("回復キー: ")
        if os.environ.get(ENV_PASSWORD) is None:
            print("新しいパスワードを設定します", file=sys.stderr)
        new_password = _read_password(confirm=True)
        with _only_app_on(path):  # the re-key would break an app that has the file open
            rekeyed = encryption.reset_password_with_recovery_key(path, recovery, args.user,
                                                                  new_password)
        print(f"回復キーで「{args.user.strip()}」のパスワードを再設定しました")
        for line in encryption.rekey_report(rekeyed):
            print(line)
        if rekeyed.recovery_key:
            print(encryption.RECOVERY_KEY_NOTICE)
            print(f"    {rekeyed.recovery_key}")
        return 0
    except ValueError as exc:
        raise CommandError(str(exc)) from None


def _only_app_on(path: Path):
    """The desktop app's one-app-per-file lock, held while the file is
    replaced or re-keyed; refused while an app has it open."""
    from coordinator_app.storage.instance_lock import InstanceLock, InstanceLocked

    lock = InstanceLock(path)
    try:
        lock.acquire()
    except InstanceLocked as exc:
        raise CommandError(str(exc).replace("\n", " ")) from None
    return lock


def main(argv: list[str] | None = None) -> int:
    from coordinator_app.interchange.ledger import LedgerError
    from coordinator_app.interchange.tally_file import TallyError
    from coordinator_app.storage.engine import StoreError
    from coordinator_app.storage.private_files import owner_only

    try:
        with owner_only():  # the command line and the desktop app create owner-only files
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
        from coordinator_app.services.backups import is_busy

        if is_busy(exc):
            print(f"エラー: {BUSY_MESSAGE}", file=sys.stderr)
            return 1
        # Never echo SQL parameters: they may hold names and addresses.
        reason = getattr(exc, "orig", None) or exc
        first = str(reason).splitlines()[0] if str(reason) else ""
        print(f"エラー: {type(reason).__name__}: {first}", file=sys.stderr)
        return 1
