package dev.competency.frameworks.readmodel;

import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.competency.frameworks.web.WebSliceTest;
import dev.competency.platform.service.axon.ReadModelBehind;
import dev.competency.platform.service.axon.ReadModelRebuild;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

class ReadModelControllerTest extends WebSliceTest {

    private static final Instant STARTED = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void answersWhatWasRebuilt_whenTheRebuildCatchesUpWhileTheAdminWaits() throws Exception {
        when(rebuild.rebuild()).thenReturn(progress(false, 10L));
        when(rebuild.status()).thenReturn(progress(true, 41L));
        when(eventStore.createTailToken()).thenReturn(GapAwareTrackingToken.newInstance(-1, List.of()));
        when(clock.instant()).thenReturn(STARTED.plusMillis(120));

        mvc.perform(post("/api/frameworks/admin/rebuild").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eventsReplayed").value(42))
                .andExpect(jsonPath("$.millis").value(120))
                .andExpect(jsonPath("$.readModels[0]").value("frameworks"))
                .andExpect(jsonPath("$.readModels.length()").value(5));
        verify(readYourWrites).awaitCurrent();
    }

    @Test
    void answersAcceptedWithProgress_whenTheRebuildTakesLongerThanTheAdminWaits() throws Exception {
        when(rebuild.rebuild()).thenReturn(progress(false, 10L));
        when(rebuild.status()).thenReturn(progress(false, 20L));
        doThrow(new ReadModelBehind("behind")).when(readYourWrites).awaitCurrent();

        mvc.perform(post("/api/frameworks/admin/rebuild").header("Authorization", ADMIN))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.caughtUp").value(false))
                .andExpect(jsonPath("$.readUpTo").value(20));
    }

    @Test
    void answersProgress_whenAnAdminAsks() throws Exception {
        when(rebuild.status()).thenReturn(progress(true, 41L));

        mvc.perform(get("/api/frameworks/admin/rebuild").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.processor").value(ReadModels.PROCESSING_GROUP))
                .andExpect(jsonPath("$.percentDone").value(100.0));
    }

    @Test
    void refusesRebuild_whenCallerIsNotAnAdmin() throws Exception {
        mvc.perform(post("/api/frameworks/admin/rebuild").header("Authorization", AUTHOR))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/frameworks/admin/rebuild").header("Authorization", AUTHOR))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/frameworks/admin/rebuild")).andExpect(status().isUnauthorized());
        verify(rebuild, never()).rebuild();
    }

    private static ReadModelRebuild.Status progress(boolean caughtUp, Long readUpTo) {
        return new ReadModelRebuild.Status(ReadModels.PROCESSING_GROUP, true, caughtUp, false, readUpTo, 41L,
                caughtUp ? 100 : 50, STARTED);
    }
}
