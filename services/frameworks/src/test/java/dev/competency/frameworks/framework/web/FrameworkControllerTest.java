package dev.competency.frameworks.framework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.competency.frameworks.framework.domain.Contents;
import dev.competency.frameworks.framework.domain.CreateFramework;
import dev.competency.frameworks.framework.domain.EditFramework;
import dev.competency.frameworks.framework.domain.FrameworkContent;
import dev.competency.frameworks.framework.domain.FrameworkRules;
import dev.competency.frameworks.framework.domain.FrameworkStatus;
import dev.competency.platform.service.error.BrokenRules;
import dev.competency.frameworks.framework.domain.PublishFramework;
import dev.competency.frameworks.framework.domain.RetireFramework;
import dev.competency.frameworks.framework.query.FrameworkCatalogue.CompetencyHit;
import dev.competency.frameworks.framework.query.FrameworkCatalogue.FrameworkSummary;
import dev.competency.frameworks.framework.query.FrameworkCatalogue.VersionState;
import dev.competency.frameworks.framework.query.FrameworkCatalogue.VersionView;
import dev.competency.frameworks.framework.query.FrameworkId;
import dev.competency.frameworks.web.WebSliceTest;
import dev.competency.platform.service.axon.ReadModelBehind;
import dev.competency.platform.service.error.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FrameworkControllerTest extends WebSliceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");
    private static final FrameworkSummary DRAFT = new FrameworkSummary("fw-1", "DEV", "Backend", null, null,
            FrameworkStatus.DRAFT, 1, 0, List.of(new VersionState(1, FrameworkStatus.DRAFT)));
    private static final FrameworkContent V1 = Contents.stored("fw-1", Contents.valid());
    private static final FrameworkContent V2 = Contents.stored("fw-1", Contents.withTitle(Contents.valid(), "New"));

    private void known(FrameworkSummary summary) {
        when(frameworks.find(new FrameworkId("fw-1"))).thenReturn(Optional.of(summary));
    }

    private void version(int version, FrameworkStatus status, FrameworkContent content) {
        when(frameworks.version(new FrameworkId("fw-1"), version)).thenReturn(Optional.of(new VersionView("fw-1",
                "DEV", version, status, 1, AT, "author-1", AT, content)));
    }

    @Test
    void createsFramework_whenAuthorPostsIt() throws Exception {
        when(frameworks.find(any())).thenReturn(Optional.of(DRAFT));

        mvc.perform(post("/api/frameworks").header("Authorization", AUTHOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"DEV\", \"title\": \"Backend\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/frameworks/")))
                .andExpect(jsonPath("$.status").value("DRAFT"));
        ArgumentCaptor<CreateFramework> sent = ArgumentCaptor.forClass(CreateFramework.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().createdBy()).isEqualTo("author-1");
        assertThat(sent.getValue().code()).isEqualTo("DEV");
    }

    @Test
    void rejectsCreationWithForbidden_whenCallerIsNotAnAuthor() throws Exception {
        mvc.perform(post("/api/frameworks").header("Authorization", LEARNER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"DEV\", \"title\": \"Backend\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void answersReadModelBehindWithRetryAfterAndSendsNothing_whenReadModelsDoNotCatchUpBeforeTheWrite()
            throws Exception {
        known(DRAFT);
        doThrow(new ReadModelBehind("The read models have not caught up")).when(readYourWrites).awaitCurrent();

        mvc.perform(post("/api/frameworks/fw-1/publication").header("Authorization", AUTHOR))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(jsonPath("$.type").value("/problems/read-model-behind"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void answersReadModelBehind_whenTheWriteIsStoredButDoesNotShowInTime() throws Exception {
        known(DRAFT);
        doAnswer(call -> {
            call.<Supplier<?>>getArgument(0).get();
            throw new ReadModelBehind("the change is stored, read it again shortly");
        }).when(readYourWrites).afterWrite(any());

        mvc.perform(post("/api/frameworks/fw-1/publication").header("Authorization", AUTHOR))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value("the change is stored, read it again shortly"));
        verify(commands).sendAndWait(new PublishFramework("fw-1", "author-1"));
    }

    @Test
    void rejectsRequestWithUnauthorized_whenTokenIsMissing() throws Exception {
        mvc.perform(get("/api/frameworks")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/frameworks").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void answersBadRequest_whenCodeBreaksTheRule() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new BrokenRules("code must be upper-case"));

        mvc.perform(post("/api/frameworks").header("Authorization", AUTHOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"dev\", \"title\": \"Backend\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.detail").value("code must be upper-case"));
    }

    @Test
    void listsMatchingFrameworks_whenSearchedByTextOrCode() throws Exception {
        when(frameworks.list("back", "DEV")).thenReturn(List.of(DRAFT));

        mvc.perform(get("/api/frameworks?q=back&code=DEV").header("Authorization", LEARNER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].frameworkId").value("fw-1"));
    }

    @Test
    void answersNotFound_whenFrameworkIsUnknown() throws Exception {
        when(frameworks.find(new FrameworkId("fw-404"))).thenReturn(Optional.empty());

        mvc.perform(get("/api/frameworks/fw-404").header("Authorization", LEARNER))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.detail").value("No framework fw-404"));
        mvc.perform(put("/api/frameworks/fw-404/draft").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Contents.valid())))
                .andExpect(status().isNotFound());
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void refusesFrameworkId_whenItIsBlank() throws Exception {
        mvc.perform(get("/api/frameworks/{frameworkId}/versions/1", " ").header("Authorization", LEARNER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.detail").value("parameter 'frameworkId' has an invalid value ' '"));
        verify(frameworks, never()).version(any(), anyInt());
    }

    @Test
    void sendsTheEditAndAnswersTheLatestVersion_whenAnAuthorEditsTheDraft() throws Exception {
        known(DRAFT);
        version(1, FrameworkStatus.DRAFT, V1);

        mvc.perform(put("/api/frameworks/fw-1/draft").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Contents.valid())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.content.competencies.length()").value(4));
        ArgumentCaptor<EditFramework> sent = ArgumentCaptor.forClass(EditFramework.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().content()).isEqualTo(Contents.valid());
    }

    @Test
    void listsEveryBrokenRule_whenDraftIsInvalid() throws Exception {
        known(DRAFT);
        when(commands.sendAndWait(any())).thenThrow(new BrokenRules(List.of(
                "competency 'DEV.API': duplicate code", "scale level 'B': threshold must be in [0, 1] but was 1.2")));

        mvc.perform(put("/api/frameworks/fw-1/draft").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Contents.valid())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("2 rules are broken")))
                .andExpect(jsonPath("$.errors[0]").value("competency 'DEV.API': duplicate code"))
                .andExpect(jsonPath("$.errors[1]").value("scale level 'B': threshold must be in [0, 1] but was 1.2"));
    }

    @Test
    void namesTheField_whenDraftHasAValueOfTheWrongType() throws Exception {
        known(DRAFT);

        mvc.perform(put("/api/frameworks/fw-1/draft").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"competencies\": \"many\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("competencies")));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void answersConflict_whenEditingARetiredFramework() throws Exception {
        known(DRAFT);
        when(commands.sendAndWait(any())).thenThrow(Refusal.conflict(
                "framework fw-1 is retired and can no longer be edited"));

        mvc.perform(put("/api/frameworks/fw-1/draft").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Contents.valid())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/conflict"))
                .andExpect(jsonPath("$.detail").value("framework fw-1 is retired and can no longer be edited"));
    }

    @Test
    void publishesDraft_whenAuthorAsks() throws Exception {
        known(new FrameworkSummary("fw-1", "DEV", "Backend", null, null, FrameworkStatus.PUBLISHED, 1, 1, List.of()));
        version(1, FrameworkStatus.PUBLISHED, V1);

        mvc.perform(post("/api/frameworks/fw-1/publication").header("Authorization", AUTHOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        verify(commands).sendAndWait(new PublishFramework("fw-1", "author-1"));
    }

    @Test
    void answersConflict_whenThereIsNoDraftToPublish() throws Exception {
        known(DRAFT);
        when(commands.sendAndWait(any())).thenThrow(Refusal.conflict("framework fw-1 has no draft to"
                + " publish"));

        mvc.perform(post("/api/frameworks/fw-1/publication").header("Authorization", AUTHOR))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("framework fw-1 has no draft to publish"));
    }

    @Test
    void rejectsPublicationWithForbidden_whenCallerIsALearner() throws Exception {
        known(DRAFT);

        mvc.perform(post("/api/frameworks/fw-1/publication").header("Authorization", LEARNER))
                .andExpect(status().isForbidden());
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void recordsTheReason_whenAFrameworkIsRetired() throws Exception {
        known(DRAFT);

        mvc.perform(post("/api/frameworks/fw-1/retirement").header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"replaced\"}"))
                .andExpect(status().isOk());
        verify(commands).sendAndWait(new RetireFramework("fw-1", "admin-1", "replaced"));
    }

    @Test
    void answersConflict_whenRetiringAFrameworkThatWasNeverPublished() throws Exception {
        known(DRAFT);
        when(commands.sendAndWait(any())).thenThrow(Refusal.conflict("framework fw-1 was never published;"
                + " there is nothing to retire"));

        mvc.perform(post("/api/frameworks/fw-1/retirement").header("Authorization", AUTHOR))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("never published")));
        mvc.perform(post("/api/frameworks/fw-1/retirement").header("Authorization", LEARNER))
                .andExpect(status().isForbidden());
    }

    @Test
    void answersTheVersion_whenItExists_andNotFoundOtherwise() throws Exception {
        version(1, FrameworkStatus.PUBLISHED, V1);
        when(frameworks.version(new FrameworkId("fw-1"), 7)).thenReturn(Optional.empty());

        mvc.perform(get("/api/frameworks/fw-1/versions/1").header("Authorization", LEARNER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.competencies[1].code").value("DEV.API.1"))
                .andExpect(jsonPath("$.content.scale.levels[2].mastery").value(true));
        mvc.perform(get("/api/frameworks/fw-1/versions/7").header("Authorization", LEARNER))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No version 7 of framework fw-1"));
        mvc.perform(get("/api/frameworks/fw-1/versions/seven").header("Authorization", LEARNER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"));
    }

    @Test
    void answersTheTreeWithChildrenInOrder_whenAVersionIsAskedFor() throws Exception {
        version(1, FrameworkStatus.PUBLISHED, V1);

        mvc.perform(get("/api/frameworks/fw-1/versions/1/tree").header("Authorization", LEARNER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roots.length()").value(2))
                .andExpect(jsonPath("$.roots[0].code").value("DEV.API"))
                .andExpect(jsonPath("$.roots[0].children[1].code").value("DEV.API.2"))
                .andExpect(jsonPath("$.roots[0].children[1].position").value(1))
                .andExpect(jsonPath("$.roots[1].children.length()").value(0));
    }

    @Test
    void answersTheDiff_whenBothVersionsExist_andNotFoundOtherwise() throws Exception {
        version(1, FrameworkStatus.PUBLISHED, V1);
        version(2, FrameworkStatus.DRAFT, V2);
        when(frameworks.version(new FrameworkId("fw-1"), 3)).thenReturn(Optional.empty());

        mvc.perform(get("/api/frameworks/fw-1/diff?from=1&to=2").header("Authorization", LEARNER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.frameworkFieldsChanged[0]").value("title"))
                .andExpect(jsonPath("$.added.length()").value(0));
        mvc.perform(get("/api/frameworks/fw-1/diff?from=1&to=3").header("Authorization", LEARNER))
                .andExpect(status().isNotFound());
    }

    @Test
    void findsCompetencies_whenSearchedByTextCodeFrameworkOrVersion() throws Exception {
        when(frameworks.competencies("api", "DEV.API.1", new FrameworkId("fw-1"), 2)).thenReturn(List.of(
                new CompetencyHit("fw-1", 2, FrameworkStatus.PUBLISHED, "c-1", "DEV.API.1", "Designs APIs", null,
                        "DEV.API", null)));

        mvc.perform(get("/api/frameworks/competencies?q=api&code=DEV.API.1&frameworkId=fw-1&version=2")
                        .header("Authorization", LEARNER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("c-1"));
    }
    @Test
    void refusesSearchParametersWithBadRequestNamingTheParameter_whenTheyHoldControlCharactersOrAreTooLong()
            throws Exception {
        mvc.perform(get("/api/frameworks").param("q", "\u0000").header("Authorization", LEARNER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.detail").value(containsString("parameter 'q'")));
        mvc.perform(get("/api/frameworks").param("code", "DEV\u0007").header("Authorization", LEARNER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("parameter 'code'")));
        mvc.perform(get("/api/frameworks").param("q", "a".repeat(201)).header("Authorization", LEARNER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("at most 200 characters")));
        mvc.perform(get("/api/frameworks/competencies").param("q", "api\u0000").header("Authorization", LEARNER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("parameter 'q'")));
        mvc.perform(get("/api/frameworks/competencies").param("frameworkId", "f".repeat(101))
                        .header("Authorization", LEARNER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("parameter 'frameworkId'")));
        mvc.perform(get("/api/frameworks/role-profiles").param("frameworkId", "\u0000")
                        .header("Authorization", LEARNER))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/frameworks/learning-resources").param("frameworkId", "\u001b")
                        .header("Authorization", LEARNER))
                .andExpect(status().isBadRequest());
        verify(frameworks, never()).list(any(), any());
        verify(frameworks, never()).competencies(any(), any(), any(), any());
    }

    @Test
    void namesTheFieldWithoutJavaTypeNames_whenABodyValueHasTheWrongType() throws Exception {
        known(DRAFT);

        String created = mvc.perform(post("/api/frameworks").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\": [\"DEV\"], \"title\": \"B\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].message").value("must be text"))
                .andReturn().getResponse().getContentAsString();
        assertThat(created).doesNotContain("dev.competency", "java.", "Cannot deserialize", "$");

        String position = mvc.perform(put("/api/frameworks/fw-1/draft").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"B\", \"competencies\": [{\"code\": \"A\", \"title\": \"A\","
                                + " \"position\": \"first\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("competencies[0].position"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a whole number"))
                .andExpect(jsonPath("$.detail").value(containsString("competencies[0].position")))
                .andReturn().getResponse().getContentAsString();
        assertThat(position).doesNotContain("dev.competency", "java.", "Integer");

        String method = mvc.perform(put("/api/frameworks/fw-1/draft").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"B\", \"policy\": {\"method\": {\"type\": \"MAGIC\"}}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("policy.method.type"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("HIGHEST")))
                .andReturn().getResponse().getContentAsString();
        assertThat(method).doesNotContain("dev.competency", "MethodType");

        String syntax = mvc.perform(post("/api/frameworks").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("not valid JSON")))
                .andReturn().getResponse().getContentAsString();
        assertThat(syntax).doesNotContain("dev.competency", "java.", "tools.jackson");
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void answersTheWholeTree_whenTheVersionIsAtTheMaximumDepth() throws Exception {
        version(1, FrameworkStatus.PUBLISHED, Contents.stored("fw-1", Contents.chain(FrameworkRules.MAX_DEPTH)));

        String body = mvc.perform(get("/api/frameworks/fw-1/versions/1/tree").header("Authorization", LEARNER))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        JsonNode node = JSON.readTree(body).path("roots").get(0);
        int depth = 1;
        while (!node.path("children").isEmpty()) {
            node = node.path("children").get(0);
            depth++;
        }
        assertThat(depth).isEqualTo(FrameworkRules.MAX_DEPTH);
        assertThat(node.path("code").asString()).isEqualTo("C" + FrameworkRules.MAX_DEPTH);
    }

    @Test
    void refusesTheTreeInsteadOfTruncatingIt_whenAStoredVersionIsDeeperThanTheMaximum() throws Exception {
        FrameworkContent deep = Contents.withCompetencies(Contents.valid(), Contents.chain(400).competencies());
        version(1, FrameworkStatus.PUBLISHED, deep);

        mvc.perform(get("/api/frameworks/fw-1/versions/1/tree").header("Authorization", LEARNER))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("/problems/unprocessable"))
                .andExpect(jsonPath("$.detail").value(containsString("400 levels")));
    }
}
