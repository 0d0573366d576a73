package dev.pulse.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.FailureClass;
import org.junit.jupiter.api.Test;

class FetchExceptionTest {

  private static FetchException.Kind kindOf(int status) {
    return new HttpStatusException("https://a.example/", status, null).kind();
  }

  @Test
  void anErrorStatusHasItsKindFromTheNumber() {
    assertThat(kindOf(500)).isEqualTo(FetchException.Kind.HOST_DOWN);
    assertThat(kindOf(503)).isEqualTo(FetchException.Kind.HOST_DOWN);
    assertThat(kindOf(429)).isEqualTo(FetchException.Kind.THROTTLED);
    assertThat(kindOf(404)).isEqualTo(FetchException.Kind.REFUSED);
    assertThat(kindOf(410)).isEqualTo(FetchException.Kind.REFUSED);
  }

  @Test
  void theReasonStaysTheStatusUsersRead() {
    HttpStatusException e = new HttpStatusException("https://a.example/", 503, null);
    assertThat(e.reason()).isEqualTo("http-503");
    assertThat(FailureClass.of(e)).isEqualTo(FailureClass.RETRYABLE);
  }

  @Test
  void aFailureWithoutAKindIsFinal() {
    FetchException e = new FetchException("https://a.example/", "ssrf", "refused");
    assertThat(e.kind()).isEqualTo(FetchException.Kind.REFUSED);
    assertThat(e.retryable()).isFalse();
  }
}
