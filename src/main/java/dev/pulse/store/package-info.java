/**
 * The store: entries, runs, failures, the retry queue, fetch validators, robots.txt copies and
 * vectors in SQLite or PostgreSQL, behind one data-access core and its migrations, with the store
 * lock. Null only where a type says {@code @Nullable}.
 */
@NullMarked
package dev.pulse.store;

import org.jspecify.annotations.NullMarked;
