package dev.competency.frameworks.interop.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.competency.frameworks.framework.domain.Contents;
import dev.competency.frameworks.framework.domain.FrameworkContent;
import dev.competency.frameworks.framework.domain.FrameworkStatus;
import dev.competency.frameworks.framework.query.FrameworkCatalogue.FrameworkSummary;
import dev.competency.frameworks.framework.query.FrameworkCatalogue.VersionView;
import dev.competency.frameworks.framework.query.FrameworkId;
import dev.competency.frameworks.interop.CaseImporter.ImportReport;
import dev.competency.frameworks.interop.CaseImporter.ItemRef;
import dev.competency.frameworks.interop.casefile.BrokenCasePackage;
import dev.competency.frameworks.interop.casefile.CasePackageImport.ItemError;
import dev.competency.frameworks.interop.casefile.UnusableCasePackage;
import dev.competency.frameworks.web.WebSliceTest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class CaseControllersTest extends WebSliceTest {

    private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");
    private static final FrameworkContent CONTENT = Contents.stored("fw-1", Contents.valid());
    private static final String PACKAGE = "{\"CFDocument\": {\"identifier\": \"d-1\", \"title\": \"T\"}}";
    private static final String FRAMEWORK_ID = "3f9e1a52-7b1c-4c55-9d3e-2a8b6c0d1e2f";

    private void published(FrameworkStatus status) {
        VersionView view = new VersionView(FRAMEWORK_ID, "DEV", 1, status, 1, AT, "author-1", AT, CONTENT);
        when(frameworks.version(new FrameworkId(FRAMEWORK_ID), 1)).thenReturn(Optional.of(view));
        when(frameworks.latestPublishedVersions()).thenReturn(status == FrameworkStatus.DRAFT ? List.of()
                : List.of(view));
    }

    @Test
    void answersTheReportWithItemsErrorsAndWarnings_whenAPackageIsImportedAsADryRun() throws Exception {
        when(importer.importPackage(any(), eq(true), eq(false), eq(false), eq(null), eq("author-1"))).thenReturn(
                new ImportReport(FRAMEWORK_ID, "d-1", "T", true, true, null, false,
                        List.of(new ItemRef("i-1", "A.1", "First")), List.of(), List.of(), 0, List.of(), List.of(),
                        false, List.of("CFItem i-1 has no lastChangeDateTime; it counts as changed"),
                        List.of(new ItemError("i-2", "the item has no fullStatement")), 3));

        mvc.perform(post("/api/frameworks/case/import?dryRun=true").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content(PACKAGE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created[0].identifier").value("i-1"))
                .andExpect(jsonPath("$.errors[0].identifier").value("i-2"))
                .andExpect(jsonPath("$.errors[0].reason").value("the item has no fullStatement"))
                .andExpect(jsonPath("$.warnings[0]").value("CFItem i-1 has no lastChangeDateTime; it counts as"
                        + " changed"));
    }

    @Test
    void rejectsImport_whenPackageIsUnusableOrCallerIsNotAnAuthor() throws Exception {
        when(importer.importPackage(any(), anyBoolean(), anyBoolean(), anyBoolean(), any(), any()))
                .thenThrow(new UnusableCasePackage("the package has no CFDocument object"));

        mvc.perform(post("/api/frameworks/case/import").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("the package has no CFDocument object"));
        mvc.perform(post("/api/frameworks/case/import").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/frameworks/case/import").header("Authorization", LEARNER)
                        .contentType(MediaType.APPLICATION_JSON).content(PACKAGE))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/frameworks/case/import").contentType(MediaType.APPLICATION_JSON).content(PACKAGE))
                .andExpect(status().isUnauthorized());
        verify(importer, never()).importPackage(any(), anyBoolean(), anyBoolean(), anyBoolean(), any(), eq("learner-1"));
    }

    @Test
    void exportsACasePackage_whenAVersionIsPublished() throws Exception {
        published(FrameworkStatus.PUBLISHED);

        mvc.perform(get("/api/frameworks/" + FRAMEWORK_ID + "/versions/1/case").header("Authorization", LEARNER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.CFDocument.identifier").value(FRAMEWORK_ID))
                .andExpect(jsonPath("$.CFDocument.uri").value("https://frameworks.test/ims/case/v1p0/CFDocuments/"
                        + FRAMEWORK_ID))
                .andExpect(jsonPath("$.CFItems.length()").value(4))
                .andExpect(jsonPath("$.CFItems[1].humanCodingScheme").value("DEV.API.1"))
                .andExpect(jsonPath("$.CFAssociations.length()").value(6))
                .andExpect(jsonPath("$.CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels[2].feedback")
                        .value("mastery level"));
    }

    @Test
    void refusesExport_whenVersionIsADraftOrUnknown() throws Exception {
        published(FrameworkStatus.DRAFT);
        when(frameworks.version(new FrameworkId(FRAMEWORK_ID), 2)).thenReturn(Optional.empty());

        mvc.perform(get("/api/frameworks/" + FRAMEWORK_ID + "/versions/1/case").header("Authorization", LEARNER))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/frameworks/" + FRAMEWORK_ID + "/versions/2/case").header("Authorization", LEARNER))
                .andExpect(status().isNotFound());
    }

    @Test
    void servesDocumentsPackagesItemsAndAssociations_whenAskedThroughCase() throws Exception {
        published(FrameworkStatus.PUBLISHED);
        String itemId = CONTENT.competencies().get(1).id();

        mvc.perform(get("/ims/case/v1p0/CFDocuments").header("Authorization", LEARNER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.CFDocuments[0].identifier").value(FRAMEWORK_ID))
                .andExpect(jsonPath("$.CFDocuments[0].adoptionStatus").value("Implemented"));
        mvc.perform(get("/ims/case/v1p0/CFDocuments/" + FRAMEWORK_ID).header("Authorization", LEARNER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Backend engineering"));
        mvc.perform(get("/ims/case/v1p0/CFPackages/" + FRAMEWORK_ID).header("Authorization", LEARNER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.CFItems.length()").value(4));
        mvc.perform(get("/ims/case/v1p0/CFItems/" + itemId).header("Authorization", LEARNER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.humanCodingScheme").value("DEV.API.1"));
        String body = mvc.perform(get("/ims/case/v1p0/CFPackages/" + FRAMEWORK_ID).header("Authorization", LEARNER))
                .andReturn().getResponse().getContentAsString();
        String association = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body)
                .path("CFAssociations").get(4).path("identifier").asString();
        mvc.perform(get("/ims/case/v1p0/CFAssociations/" + association).header("Authorization", LEARNER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.associationType").value("precedes"));
    }

    @Test
    void answersNotFoundOrUnauthorized_whenACaseEndpointIsAskedWrongly() throws Exception {
        published(FrameworkStatus.PUBLISHED);

        mvc.perform(get("/ims/case/v1p0/CFPackages/unknown").header("Authorization", LEARNER))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No CFDocument unknown"));
        mvc.perform(get("/ims/case/v1p0/CFItems/unknown").header("Authorization", LEARNER))
                .andExpect(status().isNotFound());
        mvc.perform(get("/ims/case/v1p0/CFAssociations/unknown").header("Authorization", LEARNER))
                .andExpect(status().isNotFound());
        mvc.perform(get("/ims/case/v1p0/CFDocuments")).andExpect(status().isUnauthorized());
    }

    @Test
    void refusesBrokenPackageAsUnprocessableListingEveryErrorAndWarning_whenNotLenient() throws Exception {
        when(importer.importPackage(any(), eq(false), eq(false), eq(false), eq(null), eq("author-1"))).thenThrow(
                new BrokenCasePackage("d-1", List.of(new ItemError("i-1", "its isChildOf chain forms a cycle: i-1"
                        + " -> i-2 -> i-1; the item is placed at the root"), new ItemError("i-2", "its isChildOf chain"
                        + " forms a cycle: i-1 -> i-2 -> i-1")), List.of("1 date-time(s) have no UTC offset")));
        when(importer.importPackage(any(), eq(false), eq(false), eq(true), eq(null), eq("author-1"))).thenReturn(
                new ImportReport(FRAMEWORK_ID, "d-1", "T", false, true, 1, false, List.of(), List.of(), List.of(), 0,
                        List.of(), List.of(), false, List.of(), List.of(new ItemError("i-1", "cycle")), 3));

        mvc.perform(post("/api/frameworks/case/import").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content(PACKAGE))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/case-package-has-errors"))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[1].identifier").value("i-2"))
                .andExpect(jsonPath("$.warnings[0]").value("1 date-time(s) have no UTC offset"));
        mvc.perform(post("/api/frameworks/case/import?lenient=true").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content(PACKAGE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errors[0].identifier").value("i-1"));
    }

    @Test
    void servesAPackageByItsForeignIdentifier_whenPercentEncodedInTheQuery() throws Exception {
        published(FrameworkStatus.PUBLISHED);
        String foreign = "http://purl.example.test/resources/D100";
        when(frameworks.findByCaseIdentifier(foreign)).thenReturn(Optional.of(new FrameworkSummary(FRAMEWORK_ID,
                "DEV", "Backend engineering", null, foreign, FrameworkStatus.PUBLISHED, 1, 1, List.of())));

        mvc.perform(get("/ims/case/v1p0/CFPackages").param("identifier", foreign).header("Authorization", LEARNER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.CFItems.length()").value(4));
        mvc.perform(get("/ims/case/v1p0/CFDocuments").param("identifier", foreign).header("Authorization", LEARNER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Backend engineering"));
        mvc.perform(get("/ims/case/v1p0/CFPackages").param("identifier", "http://elsewhere.test/D9")
                        .header("Authorization", LEARNER))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
        mvc.perform(get("/ims/case/v1p0/CFPackages").param("identifier", "x\u0000")
                        .header("Authorization", LEARNER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"));
    }
}
