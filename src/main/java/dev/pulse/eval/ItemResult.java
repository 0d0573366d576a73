package dev.pulse.eval;

import dev.pulse.analyze.Usage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one set-up made of one item.
 *
 * @param id the item's id
 * @param category the analyzer's category (before the label map), null when it failed
 * @param sentiment the analyzer's sentiment label, null when it failed
 * @param summary the summary, null when it failed
 * @param flags the faithfulness check's flags on the summary and editor's note
 * @param usage LLM calls, tokens and cost
 * @param latencyMs wall-clock time of the analysis
 * @param error why the analysis failed, or null
 */
record ItemResult(
    String id,
    @Nullable String category,
    @Nullable String sentiment,
    @Nullable String summary,
    List<String> flags,
    Usage usage,
    double latencyMs,
    @Nullable String error) {

  ItemResult {
    flags = List.copyOf(flags);
  }
}
