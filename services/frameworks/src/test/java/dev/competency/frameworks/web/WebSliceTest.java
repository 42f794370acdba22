package dev.competency.frameworks.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import dev.competency.frameworks.access.FrameworkAccessPolicy;
import dev.competency.frameworks.framework.query.FrameworkCatalogue;
import dev.competency.frameworks.interop.CaseImporter;
import dev.competency.frameworks.resource.query.ResourceCatalogue;
import dev.competency.frameworks.roleprofile.query.RoleProfileCatalogue;
import dev.competency.platform.service.axon.ReadModelRebuild;
import dev.competency.platform.service.axon.ReadYourWrites;
import dev.competency.platform.test.TestTokens;
import java.time.Clock;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web layer of the service with the starter's security, problem details and this service's access policy; the
 * command gateway and read models are mocks, and a write waits for nothing. All web slice tests share this one
 * application context.
 */
@WebMvcTest
@Import({FrameworkAccessPolicy.class, AuthorCommands.class})
@TestPropertySource(properties = "frameworks.case.base-uri=https://frameworks.test/ims/case/v1p0")
public abstract class WebSliceTest {

    public static final String AUTHOR = "Bearer " + TestTokens.token("author-1", "AUTHOR");
    public static final String ADMIN = "Bearer " + TestTokens.token("admin-1", "ADMIN");
    public static final String LEARNER = "Bearer " + TestTokens.token("learner-1", "LEARNER");

    @Autowired
    protected MockMvc mvc;
    @MockitoBean
    protected CommandGateway commands;
    @MockitoBean
    protected FrameworkCatalogue frameworks;
    @MockitoBean
    protected RoleProfileCatalogue roleProfiles;
    @MockitoBean
    protected ResourceCatalogue resources;
    @MockitoBean
    protected CaseImporter importer;
    @MockitoBean
    protected ReadModelRebuild rebuild;
    @MockitoBean
    protected ReadYourWrites readYourWrites;
    @MockitoBean
    protected EventStore eventStore;
    @MockitoBean
    protected Clock clock;

    @BeforeEach
    void writesAreReadBackAtOnce() {
        when(readYourWrites.afterWrite(any())).thenAnswer(call -> call.<Supplier<?>>getArgument(0).get());
    }

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }
}
