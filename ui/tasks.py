"""The one way to run work off the GUI thread (after Anki's operations and Picard's thread.py).

A task is a plain function `fn(progress) -> result` from app/ services. It runs on a thread
pool; writes go through a single-thread pool so they never race each other. Results, failures
and progress come back to the GUI thread as signals. Cancel sets a flag that the next
`progress.report()` turns into `Cancelled`, which the service's transaction rolls back.

Every task is tied to a context object (the widget that asked for it). Its callbacks run only
while that object lives: a window closed while its task runs must not be touched afterwards
("Internal C++ object already deleted"). A bug in a task whose window is gone is logged.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import Cancelled, UserError
from app.progress import Progress

T = TypeVar("T")

log = logging.getLogger(__name__)


class TaskHandle(QObject):
    """Lives in the GUI thread; the worker emits through it (queued across threads).

    Connect only bound methods of QObjects that belong to the task's context to these
    signals: Qt then drops the connection when the receiver is deleted, a lambda it cannot.
    """

    progressed = Signal(int, int, str)  # done, total (0 when unknown), text
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()  # after any of the three above

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()
        self.done = False
        self.error: BaseException | None = None  # set by the worker before `failed`
        self.delivered = False  # the context was alive to take the outcome

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
            self._handle.error = exc
            self._handle.failed.emit(exc)
        else:
            self._handle.succeeded.emit(result)
        self._handle.finished.emit()


class _Callbacks:
    def __init__(
        self,
        on_success: Callable[[Any], Any] | None,
        on_failure: Callable[[BaseException], Any],
        on_cancel: Callable[[], Any] | None,
    ) -> None:
        self.on_success = on_success
        self.on_failure = on_failure
        self.on_cancel = on_cancel


class _Relay(QObject):
    """A child of the task's context that hands the outcome to the callbacks.

    The handle's signals are connected to this object's own slots, so when Qt deletes the
    context it deletes the relay and the connections with it: nothing reaches a dead widget.
    """

    def __init__(self, runner: TaskRunner, context: QObject, handle: TaskHandle,
                 callbacks: _Callbacks) -> None:
        super().__init__(context)
        self._runner = runner
        self._handle = handle
        self._callbacks: _Callbacks | None = callbacks
        handle.succeeded.connect(self._succeeded)
        handle.failed.connect(self._failed)
        handle.cancelled.connect(self._cancelled)
        handle.finished.connect(self._finished)

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        self._handle.delivered = True
        if self._callbacks is not None and self._callbacks.on_success is not None:
            self._callbacks.on_success(result)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._handle.delivered = True
        if self._callbacks is not None:
            self._callbacks.on_failure(exc)

    @Slot()
    def _cancelled(self) -> None:
        self._handle.delivered = True
        if self._callbacks is not None and self._callbacks.on_cancel is not None:
            self._callbacks.on_cancel()

    @Slot()
    def _finished(self) -> None:
        # The callbacks hold the context (bound methods, closures). Dropping them here, or in
        # this relay's destructor, could free the last reference to a context Python owns and
        # delete it (and this relay) from inside this relay: the runner drops them later.
        if self._callbacks is not None:
            self._runner.release_later(self._callbacks)
            self._callbacks = None
        # A long-lived context (the calling screen) runs many tasks: do not keep their relays.
        self.deleteLater()


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(2)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._running: set[TaskHandle] = set()
        self._released: list[object] = []

    def run(
        self,
        fn: Callable[[Progress], T],
        *,
        context: QObject,
        on_success: Callable[[T], Any] | None = None,
        on_failure: Callable[[BaseException], Any] | None = None,
        on_cancel: Callable[[], Any] | None = None,
        writes: bool = False,
    ) -> TaskHandle:
        """Run `fn` off the GUI thread; the callbacks run on it, only while `context` lives.

        `fn` must not hold widgets: it is released on the worker thread. Without
        `on_failure`, a failure goes to the error path (ui/errors.py), where "database busy"
        offers to run the same task again.
        """
        handle = TaskHandle()
        self._running.add(handle)

        def retry() -> None:
            self.run(fn, context=context, on_success=on_success, on_failure=on_failure,
                     on_cancel=on_cancel, writes=writes)

        def default_failure(exc: BaseException) -> None:
            from ui.errors import show_error

            show_error(context if isinstance(context, QWidget) else None, exc, retry=retry)

        _Relay(self, context, handle,
               _Callbacks(on_success, on_failure or default_failure, on_cancel))
        handle.finished.connect(lambda: self._finish(handle))
        (self._writes if writes else self._reads).start(_Runnable(fn, handle))
        return handle

    def _finish(self, handle: TaskHandle) -> None:
        handle.done = True
        self._running.discard(handle)
        error = handle.error
        if error is not None and not handle.delivered and not isinstance(error, UserError):
            # Nobody is left to show it, but a bug must still reach the log file.
            log.error("Task failed after its window closed", exc_info=error)

    def release_later(self, refs: object) -> None:
        """Drop `refs` from the event loop, where freeing a widget is safe."""
        if not self._released:
            QTimer.singleShot(0, self._release)
        self._released.append(refs)

    def _release(self) -> None:
        self._released.clear()

    def wait(self, msecs: int = -1) -> bool:
        """Block until all tasks finished (for shutdown and tests)."""
        return bool(self._reads.waitForDone(msecs) and self._writes.waitForDone(msecs))

    @property
    def busy(self) -> bool:
        return bool(self._running)


class _ProgressDialog(QProgressDialog):
    def show_progress(self, done: int, total: int, text: str) -> None:
        self.setMaximum(total)
        self.setValue(min(done, total) if total else done)
        if text:
            self.setLabelText(text)


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
    """Run `fn` with a window-modal progress dialog whose Cancel stops it; `parent` is the
    task's context."""
    dialog = _ProgressDialog(title, QCoreApplication.translate("tasks", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    handle = runner.run(fn, context=parent, on_success=on_success, on_failure=on_failure,
                        on_cancel=on_cancel, writes=writes)
    dialog.canceled.connect(handle.cancel)
    handle.progressed.connect(dialog.show_progress)
    handle.finished.connect(dialog.close)
    handle.finished.connect(dialog.deleteLater)
    handle.setProperty("dialog", dialog)
    return handle
