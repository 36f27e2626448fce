"""What `S3_URL` says: an S3-compatible bucket that several API processes share for photos.

    https://ACCESS_KEY:SECRET_KEY@s3.eu-central-1.amazonaws.com/bucket
    http://ACCESS_KEY:SECRET_KEY@127.0.0.1:9000/bucket/some/prefix    (MinIO and the like)

The bucket is the first segment of the path; the rest is a key prefix. Requests use path-style
addressing, which every S3-compatible server understands. Keys are percent-decoded (`%2F` for
`/`); problems raise `ValueError` with a message that never contains the secret key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True, slots=True)
class S3Location:
    endpoint: str
    bucket: str
    prefix: str
    access_key: str
    secret_key: str = field(repr=False)

    def __str__(self) -> str:
        """The URL without its secret key, for logs."""
        return f"{self.endpoint}/{self.bucket}/{self.prefix}"


def parse_s3_url(raw: str) -> S3Location:
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("must look like https://ACCESS_KEY:SECRET_KEY@host/bucket")
    if not parts.username or not parts.password:
        raise ValueError("give the access key and secret key as ACCESS_KEY:SECRET_KEY@")
    bucket, _, prefix = parts.path.strip("/").partition("/")
    if not bucket:
        raise ValueError("name the bucket as the first segment of the path")
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    port = f":{parts.port}" if parts.port else ""
    return S3Location(
        endpoint=f"{parts.scheme}://{host}{port}",
        bucket=bucket,
        prefix=f"{prefix.strip('/')}/" if prefix.strip("/") else "",
        access_key=unquote(parts.username),
        secret_key=unquote(parts.password),
    )
