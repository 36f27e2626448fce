"""Settings read once from the environment, each with an embedded default.

Every bad value, and in production every missing required one, is named in one
`SettingsError`, one line each: a start names them all, not one per try.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit, urlunsplit

from config.s3_url import parse_s3_url
from config.sms_url import parse_sms_url
from config.smtp_url import default_sender, parse_sender, parse_smtp_url

ENVIRONMENTS = ("development", "production")
_T = TypeVar("_T")


class SettingsError(Exception):
    """Settings the service cannot run with: every one found, one line each."""

    def __init__(self, name: str, problem: str, *more: tuple[str, str]) -> None:
        self.problems = ((name, problem), *more)
        super().__init__("\n".join(f"invalid setting {n}: {p}" for n, p in self.problems))
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
    # argon2's lanes (its parallelism): each pass over a lane of the memory runs in a thread of
    # its own, so with a small ARGON2_MEMORY_KIB the threads cost more than the hash (4 lanes of
    # 64 KiB: 1.7 ms of CPU a hash, 1 lane 0.1 ms; at 64 MiB 167 and 159 ms).
    argon2_lanes: int = 4
    # GraphQL WebSockets one process holds per token (a login's session, an API token, a chat
    # visitor) and per client address (IPv6 by /64); the excess is closed with 4429.
    max_sockets_per_token: int = 20
    max_sockets_per_address: int = 200
    event_retention_days: int = 7
    deadline_soon_minutes: int = 120
    # How often the deadline watch runs in each process; 0 turns it off (tests call it).
    deadline_watch_seconds: int = 5
    # Recurring series: each visit's order is made this many days ahead, by a round every
    # SERIES_ROUND_SECONDS in each process (0 turns the round off; tests call it).
    series_horizon_days: int = 28
    series_round_seconds: int = 300
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
    # Reads of the compiled subset answered by one SQL statement (schema/compiled/); 0: the
    # executor answers every document.
    compiled_reads: bool = True
    # Where mailed links (invitation, password reset) point: unset, the pages this service
    # serves at PUBLIC_URL; set, the company's own web app (APP_URL/invite/<token>, …/reset/…).
    app_url: str | None = None
    # Password resets: the link's lifetime, and requests per e-mail and per client address.
    password_reset_minutes: int = 60
    password_resets_per_email: int = 3
    password_resets_per_address: int = 20
    password_reset_window_minutes: int = 60
    # Optional: a local file of breached passwords (one per line, or SHA-1 hex as
    # haveibeenpwned's download gives); a new password found there is refused.
    breached_passwords_file: Path | None = None
    # Partner webhooks: the first retry's wait (doubling, with jitter, for up to 3 days), how
    # often each process looks for due deliveries (0: off; tests run rounds themselves), the
    # receiver's time to answer, and how many webhooks one company may have.
    webhook_retry_base_seconds: int = 30
    webhook_poll_seconds: int = 1
    webhook_timeout_seconds: int = 10
    # A claimed batch's lease is the timeout plus this margin: the time another process waits
    # before sending again what a process that died mid-batch had claimed.
    webhook_lease_margin_seconds: int = 30
    webhooks_per_company: int = 20
    # SMS (config/sms_url.py has the forms; unset: SMS off) and the messages each process
    # sends a second at most. The URL holds the provider's key: never in a repr.
    sms_url: str | None = field(default=None, repr=False)
    sms_per_second: int = 5
    # How often each process looks for due messages to people outside the app (0: off;
    # tests run rounds themselves).
    outbound_poll_seconds: int = 2

    @property
    def production(self) -> bool:
        return self.env == "production"

    @property
    def dialect(self) -> str:
        return "sqlite" if self.database_url.startswith("sqlite") else "postgres"


# Without these a production start stops; each is listed when missing, all in one error.
REQUIRED_IN_PRODUCTION = {
    "SECRET_KEY": "required in production (32+ random characters; it signs access tokens)",
    "PUBLIC_URL": "required in production (the https:// address clients use)",
    "DATABASE_URL": "required in production (postgres://user:pass@host:5432/db; "
    "the SQLite file is the development default)",
}


class _Reader:
    """Reads settings from `env`, noting each bad one and going on with its default, so that
    one start names every problem instead of one per try."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.problems: list[tuple[str, str]] = []

    def bad(self, name: str, problem: str, fallback: _T) -> _T:
        self.problems.append((name, problem))
        return fallback

    def number(self, name: str, default: int, minimum: int = 1) -> int:
        raw = self.env.get(name)
        if raw is None or raw == "":
            return default
        try:
            value = int(raw)
        except ValueError:
            return self.bad(name, f"{raw!r} is not a whole number", default)
        if value < minimum:
            return self.bad(name, f"must be at least {minimum}", default)
        return value

    def flag(self, name: str) -> bool:
        raw = (self.env.get(name) or "0").strip().lower()
        if raw not in ("0", "1", "true", "false", "yes", "no"):
            return self.bad(name, f"{raw!r} is not 1 or 0", False)
        return raw in ("1", "true", "yes")

    def port(self, name: str) -> int | None:
        if not self.env.get(name):
            return None
        port = self.number(name, 0, minimum=0)
        if port > 65535:
            return self.bad(name, "must be a port number, 0 to 65535 (0: any free port)", None)
        return port

    def url(self, name: str, schemes: tuple[str, ...]) -> str | None:
        raw = self.env.get(name) or None
        if raw is None:
            return None
        parts = urlsplit(raw)
        if parts.scheme not in schemes or not parts.netloc:
            problem = f"{masked_url(raw)!r} is not a {' or '.join(schemes)} URL"
            return self.bad(name, problem, None)
        return raw.rstrip("/")

    def base_url(self, name: str) -> str | None:
        """An http(s) URL that mailed links are built on (`<base>/invite/<token>`): a query
        or fragment would end up in the middle of every link, so it is refused."""
        raw = self.url(name, ("http", "https"))
        if raw is not None and (urlsplit(raw).query or urlsplit(raw).fragment):
            return self.bad(name, "links are built on it: no query (?) or fragment (#)", None)
        return raw

    def checked(self, name: str, check: Callable[[str], object]) -> str | None:
        """The value when `check` accepts it; its `ValueError` (never holding a secret) is
        the problem."""
        raw = self.env.get(name) or None
        if raw is None:
            return None
        try:
            check(raw)
        except ValueError as exc:
            return self.bad(name, str(exc), None)
        return raw


