"""Settings read once from the environment, each with an embedded default.

A bad value raises `SettingsError` naming the setting, so start-up stops with one clear line.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from config.s3_url import parse_s3_url
from config.smtp_url import default_sender, parse_sender, parse_smtp_url

ENVIRONMENTS = ("development", "production")


class SettingsError(Exception):
    """A setting has a value the service cannot run with."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"invalid setting {name}: {problem}")
        self.name = name


@dataclass(frozen=True)
class Settings:
    env: str
    data_dir: Path
    database_url: str
    redis_url: str | None
    secret_key: str
    public_url: str
    db_pool_size: int = 10
    access_token_minutes: int = 15
    refresh_token_days: int = 30
    invitation_days: int = 7
    login_failures_per_email: int = 10
    login_failures_per_address: int = 50
    login_window_minutes: int = 15
    chat_starts_per_address: int = 20
    chat_start_window_minutes: int = 60
    # How long blockChatVisitor keeps a visitor's address from starting chats.
    chat_block_hours: int = 24
    registrations_per_address: int = 5
    registration_window_minutes: int = 60
    # Every member's (API token's, chat visitor's) writes: a bucket of WRITE_BURST mutation
    # fields refilled at WRITES_PER_MINUTE (permissions/budgets.py).
    writes_per_minute: int = 60
    write_burst: int = 30
    allowed_origins: tuple[str, ...] = field(default_factory=tuple)
    argon2_memory_kib: int = 65536
    # GraphQL WebSockets one process holds per token (a login's session, an API token, a chat
    # visitor) and per client address (IPv6 by /64); the excess is closed with 4429.
    max_sockets_per_token: int = 20
    max_sockets_per_address: int = 200
    event_retention_days: int = 7
    deadline_soon_minutes: int = 120
    # How often the deadline watch runs in each process; 0 turns it off (tests call it).
    deadline_watch_seconds: int = 5
    # Unset: e-mails stay in the outbox (config.smtp_url has the forms). Never in a repr.
    smtp_url: str | None = field(default=None, repr=False)
    smtp_from: str = "servicedesk@localhost"
    # Photos (resolvers/photos.py): limits per file and order, signed links' lifetime.
    photo_max_bytes: int = 10 * 1024 * 1024
    photo_max_pixels: int = 40_000_000
    photos_per_order: int = 30
    media_link_seconds: int = 15 * 60
    # Unset: photos in DATA_DIR/photos (media/storage.py). The URL holds keys: never in a repr.
    s3_url: str | None = field(default=None, repr=False)
    s3_region: str = "us-east-1"
    # How often each process removes stored files that no photo row names; 0 turns it off.
    orphan_sweep_seconds: int = 3600
    # The bearer token /metrics asks for; unset: only this host may scrape. Never in a repr.
    metrics_token: str | None = field(default=None, repr=False)
    # Inbox channels (channels/). Unset port: no inbound SMTP listener in this process.
    inbound_smtp_host: str = "127.0.0.1"
    inbound_smtp_port: int | None = None
    inbound_mail_max_bytes: int = 25 * 1024 * 1024
    telegram_api_url: str = "https://api.telegram.org"
    # How often each process looks for replies to deliver (a reply here wakes it at once)
    # and polls the companies' IMAP mailboxes; 0 turns either off.
    delivery_poll_seconds: int = 2
    imap_poll_seconds: int = 60
    # servicedesk/http/http_protocol.py: TCP connections one client address (IPv6 by /64) may hold
    # per process, WebSockets included (0: no cap; above max_sockets_per_address, whose 4429
    # says more), and how long a request's headers may take to arrive.
    max_connections_per_address: int = 300
    request_header_timeout_seconds: int = 10
    # Outgoing connections to hosts that users configure may reach loopback, private and
    # link-local addresses (permissions/outgoing_hosts.py); off: public addresses only.
    allow_private_hosts: bool = False

    @property
    def production(self) -> bool:
        return self.env == "production"

    @property
    def dialect(self) -> str:
        return "sqlite" if self.database_url.startswith("sqlite") else "postgres"


