package dev.migrations.script;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScriptLoaderTests {

	private static final ClassLoader CLASS_LOADER = ScriptLoaderTests.class.getClassLoader();

	@TempDir
	Path temp;

	@Test
	void readsEverySqlFileBelowAFilesystemLocation() throws IOException {
		Path directory = this.temp.resolve("scripts");
		write(directory.resolve("b.sql"), script("b", "a"));
		write(directory.resolve("sub/deeper/a.sql"), script("a", ""));
		write(directory.resolve("README.md"), "not a script");
		write(directory.resolve("a.sql.bak"), "not a script");
		List<RevisionScript> scripts = load(List.of("filesystem:" + directory));
		assertThat(scripts).extracting(RevisionScript::id).containsExactly("a", "b");
		assertThat(scripts).extracting(RevisionScript::location)
			.containsExactly(directory + "/sub/deeper/a.sql", directory + "/b.sql");
		assertThat(scripts.get(1).revision().downRevisions()).containsExactly("a");
	}

	@Test
	void descendsIntoADirectoryWithAScriptsNameAndSkipsWhatIsNoFile() throws IOException {
		Path directory = this.temp.resolve("scripts");
		write(directory.resolve("2026.sql/a.sql"), script("a", ""));
		write(directory.resolve("b.sql"), script("b", "a"));
		Files.createSymbolicLink(directory.resolve("dangling.sql"), this.temp.resolve("nowhere.sql"));
		write(this.temp.resolve("elsewhere/c.sql"), script("c", ""));
		Files.createSymbolicLink(directory.resolve("linked"), this.temp.resolve("elsewhere"));
		List<RevisionScript> scripts = load(List.of("filesystem:" + directory));
		assertThat(scripts).extracting(RevisionScript::location)
			.containsExactly(directory + "/2026.sql/a.sql", directory + "/b.sql");
	}

	@Test
	void sortsByFileNameInCodePointOrderThenByLocation() throws IOException {
		Path directory = this.temp.resolve("scripts");
		write(directory.resolve("a_lower.sql"), script("lower", ""));
		write(directory.resolve("B_upper.sql"), script("upper", ""));
		write(directory.resolve("9_nine.sql"), script("nine", ""));
		write(directory.resolve("10_ten.sql"), script("ten", ""));
		write(directory.resolve("y/1.sql"), script("one_in_y", ""));
		write(directory.resolve("x/1.sql"), script("one_in_x", ""));
		assertThat(load(List.of(directory.toString()))).extracting(RevisionScript::id)
			.containsExactly("one_in_x", "one_in_y", "ten", "nine", "upper", "lower");
	}

	@Test
	void missingFilesystemLocationIsAnErrorNamingIt() {
		Path missing = this.temp.resolve("missing");
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(() -> load(List.of("filesystem:" + missing)))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(ErrorKind.CONFIG);
				assertThat(ex).hasMessage("Script location 'filesystem:" + missing + "' does not exist ("
						+ missing.toAbsolutePath() + ")");
				assertThat(ex.hint())
					.isEqualTo("Create it with 'migrations init " + missing + "', or fix the locations setting");
			});
	}

	@Test
	void filesystemLocationThatIsAFileIsAnError() throws IOException {
		Path file = write(this.temp.resolve("x.sql"), script("x", ""));
		assertThatExceptionOfType(MigrationsException.class).isThrownBy(() -> load(List.of(file.toString())))
			.withMessage("Script location 'filesystem:" + file + "' is not a directory (" + file + ")");
	}

	@Test
	void readsAClasspathLocationInADirectory() {
		List<RevisionScript> scripts = load(List.of("classpath:dev/migrations/script/loader"));
		assertThat(scripts).extracting(RevisionScript::id).containsExactly("aaaa00000001", "aaaa00000002");
		assertThat(scripts).extracting(RevisionScript::location)
			.containsExactly("dev/migrations/script/loader/20261121_1000_aaaa00000001_first.sql",
					"dev/migrations/script/loader/more/20261121_1100_aaaa00000002_second.sql");
		assertThat(scripts.get(0).revision().message()).isEqualTo("first");
	}

	@Test
	void classpathLocationThatIsAFileIsAnError() {
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> load(List.of("classpath:dev/migrations/script/loader/notes.txt")))
			.withMessageStartingWith("Script location 'classpath:dev/migrations/script/loader/notes.txt' is not a directory (")
			.withMessageEndingWith("dev/migrations/script/loader/notes.txt)");
	}

	@Test
	void classpathLocationThatIsAFileInAJarIsAnError() throws IOException {
		Path jar = jar(this.temp.resolve("scripts.jar"), Map.of("1_base.sql", script("root", "")));
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			assertThatExceptionOfType(MigrationsException.class)
				.isThrownBy(() -> ScriptLoader.load(List.of(Location.parse("classpath:1_base.sql")), classLoader,
						List.of()))
				.withMessage("Script location 'classpath:1_base.sql' is not a directory (jar:" + jar.toUri().toURL()
						+ "!/1_base.sql)");
		}
	}

	@Test
	void missingDefaultLocationYieldsNoScripts() {
		assertThat(load(List.of("classpath:db/migrations"))).isEmpty();
	}

	@Test
	void missingClasspathLocationFails() {
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> load(List.of("classpath:db/migration")))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(ErrorKind.CONFIG);
				assertThat(ex.getMessage())
					.isEqualTo("Script location 'classpath:db/migration' does not exist on the class path");
				assertThat(ex.hint()).isEqualTo(
						"Create it (src/main/resources/db/migration in a Maven or Gradle project), or fix the locations setting");
			});
	}

	@Test
	void readsAClasspathLocationInsideAJar() throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		entries.put("db/", null);
		entries.put("db/jarred/", null);
		entries.put("db/jarred/1_base.sql", script("root", ""));
		entries.put("db/jarred/sub/", null);
		entries.put("db/jarred/sub/2_next.sql", script("next", "root"));
		entries.put("db/jarred/notes.txt", "not a script");
		entries.put("db/jarred-elsewhere/", null);
		entries.put("db/jarred-elsewhere/3_other.sql", script("other", ""));
		Path jar = jar(this.temp.resolve("scripts.jar"), entries);
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			List<RevisionScript> scripts = ScriptLoader.load(List.of(Location.parse("classpath:db/jarred")),
					classLoader, List.of());
			assertThat(scripts).extracting(RevisionScript::id).containsExactly("root", "next");
			assertThat(scripts).extracting(RevisionScript::location)
				.containsExactly("db/jarred/1_base.sql", "db/jarred/sub/2_next.sql");
		}
	}

	@Test
	void readsAJarEntryOnceWhenLocationsOverlap() throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		entries.put("db/", null);
		entries.put("db/jarred/", null);
		entries.put("db/jarred/1_base.sql", script("root", ""));
		Path jar = jar(this.temp.resolve("scripts.jar"), entries);
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			List<RevisionScript> scripts = ScriptLoader.load(
					Location.parseAll(List.of("classpath:db", "classpath:db/jarred", "classpath:/db/jarred/")),
					classLoader, List.of());
			assertThat(scripts).extracting(RevisionScript::location).containsExactly("db/jarred/1_base.sql");
		}
	}

	@Test
	void readsAFileOnceWhenLocationsOverlap() throws IOException {
		Path directory = this.temp.resolve("scripts");
		write(directory.resolve("sub/a.sql"), script("a", ""));
		List<RevisionScript> scripts = load(
				List.of(directory.toString(), "filesystem:" + directory.resolve("sub"), directory + "/"));
		assertThat(scripts).extracting(RevisionScript::location).containsExactly(directory + "/sub/a.sql");
	}

	@Test
	void readsAFileOnceWhenALaterLocationHoldsAnEarlierOne() throws IOException {
		Path directory = this.temp.resolve("scripts");
		write(directory.resolve("sub/a.sql"), script("a", ""));
		write(directory.resolve("b.sql"), script("b", "a"));
		write(this.temp.resolve("elsewhere/c.sql"), script("c", "b"));
		List<RevisionScript> scripts = load(List.of(directory.resolve("sub").toString(),
				this.temp.resolve("elsewhere").toString(), directory.toString()));
		assertThat(scripts).extracting(RevisionScript::location)
			.containsExactly(directory + "/sub/a.sql", directory + "/b.sql", this.temp + "/elsewhere/c.sql");
	}

	@Test
	void readsAFileOnceWhenAClasspathAndAFilesystemLocationAreTheSameDirectory() throws IOException {
		write(this.temp.resolve("scripts/a.sql"), script("a", ""));
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { this.temp.toUri().toURL() }, null)) {
			List<RevisionScript> scripts = ScriptLoader.load(
					Location.parseAll(List.of("classpath:scripts", "filesystem:" + this.temp.resolve("scripts"))),
					classLoader, List.of());
			assertThat(scripts).extracting(RevisionScript::location).containsExactly("scripts/a.sql");
		}
	}

	@Test
	void scriptErrorsNameTheFile() throws IOException {
		Path directory = this.temp.resolve("scripts");
		write(directory.resolve("bad.sql"), "-- Revision ID: bad\nSELECT 1;\n");
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> load(List.of(directory.toString())))
			.withMessage(directory + "/bad.sql: no '-- migrate:upgrade' line");
	}

	@Test
	void scriptThatIsNotUtf8IsAnError() throws IOException {
		Path directory = this.temp.resolve("scripts");
		Files.createDirectories(directory);
		Files.write(directory.resolve("latin1.sql"), "-- Revision ID: a\n-- Message: caf\u00e9\n-- migrate:upgrade\n"
			.getBytes(StandardCharsets.ISO_8859_1));
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> load(List.of(directory.toString())))
			.satisfies((ex) -> {
				assertThat(ex).hasMessage(directory + "/latin1.sql: is not UTF-8 text");
				assertThat(ex.hint()).isEqualTo("Save the script in UTF-8");
			});
	}

	@Test
	void javaMigrationTakesItsHeaderFromTheAnnotation() {
		List<RevisionScript> scripts = ScriptLoader.load(List.of(), CLASS_LOADER, List.of(new BackfillUsers()));
		RevisionScript script = scripts.get(0);
		assertThat(script.id()).isEqualTo("javarev00001");
		assertThat(script.revision().downRevisions()).containsExactly("aaaa00000001");
		assertThat(script.revision().message()).isEqualTo("backfill users in java");
		assertThat(script.revision().branchLabels()).containsExactly("jvm");
		assertThat(script.revision().dependsOn()).containsExactly("aaaa00000002");
		assertThat(script.revision().source()).isEqualTo(BackfillUsers.class.getName());
		assertThat(script.transactional()).isFalse();
		assertThat(script.sortKey()).isEqualTo("BackfillUsers");
		assertThat(script.location()).isEqualTo(BackfillUsers.class.getName());
		assertThat(script.checksum()).isNull();
		assertThat(script.createDate()).isNull();
	}

	@Test
	void javaMigrationIsReversibleOnlyWhenItOverridesDowngrade() {
		BackfillUsers reversible = new BackfillUsers();
		IrreversibleJava irreversible = new IrreversibleJava();
		List<RevisionScript> scripts = ScriptLoader.load(List.of(), CLASS_LOADER, List.of(reversible, irreversible));
		assertThat(scripts.get(0).upgrade()).isEqualTo(new MigrationBody.Java(reversible, true));
		assertThat(scripts.get(0).downgrade()).isEqualTo(new MigrationBody.Java(reversible, false));
		assertThat(scripts.get(1).upgrade()).isEqualTo(new MigrationBody.Java(irreversible, true));
		assertThat(scripts.get(1).downgrade()).isNull();
		assertThat(scripts.get(1).transactional()).isTrue();
	}

	@Test
	void subclassOfAnAnnotatedMigrationReadsAsTheAnnotatedClass() {
		RevisionScript script = ScriptLoader.load(List.of(), CLASS_LOADER, List.of(new BackfillUsers() {
		})).get(0);
		assertThat(script.id()).isEqualTo("javarev00001");
		assertThat(script.sortKey()).isEqualTo("BackfillUsers");
		assertThat(script.isReversible()).isTrue();
	}

	@Test
	void javaMigrationsSortAmongScriptsBySimpleClassName() {
		List<RevisionScript> scripts = ScriptLoader.load(
				List.of(Location.parse("classpath:dev/migrations/script/loader")), CLASS_LOADER,
				List.of(new IrreversibleJava(), new BackfillUsers()));
		assertThat(scripts).extracting(RevisionScript::sortKey)
			.containsExactly("20261121_1000_aaaa00000001_first.sql", "20261121_1100_aaaa00000002_second.sql",
					"BackfillUsers", "IrreversibleJava");
	}

	@Test
	void javaMigrationWithoutAnnotationIsAnErrorNamingTheClass() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptLoader.load(List.of(), CLASS_LOADER, List.of(new NotAnnotated())))
			.satisfies((ex) -> {
				assertThat(ex).hasMessage(NotAnnotated.class.getName() + ": Java migration has no @MigrationRevision");
				assertThat(ex.hint())
					.matches("Annotate the class with @MigrationRevision\\(id = \"[0-9a-f]{12}\", revises = \\.\\.\\.\\)");
				assertThat(ex.file()).isEqualTo(NotAnnotated.class.getName());
			});
	}

	@Test
	void javaMigrationIdMustFollowTheIdRule() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptLoader.load(List.of(), CLASS_LOADER, List.of(new BadId())))
			.withMessage(BadId.class.getName()
					+ ": @MigrationRevision id must be 1 to 64 letters, digits or '_' ('-', '+', '@' and ':' have meanings in targets), not 'not valid'");
	}

	@Test
	void loadsTenThousandScripts() throws IOException {
		Path directory = Files.createDirectories(this.temp.resolve("many"));
		for (int i = 0; i < 10_000; i++) {
			String id = String.format("r%05d", i);
			String revises = (i > 0) ? String.format("r%05d", i - 1) : "";
			Files.writeString(directory.resolve(String.format("%05d_%s_step.sql", i, id)),
					script(id, revises) + "CREATE TABLE t" + i + " (id int);\n-- migrate:downgrade\nDROP TABLE t" + i
							+ ";\n");
		}
		List<RevisionScript> scripts = load(List.of(directory.toString()));
		assertThat(scripts).hasSize(10_000);
		assertThat(scripts.get(0).id()).isEqualTo("r00000");
		assertThat(scripts.get(9_999).id()).isEqualTo("r09999");
	}

	@Test
	void readsEachScriptWholeWhateverTheSizesOfTheScriptsReadBeforeIt() throws IOException {
		Path directory = Files.createDirectories(this.temp.resolve("sizes"));
		Map<String, String> texts = new LinkedHashMap<>();
		for (int i = 0; i < 300; i++) {
			String id = String.format("r%03d", i);
			String filler = "-- padding so that this script outgrows the last one read\n".repeat((i % 3 == 0) ? 400 : 1);
			String message = (i % 5 == 0) ? "-- Message: caf\u00e9 " + i + "\n" : "";
			String text = "-- Revision ID: " + id + "\n" + message + "\n-- migrate:upgrade\n" + filler + "SELECT " + i
					+ ";\n-- migrate:downgrade\nSELECT -" + i + ";\n";
			texts.put(id, text);
			Files.writeString(directory.resolve(id + ".sql"), text);
		}
		List<RevisionScript> scripts = load(List.of(directory.toString()));
		assertThat(scripts).hasSize(300);
		for (RevisionScript script : scripts) {
			RevisionScript parsed = ScriptParser.parse(script.location(), texts.get(script.id()));
			assertThat(script.upgrade()).isEqualTo(parsed.upgrade());
			assertThat(script.downgrade()).isEqualTo(parsed.downgrade());
			assertThat(script.checksum()).isEqualTo(parsed.checksum());
			assertThat(script.revision()).isEqualTo(parsed.revision());
		}
	}

	@Test
	void namesAScriptTooLargeToLoadAndTellsHowToSplitIt() throws IOException {
		Path script = write(this.temp.resolve("big.sql"), "x".repeat(10_000));
		ScriptLoader.ReadBuffer buffer = new ScriptLoader.ReadBuffer(9_999);
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> buffer.read(script, "db/big.sql"))
			.withMessage("db/big.sql: is too large to load: it has more than 9999 bytes")
			.extracting(ScriptException::hint)
			.isEqualTo("Split it into several revisions, each a script of its own");
	}

	@Test
	void readsAScriptThatFillsTheLimitExactly() throws IOException {
		Path script = write(this.temp.resolve("full.sql"), "x".repeat(10_000));
		ScriptLoader.ReadBuffer buffer = new ScriptLoader.ReadBuffer(10_000);
		assertThat(buffer.read(script, "db/full.sql")).isTrue();
		assertThat(buffer.length()).isEqualTo(10_000);
	}

	private static List<RevisionScript> load(List<String> locations) {
		return ScriptLoader.load(Location.parseAll(locations), CLASS_LOADER, List.of());
	}

	private static String script(String id, String revises) {
		return "-- Revision ID: " + id + "\n-- Revises: " + revises + "\n\n-- migrate:upgrade\n";
	}

	private static Path write(Path file, String text) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.writeString(file, text);
	}

	/** Writes a jar of the given entries: a {@code null} text makes a directory entry. */
	private static Path jar(Path file, Map<String, String> entries) throws IOException {
		try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
			for (Map.Entry<String, String> entry : entries.entrySet()) {
				jar.putNextEntry(new JarEntry(entry.getKey()));
				if (entry.getValue() != null) {
					jar.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				}
				jar.closeEntry();
			}
		}
		return file;
	}

	@MigrationRevision(id = "javarev00001", revises = "aaaa00000001", message = "backfill users in java",
			branchLabels = "jvm", dependsOn = "aaaa00000002", transactional = false)
	static class BackfillUsers implements JavaMigration {

		@Override
		public void upgrade(Connection connection) {
		}

		@Override
		public void downgrade(Connection connection) {
		}

	}

	@MigrationRevision(id = "javarev00002", revises = "javarev00001")
	static class IrreversibleJava implements JavaMigration {

		@Override
		public void upgrade(Connection connection) {
		}

	}

	static class NotAnnotated implements JavaMigration {

		@Override
		public void upgrade(Connection connection) {
		}

	}

	@MigrationRevision(id = "not valid")
	static class BadId implements JavaMigration {

		@Override
		public void upgrade(Connection connection) {
		}

	}

}
