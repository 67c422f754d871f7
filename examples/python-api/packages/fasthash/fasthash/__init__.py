"""FNV-1a 64-bit hashing, implemented in C (fasthash/_fasthash.c)."""

from fasthash._fasthash import fnv1a_64

__all__ = ["etag", "fnv1a_64"]


def etag(data: bytes) -> str:
    """A strong HTTP entity tag for `data`."""
    return f'"{fnv1a_64(data):016x}"'
