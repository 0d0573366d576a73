/**
 * Backoff with jitter, Retry-After, and the sleeper seam shared by the fetcher and the LLM client.
 * Null only where a type says {@code @Nullable}.
 */
@NullMarked
package dev.pulse.retry;

import org.jspecify.annotations.NullMarked;
