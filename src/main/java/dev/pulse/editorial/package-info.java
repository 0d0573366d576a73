/**
 * The editors' work kept apart from the analyzer's output: accounts, review states, corrections,
 * the audit trail, soft edit locks and reader votes, and what readers see from them. Null only
 * where a type says {@code @Nullable}.
 */
@NullMarked
package dev.pulse.editorial;

import org.jspecify.annotations.NullMarked;
