/**
 * The {@code pulse} command line (picocli): the commands, their options and the wiring of the
 * stages behind them. Null only where a type says {@code @Nullable}: an option without a default
 * value is {@code @Nullable}; fields picocli injects before a command runs ({@code @Spec},
 * {@code @Mixin}) and required options and parameters are not.
 */
@NullMarked
package dev.pulse.cli;

import org.jspecify.annotations.NullMarked;
