"""Same seed and same requests give the same answers; another seed gives other ids and tokens."""

from __future__ import annotations

import httpx

from jetpress.clock import FrozenClock
from jetpress.protocol import xmlrpc
from jetpress.wpcom.app import as_transport
from jetpress.wpcom.models import WpcomState
from tests.sim.conftest import WPCOM, FakeSite, connect, signed


def _script(seed: int) -> list[str]:
    clock = FrozenClock(1_700_000_000.0)
    site = FakeSite(now=clock.now())
    state = WpcomState(seed=seed, clock=clock)
    state.config.callback_transport = httpx.MockTransport(site.handler)
    with httpx.Client(transport=as_transport(state), base_url=WPCOM) as client:
        site.wpcom = client
        reg, user_token = connect(client, site)
        blog, bid = reg["jetpack_secret"], reg["jetpack_id"]
        out = [str(reg), user_token]
        for path in (
            f"/rest/v1.1/sites/{bid}",
            f"/rest/v1.1/sites/{bid}/stats/",
            f"/rest/v1.1/sites/{bid}/stats/visits?unit=month&quantity=12",
        ):
            out.append(signed(client, blog, "GET", path, now=clock.now()).text)
        body = xmlrpc.method_call("jetpack.monitor.getLastDowntime")
        out.append(
            signed(
                client,
                user_token,
                "POST",
                "/xmlrpc.php",
                user_id=1,
                body=body,
                now=clock.now(),
                blog_id=bid,
            ).text
        )
        out.append(
            client.post("/akismet/1.1/get-stats", data={"key": state.sites[bid].akismet_key}).text
        )
    return out


def test_same_seed_same_answers() -> None:
    assert _script(11) == _script(11)


def test_other_seed_other_ids_and_tokens() -> None:
    first, other = _script(11), _script(12)
    assert first[0] != other[0]
    assert first[1] != other[1]
    assert first[2] != other[2]
