package dev.pulse.publish;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a render produced.
 *
 * @param outDir the site's directory
 * @param entries entries rendered (after dropping repeated ids)
 * @param pages HTML pages rendered (index, category, topic-tag and entry pages)
 * @param feeds Atom and JSON feeds rendered
 * @param trendingTopics trending topics found in the window
 * @param filesWritten files whose content changed and was written
 * @param filesUnchanged files left alone because their content was already there
 * @param phaseMillis wall-clock milliseconds per rendering phase, in order
 */
public record SiteReport(
    Path outDir,
    int entries,
    int pages,
    int feeds,
    int trendingTopics,
    int filesWritten,
    int filesUnchanged,
    Map<String, Long> phaseMillis) {

  public SiteReport {
    phaseMillis = Collections.unmodifiableMap(new LinkedHashMap<>(phaseMillis));
  }
}
