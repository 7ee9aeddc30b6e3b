"""Finding the modules of a package: how the registries learn each vendor's module."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Iterator
from types import ModuleType

__all__ = ["public_modules"]


def public_modules(package: str, path: Iterable[str]) -> Iterator[ModuleType]:
    """Import and yield every module of ``package`` whose name does not start with ``_``."""
    for module_info in pkgutil.iter_modules(list(path)):
        if not module_info.name.startswith("_"):
            yield importlib.import_module(f"{package}.{module_info.name}")
