"""wp-includes/formatting.php: escaping (esc_html, esc_attr, esc_textarea, esc_url_raw), the
text sanitisers (sanitize_text_field and family, wp_strip_all_tags) and is_email.

Values are PHP values as Python data; strings hold bytes that are not UTF-8 as lone surrogates.
"""

from __future__ import annotations

import re

from jetpress import php
from jetpress.wp import kses

_C_SPACE = " \t\n\v\f\r"  # C isspace() in the C locale
_HEX_COLOR = re.compile(r"^#([A-Fa-f0-9]{3}){1,2}$")
_EMAIL_LOCAL = re.compile(r"^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]+$")
_EMAIL_SUB = re.compile(r"^[a-z0-9-]+$", re.IGNORECASE | re.ASCII)
_LESS_THAN = re.compile(r"<[^>]*?((?=<)|>|$)")
_NOT_KEY = re.compile(r"[^a-z0-9_\-]")
_URL_STRIP = re.compile(r"[^a-z0-9\-~+_.?#=!&;,/:%@$|*'()\[\]\x80-\U0010ffff]", re.I | re.ASCII)


def _is_scalar(value: object) -> bool:
    """A string, number, bool or null: what PHP can read as a string without an array or object."""
    return value is None or isinstance(value, bool | int | float | str)


# --------------------------------------------------------------------------- escaping


def _specialchars(text: str) -> str:
    """_wp_specialchars( $text, ENT_QUOTES ) with $double_encode false (formatting.php:934)."""
    if not re.search("[&<>\"']", text):
        return text
    text = kses.normalize_entities(text)
    return (
        text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#039;")
    )


def esc_html(text: str) -> str:
    """esc_html (formatting.php:4586): ``& < > " '`` as entities, valid entities kept, invalid
    UTF-8 gives ''.

    >>> esc_html("<a href='x'>&amp; &foo;</a>")
    '&lt;a href=&#039;x&#039;&gt;&amp; &amp;foo;&lt;/a&gt;'
    """
    return _specialchars(text) if php.is_valid_utf8(text) else ""  # wp_check_invalid_utf8


def esc_attr(text: str) -> str:
    """esc_attr: the same escaping as esc_html for attribute values (formatting.php:4611)."""
    return esc_html(text)


def esc_textarea(text: str) -> str:
    """esc_textarea (formatting.php:4636): ``htmlspecialchars( $text, ENT_QUOTES )``, which
    double-encodes entities and gives '' for invalid UTF-8.

    >>> esc_textarea("&amp; <'>")
    '&amp;amp; &lt;&#039;&gt;'
    """
    if not php.is_valid_utf8(text):
        return ""  # htmlspecialchars() without ENT_SUBSTITUTE fails on invalid UTF-8
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&#039;")


# --------------------------------------------------------------------------- checks


def is_email(email: object) -> bool:
    """is_email (formatting.php:3492): WordPress's non-RFC check, without the filter."""
    if not _is_scalar(email):
        return False  # arrays and objects: a TypeError in PHP 8
    text = php.to_php_string(email)
    if len(text.encode("utf-8", "surrogatepass")) < 6:
        return False
    if text.find("@", 1) == -1:
        return False
    local, domain = text.split("@", 1)
    if not _EMAIL_LOCAL.search(local) or re.search(r"\.{2,}", domain):
        return False
    if domain.strip(php.TRIM_CHARACTERS + ".") != domain:
        return False
    subs = domain.split(".")
    if len(subs) < 2:
        return False
    return all(
        sub.strip(php.TRIM_CHARACTERS + "-") == sub and _EMAIL_SUB.search(sub) for sub in subs
    )


# --------------------------------------------------------------------------- text sanitisers


