/**
 * {@code pulse worker}: sources and items as db-scheduler tasks in the store's database, the
 * workers' registry and heartbeats, and what {@code pulse status} shows. Null only where a type
 * says {@code @Nullable}.
 */
@NullMarked
package dev.pulse.worker;

import org.jspecify.annotations.NullMarked;
