package dev.pulse.editorial;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One editorial change: who, when, which field, the value before and after.
 *
 * @param field summary, editors_note, sentiment, category, topics, state or lock
 * @param oldValue the value shown before, or null
 * @param newValue the value shown after, or null
 * @param version the correction version this change made (0 for review and lock changes)
 */
public record AuditRecord(
    String entryId,
    String actor,
    Instant at,
    String field,
    @Nullable String oldValue,
    @Nullable String newValue,
    long version) {}
