"""The printable sheet of a database's recovery key (回復キー, issue 9).
Qt-free, layout only: ``services.recovery_sheet`` writes it owner-only
where the person chooses."""

from __future__ import annotations

from coordinator_app.reports import pdf

EXPLANATION = (
    "これはコーディネーターアプリのデータベースの回復キーです。"
    "すべてのパスワードを忘れたときに、データベースを開くための唯一の方法です。"
    "このキーを持つ人は誰でもデータを読めます。パソコンやバックアップとは別の、"
    "鍵のかかる場所に保管してください。印刷したら、このPDFファイルは削除してください。")


def lay_out_recovery_sheet(target, recovery_key: str, database: str = "") -> None:
    """The one-page PDF with the key, what it is for and where the
    database is, into ``target`` (a path or a binary file)."""
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
    pdf.build_pdf(target, header, story)
