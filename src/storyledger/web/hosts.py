"""The `Host` header values the web server answers to: loopback names and the names it was given.

A page on another site can point its own domain at 127.0.0.1 (DNS rebinding) and then read the
server as that domain; the browser still sends that domain as `Host`, so a server that answers
only to its own names cannot be read that way.
"""

from __future__ import annotations

from collections.abc import Iterable

LOOPBACK = ("localhost", "127.0.0.1", "[::1]")


def allowed_hosts(bound: str, port: int, names: Iterable[str] = ()) -> frozenset[str]:
    """Every `Host` value (lower case) a request may carry: `name:port`, and the bare name on
    port 80. The names are the loopback ones, the bound address (as `--host` gave it, even a
    wildcard such as 0.0.0.0: no other site can own that name) and `names` (host names or
    addresses, without a port)."""
    hosts = set()
    for name in {*LOOPBACK, bound, *names}:
        host = _bracketed(name.strip().lower())
        if not host:
            continue
        hosts.add(f"{host}:{port}")
        if port == 80:
            hosts.add(host)
    return frozenset(hosts)


def _bracketed(name: str) -> str:
    """An IPv6 address as a `Host` header writes it: `[::1]`."""
    return f"[{name}]" if ":" in name and not name.startswith("[") else name
