package dev.pulse.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/** Undoes Content-Encoding gzip and deflate, with the same size limit as the raw body. Pure. */
final class Decoding {

  private Decoding() {}

  /**
   * @param encoding the Content-Encoding header, or null
   * @throws BodyLimit.TooLarge when the decoded body passes {@code limit} (a compression bomb)
   * @throws BodyLimit.Refused for an encoding we never asked for
   */
  static byte[] decode(byte[] body, @Nullable String encoding, long limit) throws IOException {
    String e = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
    switch (e) {
      case "", "identity":
        return body;
      case "gzip", "x-gzip":
        return readAll(new GZIPInputStream(new ByteArrayInputStream(body)), limit);
      case "deflate":
        try {
          return readAll(new InflaterInputStream(new ByteArrayInputStream(body)), limit);
        } catch (ZipException notZlib) {
          // Some servers send raw deflate without the zlib wrapper the spec asks for.
          return readAll(
              new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true)), limit);
        }
      default:
        throw new BodyLimit.Refused("content-encoding", "unsupported Content-Encoding " + encoding);
    }
  }

  private static byte[] readAll(InputStream in, long limit) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[16 * 1024];
      int n;
      while ((n = in.read(buf)) > 0) {
        if (out.size() + (long) n > limit) {
          throw new BodyLimit.TooLarge(limit);
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }
}
