package dev.competency.assessments.rating.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.competency.assessments.learners.query.LearnerDirectory;
import dev.competency.assessments.support.AccessPolicySlice;
import dev.competency.platform.test.TestTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

@WebMvcTest(controllers = RatingController.class)
@Import(AccessPolicySlice.class)
class RatingControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;
    @MockitoBean
    LearnerDirectory learners;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"frameworkVersion\":null,", "\"frameworkVersion\":0,", "\"frameworkVersion\":-2,"})
    void refusesRatingNamingFrameworkVersion_whenItIsMissingOrNotPositive(String version) throws Exception {
        String body = "{\"frameworkId\":\"fw-1\"," + version
                + "\"competencyId\":\"c-1\",\"level\":\"NOVICE\",\"reason\":\"seen at work\"}";

        mvc.perform(post("/api/assessments/learners/learner-1/ratings")
                        .header("Authorization", "Bearer " + TestTokens.token("admin-1", "ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("frameworkVersion"));
        verify(commands, never()).sendAndWait(any());
    }
}
