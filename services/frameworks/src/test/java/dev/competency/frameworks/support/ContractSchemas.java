package dev.competency.frameworks.support;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.competency.contracts.EventCatalog;
import dev.competency.platform.test.ServiceHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Checks payloads against the JSON Schemas the contracts module ships, with format assertions on. */
public final class ContractSchemas {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private ContractSchemas() {
    }

    public static List<Error> violations(String eventType, byte[] payload) {
        String resource = EventCatalog.byType(eventType).schemaResource();
        try (InputStream in = ContractSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            Schema schema = SCHEMAS.getSchema(ServiceHttp.JSON.readTree(in));
            return schema.validate(ServiceHttp.JSON.readTree(payload), context -> context.executionConfig(config ->
                    config.formatAssertionsEnabled(true)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
