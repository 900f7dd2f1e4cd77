"""The printable sheet of a database's recovery key (回復キー, issue 9).
Qt-free: the GUI writes it where the person chooses and opens it for
printing."""

from __future__ import annotations

from pathlib import Path

from coordinator_app.reports import pdf
from coordinator_app.storage import private_files

EXPLANATION = (
    "これはコーディネーターアプリのデータベースの回復キーです。"
    "すべてのパスワードを忘れたときに、データベースを開くための唯一の方法です。"
    "このキーを持つ人は誰でもデータを読めます。パソコンやバックアップとは別の、"
    "鍵のかかる場所に保管してください。印刷したら、このPDFファイルは削除してください。")


def write_recovery_sheet(target: Path | str, recovery_key: str, database: str = "") -> Path:
    """Write the one-page PDF with the key, what it is for and where the
    database is. Returns the path written."""
    header = pdf.PageHeader(title="回復キー（厳重保管）", personal=True)
    story = [
        pdf.para(EXPLANATION, "body"),
        pdf.spacer(8),
        pdf.para("回復キー", "heading"),
        pdf.para(recovery_key, "title"),
        pdf.spacer(8),
    ]
    if database:
        story += [pdf.para("データベース", "heading"), pdf.para(database, "body")]
    private_files.fresh_file(target)  # the key opens everything: owner-only
    pdf.build_pdf(str(target), header, story)
    return Path(target)
