"""Prints start-up, unlock and memory figures (issue: encrypted book and app shell).

Targets on a 2-core machine: cold start to a shown main window on the demo book ≤ 1.5 s; unlock
plus summary of the 10-year book ≤ 1 s; peak memory ≤ 300 MB. Each figure comes from a fresh
process, so imports and Qt start-up are counted; peak memory is that process's max RSS.

Usage: .venv/bin/python benchmarks/bench_open.py [--runs N]
The 10-year, 20-PA book is written to benchmarks/out/ the first time (about 15 s).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
PASSPHRASE = "benchmark passphrase only"
BIG = OUT / "ten-years.pabook"

GUI_CHILD = """
import time
T0 = time.perf_counter()
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from pa_manager.app import make_application
from pa_manager.ui.controller import AppController
from pa_manager.ui.settings import AppSettings
from pa_manager.ui.tasks import TaskRunner
app = make_application()
app.setQuitOnLastWindowClosed(False)
controller = AppController(AppSettings(), TaskRunner(), quit_app=app.quit)
mode, book = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "")
if mode == "demo":
    controller.open_demo()
else:
    dialog = controller.open_path(Path(book))
    dialog.unlock_step.passphrase.setText(sys.argv[3])
first_window = [False]
def poll():
    # The unlock dialog: press Open (and then the default person) as soon as it is ready.
    d = controller.unlock_dialog
    if not first_window[0] and ((d is not None and d.isVisible()) or controller.main_window is not None):
        first_window[0] = True
        print(f"first {time.perf_counter() - T0:.4f}", flush=True)
    if d is not None and d.isVisible() and not d.is_busy():
        d.primary.click()
    w = controller.main_window
    if w is not None and w.isVisible() and w.home_page.summary is not None:
        print(f"shown {time.perf_counter() - T0:.4f}", flush=True)
        app.quit()
    else:
        QTimer.singleShot(2, poll)
QTimer.singleShot(0, poll)
QTimer.singleShot(30000, app.quit)
app.exec()
controller.shutdown()
"""

UNLOCK_CHILD = """
import sys, time
t0 = time.perf_counter()
from pathlib import Path
from pa_manager.services.book import open_book
from pa_manager.services.summary import summarise
t1 = time.perf_counter()
book = open_book(Path(sys.argv[1]), passphrase=sys.argv[2])
s = summarise(book)
t2 = time.perf_counter()
book.close()
print(f"{t1 - t0:.4f} {t2 - t1:.4f} {s.balance}")
"""


def child(code: str, *args: str) -> tuple[str, float, float]:
    """Run python code in a fresh process: (stdout, wall seconds, peak RSS in MB)."""
    # A throwaway settings folder, so the benchmark never touches the person's recent-books list.
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        XDG_CONFIG_HOME=str(OUT / "config"),
    )
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"benchmark child failed: {out}")
    return out.strip(), wall, usage.ru_maxrss / 1024


def ensure_big_book() -> None:
    if BIG.exists():
        return
    OUT.mkdir(exist_ok=True)
    print("Writing the 10-year, 20-PA book (once)…", flush=True)
    env = dict(os.environ, PA_MANAGER_PASSPHRASE=PASSPHRASE)
    subprocess.run(
        [sys.executable, "-m", "pa_manager", "demo-book", str(BIG), "--years", "10", "--pas", "20"],
        check=True,
        env=env,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    ensure_big_book()
    figures: dict[str, list[float]] = {}
    peaks: list[float] = []
    demo_book = OUT / "demo.pabook"
    if not demo_book.exists():
        env = dict(os.environ, PA_MANAGER_PASSPHRASE=PASSPHRASE)
        subprocess.run([sys.executable, "-m", "pa_manager", "demo-book", str(demo_book)], check=True, env=env)
    for _ in range(runs):
        out, wall, peak = child(GUI_CHILD, "demo")
        assert "shown" in out, out
        first = float(out.split()[1]) + (wall - float(out.split()[-1]))
        figures.setdefault(
            "cold start, `--demo`: main window shown (saying the demo is being made)", []
        ).append(first)
        figures.setdefault(
            "cold start, `--demo`: a fresh demo book made and its figures on screen", []
        ).append(wall)
        peaks.append(peak)
        out, wall, peak = child(GUI_CHILD, "book", str(demo_book), PASSPHRASE)
        assert "shown" in out, out
        first = float(out.split()[1]) + (wall - float(out.split()[-1]))  # + interpreter start
        figures.setdefault("cold start to the first window (the unlock dialog)", []).append(first)
        figures.setdefault(
            "cold start on an existing demo book (unlock included) to shown main window", []
        ).append(wall)
        peaks.append(peak)
        out, wall, peak = child(UNLOCK_CHILD, str(BIG), PASSPHRASE)
        _imports, unlock_summary, _balance = out.split(" ", 2)
        figures.setdefault("10-year book: unlock + summary (in process)", []).append(float(unlock_summary))
        figures.setdefault("10-year book: whole process incl. Python start and imports", []).append(wall)
        peaks.append(peak)
    print(f"\nPA Manager open benchmark ({runs} runs each, median; targets in brackets)")
    targets = {
        "cold start to the first window (the unlock dialog)": "≤ 1.5 s",
        "cold start, `--demo`: main window shown (saying the demo is being made)": "≤ 1.5 s",
        "10-year book: unlock + summary (in process)": "≤ 1 s",
    }
    for name, values in figures.items():
        target = targets.get(name)
        print(f"  {name}: {statistics.median(values):.3f} s" + (f"  [{target}]" if target else ""))
    print(f"  peak memory of any run: {max(peaks):.0f} MB  [≤ 300 MB]")
    print(f"  10-year book: {BIG.stat().st_size / 1e6:.1f} MB on disk")


if __name__ == "__main__":
    main()
