package dev.pulse.analyze.embedded;

import dev.pulse.analyze.Analysis;
import dev.pulse.analyze.AnalysisException;
import dev.pulse.analyze.ArticleAnalyzer;
import dev.pulse.analyze.ArticleText;
import dev.pulse.analyze.Sentiment;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.analyze.Usage;
import dev.pulse.embed.Embedder;
import dev.pulse.text.Language;
import dev.pulse.text.SentenceSplitter;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The analyzer that needs no network: sentence embeddings computed in-process ({@link Embedder})
 * for the category, rules and a hand-written lexicon for the tone, and an extractive summary of 3-4
 * whole sentences of the article itself (2 when no more fit). Thread-safe: all state is built in
 * the constructor and read-only afterwards; the embedding model is shared.
 *
 * <p>It writes no editor's note ({@link Analysis#editorsNote()} is null): a note says why a story
 * matters, which takes judgement an extractive method cannot fake, and copying another sentence
 * would only repeat the summary.
 *
 * <p>Its sentiment lexicon and rules are English: for an article in any other language (see {@link
 * Language}) the sentiment is {@link Sentiment#NEUTRAL} and the analysis carries the flag {@link
 * Analysis#LANGUAGE_NOT_SUPPORTED}, rather than a guess from the few English words it may contain.
 */
public final class EmbeddedArticleAnalyzer implements ArticleAnalyzer {

  /**
   * Changes whenever rules, lexicon or scoring weights change, so stored analyses can be redone.
   */
  public static final String VERSION = "embedded-11";

  /** The languages whose sentiment it can judge. */
  static final Set<String> SENTIMENT_LANGUAGES = Set.of("en");

  /** The summary's default word budget: summaries aim at 3-4 sentences of 50-90 words. */
  public static final int DEFAULT_SUMMARY_WORDS = 90;

  private final CategoryClassifier classifier;
  private final ExtractiveSummarizer summarizer;
  private final SentimentScorer sentiment;
  private final TopicExtractor topics = new TopicExtractor();

  /** Uses the process-wide embedding model and the default summary budget of 90 words. */
  public EmbeddedArticleAnalyzer(Taxonomy taxonomy) {
    this(taxonomy, Embedder.shared(), DEFAULT_SUMMARY_WORDS);
  }

  /**
   * @param taxonomy the categories to choose from
   * @param embedder the sentence embedding model
   * @param summaryMaxWords the summary's word budget, at least 10
   */
  public EmbeddedArticleAnalyzer(Taxonomy taxonomy, Embedder embedder, int summaryMaxWords) {
    Objects.requireNonNull(taxonomy, "taxonomy");
    Objects.requireNonNull(embedder, "embedder");
    this.summarizer = new ExtractiveSummarizer(summaryMaxWords);
    this.classifier = new CategoryClassifier(taxonomy, embedder);
    this.sentiment = new SentimentScorer(SentimentLexicon.fromClasspath(), SENTIMENT_THRESHOLD);
  }

  private static final double SENTIMENT_THRESHOLD = 0.5;

  @Override
  public Analysis analyze(ArticleText article) {
    Objects.requireNonNull(article, "article");
    String title = article.title() == null ? null : ArticleCleaner.clean(article.title());
    String text = ArticleCleaner.clean(article.text());
    List<String> sentences = SentenceSplitter.split(text);
    if (sentences.isEmpty() && (title == null || title.isEmpty())) {
      throw new AnalysisException("article " + article.id() + " has neither text nor title");
    }
    String summary = summarizer.summarize(title, sentences);
    if (summary.isBlank()) {
      summary = title;
    }
    String language = Language.of(article.language(), title, text);
    boolean judged = SENTIMENT_LANGUAGES.contains(language);
    Sentiment tone =
        judged ? sentiment.classify(sentiment.scoreArticle(title, sentences)) : Sentiment.NEUTRAL;
    String category = classifier.classify(title, sentences);
    List<String> tags = topics.extract(title, sentences, article.language());
    return new Analysis(
        summary,
        null,
        tone,
        category,
        tags,
        name(),
        model(),
        version(),
        Usage.NONE,
        language,
        judged ? List.of() : List.of(Analysis.LANGUAGE_NOT_SUPPORTED));
  }

  @Override
  public String name() {
    return "embedded";
  }

  @Override
  public String model() {
    return Embedder.MODEL_NAME;
  }

  @Override
  public String version() {
    return VERSION;
  }
}
