package dev.competency.platform.service.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidFieldsTest {

    @Test
    void namesTheFieldAndWhy_whenOneFieldIsInvalid() {
        InvalidFields refusal = new InvalidFields(List.of(new InvalidFields.Field("endsAt", "must be in the future")));

        assertThat(refusal.getMessage()).isEqualTo("endsAt must be in the future");
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(refusal.properties()).containsEntry("errors",
                List.of(new InvalidFields.Field("endsAt", "must be in the future")));
    }

    @Test
    void countsAndNamesEachFieldOnce_whenSeveralErrorsAreGiven() {
        InvalidFields refusal = new InvalidFields(List.of(new InvalidFields.Field("level", "is required"),
                new InvalidFields.Field("endsAt", "must be after startsAt"),
                new InvalidFields.Field("level", "is not a level of the scale")));

        assertThat(refusal.getMessage()).isEqualTo("2 fields are invalid: level, endsAt");
        assertThat((List<?>) refusal.properties().get("errors")).hasSize(3);
    }
}
