package dev.competency.frameworks.interop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.competency.frameworks.interop.CaseImporter.ImportReport;
import dev.competency.frameworks.web.WebSliceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.JsonNode;

class EscoImportControllerTest extends WebSliceTest {

    private static final String CSV = "conceptUri,preferredLabel,description\n"
            + "http://data.example.test/esco/skill/aaaaaaaa-1,programming,Writes programs\n";

    @Test
    void importsItAsACasePackage_whenEscoCsvIsUploaded() throws Exception {
        when(importer.importPackage(any(), eq(true), eq(false), eq(false), eq(null), eq("author-1"))).thenReturn(
                new ImportReport("fw-1", "esco-digital", "Digital skills", true, true, null, false, List.of(),
                        List.of(), List.of(), 0, List.of(), List.of(), false, List.of(), List.of(), 1));

        mvc.perform(post("/api/frameworks/esco/import?identifier=esco-digital&title=Digital skills&dryRun=true")
                        .header("Authorization", AUTHOR).contentType("text/csv").content(CSV))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documentIdentifier").value("esco-digital"));
        ArgumentCaptor<JsonNode> pkg = ArgumentCaptor.forClass(JsonNode.class);
        verify(importer).importPackage(pkg.capture(), eq(true), eq(false), eq(false), eq(null), eq("author-1"));
        assertThat(pkg.getValue().path("CFDocument").path("title").asString()).isEqualTo("Digital skills");
        assertThat(pkg.getValue().path("CFItems").get(0).path("abbreviatedStatement").asString())
                .isEqualTo("programming");
    }

    @Test
    void rejectsCsv_whenItIsNotAnEscoExportOrCallerIsNotAnAuthor() throws Exception {
        mvc.perform(post("/api/frameworks/esco/import?identifier=x").header("Authorization", AUTHOR)
                        .contentType("text/csv").content("name,age\nAda,36\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no column conceptUri")));
        mvc.perform(post("/api/frameworks/esco/import?identifier=x").header("Authorization", LEARNER)
                        .contentType("text/csv").content(CSV))
                .andExpect(status().isForbidden());
        verify(importer, never()).importPackage(any(), anyBoolean(), anyBoolean(), anyBoolean(), any(), any());
    }
}
