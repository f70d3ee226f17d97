"""The HTML the simulator shows people: the authorize (approve) page and error pages.

Real ``<form>``, ``<label>`` and ``<button>`` elements, no script: a person approves with a
click, a browser test finds the button by its role and name ("Approve").
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

_STYLE = (
    "body{font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,sans-serif;"
    "background:#f6f7f7;color:#1d2327;margin:0}"
    "main{max-width:480px;margin:64px auto;background:#fff;padding:32px;border:1px solid #dcdcde}"
    "h1{font-size:22px;margin-top:0}dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px}"
    "dt{color:#646970}dd{margin:0}label{display:block;margin:16px 0 4px}"
    "input[type=email],input[type=text]{width:100%;padding:6px;box-sizing:border-box}"
    ".actions{margin-top:24px;display:flex;gap:12px}"
    "button{padding:8px 20px;font-size:15px;cursor:pointer}"
    "button[value=approve]{background:#069e08;color:#fff;border:0}"
)


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)} · WordPress.com (simulator)</title>\n"
        f"<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def authorize_page(
    action: str, params: Mapping[str, str], site_name: str, site_url: str, role: str
) -> str:
    """The approval form: every authorize parameter rides along as a hidden input."""
    hidden = "\n".join(
        f'<input type="hidden" name="{escape(k)}" value="{escape(v)}">'
        for k, v in params.items()
        if k not in ("wpcom_email", "wpcom_login", "action", "auto_approve")
    )
    email = params.get("user_email", "")
    login = params.get("user_login", "")
    body = f"""<h1>Approve the Jetpack connection</h1>
<p><strong>{escape(site_name or site_url)}</strong> wants to connect to your
WordPress.com account.</p>
<dl>
<dt>Site</dt><dd>{escape(site_url)}</dd>
<dt>Site user</dt><dd>{escape(login)} ({escape(role)})</dd>
</dl>
<form method="post" action="{escape(action)}">
{hidden}
<label for="wpcom_email">WordPress.com account email</label>
<input id="wpcom_email" type="email" name="wpcom_email" value="{escape(email)}">
<label for="wpcom_login">WordPress.com username</label>
<input id="wpcom_login" type="text" name="wpcom_login" value="{escape(login)}">
<div class="actions">
<button type="submit" name="action" value="approve">Approve</button>
<button type="submit" name="action" value="deny">Deny</button>
</div>
</form>"""
    return _page("Approve the Jetpack connection", body)


def index_page(seed: int, sites: int, users: int) -> str:
    """``GET /``: what this server is and where to look."""
    body = f"""<h1>WordPress.com simulator</h1>
<p>jetpress's stand-in for WordPress.com: seed {seed}, {sites} site(s), {users} account(s).</p>
<ul>
<li><a href="/_wpcom/state">State</a> (JSON)</li>
<li><a href="/_wpcom/journal">Journal</a> of requests received and made (JSON)</li>
<li><a href="/_wpcom/faults">Faults</a> (JSON)</li>
</ul>
<p>See docs/simulator.md for the endpoints and the control plane.</p>"""
    return _page("WordPress.com simulator", body)


def error_page(code: str, message: str) -> str:
    """An error page; the code is in the page for tests and for people reporting it."""
    body = (
        "<h1>Something went wrong</h1>\n"
        f'<p role="alert">{escape(message)}</p>\n<p><code>{escape(code)}</code></p>'
    )
    return _page("Error", body)
