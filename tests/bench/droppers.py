#!/usr/bin/env python3
"""Clients that give up mid-request, for tests/bench/load-mock.sh (stdlib only).

  droppers.py drop URL --seconds S [--workers N] [--held-path P --held-ms MS]
                       [--no-answer-path P] [--token T] [--pause-ms MS]
      Opens connections to the mock and abandons them in every way a real client can,
      round-robin, for S seconds; prints one line "total=N failures=N failureKinds=...
      serverClosedFirst=N drops=way:N,...": the drops per way, and the failures that mean
      the mock stopped serving (refused or unanswered connects).
  droppers.py faults URL --token ADMIN --held-ms MS
      Adds the two fault rules the droppers abandon (admin API): GetMyOrg answers after MS,
      ListOrganizations never; prints the paths to use for --held-path and --no-answer-path.
  droppers.py stats URL --token ADMIN
      Prints "log=N outbox=N hits=A/B health=STATUS": what the request log and the outbox
      hold, how often each fault rule applied, and the status of a ZITADEL call (GetUserByID
      as mock-admin), which shows the mock still serves.
  droppers.py request URL METHOD PATH [--token T] [--body JSON] [--timeout S]
      One HTTP/1.1 request; prints the status code, then the body.
(One program for all of it, so the load script needs neither curl nor jq, and starts
Python as rarely as it can.)

The ways to abandon a request (the names in drops=):
  partial-headers   request line and part of the headers, then close (FIN)
  partial-body      full headers announcing a body, half the body, then close
  full-then-close   a complete request, closed at once without reading the answer
  held-latency      a request the mock holds (a latency fault), closed while it waits
  held-no-answer    a request a no-answer fault holds open, closed while it waits
  mid-answer        a list of users (tens of KB), RST after reading its first 512 bytes
  rst-partial       part of the headers, then RST (SO_LINGER 0)
  rst-full          a complete request, then RST at once
  rst-held          a held request (latency fault), then RST while it waits
"""

import argparse
import json
import random
import socket
import struct
import sys
import threading
import time
import urllib.parse

DONALD = "312909075211944345"  # seed user: email unverified with a pending code


def connect(host, port, timeout=10.0):
    return socket.create_connection((host, port), timeout=timeout)


