"""Every deliberate difference the corpus shows has its docs/fidelity.md entry, and back."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conformance.expectations import FIDELITY, KNOWN

LEDGER = Path(__file__).resolve().parents[2] / "docs" / "fidelity.md"


def _anchors() -> set[str]:
    return set(re.findall(r"^## ([a-z0-9-]+)\s*$", LEDGER.read_text("utf-8"), re.M))


def test_every_expected_difference_names_a_ledger_entry():
    anchors = _anchors()
    for case_id, reason in KNOWN.items():
        assert reason.startswith(FIDELITY), case_id
        assert reason.removeprefix(FIDELITY) in anchors, (case_id, reason)


def test_ledger_entries_are_unique():
    headings = re.findall(r"^## (.+)$", LEDGER.read_text("utf-8"), re.M)
    assert len(headings) == len(set(headings))
