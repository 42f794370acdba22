package dev.competency.platform.service.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.util.List;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecConfigurationException;
import org.bson.codecs.configuration.CodecProvider;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * Read-model collections whose documents are records, mapped by the driver's record codec: a component is a field
 * of the same name ({@code @BsonId} of {@code org.bson.codecs.pojo.annotations} for {@code _id}, {@code @BsonProperty} where the stored name differs), an
 * {@code Instant} is a BSON date, an enum its name, a {@link StringIdentifier} its bare string. Filters and updates
 * on such a collection may name typed ids as values too.
 *
 * <p>The codec reads and calls a record without widening its access: a stored record, its nested records and its
 * typed ids must be public (a public record nested in a public class will do).
 *
 * <p>Two rules keep documents written by hand-mapping code readable: a field stored as {@code null} reads as an
 * absent one (the record codec alone refuses it), and an absent field gives {@code null}, so a component that older
 * documents may lack must be a reference type. A {@code null} component is not written at all.
 */
public final class RecordCollections {

    private static final CodecRegistry REGISTRY = CodecRegistries.fromProviders(new NullAsAbsent(
            CodecRegistries.fromProviders(new StringIdentifiers(), MongoClientSettings.getDefaultCodecRegistry())));

    private RecordCollections() {
    }

    /** The collection {@code name} of {@code database}, read and written as {@code type}. */
    public static <T> MongoCollection<T> collection(MongoDatabase database, String name, Class<T> type) {
        return database.getCollection(name, type).withCodecRegistry(REGISTRY);
    }

    /** Codecs that read a BSON {@code null} as {@code null}, for every type the delegate knows. */
    private record NullAsAbsent(CodecRegistry delegate) implements CodecProvider {

        @Override
        public <T> Codec<T> get(Class<T> clazz, CodecRegistry registry) {
            return nullable(delegate.get(clazz, registry));
        }

        @Override
        public <T> Codec<T> get(Class<T> clazz, List<Type> typeArguments, CodecRegistry registry) {
            return nullable(delegate.get(clazz, typeArguments, registry));
        }

        private static <T> Codec<T> nullable(Codec<T> codec) {
            return codec == null || codec instanceof NullableCodec<T> ? codec : new NullableCodec<>(codec);
        }
    }

    private record NullableCodec<T>(Codec<T> codec) implements Codec<T> {

        @Override
        public T decode(BsonReader reader, DecoderContext context) {
            if (reader.getCurrentBsonType() == BsonType.NULL) {
                reader.readNull();
                return null;
            }
            return codec.decode(reader, context);
        }

        @Override
        public void encode(BsonWriter writer, T value, EncoderContext context) {
            if (value == null) {
                writer.writeNull();
            } else {
                codec.encode(writer, value, context);
            }
        }

        @Override
        public Class<T> getEncoderClass() {
            return codec.getEncoderClass();
        }
    }

    private static final class StringIdentifiers implements CodecProvider {

        @Override
        public <T> Codec<T> get(Class<T> clazz, CodecRegistry registry) {
            return StringIdentifier.class.isAssignableFrom(clazz) ? new StringIdentifierCodec<>(clazz) : null;
        }
    }

    private static final class StringIdentifierCodec<T> implements Codec<T> {

        private final Class<T> type;
        private final Constructor<T> constructor;

        StringIdentifierCodec(Class<T> type) {
            this.type = type;
            try {
                this.constructor = type.getConstructor(String.class);
            } catch (NoSuchMethodException e) {
                throw new CodecConfigurationException(type.getName() + " has no public constructor taking a String", e);
            }
        }

        @Override
        public T decode(BsonReader reader, DecoderContext context) {
            String value = reader.readString();
            try {
                return constructor.newInstance(value);
            } catch (InvocationTargetException e) {
                throw new CodecConfigurationException("Stored " + type.getSimpleName() + " '" + value
                        + "' is not valid", e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new CodecConfigurationException("Cannot make a " + type.getName(), e);
            }
        }

        @Override
        public void encode(BsonWriter writer, T value, EncoderContext context) {
            writer.writeString(((StringIdentifier) value).value());
        }

        @Override
        public Class<T> getEncoderClass() {
            return type;
        }
    }
}
