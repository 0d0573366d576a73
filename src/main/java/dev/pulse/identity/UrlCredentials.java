package dev.pulse.identity;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Keeps credentials written into URLs ({@code https://user:secret@host/}) out of everything Pulse
 * stores, logs or prints: the user-info part is dropped. Pure.
 */
public final class UrlCredentials {

  /** scheme://user[:password]@ — user-info up to the first '@' of the authority. */
  private static final Pattern USER_INFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#@\\s]*@");

  private UrlCredentials() {}

  /** The URL without its user-info; any other text is returned unchanged. Null stays null. */
  public static @Nullable String strip(@Nullable String url) {
    return url == null ? null : USER_INFO.matcher(url).replaceAll("$1");
  }

  /** True when the text holds a URL with user-info. */
  public static boolean present(@Nullable String text) {
    return text != null && USER_INFO.matcher(text).find();
  }
}
