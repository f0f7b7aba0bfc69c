"""A person's chronology in the window: the drawn timeline (canvas), the window around it
with the computed facts (view), the event editor, and the operations they run."""
