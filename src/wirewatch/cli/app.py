"""The ``wirewatch`` command group that every command module registers itself on."""

from __future__ import annotations

import click

from wirewatch import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wirewatch")
def main() -> None:
    """Read news pages; extract articles, quotes and PLOVER events; watch tension over time."""
