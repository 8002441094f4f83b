"""Creating, opening and locking books, and the people who act in them (DESIGN section 2).

A book is `NAME.pabook` (SQLCipher, random raw key) with `NAME.pabook.keys` beside it (that key
wrapped by the passphrase). The recovery code is the raw key itself, so it opens the book even when
the keys file or the passphrase is lost. Every failure here is a BookError with one plain sentence.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

import pa_manager
from pa_manager.domain import passphrase as passphrase_rules
from pa_manager.domain import recovery_code
from pa_manager.domain.errors import DomainError
from pa_manager.domain.holder import BudgetHolder, FundingAgreement, ManagedBy, Person, PersonRole
from pa_manager.domain.money import Money
from pa_manager.services.errors import BookError
from pa_manager.store import audit, keychain, migrate
from pa_manager.store import backup as backups
from pa_manager.store import keys as keyfile
from pa_manager.store.engine import KEY_BYTES, WrongKeyError, make_engine, verify_key
from pa_manager.store.models import (
    AccountRow,
    AuditEntry,
    BookMeta,
    FundingAgreementRow,
    Holder,
    PersonRow,
)

SUFFIX = ".pabook"
MANAGER_ROLE = {
    ManagedBy.FAMILY_CARER: PersonRole.FAMILY_CARER,
    ManagedBy.NOMINATED_PERSON: PersonRole.NOMINATED_PERSON,
    ManagedBy.SUPPORT_SERVICE: PersonRole.SUPPORT_WORKER,
}


@dataclass(frozen=True, slots=True)
class NewBook:
    """Everything the first-run wizard (or `pa-manager new`) gathers."""

    holder: BudgetHolder
    funding: FundingAgreement
    manager_name: str = ""
    manager_relationship: str = ""
    opening_balance: Money = Money(0)


@dataclass(frozen=True, slots=True)
class CreatedBook:
    """A new book, and its recovery code: shown once, for the recovery sheet."""

    path: Path
    recovery_code: str
    holder_name: str


@dataclass(frozen=True, slots=True)
class UnlockInfo:
    """Which ways of unlocking a book file are open on this computer."""

    exists: bool
    has_keys_file: bool
    remembered: bool


class Book:
    """An open, unlocked book. All of its methods touch the database: call them off the GUI thread."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        key: bytes,
        book_id: str,
        *,
        visit_mode: bool = False,
        opened_by_recovery: bool = False,
    ) -> None:
        self.path = path
        self.book_id = book_id
        self.visit_mode = visit_mode
        self.opened_by_recovery = opened_by_recovery
        self._engine: Engine | None = engine
        self._key: bytes | None = key
        self._sessions: sessionmaker[Session] | None = sessionmaker(engine, expire_on_commit=False)
        audit.install(self._sessions)  # type: ignore[arg-type]
        self._actor: Person | None = None
        with self.read() as s:
            holder = s.scalars(select(Holder)).one()
            self.holder_name = holder.name

    # -- sessions -------------------------------------------------------------------------
    def _session_factory(self) -> sessionmaker[Session]:
        if self._sessions is None:
            raise BookError("This book is locked. Unlock it to carry on.")
        return self._sessions

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self._session_factory()() as s:
            yield s

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction for one user action, recorded in the audit trail under the actor."""
        if self._actor is None:
            raise BookError("Choose who is using the book before changing anything.")
        with self._session_factory().begin() as s:
            s.info[audit.ACTOR_KEY] = self.actor_label
            yield s

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise BookError("This book is locked. Unlock it to carry on.")
        return self._engine

    @property
    def key(self) -> bytes:
        if self._key is None:
            raise BookError("This book is locked. Unlock it to carry on.")
        return self._key

    # -- people ---------------------------------------------------------------------------
    def people(self) -> list[Person]:
        with self.read() as s:
            return [_person(r) for r in s.scalars(select(PersonRow).order_by(PersonRow.id))]

    def act_as(self, person_id: int) -> Person:
        for p in self.people():
            if p.id == person_id:
                self._actor = p
                return p
        raise BookError("That person is not in this book.")

    def act_as_default(self) -> Person:
        """The manager if there is one, else the holder: who a script acts as."""
        people = self.people()
        managers = [p for p in people if p.role is not PersonRole.BUDGET_HOLDER]
        return self.act_as((managers or people)[0].id)

    @property
    def actor(self) -> Person | None:
        return self._actor

    @property
    def actor_label(self) -> str:
        if self._actor is None:
            return ""
        label = self._actor.label(self.holder_name.split()[0])
        return f"{label}, visit mode" if self.visit_mode else label

    def add_person(self, name: str, role: PersonRole, relationship: str = "") -> Person:
        name, relationship = name.strip(), relationship.strip()
        if not name:
            raise BookError("Type the name of the person using the book.")
        if len(name) > 200 or len(relationship) > 100:
            raise BookError("That name or relationship is too long; shorten it.")
        if self._actor is None:
            # Adding yourself at unlock is the first change you make: it is recorded as you.
            self._actor = Person(0, name, role, relationship)
        with self.write() as s:
            row = PersonRow(name=name, role=role.value, relationship=relationship)
            s.add(row)
            s.flush()
            person = _person(row)
        self._actor = person
        return person

    def title(self) -> str:
        who = f" — acting: {self.actor_label}" if self._actor else ""
        return f"{self.holder_name}’s book{who}"

    def close(self) -> None:
        """Lock: close every connection and drop the key, the engine and the session factory.

        Afterwards every read or write raises BookError; nothing here can reach the data again.
        """
        if self._engine is not None:
            self._engine.dispose()
        self._engine = None
        self._sessions = None
        self._key = None

    @property
    def is_open(self) -> bool:
        return self._engine is not None


def _person(row: PersonRow) -> Person:
    return Person(row.id, row.name, PersonRole(row.role), row.relationship)


# -- creating ---------------------------------------------------------------------------------
def create_book(path: Path, passphrase: str, new: NewBook, *, remember: bool = False) -> CreatedBook:
    """Make a new, empty book and its keys file. Nothing is left behind if any step fails."""
    path = book_path(path)
    try:
        passphrase_rules.require_acceptable(passphrase)
    except DomainError as err:
        raise BookError(str(err)) from None
    keys_file = keyfile.keys_path(path)
    for p in (path, keys_file):
        if p.exists():
            raise BookError(f"{p.name} already exists. Choose another name or folder.")
    if not path.parent.is_dir():
        raise BookError(f"The folder {path.parent} does not exist.")
    key, book_id = secrets.token_bytes(KEY_BYTES), uuid.uuid4().hex
    engine = make_engine(path, key)
    try:
        migrate.upgrade_to(engine, migrate.head())
        os.chmod(path, 0o600)  # ciphertext, but still nobody else's business
        creator = _initial_people(new)
        sessions = sessionmaker(engine)
        audit.install(sessions)  # type: ignore[arg-type]
        with sessions.begin() as s:
            s.info[audit.ACTOR_KEY] = creator[0].label(new.holder.name.split()[0])
            _write_initial(s, book_id, new, creator)
        keyfile.save(keys_file, keyfile.wrap(book_id, key, passphrase))
    except BaseException:
        engine.dispose()
        for p in (
            path,
            keys_file,
            path.with_name(path.name + "-wal"),
            path.with_name(path.name + "-shm"),
        ):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
        raise
    engine.dispose()
    if remember:
        keychain.store(book_id, key)
    return CreatedBook(path, recovery_code.encode(key), new.holder.name)


def book_path(path: Path) -> Path:
    path = Path(path).expanduser()
    return path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)


def _initial_people(new: NewBook) -> list[Person]:
    holder = Person(1, new.holder.name, PersonRole.BUDGET_HOLDER)
    role = MANAGER_ROLE.get(new.holder.managed_by)
    if role and new.manager_name.strip():
        return [Person(2, new.manager_name.strip(), role, new.manager_relationship.strip()), holder]
    return [holder]


def _write_initial(s: Session, book_id: str, new: NewBook, people: list[Person]) -> None:
    h, f = new.holder, new.funding
    now = datetime.now(UTC).isoformat(timespec="seconds")
    s.add_all(
        [
            BookMeta(key="book_id", value=book_id),
            BookMeta(key="created_utc", value=now),
            BookMeta(key="created_by_version", value=pa_manager.__version__),
        ]
    )
    s.add(
        Holder(
            name=h.name.strip(),
            date_of_birth=h.date_of_birth,
            council=h.council.strip(),
            council_reference=h.council_reference.strip(),
            nation=h.nation.value,
            managed_by=h.managed_by.value,
            account_type=h.account_type.value,
        )
    )
    s.add(
        FundingAgreementRow(
            weekly_dp_pence=f.weekly_dp.pence,
            schedule=f.schedule.value,
            client_contribution_pence=f.client_contribution_weekly.pence,
            allowed_min_weeks=str(f.allowed.min_weeks),
            allowed_max_weeks=str(f.allowed.max_weeks),
            return_frequency=f.return_frequency.value,
            start_date=f.start_date,
            review_date=f.review_date,
            agreed_contingency_pence=f.agreed_contingency.pence,
        )
    )
    # The holder is always person 1, so ids are stable whoever created the book.
    for p in sorted(people, key=lambda p: p.role is not PersonRole.BUDGET_HOLDER):
        s.add(PersonRow(name=p.name, role=p.role.value, relationship=p.relationship))
    s.add(
        AccountRow(
            name=h.account_type.label,
            kind=h.account_type.value,
            opening_balance_pence=new.opening_balance.pence,
            opening_date=f.start_date,
        )
    )


# -- opening ----------------------------------------------------------------------------------
def unlock_info(path: Path) -> UnlockInfo:
    path = Path(path)
    kpath = keyfile.keys_path(path)
    remembered = False
    if kpath.exists():
        with contextlib.suppress(keyfile.KeysFileError):
            remembered = keychain.fetch(keyfile.load(kpath).book_id) is not None
    return UnlockInfo(path.exists(), kpath.exists(), remembered)


def open_book(
    path: Path,
    *,
    passphrase: str | None = None,
    recovery_code: str | None = None,
    use_remembered: bool = False,
    visit_mode: bool = False,
) -> Book:
    """Unlock a book. Wrong secrets change no file; an older schema is upgraded after a backup."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise BookError(f"There is no book at {path}.")
    key, expected_id, by_recovery = _find_key(path, passphrase, recovery_code, use_remembered, visit_mode)
    engine = make_engine(path, key)
    try:
        verify_key(engine)
    except WrongKeyError:
        if by_recovery:
            raise BookError(
                "That recovery code does not open this book; is it the sheet for another book?"
            ) from None
        raise BookError(f"{path.name} is not a PA Manager book, or it is damaged.") from None
    try:
        book_id = _book_id(engine)
        if expected_id and book_id != expected_id:
            raise BookError(f"The keys file beside {path.name} belongs to a different book.")
        migrate.bring_up_to_date(engine, lambda rev: _backup_before_upgrade(engine, path, book_id, rev))
        return Book(path, engine, key, book_id, visit_mode=visit_mode, opened_by_recovery=by_recovery)
    except migrate.NewerBookError:
        engine.dispose()
        raise BookError(
            f"{path.name} was saved by a newer version of PA Manager. Update PA Manager to open it."
        ) from None
    except BaseException:
        engine.dispose()
        raise


