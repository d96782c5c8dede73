"""The `Host` values the server answers to: its loopback names, its address, the names given."""

import pytest

from storyledger.web.hosts import allowed_hosts


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("bound", "names", "port", "allowed", "refused"),
    [
        (
            "127.0.0.1",
            (),
            8000,
            {"127.0.0.1:8000", "localhost:8000", "[::1]:8000"},
            {"127.0.0.1", "evil.example:8000", "localhost:8001", "0.0.0.0:8000"},
        ),
        ("192.168.1.5", (), 8000, {"192.168.1.5:8000", "localhost:8000"}, {"192.168.1.6:8000"}),
        ("0.0.0.0", (), 8000, {"localhost:8000", "0.0.0.0:8000"}, {":8000", "192.0.2.1:8000"}),
        ("", (), 8000, {"localhost:8000"}, {":8000"}),
        ("::", (), 8000, {"[::1]:8000", "[::]:8000"}, {"::8000"}),
        ("::1", (), 8000, {"[::1]:8000"}, {"::1:8000"}),
        ("0.0.0.0", ("Story.Local ",), 8000, {"story.local:8000"}, {"Story.Local:8000"}),
        ("127.0.0.1", (), 80, {"localhost", "localhost:80", "127.0.0.1"}, {"localhost:8000"}),
    ],
)
def test_allowed_hosts(bound, names, port, allowed, refused):
    hosts = allowed_hosts(bound, port, names)
    assert allowed <= hosts
    assert not refused & hosts