def rst_close(sock):
    # SO_LINGER {on, 0 s}: close() sends RST instead of FIN and drops unsent data.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def http_request(host, port, method, path, token, body=b""):
    lines = [
        f"{method} {path} HTTP/1.1",
        f"Host: {host}:{port}",
        f"Authorization: Bearer {token}",
        "Content-Type: application/json",
        f"Content-Length: {len(body)}",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


class Dropper:
    def __init__(self, args):
        url = urllib.parse.urlsplit(args.url)
        self.host, self.port = url.hostname, url.port
        self.token = args.token
        self.held_path = args.held_path
        self.held_ms = args.held_ms
        self.no_answer_path = args.no_answer_path
        self.pause = args.pause_ms / 1000.0
        self.deadline = time.monotonic() + args.seconds
        self.lock = threading.Lock()
        self.drops = {}
        self.failures = {}  # refused / connect timeouts: the mock is not serving
        self.server_closed = 0  # the mock closed first (it may, e.g. on a bad request)
        modes = ["partial-headers", "partial-body", "full-then-close", "mid-answer",
                 "rst-partial", "rst-full"]
        if self.held_path:
            modes += ["held-latency", "rst-held"]
        if self.no_answer_path:
            modes += ["held-no-answer"]
        self.modes = modes

    def resend(self):
        return http_request(self.host, self.port, "POST", f"/v2/users/{DONALD}/email/resend",
                            self.token, b'{"sendCode":{}}')

    def held_wait(self, rng):
        # Somewhere in the held time, sometimes right where the mock's timer fires.
        held = self.held_ms / 1000.0
        if rng.random() < 0.25:
            return held * rng.uniform(0.9, 1.05)
        return held * rng.uniform(0.05, 0.9)

    def once(self, mode, rng):
        sock = connect(self.host, self.port)
        try:
            if mode in ("partial-headers", "rst-partial"):
                request = self.resend()
                sock.sendall(request[: rng.randint(5, request.index(b"\r\n\r\n"))])
                time.sleep(rng.uniform(0, 0.02))
                if mode == "rst-partial":
                    rst_close(sock)
                    return
            elif mode == "partial-body":
                body = json.dumps({"userId": DONALD, "sendCode": {"urlTemplate": "x" * 400}}).encode()
                request = http_request(self.host, self.port, "POST",
                                       "/zitadel.user.v2.UserService/ResendEmailCode", self.token, body)
                sock.sendall(request[: len(request) - len(body) // 2])
                time.sleep(rng.uniform(0, 0.02))
            elif mode in ("full-then-close", "rst-full"):
                sock.sendall(self.resend())
                if mode == "rst-full":
                    rst_close(sock)
                    return
            elif mode in ("held-latency", "rst-held"):
                sock.sendall(http_request(self.host, self.port, "GET", self.held_path, self.token))
                time.sleep(self.held_wait(rng))
                if mode == "rst-held":
                    rst_close(sock)
                    return
            elif mode == "held-no-answer":
                sock.sendall(http_request(self.host, self.port, "POST", self.no_answer_path, self.token, b"{}"))
                time.sleep(rng.uniform(0, 0.2))  # 0: gone before the mock even holds it
            elif mode == "mid-answer":
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # keeps the mock's writes pending
                sock.sendall(http_request(self.host, self.port, "POST", "/v2/users", self.token,
                                          b'{"query":{"limit":1000}}'))
                sock.recv(512)
                rst_close(sock)
                return
            sock.close()
        except (ConnectionResetError, BrokenPipeError):
            with self.lock:
                self.server_closed += 1
            sock.close()

    def worker(self, index):
        rng = random.Random(index)
        i = index
        while time.monotonic() < self.deadline:
            mode = self.modes[i % len(self.modes)]
            i += 1
            try:
                self.once(mode, rng)
                with self.lock:
                    self.drops[mode] = self.drops.get(mode, 0) + 1
            except (ConnectionRefusedError, socket.timeout, OSError) as error:
                name = type(error).__name__
                with self.lock:
                    self.failures[name] = self.failures.get(name, 0) + 1
                time.sleep(0.05)
            if self.pause:
                time.sleep(self.pause)

    def run(self, workers):
        threads = [threading.Thread(target=self.worker, args=(n,)) for n in range(workers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        drops = ",".join(f"{k}:{v}" for k, v in sorted(self.drops.items()))
        failures = ",".join(f"{k}:{v}" for k, v in sorted(self.failures.items()))
        print(f"total={sum(self.drops.values())} failures={sum(self.failures.values())} "
              f"failureKinds={failures or 'none'} serverClosedFirst={self.server_closed} drops={drops}")


def fetch(url, method, path, token, body=b"", timeout=10.0):
    """One HTTP/1.1 request on a fresh connection; returns (status, body)."""
    url = urllib.parse.urlsplit(url)
    with connect(url.hostname, url.port, timeout) as sock:
        sock.sendall(http_request(url.hostname, url.port, method, path, token, body))
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
        head, _, payload = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(payload) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            payload += chunk
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
    return status, payload.decode(errors="replace")


def fetch_json(args, method, path, body=b""):
    status, payload = fetch(args.url, method, path, args.token, body)
    if status != 200:
        raise SystemExit(f"droppers.py: {method} {path} answered {status}: {payload}")
    return json.loads(payload)


HELD_PATH = "/management/v1/orgs/me"  # management.GetMyOrg
NO_ANSWER_PATH = "/v2/organizations/_search"  # org.ListOrganizations


def add_faults(args):
    fetch_json(args, "POST", "/_mock/faults",
               json.dumps({"endpoint": "management.GetMyOrg", "latencyMs": args.held_ms}).encode())
    fetch_json(args, "POST", "/_mock/faults",
               json.dumps({"endpoint": "org.ListOrganizations", "transport": "no-answer"}).encode())
    print(HELD_PATH, NO_ANSWER_PATH)
    return 0


def stats(args):
    log = fetch_json(args, "GET", "/_mock/requests?limit=1")["total"]
    outbox = fetch_json(args, "GET", "/_mock/outbox?limit=1")["total"]
    hits = "/".join(str(rule["hits"]) for rule in fetch_json(args, "GET", "/_mock/faults")["rules"])
    health, _ = fetch(args.url, "GET", f"/v2/users/{DONALD}", "mock-admin")
    print(f"log={log} outbox={outbox} hits={hits} health={health}")
    return 0


def single_request(args):
    status, payload = fetch(args.url, args.method, args.path, args.token, args.body.encode(), args.timeout)
    print(status)
    print(payload)
    return 0 if 200 <= status < 300 else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    drop = sub.add_parser("drop")
    drop.add_argument("url")
    drop.add_argument("--seconds", type=float, required=True)
    drop.add_argument("--workers", type=int, default=4)
    drop.add_argument("--token", default="mock-admin")
    drop.add_argument("--held-path", default="")
    drop.add_argument("--held-ms", type=int, default=0)
    drop.add_argument("--no-answer-path", default="")
    drop.add_argument("--pause-ms", type=float, default=2.0)
    request = sub.add_parser("request")
    request.add_argument("url")
    request.add_argument("method")
    request.add_argument("path")
    request.add_argument("--token", default="mock-admin")
    request.add_argument("--body", default="")
    request.add_argument("--timeout", type=float, default=10.0)
    faults = sub.add_parser("faults")
    faults.add_argument("url")
    faults.add_argument("--token", required=True)
    faults.add_argument("--held-ms", type=int, required=True)
    stats_parser = sub.add_parser("stats")
    stats_parser.add_argument("url")
    stats_parser.add_argument("--token", required=True)
    args = parser.parse_args()
    if args.command == "request":
        return single_request(args)
    if args.command == "faults":
        return add_faults(args)
    if args.command == "stats":
        return stats(args)
    Dropper(args).run(args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
