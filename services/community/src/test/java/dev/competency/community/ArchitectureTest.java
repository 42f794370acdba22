package dev.competency.community;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The domain packages (the aggregates and the challenge ledger) stay plain enough to test without a container. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.competency.community");
    private static final List<String> DOMAIN_PACKAGES = List.of("discussion.domain", "challenge.domain");

    @Test
    void guardsDomainPackagesThatExist_whenRulesAreChecked() {
        for (String domain : DOMAIN_PACKAGES) {
            assertThat(CLASSES.containPackage("dev.competency.community." + domain)).as(domain).isTrue();
        }
    }

    @Test
    void keepsDomainFreeOfSpringMongoAndKafka_whenAnyDomainClassIsChecked() {
        noClasses().that().resideInAPackage("dev.competency.community..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..", "jakarta.servlet..", "org.apache.kafka..")
                .check(CLASSES);
    }

    @Test
    void keepsDomainIndependentOfWebQueryAndMessaging_whenAnyDomainClassIsChecked() {
        noClasses().that().resideInAPackage("dev.competency.community..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..query..", "..messaging..")
                .check(CLASSES);
    }
}