def _strip_script_style(text: str) -> str:
    """preg_replace('@<(script|style)[^>]*?>.*?</\\1>@si', '', $text), in linear time."""
    lower = php.strtolower(text)
    out: list[str] = []
    position = 0
    closing: dict[str, tuple[int, int]] = {}  # name -> (searched from, found at)
    start = lower.find("<")
    while start != -1:
        name = next((n for n in ("script", "style") if lower.startswith(n, start + 1)), None)
        gt = lower.find(">", start + 1 + len(name)) if name else -1
        if name is not None and gt != -1:
            tag = f"</{name}>"
            since, found = closing.get(name, (-2, -2))
            if not (since <= gt + 1 and (found == -1 or found >= gt + 1)):
                found = lower.find(tag, gt + 1)
                closing[name] = (gt + 1, found)
            if found != -1:
                out.append(text[position:start])
                position = found + len(tag)
                start = lower.find("<", position)
                continue
        start = lower.find("<", start + 1)
    out.append(text[position:])
    return "".join(out)


def _strip_tags(text: str) -> str:
    """php 8.2 strip_tags() without allowed tags: the php_strip_tags_ex state machine."""
    out: list[str] = []
    state, depth, in_q, lc, br, is_xml = 0, 0, "", "", 0, False
    size = len(text)

    def at(index: int) -> str:
        return text[index] if 0 <= index < size else "\0"

    for p, c in enumerate(text):
        if state == 0:
            if c == "<" and not in_q:
                if at(p + 1) in _C_SPACE:
                    out.append(c)
                else:
                    lc, state = "<", 1
            elif c == ">":
                if depth:
                    depth -= 1
                elif not in_q:
                    out.append(c)
            elif c != "\0" and c != "<":
                out.append(c)
        elif state == 1:
            if c == "<" and not in_q and at(p + 1) not in _C_SPACE:
                depth += 1
            elif c == ">":
                if depth:
                    depth -= 1
                elif not in_q:
                    lc = ">"
                    if not (is_xml and at(p - 1) == "-"):
                        in_q, state, is_xml = "", 0, False
            elif c in "\"'":
                if p != 0 and (not in_q or c == in_q):
                    in_q = "" if in_q else c
            elif c == "!" and at(p - 1) == "<":
                state, lc = 3, c
            elif c == "?" and at(p - 1) == "<":
                br, state = 0, 2
        elif state == 2:
            if c in "()" and lc != '"' and lc != "'":
                lc, br = c, br + (1 if c == "(" else -1)
            elif c == ">":
                if depth:
                    depth -= 1
                elif not in_q and not br and lc != '"' and at(p - 1) == "?":
                    in_q, state = "", 0
            elif c in "\"'":
                if p >= 1 and at(p - 1) != "\\":  # an escaped quote changes nothing
                    if lc == c:
                        lc = ""
                    elif lc != "\\":
                        lc = c
                    if not in_q or c == in_q:
                        in_q = "" if in_q else c
            elif c in "lL" and p > 4 and php.strtolower(text[p - 4 : p]) == "<?xm":
                state, is_xml = 1, True  # '<?xml' is markup, not PHP code
        elif state == 3:
            if c == ">":
                if depth:
                    depth -= 1
                elif not in_q:
                    in_q, state = "", 0
            elif c in "\"'":
                if p != 0 and at(p - 1) != "\\" and (not in_q or c == in_q):
                    in_q = "" if in_q else c
            elif c == "-" and p >= 2 and at(p - 1) == "-" and at(p - 2) == "!":
                state = 4
            elif c in "eE" and p > 6 and php.strtolower(text[p - 6 : p]) == "doctyp":
                state = 1
        elif c == ">" and not in_q and p >= 2 and at(p - 1) == "-" and at(p - 2) == "-":
            in_q, state = "", 0
    return "".join(out)


def strip_all_tags(text: str) -> str:
    """wp_strip_all_tags( $text ) (formatting.php:5420): script and style elements, then every
    tag, then the surrounding whitespace.

    >>> strip_all_tags(" <b>x</b><script>y</script> ")
    'x'
    """
    return _strip_tags(_strip_script_style(text)).strip(php.TRIM_CHARACTERS)


