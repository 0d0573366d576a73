package dev.pulse.fetch;

import dev.pulse.retry.Sleeper;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostPacerTest {

  private final FakeTime time = new FakeTime();

  @Test
  void makesTheNextRequestToAHostWaitTheDelayAfterTheLastOneEnded() throws Exception {
    HostPacer pacer = new HostPacer(4, time::nanoTime, time);

    pacer.acquire("a.example", Duration.ofSeconds(2)).close();
    time.advance(Duration.ofMillis(500));
    pacer.acquire("a.example", Duration.ofSeconds(2)).close();

    assertThat(time.sleeps).containsExactly(Duration.ofMillis(1500));
  }

  @Test
  void letsOtherHostsGoWithoutWaiting() throws Exception {
    HostPacer pacer = new HostPacer(4, time::nanoTime, time);

    pacer.acquire("a.example", Duration.ofSeconds(2)).close();
    pacer.acquire("b.example", Duration.ofSeconds(2)).close();

    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void defersAHostForARetryAfter() throws Exception {
    HostPacer pacer = new HostPacer(4, time::nanoTime, time);

    pacer.acquire("a.example", Duration.ofSeconds(1)).close();
    pacer.defer("a.example", Duration.ofSeconds(30));
    pacer.acquire("a.example", Duration.ofSeconds(1)).close();

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void holdsOtherHostsBackWhenTheGlobalLimitIsReached() throws Exception {
    HostPacer pacer = new HostPacer(1, System::nanoTime, Sleeper.REAL);
    CountDownLatch bGotTurn = new CountDownLatch(1);

    HostPacer.Turn a = pacer.acquire("a.example", Duration.ZERO);
    Thread b = new Thread(() -> {
      try (HostPacer.Turn turn = pacer.acquire("b.example", Duration.ZERO)) {
        bGotTurn.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    b.start();
    while (b.getState() != Thread.State.WAITING && b.isAlive()) {
      Thread.onSpinWait();
    }

    assertThat(bGotTurn.getCount()).isEqualTo(1);
    assertThat(pacer.freeSlots()).isZero();
    a.close();
    assertThat(bGotTurn.await(10, TimeUnit.SECONDS)).isTrue();
    b.join();
    assertThat(pacer.freeSlots()).isEqualTo(1);
  }
}
