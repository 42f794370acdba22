package dev.competency.platform.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import dev.competency.platform.embedded.mongo.IndexedH2Backend;
import dev.competency.platform.embedded.mongo.IndexedMemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire-compatible server running in this JVM on 127.0.0.1.
 *
 * <p>Without a data directory it keeps everything in memory, each document as its BSON bytes
 * ({@code mongo.EncodedDocuments}); with one it stores all databases in a single H2 file inside that directory, so a
 * local run keeps its data across restarts. Declared indexes are ordered indexes that serve equality, ranges and
 * sorts ({@code mongo.OrderedIndex}); the server's own only serve exact matches. It is no replacement for MongoDB's
 * query engine: it has no transactions or change streams, which the services do not rely on.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    private static final String STORE_FILE = "mongo.mv.db";

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Optional<Path> dataDirectory;

    private EmbeddedMongo(MongoServer server, InetSocketAddress address, Optional<Path> dataDirectory) {
        this.server = server;
        this.address = address;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a server.
     *
     * @param port the port to listen on, 0 for any free port
     * @param dataDirectory where to persist data, empty to keep it in memory
     */
    public static EmbeddedMongo start(int port, Optional<Path> dataDirectory) {
        MongoBackend backend = dataDirectory.map(EmbeddedMongo::fileBackend).orElseGet(IndexedMemoryBackend::new);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        log.info("MongoDB-compatible server listening on {} ({})", address,
                dataDirectory.map(dir -> "data in " + dir.resolve(STORE_FILE)).orElse("in memory"));
        return new EmbeddedMongo(server, address, dataDirectory);
    }

    /**
     * Runs a server alone until the JVM is stopped: in memory on the port of the first argument, or with its data
     * in the directory of the second. The bench's {@code --mongo} can then use a store whose CPU and collector are
     * measured apart from the broker's and the load generator's.
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: EmbeddedMongo PORT [DATA_DIRECTORY]");
            System.exit(2);
        }
        EmbeddedMongo mongo = start(Integer.parseInt(args[0]),
                args.length == 2 ? Optional.of(Path.of(args[1])) : Optional.empty());
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::close, "embedded-mongo-stop"));
        System.out.println("MongoDB-compatible server on " + mongo.connectionString() + " until stopped");
        Thread.currentThread().join();
    }

    private static MongoBackend fileBackend(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create MongoDB data directory " + directory, e);
        }
        return new IndexedH2Backend(directory.resolve(STORE_FILE).toString());
    }

    public int port() {
        return address.getPort();
    }

    /** The connection string of the server, without a database. */
    public String connectionString() {
        return "mongodb://127.0.0.1:" + port();
    }

    /** The connection string of one database on this server. */
    public String connectionString(String database) {
        return connectionString() + "/" + database;
    }

    public Optional<Path> dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        server.shutdownNow();
        log.info("MongoDB-compatible server on port {} stopped", port());
    }
}
