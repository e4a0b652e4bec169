"""Opinions, their biomarkers, treatment steps, questions and field sources (to be built)."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from opinion_desktop.domain.opinions import Opinion, OpinionFields


class OpinionRepository:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def all(self) -> list[Opinion]:
        """Every opinion, by date (undated last), then id."""
        raise NotImplementedError

    def get(self, opinion_id: int) -> Opinion:
        raise NotImplementedError

    def add(self, fields: OpinionFields) -> Opinion:
        raise NotImplementedError

    def update(self, opinion_id: int, fields: OpinionFields) -> Opinion:
        raise NotImplementedError

    def delete(self, opinion_id: int) -> None:
        raise NotImplementedError
