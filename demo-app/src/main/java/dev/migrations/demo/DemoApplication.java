package dev.migrations.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A notes service whose schema comes from the revisions in {@code db/migrations}: the migrations starter upgrades
 * the database to head before the repository touches it, and {@code /actuator/migrations} shows where it stands.
 */
@SpringBootApplication
public class DemoApplication {

	public static void main(String[] args) {
		SpringApplication.run(DemoApplication.class, args);
	}

}
