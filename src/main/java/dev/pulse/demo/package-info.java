/**
 * The loopback server behind {@code pulse demo} and the copies of its articles kept in the site.
 * Null only where a type says {@code @Nullable}.
 */
@NullMarked
package dev.pulse.demo;

import org.jspecify.annotations.NullMarked;
