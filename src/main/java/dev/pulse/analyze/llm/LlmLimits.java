package dev.pulse.analyze.llm;

/**
 * The shape rules an LLM reply must meet; given to the prompt templates and enforced by {@link
 * LlmReplyValidator}.
 *
 * @param summaryMinSentences fewest sentences in the summary
 * @param summaryMaxSentences most sentences in the summary
 * @param summaryMaxWords most words in the summary
 * @param noteMaxSentences most sentences in the editor's note
 * @param noteMaxWords most words in the editor's note
 * @param maxTopics most topic tags (at least one is required)
 * @param topicMaxChars longest topic tag
 */
record LlmLimits(
    int summaryMinSentences,
    int summaryMaxSentences,
    int summaryMaxWords,
    int noteMaxSentences,
    int noteMaxWords,
    int maxTopics,
    int topicMaxChars) {

  static final LlmLimits DEFAULT = new LlmLimits(2, 4, 90, 2, 60, 3, 40);

  LlmLimits {
    if (summaryMinSentences < 1 || summaryMaxSentences < summaryMinSentences || summaryMaxWords < 1
        || noteMaxSentences < 1 || noteMaxWords < 1 || maxTopics < 1 || topicMaxChars < 1) {
      throw new IllegalArgumentException("inconsistent reply limits");
    }
  }
}
