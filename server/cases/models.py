"""Tables of the case log. Personal data never sits here in clear: the post text is kept redacted,
the original only as encrypted evidence (``EvidenceItem.ciphertext``)."""
from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


class UTCDateTime(TypeDecorator):
    """Stored as naive UTC (SQLite keeps no zone), always handed back timezone-aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Optional[dt.datetime], dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: Optional[dt.datetime], dialect):
        return None if value is None else value.replace(tzinfo=dt.timezone.utc)


class Base(DeclarativeBase):
    type_annotation_map = {dt.datetime: UTCDateTime(), dict[str, Any]: JSON, list[str]: JSON}


class Case(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200))
    platform: Mapped[str] = mapped_column(String(40), default="other")
    post_url: Mapped[str] = mapped_column(String(2000))
    account_handle: Mapped[Optional[str]] = mapped_column(String(200))
    post_id: Mapped[Optional[str]] = mapped_column(String(200))
    language: Mapped[Optional[str]] = mapped_column(String(8))
    redacted_text: Mapped[str] = mapped_column(Text)
    data_kinds: Mapped[list[str]] = mapped_column(default=list)
    risk_level: Mapped[str] = mapped_column(String(16))
    risk_value: Mapped[int] = mapped_column(Integer)
    reason_codes: Mapped[list[str]] = mapped_column(default=list)
    target_role: Mapped[str] = mapped_column(String(40), default="none")
    flags: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(20), default="new")
    status_changed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    follow_up_kind: Mapped[Optional[str]] = mapped_column(String(40))
    follow_up_at: Mapped[Optional[dt.datetime]]
    police_report_number: Mapped[Optional[str]] = mapped_column(String(100))

    history: Mapped[list["StatusChange"]] = relationship(
        back_populates="case", order_by="StatusChange.id", cascade="all, delete-orphan")
    evidence: Mapped[list["EvidenceItem"]] = relationship(
        back_populates="case", order_by="EvidenceItem.id", cascade="all, delete-orphan")
    drafts: Mapped[list["Draft"]] = relationship(
        back_populates="case", order_by="Draft.id", cascade="all, delete-orphan")
    custody: Mapped[list["CustodyEntry"]] = relationship(
        back_populates="case", order_by="CustodyEntry.id", cascade="all, delete-orphan")

    __table_args__ = (
        Index("ix_cases_status", "status"),
        Index("ix_cases_risk_level", "risk_level"),
        Index("ix_cases_follow_up_at", "follow_up_at"),
    )


class StatusChange(Base):
    __tablename__ = "status_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[Optional[str]] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    note: Mapped[Optional[str]] = mapped_column(Text)  # redacted like the post text
    moderator: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    follow_up_at: Mapped[Optional[dt.datetime]]

    case: Mapped[Case] = relationship(back_populates="history")


class Draft(Base):
    """That a draft was made (kind, language, who, when); its body is not kept."""

    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(8))
    moderator: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    case: Mapped[Case] = relationship(back_populates="drafts")


class EvidenceItem(Base):
    __tablename__ = "evidence_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    media_type: Mapped[str] = mapped_column(String(60))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    captured_at: Mapped[dt.datetime]
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    source_url: Mapped[Optional[str]] = mapped_column(String(2000))
    captured_by: Mapped[str] = mapped_column(String(200))
    key_id: Mapped[str] = mapped_column(String(16))
    # nonce + AES-GCM ciphertext; NULL once purged.
    ciphertext: Mapped[Optional[bytes]] = mapped_column(LargeBinary)
    retain_until: Mapped[dt.datetime]
    purged_at: Mapped[Optional[dt.datetime]]

    case: Mapped[Case] = relationship(back_populates="evidence")


class CustodyEntry(Base):
    """Chain of custody (Berkeley Protocol para 167): who did what to which item, when."""

    __tablename__ = "custody_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    evidence_id: Mapped[Optional[int]] = mapped_column(ForeignKey("evidence_items.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(20))
    moderator: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    detail: Mapped[Optional[str]] = mapped_column(String(400))

    case: Mapped[Case] = relationship(back_populates="custody")
