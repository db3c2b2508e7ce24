"""A throwaway PostgreSQL server for the tests and the benchmark.

``initdb`` into a fresh temporary folder, ``pg_ctl start`` listening on
127.0.0.1 at a free port (and a socket in that folder), ``stop`` removes it
all. PostgreSQL refuses to run as root, so when the tests run as root (CI
does) the server runs as the ``postgres`` user. Password authentication is
on for TCP connections (scram), so URLs with a password are exercised for real.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path

BIN = Path(os.environ.get("QUALCODE_PG_BIN", "/usr/lib/postgresql/15/bin"))
PASSWORD = "s3cret-Test-pw"


def available() -> bool:
    return (BIN / "initdb").is_file() and (BIN / "pg_ctl").is_file()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@dataclass
class Server:
    folder: Path
    port: int
    names: count = field(default_factory=lambda: count(1))

    def url(self, database: str = "postgres", user: str = "postgres",
            password: str | None = PASSWORD) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def admin(self, *statements: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)  # type: ignore[arg-type]

    def new_database(self, prefix: str = "study") -> str:
        """An empty database of its own; returns its URL (with the password)."""
        name = f"{prefix}_{os.getpid()}_{next(self.names)}"
        self.admin(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(_as_server_user([str(BIN / "pg_ctl"), "-D", str(self.folder / "data"),
                                        "-m", "immediate", "stop"]),
                       capture_output=True, check=False, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


def start(*, durable: bool = False) -> Server:
    """Start a server; ``durable`` keeps fsync on (for benchmarks), tests turn it off."""
    folder = Path(tempfile.mkdtemp(prefix="qualcode-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    folder.chmod(0o700)
    pwfile = folder / "pw"
    pwfile.write_text(PASSWORD + "\n")
    if os.geteuid() == 0:
        shutil.chown(pwfile, "postgres", "postgres")
    run = {"capture_output": True, "text": True, "check": False, "timeout": 120}
    done = subprocess.run(_as_server_user([
        str(BIN / "initdb"), "-D", str(folder / "data"), "-U", "postgres", "-E", "UTF8",
        "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=nl-BE",  # as in Flanders
        "--auth-local=trust", "--auth-host=scram-sha-256",
        f"--pwfile={pwfile}"]), **run)
    if done.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"initdb failed: {done.stderr.strip()}")
    port = _free_port()
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=100"
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    done = subprocess.run(_as_server_user([
        str(BIN / "pg_ctl"), "-D", str(folder / "data"), "-l", str(folder / "log"), "-w",
        "-o", options, "start"]), **run)
    if done.returncode != 0:
        log = (folder / "log").read_text() if (folder / "log").exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"pg_ctl start failed: {done.stderr.strip()} {log[-500:]}")
    return Server(folder, port)