def _int(env: dict[str, str], name: str, default: int, minimum: int = 1) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(name, f"{raw!r} is not a whole number") from None
    if value < minimum:
        raise SettingsError(name, f"must be at least {minimum}")
    return value


def _flag(env: dict[str, str], name: str) -> bool:
    raw = (env.get(name) or "0").strip().lower()
    if raw not in ("0", "1", "true", "false", "yes", "no"):
        raise SettingsError(name, f"{raw!r} is not 1 or 0")
    return raw in ("1", "true", "yes")


def _port(env: dict[str, str], name: str) -> int | None:
    if not env.get(name):
        return None
    port = _int(env, name, 0, minimum=0)
    if port > 65535:
        raise SettingsError(name, "must be a port number, 0 to 65535 (0: any free port)")
    return port


def _database_url(env: dict[str, str], data_dir: Path) -> str:
    raw = env.get("DATABASE_URL") or f"sqlite://{data_dir / 'servicedesk.sqlite3'}"
    scheme = urlsplit(raw).scheme
    if scheme in ("postgresql", "postgres", "asyncpg"):
        return "postgres" + raw[len(scheme) :]
    if scheme == "sqlite":
        return raw
    raise SettingsError("DATABASE_URL", f"scheme {scheme!r} is not sqlite:// or postgres://")


def _url(env: dict[str, str], name: str, schemes: tuple[str, ...]) -> str | None:
    raw = env.get(name) or None
    if raw is None:
        return None
    parts = urlsplit(raw)
    if parts.scheme not in schemes or not parts.netloc:
        raise SettingsError(name, f"{raw!r} is not a {' or '.join(schemes)} URL")
    return raw.rstrip("/")


def _smtp(env: dict[str, str], public_url: str) -> tuple[str | None, str]:
    url = env.get("SMTP_URL") or None
    try:
        if url is not None:
            parse_smtp_url(url)
    except ValueError as exc:
        raise SettingsError("SMTP_URL", str(exc)) from None
    sender = env.get("SMTP_FROM")
    if not sender:
        return url, default_sender(public_url)
    try:
        return url, parse_sender(sender)
    except ValueError as exc:
        raise SettingsError("SMTP_FROM", str(exc)) from None


def _s3_url(env: dict[str, str]) -> str | None:
    raw = env.get("S3_URL") or None
    if raw is None:
        return None
    try:
        parse_s3_url(raw)
    except ValueError as exc:
        raise SettingsError("S3_URL", str(exc)) from None
    return raw


def _metrics_token(env: dict[str, str]) -> str | None:
    token = env.get("METRICS_TOKEN") or None
    if token is not None and (len(token) < 16 or not token.isprintable() or " " in token):
        raise SettingsError("METRICS_TOKEN", "must be at least 16 characters, without spaces")
    return token


