"""Jetpack's request signature (Jetpack_Signature) and Client::build_signed_request, ported.

The signature is base64(HMAC-SHA1(secret, normalized string)); the normalized string is
token, timestamp, nonce, body-hash, METHOD, host, port, path and the sorted, RFC 3986-encoded
query pairs, each followed by a newline (connection package legacy/class-jetpack-signature.php).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote_plus, urlsplit

from jetpress.protocol.phpquery import (
    json_encode,
    parse_str,
    php_sort,
    rawurlencode,
    stringify,
)
from jetpress.protocol.tokens import API_VERSION, format_authorization, parse_authorization

# Jetpack_Signature::sign_request: a timestamp is accepted from 600 s in the past to 300 s ahead
MAX_PAST_SKEW = 600
MAX_FUTURE_SKEW = 300
AUTH_FIELDS = ("token", "timestamp", "nonce", "body-hash")
_NONCE_BAD = re.compile(r"[^a-zA-Z0-9]")


class SignatureError(Exception):
    """A Jetpack_Signature or verification failure: ``code`` and ``message`` as in Jetpack."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


def _hmac_sha1_base64(secret: str, text: str) -> str:
    """``base64_encode(hash_hmac('sha1', $text, $secret, true))``."""
    mac = hmac.new(secret.encode(), text.encode("utf-8", "surrogateescape"), hashlib.sha1)
    return base64.b64encode(mac.digest()).decode("ascii")


def sha1_base64(data: bytes | str) -> str:
    """Manager::sha1_base64(): ``base64_encode(sha1($text, true))``."""
    raw = data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data
    return base64.b64encode(hashlib.sha1(raw).digest()).decode("ascii")


def body_to_hash(body: bytes | str | Mapping[Any, Any] | None) -> str | None:
    """The string Client::build_signed_request hashes: arrays become json of their strings.

    None stays None (no body); an empty array hashes as ``''``.
    """
    if body is None:
        return None
    if isinstance(body, Mapping):
        # class-client.php: array() !== $body ? wp_json_encode(_stringify_data($body)) : ''
        return json_encode(stringify(dict(body))) if body else ""
    if isinstance(body, bytes):
        return body.decode("utf-8", "surrogateescape")
    return body


def body_hash(body: bytes | str | Mapping[Any, Any] | None) -> str:
    """The ``body-hash`` a client sends: ``''`` without a body, else sha1_base64 of body_to_hash."""
    text = body_to_hash(body)
    return "" if text is None else sha1_base64(text)


def form_body_for_hash(raw: str) -> str:
    """What a WordPress.com-side verifier hashes for a form POST: json_encode($_POST).

    Jetpack_Signature::sign_current_request (IS_WPCOM branch) falls back to ``$_POST`` when the
    raw body is not available, and sign_request json_encodes arrays.
    """
    data = parse_str(raw)
    return json_encode(data) if data else ""


def _php_empty_string(value: str | None) -> bool:
    """php ``empty()`` of a string: null, "" and "0"."""
    return value is None or value in ("", "0")


@dataclass(frozen=True)
class ParsedURL:
    """The parts of wp_parse_url() the signature reads."""

    scheme: str
    host: str
    port: int | None
    path: str
    query: str


def parse_url(url: str) -> ParsedURL | None:
    """A small wp_parse_url(): scheme, host (bracketed IPv6 kept), explicit port, raw path/query.

    None where PHP's parse_url fails (bad port) or finds no host.
    """
    parts = urlsplit(url)
    hostport = parts.netloc.rpartition("@")[2]
    if hostport.startswith("["):
        end = hostport.find("]")
        if end < 0:
            return None
        host, rest = hostport[: end + 1], hostport[end + 1 :]
        port_text = rest[1:] if rest.startswith(":") else ""
        if rest and not rest.startswith(":"):
            return None
    else:
        host, _, port_text = hostport.partition(":")
    if not host:
        return None
    port: int | None = None
    if port_text:
        if not port_text.isascii() or not port_text.isdigit() or int(port_text) > 65535:
            return None  # php parse_url() returns false
        port = int(port_text) or None  # php: port 0 is "empty"
    return ParsedURL(parts.scheme, host, port, parts.path, parts.query)


