/**
 * The evaluation of analyzer set-ups on labelled sets: accuracy, macro-F1, ROUGE, faithfulness
 * flags, usage and latency, written as JSON, Markdown and HTML reports. Null only where a type says
 * {@code @Nullable}.
 */
@NullMarked
package dev.pulse.eval;

import org.jspecify.annotations.NullMarked;
