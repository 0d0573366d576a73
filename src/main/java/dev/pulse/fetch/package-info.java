/**
 * Fetching: HTTP with the safety guard, redirects, size limits and charset detection, made polite
 * (robots.txt, per-host pacing, retries, conditional requests). Null only where a type says
 * {@code @Nullable}.
 */
@NullMarked
package dev.pulse.fetch;

import org.jspecify.annotations.NullMarked;
