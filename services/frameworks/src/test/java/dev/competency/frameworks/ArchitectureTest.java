package dev.competency.frameworks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.competency.frameworks");
    private static final List<String> DOMAIN_PACKAGES = List.of("framework.domain", "roleprofile.domain",
            "resource.domain");

    @Test
    void guardsDomainPackagesThatExist_whenRulesAreChecked() {
        for (String domain : DOMAIN_PACKAGES) {
            assertThat(CLASSES.containPackage("dev.competency.frameworks." + domain)).as(domain).isTrue();
        }
        assertThat(CLASSES.containPackage("dev.competency.frameworks.interop.casefile")).isTrue();
    }

    @Test
    void keepsDomainAndCaseMappingFreeOfSpringMongoAndWeb_whenAnyDomainClassIsChecked() {
        noClasses().that().resideInAnyPackage("dev.competency.frameworks..domain..",
                        "dev.competency.frameworks.interop.casefile..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..", "jakarta.servlet..", "org.apache.kafka..")
                .check(CLASSES);
    }

    @Test
    void keepsDomainIndependentOfWebQueryAndMessaging_whenAnyDomainClassIsChecked() {
        noClasses().that().resideInAPackage("dev.competency.frameworks..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..query..", "..messaging..",
                        "..interop..")
                .check(CLASSES);
    }
}
