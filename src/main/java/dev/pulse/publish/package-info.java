/**
 * The static site: pages, feeds, trending topics, recommendations and the JSON Lines export, from
 * the published entries. Null only where a type says {@code @Nullable}.
 */
@NullMarked
package dev.pulse.publish;

import org.jspecify.annotations.NullMarked;
