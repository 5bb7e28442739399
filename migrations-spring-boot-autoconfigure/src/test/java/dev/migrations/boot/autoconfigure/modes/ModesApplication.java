package dev.migrations.boot.autoconfigure.modes;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * An application run as a process of its own by the run-mode tests, with the web server and the test scripts; its
 * runner says when the application itself ran.
 */
@SpringBootApplication
public class ModesApplication {

	static final String RAN = "The application itself ran";

	public static void main(String[] args) {
		SpringApplication.run(ModesApplication.class, args);
	}

	@Bean
	ApplicationRunner sayWhenTheApplicationRuns() {
		return (arguments) -> System.out.println(RAN);
	}

}
