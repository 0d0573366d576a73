package dev.pulse.analyze.llm;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WireMock transformer that holds each request for a while on the server's thread and records
 * the most requests it held at once: a slow server that counts its concurrent callers.
 */
final class InFlightCounter implements ResponseDefinitionTransformerV2 {

  static final String NAME = "in-flight-counter";

  private final AtomicInteger current = new AtomicInteger();
  private final AtomicInteger max = new AtomicInteger();
  private final AtomicInteger served = new AtomicInteger();
  private volatile Duration hold = Duration.ZERO;

  void reset(Duration holdEach) {
    current.set(0);
    max.set(0);
    served.set(0);
    hold = holdEach;
  }

  int maxInFlight() {
    return max.get();
  }

  int served() {
    return served.get();
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    int now = current.incrementAndGet();
    max.accumulateAndGet(now, Math::max);
    try {
      Thread.sleep(hold.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      current.decrementAndGet();
      served.incrementAndGet();
    }
    return serveEvent.getResponseDefinition();
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }
}
