"""No network at run time: building the engine and scanning work with outbound sockets blocked.

Presidio's e-mail recognizer would fetch the Public Suffix List through tldextract on first use
(and hang offline); spaCy would try to download a missing model. Any connection to a
non-loopback address fails this test instead of waiting for a timeout.
"""
import ipaddress
import socket

import pytest


class NetworkBlocked(OSError):
    pass


def _is_loopback(address) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if not isinstance(host, str):
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture
def no_network(monkeypatch):
    attempts = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def guarded(real):
        def connect(self, address):
            if self.family == socket.AF_UNIX or _is_loopback(address):
                return real(self, address)
            attempts.append(address)
            raise NetworkBlocked(f"outbound connection to {address!r} blocked in tests")
        return connect

    def no_dns(*args, **kwargs):
        host = args[0] if args else kwargs.get("host")
        if host is None or _is_loopback((host,)):
            return real_getaddrinfo(*args, **kwargs)
        attempts.append(host)
        raise NetworkBlocked(f"name lookup of {host!r} blocked in tests")

    real_getaddrinfo = socket.getaddrinfo
    monkeypatch.setattr(socket.socket, "connect", guarded(real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guarded(real_connect_ex))
    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    return attempts


def test_the_guard_blocks_outbound_connections(no_network):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(NetworkBlocked):
            sock.connect(("192.0.2.1", 443))  # TEST-NET-1: never routed
    finally:
        sock.close()
    assert no_network == [("192.0.2.1", 443)]


def test_engine_builds_and_scans_offline(no_network):
    from piiscore.engine import PiiEngine

    engine = PiiEngine()
    text = ("Gezinsvoogd Sanne Bakker mailt vanaf s.bakker@jeugdzorg-voorbeeld.nl, "
            "bel 06-12345678 of kijk op https://www.voorbeeld.nl/team. IBAN NL91 ABNA 0417 1643 00.")
    entities = engine.analyze(text, "nl")
    found = {(e.type, e.text) for e in entities}
    assert ("EMAIL_ADDRESS", "s.bakker@jeugdzorg-voorbeeld.nl") in found
    assert ("PHONE_NUMBER", "06-12345678") in found
    assert ("IBAN_CODE", "NL91 ABNA 0417 1643 00") in found
    # an English scan and a second text through the same engine, still without the network
    english = engine.analyze("Email her at jane.doe@example.co.uk or call +44 20 7946 0958", "en")
    assert {e.type for e in english} >= {"EMAIL_ADDRESS", "PHONE_NUMBER"}
    assert no_network == []
