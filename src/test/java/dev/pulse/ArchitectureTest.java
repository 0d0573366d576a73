package dev.pulse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * The direction of dependencies between Pulse's packages, in the pipeline's order.
 *
 * <p>{@link #LAYERS} lists the packages from the bottom up. A class may use classes of its own
 * package, and of packages on a lower layer; never of a package on its own layer or above. A
 * subpackage that is not listed belongs to its nearest listed parent (so {@code store.sqlite} is
 * part of {@code store}). A package that is not covered at all fails the test: add it to the layer
 * below its first user and above everything it uses (CONTRIBUTING.md, "Where code goes").
 */
@AnalyzeClasses(packages = "dev.pulse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Bottom first. Packages on one layer are independent of each other. */
  static final List<List<String>> LAYERS =
      List.of(
          List.of(""), // dev.pulse itself: PulseException, the root of Pulse's exceptions
          List.of("retry", "text", "identity", "embed", "demo"),
          List.of("fetch"),
          List.of("source"),
          List.of("extract"),
          List.of("config"),
          List.of("analyze", "verify"), // the analyzer seam and its values; faithfulness checks
          List.of(
              "analyze.embedded",
              "analyze.llm",
              "eval"), // eval measures any analyzer through the seam
          List.of("store", "limit"), // limit: the limits workers share (Bucket4j on PostgreSQL)
          List.of("similar", "editorial"),
          List.of("publish"),
          List.of("pipeline", "desk"),
          List.of("worker"), // pulse worker: the pipeline's stages as db-scheduler tasks
          List.of("cli"));

  @ArchTest
  static final ArchRule noPackageUsesOneAboveIt =
      classes().should(dependOnlyDownwards()).allowEmptyShould(true);

  @ArchTest
  static final ArchRule packagesFormNoCycles =
      slices().matching("dev.pulse.(**)").should().beFreeOfCycles().allowEmptyShould(true);

  private static ArchCondition<JavaClass> dependOnlyDownwards() {
    return new ArchCondition<>("depend only on their own package or on packages on a lower layer") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        Place from = place(item.getPackageName());
        if (from == null) {
          events.add(
              SimpleConditionEvent.violated(
                  item,
                  item.getPackageName()
                      + " has no place in ArchitectureTest.LAYERS: add it there (see CONTRIBUTING.md)"));
          return;
        }
        for (Dependency d : item.getDirectDependenciesFromSelf()) {
          Place to = place(d.getTargetClass().getPackageName());
          if (to != null && !from.pkg.equals(to.pkg) && to.layer >= from.layer) {
            events.add(
                SimpleConditionEvent.violated(
                    d,
                    from.pkg
                        + " (layer "
                        + from.layer
                        + ") must not use "
                        + to.pkg
                        + " (layer "
                        + to.layer
                        + "): "
                        + d.getDescription()));
          }
        }
      }
    };
  }

  /** The listed package a Java package belongs to, or null outside Pulse or when unlisted. */
  static Place place(String javaPackage) {
    if (!javaPackage.equals("dev.pulse") && !javaPackage.startsWith("dev.pulse.")) {
      return null;
    }
    String rel =
        javaPackage.equals("dev.pulse") ? "" : javaPackage.substring("dev.pulse.".length());
    Place best = null;
    for (int layer = 0; layer < LAYERS.size(); layer++) {
      for (String pkg : LAYERS.get(layer)) {
        boolean covers =
            pkg.isEmpty() ? rel.isEmpty() : rel.equals(pkg) || rel.startsWith(pkg + ".");
        if (covers && (best == null || pkg.length() > best.pkg.length())) {
          best = new Place(pkg, layer);
        }
      }
    }
    return best;
  }

  record Place(String pkg, int layer) {}
}
