package dev.migrations.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Alembic's recorded conformance corpus, {@code ../shared/conformance/alembic}: every scenario and the
 * deviations the project takes. The folder comes from the {@code migrations.shared.dir} system property (set by
 * the build) or {@code ../shared} beside the working directory's repository root.
 */
public final class Corpus {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path directory;

	private Corpus(Path directory) {
		this.directory = directory;
	}

	public static Corpus load() {
		Path shared = Optional.ofNullable(System.getProperty("migrations.shared.dir"))
			.map(Paths::get)
			.orElseGet(Corpus::findSharedFromWorkingDirectory);
		Path directory = shared.resolve("conformance/alembic");
		if (!Files.isDirectory(directory.resolve("scenarios"))) {
			throw new IllegalStateException("Conformance corpus not found at " + directory
					+ ": check out the shared folder beside the repository or set -Dmigrations.shared.dir");
		}
		return new Corpus(directory);
	}

	private static Path findSharedFromWorkingDirectory() {
		for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve("../shared/conformance"))) {
				return dir.resolve("../shared").normalize();
			}
		}
		return Paths.get("../shared");
	}

	/** Every scenario, in file-name order. */
	public List<Scenario> scenarios() {
		try (Stream<Path> files = Files.list(this.directory.resolve("scenarios"))) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().map(Corpus::readScenario).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The deviations, keyed by {@code scenario/step}. */
	public Map<String, Deviation> deviations() {
		JsonNode root = read(this.directory.resolve("deviations.json"));
		List<Deviation> deviations = new ArrayList<>();
		for (JsonNode node : root.get("steps")) {
			JsonNode expect = node.get("expect");
			deviations.add(new Deviation(node.get("scenario").asString(), node.get("step").asInt(),
					node.get("rule").asString(), expect.path("error").asBoolean(false),
					expect.path("rows_unchanged").asBoolean(false), node.path("resync").asBoolean(false)));
		}
		return deviations.stream().collect(Collectors.toMap((d) -> key(d.scenario(), d.step()), Function.identity()));
	}

	public static String key(String scenario, int step) {
		return scenario + "/" + step;
	}

	private static Scenario readScenario(Path file) {
		JsonNode root = read(file);
		List<ScenarioRevision> revisions = new ArrayList<>();
		for (JsonNode node : root.get("revisions")) {
			revisions.add(new ScenarioRevision(node.get("id").asString(), idList(node.get("down")),
					strings(node.get("branch_labels")), strings(node.get("depends_on")),
					node.path("message").asString(""), node.get("file").asString()));
		}
		List<ScenarioStep> steps = new ArrayList<>();
		int index = 0;
		for (JsonNode node : root.get("steps")) {
			List<Expectation> alternatives = new ArrayList<>();
			for (JsonNode alternative : node.path("expect_alternatives")) {
				alternatives.add(expectation(alternative.get("expect")));
			}
			boolean orderingOnly = "ordering-only".equals(node.path("hash_seed_dependent").path("kind").asString(""));
			steps.add(new ScenarioStep(index++, node.get("cmd").asString(), strings(node.get("args")),
					expectation(node.get("expect")), alternatives, orderingOnly));
		}
		return new Scenario(root.get("name").asString(), root.path("description").asString(""), revisions, steps);
	}

	private static Expectation expectation(JsonNode node) {
		boolean error = node.path("error").asBoolean(false);
		String message = "";
		if (error) {
			JsonNode exception = node.get("exception");
			message = exception.path("message").asString("");
			JsonNode cause = exception.path("cause");
			if (cause.isObject()) {
				message = message + " | " + cause.path("message").asString("");
			}
		}
		String stdout = node.hasNonNull("stdout") ? node.get("stdout").asString() : null;
		List<String> sortedLines = node.has("stdout_lines_sorted") ? strings(node.get("stdout_lines_sorted")) : null;
		List<String> log = node.has("log") ? strings(node.get("log")) : null;
		return new Expectation(error, message, stdout, sortedLines, log, strings(node.get("version_rows")));
	}

	private static List<String> idList(JsonNode node) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		return node.isArray() ? strings(node) : List.of(node.asString());
	}

	private static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node != null && node.isArray()) {
			node.forEach((value) -> values.add(value.asString()));
		}
		return values;
	}

	private static JsonNode read(Path file) {
		try {
			return JSON.readTree(file.toFile());
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** Writes a scenario's revisions as SPEC §2 scripts into {@code directory}. */
	public static void writeScripts(Scenario scenario, Path directory) {
		try {
			Files.createDirectories(directory);
			for (ScenarioRevision revision : scenario.revisions()) {
				Files.writeString(directory.resolve(revision.sqlFileName()), revision.script());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
