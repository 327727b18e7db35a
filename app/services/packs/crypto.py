"""The pack file's encryption: AES-GCM with a key derived by scrypt from the pack code.

A file is a small header in the clear, then the encrypted SQLite file:

    magic (8) | format (1) | kind (1) | pack id (36, ASCII) | salt (16) | nonce (12) | ciphertext

The header is the AES-GCM associated data, so changing any byte of it (the pack id, the kind)
fails the decryption like a wrong code does. The pack id is in the clear on purpose: the
laptop finds its own copy of a pack, and the organiser tells another database's file, before
asking for a code. It is a random UUID and says nothing about anyone.
"""

from __future__ import annotations

import os
import re
import secrets
import struct
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.errors import QT_TRANSLATE_NOOP, UserError
from app.services.packs.words import WORDS

MAGIC = b"RKVPACK\x00"
FORMAT = 1
KIND_PACK = b"P"  # made by the organiser for a volunteer
KIND_RESULTS = b"R"  # a volunteer's calls coming back
_HEADER = struct.Struct("!8sBc36s16s12s")
HEADER_SIZE = _HEADER.size
# scrypt's cost: about 0.1 s and 32 MiB per try, so guessing codes offline is slow.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
# Five words of 256: 40 bits, far beyond guessing at scrypt's price, and short to read aloud.
CODE_WORDS = 5


@dataclass(frozen=True)
class Header:
    kind: bytes
    pack_id: str
    salt: bytes
    nonce: bytes

    def pack(self) -> bytes:
        return _HEADER.pack(MAGIC, FORMAT, self.kind, self.pack_id.encode("ascii"), self.salt,
                            self.nonce)


def new_code() -> str:
    return "-".join(secrets.choice(WORDS) for _ in range(CODE_WORDS))


def normalise_code(code: str) -> str:
    """The code as typed, however spaced, dashed or capitalised."""
    return "-".join(w for w in re.split(r"[\s\-_.,]+", code.strip().lower()) if w)


def _key(code: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(
        normalise_code(code).encode("utf-8"))


def encrypt(data: bytes, code: str, kind: bytes, pack_id: str) -> bytes:
    header = Header(kind, pack_id, os.urandom(16), os.urandom(12)).pack()
    return header + AESGCM(_key(code, header[-28:-12])).encrypt(header[-12:], data, header)


def read_header(blob: bytes, name: str) -> Header:
    """The header of a pack file; a UserError when it is not one (or is cut short)."""
    if len(blob) < HEADER_SIZE or not blob.startswith(MAGIC):
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is not a Ringkväll calling pack"),
                        file=name)
    _magic, fmt, kind, pack_id, salt, nonce = _HEADER.unpack_from(blob)
    if fmt > FORMAT:
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "{file} was made by a newer Ringkväll; update Ringkväll to open it"),
            file=name)
    if fmt != FORMAT or kind not in (KIND_PACK, KIND_RESULTS):
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is damaged"), file=name)
    try:
        text = pack_id.decode("ascii")
    except UnicodeDecodeError:
        raise UserError(QT_TRANSLATE_NOOP("app", "{file} is damaged"), file=name) from None
    return Header(kind, text, salt, nonce)


def decrypt(blob: bytes, code: str, name: str) -> tuple[Header, bytes]:
    """The header and the plain SQLite file. A wrong code and a damaged file look the same
    to AES-GCM; the message names both."""
    header = read_header(blob, name)
    return header, decrypt_with_key(blob, _key(code, header.salt), name)


def derive_key_soon(code: str, salt: bytes) -> Future[bytes]:
    """The key of `code` and the file's salt, derived on a thread of its own: scrypt does
    not hold the interpreter's lock, so the caller can read its database meanwhile."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pack-code")
    try:
        return pool.submit(_key, code, salt)
    finally:
        pool.shutdown(wait=False)  # the thread ends with its one task


def decrypt_with_key(blob: bytes, key: bytes, name: str) -> bytes:
    """The plain SQLite file in `blob`, whose header was read by `read_header`."""
    header = read_header(blob, name)
    try:
        # A view, not a slice: a results file is megabytes, and a copy costs as much as
        # the decryption.
        return AESGCM(key).decrypt(header.nonce, memoryview(blob)[HEADER_SIZE:],
                                   blob[:HEADER_SIZE])
    except InvalidTag:
        raise UserError(QT_TRANSLATE_NOOP(
            "app", "Cannot open {file}: the code is wrong or the file is damaged"),
            file=name) from None
