"""The one way to run work off the GUI thread (after Anki's operations and Picard's thread.py).

A task is a plain function `fn(progress) -> result` from app/ services. It runs on a thread
pool; writes go through a single-thread pool so they never race each other. Results, failures
and progress come back to the GUI thread as signals. Cancel sets a flag that the next
`progress.report()` turns into `Cancelled`, which the service's transaction rolls back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import Cancelled
from app.progress import Progress

T = TypeVar("T")


class TaskHandle(QObject):
    """Lives in the GUI thread; the worker emits through it (queued across threads)."""

    progressed = Signal(int, int, str)  # done, total (0 when unknown), text
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()  # after any of the three above

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()
        self.done = False

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()


class _HandleProgress:
    def __init__(self, handle: TaskHandle) -> None:
        self._handle = handle

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        if self._handle.cancel_requested:
            raise Cancelled()
        self._handle.progressed.emit(done, total or 0, text)


class _Runnable(QRunnable, Generic[T]):
    def __init__(self, fn: Callable[[Progress], T], handle: TaskHandle) -> None:
        super().__init__()
        self._fn = fn
        self._handle = handle

    def run(self) -> None:
        try:
            if self._handle.cancel_requested:
                raise Cancelled()
            result = self._fn(_HandleProgress(self._handle))
        except Cancelled:
            self._handle.cancelled.emit()
        except BaseException as exc:
            self._handle.failed.emit(exc)
        else:
            self._handle.succeeded.emit(result)
        self._handle.finished.emit()


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(2)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._running: set[TaskHandle] = set()

    def run(
        self,
        fn: Callable[[Progress], T],
        *,
        on_success: Callable[[T], Any] | None = None,
        on_failure: Callable[[BaseException], Any] | None = None,
        on_cancel: Callable[[], Any] | None = None,
        writes: bool = False,
    ) -> TaskHandle:
        handle = TaskHandle()
        self._running.add(handle)
        if on_success is not None:
            handle.succeeded.connect(on_success)
        if on_failure is not None:
            handle.failed.connect(on_failure)
        else:
            handle.failed.connect(self._default_failure)
        if on_cancel is not None:
            handle.cancelled.connect(on_cancel)
        handle.finished.connect(lambda: self._finish(handle))
        (self._writes if writes else self._reads).start(_Runnable(fn, handle))
        return handle

    def _finish(self, handle: TaskHandle) -> None:
        handle.done = True
        self._running.discard(handle)

    @staticmethod
    def _default_failure(exc: BaseException) -> None:
        from ui.errors import show_error

        show_error(None, exc)

    def wait(self, msecs: int = -1) -> bool:
        """Block until all tasks finished (for shutdown and tests)."""
        return bool(self._reads.waitForDone(msecs) and self._writes.waitForDone(msecs))

    @property
    def busy(self) -> bool:
        return bool(self._running)


def run_with_progress(
    parent: QWidget,
    runner: TaskRunner,
    title: str,
    fn: Callable[[Progress], T],
    *,
    on_success: Callable[[T], Any] | None = None,
    on_failure: Callable[[BaseException], Any] | None = None,
    on_cancel: Callable[[], Any] | None = None,
    writes: bool = False,
) -> TaskHandle:
    """Run `fn` with a window-modal progress dialog whose Cancel stops it."""
    dialog = QProgressDialog(title, QCoreApplication.translate("tasks", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    handle = runner.run(fn, on_success=on_success, on_failure=on_failure, on_cancel=on_cancel,
                        writes=writes)
    dialog.canceled.connect(handle.cancel)

    def progressed(done: int, total: int, text: str) -> None:
        dialog.setMaximum(total)
        dialog.setValue(min(done, total) if total else done)
        if text:
            dialog.setLabelText(text)

    handle.progressed.connect(progressed)
    handle.finished.connect(dialog.close)
    handle.finished.connect(dialog.deleteLater)
    handle.setProperty("dialog", dialog)
    return handle
