"""Plain data: the case, its records, opinions and lab values. No Qt, no SQL."""
