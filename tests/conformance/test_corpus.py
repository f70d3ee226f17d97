"""The golden corpus (Jetpack 10.7 on WordPress 6.1.9), replayed case by case.

In-process by default; against a live ``jetpress serve --test-control`` with
``JETPRESS_TEST_TARGET=server``. Known gaps are strict xfails naming the issue that closes them
(tests/conformance/expectations.py), deliberate differences name docs/fidelity.md.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conformance import harness, replay
from tests.conformance.expectations import expected_failure

CASES = harness.load_cases()


def _params() -> list[Any]:
    out = []
    for case in CASES:
        marks = []
        reason = expected_failure(case)
        if reason:
            marks.append(pytest.mark.xfail(strict=True, reason=reason))
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


@pytest.mark.parametrize("case", _params())
def test_case(case: dict[str, Any], corpus_target: Any) -> None:
    target, reset, args = corpus_target
    reset(case)
    result = replay.run_case(args, target, case)
    assert result["passed"], harness.describe_failure(result)
