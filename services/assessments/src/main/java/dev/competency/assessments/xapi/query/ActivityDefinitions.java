package dev.competency.assessments.xapi.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.competency.platform.service.mongo.RecordCollections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.codecs.pojo.annotations.BsonId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical definition of every Activity statements have defined, for the Activities resource: the latest
 * definition sent wins property by property, and language maps ({@code name}, {@code description}) are merged by
 * language. A read model of the statement store (rebuilt by storing the statements again); one document per activity
 * id, the definition kept as JSON text because extension keys are IRIs full of dots.
 */
public class ActivityDefinitions {

    static final String COLLECTION = "xapi_activities";
    private static final List<String> LANGUAGE_MAPS = List.of("name", "description");
    private static final List<String> CONTEXT_ACTIVITY_KEYS = List.of("parent", "grouping", "category", "other");

    private final MongoCollection<StoredDefinition> activities;
    private final JsonMapper json;

    public ActivityDefinitions(MongoDatabase database, JsonMapper json) {
        this.activities = RecordCollections.collection(database, COLLECTION, StoredDefinition.class);
        this.json = json;
    }

    /** An activity's definition as stored in {@code xapi_activities}: free-form JSON, kept as its text. */
    public record StoredDefinition(@BsonId String activityId, String definition) {
    }

    /** The canonical definition of an activity, if a statement defined it. */
    public Optional<JsonNode> definition(String activityId) {
        return Optional.ofNullable(activities.find(Filters.eq("_id", activityId)).first())
                .map(stored -> json.readTree(stored.definition()));
    }

    /** Takes in the definitions of every Activity a valid statement mentions with a non-empty definition. */
    public void learnFrom(JsonNode statement) {
        learnFromActivity(statement.path("object"));
        learnFromContext(statement.path("context"));
        if ("SubStatement".equals(statement.path("object").path("objectType").asString(""))) {
            learnFromActivity(statement.path("object").path("object"));
            learnFromContext(statement.path("object").path("context"));
        }
    }

    private void learnFromContext(JsonNode context) {
        JsonNode contextActivities = context.path("contextActivities");
        for (String key : CONTEXT_ACTIVITY_KEYS) {
            JsonNode value = contextActivities.path(key);
            if (value.isArray()) {
                value.forEach(this::learnFromActivity);
            } else {
                learnFromActivity(value);
            }
        }
    }

    private void learnFromActivity(JsonNode activity) {
        if (!activity.isObject() || !"Activity".equals(activity.path("objectType").asString("Activity"))
                || !(activity.get("definition") instanceof ObjectNode definition) || definition.isEmpty()) {
            return;
        }
        String id = activity.path("id").asString();
        ObjectNode merged = definition(id).filter(JsonNode::isObject).map(known -> (ObjectNode) known.deepCopy())
                .orElseGet(json::createObjectNode);
        for (Map.Entry<String, JsonNode> property : definition.properties()) {
            if (LANGUAGE_MAPS.contains(property.getKey()) && merged.get(property.getKey()) instanceof ObjectNode known
                    && property.getValue() instanceof ObjectNode sent) {
                known.setAll(sent);
            } else {
                merged.set(property.getKey(), property.getValue().deepCopy());
            }
        }
        activities.replaceOne(Filters.eq("_id", id), new StoredDefinition(id, json.writeValueAsString(merged)),
                new ReplaceOptions().upsert(true));
    }
}
