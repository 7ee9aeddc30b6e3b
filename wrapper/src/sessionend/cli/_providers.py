"""``sessionend providers``: what is configured, where it points, where credentials come from."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from rich.table import Table

from .._config import check_base_url, redact_url
from .._sync import SessionEnder
from ..errors import ConfigurationError
from ..providers import ADAPTERS

__all__ = ["provider_rows", "providers_table"]


def provider_rows(environ: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """One row per provider; credential values are never read into a row, only their names."""
    environ = os.environ if environ is None else environ
    unusable = ""
    try:
        with SessionEnder() as ender:
            configured = set(ender.configured_providers())
    except ValueError as error:  # an option outside its choices: shown on its provider's row
        configured, unusable = set(), str(error)
    rows = []
    for provider, adapter in ADAPTERS.items():
        variable = adapter.base_url_variable
        base_url = environ.get(variable) or adapter.default_base_url
        problem = None
        try:
            check_base_url(
                base_url, provider=provider.value, variable=variable, allow_insecure_http=False
            )
        except ConfigurationError as error:
            problem = error.message
        if unusable.startswith(f"settings for {provider.value}:"):
            problem = unusable.partition(": ")[2]
        credentials = {
            credential.variable: bool(environ.get(credential.variable))
            for credential in adapter.credentials
        }
        options = {
            option.variable: environ.get(option.variable) or f"{option.default} (default)"
            for option in adapter.options
        }
        rows.append(
            {
                "provider": provider.value,
                "options": options,
                "configured": provider in configured and problem is None,
                "base_url": redact_url(base_url),
                "base_url_from": variable if environ.get(variable) else "default",
                "credentials": credentials,
                "credentials_optional": adapter.credentials_optional,
                "problem": problem,
            }
        )
    return rows


def providers_table(rows: list[dict[str, Any]]) -> Table:
    """The rows as a table for a person."""
    table = Table(title="sessionend providers")
    for column in ("provider", "configured", "base URL", "credentials from"):
        table.add_column(column, overflow="fold")  # a narrow terminal folds, never truncates
    for row in rows:
        sources = ", ".join(
            f"{name} ({'set' if present else 'not set'})"
            for name, present in row["credentials"].items()
        )
        if row["credentials_optional"] and not any(row["credentials"].values()):
            sources += "; optional: sent without credentials"
        for variable, value in row.get("options", {}).items():
            sources += f"; {variable}={value}"
        configured = "yes" if row["configured"] else "no"
        if row["problem"]:
            configured += f": {row['problem']}"
        table.add_row(
            row["provider"], configured, f"{row['base_url']} ({row['base_url_from']})", sources
        )
    return table
