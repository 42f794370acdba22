package dev.competency.frameworks.framework;

import static dev.competency.platform.test.ServiceHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.contracts.EventTypes;
import dev.competency.contracts.Topics;
import dev.competency.frameworks.support.SharedService;
import dev.competency.platform.test.KafkaTestClient;
import dev.competency.platform.test.ServiceHttp;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Frameworks far above the broker's default record size of about 1 MB reach the topic, and a framework above the
 * configured limit is refused with 422 instead of stalling the publisher.
 */
class LargeFrameworkPublicationIT {

    private static final int STATEMENT = 9_000;

    /** A CASE package of {@code items} items whose statements are {@value #STATEMENT} characters long. */
    private static String largePackage(int items) {
        String document = UUID.randomUUID().toString();
        ObjectNode pkg = JSON.createObjectNode();
        pkg.putObject("CFDocument").put("identifier", document).put("title", "Large " + items);
        ArrayNode nodes = pkg.putArray("CFItems");
        ArrayNode associations = pkg.putArray("CFAssociations");
        for (int i = 1; i <= items; i++) {
            String item = UUID.randomUUID().toString();
            nodes.addObject().put("identifier", item).put("humanCodingScheme", "L." + i)
                    .put("fullStatement", ("Statement " + i + " ").repeat(STATEMENT / 12).substring(0, STATEMENT));
            ObjectNode childOf = associations.addObject().put("identifier", UUID.randomUUID().toString())
                    .put("associationType", "isChildOf");
            childOf.putObject("originNodeURI").put("identifier", item);
            childOf.putObject("destinationNodeURI").put("identifier", document);
        }
        return pkg.toString();
    }

    @Test
    void publishesAFrameworkOfSeveralMegabytes_andRefusesOneAboveTheLimit_whenSubmitted() {
        ServiceHttp author = SharedService.as(SharedService.AUTHOR);

        JsonNode large = author.expect(200, author.post("/api/frameworks/case/import?publish=true&code=LARGE",
                largePackage(300)));
        String frameworkId = large.path("frameworkId").asString();
        assertThat(large.path("published").asBoolean()).isTrue();
        ConsumerRecord<String, byte[]> record = KafkaTestClient.awaitRecord(Topics.FRAMEWORKS,
                r -> frameworkId.equals(r.key())
                        && EventTypes.FRAMEWORK_PUBLISHED.equals(KafkaTestClient.header(r, "ce_type")));
        assertThat(record.value().length).isGreaterThan(2_500_000);

        JsonNode problem = author.expect(422, author.post("/api/frameworks/case/import?publish=true&code=HUGE",
                largePackage(1_000)));
        assertThat(problem.path("type").asString()).isEqualTo("/problems/framework-too-large");
        assertThat(problem.path("detail").asString()).contains("more than the 8388608 bytes");
        JsonNode huge = author.expect(200, author.get("/api/frameworks?code=HUGE")).get(0);
        assertThat(huge.path("status").asString()).isEqualTo("DRAFT");
        assertThat(huge.path("publishedVersion").asInt()).isZero();
    }
}
