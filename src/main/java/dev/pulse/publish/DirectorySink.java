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

  private static Boolean create(Path dir) {
    try {
      Files.createDirectories(dir);
      return Boolean.TRUE;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void write(String path, byte[] content) {
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException("path escapes the output directory: " + path);
    }
    try {
      // computeIfAbsent blocks other writers to the same directory until it exists
      dirs.computeIfAbsent(file.getParent(), DirectorySink::create);
      if (Files.isRegularFile(file)
          && Files.size(file) == content.length
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
