package dev.competency.e2e.fuzz;

/**
 * One generated request of an operation and what it probes.
 *
 * @param name     what was done to the valid request ("valid", "missing /title", "NUL in /code" …)
 * @param call     the request as sent
 * @param kind     whether the request is the valid one or a mutation of it
 * @param target   the body field (JSON pointer) or parameter the mutation changed, which a 400 must name; null when
 *                 the mutation is of the request as a whole (content type, malformed JSON, nesting beyond the
 *                 parser's depth, a field the schema does not have, a path's shape)
 */
record FuzzCase(String name, RawCall call, Kind kind, String target) {

    enum Kind { VALID, MUTATION }

    @Override
    public String toString() {
        return name;
    }
}
