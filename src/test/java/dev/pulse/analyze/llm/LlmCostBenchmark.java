package dev.pulse.analyze.llm;

import dev.pulse.analyze.ArticleText;
import dev.pulse.analyze.Taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Prints what LLM analysis would cost on a set of articles, without calling any model: renders the
 * shipped prompts for each article, estimates the request's input tokens (chars/4 or words x 4/3,
 * as the input budget does), and prices them with an assumed reply size. Not a test; run:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.pulse.analyze.llm.LlmCostBenchmark \
 *     ../shared/eval/analysis/summaries_cnndm.dev.jsonl [categories.yml] [budget] [output-tokens]
 * </pre>
 */
final class LlmCostBenchmark {

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: LlmCostBenchmark ARTICLES.jsonl [categories.yml] [budget] [output-tokens]");
      System.exit(2);
    }
    Path articles = Path.of(args[0]);
    Taxonomy taxonomy = args.length > 1 && Files.exists(Path.of(args[1]))
        ? Taxonomy.load(Path.of(args[1])) : OpenAiFixtures.TAXONOMY;
    int budget = args.length > 2 ? Integer.parseInt(args[2]) : LlmSettings.defaults().inputTokenBudget();
    int outputTokens = args.length > 3 ? Integer.parseInt(args[3]) : 180;
    PromptTemplates prompts = PromptTemplates.load(Path.of("prompts"), taxonomy, LlmLimits.DEFAULT);
    int system = LlmInputBudget.estimateTokens(prompts.system());

    ObjectMapper json = new ObjectMapper();
    List<Integer> inputs = new ArrayList<>();
    int cut = 0;
    try (BufferedReader in = Files.newBufferedReader(articles, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        ArticleText a = ArticleText.of(n.path("id").asText(), n.path("title").asText(null), n.path("text").asText(""));
        String user = prompts.user(a, budget);
        if (user.contains(LlmInputBudget.CUT_MARK.strip())) {
          cut++;
        }
        // + 4 per message for the chat format's own tokens
        inputs.add(system + LlmInputBudget.estimateTokens(user) + 8);
      }
    }
    Collections.sort(inputs);
    double mean = inputs.stream().mapToInt(Integer::intValue).average().orElse(0);
    LlmSettings settings = LlmSettings.defaults();
    System.out.printf(Locale.ROOT, "articles=%d taxonomy=%d categories prompt=%s budget=%d%n",
        inputs.size(), taxonomy.categories().size(), prompts.version(), budget);
    System.out.printf(Locale.ROOT, "system prompt ~%d tokens; input per request ~ mean %.0f, median %d, p95 %d, max %d%n",
        system, mean, inputs.get(inputs.size() / 2), inputs.get((int) (inputs.size() * 0.95)),
        inputs.get(inputs.size() - 1));
    System.out.printf(Locale.ROOT, "articles cut by the budget: %d (%.1f%%)%n", cut, 100.0 * cut / inputs.size());
    for (String model : List.of("gpt-4o-mini", "gpt-4.1-mini", "gpt-4.1-nano", "gpt-4o")) {
      double per = settings.withModel(model).costUsd(Math.round(mean), outputTokens);
      System.out.printf(Locale.ROOT, "%-13s USD %.5f per article, USD %.2f per 1000 (one call, %d output tokens assumed)%n",
          model, per, per * 1000, outputTokens);
    }
  }
}