def _find_key(
    path: Path, passphrase: str | None, code: str | None, use_remembered: bool, visit_mode: bool
) -> tuple[bytes, str | None, bool]:
    if code is not None:
        try:
            return recovery_code.decode(code), None, True
        except DomainError as err:
            raise BookError(str(err)) from None
    try:
        keys = keyfile.load(keyfile.keys_path(path))
    except keyfile.KeysFileError as err:
        raise BookError(str(err)) from None
    if use_remembered:
        remembered = None if visit_mode else keychain.fetch(keys.book_id)
        if remembered is None:
            raise BookError(
                "This computer does not remember the key for this book. Type the passphrase instead."
            )
        return remembered, keys.book_id, False
    if not passphrase:
        raise BookError("Type the passphrase for this book.")
    try:
        return keyfile.unwrap(keys, passphrase), keys.book_id, False
    except keyfile.WrongPassphraseError:
        raise BookError(
            "That passphrase does not open this book. Check it and try again, or use the recovery code."
        ) from None


def _book_id(engine: Engine) -> str:
    with engine.connect() as con:
        try:
            value = con.execute(select(BookMeta.value).where(BookMeta.key == "book_id")).scalar()
        except Exception:
            value = None
    if not value:
        raise BookError("This file opens but is not a PA Manager book.")
    return str(value)


