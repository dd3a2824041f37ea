"""The nine-mistakes audit: automatic checks on the typed charter, manual checklists, a score."""
