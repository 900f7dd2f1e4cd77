"""The command line of the interchange contract (docs/interchange.md).

``coordinator-app`` with no subcommand opens the desktop app. Every error
prints one line on stderr and exits non-zero; a failed command changes
nothing in the database.

This module parses arguments and prints; the work is done by the same
service calls the desktop app makes (``services``), under the same
start-up policy (``services.session``). Each command imports what it needs
in its handler, so that ``--version`` and ``--help`` load nothing else.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from typing import Iterator

from coordinator_app import __version__

ENV_PASSWORD = "COORDINATOR_APP_PASSWORD"
ENV_RECOVERY_KEY = "COORDINATOR_APP_RECOVERY_KEY"


class CommandError(Exception):
    """A refusal with a one-line Japanese reason."""


BUSY_MESSAGE = ("他のプログラムがデータベースを使用中です。しばらくしてからもう一度実行してください"
                "（何も変更していません）")


# argparse's own messages and headings, by their msgid (argparse looks them
# up through its module-level ``_``/``ngettext``, i.e. gettext), so that a
# usage error or --help reads in Japanese like the rest of the app.
ARGPARSE_JA = {
    "usage: ": "使い方: ",
    "positional arguments": "引数",
    "options": "オプション",
    "show this help message and exit": "この説明を表示して終了する",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "the following arguments are required: %s": "次の指定が必要です: %s",
    "unrecognized arguments: %s": "使えない指定があります: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "%(value)r は選べません（選べるもの: %(choices)s）",
    "invalid %(type)s value: %(value)r": "%(value)r は正しい値ではありません（%(type)s）",
    "expected one argument": "値を1つ指定してください",
    "expected at most one argument": "値は1つまでです",
    "expected at least one argument": "値を1つ以上指定してください",
    "expected %s argument": "値を%s個指定してください",
    "expected %s arguments": "値を%s個指定してください",
    "not allowed with argument %s": "%s と同時には指定できません",
    "one of the arguments %s is required": "%s のどれか1つを指定してください",
    "ignored explicit argument %r": "このオプションは値を取りません（%r）",
    "ambiguous option: %(option)s could match %(matches)s":
        "%(option)s だけではどのオプションか決まりません（候補: %(matches)s）",
    "unexpected option string: %s": "ここでは使えないオプションです: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "%(parser_name)r は選べません（選べるもの: %(choices)s）",
    "can't open '%(filename)s': %(error)s": "「%(filename)s」を開けません: %(error)s",
}


@contextlib.contextmanager
def _japanese_argparse() -> Iterator[None]:
    """While the block runs, argparse speaks Japanese (restored after, so
    other users of argparse in the process are not affected)."""
    saved = argparse._, argparse.ngettext
    argparse._ = lambda text: ARGPARSE_JA.get(text, text)
    argparse.ngettext = lambda one, many, n: ARGPARSE_JA.get(one if n == 1 else many,
                                                             one if n == 1 else many)
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class _Parser(argparse.ArgumentParser):
    """Usage errors are one line on stderr too, like every other error;
    every message and heading of argparse is in Japanese."""

    def __init__(self, *args, **kwargs) -> None:
        with _japanese_argparse():
            super().__init__(*args, **kwargs)

    def parse_args(self, *args, **kwargs):
        with _japanese_argparse():
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args, **kwargs):
        with _japanese_argparse():
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        with _japanese_argparse():
            return super().format_usage()

    def format_help(self) -> str:
        with _japanese_argparse():
            return super().format_help()

    def error(self, message: str):
        raise CommandError(f"{self.prog}: {message}（--help で使い方を表示）")


def integer(text: str) -> int:
    """An argparse type: a whole number, refused in Japanese."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"「{text}」は数字で指定してください") from None


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="coordinator-app",
        description="社協支部コーディネーターのための記録・集計アプリ",
    )
    p.add_argument("--version", action="version", version=__version__,
                   help="バージョンを表示して終了する")
    p.add_argument("--db", help="SQLite のファイルパス、または SQLAlchemy の URL")
    p.add_argument("--user", help="アカウントのあるデータベースで使うログイン名"
                                  f"（パスワードは ${ENV_PASSWORD} か入力）")
    p.add_argument("--demo", action="store_true",
                   help="デモ用のデータベース（なければ作成）でデスクトップアプリを開く")
    p.add_argument("--plain", action="store_true",
                   help="暗号化しないデータベースとして扱う（暗号化されたファイルは開かない）")
    sub = p.add_subparsers(dest="command", metavar="コマンド")

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
                                    "watch-contacts", "volunteers", "groups", "events"],
                   metavar="KIND", help="台帳の種類: %(choices)s")
    s.add_argument("file", type=Path, metavar="FILE", help="台帳（CSV、xlsx、xls）")
    s.add_argument("--sheet", metavar="シート名", help="読むシート（既定: 最初のシート、または割り当てのシート）")
    s.add_argument("--mapping", metavar="割り当て名", help="取り込みウィザードで保存した列の割り当ての名前")

    s = sub.add_parser("export", help="集計ファイルを書き出す")
    s.add_argument("what", choices=["tallies"], metavar="tallies")
    period = s.add_mutually_exclusive_group(required=True)
    period.add_argument("--fiscal-year", type=integer, help="年度（西暦、例: 2025 = 令和7年度）")
    period.add_argument("--month", metavar="YYYY-MM", help="その月だけ（例: 2026-10）")
    s.add_argument("--branch")
    s.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    s.add_argument("--out", type=Path, required=True)

    s = sub.add_parser("consolidate", help="支部の集計ファイルをまとめる（市社協）")
    s.add_argument("files", nargs="+", type=Path, metavar="TALLY_FILE",
                   help="支部から届いた集計ファイル")
    s.add_argument("--out", type=Path, required=True)

    s = sub.add_parser("print", help="一覧をPDFに印刷する（印刷台帳に記録）")
    s.add_argument("what", choices=["contacts"], metavar="contacts")
    s.add_argument("--list", dest="list_name", required=True,
                   choices=["branches", "volunteers", "watch-users"])
    s.add_argument("--branch")
    s.add_argument("--recipient", default="", help="渡す相手（印刷台帳に記録）")
    s.add_argument("--copies", type=integer, default=1)
    s.add_argument("--out", type=Path, required=True)

    s = sub.add_parser("indicators", help="指標（目標・実績・評価）を書き出す")
    s.add_argument("--fiscal-year", type=integer, required=True)
    s.add_argument("--format", choices=["csv", "pdf"], default="csv")
    s.add_argument("--source", choices=["local", "consolidated"], default="local",
                   help="実績の計算元: この端末の記録（local）か集約した集計ファイル（consolidated）")
    s.add_argument("--out", type=Path, required=True)

    s = sub.add_parser("server", help="市の共有サーバー（PostgreSQL）を準備する（市の情報担当）")
    server_sub = s.add_subparsers(dest="server_command", metavar="server-command", required=True)
    s = server_sub.add_parser("init", help="スキーマの作成・更新と、データベース側の権限"
                              "（アカウントごとのロール、支部ごとの行レベルセキュリティ）の設定")
    s.add_argument("--url", help="所有者ロールで接続する PostgreSQL の URL（省略時は --db）")
    s.add_argument("--admin", metavar="ログイン名",
                   help="この管理者アカウントを作成（既にあればパスワードを再設定）"
                        f"。パスワードは ${ENV_PASSWORD} か入力")
    s.add_argument("--admin-name", metavar="表示名", default="", help="--admin の表示名")

    s = sub.add_parser("backup", help="データベースをバックアップする"
                       "（管理者: ファイル全体、コーディネーター: 自分の支部だけ）")
    s.add_argument("--out", type=Path, required=True)
    _name_values(p)
    return p


