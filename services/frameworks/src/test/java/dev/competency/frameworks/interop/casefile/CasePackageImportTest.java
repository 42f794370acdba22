package dev.competency.frameworks.interop.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.competency.contracts.frameworks.FrameworkPublished.RelationType;
import dev.competency.frameworks.framework.domain.Competency;
import dev.competency.frameworks.framework.domain.FrameworkContent;
import dev.competency.frameworks.framework.domain.FrameworkDiff;
import dev.competency.frameworks.framework.domain.Level;
import dev.competency.frameworks.framework.domain.Relation;
import dev.competency.frameworks.interop.casefile.CasePackageImport.ItemError;
import dev.competency.frameworks.interop.casefile.CasePackageImport.Mapped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

public class CasePackageImportTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FRAMEWORK = "fw-ops";
    private static final String DOCUMENT = "6f1c3a2e-9b7d-4c1e-8a55-0d2f6b9e1a01";
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    static JsonNode fixture(String name) {
        try (InputStream in = CasePackageImportTest.class.getResourceAsStream("/case/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Competency byCode(FrameworkContent content, String code) {
        return content.competencies().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void mapsDocumentItemsTreeRelationsAndRubric_whenPackageIsValid() {
        Mapped mapped = CasePackageImport.map(fixture("cloud-ops-v1.json"), FRAMEWORK, null);
        FrameworkContent content = mapped.content();

        assertThat(mapped.documentIdentifier()).isEqualTo(DOCUMENT);
        assertThat(mapped.errors()).isEmpty();
        assertThat(mapped.warnings()).isEmpty();
        assertThat(mapped.suggestedCode()).isEqualTo("CO");
        assertThat(content.title()).isEqualTo("Cloud operations");
        assertThat(content.externalId()).isEqualTo(DOCUMENT);
        assertThat(content.competencies()).extracting(Competency::code, Competency::parentCode, Competency::position)
                .containsExactly(tuple("OPS", null, 0), tuple("OPS.DEPLOY", "OPS", 0),
                        tuple("OPS.DEPLOY.1", "OPS.DEPLOY", 0), tuple("OPS.DEPLOY.2", "OPS.DEPLOY", 1),
                        tuple("OPS.OBS", "OPS", 1), tuple("OPS.OBS.1", "OPS.OBS", 0));
        Competency deploy = byCode(content, "OPS.DEPLOY");
        assertThat(deploy.title()).isEqualTo("Deployment");
        assertThat(deploy.description()).startsWith("Deploys services with zero downtime");
        assertThat(deploy.taxonomyLabel()).isEqualTo("Competency");
        assertThat(deploy.externalId()).isEqualTo("a1000000-0000-4000-8000-000000000002");
        assertThat(deploy.externalChangedAt()).isEqualTo("2025-01-10T09:00:00Z");
        assertThat(byCode(content, "OPS.DEPLOY.1").description()).isNull();
        assertThat(content.relations()).extracting(Relation::source, Relation::target, Relation::type)
                .containsExactly(tuple("OPS.DEPLOY.1", "OPS.DEPLOY.2", RelationType.PRECEDES),
                        tuple("OPS.DEPLOY.2", "OPS.OBS.1", RelationType.IS_RELATED_TO),
                        tuple("OPS.OBS.1", "OPS.OBS", RelationType.EXACT_MATCH_OF));
        assertThat(content.relations()).extracting(Relation::externalId).doesNotContainNull();
        assertThat(content.scale().levels()).extracting(Level::code, Level::threshold, Level::mastery)
                .containsExactly(tuple("BEGINNING", 0.0, false), tuple("APPROACHING", 0.333333, false),
                        tuple("PROFICIENT", 0.666667, true), tuple("EXEMPLARY", 1.0, false));
    }

    @Test
    void importsTheRest_andNamesEachLeftOutItemAndWhy_whenSomeItemsAreBroken() {
        Mapped mapped = CasePackageImport.map(fixture("broken-items.json"), FRAMEWORK, null);

        assertThat(mapped.content().competencies()).extracting(Competency::code, Competency::parentCode)
                .containsExactly(tuple("SEC", null), tuple("SEC.1", "SEC"), tuple("SEC.5", null));
        assertThat(mapped.errors()).extracting(ItemError::identifier).containsExactly(
                "d4000000-0000-4000-8000-000000000003", "(CFItems[3])", "d4000000-0000-4000-8000-000000000002",
                "e5000000-0000-4000-8000-000000000003", "e5000000-0000-4000-8000-000000000004");
        assertThat(mapped.errors()).extracting(ItemError::reason).containsExactly(
                "the item has no fullStatement", "the item has no identifier",
                "the identifier is used by an earlier item; this one is left out",
                "isChildOf points to 'd4000000-0000-4000-8000-00000000dead', which is neither the document nor an"
                        + " item of this package; the item d4000000-0000-4000-8000-000000000005 is placed at the root",
                "precedes relates item d4000000-0000-4000-8000-000000000002 to itself");
        assertThat(mapped.warnings()).anySatisfy(w -> assertThat(w).contains("associationType 'exemplar' has no"
                + " counterpart"));
    }

    @Test
    void changesNothing_whenTheSamePackageIsImportedTwice() {
        FrameworkContent first = CasePackageImport.map(fixture("cloud-ops-v1.json"), FRAMEWORK, null).content();

        FrameworkContent second = CasePackageImport.map(fixture("cloud-ops-v1.json"), FRAMEWORK, first).content();

        assertThat(second).isEqualTo(first);
        FrameworkDiff diff = FrameworkDiff.between(1, first, 2, second);
        assertThat(diff.added()).isEmpty();
        assertThat(diff.changed()).isEmpty();
        assertThat(diff.removed()).isEmpty();
    }

    @Test
    void updatesNewerItemsOnlyAddsAndRemoves_whenANewerPackageIsImported() {
        FrameworkContent first = CasePackageImport.map(fixture("cloud-ops-v1.json"), FRAMEWORK, null).content();

        FrameworkContent second = CasePackageImport.map(fixture("cloud-ops-v2.json"), FRAMEWORK, first).content();

        FrameworkDiff diff = FrameworkDiff.between(1, first, 2, second);
        assertThat(diff.added()).extracting(FrameworkDiff.CompetencyRef::code).containsExactly("OPS.OBS.2");
        assertThat(diff.removed()).extracting(FrameworkDiff.CompetencyRef::code).containsExactly("OPS.DEPLOY.2");
        assertThat(diff.changed()).extracting(FrameworkDiff.CompetencyChange::code).containsExactly("OPS.OBS.1");
        assertThat(diff.changed().get(0).fields()).as("its isChildOf association has a new identifier")
                .containsExactly("title", "details");
        assertThat(byCode(second, "OPS.DEPLOY.1").title()).as("not newer: kept")
                .isEqualTo("Writes a repeatable deployment pipeline");
        assertThat(byCode(second, "OPS.OBS.1").id()).isEqualTo(byCode(first, "OPS.OBS.1").id());
        assertThat(byCode(second, "OPS.OBS.1").externalChangedAt()).isEqualTo("2025-06-01T12:00:00Z");
        assertThat(diff.relationsRemoved()).extracting(Relation::type)
                .containsExactlyInAnyOrder(RelationType.PRECEDES, RelationType.IS_RELATED_TO,
                        RelationType.EXACT_MATCH_OF);
        assertThat(diff.relationsAdded()).extracting(Relation::source, Relation::target, Relation::type)
                .containsExactly(tuple("OPS.OBS.2", "OPS.OBS.1", RelationType.IS_RELATED_TO));
    }

    @Test
    void importsTheSameContent_whenAnExportedVersionIsImportedAgain() {
        FrameworkContent original = CasePackageImport.map(fixture("cloud-ops-v1.json"), FRAMEWORK, null).content();

        JsonNode exported = CasePackageExport.export(new CasePackageExport.Source(FRAMEWORK, 1, false,
                Instant.parse("2025-02-01T00:00:00Z"), original), "https://frameworks.test/ims/case/v1p0");

        assertThat(CasePackageImport.map(exported, FRAMEWORK, null).content()).isEqualTo(original);
        assertThat(CasePackageImport.map(exported, FRAMEWORK, original).content()).isEqualTo(original);
    }

    @Test
    void writesUuidIdentifiersAndRequiredFields_whenExporting() {
        FrameworkContent messy = CasePackageImport.map(fixture("messy-real-world.json"), FRAMEWORK, null).content();

        JsonNode exported = CasePackageExport.export(new CasePackageExport.Source(FRAMEWORK, 3, true,
                Instant.parse("2025-02-01T00:00:00Z"), messy), "https://frameworks.test/ims/case/v1p0");

        JsonNode document = exported.path("CFDocument");
        assertThat(document.path("identifier").asString()).matches(UUID);
        for (String field : List.of("uri", "creator", "title", "lastChangeDateTime")) {
            assertThat(document.path(field).asString()).as(field).isNotBlank();
        }
        assertThat(document.path("adoptionStatus").asString()).isEqualTo("Deprecated");
        assertThat(exported.path("CFItems")).hasSize(3).allSatisfy(item -> {
            assertThat(item.path("identifier").asString()).matches(UUID);
            assertThat(item.path("fullStatement").asString()).isNotBlank();
            assertThat(item.path("lastChangeDateTime").asString()).isNotBlank();
        });
        assertThat(exported.path("CFAssociations")).hasSize(3).allSatisfy(association -> {
            assertThat(association.path("identifier").asString()).matches(UUID);
            assertThat(association.path("associationType").asString()).isEqualTo("isChildOf");
            assertThat(association.path("originNodeURI").path("identifier").asString()).matches(UUID);
        });
    }

    @Test
    void readsRealWorldPackageWithWarnings_whenIdentifiersAreWebAddressesAndFieldsAreMissing() {
        Mapped mapped = CasePackageImport.map(fixture("messy-real-world.json"), FRAMEWORK, null);

        assertThat(mapped.errors()).isEmpty();
        assertThat(mapped.content().competencies()).extracting(Competency::parentCode).containsExactly(null,
                mapped.content().competencies().get(0).code(), mapped.content().competencies().get(0).code());
        assertThat(mapped.content().competencies().get(0).code()).startsWith("CASE-");
        assertThat(mapped.content().competencies()).extracting(Competency::code).contains("Math.Content.1-A",
                "Math.Content.1.B");
        assertThat(mapped.content().competencies().get(1).externalChangedAt()).isEqualTo("2016-07-28T00:14:52Z");
        assertThat(mapped.warnings()).anySatisfy(w -> assertThat(w).contains("CFDocument identifier"
                        + " 'http://standards.example.test/resources/D100' is not a UUID"))
                .anySatisfy(w -> assertThat(w).contains("has no humanCodingScheme"))
                .anySatisfy(w -> assertThat(w).contains("humanCodingScheme 'Math.Content.1 A' is not a valid code;"
                        + " Math.Content.1-A is used"));
    }

    @Test
    void rejectsPackage_whenItIsUnusable() {
        assertThatThrownBy(() -> CasePackageImport.map(JSON.readTree("[1, 2]"), FRAMEWORK, null))
                .isInstanceOf(UnusableCasePackage.class).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> CasePackageImport.map(JSON.readTree("{\"CFItems\": []}"), FRAMEWORK, null))
                .isInstanceOf(UnusableCasePackage.class).hasMessage("the package has no CFDocument object");
        assertThatThrownBy(() -> CasePackageImport.map(JSON.readTree("{\"CFDocument\": {\"title\": \"T\"}}"),
                FRAMEWORK, null)).hasMessage("the CFDocument has no identifier");
        assertThatThrownBy(() -> CasePackageImport.map(JSON.readTree(
                "{\"CFDocument\": {\"identifier\": \"d-1\", \"title\": \"T\"}, \"CFItems\": [{\"identifier\": \"i\"}]}"),
                FRAMEWORK, null)).hasMessageContaining("the package has no usable CFItems: 1 item(s) are invalid,"
                + " the first: i the item has no fullStatement");
    }
    @Test
    void refusesPackageWithoutRecursion_whenItsTreeIsDeeperThanTheMaximum() {
        StringBuilder items = new StringBuilder();
        StringBuilder associations = new StringBuilder();
        for (int i = 1; i <= 5_000; i++) {
            String id = "00000000-0000-4000-8000-%012d".formatted(i);
            String parent = i == 1 ? DOCUMENT : "00000000-0000-4000-8000-%012d".formatted(i - 1);
            items.append(i == 1 ? "" : ",").append("""
                    {"identifier": "%s", "fullStatement": "Level %d", "humanCodingScheme": "L%d"}""".formatted(id, i, i));
            associations.append(i == 1 ? "" : ",").append("""
                    {"identifier": "%s", "associationType": "isChildOf", "originNodeURI": {"identifier": "%s"},
                     "destinationNodeURI": {"identifier": "%s"}}""".formatted(
                    "10000000-0000-4000-8000-%012d".formatted(i), id, parent));
        }
        JsonNode pkg = JSON.readTree("""
                {"CFDocument": {"identifier": "%s", "title": "Deep"}, "CFItems": [%s], "CFAssociations": [%s]}"""
                .formatted(DOCUMENT, items, associations));

        assertThatThrownBy(() -> CasePackageImport.map(pkg, FRAMEWORK, null))
                .isInstanceOf(UnusableCasePackage.class)
                .hasMessageContaining("competency 'L33': it is 33 levels deep; at most 32 are allowed");
    }

    @Test
    void clipsStatementsWithAWarning_whenTheyAreOverlong() {
        JsonNode pkg = JSON.readTree("""
                {"CFDocument": {"identifier": "%s", "title": "Long"},
                 "CFItems": [{"identifier": "00000000-0000-4000-8000-000000000001", "humanCodingScheme": "L1",
                              "fullStatement": "%s", "CFItemType": "%s"}]}"""
                .formatted(DOCUMENT, "s".repeat(12_000), "t".repeat(150)));

        Mapped mapped = CasePackageImport.map(pkg, FRAMEWORK, null);

        Competency item = mapped.content().competencies().get(0);
        assertThat(item.description()).hasSize(10_000).endsWith("…");
        assertThat(item.taxonomyLabel()).hasSize(100);
        assertThat(mapped.warnings()).anySatisfy(w -> assertThat(w).isEqualTo("CFItem"
                + " 00000000-0000-4000-8000-000000000001: fullStatement has 12000 characters; the first 10000 are"
                + " kept"));
    }

    /** A real-world package from the shared data folder next to the repository, or nothing when it is absent. */
    public static Optional<JsonNode> sharedData(String name) {
        for (String root : List.of("../../../shared/data", "../../../../shared/data")) {
            Path file = Path.of(root, name);
            if (Files.isRegularFile(file)) {
                return Optional.of(JSON.readTree(file.toFile()));
            }
        }
        return Optional.empty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"case-ccss-math-opensalt-sample.json", "case-v1p0-act-holistic-math-subset.json"})
    void keepsDocumentAndItemFieldsAndAssociationIds_whenARealPackageIsImportedExportedAndImportedAgain(String name) {
        Optional<JsonNode> file = sharedData(name);
        assumeTrue(file.isPresent(), "the shared data folder is absent");
        JsonNode original = file.get();
        FrameworkContent imported = CasePackageImport.map(original, FRAMEWORK, null).content();

        JsonNode exported = CasePackageExport.export(new CasePackageExport.Source(FRAMEWORK, 1, false,
                Instant.parse("2025-02-01T00:00:00Z"), imported), "https://frameworks.test/ims/case/v1p0");

        JsonNode document = original.path("CFDocument");
        JsonNode exportedDocument = exported.path("CFDocument");
        assertThat(exportedDocument.path("creator").asString()).isEqualTo(document.path("creator").asString());
        assertThat(exportedDocument.path("officialSourceURL").asString())
                .isEqualTo(document.path("officialSourceURL").asString(""));
        assertThat(Instant.parse(exportedDocument.path("lastChangeDateTime").asString()))
                .isEqualTo(CaseIds.instant(document.path("lastChangeDateTime").asString()));
        if (document.has("subject")) {
            assertThat(exportedDocument.path("subject").get(0).asString()).isEqualTo(document.path("subject")
                    .asString());
            assertThat(exportedDocument.path("subjectURI").findValuesAsString("identifier"))
                    .isEqualTo(document.path("subjectURL").findValuesAsString("identifier"));
        }
        Map<String, JsonNode> exportedItems = new HashMap<>();
        exported.path("CFItems").forEach(item -> exportedItems.put(item.path("humanCodingScheme").asString(), item));
        for (JsonNode item : original.path("CFItems")) {
            Competency competency = imported.competencies().stream()
                    .filter(c -> c.externalId().equals(item.path("identifier").asString())).findFirst().orElseThrow();
            JsonNode back = exportedItems.get(competency.code());
            assertThat(back.path("notes").asString("")).isEqualTo(item.path("notes").asString(""));
            assertThat(back.path("listEnumeration").asString("")).isEqualTo(item.path("listEnumeration").asString(""));
            assertThat(back.path("educationalLevel").isArray()).isEqualTo(item.has("educationalLevel"));
            if (item.has("educationalLevel")) {
                assertThat(back.path("educationalLevel").get(0).asString())
                        .isEqualTo(item.path("educationalLevel").asString());
            }
        }
        assertThat(exported.path("CFAssociations").findValuesAsString("associationType")).containsOnly("isChildOf");
        assertThat(new HashSet<>(identifiers(exported.path("CFAssociations"))))
                .isEqualTo(new HashSet<>(identifiers(original.path("CFAssociations"))));

        assertThat(CasePackageImport.map(exported, FRAMEWORK, imported).content()).isEqualTo(imported);
    }

    private static List<String> identifiers(JsonNode nodes) {
        List<String> identifiers = new ArrayList<>();
        nodes.forEach(node -> identifiers.add(node.path("identifier").asString()));
        return identifiers;
    }

    @Test
    void ordersSiblingsWithNumbersInCodesComparedAsNumbers_whenThereIsNoSequenceNumber() {
        Optional<JsonNode> file = sharedData("case-v1p0-act-holistic-math-subset.json");
        assumeTrue(file.isPresent(), "the shared data folder is absent");

        FrameworkContent content = CasePackageImport.map(file.get(), FRAMEWORK, null).content();

        List<String> levelOne = content.competencies().stream()
                .filter(c -> "H.A.MATH.GM.PF.2DFP.L1".equals(c.parentCode())).map(Competency::code).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            expected.add("H.A.MATH.GM.PF.2DFP.L1." + i);
        }
        assertThat(levelOne).containsExactlyElementsOf(expected);
    }

    @Test
    void reportsEachItemAndId_whenACycleOrDuplicateAssociationIdIsFound_andWarnsOfDatesWithoutOffset() {
        JsonNode pkg = JSON.readTree("""
                {"CFDocument": {"identifier": "%1$s", "title": "Loops", "lastChangeDateTime": "2024-05-01T10:00:00"},
                 "CFItems": [
                   {"identifier": "a0000000-0000-4000-8000-000000000001", "fullStatement": "A", "humanCodingScheme": "A"},
                   {"identifier": "a0000000-0000-4000-8000-000000000002", "fullStatement": "B", "humanCodingScheme": "B"},
                   {"identifier": "a0000000-0000-4000-8000-000000000003", "fullStatement": "C", "humanCodingScheme": "C"},
                   {"identifier": "a0000000-0000-4000-8000-000000000004", "fullStatement": "D", "humanCodingScheme": "D"}],
                 "CFAssociations": [
                   {"identifier": "b0000000-0000-4000-8000-000000000001", "associationType": "isChildOf",
                    "originNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000001"},
                    "destinationNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000002"}},
                   {"identifier": "b0000000-0000-4000-8000-000000000002", "associationType": "isChildOf",
                    "originNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000002"},
                    "destinationNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000003"}},
                   {"identifier": "b0000000-0000-4000-8000-000000000003", "associationType": "isChildOf",
                    "originNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000003"},
                    "destinationNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000001"}},
                   {"identifier": "b0000000-0000-4000-8000-000000000003", "associationType": "isChildOf",
                    "originNodeURI": {"identifier": "a0000000-0000-4000-8000-000000000004"},
                    "destinationNodeURI": {"identifier": "%1$s"}}]}""".formatted(DOCUMENT));

        Mapped mapped = CasePackageImport.map(pkg, FRAMEWORK, null);

        String cycle = "a0000000-0000-4000-8000-000000000001 -> a0000000-0000-4000-8000-000000000002 ->"
                + " a0000000-0000-4000-8000-000000000003 -> a0000000-0000-4000-8000-000000000001";
        assertThat(mapped.errors()).extracting(ItemError::identifier, ItemError::reason).containsExactly(
                tuple("b0000000-0000-4000-8000-000000000003", "the association identifier is used by an earlier"
                        + " association; this one is left out"),
                tuple("a0000000-0000-4000-8000-000000000001", "its isChildOf chain forms a cycle: " + cycle
                        + "; the item is placed at the root"),
                tuple("a0000000-0000-4000-8000-000000000002", "its isChildOf chain forms a cycle: " + cycle),
                tuple("a0000000-0000-4000-8000-000000000003", "its isChildOf chain forms a cycle: " + cycle));
        assertThat(mapped.warnings()).contains("1 date-time(s) have no UTC offset, such as '2024-05-01T10:00:00' of"
                + " CFDocument " + DOCUMENT + "; they are taken as UTC");
    }
}
