package dev.competency.frameworks.interop.esco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.competency.frameworks.framework.domain.Competency;
import dev.competency.frameworks.framework.domain.FrameworkContent;
import dev.competency.frameworks.interop.casefile.CasePackageImport;
import dev.competency.frameworks.interop.casefile.UnusableCasePackage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EscoCsvTest {

    private static final String DOCUMENT = "https://skills.example.test/esco-digital";

    static String fixture() throws IOException {
        try (InputStream in = EscoCsvTest.class.getResourceAsStream("/esco/skills.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void parsesAField_whenItIsQuotedAndHoldsCommasQuotesOrLineBreaks() throws IOException {
        var rows = EscoCsv.parse(fixture());

        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).get(6)).isEqualTo("coding\nsoftware writing");
        assertThat(rows.get(1).get(7)).isEqualTo("Writes programs, tests them and \"ships\" them.");
        assertThat(rows.get(3)).hasSize(10);
    }

    @Test
    void placesSkillsUnderTheirFirstBroaderConcept_andGroupsConceptsOutsideTheFile_whenImportingEsco() throws IOException {
        CasePackageImport.Mapped mapped = CasePackageImport.map(EscoCsv.toCasePackage(fixture(), DOCUMENT,
                "Digital skills"), "fw-esco", null);
        FrameworkContent content = mapped.content();

        assertThat(mapped.errors()).isEmpty();
        assertThat(content.title()).isEqualTo("Digital skills");
        assertThat(content.competencies()).extracting(Competency::code, Competency::parentCode, Competency::title,
                        Competency::taxonomyLabel)
                .containsExactly(tuple("ESCO.DDDDDDDD", null, "spreadsheets", "skill/competence"),
                        tuple("ESCO.BBBBBBBB", null, "software development", "skill group"),
                        tuple("ESCO.AAAAAAAA", "ESCO.BBBBBBBB", "programming", "skill/competence"),
                        tuple("ESCO.CCCCCCCC", "ESCO.AAAAAAAA", "Haskell", "knowledge"));
        assertThat(content.competencies().get(2).description())
                .isEqualTo("Writes programs, tests them and \"ships\" them.");
        assertThat(content.competencies().get(2).externalId())
                .isEqualTo("http://data.example.test/esco/skill/aaaaaaaa-0000-4000-8000-000000000001");
    }

    @Test
    void changesNothing_whenTheSameCsvIsImportedAgain() throws IOException {
        FrameworkContent first = CasePackageImport.map(EscoCsv.toCasePackage(fixture(), DOCUMENT, "Digital skills"),
                "fw-esco", null).content();

        assertThat(CasePackageImport.map(EscoCsv.toCasePackage(fixture(), DOCUMENT, "Digital skills"), "fw-esco",
                first).content()).isEqualTo(first);
    }

    @Test
    void rejectsCsv_whenItIsNotAnEscoSkillsExport() {
        assertThatThrownBy(() -> EscoCsv.toCasePackage("name,age\nAda,36\n", DOCUMENT, "T"))
                .isInstanceOf(UnusableCasePackage.class).hasMessageContaining("no column conceptUri");
        assertThatThrownBy(() -> EscoCsv.toCasePackage("", DOCUMENT, "T")).hasMessage("the CSV is empty");
    }
}
