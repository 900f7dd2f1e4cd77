"""Regenerate the app's translations.

    python resources/translations/update_translations.py

1. ``pyside6-lupdate`` (ships with PySide6-Essentials) collects every
   ``tr()`` / ``QCoreApplication.translate()`` string of
   ``coordinator_app/ui`` into ``coordinator_app_ja.ts`` and
   ``coordinator_app_en.ts`` (merging: existing translations are kept).
   Source strings are Japanese, so the Japanese file needs no translations.
2. English entries still empty are filled from ``EN`` below when it knows
   the source text (edit the .ts with Qt Linguist for anything else).
3. ``pyside6-lrelease`` compiles both to .qm (loaded by ui/app.py).
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
UI = ROOT / "coordinator_app" / "ui"

EN = {
    # navigation and shell
    "ホーム": "Home", "相談記録": "Consultations", "見守り": "Watch-over",
    "ボランティア": "Volunteers", "集計・指標": "Tallies & indicators", "設定": "Settings",
    "印刷": "Print",
    "この画面は準備中です": "This screen is not ready yet.",
    "この画面を開けませんでした。アプリを再起動しても直らない場合は、管理者に連絡してください。":
        "This screen could not be opened. If restarting the app does not help, "
        "contact your administrator.",
    "コーディネーターアプリ": "Coordinator App",
    "コーディネーターアプリ（ロック中）": "Coordinator App (locked)",
    "サインイン: {who}": "Signed in: {who}", "データベース: {name}": "Database: {name}",
    "ファイル(&F)": "&File", "今すぐバックアップ(&B)": "&Back up now",
    "バックアップから復元(&R)…": "&Restore from backup…", "画面をロック(&L)": "&Lock screen",
    "サインアウト(&O)": "Sign &out", "終了(&X)": "E&xit", "表示(&V)": "&View",
    "ツール(&T)": "&Tools", "設定(&S)…": "&Settings…", "監査ログ(&A)": "&Audit trail",
    "ヘルプ(&H)": "&Help", "このアプリについて(&A)": "&About this app",
    "このアプリについて": "About this app",
    "コーディネーターアプリ {version}\n社協支部コーディネーターのための記録・集計アプリ。\n"
    "フォント: IPAexゴシック（IPAフォントライセンスv1.0）":
        "Coordinator App {version}\nRecords and tallies for the coordinators of social "
        "welfare council branches.\nFont: IPAexGothic (IPA Font License v1.0)",
    "バックアップしています…": "Backing up…", "バックアップしました: {name}": "Backed up: {name}",
    "バックアップできませんでした": "The backup failed",
    "自動バックアップしました: {name}": "Automatic backup made: {name}",
    "{name} から復元します。いまのデータベースは別名で残します。復元のあと、"
    "もう一度サインインしてください。続けますか？":
        "The database will be restored from {name}. The current database is kept under "
        "another name. Sign in again after the restore. Continue?",
    # sign-in and first run
    "サインイン — コーディネーターアプリ": "Sign in — Coordinator App",
    "サインインしてください": "Please sign in", "ログイン名(&L)": "&Login name",
    "パスワード(&P)": "&Password", "サインイン": "Sign in", "終了": "Exit",
    "ログイン名": "Login name", "パスワード": "Password", "役割": "Role",
    "デモ専用アカウント（実際のデータベースにはありません）":
        "Demo-only accounts (a real database never has them)",
    "この内容で入力": "Fill in", "ログイン名を入力してください": "Enter a login name",
    "はじめての設定 — コーディネーターアプリ": "First-time setup — Coordinator App",
    "このデータベースにはまだアカウントがありません。最初に、アカウントや支部を管理する"
    "「管理者」を作成してください。コーディネーターや市社協職員のアカウントは、"
    "あとで管理者が「設定」で作成します。":
        "This database has no accounts yet. First create the administrator, who manages "
        "accounts and branches. Accounts for coordinators and city-office staff are "
        "created later by the administrator in Settings.",
    "表示名(&N)": "Display &name", "パスワード（確認）(&C)": "&Confirm password",
    "パスワードは{n}文字以上。忘れると復旧できないので、安全な場所に控えてください。":
        "At least {n} characters. A forgotten password cannot be recovered: keep a note "
        "of it in a safe place.",
    "管理者を作成して始める": "Create the administrator and start",
    "確認のパスワードが一致しません": "The two passwords differ",
    "既にアカウントがあります。サインインしてください": "Accounts exist already. Please sign in.",
    # lock
    "ロック中": "Locked", "画面をロックしました": "The screen is locked",
    "記録を守るため、内容を隠しています。続けるには、サインイン中のアカウント（{login}）の"
    "パスワードを入力してください。":
        "The records are hidden to protect them. To continue, enter the password of the "
        "signed-in account ({login}).",
    "ロック解除": "Unlock", "サインアウトする": "Sign out",
    "パスワードを入力してください": "Enter the password",
    "パスワードが違います": "Wrong password",
    # home
    "計算しています…": "Counting…", "今月の相談・連絡": "Consultations and contacts this month",
    "フォローが必要な相談（今日まで）": "Follow-ups due (up to today)",
    "今月まだ連絡できていない見守り利用者": "Watch-over users not yet reached this month",
    "ボランティア保険の更新が必要な方": "Volunteers whose insurance needs renewal",
    "{branch}の数字です。数字を押すと一覧が開きます。":
        "Figures of {branch}. Press a number to open the list.",
    "全支部の合計です（数字のみ。個人の一覧は支部のコーディネーターだけが開けます）。":
        "Totals of every branch (figures only: lists of people are for each branch's "
        "coordinator).",
    "数字を計算できませんでした: ": "The figures could not be counted: ",
    "今日のようす — {date}": "Today — {date}", "{n}件": "{n}", "{n}人": "{n} people",
    "先月 {n}件（{diff:+d}）": "Last month {n} ({diff:+d})",
    "フォロー日が今日まで、まだ完了していないもの": "Follow-up date today or earlier, not closed",
    "今月の連絡がまだない利用者": "Users with no contact this month",
    "{fy}の保険に未加入の活動中ボランティア":
        "Active volunteers without insurance for {fy}",
    # labels
    "コーディネーター": "Coordinator", "市社協職員": "City-office staff", "管理者": "Administrator",
    "サインイン失敗": "Failed sign-in", "サインアウト": "Sign-out", "ロック": "Lock",
    "ロック解除失敗": "Failed unlock", "作成": "Create", "更新": "Update", "削除": "Delete",
    "閲覧": "View", "書き出し": "Export", "取り込み": "Import", "バックアップ": "Backup",
    "復元": "Restore", "アカウント": "Account", "住民": "Resident",
    "見守り利用者": "Watch-over user", "見守り記録": "Watch-over contact",
    "活動記録": "Activity", "支部": "Branch", "自治会": "Residents' association",
    "相談内容": "Consultation subjects", "データベース": "Database", "監査ログ": "Audit trail",
    "集計": "Tallies", "活動内容": "Volunteer roles",
    "自動（30分ごと）": "Automatic (every 30 min)", "終了時": "On exit", "手動": "Manual",
    "更新前": "Before upgrade", "取り込み前": "Before import", "復元前": "Before restore",
    # settings
    "表示・パスワード": "Display & password", "ロック・バックアップ": "Lock & backups",
    "表示": "Show", "状態": "State", "{n}文字以上": "{n} characters or more",
    "支部（コーディネーター）": "Branch (coordinators)",
    "パスワード（新規・再設定）": "Password (new or reset)", "新規": "New", "保存": "Save",
    "パスワードを再設定": "Reset password", "無効にする": "Deactivate", "有効にする": "Activate",
    "コーディネーターは一つの支部の記録だけを見られます。市社協職員は集計と指標だけ、"
    "管理者は設定だけを扱います。":
        "A coordinator sees the records of one branch only. City-office staff work with "
        "tallies and indicators only, administrators with settings only.",
    "有効": "Active", "無効": "Inactive", "・ロック中": " · locked", "（デモ専用）": " (demo only)",
    "{login} のパスワードを再設定しました。本人に伝え、変更してもらってください。":
        "The password of {login} was reset. Tell the person and ask them to change it.",
    "アカウントを無効にする": "Deactivate account",
    "{login} はサインインできなくなります。よろしいですか？":
        "{login} will no longer be able to sign in. Continue?",
    "自治会名": "Association name", "登録人数": "Residents", "追加": "Add",
    "名前を変更": "Rename", "自治会を削除": "Delete association",
    "「{name}」を削除します。よろしいですか？": "Delete “{name}”?",
    "コード": "Code", "支部名": "Branch name", "拠点名": "Base", "住所": "Address",
    "電話番号": "Phone", "支部コード": "Branch code", "順番": "Order", "使用中": "In use",
    "記録数": "Records", "はい": "Yes", "いいえ": "No", "表示名": "Display name",
    "半角英小文字（例: food）": "Lower-case letters (e.g. food)",
    "入力画面に表示する": "Offer it on the entry form", "保存できません": "Cannot save",
    "登録数": "Registered", "半角英小文字（例: shopping）": "Lower-case letters (e.g. shopping)",
    "登録・検索の画面に表示する": "Offer on registration and search screens",
    "表示言語": "Language of the app", "言語": "Language",
    "言語の変更は、次にアプリを起動したときに反映されます。":
        "A new language applies the next time the app starts.",
    "自分のパスワードを変更": "Change my password", "パスワードを変更": "Change password",
    "現在のパスワード": "Current password", "新しいパスワード": "New password",
    "新しいパスワード（確認）": "New password (again)",
    "保存しました。次にアプリを起動したときに反映されます。":
        "Saved. It applies the next time the app starts.",
    "パスワードを変更しました。": "The password was changed.",
    "画面のロック": "Screen lock", " 分": " min",
    "操作がないまま次の時間が過ぎたら画面をロックする":
        "Lock the screen after this long without input",
    "今すぐバックアップ": "Back up now",
    "終了時と、変更があれば30分ごとに自動でバックアップします。直近1日分はすべて、"
    "2週間までは1日1つ、1年までは1か月に1つを残します。"
    "復元は「ファイル」メニューの「バックアップから復元…」から行います。":
        "Backups are made on exit and every 30 minutes when something changed. All of the "
        "last day are kept, then one a day for two weeks, then one a month for a year. "
        "Restore from File › Restore from backup….",
    "PostgreSQL のバックアップはサーバー側で行ってください。":
        "Back up PostgreSQL on the server.",
    "ロックまでの時間を保存しました。": "The lock time was saved.",
    # issue 18: one save key, names not logins, the audit trail in words
    "保存: Ctrl+Enter または Ctrl+S": "Save: Ctrl+Enter or Ctrl+S",
    "* は必須。数字キーで選択、Tab で次の項目へ、Ctrl+Enter または Ctrl+S で保存。":
        "* required. Number keys select, Tab moves on, Ctrl+Enter or Ctrl+S saves.",
    "ログイン名: {login}": "Login: {login}",
    "記録した人: {name}（ログイン名: {login}）": "Recorded by {name} (login: {login})",
    "アプリ（サインイン前）": "The app (before sign-in)", "コマンドライン": "Command line",
    "デモデータの作成": "Demo data",
    "一定時間操作がなかったため": "No input for a while", "登録のないログイン名": "Unknown login",
    "パスワードの変更": "Password changed", "パスワードの再設定（管理者）": "Password reset (admin)",
    "回復キーによるパスワードの再設定": "Password reset with the recovery key",
    "有効にした": "Activated", "無効にした": "Deactivated", "退会": "Withdrawn",
    "再登録": "Reinstated", "フォロー終了": "Follow-up closed",
    "見守りの異変を紐づけ": "Watch-over concern linked", "完了": "Finished",
    "{v}人": "{v} people", "{v}部": "{v} copies", "{v}枚": "{v} pages",
    "協力員{v}人": "{v} cooperators", "{v}日ごと": "every {v} days", "新規{v}件": "{v} new",
    "更新{v}件": "{v} updated", "削除{v}件": "{v} removed", "{v}行": "{v} rows",
    "{v}件": "{v}", "相談記録（ID {v}）": "consultation (ID {v})", "全支部": "all branches",
    "支部 {codes}": "branch {codes}", "{y}年{m}月": "{y}-{m:02}", "理由: {r}": "reason: {r}",
    "役割: {r}": "role: {r}", "データベース全体": "the whole database",
    "{branch}の分": "{branch} only",
    # audit view
    "日時": "Date and time", "利用者": "Person", "操作": "Action", "対象": "Record",
    "ID": "ID", "詳細": "Detail", "CSVに書き出す…": "Export CSV…", "期間": "Period",
    "監査ログには、誰が・いつ・何を・どの記録に行ったかだけを残し、氏名や相談内容は記録しません。":
        "The audit trail keeps who did what, when, to which record — never names or "
        "the content of consultations.",
    "すべて": "All", "読み込んでいます…": "Loading…",
    "{n}件（新しい順、最大2000件を表示）": "{n} rows (newest first, at most 2000 shown)",
    "監査ログを書き出す": "Export the audit trail", "CSV ファイル (*.csv)": "CSV files (*.csv)",
    "{n}件を書き出しました: {path}": "{n} rows written: {path}",
    "書き出せませんでした": "Export failed",
    "監査ログを書き出せませんでした: {reason}": "The audit trail could not be written: {reason}",
    # backups and restore
    "種類": "Kind", "大きさ": "Size", "ファイル": "File",
    "選んだバックアップを検査してから、新しいファイルに復元します。いまのデータベースは"
    "削除せず、別名（…replaced-日時.db）で同じフォルダーに残します。復元のあと、"
    "もう一度サインインしてください。":
        "The chosen backup is checked, then restored into a new file. The current database "
        "is not deleted: it stays in the same folder under another name "
        "(…replaced-date.db). Sign in again after the restore.",
    "ほかのファイルを選ぶ…": "Choose another file…", "復元する": "Restore",
    "バックアップファイルを選ぶ": "Choose a backup file",
    "データベース (*.db);;すべてのファイル (*)": "Databases (*.db);;All files (*)",
    "バックアップを選んでください": "Choose a backup",
    "バックアップから復元": "Restore from backup",
    "データベースを開けません": "The database cannot be opened",
    "データベースファイルが壊れています。": "The database file is damaged.",
    "検査結果: {problem}": "Check result: {problem}",
    "データベースファイルが見つからないか、空になっています。":
        "The database file is missing or empty.",
    "バックアップが残っています。": "Backups exist.",
    "最新の正常なバックアップ: {backup}\nこれを新しいファイルに復元して開きます。"
    "いまのファイルは削除せず、別名で残します。":
        "Newest good backup: {backup}\nIt will be restored into a new file and opened. "
        "The current file is kept under another name.",
    "使える（検査に合格した）バックアップが見つかりません。管理者に連絡してください。"
    "ファイルはそのまま残してあります。":
        "No usable (checked) backup was found. Contact your administrator. The file has "
        "been left as it is.",
    "バックアップから復元する": "Restore from the backup",
    "別のバックアップを選ぶ…": "Choose another backup…",
    "新しいデータベースを作る": "Create a new database", "新しいデータベース": "New database",
    "空のデータベースを新しく作ります。バックアップは残りますが、いまある記録は表示されません。"
    "よろしいですか？":
        "A new, empty database will be created. The backups stay, but the existing records "
        "will not be shown. Continue?",
    "{date} {time}（{reason}、{size:.1f} MB）": "{date} {time} ({reason}, {size:.1f} MB)",
    "キャンセル": "Cancel", "お待ちください": "Please wait",
    "バックアップを検査して復元しています…": "Checking and restoring the backup…",
    "復元できませんでした: {reason}": "The restore failed: {reason}",
    "デモ用のデータベースを作成しています…": "Creating the demo database…",
    "データベースファイルが壊れています（{problem}）。「ファイル」メニューの"
    "「バックアップから復元…」で復元してください。":
        "The database file is damaged ({problem}). Restore it with File › Restore from "
        "backup….",
    "終了時のバックアップができませんでした: ": "The backup on exit failed: ",
    "データベースを検査しています…": "Checking the database…",
    "暗号化されたデータベースを開けません。管理者に連絡してください（ファイルは変更していません）。":
        "The encrypted database cannot be opened. Contact your administrator "
        "(the file has not been changed).",
}

# Japanese for Qt's own strings that qtbase_ja lacks (ui/app.py QT_STRINGS):
# (context, source) -> translation, filled into the Japanese catalogue.
QT_JA = {
    ("QFileDialog", "&Look in:"): "場所(&L):",
    ("QFileDialog", "Files of &type:"): "ファイルの種類(&T):",
    ("QFileDialog", "Confirm Save As"): "上書きの確認",
    ("QAbstractFileIconProvider", "Drive"): "ドライブ",
    ("QAbstractFileIconProvider", "%1 File"): "%1 ファイル",
    ("QAbstractFileIconProvider", "File"): "ファイル",
    ("QAbstractFileIconProvider", "File Folder"): "フォルダー",
    ("QAbstractFileIconProvider", "Folder"): "フォルダー",
    ("QAbstractFileIconProvider", "Alias"): "エイリアス",
    ("QAbstractFileIconProvider", "Shortcut"): "ショートカット",
    ("QAbstractFileIconProvider", "Unknown"): "不明",
    # A message's only button (and OK/キャンセル questions): Japanese, as
    # every other button of the app.
    ("QPlatformTheme", "OK"): "了解",
    ("QPlatformTheme", "&OK"): "了解(&O)",
    ("QPlatformTheme", "Don't Save"): "保存しない",
    ("QPlatformTheme", "Close without Saving"): "保存せずに閉じる",
}


HELPER_STRINGS = HERE / "_helper_strings.py"


def _helper_context(tree: ast.Module) -> str | None:
    """The context of a module-level one-argument ``def _tr(text)`` that returns
    ``QCoreApplication.translate("Context", text)`` (lupdate cannot read those)."""
    for node in tree.body:
        if (isinstance(node, ast.FunctionDef) and node.name == "_tr"
                and len(node.args.args) == 1):
            for sub in ast.walk(node):
                if (isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute)
                        and sub.func.attr == "translate" and sub.args
                        and isinstance(sub.args[0], ast.Constant)
                        and isinstance(sub.args[0].value, str)):
                    return sub.args[0].value
    return None


def _resolve(module, expr: ast.expr):
    """The object a dotted name (``X`` or ``mod.X``) stands for in ``module``."""
    names = []
    while isinstance(expr, ast.Attribute):
        names.append(expr.attr)
        expr = expr.value
    if not isinstance(expr, ast.Name):
        return None
    obj = getattr(module, expr.id, None)
    for name in reversed(names):
        obj = getattr(obj, name, None)
    return obj


def helper_strings() -> dict[str, list[str]]:
    """Strings that modules pass to their one-argument ``_tr`` helper: literals,
    ``HEADERS`` tuples and the values of dicts looked up inside ``_tr(...)``."""
    found: dict[str, list[str]] = {}
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        context = _helper_context(tree)
        if context is None:
            continue
        module = None
        texts = found.setdefault(context, [])

        def add(text) -> None:
            if isinstance(text, str) and text and text not in texts:
                texts.append(text)

        loops: dict[str, ast.expr] = {}  # name -> the dict whose values it runs over
        for node in ast.walk(tree):
            if isinstance(node, ast.comprehension) and isinstance(node.iter, ast.Call) \
                    and isinstance(node.iter.func, ast.Attribute) \
                    and node.iter.func.attr in ("items", "values"):
                target = node.target
                if isinstance(target, ast.Tuple) and node.iter.func.attr == "items":
                    target = target.elts[-1]
                if isinstance(target, ast.Name):
                    loops[target.id] = node.iter.func.value
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "HEADERS" for t in node.targets):
                for const in ast.walk(node.value):
                    if isinstance(const, ast.Constant):
                        add(const.value)
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "_tr" and len(node.args) == 1):
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant):
                add(arg.value)
                continue
            table, attr = None, None
            if isinstance(arg, ast.Name) and arg.id in loops:
                table = loops[arg.id]
            elif (isinstance(arg, ast.Attribute) and isinstance(arg.value, ast.Name)
                  and arg.value.id in loops):
                table, attr = loops[arg.value.id], arg.attr
            elif isinstance(arg, ast.Subscript):
                table = arg.value
            elif (isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute)
                  and arg.func.attr == "get"):
                table = arg.func.value
            if table is None or (isinstance(table, ast.Attribute)
                                 and isinstance(table.value, ast.Name)
                                 and table.value.id == "self"):
                continue  # self.HEADERS[...] is covered above
            if module is None:
                sys.path.insert(0, str(ROOT))
                name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
                module = importlib.import_module(name)
            obj = _resolve(module, table)
            if isinstance(obj, dict):
                for value in obj.values():
                    add(getattr(value, attr, None) if attr else value)
    return found


def write_helper_strings() -> Path:
    lines = ["# Generated by update_translations.py for lupdate; deleted afterwards.",
             "from PySide6.QtCore import QCoreApplication", ""]
    for context, texts in helper_strings().items():
        for text in texts:
            lines.append(f"QCoreApplication.translate({context!r}, {text!r})")
    HELPER_STRINGS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return HELPER_STRINGS


def lupdate(ts: Path, language: str) -> None:
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    sources.append(str(write_helper_strings()))
    try:
        subprocess.run(["pyside6-lupdate", *sources, "-tr-function-alias", "translate+=_tr",
                        "-source-language", "ja_JP", "-target-language", language,
                        "-no-obsolete", "-ts", str(ts)], check=True)
    finally:
        HELPER_STRINGS.unlink(missing_ok=True)


def fill_english(ts: Path) -> int:
    tree = ET.parse(ts)
    filled = 0
    for message in tree.iter("message"):
        source = message.find("source").text or ""
        translation = message.find("translation")
        if translation.get("type") == "unfinished" and source in EN:
            translation.text = EN[source]
            del translation.attrib["type"]
            filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def fill_qt_japanese(ts: Path) -> int:
    """The Japanese of QT_JA (Qt's own strings) in the Japanese catalogue."""
    tree = ET.parse(ts)
    filled = 0
    for context in tree.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            text = QT_JA.get((name, message.findtext("source") or ""))
            if text is None:
                continue
            translation = message.find("translation")
            translation.text = text
            translation.attrib.pop("type", None)
            filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def lrelease(ts: Path) -> None:
    subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                   check=True)


def main() -> int:
    ja = HERE / "coordinator_app_ja.ts"
    en = HERE / "coordinator_app_en.ts"
    lupdate(ja, "ja_JP")
    lupdate(en, "en_US")
    print(f"English: {fill_english(en)} entries filled from the glossary")
    print(f"Japanese: {fill_qt_japanese(ja)} of Qt's own strings filled")
    lrelease(ja)
    lrelease(en)
    return 0


if __name__ == "__main__":
    sys.exit(main())
