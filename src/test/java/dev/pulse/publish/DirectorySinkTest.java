package dev.pulse.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySinkTest {

  @Test
  void parallelWritersIntoNewDirectoriesAllSucceed(@TempDir Path dir) {
    DirectorySink sink = new DirectorySink(dir);

    IntStream.range(0, 400)
        .parallel()
        .forEach(
            i ->
                sink.write(
                    "d" + (i % 10) + "/f" + i + ".html",
                    ("page " + i).getBytes(StandardCharsets.UTF_8)));

    assertThat(sink.written.get()).isEqualTo(400);
    assertThat(dir.resolve("d3/f13.html")).hasContent("page 13");
  }

  @Test
  void unchangedContentIsNotRewrittenButChangedIs(@TempDir Path dir) throws Exception {
    new DirectorySink(dir).write("a.html", "one".getBytes(StandardCharsets.UTF_8));
    DirectorySink second = new DirectorySink(dir);

    second.write("a.html", "one".getBytes(StandardCharsets.UTF_8));
    second.write("a.html", "two".getBytes(StandardCharsets.UTF_8));

    assertThat(second.unchanged.get()).isEqualTo(1);
    assertThat(second.written.get()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("a.html"))).isEqualTo("two");
  }

  @Test
  void pathsCannotEscapeTheOutputDirectory(@TempDir Path dir) {
    DirectorySink sink = new DirectorySink(dir.resolve("site"));

    assertThatThrownBy(() -> sink.write("../outside.html", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("escapes");
  }
}
