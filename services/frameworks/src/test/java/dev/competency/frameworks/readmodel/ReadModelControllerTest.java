package dev.competency.frameworks.readmodel;

import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.competency.frameworks.web.WebSliceTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadModelControllerTest extends WebSliceTest {

    @Test
    void rebuildsReadModels_whenAnAdminAsks() throws Exception {
        when(rebuild.rebuild()).thenReturn(new ReadModelRebuild.Result(List.of("FrameworkCatalogue"), 42,
                Instant.parse("2026-11-28T10:00:00Z"), 120));

        mvc.perform(post("/api/frameworks/admin/rebuild").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eventsReplayed").value(42));
    }

    @Test
    void refusesRebuild_whenCallerIsNotAnAdmin() throws Exception {
        mvc.perform(post("/api/frameworks/admin/rebuild").header("Authorization", AUTHOR))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/frameworks/admin/rebuild")).andExpect(status().isUnauthorized());
        verify(rebuild, never()).rebuild();
    }
}
