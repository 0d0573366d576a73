package dev.pulse.analyze.llm;

import dev.pulse.analyze.ArticleText;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * What one LLM request costs Pulse beyond the server's own answer time: sequential analyses of a
 * ~700-word article against {@link FakeOpenAiServer} answering at once (0 ms latency, no limit), so
 * every millisecond measured is the client's (prompt, HTTP, validation) and the loopback's. At 10
 * requests in flight against a 1 s API, each 10 ms here is 1% of the rate limit left unused.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *   dev.pulse.analyze.llm.LlmRoundTripBench [--requests 300] [--warmup 50]
 * </pre>
 */
public final class LlmRoundTripBench {

  private LlmRoundTripBench() {}

  public static void main(String[] args) throws Exception {
    int requests = intArg(args, "--requests", 300);
    int warmup = intArg(args, "--warmup", 50);
    try (FakeOpenAiServer server = new FakeOpenAiServer(Duration.ZERO, 0, "Science")) {
      LlmSettings settings =
          LlmSettings.defaults()
              .withApiKey(OpenAiFixtures.KEY)
              .withBaseUrl(server.baseUrl())
              .withPromptsDir(Path.of("prompts"))
              .withLimits(0, 0, 1);
      OpenAiArticleAnalyzer analyzer = new OpenAiArticleAnalyzer(settings, OpenAiFixtures.TAXONOMY);
      ArticleText article = article();
      for (int i = 0; i < warmup; i++) {
        analyzer.analyze(article);
      }
      long[] nanos = new long[requests];
      for (int i = 0; i < requests; i++) {
        long start = System.nanoTime();
        analyzer.analyze(article);
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);
      double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
      System.out.printf(
          "round trip  %d sequential analyses (after %d warm-up), server latency 0 ms:"
              + " mean %.2f ms, median %.2f ms, p90 %.2f ms, max %.2f ms%n",
          requests,
          warmup,
          mean,
          nanos[requests / 2] / 1e6,
          nanos[(int) (requests * 0.9)] / 1e6,
          nanos[requests - 1] / 1e6);
    }
  }

  /** About 700 words of plain news-like text, so the request body is the size of a real one. */
  private static ArticleText article() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 14; i++) {
      text.append("Paragraph ")
          .append(i + 1)
          .append(" of the report describes the council's plan for the river crossing, the")
          .append(" budget it set aside, the contractors who bid and what residents told the")
          .append(" meeting about traffic, noise and the timetable for the works.\n\n");
    }
    return new ArticleText(
        "https://news.example/crossing",
        "Council approves the river crossing",
        text.toString(),
        "Example News",
        OffsetDateTime.parse("2026-11-24T09:30:00Z"),
        "en");
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
