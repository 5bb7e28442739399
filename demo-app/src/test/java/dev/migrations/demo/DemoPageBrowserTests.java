package dev.migrations.demo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' page in a real browser: Debian's headless Chromium loads the demo's page, runs its script (the
 * page's Content-Security-Policy allowing it), and leaves a screenshot in {@code target/migrations-page.png} for
 * review. The test fails, saying how to install it, where Chromium is missing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:demo_page;DB_CLOSE_DELAY=-1", "migrations.ui.enabled=true" })
class DemoPageBrowserTests {

	/** The demo's revisions, newest first, as {@code history} lists them. */
	private static final List<String> REVISIONS = List.of(DemoApplicationTests.HEAD, "d4e5f6a7b8c9", "b2c3d4e5f6a7",
			"c3d4e5f6a7b8", "a1b2c3d4e5f6");

	@LocalServerPort
	private int port;

	private Path profile;

	@BeforeEach
	void createProfile() throws IOException {
		this.profile = Files.createTempDirectory("demo-page-chromium");
	}

	@AfterEach
	void deleteProfile() throws IOException {
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

	@Test
	void theGraphHasOneNodePerRevisionAndTheCurrentOneMarked() throws Exception {
		String dom = chromium("--dump-dom", pageUrl());
		List<String> nodes = new ArrayList<>();
		Matcher node = Pattern.compile("<g class=\"(node[^\"]*)\" data-revision=\"([^\"]+)\"").matcher(dom);
		List<String> current = new ArrayList<>();
		while (node.find()) {
			nodes.add(node.group(2));
			if (List.of(node.group(1).split(" ")).contains("current")) {
				current.add(node.group(2));
			}
		}
		assertThat(nodes).as("one node per revision in\n" + dom).containsExactlyElementsOf(REVISIONS);
		assertThat(current).containsExactly(DemoApplicationTests.HEAD);
		assertThat(dom).contains("Up to date");
	}

	@Test
	void theScriptShowsTheRevisionsHistory() throws Exception {
		String dom = chromium("--dump-dom", pageUrl() + "#" + DemoApplicationTests.HEAD);
		assertThat(dom).as("the details panel the script fills in\n" + dom)
			.contains("<h2 class=\"revision\">" + DemoApplicationTests.HEAD + "</h2>")
			.contains("<dt>State</dt><dd>applied</dd>")
			.containsPattern("<tr class=\"ok\"><td>upgrade</td><td>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC</td>"
					+ "<td>[^<]+</td><td>\\d+ ms</td><td>ok</td></tr>")
			.contains("class=\"node head current selected\"");
	}

	@Test
	void aScreenshotIsLeftForReview() throws Exception {
		Path screenshot = Path.of("target", "migrations-page.png").toAbsolutePath();
		Files.deleteIfExists(screenshot);
		chromium("--screenshot=" + screenshot, "--window-size=1280,720", "--hide-scrollbars",
				pageUrl() + "#d4e5f6a7b8c9");
		assertThat(screenshot).exists();
		byte[] png = Files.readAllBytes(screenshot);
		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		assertThat(png.length).as("a page with something on it").isGreaterThan(20_000);
	}

	private String pageUrl() {
		return "http://localhost:" + this.port + "/migrations";
	}

	/** Runs headless Chromium on the arguments and returns what it wrote to its standard output. */
	private String chromium(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(chromiumExecutable(), "--headless", "--no-sandbox",
				"--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + this.profile));
		command.addAll(List.of(arguments));
		Path log = this.profile.resolve("chromium.log");
		Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("Chromium ends").isTrue();
		assertThat(process.exitValue()).as("Chromium's exit status; its log:\n" + Files.readString(log)).isZero();
		return new String(output, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String chromiumExecutable() {
		for (String name : List.of("chromium", "chromium-browser")) {
			for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
				if (Files.isExecutable(Path.of(directory, name))) {
					return Path.of(directory, name).toString();
				}
			}
		}
		throw new AssertionError("Headless Chromium is needed for this test and is not on the PATH: install "
				+ "Debian's package with 'apt-get install -y chromium chromium-driver' (.ci/run does)");
	}

}
