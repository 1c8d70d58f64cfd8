"""MinHash signatures and LSH band keys that can be stored in a database.

A signature is datasketch's 128-permutation MinHash (crc32 as the base hash) as 128 uint32
values. LSH splits it into ``b`` bands of ``r`` rows (datasketch's optimal ``b``, ``r`` for the
threshold); two articles are candidates when one band is equal. A band is stored as a 63-bit
key, the BLAKE2b hash of the index kind, the band number and the band's bytes: an equal band
gives an equal key, so a candidate set read from the ``lsh_bands`` table is the one datasketch's
in-memory index gives (a false key collision has probability about 2^-63 per pair and band).

The full rebuild (:mod:`wirewatch.stories`) and the incremental stage use these same keys,
so both see the same candidate pairs.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

from wirewatch.watch.minhash import minhash, optimal_bands

NUM_PERM = 128
Signature = npt.NDArray[np.uint32]


def _hash32(data: bytes) -> int:
    # crc32 is several times faster than datasketch's sha1 default; the MinHash permutations
    # (a*x + b mod a Mersenne prime) spread its values well enough for set similarity.
    return zlib.crc32(data)


def signature(tokens: Iterable[str]) -> Signature:
    """The MinHash signature of a set of tokens (128 uint32 values; ``watch.minhash``:
    datasketch's, without importing it)."""
    return minhash([_hash32(t.encode("utf-8")) for t in tokens], NUM_PERM)


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity: the share of equal values (datasketch's formula)."""
    return float(np.count_nonzero(a == b)) / float(len(a))


def to_bytes(sig: Signature) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> Signature:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)


@dataclass(frozen=True, slots=True)
class Banding:
    """An LSH scheme: ``bands`` bands of ``rows`` rows, named ``kind`` in the stored keys."""

    kind: str
    bands: int
    rows: int

    def keys(self, sig: Signature) -> list[int]:
        """The band keys of a signature: one 63-bit integer per band."""
        raw = sig.astype("<u4").tobytes()
        width = 4 * self.rows
        prefix = self.kind.encode("ascii")
        out = []
        for band in range(self.bands):
            digest = hashlib.blake2b(
                prefix + band.to_bytes(2, "little") + raw[band * width : (band + 1) * width],
                digest_size=8,
            ).digest()
            out.append(int.from_bytes(digest, "little") >> 1)  # fits a signed BIGINT
        return out


@cache
def banding(kind: str, threshold: float) -> Banding:
    """datasketch's optimal bands and rows for ``threshold`` (equal false-positive and
    false-negative weights), e.g. 0.35 -> 32 x 4, 0.25 -> 42 x 3."""
    bands, rows = optimal_bands(threshold, NUM_PERM, 0.5, 0.5)
    return Banding(kind, bands, rows)


class BandIndex:
    """An in-memory LSH index over band keys (what the ``lsh_bands`` table holds)."""

    def __init__(self, scheme: Banding) -> None:
        self.scheme = scheme
        self.buckets: dict[int, list[str]] = {}

    def insert(self, key: str, sig: Signature) -> None:
        for band_key in self.scheme.keys(sig):
            self.buckets.setdefault(band_key, []).append(key)

    def query(self, sig: Signature) -> set[str]:
        found: set[str] = set()
        for band_key in self.scheme.keys(sig):
            found.update(self.buckets.get(band_key, ()))
        return found
