"""``python -m amanat.core.decoding``: a decoding worker (started by the pool, not by hand)."""

from amanat.core.decoding.worker import main

if __name__ == "__main__":
    main()