def _secret_key(env: dict[str, str], data_dir: Path, production: bool) -> str:
    key = env.get("SECRET_KEY")
    if key:
        if len(key) < 32:
            raise SettingsError("SECRET_KEY", "must be at least 32 characters")
        return key
    if production:
        raise SettingsError("SECRET_KEY", "required in production")
    path = data_dir / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def load(environ: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if environ is None else environ)
    name = env.get("SERVICEDESK_ENV") or "development"
    if name not in ENVIRONMENTS:
        raise SettingsError("SERVICEDESK_ENV", f"{name!r} is not one of {', '.join(ENVIRONMENTS)}")
    production = name == "production"
    data_dir = Path(env.get("DATA_DIR") or "./data").resolve()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SettingsError("DATA_DIR", f"cannot create {data_dir}: {exc.strerror}") from None
    public_url = _url(env, "PUBLIC_URL", ("http", "https"))
    if public_url is None and production:
        raise SettingsError("PUBLIC_URL", "required in production")
    public_url = public_url or "http://127.0.0.1:8000"
    smtp_url, smtp_from = _smtp(env, public_url)
    origins = tuple(
        origin.strip().rstrip("/")
        for origin in env.get("ALLOWED_ORIGINS", "").split(",")
        if origin.strip()
    )
    return Settings(
        env=name,
        data_dir=data_dir,
        database_url=_database_url(env, data_dir),
        redis_url=_url(env, "REDIS_URL", ("redis", "rediss", "unix")),
        secret_key=_secret_key(env, data_dir, production),
        public_url=public_url,
        db_pool_size=_int(env, "DB_POOL_SIZE", 10),
        access_token_minutes=_int(env, "ACCESS_TOKEN_MINUTES", 15),
        refresh_token_days=_int(env, "REFRESH_TOKEN_DAYS", 30),
        invitation_days=_int(env, "INVITATION_DAYS", 7),
        login_failures_per_email=_int(env, "LOGIN_FAILURES_PER_EMAIL", 10),
        login_failures_per_address=_int(env, "LOGIN_FAILURES_PER_ADDRESS", 50),
        login_window_minutes=_int(env, "LOGIN_WINDOW_MINUTES", 15),
        chat_starts_per_address=_int(env, "CHAT_STARTS_PER_ADDRESS", 20),
        chat_start_window_minutes=_int(env, "CHAT_START_WINDOW_MINUTES", 60),
        chat_block_hours=_int(env, "CHAT_BLOCK_HOURS", 24),
        registrations_per_address=_int(env, "REGISTRATIONS_PER_ADDRESS", 5),
        registration_window_minutes=_int(env, "REGISTRATION_WINDOW_MINUTES", 60),
        writes_per_minute=_int(env, "WRITES_PER_MINUTE", 60),
        write_burst=_int(env, "WRITE_BURST", 30),
        allowed_origins=origins,
        argon2_memory_kib=_int(env, "ARGON2_MEMORY_KIB", 65536, minimum=8),
        max_sockets_per_token=_int(env, "MAX_SOCKETS_PER_TOKEN", 20),
        max_sockets_per_address=_int(env, "MAX_SOCKETS_PER_ADDRESS", 200),
        event_retention_days=_int(env, "EVENT_RETENTION_DAYS", 7),
        deadline_soon_minutes=_int(env, "DEADLINE_SOON_MINUTES", 120),
        deadline_watch_seconds=_int(env, "DEADLINE_WATCH_SECONDS", 5, minimum=0),
        smtp_url=smtp_url,
        smtp_from=smtp_from,
        photo_max_bytes=_int(env, "PHOTO_MAX_BYTES", 10 * 1024 * 1024),
        photo_max_pixels=_int(env, "PHOTO_MAX_PIXELS", 40_000_000),
        photos_per_order=_int(env, "PHOTOS_PER_ORDER", 30),
        media_link_seconds=_int(env, "MEDIA_LINK_SECONDS", 15 * 60, minimum=10),
        s3_url=_s3_url(env),
        s3_region=env.get("S3_REGION") or "us-east-1",
        orphan_sweep_seconds=_int(env, "ORPHAN_SWEEP_SECONDS", 3600, minimum=0),
        metrics_token=_metrics_token(env),
        inbound_smtp_host=env.get("INBOUND_SMTP_HOST") or "127.0.0.1",
        inbound_smtp_port=_port(env, "INBOUND_SMTP_PORT"),
        inbound_mail_max_bytes=_int(env, "INBOUND_MAIL_MAX_BYTES", 25 * 1024 * 1024, 1024),
        telegram_api_url=_url(env, "TELEGRAM_API_URL", ("http", "https"))
        or "https://api.telegram.org",
        delivery_poll_seconds=_int(env, "DELIVERY_POLL_SECONDS", 2, minimum=0),
        imap_poll_seconds=_int(env, "IMAP_POLL_SECONDS", 60, minimum=0),
        max_connections_per_address=_int(env, "MAX_CONNECTIONS_PER_ADDRESS", 300, minimum=0),
        request_header_timeout_seconds=_int(env, "REQUEST_HEADER_TIMEOUT_SECONDS", 10),
        allow_private_hosts=_flag(env, "ALLOW_PRIVATE_HOSTS"),
    )


_current: Settings | None = None


def configure(settings: Settings) -> Settings:
    """Make `settings` the process's settings (the app and the command line call this once)."""
    global _current
    _current = settings
    return settings


def current() -> Settings:
    """The process's settings, loaded from the environment on first use."""
    return _current if _current is not None else configure(load())
