package dev.migrations.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Alembic's recorded conformance corpus, the test resource {@code conformance/alembic}: every scenario and
 * the deviations the project takes. Its README says where it comes from. The corpus is found on the class path,
 * as a folder ({@code migrations-core}'s own tests) or inside the core's test jar (the command line's tests).
 */
public final class Corpus {

	static final String RESOURCE = "conformance/alembic/deviations.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path directory;

	private Corpus(Path directory) {
		this.directory = directory;
	}

	public static Corpus load() {
		URL deviations = Corpus.class.getClassLoader().getResource(RESOURCE);
		if (deviations == null) {
			throw new IllegalStateException("Conformance corpus not found on the class path at " + RESOURCE
					+ ": it ships in migrations-core/src/test/resources/conformance/alembic");
		}
		try {
			URI uri = deviations.toURI();
			Path file = "jar".equals(uri.getScheme()) ? zipFileSystem(uri).provider().getPath(uri) : Paths.get(uri);
			return new Corpus(file.getParent());
		}
		catch (URISyntaxException | IOException ex) {
			throw new IllegalStateException("Cannot open the conformance corpus at " + deviations + ": " + ex, ex);
		}
	}

	private static FileSystem zipFileSystem(URI uri) throws IOException {
		try {
			return FileSystems.newFileSystem(uri, Map.of());
		}
		catch (FileSystemAlreadyExistsException ex) {
			return FileSystems.getFileSystem(uri);
		}
	}

	/** Every scenario, in file-name order. */
	public List<Scenario> scenarios() {
		try (Stream<Path> files = Files.list(this.directory.resolve("scenarios"))) {
			return files.filter((file) -> file.toString().endsWith(".json"))
				.sorted(Comparator.comparing(Path::toString))
				.map(Corpus::readScenario)
				.toList();
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
			return JSON.readTree(Files.readString(file));
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** Writes a scenario's revisions as contract §2 scripts into {@code directory}. */
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
