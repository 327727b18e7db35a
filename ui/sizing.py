"""Windows that fit the screen at every text size: a size in lines of text, capped at the
screen's free area, and a scrolling body where the content cannot shrink."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFont, QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)


def screen_room(widget: QWidget) -> QSize | None:
    """The free area of the widget's screen (without task bars), or None when unknown."""
    # Qt hands back no screen while a window is being moved between displays.
    screen: QScreen | None = widget.screen()
    if screen is None:
        primary: QScreen | None = QGuiApplication.primaryScreen()
        if primary is None:
            return None
        screen = primary
    return screen.availableGeometry().size()


def fit_to_screen(window: QWidget, width_lines: float | None = None,
                  height_lines: float | None = None) -> None:
    """Size a dialog in lines of its text (when given, else Qt's own size), never larger
    than the screen."""
    room = screen_room(window)
    if room is not None:
        window.setMaximumSize(room)  # Qt keeps every later size within it
    if width_lines is None and height_lines is None:
        return
    line = window.fontMetrics().height()
    hint = window.sizeHint()
    width = int(line * width_lines) if width_lines else hint.width()
    height = int(line * height_lines) if height_lines else hint.height()
    if room is not None:
        width, height = min(width, room.width()), min(height, room.height())
    window.resize(width, height)


class _FittingScrollArea(QScrollArea):
    """Asks for its content's whole size (Qt's scroll area asks for at most 36 × 24 lines),
    so a window sizes itself to show everything and scrolls only when the screen is full."""

    def sizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        hint = inner.sizeHint()
        margins = self.contentsMargins()
        return QSize(hint.width() + margins.left() + margins.right(),
                     hint.height() + margins.top() + margins.bottom())


def scrolling(widget: QWidget) -> QScrollArea:
    """A frameless scroll area showing the widget at the area's width."""
    area = _FittingScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no extra Tab stop; it follows the focus
    area.setWidget(widget)
    return area


def scroll_contents(widget: QWidget) -> QScrollArea:
    """Move what the widget's layout holds into a scroll area that fills the widget, so the
    widget can be smaller than its content (large text on a small screen)."""
    layout = widget.layout()
    inner = QWidget()
    if layout is not None:
        inner.setLayout(layout)  # takes the layout (and its widgets) over from the widget
    area = scrolling(inner)
    outer = QVBoxLayout(widget)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)
    return area


class _Scaled(QObject):
    """Keeps a widget's text a fixed factor of its owner's text size: set from the owner's
    font on every FontChange, so it follows the text size both up and back down."""

    def __init__(self, owner: QWidget, target: QWidget, factor: float, bold: bool) -> None:
        super().__init__(target)  # goes with the target
        self._owner, self._target = owner, target
        self._factor, self._bold = factor, bold
        owner.installEventFilter(self)
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A wrapper PySide made afresh for a filter whose Python side was collected has no
        # attributes: nothing to keep then (keep_scaled holds a reference to prevent it).
        owner = self.__dict__.get("_owner")
        if owner is not None and watched is owner and event.type() == QEvent.Type.FontChange:
            self.apply()
        return False

    def apply(self) -> None:
        font = QFont(self._target.font())
        font.setPointSizeF(self._owner.font().pointSizeF() * self._factor)
        font.setBold(self._bold)
        self._target.setFont(font)


def keep_scaled(owner: QWidget, target: QWidget, factor: float, bold: bool = False) -> None:
    """Show target's text at factor × the owner's text size (a heading, a big number), also
    after the user changed the text size. The owner must not have a font of its own."""
    scaled = _Scaled(owner, target, factor, bold)
    # The Qt parent alone does not always keep the Python side alive; the target does.
    kept: list[_Scaled] = target.property("ringkvallScaled") or []
    target.setProperty("ringkvallScaled", [*kept, scaled])


class _RowHeights(QObject):
    def __init__(self, view: QTableView, with_widgets: bool) -> None:
        super().__init__(view)
        self._view, self._with_widgets = view, with_widgets
        view.installEventFilter(self)
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.FontChange:
            self.apply()
        return False

    def apply(self) -> None:
        header = self._view.verticalHeader()
        metrics = self._view.fontMetrics()
        height = metrics.lineSpacing() + max(8, metrics.height() // 3)
        if self._with_widgets:  # rows holding a combo box: as tall as one
            probe = QComboBox()
            probe.setFont(self._view.font())
            height = max(height, probe.sizeHint().height() + 2)
        header.setMinimumSectionSize(min(header.minimumSectionSize(), height))
        header.setDefaultSectionSize(height)
        # Rows already there take the new height too.
        for row in range(header.count()):
            header.resizeSection(row, height)


def rows_follow_font(view: QTableView, with_widgets: bool = False) -> None:
    """Make a table's rows as tall as its text (or its combo boxes), also after the text
    size changed (Qt sets the default row height once, from the text size at the time)."""
    _RowHeights(view, with_widgets)


def grow_to_fit(window: QWidget, area: QScrollArea) -> None:
    """Make the window taller (up to the screen) when the scroll area's content needs more
    height than it has, e.g. after a warning was shown: scrolling is for small screens."""
    inner = area.widget()
    if inner is None or not window.isVisible():
        return
    layout = window.layout()
    if layout is not None:
        layout.activate()
    room = screen_room(window)
    wider = inner.minimumSizeHint().width() - area.viewport().width()
    width = window.width() + max(wider, 0)
    if room is not None:
        width = min(width, room.width())
    inner_width = area.viewport().width() + width - window.width()
    need = inner.heightForWidth(inner_width) if inner.hasHeightForWidth() else -1
    if need < 0:
        need = inner.sizeHint().height()
    height = window.height() + max(need - area.viewport().height(), 0)
    if room is not None:
        height = min(height, room.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)


# From this text size (points) forms put each label above its field.
LARGE_TEXT_PT = 18


class _FormWrap(QObject):
    def __init__(self, owner: QWidget, forms: tuple[QFormLayout, ...]) -> None:
        super().__init__(owner)
        self._owner, self._forms = owner, forms
        owner.installEventFilter(self)
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._owner and event.type() == QEvent.Type.FontChange:
            self.apply()
        return False

    def apply(self) -> None:
        large = self._owner.font().pointSizeF() >= LARGE_TEXT_PT
        policy = (QFormLayout.RowWrapPolicy.WrapAllRows if large
                  else QFormLayout.RowWrapPolicy.DontWrapRows)
        for form in self._forms:
            form.setRowWrapPolicy(policy)


def labels_above_at_large_text(owner: QWidget, *forms: QFormLayout) -> None:
    """At large text, put the forms' labels above their fields: beside them, the fields of a
    narrow column would be a few letters wide."""
    _FormWrap(owner, forms)


class _Lines(QObject):
    def __init__(self, widget: QWidget, minimum: float | None, maximum: float | None) -> None:
        super().__init__(widget)
        self._widget, self._minimum, self._maximum = widget, minimum, maximum
        widget.installEventFilter(self)
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.FontChange:
            self.apply()
        return False

    def apply(self) -> None:
        line = self._widget.fontMetrics().lineSpacing()
        if self._minimum is not None:
            self._widget.setMinimumHeight(int(line * self._minimum))
        if self._maximum is not None:
            self._widget.setMaximumHeight(int(line * self._maximum))


def height_in_lines(widget: QWidget, minimum: float | None = None,
                    maximum: float | None = None) -> None:
    """Bound a widget's height in lines of its text, also after the text size changed
    (a height set once in pixels stays as it was: too small or too large)."""
    _Lines(widget, minimum, maximum)
