"""The 相談記録 list's text search at scale (issue #19): on SQLite it is
answered from the text indexes of migration 0012 (FTS5 trigram for 3+
characters, the gram index for 1–2), on PostgreSQL with pg_trgm. The
results and counts must be exactly those of the record-by-record search
they replace, for any text and any query, and the indexes must follow
every write: entry form, edit, delete/restore, person changes, imports."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, func, select, text, update

from coordinator_app.core import kana
from coordinator_app.core.models import Branch, Consultation, Person
from coordinator_app.interchange.importer import import_ledger
from coordinator_app.services import consultations as svc
from coordinator_app.services import people
from coordinator_app.services.consultations import ConsultationDraft, ListQuery, NewPerson
from tests.conftest import TODAY, coordinator_of
from tests.test_import import BRANCH_HEADER, CONSULTATION_HEADER, consultation, ledger

# Characters that fold in every way kana.fold knows: hiragana, katakana of
# both widths (with sound marks), full-width Latin and digits, both kinds
# of space, upper case, kanji, what LIKE and FTS5 treat specially, and
# characters that NFKC or lower() turn into several (ﬀ, İ, combining marks)
# or that take four bytes in UTF-8 (𠮷, 😀).
ALPHABET = list("あいかがぱアイカガパｱｲｶｶﾞﾊﾟ相談後見成年ーabcABCａｂＡＢ１2３ 　%_\\\"'*:^(){}.。"
                "ﬀİ\u0301ßÅ𠮷😀")
texts = st.text(alphabet=ALPHABET, max_size=40)
queries = st.text(alphabet=ALPHABET, min_size=1, max_size=6)
_branch_codes = itertools.count()


def _old_search(monkeypatch):
    """Make the service search record by record, as before migration 0012."""
    monkeypatch.setattr(svc._TextIndex, "of", classmethod(lambda cls, *args: None))


def _found(db, user, typed: str) -> tuple[list[int], int]:
    q = ListQuery(text=typed)
    return ([r.id for r in svc.fetch_page(db, user, q, limit=10_000)],
            svc.count_consultations(db, user, q))


def _new_branch(db, code: str):
    with db.session() as s:
        s.add(Branch(code=code, name=f"検索{code}支部", sort_order=99))
    return coordinator_of(db, code)


def _fill(db, branch_user, rows: list[tuple[str, str | None, bool]]) -> None:
    """Records of the branch: (summary, a person's name/kana or None, deleted)."""
    with db.session() as s:
        for i, (summary, name, deleted) in enumerate(rows):
            person_id = None
            if name is not None:
                person_id = people.new_person(s, db, branch_user.branch_id,
                                              name.strip() or "名無",
                                              name if kana.is_kana(name) else "").id
            record = svc.insert_consultation(
                s, db, branch_user.branch_id, received_on=TODAY - dt.timedelta(days=i % 7),
                kind="consultation", channel="phone", from_whom="self", response="listened",
                categories=["life"], summary=summary, person_id=person_id)
            if deleted:
                record.deleted_at = dt.datetime(2026, 1, 1)


def _python_search(db, user, typed: str) -> set[int]:
    """The search's definition, in Python: the folded query inside the
    record's text or its person's (same branch) kana or name key."""
    key = kana.fold(typed)
    with db.session() as s:
        rows = s.execute(select(Consultation.id, Consultation.search_key, Person.kana_key,
                                Person.name_key, Person.branch_id)
                         .outerjoin(Person, Person.id == Consultation.person_id)
                         .where(Consultation.branch_id == user.branch_id,
                                Consultation.deleted_at.is_(None))).all()
    return {cid for cid, s_key, k_key, n_key, pb in rows
            if key in s_key or (pb == user.branch_id and (key in (k_key or "")
                                                          or key in (n_key or "")))}


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_indexed_search_finds_exactly_what_the_old_search_found(db, monkeypatch, data):
    """Random texts and names with kana/width/case variants, some records
    deleted, the branch alone or beside one with the same texts; queries of 1 to 6
    characters, half of them cut from the texts. Same ids in the same
    order, same count, with few matches (looked up by id) or many (the
    list order read with the plain test)."""
    with db.session() as s:  # one database for all examples: the earlier ones leave
        s.execute(update(Consultation).values(deleted_at=dt.datetime(2026, 1, 1)))
    code = f"S{next(_branch_codes)}"
    user = _new_branch(db, code)
    rows = data.draw(st.lists(st.tuples(texts, st.none() | texts, st.booleans()),
                              min_size=1, max_size=12))
    _fill(db, user, rows)
    if data.draw(st.booleans()):  # a neighbour branch with the same texts
        _fill(db, _new_branch(db, code + "x"), rows[:3])
    written = [r[0] for r in rows] + [r[1] for r in rows if r[1]]
    cut = st.sampled_from(written).flatmap(
        lambda t: st.integers(0, len(t)).flatmap(
            lambda i: st.integers(i + 1, i + 6).map(lambda j: t[i:j]))) if any(written) \
        else queries
    typed = data.draw(st.lists(queries | cut.filter(lambda t: t.strip()), min_size=1,
                               max_size=6))
    monkeypatch.setattr(svc, "SPARSE_MATCHES", data.draw(st.sampled_from([1, 5000])))
    indexed = {t: _found(db, user, t) for t in typed}
    with monkeypatch.context() as m:
        _old_search(m)
        old = {t: _found(db, user, t) for t in typed}
    assert indexed == old
    for t in typed:
        if kana.fold(t):
            assert set(indexed[t][0]) == _python_search(db, user, t), t


def _index_ids(db, key: str, branch_id: int) -> set[int]:
    """What the SQLite text index itself holds for key (no LIKE involved)."""
    with db.session() as s:
        index = svc._TextIndex.of(s, branch_id, key)
        return set(index.ids(s, index.matches, -1))


@pytest.fixture
def user(sqlite_db):
    with sqlite_db.session() as s:
        s.add(Branch(code="01", name="平方支部", sort_order=1))
    return coordinator_of(sqlite_db, "01")


def _draft(**kw) -> ConsultationDraft:
    values = dict(received_on=TODAY, kind="consultation", channel="phone", from_whom="self",
                  categories=["life"], response="listened", summary="")
    values.update(kw)
    return ConsultationDraft(**values)


def test_index_follows_entry_edit_delete_restore_and_person_changes(sqlite_db, user):
    db = sqlite_db
    new_id = svc.create_consultation(db, user, _draft(
        summary="成年後見制度の相談", new_person=NewPerson("検証 一子", "けんしょう いちこ")))
    for key in ("成年後見", "後見", "後", "けんしょう", "検証", "しょ"):
        assert _index_ids(db, key, user.branch_id) == {new_id}, key

    detail = svc.get_consultation(db, user, new_id)
    svc.update_consultation(db, user, new_id,
                            dataclasses.replace(detail.draft(), summary="配食サービス"))
    for key in ("成年後見", "後見", "後"):
        assert _index_ids(db, key, user.branch_id) == set(), key
    for key in ("サービス", "配食", "食"):
        assert _index_ids(db, kana.fold(key), user.branch_id) == {new_id}, key
    assert _index_ids(db, "けんしょう", user.branch_id) == {new_id}

    with db.session() as s:  # the person renamed (as an import or a merge may do)
        s.execute(update(Person).where(Person.id == detail.person_id)
                  .values(name="見本 花子", name_key=kana.fold("見本 花子"),
                          kana="みほん はなこ", kana_key=kana.fold("みほん はなこ")))
    assert _index_ids(db, "けんしょう", user.branch_id) == set()
    assert _index_ids(db, "みほん", user.branch_id) == {new_id}
    assert _index_ids(db, "花", user.branch_id) == {new_id}

    svc.delete_consultation(db, user, new_id)
    for key in ("配食", "みほん", "食"):
        assert _index_ids(db, key, user.branch_id) == set(), key
        assert _found(db, user, key) == ([], 0)
    admin = dataclasses.replace(user, role="admin", branch_id=None, branch_code=None,
                                branch_name=None)
    svc.restore_consultation(db, admin, new_id)
    for key in ("配食", "みほん", "食"):
        assert _index_ids(db, key, user.branch_id) == {new_id}, key
        assert _found(db, user, key) == ([new_id], 1)

    with db.session() as s:  # a record removed for good, then its person
        s.execute(text("DELETE FROM consultation_category"))
        s.execute(text("DELETE FROM consultation"))
        s.execute(text("DELETE FROM person"))
    assert _index_ids(db, "配食", user.branch_id) == set()
    _assert_index_matches_records(db)


def _assert_index_matches_records(db) -> None:
    """FTS5's own check that both indexes hold exactly their documents."""
    with db.session() as s:
        for table in ("search_trigram", "search_gram"):
            s.execute(text(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)"))


def test_index_follows_imports_new_and_updated_records_and_people(sqlite_db):
    db = sqlite_db
    import_ledger(db, "branches", ledger(BRANCH_HEADER, ["01", "平方支部", "", "", ""]),
                  today=TODAY)
    user = coordinator_of(db, "01")
    rows = [consultation(f"C{i}", summary=f"記録{i}の成年後見の相談", name=f"試験 {i}",
                         kana="しけん たろう") for i in range(30)]
    import_ledger(db, "consultations", ledger(CONSULTATION_HEADER, *rows), today=TODAY)
    assert _found(db, user, "セイネンコウケン")[1] == 0
    assert _found(db, user, "成年後見")[1] == 30
    assert _found(db, user, "シケン タロウ")[1] == 30
    assert _found(db, user, "見")[1] == 30

    rows[3] = consultation("C3", summary="買い物の手段", name="試験 3", kana="かりの じろう")
    import_ledger(db, "consultations", ledger(CONSULTATION_HEADER, *rows), today=TODAY)
    assert _found(db, user, "成年後見")[1] == 29
    assert _found(db, user, "買い物")[1] == 1
    assert _found(db, user, "カリノ")[1] == 1
    assert _found(db, user, "しけんたろう")[1] == 29
    _assert_index_matches_records(db)


def test_text_longer_than_the_gram_index_reads_is_still_found(sqlite_db, user):
    """A 1–2 character query on a record whose text goes on beyond the
    characters the gram index holds: LIKE checks those records."""
    db = sqlite_db
    long_id = svc.create_consultation(db, user, _draft(summary="あ" * 2500 + "鯨の話"))
    short_id = svc.create_consultation(db, user, _draft(summary="鯨"))
    for typed, expected in (("鯨", [short_id, long_id]), ("鯨の", [long_id]),
                            ("あ", [long_id]), ("い", [])):
        assert sorted(_found(db, user, typed)[0]) == sorted(expected), typed
        assert _found(db, user, typed)[1] == len(expected), typed


def test_a_text_search_count_reads_no_record(sqlite_db, user):
    """The count of a plain text search comes from the index, for 1, 2 and
    3+ characters: no statement tests the records' text one by one."""
    db = sqlite_db
    _fill(db, user, [("成年後見制度の相談", "しけん はなこ", False)] * 3)
    seen = []
    listen = lambda conn, cursor, statement, *rest: seen.append(statement)  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        for typed in ("成年後見", "シケン ハナコ", "相談", "後", "ぬぬぬ"):
            svc.count_consultations(db, user, ListQuery(text=typed))
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)
    assert seen and not [s for s in seen if "LIKE" in s.upper()]


def test_postgresql_search_uses_trigram_indexes(db):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("pg_trgm is PostgreSQL's")
    with db.session() as s:
        names = set(s.scalars(text("SELECT indexname FROM pg_indexes WHERE indexdef LIKE"
                                   " '%gin_trgm_ops%'")))
        assert {"ix_consultation_search_trgm", "ix_person_kana_trgm",
                "ix_person_name_trgm"} <= names
        s.execute(text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join(s.scalars(text(
            "EXPLAIN SELECT count(*) FROM consultation WHERE search_key LIKE '%せいねん%'")))
    assert "ix_consultation_search_trgm" in plan


def test_a_branch_copy_keeps_no_other_branchs_words_in_the_index(sqlite_db, user, tmp_path):
    """A coordinator's copy (backup --out) deletes the other branches'
    records; their words must not stay behind in the index's pages
    (deleted FTS5 entries stay in the file until a merge)."""
    from coordinator_app.services.branch_copy import write_branch_copy
    from coordinator_app.storage.database import Database

    db = sqlite_db
    neighbour = _new_branch(db, "02")
    _fill(db, user, [("自支部の記録", "しぶ いちろう", False)] * 3)
    secret = "zqvwkj"  # the neighbour's word; the branch's own texts have no Latin letters
    _fill(db, neighbour, [(f"隣の{secret}{i}", None, False) for i in range(40)])
    copy = write_branch_copy(db, user, tmp_path / "copy.db", "pw-for-the-copy").path
    key = None
    if db.encrypted:  # the copy has its own key, under the coordinator's password
        from coordinator_app.storage import keyfile

        key = keyfile.KeyFile.load(keyfile.keys_path(copy)).unlock_account(
            user.login, "pw-for-the-copy")
        key = key[0] if isinstance(key, list) else key
    opened = Database.open(str(copy), key=key)
    try:
        assert _found(opened, user, "自支部")[1] == 3
        assert _found(opened, user, secret)[1] == 0
        with opened.session() as s:
            blobs = b"".join(block for (block,) in s.execute(text(
                "SELECT block FROM search_trigram_data UNION ALL"
                " SELECT block FROM search_gram_data")) if block)
        for word in (secret[i:i + 3] for i in range(len(secret) - 2)):
            assert word.encode() not in blobs, word
        for letter in secret:  # the gram index's tokens: x<branch>x<hex>
            assert f"x{neighbour.branch_id}x{letter.encode().hex()}".encode() not in blobs
    finally:
        opened.close()
