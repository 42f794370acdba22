package dev.competency.e2e.erasure;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A learner's name and e-mail address, and every way the platform could have written them down: as given, URL-encoded
 * (form and path style), the address as an xAPI {@code mailto:} IRI, and the random part of each on its own (which
 * also catches a value split or escaped around it). Text is searched ignoring case, so lower-case copies count too.
 * The xAPI {@code mbox_sha1sum} of the address is a hash, not the address: it contains none of these forms.
 */
record PersonalData(String displayName, String email, List<String> forms) {

    PersonalData {
        forms = List.copyOf(forms);
    }

    /** A person no one else on the platform can be: both values carry a random UUID of their own. */
    static PersonalData ofRandomPerson() {
        String nameToken = UUID.randomUUID().toString();
        String addressToken = UUID.randomUUID().toString();
        String displayName = "Zelda Q" + nameToken;
        String email = "zq-" + addressToken + "@example.org";
        Set<String> forms = new LinkedHashSet<>();
        forms.add(displayName);
        forms.add(URLEncoder.encode(displayName, StandardCharsets.UTF_8));
        forms.add(displayName.replace(" ", "%20"));
        forms.add(nameToken);
        forms.add(email);
        forms.add(URLEncoder.encode(email, StandardCharsets.UTF_8));
        forms.add("mailto:" + email);
        forms.add(URLEncoder.encode("mailto:" + email, StandardCharsets.UTF_8));
        forms.add(addressToken);
        return new PersonalData(displayName, email, new ArrayList<>(forms));
    }

    String mbox() {
        return "mailto:" + email;
    }

    /** Every place in {@code text} where one of the forms stands, ignoring case, described for a failure message. */
    List<Sighting> sightingsIn(String where, String text) {
        List<Sighting> sightings = new ArrayList<>();
        String haystack = text.toLowerCase(Locale.ROOT);
        for (String form : forms) {
            int at = haystack.indexOf(form.toLowerCase(Locale.ROOT));
            if (at >= 0) {
                int from = Math.max(0, at - 80);
                int to = Math.min(haystack.length(), at + form.length() + 80);
                sightings.add(new Sighting(where, form, haystack.substring(from, to).replaceAll("\\p{Cntrl}", "·")));
            }
        }
        return sightings;
    }

    /** Where a form of the name or address was found, and the text around it. */
    record Sighting(String where, String form, String excerpt) {

        @Override
        public String toString() {
            return where + ": \"" + form + "\" in …" + excerpt + "…";
        }
    }
}
