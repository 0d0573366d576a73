package dev.pulse.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes pages under a directory. A file whose content is unchanged is left alone, so re-renders
 * keep modification times (and rsync/HTTP caches) of pages that did not change.
 */
final class DirectorySink implements PageSink {

  private final Path root;
  private final ConcurrentHashMap<Path, Boolean> dirs = new ConcurrentHashMap<>();
  final AtomicInteger written = new AtomicInteger();
  final AtomicInteger unchanged = new AtomicInteger();

  DirectorySink(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Creates a directory once; other writers to it wait until it exists. */
  private void createOnce(Path dir) throws IOException {
    try {
      dirs.computeIfAbsent(
          dir,
          d -> {
            try {
              Files.createDirectories(d);
              return Boolean.TRUE;
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public void write(String path, byte[] content) {
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException("path escapes the output directory: " + path);
    }
    try {
      createOnce(file.getParent());
      if (Files.isRegularFile(file) && Files.size(file) == content.length
          && Arrays.equals(Files.readAllBytes(file), content)) {
        unchanged.incrementAndGet();
        return;
      }
      Files.write(file, content);
      written.incrementAndGet();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
