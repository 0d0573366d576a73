/**
 * The run: discovery, the per-host frontier, fetching, extraction, analysis and storage of each
 * item, with its outcomes, failures, progress and stop control. Null only where a type says
 * {@code @Nullable}.
 */
@NullMarked
package dev.pulse.pipeline;

import org.jspecify.annotations.NullMarked;
