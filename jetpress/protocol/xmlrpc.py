"""XML-RPC bodies as Jetpack_IXR_Client sends them and WordPress.com answers them.

Calls are written like WordPress's IXR_Request (then trimmed, as Jetpack_IXR_Client::query does);
answers are read and written with the standard library. Faults from WordPress.com carry
``Jetpack: [code] message`` strings that Jetpack_IXR_Client::get_jetpack_error turns into codes.
"""

from __future__ import annotations

import re
import xmlrpc.client
from html import escape
from typing import Any

_JETPACK_FAULT = re.compile(r"jetpack:\s+\[(\w+)\]\s*(.*)?$", re.IGNORECASE | re.DOTALL)


class XmlRpcFault(Exception):
    """A ``<fault>`` answer: ``code`` (faultCode) and ``message`` (faultString)."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


def _value(value: Any) -> str:
    """IXR_Value::getXml for the types Jetpack sends."""
    if isinstance(value, bool):
        return f"<boolean>{int(value)}</boolean>"
    if isinstance(value, int):
        return f"<int>{value}</int>"
    if isinstance(value, float):
        return f"<double>{value!r}</double>"
    if isinstance(value, list | tuple):
        items = "".join(f"  <value>{_value(v)}</value>\n" for v in value)
        return f"<array><data>\n{items}</data></array>"
    if isinstance(value, dict):
        members = "".join(
            f"  <member><name>{escape(str(k), quote=False)}</name>"
            f"<value>{_value(v)}</value></member>\n"
            for k, v in value.items()
        )
        return f"<struct>\n{members}</struct>"
    if value is None:
        return "<string></string>"
    return f"<string>{escape(str(value), quote=False)}</string>"


def method_call(method: str, *params: Any) -> str:
    """IXR_Request::getXml(), trimmed: the body Jetpack_IXR_Client signs and posts."""
    body = f'<?xml version="1.0"?>\n<methodCall>\n<methodName>{method}</methodName>\n<params>\n'
    for param in params:
        body += f"<param><value>{_value(param)}</value></param>\n"
    return (body + "</params></methodCall>").strip()


def parse_method_call(body: str | bytes) -> tuple[str, tuple[Any, ...]]:
    """Method name and parameters of a call; ValueError for anything that is not one."""
    try:
        params, method = xmlrpc.client.loads(body)
    except Exception as err:  # expat and xmlrpc raise several types
        raise ValueError(f"parse error. not well formed: {err}") from err
    if not method:
        raise ValueError("parse error. not a method call")
    return method, params


def method_response(value: Any) -> str:
    """A ``<methodResponse>`` with one value."""
    return xmlrpc.client.dumps((value,), methodresponse=True, allow_none=True)


def fault_response(code: int, message: str) -> str:
    """A ``<methodResponse>`` with a fault."""
    return xmlrpc.client.dumps(xmlrpc.client.Fault(code, message), methodresponse=True)


def parse_method_response(body: str | bytes) -> Any:
    """The value of a response; XmlRpcFault for a fault, ValueError for unparsable XML.

    Jetpack_IXR_Client::query maps the latter to IXR_Error -32700 'parse error. not well formed'.
    """
    try:
        params, _ = xmlrpc.client.loads(body)
    except xmlrpc.client.Fault as fault:
        raise XmlRpcFault(int(fault.faultCode), str(fault.faultString)) from fault
    except Exception as err:
        raise ValueError("parse error. not well formed") from err
    return params[0] if params else None


def jetpack_fault_string(code: str, message: str) -> str:
    """The faultString form WordPress.com uses for Jetpack errors: ``Jetpack: [code] message``."""
    return f"Jetpack: [{code}] {message}"


def parse_jetpack_fault(fault_string: str) -> tuple[str, str] | None:
    """Jetpack_IXR_Client::get_jetpack_error's regex: ``(code, message)`` or None."""
    match = _JETPACK_FAULT.search(fault_string)
    return (match.group(1), match.group(2) or "") if match else None
