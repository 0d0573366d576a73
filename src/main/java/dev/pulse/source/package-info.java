/**
 * Discovery: the configured sources (feeds, sitemaps, pages, URL lists, OPML) and the article URLs
 * they list. Null only where a type says {@code @Nullable}.
 */
@NullMarked
package dev.pulse.source;

import org.jspecify.annotations.NullMarked;
