package dev.pulse.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/** A bundled word list: a gzipped UTF-8 resource, one word a line, blank lines ignored. */
public final class WordList {

  private WordList() {}

  /**
   * The words of {@code resource}, found beside {@code owner}'s class file.
   *
   * @throws IllegalStateException when the resource is not on the class path (a broken build)
   */
  public static Set<String> read(Class<?> owner, String resource) {
    Set<String> words = new HashSet<>();
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " beside " + owner);
      }
      BufferedReader r =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank()) {
          words.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return Set.copyOf(words);
  }
}
