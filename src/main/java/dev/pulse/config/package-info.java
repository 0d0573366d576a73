/**
 * The configuration file: sources, paths and the settings sections, read and checked one way
 * (durations, sizes, cron schedules). Null only where a type says {@code @Nullable}.
 */
@NullMarked
package dev.pulse.config;

import org.jspecify.annotations.NullMarked;
