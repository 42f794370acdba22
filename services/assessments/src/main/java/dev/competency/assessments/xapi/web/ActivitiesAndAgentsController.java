package dev.competency.assessments.xapi.web;

import dev.competency.assessments.access.AssessmentAccessPolicy;
import dev.competency.assessments.learners.query.LearnerDirectory;
import dev.competency.assessments.xapi.domain.StatementValidator;
import dev.competency.assessments.xapi.query.ActivityDefinitions;
import dev.competency.platform.service.openapi.OpenApiConfiguration;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The xAPI Activities resource ({@code GET /xapi/activities?activityId=}: the Activity with the canonical definition
 * statements gave it, or just its id when none did) and Agents resource ({@code GET /xapi/agents?agent=}: the Person
 * this LRS knows the agent as, with every identifier it knows, e.g. a registered learner's account as well as the
 * mailbox).
 */
@SecurityRequirement(name = XapiSecurityConfiguration.BASIC)
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
@RestController
class ActivitiesAndAgentsController {

    private final ActivityDefinitions definitions;
    private final LearnerDirectory learners;
    private final AssessmentAccessPolicy access;
    private final JsonMapper json;
    private final String lrsHomePage;
    private final String learnerHomePage;

    ActivitiesAndAgentsController(ActivityDefinitions definitions, LearnerDirectory learners,
                                  AssessmentAccessPolicy access, JsonMapper json,
                                  @Value("${assessments.xapi.lrs-home-page}") String lrsHomePage,
                                  @Value("${assessments.xapi.learner-home-page}") String learnerHomePage) {
        this.definitions = definitions;
        this.learners = learners;
        this.access = access;
        this.json = json;
        this.lrsHomePage = lrsHomePage;
        this.learnerHomePage = learnerHomePage;
    }

    @GetMapping(path = "/xapi/activities", produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode activity(@RequestParam Map<String, String> parameters, Authentication authentication) {
        XapiCaller.of(authentication, lrsHomePage, access);
        XapiParameters.only(parameters, Set.of("activityId"), "is not a parameter of this resource");
        String activityId = parameters.get("activityId");
        if (activityId == null || !StatementValidator.isIri(activityId)) {
            throw InvalidXapiRequest.of("activityId", "is required and must be an IRI");
        }
        ObjectNode activity = json.createObjectNode().put("objectType", "Activity").put("id", activityId);
        definitions.definition(activityId).ifPresent(definition -> activity.set("definition", definition));
        return activity;
    }

    @GetMapping(path = "/xapi/agents", produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode person(@RequestParam Map<String, String> parameters, Authentication authentication) {
        XapiCaller.of(authentication, lrsHomePage, access);
        XapiParameters.only(parameters, Set.of("agent"), "is not a parameter of this resource");
        if (!parameters.containsKey("agent")) {
            throw InvalidXapiRequest.of("agent", "is required");
        }
        JsonNode agent = XapiParameters.agent(parameters.get("agent"), "agent", json);
        if ("Group".equals(agent.path("objectType").asString(""))) {
            throw InvalidXapiRequest.of("agent", "must be an Agent: the Agents resource describes people");
        }
        ObjectNode person = json.createObjectNode().put("objectType", "Person");
        if (agent.has("name")) {
            person.putArray("name").add(agent.get("name").asString());
        }
        for (String ifi : new String[] {"mbox", "mbox_sha1sum", "openid", "account"}) {
            if (agent.has(ifi)) {
                person.putArray(ifi).add(agent.get(ifi).deepCopy());
            }
        }
        Optional<String> learner = agent.has("mbox") ? learners.learnerByMbox(agent.get("mbox").asString())
                : agent.has("mbox_sha1sum") ? learners.learnerByMboxSha1sum(agent.get("mbox_sha1sum").asString())
                : Optional.empty();
        learner.ifPresent(learnerId -> {
            ArrayNode accounts = person.get("account") instanceof ArrayNode known ? known : person.putArray("account");
            accounts.addObject().put("homePage", learnerHomePage).put("name", learnerId);
        });
        return person;
    }
}
