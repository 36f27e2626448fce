"""The package layers: the README's picture is the one import-linter enforces, and the
contracts hold (`make test` runs `lint-imports` too; this keeps a bare pytest run honest)."""

from __future__ import annotations

import logging
import re
import tomllib
from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent


def contract_layers() -> list[str]:
    """The layers contract's packages, top first; `config | compat` as config and compat."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (layers,) = [c["layers"] for c in config["contracts"] if c["id"] == "layers"]
    return [name.strip("() ") for layer in layers for name in layer.split("|")]


def readme_layers() -> list[str]:
    """The leading package names of each line of the README's layer picture (`config compat`
    is one layer of two independent packages)."""
    readme = (ROOT / "README.md").read_text()
    layout = readme[readme.index("## Layout") :]
    picture = re.search(r"```\n(.*?)```", layout, re.DOTALL)
    assert picture is not None, "README's Layout section has no layer picture"
    names: list[str] = []
    for line in picture.group(1).splitlines():
        names += line.split("  ")[0].split()
    return names


def test_readme_layer_picture_is_the_contract() -> None:
    assert readme_layers() == contract_layers()


def test_import_contracts_hold() -> None:
    # import-linter configures logging with dictConfig, which disables every logger that exists
    # already (ours included) for the rest of this worker's session: put them back after.
    loggers = [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    disabled = [logger.disabled for logger in loggers]
    try:
        assert lint_imports(no_cache=True) == 0
    finally:
        for logger, was in zip(loggers, disabled, strict=True):
            logger.disabled = was
