/**
 * Similarity of entries: vectors per entry, unit vectors and dot products, greedy clustering and
 * top-k selection, for "Recommended Readings" and trending topics. Null only where a type says
 * {@code @Nullable}.
 */
@NullMarked
package dev.pulse.similar;

import org.jspecify.annotations.NullMarked;
