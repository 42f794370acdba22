package dev.competency.platform.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import dev.competency.platform.embedded.mongo.IndexedH2Backend;
import dev.competency.platform.embedded.mongo.IndexedMemoryBackend;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
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
 *
 * <p>{@link #stop()} closes the listener and every client connection, as a server process that stops does, and
 * {@link #restart()} listens on the same port again. With a data directory the store file is closed and opened again
 * (its indexes rebuilt from it); in memory the databases stay in this JVM meanwhile, the way a server's files stay
 * on its disk, since a restart that forgot everything would be a new, empty server.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    private static final String STORE_FILE = "mongo.mv.db";

    private final int port;
    private final Optional<Path> dataDirectory;
    /** The in-memory databases, kept across {@link #stop()} and {@link #restart()}; null with a data directory. */
    private final IndexedMemoryBackend memory;
    private MongoServer server;

    private EmbeddedMongo(MongoServer server, int port, Optional<Path> dataDirectory, IndexedMemoryBackend memory) {
        this.server = server;
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.memory = memory;
    }

    /**
     * Starts a server.
     *
     * @param port the port to listen on, 0 for any free port
     * @param dataDirectory where to persist data, empty to keep it in memory
     */
    public static EmbeddedMongo start(int port, Optional<Path> dataDirectory) {
        IndexedMemoryBackend memory = dataDirectory.isEmpty() ? new IndexedMemoryBackend() : null;
        MongoServer server = new MongoServer(backend(dataDirectory, memory));
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        log.info("MongoDB-compatible server listening on {} ({})", address,
                dataDirectory.map(dir -> "data in " + dir.resolve(STORE_FILE)).orElse("in memory"));
        return new EmbeddedMongo(server, address.getPort(), dataDirectory, memory);
    }

    private static MongoBackend backend(Optional<Path> dataDirectory, IndexedMemoryBackend memory) {
        return dataDirectory.map(EmbeddedMongo::fileBackend).orElseGet(() -> new KeptAcrossRestarts(memory));
    }

    /**
     * Closes the listener and every client connection; with a data directory also the store file. The data stays for
     * {@link #restart()}.
     *
     * @throws IllegalStateException when it is not running
     */
    public synchronized void stop() {
        if (server == null) {
            throw new IllegalStateException("The MongoDB-compatible server on port " + port + " is not running");
        }
        MongoServer stopping = server;
        server = null;
        stopping.shutdownNow();
        log.info("MongoDB-compatible server on port {} stopped ({})", port,
                dataDirectory.map(dir -> "data in " + dir.resolve(STORE_FILE)).orElse("data kept in memory"));
    }

    /**
     * Listens on the same port again after {@link #stop()}, with the same data.
     *
     * @return how long it took until it listened
     * @throws IllegalStateException when it is running
     */
    public synchronized Duration restart() {
        if (server != null) {
            throw new IllegalStateException("The MongoDB-compatible server on port " + port
                    + " is running; stop it first");
        }
        long started = System.nanoTime();
        MongoServer starting = new MongoServer(backend(dataDirectory, memory));
        try {
            starting.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            starting.shutdownNow();
            throw e;
        }
        server = starting;
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("MongoDB-compatible server listening on 127.0.0.1:{} again after {} ms", port, took.toMillis());
        return took;
    }

    public synchronized boolean isRunning() {
        return server != null;
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

    /**
     * The in-memory backend as one server sees it: everything is passed on but {@link #close()}, which a server calls
     * when it shuts down and which would drop every database. {@link EmbeddedMongo#close()} closes the backend itself.
     */
    private record KeptAcrossRestarts(IndexedMemoryBackend backend) implements MongoBackend {

        @Override
        public void handleClose(Channel channel) {
            backend.handleClose(channel);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            return backend.handleCommand(channel, database, command, query);
        }

        @Override
        public QueryResult handleQuery(MongoQuery query) {
            return backend.handleQuery(query);
        }

        @Override
        public Document handleMessage(MongoMessage message) {
            return backend.handleMessage(message);
        }

        @Override
        public void dropDatabase(String database) {
            backend.dropDatabase(database);
        }

        @Override
        public Collection<Document> getCurrentOperations(MongoQuery query) {
            return backend.getCurrentOperations(query);
        }

        @Override
        public Document getServerStatus() {
            return backend.getServerStatus();
        }

        @Override
        public void close() {
            // Kept for the next server on this port; EmbeddedMongo.close() closes it.
        }

        @Override
        public void closeCursors(List<Long> cursorIds) {
            backend.closeCursors(cursorIds);
        }

        @Override
        public Clock getClock() {
            return backend.getClock();
        }

        @Override
        public void enableOplog() {
            backend.enableOplog();
        }

        @Override
        public void disableOplog() {
            backend.disableOplog();
        }

        @Override
        public MongoDatabase resolveDatabase(String database) {
            return backend.resolveDatabase(database);
        }

        @Override
        public MongoBackend version(MongoVersion version) {
            backend.version(version);
            return this;
        }
    }

    public int port() {
        return port;
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
    public synchronized void close() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
        if (memory != null) {
            memory.close();
        }
        log.info("MongoDB-compatible server on port {} stopped", port());
    }
}
