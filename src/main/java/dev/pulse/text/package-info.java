/**
 * Words, stopwords and sentences of article text, shared by the analyzers and the site. Null only
 * where a type says {@code @Nullable}.
 */
@NullMarked
package dev.pulse.text;

import org.jspecify.annotations.NullMarked;
