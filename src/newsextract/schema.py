"""The output record: one pydantic v2 model per JSONL line, and its JSON Schema.

Every input becomes either a :class:`Record` (``status: "ok"``) or an
:class:`ErrorRecord` (``status: "error"``); :data:`Output` is their union, from which
``newsextract schema`` prints the JSON Schema.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

EntityType = Literal["CLUB", "PERSON", "VENUE", "COMPETITION", "DATE", "LOCATION"]
Granularity = Literal["day", "week", "month", "year", "season", "decade"]
EventType = Literal["match_result", "fixture", "draw", "qualification", "transfer", "coach_change"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mention(_Model):
    text: str
    start: int = Field(ge=0, description="Character offset into the article text")
    end: int = Field(ge=0)


class Entity(_Model):
    id: str = Field(description="Record-local id, e.g. 'e3', that events refer to")
    type: EntityType
    name: str = Field(description="KB name when linked, fullest form for a person, else the cleaned text")
    kb_id: str | None = Field(default=None, description="Knowledge-base id for CLUB, VENUE, COMPETITION")
    mentions: list[Mention]
    value: str | None = Field(default=None, description="DATE only: ISO 8601 value, e.g. 2025-08-26, 2025-08, 2024-25, 200X")
    granularity: Granularity | None = None
    role: str | None = Field(default=None, description="PERSON only: coach, player, goalkeeper, president, referee, agent, sporting director, executive")
    club: str | None = Field(default=None, description="PERSON only: canonical name of the club stated for them")


class Language(_Model):
    code: str = Field(description="ISO 639-1 code, or 'und' when undetermined")
    confidence: float = Field(ge=0, le=1)
    supported: bool
    method: Literal["langdetect", "short-text", "metadata", "forced"]


class Ref(_Model):
    """A reference from an event to an entity of the same record."""

    entity: str | None = Field(default=None, description="Entity id in this record")
    name: str
    kb_id: str | None = None


class Evidence(_Model):
    start: int
    end: int
    text: str


class _Event(_Model):
    evidence: Evidence
    confidence: float = Field(ge=0, le=1)
    participants: list[Ref] = Field(default_factory=list, description="Every club taking part")


class Scorer(_Model):
    person: Ref
    minute: str | None = None


class MatchResult(_Event):
    type: Literal["match_result"] = "match_result"
    home: Ref | None = None
    away: Ref | None = None
    score: str | None = Field(default=None, description="Home goals first, e.g. '2-1'")
    aggregate: str | None = None
    extra_time: bool = False
    penalties: str | None = None
    winner: Ref | None = None
    date: str | None = None
    venue: Ref | None = None
    competition: Ref | None = None
    stage: str | None = None
    scorers: list[Scorer] = Field(default_factory=list)


class Fixture(_Event):
    type: Literal["fixture"] = "fixture"
    home: Ref | None = None
    away: Ref | None = None
    date: str | None = None
    time: str | None = None
    venue: Ref | None = None
    competition: Ref | None = None
    stage: str | None = None


class Draw(_Event):
    type: Literal["draw"] = "draw"
    competition: Ref | None = None
    stage: str | None = None
    date: str | None = None
    place: str | None = None
    pairings: list[tuple[Ref, Ref]] = Field(default_factory=list)


class Qualification(_Event):
    type: Literal["qualification"] = "qualification"
    club: Ref | None = None
    competition: Ref | None = None
    stage: str | None = None
    eliminated: list[Ref] = Field(default_factory=list)
    method: Literal["aggregate", "penalties", "away_goals", "extra_time", "points"] | None = None


class Transfer(_Event):
    type: Literal["transfer"] = "transfer"
    person: Ref | None = None
    from_club: Ref | None = None
    to_club: Ref | None = None
    fee: str | None = None
    status: Literal["rumour", "agreed", "official"] = "rumour"
    date: str | None = None


class CoachChange(_Event):
    type: Literal["coach_change"] = "coach_change"
    club: Ref | None = None
    coach_in: Ref | None = None
    coach_out: Ref | None = None
    date: str | None = None


Event = Annotated[
    Union[MatchResult, Fixture, Draw, Qualification, Transfer, CoachChange], Field(discriminator="type")
]


class Versions(_Model):
    newsextract: str
    models: dict[str, str] = Field(default_factory=dict, description="language -> pipeline name and version")


class Record(_Model):
    status: Literal["ok"] = "ok"
    doc_id: str = Field(description="File name without extension, or the JSON/JSONL 'id'")
    source: str = Field(description="Path relative to the input root ('-' for stdin), with ':N' for a JSONL line")
    sha256: str = Field(description="SHA-256 of the input bytes (of the line for JSONL)")
    title: str | None = None
    url: str | None = None
    outlet: str | None = Field(default=None, description="The 'source' metadata field: who published it")
    published: str | None = Field(default=None, description="Publication date, YYYY-MM-DD")
    published_from: Literal["metadata", "dateline", "cli"] | None = None
    language: Language
    text_length: int
    entities: list[Entity] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    versions: Versions


class ErrorInfo(_Model):
    kind: Literal["unreadable", "decode", "empty", "format", "too_large", "internal"]
    message: str


class ErrorRecord(_Model):
    status: Literal["error"] = "error"
    doc_id: str
    source: str
    sha256: str | None = None
    error: ErrorInfo
    versions: Versions


Output = Annotated[Union[Record, ErrorRecord], Field(discriminator="status")]
OUTPUT_ADAPTER: TypeAdapter = TypeAdapter(Output)


def json_schema() -> dict:
    """The JSON Schema of one output line, generated from the models above."""
    schema = OUTPUT_ADAPTER.json_schema()
    schema["title"] = "newsextract record"
    return schema


class Disagreement(_Model):
    field: str
    values: dict[str, list[str]] = Field(description="Each value reported, with the doc_ids that report it")


class Happening(_Model):
    """One real-world happening consolidated from the events of many records (``newsextract merge``)."""

    id: str
    type: EventType
    participants: list[dict] = Field(description="Clubs taking part: name and kb_id")
    fields: dict = Field(description="Merged event fields (home, away, score, date, venue, ...)")
    sources: list[str] = Field(description="doc_ids of the records reporting it")
    languages: list[str]
    disagreements: list[Disagreement] = Field(default_factory=list)
    confidence: float = Field(ge=0, le=1)