# The placeholder of an option's value in --help (argparse would print the
# option's name in capitals: FISCAL_YEAR, OUT).
METAVARS = {"db": "ファイルまたはURL", "user": "ログイン名", "fiscal_year": "年度",
            "branch": "支部コード", "out": "ファイル", "recipient": "渡す相手",
            "copies": "部数", "url": "URL"}


def _name_values(parser: argparse.ArgumentParser) -> None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _name_values(sub)
        elif action.option_strings and action.nargs != 0 and action.metavar is None \
                and action.choices is None:
            action.metavar = METAVARS.get(action.dest, "値")


# Commands that write to the database hold the one-app-per-file lock while
# they run, like the desktop app (services.session); the others only read
# (and audit what they read) and run beside an open app.
WRITES = ("init", "import", "encrypt", "recover")


def _read_password(confirm: bool = False) -> str:
    """$COORDINATOR_APP_PASSWORD, else asked on the terminal (twice when
    setting a new one)."""
    import getpass

    password = os.environ.get(ENV_PASSWORD)
    if password is not None:
        return password
    if not sys.stdin or not sys.stdin.isatty():
        raise CommandError(f"パスワードを ${ENV_PASSWORD} で渡すか、端末で入力してください")
    password = getpass.getpass("パスワード: ")
    if confirm and getpass.getpass("パスワード（確認）: ") != password:
        raise CommandError("確認のパスワードが一致しません")
    return password


