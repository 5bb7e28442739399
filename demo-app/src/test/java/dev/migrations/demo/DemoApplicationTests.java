package dev.migrations.demo;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo on its default embedded H2 database (in memory here, so that each run starts empty). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:demo_test;DB_CLOSE_DELAY=-1")
class DemoApplicationTests {

	static final String HEAD = "e5f6a7b8c9d0";

	@LocalServerPort
	private int port;

	@Test
	void startsWithTheDatabaseAtHead() {
		assertAtHead(this.port);
	}

	@Test
	void servesTheWelcomeNoteTheRevisionsWrote() {
		List<Note> notes = client(this.port).get()
			.uri("/notes")
			.retrieve()
			.body(new ParameterizedTypeReference<List<Note>>() {
			});
		assertThat(notes).first().satisfies((note) -> {
			assertThat(note.title()).isEqualTo("Welcome");
			assertThat(note.author()).isEqualTo("migrations");
			assertThat(note.tags()).containsExactly("welcome");
		});
	}

	@Test
	void addsANote() {
		ResponseEntity<Note> response = client(this.port).post()
			.uri("/notes")
			.body(new NewNote("Groceries", "milk, bread", "ada", List.of("home", "errand")))
			.retrieve()
			.toEntity(Note.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Note added = response.getBody();
		assertThat(response.getHeaders().getLocation()).hasPath("/notes/" + added.id());
		assertThat(client(this.port).get().uri("/notes/{id}", added.id()).retrieve().body(Note.class))
			.isEqualTo(added)
			.extracting(Note::tags)
			.isEqualTo(List.of("errand", "home"));
	}

	static RestClient client(int port) {
		return RestClient.create("http://localhost:" + port);
	}

	/** {@code /actuator/migrations} says the database is at head, through the merge of both branches. */
	static void assertAtHead(int port) {
		MigrationsStatus status = client(port).get().uri("/actuator/migrations").retrieve().body(MigrationsStatus.class);
		assertThat(status.current()).containsExactly(HEAD);
		assertThat(status.heads()).containsExactly(HEAD);
		assertThat(status.upToDate()).isTrue();
		assertThat(status.pending()).isEmpty();
		assertThat(status.history()).extracting(RevisionStatus::revision)
			.containsExactly(HEAD, "d4e5f6a7b8c9", "b2c3d4e5f6a7", "c3d4e5f6a7b8", "a1b2c3d4e5f6");
		assertThat(status.history()).extracting(RevisionStatus::state).containsOnly("applied");
		assertThat(status.history().get(1).revises()).containsExactly("b2c3d4e5f6a7", "c3d4e5f6a7b8");
		assertThat(status.history().get(2).branchLabels()).containsExactly("tags");
	}

	record MigrationsStatus(List<String> current, List<String> heads, boolean upToDate, List<String> pending,
			List<RevisionStatus> history) {

	}

	record RevisionStatus(String revision, List<String> revises, List<String> branchLabels, String state) {

	}

}
