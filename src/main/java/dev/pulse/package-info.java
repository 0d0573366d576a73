/**
 * Pulse's root: the exceptions every layer throws and the one classification of failures. Null only
 * where a type says {@code @Nullable}.
 */
@NullMarked
package dev.pulse;

import org.jspecify.annotations.NullMarked;
