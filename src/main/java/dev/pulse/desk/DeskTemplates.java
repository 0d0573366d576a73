package dev.pulse.desk;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The desk's Mustache templates (classpath {@code desk/}), compiled once. {@code {{name}}} escapes
 * HTML; the templates never use the unescaped forms.
 */
final class DeskTemplates {

  private final DefaultMustacheFactory factory = new DefaultMustacheFactory("desk");
  private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

  String render(String name, Object scope) {
    Mustache m = compiled.computeIfAbsent(name, n -> factory.compile(n + ".mustache"));
    StringWriter out = new StringWriter(8_192);
    m.execute(out, scope);
    return out.toString();
  }

  static byte @Nullable [] asset(String name) {
    String path = "desk/assets/" + name;
    try (InputStream in = DeskTemplates.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        return null;
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