def masked_url(url: str) -> str:
    """`url` with its password, if any, shown as `***`: safe to print and log."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rpartition("@")[2]
    user = parts.netloc.rpartition("@")[0].partition(":")[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc}"))


def _database_url(read: _Reader, data_dir: Path) -> str:
    default = f"sqlite://{data_dir / 'servicedesk.sqlite3'}"
    raw = read.env.get("DATABASE_URL") or default
    parts = urlsplit(raw)
    if parts.scheme == "sqlite":
        return raw
    if parts.scheme not in ("postgresql", "postgres", "asyncpg"):
        problem = f"scheme {parts.scheme!r} is not sqlite:// or postgres://"
        return read.bad("DATABASE_URL", problem, default)
    try:
        _ = parts.port
    except ValueError:
        return read.bad("DATABASE_URL", "its port is not a number from 1 to 65535", default)
    if not parts.path.strip("/"):
        problem = "names no database: postgres://user:pass@host:5432/DATABASE"
        return read.bad("DATABASE_URL", problem, default)
    return "postgres" + raw[len(parts.scheme) :]


def _smtp(read: _Reader, public_url: str) -> tuple[str | None, str]:
    url = read.checked("SMTP_URL", parse_smtp_url)
    sender = read.env.get("SMTP_FROM")
    if not sender:
        return url, default_sender(public_url)
    try:
        return url, parse_sender(sender)
    except ValueError as exc:
        return url, read.bad("SMTP_FROM", str(exc), default_sender(public_url))


def _sms_url(read: _Reader) -> str | None:
    """SMS_URL; one that sends to its own host (`smsru+http://…`) only with
    ALLOW_PRIVATE_HOSTS, the operator's word that the service may reach such hosts."""
    url = read.checked("SMS_URL", parse_sms_url)
    if url is not None and parse_sms_url(url).overridden and not read.flag("ALLOW_PRIVATE_HOSTS"):
        problem = (
            "a +http or +https URL (another host than the provider's) needs ALLOW_PRIVATE_HOSTS=1"
        )
        return read.bad("SMS_URL", problem, None)
    return url


