#!/usr/bin/env python3
"""How long other requests wait while a department's SLA policy changes.

Starts a signpost-server on a fresh store, makes one department with
--tickets open tickets, then has an agent write notes on one ticket without
pause while an admin changes the department's policy (which reschedules
every open ticket). Prints how long the policy change took to answer, and
the slowest and the 99th-percentile note in the second around it.

    bench/reschedule_stall.py --server build/server/signpost-server --tickets 20000 --runs 3
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

PASSWORD = "bench-password-1"


class Client:
    def __init__(self, port, token=None):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.token = token

    def call(self, method, path, body=None):
        headers = {"Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        self.conn.request(method, path, json.dumps(body) if body is not None else None, headers)
        response = self.conn.getresponse()
        data = response.read()
        return response.status, (json.loads(data) if data else {})


def run_once(server, tickets):
    store = tempfile.mkdtemp(prefix="signpost-reschedule-")
    env = dict(os.environ, SIGNPOST_ADMIN_PASSWORD=PASSWORD)
    process = subprocess.Popen(
        [server, "--data-dir", store, "--port", "0", "--contact-rate", "0", "--login-rate", "0",
         "--bootstrap-admin", "admin@bench.example"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    try:
        port = int(process.stdout.readline().strip().rsplit(":", 1)[1])
        admin = Client(port)
        status, login = admin.call("POST", "/api/v1/auth/login", {"email": "admin@bench.example", "password": PASSWORD})
        assert status == 200, login
        admin.token = login["token"]
        status, department = admin.call("POST", "/api/v1/departments", {"name": "Support"})
        assert status == 201, department
        dept = department["id"]
        status, agent = admin.call("POST", "/api/v1/agents", {
            "name": "Sam", "email": "sam@bench.example", "password": PASSWORD})
        assert status == 201, agent
        status, member = admin.call("PUT", "/api/v1/agents/%d/memberships/%d" % (agent["id"], dept), {"role": "member"})
        assert status in (200, 201, 204), member
        intake = Client(port)
        first = None
        for i in range(tickets):
            status, made = intake.call("POST", "/api/v1/public/intake", {
                "name": "Customer %d" % i, "email": "c%d@example.com" % i, "subject": "Order %d" % i,
                "message": "Where is my parcel?", "department": dept})
            assert status == 201, made
            first = first or made["ticket"]
        sam = Client(port)
        status, login = sam.call("POST", "/api/v1/auth/login", {"email": "sam@bench.example", "password": PASSWORD})
        sam.token = login["token"]
        status, ticket = sam.call("GET", "/api/v1/tickets/%d" % first)
        version = ticket["version"]

        notes = []  # (start, seconds)
        stop = threading.Event()

        def write_notes():
            nonlocal version
            n = 0
            while not stop.is_set():
                n += 1
                started = time.monotonic()
                status, answer = sam.call("POST", "/api/v1/commands", {"commands": [{
                    "id": "note-%d" % n, "ticket": first, "base_version": version, "type": "note",
                    "body": "Still looking %d" % n}]})
                notes.append((started, time.monotonic() - started))
                result = answer["results"][0]
                version = result.get("ticket", result.get("current", {})).get("version", version)

        writer = threading.Thread(target=write_notes)
        writer.start()
        time.sleep(1.0)
        changed = time.monotonic()
        status, answer = admin.call("PATCH", "/api/v1/departments/%d" % dept, {"sla": {"targets": {
            "normal": {"first_response": 60, "next_response": 120, "resolution": 480}}}})
        answered = time.monotonic() - changed
        assert status == 200, answer
        time.sleep(1.0 + answered)
        stop.set()
        writer.join()
        around = sorted(seconds for started, seconds in notes if changed - 0.1 <= started <= changed + answered + 1.0)
        p99 = around[min(len(around) - 1, int(len(around) * 0.99))]
        return answered, around[-1], p99, len(around)
    finally:
        process.terminate()
        process.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", default="build/server/signpost-server")
    parser.add_argument("--tickets", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    results = []
    for run in range(options.runs):
        answered, slowest, p99, count = run_once(options.server, options.tickets)
        results.append((answered, slowest, p99))
        print("run %d: policy change answered in %.0f ms; notes around it: slowest %.0f ms, p99 %.0f ms (%d notes)"
              % (run + 1, answered * 1000, slowest * 1000, p99 * 1000, count), flush=True)
    print("median: policy change %.0f ms, slowest note %.0f ms, p99 note %.0f ms"
          % tuple(statistics.median(r[i] for r in results) * 1000 for i in range(3)))


if __name__ == "__main__":
    main()
