package dev.pulse.fetch;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * The one decoder of fetched and saved pages (the fetcher and {@code pulse extract} both use it).
 * In order: a byte order mark; bytes that are valid UTF-8 and not plain ASCII (they beat any legacy
 * declaration: pages re-saved as UTF-8 keep their old {@code <meta charset>}); the Content-Type
 * charset; an XML declaration or {@code <meta>} near the start; valid UTF-8; a guess from the bytes
 * (Mozilla's universal detector); windows-1252, what browsers assume for unlabelled Western pages.
 * Pure.
 */
public final class CharsetSniffer {

  private static final int PRESCAN_BYTES = 4096;

  /**
   * Enough text for the detector to tell Cyrillic or CJK code pages apart; it stops early when
   * sure.
   */
  private static final int DETECT_BYTES = 64 * 1024;

  private static final Charset FALLBACK = Charset.forName("windows-1252");
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9_.\\-]+)[\"']");

  private CharsetSniffer() {}

  /**
   * The body decoded as {@link #detect} says, without a leading byte order mark.
   *
   * @param headerCharset the Content-Type charset parameter, or null (a saved file has none)
   */
  public static String decode(byte[] body, @Nullable String headerCharset) {
    String text = new String(body, detect(body, headerCharset));
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * The charset to decode {@code body} with; never null.
   *
   * @param headerCharset the Content-Type charset parameter, or null
   */
  public static Charset detect(byte[] body, @Nullable String headerCharset) {
    Charset bom = fromBom(body);
    if (bom != null) {
      return bom;
    }
    Utf8 utf8 = Utf8.scan(body);
    if (utf8 == Utf8.VALID_NON_ASCII) {
      return StandardCharsets.UTF_8;
    }
    Charset declared = declared(body, headerCharset);
    if (declared != null) {
      return declared;
    }
    return utf8 == Utf8.ASCII ? StandardCharsets.UTF_8 : guess(body);
  }

  private static @Nullable Charset declared(byte[] body, @Nullable String headerCharset) {
    Charset declared = lookup(headerCharset);
    if (declared != null) {
      return declared;
    }
    String head =
        new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher xml = XML_ENCODING.matcher(head);
    if (xml.find() && (declared = lookup(xml.group(1))) != null) {
      return declared;
    }
    Matcher meta = META_CHARSET.matcher(head);
    if (meta.find() && (declared = lookup(meta.group(1))) != null) {
      // A page saying UTF-16 in an ASCII-readable meta tag is not UTF-16 (HTML spec).
      return declared.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : declared;
    }
    return null;
  }

  /** No declaration and not UTF-8: the detector's guess, else windows-1252. */
  static Charset guess(byte[] body) {
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(body, 0, Math.min(body.length, DETECT_BYTES));
    detector.dataEnd();
    Charset guessed = lookup(detector.getDetectedCharset());
    return guessed == null || guessed.equals(StandardCharsets.UTF_8) ? FALLBACK : guessed;
  }

  static @Nullable Charset fromBom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private static @Nullable Charset lookup(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String n = name.strip();
    // Browsers treat latin1 labels as windows-1252, a superset that decodes 0x80-0x9F sensibly.
    if (n.equalsIgnoreCase("iso-8859-1")
        || n.equalsIgnoreCase("latin1")
        || n.equalsIgnoreCase("us-ascii")) {
      return FALLBACK;
    }
    try {
      return Charset.forName(n);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  /** What a UTF-8 validation of the whole body found. */
  enum Utf8 {
    ASCII,
    VALID_NON_ASCII,
    INVALID;

    /**
     * Validates without decoding. A sequence cut off by the end of the body is not held against it
     * (bodies are sometimes truncated at the size limit), but does not count as UTF-8 on its own.
     */
    static Utf8 scan(byte[] b) {
      boolean sawSequence = false;
      int i = 0;
      int n = b.length;
      while (i < n) {
        int c = b[i] & 0xFF;
        if (c < 0x80) {
          i++;
          continue;
        }
        int len;
        int min2;
        int max2 = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
          len = 2;
          min2 = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
          len = 3;
          min2 = c == 0xE0 ? 0xA0 : 0x80;
          max2 = c == 0xED ? 0x9F : 0xBF; // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
          len = 4;
          min2 = c == 0xF0 ? 0x90 : 0x80;
          max2 = c == 0xF4 ? 0x8F : 0xBF;
        } else {
          return INVALID;
        }
        for (int k = 1; k < len; k++) {
          if (i + k >= n) {
            return sawSequence ? VALID_NON_ASCII : ASCII;
          }
          int cc = b[i + k] & 0xFF;
          if (k == 1 ? cc < min2 || cc > max2 : cc < 0x80 || cc > 0xBF) {
            return INVALID;
          }
        }
        i += len;
        sawSequence = true;
      }
      return sawSequence ? VALID_NON_ASCII : ASCII;
    }
  }
}