def _read_recovery_key() -> str:
    import getpass

    recovery = os.environ.get(ENV_RECOVERY_KEY)
    if recovery is not None:
        return recovery
    if not sys.stdin or not sys.stdin.isatty():
        raise CommandError(f"回復キーを ${ENV_RECOVERY_KEY} で渡すか、端末で入力してください")
    return getpass.getpass("回復キー: ")


def _one_line(exc: BaseException) -> str:
    return str(exc).replace("\n", " ")


# --- the database of a command -------------------------------------------------------

@contextlib.contextmanager
def _policy(args) -> Iterator[Path | None]:
    """The start-up policy for one command (services.session): the SQLite
    file of --db (None for a server database), refused on a network
    drive; a command that writes holds the one-app-per-file lock while it
    runs. A missing file is not locked (that would create its folder):
    only ``init`` makes one."""
    from coordinator_app.services import session

    _url, path = session.locate(args.db)
    lock = None
    if path is not None:
        try:
            session.check_location(path)
            if args.command in WRITES and (args.command == "init" or path.exists()):
                lock = session.lock_file(path)
        except session.Refused as exc:
            raise CommandError(_one_line(exc)) from None
    try:
        yield path
    finally:
        if lock is not None:
            lock.release()


@contextlib.contextmanager
def _database(args, path: Path | None, create: bool = False):
    """The open database of --db. Only ``init`` creates one: for every
    other command a missing one is refused and nothing is created. An
    encrypted file is unlocked with --user and the password (kept in
    ``args.password`` for the sign-in, so it is asked once). Leftovers of
    interrupted backups are removed."""
    from coordinator_app.services import backups, session

    try:
        if args.user and session.signs_in_to_server(session.locate(args.db)[0]):
            from coordinator_app.core.access import AuthError

            args.password = _read_password()  # the account's own, also for the sign-in
            try:
                db = session.open_server(session.locate(args.db)[0], args.user, args.password)
            except AuthError as exc:
                raise CommandError(str(exc)) from None
        else:
            db = session.open_database(args.db, create=create)
    except session.EncryptedDatabaseError:
        if args.plain:
            raise CommandError("このデータベースは暗号化されています（--plain では開けません）") from None
        if not args.user:
            raise CommandError("このデータベースは暗号化されています。"
                               "--user でログイン名を指定してください") from None
        args.password = _read_password()
        db = session.open_encrypted(path, args.user, args.password, actor=args.user)
    try:
        if path is not None:
            backups.remove_leftovers(path)
        yield db
    finally:
        db.close()


def _sign_in(db, args):
    """On a database with accounts, scripts sign in like people do; None
    on one without (then nobody is asked)."""
    from coordinator_app.core.access import AuthError
    from coordinator_app.services import accounts, session

    if not accounts.has_accounts(db):
        return None
    if not args.user:
        raise CommandError("このデータベースにはアカウントがあります。--user でログイン名を指定してください")
    if getattr(args, "password", None) is None:
        args.password = _read_password()
    try:
        return session.sign_in(db, args.user, args.password)
    except AuthError as exc:
        raise CommandError(str(exc)) from None


@contextlib.contextmanager
def _signed_in(args):
    """(database, signed-in person or None) for a command on an existing
    database, under the start-up policy."""
    with _policy(args) as path, _database(args, path) as db:
        yield db, _sign_in(db, args)


def _need_files(*files: Path) -> None:
    """Refusals that need no database come first, so that a failed
    command does not even open one."""
    for f in files:
        if not f.is_file():
            raise CommandError(f"ファイルが見つかりません: {f}")


@contextlib.contextmanager
def _refused(*kinds: type[BaseException]) -> Iterator[None]:
    """A service's refusal becomes the command's one-line error."""
    try:
        yield
    except kinds as exc:
        raise CommandError(str(exc)) from None


# --- the commands ----------------------------------------------------------------------

