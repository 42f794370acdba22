package dev.competency.assessments.xapi.query;

/** A statement id is already stored with different content; statements are immutable (409). */
public class StatementConflict extends RuntimeException {

    public StatementConflict(String statementId) {
        super("Statement " + statementId + " is already stored with different content; statements are immutable");
    }
}
