#!/usr/bin/env python3
"""How long /healthz waits while admins add agents and set their passwords.

Starts a signpost-server on a fresh store; --admins connections then each
create --agents agents (every one with a password, so one Argon2id hash
each) and give each a new password, while one client asks /healthz without
pause. Prints the health checks' p50, p99 and slowest answer over the time
the admins worked, and how long that was.

    bench/agent_admin_stall.py --server build/server/signpost-server --runs 3
"""
import argparse
import http.client
import json
import os
import statistics
import subprocess
import tempfile
import threading
import time

from healthprobe import HealthProbe

PASSWORD = "bench-password-1"


def call(conn, method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    conn.request(method, path, json.dumps(body) if body is not None else None, headers)
    response = conn.getresponse()
    data = response.read()
    return response.status, (json.loads(data) if data else {})


def run_once(server, admins, agents):
    store = tempfile.mkdtemp(prefix="signpost-admin-stall-")
    env = dict(os.environ, SIGNPOST_ADMIN_PASSWORD=PASSWORD)
    process = subprocess.Popen(
        [server, "--data-dir", store, "--port", "0", "--login-rate", "0", "--bootstrap-admin", "admin@bench.example"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    try:
        port = int(process.stdout.readline().strip().rsplit(":", 1)[1])
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        status, login = call(conn, "POST", "/api/v1/auth/login", {"email": "admin@bench.example", "password": PASSWORD})
        assert status == 200, login
        token = login["token"]

        def admin(n):
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            for i in range(agents):
                status, agent = call(c, "POST", "/api/v1/agents", {
                    "name": "Agent %d-%d" % (n, i), "email": "a%d-%d@bench.example" % (n, i), "password": PASSWORD},
                    token)
                assert status == 201, agent
                status, changed = call(c, "PATCH", "/api/v1/agents/%d" % agent["id"], {"password": PASSWORD + "x"},
                                       token)
                assert status == 200, changed

        probe = HealthProbe(port, pause=0.002)
        time.sleep(0.2)
        probe.reset()
        began = time.perf_counter()
        workers = [threading.Thread(target=admin, args=(n,)) for n in range(admins)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        took = time.perf_counter() - began
        return (took,) + probe.stop()
    finally:
        process.terminate()
        process.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", default="build/server/signpost-server")
    parser.add_argument("--admins", type=int, default=4)
    parser.add_argument("--agents", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    p99s = []
    for run in range(args.runs):
        took, p50, p99, slowest, count = run_once(args.server, args.admins, args.agents)
        p99s.append(p99)
        print("run %d: %d agents made and given a new password in %.2f s; /healthz p50 %.1f ms, p99 %.1f ms,"
              " slowest %.1f ms (%d checks)" % (run + 1, args.admins * args.agents, took, p50, p99, slowest, count))
    print("median of the runs' p99: %.1f ms" % statistics.median(p99s))


if __name__ == "__main__":
    main()
