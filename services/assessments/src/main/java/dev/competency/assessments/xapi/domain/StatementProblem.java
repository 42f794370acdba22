package dev.competency.assessments.xapi.domain;

/**
 * One thing wrong with a statement.
 *
 * @param path    where, as a JSON path from the statement (for a batch, from the array), e.g. {@code actor.mbox}
 * @param message what is wrong there
 */
public record StatementProblem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
