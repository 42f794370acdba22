package dev.competency.e2e.erasure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import org.bson.RawBsonDocument;

/**
 * Every document of every collection of every database on the MongoDB-compatible server, each read as its raw BSON
 * bytes: strings and binary fields alike (a serialized event payload, say) are searched as they are stored.
 */
final class StoredDocuments {

    /** What a read of the whole store saw; collections as {@code database.collection}. */
    record Scan(Set<String> collections, long documents, List<PersonalData.Sighting> sightings, long documentsNaming) {
    }

    private StoredDocuments() {
    }

    /**
     * Looks for the person's name and address in every document of every collection that {@code include} accepts
     * (given the database and collection names); {@code documentsNaming} counts the documents whose text contains
     * every one of the {@code controlTexts}, so the caller can tell that the learner's own documents were read.
     */
    static Scan search(String connectionString, PersonalData person, BiPredicate<String, String> include,
                       String... controlTexts) {
        Set<String> collections = new TreeSet<>();
        List<PersonalData.Sighting> sightings = new ArrayList<>();
        long documents = 0;
        long naming = 0;
        try (MongoClient client = MongoClients.create(connectionString)) {
            for (String databaseName : client.listDatabaseNames()) {
                MongoDatabase database = client.getDatabase(databaseName);
                for (String collectionName : database.listCollectionNames()) {
                    if (!include.test(databaseName, collectionName)) {
                        continue;
                    }
                    collections.add(databaseName + "." + collectionName);
                    MongoCollection<RawBsonDocument> collection = database.getCollection(collectionName,
                            RawBsonDocument.class);
                    for (RawBsonDocument document : collection.find()) {
                        documents++;
                        String text = textOf(document);
                        if (Arrays.stream(controlTexts).allMatch(text::contains)) {
                            naming++;
                        }
                        sightings.addAll(person.sightingsIn(databaseName + "." + collectionName + " "
                                + idOf(document), text));
                    }
                }
            }
        }
        return new Scan(collections, documents, sightings, naming);
    }

    /** Each byte of the document kept as one character, so that nothing is lost to decoding. */
    private static String textOf(RawBsonDocument document) {
        ByteBuffer bytes = document.getByteBuffer().asNIO();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        return new String(copy, StandardCharsets.ISO_8859_1);
    }

    private static String idOf(RawBsonDocument document) {
        return document.containsKey("_id") ? String.valueOf(document.get("_id")) : "(no _id)";
    }
}
