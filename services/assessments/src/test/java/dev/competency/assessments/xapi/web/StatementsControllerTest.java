package dev.competency.assessments.xapi.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.competency.assessments.support.AccessPolicySlice;
import dev.competency.assessments.learners.query.LearnerDirectory;
import dev.competency.assessments.provider.query.ActivityProviderClients;
import dev.competency.assessments.xapi.query.StatementStore;
import dev.competency.platform.test.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The statements resource's answers to malformed query parameters: 400 with the parameter named, never 500. */
@WebMvcTest(controllers = StatementsController.class, properties = "assessments.xapi.lrs-home-page=https://lrs.test")
@Import({XapiSecurityConfiguration.class, AccessPolicySlice.class})
class StatementsControllerTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ADMIN = "Bearer " + TestTokens.token("admin-1", "ADMIN");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    StatementIntake intake;
    @MockitoBean
    StatementStore store;
    @MockitoBean
    ActivityProviderClients clients;
    @MockitoBean
    LearnerDirectory learners;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @BeforeEach
    void consistency() {
        when(store.consistentThrough()).thenReturn(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"mbox\":{\"x\":1}}", "[{\"mbox\":\"mailto:a@example.com\"}]",
            "{\"account\":{\"homePage\":[\"https://lms.example.com\"],\"name\":\"a\"}}",
            "{\"account\":{\"homePage\":\"https://lms.example.com\",\"name\":{\"n\":1}}}",
            "{\"openid\":7}", "{\"mbox_sha1sum\":[1]}", "\"mailto:a@example.com\"", "{\"objectType\":\"Group\"}",
            "{\"mbox\":\"mailto:a@example.com\",\"openid\":\"https://id.example.com/a\"}", "null", ""})
    void answersBadRequestNamingAgent_whenAgentFilterIsMalformed(String agent) throws Exception {
        mvc.perform(get("/xapi/statements").param("agent", agent).header("Authorization", ADMIN)
                        .header("X-Experience-API-Version", "2.0.0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("agent")));
        verify(store, never()).query(any(), any(), any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"verb=not an iri", "activity=no-scheme", "verb=", "related_agents=yes",
            "ascending=1", "attachments=maybe", "limit=-1", "limit=ten", "limit=99999999999", "format=full",
            "since=yesterday", "until=2026-13-01T00:00:00Z", "registration=123", "more=%%%",
            "more=e30", "more=eyJxdWVyeSI6bnVsbH0", "statementId=abc", "voidedStatementId=",
            "statementId=7a2b3c4d-0000-4000-8000-000000000001&format=everything"})
    void answersBadRequest_whenQueryParameterIsMalformed(String query) throws Exception {
        mvc.perform(get("/xapi/statements?" + query).header("Authorization", ADMIN)
                        .header("X-Experience-API-Version", "2.0.0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"));
        verify(store, never()).query(any(), any(), any());
    }

    @Test
    void sendsConsistentThrough_whenRequestIsRefusedOrStatementIsUnknown() throws Exception {
        when(store.find(any())).thenReturn(Optional.empty());

        mvc.perform(get("/xapi/statements").param("statementId", "7a2b3c4d-0000-4000-8000-000000000001")
                        .header("Authorization", ADMIN).header("X-Experience-API-Version", "2.0.0"))
                .andExpect(status().isNotFound())
                .andExpect(header().string("X-Experience-API-Consistent-Through", "2026-12-01T10:00:00Z"));
        mvc.perform(get("/xapi/statements").param("limit", "-1")
                        .header("Authorization", ADMIN).header("X-Experience-API-Version", "2.0.0"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("X-Experience-API-Consistent-Through", "2026-12-01T10:00:00Z"));
        mvc.perform(put("/xapi/statements").contentType(MediaType.APPLICATION_JSON).content("{}")
                        .header("Authorization", ADMIN).header("X-Experience-API-Version", "2.0.0"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("X-Experience-API-Consistent-Through", "2026-12-01T10:00:00Z"));
        mvc.perform(get("/xapi/statements").header("Authorization", ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("X-Experience-API-Consistent-Through", "2026-12-01T10:00:00Z"));
    }

    @Test
    void sendsLastModifiedOfStoredInstant_whenOneStatementIsRead() throws Exception {
        String id = "7a2b3c4d-0000-4000-8000-000000000002";
        when(store.find(id)).thenReturn(Optional.of(new StatementStore.StoredStatement(id,
                JSON.readTree("{\"id\":\"" + id + "\",\"stored\":\"2026-11-30T08:15:30.250Z\"}"), false, null,
                StatementStore.EvidenceState.NONE, null, Instant.parse("2026-11-30T08:15:30.250Z"))));

        mvc.perform(get("/xapi/statements").param("statementId", id)
                        .header("Authorization", ADMIN).header("X-Experience-API-Version", "2.0.0"))
                .andExpect(status().isOk())
                .andExpect(header().string("Last-Modified", "Mon, 30 Nov 2026 08:15:30 GMT"))
                .andExpect(jsonPath("$.id").value(id));
    }

    static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
