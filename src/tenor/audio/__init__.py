"""Audio formats, decoding, resampling and devices."""