def _metrics_token(read: _Reader) -> str | None:
    token = read.env.get("METRICS_TOKEN") or None
    if token is not None and (len(token) < 16 or not token.isprintable() or " " in token):
        problem = "must be at least 16 characters, without spaces"
        return read.bad("METRICS_TOKEN", problem, None)
    return token


def _secret_key(read: _Reader, data_dir: Path | None, production: bool) -> str:
    """The given key; in development without one, a key generated once into DATA_DIR."""
    key = read.env.get("SECRET_KEY")
    if key:
        if len(key) < 32:
            return read.bad("SECRET_KEY", "must be at least 32 characters", "")
        return key
    if production or data_dir is None:  # missing in production: REQUIRED_IN_PRODUCTION says so
        return ""
    path = data_dir / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def _existing_file(read: _Reader, name: str) -> Path | None:
    raw = read.env.get(name)
    if not raw:
        return None
    path = Path(raw).resolve()
    if not path.is_file():
        return read.bad(name, f"{path} is not a readable file", None)
    return path


def _data_dir(read: _Reader) -> tuple[Path, bool]:
    """DATA_DIR, created when missing; False when it cannot be."""
    data_dir = Path(read.env.get("DATA_DIR") or "./data").resolve()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return read.bad("DATA_DIR", f"cannot create {data_dir}: {exc.strerror}", (data_dir, False))
    return data_dir, True


