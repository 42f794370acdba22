package dev.competency.e2e.fuzz;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;

/**
 * One record a fuzz case writes straight to a public topic, exactly as it goes on the wire (headers and value as
 * bytes, either possibly missing), and what the contract says of it.
 *
 * @param number    the case's place in the run, to name it in a failure
 * @param kind      what was done to the valid record, for example {@code field of another type}
 * @param type      the event type the valid record was built as
 * @param target    the field (a JSON pointer) or header the case changed, or null
 * @param changedTo what the target holds after the change (JSON, shortened), or null
 * @param whyPoison why a consumer must send the record to the dead-letter topic, or empty when it must process it
 */
record RecordCase(int number, String kind, String type, String target, String changedTo, String topic, String key,
                  List<Header> headers, byte[] value, Optional<String> whyPoison) {

    /** How the case is named in failures and in the known defects: {@code #12 evidence.recorded: kind /target}. */
    String describe() {
        return "#" + number + " " + type + ": " + kind + (target == null ? "" : " " + target)
                + (changedTo == null ? "" : " = " + changedTo);
    }

    /** The case with its value, shortened for a failure message. */
    String detail() {
        String text = value == null ? "(no value)" : new String(value, java.nio.charset.StandardCharsets.UTF_8);
        return describe() + " key=" + (key == null ? "(none)" : ContractShapes.abbreviate(key)) + " headers="
                + headers.stream().map(header -> header.key() + "=" + (header.value() == null ? "(null)"
                        : ContractShapes.abbreviate(new String(header.value(),
                        java.nio.charset.StandardCharsets.UTF_8)))).toList()
                + " value=" + ContractShapes.abbreviate(text);
    }
}
