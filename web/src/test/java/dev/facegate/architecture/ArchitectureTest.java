package dev.facegate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The component rules of the house (docs/architecture in the README), checked on the compiled
 * classes of every module on this test's class path (web, ejb, domain, models). A rule broken in
 * any module fails the build.
 */
class ArchitectureTest {

  /** The business components of the ejb module; each has boundary and control packages. */
  static final List<String> COMPONENTS =
      List.of(
          "access",
          "accounts",
          "attendance",
          "enrolment",
          "faces",
          "index",
          "people",
          "recognition");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.facegate");
  }

  @Test
  void everyModuleIsOnTheClassPath() {
    // Guards the rules below against passing on an empty import.
    for (String pkg :
        List.of(
            "dev.facegate.web.",
            "dev.facegate.api.",
            "dev.facegate.people.boundary",
            "dev.facegate.faces.boundary",
            "dev.facegate.domain.access",
            "dev.facegate.models.detection")) {
      if (classes.stream().noneMatch(c -> c.getPackageName().startsWith(pkg))) {
        throw new AssertionError("No classes of " + pkg + " were imported");
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> noComponentReachesIntoAnotherComponentsControl() {
    return COMPONENTS.stream()
        .map(
            component ->
                DynamicTest.dynamicTest(
                    component,
                    () -> {
                      String[] othersControls =
                          COMPONENTS.stream()
                              .filter(other -> !other.equals(component))
                              .map(other -> "dev.facegate." + other + ".control..")
                              .toArray(String[]::new);
                      noClasses()
                          .that()
                          .resideInAPackage("dev.facegate." + component + "..")
                          .should()
                          .dependOnClassesThat()
                          .resideInAnyPackage(othersControls)
                          .because("components talk to each other through boundaries and entities")
                          .check(classes);
                    }));
  }

  @Test
  void componentsAndModulesDoNotDependOnEachOtherInACycle() {
    // One slice per top-level package: the business components, platform, domain, models, and
    // the web layer's web and api.
    slices().matching("dev.facegate.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theWebLayerCallsBoundariesOnly() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.facegate.web..", "dev.facegate.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.facegate..control..",
            "dev.facegate.models..",
            "dev.facegate.faces.boundary..",
            "dev.facegate.index.boundary..",
            "ai.djl..",
            "co.elastic..",
            "org.apache.lucene..")
        .because(
            "pages and resources call business boundaries; face analysis and the index are"
                + " infrastructure reached only through them")
        .check(classes);
  }

  @Test
  void domainAndModelsDoNotKnowEachOther() {
    noClasses()
        .that()
        .resideInAPackage("dev.facegate.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.facegate.models..", "ai.djl..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.facegate.models..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.facegate.domain..", "jakarta..")
        .check(classes);
  }

  @Test
  void everyBoundaryMethodDeclaresWhoMayCallIt() {
    ArchRule rule =
        classes()
            .that()
            .resideInAPackage("dev.facegate..boundary..")
            .and(
                DescribedPredicate.describe(
                    "are session beans",
                    (JavaClass c) ->
                        c.isAnnotatedWith(Stateless.class) || c.isAnnotatedWith(Singleton.class)))
            .should(declareRolesOnEveryPublicMethod())
            .because("roles are enforced on the EJB boundaries, not only in the web layer");
    rule.check(classes);
  }

  private static ArchCondition<JavaClass> declareRolesOnEveryPublicMethod() {
    return new ArchCondition<>(
        "declare @RolesAllowed, @PermitAll or @DenyAll on every public method") {
      @Override
      public void check(JavaClass boundary, ConditionEvents events) {
        boolean classLevel = guarded(boundary.isAnnotatedWith(RolesAllowed.class), boundary);
        for (JavaMethod method : boundary.getMethods()) {
          if (!method.getModifiers().contains(JavaModifier.PUBLIC)
              || method.getModifiers().contains(JavaModifier.STATIC)
              || method.getModifiers().contains(JavaModifier.SYNTHETIC)) {
            continue;
          }
          boolean guarded =
              classLevel
                  || method.isAnnotatedWith(RolesAllowed.class)
                  || method.isAnnotatedWith(PermitAll.class)
                  || method.isAnnotatedWith(DenyAll.class);
          if (!guarded) {
            events.add(
                SimpleConditionEvent.violated(
                    method, method.getFullName() + " declares no role (nor does its class)"));
          }
        }
      }
    };
  }

  private static boolean guarded(boolean rolesAllowed, JavaClass boundary) {
    return rolesAllowed
        || boundary.isAnnotatedWith(PermitAll.class)
        || boundary.isAnnotatedWith(DenyAll.class);
  }
}
