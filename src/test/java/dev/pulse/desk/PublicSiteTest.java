package dev.pulse.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PublicSiteTest {

  /** A site whose renders after the first wait for {@link #release}. */
  static final class SlowSite implements SiteSource {
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch firstRelease;
    final AtomicInteger renders = new AtomicInteger();

    SlowSite(boolean firstWaits) {
      firstRelease = new CountDownLatch(firstWaits ? 1 : 0);
    }

    @Override
    public Map<String, byte[]> render() {
      int n = renders.incrementAndGet();
      try {
        (n == 1 ? firstRelease : release).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Map.of("index.html", ("version " + n).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String signature() {
      return "same";
    }
  }

  static String index(PublicSite site) {
    return new String(site.files().get("index.html"), StandardCharsets.UTF_8);
  }

  @Test
  void requestsDuringARenderGetTheLastCopyAtOnce() throws InterruptedException {
    SlowSite source = new SlowSite(false);
    try (PublicSite site = new PublicSite(source, Clock.systemUTC(), new DeskTemplates())) {
      site.start();
      assertThat(site.awaitCurrent(Duration.ofSeconds(30))).isTrue();
      assertThat(index(site)).isEqualTo("version 1");

      site.invalidate(); // the second render now waits for the release
      assertTimeoutPreemptively(
          Duration.ofSeconds(5),
          () -> {
            for (int i = 0; i < 100; i++) {
              assertThat(index(site)).isEqualTo("version 1");
            }
          });
      assertThat(site.awaitCurrent(Duration.ofMillis(200))).isFalse();

      source.release.countDown();
      assertThat(site.awaitCurrent(Duration.ofSeconds(30))).isTrue();
      assertThat(index(site)).isEqualTo("version 2");
      assertThat(source.renders.get()).isEqualTo(2);
    }
  }

  @Test
  void beforeTheFirstRenderIsDoneThereIsNoCopyAndNoWait() throws InterruptedException {
    SlowSite source = new SlowSite(true);
    try (PublicSite site = new PublicSite(source, Clock.systemUTC(), new DeskTemplates())) {
      site.start();
      assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(site.files()).isNull());
      source.firstRelease.countDown();
      assertThat(site.awaitCurrent(Duration.ofSeconds(30))).isTrue();
      assertThat(index(site)).isEqualTo("version 1");
    }
  }

  @Test
  void changesDuringARenderAreRenderedOnceMoreNotLost() throws InterruptedException {
    SlowSite source = new SlowSite(false);
    try (PublicSite site = new PublicSite(source, Clock.systemUTC(), new DeskTemplates())) {
      site.start();
      assertThat(site.awaitCurrent(Duration.ofSeconds(30))).isTrue();
      site.invalidate();
      while (source.renders.get() < 2) {
        Thread.sleep(5);
      }
      site.invalidate(); // during render 2
      site.invalidate();
      source.release.countDown();
      assertThat(site.awaitCurrent(Duration.ofSeconds(30))).isTrue();
      assertThat(source.renders.get()).isEqualTo(3);
      assertThat(index(site)).isEqualTo("version 3");
    }
  }
}
