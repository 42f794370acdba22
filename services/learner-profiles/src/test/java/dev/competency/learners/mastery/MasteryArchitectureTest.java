package dev.competency.learners.mastery;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The mastery fold is plain Java, so it can be tested and benchmarked without any framework. */
class MasteryArchitectureTest {

    private static final String PACKAGE = "dev.competency.learners.mastery";

    private final JavaClasses production = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(PACKAGE);

    @Test
    void importsFoldClasses_whenScanningThePackage() {
        assertThat(production).extracting(JavaClass::getName)
                .contains(MasteryFold.class.getName(), Tally.class.getName(), MasteryRollup.class.getName())
                .doesNotContain(MasteryArchitectureTest.class.getName());
    }

    @Test
    void dependsOnlyOnJdkAndItself_whenScanningThePackage() {
        classes().that().resideInAPackage(PACKAGE)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", PACKAGE)
                .because("the mastery fold must stay free of Spring, Axon, Mongo, Jackson and the contracts module")
                .check(production);
    }
}
