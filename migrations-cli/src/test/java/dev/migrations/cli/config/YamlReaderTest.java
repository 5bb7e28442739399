package dev.migrations.cli.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class YamlReaderTest {

	@Test
	void nestedMapsBecomeDottedKeysAndUrlsStayWhole() {
		Map<String, String> values = YamlReader.read("""
				spring:
				  datasource:
				    url: jdbc:postgresql://localhost:5432/app   # the app's database
				    username: app
				    password: "s3cr#t"
				migrations:
				  version-table: 'schema_version'
				""");
		assertThat(values).containsExactly(entry("spring.datasource.url", "jdbc:postgresql://localhost:5432/app"),
				entry("spring.datasource.username", "app"), entry("spring.datasource.password", "s3cr#t"),
				entry("migrations.version-table", "schema_version"));
	}

	@Test
	void blockAndFlowListsGiveIndexedAndCommaJoinedKeys() {
		Map<String, String> values = YamlReader.read("""
				migrations:
				  locations:
				  - classpath:db/migrations
				  - filesystem:extra
				other:
				  names: [a, 'b c']
				""");
		assertThat(values).containsEntry("migrations.locations", "classpath:db/migrations,filesystem:extra")
			.containsEntry("migrations.locations[1]", "filesystem:extra")
			.containsEntry("other.names", "a,b c")
			.containsEntry("other.names[0]", "a");
	}

	@Test
	void listsOfMapsGetIndexedPaths() {
		Map<String, String> values = YamlReader.read("""
				servers:
				  - host: one
				    port: 1
				  - host: two
				""");
		assertThat(values).containsEntry("servers[0].host", "one")
			.containsEntry("servers[0].port", "1")
			.containsEntry("servers[1].host", "two");
	}

	@Test
	void profileSpecificDocumentsAreLeftOut() {
		Map<String, String> values = YamlReader.read("""
				spring.datasource.url: jdbc:h2:mem:app
				---
				spring:
				  config:
				    activate:
				      on-profile: prod
				  datasource:
				    url: jdbc:postgresql://prod/app
				---
				migrations.schema: audit
				""");
		assertThat(values).containsExactly(entry("spring.datasource.url", "jdbc:h2:mem:app"),
				entry("migrations.schema", "audit"));
	}

	@Test
	void blockScalarsAndApostrophesInPlainScalars() {
		Map<String, String> values = YamlReader.read("""
				description: |
				  first line
				  second line
				note: don't # a comment
				empty: ~
				""");
		assertThat(values).containsEntry("description", "first line\nsecond line")
			.containsEntry("note", "don't")
			.containsEntry("empty", "");
	}

}