def _init(args) -> int:
    if args.encrypt:
        return _init_encrypted(args)
    from coordinator_app.services import session

    with _policy(args) as path, _database(args, path, create=True) as db:
        if args.sample:
            with _refused(ValueError):
                counts = session.load_demo(db)
            print("デモデータを読み込みました: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        print(f"データベース: {db.display_name}（{db.prepared}）")
    return 0


def _import(args) -> int:
    from coordinator_app.core.access import ScopeError
    from coordinator_app.services import imports, ledger_wizard

    _need_files(args.file)
    if args.mapping is not None or args.sheet is not None or ledger_wizard.is_workbook(args.file):
        with _signed_in(args) as (db, who), _refused(ScopeError, ledger_wizard.MappingNotFound):
            done = ledger_wizard.import_file(db, who, args.kind, args.file, args.sheet,
                                             args.mapping)
        print(f"{args.kind}: {done.summary()}")
        return 0
    with _signed_in(args) as (db, who), _refused(ScopeError):
        result = imports.import_file(db, who, args.kind, args.file)
    print(result.summary())
    return 0


def _export(args) -> int:
    from coordinator_app.core.access import ScopeError
    from coordinator_app.services import session, tallies

    month = None
    if args.month is not None:
        try:
            month = tallies.parse_month(args.month)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
    elif not 1989 <= args.fiscal_year <= 2100:
        raise CommandError(f"年度は西暦4桁で指定してください（例: 2025 = 令和7年度）: {args.fiscal_year}")
    with _signed_in(args) as (db, who), _refused(ScopeError, LookupError):
        n = tallies.export_tallies(db, who or session.script_user(db), args.fiscal_year,
                                   args.branch, args.format, args.out, month)
    print(f"{n} 行を書き出しました: {args.out}")
    return 0


def _consolidate(args) -> int:
    from coordinator_app.core.access import ScopeError
    from coordinator_app.services import consolidation, session

    _need_files(*args.files)
    with _signed_in(args) as (db, who), _refused(ScopeError):
        n = consolidation.merge_files(db, who or session.script_user(db), args.files, args.out)
    print(f"{len(args.files)} ファイル、{n} 行をまとめました: {args.out}")
    return 0


def _print(args) -> int:
    from coordinator_app.core.access import ScopeError
    from coordinator_app.services import printing

    with _signed_in(args) as (db, who), _refused(printing.PrintError, ScopeError):
        result = printing.print_contacts(db, who, args.list_name, args.branch, args.out,
                                         args.recipient, args.copies)
    print(result.summary())
    return 0


def _indicators(args) -> int:
    from coordinator_app.services import indicators

    with _signed_in(args) as (db, who), _refused(ValueError, PermissionError, LookupError):
        n = indicators.run_command(db, who, args.fiscal_year, args.format, args.out, args.source)
    print(f"指標を書き出しました（{n}）: {args.out}")
    return 0


def _backup(args) -> int:
    from coordinator_app.core.access import ScopeError
    from coordinator_app.services import backups, encrypting

    with _signed_in(args) as (db, who), _refused(ScopeError):
        result = backups.backup_to(db, who, args.out, getattr(args, "password", None))
        encrypted = db.encrypted
    what = "ファイル全体" if result.scope == "full" else f"支部 {who.branch_code} の記録だけ"
    print(f"バックアップしました（{what}）: {result.path}（{result.size:,} バイト）")
    if encrypted:
        whose = "" if result.scope == "full" else "（あなたのパスワードだけで開けます）"
        print(f"暗号化されています。鍵ファイル {encrypting.keys_path(result.path).name} も"
              "一緒に保管してください" + whose)
    return 0


# --- encryption: init --encrypt, encrypt and recover work on the file itself ------------

@contextlib.contextmanager
def _encryption_file(args) -> Iterator[Path]:
    """The database file of init --encrypt, encrypt and recover, under the
    start-up policy (they write: the lock is held)."""
    if args.plain:
        raise CommandError(f"--plain と {args.command} は同時に指定できません")
    with _policy(args) as path, _refused(ValueError):
        if path is None:
            raise CommandError("暗号化はファイルの SQLite データベースでだけ使えます")
        if not args.user:
            raise CommandError("--user でログイン名を指定してください"
                               + ("（最初の管理者になります）" if args.command == "init" else ""))
        yield path


def _print_recovery_key(key: str) -> None:
    from coordinator_app.services.encrypting import RECOVERY_KEY_NOTICE

    print(RECOVERY_KEY_NOTICE)
    print(f"    {key}")


def _init_encrypted(args) -> int:
    from coordinator_app.services import encrypting, session

    with _encryption_file(args) as path:
        if path.exists() and path.stat().st_size > 0:
            raise CommandError(f"既にデータベースがあります: {path}"
                               "（暗号化するには coordinator-app encrypt）")
        password = _read_password(confirm=True)
        recovery = encrypting.create_encrypted(path, args.user, password)
        print(f"暗号化したデータベースを作成しました: {path}（管理者 {args.user.strip()}）")
        if args.sample:
            db = session.open_encrypted(path, args.user, password, actor=args.user)
            try:
                counts = session.load_demo(db)
            finally:
                db.close()
            print("デモデータを読み込みました: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        print(f"鍵ファイル: {encrypting.keys_path(path)}（データベースと同じフォルダーに置いてください）")
        _print_recovery_key(recovery)
    return 0


def _encrypt(args) -> int:
    from coordinator_app.services import encrypting

    with _encryption_file(args) as path:
        if not path.is_file():
            raise CommandError(f"データベースが見つかりません: {path}")
        if encrypting.is_encrypted(path):
            raise CommandError("このデータベースは既に暗号化されています")
        result = encrypting.convert_to_encrypted(
            path, args.user, _read_password(),
            plain_copies_action="remove" if args.remove_plain_copies else "encrypt")
        print(f"暗号化しました: {result.path}（{result.tables} 表・{result.rows:,} 行と"
              f" {len(result.fiscal_years)} 年度分の集計が元と一致）")
        for line in encrypting.conversion_report(result):
            print(line)
        _print_recovery_key(result.recovery_key)
    return 0


def _recover(args) -> int:
    from coordinator_app.services import encrypting

    with _encryption_file(args) as path:
        if not path.is_file():
            raise CommandError(f"データベースが見つかりません: {path}")
        if not encrypting.is_encrypted(path):
            raise CommandError("このデータベースは暗号化されていません")
        recovery = _read_recovery_key()
        if os.environ.get(ENV_PASSWORD) is None:
            print("新しいパスワードを設定します", file=sys.stderr)
        new_password = _read_password(confirm=True)
        rekeyed = encrypting.reset_password_with_recovery_key(path, recovery, args.user,
                                                              new_password)
        print(f"回復キーで「{args.user.strip()}」のパスワードを再設定しました")
        for line in encrypting.rekey_report(rekeyed):
            print(line)
        if rekeyed.recovery_key:
            _print_recovery_key(rekeyed.recovery_key)
    return 0


def _server(args) -> int:
    """``server init``: run by the city's IT with the database owner's URL."""
    from coordinator_app.services import server

    url = args.url or args.db
    if not url or "://" not in url:
        raise CommandError("server init には PostgreSQL の URL を --url で指定してください")
    admin = None
    if args.admin:
        admin = (args.admin, args.admin_name, _read_password(confirm=True))
    with _refused(ValueError):
        result = server.init(url, admin)
    print(f"データベース: {server.display_url(url)}（{result.prepared}）")
    print(f"行レベルセキュリティ: {len(result.scoped_tables)} 表（{', '.join(result.scoped_tables)}）")
    print(f"アカウントのロール: {len(result.roles)}")
    for login in result.without_password:
        print(f"パスワード未設定（設定画面でパスワードを再設定するまでサインインできません）: {login}")
    return 0


COMMANDS = {"server": _server, "init": _init, "encrypt": _encrypt, "recover": _recover, "import": _import,
            "export": _export, "consolidate": _consolidate, "print": _print,
            "indicators": _indicators, "backup": _backup}


def run(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)  # --version and --help end here, nothing loaded
    from coordinator_app.services.session import owner_only_files

    with owner_only_files():  # the command line and the desktop app create owner-only files
        if args.command is None:
            from coordinator_app.ui.app import run_gui

            return run_gui(db=args.db, demo=args.demo)
        return COMMANDS[args.command](args)


def main(argv: list[str] | None = None) -> int:
    """Run, and say what went wrong in one line on stderr."""
    from coordinator_app.cli.console import use_safe_output

    use_safe_output()  # a cp932 console never stops a message with UnicodeEncodeError
    try:
        return run(argv)
    except CommandError as exc:
        print(f"エラー: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # the one line the contract asks for, not a traceback
        from coordinator_app.services.session import failure_kind

        kind = failure_kind(exc)
        if kind == "ledger":
            lines = str(exc).splitlines()
            print(f"取り込めません（{exc.total} 件のエラー、何も変更していません）: "
                  + " / ".join(lines), file=sys.stderr)
            return 2
        if kind == "refused":
            print(f"エラー: {exc}", file=sys.stderr)
        elif kind == "busy":
            print(f"エラー: {BUSY_MESSAGE}", file=sys.stderr)
        else:  # never echo SQL parameters: they may hold names and addresses
            reason = getattr(exc, "orig", None) or exc
            first = str(reason).splitlines()[0] if str(reason) else ""
            print(f"エラー: {type(reason).__name__}: {first}", file=sys.stderr)
        return 1
