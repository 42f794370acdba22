package dev.competency.platform.embedded.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code dropIndexes} with {@code index: "*"} as MongoDB answers it: every index of the named collection except
 * {@code _id_}. The server's own command walks every index of the database and fails on the first one of another
 * collection ("index not found"), so a client that resets a collection's indexes (JobRunr's schema migrations do)
 * could not run on the embedded store.
 */
final class CollectionIndexes {

    static final String DROP_INDEXES = "dropIndexes";
    private static final String ALL = "*";

    private CollectionIndexes() {
    }

    /** Whether the command drops every index of its collection. */
    static boolean dropsAll(String command, Document query) {
        return DROP_INDEXES.equalsIgnoreCase(command) && ALL.equals(query.get("index"));
    }

    /** The names of the indexes of {@code namespace} ({@code database.collection}), {@code _id_} left out. */
    static List<String> droppableNames(MongoCollection<?> indexes, String namespace) {
        List<String> names = new ArrayList<>();
        if (indexes == null) {
            return names;
        }
        for (Document index : indexes.queryAll()) {
            Object name = index.get("name");
            if (Objects.equals(index.get("ns"), namespace) && name instanceof String text && !"_id_".equals(text)) {
                names.add(text);
            }
        }
        return names;
    }

    /** The command that drops one index by name, as the server handles it correctly. */
    static Document dropOne(Document query, String name) {
        Document one = new Document(DROP_INDEXES, query.get(DROP_INDEXES));
        one.put("index", name);
        return one;
    }
}
