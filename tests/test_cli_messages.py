"""argparse's own messages reach the user in Japanese: every kind of usage
error a person types (a missing option, a wrong choice, a stray word, an
option without its value, a word that is not a number, an abbreviation
that fits two options, a value given to a flag) and --help."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coordinator_app.cli import main

# Two or more English words in a row: an argparse sentence left untranslated
# ("the following arguments are required", "invalid choice", "show this help").
ENGLISH = re.compile(r"(?<![\w-])[a-z]{2,}(?: [a-z]{2,})+(?![\w-])")
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

USAGE_ERRORS = {
    "required": (["backup"], "次の指定が必要です: --out"),
    "one of": (["export", "tallies", "--out", "t.csv"], "--month のどれか1つを指定してください"),
    "not with": (["export", "tallies", "--fiscal-year", "2025", "--month", "2025-10", "--out",
                  "t.csv"], "--fiscal-year と同時には指定できません"),
    "subcommand": (["exprot"], "'exprot' は選べません"),
    "positional choice": (["import", "people", "x.csv"], "'people' は選べません"),
    "option choice": (["export", "tallies", "--fiscal-year", "2025", "--format", "pdf",
                       "--out", "t"], "'pdf' は選べません（選べるもの: 'csv', 'xlsx'）"),
    "unrecognized": (["backup", "--out", "b.db", "--force"], "使えない指定があります: --force"),
    "expected one": (["backup", "--out"], "--out: 値を1つ指定してください"),
    "not a number": (["export", "tallies", "--fiscal-year", "R7", "--out", "t"],
                     "「R7」は数字で指定してください"),
    "ambiguous": (["export", "tallies", "--f", "2025", "--out", "t"],
                  "--f だけではどのオプションか決まりません"),
    "flag with value": (["--demo=yes"], "このオプションは値を取りません"),
    "no files": (["consolidate", "--out", "all.csv"], "次の指定が必要です: TALLY_FILE"),
}


def assert_japanese(text: str, typed: str = "") -> None:
    """Japanese, and no English sentence outside what the person typed."""
    assert JAPANESE.search(text), text
    text = text.replace(typed, "") if typed else text
    assert not ENGLISH.search(text), text


@pytest.mark.parametrize("case", sorted(USAGE_ERRORS))
def test_usage_errors_are_one_japanese_line(case, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    argv, expected = USAGE_ERRORS[case]
    assert main(argv) != 0
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1, err
    assert expected in err and err.startswith("エラー: coordinator-app")
    assert_japanese(err)
    assert list(tmp_path.iterdir()) == []  # nothing was written


@settings(max_examples=20, deadline=None)
@given(word=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                    min_size=1, max_size=12).filter(lambda w: w.strip() and not w.startswith("-")))
def test_any_wrong_word_is_refused_in_japanese(word):
    """Whatever a person types where a list kind, a format or a year goes."""

    def refused(argv: list[str]) -> str:
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            assert main(argv) != 0
        return err.getvalue()

    for argv in (["import", word, "x.csv"],
                 ["export", "tallies", "--fiscal-year", "2025", "--format", word, "--out", "t"],
                 ["print", "contacts", "--list", word, "--out", "x.pdf"]):
        if word in ("branches", "consultations", "watch-users", "watch-contacts", "volunteers",
                    "groups", "events", "csv", "xlsx"):
            continue
        assert_japanese(refused(argv), word)
    if not word.strip().lstrip("+-").isdigit():
        assert_japanese(refused(["export", "tallies", "--fiscal-year", word, "--out", "t"]), word)


@pytest.mark.parametrize("argv", [["--help"], ["import", "--help"], ["export", "-h"],
                                  ["consolidate", "-h"], ["print", "-h"], ["backup", "-h"]])
def test_help_is_in_japanese(argv):
    """Run as a user does, through the installed module."""
    done = subprocess.run([sys.executable, "-m", "coordinator_app", *argv],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.startswith("使い方: coordinator-app")
    assert "オプション:" in done.stdout and "この説明を表示して終了する" in done.stdout
    assert_japanese(done.stdout)
    # An option's value is named in Japanese, not by argparse's capitals.
    assert not re.search(r"--[a-z-]+ [A-Z][A-Z_]+\b", done.stdout.replace("YYYY-MM", ""))


def test_a_usage_error_from_the_entry_point_is_japanese():
    done = subprocess.run([sys.executable, "-m", "coordinator_app", "import", "branches"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and done.stdout == ""
    assert "次の指定が必要です: FILE" in done.stderr
    assert_japanese(done.stderr)
