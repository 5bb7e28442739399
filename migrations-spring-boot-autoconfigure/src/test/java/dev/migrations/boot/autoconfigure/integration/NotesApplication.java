package dev.migrations.boot.autoconfigure.integration;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small application with a JPA entity over the test revisions in {@code db/migrations}. */
@SpringBootApplication
public class NotesApplication {

}