def normalized_query_parameters(query: str) -> list[Any]:
    """Jetpack_Signature::normalized_query_parameters: parse_str, drop ``signature``, encode, sort.

    Returns sorted ``name=value`` strings; an array parameter is a sorted list of
    ``name[key]=value`` strings (PHP sort() puts arrays after strings).
    """
    array = parse_str(query)
    array.pop("signature", None)
    pairs = [_join(rawurlencode(str(name)), _encode_3986(value)) for name, value in array.items()]
    return php_sort(pairs)


def _encode_3986(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _encode_3986(v) for k, v in value.items()}
    return rawurlencode(str(value))


def _join(name: str, value: Any) -> Any:
    """join_with_equal_sign / join_array_with_equal_sign (keys of nested arrays are not encoded)."""
    if not isinstance(value, dict):
        return f"{name}={value}"
    result: list[str] = []
    for key, sub in value.items():
        joined = _join(f"{name}[{key}]", sub)
        result.extend(joined if isinstance(joined, list) else [joined])
    return php_sort(result)


def normalized_request_string(
    *,
    token: str,
    timestamp: str,
    nonce: str,
    body_hash: str,
    method: str,
    host: str,
    port: int,
    path: str,
    query: str,
) -> str:
    """The signed text: these pieces and the flat sorted query, each ending in ``\\n``."""
    pieces: list[str] = [token, timestamp, nonce, body_hash, method.upper(), host.lower()]
    pieces += [str(port), path]
    for piece in normalized_query_parameters(query):
        pieces.extend(piece if isinstance(piece, list) else [piece])
    return "\n".join(pieces) + "\n"


def _missing(name: str) -> SignatureError:
    return SignatureError("invalid_signature", f'The required "{name}" parameter is missing.')


def _malformed(name: str) -> SignatureError:
    return SignatureError("invalid_signature", f'The required "{name}" parameter is malformed.')


def sign_request(
    access_token: str,
    *,
    token: str,
    timestamp: int | str,
    nonce: str,
    body_hash: str,
    method: str,
    url: str,
    body: bytes | str | Mapping[Any, Any] | None = None,
    now: float,
    time_diff: int = 0,
    verify_body_hash: bool = True,
) -> str:
    """Jetpack_Signature($access_token, $time_diff)->sign_request(...), same checks, same order.

    ``access_token`` is ``key.secret``; ``token`` the request token ``key:1:uid``. Raises
    SignatureError with Jetpack's codes (invalid_secret, token_mismatch, invalid_signature,
    invalid_body_hash, unknown_scheme_port, ...).
    """
    parts = access_token.split(".")
    # class-jetpack-signature.php __construct: anything but two parts leaves token/secret unset
    own_key, secret = (parts[0], parts[1]) if len(parts) == 2 else ("", "")
    if not secret:
        raise SignatureError("invalid_secret", "Invalid secret")
    if not own_key:
        raise SignatureError("invalid_token", "Invalid token")
    token = token.split(".")[0]  # list( $token ) = explode( '.', $token )
    if not token.startswith(f"{own_key}:"):
        raise SignatureError("token_mismatch", "Incorrect token")
    # sign_request json_encodes a non-empty array body, an empty one is ''
    text = (json_encode(dict(body)) if body else "") if isinstance(body, Mapping) else body
    if isinstance(text, bytes):
        text = text.decode("utf-8", "surrogateescape")
    stamp = str(timestamp)
    required = {"token": token, "timestamp": stamp, "nonce": nonce, "method": method, "url": url}
    if text is not None:
        required["body-hash"] = body_hash
    for name, value in required.items():
        if not value:
            raise _missing(name)
    if _php_empty_string(text):  # php empty($body): null, "" and "0"
        if body_hash:
            raise SignatureError("invalid_body_hash", "Invalid body hash for empty body.")
    elif verify_body_hash and text is not None and sha1_base64(text) != body_hash:
        raise SignatureError("invalid_body_hash", "The body hash does not match.")
    parsed = parse_url(url)
    if parsed is None:
        raise _malformed("url")
    if parsed.port:
        port = parsed.port
    elif parsed.scheme == "http":
        port = 80
    elif parsed.scheme == "https":
        port = 443
    else:
        raise SignatureError("unknown_scheme_port", "The scheme's port is unknown")
    # ctype_digit("$timestamp") || 10 < strlen -- "If Jetpack is around in 275 years..."
    if not stamp.isascii() or not stamp.isdigit() or len(stamp) > 10:
        raise _malformed("timestamp")
    local_time = int(stamp) - time_diff
    current = int(now)
    if local_time < current - MAX_PAST_SKEW or local_time > current + MAX_FUTURE_SKEW:
        raise SignatureError("invalid_signature", "The timestamp is too old.")
    if len(nonce) > 12 or _NONCE_BAD.search(nonce):
        raise _malformed("nonce")
    normalized = normalized_request_string(
        token=token,
        timestamp=stamp,
        nonce=nonce,
        body_hash=body_hash,
        method=method,
        host=parsed.host,
        port=port,
        path=parsed.path,
        query=parsed.query,
    )
    return _hmac_sha1_base64(secret, normalized)


