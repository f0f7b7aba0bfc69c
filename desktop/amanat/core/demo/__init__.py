"""A demonstration archive, for trying Amanat without putting anything real into it.

NOTHING IN IT IS REAL. Every person, letter, testimony, case number, court document, note and
event is invented for showing the application to new users and reviewers; any likeness to a real
person is accidental. Only the places (prisons, courts) and the names of the charges are real,
because the demo should look the way the archive is used. Page images are scribbles, not writing.

The content comes from fixed tables and a generator seeded with the same number every time
(``random.Random(1403)``), so two builds hold the same people, titles, texts and images; only
record ids and timestamps differ.

The package holds four concepts: ``invented`` (the people, letters, testimony, court papers,
notes, events and the script of a recorded call), ``drawn_pages`` (the scribbled page images),
``recorded_call`` (the call's sound: tones shaped like two voices taking turns, no voice at
all) and ``builder`` (which writes them into a new archive, the call imported as a user's
recording is).
"""

from amanat.core.demo.builder import DEMO_PASSWORD, SEED, build_demo

__all__ = ["DEMO_PASSWORD", "SEED", "build_demo"]
