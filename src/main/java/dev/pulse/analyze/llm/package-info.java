/**
 * The LLM analyzer on an OpenAI-compatible endpoint: settings, prompts, input budgets, rate limits,
 * retries, reply validation and topic roll-ups. Null only where a type says {@code @Nullable}.
 */
@NullMarked
package dev.pulse.analyze.llm;

import org.jspecify.annotations.NullMarked;
