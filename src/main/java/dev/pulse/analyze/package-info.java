/**
 * The analyzer seam: {@link dev.pulse.analyze.ArticleAnalyzer} and its values ({@code Analysis},
 * {@code ArticleText}, {@code Taxonomy}, {@code Sentiment}, {@code Usage}). Null only where a type
 * says {@code @Nullable}; the subpackages {@code embedded} and {@code llm} are not covered.
 */
@NullMarked
package dev.pulse.analyze;

import org.jspecify.annotations.NullMarked;