def _remove_octets(text: str) -> tuple[str, bool]:
    """The ``while preg_match('/%[a-f0-9]{2}/i')`` str_replace loop of _sanitize_text_fields.

    Matches never overlap, so removing them in any order reaches the same text: a stack does it
    in linear time where PHP's loop is quadratic.
    """
    out: list[str] = []
    found = False
    for char in text:
        out.append(char)
        if (
            len(out) >= 3
            and out[-3] == "%"
            and out[-2] in "0123456789abcdefABCDEF"
            and out[-1] in "0123456789abcdefABCDEF"
        ):
            del out[-3:]
            found = True
    return "".join(out), found


def _sanitize_text_fields(value: object, keep_newlines: bool) -> str:
    """_sanitize_text_fields (formatting.php:5501)."""
    if not _is_scalar(value):
        return ""  # is_object( $str ) || is_array( $str )
    text = php.to_php_string(value)
    if not php.is_valid_utf8(text):
        return ""  # wp_check_invalid_utf8 without $strip
    if "<" in text:
        text = _LESS_THAN.sub(lambda m: m[0] if ">" in m[0] else _specialchars(m[0]), text)
        text = strip_all_tags(text)
        text = text.replace("<\n", "&lt;\n")
    if not keep_newlines:
        text = re.sub(r"[\r\n\t ]+", " ", text)
    text, found = _remove_octets(text.strip(php.TRIM_CHARACTERS))
    if found:
        text = re.sub(" +", " ", text).strip(php.TRIM_CHARACTERS)
    return text


def sanitize_text_field(value: object) -> str:
    """sanitize_text_field: drop tags and octets, escape lone '<', collapse whitespace."""
    return _sanitize_text_fields(value, False)


def sanitize_textarea_field(value: object) -> str:
    """sanitize_textarea_field: sanitize_text_field that keeps newlines and inner whitespace."""
    return _sanitize_text_fields(value, True)


def sanitize_key(key: object) -> str:
    """sanitize_key (formatting.php:2166): scalars only, php strtolower, ``[a-z0-9_-]`` kept.

    >>> sanitize_key("Edit Me!")
    'editme'
    """
    if key is None or not _is_scalar(key):
        return ""  # is_scalar() false
    return _NOT_KEY.sub("", php.strtolower(php.to_php_string(key)))


def sanitize_hex_color(value: object) -> str:
    """(string) sanitize_hex_color(): the colour if it matches ``#rgb``/``#rrggbb``, else ''."""
    if isinstance(value, str) and _HEX_COLOR.search(value):
        return value
    return ""


# --------------------------------------------------------------------------- esc_url_raw


def _parse_url_authority(url: str) -> dict[str, str] | None:
    """php 8.2 parse_url() (ext/standard/url.c), only the scheme/user/pass/host/port parts.

    None where parse_url() returns false.
    """
    out: dict[str, str] = {}
    start, size = 0, len(url)
    colon = url.find(":")
    host_from: int | None = None
    port_at: int | None = None
    if colon > 0:
        scheme_ok = all(c.isascii() and (c.isalnum() or c in "+-.") for c in url[:colon])
        if not scheme_ok:
            question = url.find("?")
            if colon + 1 < size and question != -1 and colon < question:
                port_at = colon
            elif url.startswith("//"):
                host_from = 2
            else:
                return out
        elif colon + 1 == size:
            return {"scheme": url[:colon]}
        elif url[colon + 1] != "/":
            digits = len(url[colon + 1 :]) - len(url[colon + 1 :].lstrip("0123456789"))
            end = colon + 1 + digits
            if (end == size or url[end] == "/") and digits + 1 < 7:
                port_at = colon
            else:
                out["scheme"] = url[:colon]
                return out
        else:
            out["scheme"] = url[:colon]
            if colon + 2 < size and url[colon + 2] == "/":
                start = colon + 3
                if url[:colon].lower() == "file" and url[start : start + 1] == "/":
                    return out
            else:
                return out
    elif colon == 0:
        port_at = colon
    if port_at is not None:
        digits_end = port_at + 1
        while digits_end < size and digits_end - port_at - 1 < 6 and url[digits_end].isdigit():
            digits_end += 1
        length = digits_end - port_at - 1
        if 0 < length < 6 and (digits_end == size or url[digits_end] == "/"):
            if int(url[port_at + 1 : digits_end]) > 65535:
                return None
            out["port"] = str(int(url[port_at + 1 : digits_end]))
            start = 2 if url.startswith("//") else 0
        elif length == 0 and digits_end == size:
            return None
        elif url.startswith("//"):
            start = 2
        else:
            return out
    elif host_from is not None:
        start = host_from
    elif colon == -1:
        if not url.startswith("//"):
            return out
        start = 2
    end = min((i for i in (url.find(c, start) for c in "/?#") if i != -1), default=size)
    at = url.rfind("@", start, end)
    if at != -1:
        user, sep, password = url[start:at].partition(":")
        out["user"] = user
        if sep:
            out["pass"] = password
        start = at + 1
    port_colon = -1
    if not (url[start : start + 1] == "[" and url[end - 1 : end] == "]"):
        port_colon = url.rfind(":", start, end)
    host_end = end
    if port_colon != -1:
        host_end = port_colon
        if "port" not in out:
            port_text = url[port_colon + 1 : end]
            if len(port_text) > 5:
                return None
            if port_text:
                match = re.match(r"[ \t\n\v\f\r]*[+-]?[0-9]+", port_text)
                if match is None or not 0 <= int(match.group()) <= 65535:
                    return None  # ZEND_STRTOL found no number, or it is out of range
                out["port"] = str(int(match.group()))
    if host_end - start < 1:
        return None
    out["host"] = url[start:host_end]
    return out


