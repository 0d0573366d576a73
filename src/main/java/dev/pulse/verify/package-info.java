/**
 * The faithfulness check: the figures, dates, quotations and names of generated text looked up in
 * the article it was written from. Null only where a type says {@code @Nullable}.
 */
@NullMarked
package dev.pulse.verify;

import org.jspecify.annotations.NullMarked;
