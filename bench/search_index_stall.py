#!/usr/bin/env python3
"""How fast the search index of a PostgreSQL store is rebuilt, and how long
/healthz waits meanwhile.

Copies an embedded store (the data directory of one, such as the one
`bench_pull --data-dir D` keeps) into a database of a throwaway PostgreSQL
cluster with the server's own `migrate`. Each run then sets the index's mark
back to the start, starts the server on the database, asks /healthz every
10 ms, and waits until every ticket is indexed again. Prints how long that
took, the CPU the server and PostgreSQL spent, and the health checks' p50,
p99 and slowest answer. Run as root (PostgreSQL runs as `postgres`).

    bench/search_index_stall.py --server build/server/signpost-server --from D --runs 2
"""
import argparse
import glob
import os
import shutil
import statistics
import subprocess
import tempfile
import time

from healthprobe import HealthProbe


def pg_bin():
    return sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]


def as_postgres(*command, **kwargs):
    return subprocess.run(["runuser", "-u", "postgres", "--"] + list(command), check=True,
                          capture_output=True, text=True, **kwargs)


def cpu_seconds(pid, children=False):
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])
    if children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / os.sysconf("SC_CLK_TCK")


class Cluster:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="signpost-index-bench-")
        shutil.chown(self.dir, "postgres")
        as_postgres(pg_bin() + "/initdb", "-D", self.dir + "/data", "-A", "trust", "-U", "postgres")
        as_postgres(pg_bin() + "/pg_ctl", "-D", self.dir + "/data", "-w", "-l", self.dir + "/log", "start", "-o",
                    "-k %s -c listen_addresses=''" % self.dir)
        self.postmaster = int(open(self.dir + "/data/postmaster.pid").readline())

    def url(self, database):
        return "postgresql://postgres@/%s?host=%s" % (database, self.dir)

    def sql(self, database, statement):
        return as_postgres("psql", "-h", self.dir, "-At", "-d", database, "-c", statement).stdout.strip()

    def stop(self):
        as_postgres(pg_bin() + "/pg_ctl", "-D", self.dir + "/data", "-m", "fast", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)


def run_once(server, cluster, source):
    cluster.sql("bench", "UPDATE meta SET value = '0' WHERE key = 'words_seq'")
    head = int(cluster.sql("bench", "SELECT max(seq) FROM tickets"))
    files = tempfile.mkdtemp(prefix="signpost-index-files-")
    shutil.copy(os.path.join(source, "mail.key"), files)
    postgres_before = cpu_seconds(cluster.postmaster, children=True)
    began = time.perf_counter()
    process = subprocess.Popen([server, "--database", cluster.url("bench"), "--data-dir", files, "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = int(process.stdout.readline().strip().rsplit(":", 1)[1])
        probe = HealthProbe(port, pause=0.01)
        while int(cluster.sql("bench", "SELECT value FROM meta WHERE key = 'words_seq'")) < head:
            time.sleep(0.25)
        took = time.perf_counter() - began
        checks = probe.stop()
        server_cpu = cpu_seconds(process.pid)
    finally:
        process.terminate()
        process.wait()
        shutil.rmtree(files, ignore_errors=True)
    time.sleep(1)  # its connections' processes gone, their CPU counted
    postgres_cpu = cpu_seconds(cluster.postmaster, children=True) - postgres_before
    return (took, server_cpu, postgres_cpu) + checks


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", default="build/server/signpost-server")
    parser.add_argument("--from", dest="source", required=True, help="the data directory of an embedded store")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    cluster = Cluster()
    try:
        as_postgres("createdb", "-h", cluster.dir, "bench")
        began = time.perf_counter()
        subprocess.run([args.server, "migrate", "--from", args.source, "--to", cluster.url("bench")], check=True,
                       stdout=subprocess.DEVNULL)
        tickets = int(cluster.sql("bench", "SELECT count(*) FROM tickets"))
        print("copied %d tickets into PostgreSQL in %.1f s" % (tickets, time.perf_counter() - began))
        p99s = []
        for run in range(args.runs):
            took, server_cpu, postgres_cpu, p50, p99, slowest, count = run_once(args.server, cluster, args.source)
            p99s.append(p99)
            print("run %d: indexed in %.1f s (%.0f tickets/s); CPU: server %.1f s, PostgreSQL %.1f s;"
                  " /healthz p50 %.1f ms, p99 %.1f ms, slowest %.1f ms (%d checks)"
                  % (run + 1, took, tickets / took, server_cpu, postgres_cpu, p50, p99, slowest, count))
        print("median of the runs' p99: %.1f ms" % statistics.median(p99s))
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
