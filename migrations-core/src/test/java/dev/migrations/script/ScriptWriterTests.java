package dev.migrations.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.graph.Revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScriptWriterTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T14:30:05Z"), ZoneOffset.UTC);

	private final ScriptWriter writer = new ScriptWriter(CLOCK);

	@TempDir
	Path temp;

	@Test
	void writesTheHeaderAsTheSpecShowsIt() throws IOException {
		Path file = this.writer.write(this.temp, new Revision("3f2a9c1b7d4e", List.of("1c0d8e7f6a5b"),
				List.of("9a8b7c6d5e4f"), List.of("profiles"), "add user profile fields", null));
		assertThat(file).isEqualTo(this.temp.resolve("20261121_1430_3f2a9c1b7d4e_add_user_profile_fields.sql"));
		assertThat(Files.readString(file)).isEqualTo("""
				-- Revision ID: 3f2a9c1b7d4e
				-- Revises: 1c0d8e7f6a5b
				-- Create Date: 2026-11-21 14:30:05
				-- Message: add user profile fields
				-- Branch Labels: profiles
				-- Depends On: 9a8b7c6d5e4f

				-- migrate:upgrade

				-- migrate:downgrade

				""");
	}

	@Test
	void baseRevisionHasAnEmptyRevisesLineAndNoLabelOrDependencyLines() throws IOException {
		Path file = this.writer.write(this.temp, Revision.of("ab12cd34ef56"));
		assertThat(file.getFileName()).hasToString("20261121_1430_ab12cd34ef56.sql");
		assertThat(Files.readString(file)).isEqualTo("""
				-- Revision ID: ab12cd34ef56
				-- Revises:
				-- Create Date: 2026-11-21 14:30:05
				-- Message:

				-- migrate:upgrade

				-- migrate:downgrade

				""");
	}

	@Test
	void sectionsFromASchemaDiffAreWrittenUnderTheirMarkersAndParseBack() throws IOException {
		Path file = this.writer.write(this.temp, Revision.of("ab12cd34ef56"),
				"CREATE TABLE users (\n  id bigint NOT NULL\n);\n", "-- review: drops table users and its rows\nDROP TABLE users;");
		assertThat(Files.readString(file)).endsWith("""
				-- migrate:upgrade
				CREATE TABLE users (
				  id bigint NOT NULL
				);

				-- migrate:downgrade
				-- review: drops table users and its rows
				DROP TABLE users;

				""");
		RevisionScript script = ScriptParser.parse(file.getFileName().toString(), Files.readString(file));
		assertThat(((MigrationBody.Sql) script.upgrade()).sql()).contains("CREATE TABLE users");
		assertThat(((MigrationBody.Sql) script.downgrade()).sql()).contains("DROP TABLE users;");
	}

	@Test
	void mergeListsEveryRevisedRevision() throws IOException {
		Path file = this.writer.write(this.temp,
				new Revision("cccc33334444", List.of("aaaa11112222", "bbbb11112222"), List.of(), List.of(),
						"merge a and b", null));
		assertThat(file.getFileName()).hasToString("20261121_1430_cccc33334444_merge_a_and_b.sql");
		assertThat(Files.readString(file)).contains("-- Revises: aaaa11112222, bbbb11112222\n");
	}

	@Test
	void datesAreInTheClocksTimeZone() throws IOException {
		ScriptWriter berlin = new ScriptWriter(CLOCK.withZone(ZoneId.of("Europe/Berlin")));
		Path file = berlin.write(this.temp, Revision.of("abc"));
		assertThat(file.getFileName()).hasToString("20261121_1530_abc.sql");
		assertThat(Files.readString(file)).contains("-- Create Date: 2026-11-21 15:30:05\n");
	}

	@ParameterizedTest
	@CsvSource({ "add user profile fields, add_user_profile_fields",
			"'  Add User-Profile fields!! ', add_user_profile_fields",
			"--Hello   World--, hello_world", "Version 2.1 (hotfix), version_2_1_hotfix", "Café crème, cafe_creme",
			"Ünïcödé café, unicode_cafe", "Straße 日本語, straße_日本語",
			"'!!!', ''", "'', ''",
			"a very long message that goes on and on and on, a_very_long_message_that_goes_on_and_on",
			"abcdefghij abcdefghij abcdefghij abcdefghij, abcdefghij_abcdefghij_abcdefghij_abcdefg" })
	void slugIsTheLowerCasedMessageWithRunsOfOtherCharactersAsUnderscoresAtMost40Long(String message, String slug) {
		assertThat(ScriptWriter.slug(message)).isEqualTo(slug).hasSizeLessThanOrEqualTo(40);
	}

	@Test
	void lineBreaksInTheMessageBecomeSpaces() throws IOException {
		Path file = this.writer.write(this.temp, new Revision("abc", List.of(), List.of(), List.of(),
				"first line\r\nsecond line\nthird", null));
		assertThat(Files.readString(file)).contains("-- Message: first line second line third\n");
	}

	@Test
	void refusesToOverwriteAnExistingFile() {
		Path file = this.writer.write(this.temp, Revision.of("abc"));
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> this.writer.write(this.temp, Revision.of("abc")))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(ErrorKind.IO);
				assertThat(ex).hasMessage("Script '" + file + "' already exists");
				assertThat(ex.hint()).isEqualTo("Pass another --rev-id or message, or remove the existing file");
			});
	}

	@Test
	void missingDirectoryIsAnError() {
		Path missing = this.temp.resolve("missing");
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> this.writer.write(missing, Revision.of("abc")))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(ErrorKind.IO);
				assertThat(ex).hasMessage("Script directory '" + missing + "' does not exist");
				assertThat(ex.hint())
					.isEqualTo("Create it with 'migrations init " + missing + "', or name another directory");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "a b", "", "ab/c", "caf\u00e9", "a,b", "rev-1", "a+b", "x@y", "a:b",
			"x1234567890123456789012345678901234567890123456789012345678901234" })
	void revisionIdMustBe1To64LettersDigitsOrUnderscores(String id) {
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> this.writer.write(this.temp, Revision.of(id)))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(ErrorKind.CONFIG);
				assertThat(ex).hasMessage(
						"Revision id '" + id + "' is not valid: it must be 1 to 64 letters, digits or '_' ('-', '+', '@' and ':' have meanings in targets)");
				assertThat(ex.hint()).isEqualTo("Pass another --rev-id, or leave it out for a random id");
			});
		assertThat(this.temp).isEmptyDirectory();
	}

	@ParameterizedTest
	@ValueSource(strings = { "my_rev_1", "A", "1234567890123456789012345678901234567890123456789012345678901234" })
	void acceptsRevisionIdsThatFollowTheRule(String id) {
		assertThat(this.writer.write(this.temp, Revision.of(id))).exists();
	}

	@ParameterizedTest
	@ValueSource(strings = { "head", "heads", "base" })
	void wordsThatNameTargetsAreRefusedAsIdsAndLabels(String word) {
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> this.writer.write(this.temp, Revision.of(word)))
			.withMessage("Revision id '" + word + "' is not valid: base, head and heads name targets");
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> this.writer.write(this.temp,
					new Revision("a1", List.of(), List.of(), List.of(word), "labelled", null)))
			.withMessage("Branch label '" + word + "' is not valid: base, head and heads name targets");
		assertThat(this.temp).isEmptyDirectory();
	}

	@Test
	void newRevisionIdIsTwelveRandomLowerCaseHexDigits() {
		String first = ScriptWriter.newRevisionId();
		assertThat(first).matches("[0-9a-f]{12}");
		assertThat(ScriptWriter.newRevisionId()).matches("[0-9a-f]{12}").isNotEqualTo(first);
	}

	@Test
	void whatTheWriterWritesTheParserReadsBack() throws IOException {
		Revision revision = new Revision("3f2a9c1b7d4e", List.of("aaaa11112222", "bbbb11112222"),
				List.of("9a8b7c6d5e4f", "other@head"), List.of("profiles", "users"), "add user profile fields",
				null);
		Path file = this.writer.write(this.temp, revision);
		RevisionScript script = ScriptParser.parse(file.toString(), Files.readString(file));
		assertThat(script.revision()).isEqualTo(new Revision("3f2a9c1b7d4e", List.of("aaaa11112222", "bbbb11112222"),
				List.of("9a8b7c6d5e4f", "other@head"), List.of("profiles", "users"), "add user profile fields",
				file.toString()));
		assertThat(script.createDate()).isEqualTo("2026-11-21 14:30:05");
		assertThat(script.transactional()).isTrue();
		assertThat(script.upgrade()).isEqualTo(new MigrationBody.Sql("\n", 9));
		assertThat(script.downgrade()).isEqualTo(new MigrationBody.Sql("\n", 11));
	}

	@Test
	void emptyMessageReadsBackEmpty() throws IOException {
		Path file = this.writer.write(this.temp, Revision.of("abc"));
		assertThat(ScriptParser.parse(file.toString(), Files.readString(file)).revision().message()).isEmpty();
	}

	@Test
	void initCreatesTheDirectoryWithAReadme() throws IOException {
		Path directory = this.temp.resolve("db/migrations");
		assertThat(ScriptWriter.init(directory)).isEqualTo(directory);
		assertThat(directory).isDirectoryContaining((path) -> path.getFileName().toString().equals("README.md"));
		assertThat(Files.readString(directory.resolve("README.md"))).startsWith("# Migration scripts\n")
			.contains("-- Revision ID:", "-- migrate:upgrade", "-- migrate:downgrade");
	}

	@Test
	void initAcceptsAnExistingEmptyDirectory() {
		ScriptWriter.init(this.temp);
		assertThat(this.temp.resolve("README.md")).isRegularFile();
	}

	@Test
	void initRefusesADirectoryThatIsNotEmpty() throws IOException {
		Files.writeString(this.temp.resolve("schema.sql"), "");
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(() -> ScriptWriter.init(this.temp))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(ErrorKind.IO);
				assertThat(ex).hasMessage("Directory '" + this.temp + "' already exists and is not empty");
				assertThat(ex.hint()).isEqualTo("Name a new directory for 'init', or empty this one");
			});
		assertThat(this.temp.resolve("README.md")).doesNotExist();
	}

	@Test
	void initRefusesAFile() throws IOException {
		Path file = Files.writeString(this.temp.resolve("scripts"), "");
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(() -> ScriptWriter.init(file))
			.satisfies((ex) -> {
				assertThat(ex).hasMessage("'" + file + "' is a file, not a directory");
				assertThat(ex.hint()).isEqualTo("Name a new directory for 'init'");
			});
		assertThat(file).isEmptyFile();
	}

}
