package dev.competency.frameworks.roleprofile.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.competency.platform.service.error.BrokenRules;
import dev.competency.frameworks.roleprofile.domain.DefineRoleProfile;
import dev.competency.frameworks.roleprofile.domain.PublishRoleProfile;
import dev.competency.frameworks.roleprofile.domain.Requirement;
import dev.competency.frameworks.roleprofile.domain.RoleProfileDefinition;
import dev.competency.frameworks.roleprofile.query.RoleProfileCatalogue.RoleProfileView;
import dev.competency.frameworks.web.WebSliceTest;
import dev.competency.platform.service.error.Refusal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class RoleProfileControllerTest extends WebSliceTest {

    private static final RoleProfileDefinition DEFINITION = new RoleProfileDefinition("Backend Engineer II", null,
            "fw-1", 2, List.of(new Requirement("c-1", "PROFICIENT", 2.0)));
    private static final String BODY = """
            {"title": "Backend Engineer II", "frameworkId": "fw-1", "frameworkVersion": 2,
             "requirements": [{"competencyId": "c-1", "targetLevel": "PROFICIENT", "weight": 2.0}]}""";
    private static final RoleProfileView VIEW = new RoleProfileView("rp-1", "Backend Engineer II", "fw-1", 1, 0,
            DEFINITION, null);

    @Test
    void createsRoleProfile_whenAuthorPostsIt() throws Exception {
        when(roleProfiles.find(any())).thenReturn(Optional.of(VIEW));

        mvc.perform(post("/api/frameworks/role-profiles").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.draft.requirements[0].targetLevel").value("PROFICIENT"));
    }

    @Test
    void rejectsDefinitionWithForbiddenOrUnauthorized_whenCallerMayNotWrite() throws Exception {
        mvc.perform(post("/api/frameworks/role-profiles").header("Authorization", LEARNER)
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/frameworks/role-profiles").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isUnauthorized());
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void redefinesARoleProfile_whenItExists_andAnswersNotFoundOtherwise() throws Exception {
        when(roleProfiles.find("rp-1")).thenReturn(Optional.of(VIEW));
        when(roleProfiles.find("rp-404")).thenReturn(Optional.empty());

        mvc.perform(put("/api/frameworks/role-profiles/rp-1").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isOk());
        verify(commands).sendAndWait(new DefineRoleProfile("rp-1", DEFINITION, "author-1"));
        mvc.perform(put("/api/frameworks/role-profiles/rp-404").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No role profile rp-404"));
    }

    @Test
    void answersBadRequest_whenRequirementsBreakRules() throws Exception {
        when(roleProfiles.find("rp-1")).thenReturn(Optional.of(VIEW));
        when(commands.sendAndWait(any())).thenThrow(new BrokenRules(List.of(
                "requirement 'c-9': not a competency of framework fw-1 version 2")));

        mvc.perform(put("/api/frameworks/role-profiles/rp-1").header("Authorization", AUTHOR)
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0]").value("requirement 'c-9': not a competency of framework fw-1"
                        + " version 2"));
    }

    @Test
    void publishesARoleProfile_whenItIsADraft_andAnswersConflictOtherwise() throws Exception {
        when(roleProfiles.find("rp-1")).thenReturn(Optional.of(VIEW));

        mvc.perform(post("/api/frameworks/role-profiles/rp-1/publication").header("Authorization", AUTHOR))
                .andExpect(status().isOk());
        verify(commands).sendAndWait(new PublishRoleProfile("rp-1", "author-1"));

        when(commands.sendAndWait(any())).thenThrow(Refusal.conflict("role profile rp-1 has no draft"));
        mvc.perform(post("/api/frameworks/role-profiles/rp-1/publication").header("Authorization", AUTHOR))
                .andExpect(status().isConflict());
    }

    @Test
    void answersRoleProfiles_whenAnySignedInCallerAsks() throws Exception {
        when(roleProfiles.find("rp-1")).thenReturn(Optional.of(VIEW));
        when(roleProfiles.list("fw-1")).thenReturn(List.of(VIEW));

        mvc.perform(get("/api/frameworks/role-profiles/rp-1").header("Authorization", LEARNER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roleProfileId").value("rp-1"));
        mvc.perform(get("/api/frameworks/role-profiles?frameworkId=fw-1").header("Authorization", LEARNER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].title").value("Backend Engineer II"));
    }
}
