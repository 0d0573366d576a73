/**
 * Article extraction: the body, headline, byline, date, site name, language and links of one HTML
 * page, from its markup and metadata. Null only where a type says {@code @Nullable}.
 */
@NullMarked
package dev.pulse.extract;

import org.jspecify.annotations.NullMarked;
