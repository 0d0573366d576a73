package dev.pulse.analyze;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An analyzer built on its first {@link #analyze} call, once, by whichever thread gets there first
 * (the others wait for it): a run that analyzes nothing (every source unchanged) never loads the
 * model, and one that does loads it while discovery and fetching go on. What provenance needs
 * (name, model, version) is known without building it. For analyzers bound by the CPU, such as the
 * embedded one: its concurrency is the cores. Thread-safe.
 */
public final class LazyArticleAnalyzer implements ArticleAnalyzer {

  private final String name;
  private final String model;
  private final String version;
  private final Supplier<? extends ArticleAnalyzer> factory;
  private volatile @Nullable ArticleAnalyzer built;
  private final AtomicBoolean preparing = new AtomicBoolean();

  /**
   * @param name, model, version what the built analyzer will say for them
   * @param factory builds the analyzer; called at most once
   */
  public LazyArticleAnalyzer(
      String name, String model, String version, Supplier<? extends ArticleAnalyzer> factory) {
    this.name = Objects.requireNonNull(name, "name");
    this.model = Objects.requireNonNull(model, "model");
    this.version = Objects.requireNonNull(version, "version");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  @Override
  public Analysis analyze(ArticleText article) {
    return analyzer().analyze(article);
  }

  /**
   * Builds the analyzer on a background thread, once; the first analysis waits for it if need be.
   */
  @Override
  public void prepare() {
    if (built == null && preparing.compareAndSet(false, true)) {
      Thread t = new Thread(this::buildQuietly, "prepare-" + name);
      t.setDaemon(true);
      t.start();
    }
  }

  private void buildQuietly() {
    try {
      analyzer();
    } catch (RuntimeException e) {
      // the first analysis builds it again and reports the failure where it belongs
      preparing.set(false);
    }
  }

  /** True once the analyzer has been built (for tests and diagnostics). */
  public boolean built() {
    return built != null;
  }

  private ArticleAnalyzer analyzer() {
    ArticleAnalyzer a = built;
    if (a == null) {
      synchronized (this) {
        a = built;
        if (a == null) {
          a = factory.get();
          built = a;
        }
      }
    }
    return a;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public @Nullable String pacing() {
    ArticleAnalyzer a = built;
    return a == null ? null : a.pacing();
  }

  @Override
  public void close() {
    ArticleAnalyzer a = built;
    if (a != null) {
      a.close();
    }
  }
}
