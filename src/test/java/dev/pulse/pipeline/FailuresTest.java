package dev.pulse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.FailureClass;
import dev.pulse.PulseException;
import dev.pulse.analyze.AnalysisException;
import dev.pulse.analyze.AnalyzerUnavailable;
import dev.pulse.config.ConfigException;
import dev.pulse.fetch.FetchException;
import dev.pulse.store.ItemFailure;
import dev.pulse.store.StoreException;
import org.junit.jupiter.api.Test;

/** Each kind of failure has its class by type, and reads in the runs table as it always did. */
class FailuresTest {

  private static final String URL = "https://a.example/1";

  private static FetchException fetch(FetchException.Kind kind, String reason) {
    return new FetchException(URL, kind, reason, "went wrong");
  }

  @Test
  void aFetchFailureIsClassedByItsKind() {
    assertThat(FailureClass.of(fetch(FetchException.Kind.HOST_DOWN, "timeout")))
        .isEqualTo(FailureClass.RETRYABLE);
    assertThat(FailureClass.of(fetch(FetchException.Kind.THROTTLED, "http-429")))
        .isEqualTo(FailureClass.RETRYABLE);
    assertThat(FailureClass.of(fetch(FetchException.Kind.REFUSED, "http-404")))
        .isEqualTo(FailureClass.FINAL);
    assertThat(FailureClass.of(fetch(FetchException.Kind.INTERRUPTED, "interrupted")))
        .isEqualTo(FailureClass.DEFERRED);
  }

  @Test
  void theReasonStringDoesNotDecideTheClass() {
    // a "timeout" that its thrower calls final is final: the type decides, not the words
    assertThat(FailureClass.of(new FetchException(URL, "timeout", "odd")))
        .isEqualTo(FailureClass.FINAL);
    assertThat(new FetchException(URL, "timeout", "odd").retryable()).isFalse();
    assertThat(fetch(FetchException.Kind.HOST_DOWN, "anything").retryable()).isTrue();
  }

  @Test
  void analysisFailuresArePassingAndACoolingDownBackendDefers() {
    assertThat(FailureClass.of(new AnalysisException("not JSON", "{", null)))
        .isEqualTo(FailureClass.RETRYABLE);
    assertThat(FailureClass.of(new AnalyzerUnavailable("cooling down")))
        .isEqualTo(FailureClass.DEFERRED);
  }

  @Test
  void fatalFailuresStopTheRun() {
    assertThat(FailureClass.of(new PulseException.Fatal("HTTP 401"))).isEqualTo(FailureClass.FATAL);
    assertThat(FailureClass.of(new ConfigException("bad key"))).isEqualTo(FailureClass.FATAL);
    assertThat(FailureClass.of(new StoreException("disk full", null)))
        .isEqualTo(FailureClass.FATAL);
  }

  @Test
  void aSkippedItemIsFinalAndAnythingElseIsABug() {
    assertThat(FailureClass.of(new PulseException.SkipItem("no"))).isEqualTo(FailureClass.FINAL);
    assertThat(FailureClass.of(new IllegalStateException("bug"))).isEqualTo(FailureClass.INTERNAL);
    assertThat(FailureClass.of(new StackOverflowError())).isEqualTo(FailureClass.INTERNAL);
  }

  @Test
  void passingFailuresAndBugsAreRetriedTheOthersAreNot() {
    assertThat(FailureClass.values())
        .filteredOn(FailureClass::retried)
        .containsExactlyInAnyOrder(FailureClass.RETRYABLE, FailureClass.INTERNAL);
  }

  @Test
  void theRecordedReasonsAreTheOnesUsersKnow() {
    assertThat(Failures.of(URL, "fetch", fetch(FetchException.Kind.REFUSED, "http-404")))
        .extracting(ItemFailure::reason, ItemFailure::message)
        .containsExactly("http-404", "went wrong");
    assertThat(Failures.of(URL, "analyze", new AnalysisException("not JSON", "{x", null)))
        .extracting(ItemFailure::reason, ItemFailure::detail)
        .containsExactly("invalid-reply", "{x");
    assertThat(Failures.of(URL, "analyze", new AnalysisException("endpoint down")).reason())
        .isEqualTo("analysis-error");
    assertThat(Failures.of(URL, "analyze", new AnalyzerUnavailable("cooling")).reason())
        .isEqualTo("analyzer-unavailable");
  }

  @Test
  void anUnexpectedRuntimeExceptionIsAnInternalErrorWithItsStackTrace() {
    ItemFailure f = Failures.of(URL, "extract", new IllegalStateException("index past the end"));

    assertThat(f.reason()).isEqualTo("internal-error");
    assertThat(f.stage()).isEqualTo("extract");
    assertThat(f.message()).isEqualTo("java.lang.IllegalStateException: index past the end");
    assertThat(f.detail())
        .contains("IllegalStateException")
        .contains("at dev.pulse.pipeline.FailuresTest.");
  }
}
