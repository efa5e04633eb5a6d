"""Knowledge base of clubs, venues and competitions: schema, loading and alias lookup.

The KB ships as YAML files in ``newsextract/data/kb/``; a user may add files of the same
shape (``--kb extra.yaml``). Each file holds any of the top-level keys ``clubs``,
``venues`` and ``competitions``. Every file is validated with pydantic and errors name
the file and the offending field.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _slug(v: str) -> str:
    if not ID_RE.match(v):
        raise ValueError(f"id {v!r} must be a lowercase slug like 'real-madrid'")
    return v


Slug = Annotated[str, AfterValidator(_slug)]


class KBError(ValueError):
    """A KB file is unreadable or invalid; the message names the file and field."""


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug = Field(description="Stable slug, unique within its kind, e.g. 'inter'")
    name: str = Field(description="Canonical display name")
    aliases: list[str] = Field(default_factory=list, description="Other names, any language")
    aliases_it: list[str] = Field(default_factory=list, description="Italian-only names (exonyms)")
    aliases_en: list[str] = Field(default_factory=list, description="English-only names")

    def names(self, lang: str | None = None) -> list[str]:
        """Every form this entry may be written as, for one language or all."""
        extra = {"it": self.aliases_it, "en": self.aliases_en}
        langs = [lang] if lang in extra else list(extra)
        out = [self.name, *self.aliases]
        for code in langs:
            out += extra[code]
        return out


class Club(_Entry):
    country: str = Field(description="ISO 3166-1 alpha-3 or FIFA code, e.g. ITA, ENG")
    city: str
    venue: str | None = Field(default=None, description="id of the home venue")
    nicknames: list[str] = Field(default_factory=list, description="Nicknames: link only in football context")
    shared_nicknames: list[str] = Field(
        default_factory=list,
        description="Nicknames several clubs share ('rossoblù', 'the Blues'): linked to this club only in an article that names it and no other club sharing them",
    )
    national_team: bool = False


class Venue(_Entry):
    city: str
    country: str


class Competition(_Entry):
    kind: str = Field(description="league, cup, supercup, international")
    country: str | None = Field(default=None, description="None for international competitions")


DAY_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


class Tenure(BaseModel):
    """A coach's spell in charge of a club or national team, caretaker spells included."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    club: str = Field(description="id of the club or national team")
    start: str = Field(description="First day in charge, YYYY-MM-DD (or YYYY-MM)")
    end: str | None = Field(default=None, description="Last day in charge; None while still in charge")

    @field_validator("start", "end", mode="before")
    @classmethod
    def _day(cls, v: object) -> str | None:
        if isinstance(v, dt.date):
            v = v.isoformat()
        if v is not None and not (isinstance(v, str) and DAY_RE.match(v)):
            raise ValueError(f"date {v!r} must be YYYY-MM-DD or YYYY-MM")
        return v

    @model_validator(mode="after")
    def _ordered(self) -> "Tenure":
        if self.end is not None and self.end < self.start[: len(self.end)]:
            raise ValueError(f"spell ends ({self.end}) before it starts ({self.start})")
        return self

    def covers(self, day: str) -> bool:
        return self.start[: len(day)] <= day and (self.end is None or day[: len(self.end)] <= self.end)


class Coach(BaseModel):
    """A coach and the clubs they were in charge of, so that "Conte's side" can be read as his club's.

    A coach may be listed in several files (one per league region), each with the spells at its clubs."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug = Field(description="Stable slug, e.g. 'antonio-conte'")
    name: str = Field(description="Full name as usually written")
    aliases: list[str] = Field(default_factory=list, description="Other full forms ('Xabier Alonso', 'Pep Guardiola')")
    tenures: list[Tenure] = Field(min_length=1)

    def joined(self, other: "Coach | None") -> "Coach":
        """One coach from two files' entries (one file per league region): names and tenures pooled."""
        if other is None:
            return self
        aliases = [a for a in dict.fromkeys([*other.aliases, self.name, *self.aliases]) if a != other.name]
        return Coach(id=self.id, name=other.name, aliases=aliases, tenures=list(dict.fromkeys([*other.tenures, *self.tenures])))

    def clubs_on(self, day: str | None) -> set[str]:
        """Clubs in charge of on a day (YYYY-MM-DD); every club coached when the day is unknown."""
        return {t.club for t in self.tenures if day is None or t.covers(day)}


class KBFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    clubs: list[Club] = Field(default_factory=list)
    venues: list[Venue] = Field(default_factory=list)
    competitions: list[Competition] = Field(default_factory=list)
    coaches: list[Coach] = Field(default_factory=list)


KINDS = {"clubs": "CLUB", "venues": "VENUE", "competitions": "COMPETITION"}
KIND_OF = {label: kind for kind, label in KINDS.items()}
DROPPED = re.compile(r"[.'’`]")
SEPARATORS = re.compile(r"[^a-z0-9]+")
LINK_WORDS = frozenset({"di", "de", "del", "della", "of", "da", "do", "der", "e", "and", "y", "et"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lookup key: accents and case folded, apostrophes and dots dropped, spaces squeezed.

    Cached: the same names are folded again and again, for every mention in every article."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return " ".join(SEPARATORS.split(DROPPED.sub("", text))).strip()


def load_file(path: Path) -> KBFile:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise KBError(f"{path}: cannot read KB file: {exc}") from None
    try:
        return KBFile.model_validate(data)
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            loc = ".".join(str(p) for p in err["loc"])
            lines.append(f"{path}: field {loc}: {err['msg']}")
        raise KBError("\n".join(lines)) from None


def default_files() -> list[Path]:
    folder = resources.files("newsextract") / "data" / "kb"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith((".yaml", ".yml")))


class KnowledgeBase:
    """All entries of the shipped KB plus any user files, indexed by id and folded alias."""

    def __init__(self, files: list[Path] | None = None):
        self.files = list(files) if files is not None else default_files()
        self.entries: dict[str, dict[str, _Entry]] = {k: {} for k in KINDS}
        self.coaches: dict[str, Coach] = {}
        for path in self.files:
            part = load_file(path)
            for kind in KINDS:
                for entry in getattr(part, kind):
                    if entry.id in self.entries[kind]:
                        raise KBError(f"{path}: field {kind}.id: duplicate id {entry.id!r}")
                    self.entries[kind][entry.id] = entry
            for coach in part.coaches:
                self.coaches[coach.id] = coach.joined(self.coaches.get(coach.id))
        for club in self.entries["clubs"].values():
            if club.venue and club.venue not in self.entries["venues"]:
                raise KBError(f"KB: field clubs.{club.id}.venue: unknown venue id {club.venue!r}")
        for coach in self.coaches.values():
            for tenure in coach.tenures:
                if tenure.club not in self.entries["clubs"]:
                    raise KBError(f"KB: field coaches.{coach.id}.tenures.club: unknown club id {tenure.club!r}")

    @classmethod
    def with_extra(cls, extra: list[Path]) -> "KnowledgeBase":
        """The shipped KB plus extra files, loaded once per process for the same files."""
        return _load(tuple(str(p) for p in default_files() + list(extra)))

    def get(self, label: str, kb_id: str) -> _Entry | None:
        return self.entries[KIND_OF[label]].get(kb_id)

    @cached_property
    def _index(self) -> dict[tuple[str, str, str], set[str]]:
        """(label, lang, folded form) -> ids; lang '*' for forms valid in any language."""
        index: dict[tuple[str, str, str], set[str]] = {}
        for kind, label in KINDS.items():
            for entry in self.entries[kind].values():
                for name in [entry.name, *entry.aliases]:
                    index.setdefault((label, "*", fold(name)), set()).add(entry.id)
                for lang in ("it", "en"):
                    for name in getattr(entry, f"aliases_{lang}"):
                        index.setdefault((label, lang, fold(name)), set()).add(entry.id)
                for name in getattr(entry, "nicknames", []):
                    index.setdefault((label, "nick", fold(name)), set()).add(entry.id)
        return index

    def lookup(self, label: str, text: str, lang: str | None = None, nicknames: bool = True) -> set[str]:
        """Ids whose name, alias or (optionally) nickname folds to the same key as text."""
        key = fold(text)
        found = set(self._index.get((label, "*", key), ()))
        for code in ([lang] if lang else ["it", "en"]):
            found |= self._index.get((label, code, key), set())
        if nicknames and not found:
            found |= self._index.get((label, "nick", key), set())
        return found

    @cached_property
    def _parts(self) -> dict[tuple[str, str], set[str]]:
        """(label, folded part of a form) -> ids: for clubs every run of whole words of a name or
        nickname, and each shared nickname; for venues only the closing words that follow the
        first ('Liberati' of 'Stadio Libero Liberati'), never a town, a club's name nor what
        follows 'di', 'of', 'e' ('Torino' of 'Stadio Olimpico Grande Torino', 'Benfica' of
        'Estádio do Sport Lisboa e Benfica'): such words far more often name a club or a town."""
        index: dict[tuple[str, str], set[str]] = {}
        for entry in self.entries["clubs"].values():
            for form in entry.names() + entry.nicknames:
                words = fold(form).split()
                for i in range(len(words)):
                    for j in range(i + 1, len(words) + 1):
                        index.setdefault(("CLUB", " ".join(words[i:j])), set()).add(entry.id)
            for form in entry.shared_nicknames:
                index.setdefault(("CLUB", fold(form)), set()).add(entry.id)
        towns = {fold(e.city) for kind in ("clubs", "venues") for e in self.entries[kind].values()}
        for entry in self.entries["venues"].values():
            for form in entry.names():
                words = fold(form).split()
                for i in range(1, len(words)):
                    tail = " ".join(words[i:])
                    if words[i - 1] not in LINK_WORDS and words[i] not in LINK_WORDS and tail not in towns and ("CLUB", tail) not in index:
                        index.setdefault(("VENUE", tail), set()).add(entry.id)
        return index

    @cached_property
    def _coach_index(self) -> dict[str, list[Coach]]:
        """Folded full names and surnames -> coaches."""
        index: dict[str, list[Coach]] = {}
        for coach in self.coaches.values():
            for form in {fold(n) for n in [coach.name, *coach.aliases]}:
                index.setdefault(form, []).append(coach)
                if " " in form:
                    index.setdefault(form.rsplit(" ", 1)[-1], []).append(coach)
        return index

    def coached(self, name: str, day: str | None, among: set[str]) -> str | None:
        """The one club among these (the clubs an article names) that a coach of this name, full or surname, ran on that day."""
        found = {club for coach in self._coach_index.get(fold(name), []) for club in coach.clubs_on(day)} & among
        return found.pop() if len(found) == 1 else None

    def sharing(self, label: str, text: str) -> set[str]:
        """Clubs or venues a short or shared form may stand for: 'United' (Manchester, Newcastle, Leeds…), 'rossoblù', 'Liberati'."""
        return set(self._parts.get((label, fold(text)), ()))

    def patterns(self, lang: str) -> list[dict]:
        """Entity-ruler phrase patterns for every name, alias and nickname in one language."""
        seen, out = set(), []
        for kind, label in KINDS.items():
            for entry in self.entries[kind].values():
                forms = entry.names(lang) + list(getattr(entry, "nicknames", [])) + list(getattr(entry, "shared_nicknames", []))
                for form in forms:
                    if (label, form) not in seen:
                        seen.add((label, form))
                        out.append({"label": label, "pattern": form, "id": entry.id})
        return out


@lru_cache(maxsize=8)
def _load(files: tuple[str, ...]) -> KnowledgeBase:
    return KnowledgeBase([Path(f) for f in files])
