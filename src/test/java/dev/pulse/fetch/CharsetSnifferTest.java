package dev.pulse.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CharsetSnifferTest {

  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static final Charset CP1251 = Charset.forName("windows-1251");

  /** A short Russian news page with no charset anywhere: no header, no meta, no BOM. */
  static final String RUSSIAN_PAGE =
      "<html><head><title>Новости города</title></head><body><article>"
          + "<h1>В городе открылся новый парк</h1>"
          + "<p>В субботу в центре города открылся новый парк. На открытие пришли сотни жителей,"
          + " которые гуляли по аллеям и слушали музыку до позднего вечера.</p>"
          + "<p>По словам мэра, строительство заняло два года, а деревья для парка привезли из"
          + " соседней области. Летом здесь будут работать кафе и детские площадки.</p>"
          + "</article></body></html>";

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
    byte[] body = "<p>Die Größe der Straße überrascht die Bürger.</p>".getBytes(CP1252);

    assertThat(CharsetSniffer.detect(body, null)).isEqualTo(CP1252);
  }

  @Test
  void validUtf8BeatsAContradictingLegacyMeta() {
    byte[] body =
        "<meta charset=\"gb2312\"><p>北京新闻：今天天气很好。</p>".getBytes(StandardCharsets.UTF_8);

    assertThat(CharsetSniffer.decode(body, null)).contains("北京新闻：今天天气很好。");
  }

  @Test
  void validUtf8BeatsAContradictingLegacyHeader() {
    byte[] body = "<p>Crème brûlée à Paris</p>".getBytes(StandardCharsets.UTF_8);

    assertThat(CharsetSniffer.detect(body, "windows-1252")).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void honoursALegacyDeclarationWhenTheBytesAreNotUtf8() {
    byte[] body = "<meta charset=\"gb2312\"><p>北京新闻：今天天气很好。</p>".getBytes(Charset.forName("GB2312"));

    assertThat(CharsetSniffer.decode(body, null)).contains("北京新闻：今天天气很好。");
  }

  @Test
  void honoursALegacyDeclarationOnAnAsciiBody() {
    byte[] body = "<meta charset=\"koi8-r\"><p>plain</p>".getBytes(StandardCharsets.US_ASCII);

    assertThat(CharsetSniffer.detect(body, null)).isEqualTo(Charset.forName("KOI8-R"));
  }

  @Test
  void detectsWindows1251WhenNothingIsDeclared() {
    byte[] body = RUSSIAN_PAGE.getBytes(CP1251);

    assertThat(CharsetSniffer.detect(body, null)).isEqualTo(CP1251);
    assertThat(CharsetSniffer.decode(body, null)).isEqualTo(RUSSIAN_PAGE);
  }

  @Test
  void aUtf8BodyCutMidCharacterIsStillUtf8() {
    byte[] full = "<p>Größe und Straße</p>ü".getBytes(StandardCharsets.UTF_8);
    byte[] cut = Arrays.copyOf(full, full.length - 1);

    assertThat(CharsetSniffer.detect(cut, "windows-1252")).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void dropsTheByteOrderMarkWhenDecoding() {
    byte[] body = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'};

    assertThat(CharsetSniffer.decode(body, null)).isEqualTo("hi");
  }
}
