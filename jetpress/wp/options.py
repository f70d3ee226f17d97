"""WordPress's options API: get/update/add/delete_option semantics over an OptionsRepository.

Port of wp-includes/option.php (WP 6.1 OPT:78-791). The repository stores opaque text; this
module owns maybe_serialize, autoload, "unchanged update returns false" and "scalars come back
as strings". A per-process cache of the autoloaded options (WordPress's ``alloptions``) is
checked against the store's generation once per request so other workers' writes are seen.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from jetpress import php
from jetpress.store.base import OptionRow, OptionsRepository

_MISSING = object()
_UNTRAILINGSLASHED = frozenset({"siteurl", "home", "category_base", "tag_base"})


def to_db(value: Any) -> str:
    """maybe_serialize + wpdb's ``%s``: arrays serialized, scalars as PHP strings (FN:624-668)."""
    serialized = php.maybe_serialize(value)
    return serialized if isinstance(serialized, str) else php.to_php_string(serialized)


def _autoload_flag(autoload: Any) -> str:
    # 'no' or false give 'no', anything else 'yes' (OPT:516, OPT:648)
    return "no" if autoload == "no" or autoload is False else "yes"


class Options:
    """get_option / update_option / add_option / delete_option for one site."""

    def __init__(self, repo: OptionsRepository) -> None:
        self.repo = repo
        self._lock = threading.RLock()
        self._generation: int | None = None
        self._all: dict[str, Any] | None = None
        self._others: dict[str, Any] = {}
        self._parsed: dict[str, Any] = {}  # maybe_unserialize() of each raw value read

    # -- cache ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Drop the cache if any process wrote since it was filled (call once per request)."""
        generation = self.repo.generation()
        with self._lock:
            if generation != self._generation:
                self._all = None
                self._others = {}
                self._parsed = {}
                self._generation = generation

    @property
    def cache_token(self) -> int | None:
        """The store generation the cache reflects; None right after this process wrote.

        Values derived from options may be memoized under this token (None: don't memoize).
        """
        return self._generation

    def _invalidate(self) -> None:
        with self._lock:
            self._all = None
            self._others = {}
            self._parsed = {}
            self._generation = None

    def _alloptions(self) -> dict[str, Any]:
        with self._lock:
            if self._all is None:
                self._all = {row.name: row.value for row in self.repo.autoloaded()}
            return self._all

    def _raw(self, name: str) -> Any:
        """The stored text of an option, or _MISSING (alloptions, then one-row query)."""
        alloptions = self._alloptions()
        if name in alloptions:
            return alloptions[name]
        with self._lock:
            if name in self._others:
                return self._others[name]
        row = self.repo.load(name)
        value = row.value if row is not None else _MISSING
        with self._lock:
            self._others[name] = value  # notoptions cache for misses
        return value

    # -- API -----------------------------------------------------------------------------
    def get(self, name: str, default: Any = False, *, copy: bool = True) -> Any:
        """get_option (OPT:78-254).

        Values are parsed once per cache generation. WordPress unserializes on every call, so
        every caller gets its own arrays; ``copy=False`` skips that copy for callers that never
        mutate the result (hot read paths).
        """
        name = name.strip()
        if not name:
            return False
        raw = self._raw(name)
        if raw is _MISSING:
            if name == "home":
                return self.get("siteurl", default)  # empty home falls back to siteurl
            return default
        value = self._parsed.get(name, _MISSING)
        if value is _MISSING:
            value = php.maybe_unserialize(raw)
            with self._lock:
                self._parsed[name] = value
        if copy and isinstance(value, (dict, list)):
            value = copy_arrays(value)
        if name in _UNTRAILINGSLASHED and isinstance(value, str):
            value = value.rstrip("/\\")  # untrailingslashit (OPT:200-203)
            if name == "home" and value == "":
                return self.get("siteurl", default)
        return value

    def exists(self, name: str) -> bool:
        return self._raw(name.strip()) is not _MISSING

    def update(self, name: str, value: Any, autoload: Any = None) -> bool:
        """update_option (OPT:408-568): False when nothing changed."""
        name = name.strip()
        if not name:
            return False
        old = self.get(name)
        serialized = to_db(value)
        # OPT:485-487: identical value, or identical maybe_serialize() forms.
        if _php_identical(value, old) or (
            not isinstance(value, (bool, int, float))
            and value is not None
            and not isinstance(old, (bool, int, float))
            and old is not None
            and php.maybe_serialize(value) == php.maybe_serialize(old)
        ):
            return False
        if old is False and not self.exists(name):
            # OPT:490-497: a new option is added, autoload 'yes' by default.
            return self.add(name, value, "yes" if autoload is None else autoload)
        flag = None if autoload is None else _autoload_flag(autoload)
        changed = self.repo.update(name, serialized, flag)
        self._invalidate()
        return changed  # zero affected rows returns false (OPT:520-523)

    def add(self, name: str, value: Any = "", autoload: Any = "yes") -> bool:
        """add_option (OPT:594-711): False when the option exists already."""
        name = name.strip()
        if not name:
            return False
        if self.exists(name):
            return False
        inserted = self.repo.insert(OptionRow(name, to_db(value), _autoload_flag(autoload)))
        self._invalidate()
        return inserted

    def delete(self, name: str) -> bool:
        """delete_option (OPT:723-791)."""
        name = name.strip()
        if not name:
            return False
        deleted = self.repo.delete(name)
        self._invalidate()
        return deleted

    @contextmanager
    def locked(self, name: str) -> Iterator[None]:
        """Hold a cross-process lock for a read-modify-write of ``name`` (jetpress, not WP).

        Reads inside the block bypass the cache so they see the last committed value.
        """
        with self.repo.locked(name):
            self._invalidate()
            try:
                yield
            finally:
                self._invalidate()


def copy_arrays(value: Any) -> Any:
    """A copy of nested PHP arrays (faster than copy.deepcopy for JSON-like data)."""
    if isinstance(value, dict):
        return {k: copy_arrays(v) if isinstance(v, (dict, list)) else v for k, v in value.items()}
    if isinstance(value, list):
        return [copy_arrays(v) if isinstance(v, (dict, list)) else v for v in value]
    return value


def _php_identical(a: Any, b: Any) -> bool:
    """PHP ``===`` for option values: same type and value (int 1 !== "1", 1 !== 1.0)."""
    if type(a) is not type(b):
        return False
    return bool(a == b)
