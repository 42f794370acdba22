package dev.competency.frameworks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FrameworksApplication {

    public static void main(String[] args) {
        SpringApplication.run(FrameworksApplication.class, args);
    }
}
