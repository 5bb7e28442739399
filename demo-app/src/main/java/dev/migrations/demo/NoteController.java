package dev.migrations.demo;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /notes}: list, read and add notes. */
@RestController
@RequestMapping("/notes")
public class NoteController {

	private final NoteRepository notes;

	public NoteController(NoteRepository notes) {
		this.notes = notes;
	}

	@GetMapping
	public List<Note> all() {
		return this.notes.findAllByOrderByIdAsc().stream().map(NoteEntity::toNote).toList();
	}

	@GetMapping("/{id}")
	public Note one(@PathVariable long id) {
		return this.notes.findById(id)
			.map(NoteEntity::toNote)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No note " + id));
	}

	@PostMapping
	public ResponseEntity<Note> add(@RequestBody NewNote note) {
		if (note.title() == null || note.title().isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A note needs a title");
		}
		Note added = this.notes.saveAndFlush(new NoteEntity(note)).toNote();
		return ResponseEntity.created(URI.create("/notes/" + added.id())).body(added);
	}

}
