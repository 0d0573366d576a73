/**
 * The embedded analyzer: extractive summaries, sentiment, categories and topic tags from a sentence
 * model and word lists, with no network. Null only where a type says {@code @Nullable}.
 */
@NullMarked
package dev.pulse.analyze.embedded;

import org.jspecify.annotations.NullMarked;
