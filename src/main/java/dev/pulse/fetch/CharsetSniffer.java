package dev.pulse.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how to decode a body: byte order mark, then the Content-Type charset, then a {@code <meta>}
 * or XML declaration near the start, then UTF-8 if the bytes are valid UTF-8, else windows-1252
 * (what browsers assume for unlabelled Western pages). Pure.
 */
final class CharsetSniffer {

  private static final int PRESCAN_BYTES = 4096;
  private static final Charset FALLBACK = Charset.forName("windows-1252");
  private static final Pattern META_CHARSET =
      Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9_.\\-]+)[\"']");

  private CharsetSniffer() {}

  static Charset detect(byte[] body, String headerCharset) {
    Charset bom = fromBom(body);
    if (bom != null) {
      return bom;
    }
    Charset declared = lookup(headerCharset);
    if (declared != null) {
      return declared;
    }
    String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher xml = XML_ENCODING.matcher(head);
    if (xml.find() && (declared = lookup(xml.group(1))) != null) {
      return declared;
    }
    Matcher meta = META_CHARSET.matcher(head);
    if (meta.find() && (declared = lookup(meta.group(1))) != null) {
      // A page saying UTF-16 in an ASCII-readable meta tag is not UTF-16 (HTML spec).
      return declared.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : declared;
    }
    return isUtf8(body) ? StandardCharsets.UTF_8 : FALLBACK;
  }

  static Charset fromBom(byte[] b) {
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

  private static Charset lookup(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String n = name.strip();
    // Browsers treat latin1 labels as windows-1252, a superset that decodes 0x80-0x9F sensibly.
    if (n.equalsIgnoreCase("iso-8859-1") || n.equalsIgnoreCase("latin1") || n.equalsIgnoreCase("us-ascii")) {
      return FALLBACK;
    }
    try {
      return Charset.forName(n);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  private static boolean isUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
