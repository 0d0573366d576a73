/**
 * Limits shared by all the workers of one PostgreSQL store: each host's turn and the LLM account's
 * requests and tokens per minute. Null only where a type says {@code @Nullable}.
 */
@NullMarked
package dev.pulse.limit;

import org.jspecify.annotations.NullMarked;
