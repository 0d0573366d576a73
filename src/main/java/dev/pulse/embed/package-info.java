/**
 * The in-process sentence-embedding model (all-MiniLM-L6-v2, quantized), shared by the process.
 * Null only where a type says {@code @Nullable}.
 */
@NullMarked
package dev.pulse.embed;

import org.jspecify.annotations.NullMarked;
