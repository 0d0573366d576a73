package dev.pulse.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetSnifferTest {

  private static final Charset CP1252 = Charset.forName("windows-1252");

  @Test
  void prefersAByteOrderMarkOverTheHeader() {
    byte[] body = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'};

    assertThat(CharsetSniffer.detect(body, "iso-8859-2")).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void readsTheXmlDeclaration() {
    byte[] body = "<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><rss/>".getBytes(StandardCharsets.US_ASCII);

    assertThat(CharsetSniffer.detect(body, null)).isEqualTo(Charset.forName("ISO-8859-2"));
  }

  @Test
  void readsAnHttpEquivMeta() {
    byte[] body = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">".getBytes(StandardCharsets.US_ASCII);

    assertThat(CharsetSniffer.detect(body, null)).isEqualTo(Charset.forName("KOI8-R"));
  }

  @Test
  void readsLatin1LabelsAsWindows1252() {
    assertThat(CharsetSniffer.detect("x".getBytes(StandardCharsets.US_ASCII), "ISO-8859-1")).isEqualTo(CP1252);
  }

  @Test
  void ignoresAnUnknownLabelAndSniffsUtf8() {
    assertThat(CharsetSniffer.detect("größe".getBytes(StandardCharsets.UTF_8), "x-no-such-charset")).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void fallsBackToWindows1252ForInvalidUtf8() {
    assertThat(CharsetSniffer.detect("größe".getBytes(CP1252), null)).isEqualTo(CP1252);
  }
}
