package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pulse extract} run in-process, as a user would. */
class ExtractCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return PulseCli.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  private Path fixture(String name) throws IOException {
    Path file = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/fixtures/extract/" + name)) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }

  @Test
  void printsOneJsonLinePerFileWithEveryField() throws IOException {
    Path page = fixture("opengraph-article.html");

    int code = run("extract", "--url", "https://gazette.example/news/bike-lanes", page.toString());

    assertThat(code).isEqualTo(ExitCodes.OK);
    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(lines[0]);
    assertThat(json.get("file").asText()).isEqualTo(page.toString());
    assertThat(json.get("url").asText()).isEqualTo("https://gazette.example/news/bike-lanes");
    assertThat(json.get("title").asText()).isEqualTo("City council approves new bike lanes");
    assertThat(json.get("byline").asText()).isEqualTo("Maria Lopez");
    assertThat(json.get("published").asText()).isEqualTo("2024-03-05T09:30:00+01:00");
    assertThat(json.get("site_name").asText()).isEqualTo("The Riverside Gazette");
    assertThat(json.get("language").asText()).isEqualTo("en-US");
    assertThat(json.get("image").asText()).isEqualTo("https://gazette.example/images/lanes.jpg");
    assertThat(json.get("text").asText()).startsWith("The city council on Tuesday approved");
  }

  @Test
  void printsNullForMissingFields() throws IOException {
    Path page = fixture("dom-only.html");

    assertThat(run("extract", page.toString())).isEqualTo(ExitCodes.OK);

    JsonNode json = new ObjectMapper().readTree(out.toString().strip());
    assertThat(json.has("url")).isTrue();
    assertThat(json.get("url").isNull()).isTrue();
    assertThat(json.get("canonical_url").isNull()).isTrue();
    assertThat(json.get("image").isNull()).isTrue();
  }

  @Test
  void reportsAnUnreadableFileAndGoesOnWithTheOthers() throws IOException {
    Path good = fixture("jsonld-graph.html");
    Path missing = dir.resolve("missing.html");

    int code = run("extract", missing.toString(), good.toString());

    assertThat(code).isEqualTo(ExitCodes.PARTIAL);
    assertThat(err.toString()).contains("missing.html").contains("no such file");
    assertThat(out.toString().strip().split("\n")).hasSize(1);
    assertThat(out.toString()).contains("Storm closes ports along the coast");
  }

  @Test
  void readsTheCharsetThePageDeclares() throws IOException {
    Path page = dir.resolve("latin1.html");
    String html =
        "<html><head><meta charset=\"iso-8859-1\"><title>Café crème</title></head><body><article>"
            + "<p>Le café crème, servi très chaud, reste la boisson préférée des habitués du"
            + " quartier, selon une enquête publiée lundi.</p></article></body></html>";
    Files.write(page, html.getBytes(StandardCharsets.ISO_8859_1));

    run("extract", page.toString());

    assertThat(new ObjectMapper().readTree(out.toString().strip()).get("title").asText())
        .isEqualTo("Café crème");
  }

  @Test
  void readsUtf8BytesAsUtf8WhateverTheMetaSays() throws IOException {
    Path page = dir.resolve("resaved.html");
    String html =
        "<html><head><meta charset=\"windows-1252\"><title>Crème brûlée – “naïve” café</title></head>"
            + "<body><article><p>Le café crème, servi très chaud, reste la boisson préférée des"
            + " habitués du quartier, selon une enquête publiée lundi.</p></article></body></html>";
    Files.write(page, html.getBytes(StandardCharsets.UTF_8));

    run("extract", page.toString());

    assertThat(new ObjectMapper().readTree(out.toString().strip()).get("title").asText())
        .isEqualTo("Crème brûlée – “naïve” café");
  }

  @Test
  void detectsTheCharsetOfAPageThatDeclaresNone() throws IOException {
    Path page = dir.resolve("ru.html");
    String html =
        "<html><head><title>Новости города</title></head><body><article>"
            + "<p>В субботу в центре города открылся новый парк. На открытие пришли сотни жителей,"
            + " которые гуляли по аллеям и слушали музыку до позднего вечера.</p></article></body></html>";
    Files.write(page, html.getBytes(Charset.forName("windows-1251")));

    run("extract", page.toString());

    assertThat(new ObjectMapper().readTree(out.toString().strip()).get("title").asText())
        .isEqualTo("Новости города");
  }

  @Test
  void needsAtLeastOneFile() {
    assertThat(run("extract")).isEqualTo(ExitCodes.USAGE);
  }
}
