"""consolidate (docs/interchange.md): the city office merges branch tally files.
A branch × month in two files is an error, never a double count."""

from __future__ import annotations

from pathlib import Path

import pytest

from coordinator_app.cli import main
from coordinator_app.core import counting
from coordinator_app.interchange import tally_file
from coordinator_app.interchange.tally_file import TallyError

FY = 2026


def export(db, tmp_path, name: str, *branches: str) -> Path:
    out = tmp_path / name
    with db.session() as s:
        rows = counting.compute(s, FY, list(branches) or None)
    tally_file.write_csv(rows, out)
    return out


def test_per_branch_exports_consolidate_to_the_all_branch_export(demo_db, tmp_path):
    whole = export(demo_db, tmp_path, "all.csv")
    parts = [export(demo_db, tmp_path, "a.csv", "01", "02", "03"),
             export(demo_db, tmp_path, "b.csv", "04"),
             *[export(demo_db, tmp_path, f"b{c}.csv", c)
               for c in ("05", "06", "07", "08", "09", "10", "11", "12", "13")]]
    out = tmp_path / "merged.csv"
    tally_file.write_csv(tally_file.consolidate(list(reversed(parts))), out)
    assert out.read_bytes() == whole.read_bytes()


def test_consolidate_command_writes_the_merged_file(demo_db, tmp_path, capsys):
    a, b = export(demo_db, tmp_path, "a.csv", "01"), export(demo_db, tmp_path, "b.csv", "02")
    out = tmp_path / "city.csv"
    assert main(["--db", str(demo_db.path), "consolidate", str(a), str(b), "--out", str(out)]) == 0
    rows = tally_file.read_csv(out)
    assert {r.branch_code for r in rows} == {"01", "02"}
    assert out.read_bytes() == export(demo_db, tmp_path, "both.csv", "01", "02").read_bytes()
    assert capsys.readouterr().err == ""


