/**
 * {@code pulse serve}: the editors' desk (sign-in, sessions, the review queue, corrections, runs,
 * accounts) and the public site with reader feedback. Null only where a type says
 * {@code @Nullable}.
 */
@NullMarked
package dev.pulse.desk;

import org.jspecify.annotations.NullMarked;
