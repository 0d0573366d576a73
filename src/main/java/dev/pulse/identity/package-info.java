/**
 * Identity of articles: canonical URLs, entry ids, content hashes and SimHash fingerprints. Null
 * only where a type says {@code @Nullable}.
 */
@NullMarked
package dev.pulse.identity;

import org.jspecify.annotations.NullMarked;
