"""Storage of each record type: the only place their SQL lives. Every change runs in one
transaction together with its audit entry and its search-index update."""
