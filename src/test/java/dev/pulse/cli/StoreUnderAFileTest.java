package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A store path under a regular file ({@code --db notes.txt/pulse.db}): every command that opens the
 * store, reading or writing, says which file is in the way and what to change, with exit code 3,
 * before it opens anything.
 */
class StoreUnderAFileTest {

  @TempDir Path dir;
  private Path file;
  private Path config;

  @BeforeEach
  void aFileWhereAFolderShouldBe() throws IOException {
    file = Files.writeString(dir.resolve("notes.txt"), "not a folder");
    String taxonomy = Path.of("data/categories.yml").toAbsolutePath().toString();
    // a source on loopback only: nothing may reach the network should the check ever be skipped
    config =
        Files.writeString(
            dir.resolve("sources.yml"),
            "taxonomy: "
                + taxonomy
                + "\nsources:\n  - {name: x, type: urls, urls: [http://127.0.0.1:9/x]}\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "runs",
        "runs --failures",
        "export",
        "site --out OUT",
        "users list",
        "serve --port 0",
        "store migrate",
        "run --no-site",
        "rerun http://127.0.0.1:9/x"
      })
  void namesTheFileInTheWayAndWhatToChange(String command) {
    List<String> args = new ArrayList<>();
    for (String word : command.split(" ")) {
      args.add(word.equals("OUT") ? dir.resolve("site").toString() : word);
    }
    args.addAll(
        List.of("--config", config.toString(), "--db", file.resolve("pulse.db").toString()));
    StringWriter err = new StringWriter();

    int code =
        PulseCli.execute(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            args.toArray(String[]::new));

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.CONFIG);
    assertThat(err.toString())
        .contains(file + " is a file, not a folder; set --db to a file in a folder")
        .doesNotContain("Exception");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--from", "--to"})
  void storeCopyNamesTheSideThatIsInTheWay(String side) {
    String bad = file.resolve("pulse.db").toString();
    String good = dir.resolve("good.db").toString();
    dev.pulse.store.Stores.sqlite(dir.resolve("good.db")).close(); // a store --from may read
    StringWriter err = new StringWriter();

    int code =
        PulseCli.execute(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            "store",
            "copy",
            "--from",
            side.equals("--from") ? bad : good,
            "--to",
            side.equals("--to") ? bad : good);

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.CONFIG);
    assertThat(err.toString()).contains(file + " is a file, not a folder; set " + side);
  }
}
