package dev.competency.learners;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LearnerProfilesApplication {

    public static void main(String[] args) {
        SpringApplication.run(LearnerProfilesApplication.class, args);
    }
}
