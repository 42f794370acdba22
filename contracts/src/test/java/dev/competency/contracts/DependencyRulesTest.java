package dev.competency.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The contracts jar lands in every service and in analytics code, so it must not drag a framework along. */
class DependencyRulesTest {

    private static final JavaClasses CONTRACT_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.competency.contracts");

    @Test
    void importsEveryContractPackage_whenTheRuleChecksThem() {
        assertThat(CONTRACT_CLASSES.stream().map(JavaClass::getPackageName).distinct())
                .contains("dev.competency.contracts",
                        "dev.competency.contracts.frameworks",
                        "dev.competency.contracts.evidence",
                        "dev.competency.contracts.learners",
                        "dev.competency.contracts.mastery");
    }

    @Test
    void dependsOnlyOnTheJdkAndJacksonAnnotations_whenAnyClassIsChecked() {
        classes().that().resideInAPackage("dev.competency.contracts..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.fasterxml.jackson.annotation..", "dev.competency.contracts..")
                .check(CONTRACT_CLASSES);
    }
}
