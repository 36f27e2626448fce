"""Starlette's multipart parser, subclassed to cap what each uploaded file keeps: the hook
reaches the part being parsed, which Starlette keeps private."""

from __future__ import annotations

from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException as MultiPartException
from starlette.formparsers import MultiPartParser


class FileWrappingMultiPartParser(MultiPartParser):
    """Starlette's parser; each file part's UploadFile passes through `wrap_file` before
    its first byte is written."""

    def wrap_file(self, file: UploadFile) -> UploadFile:
        return file

    def on_headers_finished(self) -> None:
        super().on_headers_finished()
        part = self._current_part
        if part.file is not None:
            part.file = self.wrap_file(part.file)


__all__ = ["FileWrappingMultiPartParser", "MultiPartException"]
