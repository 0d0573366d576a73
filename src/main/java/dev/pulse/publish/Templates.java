package dev.pulse.publish;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The site's Mustache templates, compiled once from the classpath folder {@code site/}. Mustache's
 * {@code {{name}}} escapes HTML by default; the templates never use the unescaped forms. Compiled
 * templates are thread-safe.
 */
final class Templates {

  static final String ROOT = "site";

  private final Mustache list;
  private final Mustache entry;
  private final Mustache about;

  Templates() {
    DefaultMustacheFactory factory = new DefaultMustacheFactory(ROOT);
    list = factory.compile("list.mustache");
    entry = factory.compile("entry.mustache");
    about = factory.compile("about.mustache");
  }

  String list(Views.ListPage page) {
    return run(list, page);
  }

  String entry(Views.EntryPage page) {
    return run(entry, page);
  }

  String about(Views.AboutPage page) {
    return run(about, page);
  }

  /** The stylesheet, copied to {@code assets/style.css}. */
  static byte[] stylesheet() {
    String path = ROOT + "/assets/style.css";
    try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static String run(Mustache template, Object scope) {
    StringWriter out = new StringWriter(16_384);
    template.execute(out, scope);
    return out.toString();
  }
}
