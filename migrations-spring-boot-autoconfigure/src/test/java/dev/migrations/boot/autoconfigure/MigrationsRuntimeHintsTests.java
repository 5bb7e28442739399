package dev.migrations.boot.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.annotation.ImportRuntimeHints;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	@Test
	void includesTheScriptsOfTheDefaultLocationAndItsSubfolders() {
		new MigrationsRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/0001_create_note.sql"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/2026/0002_add_tag.sql"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/README")).rejects(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/other/0001_create_note.sql"))
			.rejects(this.hints);
	}

	@Test
	void areImportedByTheAutoConfiguration() {
		assertThat(MigrationsAutoConfiguration.class.getAnnotation(ImportRuntimeHints.class).value())
			.containsExactly(MigrationsRuntimeHints.class);
	}

}
