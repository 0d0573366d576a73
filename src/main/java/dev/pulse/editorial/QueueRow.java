package dev.pulse.editorial;

import org.jspecify.annotations.Nullable;

/**
 * One entry in the review queue, with what the analyzer said and what shows now.
 *
 * @param published ISO-8601 publication (or analysis) time
 * @param corrected whether an editor changed any field
 * @param flags the analysis's faithfulness flags, one per line, or null when none
 */
public record QueueRow(
    String id,
    String title,
    String source,
    String published,
    String category,
    String aiCategory,
    String sentiment,
    String aiSentiment,
    ReviewState state,
    boolean corrected,
    int yes,
    int no,
    @Nullable String flags) {}