# ------------------------------------------------------------------------ outbound side ----


def php_urlencode(value: str) -> str:
    """PHP urlencode(): like rawurlencode but a space is ``+`` (and ``~`` is encoded)."""
    return quote_plus(value.encode("utf-8", "surrogateescape"), safe="-_.").replace("~", "%7E")


def _build_query(data: Mapping[Any, Any], prefix: str | None = None) -> list[str]:
    """WordPress _http_build_query($data, null, '&', '', false) over already-encoded values."""
    out: list[str] = []
    for key, value in data.items():
        name = f"{prefix}%5B{key}%5D" if prefix is not None else str(key)
        if isinstance(value, Mapping):
            out.extend(_build_query(value, name))
        elif value is None:
            continue  # http_build_query skips null
        else:
            out.append(f"{name}={value}")
    return out


def _urlencode_deep(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _urlencode_deep(v) for k, v in value.items()}
    if value is False or value is None:
        return None  # add_query_arg: a false value removes the key
    return php_urlencode(stringify(value))


def add_query_arg(args: Mapping[str, Any], url: str) -> str:
    """WordPress add_query_arg(urlencode_deep($args), $url): merge into the existing query.

    The existing query is parse_str'd and urlencoded again, new keys are appended, existing
    ones replaced in place, ``false`` values dropped; a fragment stays at the end.
    """
    base, hash_sep, fragment = url.partition("#")
    path, _, query = base.partition("?")
    merged: dict[Any, Any] = {
        k: _urlencode_deep(v) for k, v in parse_str(query).items()
    }  # add_query_arg: wp_parse_str + urlencode_deep
    for key, value in args.items():
        merged[key] = _urlencode_deep(value)
    built = "&".join(_build_query(merged))
    return path + ("?" + built if built else "") + (hash_sep + fragment)


@dataclass(frozen=True)
class SignedRequest:
    """What Client::build_signed_request produces: the final URL, headers to add, the auth pairs."""

    url: str
    headers: dict[str, str]
    auth: dict[str, str]
    signature: str


def build_signed_request(
    access_token: str,
    *,
    user_id: int,
    method: str,
    url: str,
    body: bytes | str | Mapping[Any, Any] | None,
    now: float,
    nonce: str,
    time_diff: int = 0,
    blog_id: int | None = None,
    auth_location: str = "query_string",
    jetpack_version: str = "10.7",
) -> SignedRequest:
    """Client::build_signed_request for a token ``key.secret`` of ``user_id`` (0: the blog).

    Adds ``for=jetpack&wpcom_blog_id=`` for xmlrpc.php URLs, the auth pairs to the query unless
    ``auth_location == 'header'``, and always the ``Authorization: X_JETPACK ...`` header.
    """
    key, _, secret = access_token.partition(".")
    if not secret:
        raise SignatureError("malformed_token", "")
    token = f"{key}:{API_VERSION}:{user_id}"
    timestamp = str(int(now) + time_diff)
    auth = {"token": token, "timestamp": timestamp, "nonce": nonce, "body-hash": body_hash(body)}
    url_args: dict[str, Any] = {}
    if "xmlrpc.php" in url:
        url_args = {"for": "jetpack", "wpcom_blog_id": blog_id}
    if auth_location != "header":
        url_args.update(auth)
    if url_args:
        url = add_query_arg(url_args, url)
    signature = sign_request(
        access_token,
        token=token,
        timestamp=timestamp,
        nonce=nonce,
        body_hash=auth["body-hash"],
        method=method.upper(),
        url=url,
        body=body,
        now=now,
        time_diff=time_diff,
        verify_body_hash=False,
    )
    header = dict(auth, signature=signature, version=jetpack_version)
    if auth_location != "header":
        url = add_query_arg({"signature": signature}, url)
    return SignedRequest(url, {"Authorization": format_authorization(header)}, auth, signature)


