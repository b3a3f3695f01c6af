"""Asks a server's /healthz without pause while a benchmark loads it: how
long the requests behind some other work wait for the event loop."""
import http.client
import statistics
import threading
import time


class HealthProbe:
    """Starts asking at once, `pause` seconds between an answer and the next
    question; stop() ends it and returns (p50, p99, slowest) in ms and the
    number of checks."""

    def __init__(self, port, pause):
        self._port = port
        self._pause = pause
        self._checks = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._ask)
        self._thread.start()

    def _ask(self):
        connection = http.client.HTTPConnection("127.0.0.1", self._port, timeout=120)
        while not self._stop.is_set():
            start = time.perf_counter()
            connection.request("GET", "/healthz")
            response = connection.getresponse()
            response.read()
            assert response.status == 200, response.status
            self._checks.append(time.perf_counter() - start)
            time.sleep(self._pause)

    def reset(self):
        """Forgets the checks so far (those of a warm-up)."""
        self._checks.clear()

    def stop(self):
        self._stop.set()
        self._thread.join()
        ms = sorted(x * 1000 for x in self._checks)
        return statistics.median(ms), ms[int(len(ms) * 0.99) - 1], ms[-1], len(ms)
