"""Recordings kept as pages: calls from prison, voice notes, testimony on video. Their bytes
are kept exactly as imported; what they hold (duration, codecs, the phone that made them,
where) is read in a decoding worker, as pictures are."""