# ------------------------------------------------------------------------ inbound side ----


@dataclass(frozen=True)
class SignatureParams:
    """The five signature values of a request, from its query string or Authorization header."""

    token: str
    timestamp: str
    nonce: str
    body_hash: str
    signature: str
    source: str  # "query" or "header"


def extract_signature_params(query: str, authorization: str | None) -> SignatureParams | None:
    """Query parameters win (internal_verify_xml_rpc_signature reads ``$_GET``); else the header.

    None when neither carries both ``token`` and ``signature``.
    """
    params = parse_str(query)
    if "token" in params and params.get("signature"):
        return SignatureParams(
            str(params.get("token", "")),
            str(params.get("timestamp", "")),
            str(params.get("nonce", "")),
            str(params.get("body-hash", "")),
            str(params["signature"]),
            "query",
        )
    fields = parse_authorization(authorization) if authorization else None
    if fields and fields.get("token") and fields.get("signature"):
        return SignatureParams(
            fields["token"],
            fields.get("timestamp", ""),
            fields.get("nonce", ""),
            fields.get("body-hash", ""),
            fields["signature"],
            "header",
        )
    return None


def verify_request(
    access_token: str,
    params: SignatureParams,
    *,
    method: str,
    url: str,
    body: bytes | str | None,
    now: float,
    time_diff: int = 0,
) -> None:
    """Recompute the signature of a received request and compare (hash_equals).

    ``url`` is the full URL as received (its ``signature`` parameter is ignored); ``body`` the
    raw body, or None/"" for none. Raises SignatureError; ``signature_mismatch`` when only the
    signature differs. Nonce reuse is the caller's check (``params.timestamp``, ``params.nonce``).
    """
    expected = sign_request(
        access_token,
        token=params.token,
        timestamp=params.timestamp,
        nonce=params.nonce,
        body_hash=params.body_hash,
        method=method,
        url=url,
        body=body if body else None,
        now=now,
        time_diff=time_diff,
        verify_body_hash=True,
    )
    if not hmac.compare_digest(expected.encode(), params.signature.encode()):
        raise SignatureError("signature_mismatch", "Signature mismatch")


def signed_token(access_token: str, user_id: int, *, now: float, nonce: str) -> str:
    """Tokens::get_signed_token(): ``token="k:1:u" timestamp="…" nonce="…" signature="…"``.

    The signature is base64(HMAC-SHA1(secret, "token\\ntimestamp\\nnonce\\n")).
    """
    key, _, secret = access_token.partition(".")
    token = f"{key}:{API_VERSION}:{user_id}"
    stamp = str(int(now))
    mac = _hmac_sha1_base64(secret, f"{token}\n{stamp}\n{nonce}\n")
    return f'token="{token}" timestamp="{stamp}" nonce="{nonce}" signature="{mac}"'


def verify_signed_token(access_token: str, fields: Mapping[str, str]) -> bool:
    """Check a Tokens::get_signed_token() value against a token ``key.secret``."""
    key, _, secret = access_token.partition(".")
    token = fields.get("token", "")
    if not secret or not token.startswith(f"{key}:"):
        return False
    text = f"{token}\n{fields.get('timestamp', '')}\n{fields.get('nonce', '')}\n"
    mac = _hmac_sha1_base64(secret, text)
    return hmac.compare_digest(mac.encode(), fields.get("signature", "").encode())
