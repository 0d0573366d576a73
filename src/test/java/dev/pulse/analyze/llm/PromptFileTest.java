package dev.pulse.analyze.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one way prompt files are loaded and filled, for the analyzer and the topic roll-up alike. */
class PromptFileTest {

  @Test
  void aFileTheDirectoryHoldsIsReadFromIt(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("user.txt"), "edited ${x}");

    assertThat(PromptFile.load(dir, "user.txt").template()).isEqualTo("edited ${x}");
  }

  @Test
  void aFileTheDirectoryLacksIsTheBuiltInCopy(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("user.txt"), "edited");

    for (String name : new String[] {"system.txt", "repair.txt", "topic-system.txt"}) {
      assertThat(PromptFile.load(dir, name).template())
          .isEqualTo(Files.readString(Path.of("prompts", name)));
    }
  }

  @Test
  void aMissingDirectoryMeansEveryFileIsBuiltIn() throws Exception {
    assertThat(PromptFile.load(Path.of("no-such-dir"), "topic-user.txt").template())
        .isEqualTo(Files.readString(Path.of("prompts", "topic-user.txt")));
  }

  @Test
  void aFileNeitherThereNorBuiltInIsAConfigError(@TempDir Path dir) {
    assertThatThrownBy(() -> PromptFile.load(dir, "nothing.txt"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nothing.txt");
  }

  @Test
  void valuesAreFilledOnceAndNeverRescanned() {
    PromptFile p = new PromptFile("user.txt", " Title: ${title}\n${text} ");

    assertThat(p.fill(Map.of("title", "${text}", "text", "costs $${x}")))
        .isEqualTo("Title: ${text}\ncosts $${x}");
  }

  @Test
  void anUnknownPlaceholderNamesTheFileAndTheKnownOnes() {
    PromptFile p = new PromptFile("topic-user.txt", "${colour}");

    assertThatThrownBy(() -> p.fill(Map.of("label", "x", "stories", "y")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topic-user.txt")
        .hasMessageContaining("colour")
        .hasMessageContaining("known: ${label}, ${stories}");
  }

  @Test
  void theDataMustSitBetweenItsDelimiters() {
    new PromptFile("u", "<a>${text}</a>").requireBetween("text", "<a>", "</a>");
    for (String wrong :
        new String[] {"${text}<a></a>", "<a></a>${text}", "<a>${text}", "<a></a>"}) {
      assertThatThrownBy(() -> new PromptFile("u", wrong).requireBetween("text", "<a>", "</a>"))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("u must put ${text} between <a> and </a>");
    }
  }
}