def test_overlapping_branch_month_is_refused(demo_db, tmp_path, capsys):
    a = export(demo_db, tmp_path, "a.csv", "01", "02")
    b = export(demo_db, tmp_path, "b.csv", "02", "03")
    with pytest.raises(TallyError, match="支部 02 の 2026-04 が a.csv と b.csv の両方にあります"):
        tally_file.consolidate([a, b])
    out = tmp_path / "city.csv"
    assert main(["--db", str(demo_db.path), "consolidate", str(a), str(b), "--out", str(out)]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "両方にあります" in err
    assert not out.exists()


def test_the_same_file_twice_is_refused(demo_db, tmp_path):
    a = export(demo_db, tmp_path, "a.csv", "01")
    with pytest.raises(TallyError, match="両方にあります"):
        tally_file.consolidate([a, a])


def test_mixed_fiscal_years_are_refused(demo_db, tmp_path):
    a = export(demo_db, tmp_path, "a.csv", "01")
    out = tmp_path / "b.csv"
    with demo_db.session() as s:
        tally_file.write_csv(counting.compute(s, FY - 1, ["02"]), out)
    with pytest.raises(TallyError, match="年度が他のファイルと違います（2026 と 2025）"):
        tally_file.consolidate([a, out])
    # and within one file
    mixed = tmp_path / "mixed.csv"
    lines = a.read_bytes().split(b"\r\n")
    lines[5] = lines[5].replace(b"2026,", b"2025,", 1)
    mixed.write_bytes(b"\r\n".join(lines))
    with pytest.raises(TallyError, match="line 6: 年度が混在しています"):
        tally_file.consolidate([mixed])


def _edit(src, dst, fn):
    lines = src.read_bytes().decode("utf-8-sig").split("\r\n")
    dst.write_bytes(("\ufeff" + "\r\n".join(fn(lines))).encode("utf-8"))
    return dst


def _row(lines, match: str, new) -> list[str]:
    """Replace the first data line containing match by new(line)."""
    i = next(i for i, line in enumerate(lines) if match in line)
    return lines[:i] + ([new(lines[i])] if new(lines[i]) is not None else []) + lines[i + 1:]


TOTAL = ",2026-04,01,consultations,total,,"


@pytest.mark.parametrize("change, message", [
    (lambda ls: [], "ファイルが空です"),
    (lambda ls: ["year" + ls[0][len("fiscal_year"):]] + ls[1:], "line 1: 見出しが契約と違います"),
    (lambda ls: _row(ls, TOTAL, lambda l: l.rsplit(",", 1)[0] + ",x"),
     "年度と件数は整数でなければなりません"),
    (lambda ls: _row(ls, TOTAL, lambda l: l.rsplit(",", 1)[0] + ",-3"), "件数が負です"),
    (lambda ls: _row(ls, TOTAL, lambda l: l.replace(",2026-04,", ",2027-04,")),
     "月 2027-04 は 2026 年度にありません"),
    (lambda ls: _row(ls, TOTAL, lambda l: l.replace(",consultations,", ",visits,")),
     "不明な指標です（visits）"),
    (lambda ls: _row(ls, ",consultations,kind,", lambda l: l.replace(",kind,", ",colour,")),
     "consultations に内訳 colour はありません"),
    (lambda ls: _row(ls, TOTAL, lambda l: l.replace(",total,,", ",total,x,")),
     "total の key は空でなければなりません"),
    (lambda ls: _row(ls, ",consultations,kind,", lambda l: l.replace(",kind,contact,", ",kind,,")
                     .replace(",kind,consultation,", ",kind,,")),
     "内訳の key が空です"),
    (lambda ls: _row(ls, TOTAL, lambda l: l.replace(",01,", ",,")), "支部コードが空です"),
    (lambda ls: _row(ls, TOTAL, lambda l: l + ",extra"), "列の数が7ではありません"),
    (lambda ls: _row(ls, ",2026-05,01,watch_contacts,total,", lambda l: None),
     "支部 01 の 2026-05 watch_contacts の total 行がありません"),
    (lambda ls: ls[:2] + ls[1:], "同じ行が2回あります"),
    (lambda ls: ls[:1] + [""], "データ行がありません"),
])
def test_malformed_files_are_refused(demo_db, tmp_path, change, message):
    good = export(demo_db, tmp_path, "good.csv", "01")
    bad = _edit(good, tmp_path / "bad.csv", change)
    with pytest.raises(TallyError, match=message):
        tally_file.consolidate([export(demo_db, tmp_path, "other.csv", "02"), bad])


def test_non_utf8_or_binary_file_is_refused(demo_db, tmp_path):
    good = export(demo_db, tmp_path, "good.csv", "01")
    sjis = tmp_path / "sjis.csv"
    sjis.write_bytes(good.read_text(encoding="utf-8-sig").replace("01", "０１", 1)
                     .encode("cp932"))
    with pytest.raises(TallyError, match="UTF-8 でなければなりません"):
        tally_file.consolidate([sjis])
    binary = tmp_path / "x.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(TallyError):
        tally_file.consolidate([binary])


def test_no_file_is_refused():
    with pytest.raises(TallyError, match="1つ以上"):
        tally_file.consolidate([])


def test_one_month_files_consolidate_to_those_months_of_the_year(demo_db, tmp_path):
    """What a branch sends each month (``export tallies --month``): month
    files of several branches and months merge into those rows of the
    year's file; the same branch × month sent twice is still refused."""
    def month_file(code: str, month: int) -> Path:
        out = tmp_path / f"tally_{code}_{month}.csv"
        with demo_db.session() as s:
            tally_file.write_csv(counting.compute(s, FY, [code], month=month), out)
        return out

    files = [month_file("01", 202609), month_file("01", 202610), month_file("02", 202610)]
    merged = tally_file.consolidate(files)
    with demo_db.session() as s:
        year = counting.compute(s, FY, ["01", "02"])
    assert merged == [r for r in year if (r.branch_code, r.month) in
                      {("01", "2026-09"), ("01", "2026-10"), ("02", "2026-10")}]
    with pytest.raises(TallyError, match="支部 01 の 2026-10 が"):
        tally_file.consolidate([files[1], month_file("01", 202610)])
