package dev.competency.e2e.erasure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The log files the launcher writes, read line by line (each byte kept as one character). */
final class LogFiles {

    /** What a read of the logs saw. */
    record Scan(List<Path> files, long lines, List<PersonalData.Sighting> sightings) {
    }

    private LogFiles() {
    }

    /** Every regular file under {@code directory}, and the {@code others}, searched line by line. */
    static Scan search(Path directory, List<Path> others, PersonalData person) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.filter(Files::isRegularFile).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
        files.addAll(others);
        List<PersonalData.Sighting> sightings = new ArrayList<>();
        long count = 0;
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            for (int i = 0; i < lines.size(); i++) {
                count++;
                sightings.addAll(person.sightingsIn(file.getFileName() + ":" + (i + 1), lines.get(i)));
            }
        }
        return new Scan(files, count, sightings);
    }
}