def load(environ: dict[str, str] | None = None) -> Settings:
    """The settings in `environ` (default: the process's environment); `SettingsError` lists
    every missing or invalid one."""
    read = _Reader(dict(os.environ if environ is None else environ))
    env = read.env
    name = env.get("SERVICEDESK_ENV") or "development"
    if name not in ENVIRONMENTS:
        problem = f"{name!r} is not one of {', '.join(ENVIRONMENTS)}"
        name = read.bad("SERVICEDESK_ENV", problem, "development")
    production = name == "production"
    data_dir, usable = _data_dir(read)
    public_url = read.base_url("PUBLIC_URL") or "http://127.0.0.1:8000"
    smtp_url, smtp_from = _smtp(read, public_url)
    origins = tuple(
        origin.strip().rstrip("/")
        for origin in env.get("ALLOWED_ORIGINS", "").split(",")
        if origin.strip()
    )
    # argon2 needs 8 KiB a lane; below that it refuses every password.
    lanes = read.number("ARGON2_LANES", 4)
    if lanes > 255:
        lanes = read.bad("ARGON2_LANES", "must be at most 255", 4)
    settings = Settings(
        env=name,
        data_dir=data_dir,
        database_url=_database_url(read, data_dir),
        redis_url=read.url("REDIS_URL", ("redis", "rediss", "unix")),
        secret_key=_secret_key(read, data_dir if usable else None, production),
        public_url=public_url,
        db_pool_size=read.number("DB_POOL_SIZE", 10),
        access_token_minutes=read.number("ACCESS_TOKEN_MINUTES", 15),
        refresh_token_days=read.number("REFRESH_TOKEN_DAYS", 30),
        invitation_days=read.number("INVITATION_DAYS", 7),
        login_failures_per_email=read.number("LOGIN_FAILURES_PER_EMAIL", 10),
        login_failures_per_address=read.number("LOGIN_FAILURES_PER_ADDRESS", 50),
        login_window_minutes=read.number("LOGIN_WINDOW_MINUTES", 15),
        chat_starts_per_address=read.number("CHAT_STARTS_PER_ADDRESS", 20),
        chat_start_window_minutes=read.number("CHAT_START_WINDOW_MINUTES", 60),
        chat_block_hours=read.number("CHAT_BLOCK_HOURS", 24),
        registrations_per_address=read.number("REGISTRATIONS_PER_ADDRESS", 5),
        registration_window_minutes=read.number("REGISTRATION_WINDOW_MINUTES", 60),
        writes_per_minute=read.number("WRITES_PER_MINUTE", 60),
        write_burst=read.number("WRITE_BURST", 30),
        allowed_origins=origins,
        argon2_memory_kib=read.number("ARGON2_MEMORY_KIB", 65536, minimum=8 * lanes),
        argon2_lanes=lanes,
        max_sockets_per_token=read.number("MAX_SOCKETS_PER_TOKEN", 20),
        max_sockets_per_address=read.number("MAX_SOCKETS_PER_ADDRESS", 200),
        event_retention_days=read.number("EVENT_RETENTION_DAYS", 7),
        deadline_soon_minutes=read.number("DEADLINE_SOON_MINUTES", 120),
        deadline_watch_seconds=read.number("DEADLINE_WATCH_SECONDS", 5, minimum=0),
        series_horizon_days=read.number("SERIES_HORIZON_DAYS", 28),
        series_round_seconds=read.number("SERIES_ROUND_SECONDS", 300, minimum=0),
        smtp_url=smtp_url,
        smtp_from=smtp_from,
        photo_max_bytes=read.number("PHOTO_MAX_BYTES", 10 * 1024 * 1024),
        photo_max_pixels=read.number("PHOTO_MAX_PIXELS", 40_000_000),
        photos_per_order=read.number("PHOTOS_PER_ORDER", 30),
        media_link_seconds=read.number("MEDIA_LINK_SECONDS", 15 * 60, minimum=10),
        s3_url=read.checked("S3_URL", parse_s3_url),
        s3_region=env.get("S3_REGION") or "us-east-1",
        orphan_sweep_seconds=read.number("ORPHAN_SWEEP_SECONDS", 3600, minimum=0),
        metrics_token=_metrics_token(read),
        inbound_smtp_host=env.get("INBOUND_SMTP_HOST") or "127.0.0.1",
        inbound_smtp_port=read.port("INBOUND_SMTP_PORT"),
        inbound_mail_max_bytes=read.number("INBOUND_MAIL_MAX_BYTES", 25 * 1024 * 1024, 1024),
        telegram_api_url=read.url("TELEGRAM_API_URL", ("http", "https"))
        or "https://api.telegram.org",
        delivery_poll_seconds=read.number("DELIVERY_POLL_SECONDS", 2, minimum=0),
        imap_poll_seconds=read.number("IMAP_POLL_SECONDS", 60, minimum=0),
        max_connections_per_address=read.number("MAX_CONNECTIONS_PER_ADDRESS", 300, minimum=0),
        request_header_timeout_seconds=read.number("REQUEST_HEADER_TIMEOUT_SECONDS", 10),
        allow_private_hosts=read.flag("ALLOW_PRIVATE_HOSTS"),
        compiled_reads=read.flag("COMPILED_READS") if env.get("COMPILED_READS") else True,
        app_url=read.base_url("APP_URL"),
        password_reset_minutes=read.number("PASSWORD_RESET_MINUTES", 60),
        password_resets_per_email=read.number("PASSWORD_RESETS_PER_EMAIL", 3),
        password_resets_per_address=read.number("PASSWORD_RESETS_PER_ADDRESS", 20),
        password_reset_window_minutes=read.number("PASSWORD_RESET_WINDOW_MINUTES", 60),
        breached_passwords_file=_existing_file(read, "PASSWORD_BREACH_LIST"),
        webhook_retry_base_seconds=read.number("WEBHOOK_RETRY_BASE_SECONDS", 30),
        webhook_poll_seconds=read.number("WEBHOOK_POLL_SECONDS", 1, minimum=0),
        webhook_timeout_seconds=read.number("WEBHOOK_TIMEOUT_SECONDS", 10),
        webhook_lease_margin_seconds=read.number("WEBHOOK_LEASE_MARGIN_SECONDS", 30),
        webhooks_per_company=read.number("WEBHOOKS_PER_COMPANY", 20),
        sms_url=_sms_url(read),
        sms_per_second=read.number("SMS_PER_SECOND", 5),
        outbound_poll_seconds=read.number("OUTBOUND_POLL_SECONDS", 2, minimum=0),
    )
    if production:
        for required, problem in REQUIRED_IN_PRODUCTION.items():
            if not env.get(required):
                read.bad(required, problem, None)
    if read.problems:
        raise SettingsError(*read.problems[0], *read.problems[1:])
    return settings


_current: Settings | None = None


def configure(settings: Settings) -> Settings:
    """Make `settings` the process's settings (the app and the command line call this once)."""
    global _current
    _current = settings
    return settings


def current() -> Settings:
    """The process's settings, loaded from the environment on first use."""
    return _current if _current is not None else configure(load())
