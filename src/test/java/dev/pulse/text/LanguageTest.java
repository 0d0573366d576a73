package dev.pulse.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {

  private static final String ENGLISH =
      "The council approved the budget on Tuesday after a long debate. Members said that the"
          + " new plan would cut waiting times at the two hospitals and pay for more nurses.";
  private static final String GERMAN =
      "Der Stadtrat hat am Dienstag den Haushalt nach einer langen Debatte beschlossen. Die"
          + " Mitglieder sagten, dass der neue Plan die Wartezeiten in den zwei Kliniken verkürzen"
          + " und mehr Pflegekräfte bezahlen werde.";
  private static final String RUSSIAN =
      "Городской совет во вторник после долгих дебатов утвердил бюджет. Депутаты заявили, что"
          + " новый план сократит время ожидания в двух больницах.";

  @Test
  void anEnglishTextIsEnglish() {
    assertThat(Language.of(null, "Council passes budget", ENGLISH)).isEqualTo("en");
  }

  @Test
  void aGermanTextIsGermanWhateverTheTemplateDeclares() {
    assertThat(Language.of(null, "Haushalt beschlossen", GERMAN)).isEqualTo("de");
    assertThat(Language.of("en-US", "Haushalt beschlossen", GERMAN)).isEqualTo("de");
  }

  @Test
  void aDeclaredLanguageOutsideTheKnownOnesIsTakenAsDeclared() {
    assertThat(Language.of("nl-BE", "Begroting goedgekeurd", "De gemeenteraad heeft de begroting"))
        .isEqualTo("nl");
  }

  @Test
  void aKnownDeclaredLanguageCountsWhenTheTextIsTooShortToTell() {
    assertThat(Language.of("de", "Haushalt", "Beschlossen.")).isEqualTo("de");
  }

  @Test
  void aTextInAnotherScriptWithNoDeclarationIsUndetermined() {
    assertThat(Language.of(null, "Бюджет утверждён", RUSSIAN)).isEqualTo(Language.UNDETERMINED);
    assertThat(Language.of("ru", "Бюджет утверждён", RUSSIAN)).isEqualTo("ru");
  }

  @Test
  void aShortTextWithoutEvidenceCountsAsEnglishAsItAlwaysHas() {
    assertThat(Language.of(null, "Striker signs", "")).isEqualTo("en");
  }

  @Test
  void aLongerLatinTextInNoKnownLanguageIsUndeterminedNotEnglish() {
    String finnish =
        "Kaupunginvaltuusto hyväksyi tiistaina talousarvion pitkän keskustelun jälkeen. Valtuutetut"
            + " sanoivat uuden suunnitelman lyhentävän jonotusaikoja kahdessa sairaalassa ja"
            + " rahoittavan lisää hoitajia ensi vuonna koko kaupungin alueella kaikille asukkaille.";
    assertThat(Language.of(null, null, finnish)).isEqualTo(Language.UNDETERMINED);
  }

  @Test
  void theUndeterminedTagAndNonsenseAreNoDeclaration() {
    assertThat(Language.primary("und")).isNull();
    assertThat(Language.primary("  ")).isNull();
    assertThat(Language.primary("x-klingon-1")).isNull();
    assertThat(Language.primary("pt_BR")).isEqualTo("pt");
  }
}
