"""An import file's bytes as a header and rows of text cells: CSV or XLSX.

- XLSX is known by its content (a zip archive), never by the file's name or declared type.
  It is opened read-only with formulas as they are written: a cell `=1+1` is the text "=1+1",
  never evaluated. Its unpacked size is checked first (a small zip can unpack to gigabytes).
- CSV is UTF-8 (a byte-order mark allowed) or, when it is not valid UTF-8, Windows-1251 (what
  Excel writes in a Russian locale): when it reads as Cyrillic words in that encoding, or else
  when charset-normalizer detects it; its delimiter is `;` or `,`, whichever the header line
  has more of.
- Rows are numbered as a spreadsheet shows them (the header is row 1; a quoted cell with line
  breaks is one row); blank rows are skipped and not counted.
- Pure and synchronous: the caller runs it in a thread.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import islice
from typing import Any

import charset_normalizer

from domain.errors import DomainError, invalid

MAX_ROWS = 20_000
# Blank rows are skipped, but not without end: a sheet may declare a million empty ones.
MAX_LINES = 100_000
MAX_COLUMNS = 50
# A workbook of 20,000 rows of ten columns unpacks to about 10 MiB.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and password-protected .xlsx
NOT_TEXT = "The file is not UTF-8 or Windows-1251 text"
# Control characters (Unicode's Cc) other than tab and line breaks: no text file has them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class Sheet:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (row number, cells), the header being row 1


def read_sheet(data: bytes) -> Sheet:
    """The file's header and non-blank rows; INVALID (field `file`) for what cannot be read."""
    if data.startswith(ZIP_SIGNATURE):
        return _sheet(_xlsx_rows(data))
    if data.startswith(OLE_SIGNATURE):
        raise invalid(
            "An Excel 97-2003 or password-protected workbook: save it as XLSX or CSV", "file"
        )
    return _sheet(_csv_rows(_text(data)))


def _sheet(rows: Iterable[list[str]]) -> Sheet:
    header: list[str] | None = None
    body: list[tuple[int, list[str]]] = []
    for number, cells in enumerate(rows, start=1):
        if number > MAX_LINES:
            raise invalid(f"The file has more than {MAX_LINES:,} rows, blank ones included", "file")
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = cells
            continue
        if len(body) == MAX_ROWS:
            raise invalid(f"At most {MAX_ROWS:,} rows may be imported at once", "file")
        body.append((number, cells))
    if header is None:
        raise invalid("The file has no header row", "file")
    return Sheet(header, body)


# ---------------------------------------------------------------------------------- CSV


def _text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _windows_1251(data)
    if _CONTROL.search(text):
        raise invalid(f"{NOT_TEXT}: it holds control characters", "file")
    return text


def _windows_1251(data: bytes) -> str:
    if b"\x00" in data:
        raise invalid(f"{NOT_TEXT}: it looks like a binary or UTF-16 file", "file")
    text = _as_cyrillic_words(data)
    if text is not None:
        return text
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise invalid(f"{NOT_TEXT}: no text encoding fits it", "file")
    if best.encoding != "cp1251":
        raise invalid(f"{NOT_TEXT}: it looks like {best.encoding}", "file")
    return data.decode("cp1251")


SAMPLE_LINES = 2_000
# Windows-1251's letters, capital and small (Russian, Ukrainian, Belarusian, Serbian...).
_CAPITAL = "\u0400-\u042f\u0490"
_SMALL = "\u0430-\u045f\u0491"
# A word as Russian text has it, with no other letter next to it: Capitalised, CAPITALS or
# small letters, all Cyrillic.
_NO_LETTER_BEFORE, _NO_LETTER_AFTER = r"(?<![^\W\d_])", r"(?![^\W\d_])"
_CYRILLIC_WORD = re.compile(
    f"{_NO_LETTER_BEFORE}(?:[{_CAPITAL}]?[{_SMALL}]+|[{_CAPITAL}]+){_NO_LETTER_AFTER}"
)
# Windows-1251's other characters that Russian text has (dashes and quotes as escapes).
_PUNCTUATION = "\u00a0«»—\u2013№„“”\u2018\u2019…°±§©®™•·€"


def _as_cyrillic_words(data: bytes) -> str | None:
    """`data` as Windows-1251 text when nine in ten of the non-ASCII characters then fall in
    Cyrillic words (or are its punctuation), else None. Judged on its first SAMPLE_LINES
    lines that have any (the whole of a 10 MiB file would take seconds).

    charset-normalizer needs more text than a short file has: it took a few Russian names
    for johab, big5 or mac_cyrillic. The other files this reading would get wrong fail it:
    a Western file has its accented letters inside Latin words ("Josй"), KOI8-R's letters come
    out with their case swapped ("йЧБО"), DOS's (cp866) as symbols and Serbian letters.
    """
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:  # 0x98, the one byte Windows-1251 leaves undefined
        return None
    lines = (line for line in text.splitlines() if not line.isascii())
    sample = "\n".join(islice(lines, SAMPLE_LINES))
    foreign = len(sample) - len(sample.encode("ascii", "ignore"))
    fitting = sum(sample.count(mark) for mark in _PUNCTUATION)
    fitting += len("".join(_CYRILLIC_WORD.findall(sample)))
    return text if fitting >= 0.9 * foreign else None


def _delimiter(text: str) -> str:
    line = next((line for line in io.StringIO(text) if line.strip()), "")
    return ";" if line.count(";") > line.count(",") else ","


def _csv_rows(text: str) -> Iterator[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        yield from reader
    except csv.Error as error:
        raise invalid(f"Row {reader.line_num} is not valid CSV: {error}", "file") from None


# --------------------------------------------------------------------------------- XLSX


def _xlsx_rows(data: bytes) -> Iterator[list[str]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise invalid("The workbook unpacks to more than 64 MiB", "file")
        # Imported here: ~0.12 s of every app process's start, for a rare XLSX import.
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except DomainError:
        raise
    except Exception:  # a broken archive or a zip that is no workbook: any of many errors
        raise invalid("The file is neither CSV text nor a readable XLSX workbook", "file") from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            return
        for values in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1):
            yield [_cell_text(value) for value in values]
    except DomainError:
        raise
    except Exception:
        raise invalid("The workbook could not be read to its end", "file") from None
    finally:
        book.close()


def _cell_text(value: Any) -> str:
    """A cell as the text it shows: formulas as written, whole numbers without `.0`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    text = getattr(value, "text", None)  # an array formula: its formula text
    return text if isinstance(text, str) else str(value)
