"""Who is coding: a person's name, chosen once per user account.

The coder used to be a project setting, so whoever changed it last decided
under whose name everyone else coded. The name now belongs to the person:
it is kept in the user's config folder (``platformdirs``), and a command or
session can name someone else explicitly. Resolution order:

1. ``--coder NAME`` on the command line (or ``coder=`` in the API);
2. the ``QUALCODE_CODER`` environment variable;
3. the name saved in the user's config (asked on the first ``qualcode open``);
4. the account name.

``QUALCODE_CONFIG_DIR`` replaces the config folder (tests use a temporary one).
"""

from __future__ import annotations

import getpass
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from qualcode.errors import QualcodeError

CODER_ENV = "QUALCODE_CODER"
CONFIG_ENV = "QUALCODE_CONFIG_DIR"
CONFIG_FILE = "config.json"


@dataclass(frozen=True)
class CoderChoice:
    """A coder name and where it came from (shown when the name is not the chosen one)."""

    name: str
    source: str  # "--coder", "QUALCODE_CODER", "your settings" or "account name"

    @property
    def chosen(self) -> bool:
        """False when nobody chose a name and the account name stands in for it."""
        return self.source != "account name"


def config_dir() -> Path:
    override = os.environ.get(CONFIG_ENV, "").strip()
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("qualcode"))


def _read_config() -> dict[str, object]:
    path = config_dir() / CONFIG_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}  # an unreadable config falls back to the account name; saving rewrites it
    return data if isinstance(data, dict) else {}


def saved_coder() -> str | None:
    """The name this user chose, or None if they never chose one."""
    name = _read_config().get("coder")
    return name.strip() or None if isinstance(name, str) else None


def clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise QualcodeError("coder: the coder name is empty")
    if len(cleaned) > 200:
        raise QualcodeError(f"coder {cleaned[:40]!r}…: a coder name has at most 200 characters")
    return cleaned


def save_coder(name: str) -> str:
    """Remember ``name`` as this user's coder name (atomically); returns it cleaned."""
    cleaned = clean_name(name)
    folder = config_dir()
    data = _read_config()
    data["coder"] = cleaned
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".config-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=2)
        os.replace(temporary, folder / CONFIG_FILE)
    except OSError as exc:
        raise QualcodeError(f"{folder / CONFIG_FILE}: cannot save the coder name "
                            f"({exc.strerror or exc})") from exc
    return cleaned


def account_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "coder"


def resolve_coder(explicit: str | None = None) -> CoderChoice:
    """The coder for this command or session, by the order in the module docstring."""
    if explicit is not None and explicit.strip():
        return CoderChoice(clean_name(explicit), "--coder")
    from_env = os.environ.get(CODER_ENV, "")
    if from_env.strip():
        return CoderChoice(clean_name(from_env), CODER_ENV)
    saved = saved_coder()
    if saved:
        return CoderChoice(saved, "your settings")
    return CoderChoice(account_name(), "account name")
