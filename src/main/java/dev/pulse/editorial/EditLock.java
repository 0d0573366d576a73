package dev.pulse.editorial;

import java.time.Instant;

/** A soft lock: {@code holder} has had the entry open for editing since {@code since}. */
public record EditLock(String entryId, String holder, Instant since, Instant touchedAt) {}
