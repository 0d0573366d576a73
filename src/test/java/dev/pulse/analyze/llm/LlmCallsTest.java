package dev.pulse.analyze.llm;

import dev.pulse.retry.Sleeper;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.Test;

class LlmCallsTest {

  /** A model holding a client that must be closed, as the SDK-backed one does. */
  private static final class ClosingModel implements ChatModel, AutoCloseable {
    boolean closed;

    @Override
    public ChatResponse doChat(ChatRequest request) {
      throw new UnsupportedOperationException("not called");
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void closingTheCallsClosesTheModelsClient() {
    ClosingModel model = new ClosingModel();
    LlmCalls calls = new LlmCalls(LlmSettings.defaults().withBaseUrl("http://127.0.0.1:9/v1"),
        model, Sleeper.REAL);

    calls.close();

    assertThat(model.closed).isTrue();
  }

  @Test
  void theSdkBackedModelCanBeClosed() {
    ChatModel model = OpenAiRequests.chatModel(LlmSettings.defaults().withBaseUrl("http://127.0.0.1:9/v1"));

    assertThat(model).isInstanceOf(AutoCloseable.class);
  }
}
