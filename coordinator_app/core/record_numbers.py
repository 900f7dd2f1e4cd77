"""相談番号: a consultation's number as a branch knows it, 「R8-0231」 —
the 231st record of the branch in fiscal year 令和8年度 (April–March).

Numbers count within one branch and one fiscal year, from 1, in the order
the records were saved or imported (a migrated database: in received_on,
id order); the database id stays internal. The fiscal year is that of
received_on when the number is given. A number once given never changes:
when a later edit moves received_on into another fiscal year, the record
keeps its number (and so its year's prefix), because the number may
already be written on paper, in a printed list or in a colleague's note.
Soft-deleted records keep theirs too, so the numbers of a branch and year
have no gaps except where a record was moved out.
"""

from __future__ import annotations

import datetime as dt

from coordinator_app.core.dates import era_of


def label(fiscal_year: int | None, number: int | None) -> str:
    """「R8-0231」 (the era letter and year of the fiscal year's first day,
    as in 令和8年度; at least four digits). Empty for a record without one."""
    if fiscal_year is None or number is None:
        return ""
    _, letter, year = era_of(dt.date(fiscal_year, 4, 1))
    return f"{letter}{year}-{number:04d}"