def _url_front(url: str) -> str:
    """The scheme://user:pass@host:port prefix esc_url rebuilds from wp_parse_url()."""
    unset: tuple[str, ...] = ()
    target = url
    if url.startswith("//"):  # wp_parse_url's placeholders (http.php:685-720)
        unset, target = ("scheme",), "placeholder:" + url
    elif url.startswith("/"):
        unset, target = ("scheme", "host"), "placeholder://placeholder" + url
    parsed = _parse_url_authority(target) or {}
    for key in unset:
        parsed.pop(key, None)
    front = parsed["scheme"] + "://" if "scheme" in parsed else ("//" if url[:1] == "/" else "")
    front += parsed.get("user", "") + (":" + parsed["pass"] if "pass" in parsed else "")
    front += "@" if "user" in parsed or "pass" in parsed else ""
    front += parsed.get("host", "") + (":" + parsed["port"] if "port" in parsed else "")
    return front


def esc_url_raw(url: object) -> str:
    """esc_url_raw / sanitize_url: esc_url() in the 'db' context (formatting.php:4395-4530).

    >>> esc_url_raw("example.com/a b"), esc_url_raw("javascript:alert(1)")
    ('http://example.com/a%20b', '')
    """
    if not _is_scalar(url):
        return ""  # arrays and objects: '' here, a TypeError in PHP 8
    text = php.to_php_string(url)
    text = _URL_STRIP.sub("", text.lstrip(php.TRIM_CHARACTERS).replace(" ", "%20"))
    if text == "":
        return ""
    if not php.strtolower(text).startswith("mailto:"):
        text = _deep_remove(text, ("%0d", "%0a", "%0D", "%0A"))
    text = text.replace(";//", "://")
    if (
        ":" not in text
        and text[:1] not in ("/", "#", "?")
        and not re.match(r"[a-z0-9-]+?\.php", text, re.I | re.A)
    ):
        text = "http://" + text
    if "[" in text or "]" in text:
        front = _url_front(text)
        dirty = text.replace(front, "") if front else text
        clean = dirty.replace("[", "%5B").replace("]", "%5D")
        text = text.replace(dirty, clean) if dirty else text
    if text[:1] == "/":
        return text
    good = kses.bad_protocol(text)
    return good if php.loose_equals(php.strtolower(good), php.strtolower(text)) else ""


def _deep_remove(text: str, needles: tuple[str, ...]) -> str:
    """_deep_replace($needles, $text) with '': a stack, since the needles cannot overlap."""
    out: list[str] = []
    for char in text:
        out.append(char)
        if len(out) >= 3 and "".join(out[-3:]) in needles:
            del out[-3:]
    return "".join(out)
