"""One PA Manager per user: a second launch hands its book to the running app and exits.

Opening a `.pabook` from the file manager runs `pa-manager BOOK`. If PA Manager is already
running, that second process connects to the first over a local socket (QLocalServer: a Unix
socket on Linux and macOS, a named pipe on Windows), sends the book's path, waits for "ok" and
exits 0; the running app shows the unlock dialog for it. The server name is per user, and the
socket is only accessible to that user, so another account cannot send paths to this app.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_OK = b"ok\n"
# A bare newline means "no book: just come to the front" (a second plain `pa-manager`).
_NO_BOOK = ""


def server_name() -> str:
    """The per-user name of the local socket, hashed so it has no odd characters or spaces."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment: still one name per machine user id
        user = str(Path.home())
    digest = hashlib.sha256(f"pa-manager:{user}".encode()).hexdigest()[:16]
    return f"pa-manager-{digest}"


class SingleInstance(QObject):
    """Either hands a path to a running PA Manager, or listens for later launches' paths.

    `path_received` carries a `Path`, or None when the later launch named no book.
    """

    path_received = Signal(object)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self._server: QLocalServer | None = None

    # -- the second launch -----------------------------------------------------------------
    def hand_over(self, path: Path | None, timeout_ms: int = 3000) -> bool:
        """True when a running PA Manager took `path`; False when none is running (or it hung)."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        text = str(Path(path).expanduser().resolve()) if path is not None else _NO_BOOK
        socket.write((text + "\n").encode("utf-8"))
        socket.flush()
        answered = socket.waitForBytesWritten(timeout_ms) or socket.bytesToWrite() == 0
        reply = b""
        while answered and not reply.endswith(b"\n") and socket.waitForReadyRead(timeout_ms):
            reply += bytes(socket.readAll().data())
        socket.disconnectFromServer()
        return reply == _OK

    # -- the running app -------------------------------------------------------------------
    def listen(self) -> bool:
        """Start listening; False if that failed (the app still works, just not single-instance)."""
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # A socket file left by a crashed PA Manager: nobody answered hand_over, so remove it.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                return False
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        return True

    def is_listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    def _on_new_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            buffer = bytearray()
            socket.readyRead.connect(lambda s=socket, b=buffer: self._on_ready_read(s, b))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._on_ready_read(socket, buffer)

    def _on_ready_read(self, socket: QLocalSocket, buffer: bytearray) -> None:
        buffer.extend(bytes(socket.readAll().data()))
        if b"\n" not in buffer:
            return  # the path arrives in pieces when it is long
        line = bytes(buffer).split(b"\n", 1)[0].decode("utf-8", errors="replace").strip()
        buffer.clear()
        socket.write(_OK)
        socket.flush()
        self.path_received.emit(Path(line) if line else None)
