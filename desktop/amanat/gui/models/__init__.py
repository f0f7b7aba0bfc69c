"""Hand-written item models: they hold ids and fetch what they show from the worker."""