def _backup_before_upgrade(engine: Engine, path: Path, book_id: str, rev: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out = path.with_name(f"{path.stem}.before-upgrade-{rev}-{stamp}.pabackup")
    return backups.write_backup(engine, path, out, backups.Manifest(book_id, rev, backups.now_utc()))


# -- keys -------------------------------------------------------------------------------------
def change_passphrase(book: Book, current: str, new: str) -> None:
    """Rewrap the key under a new passphrase. The book's data is not rewritten."""
    kpath = keyfile.keys_path(book.path)
    try:
        keys = keyfile.load(kpath)
        if keyfile.unwrap(keys, current) != book.key:
            raise BookError("The keys file beside this book belongs to a different book.")
    except keyfile.KeysFileError as err:
        raise BookError(str(err)) from None
    except keyfile.WrongPassphraseError:
        raise BookError("The current passphrase is not right.") from None
    _rewrap(book, new)


def set_new_passphrase(book: Book, new: str) -> None:
    """After opening with the recovery code: write a new keys file under a new passphrase."""
    _rewrap(book, new)
    book.opened_by_recovery = False


def _rewrap(book: Book, new: str) -> None:
    try:
        passphrase_rules.require_acceptable(new)
    except DomainError as err:
        raise BookError(str(err)) from None
    keyfile.save(keyfile.keys_path(book.path), keyfile.wrap(book.book_id, book.key, new))
    if book.actor is not None:
        with book.write() as s:
            audit.note(s, "Set a new passphrase")


def keyring_usable() -> bool:
    return keychain.usable()


def remember_on_this_computer(book: Book, remember: bool) -> bool:
    """Keep (or forget) the key in the OS keyring. False when there is no usable keyring."""
    if book.visit_mode:
        raise BookError("In visit mode nothing is remembered on this computer.")
    if not remember:
        keychain.forget(book.book_id)
        return False
    return keychain.store(book.book_id, book.key)


def count_audit_entries(book: Book) -> int:
    with book.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def write_recovery_sheet(created: CreatedBook, pdf_path: Path) -> Path:
    """Save the recovery sheet PDF where the person chose (an export they asked for)."""
    from pa_manager.reports import recovery_sheet  # reportlab takes 0.3 s to load: only when asked

    pdf_path = Path(pdf_path).expanduser()
    if pdf_path.suffix.lower() != ".pdf":
        pdf_path = pdf_path.with_name(pdf_path.name + ".pdf")
    sheet = recovery_sheet.RecoverySheet(
        created.holder_name, created.path.name, created.recovery_code, date.today()
    )
    try:
        return recovery_sheet.render(sheet, pdf_path)
    except OSError as err:
        raise BookError(f"Could not save the recovery sheet: {err.strerror or err}.") from None
