package dev.pulse.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.extract.ArticleExtractor;
import dev.pulse.extract.ExtractedArticle;
import dev.pulse.extract.JsoupArticleExtractor;
import dev.pulse.fetch.CharsetSniffer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pulse extract [--url URL] FILE...}: extracts each saved HTML page and prints one JSON line
 * per file. A file that cannot be read is reported on stderr; the others are still processed and
 * the exit code is {@link ExitCodes#PARTIAL}.
 */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = "Extract the article text and metadata of saved HTML pages, one JSON line each.")
public final class ExtractCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "The URL the pages came from, to resolve relative links.")
  @Nullable String url;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "HTML files to extract.")
  List<Path> files;

  private final ArticleExtractor extractor;

  public ExtractCommand() {
    this(new JsoupArticleExtractor());
  }

  ExtractCommand(ArticleExtractor extractor) {
    this.extractor = extractor;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failed = 0;
    for (Path file : files) {
      String html;
      try {
        html = read(file);
      } catch (IOException | RuntimeException e) {
        err.println("pulse extract: cannot read " + file + ": " + reason(e));
        err.flush();
        failed++;
        continue;
      }
      ExtractedArticle article = extractor.extract(html, url);
      out.println(toJson(file, article));
      out.flush();
    }
    return failed == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
  }

  private static String reason(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /** Reads a saved page with the fetcher's decoder (a saved file has no Content-Type header). */
  static String read(Path file) throws IOException {
    return CharsetSniffer.decode(Files.readAllBytes(file), null);
  }

  static String toJson(Path file, ExtractedArticle a) {
    ObjectNode node = JSON.createObjectNode();
    node.put("file", file.toString());
    node.put("url", a.url());
    node.put("title", a.title());
    node.put("byline", a.byline());
    node.put(
        "published",
        a.published() == null
            ? null
            : a.published().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    node.put("site_name", a.siteName());
    node.put("language", a.language());
    node.put("canonical_url", a.canonicalUrl());
    node.put("image", a.image());
    node.put("description", a.description());
    node.put("text", a.text());
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + file, e);
    }
  }
}
