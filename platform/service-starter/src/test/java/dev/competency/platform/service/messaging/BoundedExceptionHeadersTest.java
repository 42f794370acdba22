package dev.competency.platform.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class BoundedExceptionHeadersTest {

    private static final DeadLetterPublishingRecoverer.HeaderNames NAMES = DeadLetterPublishingRecoverer.HeaderNames
            .Builder.original().offsetHeader("o").timestampHeader("t").timestampTypeHeader("tt").topicHeader("to")
            .partitionHeader("p").consumerGroupHeader("g")
            .exception().keyExceptionFqcn("kf").exceptionFqcn("f").exceptionCauseFqcn("cf")
            .keyExceptionMessage("km").exceptionMessage("m").keyExceptionStacktrace("ks").exceptionStacktrace("s")
            .build();

    @Test
    void keepsTheHeadersSmall_whenTheMessageQuotesAHugeValue() {
        String title = "x".repeat(300_000);
        Exception failure = new ListenerExecutionFailedException("Listener method threw exception",
                new IllegalArgumentException("title too long: " + title, new IllegalStateException(title)));
        RecordHeaders headers = new RecordHeaders();

        new BoundedExceptionHeaders().create(headers, failure, false, NAMES);

        assertThat(text(headers.lastHeader("m"))).startsWith("title too long: xxx")
                .hasSizeLessThan(BoundedExceptionHeaders.MAX_MESSAGE + 40);
        assertThat(text(headers.lastHeader("s"))).contains("IllegalArgumentException")
                .hasSizeLessThan(BoundedExceptionHeaders.MAX_STACK_TRACE + 40);
        assertThat(text(headers.lastHeader("f"))).isEqualTo(ListenerExecutionFailedException.class.getName());
        assertThat(text(headers.lastHeader("cf"))).isEqualTo(IllegalArgumentException.class.getName());
        int total = 0;
        for (Header header : headers) {
            total += header.value().length;
        }
        assertThat(total).isLessThan(20_000);
    }

    @Test
    void keepsAShortMessageWhole_whenItFits() {
        RecordHeaders headers = new RecordHeaders();

        new BoundedExceptionHeaders().create(headers, new PoisonMessageException("unknown ce_type 'x'"), true, NAMES);

        assertThat(text(headers.lastHeader("km"))).isEqualTo("unknown ce_type 'x'");
        assertThat(text(headers.lastHeader("kf"))).isEqualTo(PoisonMessageException.class.getName());
    }

    private static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
