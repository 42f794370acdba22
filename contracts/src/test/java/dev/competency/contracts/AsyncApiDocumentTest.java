package dev.competency.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.contracts.EventCatalog.EventDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Keeps the AsyncAPI document for analytics teams in step with the topics and the event catalog. */
class AsyncApiDocumentTest {

    /** Surefire runs in the module directory, which is where the document's relative references start. */
    private static final Path MODULE = Path.of("").toAbsolutePath();

    private static JsonNode document;

    @BeforeAll
    static void readDocument() {
        document = new YAMLMapper().readTree(MODULE.resolve("asyncapi.yaml").toFile());
    }

    @Test
    void declaresAsyncApiThree_whenDocumentIsRead() {
        assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
    }

    @Test
    void declaresOneChannelPerTopic_whenDocumentIsRead() {
        List<String> addresses = new ArrayList<>();
        document.path("channels").forEach(channel -> addresses.add(channel.path("address").asString()));

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void declaresThePartitionCountAndDeadLetterTopic_whenAnyChannelIsRead() {
        document.path("channels").forEach(channel -> {
            String topic = channel.path("address").asString();
            assertThat(channel.at("/bindings/kafka/topic").asString()).isEqualTo(topic);
            assertThat(channel.at("/bindings/kafka/partitions").asInt()).isEqualTo(Topics.partitions(topic));
            assertThat(channel.path("description").asString()).contains(Topics.deadLetter(topic));
        });
    }

    @Test
    void keepsLearnersTopicWithoutLimit_whenItsEventsAreChangesNotStates() {
        JsonNode learners = document.at("/channels/learners");
        JsonNode configuration = learners.at("/bindings/kafka/topicConfiguration");

        assertThat(learners.path("address").asString()).isEqualTo(Topics.LEARNERS);
        assertThat(configuration.path("cleanup.policy").valueStream().map(JsonNode::asString)).containsExactly("delete");
        assertThat(configuration.path("retention.ms").asLong()).isEqualTo(-1L);
    }

    @Test
    void carriesExactlyTheCatalogsEventTypes_whenAnyChannelIsRead() {
        document.path("channels").forEach(channel -> {
            String topic = channel.path("address").asString();
            List<String> names = new ArrayList<>();
            channel.path("messages").forEach(message -> names.add(resolve(message).path("name").asString()));

            assertThat(names).as("messages of %s", topic).containsExactlyInAnyOrderElementsOf(
                    EventCatalog.byTopic(topic).stream().map(EventDescriptor::type).toList());
        });
    }

    @Test
    void describesSchemaHeadersAndKey_whenAnyMessageIsRead() {
        document.at("/components/messages").forEach(message -> {
            EventDescriptor descriptor = EventCatalog.byType(message.path("name").asString());
            String payloadRef = message.at("/payload/$ref").asString();

            assertThat(payloadRef).isEqualTo("./src/main/resources/" + descriptor.schemaResource());
            assertThat(MODULE.resolve(payloadRef).normalize()).satisfies(path -> assertThat(Files.isRegularFile(path)).isTrue());
            assertThat(message.at("/headers/allOf/0/$ref").asString()).isEqualTo("#/components/schemas/CloudEventHeaders");
            assertThat(message.at("/headers/allOf/1/properties/ce_type/const").asString()).isEqualTo(descriptor.type());
            assertThat(message.at("/bindings/kafka/key/type").asString()).isEqualTo("string");
        });
    }

    @Test
    void declaresTheCloudEventsHeadersInOneSharedSchema_whenDocumentIsRead() {
        JsonNode headers = document.at("/components/schemas/CloudEventHeaders/properties");

        assertThat(headers.propertyNames()).containsExactlyInAnyOrder(CloudEventHeaders.ID, CloudEventHeaders.TYPE,
                CloudEventHeaders.SOURCE, CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT,
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.CONTENT_TYPE);
    }

    @Test
    void declaresOneSendOperationPerChannel_whenDocumentIsRead() {
        List<String> channels = new ArrayList<>();
        document.path("operations").forEach(operation -> {
            assertThat(operation.path("action").asString()).isEqualTo("send");
            JsonNode channel = resolve(operation.path("channel"));
            channels.add(channel.path("address").asString());
            List<String> operationMessages = new ArrayList<>();
            operation.path("messages").forEach(message -> operationMessages.add(resolve(message).path("name").asString()));
            List<String> channelMessages = new ArrayList<>();
            channel.path("messages").forEach(message -> channelMessages.add(resolve(message).path("name").asString()));
            assertThat(operationMessages).containsExactlyInAnyOrderElementsOf(channelMessages);
        });

        assertThat(channels).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref") && current.get("$ref").asString().startsWith("#/")) {
            current = document.at(current.get("$ref").asString().substring(1));
        }
        assertThat(current.isMissingNode()).as("reference %s resolves", node).isFalse();
        return current;
    }
}
